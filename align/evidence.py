"""Numeric evidence per pair for a calibrated fidelity model.

The checks decide flags one rule at a time; a calibrated model wants the underlying numbers.
``pair_evidence(ctx)`` gathers cheap ones from the lexical layer (dictionary agreement of the
word links, the counterfactual of ``checks.lexical``), the back-translations
(``align.backtranslate``) and the rendering-consistency numbers, cached on ``ctx.extra`` so a
check that already computed them is not repeated.

Keys (all floats; absent inputs give NaN where a 0 would be a claim):

* ``sent_cos``: cos(ar, en) with the run's sentence encoder;
* ``gloss_chrf``: chrF (0–100) of the gloss back-translation against the English;
* ``mt_chrf``: the same for the MT back-translation (NaN without ``resources.mt_model``);
* ``dict_pairs``, ``dict_known``: content-word pairs (links plus dictionary-confirmed and
  mutual-best pairs), and those the dictionaries know both words of;
* ``dict_translation_share``: share of known pairs that are dictionary translations;
* ``non_translation_links``: known pairs that are not;
* ``suspects``, ``cf_best_gain``, ``cf_min_keep``: the counterfactual's suspects, the best
  similarity gain of a substitution and the lowest English keep score (NaN without suspects);
* ``lexical_flags``: suspects over the check's thresholds;
* ``len_ratio``: Arabic/English word counts; ``ar_unaligned``, ``en_unaligned``: shares of
  content words without a link;
* ``rc_others``, ``rc_max_ar_sim``, ``rc_bt_gap``: rendering consistency (NaN without others).
"""

from __future__ import annotations

import math

import numpy as np

from . import backtranslate as bt
from . import dictionary as dic
from .checks import lexical, rendering_consistency
from .checks.base import PairContext
from .lexicon import is_ar_content, is_en_content

EXTRA_KEY = "evidence"
NAN = math.nan


def _sentence_cos(ctx: PairContext) -> float:
    tr = ctx.extra.get(lexical.EXTRA_KEY)
    if tr:
        return tr[0].base
    enc = lexical._encoder(ctx)
    v = np.asarray(enc.encode([ctx.pair.en, ctx.pair.ar]), dtype=np.float32)
    return float(v[0] @ v[1])


def pair_evidence(ctx: PairContext, *, encoder: bool = True) -> dict[str, float]:
    """Numeric features of one pair (cached on ``ctx.extra``). ``encoder=False`` skips the
    sentence-encoder features (sentence cosine, counterfactual) for a dictionary-only pass."""
    if EXTRA_KEY in ctx.extra:
        return ctx.extra[EXTRA_KEY]
    ev: dict[str, float] = {}
    gloss = bt.gloss_backtranslation(ctx.ar_tokens)
    ev["gloss_chrf"] = bt.chrf(gloss, ctx.pair.en)
    mt = getattr(ctx.resources, "mt_model", None) if ctx.resources is not None else None
    ev["mt_chrf"] = bt.chrf(bt.mt_backtranslation([ctx.pair.ar], mt)[0], ctx.pair.en) if mt else NAN

    pairs = lexical.content_pairs(ctx)
    rels = [dic.is_translation(ctx.ar_tokens[i].text, ctx.en_tokens[j].text) for i, j, _ in pairs]
    known = [r for r in rels if r is not None]
    ev["dict_pairs"] = float(len(pairs))
    ev["dict_known"] = float(len(known))
    ev["dict_translation_share"] = sum(known) / len(known) if known else NAN
    ev["non_translation_links"] = float(sum(1 for r in known if not r))

    if encoder:
        trials = lexical.trials(ctx)
        ev["sent_cos"] = _sentence_cos(ctx)
        ev["suspects"] = float(len(trials))
        ev["cf_best_gain"] = max((t.gain for t in trials), default=NAN)
        keeps = [t.keep for t in trials if t.keep is not None]
        ev["cf_min_keep"] = min(keeps) if keeps else NAN
        ev["lexical_flags"] = float(sum(t.flagged for t in trials))

    ar_c = [i for i, t in enumerate(ctx.ar_tokens) if is_ar_content(t.norm)]
    en_c = [j for j, t in enumerate(ctx.en_tokens) if is_en_content(t.norm)]
    ev["len_ratio"] = len(ctx.ar_tokens) / len(ctx.en_tokens) if ctx.en_tokens else NAN
    al_a, al_e = ctx.aligned_ar(), ctx.aligned_en()
    ev["ar_unaligned"] = sum(1 for i in ar_c if i not in al_a) / len(ar_c) if ar_c else NAN
    ev["en_unaligned"] = sum(1 for j in en_c if j not in al_e) / len(en_c) if en_c else NAN

    rc = rendering_consistency.consistency(ctx)
    ev["rc_others"] = rc["others"] if rc else 0.0
    ev["rc_max_ar_sim"] = rc["max_ar_sim"] if rc else NAN
    ev["rc_bt_gap"] = rc["bt_gap"] if rc else NAN
    ctx.extra[EXTRA_KEY] = ev
    return ev
