"""A calibrated fidelity model: evidence → probability that a pair contains an error.

The checks give flags; other evidence is numeric (alignment coverage, sentence similarity,
back-translation chrF, dictionary agreement). Hand-set weights cannot combine these well, so a
small logistic regression is fitted on the training part of a development corpus, with
article-grouped cross-validation, and saved as JSON (readable, diffable, no pickle). Fidelity
is 100 × (1 − p); the thresholds for ``review`` and ``error`` are chosen on the cross-validated
predictions to keep false alarms on faithful pairs rare.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .records import CATEGORIES, Flag

DEFAULT_MODEL = Path(__file__).resolve().parent / "data" / "fidelity_model.json"
SEVERITY_RANK = {"minor": 1, "major": 2, "critical": 3}


def flag_features(flags: Sequence[Flag]) -> dict[str, float]:
    """Counts by severity and category, the worst severity, and whether flags point at words."""
    f: dict[str, float] = {f"sev_{s}": 0.0 for s in SEVERITY_RANK}
    f.update({f"cat_{c}": 0.0 for c in CATEGORIES})
    worst = 0
    spanned = 0
    for fl in flags:
        f[f"sev_{fl.severity}"] += 1
        f[f"cat_{fl.category}"] += 1
        worst = max(worst, SEVERITY_RANK[fl.severity])
        spanned += fl.ar_start is not None
    f["worst"] = float(worst)
    f["n_flags"] = float(len(flags))
    f["n_spanned"] = float(spanned)
    return f


def features(flags: Sequence[Flag], evidence: dict[str, float] | None = None) -> dict[str, float]:
    out = flag_features(flags)
    for k, v in (evidence or {}).items():
        if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(float(v)):
            out[f"ev_{k}"] = float(v)
    return out


@dataclass
class FidelityModel:
    feature_names: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    review_threshold: float
    error_threshold: float
    info: dict[str, Any] = field(default_factory=dict)

    def probability(self, feats: dict[str, float]) -> float:
        x = np.array([feats.get(n, 0.0) for n in self.feature_names], dtype=np.float64)
        z = (x - np.array(self.mean)) / np.array(self.scale)
        logit = float(z @ np.array(self.coef) + self.intercept)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))

    def contributions(self, feats: dict[str, float], top: int = 3) -> list[tuple[str, float]]:
        """The features that pushed this pair's probability up the most (for the message)."""
        x = np.array([feats.get(n, 0.0) for n in self.feature_names], dtype=np.float64)
        z = (x - np.array(self.mean)) / np.array(self.scale)
        c = z * np.array(self.coef)
        order = np.argsort(-c)[:top]
        return [(self.feature_names[i], float(c[i])) for i in order if c[i] > 0]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.__dict__, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> FidelityModel | None:
        if not Path(path).exists():
            return None
        return cls(**json.loads(Path(path).read_text(encoding="utf-8")))


def fit(rows: list[dict[str, float]], labels: list[bool], groups: list[str], max_fpr: float = 0.10,
        seed: int = 0) -> FidelityModel:
    """Logistic regression with standardised features; thresholds from grouped CV predictions."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    names = sorted({k for r in rows for k in r})
    X = np.array([[r.get(n, 0.0) for n in names] for r in rows], dtype=np.float64)
    y = np.array(labels, dtype=int)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale

    def model() -> LogisticRegression:
        return LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000, random_state=seed)

    n_splits = max(2, min(5, len(set(groups))))
    cv_pred = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=n_splits).split(Z, y, groups):
        if len(set(y[tr])) < 2:
            cv_pred[te] = y[tr].mean()
            continue
        cv_pred[te] = model().fit(Z[tr], y[tr]).predict_proba(Z[te])[:, 1]
    cv_auc = float(roc_auc_score(y, cv_pred)) if len(set(y)) == 2 else float("nan")
    final = model().fit(Z, y)
    # review threshold: the lowest that keeps CV false alarms on faithful pairs ≤ max_fpr
    neg = np.sort(cv_pred[y == 0])
    review = float(neg[math.ceil((1 - max_fpr) * len(neg)) - 1]) + 1e-6 if len(neg) else 0.5
    error = max(review, 0.75)
    flagged = cv_pred >= review
    info = {
        "cv_auroc": cv_auc,
        "cv_recall": float(flagged[y == 1].mean()) if (y == 1).any() else None,
        "cv_false_positive_rate": float(flagged[y == 0].mean()) if (y == 0).any() else None,
        "n": len(y), "positives": int(y.sum()), "folds": n_splits, "C": 0.5, "max_fpr": max_fpr,
    }
    return FidelityModel(names, mean.tolist(), scale.tolist(), final.coef_[0].tolist(), float(final.intercept_[0]),
                         review, error, info)
