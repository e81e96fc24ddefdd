"""What the pipeline needs from a model, as small protocols.

Back-ends live one per file; ``registry.load_*`` turns a name or a path into one.
Every back-end gives a ``signature()`` so a result records exactly what produced it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class SentenceEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised sentence vectors, one row per text (float32)."""
        ...

    def signature(self) -> str: ...


@runtime_checkable
class TokenEncoder(Protocol):
    def embed_words(self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[np.ndarray]:
        """For each (text, word character spans): one vector per word (sub-words averaged),
        from the configured layer; batched internally. Rows of words that the model could not
        see (past its length limit) are zeros, and a warning says what was cut."""
        ...

    def signature(self) -> str: ...
