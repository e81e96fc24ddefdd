"""Content-hash caches for the expensive steps: word similarity matrices and sentence vectors.

Why: re-scoring a corpus whose texts did not change (a newsroom re-running the day's articles,
a run resumed after a crash, ``eval`` scoring the gold pairs right after the predicted ones)
should not run the encoders again. A key is a hash of everything the value depends on (the
model signature and the exact text fed to it), so a changed text or model is a miss, never a
stale hit. Values live in a bounded in-memory LRU and, when a review store is given, in its
``cache`` table, written in committed batches (so a killed run keeps what it finished).
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .store import Store

SIM = "sim"  # ar×en word similarity matrix of one pair (float32)
SENT = "sent"  # one sentence vector (float32)


def content_key(*parts: str) -> str:
    """sha1 over the parts with a separator no text contains; stable across processes."""
    h = hashlib.sha1()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def to_bytes(a: np.ndarray) -> bytes:
    """An array as .npy bytes (shape and dtype travel with it)."""
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(a), allow_pickle=False)
    return buf.getvalue()


def from_bytes(b: bytes) -> np.ndarray:
    return np.load(io.BytesIO(b), allow_pickle=False)


class ContentCache:
    """kind + key → array; memory first, then the store (if any).

    ``max_items`` bounds the in-memory part (arrays are small: a sentence vector is 2 KB, a
    similarity matrix ~2 KB); the store keeps everything. ``hits``/``misses`` count look-ups,
    so a caller (and a test) can see that a re-run did not encode again.
    """

    def __init__(self, store: Store | None = None, max_items: int = 50_000, enabled: bool = True):
        self.store = store
        self.max_items = max_items
        self.enabled = enabled
        self._mem: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get_many(self, kind: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        if not self.enabled:
            self.misses += len(keys)
            return {}
        found: dict[str, np.ndarray] = {}
        missing: list[str] = []
        for k in keys:
            v = self._mem.get((kind, k))
            if v is None:
                missing.append(k)
            else:
                self._mem.move_to_end((kind, k))
                found[k] = v
        if missing and self.store is not None:
            for k, b in self.store.cache_get_many(kind, missing).items():
                found[k] = self._remember(kind, k, from_bytes(b))
        self.hits += sum(1 for k in keys if k in found)
        self.misses += sum(1 for k in keys if k not in found)
        return found

    def put_many(self, kind: str, items: Iterable[tuple[str, np.ndarray]]) -> None:
        """Remember in memory and commit to the store in one transaction."""
        if not self.enabled:
            return
        items = list(items)
        for k, v in items:
            self._remember(kind, k, v)
        if self.store is not None and items:
            self.store.cache_put_many(kind, ((k, to_bytes(v)) for k, v in items))

    def _remember(self, kind: str, key: str, value: np.ndarray) -> np.ndarray:
        self._mem[(kind, key)] = value
        self._mem.move_to_end((kind, key))
        while len(self._mem) > self.max_items:
            self._mem.popitem(last=False)
        return value

    def clear_memory(self) -> None:
        self._mem.clear()


class CachedSentenceEncoder:
    """Wraps a SentenceEncoder: encodes each distinct text once, and only on a cache miss.

    Pairing encodes every candidate span of every article; across runs (and across the
    sampled duplicates of a large corpus) most of them repeat.
    """

    def __init__(self, encoder, cache: ContentCache | None = None):
        self.encoder = encoder
        self.cache = cache or ContentCache(enabled=False)
        self.encoded = 0  # texts actually sent to the encoder (for benchmarks and tests)

    def signature(self) -> str:
        return self.encoder.signature()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        uniq = list(dict.fromkeys(texts))
        sig = self.signature()
        keys = [content_key("sent", sig, t) for t in uniq]
        have = self.cache.get_many(SENT, keys)
        todo = [i for i, k in enumerate(keys) if k not in have]
        if todo:
            vecs = np.asarray(self.encoder.encode([uniq[i] for i in todo]), dtype=np.float32)
            self.encoded += len(todo)
            new = [(keys[i], vecs[n]) for n, i in enumerate(todo)]
            self.cache.put_many(SENT, new)
            have.update(new)
        if not texts:
            return np.asarray(self.encoder.encode([]), dtype=np.float32)
        row = {t: have[k] for t, k in zip(uniq, keys, strict=True)}
        return np.stack([row[t] for t in texts]).astype(np.float32, copy=False)
