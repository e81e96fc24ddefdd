#!/usr/bin/env python3
"""Split corpus folders into train/test by article (no article in both), fixed seed.

    python3 scripts/split_dev.py corpora/dev/parts/a corpora/dev/parts/b --out corpora/dev --test 0.25

Articles are shuffled with the seed and assigned greedily so the test split holds about the
requested share of gold pairs and of error pairs. Sources follow the pairs that use them;
distractors are split by the same seeded shuffle.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path


def read_jsonl(p: Path) -> list[dict]:
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()] if p.exists() else []


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("parts", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--test", type=float, default=0.25)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    arts: dict[str, tuple[Path, dict]] = {}
    sources: dict[str, dict] = {}
    gold: list[dict] = []
    for part in a.parts:
        meta = {m["id"]: m for m in read_jsonl(part / "articles.jsonl")}
        for f in sorted((part / "articles").glob("*.txt")):
            arts[f.stem] = (f, meta.get(f.stem, {"id": f.stem}))
        for s in read_jsonl(part / "sources.jsonl"):
            sources[s["id"]] = s
        gold += read_jsonl(part / "gold.jsonl")
    rng = random.Random(a.seed)
    ids = sorted(arts)
    rng.shuffle(ids)
    n_pairs = len(gold)
    n_err = sum(g["label"] == "error" for g in gold)
    test: set[str] = set()
    tp = te = 0
    for aid in ids:
        gp = [g for g in gold if g["article"] == aid]
        ge = sum(g["label"] == "error" for g in gp)
        if tp + len(gp) <= a.test * n_pairs + 2 and te + ge <= a.test * n_err + 2:
            test.add(aid)
            tp += len(gp)
            te += ge
    used = {split: {g["source"] for g in gold if (g["article"] in test) == (split == "test")} for split in ("train", "test")}
    distractors = sorted(s for s in sources if not any(s in u for u in used.values()))
    rng.shuffle(distractors)
    cut = round(len(distractors) * a.test)
    used["test"] |= set(distractors[:cut])
    used["train"] |= set(distractors[cut:])
    for split in ("train", "test"):
        d = a.out / split
        if d.exists():
            shutil.rmtree(d)
        (d / "articles").mkdir(parents=True)
        chosen = [i for i in sorted(arts) if (i in test) == (split == "test")]
        for i in chosen:
            shutil.copyfile(arts[i][0], d / "articles" / f"{i}.txt")
        (d / "articles.jsonl").write_text("".join(json.dumps(arts[i][1], ensure_ascii=False) + "\n" for i in chosen), encoding="utf-8")
        (d / "sources.jsonl").write_text(
            "".join(json.dumps(sources[s], ensure_ascii=False) + "\n" for s in sorted(used[split])), encoding="utf-8")
        (d / "gold.jsonl").write_text(
            "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold if (g["article"] in test) == (split == "test")),
            encoding="utf-8")
        n = sum((g["article"] in test) == (split == "test") for g in gold)
        print(f"{split}: {len(chosen)} articles, {n} pairs, {len(used[split])} sources")


if __name__ == "__main__":
    main()
