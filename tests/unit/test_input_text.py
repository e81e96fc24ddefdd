"""Text that is hostile without being badly encoded: HTML pages and Markdown, page furniture,
bidi controls and zero-width characters, tatweel and diacritics, enormous lines."""

from __future__ import annotations

import itertools

import pytest

from align.corpus import Problems, article_text
from align.htmltext import html_to_text, looks_like_html, markdown_to_text
from align.normalize import normalize_ar
from align.segment import MAX_SENTENCE, candidates, long_lines, sentences, tokenize

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>بوتين يهدي كيم قفازا | موقع الأخبار</title>
<style>p { color: red }</style><script>var s = "<p>ليس نصا</p>"; if (a < b && c > d) {}</script></head>
<body><header class="site-header"><nav><a href="/">الرئيسية</a> | <a href="/world">العالم</a></nav></header>
<div class="share-buttons">شارك على فيسبوك</div>
<article>
  <header><h1>بوتين يهدي كيم   قفازا</h1></header>
  <p>قال الرئيس&nbsp;إن &laquo;الاتفاق تاريخي&raquo; &amp; مهم.<br>وأضاف أن العلاقات&#32;قوية.</p>
  <p>وتابع: <b>نحن</b> <i>مستعدون</i> &#x644;&#x644;&#x639;&#x645;&#x644;.</p>
  <figure><img src="x.jpg" alt="صورة"><figcaption>بوتين وكيم في بيونغ يانغ.</figcaption></figure>
  <aside>اقرأ أيضا: خبر آخر</aside>
  <div style="display:none">نص مخفي</div>
  <footer>الوسوم: روسيا</footer>
</article>
<div id="cookie-banner" role="dialog">نستخدم ملفات تعريف الارتباط</div>
<footer>حقوق النشر ٢٠٢٥</footer>
</body></html>"""


def test_html_page_becomes_its_article_text():
    assert html_to_text(PAGE).split("\n") == [
        "بوتين يهدي كيم قفازا",
        "قال الرئيس\u00a0إن «الاتفاق تاريخي» & مهم.",
        "وأضاف أن العلاقات قوية.",
        "وتابع: نحن مستعدون للعمل.",
        "بوتين وكيم في بيونغ يانغ.",
    ]


def test_html_without_article_element_drops_furniture_and_keeps_the_body():
    page = ("<html><body><nav>القائمة</nav><header>الموقع</header><main><p>الفقرة الأولى.</p>"
            "<ul><li>بند</li><li>بند ثان</li></ul></main><footer>حقوق</footer></body></html>")
    assert html_to_text(page) == "الفقرة الأولى.\nبند\nبند ثان"
    bare = "<p>أولى<p>ثانية<div>ثالثة</div></p>رابعة <span>ملتصقة</span>"
    assert html_to_text(bare) == "أولى\nثانية\nثالثة\nرابعة ملتصقة"


def test_html_keeps_invisible_characters_and_diacritics():
    page = "<p>قال\u200f بُوتِين\u200b إن كــيم &lrm;وصل.</p>"
    assert html_to_text(page) == "قال\u200f بُوتِين\u200b إن كــيم \u200eوصل."


@pytest.mark.parametrize(("text", "html"), [
    (PAGE, True),
    ("<p>فقرة</p><p>فقرة</p><div>ثالثة</div>", True),
    ("قال إن 3 < 5 وإن <الاتفاق> مهم", False),
    ("a <b>bold</b> word", False),
])
def test_looks_like_html(text, html):
    assert looks_like_html(text) is html


def test_html_article_offsets_index_the_extracted_text(tmp_path):
    f = tmp_path / "a.html"
    pr = Problems()
    text = article_text(f, PAGE, pr)
    assert pr.messages == []
    for s in sentences(text):
        assert "<" not in s.text(text) and "&" not in s.text(text).replace("& مهم", "")


def test_html_saved_as_txt_is_recognised_and_reported(tmp_path):
    pr = Problems()
    f = tmp_path / "a.txt"
    assert article_text(f, PAGE, pr) == html_to_text(PAGE)
    assert pr.messages == [f"{f}: looks like an HTML page; read as HTML (tags stripped, entities decoded)"]


def test_html_with_no_text_is_skipped(tmp_path):
    pr = Problems()
    f = tmp_path / "a.html"
    assert article_text(f, "<html><head><script>x()</script></head><body><nav>menu</nav></body></html>", pr) is None
    assert pr.messages == [f"{f}: no article text in the HTML; skipped"]


MD = """---
title: front matter is metadata
---
# بوتين يهدي كيم قفازا

