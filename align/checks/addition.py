"""Addition: an Arabic clause with nothing behind it in the English.

A desk that "improves" a wire story adds a claim («مؤكداً أنه يملك أدلة تثبت…», «ما يفتح
الباب أمام علاج جديد»), a pledge or a description the source never made. Such a clause is a run
of Arabic content words that no English word explains: none is word-aligned, and no English
word of the pair is among its dictionary translations.

A free rendering adds words too, but few in a row: a particle, a pronoun, an adverb of
manner, the verb of a nominal English phrase. So only a run of ``MIN_WORDS`` content words or
more within one clause (punctuation ends a run) is flagged, and it is minor, for review.
Not runs that hold:

* an attribution («ونقلت وكالة…», «وفق ما نقلته…», «قال»): an article names the speaker of a
  quote that the English unit itself does not (the modality lexicon's reported/hearsay words);
* a name or a number: a proper noun, a word the Buckwalter lexicon does not know (most
  transliterated names), or an Arabic quantity; these neither count nor end a run.
"""

from __future__ import annotations

import re
from typing import ClassVar

from .. import dictionary as dic
from ..lexicon import is_ar_content, is_en_content
from ..numerals import parse_ar
from ..records import Flag
from ..translit import analyze
from .base import Check, PairContext
from .modality import ar_modal_hits

MIN_WORDS = 6
# between two words, a clause boundary (a stop, a comma, a colon, a quotation mark, a bracket, a dash)
_BOUNDARY = re.compile(r"[.,،؛;:!?؟«»\"“”()\[\]—–]")
_ATTRIBUTION = frozenset({"reported", "hearsay"})


def _neutral(word: str) -> bool:
    """A name (a proper noun or a word the lexicon does not know): pairing already vouches for
    names, and the names check reads their spelling."""
    readings = analyze(word)
    return not readings or all(a.proper for a in readings)


class Addition(Check):
    name: ClassVar[str] = "addition"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"alignment"})

    def run(self, ctx: PairContext) -> list[Flag]:
        ar, en = ctx.ar_tokens, ctx.en_tokens
        if len(ar) < MIN_WORDS or not en or not ctx.links:
            return []
        text = ctx.pair.ar_text
        linked = ctx.aligned_ar()
        en_words = [t.text for t in en if is_en_content(t.norm)]
        quantities = [(q.start, q.end) for q in parse_ar(text, ar[0].start, ar[-1].end)]
        attribution = {i for h in ar_modal_hits(ar) if h.kind in _ATTRIBUTION for i in range(h.i, h.j + 1)}
        flags: list[Flag] = []
        run: list[int] = []  # content words of the current run
        spoilt = False  # the run holds an attribution

        def close() -> None:
            nonlocal run, spoilt
            if len(run) >= MIN_WORDS and not spoilt:
                s, e = ar[run[0]].start, ar[run[-1]].end
                flags.append(self.flag(
                    "addition", "minor",
                    f"{len(run)} words in a row that no English word explains (no word link, no dictionary "
                    "translation in the source): check that the source says this", ar=(s, e)))
            run, spoilt = [], False

        for i, tok in enumerate(ar):
            if i and _BOUNDARY.search(text[ar[i - 1].end : tok.start]):
                close()
            if i in attribution:
                spoilt = True
                continue
            if (not is_ar_content(tok.norm) or not any(ch.isalpha() for ch in tok.text)
                    or any(s <= tok.start < e for s, e in quantities) or _neutral(tok.text)):
                continue
            if i in linked or any(dic.is_translation(tok.text, w) for w in en_words):
                close()
                continue
            run.append(i)
        close()
        return flags
