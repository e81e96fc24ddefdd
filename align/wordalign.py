"""Word alignment: simalign's matching over word vectors from a token encoder.

Embedding is kept apart from matching: ``match`` works on any similarity matrix (and is
tested without a model); ``WordAligner`` batches the encoder over many pairs at once instead
of simalign's two-sentences-per-call API.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

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


@dataclass
class Alignment:
    links: list[Link]
    sim: np.ndarray


class WordAligner:
    """Aligns many pairs with one batched pass of the token encoder."""

    def __init__(self, encoder, method: str = "argmax"):
        if method not in METHODS:
            raise ValueError(f"unknown matching method {method!r}; use one of {METHODS}")
        self.encoder = encoder
        self.method = method

    def align_many(self, items: Sequence[tuple[str, list[Token], str, list[Token]]]) -> list[Alignment]:
        """items: (ar_text, ar_tokens, en_text, en_tokens); token offsets index those texts."""
        requests: list[tuple[str, list[tuple[int, int]]]] = []
        for ar_text, ar_toks, en_text, en_toks in items:
            requests.append(_local(ar_text, ar_toks))
            requests.append(_local(en_text, en_toks))
        vecs = self.encoder.embed_words(requests) if requests else []
        out = []
        for n in range(len(items)):
            a, e = vecs[2 * n], vecs[2 * n + 1]
            if len(a) == 0 or len(e) == 0:
                out.append(Alignment([], np.zeros((len(a), len(e)), dtype=np.float32)))
                continue
            sim = similarity(a, e)
            out.append(Alignment(match(sim, self.method), sim))
        return out

    def signature(self) -> str:
        return f"{self.encoder.signature()}|{self.method}"


def _local(text: str, tokens: list[Token]) -> tuple[str, list[tuple[int, int]]]:
    """The smallest slice of ``text`` holding the tokens, with spans relative to it."""
    if not tokens:
        return "", []
    s, e = tokens[0].start, tokens[-1].end
    return text[s:e], [(t.start - s, t.end - s) for t in tokens]
