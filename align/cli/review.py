"""`muqabala review [--db review.sqlite]`: the Gradio review UI (``align.review_ui``)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="open the review UI in a browser", add_help=False)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..review_ui import main

    return main(args.rest)
