"""Pairs/second of the whole scoring pipeline (pairing, word alignment, checks, fidelity) on
the shipped corpus, models loaded and one warm-up run done, with a cold content cache (every
text encoded again) — and, separately, re-scoring the unchanged corpus (cache warm).

    python bench/pipeline_speed.py [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import CORPUS, median, timed


def one_run(scorer, corpus) -> dict[str, float]:
    """Stage by stage, so a slow stage shows; the sum is the whole pipeline."""
    w_pair, _, pairs = timed(lambda: scorer.pair(corpus))
    w_align, _, aligned = timed(lambda: scorer.align_stage(pairs))

    def checks():
        res = scorer.resources(corpus)
        for a in aligned:
            scorer.register(a, res)
        return scorer.check_stage(aligned, res, scorer.models(paired=True), {}, None, None, scorer.options.batch_size)

    w_check, _, results = timed(checks)
    total = w_pair + w_align + w_check
    return {"pairs": len(results), "pair_s": w_pair, "align_s": w_align, "checks_s": w_check, "total_s": total}


def measure(scorer, corpus, repeat: int = 3) -> dict:
    from align.cache import ContentCache

    scorer.use_cache(ContentCache())
    one_run(scorer, corpus)  # warm-up: lazy lexicons, first allocations
    runs = []
    for _ in range(repeat):
        scorer.use_cache(ContentCache())  # cold cache: every text is encoded again
        runs.append(one_run(scorer, corpus))
    cached = []
    for _ in range(repeat):  # the cache of the last cold run is warm: unchanged text
        cached.append(one_run(scorer, corpus))
    n = runs[0]["pairs"]
    out = {"pairs": n}
    for k in ("pair_s", "align_s", "checks_s", "total_s"):
        out[k] = median([r[k] for r in runs])
    out["pairs_per_s"] = n / out["total_s"]
    out["cached_total_s"] = median([r["total_s"] for r in cached])
    out["cached_pairs_per_s"] = n / out["cached_total_s"]
    out["cached_align_s"] = median([r["align_s"] for r in cached])
    out["samples_total_s"] = [r["total_s"] for r in runs]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    from align.corpus import read_corpus
    from align.pipeline import Options, Scorer

    scorer = Scorer(Options()).load()
    res = measure(scorer, read_corpus(CORPUS), a.repeat)
    print(json.dumps(res) if a.json else json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
