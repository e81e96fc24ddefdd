"""Normalisation for *matching only*.

Every function here returns a new string used to compare words; offsets are never taken
from a normalised string. ``normalize_ar`` keeps a one-to-one character mapping where it can
(so a caller may still reason about positions), dropping only marks and invisible characters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ARABIC_DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
TATWEEL = "\u0640"
# Bidi controls, zero-width characters, word joiners, the soft hyphen and the BOM: invisible,
# never part of a word's spelling. Scraped pages are full of them; matching drops them.
INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u00ad\u180e"

_DROP_RE = re.compile(f"[{ARABIC_DIACRITICS}{TATWEEL}{INVISIBLE}]")
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_ALEF_RE = re.compile("[\u0622\u0623\u0625\u0671\u0672\u0673]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LETTERS = str.maketrans({"ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ک": "ك", "ی": "ي", "ڤ": "ف", "گ": "ك", "پ": "ب", "چ": "ج"})


# The same set as single characters, for code that looks at one character at a time.
INVISIBLE_CHARS = frozenset(c for c in map(chr, range(0x00a0, 0x2070)) if _INVISIBLE_RE.match(c)) | {"\ufeff"}


def strip_invisible(text: str) -> str:
    return _INVISIBLE_RE.sub("", text)


def strip_marks(text: str) -> str:
    """Drop diacritics, tatweel and invisibles, keeping every letter as written (the hamza
    seats that ``normalize_ar`` unifies stay)."""
    return _DROP_RE.sub("", text)


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII; ٫ (decimal) and ٬ (thousands) too."""
    return text.translate(_DIGITS).replace("٫", ".").replace("٬", ",")


# memoised: the checks normalise the same few hundred words tens of thousands of times a corpus
@lru_cache(maxsize=1 << 18)
def normalize_ar(text: str) -> str:
    """Drop diacritics/tatweel/invisibles, unify alef, hamza carriers, ya and ta marbuta."""
    text = unicodedata.normalize("NFKC", text) if not text.isascii() else text
    text = _ALEF_RE.sub("ا", strip_marks(text))
    return to_ascii_digits(text.translate(_LETTERS))


def normalize_en(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return strip_invisible(text).lower()


_AR_ARTICLE = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال")
_AR_ONE = "وفبلك"


@lru_cache(maxsize=200_000)
def zipf_ar(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - declared dependency
        return 0.0
    return zipf_frequency(word, "ar")


@lru_cache(maxsize=200_000)
def ar_stem_light(word: str) -> str:
    """A light stem for grouping renderings: normalised, article/conjunction and tanween alef off.

    The article with its proclitics (وال، بال، لل…) always goes. A bare one-letter proclitic
    (وبندقية) goes only when the rest is a more frequent Arabic word than the whole, so that
    فلاديمير, بوتين or وزير are left alone. No suffix stripping beyond tanween: it must not
    merge different words, only spellings of one word.
    """
    w = normalize_ar(word)
    for p in _AR_ARTICLE:
        if w.startswith(p) and len(w) - len(p) >= 2:
            w = w[len(p):]
            break
    else:
        if len(w) >= 5 and w[0] in _AR_ONE and zipf_ar(w[1:]) > zipf_ar(w) + 0.5:
            w = w[1:]
    if len(w) >= 4 and w.endswith("ا") and "\u064b" in word:
        w = w[:-1]  # the alef that carries tanween fath: قفازًا -> قفاز (هدايا keeps its alef)
    return w
