"""A full stop that cuts a sentence in two and leaves a short scrap standing alone.

Machine translation and hurried editing leave a full stop inside what the English says as
one sentence: «ثم رحلة أخرى لبوتين. في تاريخ غير مسمى.» ("then another by Putin at an
unnamed date."), or an apposition broken off its noun: «“…بكل بساطة”. الدعاية المفضلة
للكرملين.» ("…, one of the Kremlin's favourite propagandists."). The scrap reads as a
headline or a caption, and the phrase loses what it belonged to.

Flagged when, inside the pair's Arabic, a sentence after the first one has at most
``MAX_WORDS`` Arabic words and the Arabic has more sentences than the English (so the stop is
not the English's own). Sentences are cut as pairing cuts them (``segment.sentences``):
ellipses («...», «…») are pauses, not ends, a stop between digits is a decimal point, and
English abbreviations and initials (Mr, J.) end nothing; a stop right after a one-letter
Arabic word is an initial too («ج.»). A translator who
splits a long English sentence in two writes two real sentences: longer than a scrap, or
opening with what opens an Arabic sentence (a conjunction-prefixed word «وهذا», a verb, a
pronoun, «إن»: ``sentence_like``), so those pass; so does a short quoted sentence.

Flags: category ``grammar``, severity ``minor``; span = the stop and the scrap after it;
suggestion = the span without its stop (Arabic, as every suggestion is: it replaces the span).
"""

from __future__ import annotations

import itertools
import re
from typing import ClassVar

from .. import translit as tl
from ..records import Flag
from ..segment import sentences
from .base import Check, PairContext

MAX_WORDS = 4
_STOPS = ".!?؟"
_OPENERS = "\"'“‘«("
_AR_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A][\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0640]*")


def sentence_like(word: str) -> bool:
    """Could this word open a sentence of its own? A conjunction-prefixed word («وهذا»،
    «فقد»), a verb, a pronoun or demonstrative, a conjunction or «إن»: any Buckwalter reading."""
    for a in tl.analyze(word):
        if a.prefix[:1] in ("w", "f") or a.pos.startswith(("VERB", "PRON", "DEM_PRON", "CONJ", "FUNC_WORD", "SUB_CONJ")):
            return True
    return False


def stray_stops(ar: str, en: str) -> list[tuple[int, int]]:
    """(start, end) in ``ar`` of each stray stop and the scrap it leaves (up to its own end).
    Sentences are the pairing's own (``segment.sentences``: ellipses, decimals and English
    abbreviations and initials are not ends)."""
    ar_sents = sentences(ar, "ar")
    if len(ar_sents) <= len(sentences(en, "en")):
        return []
    out = []
    for prev, cur in itertools.pairwise(ar_sents):
        stop = max(ar.rfind(c, prev.start, prev.end) for c in _STOPS)
        scrap = ar[cur.start : cur.end]
        words = _AR_WORD.findall(scrap)
        before = _AR_WORD.findall(ar[prev.start : max(stop, prev.start)])
        if (stop >= 0 and 0 < len(words) <= MAX_WORDS and before and len(before[-1]) > 1  # «ج.»: an initial
                and scrap[:1] not in _OPENERS  # a quoted sentence is speech
                and not sentence_like(words[0])):
            out.append((stop, cur.end))
    return out


class StrayStop(Check):
    name: ClassVar[str] = "stray-stop"
    version: ClassVar[str] = "1"

    def run(self, ctx: PairContext) -> list[Flag]:
        p = ctx.pair
        ar, en = p.ar_text[p.ar_start : p.ar_end], p.en_text[p.en_start : p.en_end]
        flags = []
        for a, b in stray_stops(ar, en):
            scrap = ar[a + 1 : b].strip()
            stop = ar[a]
            n = len(_AR_WORD.findall(scrap))
            flags.append(self.flag(
                "grammar", "minor",
                f"a stray «{stop}» cuts the sentence: «{scrap}» ({n} word{'s' if n > 1 else ''}) stands alone, where "
                f"the English runs on; remove the «{stop}» to join it to the sentence it belongs to",
                ar=(p.ar_start + a, p.ar_start + b), suggestion=ar[a + 1 : b]))
        return flags