قال **الرئيس** إن [الاتفاق](https://example.com/a "عنوان") *تاريخي* و`مهم`.
> وأضاف أن _العلاقات_ قوية.

- بند أول
2. بند ثان

![صورة](https://example.com/x.jpg)
عنوان فرعي
----------
| الاسم | الدور |
|---|---|
| بوتين | رئيس |

[ref]: https://example.com
نجمة حرفية \\*ليست تأكيدا\\* &amp; snake_case_name <br> ~~محذوف~~
```
كود يبقى كما هو **
```
"""


def test_markdown_becomes_plain_text():
    assert markdown_to_text(MD).split("\n") == [
        "بوتين يهدي كيم قفازا", "",
        "قال الرئيس إن الاتفاق تاريخي ومهم.",
        "وأضاف أن العلاقات قوية.", "",
        "بند أول", "بند ثان", "",
        "عنوان فرعي",
        "الاسم الدور", "", "بوتين رئيس", "",
        "نجمة حرفية *ليست تأكيدا* & snake_case_name  محذوف",
        "كود يبقى كما هو **",
    ]


def test_markdown_article_is_read_as_text(tmp_path):
    pr = Problems()
    text = article_text(tmp_path / "a.md", MD, pr)
    assert text == markdown_to_text(MD) and pr.messages == []
    assert [s.text(text) for s in sentences(text)][:2] == ["بوتين يهدي كيم قفازا", "قال الرئيس إن الاتفاق تاريخي ومهم."]


def test_markdown_with_enormous_unmatched_marks_stays_linear():
    junk = "**x " * 100_000 + "\n" + "![" * 100_000 + "\n" + "[a](" + "b" * 100_000
    out = markdown_to_text(junk)  # quadratic regexes would take minutes here
    assert out.count("\n") == 2


# ---- invisible characters, tatweel, diacritics ---------------------------------------------------
INVISIBLE_WORDS = [
    ("بو\u200fتين", "بوتين"),  # RLM inside a word
    ("بو\u200eتين", "بوتين"),  # LRM
    ("بو\u00adتين", "بوتين"),  # soft hyphen
    ("بو\u2060تين", "بوتين"),  # word joiner
    ("بو\u202bتين\u202c", "بوتين"),  # an embedding around part of a word
    ("بو\u2067تين\u2069", "بوتين"),  # an isolate
    ("بو\ufeffتين", "بوتين"),  # a BOM glued in by concatenated files
    ("كــيــم", "كيم"),  # tatweel
    ("بُوتِين", "بوتين"),  # diacritics
    ("قفازًا", "قفازا"),
]


@pytest.mark.parametrize(("word", "norm"), INVISIBLE_WORDS)
def test_invisible_marks_tatweel_and_diacritics_stay_in_the_text_but_not_in_matching(word, norm):
    text = f"قال {word} اليوم."
    toks = tokenize(text)
    assert [t.text for t in toks] == ["قال", word.rstrip("\u202c\u2069"), "اليوم"]
    assert toks[1].norm == normalize_ar(norm) == norm
    assert all(text[t.start:t.end] == t.text for t in toks)


def test_zero_width_space_separates_words():
    assert [t.text for t in tokenize("بوتين\u200bوكيم")] == ["بوتين", "وكيم"]


def test_tatweel_alone_is_not_a_word():
    assert [t.text for t in tokenize("ــــــ كيم ــــ")] == ["كيم"]


def test_sentence_ends_across_bidi_controls():
    text = "\u202bقال الرئيس إن الاتفاق تاريخي.\u202c \u2067وأضاف أن العلاقات قوية.\u2069"
    # two sentences (the period is followed by a bidi control, then a space), trimmed of the controls
    assert [s.text(text) for s in sentences(text)] == ["قال الرئيس إن الاتفاق تاريخي.", "وأضاف أن العلاقات قوية."]


# ---- very long lines ------------------------------------------------------------------------------
SENT = "قال الرئيس إن الاتفاق تاريخي، وأضاف أن العلاقات بين البلدين قوية جدا"


def test_a_run_on_line_is_cut_at_clause_punctuation_into_bounded_pieces():
    text = "مقدمة قصيرة.\n" + " و".join([SENT] * 400) + ".\nخاتمة."
    spans = sentences(text)
    assert max(s.end - s.start for s in spans) <= MAX_SENTENCE
    cut = [s for s in spans if s.cut]
    assert len(cut) >= 10 and all(s.paragraph == 1 for s in cut)
    assert all(text[s.end - 1] in "،." or text[s.end] in " ،" for s in cut[:-1])  # at a clause mark or a space
    # the pieces tile the line: nothing between them but spaces
    for a, b in itertools.pairwise(cut):
        assert not text[a.end:b.start].strip()
    assert not any(c.kind == "window" and c.cut for c in candidates(text))
    assert long_lines(text) == [long_lines(text)[0]] and long_lines(text)[0].line == 2


def test_a_word_longer_than_the_limit_is_cut_hard_but_never_between_a_letter_and_its_marks():
    word = "بُ" * 3000
    spans = sentences(word)
    assert len(spans) == 3 and all(s.end - s.start <= MAX_SENTENCE for s in spans)
    for s in spans[1:]:
        assert word[s.start] == "ب"  # a piece never begins with a mark


def test_five_megabytes_on_one_line(tmp_path):
    """A scraped page saved as one 5 MB line: the article's sentences, then inline data."""
    blob = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 210_000
    line = "قال الرئيس إن الاتفاق تاريخي. وأضاف أن العلاقات قوية. " + blob + " تابع الرئيس حديثه."
    assert len(line.encode()) > 5_000_000
    pr = Problems()
    f = tmp_path / "big.txt"
    text = article_text(f, line, pr)
    assert text == line
    spans = sentences(text)
    assert [s.text(text) for s in spans[:2]] == ["قال الرئيس إن الاتفاق تاريخي.", "وأضاف أن العلاقات قوية."]
    assert spans[-1].text(text).endswith("تابع الرئيس حديثه.")
    assert all(s.end - s.start <= MAX_SENTENCE for s in spans)
    assert len(spans) == 3  # the data is no candidate: no sentence end, no Arabic
    (ll,) = long_lines(text)
    pieces = -(-(len(blob) + 1) // MAX_SENTENCE)
    assert pr.messages == [f"{f}:1: very long line ({len(line):,} characters, no sentence end within 2,000): "
                           f"cut into {ll.pieces:,} pieces at clause punctuation or spaces; "
                           f"{ll.dropped:,} with no Arabic letter (inline data, scripts) are not paired"]
    assert ll.pieces >= pieces and ll.dropped == ll.pieces - 1


def test_five_megabytes_of_prose_on_one_line_segments_completely():
    text = (SENT + ". ") * (5_000_000 // len((SENT + ". ").encode()) + 1)
    spans = sentences(text)
    assert len(spans) == text.count(". ")
    assert long_lines(text) == []  # every sentence ends well within the limit
