"""`muqabala bench [--json]`: the speed and scale benchmarks of ``bench/`` (needs a source
checkout: the benchmarks and the shipped corpus they run on are not part of the package)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import err, out

ROOT = Path(__file__).resolve().parents[2]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="benchmark alignment, pipeline, pairing at scale and model loading")
    p.add_argument("--json", action="store_true", help="print one JSON object (align_speedup, align_agreement, "
                   "pipeline_pairs_per_s, pairing_100k_s, pairing_100k_peak_mb, warm_load_s, …)")
    p.add_argument("--repeat", type=int, default=3, help="runs per measure; medians are reported (default 3)")
    p.add_argument("--no-cold", action="store_true", help="skip the cold model load (rebuilds the bundled model: ~15 s)")
    p.add_argument("--quick", action="store_true", help="skip the 100,000-sentence pairing; run simalign once")
    p.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not (ROOT / "bench" / "run_all.py").is_file():
        raise ValueError(f"muqabala bench needs a source checkout (no {ROOT / 'bench'}); clone the repository and run it there")
    if args.repeat < 1:
        raise ValueError("--repeat must be at least 1")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bench.run_all import markdown, run_benchmarks

    res = run_benchmarks(args.repeat, cold=not args.no_cold, quick=args.quick, log=lambda m: err.print(m))
    if args.out:
        args.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(res))
    else:
        out.print(markdown(res), markup=False)
    return 0
