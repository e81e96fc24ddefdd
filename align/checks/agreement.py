"""Agreement errors that Arabic news MT and hurried desks make in the same few places.

Each rule is a small function over the Arabic tokens (and, for the dual, the English names),
so a rule can be read, tested and switched off on its own:

* **tamma**: the passive auxiliary «تم / يتم / سيتم» agrees with the verbal noun after it,
  which is its grammatical subject: «تم مناقشة» → «تمت مناقشة», «يتم دراسة» → «تتم دراسة».
  A feminine noun is read off its «ة» ending; masculine nouns («تم التوقيع») pass.
* **inna-la**: «إنّ» must be followed by its noun, so «قال إن لا أحد» needs the pronoun of
  the matter: «إنه لا أحد».
* **dual**: two people coordinated ("Putin and Kim") take a dual verb right after them:
  «بوتين وكيم سافروا» → «سافرا». Only where the English coordinates two names with "and",
  the Arabic has the same two names (by sound, ``translit.best_reading``) joined by «و», and
  the word right after ends in a plural verb ending («ـوا», or «يـ/تـ…ـون»). Verb-first
  order takes a singular verb in Arabic and is not touched.
* **counted-plural**: after a number from 11 to 99 the counted noun is singular: «12 دول» →
  «12 دولة», «15 مباريات» → «15 مباراة». Flagged where every Buckwalter reading of the word
  after the digits is a plural (a sound plural ending, or a broken plural whose glosses are
  all plural English words): a word that may be singular or dual passes.
* **two-plural**: the English says "two ministers" or "both teams" and the Arabic word linked
  to the noun is a plural, where Arabic has a dual: "the two ministers agreed" → «واتفق
  الوزراء» (الوزيران). «اثنين من العمال» (two of the workers) is correct and passes.
* **fem-plural-verb**: a definite sound feminine plural (every Buckwalter reading «ـات») right
  before a masculine singular imperfect verb: «التوقعات يعتمد» → «تعتمد» (non-human plurals
  take feminine singular agreement, human feminine plurals «يعملن»). Impersonal verbs («يجب»،
  «يمكن»), the genitive of a construct («عدد الشركات يعتمد») and a relative clause with a
  resumptive pronoun («التوقعات يعتمد عليها المستثمرون») pass.
* **adjective-definiteness**: an English attributive adjective and its noun ("good health",
  lemminflect readings) rendered as a definite noun followed by a bare indefinite adjective,
  each a dictionary translation of its English word: «تمنيا الصحة جيدة» reads 'the health is
  good' → «الصحة الجيدة». A predicate is allowed where Arabic puts one: after «كان» and its
  sisters, «إن» and its sisters, or a verb of two objects («جعل الأسعار مرتفعة») within three
  words before, and for the elative «أعلى»، «أكبر».

Flags: category ``grammar``, severity ``minor`` (the meaning survives), span = the word that
must change, suggestion = the corrected word where a rule can spell it (the plural rules
cannot: a broken plural's singular is not derivable from its form). No model needed: a token
scan a pair; two-plural reads the word links and finds nothing without them.
"""

from __future__ import annotations

import re
from typing import ClassVar

from .. import dictionary as dic
from .. import translit as tl
from ..lexicon import en_pos
from ..normalize import normalize_ar, to_ascii_digits
from ..records import Token
from .base import PairContext, TokenRulesCheck
from .names import MISSPELT_LOW as NAME_SOUND
from .names import english_names

_TAMMA = {"تم": "تمت", "وتم": "وتمت", "فتم": "فتمت", "يتم": "تتم", "ويتم": "وتتم", "سيتم": "ستتم", "وسيتم": "وستتم"}
# nouns in «ة» that are not verbal nouns and so cannot be the subject of «تم» (time words)
_NOT_MASDAR = {normalize_ar(w) for w in ("ساعة", "مرة", "ليلة", "لحظة", "فترة", "مدة", "سنة", "جمعة")}
_ARABIC_WORD = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652]+$")
_INNA = {"إن", "وإن", "فإن"}
_CONJ_EN = {"and"}


def _plain(tok: Token) -> str:
    return tok.text.replace("\u0640", "")


