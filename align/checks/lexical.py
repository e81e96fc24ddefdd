"""A word rendered in the wrong sense, caught with dictionaries and a counterfactual.

News MT goes wrong on single words: "the plant will close" → «ستغلق النبتة» (the flora
sense of "plant"), "interest rates" → «معدلات الاهتمام», a social-media "post" → «منصب».
Sentence similarity alone barely notices. This check asks the dictionaries
(``align.dictionary``: Buckwalter glosses with clitics split, FreeDict both ways) what each
aligned content-word pair can mean, and lets the sentence encoder judge the context:

1. Suspects. For an English content word (not a name) and an Arabic content word linked to
   it, both known to the dictionaries:

   * **sense**: the Arabic word translates the English word in *some* sense (النبتة =
     plant), and the English word has other translations whose glosses share nothing with
     the Arabic word's (مصنع = factory; industrial plant): the other senses are the
     alternatives;
   * **non-translation**: the Arabic word translates neither the English word nor any other
     word of the English side, and no other Arabic word of the pair translates the English
     word (so the link is not just misplaced): every translation is an alternative.

   Pairs come from the word links between content words, and — since e5 links a content
   word to "a" or "The", or قفاز to "gifted" — also from the similarity matrix: a pair the
   dictionaries confirm among words no content link covers, and the mutual best match among
   those words. A link is not trusted blindly: a non-translation pair is dropped when the
   English word has a dictionary translation elsewhere in the Arabic, or the Arabic word one
   elsewhere in the English. At most ``MAX_SUSPECTS`` a pair, weakest links first.
2. Counterfactual. Each alternative (its ال and one-letter proclitics taken from the
   original word) replaces the Arabic word, and every variant of the pair is encoded in one
   batch with the run's sentence encoder. A suspect passes only when the best variant raises
   cos(ar, en) by ``MARGIN`` or more (``MARGIN_NON_TRANSLATION`` for non-translation
   suspects): a free but faithful rendering should not gain from a dictionary word. USE-m
   moves by up to ~0.10 on faithful pairs when a word is swapped for a more literal one
   («النقابات» → «الاتحاد» for "unions", «صانع الألعاب» → «حارس» for "point guard"), so the
   margins sit above that (tuned for precision on putin-kim, corpora/dev/train and a table
   of hand-made faithful/wrong pairs). English number words are left to the numbers check.
3. Keep test. For a suspect over the margin, the English word is replaced in the English
   sentence by each of the Arabic word's *other* meanings (its glosses minus the English
   word: النبتة → "sprout", "seedling"); if one of them keeps the English sentence within
   ``KEEP_MAX`` cosine of the original, the Arabic word's meaning fits the context after all
   and nothing is flagged. An Arabic word with no other meaning is not flagged either.

Flags: category ``mistranslation``, severity ``major``, Arabic span = the word, English
span = the word, suggestion = the best substitution. ``trials(ctx)`` exposes every suspect's
numbers for ``align.evidence`` (cached on ``ctx.extra``).

Cost: one encoder batch per pair of at most 2 + ``MAX_SUSPECTS`` × ``MAX_ALTERNATIVES``
sentences (~20 on news sentences), plus a few English paraphrases for the rare suspect over
the margin; USE-m encodes ~900 sentences/s on 2 idle cores, so ~25 ms a pair (~45 min for
100k pairs), and the dictionary look-ups ~10 ms a pair once their tables are loaded (~5 s).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import numpy as np

from .. import dictionary as dic
from .. import translit as tl
from ..lexicon import is_ar_content, is_en_content
from ..records import Flag
from ..segment import is_arabic
from .base import Check, PairContext
from .names import english_names

MARGIN = 0.10  # cos gain of the best substitution that shows the wrong sense
MARGIN_NON_TRANSLATION = 0.12  # dictionary gaps make non-translations noisier: a higher bar
# The encoder cost is (2 + suspects × alternatives) sentences a pair; at 6 × 4 it was most of
# the pipeline's time. The counterfactual gain separates gold errors from other suspects
# poorly (AUROC ≈ 0.55 on dev/train + putin-kim, with whole sentences and with ±2..6-word
# windows), and its flags on both corpora (one true positive each, none on dev/test) all come
# from the weakest content link, so one suspect a pair is tried (2 × 3 flags the same).
MAX_ALTERNATIVES = 3  # per suspect, best dictionary ranks first
MAX_SUSPECTS = 1  # per pair: the weakest content link
MIN_ZIPF_AR = 3.0  # alternatives must be common Arabic words (wordfreq zipf)
MAX_GLOSSES = 3  # English paraphrases tried per suspect
KEEP_MAX = 0.95  # an Arabic word whose other meanings keep the English sentence this close is fine
MIN_EN_LEN = 3
EXTRA_KEY = "lexical"

# Numbers are the numbers check's: a number word swapped for a digit-bearing Arabic phrase
# («بنسبة 20%» for "a fifth") always looks like a gain to a sentence encoder.
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion trillion first second third fourth fifth sixth seventh eighth ninth
    tenth eleventh twelfth twentieth hundredth thousandth half halves thirds fourths fifths dozen
    dozens twice once double triple""".split()
)

