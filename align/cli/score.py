"""`muqabala score PATH --out results.jsonl [--db review.sqlite]`."""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from rich.table import Table

from ..pipeline import Run, save_to_store, score_path
from .common import add_model_options, add_scoring_options, err, options_from, out, progress_bar, report_problems


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("score", help="pair, align and check a corpus folder or a pairs file")
    p.add_argument("path", help="corpus folder (articles/, sources.jsonl) or pairs file (.jsonl/.csv/.tsv with id, ar, en)")
    p.add_argument("--out", type=Path, default=Path("results.jsonl"), help="results file (default results.jsonl)")
    p.add_argument("--db", type=Path, default=None, help="also keep the results in this SQLite review store")
    add_model_options(p)
    add_scoring_options(p)
    p.set_defaults(func=run)


def write_results(run: Run, path: Path) -> None:
    """Atomic: a crash leaves the previous results file intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        for r in run.results:
            f.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def summary_table(run: Run) -> Table:
    verdicts = Counter(r.verdict for r in run.results)
    checks = Counter(f.check for r in run.results for f in r.flags)
    cats = Counter((f.category, f.severity) for r in run.results for f in r.flags)
    t = Table(title=f"muqabala · {run.corpus.name}", show_header=True)
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("pairs", str(len(run.results)))
    for v in ("ok", "review", "error"):
        t.add_row(f"  verdict {v}", str(verdicts.get(v, 0)))
    t.add_row("flags", str(sum(checks.values())))
    for name, n in checks.most_common(8):
        t.add_row(f"  check {name}", str(n))
    for (cat, sev), n in cats.most_common(6):
        t.add_row(f"  {cat} / {sev}", str(n))
    if run.problems:
        t.add_row("input problems", str(len(run.problems)))
    return t


def run(args: argparse.Namespace) -> int:
    opts = options_from(args)
    with progress_bar("scoring") as update:
        result = score_path(args.path, opts, progress=update)
    report_problems(result.problems)
    write_results(result, args.out)
    if args.db:
        save_to_store(result, args.db)
    out.print(summary_table(result))
    err.print(f"wrote {len(result.results)} pairs to {args.out}" + (f" and {args.db}" if args.db else ""))
    return 0
