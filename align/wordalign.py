"""Word alignment: simalign's matching over word vectors from a token encoder.

Embedding is kept apart from matching: ``match`` works on any similarity matrix (and is
tested without a model); ``WordAligner`` batches the encoder over many pairs at once instead
of simalign's two-sentences-per-call API, embeds each distinct text once, and caches each
pair's similarity matrix by content hash (``align.cache``).

The encoder sees what simalign feeds it: the words joined by single spaces
(``words_text``), so the alignment equals simalign's ``token_type="word"`` argmax on the same
model and layer (the benchmark measures the share of identical links), while running many
times faster.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .cache import SIM, ContentCache, content_key
from .records import Link, Token

METHODS = ("argmax", "itermax")


def similarity(ar_vecs: np.ndarray, en_vecs: np.ndarray) -> np.ndarray:
    """simalign's similarity: (cosine + 1) / 2, rows Arabic words, columns English words.
    Zero vectors (words the model could not see) get similarity 0 with everything."""
    a = ar_vecs / np.maximum(np.linalg.norm(ar_vecs, axis=1, keepdims=True), 1e-9)
    e = en_vecs / np.maximum(np.linalg.norm(en_vecs, axis=1, keepdims=True), 1e-9)
    sim = (a @ e.T + 1.0) / 2.0
    sim[~np.any(ar_vecs, axis=1), :] = 0.0
    sim[:, ~np.any(en_vecs, axis=1)] = 0.0
    return sim.astype(np.float32)


def match(sim: np.ndarray, method: str = "argmax") -> list[Link]:
    """Links from a similarity matrix with simalign's own matching functions."""
    if sim.size == 0:
        return []
    from simalign import SentenceAligner

    if method == "argmax":
        fwd, bwd = SentenceAligner.get_alignment_matrix(sim)
        mat = fwd * bwd
    elif method == "itermax":
        mat = SentenceAligner.iter_max(sim)
    else:
        raise ValueError(f"unknown matching method {method!r}; use one of {METHODS}")
    return [Link(int(i), int(j), float(sim[i, j])) for i, j in zip(*np.nonzero(mat > 0), strict=True)]


def words_text(words: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """simalign's input for a word list: one space before each word, spans that start at it.

    Joining by spaces reproduces simalign's ``is_split_into_words`` tokenisation (punctuation
    between words is not seen, as in simalign). A span includes the space before its word so
    that a sentencepiece boundary piece ("▁" alone, frequent before Arabic words) is averaged
    into the word, as simalign's per-word tokenisation does; WordPiece tokenizers emit
    nothing for the space, so the span changes nothing for them.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for w in words:
        spans.append((pos, pos + 1 + len(w)))
        pos += 1 + len(w)
    return "".join(" " + w for w in words), spans


def words_of(text: str) -> list[str]:
    """Inverse of ``words_text`` (words never contain spaces: they come from ``tokenize``)."""
    return text.split(" ")[1:] if text else []


@dataclass
class Alignment:
    links: list[Link]
    sim: np.ndarray


def sim_key(signature: str, ar_text: str, en_text: str) -> str:
    """Cache key of one pair's similarity matrix: the encoder and exactly what it was fed."""
    return content_key("sim", signature, ar_text, en_text)


class WordAligner:
    """Aligns many pairs with batched passes of the token encoder."""

    def __init__(self, encoder, method: str = "argmax", cache: ContentCache | None = None):
        if method not in METHODS:
            raise ValueError(f"unknown matching method {method!r}; use one of {METHODS}")
        self.encoder = encoder
        self.method = method
        self.cache = cache or ContentCache(enabled=False)
        self.embedded = 0  # distinct texts sent to the encoder (for benchmarks and tests)

    def encoder_signature(self) -> str:
        return self.encoder.signature()

    def sims(self, texts: Sequence[tuple[str, str]]) -> list[np.ndarray]:
        """Similarity matrices for (ar words_text, en words_text) pairs; no cache. Each
        distinct text is embedded once, however many pairs share it (one English quote
        translated in several articles)."""
        uniq: dict[str, int] = {}
        for ar, en in texts:
            uniq.setdefault(ar, len(uniq))
            uniq.setdefault(en, len(uniq))
        order = list(uniq)
        todo = [t for t in order if t]
        vecs = dict(zip(todo, self.encoder.embed_words([(t, words_text(words_of(t))[1]) for t in todo]), strict=True)) if todo else {}
        self.embedded += len(todo)
        out = []
        for ar, en in texts:
            a, e = vecs.get(ar), vecs.get(en)
            if a is None or e is None or len(a) == 0 or len(e) == 0:
                out.append(np.zeros((len(words_of(ar)), len(words_of(en))), dtype=np.float32))
            else:
                out.append(similarity(a, e))
        return out

    def cached_sims(self, texts: Sequence[tuple[str, str]]) -> list[np.ndarray]:
        """``sims`` behind the content-hash cache: only misses reach the encoder."""
        sig = self.encoder_signature()
        keys = [sim_key(sig, a, e) for a, e in texts]
        have = self.cache.get_many(SIM, keys)
        todo = [i for i, k in enumerate(keys) if k not in have]
        if todo:
            new = self.sims([texts[i] for i in todo])
            items = list(zip((keys[i] for i in todo), new, strict=True))
            self.cache.put_many(SIM, items)
            have.update(items)
        return [have[k] for k in keys]

    def align_many(self, items: Sequence[tuple[str, list[Token], str, list[Token]]]) -> list[Alignment]:
        """items: (ar_text, ar_tokens, en_text, en_tokens); links index the token lists."""
        texts = [(words_text([t.text for t in at])[0], words_text([t.text for t in et])[0]) for _, at, _, et in items]
        return [Alignment(match(s, self.method), s) for s in self.cached_sims(texts)]

    def signature(self) -> str:
        return f"{self.encoder.signature()}|{self.method}"
