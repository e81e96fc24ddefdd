"""The conjunction "that" after a verb of saying rendered as the demonstrative «ذلك»:
"Kim said that cooperation…" → «قال كيم ذلك التعاون…», "Kyiv has said that North Korea…" →
«قالت كييف ذلك وتقوم…». The clause then asserts as fact what was only reported."""

from __future__ import annotations

import re

from ..normalize import normalize_ar
from ..records import Flag
from .base import Check, PairContext

_SAY = {normalize_ar(w) for w in """قال قالت وقال وقالت فقال قالوا يقول تقول أكد أكدت وأكد وأكدت ذكر ذكرت
    أعلن أعلنت أضاف أضافت أوضح أوضحت أشار أشارت زعم زعمت اعتبر اعتبرت رأى رأت""".split()}
_EN_SAY_THAT = re.compile(r"\b(said|says|say|stated|stressed|added|noted|claimed|announced|argued|insisted|told \w+|declared)\s+that\b", re.I)


class Complementizer(Check):
    name = "complementizer"

    def run(self, ctx: PairContext) -> list[Flag]:
        if not _EN_SAY_THAT.search(ctx.pair.en):
            return []
        toks = ctx.ar_tokens
        out = []
        for i, t in enumerate(toks):
            if normalize_ar(t.text) != normalize_ar("ذلك"):
                continue
            # a saying verb within the two previous words (قال كيم ذلك / قالت ذلك)
            before = [normalize_ar(x.text) for x in toks[max(0, i - 2) : i]]
            if not any(b in _SAY for b in before):
                continue
            if i + 1 < len(toks) and normalize_ar(toks[i + 1].text) in {"ان", "بان", "لان"}:
                continue
            s = toks[i - 1 if normalize_ar(toks[i - 1].text) in _SAY else i - 2].start
            out.append(self.flag("mistranslation", "major",
                                 "the conjunction 'that' after a verb of saying is rendered as the demonstrative «ذلك»",
                                 ar=(s, t.end), suggestion=f"{ctx.pair.ar_text[s:t.start].strip()} إن"))
        return out
