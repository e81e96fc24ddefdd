"""`kill -9` during `muqabala score --db` leaves a store that opens and resumes without redoing
finished pairs (real CLI, real models, SQLite; ~1–2 min).

The run is killed twice: once while it aligns (some alignment batches committed to the
cache, no result yet) and once while it checks (some result batches committed). The third
run resumes: it keeps the committed results untouched, takes every alignment from the
cache, and ends with exactly what an uninterrupted run gives.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from align.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "putin-kim"
CHECKS = "numbers,names,punctuation,consistency,status-words"  # a quick subset: resuming does not depend on which


def cli(db: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "align.cli.main", "score", str(CORPUS), "--out", str(out), "--db", str(db),
            "--batch-size", "4", "--checks", CHECKS]


def query(db: Path, sql: str) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute(sql).fetchone()[0] or 0)
        finally:
            con.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def run_and_kill(db: Path, out: Path, ready: str, log: Path, limit: float = 240.0) -> None:
    """Start a scoring run and SIGKILL it as soon as ``ready`` (a COUNT query) is positive."""
    with open(log, "w") as errf:
        proc = subprocess.Popen(cli(db, out), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errf)
        t0 = time.monotonic()
        try:
            while time.monotonic() - t0 < limit:
                if proc.poll() is not None:
                    pytest.fail(f"the run ended (rc {proc.returncode}) before it could be killed: {log.read_text()[-2000:]}")
                if db.exists() and query(db, ready) > 0:
                    os.kill(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=30)
                    assert proc.returncode == -signal.SIGKILL
                    return
                time.sleep(0.01)
            pytest.fail("the run never reached the point where it should be killed")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def opens_cleanly(db: Path) -> None:
    s = Store(db)
    try:
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert s.records(include_stale=True) is not None
    finally:
        s.close()


def comparable(records: list[dict]) -> list[tuple]:
    return [(r["pair_id"], r["verdict"], r["fidelity"], json.dumps(r["flags"], sort_keys=True),
             [tuple(a[:4]) for a in r["alignment"]]) for r in records]


@pytest.mark.e2e
@pytest.mark.slow
def test_kill_9_then_resume_without_redoing_finished_pairs(tmp_path):
    db, out = tmp_path / "review.sqlite", tmp_path / "results.jsonl"

    # 1. killed while aligning: some similarity matrices committed, no result yet
    run_and_kill(db, out, "SELECT COUNT(*) FROM cache WHERE kind='sim' AND (SELECT COUNT(*) FROM pairs) = 0", tmp_path / "1.log")
    opens_cleanly(db)
    aligned_before = query(db, "SELECT COUNT(*) FROM cache WHERE kind='sim'")
    assert aligned_before > 0 and query(db, "SELECT COUNT(*) FROM pairs") == 0

    # 2. killed while checking: some result batches committed
    run_and_kill(db, out, "SELECT COUNT(*) >= 8 FROM pairs", tmp_path / "2.log")
    opens_cleanly(db)
    assert query(db, "SELECT COUNT(*) FROM runs") == 1, "the interrupted run was resumed, not started again"
    assert query(db, "SELECT COUNT(*) FROM runs WHERE finished_at IS NULL") == 1
    con = sqlite3.connect(db)
    finished = dict(con.execute("SELECT pair_id, updated_at FROM pairs"))
    con.close()
    assert 8 <= len(finished)

    # 3. resumed to the end
    proc = subprocess.run(cli(db, out), cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"resumed an interrupted run: (\d+) finished pairs", proc.stderr)
    assert m and int(m.group(1)) == len(finished), proc.stderr
    m = re.search(r"word alignment: (\d+) pairs, (\d+) from the cache, (\d+) computed", proc.stderr)
    assert m and m.group(1) == m.group(2) and m.group(3) == "0", proc.stderr
    con = sqlite3.connect(db)
    after = dict(con.execute("SELECT pair_id, updated_at FROM pairs"))
    con.close()
    assert all(after[pid] == t for pid, t in finished.items()), "a finished pair was written again"
    assert query(db, "SELECT COUNT(*) FROM runs WHERE finished_at IS NULL") == 0
    resumed = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]

    # 4. the same as one uninterrupted run
    db2, out2 = tmp_path / "fresh.sqlite", tmp_path / "fresh.jsonl"
    proc = subprocess.run(cli(db2, out2), cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    fresh = [json.loads(x) for x in out2.read_text(encoding="utf-8").splitlines()]
    assert len(resumed) == len(fresh) >= 70
    assert comparable(resumed) == comparable(fresh)
    s = Store(db)
    try:
        assert {r["pair_id"] for r in s.records()} == {r["pair_id"] for r in fresh}
    finally:
        s.close()
