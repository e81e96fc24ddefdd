"""The real CLI on the shipped corpus with the real bundled models (slow: ~1–2 min)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from align.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "putin-kim"
RECORD_KEYS = {"pair_id", "article", "source", "ar", "ar_start", "ar_end", "en", "en_start", "en_end",
               "pairing", "fidelity", "verdict", "flags", "alignment", "models"}
FLAG_KEYS = {"check", "category", "severity", "ar_start", "ar_end", "en_start", "en_end", "message", "suggestion"}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align.cli.main", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=900)


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    d = tmp_path_factory.mktemp("score")
    out, db = d / "results.jsonl", d / "review.sqlite"
    proc = run_cli("score", str(CORPUS), "--out", str(out), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return proc, [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()], db


@pytest.mark.e2e
@pytest.mark.slow
def test_score_output_contract(scored):
    proc, records, _ = scored
    assert "pairs" in proc.stdout and "verdict" in proc.stdout  # the summary table
    articles = {p.stem: p.read_text(encoding="utf-8") for p in (CORPUS / "articles").glob("*.txt")}
    sources = {json.loads(x)["id"]: json.loads(x)["text"] for x in (CORPUS / "sources.jsonl").read_text().splitlines()}
    assert len(records) >= 70
    for r in records:
        assert set(r) == RECORD_KEYS
        art, src = articles[r["article"]], sources[r["source"]]
        assert r["ar"] == art[r["ar_start"] : r["ar_end"]]
        assert r["en"] == src[r["en_start"] : r["en_end"]]
        assert 0 <= r["pairing"] <= 1 and 0 <= r["fidelity"] <= 100
        assert r["verdict"] in ("ok", "review", "error")
        assert (r["verdict"] == "ok") == (not r["flags"])
        for f in r["flags"]:
            assert set(f) == FLAG_KEYS
            if f["ar_start"] is not None:
                assert r["ar_start"] <= f["ar_start"] < f["ar_end"] <= r["ar_end"]
                assert art[f["ar_start"] : f["ar_end"]].strip()
            if f["en_start"] is not None:
                assert src[f["en_start"] : f["en_end"]].strip()
        for a0, a1, e0, e1, s in r["alignment"]:
            assert art[a0:a1].strip() and src[e0:e1].strip() and 0 <= s <= 1
        assert set(r["models"]) == {"sentence", "align"}
    # distractor sources (invented statements no article translates) are at most rarely paired
    distractors = {json.loads(x)["id"] for x in (CORPUS / "sources.jsonl").read_text().splitlines()
                   if json.loads(x)["status"] == "distractor"}
    assert sum(r["source"] in distractors for r in records) <= 1


@pytest.mark.e2e
@pytest.mark.slow
def test_required_flags(scored):
    _, records, _ = scored
    by_source = {}
    for r in records:
        by_source.setdefault((r["article"], r["source"]), r)

    def flagged(article, source, text):
        r = by_source[(article, source)]
        art = (CORPUS / "articles" / f"{article}.txt").read_text(encoding="utf-8")
        return [f for f in r["flags"] if f["ar_start"] is not None and text in art[f["ar_start"] : f["ar_end"]]]

    glove = flagged("003", "telegraph-s08", "قفازًا رائدًا")
    assert glove and glove[0]["suggestion"] == "قفاز رائد فضاء"
    assert flagged("004", "ap-diaoyutai", "أ")
    assert flagged("004", "ap-diaoyutai", "Dioyutai")
    assert flagged("004", "ap-observers", "XI")
    assert flagged("001", "kremlin-aide-rejects-trump", "السابق")
    assert flagged("003", "telegraph-s11", "هجوم سحري")
    assert flagged("004", "ap-first-time", "مارك")
    assert flagged("001", "pyongyang-2024-treaty", "يوليو")


@pytest.mark.e2e
@pytest.mark.slow
def test_store_keeps_results_and_rescoring_keeps_decisions(scored, tmp_path):
    _, records, db = scored
    store = Store(db)
    assert len(store.records()) == len(records)
    pid = records[0]["pair_id"]
    store.review_pair(pid, "tester", status="needs-fix", corrected_ar="نص مصحح")
    store.close()
    proc = run_cli("score", str(CORPUS), "--out", str(tmp_path / "again.jsonl"), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    store = Store(db)
    assert store.pair_review(pid)["corrected_ar"] == "نص مصحح"
    assert store.record(pid) is not None
    store.close()


@pytest.mark.e2e
@pytest.mark.slow
def test_eval_reports_metrics_as_json(tmp_path):
    out = tmp_path / "metrics.json"
    proc = run_cli("eval", str(CORPUS), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    m = json.loads(out.read_text())
    assert "pairing f1" in proc.stdout
    for k in ("precision", "recall", "f1"):
        assert 0 <= m["pairing"][k] <= 1
    assert m["pairing"]["f1"] >= 0.85
    assert m["detection"]["recall_major_critical"] >= 0.70
    assert m["spans"]["precision"] >= 0.70 and m["detection"]["precision"] >= 0.70
    assert m["counts"]["gold_pairs"] == 84


@pytest.mark.e2e
def test_pairs_file_and_bad_lines(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps({"id": "p1", "ar": "أرسلت كوريا الشمالية حوالي 15000 جندي إلى روسيا ، منذ العام الماضي.",
                    "en": "North Korea has sent around 15,000 troops to Russia since last year."}, ensure_ascii=False)
        + "\n{not json\n" + json.dumps({"id": "p2", "ar": "مرحبا"}) + "\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    proc = run_cli("score", str(pairs), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert f"{pairs}:2: malformed JSON" in proc.stderr.replace("\n", "")
    assert f"{pairs}:3: missing field 'en'; skipped" in proc.stderr.replace("\n", "")
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["pair_id"] for r in recs] == ["p1"]
    r = recs[0]
    assert r["ar_start"] == 0 and r["ar"] == r["ar"][r["ar_start"] : r["ar_end"]]
    assert any(f["check"] == "punctuation" for f in r["flags"])
    strict = run_cli("score", str(pairs), "--out", str(tmp_path / "s.jsonl"), "--strict")
    assert strict.returncode == 2 and "malformed JSON" in strict.stderr


@pytest.mark.e2e
def test_missing_input_is_a_clear_error(tmp_path):
    proc = run_cli("score", str(tmp_path / "nope"), "--out", str(tmp_path / "r.jsonl"))
    assert proc.returncode == 2 and "no such file or folder" in proc.stderr


@pytest.mark.e2e
@pytest.mark.slow
def test_bench_json_contract():
    """`muqabala bench --json` runs every benchmark (each in a fresh process) and prints one
    JSON object with the keys the issue names; the numbers are measured, so only their
    sanity is asserted here (timings belong to the benchmark's own report)."""
    proc = run_cli("bench", "--json", "--quick", "--no-cold", "--repeat", "1")
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = [x for x in proc.stdout.splitlines() if x.strip()]
    assert len(lines) == 1, proc.stdout[-2000:]
    r = json.loads(lines[0])
    for k in ("align_speedup", "pipeline_pairs_per_s", "pairing_100k_s", "pairing_100k_peak_mb", "warm_load_s"):
        assert isinstance(r[k], float) and r[k] > 0, k
    assert 0.9 <= r["align_agreement"] <= 1.0  # bf16 or fp32: nearly all of simalign's links
    assert r["pairing_sentences"] == 10_000  # --quick pairs against 10,000 sentences only
    assert r["pipeline"]["pairs"] >= 70 and r["align"]["pairs"] == r["pipeline"]["pairs"]
