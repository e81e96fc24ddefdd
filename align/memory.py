"""A corpus-internal translation memory built from the word alignments of one run.

For every English phrase of two adjacent content words ("cosmonaut glove") it records the
Arabic words that render it in each pair. A rendering that lacks a word which the corpus's
other renderings of the same phrase have is a likely error, and those other renderings are a
ready suggestion: the corpus already shows how its own translators render the phrase.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from .lexicon import ar_key, en_lemma, is_ar_content, is_en_content
from .records import Link, Token


@dataclass(frozen=True)
class Rendering:
    pair_id: str
    article: str | None
    ar_first: int  # token indices into that pair's ar_tokens (inclusive)
    ar_last: int
    surface: str  # original Arabic text of the rendering
    keys: tuple[str, ...]  # content-word keys, in order
    start: int  # absolute character offsets
    end: int


def phrase_rendering(
    en_idx: set[int], ar_tokens: list[Token], links: list[Link], sim: np.ndarray | None
) -> tuple[int, int] | None:
    """Token range of the Arabic rendering of the English tokens ``en_idx``.

    The core is the Arabic words linked to the phrase; it grows over neighbouring content
    words whose best English match lies in the phrase and that are linked to nothing else
    (an Arabic construct like «رائد فضاء» often has one word linked, one not).
    """
    core = sorted({lk.ar for lk in links if lk.en in en_idx})
    if not core:
        return None
    linked_elsewhere = {lk.ar for lk in links if lk.en not in en_idx}
    lo, hi = core[0], core[-1]
    if any(i in linked_elsewhere for i in range(lo, hi + 1)):
        return None  # not contiguous in Arabic: no single rendering span
    if hi - lo + 1 > 2 * len(en_idx) + 1:
        return None

    def attached(i: int) -> bool:
        if i < 0 or i >= len(ar_tokens) or i in linked_elsewhere or sim is None:
            return False
        if not is_ar_content(ar_tokens[i].norm):
            return False
        return int(np.argmax(sim[i])) in en_idx

    while attached(lo - 1):
        lo -= 1
    while attached(hi + 1):
        hi += 1
    return lo, hi


@dataclass(frozen=True)
class PhraseRendering:
    """An Arabic key n-gram that co-occurs with an English phrase in several pairs."""

    keys: tuple[str, ...]
    surface: str  # as first written (same-article occurrences are preferred by the check)
    pairs: tuple[str, ...]
    articles: tuple[str | None, ...]


@dataclass
class TranslationMemory:
    """Built from every pair of a run before any check reads it.

    ``phrases``: aligned renderings of English content bigrams (needs word links).
    ``words``: Arabic words linked to each English word (for suggestions: names, terms).
    ``table``: alignment-free phrase table: Arabic n-grams that occur in at least two pairs
    containing an English bigram and in no pair without it.
    """

    phrases: dict[tuple[str, ...], list[Rendering]] = field(default_factory=lambda: defaultdict(list))
    words: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    _bigrams: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    _ar: dict[str, tuple[list[str], list[tuple[int, int]], str, str | None]] = field(default_factory=dict)
    _table: dict[tuple[str, ...], list[PhraseRendering]] | None = None
    _en: dict[str, set[str]] = field(default_factory=dict)
    _en_count: Counter = field(default_factory=Counter)

    @staticmethod
    def phrases_of(en_tokens: list[Token]) -> list[tuple[tuple[str, ...], set[int]]]:
        """Adjacent content-word bigrams (a possessive 's between them is skipped)."""
        idx = [i for i, t in enumerate(en_tokens) if t.norm != "'s"]
        out = []
        for a, b in pairwise(idx):
            ta, tb = en_tokens[a], en_tokens[b]
            names = ta.text[0].isupper() or tb.text[0].isupper()
            if is_en_content(ta.norm) and is_en_content(tb.norm) and not names:
                out.append(((en_lemma(ta.norm), en_lemma(tb.norm)), set(range(a, b + 1))))
        return out

    def add_pair(self, pair_id: str, article: str | None, ar_text: str, ar_tokens: list[Token],
                 en_tokens: list[Token], links: list[Link], sim: np.ndarray | None) -> None:
        self._table = None
        for lk in links:
            if is_ar_content(ar_tokens[lk.ar].norm) and any("\u0600" <= c <= "\u06ff" for c in ar_tokens[lk.ar].text):
                self.words[en_tokens[lk.en].norm].update([ar_tokens[lk.ar].text])
        en_lemmas = {en_lemma(t.norm) for t in en_tokens if is_en_content(t.norm)}
        self._en[pair_id] = en_lemmas
        self._en_count.update(en_lemmas)
        keep = [t for t in ar_tokens if is_ar_content(t.norm)]
        self._ar[pair_id] = ([ar_key(t.text) for t in keep], [(t.start, t.end) for t in keep], ar_text, article)
        for key, en_idx in self.phrases_of(en_tokens):
            self._bigrams[key].add(pair_id)
            span = phrase_rendering(en_idx, ar_tokens, links, sim)
            if span is None:
                continue
            lo, hi = span
            keys = tuple(ar_key(t.text) for t in ar_tokens[lo : hi + 1] if is_ar_content(t.norm))
            if not keys:
                continue
            s, e = ar_tokens[lo].start, ar_tokens[hi].end
            self.phrases[key].append(Rendering(pair_id, article, lo, hi, ar_text[s:e], keys, s, e))

    def others(self, key: tuple[str, ...], pair_id: str) -> list[Rendering]:
        return [r for r in self.phrases.get(key, []) if r.pair_id != pair_id]

    def ar_keys(self, pair_id: str) -> tuple[list[str], list[tuple[int, int]]]:
        keys, spans, _, _ = self._ar[pair_id]
        return keys, spans

    @property
    def table(self) -> dict[tuple[str, ...], list[PhraseRendering]]:
        if self._table is None:
            self._table = self._build_table()
        return self._table

    def best_english(self, ar: str) -> set[str]:
        """English lemmas most associated (Dice over pairs) with an Arabic key in this run."""
        with_ar = [p for p, v in self._ar.items() if ar in v[0]]
        if not with_ar:
            return set()
        joint: Counter = Counter(e for p in with_ar for e in self._en.get(p, ()))
        if not joint:
            return set()
        dice = {e: 2 * n / (len(with_ar) + self._en_count[e]) for e, n in joint.items()}
        top = max(dice.values())
        return {e for e, d in dice.items() if d >= top - 1e-9}

    def _build_table(self, max_n: int = 3) -> dict[tuple[str, ...], list[PhraseRendering]]:
        # every Arabic content n-gram -> pairs it occurs in (distinct Arabic texts only)
        where: dict[tuple[str, ...], dict[str, tuple[int, int]]] = defaultdict(dict)
        for pid, (keys, spans, _, _) in self._ar.items():
            for n in range(2, max_n + 1):
                for i in range(len(keys) - n + 1):
                    where[tuple(keys[i : i + n])].setdefault(pid, (spans[i][0], spans[i + n - 1][1]))
        # only the n-grams of a key's own pairs can qualify: an inverted index keeps this
        # linear in the corpus (scanning every n-gram for every key was quadratic)
        order = {g: k for k, g in enumerate(where)}
        grams_of: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for gram, occ in where.items():
            if len(occ) >= 2:
                for pid in occ:
                    grams_of[pid].append(gram)
        table: dict[tuple[str, ...], list[PhraseRendering]] = {}
        for key, pids in self._bigrams.items():
            if len(pids) < 2:
                continue
            found = []
            hits = Counter(g for p in pids for g in grams_of.get(p, ()))
            for gram in sorted((g for g, c in hits.items() if c >= 2), key=order.__getitem__):
                occ = where[gram]
                inside = [p for p in occ if p in pids]
                texts = {self._ar[p][2][occ[p][0]:occ[p][1]] + "|" + str(self._ar[p][3]) + str(occ[p][0]) for p in inside}
                if len(inside) < 2 or len(texts) < 2 or len(inside) < len(occ):
                    continue
                first = inside[0]
                s, e = occ[first]
                found.append(PhraseRendering(gram, self._ar[first][2][s:e], tuple(inside),
                                             tuple(self._ar[p][3] for p in inside)))
            # keep maximal n-grams only, in the order they occur in their first pair
            grams = {f.keys for f in found}
            kept = [f for f in found if not any(g != f.keys and _contains(g, f.keys) for g in grams)]
            kept.sort(key=lambda f: where[f.keys][f.pairs[0]][0])
            table[key] = kept
        return table

    def surface(self, pair_id: str, gram: tuple[str, ...]) -> str | None:
        keys, spans, text, _ = self._ar[pair_id]
        n = len(gram)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i : i + n]) == gram:
                return text[spans[i][0] : spans[i + n - 1][1]]
        return None


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))
