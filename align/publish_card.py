"""The dataset card (``README.md``) of a published dataset: a Hub YAML header and a body.

The header carries what the Hub reads to index a dataset (languages, licence, task, size,
configs with the data files of each split, the features); the body what a reader needs to
trust it: statistics, reviewers' agreement, provenance and known limits.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import yaml

from .publish import FIELD_DOCS, FLAG_FIELDS, MIN_KAPPA_PAIRS, UNREVIEWED
from .records import CATEGORIES, SEVERITIES
from .store import PAIR_STATUSES

SIZE_CATEGORIES = (
    (1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B"),
)
VERDICTS = ("ok", "review", "error")


def size_category(n: int) -> str:
    for limit, name in SIZE_CATEGORIES:
        if n < limit:
            return name
    return "n>1B"


def card_header(by_split: dict[str, list[dict]], feats, context: dict[str, Any]) -> dict[str, Any]:
    rows = [r for part in by_split.values() for r in part]
    reviewed = any(r["review_status"] != UNREVIEWED for r in rows)
    sizes = context.get("split_bytes") or {}
    return {
        "pretty_name": context["pretty_name"],
        "language": ["ar", "en"],
        "license": context["license"],
        "multilinguality": ["translation"],
        "task_categories": ["translation"],
        "size_categories": [size_category(len(rows))],
        "source_datasets": ["original"],
        "language_creators": ["found"],
        "annotations_creators": ["machine-generated", *(["expert-generated"] if reviewed else [])],
        "tags": ["translation-quality", "quality-estimation", "word-alignment", "error-annotation", "muqabala"],
        "configs": [{
            "config_name": "default",
            "data_files": [{"split": name, "path": f"data/{name}-*.parquet"} for name in by_split],
        }],
        "dataset_info": {
            "features": feats._to_yaml_list(),
            "splits": [{"name": name, "num_bytes": sizes.get(name, (0, 0))[0], "num_examples": len(part)}
                       for name, part in by_split.items()],
            "download_size": sum(d for _, d in sizes.values()),
            "dataset_size": sum(b for b, _ in sizes.values()),
        },
    }


def _table(head: list[str], body: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in body]
    return "\n".join(lines)


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _errors(rows: list[dict]) -> tuple[Counter, Counter]:
    """(category, severity) counts of errors that stand (not rejected), and flag outcomes."""
    cells: Counter = Counter()
    outcome: Counter = Counter()
    for r in rows:
        for f in r["flags"]:
            outcome[(f["origin"], f["status"])] += 1
            if f["status"] != "rejected":
                cells[(f["category"], f["severity"])] += 1
    return cells, outcome


def statistics(by_split: dict[str, list[dict]], context: dict[str, Any]) -> str:
    rows = [r for part in by_split.values() for r in part]
    out = []

    split_rows = [[name, len(part), len({r["article"] for r in part if r["article"]}), size]
                  for (name, part), size in zip(by_split.items(), _shares(by_split), strict=True)]
    out += ["### Splits", "", _table(["split", "pairs", "articles", "share"], split_rows), ""]
    if context.get("split_fractions"):
        articles = "; ".join(f"{k}: {', '.join(v)}" if len(v) <= 20 else f"{k}: {len(v)} articles"
                             for k, v in context["split_articles"].items())
        out += [f"Split by article with seed {context['seed']} (no article is in two splits): {articles}.", ""]

    statuses = [s for s in (*PAIR_STATUSES, UNREVIEWED) if s in context["statuses"]]
    grid = Counter((r["verdict"], r["review_status"]) for r in rows)
    body = [[v, *(grid[(v, s)] for s in statuses), sum(grid[(v, s)] for s in statuses)] for v in VERDICTS]
    body.append(["**total**", *(sum(grid[(v, s)] for v in VERDICTS) for s in statuses), len(rows)])
    fid = sorted(r["fidelity"] for r in rows)
    out += ["### Pairs by verdict and review decision", "",
            "Verdicts and fidelity are automatic; the columns are the reviewers' decisions.", "",
            _table(["verdict", *statuses, "total"], body), ""]
    if fid:
        out += [f"Fidelity: median {fid[len(fid) // 2]:.1f}, min {fid[0]:.1f}, max {fid[-1]:.1f}. "
                f"Corrected Arabic given for {sum(r['corrected_ar'] is not None for r in rows)} pairs.", ""]

    cells, outcome = _errors(rows)
    cats = [c for c in CATEGORIES if any(cells[(c, s)] for s in SEVERITIES)]
    cats += sorted({c for c, _ in cells} - set(CATEGORIES))
    body = [[c, *(cells[(c, s)] for s in SEVERITIES), sum(cells[(c, s)] for s in SEVERITIES)] for c in cats]
    body.append(["**total**", *(sum(cells[(c, s)] for c in cats) for s in SEVERITIES), sum(cells.values())])
    out += ["### Errors by category and severity", "",
            "Tool flags that no reviewer rejected (with the reviewer's category and severity where changed) "
            "plus errors reviewers added.", "",
            _table(["category", *SEVERITIES, "total"], body), "",
            f"Tool flags: {outcome[('tool', 'confirmed')]} confirmed, {outcome[('tool', 'rejected')]} rejected, "
            f"{outcome[('tool', UNREVIEWED)]} not reviewed; errors added by reviewers: "
            f"{outcome[('reviewer', 'confirmed')]}.", ""]

    ag = context["agreement"]
    out += ["### Reviewers' agreement", ""]
    if not ag["pairs"]:
        out += ["No pair was given a status by two different reviewers, so agreement cannot be measured.", ""]
    else:
        body = [[" & ".join(d["reviewers"]), d["pairs"], _pct(d["agreement"]),
                 _kappa(d),
                 "; ".join(f"{k} ×{n}" for k, n in d["disagreements"].items()) or "—"]
                for d in ag["by_reviewers"]]
        out += [f"{ag['pairs']} pairs were given a status by two or more reviewers (each reviewer's last status "
                f"counts; all pairs in the store, published or not). Raw agreement {_pct(ag['agreement'])} over "
                f"{ag['comparisons']} comparisons; Cohen's kappa where at least {MIN_KAPPA_PAIRS} pairs.", "",
                _table(["reviewers", "pairs", "agreement", "Cohen's kappa", "disagreements (first / second)"], body), ""]
    return "\n".join(out)


def _kappa(d: dict[str, Any]) -> str:
    if d["kappa"] is not None:
        return f"{d['kappa']:.2f}"
    return f"n/a (fewer than {MIN_KAPPA_PAIRS} pairs)" if d["pairs"] < MIN_KAPPA_PAIRS else "n/a (one label only)"


def _shares(by_split: dict[str, list[dict]]) -> list[str]:
    total = sum(len(p) for p in by_split.values()) or 1
    return [_pct(len(p) / total) for p in by_split.values()]


def provenance(context: dict[str, Any]) -> str:
    corpora = context["corpora"]
    corpus = "; ".join(sorted({f"`{c['corpus']}`" for c in corpora if c.get("corpus")})) or "unknown (no scoring run recorded)"
    scored = sorted({c["scored_at"] for c in corpora if c.get("scored_at")})
    models = "; ".join(f"sentence `{m.get('sentence')}`, align `{m.get('align')}`" for m in context["models"]) or "none"
    lines = [
        f"- Corpus: {corpus}" + (f", scored {scored[0]}" + (f" to {scored[-1]}" if len(scored) > 1 else "") if scored else ""),
        f"- Tool: muqabala {context['tool_version']}",
        f"- Models: {models}",
        f"- Review store: `{context['store']}` ({context['pairs_in_store']} current pairs; published statuses: "
        f"{', '.join(context['statuses'])})",
        f"- Published: {context['published_at']}",
    ]
    return "\n".join(lines)


def limits(rows: list[dict], context: dict[str, Any]) -> str:
    n = len(rows)
    unreviewed = sum(r["review_status"] == UNREVIEWED for r in rows)
    reconstructed = sum(r["source_status"] == "reconstructed" for r in rows)
    machine = sum(r["article_kind"] == "machine-translation" for r in rows)
    items = [
        f"Fidelity, verdicts and tool flags are automatic and can be wrong; {unreviewed} of {n} pairs have no "
        "review decision, and a flag whose status is `unreviewed` is only the tool's guess.",
        "Offsets index the original article and source texts, which are not part of this dataset (only their ids "
        "and metadata are); in pairs mode they index the pair's own `ar` and `en`.",
        "Errors added by reviewers carry Arabic offsets only.",
        "Review fields hold each pair's last decision; earlier decisions are in the review store's audit log "
        "(`reviewers` lists everyone who decided on the pair).",
        "`corrected_ar` is one reviewer's edit, not an independently checked reference translation.",
    ]
    if reconstructed:
        items.append(f"{reconstructed} pairs have a `reconstructed` English source: an expert rendering of the "
                     "meaning, not the outlet's wording; do not cite it as a quotation.")
    if machine:
        items.append(f"{machine} pairs come from articles that are machine translations.")
    if "wrong-pairing" not in context["statuses"]:
        items.append("Pairs a reviewer marked `wrong-pairing` are left out.")
    ag = context["agreement"]
    if ag["pairs"] < MIN_KAPPA_PAIRS:
        items.append(f"Reviewers' agreement rests on {ag['pairs']} doubly-reviewed pairs: too few to generalise.")
    items.append("The article and source texts are news copy; their copyright stays with the outlets. The "
                 f"licence given here (`{context['license']}`) covers the annotations only.")
    return "\n".join(f"- {i}" for i in items)


def _example(rows: list[dict]) -> str:
    if not rows:
        return "(no rows)"
    r = next((x for x in rows if x["flags"] and x["corrected_ar"]), None) or next((x for x in rows if x["flags"]), rows[0])
    shown = dict(r, alignment=r["alignment"][:2] + (["…"] if len(r["alignment"]) > 2 else []),
                 flags=r["flags"][:2] + (["…"] if len(r["flags"]) > 2 else []))
    return json.dumps(shown, ensure_ascii=False, indent=1)


def render_card(by_split: dict[str, list[dict]], feats, context: dict[str, Any]) -> str:
    rows = [r for part in by_split.values() for r in part]
    header = yaml.safe_dump(card_header(by_split, feats, context), sort_keys=False, allow_unicode=True, width=1000)
    fields = [[f"`{k}`", v] for k, v in FIELD_DOCS.items()]
    flag_fields = [[f"`{k}`", v] for k, v in FLAG_FIELDS.items()]
    first = next(iter(by_split))
    body = f"""# {context['pretty_name']}

Arabic sentences paired with the English statements they translate, each scored for
fidelity by [muqabala](https://pypi.org/project/muqabala/), with word alignments, the error
spans it flagged, and the decisions of human reviewers (accept, needs fix, corrected Arabic,
per-error confirmation). {len(rows)} pairs.

```python
from datasets import load_dataset
ds = load_dataset("path/or/owner/name")   # the folder this card is in, or its Hub repo
row = ds["{first}"][0]
row["ar"], row["en"], row["corrected_ar"], row["verdict"], row["flags"]
```

## Dataset structure

One row per pair:

{_table(["field", "meaning"], fields)}

Each entry of `flags`:

{_table(["field", "meaning"], flag_fields)}

## Statistics

{statistics(by_split, context)}
## Provenance

{provenance(context)}

## Known limits

{limits(rows, context)}

## Example row

```json
{_example(rows)}
```
"""
    return f"---\n{header}---\n\n{body}"
