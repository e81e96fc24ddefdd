"""Ordinary English words transliterated into the Arabic instead of translated.

Machine translation sometimes writes an English word it did not understand in Arabic
letters: "marked" → «مارك» (which then reads as the name Mark), "booked" → «بوكد».

Candidates (English side): alphabetic tokens of four letters or more, not stop words or
acronyms, written in lower case, or capitalised only because they open a sentence and
carrying an -ed/-ing ending on a common stem. Each is tried as written and as light lemmas
(-ed, -ing, -s, -es, -ies off; a doubled final consonant undone; an e restored), a lemma
kept only when it is an English word (Buckwalter gloss vocabulary or wordfreq zipf ≥ 3).

Match (Arabic side): an Arabic token whose sound skeleton matches one of those forms
(``translit.best_reading``, clitics tried off), through a form of three consonants or more
(shorter skeletons match by chance: come/«كيم»): similarity ≥ 0.85, or ≥ 0.75 when
``ctx.links`` links the two words; ≥ 0.9 when the Arabic token is linked to another English
word only; ≥ 0.95 when the token (clitics off) is a name Buckwalter knows («وبوتين» does
not render "obtain"). A token that renders an English name of the pair, is a Buckwalter name
glossed with a capitalised English word of the pair («والصين» = China, not "saying"), carries
the article ال while the English word has no "the", or matches another candidate better, is
left alone.

Decision — a match is a legitimate loanword, a native Arabic word that happens to sound
alike, or a transliteration artifact (flagged):

1. the English word is an -ed form (Arabic does not borrow English past forms) or an -ing
   form rendered by its bare stem: an artifact, unless the token is only a native word
   (below);
2. loanword: an ordinary (non-proper) Buckwalter analysis of the token is glossed with the
   English word (فيديو = video, الاستراتيجية = the + strategic, بنك = bank), or the word is
   on a small list of words Arabic borrows (video, bank, dollar, parliament, strategic…);
3. native: the analyser reads the token as an ordinary Arabic word whose gloss is unrelated
   to the English word (سعيد = happy for "said", دور = role for "door"): a coincidence of
   sound, not flagged. Readings with a pronoun suffix never count (مار + ك, passer-by +
   your, is not why «مارك» is there), readings with a proclitic only when the token is a
   common word (wordfreq zipf ≥ 3.5: و + لكن; not ب + وكد for «بوكد»);
4. loanword: the token is unknown to the analyser but established in Arabic text (wordfreq
   zipf ≥ 2: باليستية) and is not a name in arabnamer;
5. otherwise an artifact: the token is unknown to the analyser, or reads only as a name
   (مارك = Mark).

Flags: category ``untranslated``, severity ``major``, Arabic span = the token without its
clitics, English span = the word; no suggestion (no offline English→Arabic dictionary is
used here).
"""

from __future__ import annotations

from typing import ClassVar

from .. import translit as tl
from ..records import Flag
from ..segment import is_arabic
from .base import Check, PairContext
from .names import english_names

MATCH = 0.85
MATCH_LINKED = 0.75
MATCH_LINKED_ELSEWHERE = 0.9
ESTABLISHED_AR = 2.0  # wordfreq zipf of an unanalysable Arabic word in real use
COMMON_AR = 3.5  # a common Arabic word: its clitic readings (و + لكن) are real
MATCH_NAME = 0.95
MIN_CONSONANTS = 3  # shorter skeletons (come/كيم, meet/ميات) match by chance

