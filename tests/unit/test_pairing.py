import numpy as np

from align.corpus import Article, Corpus, Source
from align.pairing import knn_means, pair_corpus, stable_pair_id


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