def _next_word(ctx: PairContext, i: int) -> bool:
    """Token i+1 follows token i across nothing but spaces (no comma, quote or full stop)."""
    ar = ctx.ar_tokens
    return i + 1 < len(ar) and not ctx.pair.ar_text[ar[i].end : ar[i + 1].start].strip()


def tamma(ctx: PairContext) -> list[tuple[int, str, str]]:
    """(token index, message, suggestion) for «تم» before a feminine verbal noun."""
    ar = ctx.ar_tokens
    out = []
    for i in range(len(ar) - 1):
        aux = _plain(ar[i])
        if aux not in _TAMMA or not _next_word(ctx, i):
            continue
        noun = _plain(ar[i + 1])
        if not _ARABIC_WORD.match(noun) or not noun.endswith("ة") or len(noun) < 4:
            continue
        bare = noun[2:] if noun.startswith("ال") else noun
        if normalize_ar(bare) in _NOT_MASDAR:
            continue
        out.append((i, f"«{aux}» must agree with the feminine «{noun}» after it: «{_TAMMA[aux]} {noun}»", _TAMMA[aux]))
    return out


def inna_la(ctx: PairContext) -> list[tuple[int, str, str]]:
    """«إن لا» where «إنه لا» is required."""
    ar = ctx.ar_tokens
    out = []
    for i in range(len(ar) - 1):
        w = _plain(ar[i]).replace("\u0651", "")
        if w in _INNA and _plain(ar[i + 1]) == "لا" and _next_word(ctx, i):
            out.append((i, f"«{w}» must be followed by its noun: «{w}ه لا»", w + "ه"))
    return out


def _en_name_pairs(ctx: PairContext) -> list[tuple[str, str]]:
    """(A, B) for English "A and B" where A ends one name and B starts another (the names
    check's reading of the English names: capitalised, not a demonym, not a common word
    that only starts the sentence)."""
    en = ctx.en_tokens
    is_name = {nm.j for nm in english_names(ctx)[0]}
    return [(en[j - 1].text, en[j + 1].text) for j in range(1, len(en) - 1)
            if en[j].norm in _CONJ_EN and j - 1 in is_name and j + 1 in is_name]


def _dual(word: str) -> str | None:
    """The dual of a plural verb form, or None when ``word`` is not one."""
    if not _ARABIC_WORD.match(word) or len(word) < 4:
        return None
    if word.endswith("وا"):
        return word[:-2] + "ا"
    if word.endswith("ون") and (word[0] in "يت" or word[:2] in ("وي", "وت", "سي", "ست")):
        return word[:-2] + "ان"
    return None


def dual(ctx: PairContext) -> list[tuple[int, str, str]]:
    """A plural verb right after two coordinated people («بوتين وكيم سافروا»)."""
    pairs = _en_name_pairs(ctx)
    if not pairs:
        return []
    ar = ctx.ar_tokens
    out = []
    for i in range(len(ar) - 2):
        first, second, verb = _plain(ar[i]), _plain(ar[i + 1]), _plain(ar[i + 2])
        if not second.startswith("و") or len(second) < 3 or not (_next_word(ctx, i) and _next_word(ctx, i + 1)):
            continue
        new = _dual(verb)
        if new is None:
            continue
        for a, b in pairs:
            if (tl.best_reading(a, first, NAME_SOUND)[0] >= NAME_SOUND
                    and tl.best_reading(b, second[1:], NAME_SOUND)[0] >= NAME_SOUND):
                out.append((i + 2, f"two people («{first} {second}», {a} and {b}) take the dual: «{new}», not «{verb}»", new))
                break
    return out


def _plural_only(word: str) -> bool:
    """Every Buckwalter reading of the word is a plural noun or adjective: a sound plural
    suffix, or a broken plural (no suffix) whose glosses are all plural English words."""
    readings = tl.analyze(word)
    if not readings:
        return False
    for a in readings:
        if not (a.pos.startswith("NOUN") or a.pos.startswith("ADJ")) or a.proper or "_DU" in a.suffix_pos:
            return False
        if "_PL" in a.suffix_pos:
            continue
        glosses = [g.strip() for g in a.gloss.split(";") if g.strip()]
        if a.suffix_pos or not glosses or not all(re.fullmatch(r"[a-z]+(?:ies|[^s]s)", g) for g in glosses):
            return False
    return True


