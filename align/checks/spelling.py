"""Arabic spelling slips that a copy editor corrects and a reader notices.

* **hamza**: a word-initial hamza (hamzat al-qat') written as a bare alef: «اوكرانيا» →
  «أوكرانيا», «اعلنت» → «أعلنت». Decided by the Buckwalter lexicon, not by a word list: the
  word is flagged only when *every* analysis of it reads its first letter as the stem's own
  hamza or madda (lemma ``>…``, ``<…`` or ``|…``) with no prefix, so a word whose alef can be
  the article «ال», a conjunction or a wasla form (استقبل، اجتماع، انتخابات) passes. Words in
  «است…» pass too (Form X takes wasla; loanwords such as «استراتيجية» are customarily written
  without the hamza). Short function words (ان، او، الى) are left alone: they are
  the most often dropped hamzas and flagging them in an article that drops them all would
  bury the real errors.

Flags: category ``grammar``, severity ``minor`` (the meaning survives), span = the word,
suggestion = the word with its hamza when the lexicon agrees on one (أ, إ or آ).
"""

from __future__ import annotations

import re
from typing import ClassVar

from .. import translit as tl
from ..normalize import strip_marks
from .base import PairContext, TokenRulesCheck

MIN_LETTERS = 4  # shorter words are mostly function words (ان، او، اذا)
_WORD = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+$")
_HAMZA_LETTER = {">": "أ", "<": "إ", "|": "آ"}


def missing_hamza(word: str) -> tuple[bool, str | None]:
    """(flag?, corrected word or None) for one Arabic word."""
    w = strip_marks(word)
    if not w.startswith("ا") or len(w) < MIN_LETTERS or w.startswith("است") or not _WORD.match(w):
        return False, None
    analyses = tl.analyze(w)
    if not analyses:
        return False, None
    letters = set()
    for a in analyses:
        if a.prefix or not a.stem.startswith("A") or a.lemma[:1] not in _HAMZA_LETTER:
            return False, None
        letters.add(_HAMZA_LETTER[a.lemma[0]])
    fixed = letters.pop() + w[1:] if len(letters) == 1 else None
    return True, fixed


def hamza(ctx: PairContext) -> list[tuple[int, str, str | None]]:
    """(token index, message, suggestion) for each word missing its initial hamza."""
    out = []
    for i, t in enumerate(ctx.ar_tokens):
        bad, fixed = missing_hamza(t.text)
        if bad:
            msg = f"«{t.text}» is missing its initial hamza"
            out.append((i, msg + (f": «{fixed}»" if fixed else " (أ، إ or آ)"), fixed))
    return out


RULES = (hamza,)


class Spelling(TokenRulesCheck):
    name: ClassVar[str] = "spelling"
    version: ClassVar[str] = "1"
    rules = RULES
