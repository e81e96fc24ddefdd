"""Spacing errors that machine translation and copy-pasting leave in Arabic text:

* a space *before* «،» «؛» «؟» ("كوريا الجنوبية ، أرسلت"), a tokenisation artifact of MT;
* a word glued to a number ("في فبراير2022", "2022م" is fine: see below), where a space fell
  out; one-letter proclitics («و» «ب» «ل» «ك» «ف», alone or with «ال») and a tatweel before
  the digits («بـ9») are how Arabic attaches words to numbers, and «م» / «هـ» after a year
  are era marks, so none of these is flagged;
* the conjunction «و» written as a word of its own ("أستراليا و جنوب أفريقيا"): Arabic
  writes it joined to the next word.
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


class PunctuationSpacing(Check):
    name = "punctuation"
    version = "2"

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
        return out

    def _glued(self, a: int, b: int, fixed: str) -> Flag:
        return self.flag("grammar", "minor", f"a word and a number run together: «{fixed}»", ar=(a, b), suggestion=fixed)
