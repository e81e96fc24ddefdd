import numpy as np

from align.wordalign import match, similarity


def test_argmax_is_mutual_best():
    sim = np.array([[0.9, 0.1, 0.2], [0.3, 0.2, 0.8], [0.1, 0.7, 0.75]])
    links = {(lk.ar, lk.en) for lk in match(sim, "argmax")}
    assert links == {(0, 0), (1, 2)}  # row 2 prefers col 2 but col 2 prefers row 1


def test_itermax_adds_links_for_unaligned():
    sim = np.array([[0.9, 0.1, 0.2], [0.3, 0.2, 0.8], [0.1, 0.7, 0.75]])
    links = {(lk.ar, lk.en) for lk in match(sim, "itermax")}
    assert {(0, 0), (1, 2)} <= links and (2, 1) in links


def test_similarity_zero_rows_never_link():
    a = np.array([[1.0, 0.0], [0.0, 0.0]])
    e = np.array([[1.0, 0.0], [0.0, 1.0]])
    sim = similarity(a, e)
    assert sim[1].max() == 0.0
    assert all(lk.ar != 1 for lk in match(sim))
