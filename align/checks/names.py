"""Named entities: English proper names whose Arabic rendering is split, misspelt or cut short.

Which English tokens are names: capitalised, not all capitals (acronyms are skipped), not an
English stop word, not a demonym (Korean, Ukrainian, Israeli: ``translit.is_demonym``,
translated with a nisba adjective); a sentence-initial capitalised word counts only when it is not a common
English word (``translit.en_common_words``, the lower-case words of the Buckwalter glosses,
or wordfreq zipf ≥ 3) unless it glosses a Buckwalter proper noun (Putin). Consecutive names
(and a lower-case piece hyphen-attached to one, "Jong-un") form one multi-token name. Each
token is matched on its own against Arabic tokens and runs of adjacent Arabic tokens with
``translit.name_similarity`` (clitics tried off the first word).

Flags (category ``named-entity``, severity ``minor``):

a. **Split name.** A one-token English name whose best rendering is a run of 2-4 adjacent
   Arabic words that match it together (similarity ≥ 0.85), each needed (dropping the first
   or last piece loses ≥ 0.1) and not also rendered whole in the pair. Flagged, with the
   pieces joined as the suggestion (separators dropped, inner آ → ا; arabnamer's spelling
   when it has one), unless the first or last piece alone is a Buckwalter word glossed with
   the name (the other piece is then just the next word), or the split is a convention:

   * a piece is an Arabic function word (من، في، آن، عن، ما…): always a bad split, it
     reads as a word ("Tiananmen" → «تيان آن من», 'from');
   * arabnamer spells the name with exactly these pieces;
   * the English name is a romanised Chinese/Korean compound and each Arabic piece renders
     one of its syllables (Pyong|yang → «بيونغ يانغ», Jin|ping → «جين بينغ»): those
     syllables are written as separate Arabic words by convention;
   * the pieces are an Arabic compound name (عبد الله، أبو بكر، نور الدين) or start with a
     Romance/Dutch particle the English name also starts with (DiCaprio → «دي كابريو»).

   Multi-token English names ("Kim Jong Un", "Wall Street", "Los Angeles") are matched token
   by token, so their multi-word Arabic renderings are never splits.
   The same test runs, with no English span, for names that *other* English units of the
   same article give (``article_names``: five letters or more, not common words or exonyms):
   an attribution («وأضاف يونا شيف») names a speaker that the quoted unit itself does not.
b. **Misspelt name.** The Arabic token aligned to a name (its strongest link, else the best
   ``ctx.sim`` column entry, else, with no alignment at all, the best sound match) sounds
   like it but not well enough: similarity in [0.55, 0.9) ([0.75, 0.9) without alignment), no
   Arabic word or run renders the name at ≥ 0.9, and the token looks like a transliteration
   nobody uses: unknown to the Buckwalter analyser (a known word or name is a translation or
   another name) and rare (wordfreq zipf < 3). Names that are common English words (Wall,
   Mark, State), exonyms (China, Beijing, Cairo, months…) and names rendered by a Buckwalter
   proper noun glossed with them (الكرملين = Kremlin) are skipped. Suggestion: arabnamer's
   spelling when it sounds right, else none. A name simply absent from the Arabic is the
   omission check's business, not this one's.
c. **Truncated name.** A name of three or more tokens whose first two or more tokens are
   rendered as adjacent Arabic words while the remaining ones appear nowhere in the Arabic
   ("Kim Jong Un" → «كيم جونغ»).

Names left in Latin script inside the Arabic are the latin-script check's business; Latin
tokens in the Arabic are ignored here.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from .. import translit as tl
from ..normalize import normalize_ar
from ..records import Flag, Pair, Token
from ..segment import is_arabic, tokenize
from .base import Check, PairContext

SPLIT_MIN = 0.85  # the joined pieces render the name
SPLIT_GAIN = 0.10  # every piece is needed
MISSPELT_LOW = 0.55  # aligned token sounds like the name...
MISSPELT_LOW_UNALIGNED = 0.75
MISSPELT_HIGH = 0.9  # ...but not like a faithful transliteration
RARE_AR = 3.0  # wordfreq zipf below which an Arabic word is rare
TRUNC_PART = 0.85
TRUNC_ABSENT = 0.6
MAX_PIECES = 4

_EN_STOP = frozenset(
    "a an the and or but if of in on at to for from by with as is it its this that these those "
    "he she we they you i my our his her their your me us them who what when where why how "
    "mr mrs ms dr st no not so yet".split()
)
# Translated, not transliterated: their Arabic never sounds like them (or is a known word).
EXONYMS = frozenset(
    """china chinese japan japanese germany german greece greek india egypt syria iraq jordan
    lebanon morocco algeria tunisia libya yemen cyprus turkey hungary austria switzerland
    netherlands holland philippines jerusalem mecca medina cairo damascus baghdad beirut
    tripoli alexandria hebron bethlehem nazareth beijing peking kremlin vatican mediterranean
    atlantic pacific arctic gulf europe european africa african asia asian america american
    americans britain british england english france french arab arabs arabic islam islamic
    muslim muslims christian christians jewish jews god allah jesus moses abraham joseph mary
    john peter paul michael gabriel solomon david jacob isaac noah eve aaron jonah job elijah
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday christmas easter ramadan
    united states kingdom nations union emirates arabia saudi korea korean north south east
    west""".split()
)
_FUNCTION_WORDS = frozenset(
    normalize_ar(w)
    for w in "من في عن على إلى الى أن إن ان آن ما لا لم لن قد مع ثم أو او بل لو هو هي هم كم كي ذا يا إذ اذ أي اي لي له لك بي به".split()
)
_COMPOUND_FIRST = frozenset(normalize_ar(w) for w in "عبد أبو ابو أبي ابي بن ابن بنت آل أم ام ذو ذي".split())
_PARTICLES = {  # Arabic particle piece -> English spellings it renders
    "دي": ("de", "di"), "دو": ("du", "do"), "دا": ("da",), "ديل": ("del",), "ديلا": ("della", "dela"),
    "فان": ("van",), "فون": ("von",), "لا": ("la",), "لو": ("le", "lo"), "سان": ("san",),
    "سانت": ("st", "saint"), "ماك": ("mac", "mc"), "مك": ("mc", "mac"),
}
_GAP_RE = re.compile(r"[\s\u00a0\-\u2010\u200c\u200f\u200e]+")
_INITIAL_BEFORE = frozenset(".!?:;…|—–")
_QUOTES = "\"'“”‘’«»()[]"


@dataclass
class _Name:
    j: int  # index into ctx.en_tokens
    text: str
    common: bool  # also a common English word (Wall, Mark): may be translated
    group: int  # index of the multi-token name it belongs to


def _en_lemmas(low: str) -> list[str]:
    out = [low]
    if low.endswith("s") and len(low) > 4:
        out.append(low[:-1])
    return out


def _is_common(low: str) -> bool:
    common = tl.en_common_words()
    return any(f in common for f in _en_lemmas(low))


def _sentence_initial(ctx: PairContext, j: int) -> bool:
    tok = ctx.en_tokens[j]
    before = ctx.pair.en_text[ctx.pair.en_start : tok.start].rstrip()
    before = before.rstrip(_QUOTES).rstrip()
    return not before or before[-1] in _INITIAL_BEFORE or before.endswith("..")


def english_names(ctx: PairContext) -> tuple[list[_Name], list[list[int]]]:
    """The English name tokens of a pair and their multi-token groups (lists of indices)."""
    names: list[_Name] = []
    groups: list[list[int]] = []
    toks = ctx.en_tokens
    prev_j = -2
    for j, t in enumerate(toks):
        w = t.text
        if not w.isalpha():
            continue
        low = w.lower()
        hyphen_tail = (
            prev_j == j - 1
            and w.islower()
            and ctx.pair.en_text[toks[j - 1].end : t.start] in ("-", "‐")
        )
        if not hyphen_tail:
            if not w[0].isupper() or (len(w) > 1 and w.isupper()) or low in _EN_STOP or tl.is_demonym(w):
                continue
            if _sentence_initial(ctx, j) and low not in tl.en_proper_words():
                if _is_common(low) or tl.zipf_en(low) >= 3.0:
                    continue
        joined = prev_j == j - 1 and _GAP_RE.fullmatch(ctx.pair.en_text[toks[j - 1].end : t.start] or " ")
        if joined and groups:
            groups[-1].append(j)
        else:
            groups.append([j])
        names.append(_Name(j, w, _is_common(low), len(groups) - 1))
        prev_j = j
    return names, groups


ARTICLE_NAME_MIN = 5  # letters: short names match too many runs of two Arabic words


@lru_cache(maxsize=4096)
def _names_in_text(en: str) -> tuple[str, ...]:
    """The one-word name tokens of an English text (read as the names check reads a pair)."""
    pair = Pair("names", None, None, "", 0, 0, en, 0, len(en))
    names, _ = english_names(PairContext(pair, [], tokenize(en, lang="en")))
    return tuple(dict.fromkeys(n.text for n in names))


def article_names(ctx: PairContext) -> list[str]:
    """Names that other English units of the same article give, for split detection only:
    long enough, not common words, not exonyms (those are translated, not transliterated)."""
    reg = getattr(ctx.resources, "pair_texts", None) if ctx.resources is not None else None
    if reg is None:
        return []
    out: dict[str, None] = {}
    for other in reg.same_article(ctx.pair):
        for w in _names_in_text(other.en):
            low = w.lower()
            if len(w) >= ARTICLE_NAME_MIN and low not in EXONYMS and not _is_common(low):
                out[w] = None
    return list(out)


class Names(Check):
    name: ClassVar[str] = "names"
    version: ClassVar[str] = "1"

    def run(self, ctx: PairContext) -> list[Flag]:
        names, groups = english_names(ctx)
        context_names = article_names(ctx)
        if not names and not context_names:
            return []
        ar = ctx.ar_tokens
        arabic = [is_arabic(t.text) for t in ar]
        flags: list[Flag] = []
        split_done: set[str] = set()
        split_flagged: set[str] = set()
        used_ar: set[int] = set()

        # a. split names
        for nm in names:
            key = nm.text.lower()
            if key in split_done or len(nm.text) < 4:
                continue
            split_done.add(key)
            for i, k, strip in self._splits(ctx, nm, names, arabic, used_ar):
                f = self._split_flag(ctx, nm, i, k, strip)
                used_ar.update(range(i, i + k))
                if f:
                    flags.append(f)
                    split_flagged.add(key)

        # a'. split renderings of names the article's other English units give (the Arabic
        # names the speaker in an attribution this unit's English does not carry)
        own = {nm.text.lower() for nm in names}
        for text in context_names:
            key = text.lower()
            if key in own or key in split_done:
                continue
            split_done.add(key)
            nm = _Name(-1, text, False, -1)
            for i, k, strip in self._splits(ctx, nm, names, arabic, used_ar):
                f = self._split_flag(ctx, nm, i, k, strip)
                used_ar.update(range(i, i + k))
                if f:
                    flags.append(f)

        # b. misspelt names
        seen: set[str] = set()
        for nm in names:
            key = nm.text.lower()
            if key in seen or key in split_flagged:
                continue
            seen.add(key)
            f = self._misspelt(ctx, nm, names, arabic, used_ar)
            if f:
                flags.append(f)

        # c. truncated multi-token names
        for g in groups:
            f = self._truncated(ctx, g, names, arabic)
            if f:
                flags.append(f)
        return flags

    # -- scoring ---------------------------------------------------------------------------

    def _score(self, ctx: PairContext, en: str, i: int, k: int = 1, floor: float = 0.35) -> tuple[float, int]:
        """(similarity, clitic letters stripped) of Arabic tokens i..i+k-1 against ``en``;
        a score under ``floor`` may be an upper bound."""
        cache = ctx.extra.setdefault("names.scores", {})  # per pair: no state on the check
        key = (en, i, k, floor)
        if key not in cache:
            text = " ".join(t.text for t in ctx.ar_tokens[i : i + k])
            cache[key] = tl.best_reading(en, text, floor)
        return cache[key]

    def _best_single(self, ctx: PairContext, en: str, arabic: list[bool]) -> tuple[float, int]:
        """Best single Arabic token for ``en`` (scores under 0.55 are only bounds)."""
        best, at = 0.0, -1
        for i, ok in enumerate(arabic):
            if ok:
                s = self._score(ctx, en, i, floor=0.55)[0]
                if s > best:
                    best, at = s, i
        return best, at

    def _runs(self, ctx: PairContext, arabic: list[bool], k: int):
        """Start indices of runs of k adjacent Arabic tokens separated only by spaces/hyphens."""
        reach = ctx.extra.get("names.runs")
        if reach is None:  # per pair, once: how many such tokens run from each index
            ar = ctx.ar_tokens
            reach = [0] * (len(ar) + 1)
            for i in range(len(ar) - 1, -1, -1):
                if arabic[i]:
                    joined = i + 1 < len(ar) and _GAP_RE.fullmatch(ctx.pair.ar_text[ar[i].end : ar[i + 1].start])
                    reach[i] = 1 + (reach[i + 1] if joined else 0)
            ctx.extra["names.runs"] = reach
        return [i for i in range(len(ctx.ar_tokens) - k + 1) if reach[i] >= k]

    # -- a. splits -------------------------------------------------------------------------

    def _splits(self, ctx, nm: _Name, names: list[_Name], arabic, used_ar: set[int]):
        en = nm.text
        single, _ = self._best_single(ctx, en, arabic)
        others = {n.text for n in names if n.text.lower() != en.lower()}
        en_cons = tl.consonant_count(en)
        ar_cons = [tl.consonant_count_ar(t.text) for t in ctx.ar_tokens]
        cands = []
        for k in range(2, MAX_PIECES + 1):
            for i in self._runs(ctx, arabic, k):
                # cheap bound: each Arabic consonant beyond the name's costs about 1
                # (two may be clitics, stripped when scoring)
                if sum(ar_cons[i : i + k]) - 2 > en_cons + 1:
                    continue
                s, strip = self._score(ctx, en, i, k, SPLIT_MIN)
                if s < SPLIT_MIN or s < single + SPLIT_GAIN:
                    continue
                shorter = max(self._score(ctx, en, i + 1, k - 1)[0], self._score(ctx, en, i, k - 1)[0])
                if s < shorter + SPLIT_GAIN:
                    continue
                # a piece that renders another English name belongs to that name
                if any(self._score(ctx, o, x, floor=SPLIT_MIN)[0] >= SPLIT_MIN for o in others for x in range(i, i + k)):
                    continue
                cands.append((s, -k, i, k, strip))
        out = []
        taken = set(used_ar)
        for _s, _nk, i, k, strip in sorted(cands, reverse=True):
            span = set(range(i, i + k))
            if span & taken:
                continue
            taken |= span
            out.append((i, k, strip))
        return sorted(out)

    def _split_flag(self, ctx: PairContext, nm: _Name, i: int, k: int, strip: int) -> Flag | None:
        ar = ctx.ar_tokens
        first = ar[i]
        start = first.start + tl.offset_after_letters(first.text, strip)
        end = ar[i + k - 1].end
        pieces = [ctx.pair.ar_text[start:first.end]] + [t.text for t in ar[i + 1 : i + k]]
        bad, why = split_verdict(nm.text, pieces)
        if not bad:
            return None
        suggestion = tl.join_pieces(pieces)
        attested = tl.arabnamer_lookup(nm.text)
        if attested and " " not in attested and tl.name_similarity(nm.text, attested) >= 0.9:
            suggestion = attested
        shown = ctx.pair.ar_text[start:end]
        msg = f"the name '{nm.text}' is split into «{shown}»"
        msg += f" ({why})" if why else ", which reads as separate words"
        msg += f"; write it as one word: «{suggestion}»"
        if nm.j < 0:
            msg += " (the name is given in another English unit of this article)"
        return self.flag("named-entity", "minor", msg, ar=(start, end),
                         en=self.tok_span(ctx.en_tokens, nm.j) if nm.j >= 0 else None, suggestion=suggestion)

    # -- b. misspellings -------------------------------------------------------------------

    def _aligned(self, ctx: PairContext, j: int) -> tuple[int, bool]:
        """Arabic token aligned to English token j: (index or -1, whether alignment said so)."""
        links = ctx.en_links(j)
        if links:
            return max(links, key=lambda lk: lk.score).ar, True
        sim = ctx.sim
        if sim is not None and getattr(sim, "shape", None) == (len(ctx.ar_tokens), len(ctx.en_tokens)) and sim.size:
            col = sim[:, j]
            if float(col.max()) > 0:
                return int(col.argmax()), True
        return -1, False

    def _misspelt(self, ctx, nm: _Name, names: list[_Name], arabic, used_ar: set[int]) -> Flag | None:
        en = nm.text
        low = en.lower()
        if nm.common or low in EXONYMS or len(en) < 4:
            return None
        single, best_i = self._best_single(ctx, en, arabic)
        if single >= MISSPELT_HIGH:
            return None
        for k in (2, 3):
            for i in self._runs(ctx, arabic, k):
                if self._score(ctx, en, i, k, MISSPELT_HIGH)[0] >= MISSPELT_HIGH:
                    return None
        if _rendered_by_known_name(ctx, en, arabic):
            return None
        i, aligned = self._aligned(ctx, nm.j)
        if not aligned:
            i = best_i
        if i < 0 or i in used_ar or not arabic[i]:
            return None
        s, strip = self._score(ctx, en, i)
        low_bound = MISSPELT_LOW if aligned else MISSPELT_LOW_UNALIGNED
        if not low_bound <= s < MISSPELT_HIGH:
            return None
        tok = ctx.ar_tokens[i]
        reading = dict(tl.clitic_readings(tok.text)).get(strip, tok.text)
        if len(reading) < 3 or tl.analyze(reading) or tl.analyze(tok.text):
            return None  # a known Arabic word or name: a translation or another name
        if tl.zipf_ar(reading) >= RARE_AR:
            return None  # an established spelling of something
        if any(n.text.lower() != low and self._score(ctx, n.text, i)[0] >= s for n in names):
            return None  # it renders another name better
        start = tok.start + tl.offset_after_letters(tok.text, strip)
        suggestion = None
        attested = tl.arabnamer_lookup(en)
        if attested and " " not in attested and tl.name_similarity(en, attested) >= 0.9:
            suggestion = attested
        shown = ctx.pair.ar_text[start:tok.end]
        msg = (f"the name '{en}' is rendered «{shown}», which does not match it "
               f"(sound similarity {s:.2f}): a syllable may be missing or misspelt")
        return self.flag("named-entity", "minor", msg, ar=(start, tok.end),
                         en=self.tok_span(ctx.en_tokens, nm.j), suggestion=suggestion)

    # -- c. truncation ---------------------------------------------------------------------

    def _truncated(self, ctx: PairContext, group: list[int], names: list[_Name], arabic) -> Flag | None:
        if len(group) < 3:
            return None
        by_j = {n.j: n for n in names}
        texts = [ctx.en_tokens[j].text for j in group]
        if any(by_j[j].common for j in group):
            return None
        best: tuple[int, int] | None = None  # (start, matched length)
        for p, ok in enumerate(arabic):
            if not ok:
                continue
            n = 0
            while n < len(texts) and p + n < len(arabic) and arabic[p + n] and self._score(ctx, texts[n], p + n, floor=TRUNC_PART)[0] >= TRUNC_PART:
                if n and not _GAP_RE.fullmatch(ctx.pair.ar_text[ctx.ar_tokens[p + n - 1].end : ctx.ar_tokens[p + n].start]):
                    break
                n += 1
            if n == len(texts):
                return None  # rendered in full somewhere
            if n >= 2 and (best is None or n > best[1]):
                best = (p, n)
        if best is None:
            return None
        p, n = best
        missing = texts[n:]
        if any(len(m) < 2 for m in missing):
            return None
        if any(self._best_single(ctx, m, arabic)[0] >= TRUNC_ABSENT for m in missing):
            return None
        start, _ = self.tok_span(ctx.ar_tokens, p)
        first = ctx.ar_tokens[p]
        start += tl.offset_after_letters(first.text, self._score(ctx, texts[0], p)[1])
        end = ctx.ar_tokens[p + n - 1].end
        en_span = (ctx.en_tokens[group[0]].start, ctx.en_tokens[group[-1]].end)
        full = ctx.pair.en_text[en_span[0] : en_span[1]]
        msg = (f"the name '{full}' is rendered only as «{ctx.pair.ar_text[start:end]}»: "
               f"nothing in the Arabic sounds like '{' '.join(missing)}'")
        return self.flag("named-entity", "minor", msg, ar=(start, end), en=en_span)


def _rendered_by_known_name(ctx: PairContext, en: str, arabic: list[bool]) -> bool:
    """Some Arabic token is a Buckwalter proper noun glossed by ``en``, or arabnamer's spelling."""
    low = en.lower()
    attested = tl.arabnamer_lookup(en)
    attested_n = normalize_ar(attested) if attested and " " not in attested else None
    for t, ok in zip(ctx.ar_tokens, arabic, strict=True):
        if not ok:
            continue
        for _n, r in tl.clitic_readings(t.text):
            if attested_n and normalize_ar(r) == attested_n:
                return True
            for a in tl.analyze(r):
                if a.proper and low in (w.lower() for w in a.gloss_words()):
                    return True
    return False


