"""The SQLite review store: scored pairs, their context, and every review decision.

WAL mode, one short transaction per decision (committed the moment it is made) and an audit
row for each. Pair ids are stable across re-scoring (article + source + a hash of the Arabic
text), so decisions stay attached to the same pair when a corpus is scored again.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY AUTOINCREMENT, corpus TEXT, started_at REAL, finished_at REAL,
    signature TEXT, models TEXT);
CREATE TABLE IF NOT EXISTS articles (article_id TEXT PRIMARY KEY, text TEXT NOT NULL, meta TEXT);
CREATE TABLE IF NOT EXISTS sources (source_id TEXT PRIMARY KEY, text TEXT NOT NULL, meta TEXT);
CREATE TABLE IF NOT EXISTS pairs (
    pair_id TEXT PRIMARY KEY, article TEXT, source TEXT,
    ar TEXT NOT NULL, ar_start INTEGER, ar_end INTEGER,
    en TEXT NOT NULL, en_start INTEGER, en_end INTEGER,
    pairing REAL, fidelity REAL, verdict TEXT, record TEXT NOT NULL,
    run_id INTEGER, updated_at REAL, stale INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS pairs_fidelity ON pairs(fidelity);
CREATE TABLE IF NOT EXISTS pair_reviews (
    pair_id TEXT PRIMARY KEY, status TEXT, corrected_ar TEXT, note TEXT,
    reviewer TEXT, updated_at REAL);
CREATE TABLE IF NOT EXISTS flag_reviews (
    pair_id TEXT NOT NULL, flag_key TEXT NOT NULL, status TEXT, category TEXT, severity TEXT,
    reviewer TEXT, updated_at REAL, PRIMARY KEY (pair_id, flag_key));
CREATE TABLE IF NOT EXISTS added_errors (
    error_id INTEGER PRIMARY KEY AUTOINCREMENT, pair_id TEXT NOT NULL,
    ar_start INTEGER, ar_end INTEGER, category TEXT, severity TEXT, note TEXT,
    reviewer TEXT, created_at REAL, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS audit (
    audit_id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, reviewer TEXT,
    pair_id TEXT, action TEXT NOT NULL, before TEXT, after TEXT);
"""

PAIR_STATUSES = ("accepted", "needs-fix", "wrong-pairing")
FLAG_STATUSES = ("confirmed", "rejected")


def flag_key(flag: dict[str, Any]) -> str:
    """A flag's identity within its pair: the check and where it points."""
    return f"{flag['check']}:{flag.get('ar_start')}-{flag.get('ar_end')}:{flag.get('en_start')}-{flag.get('en_end')}"


