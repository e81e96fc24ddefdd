"""`muqabala calibrate CORPUS…`: fit the fidelity model on gold pairs (a training split only)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..calibrate import DEFAULT_MODEL, features, fit
from ..corpus import InputError, read_corpus
from ..evaluate import gold_as_pairs, gold_pairs
from ..pipeline import Scorer
from .common import add_model_options, add_scoring_options, err, options_from, out, progress_bar, report_problems


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("calibrate", help="fit the calibrated fidelity model on corpora with gold.jsonl (training data only)")
    p.add_argument("corpora", nargs="+", help="corpus folders with gold.jsonl; never a test split")
    p.add_argument("--model-out", type=Path, default=DEFAULT_MODEL, help=f"where to write the model (default {DEFAULT_MODEL})")
    p.add_argument("--max-fpr", type=float, default=0.10, help="false-alarm rate on faithful pairs the review threshold allows (CV)")
    add_model_options(p)
    add_scoring_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if any(Path(c).name == "test" for c in args.corpora):
        raise InputError("refusing to calibrate on a folder named 'test': a test split is never used for fitting")
    opts = options_from(args)
    from .. import pipeline

    pipeline.COLLECT_EVIDENCE = True
    scorer = Scorer(opts)
    rows, labels, groups = [], [], []
    for path in args.corpora:
        corpus = read_corpus(path, strict=opts.strict)
        gold, problems = gold_pairs(corpus)
        report_problems(corpus.problems.messages + problems)
        if not gold:
            raise InputError(f"{path}: no gold pairs to calibrate on")
        with progress_bar(f"scoring {corpus.name}") as update:
            results = scorer.score_pairs(gold_as_pairs(corpus, gold), corpus, update)
        for r, g in zip(results, gold, strict=True):
            rows.append(features(r.flags, r.evidence))
            labels.append(g.label == "error")
            groups.append(f"{corpus.name}/{g.article}")
    model = fit(rows, labels, groups, max_fpr=args.max_fpr)
    model.info["trained_on"] = [str(c) for c in args.corpora]
    model.info["signature"] = scorer.signature(scorer.models(paired=True))
    model.save(args.model_out)
    i = model.info
    out.print(f"fitted on {i['n']} pairs ({i['positives']} with errors), {i['folds']}-fold grouped CV: "
              f"AUROC {i['cv_auroc']:.3f}, recall {i['cv_recall']:.3f}, false alarms on faithful {i['cv_false_positive_rate']:.3f}")
    err.print(f"wrote {args.model_out}")
    return 0
