"""The records that travel through the pipeline.

Offsets are Python string indices (code points) into the *original* texts: the article and
the source in corpus mode, the pair's own ``ar``/``en`` in pairs mode. Normalised forms are
only ever used for matching, never for reporting.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Category = Literal[
    "mistranslation",
    "omission",
    "addition",
    "untranslated",
    "grammar",
    "named-entity",
    "number-date",
    "terminology",
]
Severity = Literal["minor", "major", "critical"]
Verdict = Literal["ok", "review", "error"]

CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
SEVERITIES: tuple[str, ...] = Severity.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Token:
    """A word with its place in the original text and a form used for matching."""

    text: str
    start: int
    end: int
    norm: str


@dataclass(frozen=True)
class Link:
    """A word-alignment link between ``ar_tokens[ar]`` and ``en_tokens[en]``."""

    ar: int
    en: int
    score: float


@dataclass
class Flag:
    check: str
    category: Category
    severity: Severity
    ar_start: int | None
    ar_end: int | None
    en_start: int | None
    en_end: int | None
    message: str
    suggestion: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Pair:
    """An Arabic span and the English span it is taken to translate.

    ``ar_text``/``en_text`` are the whole texts the offsets index (article and source in
    corpus mode, the pair's own strings in pairs mode).
    """

    pair_id: str
    article: str | None
    source: str | None
    ar_text: str
    ar_start: int
    ar_end: int
    en_text: str
    en_start: int
    en_end: int
    pairing: float = 1.0

    @property
    def ar(self) -> str:
        return self.ar_text[self.ar_start : self.ar_end]

    @property
    def en(self) -> str:
        return self.en_text[self.en_start : self.en_end]


@dataclass
class Result:
    """One line of results.jsonl (the contract in DESIGN.md)."""

    pair: Pair
    fidelity: float
    verdict: Verdict
    flags: list[Flag] = field(default_factory=list)
    alignment: list[tuple[int, int, int, int, float]] = field(default_factory=list)
    models: dict[str, str] = field(default_factory=dict)
    # numeric evidence behind the fidelity score (calibration input); not part of the record
    evidence: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        p = self.pair
        return {
            "pair_id": p.pair_id,
            "article": p.article,
            "source": p.source,
            "ar": p.ar,
            "ar_start": p.ar_start,
            "ar_end": p.ar_end,
            "en": p.en,
            "en_start": p.en_start,
            "en_end": p.en_end,
            "pairing": round(float(p.pairing), 4),
            "fidelity": round(float(self.fidelity), 2),
            "verdict": self.verdict,
            "flags": [f.to_json() for f in self.flags],
            "alignment": [[a, b, c, d, round(float(s), 4)] for a, b, c, d, s in self.alignment],
            "models": dict(self.models),
        }
