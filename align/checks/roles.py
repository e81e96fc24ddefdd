"""Roles: the agent and the object of a verb swapped between English and Arabic.

"Israel accused Iran" → «اتهمت إيران إسرائيل» (Iran accused Israel). Arabic news prose is
VSO or SVO: the first bare (unprepositioned) noun phrase after the verb is its subject, and a
name before the verb is its subject; an agent phrase («من قبل»، «على يد»، «من جانب»،
«بواسطة») marks the agent of a passive («اتُّهمت إيران من قبل إسرائيل» = Iran was accused by
Israel).

English clauses read: ``A [aux/adverbs] verb B`` and the passive ``B was/were/is/are/has
been … verb-ed by A``, where A and B are names (``names.english_names``; "North Korea",
"Kim Jong Un" are one name) and the verb is not symmetric (meet, talk, play, face… have no
agent to swap). A possessive ("Israel's leader accused …") or a preposition before A
("talks with Israel …") leaves the clause out.

The Arabic words for A and B are found by sound (``translit.best_reading`` ≥ 0.8), by a
Buckwalter proper-noun gloss (الصين = China), by a few translated names (United States =
«الولايات المتحدة») or by a word link confirmed by sound; a name of the form North/South X
must be followed by the matching direction word. The Arabic verb is the word linked to the
English verb, else one whose Buckwalter verb gloss is the English verb, else the verb-like
word right before the first name (VSO) or between the names (SVO).

Flag (``mistranslation``, major) when the Arabic's agent is B and A is present but not
marked as agent; the span covers both names (and the verb between them), the suggestion puts
them back in order (verb, A, B). Coordinated names («إيران وإسرائيل»), a name that matches
both A and B, or an Arabic structure the rules cannot read leave the pair unflagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .. import translit as tl
from ..lexicon import AR_STOPWORDS, EN_STOPWORDS
from ..normalize import normalize_ar
from ..polarity import (
    antonym_index,
    ar_cores,
    ar_glossing,
    ar_stem_keys,
    en_forms,
    en_verb_lemma,
    is_irregular_form,
    linked_ar,
)
from ..records import Flag, Token
from .base import Check, PairContext
from .names import english_names

NAME_MIN = 0.8
LINKED_NAME_MIN = 0.6
WINDOW = 6  # tokens after the Arabic verb in which the two names are read

_SYMMETRIC = frozenset(f for v in """meet talk speak negotiate play face draw tie clash marry resemble border
    rival partner befriend debate agree embrace hug greet kiss join host visit""".split() for f in en_forms(v)) | {
    "spoke", "met", "drew", "tied"}
_EN_AUX = frozenset("""has have had will would could should may might must can did does do also had already
    recently reportedly allegedly repeatedly previously then now again on""".split())
_EN_BE = frozenset("is are was were be been being".split())
_EN_BEFORE_SUBJECT_BAD = frozenset("""by of from to with against on in for at between into about over after
    before than and or nor as like toward towards""".split())
_AR_PREPS = frozenset(normalize_ar(w) for w in """من على إلى الى عن مع في ضد لدى بين نحو حول تجاه عبر بحق
    أمام إزاء لصالح""".split())
_AR_AGENT_MARKERS = (("من", "قبل"), ("على", "يد"), ("من", "جانب"), ("بواسطة",))
_TRANSLATED = {
    "united states": ("الولايات المتحدة", "أمريكا", "أميركا", "واشنطن"),
    "united kingdom": ("المملكة المتحدة", "بريطانيا"),
    "united nations": ("الأمم المتحدة",),
    "european union": ("الاتحاد الأوروبي",),
    "saudi arabia": ("السعودية", "المملكة العربية السعودية"),
    "white house": ("البيت الأبيض",),
    "united arab emirates": ("الإمارات",),
    "south africa": ("جنوب أفريقيا", "جنوب إفريقيا"),
}
_DIRECTIONS = ("north", "south", "east", "west")
# Converse verbs: "France beat England" = «خسرت إنجلترا أمام فرنسا» (England lost to France).
# An Arabic verb of the other direction keeps the facts with the roles reversed. Rows of
# antonyms.tsv (win/lose, buy/sell…) count too.
_CONVERSES: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = (
    (frozenset("""beat defeat overcome edge thrash crush rout top down eliminate outplay outscore trounce hammer
        oust""".split()), ("خسر~", "انهزم~", "سقط~", "أقصي~", "ودع~", "تلقى~", "مني~", "خرج~")),
    (frozenset("sell".split()), ("اشترى~", "شراء~")),
    (frozenset("buy purchase acquire".split()), ("باع~", "بيع~")),
    (frozenset("give hand send gift award grant lend supply provide".split()),
     ("تلقى~", "تسلم~", "استلم~", "حصل~", "اقترض~", "نال~")),
    (frozenset("receive get obtain borrow".split()), ("أعطى~", "منح~", "سلم~", "أرسل~", "أهدى~", "أقرض~")),
    (frozenset("precede".split()), ("تلا~", "أعقب~", "تبع~")),
    (frozenset("follow".split()), ("سبق~",)),
    (frozenset("lead".split()), ("تأخر~", "متأخر~")),
    (frozenset("trail".split()), ("تقدم~", "متقدم~")),
)


@dataclass
class _Clause:
    agent: list[int]  # English token indices of A
    patient: list[int]  # of B
    verb: int


def _name_groups(ctx: PairContext) -> list[list[int]]:
    """English names (``names.english_names``) plus a capitalised word opening a sentence
    that the names check leaves out as a common word ("Trump", "China"): whether it is a
    name is decided by its Arabic match."""
    _, groups = english_names(ctx)
    toks = ctx.en_tokens
    taken = {k for g in groups for k in g}
    text = ctx.pair.en_text
    for k, t in enumerate(toks):
        if k in taken or not t.text[:1].isupper() or not t.text.isalpha() or t.norm in EN_STOPWORDS:
            continue
        before = text[ctx.pair.en_start : t.start].rstrip(" \"'“‘«(")
        if before and before[-1] not in ".!?:;":
            continue
        g = [k]
        nxt = next((x for x in groups if x[0] == k + 1), None)
        if nxt is not None:
            groups.remove(nxt)
            g += nxt
        groups.append(g)
    return sorted(groups)


def _en_clauses(ctx: PairContext) -> list[_Clause]:
    groups = _name_groups(ctx)
    toks = ctx.en_tokens
    text = ctx.pair.en_text
    out: list[_Clause] = []

    def gap_ok(a: int, b: int) -> bool:
        """No punctuation between tokens a and b."""
        between = text[toks[a].end : toks[b].start]
        return not any(ch in between for ch in ",;:.!?()\"“”«»—–")

    for ga in groups:
        for gb in groups:
            if gb[0] <= ga[-1] or gb[0] - ga[-1] > 6:
                continue
            if " ".join(toks[k].norm for k in ga) == " ".join(toks[k].norm for k in gb):
                continue
            zone = list(range(ga[-1] + 1, gb[0]))
            if not zone or not gap_ok(ga[-1], gb[0]):
                continue
            norms = [toks[k].norm for k in zone]
            after_b = toks[gb[-1] + 1].norm if gb[-1] + 1 < len(toks) else ""
            if after_b == "'s" or norms[0] == "'s":
                continue
            # passive: B [has/have/had] (was|were|is|are|been|being) verb-ed by [the] A  -> here ga is B
            if "by" in norms and any(n in _EN_BE for n in norms):
                by = zone[norms.index("by")]
                vk = by - 1
                if vk in zone and toks[vk].norm not in _EN_BE and toks[vk].norm.endswith(("ed", "en", "wn")) \
                        and all(toks[k].norm in _EN_BE | _EN_AUX for k in range(ga[-1] + 1, vk)) \
                        and all(toks[k].norm in ("the", "a") for k in range(by + 1, gb[0])):
                    if toks[vk].norm not in _SYMMETRIC:
                        out.append(_Clause(agent=gb, patient=ga, verb=vk))
                continue
            # active: A [aux/adverbs] verb B
            vk = zone[-1]
            v = toks[vk].norm
            if v in EN_STOPWORDS or v in _SYMMETRIC or not toks[vk].text.isalpha() or not toks[vk].text.islower():
                continue
            if not all(toks[k].norm in _EN_AUX or toks[k].norm.endswith("ly") for k in zone[:-1]):
                continue
            if not (v.endswith(("ed", "s")) or en_verb_lemma(v) != v or is_irregular_form(v)
                    or any(toks[k].norm in _EN_AUX for k in zone[:-1])):
                continue
            before = toks[ga[0] - 1].norm if ga[0] else ""
            if before in _EN_BEFORE_SUBJECT_BAD or before == "'s":
                continue
            out.append(_Clause(agent=ga, patient=gb, verb=vk))
    return out


class RolesCheck(Check):
    name: ClassVar[str] = "roles"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset()

    def run(self, ctx: PairContext) -> list[Flag]:
        if not ctx.ar_tokens or not ctx.en_tokens:
            return []
        flags: list[Flag] = []
        for c in _en_clauses(ctx):
            f = self._check(ctx, c)
            if f:
                flags.append(f)
                break  # one reversed clause per pair is enough to send it to review
        return flags

    # -- Arabic side
    def _matches(self, ctx: PairContext, group: list[int]) -> dict[int, tuple[str, int]]:
        """Arabic renderings of the English name ``group``: first token -> (the proclitic
        letters in front of the name (و، ب، ل…), last token of the name)."""
        toks = ctx.en_tokens
        words = [toks[k].norm for k in group]
        full = " ".join(words)
        cache = ctx.extra.setdefault("roles.matches", {})
        if full in cache:
            return cache[full]
        found: dict[int, str] = {}
        direction = next((d for d in _DIRECTIONS if d in words), None)
        for name, ar_forms in _TRANSLATED.items():
            if full.endswith(name):
                for form in ar_forms:
                    found.update(_find_seq(ctx.ar_tokens, form.split()))
        if found:
            direction = None  # «الولايات المتحدة», «جنوب أفريقيا»: the direction is in the name
        else:
            for k in group:
                w = toks[k]
                if w.norm in _DIRECTIONS or len(w.norm) < 2:
                    continue
                linked = set(linked_ar(ctx.links, (k, k)))
                for i, at in enumerate(ctx.ar_tokens):
                    if normalize_ar(at.text) in AR_STOPWORDS:
                        continue  # «كما» is not Kim
                    sim, off = tl.best_reading(w.text, at.text)
                    if sim >= NAME_MIN or (i in linked and sim >= LINKED_NAME_MIN):
                        found.setdefault(i, _proclitic(normalize_ar(at.text)[:off]))
                    else:
                        cl = _proper_gloss(at.text, w.norm)
                        if cl is not None:
                            found.setdefault(i, cl)
        runs = _runs(sorted(found))
        if direction:
            runs = {i: d for i in runs if (d := _direction_after(ctx.ar_tokens, runs[i], direction)) is not None}
        out = {i: (found[i], end) for i, end in runs.items()}
        cache[full] = out
        return out

    def _check(self, ctx: PairContext, c: _Clause) -> Flag | None:
        ar = ctx.ar_tokens
        a_cands, b_cands = self._matches(ctx, c.agent), self._matches(ctx, c.patient)
        if not a_cands or not b_cands or set(a_cands) & set(b_cands):
            return None
        clitic = {i: cl for i, (cl, _) in (a_cands | b_cands).items()}
        ends = {i: e for i, (_, e) in (a_cands | b_cands).items()}
        verbs = self._ar_verbs(ctx, c, list(a_cands) + list(b_cands))
        best = None
        for v in verbs:
            ia = min(a_cands, key=lambda i: abs(i - v))
            ib = min(b_cands, key=lambda i: abs(i - v))
            if abs(ia - v) > WINDOW or abs(ib - v) > WINDOW:
                continue
            key = abs(ia - v) + abs(ib - v)
            if best is None or key < best[0]:
                best = (key, v, ia, ib)
        if best is None:
            return None
        _, v, ia, ib = best
        if _coordinated(ar, ia, clitic[ia]) or _coordinated(ar, ib, clitic[ib]):
            return None
        agent = self._ar_agent(ar, v, ia, ib, clitic)
        if agent != ib or _converse(ctx.en_tokens[c.verb], ar[v]):
            return None
        lo, hi = min(ia, ib, v), max(ia, ib, v)
        en_lo, en_hi = min(c.agent[0], c.patient[0]), max(c.agent[-1], c.patient[-1])
        ea, eb = ends[ia], ends[ib]
        hi = max(hi, ea, eb)  # a name that runs on (كوريا الشمالية)
        a_text, b_text = ctx.ar_span_text(ia, ea), ctx.ar_span_text(ib, eb)
        en_a = ctx.en_span_text(c.agent[0], c.agent[-1])
        en_b = ctx.en_span_text(c.patient[0], c.patient[-1])
        verb_text = ctx.en_tokens[c.verb].text
        suggestion = None
        if v < min(ia, ib) and not _prep_marked(ar, ia, clitic[ia]) and not _prep_marked(ar, ib, clitic[ib]):
            suggestion = f"{ar[v].text} {_bare(a_text, clitic[ia])} {_bare(b_text, clitic[ib])}"
        return self.flag(
            "mistranslation", "major",
            f"roles reversed: in the English {en_a} {verb_text} {en_b}, but in the Arabic «{b_text}» is the "
            f"subject and «{a_text}» the object",
            ar=(ar[lo].start, ar[hi].end), en=(ctx.en_tokens[en_lo].start, ctx.en_tokens[en_hi].end),
            suggestion=suggestion,
        )

    def _ar_verbs(self, ctx: PairContext, c: _Clause, names: list[int]) -> list[int]:
        """Candidate Arabic verbs for the English verb, best evidence first."""
        verb = ctx.en_tokens[c.verb].text
        glossed_any = set(ar_glossing(ctx.ar_tokens, verb))  # a masdar («استقبال») renders a verb too
        linked = [i for i in linked_ar(ctx.links, (c.verb, c.verb))
                  if i not in names and (_verb_like(ctx.ar_tokens[i].text) or i in glossed_any)]
        glossed = [i for i in ar_glossing(ctx.ar_tokens, verb, verbs_only=True) if i not in names]
        if linked or glossed:
            return list(dict.fromkeys(glossed + linked))
        first = min(names)
        out = []
        if first > 0 and _verb_like(ctx.ar_tokens[first - 1].text):
            out.append(first - 1)
        out += [i for i in range(first + 1, max(names)) if i not in names and _verb_like(ctx.ar_tokens[i].text)]
        return out

    @staticmethod
    def _ar_agent(ar: list[Token], v: int, ia: int, ib: int, clitic: dict[int, str]) -> int | None:
        """Which of the two names the Arabic makes the agent of verb v (None when unclear)."""
        ma, mb = _agent_marked(ar, ia), _agent_marked(ar, ib)
        if ma != mb:
            return ia if ma else ib
        if ma:
            return None
        before = [i for i in (ia, ib) if i < v]
        after = sorted(i for i in (ia, ib) if i > v)
        if len(before) == 1 and after:
            b = before[0]
            if v - b <= 3 and not _prep_marked(ar, b, clitic[b]):
                return b
            return None
        if len(after) == 2:
            first = after[0]
            if _prep_marked(ar, first, clitic[first]):
                return None
            if any(_verb_only(ar[k].text) for k in range(v + 1, first)):
                return None
            return first if first - v <= 3 else None
        return None


def _converse(en_verb: Token, ar_verb: Token) -> bool:
    """The Arabic verb says the English verb from the other side (beat / «خسر»)."""
    lemma = en_verb_lemma(en_verb.text)
    for en_set, ar_terms in _CONVERSES:
        if lemma in en_set and any(_ar_term_match(t, ar_verb) for t in ar_terms):
            return True
    en_sides = {h.payload for h in antonym_index("en").find([en_verb])}
    ar_sides = {h.payload for h in antonym_index("ar").find([ar_verb])}
    return any((row, "b" if side == "a" else "a") in ar_sides for row, side in en_sides)


def _ar_term_match(term: str, tok: Token) -> bool:
    return bool(ar_cores(tok.text) & ar_stem_keys(term.rstrip("~")))


def converse_order(ctx: PairContext, en_k: int, ar_k: int) -> bool:
    """The names on either side of English word ``en_k`` stand in the other order around its
    Arabic counterpart ``ar_k`` ("France won against England" / «خسرت إنجلترا أمام فرنسا»): a
    converse rendering, which keeps the facts. Used by the polarity check before it calls an
    antonym a flip."""
    groups = _name_groups(ctx)
    before = [g for g in groups if g[-1] < en_k]
    after = [g for g in groups if g[0] > en_k]
    if not before or not after:
        return False
    rc = RolesCheck()
    mx, my = rc._matches(ctx, before[-1]), rc._matches(ctx, after[0])
    if not mx or not my or set(mx) & set(my):
        return False
    ix = min(mx, key=lambda i: abs(i - ar_k))
    iy = min(my, key=lambda i: abs(i - ar_k))
    return iy < ix


def _find_seq(tokens: list[Token], words: list[str]) -> dict[int, str]:
    """Where a multi-word Arabic name occurs, with the proclitic on its first word."""
    want = [normalize_ar(w) for w in words]
    out: dict[int, str] = {}
    for i in range(len(tokens) - len(want) + 1):
        clitic = ""
        for off, w in enumerate(want):
            t = normalize_ar(tokens[i + off].text)
            if t == w:
                continue
            if off == 0:
                pre = next((p for p in ("و", "ف", "ب", "ل", "وب", "ول") if t == p + w), None)
                if pre is None and t.startswith("لل") and w.startswith("ال") and t[2:] == w[2:]:
                    pre = "ل"
                if pre is not None:
                    clitic = pre
                    continue
            break
        else:
            out[i] = clitic
    return out


_BW_CLITICS = {"w": "و", "f": "ف", "b": "ب", "l": "ل", "k": "ك"}


def _proper_gloss(ar_word: str, en_norm: str) -> str | None:
    """The proclitics of a Buckwalter proper-noun reading glossed with the English name
    (الصين = China, وللصين = and + to + China), None when there is no such reading."""
    for a in tl.analyze(ar_word):
        if a.proper and en_norm in (g.lower() for g in a.gloss_words()):
            return _proclitic("".join(_BW_CLITICS.get(ch, "") for ch in a.prefix.replace("Al", "")))
    return None


def _proclitic(letters: str) -> str:
    """The conjunction/preposition letters of a stripped prefix, without the article."""
    if letters.endswith("ال"):
        letters = letters[:-2]
    elif letters.endswith("لل"):
        letters = letters[:-1]
    return letters


_DIRECTION_STEMS = {"north": "شمال", "south": "جنوب", "east": "شرق", "west": "غرب"}


def _direction_after(tokens: list[Token], i: int, direction: str) -> int | None:
    """Where the direction word follows the Arabic name ending at i (كوريا الشمالية for North
    Korea), None when it does not."""
    stem = _DIRECTION_STEMS[direction]
    return next((k for k in range(i + 1, min(len(tokens), i + 3)) if stem in normalize_ar(tokens[k].text)), None)


def _runs(idx: list[int]) -> dict[int, int]:
    """Adjacent matches are one multi-word name: first token -> last token of each run."""
    out: dict[int, int] = {}
    last = None
    for i in idx:
        if last is not None and i - out[last] <= 1:
            out[last] = i
            continue
        out[i] = i
        last = i
    return out


def _prep_marked(ar: list[Token], i: int, clitic: str) -> bool:
    """The name carries a preposition: a clitic (بإيران، لإيران) or a preposition before it."""
    if any(ch in clitic for ch in "بلك"):
        return True
    return i > 0 and normalize_ar(ar[i - 1].text).lstrip("و") in _AR_PREPS


def _coordinated(ar: list[Token], i: int, clitic: str) -> bool:
    """«وإسرائيل» or «و إسرائيل»: the name is coordinated, its role is shared."""
    return clitic.startswith("و") or (i > 0 and normalize_ar(ar[i - 1].text) == "و")


def _agent_marked(ar: list[Token], i: int) -> bool:
    """«من قبل X»، «على يد X»، «من جانب X»، «بواسطة X» (a title word may sit between)."""
    for marker in _AR_AGENT_MARKERS:
        n = len(marker)
        for gap in (0, 1, 2):
            s = i - gap - n
            if s < 0:
                continue
            if all(normalize_ar(ar[s + k].text).lstrip("و") == normalize_ar(marker[k]) for k in range(n)):
                return True
    return False


def _verb_like(word: str) -> bool:
    return any(a.pos.startswith("VERB") for a in tl.analyze(word))


def _verb_only(word: str) -> bool:
    readings = tl.analyze(word)
    return bool(readings) and all(a.pos.startswith("VERB") for a in readings)


def _bare(word: str, clitic: str) -> str:
    """The name without a conjunction (for the suggestion)."""
    if clitic[:1] in ("و", "ف") and len(word) > 3:
        return word[1:]
    return word
