"""Units: a unit of measurement changed between the English and the Arabic.

"120,000 hectares" → «120 ألف فدان», "3,000 kilometres" → «3000 ميل», "47 degrees Celsius" →
«47 درجة فهرنهايت», "per litre" → «لكل مليلتر»: the number is right, the quantity is not.
Lexicon: ``corpora/lexicons/units.tsv`` (unit id, dimension, conversion factor, English terms,
Arabic forms), read once per process.

Mentions. An English unit term counts when it follows a number (``numerals.parse_en``; glued
"47C", "3km", hyphenated "120,000-hectare", after a degree sign "47 °C"; one-letter terms C, F,
t, g only glued or after a degree sign) or "per"/"a"/"/" ("per litre", "$80 a barrel"). An
Arabic unit form counts after a number (``numerals.parse_ar``, not a year; «من» may come
between: «ثلاثة ملايين من البراميل»), after a fraction word («ربع نقطة مئوية» = 0.25), as a dual
(«كيلومترين» = 2), after «لكل» or with «لل» («للبرميل»: per barrel), or anywhere when the form is
unambiguous (هكتار، فهرنهايت، بالكيلومترات). Ambiguous forms (كم how many, ميل inclination,
درجة rank, قدم presented, نقطة) need a number, «لكل» or an alignment link to the English unit.
Percent comes from the numbers parser on both sides.

Pairing, per dimension (length, area, volume, mass, temperature, speed, power, energy, points):
first the compatible mentions (same unit, a generic unit and its refinement: «درجة» for
"degrees Celsius", «نقطة» for "percentage points"; an accepted free rendering: acre → فدان),
then correct conversions ("100 km" → «62 ميلاً», within 3 %; temperatures within 3 % plus one
degree), then what is left: an English unit and an Arabic unit of the same dimension with the
same number, or linked by the aligner, or alone in their dimension and in the same place in
the sentence → flag ``number-date`` / major on the Arabic unit word(s), suggesting the English
unit in Arabic (singular or plural as the Arabic has it, with its proclitics).

Quiet by design: the Arabic omits the unit; only one side has a number (the conversion cannot
be checked); percent against percentage points (Arabic news writes «0.25%» for 25 basis points:
only basis points against percentage points or percent, a factor of 100, are flagged);
"billion" → «مليون» (a scale word, the numbers check's job).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import ClassVar

from ..normalize import normalize_ar
from ..numerals import Quantity, parse_ar, parse_en
from ..polarity import read_tsv
from ..records import Flag, Token
from .base import Check, PairContext

LEXICON = Path(__file__).resolve().parents[2] / "corpora" / "lexicons" / "units.tsv"

_AR_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "وبال", "فبال", "كال", "لل", "ولل", "فلل",
                  "وب", "ول", "فب", "فل", "وك")
_AR_FRACTIONS = {normalize_ar(w): v for w, v in (("ربع", 0.25), ("نصف", 0.5), ("ثلث", 1 / 3), ("ثلثي", 2 / 3),
                                                  ("ثلثا", 2 / 3), ("عشر", 0.1))}
_AR_PER = normalize_ar("لكل")
_AR_FROM = normalize_ar("من")
_EN_PER = re.compile(r"(?:\b(?:per|a|an|each)\s+|/\s*)$", re.I)
_EN_GAP = re.compile(r"[\s\u00a0]*-?[\s\u00a0]*$")
_AR_PERCENT = re.compile(r"[%٪]|(?:في[\s\u00a0]+|ب)الم[ئا]{1,2}[ةه]")
_TOLERANCE = 0.03
_MAX_SHIFT = 0.35  # how far apart (share of the sentence) two lone mentions may sit and still be paired


@dataclass(frozen=True)
class Unit:
    id: str
    dimension: str
    factor: float | None
    offset: float
    broader: str | None
    accept: frozenset[str]
    en: tuple[str, ...]
    ar_sg: str
    ar_pl: str


@dataclass(frozen=True)
class ArForm:
    unit: str
    ambiguous: bool
    dual: bool
    plural: bool


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, Unit]
    en_exact: dict[str, str]  # abbreviation as written -> unit id
    en_words: dict[str, str]  # lower-case word term -> unit id
    en_re: re.Pattern
    ar_forms: dict[str, ArForm]  # normalised form (words joined by " " or "/") -> form
    ar_prefixes: frozenset[str]  # the first words of the forms of two words or more


def _letters(term: str) -> int:
    return sum(c.isalpha() for c in term)


@cache
def load_units(path: Path = LEXICON) -> Lexicon:
    """The units lexicon, parsed once per process."""
    units: dict[str, Unit] = {}
    en_exact: dict[str, str] = {}
    en_words: dict[str, str] = {}
    ar_forms: dict[str, ArForm] = {}
    for r in read_tsv(path):
        uid = r["id"]
        factor = float(r["factor"]) if r["factor"] else None
        en = tuple(t for t in r["en"].split("|") if t)
        sg1, pl1 = normalize_ar(r["ar_sg"]).split()[0], normalize_ar(r["ar_pl"]).split()[0]
        units[uid] = Unit(uid, r["dimension"], factor, float(r["offset"] or 0), r["broader"] or None,
                          frozenset(x for x in r["accept"].split("|") if x), en, r["ar_sg"], r["ar_pl"])
        for t in en:
            if _letters(t) >= 4:
                en_words[t.lower()] = uid
            else:
                en_exact[t] = uid
        for f in r["ar"].split("|"):
            if not f:
                continue
            ambiguous = f.endswith("?")
            f = f.rstrip("?")
            dual = f.endswith("=2")
            f = f.removesuffix("=2").rstrip("?")
            key = " / ".join(" ".join(normalize_ar(w) for w in part.split()) for part in f.split("/"))
            key = key.replace(" / ", "/")
            first = re.split(r"[ /]", key)[0]
            ar_forms[key] = ArForm(uid, ambiguous, dual, first == pl1 != sg1)
    terms = sorted({*en_exact, *en_words}, key=len, reverse=True)
    alts = []
    for t in terms:
        body = re.escape(t).replace(r"\ ", r"[\s\u00a0]+").replace(r"\-", r"[-\s]")
        alts.append(f"(?i:{body})" if t.lower() in en_words and t not in en_exact else body)
    en_re = re.compile(r"(?<![A-Za-z])(?:" + "|".join(alts) + r")(?![A-Za-z0-9²³])")
    prefixes = set()
    for k in ar_forms:
        parts = re.split(r"([ /])", k)
        for n in range(1, len(parts) - 1, 2):
            prefixes.add("".join(parts[:n]))
    return Lexicon(units, en_exact, en_words, en_re, ar_forms, frozenset(prefixes))


@dataclass
class Mention:
    unit: Unit
    start: int
    end: int
    value: float | None = None
    per: bool = False  # "per litre", «لكل لتر»
    toks: frozenset[int] = frozenset()
    ambiguous: bool = False  # an ambiguous Arabic form with no number and no «لكل»: usable only when linked
    plural: bool = False
    prefix: str = ""  # the Arabic proclitics written before the unit word
    year: bool = False
    number: tuple[int, int] | None = None  # the number's span, when a number carries the unit


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def converts(e: Mention, a: Mention) -> bool:
    """The Arabic amount is the English amount in another unit, within 3 % (temperatures: plus one degree)."""
    ue, ua = e.unit, a.unit
    if e.value is None or a.value is None or ue.factor is None or ua.factor is None or ue.dimension != ua.dimension:
        return False
    be = e.value * ue.factor + ue.offset
    ba = a.value * ua.factor + ua.offset
    slack = 1.0 if ue.dimension == "temperature" else 0.0
    return abs(be - ba) <= _TOLERANCE * max(abs(be), abs(ba)) + slack


def compatible(ue: Unit, ua: Unit) -> bool:
    return ue.id == ua.id or ue.broader == ua.id or ua.broader == ue.id or ua.id in ue.accept


def _tok_set(tokens: list[Token], s: int, e: int) -> frozenset[int]:
    return frozenset(k for k, t in enumerate(tokens) if t.start < e and s < t.end)


def en_mentions(ctx: PairContext, lex: Lexicon | None = None) -> list[Mention]:
    """Unit terms of the English span that follow a number or "per"."""
    lex = lex or load_units()
    p = ctx.pair
    text = p.en_text
    qs = [q for q in parse_en(text, p.en_start, p.en_end) if not q.is_month]
    out: list[Mention] = []
    for m in lex.en_re.finditer(text, p.en_start, p.en_end):
        s, e, w = m.start(), m.end(), m.group()
        uid = lex.en_exact.get(w) or lex.en_words.get(re.sub(r"[\s\u00a0-]+", " ", w.lower())) \
            or lex.en_words.get(w.lower())
        if uid is None:
            continue
        unit = lex.units[uid]
        one_letter = _letters(w) == 1 and len(w.strip("°º")) == 1
        q = _number_before_en(text, qs, s, glued_only=one_letter)
        if q is not None:
            s0 = min(s, q.start)
            out.append(Mention(unit, s, e, q.value, toks=_tok_set(ctx.en_tokens, s0, e), year=q.kind == "year",
                               number=(q.start, q.end)))
            continue
        if one_letter or w.startswith(("°", "º")):
            continue
        before = text[max(p.en_start, s - 12) : s]
        per = _EN_PER.search(before)
        if per and (per.group().strip().lower() not in ("a", "an") or re.search(r"\d", text[max(p.en_start, s - 30) : s])):
            out.append(Mention(unit, s, e, None, per=True, toks=_tok_set(ctx.en_tokens, s, e)))
    return out


def _number_before_en(text: str, qs: list[Quantity], s: int, glued_only: bool) -> Quantity | None:
    for q in qs:
        if q.start < s < q.end and q.text[: s - q.start].rstrip("°º ").replace(",", "").replace(".", "").isdigit():
            return q  # glued: "47C", "3km" read as one quantity
        if q.end <= s:
            gap = text[q.end : s]
            if glued_only:
                if gap.strip(" \u00a0") in ("", "°", "º") and len(gap) <= 2:
                    return q
            elif len(gap) <= 3 and _EN_GAP.match(gap.replace("°", "").replace("º", "")):
                return q
    return None


def _strip_proclitics(norm: str) -> list[tuple[str, str]]:
    return [(pre, norm[len(pre):]) for pre in _AR_PROCLITICS if norm.startswith(pre) and len(norm) - len(pre) >= 2] \
        or [("", norm)]


def _raw_prefix(raw: str, n: int) -> str:
    """The first ``n`` letters of ``raw`` with the marks between them."""
    if n == 0:
        return ""
    seen = 0
    for k, c in enumerate(raw):
        if c.isalpha():
            seen += 1
            if seen == n:
                return raw[: k + 1]
    return raw


def ar_mentions(ctx: PairContext, lex: Lexicon | None = None) -> list[Mention]:
    """Unit words of the Arabic span (see the module docstring for when a form counts)."""
    lex = lex or load_units()
    p = ctx.pair
    text = p.ar_text
    toks = [t for t in ctx.ar_tokens if p.ar_start <= t.start and t.end <= p.ar_end]
    qs = [q for q in parse_ar(text, p.ar_start, p.ar_end) if not q.is_month]
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        hit = _match_ar(lex, text, toks, i)
        if hit is None:
            i += 1
            continue
        j, pre, form = hit
        t0 = toks[i]
        unit = lex.units[form.unit]
        value: float | None = 2.0 if form.dual else None
        per = False
        year = False
        q = None
        if not form.dual and not pre.startswith(("ال", "وال", "فال", "بال", "لل")):
            q = _number_before_ar(text, qs, t0.start)
        if q is not None:
            value, year = q.value, q.kind == "year"
        elif value is None and i > 0 and not pre:
            prev = toks[i - 1].norm
            if prev in _AR_FRACTIONS and text[toks[i - 1].end : t0.start].strip() == "":
                value = _AR_FRACTIONS[prev]
            elif prev == _AR_PER:
                per = True
        if value is None and not per and toks[i].norm.startswith(("لل", "ولل", "فلل")):
            per = True  # «للبرميل»، «للتر»: per barrel, per litre
        prefix = _raw_prefix(t0.text, len(pre))
        if pre.endswith("ل") and not pre.endswith("ال") and t0.norm[len(pre) : len(pre) + 1] == "ل":
            prefix += "ل"  # «للتر» = ل + اللتر: the article's lam is written once
        ks = _tok_set(ctx.ar_tokens, q.start if q is not None else t0.start, toks[j].end)
        ambiguous = form.ambiguous and value is None and not per
        out.append(Mention(unit, t0.start, toks[j].end, value, per=per, toks=ks, ambiguous=ambiguous,
                           plural=form.plural, prefix=prefix, year=year,
                           number=(q.start, q.end) if q is not None else None))
        i = j + 1
    # percent, read by the numbers parser: «15%»، «15 في المئة»، «%15»
    pct = lex.units.get("percent")
    if pct is not None:
        for q in qs:
            if q.unit != "percent" or any(m.start <= q.end and q.start <= m.end for m in out):
                continue
            m = _AR_PERCENT.search(text, max(p.ar_start, q.start - 2), min(p.ar_end, q.end + 16))
            s, e = (min(m.start(), q.start), max(m.end(), q.end)) if m else (q.start, q.end)
            out.append(Mention(pct, s, e, q.value, toks=_tok_set(ctx.ar_tokens, q.start, e), number=(q.start, q.end)))
    return out


def _match_ar(lex: Lexicon, text: str, toks: list[Token], i: int) -> tuple[int, str, ArForm] | None:
    """The longest unit form starting at token ``i``: (last token, proclitics, form)."""
    best: tuple[int, str, ArForm] | None = None
    for pre, stem in _strip_proclitics(toks[i].norm):
        starts = [stem, stem[:-1]] if stem.endswith("ا") and len(stem) >= 4 else [stem]  # tanween alef: هكتارا
        for key in starts:
            j = i
            while True:
                if key in lex.ar_forms and (best is None or best[0] < j):
                    best = (j, pre, lex.ar_forms[key])
                if j + 1 >= len(toks) or key not in lex.ar_prefixes:
                    break
                gap = text[toks[j].end : toks[j + 1].start]
                if len(gap) > 3 or any(c not in " \u00a0/" for c in gap):
                    break
                sep = "/" if "/" in gap else " "
                w = toks[j + 1].norm
                alts = [key + sep + w] + ([key + sep + w[2:]] if w.startswith("ال") and len(w) > 4 else [])
                nxt = next((k for k in alts if k in lex.ar_forms or k in lex.ar_prefixes), None)
                if nxt is None:
                    break
                key, j = nxt, j + 1
    return best


def _number_before_ar(text: str, qs: list[Quantity], s: int) -> Quantity | None:
    for q in qs:
        if q.end <= s:
            gap = normalize_ar(text[q.end : s]).strip(" \u00a0-")
            if gap in ("", _AR_FROM) and len(text[q.end : s]) <= 6 and not q.name and not q.vague:
                return q
    return None


def pair_mentions(ctx: PairContext, lex: Lexicon | None = None) -> list[tuple[Mention, Mention, str]]:
    """English and Arabic unit mentions paired: (english, arabic, verdict), verdict "same" (the
    same or a compatible unit), "converted" (a correct conversion into another unit) or
    "changed" (another unit of the same dimension: the check's flag). The numbers check may
    read the "converted" pairs to leave a converted number alone."""
    lex = lex or load_units()
    en = en_mentions(ctx, lex)
    if not en:
        return []
    ar = ar_mentions(ctx, lex)
    if not ar:
        return []
    p = ctx.pair
    en_len = max(1, p.en_end - p.en_start)
    ar_len = max(1, p.ar_end - p.ar_start)
    links = {(lk.en, lk.ar) for lk in ctx.links}

    def linked(e: Mention, a: Mention) -> bool:
        return any((x, y) in links for x in e.toks for y in a.toks)

    def shift(e: Mention, a: Mention) -> float:
        return abs((e.start - p.en_start) / en_len - (a.start - p.ar_start) / ar_len)

    def same_value(e: Mention, a: Mention) -> bool:
        return e.value is not None and a.value is not None and _close(e.value, a.value)

    used: set[int] = set()
    done: set[int] = set()
    out: list[tuple[Mention, Mention, str]] = []

    def take(pred, verdict: str) -> None:
        for i, e in enumerate(en):
            if i in done:
                continue
            cands = [k for k, a in enumerate(ar) if k not in used and a.unit.dimension == e.unit.dimension
                     and (not a.ambiguous or linked(e, a)) and pred(e, a)]
            if cands:
                k = min(cands, key=lambda k: (not linked(e, ar[k]), not same_value(e, ar[k]), shift(e, ar[k])))
                used.add(k)
                done.add(i)
                out.append((e, ar[k], verdict))

    # 1. the same unit (or a compatible one) for the same number, or in the same place
    take(lambda e, a: compatible(e.unit, a.unit) and (same_value(e, a) or linked(e, a)), "same")
    take(lambda e, a: compatible(e.unit, a.unit) and (e.value is None) == (a.value is None), "same")
    # 2. a correct conversion: a free but faithful rendering
    take(lambda e, a: not compatible(e.unit, a.unit) and converts(e, a), "converted")
    take(lambda e, a: compatible(e.unit, a.unit), "same")

    # 3. what is left: a different unit of the same dimension in the same position
    def lone(e: Mention, a: Mention) -> bool:
        rest_e = [x for i, x in enumerate(en) if i not in done and x.unit.dimension == e.unit.dimension]
        rest_a = [x for k, x in enumerate(ar) if k not in used and x.unit.dimension == e.unit.dimension]
        return len(rest_e) == 1 and len(rest_a) == 1 and shift(e, a) <= _MAX_SHIFT

    def wrong(e: Mention, a: Mention) -> bool:
        if compatible(e.unit, a.unit) or e.year or a.year:
            return False
        if (e.value is None) != (a.value is None):
            return False  # the conversion cannot be checked
        if e.value is None and not a.per:
            return linked(e, a)  # "per litre": the Arabic must read as a rate too («لكل لتر»، «للتر»)
        return same_value(e, a) or linked(e, a) or lone(e, a)

    take(wrong, "changed")
    return out


class UnitsCheck(Check):
    name: ClassVar[str] = "units"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset()

    def run(self, ctx: PairContext) -> list[Flag]:
        return [self._flag(ctx, e, a) for e, a, verdict in pair_mentions(ctx) if verdict == "changed"]

    def _flag(self, ctx: PairContext, e: Mention, a: Mention) -> Flag:
        p = ctx.pair
        ue, ua = e.unit, a.unit
        target = ue.ar_pl if a.plural else ue.ar_sg
        prefix = "" if target.startswith("في ") else a.prefix
        if prefix.endswith("لل") and target.startswith("ل"):
            prefix = prefix[:-1]  # ل + اللتر is written «للتر»
        suggestion = prefix + target
        if prefix.endswith(("ال", "لل")) and " " in target:
            w1, rest = target.split(" ", 1)
            suggestion = prefix + w1 + " " + " ".join(w if w.startswith("ال") else "ال" + w for w in rest.split())
        en_txt = p.en_text[e.start : e.end]
        ar_txt = p.ar_text[a.start : a.end]
        return self.flag(
            "number-date", "major",
            f"unit differs: English '{en_txt}' ({ue.id}) but Arabic «{ar_txt}» ({ua.id}); the quantity changes",
            ar=(a.start, a.end), en=(e.start, e.end), suggestion=suggestion,
        )
