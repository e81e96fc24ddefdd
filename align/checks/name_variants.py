"""A name spelt one way here and another, better way elsewhere in the same article.

A desk that transliterates a name by hand often spells it twice («ريبيرا» here, «ريبيرو» in the
headline for Ribeiro; «فينتش» and «فينش» for Finch). Each spelling may sound close enough to
pass the names check on its own, but readers and search see two people. The article itself
says which spelling is meant: for an English name of the pair (``names.english_names``: not a
common word, not an exonym, four letters or more), the pair's rendering is the Arabic word that
sounds most like it (``translit.best_reading`` ≥ ``SOUNDS_LIKE``, clitics off). Every word of
the whole article text that also sounds like the name is a variant; one that is spelt nearly
the same (edit distance ≤ ``MAX_EDITS`` on normalised letters, so it is the same name and not
another one) but differently counts against the pair's spelling when it

* sounds clearly better (similarity higher by ``SOUND_GAP`` or more), or
* sounds as good and is arabnamer's spelling of the name, or is used more often in the article.

The pair's spelling is never flagged when it is arabnamer's own, a proper noun or adjective
the Buckwalter analyser knows, or a word wordfreq finds common (as in the names check: «روسية» is the adjective, not
Russia misspelt; «أوكرانيا» is the established spelling). Flags: named-entity, minor,
with the article's better spelling as the suggestion. In pairs mode (no article around the
sentence) there is nothing to compare with and the check is silent.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import ClassVar

from .. import translit as tl
from ..normalize import normalize_ar
from ..records import Flag
from ..segment import is_arabic, tokenize
from .base import Check, PairContext
from .names import EXONYMS, RARE_AR, english_names

SOUNDS_LIKE = 0.8  # a word this close in sound is a spelling of the name
SOUND_GAP = 0.03  # a variant this much closer in sound is the better spelling
MAX_EDITS = 2  # letters that may differ between two spellings of one name
MIN_NAME = 4  # letters


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (the strings are single short words)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _core(en: str, word: str) -> tuple[float, str, int]:
    """Sound similarity to the name, the word's letters with the matching clitics off, and
    how many letters those clitics are."""
    sim, strip = tl.best_reading(en, word, SOUNDS_LIKE)
    return sim, dict(tl.clitic_readings(word)).get(strip, word), strip


@lru_cache(maxsize=256)
def _arabic_words(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(text, lang="ar") if is_arabic(t.text))


@lru_cache(maxsize=4096)
def _variants(text: str, en: str) -> tuple[tuple[str, float, int], ...]:
    """The article's spellings of the name: (letters, similarity, uses), best first."""
    sims: dict[str, float] = {}
    uses: Counter[str] = Counter()
    for w in _arabic_words(text):
        sim, core, _ = _core(en, w)
        if sim >= SOUNDS_LIKE and len(core) >= 3:
            key = normalize_ar(core)
            sims[key] = max(sims.get(key, 0.0), sim)
            uses[key] += 1
    return tuple(sorted(((k, sims[k], uses[k]) for k in sims), key=lambda v: (-v[1], -v[2])))


def _known_name_or_adjective(word: str) -> bool:
    """A Buckwalter proper noun or adjective. Other readings do not count: the analyser also
    reads a misspelt name as a clitic and a verb (فينتش = ف + ينتش)."""
    return any(a.pos.startswith(("NOUN_PROP", "ADJ")) for a in tl.analyze(word))


class NameVariants(Check):
    name: ClassVar[str] = "name-variants"
    version: ClassVar[str] = "1"

    def run(self, ctx: PairContext) -> list[Flag]:
        p = ctx.pair
        text = p.ar_text
        if p.ar_end - p.ar_start >= len(text.strip()):
            return []  # the sentence alone: no article to compare with
        names, _ = english_names(ctx)
        flags: list[Flag] = []
        done: set[str] = set()
        for nm in names:
            low = nm.text.lower()
            if nm.common or low in EXONYMS or len(nm.text) < MIN_NAME or low in done:
                continue
            done.add(low)
            best = max(((*_core(nm.text, t.text), i) for i, t in enumerate(ctx.ar_tokens) if is_arabic(t.text)),
                       default=None)
            if best is None or best[0] < SOUNDS_LIKE or len(best[1]) < 3:
                continue
            sim, core, strip, i = best
            mine = normalize_ar(core)
            attested = tl.arabnamer_lookup(nm.text)
            attested = normalize_ar(attested) if attested and " " not in attested else None
            if mine == attested or _known_name_or_adjective(core) or _known_name_or_adjective(ctx.ar_tokens[i].text) \
                    or tl.zipf_ar(core) >= RARE_AR:
                continue  # arabnamer's spelling, or a known name or adjective («روسية» is Russian, not Russia misspelt)
            variants = _variants(text, nm.text)
            uses = dict((k, n) for k, _, n in variants).get(mine, 1)
            for other, osim, n in variants:
                if other == mine or _edits(other, mine) > MAX_EDITS:
                    continue
                as_good = osim >= sim - SOUND_GAP and (other == attested or n > uses)
                if osim >= sim + SOUND_GAP or as_good:
                    tok = ctx.ar_tokens[i]
                    start = tok.start + tl.offset_after_letters(tok.text, strip)
                    flags.append(self.flag(
                        "named-entity", "minor",
                        f"'{nm.text}' is spelt «{text[start:tok.end]}» here but «{other}» elsewhere in the article"
                        f" ({n} time{'s' if n > 1 else ''}), which renders it {'better' if osim > sim else 'as well'}:"
                        " one spelling should be kept",
                        ar=(start, tok.end), en=self.tok_span(ctx.en_tokens, nm.j), suggestion=other))
                    break
        return flags
