"""Polarity: a negation lost or added, and a direction-of-change word turned into its antonym.

"unemployment rose" → «انخفضت البطالة», "failed to pass" → «نجح في تمرير», "did not attend" →
«حضر». Both kinds reverse the fact the sentence reports. Lexicons: ``corpora/lexicons/``
(``polarity_en.tsv``, ``polarity_ar.tsv``, ``antonyms.tsv``; helpers in ``align.polarity``).

a. **Antonym flip.** For one row of ``antonyms.tsv`` (rise/fall, win/lose, accept/reject…):
   the English has a term of side *s* and none of the opposite side, while the Arabic has a
   term of the opposite side and none of side *s*. Flagged when the two words correspond (a
   word link, else close relative positions) and neither is negated without the other being
   negated too ("did not rise" = «لم يرتفع»; "denied" = «أكد أنه لم…» is compensated).
   Severity critical for verbs of change (the reported fact flips), major for comparatives,
   directions and the like; the suggestion is the Arabic of side *s*.
b. **Negation lost/added.** A plain negator (not, n't, no, never, without… / لا، لم، لن، ليس،
   عدم، بدون، غير…) on one side while the other side has no negation evidence at all: no
   negator, no negative verb or word (refuse/رفض، fail/فشل، absent/غياب), no quasi-negative
   (only, until, hardly / إلا، سوى، حتى), no affixed negative word (unclear, incredible). A
   negated antonym on the other side compensates ("did not win" = «خسر»). Fixed expressions
   are not negations («لا يزال» still, «غير أن» however, «لا سيما», «لم … إلا» only, "not only",
   "no doubt", degree phrases such as «لا يقل عن»), and a stasis word compensates the negation
   of a change ("nothing changed" = «بقي على حاله»), a universal quantifier a negative one
   ("none were hurt" = «خرج الجميع سالمين»). Critical when a verb is negated, major
   otherwise; localised on the Arabic negator (added) or on the Arabic word linked to (or
   glossing) the negated English word (lost).
c. **Negation lost in one clause.** When the Arabic negates something else: the English has
   more negators than the Arabic has negation words of any kind, and the negated English word
   has exactly one Arabic rendering by dictionary gloss (a link breaks ties) with no negation
   before it ("did not know the plan" → «يعرف الخطة»).

Works with ``ctx.links`` and ``ctx.sim`` (used to tie the two words) and without them
(relative positions, Buckwalter glosses). A converse rendering keeps the facts and is not a
flip: "France won against England" = «خسرت إنجلترا أمام فرنسا» (the names change places
around the verb, ``roles.converse_order``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import ClassVar

from ..normalize import normalize_ar
from ..polarity import (
    AntonymPair,
    Hit,
    SidePositions,
    antonym_index,
    ar_glossing,
    ar_imperfect,
    ar_negations,
    en_negations,
    is_irregular_form,
    linked,
    linked_ar,
    load_antonyms,
    negated_at,
)
from ..records import Flag, Token
from .base import Check, PairContext
from .degree import modifier_tokens
from .roles import converse_order

_EN_AUX = frozenset("""do does did will would can could should shall may might must is are was were be been
    has have had am""".split())
_EN_SKIP = frozenset("""be been being have has had even yet ever always also really quite actually
    necessarily just a an the any to""".split())
# "None of the passengers were hurt" = «خرج جميع الركاب سالمين»: a negative quantifier on one
# side, a universal one on the other, with the predicate's antonym
_EN_NEG_QUANT = frozenset("none nobody nothing neither no".split())
_EN_UNIVERSAL = frozenset("all every everyone everybody everything each both entire whole".split())
_AR_UNIVERSAL = frozenset(normalize_ar(w) for w in "جميع كل كافة كلا كلتا الجميع جميعا جميعهم كلهم".split())
_AR_NEG_QUANT = frozenset(normalize_ar(w) for w in "أحد أي شيء".split())
_AR_AFTER_NEG_BEFORE = frozenset(normalize_ar(w) for w in ("لم", "لما", "ولم", "ولما", "فلم"))
NEAR = 0.35  # relative-position distance under which two words may correspond without a link
NEAR_SINGLE = 0.75  # ... when each is the only candidate of its row (word order differs: VSO/SVO)


def _excluded_ar(tokens: list[Token], degree: set[int]) -> set[int]:
    """Arabic tokens an antonym term must not be read from: degree phrases on a number (the
    degree check's), «من قبل» (by), «عن بعد» (remote) and «بعد» after «لم» (not yet)."""
    out = set(degree)
    norms = [normalize_ar(t.text) for t in tokens]
    for k, n in enumerate(norms):
        prev = norms[k - 1] if k else ""
        if n == "قبل" and prev in ("من", "ومن"):
            out.add(k)
        if n == "بعد" and prev == "عن":
            out.add(k)
        if n == "بعد" and any(norms[x] in _AR_AFTER_NEG_BEFORE for x in range(max(0, k - 5), k)):
            out.add(k)
    return out


_ANY_NEG = ("negator", "negative-word", "negative-verb", "quasi")


def _negated(neg: list[Hit], i: int, before: int, verbal: bool = True) -> bool:
    """Word i is negated: a negator or (for a verb) a negative verb just before it ("failed to
    rise", «لم يرتفع»), or a negator in the clause after it («أكد أنه لم يلتق به» = denied
    meeting him). A negative verb does not negate a quantifier or an adjective after it:
    «عارض جميع النواب» is "all opposed", not "not all"."""
    kinds = ("negator", "negative-verb") if verbal else ("negator",)
    return bool(negated_at(neg, i, before, 0, kinds) or negated_at(neg, i, 0, 6, ("negator",)))


def _by_row(hits: list[Hit], excluded: set[int]) -> dict[int, dict[str, list[Hit]]]:
    rows: dict[int, dict[str, list[Hit]]] = defaultdict(lambda: {"a": [], "b": []})
    for h in hits:
        if any(k in excluded for k in range(h.i, h.j + 1)):
            continue
        row, side = h.payload
        rows[row][side].append(h)
    for sides in rows.values():
        for s in ("a", "b"):
            sides[s] = _dedupe(sides[s])
    return rows


def _dedupe(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.i, -(h.j - h.i))):
        if not any(o.i <= h.i <= o.j for o in out):
            out.append(h)
    return out


