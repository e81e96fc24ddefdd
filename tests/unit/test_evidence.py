"""align.evidence: numeric features per pair, cached on the context."""

from __future__ import annotations

import math

import numpy as np

from align.checks import lexical
from align.evidence import EXTRA_KEY, pair_evidence
from align.records import Link, Pair
from align.resources import Resources
from align.segment import tokenize


class CountingEncoder:
    def __init__(self):
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        rng = np.random.default_rng(len(texts))
        v = rng.normal(size=(len(texts), 8)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def _ctx(ar: str, en: str, links: list[tuple[str, str]]):
    from align.checks.base import PairContext

    p = Pair("e1", "1", "s", ar, 0, len(ar), en, 0, len(en))
    at, et = tokenize(ar, 0, len(ar), "ar"), tokenize(en, 0, len(en), "en")
    aw, ew = [t.text for t in at], [t.text for t in et]
    res = Resources()
    enc = CountingEncoder()
    res.sentence_encoder = enc
    return PairContext(p, at, et, [Link(aw.index(a), ew.index(e), 0.9) for a, e in links], None, res), enc


def test_features_and_cache():
    ctx, enc = _ctx("سيغلق المصنع أبوابه الشهر المقبل", "The factory will close next month",
                    [("سيغلق", "close"), ("المصنع", "factory"), ("الشهر", "month"), ("المقبل", "next")])
    ev = pair_evidence(ctx)
    for key in ("gloss_chrf", "mt_chrf", "dict_translation_share", "non_translation_links", "sent_cos",
                "cf_best_gain", "len_ratio", "ar_unaligned", "en_unaligned", "rc_others"):
        assert key in ev
    assert all(isinstance(v, float) for v in ev.values())
    assert 0 < ev["gloss_chrf"] <= 100
    assert math.isnan(ev["mt_chrf"])  # no --mt-model
    assert ev["dict_known"] >= 3 and ev["dict_translation_share"] >= 0.75
    assert ev["len_ratio"] == 5 / 6 and ev["rc_others"] == 0.0
    calls = enc.calls
    assert pair_evidence(ctx) is ctx.extra[EXTRA_KEY] and enc.calls == calls  # cached
    assert lexical.EXTRA_KEY in ctx.extra  # the check reuses the same trials


def test_dictionary_only_pass_needs_no_encoder():
    ctx, enc = _ctx("قفازًا رائدًا", "a cosmonaut glove", [("قفازًا", "glove")])
    ev = pair_evidence(ctx, encoder=False)
    assert enc.calls == 0 and "sent_cos" not in ev
    assert ev["dict_translation_share"] == 1.0
