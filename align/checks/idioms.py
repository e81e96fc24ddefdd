"""Idioms translated word by word ("charm offensive" → «هجوم سحري»).

Uses ``corpora/idioms.tsv`` together with the alignment: the idiom is found in the English by
lemma sequence, its Arabic rendering is looked for among the words aligned to it (and their
neighbours), and a listed literal calque there is flagged, unless an accepted rendering is
present. Without links, the whole Arabic span is searched."""

from __future__ import annotations

from ..idioms import find_in_en, find_keys
from ..lexicon import ar_key, en_lemma
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
        # letters, must start some English word (the lemmatiser is crude: paved → pav)
        norms = {t.norm for t in ctx.en_tokens}
        heads = {t.norm[:k] for t in ctx.en_tokens for k in range(1, 5)}
        lemmas = [en_lemma(t.norm) for t in ctx.en_tokens]
        out = []
        for idiom in ctx.resources.idioms:
            first = idiom.lemmas[0]
            if first not in norms and first[:4] not in heads:
                continue
            for a, b in find_in_en(idiom, ctx.en_tokens, lemmas):
                if any(find_keys(acc, keys) for acc in idiom.accepted if acc):
                    continue
                lo, hi = self._window(ctx, a, b)
                for cal in idiom.calques:
                    hit = find_keys(cal, keys, lo, hi)
                    if hit is None:
                        continue
                    s, e = ctx.ar_tokens[hit[0]].start, ctx.ar_tokens[hit[1]].end
                    out.append(self.flag(
                        "mistranslation", "major",
                        f"the idiom '{idiom.en}' ({idiom.note}) is translated word by word as «{ctx.pair.ar_text[s:e]}»",
                        ar=(s, e), en=(ctx.en_tokens[a].start, ctx.en_tokens[b].end),
                        suggestion=idiom.accepted_text[0] if idiom.accepted_text else None))
                    break
        return out

    @staticmethod
    def _window(ctx: PairContext, a: int, b: int) -> tuple[int, int]:
        """Arabic token range to search: around the words aligned to the idiom, or everything."""
        linked = [lk.ar for lk in ctx.links if a <= lk.en <= b]
        if ctx.sim is not None and ctx.sim.size:
            linked += [int(ctx.sim[:, j].argmax()) for j in range(a, b + 1)]
        if not linked:
            return 0, len(ctx.ar_tokens)
        return max(0, min(linked) - 3), min(len(ctx.ar_tokens), max(linked) + 4)
