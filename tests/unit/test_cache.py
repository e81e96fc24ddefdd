"""Content-hash caches: a changed text or model is a miss, an unchanged one costs no encoding,
and the store keeps entries across processes."""

from __future__ import annotations

import numpy as np
import pytest

from align.cache import SENT, SIM, CachedSentenceEncoder, ContentCache, content_key, from_bytes, to_bytes
from align.store import Store
from align.wordalign import WordAligner, similarity, words_of, words_text


class CountingSentenceEncoder:
    def __init__(self, sig: str = "fake-sent"):
        self.calls: list[str] = []
        self.sig = sig

    def encode(self, texts):
        self.calls.extend(texts)
        out = np.zeros((len(texts), 4), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, len(t) % 4] = 1.0
        return out

    def signature(self):
        return self.sig


class CountingTokenEncoder:
    """Word vectors from the characters of each word (so equal words get equal vectors)."""

    def __init__(self):
        self.seen: list[str] = []

    def embed_words(self, items):
        out = []
        for text, spans in items:
            self.seen.append(text)
            vecs = np.zeros((len(spans), 8), dtype=np.float32)
            for n, (s, e) in enumerate(spans):
                for ch in text[s:e].strip():
                    vecs[n, ord(ch) % 8] += 1.0
            out.append(vecs)
        return out

    def signature(self):
        return "fake-tok@layer8"


def test_array_bytes_roundtrip():
    a = np.arange(12, dtype=np.float32).reshape(3, 4) / 7
    b = from_bytes(to_bytes(a))
    assert b.dtype == np.float32 and b.shape == (3, 4) and np.array_equal(a, b)


def test_content_key_depends_on_every_part():
    assert content_key("a", "bc") != content_key("ab", "c")
    assert content_key("m1", "نص") == content_key("m1", "نص")
    assert content_key("m1", "نص") != content_key("m2", "نص")


def test_sentence_cache_encodes_each_distinct_text_once(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    enc = CountingSentenceEncoder()
    cached = CachedSentenceEncoder(enc, ContentCache(store))
    v1 = cached.encode(["جملة", "sentence", "جملة"])
    assert enc.calls == ["جملة", "sentence"]
    assert np.array_equal(v1[0], v1[2])
    cached.encode(["sentence", "new one"])
    assert enc.calls == ["جملة", "sentence", "new one"]
    # another process: a fresh cache over the same store file hits without encoding
    enc2 = CountingSentenceEncoder()
    v2 = CachedSentenceEncoder(enc2, ContentCache(Store(tmp_path / "s.sqlite"))).encode(["جملة", "sentence", "جملة"])
    assert enc2.calls == [] and np.array_equal(v1, v2)
    # another model: a miss, never a stale hit
    enc3 = CountingSentenceEncoder("other-model")
    CachedSentenceEncoder(enc3, ContentCache(Store(tmp_path / "s.sqlite"))).encode(["جملة"])
    assert enc3.calls == ["جملة"]
    assert store.cache_count(SENT) == 4


def test_disabled_cache_always_encodes():
    enc = CountingSentenceEncoder()
    cached = CachedSentenceEncoder(enc, ContentCache(enabled=False))
    cached.encode(["a"])
    cached.encode(["a"])
    assert enc.calls == ["a", "a"]


def test_memory_layer_is_bounded():
    c = ContentCache(max_items=3)
    c.put_many(SIM, [(str(i), np.zeros(1, np.float32)) for i in range(5)])
    assert set(c.get_many(SIM, [str(i) for i in range(5)])) == {"2", "3", "4"}


@pytest.mark.parametrize("words", [["قال", "بوتين"], ["Kim", "'s", "visit"], [], ["٢٠٢٤"]])
def test_words_text_roundtrip_and_spans(words):
    text, spans = words_text(words)
    assert words_of(text) == words
    assert [text[s:e] for s, e in spans] == [" " + w for w in words]


def test_word_aligner_cache_and_dedupe(tmp_path):
    store = Store(tmp_path / "a.sqlite")
    enc = CountingTokenEncoder()
    al = WordAligner(enc, cache=ContentCache(store))
    en = words_text(["Putin", "met", "Kim"])[0]
    texts = [(words_text(["بوتين", "التقى", "كيم"])[0], en), (words_text(["التقى", "كيم"])[0], en)]
    sims = al.cached_sims(texts)
    assert len(enc.seen) == 3  # the shared English text is embedded once
    assert sims[0].shape == (3, 3) and sims[1].shape == (2, 3)
    again = WordAligner(CountingTokenEncoder(), cache=ContentCache(Store(tmp_path / "a.sqlite")))
    sims2 = again.cached_sims(texts)
    assert again.encoder.seen == [] and all(np.array_equal(a, b) for a, b in zip(sims, sims2, strict=True))
    assert store.cache_count(SIM) == 2


def test_similarity_of_an_empty_side_is_empty():
    al = WordAligner(CountingTokenEncoder())
    (sim,) = al.sims([("", words_text(["a"])[0])])
    assert sim.shape == (0, 1)
    assert similarity(np.ones((1, 2)), np.ones((1, 2)))[0, 0] == pytest.approx(1.0)


def test_store_cache_clear_keeps_results(tmp_path):
    store = Store(tmp_path / "c.sqlite")
    store.cache_put_many(SIM, [("a", b"1"), ("b", b"2")])
    store.cache_put_many(SENT, [("c", b"3")])
    assert store.cache_clear(SIM) == 2
    assert store.cache_count(SIM) == 0 and store.cache_count(SENT) == 1
    assert store.cache_get_many(SENT, ["c", "missing"]) == {"c": b"3"}
