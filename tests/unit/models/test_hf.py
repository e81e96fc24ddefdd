"""The real transformers / sentence-transformers code paths, on a tiny BERT built and saved
here (the hub is unreachable in CI), so hub ids and local folders stay tested."""

from __future__ import annotations

import re
import string
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from models.base import SentenceEncoder, TokenEncoder  # noqa: E402
from models.errors import ModelLoadError  # noqa: E402
from models.hf import HFSentenceEncoder, HFTokenEncoder  # noqa: E402
from models.registry import load_sentence_encoder, load_token_encoder  # noqa: E402

MAX_POS = 64  # tiny position table, so that windowing is exercised with short texts
HIDDEN = 32
N_LAYERS = 4
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ"


def spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\w+", text)]


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 4-layer BERT and a WordPiece tokenizer over single letters, saved to disk."""
    from tokenizers import Tokenizer, normalizers, pre_tokenizers, processors
    from tokenizers.models import WordPiece
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    letters = list(string.ascii_lowercase + string.digits + ARABIC)
    words = ["the", "cat", "sat", "on", "mat", "putin", "kim", "بوتين", "كيم"]
    pieces = specials + letters + ["##" + c for c in letters] + words + list(".,،")
    vocab = {p: i for i, p in enumerate(dict.fromkeys(pieces))}
    tk = Tokenizer(WordPiece(vocab, unk_token="[UNK]"))
    tk.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=False)
    tk.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tk.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
    )
    tok = PreTrainedTokenizerFast(
        tokenizer_object=tk,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=MAX_POS,
    )
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=HIDDEN,
        num_hidden_layers=N_LAYERS,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=MAX_POS,
        pad_token_id=0,
    )
    model = BertModel(config).eval()
    path = tmp_path_factory.mktemp("tiny-bert")
    model.save_pretrained(path)
    tok.save_pretrained(path)
    return path


@pytest.fixture(scope="module")
def encoder(tiny_bert: Path) -> HFTokenEncoder:
    return HFTokenEncoder(str(tiny_bert), layer=2, batch_size=3).load()


ITEMS = [
    ("the cat sat on the mat.", spans("the cat sat on the mat.")),
    ("بوتين يلتقي كيم، في بكين", spans("بوتين يلتقي كيم، في بكين")),
    ("putin", [(0, 5)]),
    ("zebra quokka", spans("zebra quokka")),
]


def test_shapes_and_protocol(tiny_bert: Path) -> None:
    enc = load_token_encoder(str(tiny_bert), layer=2)
    assert isinstance(enc, TokenEncoder)
    out = enc.embed_words(ITEMS)
    assert [o.shape for o in out] == [(len(s), HIDDEN) for _, s in ITEMS]
    assert all(o.dtype == np.float32 and np.isfinite(o).all() and o.any(axis=1).all() for o in out)
    assert enc.signature() == f"{tiny_bert.name}@layer2"


def test_matches_manual_average_of_the_layer(encoder: HFTokenEncoder, tiny_bert: Path) -> None:
    """Sub-words averaged per word from the full model's hidden_states[layer] (no truncation)."""
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_bert)
    model = AutoModel.from_pretrained(tiny_bert).eval()
    text, sp = ITEMS[3]
    enc = tok(text, return_offsets_mapping=True, return_tensors="pt")
    with torch.inference_mode():
        hs = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"], output_hidden_states=True)
    layer = hs.hidden_states[2][0].numpy()
    offs = enc["offset_mapping"][0].numpy()
    ours = encoder.embed_words([(text, sp)])[0]
    for w, (s, e) in enumerate(sp):
        idx = [k for k in range(1, len(offs) - 1) if offs[k, 0] < e and s < offs[k, 1]]
        assert len(idx) == e - s  # one sub-word per letter with this vocabulary
        np.testing.assert_allclose(ours[w], layer[idx].mean(axis=0), atol=1e-5)


def test_batching_and_order_do_not_change_vectors(encoder: HFTokenEncoder) -> None:
    together = encoder.embed_words(ITEMS)
    alone = [encoder.embed_words([it])[0] for it in ITEMS]
    again = encoder.embed_words(list(reversed(ITEMS)))[::-1]
    for a, b, c in zip(together, alone, again, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-5)
        np.testing.assert_array_equal(a, c)  # deterministic


def test_long_text_is_windowed_not_cut(encoder: HFTokenEncoder) -> None:
    text = " ".join(["the cat sat on the mat"] * 60 + ["zebra"])  # ~470 sub-words, limit 64
    sp = spans(text)
    out = encoder.embed_words([(text, sp), ITEMS[0]])
    assert out[0].shape == (len(sp), HIDDEN)
    assert out[0].any(axis=1).all(), "every word was seen by some window"
    np.testing.assert_allclose(out[1], encoder.embed_words([ITEMS[0]])[0], atol=1e-5)
    # the last word sits in the final window, like in a short text ending the same way
    assert np.isfinite(out[0]).all()


