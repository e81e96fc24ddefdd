"""Degree: an approximator or bound on a quantity changed while the number itself is right.

"nearly half" → «أكثر من نصف» (under half becomes over half), "at least 20" → «نحو 20»,
"more than 100 were killed" → «قتل 100». The numbers check (``align/checks/numbers.py``)
compares values; this check only looks at quantities whose values agree on both sides, so
the two never flag the same difference. Lexicon: ``corpora/lexicons/degree.tsv``.

Quantities come from ``numerals.parse_en``/``parse_ar`` plus fractions those leave out
(a third, two-thirds, a quarter / ثلث، ثلثي، ربع). A degree term modifies a quantity when it
sits right before it (one filler word allowed: "more than a third", «أكثر من 15 ألف») or
within three words after it ("20 people at least", «20 شخصا على الأقل»).

Classes: approx (about, نحو), nearly (just under, قرابة), above (more than, أكثر من),
at-least (≥, ما لا يقل عن), below (less than, أقل من), at-most (up to, ما يصل إلى), exact,
only. Flags (category ``mistranslation``):

- opposite directions (nearly/below/at-most/only vs above/at-least): major;
- an approximation for a bound or an exact value, or the reverse ("at least" → «نحو»): minor;
- a bound (above/at-least/below/at-most) dropped or added on an otherwise equal number: minor.

Compatible renderings stay quiet: nearly ≈ approx, above ≈ at-least, below ≈ at-most ≈ nearly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from ..normalize import normalize_ar
from ..numerals import Quantity, parse_ar, parse_en
from ..polarity import Hit, degree_index, degree_suggestion, linked, longest
from ..records import Flag, Token
from .base import Check, PairContext

LOWER = frozenset({"nearly", "below", "at-most", "only"})
UPPER = frozenset({"above", "at-least"})
BOUNDS = frozenset({"above", "at-least", "below", "at-most"})
_COMPATIBLE = {frozenset(p) for p in (("approx", "nearly"), ("above", "at-least"), ("below", "at-most"),
                                      ("nearly", "below"), ("nearly", "at-most"), ("only", "at-most"),
                                      ("only", "below"), ("only", "exact"), ("approx", "only"), ("nearly", "only"))}
_GLOSS = {"approx": "about", "nearly": "nearly", "above": "more than", "at-least": "at least",
          "below": "less than", "at-most": "up to", "exact": "exactly", "only": "only"}
_EN_FILLERS = frozenset({"a", "an", "the", "some", "one"})
_AR_FILLERS = frozenset(normalize_ar(w) for w in ("من", "عن", "على", "إلى", "الى"))

_EN_FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
                 "fifth": 0.2, "fifths": 0.2, "tenth": 0.1}
_EN_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_AR_FRACTIONS = {"نصف": 0.5, "ثلث": 1 / 3, "ثلثي": 2 / 3, "ثلثا": 2 / 3, "ربع": 0.25, "عشر": 0.1}
_AR_THREE_QUARTERS = {"ارباع": 0.25}


@dataclass(frozen=True)
class _Anchor:
    """A quantity and the tokens it covers."""

    value: float
    i: int
    j: int
    kind: str = "cardinal"


def _tok_range(tokens: list[Token], q: Quantity) -> tuple[int, int] | None:
    ks = [k for k, t in enumerate(tokens) if t.start < q.end and q.start < t.end]
    return (ks[0], ks[-1]) if ks else None


def _quantity_anchors(quantities: list[Quantity], tokens: list[Token]) -> list[_Anchor]:
    """The counts a degree word can bound (not months, names, magnitudes, years or days)."""
    out: list[_Anchor] = []
    for q in quantities:
        if q.is_month or q.name or q.vague or q.kind in ("year", "day"):
            continue
        r = _tok_range(tokens, q)
        if r:
            out.append(_Anchor(q.value, r[0], r[1], q.kind))
    return out


def _en_anchors(ctx: PairContext) -> list[_Anchor]:
    p = ctx.pair
    toks = ctx.en_tokens
    out = [a for a in _quantity_anchors(parse_en(p.en_text, p.en_start, p.en_end), toks)
           if not _fraction_read_as_ordinal(a, toks)]
    covered = {k for a in out for k in range(a.i, a.j + 1)}
    for k, t in enumerate(toks):
        if k in covered:
            continue
        frac = _EN_FRACTIONS.get(t.norm.replace("-", ""))
        parts = t.norm.split("-")
        if frac is None and len(parts) == 2 and parts[1] in _EN_FRACTIONS and parts[0] in _EN_NUMERATORS:
            out.append(_Anchor(_EN_NUMERATORS[parts[0]] * _EN_FRACTIONS[parts[1]], k, k, "fraction"))
            continue
        if frac is None:
            continue
        prev = toks[k - 1].norm if k else ""
        if prev in _EN_NUMERATORS and t.norm.endswith("s"):
            out.append(_Anchor(_EN_NUMERATORS[prev] * frac, k - 1, k, "fraction"))
        else:
            out.append(_Anchor(frac, k, k, "fraction"))
    return out


def _fraction_read_as_ordinal(a: _Anchor, toks: list[Token]) -> bool:
    """"a third of", "one fifth": the number parser reads an ordinal, but after a numerator
    or before "of" the word is a fraction (1/3, which «ثلث» renders), not the number 3."""
    if a.kind != "ordinal" or a.i != a.j or toks[a.i].norm not in _EN_FRACTIONS:
        return False
    prev = toks[a.i - 1].norm if a.i else ""
    nxt = toks[a.i + 1].norm if a.i + 1 < len(toks) else ""
    return prev in _EN_NUMERATORS or (nxt == "of" and prev not in _EN_ORDINAL_OPENERS)


_EN_ORDINAL_OPENERS = frozenset({"the", "its", "his", "her", "their", "our", "this", "every"})  # "the third of five talks"


def _ar_anchors(ctx: PairContext) -> list[_Anchor]:
    p = ctx.pair
    out = _quantity_anchors(parse_ar(p.ar_text, p.ar_start, p.ar_end), ctx.ar_tokens)
    covered = {k for a in out for k in range(a.i, a.j + 1)}
    toks = ctx.ar_tokens
    for k, t in enumerate(toks):
        frac = _ar_fraction(t.text) if k not in covered else None
        if frac is None:
            continue
        nxt = normalize_ar(toks[k + 1].text) if k + 1 < len(toks) else ""
        prev = normalize_ar(toks[k - 1].text) if k else ""
        if re.sub(r"^(وال|ال|و)", "", normalize_ar(t.text)) == "ارباع" and prev in ("ثلاثه", "ثلاث"):
            out.append(_Anchor(0.75, k - 1, k, "fraction"))
        elif frac == 0.25 and nxt.startswith("ارباع"):
            continue
        else:
            out.append(_Anchor(frac, k, k, "fraction"))
    return out


def _ar_fraction(word: str) -> float | None:
    w = normalize_ar(word)
    w = re.sub(r"^(و|ف)?(ب|ل|ك)?(ال)?", "", w)
    for form, v in _AR_FRACTIONS.items():
        f = normalize_ar(form)
        if w in (f, f + "ه", f + "ا", f + "هم", f + "ها"):
            return v
    if w == "ارباع":
        return 0.25
    return None


_TIME_UNITS = frozenset("""year years month months week weeks day days decade decades hour hours minute
    minutes century centuries season seasons""".split())


_RANGE_FROM = frozenset({"from", "between", "من", "بين", "ومن"})


def _in_range(tokens: list[Token], i: int, lang: str) -> bool:
    """A "from X" / «من X» a few words before term i: the term closes a range."""
    for t in tokens[max(0, i - 4) : i]:
        n = t.norm if lang == "en" else normalize_ar(t.text)
        if n in _RANGE_FROM:
            return True
    return False


def _modifier(hits: list[Hit], a: _Anchor, tokens: list[Token], lang: str) -> Hit | None:
    """The degree term that modifies quantity ``a``: right before it (one filler allowed) or
    up to five words after it («20 شخصا في الهجوم على الأقل»). "over two years" is a duration
    (during), not "more than"; «من 2 حتى 5» is a range, not "up to 5"."""
    fillers = _EN_FILLERS if lang == "en" else _AR_FILLERS
    for h in hits:
        if lang == "en" and h.term.text == "over" and a.j + 1 < len(tokens) and tokens[a.j + 1].norm in _TIME_UNITS:
            continue
        if h.kind == "at-most" and _in_range(tokens, h.i, lang):
            continue
        if h.payload.position == "before":
            if h.j == a.i - 1:
                return h
            if h.j == a.i - 2 and (tokens[a.i - 1].norm if lang == "en" else normalize_ar(tokens[a.i - 1].text)) in fillers:
                return h
        elif 1 <= h.i - a.j <= 5:
            between = tokens[a.j + 1 : h.i]
            if not any(t.text in ",،;؛." for t in between):
                return h
    return None


_EN_TO = frozenset({"to", "reach", "reached", "reaching"})
_AR_TO = frozenset(normalize_ar(w) for w in ("إلى", "الى", "حتى", "لنحو"))


def _softly(hits: list[Hit], a: _Anchor, tokens: list[Token], cls: str, to_words: frozenset[str]) -> bool:
    """The other side expresses the bound loosely: a compatible degree term a few words from
    the number («تجاوز عدد القتلى 100»، «قتل 20 شخصا في الهجوم الانتحاري على الأقل»), or
    "to"/«إلى» right before it for an upper bound ("could reach up to 500" = «قد يصل عددهم
    إلى 500»)."""
    for h in hits:
        near = 0 < a.i - h.j <= 6 or 0 < h.i - a.j <= 6
        if near and (h.kind == cls or frozenset((h.kind, cls)) in _COMPATIBLE):
            return True
    if cls in ("at-most", "below") and a.i > 0:
        prev = tokens[a.i - 1]
        return (prev.norm if prev.norm.isascii() else normalize_ar(prev.text)) in to_words
    return False


def _conflict(ce: str | None, ca: str | None) -> str | None:
    """Severity of rendering degree class ``ce`` as ``ca``, None when compatible."""
    if ce == ca or (ce is None and ca is None):
        return None
    if ce and ca and frozenset((ce, ca)) in _COMPATIBLE:
        return None
    if ce and ca:
        if (ce in LOWER and ca in UPPER) or (ce in UPPER and ca in LOWER):
            return "major"
        return "minor"
    one = ce or ca
    return "minor" if one in BOUNDS else None


def modifier_tokens(ctx: PairContext) -> tuple[set[int], set[int]]:
    """English and Arabic token indices of degree terms that modify a quantity ("more than
    half", «أكثر من 100»): the degree check's business, so the polarity check leaves them."""
    out: tuple[set[int], set[int]] = (set(), set())
    for side, (anchors, tokens, lang) in enumerate(((_en_anchors(ctx), ctx.en_tokens, "en"),
                                                     (_ar_anchors(ctx), ctx.ar_tokens, "ar"))):
        hits = longest(degree_index(lang).find(tokens))
        for a in anchors:
            h = _modifier(hits, a, tokens, lang)
            if h is not None:
                out[side].update(range(h.i, h.j + 1))
    return out


class DegreeCheck(Check):
    name: ClassVar[str] = "degree"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset()

    def run(self, ctx: PairContext) -> list[Flag]:
        if not ctx.ar_tokens or not ctx.en_tokens:
            return []
        en_a, ar_a = _en_anchors(ctx), _ar_anchors(ctx)
        if not en_a or not ar_a:
            return []
        en_hits = longest(degree_index("en").find(ctx.en_tokens))
        ar_hits = longest(degree_index("ar").find(ctx.ar_tokens))
        if not en_hits and not ar_hits:
            return []
        p = ctx.pair
        en_len, ar_len = max(1, p.en_end - p.en_start), max(1, p.ar_end - p.ar_start)

        def shift(e: _Anchor, a: _Anchor) -> float:
            return abs((ctx.en_tokens[e.i].start - p.en_start) / en_len - (ctx.ar_tokens[a.i].start - p.ar_start) / ar_len)

        flags: list[Flag] = []
        used: set[int] = set()
        for e in en_a:
            cands = [k for k, a in enumerate(ar_a) if k not in used and _same(e, a)]
            if not cands:
                continue
            k = min(cands, key=lambda k: (not linked(ctx.links, (e.i, e.j), (ar_a[k].i, ar_a[k].j)), shift(e, ar_a[k])))
            used.add(k)
            a = ar_a[k]
            he, ha = _modifier(en_hits, e, ctx.en_tokens, "en"), _modifier(ar_hits, a, ctx.ar_tokens, "ar")
            ce, ca = (he.kind if he else None), (ha.kind if ha else None)
            if ce is None and ca is not None and _softly(en_hits, e, ctx.en_tokens, ca, _EN_TO):
                continue
            if ca is None and ce is not None and _softly(ar_hits, a, ctx.ar_tokens, ce, _AR_TO):
                continue
            sev = _conflict(ce, ca)
            if sev is None:
                continue
            flags.append(self._flag(ctx, sev, e, a, he, ha, ce, ca))
        return flags

    def _flag(self, ctx: PairContext, sev: str, e: _Anchor, a: _Anchor, he: Hit | None, ha: Hit | None,
              ce: str | None, ca: str | None) -> Flag:
        ei, ej = (min(e.i, he.i), max(e.j, he.j)) if he else (e.i, e.j)
        ai, aj = (min(a.i, ha.i), max(a.j, ha.j)) if ha else (a.i, a.j)
        en_text, ar_text = ctx.en_span_text(ei, ej), ctx.ar_span_text(ai, aj)
        if ce and ca:
            msg = f"'{en_text}' is '{_GLOSS[ce]}' but «{ar_text}» says '{_GLOSS[ca]}'"
        elif ce:
            msg = f"'{en_text}' is '{_GLOSS[ce]}' the number, but «{ar_text}» gives the number alone"
        else:
            msg = f"«{ar_text}» adds '{_GLOSS[str(ca)]}' to a number the English gives alone ('{en_text}')"
        suggestion = None
        if ce and ha is not None:
            suggestion = degree_suggestion(ce)
        elif ce and ha is None:
            suggestion = f"{degree_suggestion(ce)} {ar_text}"
        elif ha is not None and not ce:
            suggestion = ctx.ar_span_text(a.i, a.j)
        return self.flag("mistranslation", sev, msg, ar=(ctx.ar_tokens[ai].start, ctx.ar_tokens[aj].end),
                         en=(ctx.en_tokens[ei].start, ctx.en_tokens[ej].end), suggestion=suggestion)


def _same(e: _Anchor, a: _Anchor) -> bool:
    return abs(e.value - a.value) <= 1e-6 * max(1.0, abs(e.value))

