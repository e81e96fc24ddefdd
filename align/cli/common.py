"""Options shared by every subcommand, and the console helpers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from ..pairing import DEFAULT_THRESHOLD
from ..pipeline import Options

err = Console(stderr=True, highlight=False, soft_wrap=True)  # never wrap FILE:LINE messages
out = Console(highlight=False, soft_wrap=True)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INPUT = 2


def add_model_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("models")
    g.add_argument("--sentence-model", default=None, metavar="ID_OR_DIR",
                   help="sentence encoder for pairing: a Hugging Face id or local folder "
                        "(sentence-transformers); default: bundled USE-m v3")
    g.add_argument("--align-model", default=None, metavar="ID_OR_DIR",
                   help="token encoder for word alignment: a Hugging Face id or local folder "
                        "(transformers); default: bundled multilingual-e5-small")
    g.add_argument("--layer", type=int, default=8, help="hidden layer whose vectors are aligned (default 8)")
    g.add_argument("--matching", choices=["argmax", "itermax"], default="argmax", help="simalign matching")
    g.add_argument("--precision", choices=["auto", "fp32", "bf16"], default="auto",
                   help="token encoder precision: bf16 autocast is ~2x faster where the CPU has native bf16 "
                        "(AVX512-BF16/AMX), which 'auto' (the default) detects; fp32 elsewhere")
    g.add_argument("--bf16", action="store_const", const="bf16", dest="precision", help="same as --precision bf16")
    g.add_argument("--mt-model", default=None, metavar="ID_OR_DIR",
                   help="Arabic→English MT model for back-translation evidence (transformers seq2seq: a "
                        "Hugging Face id such as Helsinki-NLP/opus-mt-ar-en, or a local folder); default: none")


def add_scoring_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("scoring")
    g.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD,
                   help=f"pairing margin threshold (default {DEFAULT_THRESHOLD})")
    g.add_argument("--checks", default=None, help="comma-separated checks to run (default: all; see `muqabala checks`)")
    g.add_argument("--glossary", type=Path, default=None, help="extra glossary TSV (en, expected ar, forbidden ar, note)")
    g.add_argument("--idioms", type=Path, default=None, help="idiom list TSV (default: corpora/idioms.tsv)")
    g.add_argument("--strict", action="store_true", help="stop at the first input problem instead of skipping it")


def options_from(args: argparse.Namespace) -> Options:
    o = Options(sentence_model=args.sentence_model, align_model=args.align_model, layer=args.layer,
                matching=args.matching, precision=args.precision, mt_model=getattr(args, "mt_model", None))
    if hasattr(args, "threshold"):
        o.pairing_threshold = args.threshold
        o.checks = [c.strip() for c in args.checks.split(",")] if args.checks else None
        o.glossary = args.glossary
        o.strict = args.strict
        if args.idioms is not None:
            o.idioms = args.idioms
    return o


@contextmanager
def progress_bar(description: str) -> Callable[[int, int], None]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=not sys.stderr.isatty()) as prog:
        task = prog.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            prog.update(task, completed=done, total=total)

        yield update


def report_problems(problems: list[str], limit: int = 50) -> None:
    for msg in problems[:limit]:
        err.print(f"[yellow]warning:[/yellow] {escape(msg)}", markup=True, highlight=False)
    if len(problems) > limit:
        err.print(f"[yellow]… and {len(problems) - limit} more input problems[/yellow]")