class Store:
    """One SQLite file. Safe to open from several processes at once."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self._journal_wal()
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA busy_timeout=30000")
        self.db.executescript(_SCHEMA)
        self._migrate()

    def _journal_wal(self, wait_s: float = 30.0) -> None:
        """Switch to WAL, retrying: turning an old rollback-journal file into WAL takes an
        exclusive lock, and when several processes open such a file at once SQLite can answer
        "database is locked" at once, without waiting in its busy handler (seen in
        ``tests/e2e/test_store_concurrency.py``). A WAL file is already WAL and never waits."""
        deadline = time.monotonic() + wait_s
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() > deadline:
                    raise
                time.sleep(0.005 + random.random() * 0.05)

    def _migrate(self) -> None:
        """Bring an older store forward to SCHEMA_VERSION (see ``MIGRATIONS`` below): one step
        per version, all in one transaction (all or nothing; other processes wait for it), after
        a copy of the old file is kept beside it (``review.sqlite.v0.bak``)."""
        if self.schema_version() == SCHEMA_VERSION:
            return  # the usual case: no write lock taken just to open a store
        with self.tx():
            version = self.schema_version()  # again under the write lock: another process may have done it
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"{self.path}: store schema v{version} is newer than this tool "
                                   f"(v{SCHEMA_VERSION}); upgrade muqabala")
            if version == SCHEMA_VERSION:
                return
            had_data = self._has_data()
            if had_data:
                self._backup(version)
            for step in range(version + 1, SCHEMA_VERSION + 1):
                self.MIGRATIONS[step](self.db)
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            if had_data:
                self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                                (f"migrated_from_v{version}", f"{time.time():.3f}"))

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT: writers queue instead of failing, nothing is half-written."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # ---- scoring side -------------------------------------------------------------------
    def start_run(self, corpus: str, signature: str, models: dict[str, str]) -> int:
        with self.tx():
            cur = self.db.execute(
                "INSERT INTO runs(corpus, started_at, signature, models) VALUES (?,?,?,?)",
                (corpus, time.time(), signature, json.dumps(models)),
            )
            return int(cur.lastrowid)

    def finish_run(self, run_id: int) -> None:
        with self.tx():
            self.db.execute("UPDATE runs SET finished_at=? WHERE run_id=?", (time.time(), run_id))

    def put_texts(self, articles: dict[str, tuple[str, dict]], sources: dict[str, tuple[str, dict]]) -> None:
        with self.tx():
            for aid, (text, meta) in articles.items():
                self.db.execute("INSERT OR REPLACE INTO articles VALUES (?,?,?)", (aid, text, json.dumps(meta, ensure_ascii=False)))
            for sid, (text, meta) in sources.items():
                self.db.execute("INSERT OR REPLACE INTO sources VALUES (?,?,?)", (sid, text, json.dumps(meta, ensure_ascii=False)))

    def mark_stale(self, corpus_pairs: Iterable[str] | None = None) -> None:
        """Before a re-score: pairs not produced again stay (with their decisions) but stale."""
        with self.tx():
            self.db.execute("UPDATE pairs SET stale=1")

    def put_results(self, records: Iterable[dict[str, Any]], run_id: int | None = None) -> int:
        """Insert or update scored pairs in one transaction; review decisions are untouched."""
        n = 0
        now = time.time()
        with self.tx():
            for r in records:
                self.db.execute(
                    """INSERT INTO pairs(pair_id, article, source, ar, ar_start, ar_end, en, en_start, en_end,
                                         pairing, fidelity, verdict, record, run_id, updated_at, stale)
                       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)
                       ON CONFLICT(pair_id) DO UPDATE SET
                         article=excluded.article, source=excluded.source, ar=excluded.ar,
                         ar_start=excluded.ar_start, ar_end=excluded.ar_end, en=excluded.en,
                         en_start=excluded.en_start, en_end=excluded.en_end, pairing=excluded.pairing,
                         fidelity=excluded.fidelity, verdict=excluded.verdict, record=excluded.record,
                         run_id=excluded.run_id, updated_at=excluded.updated_at, stale=0""",
                    (r["pair_id"], r["article"], r["source"], r["ar"], r["ar_start"], r["ar_end"], r["en"],
                     r["en_start"], r["en_end"], r["pairing"], r["fidelity"], r["verdict"],
                     json.dumps(r, ensure_ascii=False), run_id, now),
                )
                n += 1
        return n

    def done_pair_ids(self, run_id: int) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT pair_id FROM pairs WHERE run_id=?", (run_id,))}

    # ---- reading ------------------------------------------------------------------------
    def records(self, include_stale: bool = False) -> list[dict[str, Any]]:
        q = "SELECT record FROM pairs" + ("" if include_stale else " WHERE stale=0") + " ORDER BY fidelity, pair_id"
        return [json.loads(row[0]) for row in self.db.execute(q)]

    def record(self, pair_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM pairs WHERE pair_id=?", (pair_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def article(self, article_id: str) -> tuple[str, dict] | None:
        row = self.db.execute("SELECT text, meta FROM articles WHERE article_id=?", (article_id,)).fetchone()
        return (row[0], json.loads(row[1] or "{}")) if row else None

    def source(self, source_id: str) -> tuple[str, dict] | None:
        row = self.db.execute("SELECT text, meta FROM sources WHERE source_id=?", (source_id,)).fetchone()
        return (row[0], json.loads(row[1] or "{}")) if row else None

    def pair_review(self, pair_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM pair_reviews WHERE pair_id=?", (pair_id,)).fetchone()
        return dict(row) if row else None

    def flag_reviews(self, pair_id: str) -> dict[str, dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM flag_reviews WHERE pair_id=?", (pair_id,))
        return {r["flag_key"]: dict(r) for r in rows}

    def added_errors(self, pair_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM added_errors WHERE pair_id=? AND deleted=0 ORDER BY error_id", (pair_id,))
        return [dict(r) for r in rows]

    def audit_rows(self, pair_id: str | None = None) -> list[dict[str, Any]]:
        if pair_id is None:
            rows = self.db.execute("SELECT * FROM audit ORDER BY audit_id")
        else:
            rows = self.db.execute("SELECT * FROM audit WHERE pair_id=? ORDER BY audit_id", (pair_id,))
        return [dict(r) for r in rows]

    # ---- decisions: each one is its own committed transaction with an audit row -----------
    def _audit(self, reviewer: str | None, pair_id: str, action: str, before: Any, after: Any) -> None:
        self.db.execute(
            "INSERT INTO audit(at, reviewer, pair_id, action, before, after) VALUES (?,?,?,?,?,?)",
            (time.time(), reviewer, pair_id, action, json.dumps(before, ensure_ascii=False), json.dumps(after, ensure_ascii=False)),
        )

    def review_pair(self, pair_id: str, reviewer: str | None, **changes: Any) -> dict[str, Any]:
        """Set any of status / corrected_ar / note; fields not given keep their value."""
        allowed = {"status", "corrected_ar", "note"}
        bad = set(changes) - allowed
        if bad:
            raise ValueError(f"unknown pair review fields: {sorted(bad)}")
        if changes.get("status") not in (None, *PAIR_STATUSES):
            raise ValueError(f"status must be one of {PAIR_STATUSES}")
        with self.tx():
            row = self.db.execute("SELECT * FROM pair_reviews WHERE pair_id=?", (pair_id,)).fetchone()
            before = dict(row) if row else {}
            after = {k: before.get(k) for k in allowed} | changes
            self.db.execute(
                "INSERT OR REPLACE INTO pair_reviews(pair_id, status, corrected_ar, note, reviewer, updated_at) VALUES (?,?,?,?,?,?)",
                (pair_id, after["status"], after["corrected_ar"], after["note"], reviewer, time.time()),
            )
            self._audit(reviewer, pair_id, "pair", {k: before.get(k) for k in changes}, changes)
        return after

    def review_flag(self, pair_id: str, key: str, reviewer: str | None, **changes: Any) -> dict[str, Any]:
        """Set any of status (confirmed/rejected) / category / severity of one tool flag."""
        allowed = {"status", "category", "severity"}
        bad = set(changes) - allowed
        if bad:
            raise ValueError(f"unknown flag review fields: {sorted(bad)}")
        if changes.get("status") not in (None, *FLAG_STATUSES):
            raise ValueError(f"status must be one of {FLAG_STATUSES}")
        with self.tx():
            row = self.db.execute("SELECT * FROM flag_reviews WHERE pair_id=? AND flag_key=?", (pair_id, key)).fetchone()
            before = dict(row) if row else {}
            after = {k: before.get(k) for k in allowed} | changes
            self.db.execute(
                "INSERT OR REPLACE INTO flag_reviews(pair_id, flag_key, status, category, severity, reviewer, updated_at) VALUES (?,?,?,?,?,?,?)",
                (pair_id, key, after["status"], after["category"], after["severity"], reviewer, time.time()),
            )
            self._audit(reviewer, pair_id, "flag", {"flag": key} | {k: before.get(k) for k in changes}, {"flag": key} | changes)
        return after

    def add_error(self, pair_id: str, reviewer: str | None, ar_start: int, ar_end: int, category: str,
                  severity: str, note: str | None = None) -> int:
        with self.tx():
            cur = self.db.execute(
                "INSERT INTO added_errors(pair_id, ar_start, ar_end, category, severity, note, reviewer, created_at) VALUES (?,?,?,?,?,?,?,?)",
                (pair_id, ar_start, ar_end, category, severity, note, reviewer, time.time()),
            )
            err = {"error_id": cur.lastrowid, "ar_start": ar_start, "ar_end": ar_end, "category": category, "severity": severity, "note": note}
            self._audit(reviewer, pair_id, "add-error", None, err)
            return int(cur.lastrowid)

    def delete_error(self, error_id: int, reviewer: str | None) -> None:
        with self.tx():
            row = self.db.execute("SELECT * FROM added_errors WHERE error_id=?", (error_id,)).fetchone()
            if row is None:
                raise KeyError(error_id)
            self.db.execute("UPDATE added_errors SET deleted=1 WHERE error_id=?", (error_id,))
            self._audit(reviewer, row["pair_id"], "delete-error", dict(row), None)

    def progress(self) -> tuple[int, int]:
        total = self.db.execute("SELECT COUNT(*) FROM pairs WHERE stale=0").fetchone()[0]
        done = self.db.execute(
            "SELECT COUNT(*) FROM pairs p JOIN pair_reviews r USING(pair_id) WHERE p.stale=0 AND r.status IS NOT NULL"
        ).fetchone()[0]
        return int(done), int(total)

    # ---- added for publish ----------------------------------------------------------------
    def runs(self) -> list[dict[str, Any]]:
        """Scoring runs, oldest first, ``models`` decoded (provenance for publishing)."""
        rows = self.db.execute("SELECT * FROM runs ORDER BY run_id")
        return [dict(r) | {"models": json.loads(r["models"] or "{}")} for r in rows]

    # ---- added for the review UI ----------------------------------------------------------
    # Bulk, read-only look-ups: the review queue (filters by status and category, progress)
    # costs one query per table instead of one per pair.
    def all_pair_reviews(self) -> dict[str, dict[str, Any]]:
        return {r["pair_id"]: dict(r) for r in self.db.execute("SELECT * FROM pair_reviews")}

    def all_flag_reviews(self) -> dict[str, dict[str, dict[str, Any]]]:
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for r in self.db.execute("SELECT * FROM flag_reviews"):
            out.setdefault(r["pair_id"], {})[r["flag_key"]] = dict(r)
        return out

    def all_added_errors(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for r in self.db.execute("SELECT * FROM added_errors WHERE deleted=0 ORDER BY error_id"):
            out.setdefault(r["pair_id"], []).append(dict(r))
        return out

    def pairs_signature(self) -> tuple[int, float | None, int | None]:
        """Changes whenever scored pairs are added, re-scored or marked stale (a cache key)."""
        row = self.db.execute("SELECT COUNT(*), MAX(updated_at), SUM(stale) FROM pairs").fetchone()
        return int(row[0]), row[1], row[2]

    # ---- added for caching/resume ---------------------------------------------------------
    # Two additive tables, created on first use (CREATE TABLE IF NOT EXISTS, so SCHEMA_VERSION
    # stays 1 and older stores gain them without a migration):
    # - ``cache``: content-hash → bytes (word-similarity matrices, sentence vectors), so
    #   re-scoring unchanged text skips the encoders;
    # - ``score_jobs``: the input fingerprint of each scoring run, so an interrupted run with
    #   the same input and signature is resumed instead of started again.
    _CACHE_SCHEMA = """
    CREATE TABLE IF NOT EXISTS cache (
        kind TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, created_at REAL,
        PRIMARY KEY (kind, key)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS score_jobs (
        run_id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, n_pairs INTEGER, updated_at REAL);
    """

    def _ensure_cache_tables(self) -> None:
        if not getattr(self, "_cache_ready", False):
            self.db.executescript(self._CACHE_SCHEMA)
            self._cache_ready = True

    def cache_get_many(self, kind: str, keys: Iterable[str]) -> dict[str, bytes]:
        """The cached values of those keys that are present (chunked under SQLite's variable limit)."""
        self._ensure_cache_tables()
        keys = list(dict.fromkeys(keys))
        found: dict[str, bytes] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            q = f"SELECT key, value FROM cache WHERE kind=? AND key IN ({','.join('?' * len(chunk))})"
            found.update((k, bytes(v)) for k, v in self.db.execute(q, (kind, *chunk)))
        return found

    def cache_put_many(self, kind: str, items: Iterable[tuple[str, bytes]]) -> int:
        """Insert or replace in one committed transaction; returns how many were written."""
        self._ensure_cache_tables()
        now = time.time()
        rows = [(kind, k, v, now) for k, v in items]
        if rows:
            with self.tx():
                self.db.executemany("INSERT OR REPLACE INTO cache(kind, key, value, created_at) VALUES (?,?,?,?)", rows)
        return len(rows)

    def cache_count(self, kind: str | None = None) -> int:
        self._ensure_cache_tables()
        if kind is None:
            return int(self.db.execute("SELECT COUNT(*) FROM cache").fetchone()[0])
        return int(self.db.execute("SELECT COUNT(*) FROM cache WHERE kind=?", (kind,)).fetchone()[0])

    def unfinished_run(self, corpus: str, signature: str, fingerprint: str) -> int | None:
        """The latest run of this corpus, signature and input that never finished (was killed)."""
        self._ensure_cache_tables()
        row = self.db.execute(
            """SELECT r.run_id FROM runs r JOIN score_jobs j USING(run_id)
               WHERE r.finished_at IS NULL AND r.corpus=? AND r.signature=? AND j.fingerprint=?
               ORDER BY r.run_id DESC LIMIT 1""",
            (corpus, signature, fingerprint),
        ).fetchone()
        return int(row[0]) if row else None

    def record_job(self, run_id: int, fingerprint: str, n_pairs: int) -> None:
        self._ensure_cache_tables()
        with self.tx():
            self.db.execute("INSERT OR REPLACE INTO score_jobs(run_id, fingerprint, n_pairs, updated_at) VALUES (?,?,?,?)",
                            (run_id, fingerprint, n_pairs, time.time()))

    def run_records(self, run_id: int) -> dict[str, dict[str, Any]]:
        """Records already committed by one run, by pair id (the finished work of a killed run)."""
        rows = self.db.execute("SELECT pair_id, record FROM pairs WHERE run_id=?", (run_id,))
        return {r[0]: json.loads(r[1]) for r in rows}

    def mark_stale_except_run(self, run_id: int) -> int:
        """After a complete run: every pair it did not produce is stale (kept with its decisions).
        Done at the end rather than the start, so an interrupted run hides nothing."""
        with self.tx():
            cur = self.db.execute("UPDATE pairs SET stale=1 WHERE run_id IS NOT ? AND stale=0", (run_id,))
            return int(cur.rowcount)

    # ---- added for robustness ----------------------------------------------------------------
    # Schema versions. meta.schema_version is the version a store was written with; a store from
    # before it existed reads as v0. MIGRATIONS[n] turns a v(n-1) store into vn, on the open
    # connection inside the migration's transaction (no COMMIT, no executescript). To change
    # the schema: bump SCHEMA_VERSION and add MIGRATIONS[SCHEMA_VERSION]; _SCHEMA (CREATE ... IF
    # NOT EXISTS) already adds new tables, a step adds what it cannot: columns, data changes.

    def schema_version(self) -> int:
        """The version this store was written with (0: before versions were recorded)."""
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:  # no meta table at all
            return 0
        return int(row[0]) if row else 0

    def _has_data(self) -> bool:
        for table in ("pairs", "pair_reviews", "flag_reviews", "added_errors", "audit"):
            if self.db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                return True
        return False

    def _backup(self, version: int) -> Path:
        """Copy the store, as it is before a migration, to ``<store>.v<version>.bak`` (kept if
        one is already there). Read through a second connection: in WAL mode it sees the last
        committed state while this one holds the write lock."""
        dest = self.path.with_name(f"{self.path.name}.v{version}.bak")
        if dest.exists():
            return dest
        tmp = dest.with_name(f"{dest.name}.{os.getpid()}.tmp")
        src, out = sqlite3.connect(self.path), sqlite3.connect(tmp)
        try:
            src.backup(out)
        finally:
            out.close()
            src.close()
        os.replace(tmp, dest)
        return dest

    @staticmethod
    def _add_missing_columns(db: sqlite3.Connection) -> list[str]:
        """v0 → v1. The first stores predate columns added later (``pairs.stale``, ``run_id``
        and ``updated_at``; ``added_errors.deleted``; reviewers and times on the review tables):
        add every column of the v1 tables that a table lacks, with its declared type and default.
        Returns the ``table.column`` names added."""
        ref = sqlite3.connect(":memory:")
        try:
            ref.executescript(_SCHEMA)
            tables = [r[0] for r in ref.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
            added = []
            for table in tables:
                have = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
                for _, name, typ, notnull, default, pk in ref.execute(f"PRAGMA table_info({table})"):
                    if name in have:
                        continue
                    if pk or (notnull and default is None):
                        raise RuntimeError(f"cannot migrate table {table!r}: it lacks {name!r}, which cannot be added")
                    decl = f"{name} {typ}" + (" NOT NULL" if notnull else "") + (f" DEFAULT {default}" if default is not None else "")
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {decl}")
                    added.append(f"{table}.{name}")
            return added
        finally:
            ref.close()

    MIGRATIONS: ClassVar[dict[int, Callable[[sqlite3.Connection], Any]]] = {1: _add_missing_columns}

    def cache_clear(self, kind: str | None = None) -> int:
        """Drop cached alignments / sentence vectors (all, or one kind); results are untouched."""
        self._ensure_cache_tables()
        with self.tx():
            cur = self.db.execute("DELETE FROM cache" + ("" if kind is None else " WHERE kind=?"), () if kind is None else (kind,))
            return int(cur.rowcount)
