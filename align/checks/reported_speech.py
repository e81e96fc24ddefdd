"""Reported speech turned into first-person speech, a frequent machine-translation slip:
"Peskov said he wasn't sure" → «وقال بيسكوف … لم أكن متأكداً» (I wasn't sure).

Arabic first person outside quotation marks: the pronouns أنا/نحن/إنني/إننا, and imperfect
verbs with the first-person prefix «أ» right after a particle (لم أكن، لن أسمح، سأفعل). It is an
error only when the English has no first person outside its own quotation marks."""

from __future__ import annotations

import re

from ..normalize import normalize_ar
from ..records import Flag
from .base import Check, PairContext

_PRONOUNS = {normalize_ar(w) for w in ("أنا", "نحن", "إنني", "إننا", "إني", "لكنني", "أنني", "أننا")}
_PARTICLES = {normalize_ar(w) for w in ("لم", "لن", "لا", "كي", "لكي", "أن", "قد")}
_EN_FIRST = re.compile(r"\b(I|me|my|mine|we|us|our|ours|I'm|I've|I'd|I'll|we're|we've)\b")
_QUOTES = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|„[^“”]*[“”]")


def _quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text, start, end)]


class ReportedSpeech(Check):
    name = "reported-speech"

    def run(self, ctx: PairContext) -> list[Flag]:
        p = ctx.pair
        en_outside = _QUOTES.sub(" ", p.en)
        if _EN_FIRST.search(en_outside) or (_QUOTES.search(p.en) and not en_outside.strip()):
            return []
        if not re.search(r"\b(said|says|say|told|added|stated|according|explained|noted|stressed)\b", p.en):
            return []  # not reported speech in the English
        quoted = _quoted(p.ar_text, p.ar_start, p.ar_end)
        toks = ctx.ar_tokens
        for i, t in enumerate(toks):
            if any(a <= t.start < b for a, b in quoted):
                continue
            n = normalize_ar(t.text)
            first = n in _PRONOUNS
            if not first and i > 0 and normalize_ar(toks[i - 1].text) in _PARTICLES:
                first = n.startswith("ا") and not n.startswith("ال") and len(n) >= 3 and toks[i].text.startswith("أ")
            if not first and n.startswith("سا") and t.text.startswith("سأ") and len(n) >= 4:
                first = True
            if first:
                j = min(i + 1, len(toks) - 1) if i > 0 and normalize_ar(toks[i - 1].text) not in _PARTICLES else i
                s = toks[i - 1].start if i > 0 and normalize_ar(toks[i - 1].text) in _PARTICLES else t.start
                return [self.flag("mistranslation", "major",
                                  f"«{p.ar_text[s:toks[j].end]}» is first person, but the English reports the speech "
                                  "in the third person: it reads as the writer's or another speaker's own words",
                                  ar=(s, toks[j].end))]
        return []
