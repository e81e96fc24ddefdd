"""Unit tests of align.publish: agreement, splits, option parsing, the atomic folder, Hub checks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from align import publish as P
from align.publish_card import card_header, size_category


# ---- agreement -------------------------------------------------------------------------------
@pytest.mark.parametrize(("a", "b", "kappa"), [
    (["x", "x", "y", "y"], ["x", "x", "y", "y"], 1.0),
    (["x", "y", "x", "y"], ["y", "x", "y", "x"], -1.0),
    # classic 2x2 example: 20 yes/yes, 15 no/no, 5 yes/no, 10 no/yes → po .7, pe .5 → .4
    (["y"] * 25 + ["n"] * 25, ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15, 0.4),
    (["x", "x"], ["x", "x"], None),  # one label only: undefined
    ([], [], None),
])
def test_cohen_kappa(a, b, kappa):
    got = P.cohen_kappa(a, b)
    assert got == kappa if kappa is None else got == pytest.approx(kappa)


def _audit(*rows):
    return [{"action": act, "reviewer": who, "pair_id": pid, "after": json.dumps(after)}
            for act, who, pid, after in rows]


def test_agreement_counts_last_status_of_two_reviewers():
    audit = _audit(
        ("pair", "amal", "p1", {"status": "accepted"}),
        ("pair", "badr", "p1", {"status": "needs-fix"}),
        ("pair", "badr", "p1", {"status": "accepted"}),      # badr changes their mind: agree
        ("pair", "amal", "p2", {"status": "accepted"}),
        ("pair", "badr", "p2", {"status": "wrong-pairing"}),  # disagree
        ("pair", "amal", "p3", {"status": "accepted"}),
        ("pair", "badr", "p3", {"note": "only a note"}),      # no status from badr: not counted
        ("pair", "amal", "p4", {"status": "accepted"}),
        ("pair", "badr", "p4", {"status": "accepted"}),
        ("pair", "badr", "p4", {"status": None}),             # withdrawn
        ("flag", "badr", "p3", {"flag": "k", "status": "confirmed"}),
        ("pair", "amal", "p5", {"status": "accepted"}),
        ("pair", "amal", "p5", {"status": "needs-fix"}),      # one reviewer twice: not counted
    )
    ag = P.agreement(audit)
    assert ag["pairs"] == 2 and ag["comparisons"] == 2 and ag["agreement"] == 0.5
    (duo,) = ag["by_reviewers"]
    assert duo["reviewers"] == ["amal", "badr"] and duo["kappa"] is None  # < MIN_KAPPA_PAIRS
    assert duo["disagreements"] == {"accepted / wrong-pairing": 1}
    assert P.agreement(audit, pair_ids={"p1"})["agreement"] == 1.0


def test_agreement_three_reviewers_and_kappa():
    rows = []
    for i in range(12):
        rows += [("pair", "a", f"p{i}", {"status": "accepted" if i % 2 else "needs-fix"}),
                 ("pair", "b", f"p{i}", {"status": "accepted" if i % 2 else "needs-fix"})]
    rows += [("pair", "c", "p0", {"status": "accepted"})]
    ag = P.agreement(_audit(*rows))
    assert ag["pairs"] == 12 and ag["comparisons"] == 12 + 2
    ab = next(d for d in ag["by_reviewers"] if d["reviewers"] == ["a", "b"])
    assert ab["agreement"] == 1.0 and ab["kappa"] == pytest.approx(1.0)


# ---- splits ----------------------------------------------------------------------------------
def _rows(sizes: dict[str, int]):
    return [{"article": a, "pair_id": f"{a}-{i}"} for a, n in sizes.items() for i in range(n)]


def test_assign_splits_keeps_articles_whole_and_is_reproducible():
    rows = _rows({f"a{i:02d}": 3 + i % 7 for i in range(30)})
    one = P.assign_splits(rows, {"train": 0.8, "validation": 0.1, "test": 0.1}, seed=7)
    assert one == P.assign_splits(rows, {"train": 0.8, "validation": 0.1, "test": 0.1}, seed=7)
    assert set(one) == {r["article"] for r in rows}          # each article in exactly one split
    counts = {s: sum(1 for r in rows if one[r["article"]] == s) for s in ("train", "validation", "test")}
    assert all(counts.values())
    assert counts["train"] / len(rows) == pytest.approx(0.8, abs=0.08)
    seeds = {tuple(sorted(P.assign_splits(rows, {"train": 0.8, "test": 0.2}, seed=s).items())) for s in range(5)}
    assert len(seeds) > 1                                     # the seed matters


def test_assign_splits_pairs_without_article_are_their_own_group():
    rows = [{"article": None, "pair_id": f"r{i}"} for i in range(10)]
    got = P.assign_splits(rows, {"train": 0.5, "test": 0.5})
    assert set(got) == {f"pair:r{i}" for i in range(10)} and set(got.values()) == {"train", "test"}


def test_assign_splits_refuses_more_splits_than_articles():
    with pytest.raises(P.PublishError, match="cannot split 1 article"):
        P.assign_splits(_rows({"a": 5}), {"train": 0.5, "test": 0.5})


@pytest.mark.parametrize(("text", "expected"), [
    (None, None), ("", None),
    ("train=0.8,test=0.2", {"train": 0.8, "test": 0.2}),
    ("train=8, test=2", {"train": 0.8, "test": 0.2}),
])
def test_parse_splits(text, expected):
    got = P.parse_splits(text)
    assert got == expected if expected is None else got == pytest.approx(expected)


@pytest.mark.parametrize("bad", ["train", "train=x", "train=0", "tr-ain=0.5,test=0.5", "train=-1"])
def test_parse_splits_rejects(bad):
    with pytest.raises(P.PublishError):
        P.parse_splits(bad)


# ---- options ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    (None, P.DEFAULT_STATUSES),
    ("accepted", ("accepted",)),
    ("accepted, unreviewed,accepted", ("accepted", "unreviewed")),
    (["needs-fix"], ("needs-fix",)),
    ("all", P.ALL_STATUSES),
])
def test_parse_statuses(value, expected):
    assert P.parse_statuses(value) == expected


@pytest.mark.parametrize("bad", ["accept", "", "ok,accepted"])
def test_parse_statuses_rejects(bad):
    with pytest.raises(P.PublishError, match="unknown status"):
        P.parse_statuses(bad)


@pytest.mark.parametrize(("value", "expected"), [
    ("parquet", ("parquet",)), ("TMX", ("tmx",)), ("parquet,xlf", ("parquet", "xliff")), (["tmx", "tmx"], ("tmx",)),
])
def test_parse_formats(value, expected):
    assert P.parse_formats(value) == expected


def test_parse_formats_rejects():
    with pytest.raises(P.PublishError, match="unknown format"):
        P.parse_formats("csv")


@pytest.mark.parametrize(("n", "cat"), [(0, "n<1K"), (999, "n<1K"), (1000, "1K<n<10K"), (250_000, "100K<n<1M")])
def test_size_category(n, cat):
    assert size_category(n) == cat


def test_card_header_is_hub_yaml():
    feats = P.features()
    ctx = {"pretty_name": "x", "license": "cc-by-4.0", "split_bytes": {"train": (10, 5), "test": (4, 2)}}
    rows = [{"review_status": "accepted"}]
    head = yaml.safe_load(yaml.safe_dump(card_header({"train": rows, "test": []}, feats, ctx)))
    assert head["language"] == ["ar", "en"] and head["license"] == "cc-by-4.0"
    assert head["task_categories"] == ["translation"] and head["size_categories"] == ["n<1K"]
    assert head["configs"][0]["data_files"] == [{"split": "train", "path": "data/train-*.parquet"},
                                                {"split": "test", "path": "data/test-*.parquet"}]
    assert [f["name"] for f in head["dataset_info"]["features"]] == list(P.FIELD_DOCS)
    assert head["dataset_info"]["dataset_size"] == 14 and "expert-generated" in head["annotations_creators"]


def test_features_cover_every_field():
    feats = P.features()
    assert list(feats) == list(P.FIELD_DOCS)
    assert list(feats["flags"].feature) == list(P.FLAG_FIELDS)


# ---- the atomic output folder ----------------------------------------------------------------
def _writer(text: str):
    def build(tmp: Path) -> None:
        (tmp / "data").mkdir()
        (tmp / "data" / "x.txt").write_text(text)
        (tmp / P.MANIFEST).write_text("{}")
    return build


def _crash(tmp: Path) -> None:
    (tmp / "data").mkdir()
    (tmp / "data" / "x.txt").write_text("half")
    raise RuntimeError("killed mid-way")


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir()
                  if p.name.startswith(f".{out.name}.") and p.name != f".{out.name}.lock")


def test_write_atomically_one_at_a_time(tmp_path):
    out = tmp_path / "pub"

    def nested(tmp: Path) -> None:
        P.write_atomically(out, _writer("inner"))
    with pytest.raises(P.PublishError, match="another publish"):
        P.write_atomically(out, nested)
    assert not out.exists() and _leftovers(out) == []


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_write_atomically_replaces_and_a_crash_keeps_the_previous(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(P, "_exchange", lambda a, b: False)
    out = tmp_path / "pub"
    P.write_atomically(out, _writer("v1"))
    P.write_atomically(out, _writer("v2"))
    assert (out / "data" / "x.txt").read_text() == "v2"
    with pytest.raises(RuntimeError, match="killed"):
        P.write_atomically(out, _crash)
    assert (out / "data" / "x.txt").read_text() == "v2"
    assert _leftovers(out) == []


def test_write_atomically_recovers_from_a_crash_between_renames(tmp_path):
    out = tmp_path / "pub"
    P.write_atomically(out, _writer("v1"))
    os.rename(out, tmp_path / ".pub.old-abc")                 # state after the first rename
    (tmp_path / ".pub.new-def").mkdir()                       # and a half-built new folder
    with pytest.raises(RuntimeError):
        P.write_atomically(out, _crash)                       # the next run first puts v1 back
    assert (out / "data" / "x.txt").read_text() == "v1" and _leftovers(out) == []


def test_write_atomically_refuses_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "mine.txt").write_text("keep")
    with pytest.raises(P.PublishError, match="refusing to replace"):
        P.write_atomically(tmp_path, _writer("v1"))
    assert (tmp_path / "mine.txt").read_text() == "keep"
    (tmp_path / "file").write_text("x")
    with pytest.raises(P.PublishError, match="not a folder"):
        P.write_atomically(tmp_path / "file", _writer("v1"))


def test_write_atomically_accepts_an_empty_folder(tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    P.write_atomically(out, _writer("v1"))
    assert (out / "data" / "x.txt").read_text() == "v1"


# ---- Hub preflight ---------------------------------------------------------------------------
def test_preflight_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(P, "_get_token", lambda: "hf_x")
    with pytest.raises(P.HubError, match="offline"):
        P.hub_preflight("me/data")


def test_preflight_no_token(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(P, "_get_token", lambda: None)
    with pytest.raises(P.HubError, match=r"no token.*HF_TOKEN") as e:
        P.hub_preflight("me/data")
    assert e.value.exit_code == P.EXIT_HUB


def test_preflight_bad_repo():
    with pytest.raises(P.PublishError, match="OWNER/NAME"):
        P.hub_preflight("not a repo")


def test_preflight_unreachable_hub(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setattr(P, "_get_token", lambda: "hf_fake")
    with pytest.raises(P.HubError, match="checking the token failed"):
        P.hub_preflight("me/data")