_STOP = frozenset(
    """that this with from have were been they their there which would could should about
    after before into over than then them these those what when where while will said also
    more most some such very just only even much many each both other another because since
    until during against among between through without within upon your ours here does done
    being having make made like well back still must might shall same""".split()
)
# English words Arabic borrows (matched as prefixes of the English word or its lemma).
LOANWORDS = frozenset(
    """video internet television telephone telegraph radio film cinema camera computer
    laptop mobile online podcast email blog hashtag robot laser radar drone satellite bank
    dollar euro pound dinar million billion trillion kilomet kilogram meter metre liter
    litre gram hectare megawatt watt volt carbon oxygen hydrogen plastic nylon diesel
    benzine petrol turbine strateg tactic logistic technolog democra dictator diplomat
    bureaucra parliament congress protocol ideolog geopolit propaganda archive virus
    vaccine corona ballistic cyber digital electron dynamic mechanism scenario classic
    romantic drama olymp marathon festival opera theatre theater music guitar piano jazz
    golf tennis football hotel villa taxi metro pizza chocolate sandwich militia mafia
    commando colonel general captain admiral radical liberal fascis nazi imperialis marxis
    capitalis lobby veto format code platinum uranium plutonium biolog geograph physic
    psycholog sociolog academ catholic orthodox protestant""".split()
)