_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")


@dataclass(frozen=True)
class Suspect:
    ar: int  # index into ctx.ar_tokens
    en: int  # index into ctx.en_tokens
    kind: str  # "sense" | "non-translation"
    alternatives: tuple[str, ...]  # whole substitute words, proclitics included


@dataclass(frozen=True)
class Trial:
    suspect: Suspect
    base: float  # cos(ar, en) of the pair as written
    best: float  # cos of the best Arabic variant
    best_word: str
    gain: float  # best - base
    keep: float | None  # cos(en, en with the word replaced by the Arabic word's best other gloss)
    keep_gloss: str | None

    @property
    def margin(self) -> float:
        return MARGIN if self.suspect.kind == "sense" else MARGIN_NON_TRANSLATION

    @property
    def flagged(self) -> bool:
        return self.keep is not None and self.keep <= KEEP_MAX and self.gain >= self.margin


def _en_candidates(ctx: PairContext) -> list[int]:
    names = {n.j for n in english_names(ctx)[0]} if ctx.en_tokens else set()
    out = []
    for j, t in enumerate(ctx.en_tokens):
        w = t.text
        if j in names or not w.replace("-", "").isalpha() or len(w) < MIN_EN_LEN or not is_en_content(t.norm):
            continue
        if t.norm in _NUMBER_WORDS:
            continue
        if len(w) > 1 and w.isupper():  # acronyms
            continue
        out.append(j)
    return out


def _ar_ok(ctx: PairContext, i: int) -> bool:
    t = ctx.ar_tokens[i]
    return is_arabic(t.text) and is_ar_content(t.norm) and len(t.norm) >= 3


def proclitic(word: str) -> str:
    """The article with its fused conjunctions/prepositions as written (وال، بال، لل…), or a
    one-letter و/ف proclitic the Buckwalter analysis confirms; '' otherwise."""
    letters = re.sub("[\u064b-\u065f\u0670\u0640]", "", word)
    for p in _PROCLITICS:
        if letters.startswith(p) and len(letters) - len(p) >= 2:
            return p
    if len(letters) >= 4 and letters[0] in "وف" and any(a.prefix[:1] in ("w", "f") for a in tl.analyze(word)):
        return letters[0]
    return ""


def substitute_word(original: str, translation: str) -> str:
    """``translation`` carrying the original word's proclitics (ال stays only if the
    original had it): النبتة + مصنع → المصنع, وبندقية + سلاح → وسلاح."""
    pre = proclitic(original)
    base = translation[2:] if translation.startswith("ال") and len(translation) > 3 else translation
    if " " in base:  # a two-word translation: the article goes on its first word only
        return (pre + base) if pre else base
    return pre + base


def _ranked(en_word: str) -> list[dic.Translation]:
    """Translations of ``en_word`` that are common Arabic words, best first (dictionary rank
    plus frequency: مصنع before غرسة for "plant")."""
    ts = [t for t in dic.ranked_translations(en_word) if tl.zipf_ar(t.ar) >= MIN_ZIPF_AR]
    return sorted(ts, key=lambda t: -(t.rank + 0.5 * tl.zipf_ar(t.ar)))


_WEAK = frozenset("اويىةءأإآئؤ")


def _radicals(word: str) -> str:
    """Strong letters of a word, article off (a rough root: زيارة → زر, وزرنا → وزرن)."""
    w = dic.normalize_key(word)
    w = w[2:] if w.startswith("ال") and len(w) > 3 else w
    return "".join(ch for ch in w if ch not in _WEAK and ch != "ه")


