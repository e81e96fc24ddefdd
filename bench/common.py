"""Shared helpers: the shipped corpus, medians, a subprocess that reports its own peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "putin-kim"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def median(xs: list[float]) -> float:
    return float(statistics.median(xs)) if xs else float("nan")


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds of this process, result). CPU time is less disturbed by
    other work on a shared machine; both are reported."""
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w, time.process_time() - c, out


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux ru_maxrss is in KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_json(module: str, *args: str, env: dict[str, str] | None = None, timeout: float = 900) -> dict[str, Any]:
    """Run ``python -m bench.<module> ... --json`` in a fresh process and return its JSON (its
    own peak memory included: a fresh process measures only what that step needs)."""
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), e.get("PYTHONPATH", "")) if p)
    e.update(env or {})
    proc = subprocess.run([sys.executable, "-m", f"bench.{module}", *args, "--json"], cwd=ROOT, env=e,
                          capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"bench.{module} failed (rc {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def machine() -> dict[str, Any]:
    import platform

    return {"cpus": os.cpu_count(), "python": platform.python_version(), "load_avg": [round(x, 2) for x in os.getloadavg()]}


def shipped_pairs():
    """The shipped corpus and the pairs the pipeline finds in it (the benchmarks' inputs)."""
    from align.corpus import read_corpus
    from align.pipeline import Options, Scorer

    corpus = read_corpus(CORPUS)
    scorer = Scorer(Options())
    return corpus, scorer.pair(corpus), scorer
