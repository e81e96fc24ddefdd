"""Several reviewers' processes writing to one review store at once lose no update.

Real processes (``python -c``), started together behind a file barrier, each making its
decisions as fast as it can on the *same* pairs, so that read-modify-write races would show:
every field each process set must be there at the end, with one audit row per decision."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from align.store import Store

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
WORKERS, DECISIONS = 4, 50

WORKER = r"""
import sys, time
from pathlib import Path
from align.store import Store
db, k, n, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
while not go.exists():
    time.sleep(0.002)
st = Store(db)
who = f"w{k}"
for j in range(n):
    pid = f"p{j:03d}"
    if k == 0:
        st.review_pair(pid, who, status=("accepted", "needs-fix", "wrong-pairing")[j % 3])
    elif k == 1:
        st.review_pair(pid, who, note=f"note {j} by {who}")
    elif k == 2:
        st.review_pair(pid, who, corrected_ar=f"تصحيح {j}")
    else:
        st.review_flag(pid, "chk:0-3:None-None", who, status=("confirmed", "rejected")[j % 2])
    time.sleep(0.003)  # (a reviewer's next click; without it one process may take the lock many times running)
st.close()
print("done", k)
"""


def _record(pid: str) -> dict:
    return {"pair_id": pid, "article": "a", "source": "s", "ar": "قال الرئيس", "ar_start": 0, "ar_end": 10,
            "en": "the president said", "en_start": 0, "en_end": 18, "pairing": 0.9, "fidelity": 50.0,
            "verdict": "review", "flags": [{"check": "chk", "category": "grammar", "severity": "minor", "ar_start": 0,
                                            "ar_end": 3, "en_start": None, "en_end": None, "message": "m",
                                            "suggestion": None}],
            "alignment": [], "models": {"sentence": "t", "align": "t"}}


def _start(args: list[list[str]], go: Path) -> list[subprocess.Popen]:
    procs = [subprocess.Popen([sys.executable, "-c", *a], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for a in args]
    time.sleep(1.0)  # let every interpreter start and wait at the barrier
    go.touch()
    return procs


def _finish(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err


def test_concurrent_writers_from_several_processes_lose_no_update(tmp_path):
    db = tmp_path / "review.sqlite"
    st = Store(db)
    st.put_results([_record(f"p{j:03d}") for j in range(DECISIONS)])
    st.close()
    go = tmp_path / "go"
    _finish(_start([[WORKER, str(db), str(k), str(DECISIONS), str(go)] for k in range(WORKERS)], go))

    st = Store(db)
    audit = st.audit_rows()
    assert len(audit) == WORKERS * DECISIONS
    # each process's decisions are in the audit in the order it made them
    for k in range(WORKERS):
        mine = [a["pair_id"] for a in audit if a["reviewer"] == f"w{k}"]
        assert mine == [f"p{j:03d}" for j in range(DECISIONS)]
    # and the writers interleaved (else this test proves nothing about concurrency)
    owners = [a["reviewer"] for a in audit]
    assert sum(a != b for a, b in itertools.pairwise(owners)) >= DECISIONS
    # no update was lost: every field every process set is there
    for j in range(DECISIONS):
        pid = f"p{j:03d}"
        rv = st.pair_review(pid)
        assert rv["status"] == ("accepted", "needs-fix", "wrong-pairing")[j % 3], pid
        assert rv["note"] == f"note {j} by w1", pid
        assert rv["corrected_ar"] == f"تصحيح {j}", pid
        assert st.flag_reviews(pid)["chk:0-3:None-None"]["status"] == ("confirmed", "rejected")[j % 2]
        # each audit row's "after" is exactly what its writer changed
        acts = {a["reviewer"]: json.loads(a["after"]) for a in st.audit_rows(pid)}
        assert acts["w1"] == {"note": f"note {j} by w1"} and acts["w2"] == {"corrected_ar": f"تصحيح {j}"}
    assert st.progress() == (DECISIONS, DECISIONS)
    st.close()


OPEN_OLD = r"""
import sys, time
from pathlib import Path
from align.store import Store
db, go = sys.argv[1], Path(sys.argv[2])
while not go.exists():
    time.sleep(0.002)
st = Store(db)
st.review_pair("p000", f"opener{sys.argv[3]}", note="opened")
print(st.schema_version())
st.close()
"""


def test_processes_opening_an_old_store_at_once_migrate_it_once(tmp_path):
    from tests.unit.test_store_migration import columns, make_v0

    db = tmp_path / "review.sqlite"
    make_v0(db)
    go = tmp_path / "go"
    procs = _start([[OPEN_OLD, str(db), str(go), str(k)] for k in range(WORKERS)], go)
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        outs.append(out.strip())
    assert outs == ["1"] * WORKERS
    assert columns(db, "pairs").count("stale") == 1
    assert [p.name for p in tmp_path.glob("*.bak")] == ["review.sqlite.v0.bak"]
    st = Store(db)
    assert len(st.audit_rows("p000")) == WORKERS
    st.close()
