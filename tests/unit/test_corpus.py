"""Reading corpus folders and pairs files: every problem gives `FILE:LINE: what is wrong`, the
rest is still read, and --strict stops at the first problem."""

from __future__ import annotations

import json

import pytest

from align.corpus import InputError, read_corpus

AR1 = "قال الرئيس إن الاتفاق تاريخي. وأضاف أن العلاقات قوية."
AR2 = "أهدى بوتين كيم قفازا وبندقية."


def make_corpus(root, sources: str, gold: str | None = None, articles: dict[str, bytes] | None = None,
                meta: str | None = None):
    (root / "articles").mkdir(parents=True)
    for name, data in (articles or {"001.txt": AR1.encode(), "002.txt": AR2.encode()}).items():
        (root / "articles" / name).write_bytes(data)
    (root / "sources.jsonl").write_text(sources, encoding="utf-8")
    if gold is not None:
        (root / "gold.jsonl").write_text(gold, encoding="utf-8")
    if meta is not None:
        (root / "articles.jsonl").write_text(meta, encoding="utf-8")
    return root


def j(**kw) -> str:
    return json.dumps(kw, ensure_ascii=False)


SOURCES = "\n".join([
    j(id="s1", text="The president said the deal is historic."),
    '{"id": "s2", "text": "broken',                               # 2: malformed
    j(id="s1", text="A duplicate id."),                            # 3: duplicate
    j(id="s3"),                                                    # 4: missing text
    j(id="s4", text=""),                                           # 5: empty text
    j(id="s5", text=["a list"]),                                   # 6: wrong type
    "[1, 2]",                                                      # 7: not an object
    "",                                                            # 8: blank: ignored
    j(id=6, text="An integer id is fine."),                        # 9
    "\ufeff" + j(id="s7", text="A BOM from concatenated files."),  # 10
]) + "\n"


def test_sources_problems_are_reported_by_line_and_the_rest_is_read(tmp_path):
    c = make_corpus(tmp_path / "c", SOURCES)
    corpus = read_corpus(c)
    src = c / "sources.jsonl"
    assert corpus.problems.messages == [
        f"{src}:2: malformed JSON (Unterminated string starting at column 22); skipped",
        f"{src}:3: duplicate source id 's1'; the first is kept",
        f"{src}:4: missing field 'text'; skipped",
        f"{src}:5: empty field 'text'; skipped",
        f"{src}:6: field 'text' must be a string, not a list; skipped",
        f"{src}:7: expected a JSON object, not a list; skipped",
    ]
    assert list(corpus.sources) == ["s1", "6", "s7"]
    assert corpus.sources["s1"].text == "The president said the deal is historic."
    assert set(corpus.articles) == {"001", "002"}


def test_strict_stops_at_the_first_problem(tmp_path):
    c = make_corpus(tmp_path / "c", SOURCES)
    with pytest.raises(InputError) as e:
        read_corpus(c, strict=True)
    assert str(e.value) == f"{c / 'sources.jsonl'}:2: malformed JSON (Unterminated string starting at column 22)"


GOLD = "\n".join([
    j(article="001", source="s1", ar="قال الرئيس إن الاتفاق تاريخي.", label="ok"),
    j(article="001", source="nope", ar="قال", label="ok"),
    j(article="999", source="s1", ar="قال", label="ok"),
    j(article="001", source="s1", label="ok"),
    "{not json}",
])


def test_gold_with_unknown_ids_and_missing_fields(tmp_path):
    c = make_corpus(tmp_path / "c", j(id="s1", text="The president said the deal is historic.") + "\n", GOLD)
    corpus = read_corpus(c)
    g = c / "gold.jsonl"
    assert corpus.problems.messages == [
        f"{g}:2: unknown source id 'nope'; skipped",
        f"{g}:3: unknown article id '999'; skipped",
        f"{g}:4: missing field 'ar'; skipped",
        f"{g}:5: malformed JSON (Expecting property name enclosed in double quotes at column 2); skipped",
    ]
    assert [x["_line"] for x in corpus.gold] == [1]


