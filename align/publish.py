"""Publish the reviewed pairs of a review store: a Hugging Face dataset, a TMX or an XLIFF.

``publish(db, out)`` reads the SQLite review store, joins every scored pair with its review
decisions (pair status, corrected Arabic, note, per-flag decisions, reviewer-added errors)
and writes DIR as a whole:

- ``parquet`` (default): ``data/<split>-00000-of-00001.parquet`` with explicit ``Features``
  plus a dataset card ``README.md`` whose YAML header the Hub reads (languages, licence,
  task, size, configs, features) and whose body gives statistics, provenance and limits;
  ``datasets.load_dataset(DIR)`` loads it back;
- ``tmx`` / ``xliff``: a translation memory (English source, Arabic target, the reviewer's
  corrected Arabic where one was given) written with translate-toolkit;
- always ``publish.json``: what was published, from what, by which tool version.

DIR is replaced atomically: the new version is built in a temporary folder beside it and
swapped in only when complete, so a crash leaves the previous version as it was. With
``push_to_hub`` the token and the Hub are checked *before* anything is written; the upload
is one commit, so the remote repository is never half-updated either.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .store import PAIR_STATUSES, Store, flag_key

UNREVIEWED = "unreviewed"
ALL_STATUSES: tuple[str, ...] = (*PAIR_STATUSES, UNREVIEWED)
DEFAULT_STATUSES: tuple[str, ...] = ("accepted", "needs-fix", UNREVIEWED)
FORMATS: tuple[str, ...] = ("parquet", "tmx", "xliff")
MANIFEST = "publish.json"
TMX_NAME = "translation-memory.tmx"
XLIFF_NAME = "translation-memory.xlf"
DEFAULT_LICENSE = "unknown"
MIN_KAPPA_PAIRS = 10  # below this many doubly-reviewed pairs, kappa is not reported

EXIT_OK, EXIT_USAGE, EXIT_HUB = 0, 2, 3


class PublishError(Exception):
    """A problem the user can fix (bad input, refused output folder); exit code 2."""

    exit_code = EXIT_USAGE


class HubError(PublishError):
    """No token, offline, Hub unreachable or refusing the upload; exit code 3."""

    exit_code = EXIT_HUB


def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("muqabala")
    except PackageNotFoundError:
        return "0+unknown"


# ---- the dataset schema ---------------------------------------------------------------------
# Field descriptions double as the card's "Dataset structure" table.
FIELD_DOCS: dict[str, str] = {
    "pair_id": "stable id of the pair (article:source:hash of the Arabic in corpus mode, the input row id in pairs mode)",
    "article": "id of the Arabic article (null in pairs mode)",
    "article_outlet": "outlet that published the article (metadata of the corpus)",
    "article_date": "article date, as given by the corpus",
    "article_title": "article headline",
    "article_kind": "how the Arabic came about, e.g. rewrite or machine-translation",
    "source": "id of the English source unit (null in pairs mode)",
    "source_speaker": "who said or wrote the English",
    "source_outlet": "where the English appeared",
    "source_date": "date of the English",
    "source_status": "verified, reconstructed (an expert rendering, not a quote) or distractor",
    "ar": "the Arabic span, exactly as in the article",
    "ar_start": "start of `ar` in the article text (code points)",
    "ar_end": "end of `ar` in the article text",
    "en": "the English span, exactly as in the source text",
    "en_start": "start of `en` in the source text (code points)",
    "en_end": "end of `en` in the source text",
    "corrected_ar": "the reviewer's corrected Arabic, null when none was given",
    "pairing": "0–1 confidence that `ar` translates `en`",
    "fidelity": "0–100 fidelity score, 100 = faithful (automatic)",
    "verdict": "automatic verdict: ok, review or error",
    "flags": "errors: the tool's flags with the reviewer's decision (origin tool) and errors reviewers added (origin reviewer)",
    "alignment": "word-alignment links, offsets in the same frame as ar_start/en_start",
    "review_status": "accepted, needs-fix, wrong-pairing or unreviewed",
    "review_note": "the reviewer's note on the pair",
    "reviewer": "who made the last decision on the pair",
    "reviewers": "everyone who made a decision on the pair or its flags",
    "reviewed_at": "time of the last pair decision (ISO 8601, UTC)",
    "models": "models that scored the pair: sentence encoder and word aligner",
}

FLAG_FIELDS: dict[str, str] = {
    "origin": "tool (a check's flag) or reviewer (an error a reviewer added)",
    "check": "the check that raised it (`reviewer` for added errors)",
    "key": "the flag's key in the review store",
    "category": "error category after review",
    "severity": "minor, major or critical, after review",
    "tool_category": "the category the tool gave (null for added errors)",
    "tool_severity": "the severity the tool gave (null for added errors)",
    "status": "confirmed, rejected or unreviewed",
    "reviewer": "who decided on this flag",
    "ar_start": "start of the flagged Arabic (same frame as ar_start)",
    "ar_end": "end of the flagged Arabic",
    "en_start": "start of the English it concerns (null when none)",
    "en_end": "end of the English it concerns",
    "message": "the check's explanation, or the reviewer's note",
    "suggestion": "suggested Arabic, if any",
    "note": "the reviewer's note on an added error",
}


def features():
    """The explicit ``datasets.Features`` of a published pair."""
    from datasets import Features, List, Value

    s, i32, f64 = Value("string"), Value("int32"), Value("float64")
    flag = {
        "origin": s, "check": s, "key": s, "category": s, "severity": s,
        "tool_category": s, "tool_severity": s, "status": s, "reviewer": s,
        "ar_start": i32, "ar_end": i32, "en_start": i32, "en_end": i32,
        "message": s, "suggestion": s, "note": s,
    }
    link = {"ar_start": i32, "ar_end": i32, "en_start": i32, "en_end": i32, "score": f64}
    spec = {
        "pair_id": s,
        "article": s, "article_outlet": s, "article_date": s, "article_title": s, "article_kind": s,
        "source": s, "source_speaker": s, "source_outlet": s, "source_date": s, "source_status": s,
        "ar": s, "ar_start": i32, "ar_end": i32,
        "en": s, "en_start": i32, "en_end": i32,
        "corrected_ar": s,
        "pairing": f64, "fidelity": f64, "verdict": s,
        "flags": List(flag),
        "alignment": List(link),
        "review_status": s, "review_note": s, "reviewer": s, "reviewers": List(s), "reviewed_at": s,
        "models": {"sentence": s, "align": s},
    }
    assert list(spec) == list(FIELD_DOCS) and list(flag) == list(FLAG_FIELDS)
    return Features(spec)


def iso_utc(ts: float | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


def _opt_str(v: Any) -> str | None:
    return None if v is None else str(v)


def _flag_rows(record: dict[str, Any], decisions: dict[str, dict[str, Any]],
               added: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for f in record.get("flags") or []:
        key = flag_key(f)
        d = decisions.get(key) or {}
        out.append({
            "origin": "tool", "check": f["check"], "key": key,
            "category": d.get("category") or f["category"],
            "severity": d.get("severity") or f["severity"],
            "tool_category": f["category"], "tool_severity": f["severity"],
            "status": d.get("status") or UNREVIEWED, "reviewer": d.get("reviewer"),
            "ar_start": f.get("ar_start"), "ar_end": f.get("ar_end"),
            "en_start": f.get("en_start"), "en_end": f.get("en_end"),
            "message": f.get("message"), "suggestion": f.get("suggestion"), "note": None,
        })
    for e in added:
        out.append({
            "origin": "reviewer", "check": "reviewer", "key": f"added:{e['error_id']}",
            "category": e["category"], "severity": e["severity"],
            "tool_category": None, "tool_severity": None,
            "status": "confirmed", "reviewer": e.get("reviewer"),
            "ar_start": e.get("ar_start"), "ar_end": e.get("ar_end"), "en_start": None, "en_end": None,
            "message": e.get("note") or "", "suggestion": None, "note": e.get("note"),
        })
    return out


def reviewers_by_pair(audit: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """Distinct reviewers of each pair, in the order of their first decision."""
    seen: dict[str, dict[str, None]] = defaultdict(dict)
    for a in audit:
        if a.get("pair_id") and a.get("reviewer"):
            seen[a["pair_id"]][a["reviewer"]] = None
    return {pid: list(names) for pid, names in seen.items()}


def build_rows(store: Store, statuses: Sequence[str] = DEFAULT_STATUSES) -> list[dict[str, Any]]:
    """One dict per published pair, in ``features()`` order, sorted by article and position."""
    return _collect(store, statuses)[0]


def _collect(store: Store, statuses: Sequence[str]) -> tuple[list[dict[str, Any]], set[str]]:
    """(published rows, ids of every current pair in the store)."""
    wanted = set(statuses)
    who = reviewers_by_pair(store.audit_rows())
    articles: dict[str, dict] = {}
    sources: dict[str, dict] = {}

    def meta(cache: dict, get: Callable, key: str | None) -> dict:
        if key is None:
            return {}
        if key not in cache:
            found = get(key)
            cache[key] = found[1] if found else {}
        return cache[key]

    rows = []
    ids = set()
    for r in store.records():
        pid = r["pair_id"]
        ids.add(pid)
        review = store.pair_review(pid) or {}
        status = review.get("status") or UNREVIEWED
        if status not in wanted:
            continue
        am = meta(articles, store.article, r.get("article"))
        sm = meta(sources, store.source, r.get("source"))
        models = r.get("models") or {}
        rows.append({
            "pair_id": pid,
            "article": r.get("article"),
            "article_outlet": _opt_str(am.get("outlet")), "article_date": _opt_str(am.get("date")),
            "article_title": _opt_str(am.get("title")), "article_kind": _opt_str(am.get("kind")),
            "source": r.get("source"),
            "source_speaker": _opt_str(sm.get("speaker")), "source_outlet": _opt_str(sm.get("outlet")),
            "source_date": _opt_str(sm.get("date")), "source_status": _opt_str(sm.get("status")),
            "ar": r["ar"], "ar_start": r["ar_start"], "ar_end": r["ar_end"],
            "en": r["en"], "en_start": r["en_start"], "en_end": r["en_end"],
            "corrected_ar": review.get("corrected_ar"),
            "pairing": float(r["pairing"]), "fidelity": float(r["fidelity"]), "verdict": r["verdict"],
            "flags": _flag_rows(r, store.flag_reviews(pid), store.added_errors(pid)),
            "alignment": [dict(zip(("ar_start", "ar_end", "en_start", "en_end", "score"), link, strict=True))
                          for link in r.get("alignment") or []],
            "review_status": status,
            "review_note": review.get("note"),
            "reviewer": review.get("reviewer"),
            "reviewers": who.get(pid, []),
            "reviewed_at": iso_utc(review.get("updated_at")),
            "models": {"sentence": _opt_str(models.get("sentence")), "align": _opt_str(models.get("align"))},
        })
    rows.sort(key=lambda x: (x["article"] or "", x["ar_start"] or 0, x["source"] or "", x["pair_id"]))
    return rows, ids


# ---- reviewers' agreement --------------------------------------------------------------------
def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Cohen's kappa of two raters' labels on the same items; None when undefined."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def agreement(audit: Iterable[dict[str, Any]], pair_ids: set[str] | None = None) -> dict[str, Any]:
    """Agreement on pair statuses between reviewers, from the audit log.

    Each reviewer's *last* status on a pair counts (a status set back to null withdraws it).
    A pair counts when two distinct reviewers hold a status on it; with three or more,
    every two of them are compared. Per pair of reviewers: items, raw agreement and Cohen's
    kappa (when at least ``MIN_KAPPA_PAIRS`` items).
    """
    last: dict[str, dict[str, str]] = defaultdict(dict)
    for a in audit:
        if a.get("action") != "pair" or not a.get("reviewer") or not a.get("pair_id"):
            continue
        if pair_ids is not None and a["pair_id"] not in pair_ids:
            continue
        after = json.loads(a["after"]) if isinstance(a.get("after"), str) else (a.get("after") or {})
        if "status" not in after:
            continue
        if after["status"] is None:
            last[a["pair_id"]].pop(a["reviewer"], None)
        else:
            last[a["pair_id"]][a["reviewer"]] = after["status"]

    by_duo: dict[tuple[str, str], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    pairs = 0
    for labels in last.values():
        names = sorted(labels)
        if len(names) < 2:
            continue
        pairs += 1
        for i, x in enumerate(names):
            for y in names[i + 1:]:
                by_duo[(x, y)][0].append(labels[x])
                by_duo[(x, y)][1].append(labels[y])
    duos = []
    agree = total = 0
    for (x, y), (la, lb) in sorted(by_duo.items()):
        same = sum(p == q for p, q in zip(la, lb, strict=True))
        agree += same
        total += len(la)
        duos.append({
            "reviewers": [x, y], "pairs": len(la), "agreement": same / len(la),
            "kappa": cohen_kappa(la, lb) if len(la) >= MIN_KAPPA_PAIRS else None,
            "disagreements": dict(Counter(f"{p} / {q}" for p, q in zip(la, lb, strict=True) if p != q)),
        })
    return {"pairs": pairs, "comparisons": total, "agreement": (agree / total) if total else None, "by_reviewers": duos}


# ---- splits ----------------------------------------------------------------------------------
_SPLIT_NAME = re.compile(r"^\w+$")


def parse_splits(text: str | None) -> dict[str, float] | None:
    """``"train=0.8,test=0.2"`` → ``{"train": 0.8, "test": 0.2}``."""
    if not text:
        return None
    out: dict[str, float] = {}
    for part in text.split(","):
        name, eq, frac = part.strip().partition("=")
        try:
            out[name.strip()] = float(frac) if eq else float("nan")
        except ValueError:
            raise PublishError(f"bad split {part!r}: expected NAME=FRACTION, e.g. train=0.8,test=0.2") from None
    return _check_splits(out)


def _check_splits(splits: dict[str, float]) -> dict[str, float]:
    for name, frac in splits.items():
        if not _SPLIT_NAME.match(name):
            raise PublishError(f"bad split name {name!r}: letters, digits and _ only")
        if not frac > 0:
            raise PublishError(f"split {name!r} needs a fraction > 0, e.g. {name}=0.2")
    total = sum(splits.values())
    return {k: v / total for k, v in splits.items()}


def assign_splits(rows: Sequence[dict[str, Any]], splits: dict[str, float], seed: int = 0) -> dict[str, str]:
    """Group key (article id, or the pair id when a pair has no article) → split name.

    Groups are shuffled with ``random.Random(seed)``; each split first gets one group, then
    every further group goes to the split furthest below its share of pairs. No group is in
    two splits, and the same rows, splits and seed give the same assignment.
    """
    splits = _check_splits(dict(splits))
    sizes = Counter(group_of(r) for r in rows)
    keys = sorted(sizes)
    if len(keys) < len(splits):
        raise PublishError(f"cannot split {len(keys)} article(s) into {len(splits)} splits: "
                           "every split needs at least one article")
    random.Random(seed).shuffle(keys)
    total = sum(sizes.values())
    filled = dict.fromkeys(splits, 0)
    out: dict[str, str] = {}
    for name, key in zip(splits, keys, strict=False):
        out[key] = name
        filled[name] += sizes[key]
    for key in keys[len(splits):]:
        name = max(splits, key=lambda s: splits[s] * total - filled[s])
        out[key] = name
        filled[name] += sizes[key]
    return out


def group_of(row: dict[str, Any]) -> str:
    return row["article"] if row.get("article") is not None else f"pair:{row['pair_id']}"


# ---- the atomic output folder ----------------------------------------------------------------
def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _siblings(out: Path, kind: str) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.{kind}-*"), key=lambda p: p.stat().st_mtime)


def _recover(out: Path) -> None:
    """Undo what an interrupted swap left: bring back the previous version, drop scraps."""
    olds = _siblings(out, "old")
    if not out.exists() and olds:
        os.rename(olds.pop(), out)
    for p in olds + _siblings(out, "new"):
        shutil.rmtree(p, ignore_errors=True)


def _check_replaceable(out: Path) -> None:
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise PublishError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise PublishError(f"refusing to replace {out}: it is not empty and holds no {MANIFEST} "
                           "(not a folder that `muqabala publish` wrote); choose another --out")


def _fsync_tree(root: Path) -> None:
    for p in sorted(root.rglob("*"), reverse=True):
        if p.is_file():
            with open(p, "rb") as fh:
                os.fsync(fh.fileno())
    try:
        fd = os.open(root, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _locked(out: Path) -> Iterator[None]:
    """One publish at a time into DIR (a lock file ``.DIR.lock`` beside it; POSIX only)."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock
        yield
        return
    with open(out.parent / f".{out.name}.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError(f"another publish into {out} is running; try again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def write_atomically(out: Path, build: Callable[[Path], None]) -> Path:
    """Build DIR's new content in a temporary folder beside it, then swap it in."""
    out = Path(os.path.abspath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        return _write_locked(out, build)


def _write_locked(out: Path, build: Callable[[Path], None]) -> Path:
    _recover(out)
    _check_replaceable(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        build(tmp)
        _fsync_tree(tmp)
        if not out.exists():
            os.rename(tmp, out)
        elif _exchange(tmp, out):
            shutil.rmtree(tmp)  # tmp now holds the previous version
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.rmdir(old)
            os.rename(out, old)
            os.rename(tmp, out)  # a crash between the two renames is undone by _recover
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return out


# ---- the Hub ---------------------------------------------------------------------------------
def _truthy(v: str | None) -> bool:
    return (v or "").strip().lower() in {"1", "true", "yes", "on"}


def _get_token() -> str | None:
    from huggingface_hub import get_token

    return get_token()


def _hf_api(token: str):
    from huggingface_hub import HfApi

    return HfApi(endpoint=os.environ.get("HF_ENDPOINT") or None, token=token)


def hub_preflight(repo: str):
    """Check, before anything is written, that an upload can work; returns the HfApi."""
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", repo):
        raise PublishError(f"bad Hub repository {repo!r}: expected OWNER/NAME")
    if _truthy(os.environ.get("HF_HUB_OFFLINE")):
        raise HubError("cannot push to the Hub: offline mode is on (HF_HUB_OFFLINE is set); nothing was written")
    token = _get_token()
    if not token:
        raise HubError("cannot push to the Hub: no token. Set HF_TOKEN (a token with write access) "
                       "or log in with `hf auth login`; nothing was written")
    api = _hf_api(token)
    try:
        api.whoami()
    except Exception as e:  # network down, DNS, proxy, 401: all mean "not now", say which
        raise HubError(f"cannot push to the Hub: checking the token failed ({type(e).__name__}: {e}); "
                       "nothing was written") from e
    return api


def hub_upload(api, repo: str, folder: Path, private: bool, version: str) -> str:
    try:
        api.create_repo(repo, repo_type="dataset", private=private, exist_ok=True)
        info = api.upload_folder(
            repo_id=repo, repo_type="dataset", folder_path=str(folder),
            commit_message=f"muqabala publish ({version})",
            delete_patterns=["data/*", "*.tmx", "*.xlf"],
        )
    except Exception as e:
        raise HubError(f"upload to {repo} failed ({type(e).__name__}: {e}); the local output in {folder} "
                       "is complete and the Hub repository was not changed (one commit or none)") from e
    return str(getattr(info, "commit_url", None) or f"https://huggingface.co/datasets/{repo}")


# ---- publish ---------------------------------------------------------------------------------
def parse_statuses(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return DEFAULT_STATUSES
    items = [s.strip() for s in (value.split(",") if isinstance(value, str) else value) if s.strip()]
    if items == ["all"]:
        return ALL_STATUSES
    bad = [s for s in items if s not in ALL_STATUSES]
    if bad or not items:
        raise PublishError(f"unknown status {', '.join(bad) or '(none)'}: choose from {', '.join(ALL_STATUSES)} or all")
    return tuple(dict.fromkeys(items))


def parse_formats(value: str | Sequence[str]) -> tuple[str, ...]:
    items = [s.strip().lower() for s in (value.split(",") if isinstance(value, str) else value) if s.strip()]
    items = ["xliff" if s in ("xlf", "xliff") else s for s in items]
    bad = [s for s in items if s not in FORMATS]
    if bad or not items:
        raise PublishError(f"unknown format {', '.join(bad) or '(none)'}: choose from {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(items))


def _corpus_info(store: Store) -> list[dict[str, Any]]:
    # the folder's name only: a card must not leak the publisher's local paths
    return [{"corpus": Path(r["corpus"]).name if r.get("corpus") else None, "scored_at": iso_utc(r.get("started_at")),
             "models": r.get("models")} for r in store.runs()]


def publish(db_path: str | Path, out_dir: str | Path, statuses: str | Sequence[str] | None = DEFAULT_STATUSES,
            fmt: str | Sequence[str] = "parquet", split_by_article: dict[str, float] | None = None,
            seed: int = 0, push_to_hub: str | None = None, private: bool = False,
            license: str = DEFAULT_LICENSE, pretty_name: str | None = None) -> Path:
    """Publish the store at ``db_path`` into ``out_dir`` (replaced atomically); returns it.

    ``statuses``: review statuses to publish (``unreviewed`` = no status yet; ``"all"``).
    ``fmt``: ``parquet``, ``tmx``, ``xliff`` or several (comma-separated string or list).
    ``split_by_article``: e.g. ``{"train": 0.8, "test": 0.2}``; articles are shuffled with
    ``seed``. ``push_to_hub``: ``OWNER/NAME``; the token comes from the environment.
    Raises ``PublishError`` (``HubError`` for Hub problems) with a message for the user.
    """
    return publish_with_summary(db_path, out_dir, statuses, fmt, split_by_article, seed,
                                push_to_hub, private, license, pretty_name)[0]


def publish_with_summary(db_path: str | Path, out_dir: str | Path,
                         statuses: str | Sequence[str] | None = DEFAULT_STATUSES,
                         fmt: str | Sequence[str] = "parquet", split_by_article: dict[str, float] | None = None,
                         seed: int = 0, push_to_hub: str | None = None, private: bool = False,
                         license: str = DEFAULT_LICENSE, pretty_name: str | None = None) -> tuple[Path, dict[str, Any]]:
    """``publish`` that also returns what it did (counts, splits, timing, Hub URL)."""
    t0 = time.perf_counter()
    db = Path(db_path)
    if not db.is_file():
        raise PublishError(f"review store not found: {db} (score a corpus first: muqabala score CORPUS --db {db})")
    wanted = parse_statuses(statuses)
    formats = parse_formats(fmt)
    splits = _check_splits(dict(split_by_article)) if split_by_article else None
    if push_to_hub and "parquet" not in formats:
        raise PublishError("--push-to-hub needs the parquet format (the Hub dataset)")
    api = hub_preflight(push_to_hub) if push_to_hub else None

    try:
        store = Store(db)
    except Exception as e:
        raise PublishError(f"cannot open review store {db}: {e}") from e
    try:
        rows, in_store = _collect(store, wanted)
        audit = store.audit_rows()
        corpora = _corpus_info(store)
    finally:
        store.close()
    if not rows:
        raise PublishError(f"nothing to publish: none of the {len(in_store)} pairs in {db} has a status in "
                           f"{', '.join(wanted)}; the previous output (if any) is left as it was")

    if splits:
        where = assign_splits(rows, splits, seed)
        by_split = {name: [r for r in rows if where[group_of(r)] == name] for name in splits}
    else:
        by_split = {"train": rows}
    version = tool_version()
    published_at = datetime.now(UTC).isoformat(timespec="seconds")
    context = {
        "tool": "muqabala", "tool_version": version, "published_at": published_at,
        "store": db.name, "statuses": list(wanted), "formats": list(formats),
        "splits": {k: len(v) for k, v in by_split.items()}, "split_fractions": splits, "seed": seed if splits else None,
        "split_articles": {k: sorted({group_of(r) for r in v}) for k, v in by_split.items()},
        "rows": len(rows), "pairs_in_store": len(in_store), "corpora": corpora,
        "models": sorted({json.dumps(r["models"], sort_keys=True) for r in rows}),
        "license": license, "pretty_name": pretty_name or _default_name(corpora),
        "agreement": agreement(audit, in_store),
    }
    context["models"] = [json.loads(m) for m in context["models"]]

    def build(tmp: Path) -> None:
        if "parquet" in formats:
            from .publish_card import render_card

            feats = features()
            (tmp / "data").mkdir()
            sizes = {}
            for name, part in by_split.items():
                path = tmp / "data" / f"{name}-00000-of-00001.parquet"
                sizes[name] = (_write_parquet(part, feats, path), path.stat().st_size)
            context["split_bytes"] = sizes
            (tmp / "README.md").write_text(render_card(by_split, feats, context), encoding="utf-8")
        if "tmx" in formats or "xliff" in formats:
            from .publish_tmx import write_tmx, write_xliff

            if "tmx" in formats:
                write_tmx(rows, tmp / TMX_NAME)
            if "xliff" in formats:
                write_xliff(rows, tmp / XLIFF_NAME)
        manifest = dict(context, files=sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*") if p.is_file()))
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    out = write_atomically(Path(out_dir), build)
    context["seconds"] = round(time.perf_counter() - t0, 3)
    if api is not None:
        context["hub_url"] = hub_upload(api, push_to_hub, out, private, version)
    return out, context


def _default_name(corpora: list[dict[str, Any]]) -> str:
    names = sorted({Path(c["corpus"]).name for c in corpora if c.get("corpus")})
    return f"Muqabala reviewed Arabic–English pairs ({', '.join(names)})" if names else "Muqabala reviewed Arabic–English pairs"


def _write_parquet(rows: list[dict[str, Any]], feats, path: Path) -> int:
    """Write one split; returns its size in memory (Arrow bytes, the card's ``num_bytes``)."""
    import pyarrow as pa
    from datasets import Dataset
    from datasets.table import InMemoryTable
    from datasets.utils import logging as ds_logging

    bars = ds_logging.is_progress_bar_enabled()
    ds_logging.disable_progress_bar()
    try:
        # pyarrow builds the table from the explicit schema ~10x faster than Dataset.from_list
        table = pa.Table.from_pylist(rows, schema=feats.arrow_schema)
        ds = Dataset(InMemoryTable(table))
        if ds.features != feats:
            raise AssertionError(f"published features differ from the schema: {ds.features}")
        ds.to_parquet(str(path))
    finally:
        if bars:
            ds_logging.enable_progress_bar()
    return int(ds.data.nbytes)


# ---- CLI -------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="muqabala publish",
        description="Publish reviewed pairs as a Hugging Face dataset (Parquet + card), a TMX or an XLIFF.")
    p.add_argument("--db", required=True, help="the review store (SQLite) written by `muqabala score --db`")
    p.add_argument("--out", required=True, help="output folder; replaced atomically")
    p.add_argument("--status", default=",".join(DEFAULT_STATUSES),
                   help=f"review statuses to publish, comma-separated, from {', '.join(ALL_STATUSES)}, or all "
                        "(default: %(default)s)")
    p.add_argument("--format", default="parquet",
                   help="parquet (dataset + card), tmx, xliff, or several comma-separated (default: %(default)s)")
    p.add_argument("--split", metavar="NAME=FRAC,...",
                   help="split by article, e.g. train=0.8,test=0.2 (no article is in two splits)")
    p.add_argument("--seed", type=int, default=0, help="seed of the article split (default: %(default)s)")
    p.add_argument("--license", default=DEFAULT_LICENSE,
                   help="Hub licence id for the card, e.g. cc-by-4.0 (default: %(default)s)")
    p.add_argument("--name", help="the dataset's pretty name on the card")
    p.add_argument("--push-to-hub", metavar="REPO", help="also upload to this Hub dataset repo (token from HF_TOKEN)")
    p.add_argument("--private", action="store_true", help="create the Hub repo as private")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        out, info = publish_with_summary(args.db, args.out, statuses=args.status, fmt=args.format,
                      split_by_article=parse_splits(args.split), seed=args.seed,
                      push_to_hub=args.push_to_hub, private=args.private,
                      license=args.license, pretty_name=args.name)
    except PublishError as e:
        print(f"muqabala publish: error: {e}", file=sys.stderr)
        return e.exit_code
    splits = f" ({', '.join(f'{k} {v}' for k, v in info['splits'].items())})" if "parquet" in info["formats"] else ""
    print(f"published {info['rows']} of {info['pairs_in_store']} pairs{splits} as "
          f"{'+'.join(info['formats'])} to {out} in {info['seconds']:.1f} s")
    if info.get("hub_url"):
        print(f"pushed to {info['hub_url']}")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
