"""The metrics of DESIGN.md, comparing one run with a corpus's ``gold.jsonl``.

- Pairing: a predicted pair matches a gold pair when article and source agree and the Arabic
  spans overlap by at least half of the shorter span. Precision, recall, F1.
- Detection, on the gold pairs themselves (each gold pair is scored as given, so detection
  does not depend on pairing): positive = gold label ``error``; flagged = verdict review/error.
  Precision, recall, F1; recall on pairs whose worst error is major or critical; AUROC of
  100 − fidelity.
- Spans: recall = share of gold error spans overlapped by a flag's Arabic span on the same
  pair; precision = share of flags with an Arabic span that overlap a gold error span.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .corpus import Corpus
from .pairing import stable_pair_id
from .records import Pair, Result

SEVERITY_RANK = {"minor": 1, "major": 2, "critical": 3}


def overlaps_half(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and inter >= 0.5 * shorter


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def locate_all(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i >= 0 and sub:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


@dataclass
class GoldPair:
    article: str
    source: str
    ar_start: int
    ar_end: int
    en_start: int
    en_end: int
    label: str
    errors: list[dict[str, Any]]  # each with absolute "start"/"end" added

    @property
    def worst(self) -> int:
        return max((SEVERITY_RANK.get(e.get("severity", "minor"), 1) for e in self.errors), default=0)


def gold_pairs(corpus: Corpus) -> tuple[list[GoldPair], list[str]]:
    """Gold pairs with absolute offsets; gold whose text is not found is reported, not fatal."""
    out, problems = [], []
    for g in corpus.gold:
        art = corpus.articles[g["article"]].text
        src = corpus.sources[g["source"]].text
        where = f"gold.jsonl:{g.get('_line', '?')}"
        starts = locate_all(art, g["ar"])
        if not starts:
            problems.append(f"{where}: 'ar' is not a substring of article {g['article']}")
            continue
        a0 = starts[0]
        en = g.get("en") or src
        e0 = src.find(en)
        if e0 < 0:
            problems.append(f"{where}: 'en' is not a substring of source {g['source']}")
            e0, en = 0, src
        errors = []
        for e in g.get("errors", []):
            found = locate_all(g["ar"], e.get("span", ""))
            if not found:
                problems.append(f"{where}: error {e.get('id')} span is not a substring of 'ar'")
                continue
            # a span that recurs in the pair (E004-09, the space before «،») counts at each place
            errors.append(dict(e, start=a0 + found[0], end=a0 + found[0] + len(e["span"]),
                               places=[(a0 + i, a0 + i + len(e["span"])) for i in found]))
        out.append(GoldPair(g["article"], g["source"], a0, a0 + len(g["ar"]), e0, e0 + len(en),
                            g.get("label", "error" if errors else "ok"), errors))
    return out, problems


def gold_as_pairs(corpus: Corpus, gold: list[GoldPair]) -> list[Pair]:
    return [
        Pair(stable_pair_id(g.article, g.source, corpus.articles[g.article].text[g.ar_start:g.ar_end]),
             g.article, g.source, corpus.articles[g.article].text, g.ar_start, g.ar_end,
             corpus.sources[g.source].text, g.en_start, g.en_end, 1.0)
        for g in gold
    ]


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def auroc(scores: list[float], labels: list[bool]) -> float | None:
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


@dataclass
class Metrics:
    pairing: dict[str, float] = field(default_factory=dict)
    detection: dict[str, float | None] = field(default_factory=dict)
    spans: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    flags_by_check: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"pairing": self.pairing, "detection": self.detection, "spans": self.spans,
                "counts": self.counts, "flags_by_check": self.flags_by_check}


def pairing_metrics(predicted: list[Result], gold: list[GoldPair]) -> dict[str, float]:
    def hit(r: Result, g: GoldPair) -> bool:
        p = r.pair
        return p.article == g.article and p.source == g.source and overlaps_half((p.ar_start, p.ar_end), (g.ar_start, g.ar_end))

    tp = sum(any(hit(r, g) for g in gold) for r in predicted)
    found = sum(any(hit(r, g) for r in predicted) for g in gold)
    m = prf(tp, len(predicted), len(gold))
    m["recall"] = found / len(gold) if gold else 0.0
    p, r = m["precision"], m["recall"]
    m["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    m.update(predicted=len(predicted), gold=len(gold))
    return m


def detection_metrics(on_gold: list[Result], gold: list[GoldPair]) -> tuple[dict, dict, dict, dict]:
    labels = [g.label == "error" for g in gold]
    flagged = [r.verdict in ("review", "error") for r in on_gold]
    tp = sum(f and y for f, y in zip(flagged, labels, strict=True))
    det: dict[str, float | None] = dict(prf(tp, sum(flagged), sum(labels)))
    serious = [i for i, g in enumerate(gold) if g.worst >= 2]
    det["recall_major_critical"] = sum(flagged[i] for i in serious) / len(serious) if serious else None
    det["auroc"] = auroc([100.0 - r.fidelity for r in on_gold], labels)
    ok = [i for i, y in enumerate(labels) if not y]
    det["false_positive_rate_ok"] = sum(flagged[i] for i in ok) / len(ok) if ok else None

    gold_spans = [(i, e) for i, g in enumerate(gold) for e in g.errors]
    def on(f, e) -> bool:
        return f.ar_start is not None and any(overlaps((f.ar_start, f.ar_end), pl) for pl in e.get("places", [(e["start"], e["end"])]))

    span_hit = sum(any(on(f, e) for f in on_gold[i].flags) for i, e in gold_spans)
    flags_with_span = [(i, f) for i, r in enumerate(on_gold) for f in r.flags if f.ar_start is not None]
    good_flags = sum(any(on(f, e) for e in gold[i].errors) for i, f in flags_with_span)
    spans = {"recall": span_hit / len(gold_spans) if gold_spans else 0.0,
             "precision": good_flags / len(flags_with_span) if flags_with_span else 0.0,
             "gold_spans": len(gold_spans), "flags_with_span": len(flags_with_span)}
    by_check: dict[str, Counter] = {}
    for i, f in ((i, f) for i, r in enumerate(on_gold) for f in r.flags):
        c = by_check.setdefault(f.check, Counter())
        c["flags"] += 1
        if f.ar_start is not None:
            c["with_span"] += 1
            if any(on(f, e) for e in gold[i].errors):
                c["on_gold_span"] += 1
        if gold[i].label == "error":
            c["on_error_pairs"] += 1
    counts = {"gold_pairs": len(gold), "gold_error_pairs": sum(labels), "serious_pairs": len(serious),
              "flagged": sum(flagged)}
    return det, spans, counts, {k: dict(v) for k, v in sorted(by_check.items())}


def evaluate(predicted: list[Result], on_gold: list[Result], gold: list[GoldPair]) -> Metrics:
    det, spans, counts, by_check = detection_metrics(on_gold, gold)
    return Metrics(pairing_metrics(predicted, gold), det, spans, counts, by_check)