def test_article_files_duplicates_unknown_types_metadata_and_bad_files(tmp_path):
    articles = {
        "001.txt": AR1.encode(),
        "001.html": f"<p>{AR1}</p>".encode(),    # same id as 001.txt
        "002.md": f"# {AR2}".encode(),
        "003.txt": b"",                           # empty
        "004.txt": b"\x00\x01\x02" * 100,         # binary
        "005.docx": b"PK\x03\x04",                # not an article file type
        ".DS_Store": b"\x00\x00",                 # hidden: ignored
        "006.htm": b"<html><body><nav>x</nav></body></html>",
    }
    meta = "\n".join([j(id="001", outlet="A"), j(id="001", outlet="B"), j(id="777", outlet="C"), j(outlet="D")])
    c = make_corpus(tmp_path / "c", j(id="s1", text="The deal is historic.") + "\n", articles=articles, meta=meta)
    corpus = read_corpus(c)
    a, m = c / "articles", c / "articles.jsonl"
    assert corpus.problems.messages == [
        f"{m}:2: duplicate article id '001' (first on line 1); skipped",
        f"{m}:4: missing field 'id'; skipped",
        f"{a / '001.txt'}: duplicate article id '001' (also {a / '001.html'}); skipped",
        f"{a / '003.txt'}: empty file; skipped",
        f"{a / '004.txt'}: binary file (NUL bytes), not text; skipped",
        f"{a / '005.docx'}: not an article file (.docx; articles are .txt, .md or .html); skipped",
        f"{a / '006.htm'}: no article text in the HTML; skipped",
        f"{m}:3: metadata for article '777', which has no file in {a}",
    ]
    assert set(corpus.articles) == {"001", "002"}
    assert corpus.articles["001"].text == AR1 and corpus.articles["001"].meta["outlet"] == "A"
    assert corpus.articles["002"].text == AR2


def test_nothing_usable_is_an_input_error(tmp_path):
    c = make_corpus(tmp_path / "c", "{bad\n", articles={"001.txt": AR1.encode()})
    with pytest.raises(InputError, match=r"sources\.jsonl: no usable source unit"):
        read_corpus(c)
    c2 = make_corpus(tmp_path / "c2", j(id="s", text="x") + "\n", articles={"001.txt": b""})
    with pytest.raises(InputError, match=r"articles: no readable article"):
        read_corpus(c2)
    with pytest.raises(InputError, match="no such file or folder"):
        read_corpus(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="not a corpus folder"):
        read_corpus(tmp_path / "empty")


# ---- pairs files ----------------------------------------------------------------------------------
def test_pairs_jsonl(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text("\n".join([
        j(id="a", ar="قال", en="said"),
        j(id="a", ar="مكرر", en="duplicate"),
        j(id="b", ar="", en="x"),
        j(id="c", en="x"),
        "not json",
        j(ar="بلا معرف", en="no id"),
    ]), encoding="utf-8")
    corpus = read_corpus(f)
    assert corpus.problems.messages == [
        f"{f}:2: duplicate id 'a' (first on line 1); skipped",
        f"{f}:3: empty field 'ar'; skipped",
        f"{f}:4: missing field 'ar'; skipped",
        f"{f}:5: malformed JSON (Expecting value at column 1); skipped",
    ]
    assert corpus.pairs == [("a", "قال", "said"), ("line6", "بلا معرف", "no id")]


def test_pairs_json_array_reports_items_by_line(tmp_path):
    f = tmp_path / "p.json"
    f.write_text('[\n  {"id": "a", "ar": "قال", "en": "said"},\n  {"id": "b", "en": "x"},\n  "text",\n'
                 '  {"id": "c", "ar": "كتب", "en": "wrote"}\n]\n', encoding="utf-8")
    corpus = read_corpus(f)
    assert corpus.problems.messages == [f"{f}:3: missing field 'ar'; skipped",
                                        f"{f}:4: expected a JSON object, not str; skipped"]
    assert [p[0] for p in corpus.pairs] == ["a", "c"]


def test_pairs_csv_with_bad_rows_and_a_huge_cell(tmp_path):
    f = tmp_path / "p.csv"
    huge = "كلمة " * 60_000  # beyond csv's default 128 KB field limit
    f.write_text("\ufeffid,ar,en\r\n"
                 '1,"قال ""الرئيس""",said\r\n'
                 '2,"bad"quote,x\r\n'
                 "3,,empty\r\n"
                 "4,a,b,c\r\n"
                 f'5,"{huge}",huge\r\n'
                 '6,"سطر\r\nثان",two lines\r\n'
                 "1,مكرر,dup\r\n", encoding="utf-8")
    corpus = read_corpus(f)
    assert corpus.problems.messages == [
        f"{f}:3: malformed CSV (',' expected after '\"'); skipped",
        f"{f}:4: empty ar or en; skipped",
        f"{f}:5: 4 columns, the header has 3; skipped",
        f"{f}:9: duplicate id '1' (first on line 2); skipped",
    ]
    assert [p[0] for p in corpus.pairs] == ["1", "5", "6"]
    assert corpus.pairs[0][1] == 'قال "الرئيس"' and corpus.pairs[2][1] == "سطر\nثان"
    assert len(corpus.pairs[1][1]) == len(huge)


def test_pairs_csv_header_problems_are_input_errors(tmp_path):
    f = tmp_path / "p.tsv"
    f.write_text("id\tarabic\ten\n1\tقال\tsaid\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"p\.tsv:1: header lacks column\(s\) ar"):
        read_corpus(f)
    g = tmp_path / "p.xlsx"
    g.write_bytes(b"PK")
    with pytest.raises(InputError, match=r"unknown pairs file type '\.xlsx'"):
        read_corpus(g)