def _lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for k, cb in enumerate(b):
            cur.append(prev[k] + 1 if ca == cb else max(prev[k + 1], cur[k]))
        prev = cur
    return prev[-1]


def same_family(ar_word: str, other: str) -> bool:
    """Two Arabic words of one root family (زرنا / زيارة, فضائية / فضاء): the other word's
    strong letters, or three of them, recur in order in some reading of the word."""
    theirs = _radicals(other)
    if not theirs:
        return True
    forms = {ar_word} | {dic.buckwalter_to_arabic(a.stem) for a in tl.analyze(ar_word)}
    need = min(3, len(theirs))
    return any(_lcs(_radicals(f), theirs) >= need for f in forms if f)


def _sense_alternatives(ar_word: str, en_word: str) -> list[str]:
    """Translations of ``en_word`` whose senses share nothing with ``ar_word``'s (other than
    the English word itself): the other senses of a polysemous English word."""
    lemmas = dic.en_lemmas(en_word)
    own = {g for g in dic.ar_glosses(ar_word) if g not in lemmas}
    own_keys = set(dic.ar_lookup_keys(ar_word))
    out = []
    for t in _ranked(en_word):
        if set(dic.ar_lookup_keys(t.ar)) & own_keys or same_family(ar_word, t.ar):
            continue
        theirs = {g for g in dic.ar_glosses(t.ar) if g not in lemmas}
        if any(dic.related_lemmas(a, b) for a in own for b in theirs):
            continue
        out.append(t.ar)
    return out


def content_pairs(ctx: PairContext) -> list[tuple[int, int, float]]:
    """(ar, en, similarity) of content-word pairs.

    The word links between content words, less the misplaced ones (not a translation,
    while the Arabic word translates another English word of the pair or the English word
    has a translation elsewhere in the Arabic: «الشراكة» linked to "pact" when the English
    also says "partnership"); then, among the content words no remaining link covers, the
    pairs the dictionaries confirm and the mutual best matches of the similarity matrix
    (e5 often links a content word to "a" or "The")."""
    en_c = _en_candidates(ctx)
    en_set = set(en_c)
    ar_c = [i for i in range(len(ctx.ar_tokens)) if _ar_ok(ctx, i)]
    ar_set = set(ar_c)
    en_all = [j for j in range(len(ctx.en_tokens)) if is_en_content(ctx.en_tokens[j].norm)]
    ar_text = [t.text for t in ctx.ar_tokens]
    en_text = [t.text for t in ctx.en_tokens]

    def misplaced(i: int, j: int) -> bool:
        if dic.is_translation(ar_text[i], en_text[j]) is not False:
            return False
        return (any(dic.is_translation(ar_text[i], en_text[k]) for k in en_all if k != j)
                or any(dic.is_translation(ar_text[k], en_text[j]) for k in ar_c if k != i))

    pairs = [(lk.ar, lk.en, lk.score) for lk in ctx.links
             if lk.en in en_set and lk.ar in ar_set and not misplaced(lk.ar, lk.en)]
    if ctx.sim is None or ctx.sim.size == 0:
        return pairs
    kept = {(i, j) for i, j, _ in pairs}
    names = set(en_all) - en_set  # content words that are not candidates: names, acronyms
    done_ar = {i for i, _ in kept} | {lk.ar for lk in ctx.links if lk.en in names}
    done_en = {j for _, j in kept}
    free_ar = [i for i in ar_c if i not in done_ar]
    free_en = [j for j in en_c if j not in done_en]
    confirmed = [(i, j) for j in free_en for i in free_ar if dic.is_translation(ar_text[i], en_text[j])]
    for i, j in confirmed:  # the dictionaries confirm a pair the aligner missed
        pairs.append((i, j, float(ctx.sim[i, j])))
    seen = kept | set(confirmed)
    free_ar = [i for i in free_ar if all(i != a for a, _ in confirmed)]
    free_en = [j for j in free_en if all(j != b for _, b in confirmed)]
    if free_ar and free_en:
        sub = ctx.sim[np.ix_(free_ar, free_en)]
        for a, i in enumerate(free_ar):
            b = int(np.argmax(sub[a]))
            if int(np.argmax(sub[:, b])) == a and (i, free_en[b]) not in seen:
                pairs.append((i, free_en[b], float(sub[a, b])))
    return pairs


