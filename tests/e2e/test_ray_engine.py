"""The batch scorer on a local Ray instance gives the default engine's results (real models;
~1 min: Ray's start and one model load per Ray worker)."""

from __future__ import annotations

from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'muqabala[scale]'); the Ray engine is untested here")

from align.corpus import read_corpus  # noqa: E402
from align.pipeline import Options, Scorer  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "putin-kim"
CHECKS = ["numbers", "names", "punctuation", "consistency", "status-words"]


def close(a: list[dict], b: list[dict]) -> None:
    """Same pairs, flags, verdicts and links; similarity scores equal to float rounding
    (Ray workers run torch on one thread and other batch sizes, so sums are ordered
    differently)."""
    assert [r["pair_id"] for r in a] == [r["pair_id"] for r in b]
    for x, y in zip(a, b, strict=True):
        assert x["flags"] == y["flags"] and x["verdict"] == y["verdict"], x["pair_id"]
        assert abs(x["fidelity"] - y["fidelity"]) <= 0.05
        assert [al[:4] for al in x["alignment"]] == [al[:4] for al in y["alignment"]], x["pair_id"]
        assert all(abs(p[4] - q[4]) <= 2e-3 for p, q in zip(x["alignment"], y["alignment"], strict=True))


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # raised inside ray.data itself
def test_ray_engine_equals_default_engine():
    corpus = read_corpus(CORPUS)
    local = Scorer(Options(checks=CHECKS, cache=False))
    pairs = local.pair(corpus)[:24]
    want = [r.to_json() for r in local.score_pairs(pairs, corpus)]
    try:
        on_ray = Scorer(Options(checks=CHECKS, cache=False, engine="ray", num_proc=2, batch_size=6, distribute_checks=True))
        on_ray._sentence = local._sentence  # pairing is not under test; the alignment and check stages are
        got = [r.to_json() for r in on_ray.score_pairs(pairs, corpus)]
        assert ray.is_initialized() and ray.cluster_resources().get("CPU", 0) >= 1
    finally:
        ray.shutdown()
    assert any(r["flags"] for r in want) and all(r["alignment"] for r in want)
    close(got, want)
