"""A corpus-internal translation memory built from the word alignments of one run.

For every English phrase of two adjacent content words ("cosmonaut glove") it records the
Arabic words that render it in each pair. A rendering that lacks a word which the corpus's
other renderings of the same phrase have is a likely error, and those other renderings are a
ready suggestion: the corpus already shows how its own translators render the phrase.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

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


@dataclass
class TranslationMemory:
    phrases: dict[tuple[str, ...], list[Rendering]] = field(default_factory=lambda: defaultdict(list))
    # English word (lower-cased) -> Arabic words linked to it, with counts (names, terms)
    words: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    @staticmethod
    def phrases_of(en_tokens: list[Token]) -> list[tuple[tuple[str, ...], set[int]]]:
        """Adjacent content-word bigrams (a possessive 's between them is skipped)."""
        idx = [i for i, t in enumerate(en_tokens) if t.norm != "'s"]
        out = []
        for a, b in zip(idx, idx[1:], strict=False):
            ta, tb = en_tokens[a], en_tokens[b]
            names = ta.text[0].isupper() or tb.text[0].isupper()
            if is_en_content(ta.norm) and is_en_content(tb.norm) and not names:
                out.append(((en_lemma(ta.norm), en_lemma(tb.norm)), set(range(a, b + 1))))
        return out

    def add_pair(self, pair_id: str, article: str | None, ar_text: str, ar_tokens: list[Token],
                 en_tokens: list[Token], links: list[Link], sim: np.ndarray | None) -> None:
        for lk in links:
            if is_ar_content(ar_tokens[lk.ar].norm) and any("\u0600" <= c <= "\u06ff" for c in ar_tokens[lk.ar].text):
                self.words[en_tokens[lk.en].norm].update([ar_tokens[lk.ar].text])
        for key, en_idx in self.phrases_of(en_tokens):
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
