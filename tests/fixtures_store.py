"""A review store built from the shipped putin-kim corpus, for tests that need one.

``gold_records()`` turns the corpus's gold pairs into results.jsonl records (offsets found
with ``str.find`` in the article and the source, one flag per gold error, simple word links,
a fidelity and verdict derived from the errors). ``build_store()`` loads texts and records
into a ``Store`` and, unless told not to, makes a fixed set of review decisions
(``DECISIONS`` says which), including two reviewers deciding the same pairs.

No model runs: this is data shaped like the pipeline's output, so UI, publish and store
tests can share it without paying for scoring.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.store import Store, flag_key

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "putin-kim"
MODELS = {"sentence": "use-m-v3", "align": "e5-small-bundled@layer8"}
SEVERITY_COST = {"minor": 6.0, "major": 22.0, "critical": 45.0}


def pair_id(article: str, source: str, ar: str) -> str:
    """Same scheme as ``align.pairing.stable_pair_id``."""
    return f"{article}:{source}:{hashlib.sha1(ar.strip().encode('utf-8')).hexdigest()[:10]}"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_corpus(corpus: Path = CORPUS) -> tuple[dict[str, tuple[str, dict]], dict[str, tuple[str, dict]], list[dict]]:
    """(articles, sources, gold): texts with their metadata, as ``Store.put_texts`` takes them."""
    meta = {m["id"]: {k: v for k, v in m.items() if k != "id"} for m in _jsonl(corpus / "articles.jsonl")}
    articles = {p.stem: (p.read_text(encoding="utf-8"), meta.get(p.stem, {}))
                for p in sorted((corpus / "articles").glob("*.txt"))}
    sources = {s["id"]: (s["text"], {k: v for k, v in s.items() if k not in ("id", "text")})
               for s in _jsonl(corpus / "sources.jsonl")}
    return articles, sources, _jsonl(corpus / "gold.jsonl")


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


def gold_records(corpus: Path = CORPUS) -> list[dict[str, Any]]:
    articles, sources, gold = load_corpus(corpus)
    records = []
    for i, g in enumerate(gold):
        art, src = articles[g["article"]][0], sources[g["source"]][0]
        ar_start, en_start = art.find(g["ar"]), src.find(g["en"])
        assert ar_start >= 0 and en_start >= 0, g
        ar_end, en_end = ar_start + len(g["ar"]), en_start + len(g["en"])
        flags = []
        for e in g["errors"]:
            at = g["ar"].find(e["span"])
            assert at >= 0, e
            flags.append({
                "check": f"fixture-{e['category']}", "category": e["category"], "severity": e["severity"],
                "ar_start": ar_start + at, "ar_end": ar_start + at + len(e["span"]),
                "en_start": None, "en_end": None,
                "message": e.get("note") or e["category"], "suggestion": e.get("correction"),
            })
        aw, ew = _words(art, ar_start, ar_end), _words(src, en_start, en_end)
        alignment = [[*aw[k], *ew[min(len(ew) - 1, round(k * len(ew) / len(aw)))], round(0.5 + 0.05 * (k % 10), 4)]
                     for k in range(min(len(aw), 6))] if aw and ew else []
        fidelity = max(0.0, (96.0 - i % 5) - sum(SEVERITY_COST[f["severity"]] for f in flags))
        verdict = "ok" if fidelity >= 85 else "review" if fidelity >= 60 else "error"
        records.append({
            "pair_id": pair_id(g["article"], g["source"], g["ar"]),
            "article": g["article"], "source": g["source"],
            "ar": g["ar"], "ar_start": ar_start, "ar_end": ar_end,
            "en": g["en"], "en_start": en_start, "en_end": en_end,
            "pairing": round(0.7 + 0.01 * (i % 30), 4), "fidelity": round(fidelity, 2), "verdict": verdict,
            "flags": flags, "alignment": alignment, "models": dict(MODELS),
            "_gold": g,  # dropped before storing; lets decisions use the gold corrections
        })
    return records


@dataclass
class Decisions:
    """What ``make_decisions`` did, for tests to check the published data against."""

    accepted: list[str] = field(default_factory=list)
    needs_fix: list[str] = field(default_factory=list)
    wrong_pairing: list[str] = field(default_factory=list)
    corrected: dict[str, str] = field(default_factory=dict)
    double_reviewed: list[str] = field(default_factory=list)
    disagreements: int = 0
    flag_decisions: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    added_errors: list[int] = field(default_factory=list)
    deleted_errors: list[int] = field(default_factory=list)


def _corrected(rec: dict[str, Any]) -> str:
    ar = rec["ar"]
    for e in rec["_gold"]["errors"]:
        if e.get("correction"):
            ar = ar.replace(e["span"], e["correction"], 1)
    return ar


def make_decisions(store: Store, records: list[dict[str, Any]]) -> Decisions:
    """A fixed, varied set of review decisions by reviewers «amal» and «badr»."""
    d = Decisions()
    oks = [r for r in records if not r["flags"]]
    errs = [r for r in records if r["flags"]]
    for r in oks[:12]:
        store.review_pair(r["pair_id"], "amal", status="accepted")
        d.accepted.append(r["pair_id"])
    for k, r in enumerate(errs[:10]):
        fix = _corrected(r)
        store.review_pair(r["pair_id"], "amal", status="needs-fix", corrected_ar=fix,
                          note="gold correction applied" if k % 2 == 0 else None)
        d.needs_fix.append(r["pair_id"])
        d.corrected[r["pair_id"]] = fix
    for r in errs[10:12]:
        store.review_pair(r["pair_id"], "amal", status="wrong-pairing", note="not this source")
        d.wrong_pairing.append(r["pair_id"])
    # badr reviews six of amal's pairs again: agrees on four, disagrees on two (last writer wins)
    second = oks[:3] + errs[:3]
    for k, r in enumerate(second):
        pid = r["pair_id"]
        if k in (0, 3):
            new = "needs-fix" if k == 0 else "accepted"
            store.review_pair(pid, "badr", status=new)
            d.disagreements += 1
            for lst in (d.accepted, d.needs_fix):
                if pid in lst:
                    lst.remove(pid)
            (d.needs_fix if new == "needs-fix" else d.accepted).append(pid)
        else:
            store.review_pair(pid, "badr", status=store.pair_review(pid)["status"])
        d.double_reviewed.append(pid)
    store.review_pair(oks[1]["pair_id"], "badr", note="checked against the tweet")  # note only
    # flag decisions: confirm, reject, re-categorise
    for k, r in enumerate(errs[:8]):
        f = r["flags"][0]
        key = flag_key(f)
        if k % 3 == 0:
            ch = {"status": "confirmed"}
        elif k % 3 == 1:
            ch = {"status": "rejected"}
        else:
            ch = {"status": "confirmed", "category": "mistranslation", "severity": "major"}
        store.review_flag(r["pair_id"], key, "amal" if k < 5 else "badr", **ch)
        d.flag_decisions[(r["pair_id"], key)] = ch
    # reviewer-added errors: two kept, one deleted
    for k, r in enumerate(oks[:3]):
        eid = store.add_error(r["pair_id"], "badr", r["ar_start"], r["ar_start"] + 5, "terminology",
                              "minor", note="prefer the usual term" if k == 0 else None)
        d.added_errors.append(eid)
    gone = d.added_errors.pop()
    store.delete_error(gone, "badr")
    d.deleted_errors.append(gone)
    return d


def build_store(path: Path, corpus: Path = CORPUS, decisions: bool = True) -> tuple[Store, list[dict], Decisions | None]:
    """A store at ``path`` with the corpus texts, one scoring run, the records and decisions."""
    articles, sources, _ = load_corpus(corpus)
    records = gold_records(corpus)
    store = Store(path)
    store.put_texts(articles, sources)
    run = store.start_run(str(corpus), "fixture", MODELS)
    store.put_results([{k: v for k, v in r.items() if k != "_gold"} for r in records], run_id=run)
    store.finish_run(run)
    made = make_decisions(store, records) if decisions else None
    return store, [{k: v for k, v in r.items() if k != "_gold"} for r in records], made
