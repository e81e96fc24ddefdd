"""Modality: a possibility turned into a certainty (or the reverse), an obligation changed,
a reported claim asserted as fact.

"could reach" → «ستصل» (will reach), "may have been" → «كان», "must pay" → «سيدفع», "X is
supplying Y, Kyiv says" → «تزود X Y» (the claim becomes the newspaper's own). Lexicon:
``corpora/lexicons/modality.tsv`` (classes certain, probable, possible, obligation, reported,
and ability/intention, which only compensate).

a. **Hedge dropped** (could, may, might, possibly, perhaps, likely, probably, expected to,
   apparently, appear/seem to…): the Arabic has no hedge at all (no «قد» + imperfect,
   «ربما»، «يمكن»، «من المحتمل»، «من المتوقع»، «يبدو»…, no ability or intention word, no
   conditional). Major when the Arabic asserts a future («ستصل»، «سوف»، «لن»), minor otherwise.
   "could not" is past inability, "if … could" a conditional: neither is a hedge.
b. **Hedge added**: a strong Arabic hedge («ربما»، «قد» + imperfect, «من المحتمل»، «يحتمل»،
   «من الممكن»، «من المرجح») where the English has no modal, hedge, condition or
   opinion verb at all. Minor.
c. **Obligation changed**: must/have to/need to… while the Arabic has no obligation word
   (يجب، ينبغي، يتعين، لا بد، عليه أن…) and asserts a future or hedges instead: major.
d. **Attribution dropped**: "according to", "alleged", claims, "X says/said" (outside a
   direct quotation) while the Arabic has no reporting or attribution word at all (قال، ذكر،
   أفاد، بحسب، وفق، زعم، المزعوم، تقارير، يبدو…; a headline colon «الوزارة: …» attributes
   too); allegedly/reportedly/purportedly/supposedly while the Arabic has no hearsay marker
   (بحسب، وفق، زعم، المزعوم، تقارير، يُقال، يُشتبه، على ما يبدو…), even if another reporting
   verb is there ("prosecutors charged a mayor who allegedly took bribes" → «تلقى … رشى،
   ووجهت إليه النيابة الاتهام»). The Arabic asserts as fact what the English attributes. Major,
   on the Arabic main verb.

English modals that are also nouns or months are read in context: "his will", "military
might", "in May". Works without word links (relative positions and dictionary glosses
localise the Arabic verb); links, when present, are preferred.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..normalize import normalize_ar
from ..polarity import (
    Hit,
    SidePositions,
    ar_future,
    ar_glossing,
    ar_imperfect,
    linked_ar,
    longest,
    modality_index,
)
from ..records import Flag, Token
from .base import Check, PairContext

# English hedges that raise a flag when dropped; the other probable/possible terms only compensate
_EN_HEDGE_TRIGGERS = frozenset("""could may might possibly perhaps maybe likely probably unlikely apparently
    presumably conceivably seemingly""".split()) | {"expected to", "appear to", "appears to", "appeared to",
                                                     "seem to", "seems to", "seemed to", "believed to", "thought to"}
_EN_OBLIGATION_TRIGGERS = frozenset({"must", "have to", "has to", "had to", "need to", "needs to", "needed to",
                                     "required to", "obliged to", "obligated to", "forced to", "compelled to",
                                     "ought to"})
# Reporting that makes a claim someone else's; plain speech verbs count only outside quotations
# Hearsay adverbs need an Arabic hearsay marker (بحسب، زعم، يُقال…): a reporting verb elsewhere
# in the sentence ("prosecutors charged him") does not make the embedded claim alleged
_EN_HEARSAY_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly", "said to", "is said",
                                 "are said"})
_EN_SPEECH = re.compile(r"^(say|says|said|claim|claims|claimed|allege|alleges|tell|tells|told|report|reports|reported)$")
_PLAIN_SPEECH = frozenset("""say says said tell tells told add adds added note notes noted write writes wrote
    tweet tweets tweeted post posts posted announce announces announced state states stated call calls called
    describe describes described quote quotes quoted report reports reported according""".split())
_AR_STRONG_HEDGES = frozenset(normalize_ar(w) for w in """ربما لربما لعل لعله يحتمل المحتمل محتمل الممكن المرجح
    يرجح ترجح""".split())
_AR_NEG = frozenset(normalize_ar(w) for w in "لا لم لن ليس غير اللا".split())
_WILL_NOUN_BEFORE = frozenset("""his her their its the a an our my your political popular good free ill own
    people's 's strong iron last""".split())
_MAY_MONTH_BEFORE = frozenset("in on since until by of early late mid last next this from through during".split())
_MIGHT_NOUN_BEFORE = frozenset("the its his her their military economic naval full all with our".split())
# "could not", "could see": past ability, not a possibility
_COULD_ABILITY = frozenset("not never hardly barely only see hear feel smell sense remember understand".split())
_QUOTES = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|„[^“”]*[“”]")


def _verb_only(word: str) -> bool:
    """Every Buckwalter reading is a verb (تلقى، نجمت): a clause's main verb."""
    from ..translit import analyze

    readings = analyze(word)
    return bool(readings) and all(a.pos.startswith("VERB") for a in readings)