def find_suspects(ctx: PairContext) -> list[Suspect]:
    """Content-word pairs whose Arabic word may render the English word wrongly."""
    if not ctx.links and ctx.sim is None:
        return []
    ar_content = [i for i in range(len(ctx.ar_tokens)) if _ar_ok(ctx, i)]
    out: list[Suspect] = []
    seen: set[int] = set()
    # weakest links first: a wrong word often still aligns, with a lower similarity
    for i, j, _score in sorted(content_pairs(ctx), key=lambda x: x[2]):
        if i in seen or len(out) >= MAX_SUSPECTS:
            continue
        ar_w, en_w = ctx.ar_tokens[i].text, ctx.en_tokens[j].text
        rel = dic.is_translation(ar_w, en_w)
        if rel is None:
            continue
        if rel:
            alts = _sense_alternatives(ar_w, en_w)
            kind = "sense"
        else:
            if any(dic.is_translation(ctx.ar_tokens[k].text, en_w) for k in ar_content if k != i):
                continue  # the English word is rendered elsewhere: this link is the mistake
            others = [k for k in range(len(ctx.en_tokens)) if k != j and is_en_content(ctx.en_tokens[k].norm)]
            if any(dic.is_translation(ar_w, ctx.en_tokens[k].text) for k in others):
                continue  # the Arabic word renders another English word
            alts = [t.ar for t in _ranked(en_w) if not same_family(ar_w, t.ar)]
            kind = "non-translation"
        words = []
        for a in alts:
            w = substitute_word(ar_w, a)
            if dic.normalize_key(w) != dic.normalize_key(ar_w) and w not in words:
                words.append(w)
            if len(words) >= MAX_ALTERNATIVES:
                break
        if words:
            seen.add(i)
            out.append(Suspect(i, j, kind, tuple(words)))
    return out


def _inflect_like(phrase: str, en_word: str) -> str:
    """``phrase`` with its last word inflected like ``en_word`` (rates → averages)."""
    try:
        from lemminflect import getAllInflections, getInflection
    except ImportError:  # pragma: no cover - a dependency
        return phrase
    low = en_word.lower()
    if " " in phrase:
        return phrase
    base = min(dic.en_lemmas(phrase), key=len)
    for lemma in dic.en_lemmas(low):
        for tag, forms in getAllInflections(lemma).items():
            if low in forms and tag not in ("VB", "VBP", "NN", "JJ", "RB"):
                new = getInflection(base, tag)
                if new:
                    return new[0]
    return phrase


def own_glosses(ar_word: str, en_word: str) -> list[str]:
    """The Arabic word's other meanings as English phrases (the English word's own lemmas off)."""
    lemmas = dic.en_lemmas(en_word)
    out = []
    for g in dic.ar_gloss_phrases(ar_word):
        words = [w for w in g.split() if w not in dic.GLOSS_STOP]
        if not words or any(lemmas & dic.en_lemmas(w) for w in words):
            continue
        out.append(_inflect_like(g, en_word))
        if len(out) >= MAX_GLOSSES:
            break
    return out


def _encoder(ctx: PairContext):
    if ctx.resources is not None:
        return ctx.resources.sentence_encoder
    return _default_encoder()


@cache
def _default_encoder():
    """The bundled encoder for contexts without resources: loaded once, not once a pair."""
    from models.registry import load_sentence_encoder

    return load_sentence_encoder(None)


def trials(ctx: PairContext, encoder=None) -> list[Trial]:
    """The counterfactual for every suspect of the pair, computed once (cached on ctx.extra)."""
    return trials_many([ctx], encoder)[0]


def trials_many(ctxs: Sequence[PairContext], encoder=None) -> list[list[Trial]]:
    """``trials`` for a batch of pairs with two encoder calls in all, not two per pair: the
    Arabic variants of every suspect, then, only for the suspects whose gain reaches the
    margin, the English paraphrases of the keep test."""
    batch = _Batch.plan(ctxs, encoder)
    if batch is not None:
        batch.finish(batch.enc.encode(batch.texts))
    return [c.extra[EXTRA_KEY] for c in ctxs]


