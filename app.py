"""Muqabala's review UI.

    python app.py                       # opens the shipped corpus (scoring it into review.sqlite first if needed)
    python app.py --db results.sqlite   # any review store written by `muqabala score --db`
    python app.py --host 0.0.0.0 --auth alice:secret --auth bob:secret   # a shared deployment

The same as `muqabala review`; see `python app.py --help`.
"""

from __future__ import annotations

from align.review_ui import main

if __name__ == "__main__":
    raise SystemExit(main(prog="python app.py"))
