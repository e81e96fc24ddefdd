"""Hugging Face back-ends: any hub id or local folder, loaded by ordinary transformers /
sentence-transformers code, so that a user's own model works exactly as it would elsewhere.

``HFTokenEncoder`` replaces simalign's embedding step: it batches many texts per forward
pass (simalign embeds two sentences per call), maps sub-words to the caller's own word
spans through the tokenizer's offsets (so our Arabic word segmentation is kept), and runs
long texts in overlapping windows instead of crashing past the model's position limit.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelLoadError

log = logging.getLogger(__name__)

# Encoders whose hidden_states[i] is exactly the output of encoder.layer[i - 1]: for these
# the layers above the requested one are dropped at load time (same vectors, less work).
_TRUNCATABLE = frozenset({"bert", "roberta", "xlm-roberta"})


@contextlib.contextmanager
def quiet_transformers() -> Iterator[None]:
    """Hide transformers' own "Loading weights" / "Writing model shards" bars (noise in a CLI
    for a 0.2 s step); huggingface_hub's download bars are separate and stay."""
    from transformers.utils import logging as tlog

    was = tlog.is_progress_bar_enabled()
    if was:
        tlog.disable_progress_bar()
    try:
        yield
    finally:
        if was:
            tlog.enable_progress_bar()


def _short_name(name_or_path: str) -> str:
    """A stable name for signatures: the folder name for local paths (machine paths vary)."""
    p = Path(name_or_path)
    return p.name if p.exists() else name_or_path


