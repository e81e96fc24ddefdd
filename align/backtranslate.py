"""Back-translation evidence: the Arabic turned back into English and scored with chrF.

Two renderings of the Arabic in English:

* ``gloss_backtranslation``: word by word from the Buckwalter lexicon (clitics split:
  وبندقية → "and rifle", ال → "the"), FreeDict for words Buckwalter lacks, English names
  for transliterated names (arabnamer), digits as digits. Crude English, but always there
  offline and cheap; compared with the English source by character n-grams it tells a
  rendering that keeps the source's words from one that drifts.
* ``mt_backtranslation``: a real Arabic→English MT model (``--mt-model``: a hub id such as
  ``Helsinki-NLP/opus-mt-ar-en`` or a local folder) through ordinary ``transformers``
  seq2seq code (``AutoTokenizer`` + ``AutoModelForSeq2SeqLM``), when one is configured.

``chrf`` is sacrebleu's sentence chrF (0–100), the metric both are scored with.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from . import dictionary as dic
from . import translit as tl
from .normalize import to_ascii_digits
from .records import Token
from .segment import is_arabic

log = logging.getLogger("muqabala")

__all__ = ["MTBackTranslator", "chrf", "gloss_backtranslation", "gloss_word", "load_mt", "mt_backtranslation"]

# Buckwalter proclitics (unvocalised) → English; the future س and verb prefixes say nothing.
_PREFIX_EN = {"w": "and", "f": "so", "b": "in", "l": "to", "k": "like", "Al": "the", "s": "will"}


def chrf(hyp: str, ref: str) -> float:
    """sacrebleu's sentence chrF of ``hyp`` against one reference, 0–100."""
    from sacrebleu.metrics import CHRF

    return float(_chrf_metric(CHRF).sentence_score(hyp, [ref]).score)


@lru_cache(maxsize=1)
def _chrf_metric(cls: Any) -> Any:
    return cls()


def _prefix_words(prefix: str) -> list[str]:
    """English for a Buckwalter proclitic string: wAl → and the, bAl → in the, ll → to the,
    st (future + imperfect) → will; verb person prefixes (y, t, n, A) say nothing."""
    out = []
    rest = prefix
    if rest[:1] in ("w", "f"):
        out.append(_PREFIX_EN[rest[0]])
        rest = rest[1:]
    if rest[:1] == "s" and rest[1:2] in ("y", "t", "n", "A", ">"):
        out.append("will")
        rest = rest[1:]
    elif rest.startswith("ll"):
        return [*out, "to", "the"]
    elif rest[:1] in ("b", "l", "k"):
        out.append(_PREFIX_EN[rest[0]])
        rest = rest[1:]
    if rest.startswith("Al"):
        out.append("the")
    return out


def _analysis_order(a: tl.Analysis) -> tuple:
    # The stem alone before a reading with a pronoun suffix (مارك = mark, not passer-by + your),
    # common words before names, then the reading whose English gloss is the most common
    # English word (year before general for عاما, rifle before Venetian for بندقية).
    words = a.gloss_words()
    return (not a.whole_word, a.proper, -max((tl.zipf_en(w.lower()) for w in words[:2]), default=0.0), len(a.prefix))


@lru_cache(maxsize=65536)
def gloss_word(word: str) -> str:
    """English gloss of one token: proclitics, then the first gloss item of the preferred
    Buckwalter analysis; FreeDict, a name dictionary, or the sound skeleton when it has none."""
    if not is_arabic(word) or any(ch.isdigit() for ch in word):
        return to_ascii_digits(word)
    analyses = sorted(tl.analyze(word), key=_analysis_order)
    if analyses:
        a = analyses[0]
        head = re.sub(r"\([^)]*\)|\[[^]]*\]", "", a.gloss.split(";")[0]).strip()
        head = re.sub(r"^(to|be)\s+", "", head) if a.pos.startswith("VERB") else head
        return " ".join([*_prefix_words(a.prefix), head]).strip()
    names = tl.arabnamer_names_for(word)
    if names:
        return names[0]
    phrases = dic.ar_gloss_phrases(word)
    if phrases:
        return phrases[0]
    return tl.ar_to_latin_skeleton(word)


def gloss_backtranslation(ar_tokens: Sequence[Token] | Sequence[str]) -> str:
    """Word-by-word English gloss of Arabic tokens (``Token``s or plain strings)."""
    words = [t.text if isinstance(t, Token) else str(t) for t in ar_tokens]
    return " ".join(g for g in (gloss_word(w) for w in words) if g)


class MTBackTranslator:
    """A seq2seq MT model (MarianMT, BART, T5 …) loaded with ordinary ``transformers`` code
    from a hub id or a local folder; translates in batches, greedily (deterministic)."""

    def __init__(self, model: str, batch_size: int = 16, max_length: int = 256):
        from models.errors import ModelLoadError

        self.name = model
        self.batch_size = batch_size
        self.max_length = max_length
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

            self.tokenizer = AutoTokenizer.from_pretrained(model)
            self.model = AutoModelForSeq2SeqLM.from_pretrained(model)
        except Exception as e:  # keep the real cause: missing folder, no network, bad format
            raise ModelLoadError("MT model", model, e) from e
        self.model.eval()

    def translate(self, texts: Sequence[str]) -> list[str]:
        import torch

        out: list[str] = []
        texts = list(texts)
        for i in range(0, len(texts), self.batch_size):
            chunk = texts[i : i + self.batch_size]
            enc = self.tokenizer(chunk, return_tensors="pt", padding=True, truncation=True, max_length=self.max_length)
            enc.pop("token_type_ids", None)
            limit = min(self.max_length, 2 * int(enc["input_ids"].shape[1]) + 8)
            pos = getattr(self.model.config, "max_position_embeddings", None)
            if pos:  # a decoder cannot go past its position table
                limit = min(limit, int(pos) - 2)
            with torch.inference_mode():
                gen = self.model.generate(**enc, max_new_tokens=limit, num_beams=1, do_sample=False)
            out += [s.strip() for s in self.tokenizer.batch_decode(gen, skip_special_tokens=True)]
        return out

    def signature(self) -> str:
        from pathlib import Path

        p = Path(self.name)
        return p.name if p.exists() else self.name


@lru_cache(maxsize=4)
def load_mt(model: str) -> MTBackTranslator:
    """The MT back-translator for ``model``, loaded once per process."""
    return MTBackTranslator(model)


def mt_backtranslation(texts: Sequence[str], model: str | MTBackTranslator) -> list[str]:
    """English MT of Arabic ``texts`` with ``model`` (an id, a local folder, or a loaded one)."""
    mt = model if isinstance(model, MTBackTranslator) else load_mt(model)
    return mt.translate(texts)
