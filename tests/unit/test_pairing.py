import hashlib

import numpy as np

from align.corpus import Article, Corpus, Source
from align.pairing import confidence, knn_means, margin_hits, pair_corpus, resolve_conflicts, stable_pair_id
from align.records import Pair
from align.segment import candidates


class FakeEncoder:
    """Bag-of-letters vectors: texts sharing a 'topic letter' are close."""

    def encode(self, texts):
        out = []
        for t in texts:
            v = np.zeros(8, dtype=np.float32)
            for ch in t:
                if ch in "ABCDEFGH":
                    v["ABCDEFGH".index(ch)] += 1
            v += 0.01
            out.append(v / np.linalg.norm(v))
        return np.array(out)

    def signature(self):
        return "fake"


def test_knn_means_blockwise_equals_full():
    rng = np.random.default_rng(0)
    E, A = rng.normal(size=(5, 4)).astype(np.float32), rng.normal(size=(23, 4)).astype(np.float32)
    fwd, bwd = knn_means(E, A, k=3, block=4)
    S = E @ A.T
    assert np.allclose(fwd, np.sort(S, 1)[:, -3:].mean(1), atol=1e-5)
    assert np.allclose(bwd, np.sort(S, 0)[-3:, :].mean(0), atol=1e-5)


def test_pairing_finds_translations_and_skips_distractor():
    art = "جملة AAA هنا.\nجملة BBB هنا.\nجملة CCC هنا.\nجملة DDD هنا."
    corpus = Corpus("t", {"a1": Article("a1", art)},
                    {"s1": Source("s1", "about AAA"), "s2": Source("s2", "about CCC"), "x": Source("x", "about HHH")})
    pairs = pair_corpus(corpus, FakeEncoder(), threshold=1.2)
    got = {(p.source, p.ar) for p in pairs}
    assert ("s1", "جملة AAA هنا.") in got and ("s2", "جملة CCC هنا.") in got
    assert not any(p.source == "x" for p in pairs)
    for p in pairs:
        assert p.ar == art[p.ar_start : p.ar_end]
        assert 0.0 <= p.pairing <= 1.0


def test_stable_pair_id_ignores_offsets():
    assert stable_pair_id("a", "s", " نص ") == stable_pair_id("a", "s", "نص")
    assert stable_pair_id("a", "s", "نص") != stable_pair_id("a", "s", "نص آخر")


# ---- the scalable search must give exactly what the per-article search gave -------------


def reference_pair_corpus(corpus, encoder, k=4, threshold=1.05):
    """The original algorithm: every candidate a row (duplicates too), the full N×M matrix,
    one argmax per (source, article)."""
    cands = [(aid, sp) for aid, art in corpus.articles.items() for sp in candidates(art.text, "ar", 3)]
    sources = list(corpus.sources.values())
    A = encoder.encode([sp.text(corpus.articles[a].text) for a, sp in cands]).astype(np.float32)
    E = encoder.encode([s.text for s in sources]).astype(np.float32)
    S = E @ A.T
    kk = min(k, A.shape[0])
    fwd = np.sort(S, 1)[:, -kk:].mean(1)
    bwd = np.sort(S, 0)[-min(k, E.shape[0]):, :].mean(0)
    chosen = []
    for si, src in enumerate(sources):
        for aid in corpus.articles:
            idx = np.array([i for i, (a, _) in enumerate(cands) if a == aid])
            margin = S[si, idx] / ((fwd[si] + bwd[idx]) / 2.0)
            best = int(np.argmax(margin))
            if margin[best] < threshold:
                continue
            sp = cands[idx[best]][1]
            text = corpus.articles[aid].text
            chosen.append((float(margin[best]), Pair(stable_pair_id(aid, src.id, sp.text(text)), aid, src.id, text,
                                                     sp.start, sp.end, src.text, 0, len(src.text),
                                                     confidence(float(margin[best]), threshold))))
    pairs = resolve_conflicts(chosen)
    pairs.sort(key=lambda p: (p.article or "", p.ar_start, p.source or ""))
    return pairs


