"""End to end: publish the shipped corpus after review decisions and read it back.

The store is built from corpora/putin-kim (tests/fixtures_store.py) with decisions by two
reviewers; the published Parquet is loaded with ``datasets.load_dataset`` from the folder
and compared, row by row and field by field, with what the store holds; the card's YAML
is parsed; the TMX and XLIFF are parsed back with translate-toolkit.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest
import yaml

from align import publish as P
from align.store import Store, flag_key

try:
    from tests.fixtures_store import build_store
except ModuleNotFoundError:  # plain `pytest` without the repo root on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.fixtures_store import build_store

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def store_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "review.sqlite"
    store, records, decisions = build_store(path)
    store.close()
    return path, records, decisions


@pytest.fixture(scope="module")
def published(store_db, tmp_path_factory):
    db, _, _ = store_db
    out = tmp_path_factory.mktemp("pub") / "dataset"
    t0 = time.perf_counter()
    assert P.main(["--db", str(db), "--out", str(out), "--format", "parquet,tmx,xliff"]) == 0
    return out, time.perf_counter() - t0


def _load(path, tmp_path):
    from datasets import load_dataset

    return load_dataset(str(path), cache_dir=str(tmp_path / "hf-cache"))


def expected_rows(db, statuses=P.DEFAULT_STATUSES) -> dict[str, dict]:
    """What the store says about each pair, read through the Store API only."""
    store = Store(db)
    reviewers: dict[str, list[str]] = {}
    for a in store.audit_rows():
        if a["reviewer"] and a["reviewer"] not in reviewers.setdefault(a["pair_id"], []):
            reviewers[a["pair_id"]].append(a["reviewer"])
    out = {}
    for rec in store.records():
        review = store.pair_review(rec["pair_id"]) or {}
        status = review.get("status") or "unreviewed"
        if status in statuses:
            out[rec["pair_id"]] = {"record": rec, "review": review, "status": status,
                                   "flags": store.flag_reviews(rec["pair_id"]),
                                   "added": store.added_errors(rec["pair_id"]),
                                   "reviewers": reviewers.get(rec["pair_id"], []),
                                   "article": store.article(rec["article"]), "source": store.source(rec["source"])}
    store.close()
    return out


def test_published_dataset_equals_the_store(published, store_db, tmp_path):
    out, seconds = published
    db, records, decisions = store_db
    ds = _load(out, tmp_path)
    assert list(ds) == ["train"]
    train = ds["train"]
    assert train.features == P.features()
    want = expected_rows(db)
    got = {r["pair_id"]: r for r in train}
    assert len(got) == train.num_rows == len(want) == len(records) - len(decisions.wrong_pairing)
    assert set(got) == set(want)

    for pid, w in want.items():
        row, rec, review = got[pid], w["record"], w["review"]
        for k in ("article", "source", "ar", "ar_start", "ar_end", "en", "en_start", "en_end",
                  "pairing", "fidelity", "verdict", "models"):
            assert row[k] == rec[k], (pid, k)
        art_text, art_meta = w["article"]
        src_text, src_meta = w["source"]
        assert row["ar"] == art_text[row["ar_start"]:row["ar_end"]]
        assert row["en"] == src_text[row["en_start"]:row["en_end"]]
        assert (row["article_outlet"], row["article_date"], row["article_kind"]) == \
            (art_meta["outlet"], art_meta["date"], art_meta["kind"])
        assert (row["source_speaker"], row["source_status"]) == (src_meta["speaker"], src_meta["status"])
        assert [[a["ar_start"], a["ar_end"], a["en_start"], a["en_end"], a["score"]] for a in row["alignment"]] \
            == rec["alignment"]
        assert row["review_status"] == w["status"]
        assert row["corrected_ar"] == review.get("corrected_ar")
        assert row["review_note"] == review.get("note")
        assert row["reviewer"] == review.get("reviewer")
        assert row["reviewers"] == w["reviewers"]
        tool = [f for f in row["flags"] if f["origin"] == "tool"]
        added = [f for f in row["flags"] if f["origin"] == "reviewer"]
        assert len(tool) == len(rec["flags"]) and len(added) == len(w["added"])
        for f, src in zip(tool, rec["flags"], strict=True):
            d = w["flags"].get(flag_key(src), {})
            assert f["key"] == flag_key(src)
            assert f["status"] == (d.get("status") or "unreviewed")
            assert f["category"] == (d.get("category") or src["category"]) and f["tool_category"] == src["category"]
            assert f["severity"] == (d.get("severity") or src["severity"]) and f["tool_severity"] == src["severity"]
            assert (f["ar_start"], f["ar_end"], f["message"], f["suggestion"]) == \
                (src["ar_start"], src["ar_end"], src["message"], src["suggestion"])
        for f, e in zip(added, w["added"], strict=True):
            assert (f["category"], f["severity"], f["ar_start"], f["ar_end"], f["note"], f["reviewer"]) == \
                (e["category"], e["severity"], e["ar_start"], e["ar_end"], e["note"], e["reviewer"])

    # and the decisions the fixture meant to make are there
    for pid in decisions.accepted:
        assert got[pid]["review_status"] == "accepted"
    for pid in decisions.needs_fix:
        assert got[pid]["review_status"] == "needs-fix"
    for pid, fix in decisions.corrected.items():
        assert got[pid]["corrected_ar"] == fix
    for (pid, key), change in decisions.flag_decisions.items():
        (f,) = [f for f in got[pid]["flags"] if f["key"] == key]
        assert {k: f[k] for k in change} == change
    for pid in decisions.double_reviewed:
        assert got[pid]["reviewers"] == ["amal", "badr"] and got[pid]["reviewer"] == "badr"
    added_keys = {f["key"] for r in got.values() for f in r["flags"] if f["origin"] == "reviewer"}
    assert added_keys == {f"added:{i}" for i in decisions.added_errors}
    assert not set(decisions.wrong_pairing) & set(got)
    assert seconds < 60


def test_card_yaml_parses_and_names_the_features(published, store_db):
    out, _ = published
    text = (out / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    head = yaml.safe_load(text.split("---\n")[1])
    assert head["language"] == ["ar", "en"] and head["license"] == "unknown"
    assert head["task_categories"] == ["translation"] and head["size_categories"] == ["n<1K"]
    assert head["configs"] == [{"config_name": "default",
                                "data_files": [{"split": "train", "path": "data/train-*.parquet"}]}]
    names = [f["name"] for f in head["dataset_info"]["features"]]
    assert names == list(P.features())
    flags = next(f for f in head["dataset_info"]["features"] if f["name"] == "flags")
    assert {"category", "severity", "status", "origin"} <= {f["name"] for f in flags["list"]}
    assert head["dataset_info"]["splits"][0]["num_examples"] == 82
    from huggingface_hub import DatasetCard  # the Hub client's own parser reads the same header

    data = DatasetCard(text).data
    assert data.language == ["ar", "en"] and data.task_categories == ["translation"]
    assert data.to_dict()["configs"] == head["configs"]
    body = text.split("---\n", 2)[2]
    for needle in ("## Statistics", "Pairs by verdict", "Errors by category and severity",
                   "Reviewers' agreement", "amal & badr", "## Provenance", "`putin-kim`",
                   "use-m-v3", "e5-small-bundled@layer8", "## Known limits", "reconstructed"):
        assert needle in body, needle
    # 6 pairs reviewed by both, 2 disagreements → 66.7%
    assert "| amal & badr | 6 | 66.7% |" in body
    manifest = json.loads((out / P.MANIFEST).read_text())
    assert manifest["rows"] == 82 and manifest["agreement"]["pairs"] == 6
    assert "/" not in manifest["corpora"][0]["corpus"]  # no local paths leak


def test_tmx_and_xliff_parse_back_with_the_same_pairs(published, store_db):
    from translate.storage.tmx import tmxfile
    from translate.storage.xliff import xlifffile

    out, _ = published
    db, _, decisions = store_db
    want = {pid: (w["record"]["en"], w["review"].get("corrected_ar") or w["record"]["ar"])
            for pid, w in expected_rows(db).items()}
    tmx = tmxfile.parsestring((out / P.TMX_NAME).read_bytes())
    got = {u.getid(): (u.source, u.gettarget("ar")) for u in tmx.units}
    assert got == want
    assert any(want[pid][1] == fix for pid, fix in decisions.corrected.items())
    xlf = xlifffile.parsestring((out / P.XLIFF_NAME).read_bytes())
    got = {u.xmlelement.get("id"): (u.source, u.target) for u in xlf.units}
    assert got == want
    approved = {u.xmlelement.get("id") for u in xlf.units if u.isapproved()}
    assert approved == {pid for pid, w in expected_rows(db).items() if w["status"] == "accepted"}


def test_status_filter_and_article_splits(store_db, tmp_path):
    db, _, decisions = store_db
    out = tmp_path / "accepted"
    assert P.main(["--db", str(db), "--out", str(out), "--status", "accepted",
                   "--split", "train=0.6,test=0.4", "--seed", "3"]) == 0
    ds = _load(out, tmp_path)
    assert set(ds) == {"train", "test"}
    ids = {s: set(ds[s]["pair_id"]) for s in ds}
    assert ids["train"] | ids["test"] == set(decisions.accepted)
    assert set(ds["train"]["article"]).isdisjoint(ds["test"]["article"])
    assert {r for s in ds for r in ds[s]["review_status"]} == {"accepted"}
    again = tmp_path / "again"
    P.publish(db, again, statuses="accepted", split_by_article={"train": 0.6, "test": 0.4}, seed=3)
    assert json.loads((again / P.MANIFEST).read_text())["split_articles"] == \
        json.loads((out / P.MANIFEST).read_text())["split_articles"]


def test_missing_db_is_exit_2_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    assert P.main(["--db", str(tmp_path / "nope.sqlite"), "--out", str(out)]) == 2
    assert "review store not found" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "nope.sqlite").exists()


def test_not_a_store_is_exit_2(tmp_path, capsys):
    (tmp_path / "notes.sqlite").write_text("not a database")
    assert P.main(["--db", str(tmp_path / "notes.sqlite"), "--out", str(tmp_path / "out")]) == 2
    assert "cannot open review store" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_nothing_to_publish_is_exit_2(tmp_path, capsys):
    Store(tmp_path / "empty.sqlite").close()
    assert P.main(["--db", str(tmp_path / "empty.sqlite"), "--out", str(tmp_path / "out")]) == 2
    assert "nothing to publish" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_crash_mid_publish_keeps_the_previous_version(store_db, tmp_path, monkeypatch):
    db, _, _ = store_db
    out = tmp_path / "ds"
    P.publish(db, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    import align.publish_card as card

    def boom(*a, **k):
        raise KeyboardInterrupt  # e.g. Ctrl-C after the Parquet was written, before the card
    monkeypatch.setattr(card, "render_card", boom)
    with pytest.raises(KeyboardInterrupt):
        P.publish(db, out, statuses="accepted")
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ds.") and p.name != ".ds.lock"] == []


def test_push_without_token_fails_cleanly_and_keeps_local_output(store_db, tmp_path, monkeypatch, capsys):
    db, _, _ = store_db
    out = tmp_path / "ds"
    P.publish(db, out)
    before = (out / "README.md").read_bytes()
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(P, "_get_token", lambda: None)
    called = []
    monkeypatch.setattr(P, "_hf_api", lambda token: called.append(token))
    assert P.main(["--db", str(db), "--out", str(out), "--status", "accepted", "--push-to-hub", "me/pairs"]) == 3
    err = capsys.readouterr().err
    assert "no token" in err and "HF_TOKEN" in err
    assert called == [] and (out / "README.md").read_bytes() == before


def test_push_offline_fails_before_anything_is_written(store_db, tmp_path, monkeypatch, capsys):
    db, _, _ = store_db
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    out = tmp_path / "never"
    assert P.main(["--db", str(db), "--out", str(out), "--push-to-hub", "me/pairs"]) == 3
    assert "offline" in capsys.readouterr().err and not out.exists()


class FakeApi:
    def __init__(self, fail_upload=False):
        self.calls, self.fail_upload = [], fail_upload

    def whoami(self):
        self.calls.append(("whoami",))
        return {"name": "me"}

    def create_repo(self, repo, **kw):
        self.calls.append(("create_repo", repo, kw))

    def upload_folder(self, **kw):
        if self.fail_upload:
            raise ConnectionError("connection reset")
        self.calls.append(("upload_folder", kw))
        return type("Info", (), {"commit_url": "https://hub.example/commit/1"})()


def test_push_uploads_the_finished_folder_in_one_commit(store_db, tmp_path, monkeypatch, capsys):
    db, _, _ = store_db
    api = FakeApi()
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(P, "_get_token", lambda: "hf_fake")
    monkeypatch.setattr(P, "_hf_api", lambda token: api)
    out = tmp_path / "ds"
    assert P.main(["--db", str(db), "--out", str(out), "--push-to-hub", "me/pairs", "--private"]) == 0
    assert [c[0] for c in api.calls] == ["whoami", "create_repo", "upload_folder"]
    assert api.calls[1][2] == {"repo_type": "dataset", "private": True, "exist_ok": True}
    up = api.calls[2][1]
    assert up["repo_id"] == "me/pairs" and up["repo_type"] == "dataset" and up["folder_path"] == str(out)
    assert (out / "README.md").is_file() and "pushed to https://hub.example/commit/1" in capsys.readouterr().out


def test_push_upload_failure_is_reported_and_local_output_complete(store_db, tmp_path, monkeypatch, capsys):
    db, _, _ = store_db
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(P, "_get_token", lambda: "hf_fake")
    monkeypatch.setattr(P, "_hf_api", lambda token: FakeApi(fail_upload=True))
    out = tmp_path / "ds"
    assert P.main(["--db", str(db), "--out", str(out), "--push-to-hub", "me/pairs"]) == 3
    assert "upload to me/pairs failed" in capsys.readouterr().err
    assert (out / P.MANIFEST).is_file() and (out / "data" / "train-00000-of-00001.parquet").is_file()