def split_verdict(en: str, pieces: list[str]) -> tuple[bool, str]:
    """Whether Arabic ``pieces`` that together render the one-word name ``en`` are a bad
    split, with the reason shown in the message. See the module docstring for the rule."""
    norm = [normalize_ar(p) for p in pieces]
    low = en.lower()
    for p in (pieces[0], pieces[-1]):
        for _n, r in tl.clitic_readings(p):
            if any(low in (w.lower() for w in a.gloss_words()) for a in tl.analyze(r)):
                return False, "one piece is the name already"  # «كورية» + «أن»: Korean + that
    for p, n in zip(pieces, norm, strict=True):
        if n in _FUNCTION_WORDS:
            return True, f"«{p}» reads as a separate word"
    attested = tl.arabnamer_lookup(en)
    if attested and normalize_ar(attested).split() == norm:
        return False, "attested by arabnamer"
    if norm[0] in _COMPOUND_FIRST or any(n.startswith("ال") and len(n) >= 4 for n in norm[1:]):
        return False, "Arabic compound name"
    if norm[0] in _PARTICLES and any(low.startswith(x) for x in _PARTICLES[norm[0]]):
        return False, "name particle"
    if cjk_segmentation(en, pieces):
        return False, "Chinese/Korean syllables"
    return True, ""


def cjk_segmentation(en: str, pieces: list[str]) -> list[str] | None:
    """The split of ``en`` into one romanised Chinese/Korean syllable per Arabic piece, each
    sounding like its piece (Pyongyang, [بيونغ, يانغ] → [pyong, yang]), or None."""
    w = "".join(ch for ch in en.lower() if ch.isalpha())
    k = len(pieces)
    if k < 2 or len(w) < k:
        return None
    best: tuple[float, list[str]] | None = None
    for cuts in itertools.combinations(range(1, len(w)), k - 1):
        bounds = (0, *cuts, len(w))
        segs = [w[a:b] for a, b in itertools.pairwise(bounds)]
        if not all(tl.is_cjk_syllable(s) for s in segs):
            continue
        sims = [tl.name_similarity(s, p) for s, p in zip(segs, pieces, strict=True)]
        if min(sims) >= 0.75 and (best is None or sum(sims) > best[0]):
            best = (sum(sims), segs)
    return best[1] if best else None


def name_tokens(ctx: PairContext) -> list[Token]:
    """The English tokens taken as proper names (for other checks and debugging)."""
    return [ctx.en_tokens[n.j] for n in english_names(ctx)[0]]