@dataclass
class _Batch:
    """The counterfactuals of a batch of pairs: planned (suspects and variant sentences), then
    finished with the variants' vectors."""

    enc: Any
    plans: list[tuple[PairContext, list[Suspect], int, list[tuple[int, int]]]]
    texts: list[str]

    @classmethod
    def plan(cls, ctxs: Sequence[PairContext], encoder=None) -> _Batch | None:
        plans: list[tuple[PairContext, list[Suspect], int, list[tuple[int, int]]]] = []
        texts: list[str] = []
        for ctx in ctxs:
            if EXTRA_KEY in ctx.extra:
                continue
            suspects = find_suspects(ctx)
            if not suspects:
                ctx.extra[EXTRA_KEY] = []
                continue
            p = ctx.pair
            ar = p.ar
            first = len(texts)
            texts += [p.en, ar]
            where: list[tuple[int, int]] = []
            for s in suspects:
                t = ctx.ar_tokens[s.ar]
                a, b = t.start - p.ar_start, t.end - p.ar_start
                lo = len(texts)
                texts += [ar[:a] + w + ar[b:] for w in s.alternatives]
                where.append((lo, len(texts)))
            plans.append((ctx, suspects, first, where))
        if not plans:
            return None
        return cls(encoder or _encoder(plans[0][0]), plans, texts)

    def finish(self, vecs) -> None:
        vecs = np.asarray(vecs, dtype=np.float32)
        enc, plans = self.enc, self.plans
        en_texts: list[str] = []
        owners: list[tuple[int, int, str]] = []  # (plan, suspect, gloss) per English paraphrase
        found_all: list[list[tuple[Suspect, float, str]]] = []
        bases: list[float] = []
        for n_plan, (ctx, suspects, first, where) in enumerate(plans):
            p = ctx.pair
            cos = vecs @ vecs[first]
            base = float(cos[first + 1])
            found = []
            for s, (lo, hi) in zip(suspects, where, strict=True):
                k = int(np.argmax(cos[lo:hi]))
                found.append((s, float(cos[lo + k]), s.alternatives[k]))
            found_all.append(found)
            bases.append(base)
            for n, (s, best, _w) in enumerate(found):
                margin = MARGIN if s.kind == "sense" else MARGIN_NON_TRANSLATION
                if best - base < margin:
                    continue
                e = ctx.en_tokens[s.en]
                ea, eb = e.start - p.en_start, e.end - p.en_start
                for g in own_glosses(ctx.ar_tokens[s.ar].text, e.text):
                    en_texts.append(p.en[:ea] + g + p.en[eb:])
                    owners.append((n_plan, n, g))
        keeps: dict[tuple[int, int], tuple[float, str]] = {}
        if owners:
            sources = sorted({n_plan for n_plan, _, _ in owners})
            ev = np.asarray(enc.encode([plans[k][0].pair.en for k in sources] + en_texts), dtype=np.float32)
            row = {k: r for r, k in enumerate(sources)}
            for (n_plan, n, g), v in zip(owners, ev[len(sources):], strict=True):
                c = float(v @ ev[row[n_plan]])
                if (n_plan, n) not in keeps or c > keeps[(n_plan, n)][0]:
                    keeps[(n_plan, n)] = (c, g)
        for n_plan, (ctx, _s, _f, _w) in enumerate(plans):
            out = []
            for n, (s, best, w) in enumerate(found_all[n_plan]):
                k = keeps.get((n_plan, n))
                base = bases[n_plan]
                out.append(Trial(s, base, best, w, best - base, k[0] if k else None, k[1] if k else None))
            ctx.extra[EXTRA_KEY] = out


class LexicalCheck(Check):
    name: ClassVar[str] = "lexical"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"alignment", "resources"})

    def prepare(self, ctxs: Sequence[PairContext]) -> None:
        trials_many(ctxs)

    def run(self, ctx: PairContext) -> list[Flag]:
        flags = []
        for tr in trials(ctx):
            if not tr.flagged:
                continue
            s = tr.suspect
            ar_t, en_t = ctx.ar_tokens[s.ar], ctx.en_tokens[s.en]
            if s.kind == "sense":
                why = f"«{ar_t.text}» renders '{en_t.text}' in another sense"
            else:
                why = f"«{ar_t.text}» is not a dictionary translation of '{en_t.text}'"
            senses = "; ".join(sorted(dic.ar_glosses(ar_t.text))[:4])
            flags.append(self.flag(
                "mistranslation", "major",
                f"{why} ({senses}); «{tr.best_word}» fits the English better "
                f"(sentence similarity {tr.base:.2f} → {tr.best:.2f})",
                ar=(ar_t.start, ar_t.end), en=(en_t.start, en_t.end), suggestion=tr.best_word))
        return flags