class HFTokenEncoder:
    """Word vectors from one hidden layer of a transformers encoder (TokenEncoder)."""

    def __init__(
        self,
        model_name_or_path: str,
        layer: int = 8,
        batch_size: int = 32,
        max_length: int = 512,
        bf16: bool = False,
        text_prefix: str = "",
        name: str | None = None,
        device: str = "cpu",
    ):
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self.model_name_or_path = str(model_name_or_path)
        self.layer = layer
        self.batch_size = batch_size
        self.max_length = max_length
        self.bf16 = bf16
        self.text_prefix = text_prefix
        self.name = name or _short_name(self.model_name_or_path)
        self.device = device
        self._tok: Any = None
        self._model: Any = None

    # ------------------------------------------------------------------ loading
    def load(self) -> HFTokenEncoder:
        """Load tokenizer and model once; errors name the model and chain the cause."""
        if self._model is not None:
            return self
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer

            with quiet_transformers():
                tok = AutoTokenizer.from_pretrained(self.model_name_or_path)
                model = AutoModel.from_pretrained(self.model_name_or_path, dtype=torch.float32)
        except Exception as e:  # keep the library's own error as the cause
            raise ModelLoadError("token encoder", self.model_name_or_path, e) from e
        if not getattr(tok, "is_fast", False):
            raise ModelLoadError(
                "token encoder",
                self.model_name_or_path,
                TypeError("its tokenizer is not a fast (Rust) tokenizer, so it has no character offsets"),
            )
        model.eval().to(self.device)
        n_layers = int(model.config.num_hidden_layers)
        idx = self.layer if self.layer >= 0 else n_layers + 1 + self.layer
        if not 0 <= idx <= n_layers:
            raise ValueError(f"layer {self.layer} out of range for {self.name!r} ({n_layers} layers)")
        self._layer_idx = idx
        if model.config.model_type in _TRUNCATABLE and hasattr(getattr(model, "encoder", None), "layer"):
            model.encoder.layer = model.encoder.layer[: max(idx, 1)]  # keep one: hidden_states needs a layer
        if self.bf16:
            _linear_weights_bf16(model)
        self._hidden = int(model.config.hidden_size)
        self._head, self._tail = _special_frame(tok)
        limit = self.max_length
        if 0 < getattr(tok, "model_max_length", 0) < 100_000:
            limit = min(limit, int(tok.model_max_length))
        max_pos = getattr(model.config, "max_position_embeddings", None)
        if max_pos:
            # RoBERTa-style embeddings number positions from padding_idx + 1.
            pad_idx = getattr(getattr(model, "embeddings", None), "padding_idx", None)
            limit = min(limit, int(max_pos) - (int(pad_idx) + 1 if pad_idx is not None else 0))
        self._window = limit - len(self._head) - len(self._tail)
        if self._window < 2:
            raise ValueError(f"max_length {self.max_length} leaves no room for text in {self.name!r}")
        self._pad_id = tok.pad_token_id if tok.pad_token_id is not None else 0
        self._tok, self._model = tok, model
        return self

    def signature(self) -> str:
        sig = f"{self.name}@layer{self.layer}"
        if self.text_prefix:
            sig += f"+prefix({self.text_prefix.strip()})"
        return sig + ("+bf16" if self.bf16 else "")

    # ---------------------------------------------------------------- embedding
    def embed_words(self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[np.ndarray]:
        """One (n_words x hidden) float32 array per item, in input order.

        A sub-word counts for every word span it overlaps; a word that no sub-word overlaps
        (an empty span, or characters the tokenizer drops) gets a zero row, which the aligner
        reads as "not seen". Texts longer than the model's limit run in half-overlapping
        windows and each sub-word takes its vector from the window where it is most central,
        so nothing is cut.
        """
        items = list(items)
        if not items:
            return []
        self.load()
        plen = len(self.text_prefix)
        enc = self._tok(
            [self.text_prefix + text for text, _ in items],
            add_special_tokens=False,
            return_offsets_mapping=True,
            return_attention_mask=False,
            return_token_type_ids=False,
            verbose=False,
        )
        ids_all: list[list[int]] = enc["input_ids"]
        offs_all = [np.asarray(o, dtype=np.int64).reshape(-1, 2) - plen for o in enc["offset_mapping"]]

        W = self._window
        windows: list[tuple[int, int, int]] = []  # (item, start, end) over content tokens
        for i, ids in enumerate(ids_all):
            n = len(ids)
            if n <= W:
                if n:
                    windows.append((i, 0, n))
                continue
            stride = max(1, W // 2)
            starts = [*range(0, n - W, stride), n - W]
            windows.extend((i, a, a + W) for a in starts)
            log.info(
                "%s: text %d has %d sub-words (limit %d); embedded in %d overlapping windows",
                self.name,
                i,
                n,
                W,
                len(starts),
            )

        out: list[np.ndarray | None] = [None] * len(items)
        pending = [0] * len(items)
        for i, _, _ in windows:
            pending[i] += 1
        tokvecs: dict[int, np.ndarray] = {}
        best: dict[int, np.ndarray] = {}

        def finish(i: int) -> None:
            mat = tokvecs.pop(i, None)
            best.pop(i, None)
            out[i] = _words_from_tokens(mat, offs_all[i], items[i][1], self._hidden)

        for i in range(len(items)):
            if pending[i] == 0:
                finish(i)

        order = sorted(range(len(windows)), key=lambda k: windows[k][2] - windows[k][1], reverse=True)
        for b0 in range(0, len(order), self.batch_size):
            batch = [windows[k] for k in order[b0 : b0 + self.batch_size]]
            hs = self._forward([ids_all[i][a:b] for i, a, b in batch])
            for row, (i, a, b) in enumerate(batch):
                n = len(ids_all[i])
                if i not in tokvecs:
                    tokvecs[i] = np.zeros((n, self._hidden), dtype=np.float32)
                    best[i] = np.full(n, -1, dtype=np.int64)
                pos = np.arange(a, b)
                centrality = np.minimum(pos - a, b - 1 - pos)
                take = centrality > best[i][a:b]
                vecs = hs[row, len(self._head) : len(self._head) + (b - a)]
                tokvecs[i][a:b][take] = vecs[take]
                best[i][a:b][take] = centrality[take]
                pending[i] -= 1
                if pending[i] == 0:
                    finish(i)
        return [o if o is not None else np.zeros((0, self._hidden), np.float32) for o in out]

    def _forward(self, contents: list[list[int]]) -> np.ndarray:
        """Hidden states of the chosen layer for one padded batch (batch x len x hidden)."""
        import torch

        seqs = [self._head + c + self._tail for c in contents]
        L = max(len(s) for s in seqs)
        ids = torch.full((len(seqs), L), self._pad_id, dtype=torch.long)
        mask = torch.zeros((len(seqs), L), dtype=torch.long)
        for r, s in enumerate(seqs):
            ids[r, : len(s)] = torch.tensor(s, dtype=torch.long)
            mask[r, : len(s)] = 1
        dev = torch.device(self.device)
        ctx = torch.autocast(dev.type, dtype=torch.bfloat16) if self.bf16 else contextlib.nullcontext()
        with torch.inference_mode(), ctx:
            res = self._model(input_ids=ids.to(dev), attention_mask=mask.to(dev), output_hidden_states=True)
        return res.hidden_states[self._layer_idx].float().cpu().numpy()


def _linear_weights_bf16(model: Any) -> None:
    """Store the Linear layers' weights in bf16 once. Autocast casts them to bf16 on every
    forward anyway (its cast cache lasts one context), so the hidden states are bit-identical
    (``tests/unit/models/test_hf.py``) and each batch skips ~20M element casts (~20 % of the
    forward on this CPU). LayerNorm and embeddings stay float32, as autocast runs them."""
    import torch

    for mod in model.modules():
        if isinstance(mod, torch.nn.Linear):
            mod.weight.data = mod.weight.data.to(torch.bfloat16)
            if mod.bias is not None:
                mod.bias.data = mod.bias.data.to(torch.bfloat16)


def _special_frame(tok: Any) -> tuple[list[int], list[int]]:
    """The special ids a tokenizer puts before and after one text (e.g. [CLS] .. [SEP])."""
    probe = "a"
    bare = tok(probe, add_special_tokens=False)["input_ids"]
    full = tok(probe, add_special_tokens=True)["input_ids"]
    for s in range(len(full) - len(bare) + 1):
        if full[s : s + len(bare)] == bare:
            return list(full[:s]), list(full[s + len(bare) :])
    return [], []


def _words_from_tokens(tokvecs: np.ndarray | None, offsets: np.ndarray, spans: Sequence[tuple[int, int]], hidden: int) -> np.ndarray:
    """Average the sub-word vectors that overlap each word span (zeros where none does)."""
    m = len(spans)
    out = np.zeros((m, hidden), dtype=np.float32)
    if m == 0 or tokvecs is None or len(tokvecs) == 0:
        return out
    sp = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    ws, we = sp[:, :1], sp[:, 1:]
    ts, te = offsets[:, 0][None, :], offsets[:, 1][None, :]
    overlap = (ts < we) & (ws < te) & (te > ts) & (we > ws)
    counts = overlap.sum(axis=1)
    hit = counts > 0
    if hit.any():
        out[hit] = (overlap[hit].astype(np.float32) @ tokvecs) / counts[hit, None].astype(np.float32)
    if not hit.all():
        log.debug("%d of %d words overlap no sub-word; zero rows", int((~hit).sum()), m)
    return out


class HFSentenceEncoder:
    """Sentence vectors from any sentence-transformers model (SentenceEncoder)."""

    def __init__(
        self,
        model_name_or_path: str,
        batch_size: int = 32,
        text_prefix: str = "",
        name: str | None = None,
        device: str = "cpu",
    ):
        self.model_name_or_path = str(model_name_or_path)
        self.batch_size = batch_size
        self.text_prefix = text_prefix
        self.name = name or _short_name(self.model_name_or_path)
        self.device = device
        self._model: Any = None

    def load(self) -> HFSentenceEncoder:
        """Load once; errors name the model and chain the cause."""
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer

                with quiet_transformers():
                    self._model = SentenceTransformer(self.model_name_or_path, device=self.device)
            except Exception as e:
                raise ModelLoadError("sentence encoder", self.model_name_or_path, e) from e
        return self

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 rows, one per text."""
        self.load()
        texts = [self.text_prefix + t for t in texts]
        if not texts:
            dim = self._model.get_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        vecs = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)

    def signature(self) -> str:
        return self.name + (f"+prefix({self.text_prefix.strip()})" if self.text_prefix else "")
