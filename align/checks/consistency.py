"""Renderings that lose a word the corpus's other renderings of the same phrase keep.

"a used cosmonaut glove" → «قفازًا رائدًا» (a pioneering glove) while the same article renders
"cosmonaut's glove" «قفاز رائد فضاء»: the missing «فضاء» changes the meaning, and the other
rendering is the suggestion (a corpus-internal translation memory)."""

from __future__ import annotations

from collections import Counter

from ..lexicon import ar_key, is_ar_content
from ..memory import phrase_rendering
from ..records import Flag
from .base import Check, PairContext


class Consistency(Check):
    name = "consistency"
    needs = frozenset({"alignment", "resources"})

    def run(self, ctx: PairContext) -> list[Flag]:
        res = ctx.resources
        if res is None or not ctx.links:
            return []
        out = []
        for key, en_idx in res.memory.phrases_of(ctx.en_tokens):
            span = phrase_rendering(en_idx, ctx.ar_tokens, ctx.links, ctx.sim)
            if span is None:
                continue
            lo, hi = span
            mine = {ar_key(t.text) for t in ctx.ar_tokens[lo : hi + 1] if is_ar_content(t.norm)}
            others = res.memory.others(key, ctx.pair.pair_id)
            fuller = [r for r in others if mine < set(r.keys)]
            if not fuller:
                continue
            # Keys the fuller renderings add must not be in this Arabic sentence at all
            # (otherwise the word is there, just not where the aligner put it).
            sentence_keys = {ar_key(t.text) for t in ctx.ar_tokens}
            missing = Counter(k for r in fuller for k in set(r.keys) - mine if k not in sentence_keys)
            if not missing:
                continue
            same_article = [r for r in fuller if r.article == ctx.pair.article]
            best = Counter(r.surface for r in (same_article or fuller)).most_common(1)[0][0]
            s, e = ctx.ar_tokens[lo].start, ctx.ar_tokens[hi].end
            en_s = ctx.en_tokens[min(en_idx)].start
            en_e = ctx.en_tokens[max(en_idx)].end
            out.append(self.flag(
                "mistranslation", "major",
                f"«{ctx.pair.ar_text[s:e]}» renders '{ctx.pair.en_text[en_s:en_e]}' without a word the corpus's "
                f"other renderings have («{best}», {len(fuller)}×)",
                ar=(s, e), en=(en_s, en_e), suggestion=best))
        return out
