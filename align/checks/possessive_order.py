"""The English possessive order copied into Arabic.

"in Russia's Kursk border region" → «في روسيا منطقة كورسك الحدودية»: machine translation keeps
the English order, possessor first, where Arabic puts the possessed noun first and the
possessor after it (an idafa, «منطقة كورسك الروسية» or «… في روسيا»). Read with the alignment:
the English has a name with «'s»; the Arabic word linked to that name is itself a bare name
(no article, no nisba ending: «الروسية» is the correct adjective) and is followed directly, with
no punctuation, by the word linked to the noun the name possesses, and that word is a bare
indefinite noun, the head of a construct («منطقة»): not a verb («كيم عززت»), not a word with a
preposition («موسكو لصد») and not a definite adjective of an earlier noun («زيارة كيم الأولى»).
"""

from __future__ import annotations

from typing import ClassVar

from .. import translit as tl
from ..lexicon import is_en_content
from ..records import Flag
from .base import Check, PairContext
from .names import MISSPELT_LOW as NAME_SOUND

HEAD_WORDS = 3  # the possessed noun phrase: up to this many English words after «'s»


def _bare_name(ar_word: str, en_word: str) -> bool:
    """«روسيا» for Russia, not «الروسية» or «روسي» (an adjective, placed after its noun)."""
    w = ar_word.replace("\u0640", "")
    if w.startswith("ال") or w.endswith(("ي", "ية", "يون", "يين")):
        return False
    return tl.best_reading(en_word, w, NAME_SOUND)[0] >= NAME_SOUND


def _construct_head(ar_word: str) -> bool:
    """A bare noun: some Buckwalter reading is a noun with no prefix (no article, no «و/ب/ل»)."""
    return any(a.pos == "NOUN" and not a.prefix for a in tl.analyze(ar_word))


class PossessiveOrder(Check):
    name: ClassVar[str] = "possessive-order"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"alignment"})

    def run(self, ctx: PairContext) -> list[Flag]:
        en, ar, text = ctx.en_tokens, ctx.ar_tokens, ctx.pair.ar_text
        flags: list[Flag] = []
        for j in range(1, len(en) - 1):
            owner = en[j - 1]
            if en[j].norm != "'s" or not owner.text[:1].isupper():
                continue
            head = {lk.ar for k in range(j + 1, min(len(en), j + 1 + HEAD_WORDS)) if is_en_content(en[k].norm)
                    for lk in ctx.en_links(k)}
            for lk in ctx.en_links(j - 1):
                p = lk.ar
                if p + 1 >= len(ar) or p + 1 not in head or text[ar[p].end : ar[p + 1].start].strip():
                    continue
                if not _construct_head(ar[p + 1].text) or not _bare_name(ar[p].text, owner.text):
                    continue
                s, e = ar[p].start, ar[p + 1].end
                flags.append(self.flag(
                    "grammar", "minor",
                    f"«{text[s:e]}» keeps the English order of '{owner.text}'s {en[j + 1].text}': in Arabic the "
                    f"possessed noun comes first and «{ar[p].text}» after it",
                    ar=(s, e), en=(owner.start, en[j].end)))
        return flags
