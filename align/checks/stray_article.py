"""A stray «أ» standing alone: machine translation transliterating the English article "a"
("بعد حضور أ موكب"). A lone «أ» is legitimate only as a list label: «أ)», «(أ)», «أ-», «أ.»."""

from __future__ import annotations

from ..records import Flag
from .base import Check, PairContext


class StrayArticle(Check):
    name = "stray-article"

    def run(self, ctx: PairContext) -> list[Flag]:
        text = ctx.pair.ar_text
        out = []
        for i, t in enumerate(ctx.ar_tokens):
            if t.text != "أ":
                continue
            after = text[t.end : t.end + 1]
            before = text[t.start - 1 : t.start] if t.start > 0 else "\n"
            if after in (")", "-", ".", ":", "/", "،") or before in ("(", "\n", "-", "/"):
                continue  # a list label or an abbreviation, not an article
            if i + 1 >= len(ctx.ar_tokens):
                continue
            nxt = ctx.ar_tokens[i + 1]
            out.append(self.flag("untranslated", "minor",
                                 "stray «أ»: the English article 'a' transliterated instead of dropped",
                                 ar=(t.start, nxt.end), suggestion=nxt.text))
        return out
