"""The English possessive order copied into Arabic.

"in Russia's Kursk border region" → «في روسيا منطقة كورسك الحدودية»: machine translation keeps
the English order, possessor first, where Arabic puts the possessed noun first and the
possessor after it (an idafa, «منطقة كورسك الروسية» or «… في روسيا»). Read with the alignment:
the English has a name with «'s»; the Arabic word linked to that name is itself a bare name
(no article, no nisba ending: «الروسية» is the correct adjective) and is followed directly, with
no punctuation, by the word linked to the noun the name possesses, and that word is a bare
indefinite noun, the head of a construct («منطقة»): not a verb («كيم عززت»), not a word with a
preposition («موسكو لصد») and not a definite adjective of an earlier noun («زيارة كيم الأولى»).

The same check reads a second way of getting "X's" wrong: the possessive of a *person* rendered
with «في» ('in'), "Putin's foreign affairs adviser" → «مستشار الشؤون الخارجية في بوتين» ('the
adviser in Putin'). «في» is right for a place ("Russia's Kursk region" → «منطقة كورسك في
روسيا»), so the name must be a person: somewhere in the pair's or its article's English it
comes right after a role word («President», «adviser», «Mr»…), with at most two more
capitalised words between ("President Vladimir Putin", "spokesman Dmitry Peskov"). Flagged
when the word before the Arabic name (linked to it, or sounding like it) is a separate «في»;
the suggestion is «لـ» with the name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from .. import translit as tl
from ..lexicon import is_en_content
from ..records import Flag
from .base import Check, PairContext
from .names import MISSPELT_LOW as NAME_SOUND

HEAD_WORDS = 3  # the possessed noun phrase: up to this many English words after «'s»
# Words that name a person's role right before the name ("President Vladimir Putin").
ROLE_WORDS = frozenset("""president vice-president mr mrs ms dr prime minister chancellor king queen prince princess
    sheikh emir sultan senator sen rep representative governor gov mayor pope general gen secretary
    leader adviser advisor aide spokesman spokeswoman spokesperson envoy ambassador chief director
    chairman chairwoman ceo founder professor prof judge lawyer dictator premier commander coach
    manager striker midfielder defender goalkeeper captain actor singer author reporter
    correspondent""".split())
NAMES_BETWEEN = 2  # given names between the role word and the surname
_FI = "في"


def _bare_name(ar_word: str, en_word: str) -> bool:
    """«روسيا» for Russia, not «الروسية» or «روسي» (an adjective, placed after its noun)."""
    w = ar_word.replace("\u0640", "")
    if w.startswith("ال") or w.endswith(("ي", "ية", "يون", "يين")):
        return False
    return tl.best_reading(en_word, w, NAME_SOUND)[0] >= NAME_SOUND


def _construct_head(ar_word: str) -> bool:
    """A bare noun: some Buckwalter reading is a noun with no prefix (no article, no «و/ب/ل»)."""
    return any(a.pos == "NOUN" and not a.prefix for a in tl.analyze(ar_word))


@lru_cache(maxsize=4096)
def _people_in(text: str) -> frozenset[str]:
    """Names that follow a role word in this English text: persons, not places. Memoised: every
    pair of an article reads the same texts."""
    out: set[str] = set()
    words = [w.strip(".,;:\"'“”‘’()") for w in text.split()]
    for k, w in enumerate(words):
        if w.lower() not in ROLE_WORDS:
            continue
        for m in range(k + 1, min(len(words), k + 2 + NAMES_BETWEEN)):
            name = words[m].removesuffix("'s").removesuffix("’s")
            if not name[:1].isupper() or name.lower() in ROLE_WORDS:
                break
            out.add(name)
    return frozenset(out)


def _people(texts: list[str]) -> set[str]:
    return set().union(*map(_people_in, texts))


def _english_texts(ctx: PairContext) -> list[str]:
    reg = getattr(ctx.resources, "pair_texts", None) if ctx.resources is not None else None
    others = [o.en for o in reg.same_article(ctx.pair)] if reg is not None else []
    return [ctx.pair.en_text, *others]


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
        flags.extend(self._fi_person(ctx))
        return flags

    def _fi_person(self, ctx: PairContext) -> list[Flag]:
        """"Putin's adviser" → «مستشار … في بوتين»."""
        en, ar, text = ctx.en_tokens, ctx.ar_tokens, ctx.pair.ar_text
        owners = [j - 1 for j in range(1, len(en)) if en[j].norm == "'s" and en[j - 1].text[:1].isupper()]
        if not owners:
            return []
        people = _people(_english_texts(ctx))
        flags: list[Flag] = []
        for o in owners:
            if en[o].text not in people:
                continue
            where = {lk.ar for lk in ctx.en_links(o)} | {
                i for i, t in enumerate(ar) if tl.best_reading(en[o].text, t.text, NAME_SOUND)[0] >= 0.8}
            for p in sorted(where):
                if p == 0 or ar[p - 1].text != _FI or text[ar[p - 1].end : ar[p].start].strip():
                    continue
                if tl.best_reading(en[o].text, ar[p].text, NAME_SOUND)[0] < NAME_SOUND:
                    continue
                flags.append(self.flag(
                    "grammar", "minor",
                    f"'{en[o].text}'s' is rendered «في {ar[p].text}» ('in {en[o].text}'): a person's possessive is "
                    f"a construct or «لـ», not «في»",
                    ar=(ar[p - 1].start, ar[p].end), en=(en[o].start, en[o + 1].end), suggestion="ل" + ar[p].text))
                break
        return flags