def _verb_like(word: str) -> bool:
    from ..translit import analyze

    return any(a.pos.startswith("VERB") for a in analyze(word))


_ALA = frozenset({"على", "وعلى", "فعلى"})
_AN = frozenset({"ان", "الا"})


def _ala_an(tokens: list[Token]) -> bool:
    """«على الحكومة أن تتحرك» (the government has to act): an obligation the lexicon's fixed
    «عليه أن» does not cover."""
    norms = [normalize_ar(t.text) for t in tokens]
    return any(n in _ALA and any(m in _AN for m in norms[k + 2 : k + 4]) for k, n in enumerate(norms))


def _quoted_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text, start, end)]


def _term_key(h: Hit) -> str:
    return " ".join(w.rstrip("*") for w in h.term.words) if h.term.lang == "en" else h.term.text


def en_modal_hits(tokens: list[Token]) -> list[Hit]:
    """English modality hits with modals read in context (nouns and months dropped, "could
    not" turned into ability)."""
    out = []
    for h in longest(modality_index("en").find(tokens)):
        w = tokens[h.i]
        prev = tokens[h.i - 1].norm if h.i else ""
        nxt = tokens[h.j + 1].norm if h.j + 1 < len(tokens) else ""
        if w.norm == "will" and (prev in _WILL_NOUN_BEFORE or nxt in ("to", "of", "and", "")):
            continue
        if w.norm == "may" and (w.text == "May" or prev in _MAY_MONTH_BEFORE or nxt[:1].isdigit()):
            continue
        if w.norm == "might" and (prev in _MIGHT_NOUN_BEFORE or nxt in ("of", "and", "")):
            continue
        if w.norm == "can" and prev in ("a", "the", "tin", "oil"):
            continue
        if w.norm in ("could", "couldn't") and (nxt in _COULD_ABILITY or w.norm == "couldn't"):
            h = Hit(h.i, h.j, h.term, "ability", h.payload)
        elif w.norm == "could" and any(t.norm in ("if", "whether", "unless") for t in tokens[max(0, h.i - 4) : h.i]):
            h = Hit(h.i, h.j, h.term, "possible-conditional", h.payload)
        out.append(h)
    return out


def ar_modal_hits(tokens: list[Token]) -> list[Hit]:
    return longest(modality_index("ar").find(tokens))


