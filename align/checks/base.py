"""The ``Check`` base class, the context a check reads, and the registry.

A check is one file in this package holding one ``Check`` subclass with a unique ``name``.
``registry()`` imports every module of the package once and collects them, so adding a check
is adding a file. A check declares what it ``needs``; the pipeline refuses a configuration
that cannot provide it when it is built, not halfway through a corpus.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from ..records import Category, Flag, Link, Pair, Severity, Token

if TYPE_CHECKING:
    from ..resources import Resources


@dataclass
class PairContext:
    """Everything a check may read about one pair.

    Token offsets are absolute (into ``pair.ar_text`` / ``pair.en_text``), so a flag built
    from tokens is already in the output frame. ``sim`` is the ar×en word similarity matrix
    the alignment was computed from (None when no aligner ran).
    """

    pair: Pair
    ar_tokens: list[Token]
    en_tokens: list[Token]
    links: list[Link] = field(default_factory=list)
    sim: np.ndarray | None = None
    resources: Resources | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def en_links(self, en_index: int) -> list[Link]:
        return [lk for lk in self.links if lk.en == en_index]

    def ar_links(self, ar_index: int) -> list[Link]:
        return [lk for lk in self.links if lk.ar == ar_index]

    def aligned_ar(self) -> set[int]:
        return {lk.ar for lk in self.links}

    def aligned_en(self) -> set[int]:
        return {lk.en for lk in self.links}

    def ar_span_text(self, i: int, j: int) -> str:
        """Original Arabic text from token i to token j (inclusive)."""
        return self.pair.ar_text[self.ar_tokens[i].start : self.ar_tokens[j].end]

    def en_span_text(self, i: int, j: int) -> str:
        return self.pair.en_text[self.en_tokens[i].start : self.en_tokens[j].end]


class Check:
    """Reads a pair in context and returns flags. Subclasses fill ``name`` and ``run``."""

    name: ClassVar[str] = ""
    version: ClassVar[str] = "1"
    # What the check reads: "alignment" (links and sim), "resources" (lexicons, glossary, TM)
    needs: ClassVar[frozenset[str]] = frozenset()

    def run(self, ctx: PairContext) -> list[Flag]:  # pragma: no cover - abstract
        raise NotImplementedError

    def prepare(self, ctxs: Sequence[PairContext]) -> None:
        """Called once per batch of pairs before ``run`` on each: a check that needs a model
        batches its calls across the pairs here (and keeps results in ``ctx.extra``), instead
        of paying one small call per pair. ``run`` must still work without it."""

    def flag(
        self,
        category: Category,
        severity: Severity,
        message: str,
        *,
        ar: tuple[int, int] | None = None,
        en: tuple[int, int] | None = None,
        suggestion: str | None = None,
    ) -> Flag:
        """Build a flag from absolute character spans (or None for a side it does not point at)."""
        return Flag(
            check=self.name,
            category=category,
            severity=severity,
            ar_start=ar[0] if ar else None,
            ar_end=ar[1] if ar else None,
            en_start=en[0] if en else None,
            en_end=en[1] if en else None,
            message=message,
            suggestion=suggestion,
        )

    @staticmethod
    def tok_span(tokens: list[Token], i: int, j: int | None = None) -> tuple[int, int]:
        return tokens[i].start, tokens[i if j is None else j].end

    def signature(self) -> str:
        return f"{self.name}:{self.version}"


class TokenRulesCheck(Check):
    """A check made of small token rules, each ``rule(ctx) -> [(Arabic token index, message,
    suggestion)]``, all flagged with one category and severity on the token to change
    (``agreement``, ``spelling``): a rule is one function with its own table test."""

    rules: ClassVar[tuple[Callable[[PairContext], list[tuple[int, str, str | None]]], ...]] = ()
    category: ClassVar[Category] = "grammar"
    severity: ClassVar[Severity] = "minor"

    def run(self, ctx: PairContext) -> list[Flag]:
        return [self.flag(self.category, self.severity, message, ar=self.tok_span(ctx.ar_tokens, i), suggestion=suggestion)
                for rule in self.rules for i, message, suggestion in rule(ctx)]


@cache
def registry() -> dict[str, type[Check]]:
    """name -> Check class, for every module in this package."""
    from .. import checks as pkg

    for mod in pkgutil.iter_modules(pkg.__path__):
        if mod.name != "base":
            importlib.import_module(f"{pkg.__name__}.{mod.name}")
    found: dict[str, type[Check]] = {}
    stack = list(Check.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.name:
            if cls.name in found and found[cls.name] is not cls:
                raise RuntimeError(f"two checks named {cls.name!r}: {found[cls.name]} and {cls}")
            found[cls.name] = cls
    return dict(sorted(found.items()))


def build_checks(names: list[str] | None = None, available: frozenset[str] = frozenset({"alignment", "resources"})) -> list[Check]:
    """Instantiate the named checks (all by default); refuse ones whose needs cannot be met."""
    reg = registry()
    chosen = list(reg) if not names else names
    out = []
    for n in chosen:
        if n not in reg:
            raise ValueError(f"unknown check {n!r}; known: {', '.join(reg)}")
        missing = reg[n].needs - available
        if missing:
            raise ValueError(f"check {n!r} needs {', '.join(sorted(missing))}, which this run does not provide")
        out.append(reg[n]())
    return out