def test_edge_cases(encoder: HFTokenEncoder) -> None:
    assert encoder.embed_words([]) == []
    empty, nothing, odd = encoder.embed_words([("", []), ("   ", [(0, 2)]), ("cat", [(0, 3), (1, 1), (5, 9)])])
    assert empty.shape == (0, HIDDEN)
    assert nothing.shape == (1, HIDDEN) and not nothing.any()
    assert odd.shape == (3, HIDDEN)
    assert odd[0].any() and not odd[1].any() and not odd[2].any()


def test_text_prefix_shifts_offsets(tiny_bert: Path) -> None:
    enc = HFTokenEncoder(str(tiny_bert), layer=1, text_prefix="on mat ").load()
    out = enc.embed_words([ITEMS[0]])[0]
    assert out.shape == (len(ITEMS[0][1]), HIDDEN) and out.any(axis=1).all()
    assert enc.signature().endswith("+prefix(on mat)")


def test_bf16_close_to_fp32(tiny_bert: Path, encoder: HFTokenEncoder) -> None:
    bf = HFTokenEncoder(str(tiny_bert), layer=2, bf16=True)
    a, b = encoder.embed_words(ITEMS[:2]), bf.embed_words(ITEMS[:2])
    for x, y in zip(a, b, strict=True):
        cos = (x * y).sum(1) / np.linalg.norm(x, axis=1) / np.linalg.norm(y, axis=1)
        assert cos.min() > 0.98
    assert bf.signature().endswith("+bf16")


def test_bf16_weights_stored_once_give_autocast_bit_for_bit(tiny_bert: Path, monkeypatch) -> None:
    """Linear weights kept in bf16 must change speed only: autocast would cast them anyway."""
    import torch

    from models import hf

    stored = HFTokenEncoder(str(tiny_bert), layer=2, bf16=True).load()
    assert all(m.weight.dtype == torch.bfloat16 for m in stored._model.modules() if isinstance(m, torch.nn.Linear))
    assert stored._model.embeddings.word_embeddings.weight.dtype == torch.float32
    monkeypatch.setattr(hf, "_linear_weights_bf16", lambda model: None)
    cast_per_call = HFTokenEncoder(str(tiny_bert), layer=2, bf16=True).load()
    for x, y in zip(stored.embed_words(ITEMS), cast_per_call.embed_words(ITEMS), strict=True):
        assert np.array_equal(x, y)


def test_layer_range_checked(tiny_bert: Path) -> None:
    with pytest.raises(ValueError, match="layer"):
        HFTokenEncoder(str(tiny_bert), layer=N_LAYERS + 1).load()
    last = HFTokenEncoder(str(tiny_bert), layer=-1).load()
    assert last.embed_words([ITEMS[2]])[0].shape == (1, HIDDEN)


def test_load_errors_keep_the_cause(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-model")
    with pytest.raises(ModelLoadError, match="no-such-model") as ei:
        load_token_encoder(missing)
    assert ei.value.__cause__ is not None
    with pytest.raises(ModelLoadError, match="no-such-model") as ei:
        load_sentence_encoder(missing)
    assert ei.value.__cause__ is not None


def test_sentence_transformer_folder(tiny_bert: Path, tmp_path: Path) -> None:
    pytest.importorskip("sentence_transformers")
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer

    word = Transformer(str(tiny_bert), max_seq_length=MAX_POS)
    st = SentenceTransformer(modules=[word, Pooling(word.get_embedding_dimension(), "mean")], device="cpu")
    folder = tmp_path / "tiny-st"
    st.save(str(folder))

    enc = load_sentence_encoder(str(folder))
    assert isinstance(enc, SentenceEncoder)
    texts = ["the cat sat on the mat.", "بوتين يلتقي كيم", "zebra"]
    v = enc.encode(texts)
    assert v.shape == (3, HIDDEN) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(enc.encode(texts[::-1])[::-1], v, atol=1e-5)
    assert enc.encode([]).shape == (0, HIDDEN)
    assert enc.signature() == "tiny-st"
    assert isinstance(HFSentenceEncoder(str(folder)), SentenceEncoder)


def test_layer_zero_is_the_embedding_output(tiny_bert: Path) -> None:
    enc = HFTokenEncoder(str(tiny_bert), layer=0).load()
    out = enc.embed_words([ITEMS[0]])[0]
    assert out.shape == (len(ITEMS[0][1]), HIDDEN) and out.any(axis=1).all()
