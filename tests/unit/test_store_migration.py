"""The review store's schema carries a version and migrates forward: a store written before
versions existed (v0) opens, keeps every row and decision, and a copy of it is kept."""

from __future__ import annotations

import json
import sqlite3

import pytest

import align.store as store_mod
from align.store import SCHEMA_VERSION, Store

# The first stores: no meta table, and tables without the columns added since.
V0_SCHEMA = """
CREATE TABLE runs (run_id INTEGER PRIMARY KEY AUTOINCREMENT, corpus TEXT, started_at REAL);
CREATE TABLE articles (article_id TEXT PRIMARY KEY, text TEXT NOT NULL, meta TEXT);
CREATE TABLE sources (source_id TEXT PRIMARY KEY, text TEXT NOT NULL, meta TEXT);
CREATE TABLE pairs (
    pair_id TEXT PRIMARY KEY, article TEXT, source TEXT,
    ar TEXT NOT NULL, ar_start INTEGER, ar_end INTEGER,
    en TEXT NOT NULL, en_start INTEGER, en_end INTEGER,
    pairing REAL, fidelity REAL, verdict TEXT, record TEXT NOT NULL);
CREATE TABLE pair_reviews (pair_id TEXT PRIMARY KEY, status TEXT, corrected_ar TEXT, note TEXT);
CREATE TABLE flag_reviews (pair_id TEXT NOT NULL, flag_key TEXT NOT NULL, status TEXT, category TEXT,
    severity TEXT, PRIMARY KEY (pair_id, flag_key));
CREATE TABLE added_errors (error_id INTEGER PRIMARY KEY AUTOINCREMENT, pair_id TEXT NOT NULL,
    ar_start INTEGER, ar_end INTEGER, category TEXT, severity TEXT, note TEXT);
"""


def _record(pid: str, fidelity: float) -> dict:
    return {"pair_id": pid, "article": "a1", "source": "s1", "ar": "قال الرئيس", "ar_start": 0, "ar_end": 10,
            "en": "the president said", "en_start": 0, "en_end": 18, "pairing": 0.9, "fidelity": fidelity,
            "verdict": "review", "flags": [], "alignment": [], "models": {"sentence": "t", "align": "t"}}


def make_v0(path) -> None:
    db = sqlite3.connect(path)
    db.executescript(V0_SCHEMA)
    db.execute("INSERT INTO articles VALUES ('a1', 'قال الرئيس إن الاتفاق تاريخي.', '{}')")
    db.execute("INSERT INTO sources VALUES ('s1', 'the president said the deal is historic', '{}')")
    for pid, fid in (("p1", 55.0), ("p2", 90.0)):
        r = _record(pid, fid)
        db.execute("INSERT INTO pairs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (pid, "a1", "s1", r["ar"], 0, 10, r["en"], 0, 18, 0.9, fid, "review", json.dumps(r, ensure_ascii=False)))
    db.execute("INSERT INTO pair_reviews VALUES ('p1', 'needs-fix', 'قال الرئيسُ', 'a v0 note')")
    db.execute("INSERT INTO flag_reviews VALUES ('p1', 'k:0-3:None-None', 'confirmed', 'grammar', 'minor')")
    db.execute("INSERT INTO added_errors(pair_id, ar_start, ar_end, category, severity, note) VALUES ('p1', 0, 3, 'grammar', 'minor', 'old')")
    db.commit()
    db.close()


def columns(path, table: str) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    finally:
        db.close()


def test_a_v0_store_is_migrated_forward_and_keeps_everything(tmp_path):
    path = tmp_path / "review.sqlite"
    make_v0(path)
    st = Store(path)
    assert st.schema_version() == SCHEMA_VERSION == 1
    for table, col in (("pairs", "stale"), ("pairs", "run_id"), ("pairs", "updated_at"), ("added_errors", "deleted"),
                       ("pair_reviews", "reviewer"), ("flag_reviews", "updated_at"), ("runs", "models")):
        assert col in columns(path, table), (table, col)
    # the data is all there, and the v1 API works on it
    assert [r["pair_id"] for r in st.records()] == ["p1", "p2"]
    assert st.progress() == (1, 2)
    assert st.pair_review("p1")["note"] == "a v0 note" and st.pair_review("p1")["corrected_ar"] == "قال الرئيسُ"
    assert st.flag_reviews("p1")["k:0-3:None-None"]["category"] == "grammar"
    assert [e["note"] for e in st.added_errors("p1")] == ["old"]
    st.review_pair("p2", "amal", status="accepted")
    st.delete_error(st.added_errors("p1")[0]["error_id"], "amal")
    assert st.added_errors("p1") == [] and st.progress() == (2, 2)
    assert [a["action"] for a in st.audit_rows()] == ["pair", "delete-error"]
    st.close()
    # the old file was kept, as it was
    bak = tmp_path / "review.sqlite.v0.bak"
    assert bak.exists() and "stale" not in columns(bak, "pairs")
    old = sqlite3.connect(bak)
    assert old.execute("SELECT note FROM pair_reviews").fetchall() == [("a v0 note",)]
    old.close()
    # opening again migrates nothing more
    st = Store(path)
    assert st.schema_version() == 1 and st.pair_review("p2")["status"] == "accepted"
    st.close()
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == ["review.sqlite.v0.bak"]


def test_a_new_store_needs_no_migration_and_no_backup(tmp_path):
    st = Store(tmp_path / "new.sqlite")
    assert st.schema_version() == SCHEMA_VERSION
    st.close()
    assert not list(tmp_path.glob("*.bak"))


def test_a_store_from_a_newer_tool_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(RuntimeError, match=r"store schema v99 is newer than this tool \(v1\); upgrade muqabala"):
        Store(path)
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("99",)
    db.close()


def test_a_failing_step_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "review.sqlite"
    make_v0(path)

    def half_then_fail(db):
        db.execute("ALTER TABLE pairs ADD COLUMN stale INTEGER NOT NULL DEFAULT 0")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(Store.MIGRATIONS, 1, half_then_fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        Store(path)
    assert "stale" not in columns(path, "pairs")  # the whole migration rolled back
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() is None
    db.close()
    monkeypatch.undo()
    st = Store(path)  # and a working tool migrates it later
    assert st.schema_version() == 1 and len(st.records()) == 2
    st.close()


def test_steps_run_in_order_from_any_older_version(tmp_path, monkeypatch):
    """How a v2 will be added: bump SCHEMA_VERSION, add MIGRATIONS[2]; a v0 store takes both steps."""
    path = tmp_path / "review.sqlite"
    make_v0(path)
    ran = []

    def to_v2(db):
        ran.append(2)
        db.execute("ALTER TABLE pair_reviews ADD COLUMN confidence REAL")
        db.execute("UPDATE pair_reviews SET confidence = 1.0 WHERE status IS NOT NULL")

    first = Store.MIGRATIONS[1]
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(Store.MIGRATIONS, 1, lambda db: (ran.append(1), first(db)))
    monkeypatch.setitem(Store.MIGRATIONS, 2, to_v2)
    st = Store(path)
    assert ran == [1, 2] and st.schema_version() == 2
    assert st.db.execute("SELECT confidence FROM pair_reviews WHERE pair_id='p1'").fetchone()[0] == 1.0
    st.close()
    ran.clear()
    Store(path).close()
    assert ran == []
