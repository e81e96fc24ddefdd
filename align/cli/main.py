"""`muqabala` entry point: dispatches to one module per subcommand.

Exit codes: 0 done (input problems that were skipped are listed on stderr); 1 unexpected
failure; 2 bad input or usage (nothing usable, or --strict met a problem)."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from rich.markup import escape

from ..corpus import InputError
from .common import EXIT_FAILURE, EXIT_INPUT, err

SUBCOMMANDS = ("score", "evaluate", "calibrate", "review", "publish", "checks", "bench")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="muqabala", description="Arabic–English alignment and translation QA")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)
    for name in SUBCOMMANDS:
        try:
            mod = importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"{__package__}.{name}":
                continue  # subcommand not shipped in this build
            raise
        mod.add_parser(sub)
    return p


DELEGATED = {"publish": "publish"}  # commands that own their whole option parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in DELEGATED:
        mod = importlib.import_module(f"align.{DELEGATED[argv[0]]}")
        return int(mod.main(argv[1:]) or 0)
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except InputError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130
    except (ValueError, OSError) as e:
        err.print(f"[red]error:[/red] {escape(str(e))}")
        return EXIT_INPUT if isinstance(e, (ValueError, FileNotFoundError)) else EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
