"""Which Arabic span translates which English unit.

Margin-based scoring (Artetxe & Schwenk 2019, "ratio" margin): a candidate's cosine with a
source is divided by the mean cosine of each side's k nearest neighbours, so a generic
sentence that is close to everything does not win, and a distinctive pair stands out even
when its raw cosine is modest. For every (source, article) the best candidate is kept if its
margin clears the threshold; a source that no article translates (a distractor) yields none.

Neighbourhoods and margins are computed in blocks of candidates, so the N×M similarity matrix
is never held in memory (1,000 English units against 100,000 Arabic sentences fit in a few
hundred MB), and each distinct Arabic text is encoded and searched once.
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


def knn_means(E: np.ndarray, A: np.ndarray, k: int, block: int = 4096,
              counts: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Mean cosine of the k nearest candidates for each source row, and of the k nearest
    sources for each candidate, computed block by block (memory O(block × rows)).

    ``counts[j]`` says how many candidates row j of ``A`` stands for (identical texts are
    embedded once): a source's neighbourhood then holds that many copies of it, exactly as if
    every copy had been a row.
    """
    n_cand = int(counts.sum()) if counts is not None else A.shape[0]
    kk = max(1, min(k, n_cand))
    fwd_best = np.full((E.shape[0], 0), -np.inf, dtype=np.float32)
    bwd = np.empty(A.shape[0], dtype=np.float32)
    for s in range(0, A.shape[0], block):
        sims = E @ A[s : s + block].T  # (n_src, b)
        bwd[s : s + block] = _topk_mean(sims, k, axis=0)
        if counts is not None:
            sims = _expand_top(sims, counts[s : s + block], kk)
        merged = np.concatenate([fwd_best, sims], axis=1)
        keep = min(kk, merged.shape[1])
        fwd_best = -np.partition(-merged, keep - 1, axis=1)[:, :keep]
    return fwd_best.mean(axis=1), bwd


def _expand_top(sims: np.ndarray, counts: np.ndarray, k: int) -> np.ndarray:
    """Each row's k best columns, each repeated min(count, k) times (-inf fills the rest):
    the k best of the row's multiset are among them."""
    if sims.shape[1] > k:
        idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    else:
        idx = np.broadcast_to(np.arange(sims.shape[1]), (sims.shape[0], sims.shape[1]))
    vals = np.take_along_axis(sims, idx, axis=1)  # (n, k')
    reps = np.minimum(counts[idx], k)  # (n, k')
    slots = np.arange(k)[None, None, :] < reps[:, :, None]  # (n, k', k)
    out = np.where(slots, vals[:, :, None], -np.inf).astype(np.float32)
    return out.reshape(sims.shape[0], -1)


def margin_hits(E: np.ndarray, A: np.ndarray, fwd: np.ndarray, bwd: np.ndarray, threshold: float,
                block: int = 4096) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source row, candidate row, margin) of every pair whose ratio margin clears the
    threshold, found block by block: no N×M matrix is ever held."""
    rows, cols, vals = [], [], []
    for s in range(0, A.shape[0], block):
        sims = E @ A[s : s + block].T
        margin = sims / ((fwd[:, None] + bwd[None, s : s + block]) / 2.0)
        r, c = np.nonzero(margin >= threshold)
        rows.append(r)
        cols.append(c + s)
        vals.append(margin[r, c])
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    return np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64), np.concatenate(vals).astype(np.float32)


def pair_corpus(
    corpus: Corpus,
    encoder,
    k: int = DEFAULT_K,
    threshold: float = DEFAULT_THRESHOLD,
    max_window: int = 3,
    block: int = 4096,
) -> list[Pair]:
    """Pairs for a corpus folder, one per (source, article) at most, in article order.

    Every distinct candidate text is encoded once and searched once (a quote repeated in
    fifty articles is one row with a count); hits are then spread back to every article
    that holds the text. Per (source, article) the candidate with the highest margin wins
    (the first in article order on a tie), as if each article had been searched alone.
    """
    cand_article: list[int] = []
    cand_span: list[Span] = []
    art_ids = list(corpus.articles)
    for ai, aid in enumerate(art_ids):
        for sp in candidates(corpus.articles[aid].text, "ar", max_window):
            cand_article.append(ai)
            cand_span.append(sp)
    sources = list(corpus.sources.values())
    if not cand_span or not sources:
        return []
    texts = [sp.text(corpus.articles[art_ids[a]].text) for a, sp in zip(cand_article, cand_span, strict=True)]
    uniq: dict[str, int] = {}
    inv = np.fromiter((uniq.setdefault(t, len(uniq)) for t in texts), dtype=np.int64, count=len(texts))
    del texts
    counts = np.bincount(inv, minlength=len(uniq))
    A = np.asarray(encoder.encode(list(uniq)), dtype=np.float32)
    del uniq
    E = np.asarray(encoder.encode([s.text for s in sources]), dtype=np.float32)
    fwd, bwd = knn_means(E, A, k, block, counts=counts if len(counts) < len(inv) else None)
    si, ui, m = margin_hits(E, A, fwd, bwd, threshold, block)
    if len(si) == 0:
        return []
    # spread each (source, distinct text) hit over the candidates holding that text
    occ = np.argsort(inv, kind="stable")  # candidates grouped by text, in article order
    first = np.concatenate([[0], np.cumsum(counts)])
    n_occ = counts[ui]
    src = np.repeat(si, n_occ)
    mar = np.repeat(m, n_occ)
    starts = np.repeat(first[ui], n_occ)
    offs = np.arange(len(src)) - np.repeat(np.cumsum(n_occ) - n_occ, n_occ)
    cand = occ[starts + offs]
    art = np.asarray(cand_article, dtype=np.int64)[cand]
    # best per (source, article): highest margin, then lowest candidate index
    order = np.lexsort((cand, -mar, art, src))
    src, art, cand, mar = src[order], art[order], cand[order], mar[order]
    head = np.ones(len(src), dtype=bool)
    head[1:] = (src[1:] != src[:-1]) | (art[1:] != art[:-1])
    chosen: list[tuple[float, Pair]] = []
    for s_i, a_i, c_i, margin in zip(src[head], art[head], cand[head], mar[head], strict=True):
        aid, span, srcu = art_ids[a_i], cand_span[c_i], sources[s_i]
        text = corpus.articles[aid].text
        chosen.append((float(margin), Pair(
            pair_id=stable_pair_id(aid, srcu.id, span.text(text)),
            article=aid,
            source=srcu.id,
            ar_text=text,
            ar_start=span.start,
            ar_end=span.end,
            en_text=srcu.text,
            en_start=0,
            en_end=len(srcu.text),
            pairing=confidence(float(margin), threshold),
        )))
    pairs = resolve_conflicts(chosen)
    pairs.sort(key=lambda p: (p.article or "", p.ar_start, p.source or ""))
    return pairs


def resolve_conflicts(chosen: list[tuple[float, Pair]]) -> list[Pair]:
    """Where two sources claim overlapping Arabic spans in one article, the higher margin wins:
    an Arabic sentence translates one unit; a look-alike statement (a distractor, a related
    quote) is what loses. Only pairs of the same article are compared."""
    kept: dict[str | None, list[Pair]] = {}
    out: list[Pair] = []
    for _, p in sorted(chosen, key=lambda x: -x[0]):
        same = kept.setdefault(p.article, [])
        if not any(_overlap_half(p, q) for q in same):
            same.append(p)
            out.append(p)
    return out


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