def lemma_forms(word: str) -> list[tuple[str, str]]:
    """``(form, kind)`` pairs: the word itself (kind "surface") and its light lemmas (kind
    "ed", "ing" or "s"), kept only when they are English words."""
    w = word.lower()
    out = [(w, "surface")]
    cands: list[tuple[str, str]] = []
    for suf, kind in (("ied", "ed"), ("ed", "ed"), ("ing", "ing"), ("ies", "s"), ("es", "s"), ("s", "s")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            if suf in ("ied", "ies"):
                cands.append((stem + "y", kind))
                continue
            cands.append((stem, kind))
            if suf in ("ed", "ing"):
                cands.append((stem + "e", kind))
                if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                    cands.append((stem[:-1], kind))
            break
    common = tl.en_common_words()
    for form, kind in cands:
        if form in common or tl.zipf_en(form) >= 3.0:
            out.append((form, kind))
    return out


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _gloss_matches(analysis: tl.Analysis, forms: list[str]) -> bool:
    """A gloss word is one of the forms, or shares a long prefix with one
    (strategic/strategy, democracy/democratic, videos/video)."""
    for g in analysis.gloss_words():
        g = g.lower()
        for f in forms:
            p = _shared_prefix(g, f)
            if g == f or (p >= 5 and p >= min(len(g), len(f)) - 3):
                return True
    return False


def _is_loanword(forms: list[str]) -> bool:
    return any(f.startswith(stem) for f in forms for stem in LOANWORDS if len(f) >= len(stem))


def classify(word: str, form: str, kind: str, reading: str, token: str) -> tuple[str, str]:
    """``(verdict, detail)`` for Arabic ``reading`` (``token`` without clitics) sounding like
    English ``word`` through ``form``: verdict "native", "loanword" or "artifact"; detail
    says how the Arabic reads ("the name Mark", "not an Arabic word")."""
    forms = [f for f, _ in lemma_forms(word)]
    analyses = tl.analyze(reading)
    related = any(not a.proper and _gloss_matches(a, forms) for a in analyses)
    common = max(tl.zipf_ar(reading), tl.zipf_ar(_letters(token))) >= COMMON_AR
    native = next((a for a in analyses if not a.proper and not _gloss_matches(a, forms) and not _pronoun_suffix(a)
                   and (not a.prefix or common)), None)
    names = [a.gloss.split(";")[0] for a in analyses if a.proper and a.bare]
    names += [n.capitalize() for n in tl.arabnamer_names_for(reading)]
    detail = f"reads as the name {names[0]}" if names else "" if analyses else "not an Arabic word"
    if kind == "ed" or (kind == "ing" and form != word.lower()):
        if native and not related:
            return "native", native.gloss
        return "artifact", detail
    if related or _is_loanword(forms):
        return "loanword", ""
    if native:
        return "native", native.gloss
    if not analyses and not names and max(tl.zipf_ar(reading), tl.zipf_ar(_letters(token))) >= ESTABLISHED_AR:
        return "loanword", ""
    return "artifact", detail


def _pronoun_suffix(a: tl.Analysis) -> bool:
    return "PRON" in a.suffix_pos or "_DO" in a.suffix_pos


def _letters(token: str) -> str:
    """The token's letters, marks dropped."""
    return tl.clitic_readings(token)[0][1]


class Transliterated(Check):
    name: ClassVar[str] = "transliterated"
    version: ClassVar[str] = "1"

    def run(self, ctx: PairContext) -> list[Flag]:
        en_toks, ar_toks = ctx.en_tokens, ctx.ar_tokens
        cands = [j for j in range(len(en_toks)) if self._candidate(ctx, j)]
        if not cands:
            return []
        arabic = [is_arabic(t.text) and len(_letters(t.text)) >= 3 for t in ar_toks]
        names = [en_toks[n.j].text for n in english_names(ctx)[0]]
        en_words = {t.norm for t in en_toks if t.text[:1].isupper()}
        linked: dict[int, set[int]] = {}
        for lk in ctx.links:
            linked.setdefault(lk.ar, set()).add(lk.en)

        # best (score, form, kind, strip) of every candidate on every Arabic token
        best: dict[tuple[int, int], tuple[float, str, str, int]] = {}
        for j in cands:
            forms = lemma_forms(en_toks[j].text)
            for i, ok in enumerate(arabic):
                if not ok:
                    continue
                top = (0.0, "", "", 0)
                for form, kind in forms:
                    if tl.consonant_count(form) < MIN_CONSONANTS:
                        continue
                    s, strip = tl.best_reading(form, ar_toks[i].text, MATCH_LINKED)
                    if s > top[0]:
                        top = (s, form, kind, strip)
                if top[0] >= MATCH_LINKED:
                    best[(j, i)] = top

        flags: list[Flag] = []
        done_ar: set[int] = set()
        for (j, i), (s, form, kind, strip) in sorted(best.items(), key=lambda kv: -kv[1][0]):
            if i in done_ar:
                continue
            links_i = linked.get(i, set())
            need = MATCH_LINKED if j in links_i else MATCH_LINKED_ELSEWHERE if links_i else MATCH
            if s < need:
                continue
            if any(best.get((j2, i), (0.0,))[0] > s for j2 in cands if j2 != j):
                continue
            tok = ar_toks[i]
            if any(tl.best_reading(n, tok.text, MATCH)[0] >= min(s, MATCH) for n in names):
                continue  # it renders a name of the pair
            reading = dict(tl.clitic_readings(tok.text)).get(strip, tok.text)
            if s < MATCH_NAME and any(a.proper and a.bare for _n, r in tl.clitic_readings(tok.text) for a in tl.analyze(r)):
                continue  # a known name needs a near-perfect match (mark/مارك, not obtain/بوتين)
            if _letters(tok.text)[:strip] in tl.ARTICLE_PREFIXES and not (j and en_toks[j - 1].norm == "the"):
                continue  # a noun with the article ال does not render a bare English word
            if any(a.proper and a.gloss_words() and en_words & {w.lower() for w in a.gloss_words()}
                   for a in tl.analyze(reading)):
                continue  # a known Arabic name for a name in the English (الصين = China)
            word = en_toks[j].text
            verdict, detail = classify(word, form, kind, reading, tok.text)
            if verdict != "artifact":
                continue
            done_ar.add(i)
            start = tok.start + tl.offset_after_letters(tok.text, strip)
            shown = ctx.pair.ar_text[start : tok.end]
            msg = f"the English word '{word}' is transliterated as «{shown}»"
            msg += f" ({detail})" if detail else ""
            msg += " instead of translated"
            flags.append(self.flag("untranslated", "major", msg, ar=(start, tok.end),
                                   en=self.tok_span(en_toks, j)))
        return flags

    def _candidate(self, ctx: PairContext, j: int) -> bool:
        w = ctx.en_tokens[j].text
        if len(w) < 4 or not w.isalpha() or (w.isupper() and len(w) > 1):
            return False
        low = w.lower()
        if low in _STOP:
            return False
        if w[0].isupper():
            before = ctx.pair.en_text[ctx.pair.en_start : ctx.en_tokens[j].start].rstrip().rstrip("\"'“”‘’«»([")
            initial = not before or before[-1] in ".!?:;…|—–"
            if not initial:
                return False
            return any(kind in ("ed", "ing") for _f, kind in lemma_forms(w))
        return True
