"""Omission: an English word that carries information the Arabic drops.

Typical news cases: a modifier dropped ("net profit" → «أرباحها», "preliminary study" →
«دراسة», "Ukrainian drone attack" → «هجوم بطائرة بدون طيار»), a scope dropped ("in mice",
so an animal result reads as a human one; "people with chronic conditions" left out of a
list of risk groups).

A word left out is not always information lost: a free but faithful rendering restructures,
and word aligners and dictionaries both have gaps. On the development corpora an open-class
test (an English content word with no link, no dictionary translation in the Arabic, no Arabic
word of the family of one, and a low best similarity) flags faithful pairs at every
similarity threshold ("hit the ground running", "lock in", "court" in "the ball is in their
court"), so the check flags only two closed classes it can be sure of:

1. **Qualifiers** (``corpora/lexicons/omission.tsv``, kind ``qualifier``): words that narrow
   or qualify the claim (preliminary, net, gross, in mice, civilian, partial, mostly,
   chronic, suspected…), each with its usual Arabic renderings in the lexicons' term syntax.
   Flagged when the Arabic pair has none of them and no word whose own dictionary glosses
   are the English word (``glosses_as``; stricter than ``dictionary.is_translation``, which
   matches dictionary keys and reads «شركة», company, as "net" through «شرك», a trap). A
   word link is not trusted as a rendering: e5 links "preliminary" to «تجريبياً»
   (experimental). Some entries count only as a modifier, right before an English content
   word ("net profit", not "into the net"). Severity from the lexicon.
2. **Demonyms** (Ukrainian, Sudanese, Syrian: ``translit.is_demonym``), the agent or the
   nationality of a news sentence. Flagged, major, unless an Arabic word translates it
   (``dictionary.is_translation``), sounds like it or its stem once a nisba ending is off
   (``translit.name_similarity`` ≥ ``DEMONYM_SOUND``: «الأوكرانية»، «أوكرانيا»), or is a proper
   noun linked to it or whose best match it is (a capital for its country: «كييف» for
   "Ukrainian"), and unless it describes a named person ("Russian President Vladimir Putin"
   → «بوتين» is routine).

Left alone: words other checks own — hedges and attribution (modality.tsv: likely,
allegedly, claims), approximators and bounds (degree.tsv), negations (polarity_en.tsv), status
words (former, interim: status-words), numbers; function words, reporting and light verbs
and words Arabic news leaves implicit (kind ``never`` in the lexicon); English names (a name
missing altogether is not flagged: names are often replaced by a description or a pronoun —
"Nexa said" → «وقالت الشركة» — and exonyms and months do not sound like their Arabic);
words inside a listed idiom (the idioms check's).

Spans: the English span is the word; the Arabic span is the rendering of the nearest English
content word (within ``NEIGHBOUR_MAX`` tokens, the right one first on a tie) that has one —
a strong word link or one the dictionaries do not contradict, else an Arabic word whose
glosses are that word, else a weak link — the place the dropped word
belonged: «أرباحها» for "net profit", «مقاومة» for "resistance in mice". Without such a
neighbour the flag has only an English span: the pair is still flagged (detection), but the
span metrics of ``align.evaluate``, which match flags to gold errors by Arabic span only, do
not count it.

Pairs whose Arabic side is mostly Latin script are skipped (latin-script's), and an English
word left as it is in the Arabic is not omitted. Works without word links (neighbours are then
found by dictionary), so it needs nothing but the tokens. Cost: a lexicon scan and a few cached dictionary look-ups a pair, no encoder call
(~0.3 ms a pair once the dictionary tables are loaded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from .. import dictionary as dic
from .. import translit as tl
from ..lexicon import en_lemma, is_en_content
from ..polarity import LEXICON_DIR, Term, TermIndex, en_forms, load_degree, load_modality, load_polarity, parse_term, read_tsv
from ..records import Flag, Severity
from ..segment import is_arabic
from .base import Check, PairContext
from .names import english_names

LEXICON = "omission.tsv"
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
NEIGHBOUR_MAX = 4  # how far (in English tokens) the anchor of the Arabic span may be
STRONG_LINK = 0.85  # a word link this strong is trusted as a neighbour's rendering without the dictionaries
DEMONYM_SOUND = 0.80  # an Arabic word (nisba ending off) sounding this much like the demonym or its stem renders it
MIN_LEN = 3

# Titles between a demonym and a name: the demonym then describes the person
TITLES = frozenset("""president minister leader king queen prince princess ambassador spokesman spokeswoman
    spokesperson envoy commander general chief premier chancellor emir sheikh senator governor mayor
    official diplomat negotiator coach captain player striker midfielder defender goalkeeper runner
    champion singer actor author writer director activist journalist lawyer judge pope cardinal
    president-elect counterpart""".split())

@dataclass(frozen=True)
class Qualifier:
    en: str  # the lexicon term (lemma* or a word)
    ar: tuple[Term, ...]
    severity: Severity
    modifier: bool  # counts only right before an English content word
    note: str = ""


@dataclass(frozen=True)
class Lexicon:
    qualifiers: dict[str, Qualifier]  # every English form -> its entry
    never: frozenset[str]  # English forms never flagged (own list and other checks' words)
    ar_index: TermIndex  # Arabic renderings, payload = the English term


def _forms(term: str) -> frozenset[str]:
    return en_forms(term[:-1]) if term.endswith("*") else frozenset({term})


def _others_words() -> set[str]:
    """English words the modality, degree and polarity lexicons and the status-words check own."""
    from .status_words import EN_STATUS, STATUS

    out: set[str] = set()
    terms = [e.term for e in load_modality() if e.lang == "en"] + [e.term for e in load_degree() if e.lang == "en"]
    terms += [e.term for e in load_polarity("en")]
    for t in terms:
        for w in t.words:
            out |= _forms(w)
    for en, _gloss, _sev in STATUS.values():
        out |= set(en)
    out |= set(EN_STATUS)
    return out


@cache
def load_lexicon() -> Lexicon:
    quals: dict[str, Qualifier] = {}
    never: set[str] = set()
    items = []
    for row in read_tsv(LEXICON_DIR / LEXICON):
        kind, en = row["kind"], row["en"].lower()
        if kind == "never":
            never |= _forms(en)
        elif kind == "qualifier":
            sev = row["severity"]
            if sev not in ("minor", "major"):
                raise ValueError(f"{LEXICON}: severity {sev!r} for {en!r}")
            ar = tuple(parse_term(a, "ar") for a in row["ar"].split("|") if a.strip())
            q = Qualifier(en, ar, sev, row.get("context") == "modifier", row.get("note", ""))  # type: ignore[arg-type]
            for f in _forms(en):
                quals[f] = q
            items += [(t, "qualifier", en) for t in ar]
        else:
            raise ValueError(f"{LEXICON}: unknown kind {kind!r} for {en!r}")
    clash = never & set(quals)
    if clash:
        raise ValueError(f"{LEXICON}: both never and qualifier: {', '.join(sorted(clash))}")
    # the other checks' words, less those this lexicon claims as qualifiers (status-words reads
    # "temporary" only to support an Arabic «المؤقت», never flags it dropped)
    never |= _others_words() - set(quals)
    return Lexicon(quals, frozenset(never), TermIndex("ar", items))


@dataclass(frozen=True)
class Candidate:
    i: int  # first English token
    j: int  # last English token (inclusive)
    kind: str  # "qualifier" | "demonym"
    severity: Severity
    why: str


class Omission(Check):
    name: ClassVar[str] = "omission"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset()

    def run(self, ctx: PairContext) -> list[Flag]:
        if not ctx.en_tokens or len(_ar_words(ctx)) < 0.5 * len(ctx.ar_tokens) or not ctx.ar_tokens:
            return []  # no Arabic (or mostly Latin script): untranslated text is latin-script's
        flags = []
        for c in candidates(ctx):
            en_span = (ctx.en_tokens[c.i].start, ctx.en_tokens[c.j].end)
            ar_span = anchor_span(ctx, c.i, c.j)
            words = ctx.en_span_text(c.i, c.j)
            where = f" near «{ctx.pair.ar_text[ar_span[0]:ar_span[1]]}»" if ar_span else ""
            flags.append(self.flag("omission", c.severity, f"'{words}' is not rendered in the Arabic{where}: {c.why}",
                                   ar=ar_span, en=en_span))
        return flags


# ---------------------------------------------------------------------------------------
# candidates


def _idiom_tokens(ctx: PairContext) -> set[int]:
    if ctx.resources is None or not getattr(ctx.resources, "idioms", None):
        return set()
    from ..idioms import find_in_en

    have = set()
    for t in ctx.en_tokens:
        lem = en_lemma(t.norm)
        have |= {t.norm, lem, lem + "e"}
    out: set[int] = set()
    for idiom in ctx.resources.idioms:
        if idiom.lemmas[0] not in have:
            continue
        for a, b in find_in_en(idiom, ctx.en_tokens):
            out.update(range(a, b + 1))
    return out


def _ar_words(ctx: PairContext) -> list[int]:
    return [i for i, t in enumerate(ctx.ar_tokens) if is_arabic(t.text)]


def candidates(ctx: PairContext) -> list[Candidate]:
    lex = load_lexicon()
    toks = ctx.en_tokens
    name_tok = {n.j for n in english_names(ctx)[0]}
    ar_idx = _ar_words(ctx)
    rendered_terms = {h.payload for h in lex.ar_index.find(ctx.ar_tokens)}
    latin = {t.text.lower() for t in ctx.ar_tokens if not is_arabic(t.text)}  # left in English: not omitted
    out: list[Candidate] = []
    for j, t in enumerate(toks):
        w = t.text
        norm = t.norm
        if j in name_tok or not w.isalpha() or len(w) < MIN_LEN or w.lower() in latin or norm in lex.never:
            continue
        q = lex.qualifiers.get(norm)
        if q is not None:
            if q.modifier and not _before_content(toks, j):
                continue
            if q.en in rendered_terms or any(glosses_as(ctx.ar_tokens[i].text, w) for i in ar_idx):
                continue
            out.append(Candidate(j, j, "qualifier", q.severity, q.note or "a qualifier of the claim"))
            continue
        if w[0].isupper() and tl.is_demonym(w):
            if _describes_name(toks, j, name_tok) or _demonym_rendered(ctx, j, ar_idx):
                continue
            out.append(Candidate(j, j, "demonym", "major", "who or where is no longer said"))
    if out:  # words of a listed idiom are the idioms check's ("think tank", "red tape")
        skip = _idiom_tokens(ctx)
        out = [c for c in out if not skip & set(range(c.i, c.j + 1))]
    return out


def _describes_name(toks, j: int, name_tok: set[int]) -> bool:
    """The demonym describes a named person ("Russian President Vladimir Putin", "North Korean
    leader Kim Jong Un"): Arabic news routinely names the person alone."""
    for k in range(j + 1, min(len(toks), j + 5)):
        if k in name_tok:
            return k == j + 1 or toks[k - 1].norm in TITLES
        if not toks[k].text.isalpha():
            return False
    return False


def _before_content(toks, j: int) -> bool:
    return j + 1 < len(toks) and toks[j + 1].text.isalpha() and is_en_content(toks[j + 1].norm)


def glosses_as(ar_word: str, en_word: str) -> bool:
    """The Arabic word's own dictionary glosses include the English word (or a word of its
    family). Stricter than ``dictionary.is_translation``, which also matches dictionary keys
    and so reads «شركة» (company) as "net" through «شرك» (a trap, a net)."""
    glosses = dic.ar_glosses(ar_word)
    if not glosses:
        return False
    lemmas = dic.en_lemmas(en_word)
    return bool(glosses & lemmas) or any(dic.related_lemmas(g, lm) for g in glosses for lm in lemmas)


def _demonym_rendered(ctx: PairContext, j: int, ar_idx: list[int]) -> bool:
    """A dictionary translation (أوكراني), a word sounding like the demonym or its country
    (الأوكرانية، أوكرانيا), or a proper noun linked to it or whose most similar English word
    it is (a capital for its country: «كييف» for "Ukrainian")."""
    w = ctx.en_tokens[j].text
    if any(dic.is_translation(ctx.ar_tokens[i].text, w) for i in ar_idx):
        return True
    near = {lk.ar for lk in ctx.en_links(j)}
    if ctx.sim is not None and ctx.sim.shape == (len(ctx.ar_tokens), len(ctx.en_tokens)):
        near |= {i for i in ar_idx if int(ctx.sim[i].argmax()) == j}  # Arabic words whose best match it is
    if any(is_arabic(ctx.ar_tokens[i].text) and any(r.proper for r in tl.analyze(ctx.ar_tokens[i].text)) for i in near):
        return True
    forms = {w}
    low = w.lower()
    for suf in ("ian", "an", "ese", "ish", "i", "n"):
        if low.endswith(suf) and len(low) - len(suf) >= 3:
            forms.add(w[: -len(suf)])
    if low.endswith("ish") and len(low) > 4:  # Irish → Ireland, Polish → Poland
        forms |= {w[:-3] + "land", w[:-3] + "eland"}
    return any(tl.name_similarity(f, b) >= DEMONYM_SOUND for i in ar_idx for b in _nisba_bases(ctx.ar_tokens[i].text) for f in forms)


_NISBA = ("يتين", "يتان", "يين", "يون", "يان", "يات", "ية", "يه", "ي")


def _nisba_bases(word: str) -> set[str]:
    """The word, and without a nisba ending, also with a final alef (الأوكرانية → الأوكران،
    الأوكرانا): what a demonym's country stem is compared with."""
    w = _MARKS.sub("", word)
    out = {w}
    for s in _NISBA:
        if w.endswith(s) and len(w) - len(s) >= 3:
            out |= {w[: -len(s)], w[: -len(s)] + "ا"}
            break
    return out


# ---------------------------------------------------------------------------------------
# spans


def anchor_span(ctx: PairContext, i: int, j: int) -> tuple[int, int] | None:
    """The Arabic rendering of the nearest English content word (within ``NEIGHBOUR_MAX``
    tokens, the right one first on a tie) that has one: a strong word link or one the
    dictionaries do not contradict, else an Arabic word whose glosses are that word. This is
    where the dropped words belonged. Failing that, the nearest neighbour's weak link."""
    toks = ctx.en_tokens
    linked: dict[int, list[tuple[int, float]]] = {}
    for lk in sorted(ctx.links, key=lambda lk: -lk.score):
        if is_arabic(ctx.ar_tokens[lk.ar].text):
            linked.setdefault(lk.en, []).append((lk.ar, lk.score))
    ar_idx = _ar_words(ctx)
    fallback = None
    for d in range(1, NEIGHBOUR_MAX + 1):
        for k in (j + d, i - d):
            if not 0 <= k < len(toks) or not toks[k].text.isalpha() or not is_en_content(toks[k].norm):
                continue
            links = linked.get(k, [])
            ars = [a for a, sc in links if sc >= STRONG_LINK or dic.is_translation(ctx.ar_tokens[a].text, toks[k].text) is not False]
            if not ars:
                ars = [a for a in ar_idx if glosses_as(ctx.ar_tokens[a].text, toks[k].text)]
            if ars:
                a = ars[0]  # the strongest link, or the first word glossed so
                return ctx.ar_tokens[a].start, ctx.ar_tokens[a].end
            if links and fallback is None:
                fallback = links[0][0]
    if fallback is not None:
        return ctx.ar_tokens[fallback].start, ctx.ar_tokens[fallback].end
    return None
