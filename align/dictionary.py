"""Arabic–English word translations from real offline dictionaries.

Two sources, merged:

* the Buckwalter analyser's lexicon (``translit.analyze``: clitics split, each stem with an
  English gloss and a lemma whose unvocalised form is a citation form: مصنع, فائدة);
* FreeDict's Arabic–English and English–Arabic dictionaries (Debian packages
  ``dict-freedict-ara-eng`` and ``dict-freedict-eng-ara``), read straight from their dictd
  files (``.index`` + ``.dict.dz``). Their headwords often carry the article ال, and the
  English–Arabic one gives a single translation per headword, so English→Arabic look-ups
  also invert the Arabic–English one and the Buckwalter glosses.

English words are reduced to lemmas with ``lemminflect`` (all parts of speech: "marked" →
mark, marked), falling back to ``lexicon.en_lemma`` when it is not installed.

Public API: ``ar_glosses`` (English lemmas an Arabic word can mean), ``en_translations``
(Arabic words for an English word, best first), ``is_translation`` (True/False, or None when
the dictionaries know nothing of one of the two words). Missing FreeDict files are not an
error: a warning is logged once and Buckwalter alone answers (``freedict_available`` says).
"""

from __future__ import annotations

import gzip
import logging
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from . import translit as tl
from .lexicon import EN_STOPWORDS, en_lemma
from .normalize import ARABIC_DIACRITICS, TATWEEL, normalize_ar

log = logging.getLogger("muqabala")

__all__ = [
    "GLOSS_STOP",
    "DictdDictionary",
    "Translation",
    "ar_gloss_items",
    "ar_gloss_phrases",
    "ar_glosses",
    "ar_lookup_keys",
    "buckwalter_to_arabic",
    "en_known",
    "en_lemmas",
    "en_translations",
    "freedict_available",
    "is_translation",
    "normalize_key",
    "ranked_translations",
    "related_lemmas",
]

DICTD_DIRS = ("/usr/share/dictd", "/usr/local/share/dictd")
AR_EN = "freedict-ara-eng"
EN_AR = "freedict-eng-ara"
INSTALL_HINT = "apt-get install -y dict-freedict-ara-eng dict-freedict-eng-ara"

# Words of a gloss that carry no meaning of their own ("be decided", "to close", "lock or bolt").
GLOSS_STOP = EN_STOPWORDS | frozenset("be become get make one oneself someone something sb sth etc e g i.e. kind sort".split())

# ---------------------------------------------------------------------------------------
# dictd files
# ---------------------------------------------------------------------------------------

_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


def _b64_number(s: str) -> int:
    """dictd's base-64 numbers: most significant digit first, no padding."""
    n = 0
    for ch in s:
        n = n * 64 + _B64[ch]
    return n


