"""Glossary terms from the corpus's ``glossary.tsv``: a forbidden rendering present is an
error; an expected rendering absent where the English term occurs is a terminology slip."""

from __future__ import annotations

from ..idioms import find_keys
from ..lexicon import ar_key, en_lemma
from ..records import Flag
from ..segment import tokenize
from .base import Check, PairContext


class Glossary(Check):
    name = "glossary"
    needs = frozenset({"resources"})

    def run(self, ctx: PairContext) -> list[Flag]:
        if ctx.resources is None or not ctx.resources.glossary:
            return []
        en_lem = [en_lemma(t.norm) for t in ctx.en_tokens]
        keys = [ar_key(t.text) for t in ctx.ar_tokens]
        out = []
        for entry in ctx.resources.glossary:
            term = tuple(en_lemma(t.norm) for t in tokenize(entry.en, lang="en"))
            if not term:
                continue
            hits = [i for i in range(len(en_lem) - len(term) + 1) if tuple(en_lem[i : i + len(term)]) == term]
            if not hits:
                continue
            en_span = (ctx.en_tokens[hits[0]].start, ctx.en_tokens[hits[0] + len(term) - 1].end)
            expected = [tuple(ar_key(t.text) for t in tokenize(x, lang="ar")) for x in entry.expected]
            forbidden = [tuple(ar_key(t.text) for t in tokenize(x, lang="ar")) for x in entry.forbidden]
            bad = next(((f, h) for f in forbidden if f for h in [find_keys(f, keys)] if h), None)
            note = f" ({entry.note})" if entry.note else ""
            if bad:
                s, e = ctx.ar_tokens[bad[1][0]].start, ctx.ar_tokens[bad[1][1]].end
                out.append(self.flag("terminology", "major",
                                     f"glossary: '{entry.en}' must not be rendered «{ctx.pair.ar_text[s:e]}»{note}",
                                     ar=(s, e), en=en_span, suggestion=entry.expected[0] if entry.expected else None))
            elif expected and not any(find_keys(x, keys) for x in expected if x):
                linked = sorted({lk.ar for lk in ctx.links if hits[0] <= lk.en < hits[0] + len(term)})
                ar = (ctx.ar_tokens[linked[0]].start, ctx.ar_tokens[linked[-1]].end) if linked else None
                out.append(self.flag("terminology", "minor",
                                     f"glossary: '{entry.en}' should be rendered «{entry.expected[0]}»{note}",
                                     ar=ar, en=en_span, suggestion=entry.expected[0]))
        return out
