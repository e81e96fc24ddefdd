"""Numbers, ordinals, years, days and months in English and Arabic text.

``parse_en`` and ``parse_ar`` return :class:`Quantity` records, each with the span of the
*original* text it was read from (absolute offsets, like tokens). Matching uses normalised
forms (``normalize_ar`` / ``normalize_en``); reporting never does.

What is read
------------
English: digits with ``,`` separators and decimals (``15,000``, ``2.5``), ``%``/percent,
glued scales (``$3bn``, ``5m``), number words (``two and a half``, ``twenty-four``,
``three thousand``, ``a dozen``, ``a million``), scales after digits (``1.5 million``),
ordinals (``80th``, ``first`` … ``twentieth``, ``twenty-first``), hyphenated compounds
(``three-year``, ``14-year``, ``two-and-a-half-hour``), halves (``half an hour``,
``a month and a half``), years (1900–2100), days next to a month, month names and their
abbreviations (``Sept.``).

Arabic: ASCII, Arabic-Indic and Persian digits with ``٫``/``٬``, digits with a scale word
(``15 ألف``, ``1.5 مليون``), number words with clitics and case endings (``وخمسة وعشرون``,
``ثلاثة آلاف``, ``ثلاثمئة``, ``أحد عشر``), duals of time units (``ساعتين`` = 2 hours,
``عامين``; ``ساعتين ونصف`` = 2.5), ``نصف``/``ونصف`` (``الشهر والنصف`` = 1.5 months),
ordinals (``الأول``/``الأولى`` … ``العاشر``, ``الحادي عشر`` … ``التاسع عشر``,
``الحادي والعشرين``, definite tens ``الثمانين``, ``الـ80``), percentages (``في المئة``),
Gregorian and Levantine month names (``يونيو``, ``حزيران``, ``كانون الثاني``) and combined
forms (``حزيران/يونيو``).

Deliberately *not* read as numbers: numbers inside identifiers (``KN-23``, ``G7``,
``COVID-19``), ordinals in the names of the world wars, decades (``1990s``), relative time
("last year", «العام الماضي»); ``one``/``first``/``واحد``/``أحد``, a lone ``ألف`` and other
readings that are often something else are returned with ``weak=True``; plural magnitudes
("thousands", «آلاف») with ``vague=True``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from .normalize import normalize_ar, normalize_en
from .records import Token
from .segment import tokenize

__all__ = [
    "AR_MONTHS_GREGORIAN",
    "AR_MONTHS_LEVANTINE",
    "EN_MONTHS",
    "Quantity",
    "ar_month_name",
    "format_ar_number",
    "parse_ar",
    "parse_digits",
    "parse_en",
    "same_quantity",
    "uses_levantine_months",
]


@dataclass(frozen=True)
class Quantity:
    """One number, ordinal, year, day or month read from a text.

    ``start``/``end`` index the original text (``text == original[start:end]``). For
    months ``value`` is the month number 1–12.
    """

    value: float
    start: int
    end: int
    text: str
    kind: str = "cardinal"  # "cardinal" | "ordinal" | "year" | "day" | "month"
    unit: str | None = None  # "year", "month", "week", "day", "hour", "minute", "decade", "century", "percent", "times", ...
    digits: str | None = None  # "ascii" | "arabic" | "persian" when written with digits
    separator: str | None = None  # thousands separator the digits use ("," or "٬")
    scale: str | None = None  # scale word written after the digits ("ألف", "million")
    weak: bool = False  # too small or too ambiguous to raise a flag on its own
    loose: bool = False  # ordinal/cardinal reading uncertain (Arabic «الثمانين», «الـ80»)
    name: bool = False  # part of a name or an identifier (KN-23, World War Two)
    vague: bool = False  # a magnitude, not a number ("thousands", «آلاف»)
    calendar: str | None = None  # months: "gregorian" | "levantine" (Arabic), "en"
    form: str | None = None  # Arabic: normalised main word without clitics (for rewriting)
    definite: bool = False  # Arabic: the number word carries the article

    @property
    def is_month(self) -> bool:
        return self.kind == "month"


# ---------------------------------------------------------------------------------------
# shared helpers

_HYPHENS = "-\u2010\u2011"
_DASHES = _HYPHENS + "\u2012\u2013\u2014"
_AR_INDIC = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"


_MAX_VALUE = 1e18  # beyond this a "number" is an identifier or noise


def _script(raw: str) -> str:
    if any(c in _AR_INDIC for c in raw):
        return "arabic"
    if any(c in _PERSIAN for c in raw):
        return "persian"
    return "ascii"


def parse_digits(raw: str) -> tuple[float, str | None] | None:
    """The value of a digit string and the thousands separator it uses.

    Any script of digits; ``٫`` is a decimal point and ``٬`` a thousands separator. A ``,``
    is a thousands separator when every group after it has three digits, else a decimal
    comma; a ``.`` is a decimal point unless it repeats in three-digit groups (1.500.000).
    """
    s = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in raw)
    s = s.replace("٫", ".").replace("٬", ",").rstrip("%٪")
    if not s or not s[0].isdigit():
        return None
    sep: str | None = None
    if "," in s:
        head, *groups = s.split(",")
        last = groups[-1].split(".")[0]
        if all(len(g) == 3 for g in groups[:-1]) and len(last) == 3 and len(head) <= 3:
            sep = "٬" if "٬" in raw else ","
            s = s.replace(",", "")
        elif len(groups) == 1 and "." not in s:
            s = head + "." + groups[0]
        else:
            return None
    if s.count(".") > 1:
        head, *groups = s.split(".")
        if all(len(g) == 3 for g in groups) and len(head) <= 3:
            s = s.replace(".", "")
            sep = "."
        else:
            return None
    try:
        value = float(s)
    except ValueError:
        return None
    return (value, sep) if value < _MAX_VALUE else None


def _percent_sign(text: str, tok: Token) -> bool:
    """A % sign in the token, right after it ("15 %") or, as Arabic text often has it, before it ("%15")."""
    if tok.text[-1] in "%٪":
        return True
    after = text[tok.end : tok.end + 2].lstrip(" \u00a0")
    before = text[max(0, tok.start - 2) : tok.start].rstrip(" \u00a0")
    return after[:1] in ("%", "٪") or before[-1:] in ("%", "٪")


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


# Time units convertible into one another: unit -> (base, factor).
_UNIT_BASE = {
    "year": ("Y", 12.0),
    "decade": ("Y", 120.0),
    "century": ("Y", 1200.0),
    "month": ("Y", 1.0),
    "week": ("D", 7 * 1440.0),
    "day": ("D", 1440.0),
    "hour": ("D", 60.0),
    "minute": ("D", 1.0),
}


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Equal values, or equal amounts of time in convertible units (1.5 decades = 15 years)."""
    if a.unit and b.unit and a.unit != b.unit and a.unit in _UNIT_BASE and b.unit in _UNIT_BASE:
        ba, fa = _UNIT_BASE[a.unit]
        bb, fb = _UNIT_BASE[b.unit]
        return ba == bb and _close(a.value * fa, b.value * fb)
    return _close(a.value, b.value)


# ---------------------------------------------------------------------------------------
# English

