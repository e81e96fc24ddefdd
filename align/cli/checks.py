"""`muqabala checks`: list the registered checks and what they need."""

from __future__ import annotations

import argparse

from ..checks import registry
from .common import out


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("checks", help="list the registered checks")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    for name, cls in registry().items():
        doc = ((cls.__module__ and __import__(cls.__module__, fromlist=["x"]).__doc__) or "").strip().split("\n")[0]
        needs = ",".join(sorted(cls.needs)) or "-"
        out.print(f"{name:16} v{cls.version}  needs: {needs:20} {doc}")
    return 0
