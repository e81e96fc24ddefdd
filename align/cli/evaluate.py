"""`muqabala eval CORPUS [--out metrics.json]`: score, then compare with gold.jsonl."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.table import Table

from ..corpus import InputError, read_corpus
from ..evaluate import Metrics, evaluate, gold_as_pairs, gold_pairs
from ..pipeline import Scorer
from .common import add_model_options, add_scoring_options, err, options_from, out, progress_bar, report_problems


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score a corpus and report the metrics against its gold.jsonl")
    p.add_argument("corpus", help="corpus folder with gold.jsonl")
    p.add_argument("--out", type=Path, default=None, help="also write the metrics as JSON here")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON instead of a table")
    add_model_options(p)
    add_scoring_options(p)
    p.set_defaults(func=run)


def metrics_table(m: Metrics, name: str) -> Table:
    t = Table(title=f"muqabala eval · {name}")
    t.add_column("metric")
    t.add_column("value", justify="right")

    def fmt(v: float | int | None) -> str:
        return "n/a" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))

    for k in ("precision", "recall", "f1"):
        t.add_row(f"pairing {k}", fmt(m.pairing[k]))
    t.add_row("pairing predicted / gold", f"{m.pairing['predicted']} / {m.pairing['gold']}")
    for k in ("precision", "recall", "f1", "recall_major_critical", "auroc", "false_positive_rate_ok"):
        t.add_row(f"detection {k}", fmt(m.detection[k]))
    t.add_row("span recall", fmt(m.spans["recall"]))
    t.add_row("span precision", fmt(m.spans["precision"]))
    t.add_row("gold pairs / error / major+critical", f"{m.counts['gold_pairs']} / {m.counts['gold_error_pairs']} / {m.counts['serious_pairs']}")
    return t


def run(args: argparse.Namespace) -> int:
    opts = options_from(args)
    corpus = read_corpus(args.corpus, strict=opts.strict)
    if not corpus.gold:
        raise InputError(f"{args.corpus}: no gold.jsonl (or no usable gold pair): nothing to evaluate against")
    gold, problems = gold_pairs(corpus)
    report_problems(corpus.problems.messages + problems)
    scorer = Scorer(opts)
    with progress_bar("scoring") as update:
        predicted = scorer.score(corpus, update).results
    with progress_bar("scoring gold pairs") as update:
        on_gold = scorer.score_pairs(gold_as_pairs(corpus, gold), corpus, update)
    m = evaluate(predicted, on_gold, gold)
    data = m.to_json() | {"corpus": corpus.name, "signature": scorer.signature(scorer.models(paired=True))}
    if args.out:
        args.out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.json:
        out.print_json(json.dumps(data, ensure_ascii=False))
    else:
        out.print(metrics_table(m, corpus.name))
        err.print(f"signature: {data['signature']}")
    return 0
