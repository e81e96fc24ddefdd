"""Spacing errors that machine translation and copy-pasting leave in Arabic text:

* a space *before* «،» «؛» «؟» ("كوريا الجنوبية ، أرسلت"), a tokenisation artifact of MT;
* a word glued to a number ("في فبراير2022", "2022م" is fine: see below), where a space fell
  out; one-letter proclitics («و» «ب» «ل» «ك» «ف», alone or with «ال») and a tatweel before
  the digits («بـ9») are how Arabic attaches words to numbers, and «م» / «هـ» after a year
  are era marks, so none of these is flagged;
* the conjunction «و» written as a word of its own ("أستراليا و جنوب أفريقيا"): Arabic
  writes it joined to the next word;
* two headlines run together: the English separates them with «|» ("Putin and Kim meet in
  Beijing | Kremlin: Russia denies…") and the Arabic words aligned on either side of it
  are adjacent with nothing but a space between them («في بكين الكرملين: روسيا تنفي»), so
  the first headline's last word reads as the start of the second. Needs the alignment.
"""

from __future__ import annotations

import re

from ..records import Flag
from .base import Check, PairContext

_SPACE_BEFORE = re.compile(r"[ \t\u00a0]+([،؛؟])")
_LETTER = "\u0621-\u063A\u0641-\u064A"  # Arabic letters (no tatweel, no diacritics)
_DIGIT = "0-9\u0660-\u0669\u06F0-\u06F9"
_WORD_THEN_DIGITS = re.compile(rf"([{_LETTER}\u064B-\u0652]+)([{_DIGIT}]+)")
_DIGITS_THEN_WORD = re.compile(rf"(?<![{_LETTER}])([{_DIGIT}]+)([{_LETTER}][{_LETTER}\u064B-\u0652]*)")
_PROCLITICS = re.compile(r"^(?:[وف]?[بلك]?|[وف]?[بلك]?ال|[وف]?لل)$")
_ERA_MARKS = {"م", "هـ", "ه"}
_LONE_WA = re.compile(rf"(?:(?<=\s)|^)(و)[ \t\u00a0]+(?=[{_LETTER}])")


_HEADLINE_SEP = "|"


def headlines_run_together(ctx: PairContext) -> list[tuple[int, int]]:
    """(first, second) Arabic token indices that meet with only a space where the English
    has a «|» between the words aligned to them."""
    en, ar, text = ctx.en_tokens, ctx.ar_tokens, ctx.pair.ar_text
    out = []
    for j in range(1, len(en)):
        if _HEADLINE_SEP not in ctx.pair.en_text[en[j - 1].end : en[j].start]:
            continue
        left = [lk.ar for lk in ctx.en_links(j - 1)]
        right = [lk.ar for lk in ctx.en_links(j)]
        if not left or not right:
            continue
        a, b = max(left), min(right)
        if b == a + 1 and not text[ar[a].end : ar[b].start].strip():
            out.append((a, b))
    return out


class PunctuationSpacing(Check):
    name = "punctuation"
    version = "3"

    def run(self, ctx: PairContext) -> list[Flag]:
        p = ctx.pair
        out = []
        for m in _SPACE_BEFORE.finditer(p.ar_text, p.ar_start, p.ar_end):
            out.append(self.flag("grammar", "minor",
                                 f"space before «{m.group(1)}» (machine-translation tokenisation artifact)",
                                 ar=(m.start(), m.end()), suggestion=m.group(1)))
        for m in _WORD_THEN_DIGITS.finditer(p.ar_text, p.ar_start, p.ar_end):
            if _PROCLITICS.match(m.group(1)):
                continue
            out.append(self._glued(m.start(), m.end(), f"{m.group(1)} {m.group(2)}"))
        for m in _DIGITS_THEN_WORD.finditer(p.ar_text, p.ar_start, p.ar_end):
            if m.group(2) in _ERA_MARKS:
                continue
            out.append(self._glued(m.start(), m.end(), f"{m.group(1)} {m.group(2)}"))
        for m in _LONE_WA.finditer(p.ar_text, p.ar_start, p.ar_end):
            out.append(self.flag("grammar", "minor", "the conjunction «و» is written apart from the next word",
                                 ar=(m.start(1), m.end(1)), suggestion="و (joined to the next word)"))
        for a, b in headlines_run_together(ctx):
            ar = ctx.ar_tokens
            out.append(self.flag("grammar", "minor",
                                 f"two headlines run together: the English separates them with «|» but «{ar[a].text} "
                                 f"{ar[b].text}» has nothing between them",
                                 ar=(ar[a].start, ar[b].end), suggestion=f"{ar[a].text} | {ar[b].text}"))
        return out

    def _glued(self, a: int, b: int, fixed: str) -> Flag:
        return self.flag("grammar", "minor", f"a word and a number run together: «{fixed}»", ar=(a, b), suggestion=fixed)
