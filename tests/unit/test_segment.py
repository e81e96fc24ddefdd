import pytest

from align.normalize import ar_stem_light, normalize_ar, to_ascii_digits
from align.segment import candidates, quoted_spans, sentences, tokenize


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Kim's staff wasn't there", "en", ["Kim", "'s", "staff", "wasn't", "there"]),
        ("15,000 troops in 2.5 hours", "en", ["15,000", "troops", "in", "2.5", "hours"]),
        ("أرسلت ١٥٬٠٠٠ جندي", "ar", ["أرسلت", "١٥٬٠٠٠", "جندي"]),
        ("قفازًا رائدًا، وبندقية", "ar", ["قفازًا", "رائدًا", "وبندقية"]),
        ("دار الضيافة Dioyutai", "ar", ["دار", "الضيافة", "Dioyutai"]),
    ],
)
def test_tokenize(text, lang, expected):
    toks = tokenize(text, lang=lang)
    assert [t.text for t in toks] == expected
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_sentences_keep_ellipsis_and_abbreviations():
    ar = 'وقال بوتين: "نحن في انتظارك... تعال وزرنا". ولم ترد معلومات.'
    s = sentences(ar)
    assert [x.text(ar) for x in s] == ['وقال بوتين: "نحن في انتظارك... تعال وزرنا".', "ولم ترد معلومات."]
    en = "U.S. President Donald Trump wrote. Mr. Peskov said so."
    assert [x.text(en) for x in sentences(en, "en")] == ["U.S. President Donald Trump wrote.", "Mr. Peskov said so."]


def test_sentence_offsets_and_paragraphs():
    text = "الأول هنا.\n\nالثاني هنا. والثالث هنا؟\n"
    s = sentences(text)
    assert [x.text(text) for x in s] == ["الأول هنا.", "الثاني هنا.", "والثالث هنا؟"]
    assert [x.paragraph for x in s] == [0, 1, 1]


def test_candidates_windows_stay_in_paragraph_and_quotes():
    text = "جملة أولى هنا.\nجملة ثانية هنا. وقال: «هذه كلمات مقتبسة طويلة» ثم مضى."
    c = candidates(text)
    kinds = {(x.kind, x.text(text)) for x in c}
    assert ("quote", "«هذه كلمات مقتبسة طويلة»") in kinds
    assert not any(x.kind == "window" and "أولى" in x.text(text) and "ثانية" in x.text(text) for x in c)
    assert quoted_spans(text, 0, len(text), 0)


def test_normalisation():
    assert normalize_ar("أُكِّدَ إلى آخِرِ") == "اكد الي اخر"
    assert to_ascii_digits("٢٠٢٤٫٥") == "2024.5"
    assert normalize_ar("كــيم\u200f") == "كيم"
    assert ar_stem_light("والبندقية") == ar_stem_light("البندقية") == ar_stem_light("بندقية")
    assert ar_stem_light("قفازًا") == "قفاز"
    assert ar_stem_light("هدايا") == "هدايا"
    assert ar_stem_light("فلاديمير") == "فلاديمير"  # a bare ف is not a conjunction here
