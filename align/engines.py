"""Where the batch functions run: in this process, in ``datasets`` worker processes, or on Ray.

Scoring has two stages (see ``align.pipeline``): word alignment, the costly one, is a pure
function of each pair's texts; the checks need the corpus translation memory, which exists
only once every pair is aligned. So both stages are written as pure functions over a batch
of rows (a dict of equal-length lists, the shape ``datasets.Dataset.map(batched=True)`` and
Ray Data's ``map_batches`` hand over):

- ``align_batch(batch, config)``: rows ``key, ar, en`` (the words fed to the encoder, see
  ``wordalign.words_text``) → ``key, sim`` (the similarity matrix as .npy bytes);
- ``check_batch(batch, config, resources)``: rows with a pair and its ``sim`` → ``record``
  (one results.jsonl object as JSON), with the run's resources (glossary, idioms, the
  translation memory) broadcast to every worker.

An engine maps one of them over rows and yields output batches as they finish, so the
caller can commit each one (a killed run keeps its finished batches). Each worker process
loads a model once and keeps it for every batch it runs.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("muqabala")

ENGINES = ("local", "datasets", "ray")
Batch = dict[str, list]


@dataclass(frozen=True)
class AlignConfig:
    """What a worker needs to rebuild the token encoder (picklable, hashable: a memo key)."""

    model: str | None = None
    layer: int = 8
    bf16: bool = False
    threads: int | None = None


@dataclass(frozen=True)
class CheckConfig:
    checks: tuple[str, ...] | None = None
    models: tuple[tuple[str, str], ...] = ()


_ALIGNERS: dict[AlignConfig, tuple[int, Any]] = {}  # config → (pid that loaded it, aligner)
_CHECKS: dict[tuple[str, ...] | None, list] = {}


def remember_aligner(config: AlignConfig, aligner: Any) -> None:
    """Seed the per-process memo with an aligner already loaded (the driver's own), so the
    local engine and forked workers do not load the model again."""
    _ALIGNERS[config] = (os.getpid(), aligner)


def aligner_for(config: AlignConfig):
    """The WordAligner of this process for ``config``, loaded on first use.

    A forked worker (``datasets`` with ``num_proc``) inherits the driver's model but not a
    usable OpenMP thread pool: torch hangs on its first multi-threaded op there (measured),
    so a forked worker runs torch on ``config.threads`` or one thread.
    """
    import torch

    pid, al = _ALIGNERS.get(config, (None, None))
    if al is not None and pid != os.getpid():
        torch.set_num_threads(config.threads or 1)
        _ALIGNERS[config] = (os.getpid(), al)
    if al is None:
        from models.registry import load_token_encoder

        from .wordalign import WordAligner

        if config.threads:
            torch.set_num_threads(config.threads)
        al = WordAligner(load_token_encoder(config.model, layer=config.layer, bf16=config.bf16))
        _ALIGNERS[config] = (os.getpid(), al)
    return al


def align_batch(batch: Batch, config: AlignConfig) -> Batch:
    """Pure: similarity matrices for a batch of (ar, en) word texts; ``key`` passes through."""
    from .cache import to_bytes

    sims = aligner_for(config).sims(list(zip(batch["ar"], batch["en"], strict=True)))
    return {"key": list(batch["key"]), "sim": [to_bytes(s) for s in sims]}


def check_batch(batch: Batch, config: CheckConfig, resources: Any) -> Batch:
    """Pure given the resources: the checks, fidelity and record of each pair of the batch."""
    from .cache import from_bytes
    from .checks import PairContext, build_checks
    from .pipeline import finish_batch
    from .records import Pair
    from .segment import tokenize
    from .wordalign import match

    if resources is not None and type(resources).__name__ == "ObjectRef":  # a Ray broadcast
        import ray

        resources = ray.get(resources)
    checks = _CHECKS.get(config.checks)
    if checks is None:
        checks = _CHECKS[config.checks] = build_checks(list(config.checks) if config.checks else None)
    models = dict(config.models)
    ctxs = []
    for i in range(len(batch["pair_id"])):
        p = Pair(*(batch[f][i] for f in PAIR_FIELDS))
        sim = from_bytes(batch["sim"][i])
        ctxs.append(PairContext(p, tokenize(p.ar_text, p.ar_start, p.ar_end, "ar"), tokenize(p.en_text, p.en_start, p.en_end, "en"),
                                match(sim, batch["method"][i]), sim, resources))
    records = [json.dumps(r.to_json(), ensure_ascii=False) for r in finish_batch(ctxs, checks, models)]
    return {"pair_id": list(batch["pair_id"]), "record": records}


PAIR_FIELDS = ("pair_id", "article", "source", "ar_text", "ar_start", "ar_end", "en_text", "en_start", "en_end", "pairing")


def columns(rows: Sequence[dict[str, Any]]) -> Batch:
    keys = list(rows[0]) if rows else []
    return {k: [r[k] for r in rows] for k in keys}


class LocalEngine:
    """Batches in this process, one after the other (the default)."""

    name = "local"

    def map(self, fn: Callable[..., Batch], rows: Sequence[dict], batch_size: int, **kw: Any) -> Iterator[Batch]:
        for i in range(0, len(rows), batch_size):
            yield fn(columns(rows[i : i + batch_size]), **kw)


class DatasetsEngine:
    """``datasets.Dataset.map(batched=True, num_proc=N)`` on this machine.

    Rows go in chunks of ``chunk`` so that finished work is handed back (and committed)
    before the whole corpus is done; on Linux the worker processes are forked, so a model
    the driver already loaded is shared, not loaded again.
    """

    name = "datasets"

    def __init__(self, num_proc: int | None = None, chunk: int = 4096):
        self.num_proc = num_proc or max(1, os.cpu_count() or 1)
        self.chunk = chunk

    def map(self, fn: Callable[..., Batch], rows: Sequence[dict], batch_size: int, **kw: Any) -> Iterator[Batch]:
        from datasets import Dataset
        from datasets.utils.logging import disable_progress_bar

        disable_progress_bar()
        for s in range(0, len(rows), self.chunk):
            part = rows[s : s + self.chunk]
            ds = Dataset.from_dict(columns(part))
            out = ds.map(fn, batched=True, batch_size=batch_size, num_proc=min(self.num_proc, max(1, len(part) // batch_size)),
                         fn_kwargs=kw, remove_columns=ds.column_names, new_fingerprint=uuid.uuid4().hex,
                         load_from_cache_file=False, desc=None)
            yield out.to_dict()


class RayEngine:
    """Ray Data's ``map_batches`` on a Ray cluster (``address``, or ``$RAY_ADDRESS``), or on a
    local instance started here when neither is given.

    The code of ``align`` and ``models`` is shipped to the workers (``py_modules``); the
    workers need the same third-party packages (``pip install 'muqabala[scale]'`` on every
    node, or a cluster image with them).
    """

    name = "ray"

    def __init__(self, address: str | None = None, num_cpus: int | None = None):
        import ray

        self.ray = ray
        if not ray.is_initialized():
            address = address or os.environ.get("RAY_ADDRESS")
            runtime_env = _ray_runtime_env(remote=bool(address))
            kw: dict[str, Any] = {"runtime_env": runtime_env, "log_to_driver": False, "ignore_reinit_error": True,
                                  "logging_level": logging.WARNING}
            if address:
                kw["address"] = address
            else:
                kw.update(num_cpus=num_cpus or os.cpu_count() or 1, include_dashboard=False)
            ray.init(**kw)
            log.info("ray: %s", ray.cluster_resources())
        import ray.data

        logging.getLogger("ray.data").setLevel(logging.WARNING)
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False

    def map(self, fn: Callable[..., Batch], rows: Sequence[dict], batch_size: int, **kw: Any) -> Iterator[Batch]:
        ray = self.ray
        if not rows:
            return
        kw = {k: (ray.put(v) if k == "resources" and v is not None else v) for k, v in kw.items()}
        ds = ray.data.from_items(list(rows), override_num_blocks=max(1, len(rows) // batch_size))
        out = ds.map_batches(_ray_call, fn_kwargs={"fn": fn, "kw": kw}, batch_size=batch_size, batch_format="numpy")
        for b in out.iter_batches(batch_size=batch_size, batch_format="numpy"):
            yield {k: [_plain(x) for x in v] for k, v in b.items()}


def _ray_call(batch: dict, fn: Callable[..., Batch], kw: dict[str, Any]) -> Batch:
    return fn({k: [_plain(x) for x in v] for k, v in batch.items()}, **kw)


def _plain(x: Any) -> Any:
    """numpy scalars and strings (what Ray's numpy batches hold) → Python values."""
    return x.item() if hasattr(x, "item") and not isinstance(x, (bytes, str)) else x


def _ray_runtime_env(remote: bool) -> dict[str, Any]:
    """Local instance: workers import this checkout (PYTHONPATH). Remote cluster: upload it."""
    root = Path(__file__).resolve().parent.parent
    if remote:
        import align
        import models

        return {"py_modules": [align, models]}
    env = {"PYTHONPATH": os.pathsep.join(p for p in (str(root), os.environ.get("PYTHONPATH", "")) if p)}
    for var in ("MUQABALA_CACHE", "HF_HUB_OFFLINE"):
        if os.environ.get(var):
            env[var] = os.environ[var]
    return {"env_vars": env}


def make_engine(name: str = "local", num_proc: int | None = None, ray_address: str | None = None):
    """An engine by name; refuses an unknown one, and says how to install a missing one."""
    if name == "local":
        return LocalEngine()
    if name == "datasets":
        return DatasetsEngine(num_proc)
    if name == "ray":
        try:
            import ray  # noqa: F401
        except ImportError as e:
            raise ValueError("--engine ray needs Ray: pip install 'muqabala[scale]' (or pip install 'ray[data]')") from e
        return RayEngine(ray_address, num_cpus=num_proc)
    raise ValueError(f"unknown engine {name!r}; use one of {ENGINES}")
