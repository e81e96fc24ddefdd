"""One article's rendering of an English statement that drifts from every other article's.

When several articles translate the same English unit (a tweet quoted by four outlets), their
Arabic differs in wording but mostly shares words; a rendering that shares little with
*all* the others and whose word-by-word gloss back-translation (``align.backtranslate``)
also matches the English clearly worse than theirs is likely to have changed the meaning.

For the pair and each other pair of the same English unit from a different article:

* ``ar_sim``: chrF between the two Arabic renderings (normalised Arabic, both directions
  averaged);
* ``bt``: chrF of each rendering's back-translation against the English (the MT model's
  when ``resources.mt_model`` is set, else the gloss).

Flag (``mistranslation``, ``minor``) when there are at least ``MIN_OTHERS`` other
renderings, the pair's best ``ar_sim`` to them is below ``MAX_AR_SIM``, and its ``bt`` is
below every other rendering's by ``BT_GAP`` or more. The flag has no Arabic span (the
drift is the whole rendering's); its message names the longest run of content words that
the word alignment leaves unlinked (two words or more), where the drift most likely is.

The renderings come from ``resources.pair_texts``, where the pipeline registers every pair
(``Scorer.register``) before any check runs; one English unit is one source id and English
text (in pairs mode, the same English text).
"""

from __future__ import annotations

from typing import ClassVar

from .. import backtranslate as bt
from ..lexicon import is_ar_content
from ..normalize import normalize_ar
from ..records import Flag
from ..resources import PairText
from ..segment import tokenize
from .base import Check, PairContext

MIN_OTHERS = 1
MAX_AR_SIM = 35.0  # chrF (0–100) between Arabic renderings of one English unit
BT_GAP = 10.0  # chrF points below the worst other rendering's back-translation
MIN_RUN = 2
EXTRA_KEY = "rendering-consistency"


def others(ctx: PairContext) -> list[PairText]:
    """Other articles' renderings of this pair's English unit."""
    res = ctx.resources
    if res is None:
        return []
    reg = getattr(res, "pair_texts", None)
    group = reg.same_unit(ctx.pair) if reg is not None else []
    art = ctx.pair.article
    return [g for g in group if art is None or g.article != art]


def _ar_chrf(a: str, b: str) -> float:
    a, b = normalize_ar(a), normalize_ar(b)
    return (bt.chrf(a, b) + bt.chrf(b, a)) / 2


def _back(ctx: PairContext, texts: list[str], tokens: list[list]) -> list[float]:
    """chrF of each rendering's back-translation against the English."""
    mt = getattr(ctx.resources, "mt_model", None) if ctx.resources is not None else None
    hyps = bt.mt_backtranslation(texts, mt) if mt else [bt.gloss_backtranslation(t) for t in tokens]
    return [bt.chrf(h, ctx.pair.en) for h in hyps]


def consistency(ctx: PairContext) -> dict[str, float] | None:
    """Numbers for this pair against its unit's other renderings (None without enough)."""
    if EXTRA_KEY in ctx.extra:
        return ctx.extra[EXTRA_KEY]
    group = others(ctx)
    out = None
    if group:
        ar_sims = [_ar_chrf(ctx.pair.ar, g.ar) for g in group]
        texts = [ctx.pair.ar] + [g.ar for g in group]
        toks = [list(ctx.ar_tokens)] + [list(g.ar_tokens) or tokenize(g.ar, 0, len(g.ar), "ar") for g in group]
        scores = _back(ctx, texts, toks)
        out = {"others": float(len(group)), "max_ar_sim": max(ar_sims), "bt": scores[0],
               "bt_others_min": min(scores[1:]), "bt_gap": min(scores[1:]) - scores[0]}
    ctx.extra[EXTRA_KEY] = out
    return out


def _unlinked_run(ctx: PairContext) -> tuple[int, int] | None:
    linked = ctx.aligned_ar()
    best: tuple[int, int] | None = None
    run: list[int] = []
    for i, t in enumerate([*ctx.ar_tokens, None]):
        if t is not None and i not in linked and is_ar_content(t.norm):
            run.append(i)
            continue
        if len(run) >= MIN_RUN and (best is None or len(run) > best[1] - best[0] + 1):
            best = (run[0], run[-1])
        if t is not None and i in linked:
            run = []
    return best


class RenderingConsistencyCheck(Check):
    name: ClassVar[str] = "rendering-consistency"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"resources"})

    def run(self, ctx: PairContext) -> list[Flag]:
        c = consistency(ctx)
        if c is None or c["others"] < MIN_OTHERS or c["max_ar_sim"] >= MAX_AR_SIM or c["bt_gap"] < BT_GAP:
            return []
        run = _unlinked_run(ctx)
        where = f"; unaligned: «{ctx.ar_span_text(*run)}»" if run else ""
        return [self.flag(
            "mistranslation", "minor",
            f"this rendering shares little with the {int(c['others'])} other articles' renderings of the same "
            f"English (chrF ≤ {c['max_ar_sim']:.0f}) and its back-translation matches the English worse "
            f"(chrF {c['bt']:.0f} vs ≥ {c['bt_others_min']:.0f}){where}")]
