"""Shared test helpers: build a PairContext from two strings, with optional hand-made links."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from align.checks.base import PairContext
from align.records import Link, Pair
from align.segment import tokenize

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "putin-kim"
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def make_ctx(ar: str, en: str, links: list[tuple[str, str]] | None = None, resources=None) -> PairContext:
    """A context over the pair's own strings; links given as (arabic word, english word)."""
    pair = Pair("t", None, None, ar, 0, len(ar), en, 0, len(en))
    at, et = tokenize(ar, lang="ar"), tokenize(en, lang="en")
    lk = []
    for a, e in links or []:
        i = next(i for i, t in enumerate(at) if t.text == a)
        j = next(j for j, t in enumerate(et) if t.text == e)
        lk.append(Link(i, j, 0.9))
    return PairContext(pair, at, et, lk, None, resources)


def ar_spans(ctx: PairContext, flags) -> list[str | None]:
    """The Arabic text each flag points at (None for a flag on the English only)."""
    return [ctx.pair.ar_text[f.ar_start : f.ar_end] if f.ar_start is not None else None for f in flags]


def assert_one_flag(ctx: PairContext, flags, span: str, severity: str, suggestion: str | None,
                    category: str = "mistranslation") -> None:
    """The table tests of the lexicon checks: exactly one flag, on ``span``, as described."""
    assert ar_spans(ctx, flags) == [span], [f.message for f in flags]
    assert flags[0].severity == severity
    assert flags[0].suggestion == suggestion
    assert flags[0].category == category


@pytest.fixture
def ctx_factory():
    return make_ctx
