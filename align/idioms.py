"""The idiom list (``corpora/idioms.tsv``): English set phrases, accepted Arabic renderings,
and the literal calques to flag. Matching is by lemma sequence on the English side and by
light-stem sequence on the Arabic side, so inflection and clitics do not hide a match. An
optional fifth column lists English veto words: with one of them in the sentence the phrase
is read literally ("laid off the coast", "winds up to 90 km/h") and is not an idiom there."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .corpus import Problems, read_text
from .lexicon import ar_key, en_lemma
from .records import Token
from .segment import tokenize


@dataclass(frozen=True)
class Idiom:
    en: str
    lemmas: tuple[str, ...]
    accepted: tuple[tuple[str, ...], ...]  # each a sequence of Arabic keys
    accepted_text: tuple[str, ...]
    calques: tuple[tuple[str, ...], ...]
    note: str
    veto: frozenset[str] = frozenset()  # English lemmas that mark a literal use ("laid off the coast")


def _ar_keys(s: str) -> tuple[str, ...]:
    return tuple(ar_key(t.text) for t in tokenize(s, lang="ar"))


def load_idioms(path: Path | str, problems: Problems | None = None) -> list[Idiom]:
    """The idiom list; parsed once per distinct file content (a scorer builds its resources
    for every run, and parsing lemmatises and stems about 2,000 phrases)."""
    problems = problems or Problems()
    text = read_text(Path(path), problems) or ""
    idioms, bad = _parse_idioms(str(path), text)
    for where, message in bad:
        problems.report(where, message)
    return list(idioms)


@lru_cache(maxsize=8)
def _parse_idioms(path: str, text: str) -> tuple[tuple[Idiom, ...], tuple[tuple[str, str], ...]]:
    out: list[Idiom] = []
    bad: list[tuple[str, str]] = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.startswith("#") or (n == 1 and line.startswith("en\t")):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0].strip():
            bad.append((f"{path}:{n}", "expected en<TAB>accepted<TAB>calques<TAB>note[<TAB>veto]"))
            continue
        en = cols[0].strip().lower()
        lemmas = tuple(en_lemma(t.norm) for t in tokenize(en, lang="en"))
        acc = [a.strip() for a in cols[1].split("|") if a.strip()]
        cal = [c.strip() for c in cols[2].split("|") if c.strip()]
        if len(lemmas) < 2:
            continue
        veto = frozenset(en_lemma(w.strip().lower()) for w in (cols[4] if len(cols) > 4 else "").split("|") if w.strip())
        out.append(Idiom(en, lemmas, tuple(_ar_keys(a) for a in acc), tuple(acc),
                         tuple(k for k in (_ar_keys(c) for c in cal) if k), cols[3].strip() if len(cols) > 3 else "",
                         veto))
    return tuple(out), tuple(bad)


def find_in_en(idiom: Idiom, en_tokens: list[Token], lemmas: list[str] | None = None) -> list[tuple[int, int]]:
    """Token ranges (inclusive) of the idiom in the English tokens (``lemmas``: theirs, if
    the caller has them, as a check looking for hundreds of idioms in one pair does). A
    headline that drops the articles ("pull plug on") still matches "pull the plug"."""
    lem = lemmas if lemmas is not None else [en_lemma(t.norm) for t in en_tokens]
    out = _find_seq(idiom.lemmas, en_tokens, lem)
    bare = tuple(w for w in idiom.lemmas if w not in _ARTICLES)
    if len(bare) >= 2 and len(bare) < len(idiom.lemmas):  # headlinese: "Investors pull plug on…"
        out += [r for r in _find_seq(bare, en_tokens, lem) if r not in out]
    return out


_ARTICLES = frozenset({"the", "a", "an"})


def _find_seq(want: tuple[str, ...], en_tokens: list[Token], lem: list[str]) -> list[tuple[int, int]]:
    n = len(want)
    starts = [i for i in range(len(lem) - n + 1) if _same(lem[i], en_tokens[i].norm, want[0])]
    return [(i, i + n - 1) for i in starts if all(_same(lem[i + k], en_tokens[i + k].norm, want[k]) for k in range(1, n))]


def _same(lemma: str, norm: str, want: str) -> bool:
    """Lemma equality, tolerant of the crude lemmatiser's dropped final e (paved → pav ~ pave)."""
    return lemma == want or norm == want or lemma + "e" == want


def find_keys(keys: tuple[str, ...], ar_keys: list[str], lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    """First occurrence of a key sequence within ar_keys[lo:hi] (a word may be skipped
    between consecutive keys, as Arabic inserts adjectives: هجوم سحري روسي). A listed verb
    matches its conjugations (``key_matches``)."""
    hi = len(ar_keys) if hi is None else hi
    for i in range(lo, hi):
        if not key_matches(ar_keys[i], keys[0]):
            continue
        j, k = i, 1
        while k < len(keys):
            nxt = [x for x in (j + 1, j + 2) if x < hi and key_matches(ar_keys[x], keys[k])]
            if not nxt:
                break
            j, k = nxt[0], k + 1
        if k == len(keys):
            return i, j
    return None


# Verb inflection around a listed past-tense stem: تحول → تحولت، تحولوا، يتحول، سيسحبون
_VERB_SUFFIXES = ("", "ت", "وا", "ون", "ين", "ان", "تا", "تم", "نا", "ن", "ا")
_VERB_PREFIXES = ("", "ي", "ت", "ن", "ا", "سي", "ست", "سن")


def key_matches(token_key: str, want: str) -> bool:
    """The token's key is the listed key, or (for a key of three letters or more) that key
    with a verb's person prefix and/or ending: a list gives «سحب القابس» once, and a text
    says «يسحبون القابس» or «سحبوا القابس»."""
    if token_key == want:
        return True
    if len(want) < 3 or len(token_key) <= len(want) or want not in token_key:
        return False
    k = token_key.find(want)
    return token_key[:k] in _VERB_PREFIXES and token_key[k + len(want):] in _VERB_SUFFIXES