def _other(side: str) -> str:
    return "b" if side == "a" else "a"


def _gloss(p: AntonymPair, side: str) -> str:
    return p.side(side, "en")[0].text


class PolarityCheck(Check):
    name: ClassVar[str] = "polarity"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset()

    def run(self, ctx: PairContext) -> list[Flag]:
        if not ctx.ar_tokens or not ctx.en_tokens:
            return []
        en_neg = en_negations(ctx.en_tokens)
        ar_neg = ar_negations(ctx.ar_tokens)
        en_deg, ar_deg = modifier_tokens(ctx)
        en_rows = _by_row(antonym_index("en").find(ctx.en_tokens), en_deg)
        ar_rows = _by_row(antonym_index("ar").find(ctx.ar_tokens), _excluded_ar(ctx.ar_tokens, ar_deg))
        flags = self._antonyms(ctx, en_neg, ar_neg, en_rows, ar_rows)
        flags += self._negation(ctx, en_neg, ar_neg, en_rows, ar_rows)
        return flags

    # -- a. antonym flips
    def _antonyms(self, ctx: PairContext, en_neg: list[Hit], ar_neg: list[Hit],
                  en_rows: dict, ar_rows: dict) -> list[Flag]:
        pairs = load_antonyms()
        p = ctx.pair
        en_pos = SidePositions(ctx.en_tokens, p.en_start, p.en_end)
        ar_pos = SidePositions(ctx.ar_tokens, p.ar_start, p.ar_end)
        flags: list[Flag] = []
        used_ar: set[int] = set()
        for row, en_sides in sorted(en_rows.items()):
            ar_sides = ar_rows.get(row, {"a": [], "b": []})
            pair = pairs[row]
            for s in ("a", "b"):
                o = _other(s)
                if not en_sides[s] or en_sides[o] or ar_sides[s] or not ar_sides[o]:
                    continue
                best = None
                single = len(en_sides[s]) == 1 and len(ar_sides[o]) == 1
                for e in en_sides[s]:
                    for a in ar_sides[o]:
                        if a.i in used_ar:
                            continue
                        verbal = pair.pos == "verb"
                        if _negated(en_neg, e.i, 4, verbal) != _negated(ar_neg, a.i, 3, verbal):
                            continue  # "did not rise" = «لم يرتفع»; a negation on one side compensates
                        is_linked = linked(ctx.links, (e.i, e.j), (a.i, a.j))
                        shift = abs(en_pos.rel(e.i) - ar_pos.rel(a.i))
                        if not (is_linked or shift <= NEAR or (single and shift <= NEAR_SINGLE)):
                            continue
                        sim = float(ctx.sim[a.i, e.i]) if ctx.sim is not None and ctx.sim.size else 0.0
                        key = (not is_linked, -round(sim, 2), shift)
                        if best is None or key < best[0]:
                            best = (key, e, a)
                if best is None:
                    continue
                _, e, a = best
                if pair.pos == "verb" and converse_order(ctx, e.i, a.i):
                    continue  # "France won against England" = «خسرت إنجلترا أمام فرنسا»
                used_ar.add(a.i)
                en_text = ctx.en_span_text(e.i, e.j)
                ar_text = ctx.ar_span_text(a.i, a.j)
                meant = _gloss(pair, s)
                said = f"'{en_text}'" if en_text.lower() == meant else f"'{en_text}' ({meant})"
                flags.append(self.flag(
                    "mistranslation", pair.severity,
                    f"«{ar_text}» means '{_gloss(pair, o)}', the opposite of the English {said}: the Arabic reverses it",
                    ar=a.span(ctx.ar_tokens), en=e.span(ctx.en_tokens),
                    suggestion=pair.side(s, "ar")[0].surface(),
                ))
        return flags

    # -- b. negation lost or added
    def _negation(self, ctx: PairContext, en_neg: list[Hit], ar_neg: list[Hit],
                  en_rows: dict, ar_rows: dict) -> list[Flag]:
        en_trig = [h for h in en_neg if h.kind == "negator"]
        ar_trig = [h for h in ar_neg if h.kind == "negator"]
        if en_trig:
            target = self._en_negated(ctx, en_trig[0])
            if target is not None and any(h.kind == "stasis" and h.i <= target <= h.j for h in en_neg):
                # "would not stay" ≠ «سيبقى»: a stasis word only compensates the negation of a change
                ar_neg = [h for h in ar_neg if h.kind != "stasis"]
        if ar_trig and ar_trig[0].j + 1 < len(ctx.ar_tokens):
            nxt_k = ar_trig[0].j + 1
            if any(h.kind == "stasis" and h.i <= nxt_k <= h.j for h in ar_neg):
                en_neg = [h for h in en_neg if h.kind != "stasis"]
        if en_trig and not ar_neg:
            h = en_trig[0]
            target = self._en_negated(ctx, h)
            if self._compensated(ctx.en_tokens, target, en_rows, ar_rows):
                return []
            same_word = target is not None and (linked_ar(ctx.links, (target, target))
                                                or ar_glossing(ctx.ar_tokens, ctx.en_tokens[target].text))
            if ctx.en_tokens[h.i].norm in _EN_NEG_QUANT and not same_word and any(
                    normalize_ar(t.text).lstrip("و") in _AR_UNIVERSAL for t in ctx.ar_tokens):
                return []
            ar_idx = linked_ar(ctx.links, (target, target)) if target is not None else []
            if not ar_idx and target is not None:
                ar_idx = ar_glossing(ctx.ar_tokens, ctx.en_tokens[target].text)[:1]
            ar_span = (ctx.ar_tokens[ar_idx[0]].start, ctx.ar_tokens[ar_idx[0]].end) if ar_idx else None
            en_end = ctx.en_tokens[target].end if target is not None else ctx.en_tokens[h.j].end
            words = ctx.pair.en_text[ctx.en_tokens[h.i].start : en_end]
            sev = "critical" if self._en_verbal(ctx.en_tokens, h, target) else "major"
            return [self.flag(
                "mistranslation", sev,
                f"the English is negative ('{words}') but the Arabic has no negation: it states the opposite",
                ar=ar_span, en=(ctx.en_tokens[h.i].start, en_end),
            )]
        if en_trig and ar_neg:
            return self._clause_negation(ctx, en_trig, ar_neg, en_rows, ar_rows)
        if ar_trig and not en_neg:
            h = ar_trig[0]
            nxt = h.j + 1 if h.j + 1 < len(ctx.ar_tokens) else None
            if self._compensated(ctx.ar_tokens, nxt, ar_rows, en_rows):
                return []
            quant = any(normalize_ar(t.text) in _AR_NEG_QUANT for t in ctx.ar_tokens[h.j + 1 : h.j + 5])
            if quant and any(t.norm in _EN_UNIVERSAL for t in ctx.en_tokens):
                return []  # "All passengers survived" = «لم يمت أي راكب»
            end = nxt if nxt is not None else h.j
            sev = "critical" if nxt is not None and ar_imperfect(ctx.ar_tokens[nxt].text) is True else "major"
            if normalize_ar(ctx.ar_tokens[h.i].text).lstrip("وف") in ("لم", "لن"):
                sev = "critical"
            text = ctx.ar_span_text(h.i, end)
            return [self.flag(
                "mistranslation", sev,
                f"«{text}» is negative but the English has no negation: the Arabic states the opposite",
                ar=(ctx.ar_tokens[h.i].start, ctx.ar_tokens[end].end),
            )]
        return []

    def _clause_negation(self, ctx: PairContext, en_trig: list[Hit], ar_neg: list[Hit],
                         en_rows: dict, ar_rows: dict) -> list[Flag]:
        """Negation lost in one clause while the Arabic negates something else: the English has
        more negators than the Arabic has negation words of any kind, and the word an English
        negator applies to has a dictionary rendering in the Arabic (a Buckwalter gloss; a word
        link breaks a tie) that nothing negates."""
        ar_any = [h for h in ar_neg if h.kind != "stasis"]
        if len(en_trig) <= len(ar_any):
            return []
        for h in en_trig:
            target = self._en_negated(ctx, h)
            if target is None or self._compensated(ctx.en_tokens, target, en_rows, ar_rows):
                continue
            glossed = ar_glossing(ctx.ar_tokens, ctx.en_tokens[target].text)
            if len(glossed) > 1:
                links = set(linked_ar(ctx.links, (target, target)))
                glossed = [k for k in glossed if k in links]
            if len(glossed) != 1:
                continue
            a = glossed[0]
            if any(x.i <= a <= x.j for x in ar_any) or negated_at(ar_any, a, 3, 0, _ANY_NEG):
                continue
            en_end = ctx.en_tokens[target].end
            words = ctx.pair.en_text[ctx.en_tokens[h.i].start : en_end]
            sev = "critical" if self._en_verbal(ctx.en_tokens, h, target) else "major"
            return [self.flag(
                "mistranslation", sev,
                f"the English is negative ('{words}') but «{ctx.ar_tokens[a].text}» is not negated: "
                "the Arabic states the opposite",
                ar=(ctx.ar_tokens[a].start, ctx.ar_tokens[a].end), en=(ctx.en_tokens[h.i].start, en_end),
            )]
        return []

    @staticmethod
    def _en_negated(ctx: PairContext, h: Hit) -> int | None:
        """The English word a negator applies to: the next word that is not an auxiliary; for a
        negative quantifier ("none of the passengers were hurt") the verb after it."""
        toks = ctx.en_tokens
        if toks[h.i].norm in _EN_NEG_QUANT - {"no"}:
            for k in range(h.j + 1, min(len(toks), h.j + 8)):
                if toks[k - 1].norm in _EN_AUX and toks[k].norm not in _EN_AUX | _EN_SKIP:
                    return k
        for k in range(h.j + 1, min(len(toks), h.j + 5)):
            if toks[k].norm not in _EN_SKIP and toks[k].norm not in _EN_AUX:
                return k
        return None

    @staticmethod
    def _en_verbal(tokens: list[Token], h: Hit, target: int | None) -> bool:
        """A negated verb (didn't go, will not sign, never met), not a noun or adjective."""
        first = tokens[h.i].norm
        participle = target is not None and (tokens[target].norm.endswith(("ed", "en")) or is_irregular_form(tokens[target].norm))
        if first.endswith("n't") or first == "cannot":
            return participle or not first.startswith(("is", "are", "was", "were", "isn", "aren", "wasn", "weren"))
        if first in ("not", "never"):
            prev = tokens[h.i - 1].norm if h.i else ""
            if prev in _EN_AUX - {"is", "are", "was", "were", "am", "be", "been"}:
                return True
            return participle  # "were not compromised", "never met"
        return False

    @staticmethod
    def _compensated(tokens: list[Token], k: int | None, own_rows: dict, other_rows: dict) -> bool:
        """The negated word is an antonym term whose opposite the other side has ("did not win" = «خسر»)."""
        if k is None:
            return False
        for row, sides in own_rows.items():
            for s in ("a", "b"):
                if any(h.i <= k <= h.j or h.i == k + 1 for h in sides[s]):
                    if other_rows.get(row, {}).get(_other(s)):
                        return True
        return False
