"""Numbers and dates: quantities, years, days and months that differ between the two sides.

The check reads the numbers of both spans (``align.numerals``), pairs equal values, and
flags only what is left over on *both* sides, so that free rewrites stay quiet:

- a month named in English and a different month in Arabic: major, on the Arabic month
  (with the year written next to it), suggesting the English month in Arabic;
- an English number with no equal in Arabic while the Arabic has an unmatched number in the
  same role (same kind: year, day, ordinal or cardinal; compatible units): major, on the
  Arabic number (minor when the Arabic only rounds the English figure), suggesting the
  English value written the way the Arabic writes numbers;
- an equal number whose time unit differs ("three years" / «ثلاثة أشهر»): major;
- a significant English number (digits, or three and up in words; not "one", "first", not in
  a name such as "World War Two") with no counterpart and nothing left over in the Arabic:
  minor "number not found in the Arabic", on the English side only.

An Arabic number without an English counterpart is never flagged on its own: translators
make relative dates explicit ("last year" → «2024») and that is the addition check's business.
Word-alignment links, when present, are used to pair numbers and to stay quiet when the
aligner says an English number was rendered by a word that is not a number (a dual noun).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from ..numerals import (
    Quantity,
    ar_month_name,
    format_ar_number,
    parse_ar,
    parse_en,
    same_quantity,
    uses_levantine_months,
)
from ..records import Flag, Token
from .base import Check, PairContext

_TIME_BASE = {
    "year": "Y", "decade": "Y", "century": "Y", "month": "Y",
    "week": "D", "day": "D", "hour": "D", "minute": "D", "second": "D",
}
_MAX_SHIFT = 0.6  # how far (share of the span) two numbers may sit apart and still be paired


def _family(q: Quantity) -> str:
    return q.kind if q.kind in ("year", "day", "ordinal") else "cardinal"


def _unit_group(unit: str | None) -> str | None:
    if unit is None:
        return None
    return _TIME_BASE.get(unit, unit)


def _units_equal(e: Quantity, a: Quantity) -> bool:
    return not (e.unit and a.unit and e.unit != a.unit)


def _units_compatible(e: Quantity, a: Quantity) -> bool:
    return not (e.unit and a.unit and _unit_group(e.unit) != _unit_group(a.unit))


def _kinds_compatible(e: Quantity, a: Quantity) -> bool:
    fe, fa = _family(e), _family(a)
    if fe == fa:
        return True
    return a.loose and fe in ("ordinal", "cardinal") and fa in ("ordinal", "cardinal")


_AR_METRES = ("متر", "مترا", "متراً", "أمتار", "م")


def _metres_not_millions(e: Quantity, a: Quantity, ar_text: str) -> bool:
    """A glued "m" is millions (£200m) or metres (the 200m freestyle): the Arabic settles it
    when the bare number is followed by a metre word («200 متر»)."""
    if (e.scale or "").lower() != "m" or e.value / 1e6 != a.value:
        return False
    return _word_after(ar_text, a.end) in _AR_METRES


def _word_after(text: str, end: int) -> str:
    """The word right after a quantity (offsets index the whole text), lower-cased, without
    the punctuation that may follow it."""
    after = text[end:].split(maxsplit=1)
    return after[0].strip("،.,;:)").lower() if after else ""


# hundredths of a currency: fils, cents, piastres, pence, halalas, centimes, kopecks
_AR_SUBUNITS = ("فلس", "فلسا", "فلساً", "فلسًا", "فلوس", "سنت", "سنتا", "سنتاً", "سنتات", "قرش", "قرشا", "قرشاً",
                "قروش", "بنس", "بنسات", "هللة", "هللات", "سنتيم", "سنتيمات", "كوبيك")
_EN_SUBUNITS = ("cent", "cents", "fils", "piastre", "piastres", "penny", "pence", "halala", "halalas",
                "centime", "centimes", "kopeck", "kopecks", "p")


def _subunit(e: Quantity, a: Quantity, en_text: str, ar_text: str) -> bool:
    """A sum converted to its hundredths or back: 0.45 dirhams → «45 فلساً», 45 cents →
    «0.45 دولار». The word after the number says which side counts subunits."""
    if abs(e.value * 100 - a.value) < 1e-6 and e.value != a.value:
        return _word_after(ar_text, a.end) in _AR_SUBUNITS
    if abs(a.value * 100 - e.value) < 1e-6 and e.value != a.value:
        return _word_after(en_text, e.end) in _EN_SUBUNITS  # "45 cents", and "85p" as "p"
    return False


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _rounds_to(rough: float, exact: float) -> bool:
    """``rough`` is ``exact`` rounded to the hundreds or coarser (1,480 → 1,500)."""
    if rough != int(rough) or rough == 0 or rough == exact:
        return False
    step = 1
    r = int(abs(rough))
    while r % (step * 10) == 0:
        step *= 10
    return step >= 100 and int(abs(exact) / step + 0.5) * step == int(abs(rough))


def _significant(e: Quantity) -> bool:
    """Worth a "not found" flag: digits (not 1), or three and up in words."""
    if e.weak or e.name or e.vague:
        return False
    if e.digits:
        return e.value != 1
    return e.value >= 3


def _token_indices(tokens: list[Token], q: Quantity) -> set[int]:
    return {k for k, t in enumerate(tokens) if t.start < q.end and q.start < t.end}


class NumbersCheck(Check):
    name: ClassVar[str] = "numbers"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset()

    def run(self, ctx: PairContext) -> list[Flag]:
        p = ctx.pair
        en_all = parse_en(p.en_text, p.en_start, p.en_end)
        en_months = {int(q.value) for q in en_all if q.is_month}
        ar_all = parse_ar(p.ar_text, p.ar_start, p.ar_end, en_months=en_months)
        flags = self._months(ctx, en_all, ar_all)
        flags += self._numbers(ctx, en_all, ar_all)
        return flags

    # -- months
    def _months(self, ctx: PairContext, en_all: list[Quantity], ar_all: list[Quantity]) -> list[Flag]:
        en_m = [q for q in en_all if q.is_month]
        ar_m = [q for q in ar_all if q.is_month]
        if not en_m or not ar_m:
            return []
        used: set[int] = set()
        left_en: list[Quantity] = []
        for e in en_m:
            k = next((k for k, a in enumerate(ar_m) if k not in used and a.value == e.value), None)
            if k is None:
                left_en.append(e)
            else:
                used.add(k)
        left_ar = [a for k, a in enumerate(ar_m) if k not in used]
        if not left_en or not left_ar:
            return []
        text = ctx.pair.ar_text
        style = "both" if uses_levantine_months(text) else "gregorian"
        flags = []
        for e, a in zip(left_en, left_ar, strict=False):
            start, end = a.start, a.end
            year = next((y for y in ar_all if y.kind == "year" and y.start >= a.end
                         and text[a.end : y.start].strip(" \u00a0,،") == ""), None)
            if year is not None:
                end = year.end
            name = ar_month_name(int(e.value), style)
            suggestion = name + text[a.end : end]
            flags.append(self.flag(
                "number-date", "major",
                f"month differs: English '{e.text}' ({int(e.value)}) but Arabic «{a.text}» ({int(a.value)})",
                ar=(start, end), en=(e.start, e.end), suggestion=suggestion,
            ))
        return flags

    # -- numbers
    def _numbers(self, ctx: PairContext, en_all: list[Quantity], ar_all: list[Quantity]) -> list[Flag]:
        p = ctx.pair
        en = [q for q in en_all if not (q.is_month or q.name or q.vague)]
        ar = [q for q in ar_all if not (q.is_month or q.name or q.vague)]
        if not en:
            return []
        en_len = max(1, p.en_end - p.en_start)
        ar_len = max(1, p.ar_end - p.ar_start)

        def shift(e: Quantity, a: Quantity) -> float:
            return abs((e.start - p.en_start) / en_len - (a.start - p.ar_start) / ar_len)

        en_toks = [_token_indices(ctx.en_tokens, q) for q in en]
        ar_toks = [_token_indices(ctx.ar_tokens, q) for q in ar]
        linked_pairs = {(lk.en, lk.ar) for lk in ctx.links}

        def linked(i: int, j: int) -> bool:
            return any((x, y) in linked_pairs for x in en_toks[i] for y in ar_toks[j])

        pairs: dict[int, int] = {}
        used: set[int] = set()

        def match(pred: Callable[[Quantity, Quantity], bool]) -> None:
            for i, e in enumerate(en):
                if i in pairs:
                    continue
                cands = [j for j, a in enumerate(ar) if j not in used and pred(e, a)]
                if cands:
                    best = min(cands, key=lambda j: (not linked(i, j), shift(e, ar[j])))
                    pairs[i] = best
                    used.add(best)

        # equal values: same role first, then any role ("80th" ~ «الثمانين»), then converted units
        match(lambda e, a: same_quantity(e, a) and _units_equal(e, a) and _family(e) == _family(a))
        match(lambda e, a: same_quantity(e, a) and _units_equal(e, a))
        match(same_quantity)
        match(lambda e, a: _metres_not_millions(e, a, ctx.pair.ar_text))
        match(lambda e, a: _subunit(e, a, ctx.pair.en_text, ctx.pair.ar_text))

        flags: list[Flag] = []
        # equal numbers, different time units: «ثلاثة أشهر» for "three years"
        before = set(pairs)
        match(lambda e, a: e.value == a.value and e.unit in _TIME_BASE and a.unit in _TIME_BASE and e.unit != a.unit)
        for i, j in pairs.items():
            if i in before:
                continue
            e, a = en[i], ar[j]
            flags.append(self.flag(
                "number-date", "major",
                f"unit differs: English '{e.text}' ({_num(e.value)} {e.unit}) but Arabic «{a.text}» ({_num(a.value)} {a.unit})",
                ar=(a.start, a.end), en=(e.start, e.end),
            ))

        left_en = [i for i in range(len(en)) if i not in pairs]
        left_ar = [j for j in range(len(ar)) if j not in used and not ar[j].weak]
        ar_script = next((q.digits for q in ar_all if q.digits and q.digits != "ascii"), None)
        ar_number_toks = set().union(*ar_toks) if ar_toks else set()
        taken: set[int] = set()
        for i in left_en:
            e = en[i]
            if e.weak:
                continue
            # the aligner says this number was rendered by words that are not numbers
            links_to = {lk.ar for lk in ctx.links if lk.en in en_toks[i]}
            rendered_otherwise = bool(links_to) and not (links_to & ar_number_toks)
            cands = [j for j in left_ar if j not in taken and _kinds_compatible(e, ar[j]) and _units_compatible(e, ar[j])]
            if cands and not rendered_otherwise:
                only = len(cands) == 1 and sum(1 for k in left_en if not en[k].weak) == 1
                best = min(cands, key=lambda j: (not linked(i, j), shift(e, ar[j])))
                if linked(i, best) or only or shift(e, ar[best]) <= _MAX_SHIFT:
                    taken.add(best)
                    flags.append(self._wrong(e, ar[best], ar_script))
                    continue
            if _significant(e) and not rendered_otherwise:
                flags.append(self.flag(
                    "number-date", "minor",
                    f"number not found in the Arabic: English '{e.text}' ({_num(e.value)})",
                    en=(e.start, e.end),
                ))
        return flags

    def _wrong(self, e: Quantity, a: Quantity, ar_script: str | None) -> Flag:
        rounded = _rounds_to(a.value, e.value) or _rounds_to(e.value, a.value)
        suggestion = None
        if _units_equal(e, a):
            suggestion = format_ar_number(e.value, a, script=a.digits or ar_script)
        what = "rounded" if rounded else "number differs"
        if e.kind == "year" or a.kind == "year":
            what = "year differs" if not rounded else what
        elif e.kind == "day" and a.kind == "day":
            what = "day differs"
        return self.flag(
            "number-date", "minor" if rounded else "major",
            f"{what}: English '{e.text}' ({_num(e.value)}) but Arabic «{a.text}» ({_num(a.value)})",
            ar=(a.start, a.end), en=(e.start, e.end), suggestion=suggestion,
        )
