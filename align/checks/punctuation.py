"""Spacing around Arabic punctuation: a space *before* «،» «؛» «؟» is a tokenisation artifact
of machine translation ("كوريا الجنوبية ، أرسلت")."""

from __future__ import annotations

import re

from ..records import Flag
from .base import Check, PairContext

_SPACE_BEFORE = re.compile(r"[ \t\u00a0]+([،؛؟])")


class PunctuationSpacing(Check):
    name = "punctuation"

    def run(self, ctx: PairContext) -> list[Flag]:
        p = ctx.pair
        out = []
        for m in _SPACE_BEFORE.finditer(p.ar_text, p.ar_start, p.ar_end):
            out.append(self.flag("grammar", "minor",
                                 f"space before «{m.group(1)}» (machine-translation tokenisation artifact)",
                                 ar=(m.start(), m.end()), suggestion=m.group(1)))
        return out
