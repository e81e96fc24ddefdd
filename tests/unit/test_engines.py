"""The batch functions are pure and every engine gives the default engine's results.

Fake encoders stand in for the models (the real ones run in tests/e2e/test_ray_engine.py):
``remember_aligner`` seeds the per-process memo, and the ``datasets`` workers are forked, so
they inherit it.
"""

from __future__ import annotations

import numpy as np
import pytest

from align import engines
from align.cache import CachedSentenceEncoder, from_bytes
from align.corpus import Corpus
from align.engines import AlignConfig, DatasetsEngine, LocalEngine, align_batch, make_engine, remember_aligner
from align.pairing import pairs_from_rows
from align.pipeline import Options, Scorer
from align.wordalign import WordAligner, words_text

CHECKS = ["numbers", "names", "consistency", "punctuation", "latin-script"]
ROWS = [
    ("p1", "قال بوتين إن 15 ألف جندي وصلوا.", "Putin said 15,000 soldiers arrived."),
    ("p2", "التقى كيم جونغ أون بوتين في موسكو.", "Kim Jong Un met Putin in Moscow."),
    ("p3", "أهدى بوتين كيم قفاز رائد فضاء.", "Putin gifted Kim a cosmonaut glove."),
    ("p4", "أهدى بوتين كيم قفازًا رائدًا.", "Putin gifted Kim a cosmonaut glove."),
    ("p5", "وصل 20 ألف جندي.", "15,000 soldiers arrived."),
]


class FakeTokenEncoder:
    def embed_words(self, items):
        out = []
        for text, spans in items:
            v = np.zeros((len(spans), 16), dtype=np.float32)
            for n, (s, e) in enumerate(spans):
                for ch in text[s:e].strip():
                    v[n, ord(ch) % 16] += 1.0
            out.append(v)
        return out

    def signature(self):
        return "fake-tok@layer8"


class FakeSentenceEncoder:
    def encode(self, texts):
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0

    def signature(self):
        return "fake-sent"


def fake_scorer(**kw) -> Scorer:
    s = Scorer(Options(checks=CHECKS, **kw))
    s._aligner = WordAligner(FakeTokenEncoder(), "argmax", s.cache)
    s._sentence = CachedSentenceEncoder(FakeSentenceEncoder(), s.cache)
    return s


@pytest.fixture(autouse=True)
def clean_memo():
    yield
    engines._ALIGNERS.clear()
    engines._CHECKS.clear()


def corpus() -> Corpus:
    return Corpus("t", pairs=list(ROWS))


def test_align_batch_is_pure_and_keeps_keys():
    cfg = AlignConfig("fake-model")
    remember_aligner(cfg, WordAligner(FakeTokenEncoder()))
    batch = {"key": ["k1", "k2"], "ar": [words_text(["بوتين", "كيم"])[0], ""], "en": [words_text(["Putin"])[0]] * 2}
    a = align_batch(batch, cfg)
    b = align_batch(batch, cfg)
    assert a["key"] == ["k1", "k2"] and a == b
    assert from_bytes(a["sim"][0]).shape == (2, 1) and from_bytes(a["sim"][1]).shape == (0, 1)


def test_local_engine_batches_in_order():
    seen = []

    def fn(batch, tag):
        seen.append(len(batch["x"]))
        return {"y": [f"{tag}{x}" for x in batch["x"]]}

    out = list(LocalEngine().map(fn, [{"x": i} for i in range(5)], 2, tag="t"))
    assert seen == [2, 2, 1] and [y for b in out for y in b["y"]] == ["t0", "t1", "t2", "t3", "t4"]


def test_make_engine_refuses_unknown():
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark")


def _records(results):
    return [r.to_json() for r in results]


def test_datasets_engine_equals_local_engine():
    c = corpus()
    pairs = pairs_from_rows(c)
    want = _records(fake_scorer(batch_size=2).score_pairs(pairs, c))
    got = _records(fake_scorer(engine="datasets", num_proc=2, batch_size=2).score_pairs(pairs, c))
    assert got == want
    assert any(r["flags"] for r in want)  # the comparison is not between empty results


def test_distributed_checks_equal_local_checks():
    c = corpus()
    pairs = pairs_from_rows(c)
    want = _records(fake_scorer().score_pairs(pairs, c))
    got = _records(fake_scorer(engine="datasets", num_proc=2, batch_size=2, distribute_checks=True).score_pairs(pairs, c))
    assert got == want


def test_datasets_engine_hands_back_chunks_as_they_finish():
    cfg = AlignConfig("fake-model")
    remember_aligner(cfg, WordAligner(FakeTokenEncoder()))
    rows = [{"key": str(i), "ar": words_text(["كلمة"] * (i + 1))[0], "en": words_text(["word"])[0]} for i in range(6)]
    out = list(DatasetsEngine(num_proc=2, chunk=4).map(align_batch, rows, 2, config=cfg))
    assert [len(b["key"]) for b in out] == [4, 2]
    assert sorted(k for b in out for k in b["key"]) == [str(i) for i in range(6)]


def test_score_pairs_sink_gets_batches_and_done_pairs_are_not_checked_again():
    c = corpus()
    pairs = pairs_from_rows(c)
    s = fake_scorer(batch_size=2)
    first = s.score_pairs(pairs, c)
    batches = []
    done = {pairs[0].pair_id: first[0].to_json() | {"verdict": "error"}}  # a marker: reused as is
    again = s.score_pairs(pairs, c, done=done, sink=batches.append)
    assert [len(b) for b in batches] == [2, 2]
    assert again[0].verdict == "error" and _records(again[1:]) == _records(first[1:])
    assert s.align_stats == {"pairs": 5, "from_cache": 5, "computed": 0}
