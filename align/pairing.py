"""Which Arabic span translates which English unit.

Margin-based scoring (Artetxe & Schwenk 2019, "ratio" margin): a candidate's cosine with a
source is divided by the mean cosine of each side's k nearest neighbours, so a generic
sentence that is close to everything does not win, and a distinctive pair stands out even
when its raw cosine is modest. For every (source, article) the best candidate is kept if its
margin clears the threshold; a source that no article translates (a distractor) yields none.

Neighbourhoods are computed in blocks, so the N×M similarity matrix is never held in memory.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from .corpus import Corpus
from .records import Pair
from .segment import Span, candidates

DEFAULT_K = 4
DEFAULT_THRESHOLD = 1.05


@dataclass(frozen=True)
class Candidate:
    article: str
    span: Span


def stable_pair_id(article: str, source: str, ar: str) -> str:
    """Same article, same source, same Arabic text → same id, whatever the offsets."""
    h = hashlib.sha1(ar.strip().encode("utf-8")).hexdigest()[:10]
    return f"{article}:{source}:{h}"


def _topk_mean(sims: np.ndarray, k: int, axis: int) -> np.ndarray:
    k = max(1, min(k, sims.shape[axis]))
    part = -np.partition(-sims, k - 1, axis=axis)
    return part.take(range(k), axis=axis).mean(axis=axis)


def knn_means(E: np.ndarray, A: np.ndarray, k: int, block: int = 4096) -> tuple[np.ndarray, np.ndarray]:
    """Mean cosine of the k nearest candidates for each source row, and of the k nearest
    sources for each candidate, computed block by block (memory O(block × rows))."""
    fwd_best = np.full((E.shape[0], 0), -1.0, dtype=np.float32)
    bwd = np.empty(A.shape[0], dtype=np.float32)
    kk = max(1, min(k, A.shape[0]))
    for s in range(0, A.shape[0], block):
        sims = E @ A[s : s + block].T  # (n_src, b)
        bwd[s : s + block] = _topk_mean(sims, k, axis=0)
        merged = np.concatenate([fwd_best, sims], axis=1)
        keep = min(kk, merged.shape[1])
        fwd_best = -np.partition(-merged, keep - 1, axis=1)[:, :keep]
    return fwd_best.mean(axis=1), bwd


def pair_corpus(
    corpus: Corpus,
    encoder,
    k: int = DEFAULT_K,
    threshold: float = DEFAULT_THRESHOLD,
    max_window: int = 3,
) -> list[Pair]:
    """Pairs for a corpus folder, one per (source, article) at most, in article order."""
    cands: list[Candidate] = []
    for aid, art in corpus.articles.items():
        cands.extend(Candidate(aid, sp) for sp in candidates(art.text, "ar", max_window))
    sources = list(corpus.sources.values())
    if not cands or not sources:
        return []
    A = encoder.encode([c.span.text(corpus.articles[c.article].text) for c in cands]).astype(np.float32)
    E = encoder.encode([s.text for s in sources]).astype(np.float32)
    fwd, bwd = knn_means(E, A, k)
    by_article: dict[str, np.ndarray] = {}
    for aid in corpus.articles:
        by_article[aid] = np.array([i for i, c in enumerate(cands) if c.article == aid], dtype=np.int64)
    chosen: list[tuple[float, Pair]] = []
    for si, src in enumerate(sources):
        for aid, idx in by_article.items():
            if len(idx) == 0:
                continue
            cos = A[idx] @ E[si]
            margin = cos / ((fwd[si] + bwd[idx]) / 2.0)
            best = int(np.argmax(margin))
            if margin[best] < threshold:
                continue
            c = cands[idx[best]]
            text = corpus.articles[aid].text
            chosen.append((float(margin[best]),
                Pair(
                    pair_id=stable_pair_id(aid, src.id, c.span.text(text)),
                    article=aid,
                    source=src.id,
                    ar_text=text,
                    ar_start=c.span.start,
                    ar_end=c.span.end,
                    en_text=src.text,
                    en_start=0,
                    en_end=len(src.text),
                    pairing=confidence(float(margin[best]), threshold),
                )
            ))
    pairs = resolve_conflicts(chosen)
    pairs.sort(key=lambda p: (p.article or "", p.ar_start, p.source or ""))
    return pairs


def resolve_conflicts(chosen: list[tuple[float, Pair]]) -> list[Pair]:
    """Where two sources claim overlapping Arabic spans in one article, the higher margin wins:
    an Arabic sentence translates one unit; a look-alike statement (a distractor, a related
    quote) is what loses."""
    kept: list[tuple[float, Pair]] = []
    for m, p in sorted(chosen, key=lambda x: -x[0]):
        clash = any(q.article == p.article and _overlap_half(p, q) for _, q in kept)
        if not clash:
            kept.append((m, p))
    return [p for _, p in kept]


def _overlap_half(a: Pair, b: Pair) -> bool:
    inter = min(a.ar_end, b.ar_end) - max(a.ar_start, b.ar_start)
    return inter > 0 and inter >= 0.5 * min(a.ar_end - a.ar_start, b.ar_end - b.ar_start)


def confidence(margin: float, threshold: float) -> float:
    """Map a margin to 0..1: 0.5 at the threshold, rising towards 1 as it grows."""
    return float(1.0 / (1.0 + np.exp(-12.0 * (margin - threshold))))


def pairs_from_rows(corpus: Corpus) -> list[Pair]:
    """Pairs mode: each input row is a pair; offsets index the row's own strings."""
    return [
        Pair(pair_id=pid, article=None, source=None, ar_text=ar, ar_start=0, ar_end=len(ar),
             en_text=en, en_start=0, en_end=len(en), pairing=1.0)
        for pid, ar, en in corpus.pairs
    ]