def counted_plural(ctx: PairContext) -> list[tuple[int, str, None]]:
    """A plural noun counted by a number from 11 to 99 written in digits («12 دول»)."""
    ar = ctx.ar_tokens
    out = []
    for i in range(len(ar) - 1):
        digits = to_ascii_digits(ar[i].text)
        if not (digits.isascii() and digits.isdigit()) or not 11 <= int(digits) <= 99 or not _next_word(ctx, i):
            continue
        if ar[i].start and ctx.pair.ar_text[ar[i].start - 1] in ".,٫٬/:-":
            continue  # part of 3.15, 2-12, 10/12: not a count
        noun = _plain(ar[i + 1])
        if _ARABIC_WORD.match(noun) and _plural_only(noun):
            out.append((i + 1, f"after {digits} the counted noun is singular (accusative), not the plural «{noun}»", None))
    return out


_EN_TWO = frozenset({"two", "both"})
_AR_TWO = frozenset(normalize_ar(w) for w in ("اثنين", "اثنان", "اثنتين", "اثنتان", "كلا", "كلتا"))


def two_plural(ctx: PairContext) -> list[tuple[int, str, None]]:
    """The Arabic word linked to the English noun after "two"/"both" is a plural."""
    en, ar = ctx.en_tokens, ctx.ar_tokens
    out: list[tuple[int, str, None]] = []
    seen: set[int] = set()
    for j in range(len(en) - 1):
        if en[j].norm not in _EN_TWO:
            continue
        # the noun: the first of the next two words that ends in a plural -s ("two aid workers")
        noun_j = next((x for x in (j + 1, j + 2) if x < len(en) and re.fullmatch(r"[a-z]+[^s']s", en[x].norm)), None)
        if noun_j is None:
            continue
        for lk in ctx.en_links(noun_j):
            i = lk.ar
            before = {normalize_ar(_plain(t)) for t in ar[max(0, i - 3) : i]}
            if before & _AR_TWO:
                continue  # «اثنين من العمال»: two of the workers
            word = _plain(ar[i])
            if i not in seen and _ARABIC_WORD.match(word) and _plural_only(word):
                seen.add(i)
                out.append((i, f"'{en[j].text} {en[noun_j].text}' needs the dual in Arabic, not the plural «{word}»", None))
    return out


# Masculine verbs that stay masculine whatever follows: impersonal «يجب أن», «يمكن», «يبدو»…
_IMPERSONAL = frozenset(normalize_ar(w) for w in "يجب يمكن ينبغي يبدو يتعين يتوجب يتوقع يذكر يشار يقال يعني يليق يحق".split())
_RESUMPTIVE = re.compile(r"^(?:عليها|بها|لها|منها|فيها|عنها|إليها|اليها|معها|لديها|عندها)$")


def _fem_plural_subject(word: str) -> bool:
    """Every reading is a definite common noun in the sound feminine plural («التوقعات»)."""
    readings = tl.analyze(word)
    return bool(readings) and all(
        a.pos == "NOUN" and not a.proper and a.prefix in ("Al", "wAl", "fAl") and "NSUFF_FEM_PL" in a.suffix_pos
        for a in readings)


def _masculine_imperfect(word: str) -> bool:
    """Every reading is a third-person masculine singular imperfect verb («يعتمد», not «يعتمدن»)."""
    readings = tl.analyze(word)
    return bool(readings) and not word.endswith("ن") and all(
        a.pos == "VERB_IMPERFECT" and a.prefix.endswith("y") and not a.suffix_pos for a in readings)


