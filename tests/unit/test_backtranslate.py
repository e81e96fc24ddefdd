"""Back-translation: the gloss, chrF, and the --mt-model path on a tiny local seq2seq model."""

from __future__ import annotations

import pytest

from align import backtranslate as bt
from align.segment import tokenize


@pytest.mark.parametrize("word,expected", [
    ("وبندقية", "and rifle"),
    ("المصنع", "the factory"),
    ("٢٠٢٣", "2023"),
    ("Putin", "Putin"),
])
def test_gloss_word(word, expected):
    assert bt.gloss_word(word) == expected


def test_gloss_backtranslation_takes_tokens_or_strings():
    ar = "سيغلق المصنع"
    assert bt.gloss_backtranslation(tokenize(ar, 0, len(ar), "ar")) == bt.gloss_backtranslation(ar.split())
    assert "factory" in bt.gloss_backtranslation(ar.split())


@pytest.mark.parametrize("prefix,words", [("wAl", ["and", "the"]), ("bAl", ["in", "the"]), ("ll", ["to", "the"]),
                                          ("st", ["will"]), ("w", ["and"]), ("", [])])
def test_prefix_words(prefix, words):
    assert bt._prefix_words(prefix) == words


def test_chrf():
    assert bt.chrf("the factory will close", "the factory will close") == pytest.approx(100.0)
    assert bt.chrf("zzzz qqqq", "the factory will close") < 5
    en = "the factory will close"
    right = bt.chrf(bt.gloss_backtranslation("سيغلق المصنع".split()), en)
    wrong = bt.chrf(bt.gloss_backtranslation("ستغلق النبتة".split()), en)
    assert right > wrong + 10


def build_tiny_seq2seq(folder) -> list[str]:
    """A tiny BART with a word-level tokenizer built with ``tokenizers``, saved like any hub
    model (sentencepiece, which Marian's tokenizer needs, is not installed here)."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors, trainers
    from transformers import BartConfig, BartForConditionalGeneration, PreTrainedTokenizerFast

    corpus = ["ستغلق النبتة أبوابها", "the plant will close", "سيغلق المصنع", "the factory closes"]
    tok = Tokenizer(models.WordLevel(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.train_from_iterator(corpus, trainers.WordLevelTrainer(special_tokens=["<pad>", "<s>", "</s>", "<unk>"]))
    tok.post_processor = processors.TemplateProcessing(single="<s> $A </s>", special_tokens=[("<s>", 1), ("</s>", 2)])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>", pad_token="<pad>", unk_token="<unk>")
    fast.save_pretrained(folder)
    cfg = BartConfig(vocab_size=tok.get_vocab_size(), d_model=16, encoder_layers=1, decoder_layers=1,
                     encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32,
                     max_position_embeddings=64, pad_token_id=0, bos_token_id=1, eos_token_id=2,
                     decoder_start_token_id=2, forced_eos_token_id=None, forced_bos_token_id=None)
    torch.manual_seed(0)
    model = BartForConditionalGeneration(cfg)
    with torch.no_grad():  # only ordinary words can come out: the decoded text is never empty
        model.final_logits_bias[0, :4] = -1e4
    model.generation_config.max_new_tokens = 6
    model.save_pretrained(folder)
    return [w for w in tok.get_vocab() if not w.startswith("<")]


def test_mt_model_from_a_local_folder(tmp_path):
    folder = tmp_path / "tiny-ar-en"
    vocab = build_tiny_seq2seq(folder)
    mt = bt.MTBackTranslator(str(folder), batch_size=2, max_length=6)
    texts = ["ستغلق النبتة أبوابها", "سيغلق المصنع", "كلمة مجهولة"]
    out = mt.translate(texts)
    assert len(out) == 3 and all(isinstance(s, str) and s for s in out)
    assert all(w in vocab for s in out for w in s.split())
    assert mt.translate(texts) == out  # greedy: deterministic
    assert mt.signature() == "tiny-ar-en"
    assert bt.mt_backtranslation(texts[:1], mt) == out[:1]
    by_path = bt.mt_backtranslation(texts[:1], str(folder))  # loads by path (longer limit), once
    assert len(by_path) == 1 and by_path[0].startswith(out[0])
    assert bt.load_mt(str(folder)) is bt.load_mt(str(folder))


def test_mt_model_load_error_keeps_the_cause(tmp_path):
    from models.errors import ModelLoadError

    missing = str(tmp_path / "no-such-model")
    with pytest.raises(ModelLoadError) as e:
        bt.MTBackTranslator(missing)
    assert "no-such-model" in str(e.value) and e.value.__cause__ is not None