class ModalityCheck(Check):
    name: ClassVar[str] = "modality"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset()

    def run(self, ctx: PairContext) -> list[Flag]:
        if not ctx.ar_tokens or not ctx.en_tokens:
            return []
        en = en_modal_hits(ctx.en_tokens)
        ar = ar_modal_hits(ctx.ar_tokens)
        ar_classes = {h.kind for h in ar}
        flags: list[Flag] = []
        flags += self._hedge_dropped(ctx, en, ar, ar_classes)
        flags += self._hedge_added(ctx, en, ar)
        flags += self._obligation(ctx, en, ar, ar_classes)
        flags += self._attribution(ctx, en, ar_classes)
        return flags

    # -- helpers
    def _en_verb(self, ctx: PairContext, h: Hit) -> int | None:
        """The English verb a modal governs: the next word that is not an auxiliary or adverb."""
        skip = {"not", "be", "have", "been", "also", "still", "even", "well", "soon", "eventually", "to", "further",
                "yet", "now", "then", "already", "only", "just", "ultimately", "actually"}
        for k in range(h.j + 1, min(len(ctx.en_tokens), h.j + 5)):
            n = ctx.en_tokens[k].norm
            if n not in skip and not n.endswith("ly"):
                return k
        return None

    def _ar_for(self, ctx: PairContext, en_k: int | None, prefer: list[int]) -> int | None:
        """The Arabic token rendering English token ``en_k``: among ``prefer`` (future-marked
        verbs, hedges…) the one linked to it or nearest in relative position; else its link;
        else a token whose dictionary gloss is the English word."""
        p = ctx.pair
        if en_k is None:
            return prefer[0] if len(prefer) == 1 else None
        links = linked_ar(ctx.links, (en_k, en_k))
        if prefer:
            for a in links:
                if a in prefer:
                    return a
            en_pos = SidePositions(ctx.en_tokens, p.en_start, p.en_end).rel(en_k)
            ar_pos = SidePositions(ctx.ar_tokens, p.ar_start, p.ar_end)
            return min(prefer, key=lambda a: abs(ar_pos.rel(a) - en_pos))
        if links:
            return links[0]
        gl = ar_glossing(ctx.ar_tokens, ctx.en_tokens[en_k].text, verbs_only=True)
        if gl:
            return gl[0]
        verbs = [k for k, t in enumerate(ctx.ar_tokens) if _verb_only(t.text)]
        if not verbs:
            return None
        en_pos = SidePositions(ctx.en_tokens, p.en_start, p.en_end).rel(en_k)
        ar_pos = SidePositions(ctx.ar_tokens, p.ar_start, p.ar_end)
        return min(verbs, key=lambda a: abs(ar_pos.rel(a) - en_pos))

    def _futures(self, ctx: PairContext) -> list[int]:
        out = []
        for k, t in enumerate(ctx.ar_tokens):
            n = normalize_ar(t.text).lstrip("وف")
            if ar_future(t.text) is True:
                out.append(k)
            elif n in ("سوف", "لن") and k + 1 < len(ctx.ar_tokens):
                out.append(k + 1)
        return out

    # -- a. hedge dropped
    def _hedge_dropped(self, ctx: PairContext, en: list[Hit], ar: list[Hit], ar_classes: set[str]) -> list[Flag]:
        triggers = [h for h in en if h.kind in ("possible", "probable") and _term_key(h) in _EN_HEDGE_TRIGGERS]
        if not triggers or ar_classes & {"possible", "probable", "ability", "intention"}:
            return []
        h = triggers[0]
        verb = self._en_verb(ctx, h)
        futures = self._futures(ctx)
        a = self._ar_for(ctx, verb, futures)
        asserted_future = a is not None and a in futures
        en_end = ctx.en_tokens[verb].end if verb is not None else ctx.en_tokens[h.j].end
        en_text = ctx.pair.en_text[ctx.en_tokens[h.i].start : en_end]
        lo = a
        suggestion = None
        if asserted_future:
            marker = normalize_ar(ctx.ar_tokens[a - 1].text).lstrip("وف") if a > 0 else ""
            if marker in ("سوف", "لن"):
                lo = a - 1  # «سوف يستقيل» → «قد يستقيل», «لن يعود» → «قد لا يعود»
                suggestion = ("قد " if marker == "سوف" else "قد لا ") + ctx.ar_tokens[a].text
            else:
                suggestion = self._hedged(ctx.ar_tokens[a].text)
            msg = (f"'{en_text}' is a possibility but «{ctx.ar_span_text(lo, a)}» states it as certain (future): "
                   "the Arabic drops the hedge")
        else:
            msg = f"'{en_text}' is hedged but the Arabic has no hedge (قد، ربما، من المحتمل…): it reads as a fact"
        return [self.flag("mistranslation", "major" if asserted_future else "minor", msg,
                          ar=(ctx.ar_tokens[lo].start, ctx.ar_tokens[a].end) if a is not None else None,
                          en=(ctx.en_tokens[h.i].start, en_end), suggestion=suggestion)]

    @staticmethod
    def _hedged(word: str) -> str | None:
        """«ستصل» → «قد تصل»: the future prefix replaced by the hedge."""
        m = re.match(r"^([وف]?)س([يتنأ].*)$", word)
        return f"{m.group(1)}قد {m.group(2)}" if m else None

    # -- b. hedge added
    def _hedge_added(self, ctx: PairContext, en: list[Hit], ar: list[Hit]) -> list[Flag]:
        strong = [h for h in ar if h.kind in ("possible", "probable") and (
            (h.term.words[0] == "قد+مضارع" and ar_imperfect(ctx.ar_tokens[h.j + 1].text) is True)
            or normalize_ar(ctx.ar_tokens[h.i].text).lstrip("وف") in _AR_STRONG_HEDGES
            or h.term.text in ("من المحتمل", "من الممكن", "من المرجح"))]
        strong = [h for h in strong if not (h.i and normalize_ar(ctx.ar_tokens[h.i - 1].text).lstrip("وف") in _AR_NEG)]
        if not strong:
            return []
        compensating = [x for x in en if x.kind != "certain" and ctx.en_tokens[x.i].norm not in _PLAIN_SPEECH]
        if compensating or "?" in ctx.pair.en:
            return []
        h = strong[0]
        end = min(h.j + 1, len(ctx.ar_tokens) - 1) if h.term.words[0] == "قد+مضارع" else h.j
        text = ctx.ar_span_text(h.i, end)
        return [self.flag("mistranslation", "minor",
                          f"«{text}» hedges (may/perhaps) what the English states as a fact",
                          ar=(ctx.ar_tokens[h.i].start, ctx.ar_tokens[end].end))]

    # -- c. obligation changed
    def _obligation(self, ctx: PairContext, en: list[Hit], ar: list[Hit], ar_classes: set[str]) -> list[Flag]:
        triggers = [h for h in en if h.kind == "obligation" and _term_key(h) in _EN_OBLIGATION_TRIGGERS]
        if not triggers or "obligation" in ar_classes:
            return []
        h = triggers[0]
        verb = self._en_verb(ctx, h)
        hedges = [x.i if x.term.words[0] != "قد+مضارع" else x.i + 1 for x in ar if x.kind in ("possible", "probable")]
        futures = self._futures(ctx)
        if not futures + hedges or _ala_an(ctx.ar_tokens):
            return []
        a = self._ar_for(ctx, verb, futures + hedges)
        if a is None:
            return []
        what = "a future" if a in futures else "a possibility"
        en_end = ctx.en_tokens[verb].end if verb is not None else ctx.en_tokens[h.j].end
        en_text = ctx.pair.en_text[ctx.en_tokens[h.i].start : en_end]
        return [self.flag("mistranslation", "major",
                          f"'{en_text}' is an obligation but «{ctx.ar_tokens[a].text}» makes it {what}",
                          ar=(ctx.ar_tokens[a].start, ctx.ar_tokens[a].end),
                          en=(ctx.en_tokens[h.i].start, en_end), suggestion="يجب أن")]

    # -- d. attribution dropped
    def _attribution(self, ctx: PairContext, en: list[Hit], ar_classes: set[str]) -> list[Flag]:
        p = ctx.pair
        if ":" in p.ar:
            return []  # «وزارة الزراعة: …» is a headline attribution
        quotes = _quoted_ranges(p.en_text, p.en_start, p.en_end)
        ar_quotes = _quoted_ranges(p.ar_text, p.ar_start, p.ar_end)
        for h in en:
            key = _term_key(h)
            if h.kind == "hearsay" and key in _EN_HEARSAY_ADVERBS:
                if ar_classes & {"hearsay", "probable"}:
                    continue  # «بحسب تقارير», «يُزعم», «على ما يبدو»
            elif h.kind in ("hearsay", "reported") and (h.kind == "hearsay" or _EN_SPEECH.match(ctx.en_tokens[h.i].norm)):
                if ar_classes & {"hearsay", "reported", "probable"}:
                    continue
                if h.kind == "reported" and (quotes or ar_quotes):
                    continue  # a direct quotation: the Arabic may quote only the words
            else:
                continue
            nxt = self._en_verb(ctx, h) if key in _EN_HEARSAY_ADVERBS else None
            a = ar_glossing(ctx.ar_tokens, ctx.en_tokens[nxt].text, verbs_only=True)[:1] if nxt is not None else []
            if not a:  # the asserted main verb: the first word that can only be a verb, else may be one
                a = [k for k, t in enumerate(ctx.ar_tokens) if _verb_only(t.text)][:1]
            if not a:
                a = [k for k, t in enumerate(ctx.ar_tokens) if _verb_like(t.text)][:1]
            what = ctx.en_span_text(h.i, h.j)
            return [self.flag("mistranslation", "major",
                              f"the English attributes the claim ('{what}') but the Arabic has no attribution "
                              "(بحسب، وفق، زعم، قال…): it asserts it as fact",
                              ar=(ctx.ar_tokens[a[0]].start, ctx.ar_tokens[a[0]].end) if a else None,
                              en=h.span(ctx.en_tokens))]
        return []