def fem_plural_verb(ctx: PairContext) -> list[tuple[int, str, str]]:
    """A sound feminine plural subject followed by a masculine verb: «التوقعات يعتمد» → «تعتمد»."""
    ar, text = ctx.ar_tokens, ctx.pair.ar_text
    out: list[tuple[int, str, str]] = []
    for i in range(len(ar) - 1):
        if not _next_word(ctx, i):
            continue
        noun, verb = _plain(ar[i]), _plain(ar[i + 1])
        if normalize_ar(verb) in _IMPERSONAL or not _fem_plural_subject(noun) or not _masculine_imperfect(verb):
            continue
        if i and not text[ar[i - 1].end : ar[i].start].strip() and any(
                a.pos == "NOUN" and not a.prefix for a in tl.analyze(_plain(ar[i - 1]))):
            continue  # the genitive of a construct whose head is the subject: «عدد الشركات يعتمد»
        if any(_RESUMPTIVE.match(_plain(t)) for t in ar[i + 2 : i + 4]):
            continue  # a relative clause with its own subject: «التوقعات يعتمد عليها المستثمرون»
        w = ar[i + 1].text
        k = w.index("ي")
        out.append((i + 1, f"the feminine plural «{noun}» takes a feminine verb: «{w}» should be «{w[:k]}ت{w[k + 1:]}»",
                    w[:k] + "ت" + w[k + 1 :]))
    return out


# Words after which an indefinite adjective following a definite noun is a predicate or a second
# object, as Arabic allows: «كان الطلب قوياً», «إن الاقتصاد قوي», «جعل الأسعار مرتفعة».
_PREDICATE_OPENERS = frozenset(normalize_ar(w) for w in """كان كانت كانوا يكون تكون ظل ظلت يظل تظل بقي بقيت
    يبقى تبقى أصبح أصبحت يصبح تصبح بات باتت صار صارت ليس ليست زال زالت يزال تزال إن أن لأن لكن كأن
    وإن وأن ولكن جعل جعلت يجعل تجعل اعتبر اعتبرت يعتبر تعتبر وجد وجدت رأى رأت يرى ترى أبقى أبقت""".split())


def _predicate_opener(tok: Token) -> bool:
    w = normalize_ar(_plain(tok))
    return w in _PREDICATE_OPENERS or (w[:1] in "وف" and w[1:] in _PREDICATE_OPENERS)


def _elative(word: str) -> bool:
    """«أعلى», «أكبر»: the comparative form, often a predicate without «ال»."""
    w = normalize_ar(word)
    return len(w) == 4 and w[0] in "اأ"


def adjective_definiteness(ctx: PairContext) -> list[tuple[int, str, str]]:
    """An English attributive adjective ("good health") rendered as a definite noun with an
    indefinite adjective («الصحة جيدة»: 'the health is good')."""
    en, ar = ctx.en_tokens, ctx.ar_tokens
    pairs = [(en[j].norm, en[j + 1].norm) for j in range(len(en) - 1)
             if en[j].text.islower() and "ADJ" in en_pos(en[j].norm) and "NOUN" in en_pos(en[j + 1].norm)
             and en[j + 1].text.islower()]
    out: list[tuple[int, str, str]] = []
    if not pairs:
        return out
    for i in range(len(ar) - 1):
        if not _next_word(ctx, i):
            continue
        noun, adj = _plain(ar[i]), _plain(ar[i + 1])
        if not _ARABIC_WORD.match(adj) or _elative(adj):
            continue
        if any(_predicate_opener(t) for t in ar[max(0, i - 3) : i]):
            continue
        nr, qr = tl.analyze(noun), tl.analyze(adj)
        if not nr or not qr or not all(a.pos == "NOUN" and "Al" in a.prefix for a in nr):
            continue
        if not all(a.pos == "ADJ" and not a.prefix for a in qr):
            continue
        for e_adj, e_noun in pairs:
            if dic.is_translation(noun, e_noun) and dic.is_translation(adj, e_adj):
                bare = adj[:-2] if adj.endswith(("اً", "ًا")) else adj  # «جيداً» → «الجيد»
                out.append((i + 1, f"'{e_adj} {e_noun}' is one noun phrase, but «{noun} {adj}» reads 'the {e_noun} is "
                            f"{e_adj}': the adjective takes «ال» like its noun", "ال" + bare))
                break
    return out


RULES = (tamma, inna_la, dual, counted_plural, two_plural, fem_plural_verb, adjective_definiteness)


class Agreement(TokenRulesCheck):
    name: ClassVar[str] = "agreement"
    version: ClassVar[str] = "1"
    rules = RULES