class HashEncoder:
    """Deterministic pseudo-random unit vectors per text, plus a shared 'topic letter' bump,
    so that some pairs clear the margin and most do not."""

    def encode(self, texts):
        out = []
        for t in texts:
            rng = np.random.default_rng(int(hashlib.sha1(t.encode()).hexdigest()[:8], 16))
            v = rng.normal(size=16).astype(np.float32)
            for ch in t:
                if ch in "ABCDEFGH":
                    v["ABCDEFGH".index(ch)] += 3.0
            out.append(v / np.linalg.norm(v))
        return np.array(out, dtype=np.float32)


def _random_corpus(seed: int) -> Corpus:
    rng = np.random.default_rng(seed)
    pool = [f"جملة {w} رقم {i}." for i, w in enumerate(["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH", "عادية", "أخرى"])]
    arts = {}
    for a in range(6):
        paras = []
        for _ in range(int(rng.integers(1, 4))):  # repeated sentences across and within articles
            paras.append(" ".join(pool[int(i)] for i in rng.integers(0, len(pool), int(rng.integers(1, 4)))))
        arts[f"a{a}"] = Article(f"a{a}", "\n".join(paras))
    srcs = {f"s{i}": Source(f"s{i}", f"about {w}") for i, w in enumerate(["AAA", "CCC", "EEE", "GGG", "HHH", "zzz"])}
    return Corpus("r", arts, srcs)


def test_pair_corpus_equals_reference_with_duplicated_texts():
    for seed in range(12):
        corpus = _random_corpus(seed)
        got = pair_corpus(corpus, HashEncoder(), threshold=1.05, block=3)
        want = reference_pair_corpus(corpus, HashEncoder(), threshold=1.05)
        assert [(p.pair_id, p.ar_start, p.ar_end) for p in got] == [(p.pair_id, p.ar_start, p.ar_end) for p in want], seed
        assert np.allclose([p.pairing for p in got], [p.pairing for p in want], atol=1e-4)


def test_knn_means_with_counts_equals_expanded_rows():
    rng = np.random.default_rng(1)
    E, U = rng.normal(size=(7, 5)).astype(np.float32), rng.normal(size=(9, 5)).astype(np.float32)
    counts = np.array([1, 5, 1, 2, 1, 3, 1, 1, 2])
    full = np.repeat(U, counts, axis=0)
    fwd_w, bwd_w = knn_means(E, U, k=4, block=2, counts=counts)
    fwd_f, bwd_f = knn_means(E, full, k=4, block=5)
    assert np.allclose(fwd_w, fwd_f, atol=1e-5)
    assert np.allclose(np.repeat(bwd_w, counts), bwd_f, atol=1e-5)


def test_margin_hits_blockwise_equals_full_matrix():
    rng = np.random.default_rng(2)
    E, A = rng.normal(size=(6, 4)).astype(np.float32), rng.normal(size=(31, 4)).astype(np.float32)
    fwd, bwd = knn_means(E, A, k=3)
    r, c, m = margin_hits(E, A, fwd, bwd, threshold=0.5, block=4)
    M = (E @ A.T) / ((fwd[:, None] + bwd[None, :]) / 2.0)
    want = set(zip(*np.nonzero(M >= 0.5), strict=True))
    assert set(zip(r.tolist(), c.tolist(), strict=True)) == {(int(a), int(b)) for a, b in want}
    assert np.allclose(m, M[r, c], atol=1e-5)


def test_resolve_conflicts_only_within_an_article():
    def p(aid, src, s, e):
        return Pair(f"{aid}:{src}", aid, src, "x" * 100, s, e, "en", 0, 2)

    kept = resolve_conflicts([(1.3, p("a", "s1", 0, 10)), (1.2, p("a", "s2", 2, 10)), (1.1, p("b", "s2", 2, 10))])
    assert {q.pair_id for q in kept} == {"a:s1", "b:s2"}
