"""`muqabala score PATH --out results.jsonl [--db review.sqlite] [--engine local|datasets|ray]`.

With ``--db`` the results are committed to the store batch by batch as they are finished; a
run that is killed is resumed by the next identical command, without redoing finished pairs."""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from rich.table import Table

from ..corpus import read_corpus
from ..engines import ENGINES
from ..pipeline import Run, Scorer, score_into_store, score_path
from .common import add_model_options, add_scoring_options, err, options_from, out, progress_bar, report_problems


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("score", help="pair, align and check a corpus folder or a pairs file")
    p.add_argument("path", help="corpus folder (articles/, sources.jsonl) or pairs file (.jsonl/.csv/.tsv with id, ar, en)")
    p.add_argument("--out", type=Path, default=Path("results.jsonl"), help="results file (default results.jsonl)")
    p.add_argument("--db", type=Path, default=None, help="also keep the results in this SQLite review store")
    add_model_options(p)
    add_scoring_options(p)
    add_engine_options(p)
    p.set_defaults(func=run)


def add_engine_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("scale-out")
    g.add_argument("--engine", choices=ENGINES, default="local",
                   help="where word alignment runs: this process (default), datasets.Dataset.map worker "
                        "processes, or Ray Data (a local instance, or the cluster at --ray-address / $RAY_ADDRESS)")
    g.add_argument("--num-proc", type=int, default=None, metavar="N",
                   help="worker processes for --engine datasets (default: all cores); CPUs for a local Ray instance")
    g.add_argument("--ray-address", default=None, metavar="ADDR", help="Ray cluster address, e.g. ray://head:10001 or auto")
    g.add_argument("--distribute-checks", action="store_true",
                   help="run the check stage on the engine too (the run's translation memory is broadcast)")
    g.add_argument("--batch-size", type=int, default=64, metavar="N",
                   help="pairs per alignment batch and per committed batch of results (default 64)")
    g.add_argument("--no-cache", action="store_true", help="do not reuse cached alignments and sentence vectors")


def engine_options(opts, args: argparse.Namespace):
    """Copy the scale-out flags onto Options (they are not shared by every subcommand)."""
    if args.num_proc is not None and args.num_proc < 1:
        raise ValueError("--num-proc must be at least 1")
    if args.batch_size < 1:
        raise ValueError("--batch-size must be at least 1")
    opts.engine, opts.num_proc, opts.ray_address = args.engine, args.num_proc, args.ray_address
    opts.distribute_checks, opts.batch_size, opts.cache = args.distribute_checks, args.batch_size, not args.no_cache
    return opts


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
    opts = engine_options(options_from(args), args)
    if args.db:
        from ..store import Store

        scorer = Scorer(opts)
        corpus = read_corpus(args.path, strict=opts.strict)
        store = Store(args.db)
        try:
            with progress_bar("scoring") as update:
                result = score_into_store(corpus, store, scorer, progress=update)
        finally:
            store.close()
    else:
        with progress_bar("scoring") as update:
            result = score_path(args.path, opts, progress=update)
    report_problems(result.problems)
    write_results(result, args.out)
    out.print(summary_table(result))
    st = scorer.align_stats if args.db else {}
    if st:
        err.print(f"word alignment: {st['pairs']} pairs, {st['from_cache']} from the cache, {st['computed']} computed")
    if result.resumed:
        err.print(f"resumed an interrupted run: {result.resumed} finished pairs kept from {args.db}")
    err.print(f"wrote {len(result.results)} pairs to {args.out}" + (f" and {args.db}" if args.db else ""))
    return 0