class DictdDictionary:
    """One dictd dictionary: ``NAME.index`` (headword TAB base64 offset TAB base64 length)
    and ``NAME.dict.dz`` (dictzip, which gzip reads) or ``NAME.dict``.

    The whole body is decompressed once (a few MB); entries are sliced from it by offset.
    """

    def __init__(self, index_path: str | Path, dict_path: str | Path):
        self.index_path = Path(index_path)
        self.dict_path = Path(dict_path)
        self._index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        with open(self.index_path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3 or parts[0].startswith("00database") or parts[0].startswith("00-database"):
                    continue
                self._index[parts[0]].append((_b64_number(parts[1]), _b64_number(parts[2])))
        opener = gzip.open if self.dict_path.suffix == ".dz" else open
        with opener(self.dict_path, "rb") as fh:
            self._body = fh.read()

    @classmethod
    def find(cls, name: str, dirs: tuple[str, ...] | None = None) -> DictdDictionary | None:
        """The dictionary ``name`` from ``$MUQABALA_DICTD_DIR`` or the usual dictd folders."""
        env = os.environ.get("MUQABALA_DICTD_DIR")
        search = ([env] if env else []) + list(dirs or DICTD_DIRS)
        for d in search:
            idx = Path(d) / f"{name}.index"
            for body in (Path(d) / f"{name}.dict.dz", Path(d) / f"{name}.dict"):
                if idx.is_file() and body.is_file():
                    return cls(idx, body)
        return None

    def __contains__(self, headword: str) -> bool:
        return headword in self._index

    def __len__(self) -> int:
        return len(self._index)

    def headwords(self) -> Iterator[str]:
        return iter(self._index)

    def raw(self, headword: str) -> list[str]:
        """The raw text of each entry for ``headword`` (headword line included)."""
        return [self._body[o : o + n].decode("utf-8", "replace") for o, n in self._index.get(headword, ())]

    def lookup(self, headword: str) -> list[str]:
        """Definitions of ``headword``: the entry lines after the headword line, numbering off."""
        out: list[str] = []
        for text in self.raw(headword):
            lines = [ln.strip() for ln in text.strip().split("\n")]
            for ln in lines[1:]:
                ln = re.sub(r"^\d+\.\s*", "", ln).strip()
                if ln and ln not in out:
                    out.append(ln)
        return out

    def entries(self) -> Iterator[tuple[str, list[str]]]:
        for hw in self._index:
            yield hw, self.lookup(hw)


_warned: set[str] = set()


@cache
def _freedict(name: str) -> DictdDictionary | None:
    d = DictdDictionary.find(name)
    if d is None and name not in _warned:
        _warned.add(name)
        log.warning("FreeDict dictionary %s not found in %s (install: %s); using the Buckwalter glosses only",
                    name, ", ".join(DICTD_DIRS), INSTALL_HINT)
    return d


def freedict_available() -> bool:
    return _freedict(AR_EN) is not None and _freedict(EN_AR) is not None


# ---------------------------------------------------------------------------------------
# English lemmas
# ---------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def en_lemmas(word: str) -> frozenset[str]:
    """Lower-case lemmas of an English word under any part of speech, the word itself included."""
    w = word.lower().replace("’", "'").strip("'")
    if not w:
        return frozenset()
    out = {w}
    try:
        from lemminflect import getAllLemmas, getAllLemmasOOV
    except ImportError:  # pragma: no cover - lemminflect is a dependency
        out.add(en_lemma(w))
        return frozenset(out)
    found = getAllLemmas(w)
    if not found and w.isalpha():
        found = {**getAllLemmasOOV(w, upos="NOUN"), **getAllLemmasOOV(w, upos="VERB")}
    for lemmas in found.values():
        out.update(lm.lower() for lm in lemmas)
    return frozenset(out)


def _gloss_words(item: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+(?:-[a-z]+)*", item.lower()) if w not in GLOSS_STOP]


def _item_lemmas(item: str) -> set[str]:
    out: set[str] = set()
    for w in _gloss_words(item):
        out |= en_lemmas(w)
        if "-" in w:
            for part in w.split("-"):
                if part not in GLOSS_STOP:
                    out |= en_lemmas(part)
    return out


def _item_head(item: str) -> tuple[str, int]:
    """(head word, content words) of a gloss item: "to close" → (close, 1), "industrial plant" → (plant, 2)."""
    words = _gloss_words(item)
    return (words[-1] if words else "", len(words))


# ---------------------------------------------------------------------------------------
# Arabic keys
# ---------------------------------------------------------------------------------------

_BUCK_TO_AR = {
    "'": "ء", "|": "آ", ">": "أ", "&": "ؤ", "<": "إ", "}": "ئ", "A": "ا", "b": "ب", "p": "ة",
    "t": "ت", "v": "ث", "j": "ج", "H": "ح", "x": "خ", "d": "د", "*": "ذ", "r": "ر", "z": "ز",
    "s": "س", "$": "ش", "S": "ص", "D": "ض", "T": "ط", "Z": "ظ", "E": "ع", "g": "غ", "f": "ف",
    "q": "ق", "k": "ك", "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و", "Y": "ى", "y": "ي",
    "{": "ا", "_": "",
}


def buckwalter_to_arabic(bw: str) -> str:
    """Unvocalised Arabic script of a Buckwalter string: short vowels, sukun, shadda and
    tanween are dropped (``maSonaE`` → مصنع, ``{ihotimAm`` → اهتمام)."""
    return "".join(_BUCK_TO_AR.get(ch, "") for ch in bw)


def _lemma_form(lemma: str) -> str:
    return buckwalter_to_arabic(re.sub(r"_\d+$", "", lemma).split("-")[0])


def normalize_key(word: str) -> str:
    """Normalised Arabic form for comparing dictionary entries (spaces off)."""
    return normalize_ar(word).replace(" ", "")


_key = normalize_key


def _strip_al(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) > 3 else key


@lru_cache(maxsize=65536)
def ar_lookup_keys(word: str) -> tuple[str, ...]:
    """Normalised dictionary keys for an Arabic word: as written and each clitic reading,
    without ال, plus the citation forms of its Buckwalter lemmas (قفازًا → قفاز)."""
    keys: list[str] = []
    for _n, rest in tl.clitic_readings(word):
        keys.append(_strip_al(_key(rest)))
    for a in tl.analyze(word):
        if a.pos == "FUNC_WORD":
            continue
        keys.append(_strip_al(_key(buckwalter_to_arabic(a.stem))))
        keys.append(_strip_al(_key(_lemma_form(a.lemma))))
    return tuple(dict.fromkeys(k for k in keys if len(k) >= 2))


# ---------------------------------------------------------------------------------------
# Tables (built once, lazily)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Translation:
    """An Arabic word offered for an English word, with where it came from."""

    ar: str  # Arabic surface form (diacritics off; FreeDict's ال off)
    source: str  # "freedict-eng-ara" | "freedict-ara-eng" | "buckwalter"
    rank: float  # higher is better


@cache
def _ar_en_table() -> dict[str, tuple[str, ...]]:
    """FreeDict ara-eng: normalised Arabic key (ال off) → its English definitions."""
    table: dict[str, list[str]] = defaultdict(list)
    for hw, defs in _freedict_ar_entries():
        k = _strip_al(_key(hw))
        table[k].extend(x for x in defs if x not in table[k])
    return {k: tuple(v) for k, v in table.items()}


_MARKS_RE = re.compile(f"[{ARABIC_DIACRITICS}{TATWEEL}]")


def _clean_ar_surface(text: str) -> str:
    return _MARKS_RE.sub("", text).strip()


def _surface_no_al(text: str) -> str:
    w = _clean_ar_surface(text)
    return w[2:] if w.startswith("ال") and len(w) > 3 and " " not in w else w


@cache
def _en_ar_index() -> dict[str, dict[str, Translation]]:
    """English word (lower case, as the dictionaries write it) → Arabic translations.

    Only exact gloss items count here ("factory", "to close", "interest"), or a two-word
    item whose head is the word ("industrial plant" → plant) at a lower rank: precise
    candidates for substitution, not every word that appears in a gloss. Keys are not
    lemmatised (the glosses are mostly base forms already); queries expand to lemmas.
    """
    found: dict[str, dict[str, Translation]] = defaultdict(dict)

    def add(en: str, ar: str, source: str, rank: float) -> None:
        ar = _surface_no_al(ar)
        if not ar or len(ar.split()) > 2 or not any("\u0621" <= c <= "\u064a" for c in ar):
            return
        old = found[en].get(ar)
        if old is None or old.rank < rank:
            found[en][ar] = Translation(ar, source, rank)

    d = _freedict(EN_AR)
    if d is not None:
        for hw, defs in d.entries():
            for i, ar in enumerate(defs):
                add(hw.lower(), ar, EN_AR, 3.0 - 0.1 * i)
    for hw, defs in _freedict_ar_entries():
        for i, item in enumerate(defs):
            head, n = _item_head(item)
            if n == 1:
                add(head, hw, AR_EN, 2.0 - 0.05 * min(i, 10))
    bw = tl.buckwalter()
    if bw is not None:
        for _stem, entries in bw.stems.items():
            for _cat, pos, gloss, lemma in entries:
                if pos in ("NOUN_PROP", "FUNC_WORD") or not lemma:
                    continue
                ar = _lemma_form(lemma)
                items = gloss.split(";")
                for i, item in enumerate(items):
                    head, n = _item_head(item)
                    if n == 1:
                        add(head, ar, "buckwalter", 2.5 - 0.2 * min(i, 5))
                    elif n == 2 and len(items) <= 3:
                        add(head, ar, "buckwalter", 0.8)
    return dict(found)


@cache
def _freedict_ar_entries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    d = _freedict(AR_EN)
    return tuple((hw, tuple(defs)) for hw, defs in d.entries()) if d is not None else ()


# ---------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def ar_gloss_items(word: str) -> tuple[frozenset[str], ...]:
    """The senses of an Arabic word, each as a set of English lemmas: one per Buckwalter
    gloss item (readings with a pronoun suffix included) and per FreeDict definition of
    one of its keys (clitics split, ال off, lemma citation forms)."""
    senses: list[frozenset[str]] = []
    for a in tl.analyze(word):
        if a.pos == "FUNC_WORD":
            continue
        for item in a.gloss.split(";"):
            lem = _item_lemmas(item)
            if a.proper:
                lem |= {w.lower() for w in re.findall(r"[A-Za-z]+", item)}
            if lem:
                senses.append(frozenset(lem))
    table = _ar_en_table()
    for k in ar_lookup_keys(word):
        for item in table.get(k, ()):
            lem = _item_lemmas(item)
            if lem:
                senses.append(frozenset(lem))
    return tuple(dict.fromkeys(senses))


_PAREN_RE = re.compile(r"\([^)]*\)|\[[^]]*\]")


@lru_cache(maxsize=65536)
def ar_gloss_phrases(word: str) -> tuple[str, ...]:
    """English gloss items of an Arabic word as short phrases, Buckwalter's first ("to
    close" → "close", notes in brackets off): what the word says, in English words, for
    putting back into an English sentence."""
    out: list[str] = []
    items: list[str] = []
    for a in tl.analyze(word):
        if a.pos != "FUNC_WORD":
            items += a.gloss.split(";")
    table = _ar_en_table()
    for k in ar_lookup_keys(word):
        items += list(table.get(k, ()))
    for item in items:
        t = _PAREN_RE.sub("", item).strip().lower()
        t = re.sub(r"^(to|be|a|an|the)\s+", "", t)
        if t and len(t.split()) <= 3 and re.fullmatch(r"[a-z][a-z' -]*", t) and t not in out:
            out.append(t)
    return tuple(out)


def ar_glosses(word: str) -> set[str]:
    """English lemmas the Arabic word (clitics split) can translate; empty when unknown."""
    out: set[str] = set()
    for s in ar_gloss_items(word):
        out |= s
    return out


@lru_cache(maxsize=65536)
def ranked_translations(word: str) -> tuple[Translation, ...]:
    """Arabic translations of an English word (the word as written or any of its lemmas),
    best first: higher source rank, then the more frequent Arabic word."""
    idx = _en_ar_index()
    seen: dict[str, Translation] = {}
    for lm in {word.lower(), *en_lemmas(word)}:
        for t in idx.get(lm, {}).values():
            if t.ar not in seen or seen[t.ar].rank < t.rank:
                seen[t.ar] = t
    return tuple(sorted(seen.values(), key=lambda t: (-t.rank, -tl.zipf_ar(t.ar), t.ar)))


@lru_cache(maxsize=65536)
def _translation_keys(word: str) -> frozenset[str]:
    return frozenset(_strip_al(_key(t.ar)) for t in ranked_translations(word))


def en_translations(word: str) -> list[str]:
    """Arabic translations of an English word, best first (diacritics and ال off)."""
    return [t.ar for t in ranked_translations(word)]


def en_known(word: str) -> bool:
    """The dictionaries know the English word: it has a translation, or glosses some stem."""
    return bool(ranked_translations(word)) or any(lm in tl.en_common_words() for lm in en_lemmas(word))


_DERIVATIONAL = frozenset(
    """ e s es ed d ing ion ation tion sion ment al ally ly ily ity ive er or ness ance ence ic ical
    ize ise ary ure y ies ial ful ous ist ism ian an""".split()
) | {""}


@lru_cache(maxsize=1 << 17)
def related_lemmas(a: str, b: str) -> bool:
    """Two English words of one family: a shared stem of five letters or more followed on
    each side by nothing or a derivational ending (document/documentation, military/
    militarily, produce/production), not by another word (country/countrywide)."""
    if a == b:
        return True
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    for q in (p, p - 1):  # one letter back: produc-e / produc-tion share "produc"
        if q >= 5 and a[q:] in _DERIVATIONAL and b[q:] in _DERIVATIONAL:
            return True
    return False


@lru_cache(maxsize=262144)
def is_translation(ar_word: str, en_word: str) -> bool | None:
    """Whether the Arabic word can translate the English word in some sense.

    None when the dictionaries know nothing of one of the two words (no gloss for the
    Arabic, no translation or gloss for the English): unknown is not a "no".
    """
    glosses = ar_glosses(ar_word)
    if not glosses or not en_known(en_word):
        return None
    lemmas = en_lemmas(en_word)
    if glosses & lemmas:
        return True
    if any(related_lemmas(g, lm) for g in glosses for lm in lemmas):
        return True
    return bool(set(ar_lookup_keys(ar_word)) & _translation_keys(en_word))
