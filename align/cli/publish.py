"""`muqabala publish --db FILE --out DIR [...]`: delegates to ``align.publish``."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("publish", help="publish a review store as a datasets folder / TMX / XLIFF", add_help=False)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..publish import main

    return main(args.rest)
