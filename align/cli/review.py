"""`muqabala review [--db review.sqlite]`: the Gradio review UI (``align.review_ui``)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    from ..review_ui import add_arguments, run

    p = sub.add_parser("review", help="review scored pairs in the browser")
    add_arguments(p)
    p.set_defaults(func=run)
