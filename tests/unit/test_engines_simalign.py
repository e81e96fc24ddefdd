"""Our batched aligner gives plain simalign's links (same model, layer, word-level argmax):
the input convention of ``wordalign.words_text`` is what makes them equal (real model, ~20 s)."""

from __future__ import annotations

import numpy as np
import pytest

from align.segment import tokenize
from align.wordalign import WordAligner, match, words_text

PAIRS = [
    ("قال الرئيس الروسي فلاديمير بوتين: «نحن في انتظارك» خلال زيارة كيم جونغ أون إلى موسكو.",
     "Russian President Vladimir Putin said: 'We are waiting for you' during Kim Jong Un's visit to Moscow."),
    ("أهدى بوتين الزعيم الكوري الشمالي قفازًا رائدًا وبندقية مستخدمة في عام ٢٠٢٣.",
     "Putin gifted the North Korean leader a used cosmonaut glove and rifle in 2023."),
    ("وصل 15 ألف جندي.", "15,000 soldiers arrived."),
    # words that sentencepiece splits as a lone "▁" piece then the word ("▁", "زار"): simalign
    # averages that piece into the word, so must we
    ("زار دبلوماسي روسي ضخم أطفال طاقم السفينة وشهد تصدير أسلحة.",
     "A Russian diplomat visited the children of the crew and rejected the export of shells."),
]


@pytest.mark.slow
def test_batched_alignment_equals_simalign_pair_by_pair():
    simalign = pytest.importorskip("simalign")
    from models.e5_bundled import bundled_e5_path
    from models.registry import load_token_encoder

    words = [([t.text for t in tokenize(a, lang="ar")], [t.text for t in tokenize(e, lang="en")]) for a, e in PAIRS]
    sa = simalign.SentenceAligner(model=str(bundled_e5_path()), token_type="word", matching_methods="a", layer=8)
    want = [set(map(tuple, sa.get_word_aligns(a, e)["inter"])) for a, e in words]
    al = WordAligner(load_token_encoder(None, layer=8))
    sims = al.sims([(words_text(a)[0], words_text(e)[0]) for a, e in words])  # one batch, padded together
    got = [{(lk.ar, lk.en) for lk in match(s)} for s in sims]
    assert all(want) and got == want
    # stricter than the links: the similarity matrices themselves (simalign's own steps)
    tok = sa.embed_loader.tokenizer
    for (a, e), ours in zip(words, sims, strict=True):
        pieces = [[tok.tokenize(w) for w in a], [tok.tokenize(w) for w in e]]
        vecs = sa.embed_loader.get_embed_list([a, e]).numpy()
        vecs = [vecs[i, : sum(map(len, pieces[i]))] for i in (0, 1)]
        va, ve = sa.average_embeds_over_words(vecs, pieces)
        assert np.allclose(ours, sa.get_similarity(va, ve), atol=1e-4)
