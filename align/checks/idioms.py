"""Idioms translated word by word ("charm offensive" → «هجوم سحري»).

Uses ``corpora/idioms.tsv`` together with the alignment: the idiom is found in the English by
lemma sequence, its Arabic rendering is looked for among the words aligned to it (and their
neighbours), and a listed literal calque there is flagged, unless an accepted rendering is
present. Without links, the whole Arabic span is searched.

A calque the list does not spell out («يسحبون القابس» for "pulling the plug", «تحولت الزاوية»
for "turned the corner") is found by reading the window literally: when two or more of the
idiom's content words each have a dictionary translation there (``dictionary.is_translation``,
so inflection and clitics do not matter), close together, the idiom was translated word by
word. Words that an accepted rendering itself uses do not count ("red line" → «خط أحمر» is
accepted), so a transparent idiom is never read as a calque."""

from __future__ import annotations

from itertools import pairwise

from .. import dictionary as dic
from ..idioms import Idiom, find_in_en, find_keys
from ..lexicon import ar_key, en_lemma, is_en_content
from ..records import Flag
from .base import Check, PairContext


class IdiomCalque(Check):
    name = "idioms"
    needs = frozenset({"resources"})

    def run(self, ctx: PairContext) -> list[Flag]:
        if ctx.resources is None or not ctx.resources.idioms:
            return []
        keys = [ar_key(t.text) for t in ctx.ar_tokens]
        # a cheap prefilter, built once per pair: the idiom's first lemma, or its first four
        # letters, must start some English word or lemma (the lemmatiser is crude: paved → pav)
        lemmas = [en_lemma(t.norm) for t in ctx.en_tokens]
        norms = {t.norm for t in ctx.en_tokens} | set(lemmas)  # lemmas: "came" starts "come from behind"
        heads = {w[:k] for w in norms for k in range(1, 5)}
        out = []
        for idiom in ctx.resources.idioms:
            first = idiom.lemmas[0]
            if first not in norms and first[:4] not in heads:
                continue
            if idiom.veto and not idiom.veto.isdisjoint(norms):
                continue
            for a, b in find_in_en(idiom, ctx.en_tokens, lemmas):
                lo, hi = self._window(ctx, a, b)
                if any(find_keys(acc, keys, *self._accepted_range(ctx, lo, hi)) for acc in idiom.accepted if acc):
                    continue
                hit = next((h for h in (find_keys(cal, keys, lo, hi) for cal in idiom.calques) if h), None)
                how = "translated word by word"
                if hit is None:
                    hit = literal_reading(ctx, idiom, a, b, lo, hi, keys)
                    how = "apparently translated word by word (its words' dictionary senses)"
                if hit is None:
                    continue
                s, e = ctx.ar_tokens[hit[0]].start, ctx.ar_tokens[hit[1]].end
                out.append(self.flag(
                    "mistranslation", "major",
                    f"the idiom '{idiom.en}' ({idiom.note}) is {how} as «{ctx.pair.ar_text[s:e]}»",
                    ar=(s, e), en=(ctx.en_tokens[a].start, ctx.en_tokens[b].end),
                    suggestion=idiom.accepted_text[0] if idiom.accepted_text else None))
        return out

    @staticmethod
    def _accepted_range(ctx: PairContext, lo: int, hi: int) -> tuple[int, int]:
        """Where an accepted rendering clears the idiom: the aligned window widened by
        ``ACCEPTED_MARGIN`` words each side, since a free rendering may sit a little away
        from the words the aligner linked ("bilateral" elsewhere in the sentence does not
        clear a calque of "one-on-one")."""
        return max(0, lo - ACCEPTED_MARGIN), min(len(ctx.ar_tokens), hi + ACCEPTED_MARGIN)

    @staticmethod
    def _window(ctx: PairContext, a: int, b: int) -> tuple[int, int]:
        """Arabic token range to search: around the words aligned to the idiom, or everything."""
        linked = [lk.ar for lk in ctx.links if a <= lk.en <= b]
        if ctx.sim is not None and ctx.sim.size:
            linked += [int(ctx.sim[:, j].argmax()) for j in range(a, b + 1)]
        if not linked:
            return 0, len(ctx.ar_tokens)
        return max(0, min(linked) - 3), min(len(ctx.ar_tokens), max(linked) + 4)


ACCEPTED_MARGIN = 4  # words beyond the aligned window where an accepted rendering still counts
LITERAL_MIN = 2  # content words of the idiom rendered literally
LITERAL_GAP = 3  # at most this many words between two literal renderings


def literal_reading(ctx: PairContext, idiom: Idiom, a: int, b: int, lo: int, hi: int,
                    keys: list[str]) -> tuple[int, int] | None:
    """Arabic token range where ``LITERAL_MIN`` or more of the idiom's content words (English
    tokens a..b) are each rendered by a dictionary translation, close together; None if not."""
    words = [t.text for t in ctx.en_tokens[a : b + 1] if is_en_content(t.norm)]
    if len(words) < LITERAL_MIN:
        return None
    accepted = {k for acc in idiom.accepted for k in acc}
    found: dict[str, int] = {}  # English word -> Arabic token that renders it literally
    for i in range(lo, hi):
        if keys[i] in accepted:
            continue
        for w in words:
            if w not in found and dic.is_translation(ctx.ar_tokens[i].text, w):
                found[w] = i
                break
    idx = sorted(found.values())
    if len(idx) < LITERAL_MIN or any(y - x > LITERAL_GAP for x, y in pairwise(idx)):
        return None
    return idx[0], idx[-1]
