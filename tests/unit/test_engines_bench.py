"""The benchmarks' inputs: the generated large corpus is built from the shipped one as the
README says, and the pairing benchmark's search finds planted translations (no models)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from align.corpus import read_corpus
from align.segment import sentences
from bench.pairing_scale import generate, measure_distinct

ROOT = Path(__file__).resolve().parents[2]


def test_generated_corpus_recombines_shipped_sentences():
    c = generate(120, 1_000, seed=3)
    shipped = read_corpus(ROOT / "corpora" / "putin-kim")
    pool = {sp.text(a.text) for a in shipped.articles.values() for sp in sentences(a.text, "ar")}
    lines = [line for a in c.articles.values() for line in a.text.split("\n")]
    assert len(lines) == 1_000 and len(c.articles) == 50
    assert set(lines) <= pool and len(set(lines)) > 20
    assert len(c.sources) == 120
    assert set(shipped.sources) <= set(c.sources)  # the shipped units, then recombined ones
    assert generate(120, 1_000, seed=3).articles["g000001"].text == c.articles["g000001"].text


def test_distinct_search_finds_the_planted_pairs():
    r = measure_distinct(50, 3_000, dim=32, block=256)
    assert r["hits"] >= 50 and r["candidates"] == 3_000
    assert np.isfinite(r["search_s"])