_EN_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_EN_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_ORD = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}
_EN_ORD_SCALE = {"hundredth": 100.0, "thousandth": 1e3, "millionth": 1e6}
_EN_VAGUE = {"dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_EN_UNITS = {
    "year": "year", "years": "year", "month": "month", "months": "month", "week": "week",
    "weeks": "week", "day": "day", "days": "day", "hour": "hour", "hours": "hour",
    "minute": "minute", "minutes": "minute", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "percent": "percent", "times": "times",
    "seconds": "second", "night": "night", "nights": "night",
}
_EN_UNIT_SINGULAR = {"year", "month", "week", "day", "hour", "minute", "decade", "century", "night"}
_EN_GLUED_SCALE = {"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12, "trn": 1e12}
_EN_GLUED_UNITS = {"km", "kg", "mm", "cm", "ft", "mph", "kph", "am", "pm", "h", "hrs", "min", "mins", "kw", "mw", "gw"}

EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_EN_MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_EN_PREFIXES = {"mid", "pre", "post", "early", "late", "over", "under", "top", "around", "about", "than"}
_EN_MAY_BEFORE = {
    "in", "since", "until", "till", "by", "from", "to", "of", "last", "next", "this", "early",
    "late", "mid", "through", "during", "before", "after", "between", "and", "or", "on",
    "that", "each", "every",
}


class _Walker:
    """Token access shared by the two parsers: gaps, joins, spans."""

    def __init__(self, text: str, toks: list[Token]):
        self.text = text
        self.toks = toks
        self.n = len(toks)

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i ('' for the first token)."""
        if i <= 0 or i >= self.n:
            return ""
        return self.text[self.toks[i - 1].end : self.toks[i].start]

    def spaced(self, i: int) -> bool:
        """Token i follows token i-1 across whitespace only (within a paragraph)."""
        g = self.gap(i)
        return 0 < self.n and 0 < i < self.n and g != "" and g.isspace() and g.count("\n") <= 1

    def joined(self, i: int) -> bool:
        """Token i follows token i-1 across whitespace or a hyphen ("three-year")."""
        if not 0 < i < self.n:
            return False
        raw = self.gap(i)
        g = raw.strip()
        return bool(raw) and (g == "" or (len(g) == 1 and g in _HYPHENS)) and raw.count("\n") <= 1

    def hyphen(self, i: int) -> bool:
        """Token i follows token i-1 across a bare hyphen ("KN-23")."""
        g = self.gap(i)
        return len(g) == 1 and g in _HYPHENS

    def glued(self, i: int) -> bool:
        return 0 < i < self.n and self.gap(i) == ""

    def span(self, i: int, j: int) -> tuple[int, int, str]:
        s, e = self.toks[i].start, self.toks[j].end
        return s, e, self.text[s:e]


class _En(_Walker):
    def __init__(self, text: str, toks: list[Token]):
        super().__init__(text, toks)
        self.low = [normalize_en(t.text) for t in toks]

    def w(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def run(self) -> list[Quantity]:
        found: list[tuple[Quantity, int, int]] = []
        i = 0
        while i < self.n:
            got = self.at(i)
            if got is None:
                i += 1
                continue
            q, last, nxt = got
            if q.value < _MAX_VALUE:
                found.append((q, i, last))
            i = max(nxt, i + 1)
        return _mark_days(self, found)

    # -- dispatch
    def at(self, i: int) -> tuple[Quantity, int, int] | None:
        t = self.toks[i]
        w = self.w(i)
        if t.text[0].isdigit():
            return self.digits(i)
        m = self.month(i)
        if m is not None:
            return m
        got = self.unit_and_half(i)
        if got is not None:
            return got
        if w == "half":
            return self.half(i)
        if w in _EN_VAGUE:
            s, e, txt = self.span(i, i)
            return Quantity(_EN_VAGUE[w], s, e, txt, vague=True), i, i + 1
        if w == "twice":
            s, e, txt = self.span(i, i)
            return Quantity(2.0, s, e, txt, unit="times", weak=True), i, i + 1
        if w in _EN_ONES or w in _EN_TENS or w in _EN_ORD or w in _EN_ORD_SCALE or w in _EN_SCALES or w in ("a", "an"):
            return self.words(i)
        return None

    # -- pieces
    def unit_after(self, j: int) -> tuple[str | None, int]:
        """A unit noun at token j (joined to the number), and the index after it."""
        if j < self.n and self.joined(j):
            u = _EN_UNITS.get(self.w(j))
            if u:
                return u, j + 1
            if self.w(j) == "per" and self.w(j + 1) == "cent" and self.joined(j + 1):
                return "percent", j + 2
        return None, j

    def and_half(self, j: int) -> int | None:
        """'and a half' / 'and one-half' starting at token j: the index of 'half'."""
        if self.w(j) == "and" and self.joined(j):
            if self.w(j + 1) in ("a", "one") and self.w(j + 2) == "half" and self.joined(j + 1) and self.joined(j + 2):
                return j + 2
        return None

    def is_name(self, i: int, j: int) -> bool:
        """Number words i..j inside a name: World War Two, Second World War, Group of Seven."""
        if self.w(i - 2) == "world" and self.w(i - 1) == "war":
            return True
        if self.w(j + 1) == "world" and self.w(j + 2) == "war":
            return True
        if self.w(i - 1) == "of" and self.w(i - 2) == "group":
            return True
        return self.w(i - 1) in ("formula", "force") and self.w(i) == "one"

    def digits(self, i: int) -> tuple[Quantity, int, int] | None:
        t = self.toks[i]
        parsed = parse_digits(t.text)
        if parsed is None:
            return None
        value, sep = parsed
        pct = _percent_sign(self.text, t)
        kind, unit, name, vague, weak, scale = "cardinal", "percent" if pct else None, False, False, False, None
        last = i
        # identifiers: KN-23, G7, COVID-19 (but not mid-2023)
        if (i > 0 and (self.glued(i) or self.hyphen(i)) and self.toks[i - 1].text[-1].isalpha()
                and self.w(i - 1) not in _EN_PREFIXES):
            name = True
        j = i + 1
        if j < self.n and self.glued(j) and self.toks[j].text[0].isalpha():
            suf = self.w(j)
            if suf in ("st", "nd", "rd", "th"):
                kind = "ordinal"
            elif suf == "s":
                vague = True  # 1990s
            elif suf in _EN_GLUED_SCALE:
                value *= _EN_GLUED_SCALE[suf]
                scale = self.toks[j].text
            elif suf in _EN_GLUED_UNITS:
                unit = suf
            else:
                name = True  # 3D, 5G
            last = j
            j += 1
        # date/time compounds: 9/11, 10:30, 3/9/2025 -> weak parts
        if (j < self.n and self.gap(j).strip() in ("/", ":") and self.toks[j].text[0].isdigit()) or (
            i > 0 and self.gap(i).strip() in ("/", ":") and self.toks[i - 1].text[0].isdigit()
        ):
            weak = True
        while j < self.n and self.joined(j) and self.w(j) in _EN_SCALES and not pct:
            value *= _EN_SCALES[self.w(j)]
            scale = self.toks[j].text if scale is None else scale + " " + self.toks[j].text
            last = j
            j += 1
        h = self.and_half(j)
        if h is not None and kind == "cardinal":
            value += 0.5
            last = j = h
            j += 1
        if unit is None:
            unit, nxt = self.unit_after(j)
            if unit is not None:
                h = self.and_half(nxt)
                if h is not None:
                    value += 0.5
                    last = h
                    nxt = h + 1
                j = nxt
        raw = t.text.rstrip("%٪")
        if (kind == "cardinal" and not scale and sep is None and unit != "percent" and len(raw) == 4
                and raw.isdigit() and 1900 <= value <= 2100 and not vague):
            kind = "year"
        s, e, txt = self.span(i, last)
        return (
            Quantity(value, s, e, txt, kind=kind, unit=unit, digits=_script(t.text), separator=sep,
                     scale=scale, weak=weak, name=name, vague=vague),
            last,
            j,
        )

    def words(self, i: int) -> tuple[Quantity, int, int] | None:
        total, cur, last_scale = 0.0, 0.0, 0.0
        last_kind: str | None = None
        ordinal = False
        k = i
        first = self.w(i)
        if first in ("a", "an"):
            if not (self.joined(i + 1) and (self.w(i + 1) in _EN_SCALES or self.w(i + 1) == "dozen")):
                return None
            cur, last_kind, k = 1.0, "article", i + 1
        if first == "one" and self.hyphen(i + 1) and self.w(i + 1) == "on":
            return None  # one-on-one
        end = k
        while k < self.n:
            w = self.w(k)
            if k > i and not self.joined(k):
                break
            if w in _EN_ONES:
                if last_kind not in (None, "tens", "hundred", "scale", "and"):
                    break
                if last_kind == "tens" and _EN_ONES[w] >= 10:
                    break
                cur += _EN_ONES[w]
                last_kind = "ones"
            elif w in _EN_TENS:
                if last_kind not in (None, "hundred", "scale", "and"):
                    break
                cur += _EN_TENS[w]
                last_kind = "tens"
            elif w == "hundred":
                if last_kind not in (None, "ones", "tens", "article", "half"):
                    break
                cur = (cur or 1.0) * 100
                last_kind = "hundred"
            elif w in _EN_SCALES:
                if last_kind not in (None, "ones", "tens", "hundred", "article", "half"):
                    break
                if total and _EN_SCALES[w] >= last_scale:
                    break  # "two thousand and three thousand": two numbers
                last_scale = _EN_SCALES[w]
                total += (cur or 1.0) * _EN_SCALES[w]
                cur = 0.0
                last_kind = "scale"
            elif w == "dozen":
                if last_kind not in ("ones", "article", "half"):
                    break
                cur = (cur or 1.0) * 12
                last_kind = "scale"
            elif w in _EN_ORD or w in _EN_ORD_SCALE:
                if last_kind not in (None, "tens", "hundred", "scale", "and"):
                    break
                if last_kind == "tens" and _EN_ORD.get(w, 10) >= 10:
                    break
                if w in _EN_ORD:
                    cur += _EN_ORD[w]
                else:
                    cur = (cur or 1.0) * _EN_ORD_SCALE[w]
                ordinal = True
                end = k
                k += 1
                break
            elif w == "and" and last_kind in ("ones", "tens", "hundred", "scale"):
                h = self.and_half(k)
                if h is not None:
                    cur += 0.5
                    last_kind = "half"
                    end = h
                    k = h + 1
                    continue
                nxt_w = self.w(k + 1)
                m = k + 1
                while self.w(m) in _EN_ONES or self.w(m) in _EN_TENS or self.w(m) == "hundred":
                    m += 1
                if last_scale and _EN_SCALES.get(self.w(m), 0) >= last_scale:
                    break  # "two thousand and three thousand": two numbers
                if last_kind in ("hundred", "scale") and (nxt_w in _EN_ONES or nxt_w in _EN_TENS) and self.joined(k + 1):
                    last_kind = "and"
                    k += 1
                    continue
                break
            else:
                break
            end = k
            k += 1
        if last_kind in (None, "article", "and") and not ordinal:
            return None
        value = total + cur
        unit, nxt = (None, k) if ordinal else self.unit_after(k)
        if unit is not None:
            h = self.and_half(nxt)
            if h is not None:
                value += 0.5
                end = h
                nxt = h + 1
        s, e, txt = self.span(i, end)
        weak = value <= 1 or (first in ("a", "an") and self.w(i + 1) == "dozen")
        if first == "two" and end == i and unit is None:
            weak = True  # "the two leaders" is mostly a dual noun in Arabic («الزعيمين»)
        if ordinal and end == i and first not in ("first", "second") and self.w(i - 1) in ("a", "one"):
            weak = True  # "a third of": a fraction
        if first == "second" and end == i:
            if self.w(i - 1) in ("split", "per") or (i > 0 and self.toks[i - 1].text[0].isdigit()):
                return None  # a time unit
            weak = weak or self.w(i - 1) == "a"  # "a second term": another
        return (
            Quantity(value, s, e, txt, kind="ordinal" if ordinal else "cardinal", unit=unit, weak=weak,
                     name=self.is_name(i, end)),
            end,
            nxt,
        )

    def half(self, i: int) -> tuple[Quantity, int, int] | None:
        # "half an hour", "half a million", "half a dozen"; a lone "half" is weak
        if self.w(i + 1) in ("a", "an") and self.joined(i + 1) and self.joined(i + 2):
            w2 = self.w(i + 2)
            if w2 in _EN_SCALES or w2 == "dozen":
                s, e, txt = self.span(i, i + 2)
                return Quantity(0.5 * (_EN_SCALES.get(w2) or 12.0), s, e, txt), i + 2, i + 3
            if w2 in _EN_UNIT_SINGULAR:
                s, e, txt = self.span(i, i + 1)
                return Quantity(0.5, s, e, txt, unit=_EN_UNITS[w2]), i + 1, i + 3
        s, e, txt = self.span(i, i)
        return Quantity(0.5, s, e, txt, weak=True), i, i + 1

    def unit_and_half(self, i: int) -> tuple[Quantity, int, int] | None:
        # "a month and a half", "an hour and a half", "the past month and a half"
        w = self.w(i)
        u = i + 1 if w in ("a", "an", "one") and self.joined(i + 1) else i
        if self.w(u) not in _EN_UNIT_SINGULAR:
            return None
        h = self.and_half(u + 1)
        if h is None:
            return None
        s, e, txt = self.span(i, h)
        return Quantity(1.5, s, e, txt, unit=_EN_UNITS[self.w(u)]), h, h + 1

    def month(self, i: int) -> tuple[Quantity, int, int] | None:
        t = self.toks[i]
        if not t.text[:1].isupper():
            return None
        w = self.w(i)

        def num_next() -> bool:
            return i + 1 < self.n and self.toks[i + 1].text[0].isdigit() and self.gap(i + 1).strip() in ("", ",", ".")

        def num_prev() -> bool:
            return (i > 0 and self.toks[i - 1].text[0].isdigit() and self.spaced(i)) or (
                self.w(i - 1) == "of" and i > 1 and self.toks[i - 2].text[0].isdigit())

        if w in EN_MONTHS:
            m = EN_MONTHS[w]
            if w == "may" and not (num_next() or num_prev() or self.w(i - 1) in _EN_MAY_BEFORE):
                return None
        elif w in _EN_MONTH_ABBR:
            dotted = self.text[t.end : t.end + 1] == "."
            if not (dotted or num_next() or num_prev()):
                return None
            m = _EN_MONTH_ABBR[w]
        else:
            return None
        s, e, txt = self.span(i, i)
        return Quantity(float(m), s, e, txt, kind="month", calendar="en"), i, i + 1


_RANGE_WORDS = ("and", "to", "و", "الي")


def _mark_days(walker: _Walker, found: list[tuple[Quantity, int, int]]) -> list[Quantity]:
    """Digits of 1–31 written next to a month are days ("June 18", «18 يونيو», "18-19 June")."""
    out = [q for q, _, _ in found]
    by_first = {a: k for k, (_, a, _) in enumerate(found)}
    by_last = {b: k for k, (_, _, b) in enumerate(found)}

    def dayish(k: int) -> bool:
        q = out[k]
        return q.digits is not None and q.kind == "cardinal" and q.value == int(q.value) and 1 <= q.value <= 31 and not q.unit

    for q, a, b in found:
        if not q.is_month:
            continue
        cands = []
        before = by_last.get(a - 1)
        if before is None and a >= 2 and normalize_ar(walker.toks[a - 1].text) in ("of", "من"):
            before = by_last.get(a - 2)
        if before is not None:
            cands.append(before)
            prev = found[before][1]
            ranged = by_last.get(prev - 1)
            if ranged is not None and walker.gap(prev).strip() in (*_DASHES, "و"):
                cands.append(ranged)  # 18-19 June
            elif prev >= 2 and by_last.get(prev - 2) is not None and normalize_ar(walker.toks[prev - 1].text) in _RANGE_WORDS:
                cands.append(by_last[prev - 2])  # 18 and 19 June, «18 و19 يونيو»
        after = by_first.get(b + 1)
        if after is not None and walker.gap(b + 1).strip() in ("", ",", "."):
            cands.append(after)
        for c in cands:
            if dayish(c) or (out[c].kind == "ordinal" and out[c].value == int(out[c].value) and 1 <= out[c].value <= 31):
                out[c] = replace(out[c], kind="day")
    return out


@lru_cache(maxsize=4096)
def _parse_en_cached(text: str, start: int, end: int) -> tuple[Quantity, ...]:
    toks = tokenize(text, start, end, lang="en")
    return tuple(_En(text, toks).run()) if toks else ()


def parse_en(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Quantities in ``text[start:end]``, with offsets into ``text``."""
    end = len(text) if end is None else end
    return list(_parse_en_cached(text, start, end))


# ---------------------------------------------------------------------------------------
# Arabic

def _n(words: Iterable[str]) -> list[str]:
    return [normalize_ar(w) for w in words]


def _table(spec: dict[float, tuple[str, ...]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for v, words in spec.items():
        for w in _n(words):
            out[w] = v
    return out


_AR_UNITS_SPEC: dict[float, tuple[str, ...]] = {
    1: ("واحد", "واحدة", "أحد", "إحدى"),
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي", "ثنتين", "ثنتان"),  # اثنا… only before عشر
    3: ("ثلاثة", "ثلاث"), 4: ("أربعة", "أربع"), 5: ("خمسة", "خمس"), 6: ("ستة", "ست"),
    7: ("سبعة", "سبع"), 8: ("ثمانية", "ثماني", "ثمان"), 9: ("تسعة", "تسع"), 10: ("عشرة", "عشر"),
}
_AR_UNITS = _table(_AR_UNITS_SPEC)
_AR_TEEN = set(_n(("عشر", "عشرة")))
_AR_TWO_CONSTRUCT = set(_n(("اثنا", "اثني", "اثنتا", "اثنتي")))  # «أثنى» (praised) normalises like «اثني»
_AR_TENS = _table({
    20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"),
    50: ("خمسون", "خمسين"), 60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"),
    80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين"),
})
_AR_HUNDRED_WORD = set(_n(("مئة", "مائة", "مئه", "مائه")))
_AR_HUNDREDS: dict[str, float] = {w: 100.0 for w in _AR_HUNDRED_WORD}
_AR_HUNDREDS.update(_table({200: ("مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مائتا", "مئتي", "مائتي")}))
for _v, _stems in {3: ("ثلاث",), 4: ("أربع",), 5: ("خمس",), 6: ("ست",), 7: ("سبع",), 8: ("ثمان", "ثماني"), 9: ("تسع",)}.items():
    for _st in _stems:
        for _h in ("مئة", "مائة"):
            _AR_HUNDREDS[normalize_ar(_st + _h)] = _v * 100.0

# scale word -> (value, form): "sing" (ألف), "plural" (آلاف), "dual" (ألفين)
_AR_SCALES: dict[str, tuple[float, str]] = {}
for _val, _sing, _plur, _dual in (
    (1e3, ("ألف", "ألفا"), ("آلاف",), ("ألفان", "ألفين")),
    (1e6, ("مليون", "مليونا"), ("ملايين",), ("مليونان", "مليونين")),
    (1e9, ("مليار", "مليارا", "بليون", "بليونا"), ("مليارات", "بلايين"), ("ملياران", "مليارين")),
    (1e12, ("تريليون", "تريليونا"), ("تريليونات",), ("تريليونان", "تريليونين")),
):
    for _w in _n(_sing):
        _AR_SCALES[_w] = (_val, "sing")
    for _w in _n(_plur):
        _AR_SCALES[_w] = (_val, "plural")
    for _w in _n(_dual):
        _AR_SCALES[_w] = (_val, "dual")
_AR_THOUSAND = normalize_ar("ألف")
_AR_VAGUE = _table({10: ("عشرات",), 100: ("مئات",)})

_AR_ORD = _table({
    1: ("أول", "أولى"), 2: ("ثاني", "ثانية"), 3: ("ثالث", "ثالثة"), 4: ("رابع", "رابعة"),
    5: ("خامس", "خامسة"), 6: ("سادس", "سادسة"), 7: ("سابع", "سابعة"), 8: ("ثامن", "ثامنة"),
    9: ("تاسع", "تاسعة"), 10: ("عاشر", "عاشرة"),
})
_AR_ORD_ELEVEN = set(_n(("حادي", "حادية")))
_AR_HALF = normalize_ar("نصف")
_AR_ADJ = _table({
    2: ("ثنائي", "ثنائية"), 3: ("ثلاثي", "ثلاثية"), 4: ("رباعي", "رباعية"), 5: ("خماسي", "خماسية"),
    6: ("سداسي", "سداسية"), 7: ("سباعي", "سباعية"),
})

# unit nouns after a number (normalised, no clitics)
_AR_UNIT_NOUNS: dict[str, str] = {}
for _u, _words in {
    "year": ("عام", "عاما", "أعوام", "سنة", "سنوات", "سنين", "سنه"),
    "month": ("شهر", "شهرا", "أشهر", "شهور"),
    "week": ("أسبوع", "أسبوعا", "أسابيع"),
    "day": ("يوم", "يوما", "أيام"),
    "hour": ("ساعة", "ساعات"),
    "minute": ("دقيقة", "دقائق"),
    "decade": ("عقد", "عقود"),
    "century": ("قرن", "قرنا", "قرون"),
    "times": ("مرة", "مرات"),
    "night": ("ليلة", "ليال", "ليالي"),
    "second": ("ثانية", "ثوان", "ثواني"),
}.items():
    for _w in _n(_words):
        _AR_UNIT_NOUNS[_w] = _u
# singular nouns that take «ونصف» (= one and a half of them)
_AR_UNIT_SINGULAR = {normalize_ar(w): u for w, u in (
    ("عام", "year"), ("عاما", "year"), ("سنة", "year"), ("شهر", "month"), ("شهرا", "month"),
    ("أسبوع", "week"), ("أسبوعا", "week"), ("يوم", "day"), ("يوما", "day"), ("ساعة", "hour"),
    ("دقيقة", "minute"), ("عقد", "decade"), ("عقدا", "decade"), ("قرن", "century"), ("قرنا", "century"),
)}
_AR_DUAL: dict[str, str] = {}
for _u, _words in {
    "hour": ("ساعتين", "ساعتان"),
    "year": ("عامين", "عامان", "عاما", "سنتين", "سنتان"),
    "month": ("شهرين", "شهران"),
    "week": ("أسبوعين", "أسبوعان"),
    "day": ("يومين", "يومان"),
    "minute": ("دقيقتين", "دقيقتان"),
    "decade": ("عقدين", "عقدان"),
    "century": ("قرنين", "قرنان"),
    "times": ("مرتين", "مرتان"),
    "night": ("ليلتين", "ليلتان"),
}.items():
    for _w in _n(_words):
        if _w == normalize_ar("عاما"):
            continue  # «عاماً» is the accusative singular far more often than the dual construct
        _AR_DUAL[_w] = _u
# Arabic nouns: (singular, plural 3-10, gender) — to rewrite a dual ("ساعتين" -> "ثلاث ساعات")
_AR_UNIT_WORDS = {
    "hour": ("ساعة", "ساعات", "f"), "year": ("عام", "أعوام", "m"), "month": ("شهر", "أشهر", "m"),
    "week": ("أسبوع", "أسابيع", "m"), "day": ("يوم", "أيام", "m"), "minute": ("دقيقة", "دقائق", "f"),
    "decade": ("عقد", "عقود", "m"), "century": ("قرن", "قرون", "m"), "times": ("مرة", "مرات", "f"),
    "night": ("ليلة", "ليال", "f"),
}
_AR_UNIT_DUAL_WORDS = {
    "hour": "ساعتين", "year": "عامين", "month": "شهرين", "week": "أسبوعين", "day": "يومين",
    "minute": "دقيقتين", "decade": "عقدين", "century": "قرنين", "times": "مرتين", "night": "ليلتين",
}

AR_MONTHS_GREGORIAN = {
    1: "يناير", 2: "فبراير", 3: "مارس", 4: "أبريل", 5: "مايو", 6: "يونيو", 7: "يوليو",
    8: "أغسطس", 9: "سبتمبر", 10: "أكتوبر", 11: "نوفمبر", 12: "ديسمبر",
}
AR_MONTHS_LEVANTINE = {
    1: "كانون الثاني", 2: "شباط", 3: "آذار", 4: "نيسان", 5: "أيار", 6: "حزيران", 7: "تموز",
    8: "آب", 9: "أيلول", 10: "تشرين الأول", 11: "تشرين الثاني", 12: "كانون الأول",
}
_AR_MONTH_WORDS: dict[str, tuple[int, str]] = {}
for _m, _words in {
    1: ("يناير",), 2: ("فبراير",), 3: ("مارس",), 4: ("أبريل", "ابريل", "إبريل"), 5: ("مايو",),
    6: ("يونيو", "يونيه"), 7: ("يوليو", "يوليه"), 8: ("أغسطس", "اغسطس"), 9: ("سبتمبر",),
    10: ("أكتوبر", "اكتوبر"), 11: ("نوفمبر",), 12: ("ديسمبر",),
}.items():
    for _w in _n(_words):
        _AR_MONTH_WORDS[_w] = (_m, "gregorian")
for _m, _w in {2: "شباط", 3: "آذار", 4: "نيسان", 5: "أيار", 6: "حزيران", 7: "تموز", 8: "آب", 9: "أيلول"}.items():
    _AR_MONTH_WORDS[normalize_ar(_w)] = (_m, "levantine")
_AR_MONTH_TWO = {  # Levantine months written as two words
    (normalize_ar("كانون"), normalize_ar("الثاني")): 1,
    (normalize_ar("كانون"), normalize_ar("الأول")): 12,
    (normalize_ar("تشرين"), normalize_ar("الأول")): 10,
    (normalize_ar("تشرين"), normalize_ar("الثاني")): 11,
}
_AR_MONTH_HEADS = {a for a, _ in _AR_MONTH_TWO}
# month words that are also common words: «مارس» (practised), «آب» ≈ «أب» (father), «نيسان» (Nissan)
_AR_MONTH_AMBIGUOUS = set(_n(("مارس", "آب", "نيسان")))
_AR_MONTH_WORD = normalize_ar("شهر")
_AR_PERCENT_WORDS = set(_n(("المئة", "المائة")))
_AR_PERCENT_WORDS_B = set(_n(("بالمئة", "بالمائة")))

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_ART = "ال"


def _ar_splits(norm: str) -> list[tuple[str, str, bool]]:
    """(proclitics, stem, has_article) readings of a normalised word, bare reading first.

    Proclitics: an optional conjunction (و، ف), an optional preposition (ب، ل، ك) and an
    optional article (ال; «لل» is ل + ال). A two-letter stem only takes «و».
    """
    out = [("", norm, False)]
    for c in ("", *_CONJ):
        for p in ("", *_PREP):
            for a in ("", _ART):
                if not (c or p or a):
                    continue
                pre = c + ("لل" if p == "ل" and a else p + a)
                if norm.startswith(pre) and len(norm) > len(pre):
                    stem = norm[len(pre):]
                    if len(stem) < 2 or (len(stem) == 2 and pre != "و"):
                        continue
                    out.append((pre, stem, bool(a)))
    return out


def _orig_offset(word: str, k: int) -> int:
    """Index in the original ``word`` after its first ``k`` normalised characters."""
    if k <= 0:
        return 0
    acc = 0
    for idx, ch in enumerate(word):
        acc += len(normalize_ar(ch))
        if acc == k:
            nxt = idx + 1
            while nxt < len(word) and normalize_ar(word[nxt]) == "":
                nxt += 1  # marks on the last clitic letter stay with it
            return nxt
        if acc > k:
            return 0
    return 0


class _Ar(_Walker):
    def __init__(self, text: str, toks: list[Token], en_months: frozenset[int] | None):
        super().__init__(text, toks)
        self.en_months = en_months
        self.norm = [normalize_ar(t.text) for t in toks]
        self.splits = [_ar_splits(n) for n in self.norm]

    def isdig(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].text[0].isdigit()

    def find(self, i: int, table, allow: str = "any") -> tuple[str, str, bool] | None:
        """The first reading of token i whose stem is in ``table``.

        allow: "any" (every proclitic), "none" (bare), "noart" (no article).
        """
        if not 0 <= i < self.n:
            return None
        for pre, stem, art in self.splits[i]:
            if allow == "none" and pre:
                continue
            if allow == "noart" and art:
                continue
            if stem in table:
                return pre, stem, art
        return None

    def start_after_clitics(self, i: int, pre: str) -> int:
        """Start offset of token i once single-letter proclitics are dropped (article kept)."""
        t = self.toks[i]
        keep = pre
        if pre.endswith("لل"):
            return t.start + _orig_offset(t.text, len(pre) - 2)  # «لل»: the article has lost its alef
        if pre.endswith(_ART):
            keep = pre[: -len(_ART)]
        return t.start + _orig_offset(t.text, len(keep))

    def qspan(self, i: int, pre: str, j: int) -> tuple[int, int, str]:
        s = self.start_after_clitics(i, pre)
        e = self.toks[j].end
        return s, e, self.text[s:e]

    def half_at(self, j: int) -> bool:
        """Token j is «ونصف» / «والنصف» right after the previous token."""
        return self.spaced(j) and self.norm[j] in ("و" + _AR_HALF, "وال" + _AR_HALF)

    def run(self) -> list[Quantity]:
        found: list[tuple[Quantity, int, int]] = []
        i = 0
        while i < self.n:
            got = self.at(i)
            if got is None:
                i += 1
                continue
            q, last, nxt = got
            if q.value < _MAX_VALUE:
                found.append((q, i, last))
            i = max(nxt, i + 1)
        found = self.merge_months(found)
        return _mark_days(self, found)

    def at(self, i: int) -> tuple[Quantity, int, int] | None:
        if self.isdig(i):
            return self.digits(i)
        for f in (self.month, self.dual, self.words, self.ordinal, self.unit_half, self.adjective):
            got = f(i)
            if got is not None:
                return got
        return None

    # -- units and percent after a number ending at token `last`
    def tail(self, last: int, value: float, unit: str | None) -> tuple[float, str | None, int, int]:
        """Unit noun / percent after a number; «ونصف» after the unit. Returns
        (value, unit, last token of the quantity, next index)."""
        j = last + 1
        if j < self.n and self.spaced(j):
            if self.norm[j] in _AR_PERCENT_WORDS_B:
                return value, "percent", last, j + 1
            if self.norm[j] == "في" and j + 1 < self.n and self.norm[j + 1] in _AR_PERCENT_WORDS:
                return value, "percent", last, j + 2
            if self.norm[j] in ("%", "٪"):
                return value, "percent", last, j + 1
            u = _AR_UNIT_NOUNS.get(self.norm[j])
            if u is not None and unit is None:
                if self.half_at(j + 1):
                    return value + 0.5, u, j + 1, j + 2
                return value, u, last, j + 1
        return value, unit, last, j

    def digits(self, i: int) -> tuple[Quantity, int, int] | None:
        t = self.toks[i]
        parsed = parse_digits(t.text)
        if parsed is None:
            return None
        value, sep = parsed
        pct = _percent_sign(self.text, t)
        name = weak = definite = False
        kind = "cardinal"
        s = t.start
        if i > 0 and self.hyphen(i) and self.toks[i - 1].text[-1].isalpha():
            name = True  # KN-23, كوفيد-19
        elif i > 0 and self.glued(i):
            prev = self.toks[i - 1].text
            pn = self.norm[i - 1]
            if prev[-1].isascii() and prev[-1].isalpha():
                name = True  # G7
            elif pn in ("ال", "وال", "فال", "بال", "كال", "لل", "ولل"):
                definite = True  # «الـ80»: the 80th
                s = self.start_after_clitics(i - 1, pn) if pn != "لل" else self.toks[i - 1].start
        nxt_tok = self.toks[i + 1].text if i + 1 < self.n else ""
        if nxt_tok and self.glued(i + 1) and nxt_tok[0].isascii() and nxt_tok[0].isalpha():
            name = True
        if (i + 1 < self.n and self.gap(i + 1).strip() in ("/", ":") and self.isdig(i + 1)) or (
            i > 0 and self.gap(i).strip() in ("/", ":") and self.isdig(i - 1)
        ):
            weak = True  # 10:30, 3/9/2025
        last, scale = i, None
        sc = self.find(i + 1, _AR_SCALES, allow="none") if i + 1 < self.n and self.spaced(i + 1) and not pct else None
        if sc is not None:
            value *= _AR_SCALES[sc[1]][0]
            scale = self.toks[i + 1].text
            last = i + 1
            if self.half_at(i + 2):
                value += _AR_SCALES[sc[1]][0] / 2
                last = i + 2
        unit = "percent" if pct else None
        value, unit, last, nxt = self.tail(last, value, unit)
        raw = t.text.rstrip("%٪")
        if (not scale and sep is None and unit != "percent" and len(raw) == 4 and raw.isdigit()
                and 1900 <= value <= 2100 and not definite):
            kind = "year"
        if definite:
            kind = "ordinal"
        e = self.toks[last].end
        return (
            Quantity(value, s, e, self.text[s:e], kind=kind, unit=unit, digits=_script(t.text), separator=sep,
                     scale=scale, weak=weak, name=name, loose=definite, definite=definite),
            last,
            nxt,
        )

    def words(self, i: int) -> tuple[Quantity, int, int] | None:
        """Cardinals in words: «خمسة وعشرون», «ثلاثة آلاف», «ألفين», «مليون ونصف»."""
        total = cur = 0.0
        last_kind: str | None = None
        last_scale = 0.0
        first = None
        tables = ((_AR_UNITS, "unit"), (_AR_TENS, "tens"), (_AR_HUNDREDS, "hund"), (_AR_SCALES, "scale"), (_AR_VAGUE, "vague"))
        for table, kind in tables:
            got = self.find(i, table)
            if got is not None:
                first = (got, kind)
                break
        if first is None:
            return None
        (pre, stem, art), kind = first
        weak = False
        if kind == "vague":
            s, e, txt = self.qspan(i, pre, i)
            return Quantity(_AR_VAGUE[stem], s, e, txt, vague=True, form=stem, definite=art), i, i + 1
        if kind == "unit":
            if stem in _AR_TWO_CONSTRUCT and not (i + 1 < self.n and self.spaced(i + 1) and self.norm[i + 1] in _AR_TEEN):
                return None
            cur = _AR_UNITS[stem]
            last_kind = "unit"
            if cur == 1 or stem == normalize_ar("عشر"):
                weak = True
            if art and cur == 2:
                weak = True  # «الاثنين» is also Monday
            if len(stem) <= 2:
                weak = True  # «ست» and the like
        elif kind == "tens":
            cur, last_kind = _AR_TENS[stem], "tens"
        elif kind == "hund":
            cur, last_kind = _AR_HUNDREDS[stem], "hund"
        else:
            val, form = _AR_SCALES[stem]
            if form == "plural":
                s, e, txt = self.qspan(i, pre, i)
                return Quantity(val, s, e, txt, vague=True, form=stem, definite=art), i, i + 1
            total = val * (2 if form == "dual" else 1)
            last_kind, last_scale = "scale", val
            weak = stem == _AR_THOUSAND  # a lone «ألف» may be the verb «ألّف» or the letter
        k = i + 1
        end = i
        while k < self.n and self.spaced(k):
            nk = self.norm[k]
            if last_kind == "unit" and nk in _AR_TEEN and 0 < cur % 100 < 10:
                cur += 10
                last_kind = "teen"
                weak = False
            elif last_kind == "unit" and nk in _AR_HUNDRED_WORD:
                cur *= 100
                last_kind = "hund"
                weak = False
            elif last_kind in ("unit", "teen", "tens", "hund") and nk in _AR_SCALES:
                val, _form = _AR_SCALES[nk]
                total += (cur or 1) * val
                cur, last_kind, last_scale = 0.0, "scale", val
                weak = False
            elif nk.startswith("و") and len(nk) > 2:
                rest = nk[1:]
                follow = self.norm[k + 1] if k + 1 < self.n and self.spaced(k + 1) else ""
                if last_kind == "scale" and follow in _AR_SCALES and _AR_SCALES[follow][0] >= last_scale:
                    break  # «ألفين وثلاثة آلاف»: two numbers (2000 and 3000), not 5000
                after_unit = last_kind == "unit" and cur % 100 < 10
                after_big = last_kind in ("hund", "scale") and cur % 100 == 0
                if rest in _AR_TENS and (after_unit or after_big):
                    cur += _AR_TENS[rest]
                    last_kind = "tens"
                    weak = False
                elif rest in _AR_UNITS and last_kind in ("hund", "scale") and cur % 100 == 0:
                    cur += _AR_UNITS[rest]
                    last_kind = "unit"
                    weak = False
                elif rest in _AR_HUNDREDS and last_kind == "scale" and cur == 0:
                    cur += _AR_HUNDREDS[rest]
                    last_kind = "hund"
                    weak = False
                elif rest in (_AR_HALF, _ART + _AR_HALF):
                    if last_kind == "scale" and cur == 0:
                        total += last_scale / 2
                    else:
                        cur += 0.5
                    weak = False
                    end = k
                    k += 1
                    break
                else:
                    break
            else:
                break
            end = k
            k += 1
        value = total + cur
        if value == 0:
            return None
        value, unit, end, nxt = self.tail(end, value, None)
        # a definite number after a definite unit noun: «الأيام الثلاثة»
        if unit is None and art and i > 0 and self.spaced(i):
            prev_unit = self.find(i - 1, _AR_UNIT_NOUNS)
            if prev_unit is not None and prev_unit[2]:
                unit = _AR_UNIT_NOUNS[prev_unit[1]]
        kind_out, loose = "cardinal", False
        if art and kind == "tens" and end == i:
            kind_out, loose = "ordinal", True  # «الذكرى الثمانين»
        s, e, txt = self.qspan(i, pre, end)
        return Quantity(value, s, e, txt, kind=kind_out, unit=unit, weak=weak, loose=loose, form=stem, definite=art), end, nxt

    def ordinal(self, i: int) -> tuple[Quantity, int, int] | None:
        got = self.find(i, _AR_ORD)
        eleven = None if got else self.find(i, _AR_ORD_ELEVEN)
        if got is None and eleven is None:
            return None
        pre, stem, art = got or eleven  # type: ignore[misc]
        value = 1.0 if eleven else float(_AR_ORD[stem])
        end, weak = i, False
        k = i + 1
        if k < self.n and self.spaced(k) and self.norm[k] in _AR_TEEN and value < 10:
            value += 10
            end = k
        elif k < self.n and self.spaced(k) and self.norm[k].startswith("و") and (
            self.norm[k][1:] in _AR_TENS or (self.norm[k].startswith("وال") and self.norm[k][3:] in _AR_TENS)
        ) and value < 10:
            value += _AR_TENS[self.norm[k][1:] if self.norm[k][1:] in _AR_TENS else self.norm[k][3:]]
            end = k
        elif eleven:
            return None  # «حادي» alone is not a number
        if stem == normalize_ar("ثانية") and not art and end == i:
            if i > 0 and (self.isdig(i - 1) or self.find(i - 1, _AR_UNITS) or self.find(i - 1, _AR_TENS)):
                return None  # «30 ثانية»: seconds
            weak = True
        if value == 1:
            weak = True
        name = value <= 2 and i > 0 and self.norm[i - 1] in (normalize_ar("العالمية"), normalize_ar("العالميه"))
        s, e, txt = self.qspan(i, pre, end)
        return Quantity(value, s, e, txt, kind="ordinal", weak=weak, name=name, form=stem, definite=art), end, end + 1

    def dual(self, i: int) -> tuple[Quantity, int, int] | None:
        got = self.find(i, _AR_DUAL)
        if got is None:
            return None
        pre, stem, art = got
        value, end = 2.0, i
        if self.half_at(i + 1):
            value, end = 2.5, i + 1
        s, e, txt = self.qspan(i, pre, end)
        return Quantity(value, s, e, txt, unit=_AR_DUAL[stem], form=stem, definite=art), end, end + 1

    def unit_half(self, i: int) -> tuple[Quantity, int, int] | None:
        """«ساعة ونصف», «الشهر والنصف»: one and a half."""
        got = self.find(i, _AR_UNIT_SINGULAR)
        if got is None or not self.half_at(i + 1):
            return None
        pre, stem, art = got
        s, e, txt = self.qspan(i, pre, i + 1)
        return Quantity(1.5, s, e, txt, unit=_AR_UNIT_SINGULAR[stem], form=stem, definite=art), i + 1, i + 2

    def adjective(self, i: int) -> tuple[Quantity, int, int] | None:
        got = self.find(i, _AR_ADJ)
        if got is None:
            got2 = self.find(i, {_AR_HALF: 0.5})
            if got2 is None:
                return None
            pre, stem, art = got2
            s, e, txt = self.qspan(i, pre, i)
            return Quantity(0.5, s, e, txt, weak=True, form=stem, definite=art), i, i + 1
        pre, stem, art = got
        s, e, txt = self.qspan(i, pre, i)
        return Quantity(float(_AR_ADJ[stem]), s, e, txt, weak=True, form=stem, definite=art), i, i + 1

    def month(self, i: int) -> tuple[Quantity, int, int] | None:
        value = None
        end = i
        got = self.find(i, _AR_MONTH_WORDS, allow="noart")
        if got is not None:
            pre, stem, _ = got
            value, cal = _AR_MONTH_WORDS[stem]
            if stem == normalize_ar("آب"):
                t = self.toks[i]
                off = _orig_offset(t.text, len(pre))
                if not t.text[off:].startswith("آ"):
                    return None  # «أب» (father)
        else:
            got = self.find(i, _AR_MONTH_HEADS, allow="noart")
            if got is None or i + 1 >= self.n or not self.spaced(i + 1):
                return None
            pre, stem, _ = got
            value = _AR_MONTH_TWO.get((stem, self.norm[i + 1]))
            if value is None:
                return None
            cal, end = "levantine", i + 1
        if not self.month_ok(i, end, stem, value):
            return None
        s, e, txt = self.qspan(i, pre, end)
        return Quantity(float(value), s, e, txt, kind="month", calendar=cal, form=stem), end, end + 1

    def month_ok(self, i: int, end: int, stem: str, value: int) -> bool:
        """Conservative reading of a month word: a number next to it, «شهر» before it, a
        second month name beside it, or (when told) an English month in the pair."""
        if end + 1 < self.n and self.isdig(end + 1) and self.gap(end + 1).strip() in ("", ","):
            return True
        if i > 0 and self.isdig(i - 1) and self.spaced(i):
            return True
        if i > 0 and self.find(i - 1, {_AR_MONTH_WORD: 1}) is not None:
            return True
        for j in (i - 1, end + 1):
            if 0 <= j < self.n and self.gap(max(i, j)).strip() in ("/", "(", ")", "-") and (
                self.find(j, _AR_MONTH_WORDS, allow="noart") is not None
                or (j == i - 1 and j > 0 and self.find(j - 1, _AR_MONTH_HEADS) is not None)
                or (j == end + 1 and self.find(j, _AR_MONTH_HEADS) is not None)
            ):
                return True
        if self.en_months is None:
            return stem not in _AR_MONTH_AMBIGUOUS
        if stem in _AR_MONTH_AMBIGUOUS:
            return value in self.en_months
        return bool(self.en_months)

    def merge_months(self, found: list[tuple[Quantity, int, int]]) -> list[tuple[Quantity, int, int]]:
        """«حزيران/يونيو», «يونيو (حزيران)»: one mention of one month."""
        out: list[tuple[Quantity, int, int]] = []
        for q, a, b in found:
            if out:
                p, pa, pb = out[-1]
                joint = self.gap(a).strip() in ("/", "(", "-", "،", ",")
                if p.is_month and q.is_month and p.value == q.value and pb + 1 == a and joint:
                    e = q.end
                    if self.text[e : e + 1] == ")" and "(" in self.gap(a):
                        e += 1
                    cal = p.calendar if p.calendar == q.calendar else "both"
                    out[-1] = (replace(p, end=e, text=self.text[p.start : e], calendar=cal), pa, b)
                    continue
            out.append((q, a, b))
        return out


@lru_cache(maxsize=4096)
def _parse_ar_cached(text: str, start: int, end: int, en_months: frozenset[int] | None) -> tuple[Quantity, ...]:
    toks = tokenize(text, start, end, lang="ar")
    return tuple(_Ar(text, toks, en_months).run()) if toks else ()


def parse_ar(text: str, start: int = 0, end: int | None = None, en_months: Iterable[int] | None = None) -> list[Quantity]:
    """Quantities in ``text[start:end]``, with offsets into ``text``.

    ``en_months``: the months the English side mentions, when known. A month word then
    counts only if a number stands next to it, «شهر» precedes it, another month name is
    written beside it, or the English mentions a month (for the ambiguous «مارس», «آب»,
    «نيسان»: that same month). Without it, unambiguous month names always count.
    """
    end = len(text) if end is None else end
    months = None if en_months is None else frozenset(int(m) for m in en_months)
    return list(_parse_ar_cached(text, start, end, months))


@lru_cache(maxsize=256)
def uses_levantine_months(text: str) -> bool:
    """Whether a text names months the Levantine way (حزيران, تشرين الأول, ...)."""
    if not any(w in text for w in ("كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين")):
        return False
    return any(q.calendar in ("levantine", "both") for q in parse_ar(text) if q.is_month)


# ---------------------------------------------------------------------------------------
# writing numbers the Arabic way (for suggestions)

def ar_month_name(month: int, style: str = "gregorian") -> str:
    """«يونيو» (gregorian), «حزيران» (levantine) or «يونيو/حزيران» (both)."""
    if style == "levantine":
        return AR_MONTHS_LEVANTINE[month]
    if style == "both":
        return f"{AR_MONTHS_GREGORIAN[month]}/{AR_MONTHS_LEVANTINE[month]}"
    return AR_MONTHS_GREGORIAN[month]


_TO_SCRIPT = {
    "arabic": str.maketrans("0123456789", _AR_INDIC),
    "persian": str.maketrans("0123456789", _PERSIAN),
}


def _digits_text(value: float, script: str = "ascii", sep: str | None = None) -> str:
    if value == int(value):
        s = f"{int(value):,}" if sep in (",", "٬", ".") and abs(value) >= 1000 else str(int(value))
        if sep == ".":
            s = s.replace(",", ".")
    else:
        s = f"{value:.6f}".rstrip("0").rstrip(".")
    if script in _TO_SCRIPT:
        s = s.translate(_TO_SCRIPT[script])
        if script == "arabic":
            s = s.replace(".", "٫") if sep != "." else s
            s = s.replace(",", "٬")
    elif sep == "٬":
        s = s.replace(",", "٬")
    return s


_AR_CARD_M = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
_AR_CARD_F = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}
_AR_ORD_M = {1: "أول", 2: "ثاني", 3: "ثالث", 4: "رابع", 5: "خامس", 6: "سادس", 7: "سابع", 8: "ثامن", 9: "تاسع", 10: "عاشر"}
_AR_ORD_F = {
    1: "أولى", 2: "ثانية", 3: "ثالثة", 4: "رابعة", 5: "خامسة", 6: "سادسة", 7: "سابعة", 8: "ثامنة", 9: "تاسعة", 10: "عاشرة",
}
_AR_TENS_NOM = {20: "عشرون", 30: "ثلاثون", 40: "أربعون", 50: "خمسون", 60: "ستون", 70: "سبعون", 80: "ثمانون", 90: "تسعون"}
_AR_TENS_OBL = {20: "عشرين", 30: "ثلاثين", 40: "أربعين", 50: "خمسين", 60: "ستين", 70: "سبعين", 80: "ثمانين", 90: "تسعين"}


def _ar_words_like(value: float, like: Quantity, script: str) -> str | None:
    """``value`` in the same kind of Arabic words as ``like`` where that is simple."""
    if like.digits:
        return None
    art = _ART if like.definite else ""
    form = like.form or ""
    if form in _AR_DUAL and like.unit in _AR_UNIT_WORDS:  # «ساعتين» -> «ثلاث ساعات»
        sing, plural, gender = _AR_UNIT_WORDS[like.unit]
        if value == 2.5:
            return _AR_UNIT_DUAL_WORDS[like.unit] + " ونصف"
        if value != int(value) or value < 1:
            return None
        v = int(value)
        if v == 1:
            return art + sing
        if v == 2:
            return art + _AR_UNIT_DUAL_WORDS[like.unit]
        if 3 <= v <= 10:
            return f"{_AR_CARD_F[v] if gender == 'f' else _AR_CARD_M[v]} {plural}"
        noun = sing + ("اً" if gender == "m" and 11 <= v <= 99 else "")
        return f"{_digits_text(float(v), script)} {noun}"
    if value != int(value):
        return None
    v = int(value)
    if like.kind == "ordinal" or form in _AR_ORD or form in _AR_ORD_ELEVEN:
        if form in _AR_TENS and v in _AR_TENS_OBL:
            return art + (_AR_TENS_NOM[v] if form.endswith("ون") else _AR_TENS_OBL[v])
        if form in _AR_ORD and v in _AR_ORD_M:
            fem = form.endswith("ه") or form == normalize_ar("أولى")
            return art + (_AR_ORD_F[v] if fem else _AR_ORD_M[v])
        return None
    if form in _AR_UNITS and v in _AR_CARD_M:
        return art + (_AR_CARD_M[v] if form.endswith("ه") else _AR_CARD_F[v])
    if form in _AR_TENS and v in _AR_TENS_OBL:
        return art + (_AR_TENS_NOM[v] if form.endswith("ون") else _AR_TENS_OBL[v])
    return None


def format_ar_number(value: float, like: Quantity | None = None, script: str | None = None) -> str:
    """``value`` written the way ``like`` (an Arabic quantity) writes numbers.

    Digits keep the script, the thousands separator and a scale word (``15 ألف``); words are
    rewritten in words for simple cases (ordinals, tens, 3–10, duals of time units) and fall
    back to digits in ``script`` (default: ``like``'s, else ASCII).
    """
    script = script or (like.digits if like and like.digits else "ascii")
    if like is not None and like.digits:
        if like.scale:
            parsed = parse_digits(like.text.split()[0]) if like.text.split() else None
            factor = (like.value / parsed[0]) if parsed and parsed[0] else None
            if factor and value >= factor and _close(round(value / factor, 3), value / factor):
                return f"{_digits_text(value / factor, script, like.separator)} {like.scale}"
        return _digits_text(value, script, like.separator)
    if like is not None:
        words = _ar_words_like(value, like, script)
        if words:
            return words
    return _digits_text(value, script)
