"""One 0–100 fidelity score and a verdict per pair, explained by its flags.

Each flag multiplies the score by (1 − weight of its severity); the verdict follows the worst
flag: none → ok, only minor → review, any major or critical → error. A small alignment term
(up to 10 points: the share of content words aligned and how well) orders pairs that carry
the same flags, so the riskiest come first in review; it never changes the verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .calibrate import DEFAULT_MODEL, FidelityModel, features
from .records import Flag, Verdict

WEIGHTS = {"minor": 0.10, "major": 0.30, "critical": 0.60}


@cache
def calibrated_model() -> FidelityModel | None:
    """The fitted model shipped in ``align/data`` (``muqabala calibrate`` writes it)."""
    return FidelityModel.load(DEFAULT_MODEL)


def fidelity(flags: Sequence[Flag], alignment_quality: float = 1.0, evidence: dict[str, float] | None = None,
             calibrated: bool = True) -> float:
    """Calibrated: 100 × (1 − P(error | flags, evidence)) from the fitted model; without a
    model (or with ``calibrated=False``) the flag product below."""
    model = calibrated_model() if calibrated else None
    if model is not None:
        feats = features(flags, {"alignment_quality": alignment_quality, **(evidence or {})})
        return round(100.0 * (1.0 - model.probability(feats)), 2)
    score = 100.0
    for f in flags:
        score *= 1.0 - WEIGHTS[f.severity]
    q = min(1.0, max(0.0, alignment_quality))
    return round(score * (0.9 + 0.1 * q), 2)


def verdict(flags: Sequence[Flag]) -> Verdict:
    severities = {f.severity for f in flags}
    if severities & {"major", "critical"}:
        return "error"
    return "review" if severities else "ok"
