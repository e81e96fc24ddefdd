"""The review UI without a browser: the queue, the HTML of a pair, and every decision handler."""

from __future__ import annotations

import html
import re
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest

from align.review_demo import build_gold_store, gold_records
from align.review_ui import ReviewController, _parse_auth, ensure_store, make_parser
from align.review_view import Filters, _segments, corpus_of, queue, render_pair, render_queue, step
from align.store import Store, flag_key

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "putin-kim"
GLOVE = "قفازًا رائدًا"
XSS_ARTICLE = ("مقدمة الخبر.\n<script>alert(1)</script> قال الرئيس إن <img src=x onerror=alert(2)> «الاتفاق تاريخي» "
               "& {{value}} ${value}.\nخاتمة.")


def _xss(store: Store) -> str:
    """An article and a source full of markup, and a pair with a flag whose message is markup."""
    ar = "قال الرئيس إن <img src=x onerror=alert(2)> «الاتفاق تاريخي» & {{value}} ${value}."
    a0 = XSS_ARTICLE.index(ar)
    en = 'The president said the <b>deal</b> is "historic" <script>alert(3)</script>'
    store.put_texts({"xss": (XSS_ARTICLE, {"outlet": "<i>Evil</i> Times", "date": "2025-01-01"})},
                    {"xss-src": (en, {"speaker": "<script>alert(4)</script>", "outlet": "X", "date": "2025-01-01"})})
    i = ar.index("«الاتفاق")
    rec = {
        "pair_id": "xss:xss-src:<b>1</b>", "article": "xss", "source": "xss-src",
        "ar": ar, "ar_start": a0, "ar_end": a0 + len(ar), "en": en, "en_start": 0, "en_end": len(en),
        "pairing": 0.8, "fidelity": 1.0, "verdict": "error",
        "flags": [{"check": "x<y>", "category": "addition", "severity": "major", "ar_start": a0 + i, "ar_end": a0 + i + 8,
                   "en_start": 4, "en_end": 13, "message": "<img src=x onerror=alert(5)>", "suggestion": "</div><script>"}],
        "alignment": [[a0, a0 + 3, 4, 13, 0.9]], "models": {"sentence": "t", "align": "t"},
    }
    store.put_results([rec])
    return rec["pair_id"]


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = tmp_path / "review.sqlite"
    build_gold_store(CORPUS, path).close()
    return str(path)


@pytest.fixture()
def ctl(db: str) -> ReviewController:
    return ReviewController(db)


def _pair(db: str, source: str, article: str | None = None) -> dict:
    st = Store(db)
    try:
        return next(r for r in st.records() if r["source"] == source and (article is None or r["article"] == article))
    finally:
        st.close()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


# ---- the demo store (also the e2e tests' data) ------------------------------------------------
def test_gold_records_locate_every_pair_and_span():
    records, articles, sources = gold_records(CORPUS)
    assert len(records) == 84 and len({r["pair_id"] for r in records}) == 84
    for r in records:
        text = articles[r["article"]][0]
        assert text[r["ar_start"]:r["ar_end"]] == r["ar"]
        assert sources[r["source"]][0][r["en_start"]:r["en_end"]] == r["en"]
        for f in r["flags"]:
            assert r["ar_start"] <= f["ar_start"] < f["ar_end"] <= r["ar_end"]
        for a0, a1, e0, e1, _ in r["alignment"]:
            assert r["ar_start"] <= a0 < a1 <= r["ar_end"] and r["en_start"] <= e0 < e1 <= r["en_end"]
    glove = next(r for r in records if r["source"] == "telegraph-s08")
    f0 = glove["flags"][0]
    assert articles["003"][0][f0["ar_start"]:f0["ar_end"]] == GLOVE
    assert glove["verdict"] == "error"


# ---- queue ------------------------------------------------------------------------------------
def test_queue_is_riskiest_first_and_filters(db: str):
    st = Store(db)
    rows, total = queue(st, Filters())
    assert total == 84 and len(rows) == 84
    assert [r.fidelity for r in rows] == sorted(r.fidelity for r in rows)
    assert all(r.article == "003" for r in queue(st, Filters(article="003"))[0])
    assert {r.verdict for r in queue(st, Filters(verdict="ok"))[0]} == {"ok"}
    ne = queue(st, Filters(category="named-entity"))[0]
    assert ne and all("named-entity" in r.categories for r in ne)
    # search is normalised: alef/hamza and ta marbuta variants match, English is case-blind
    assert any(r.source == "telegraph-s08" for r in queue(st, Filters(search="قفازا رائدا"))[0])
    assert any(r.source == "trump-post" for r in queue(st, Filters(search="WARMEST REGARDS"))[0])
    assert queue(st, Filters(search="no such words anywhere"))[0] == []


def test_status_filter_and_step_past_a_reviewed_pair(db: str):
    st = Store(db)
    rows, _ = queue(st, Filters())
    first, second, third = (r.pair_id for r in rows[:3])
    st.review_pair(first, "amal", status="accepted")
    unrev = Filters(status="unreviewed")
    assert first not in [r.pair_id for r in queue(st, unrev)[0]]
    assert [r.pair_id for r in queue(st, Filters(status="accepted"))[0]] == [first]
    # the reviewed pair is out of the "unreviewed" view, but next still follows the risk order
    assert step(st, unrev, first, +1) == second
    assert step(st, Filters(), second, +1) == third
    assert step(st, Filters(), second, -1) == first
    assert step(st, Filters(), rows[-1].pair_id, +1) is None
    # a rejected flag no longer puts its pair under that category; an added error does
    glove = _pair(db, "telegraph-s08")
    for f in glove["flags"]:
        st.review_flag(glove["pair_id"], flag_key(f), "amal", status="rejected")
    assert glove["pair_id"] not in [r.pair_id for r in queue(st, Filters(category="mistranslation"))[0]]
    st.add_error(glove["pair_id"], "amal", glove["ar_start"], glove["ar_start"] + 4, "terminology", "minor")
    assert glove["pair_id"] in [r.pair_id for r in queue(st, Filters(category="terminology"))[0]]


# ---- rendering --------------------------------------------------------------------------------
def test_segments_cut_at_tokens_and_marks():
    from align.review_view import _Mark

    text = "ab cd ef"
    marks = [_Mark(1, 4, "f0", "grammar", "minor", None, "t")]
    segs = _segments(text, [(0, 2), (3, 5), (6, 8)], marks)
    assert "".join(text[a:b] for a, b, _, _ in segs) == text
    assert [(text[a:b], tok, [m.mid for m in ms]) for a, b, tok, ms in segs] == [
        ("a", 0, []), ("b", 0, ["f0"]), (" ", None, ["f0"]), ("c", 1, ["f0"]), ("d", 1, []), (" ", None, []), ("ef", 2, []),
    ]


def test_pair_html_highlights_the_flagged_words(db: str):
    st = Store(db)
    glove = _pair(db, "telegraph-s08")
    page = render_pair(st, glove["pair_id"])
    ar_box = re.search(r'<div class="txt ar-text[^>]*>(.*?)</div>', page, re.S).group(1)
    pieces = re.findall(r'<span class="sg[^"]*hl[^"]*"[^>]*data-m="([^"]*)"[^>]*>([^<]*)</span>', ar_box)
    f0 = "".join(t for m, t in pieces if "f0" in m.split())
    assert f0 == GLOVE
    assert 'dir="rtl"' in page and 'lang="ar"' in page
    # alignment: the glove word links to "glove" on the English side
    m = re.search(r'data-tok="(a\d+)" data-links="([^"]*)"[^>]*>قفازًا<', ar_box)
    assert m, "the Arabic glove word carries its links"
    en_box = re.search(r'<div class="txt en-text[^>]*>(.*?)</div>', page, re.S).group(1)
    linked = [re.search(rf'data-tok="{e}"[^>]*>([^<]*)<', en_box).group(1) for e in m.group(2).split()]
    assert linked == ["glove"]
    # speaker / outlet / date of the source, and the article's metadata
    assert "The Telegraph" in page and "2023-09-14" in page


def test_trump_post_shows_the_other_articles_rendering(db: str):
    st = Store(db)
    ap = _pair(db, "ap-trump-post")
    page = render_pair(st, ap["pair_id"])
    other = _pair(db, "trump-post")
    assert f'data-other="{other["pair_id"]}"' in page
    assert "بينما تتآمرون" in page  # 001's rendering shown next to 004's «كما تتآمر»
    assert "Donald Trump" in page
    ctx = re.search(r'<details class="ctx">(.*?)</details>', page, re.S).group(1)
    assert '<mark class="here">' in ctx


def test_corpus_markup_is_escaped_everywhere(db: str):
    st = Store(db)
    pid = _xss(st)
    page = render_pair(st, pid)
    rows, total = queue(st, Filters())
    qhtml = render_queue(rows, total, pid)
    for html_text in (page, qhtml):
        parser = _Tags()
        parser.feed(html_text)
        assert "script" not in parser.tags and "img" not in parser.tags
        assert not any(name.startswith("on") for name, _ in parser.attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # in the neighbouring sentences
    assert "&lt;img src=x onerror=alert(5)&gt;" in page  # a flag message
    assert "&lt;i&gt;Evil&lt;/i&gt; Times" in page
    # each side's text, tags stripped and entities decoded, is exactly the corpus text
    rec = Store(db).record(pid)
    for side, text in (("en", rec["en"]), ("ar", rec["ar"])):
        box = re.search(rf'<div class="txt {side}-text[^>]*>(.*?)</div>', page, re.S).group(1)
        assert html.unescape(re.sub(r"<[^>]+>", "", box)) == text
    assert "{{value}} ${value}" in page  # no template syntax is interpreted server-side


# ---- decisions --------------------------------------------------------------------------------
def test_flag_decisions_and_review_are_committed_with_audit(ctl: ReviewController, db: str):
    glove = _pair(db, "telegraph-s08")
    pid, key = glove["pair_id"], flag_key(glove["flags"][0])
    out = ctl.open(pid, Filters())
    assert out["corrected"] == glove["ar"] and out["loaded"]["pair_id"] == pid
    out = ctl.flag({"pair_id": pid, "key": key, "field": "status", "value": "confirmed"}, pid, "amal", Filters())
    assert "fs-confirmed" in out["pair_html"]
    ctl.flag({"pair_id": pid, "key": key, "field": "severity", "value": "critical"}, pid, "amal", Filters())
    bad = ctl.flag({"pair_id": pid, "key": key, "field": "status", "value": "<script>"}, pid, "amal", Filters())
    assert "invalid" in bad["status_html"]
    sel = ctl.select_span({"pair_id": pid, "start": 5, "end": 14}, pid)
    assert sel["sel_text"] == glove["ar"][5:14]
    out = ctl.add_error(pid, sel["sel"], "named-entity", "minor", "name", "amal", Filters())
    assert "added-err" in out["pair_html"] and out["sel"] is None
    out = ctl.set_status("needs-fix", pid, "amal", Filters())
    assert out["pair_id"] == pid and "st-needs-fix" in out["pair_html"]

    st = Store(db)
    assert st.flag_reviews(pid)[key]["status"] == "confirmed" and st.flag_reviews(pid)[key]["severity"] == "critical"
    err = st.added_errors(pid)[0]
    assert (err["ar_start"] - glove["ar_start"], err["ar_end"] - glove["ar_start"]) == (5, 14)  # article frame
    assert st.pair_review(pid)["status"] == "needs-fix"
    assert [a["action"] for a in st.audit_rows(pid)] == ["flag", "flag", "add-error", "pair"]
    # another connection sees it at once: committed, not pending in a transaction
    raw = sqlite3.connect(db)
    assert raw.execute("SELECT status FROM pair_reviews WHERE pair_id=?", (pid,)).fetchone()[0] == "needs-fix"
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_accept_advances_and_needs_fix_stays(ctl: ReviewController, db: str):
    rows, _ = queue(Store(db), Filters())
    a, b = rows[0].pair_id, rows[1].pair_id
    out = ctl.set_status("accepted", a, "amal", Filters(), advance=True)
    assert out["pair_id"] == b and "corrected" in out  # the next pair's text boxes are loaded
    out = ctl.set_status("needs-fix", b, "amal", Filters(), advance=False)
    assert out["pair_id"] == b and "corrected" not in out  # the boxes the reviewer may be typing in are left alone
    out = ctl.nav(-1, b, Filters())
    assert out["pair_id"] == a


def test_save_text_writes_only_what_this_reviewer_changed(ctl: ReviewController, db: str):
    glove = _pair(db, "telegraph-s08")
    pid = glove["pair_id"]
    mine = ctl.open(pid, Filters())  # alice loads the pair
    other = ReviewController(db)
    theirs = other.open(pid, Filters())  # bob loads it too
    fixed = glove["ar"].replace(GLOVE, "قفاز رائد فضاء")
    other.save_text(pid, "bob", fixed, "", theirs["loaded"], Filters(), explicit=True)
    # alice only edits the note: bob's correction survives her save (and her blur)
    out = ctl.save_text(pid, "alice", mine["corrected"], "checked the caption", mine["loaded"], Filters())
    st = Store(db)
    assert st.pair_review(pid)["corrected_ar"] == fixed and st.pair_review(pid)["note"] == "checked the caption"
    # blur then Save with nothing new: one write only
    again = ctl.save_text(pid, "alice", mine["corrected"], "checked the caption", out["loaded"], Filters(), explicit=True)
    assert "are saved" in again["status_html"]
    assert [a["reviewer"] for a in st.audit_rows(pid)] == ["bob", "alice"]


def test_load_opens_the_requested_pair_and_the_reviewer(ctl: ReviewController, db: str):
    glove = _pair(db, "telegraph-s08")
    out = ctl.load(Filters(), glove["pair_id"], saved_name="", username="alice")
    assert out["pair_id"] == glove["pair_id"] and out["reviewer"] == "alice"
    assert [c[1] for c in out["choices"]["article"]] == ["", "000", "001", "002", "003", "004"]
    first = queue(Store(db), Filters())[0][0].pair_id
    assert ctl.load(Filters(), "nope", saved_name="badr")["pair_id"] == first
    assert ctl.load(Filters(), None, saved_name="badr")["reviewer"] == "badr"


def test_rescoring_refreshes_the_queue_and_keeps_decisions(db: str):
    st = Store(db)
    before = corpus_of(st)
    rec = before.records[0]  # the riskiest
    st.review_flag(rec["pair_id"], flag_key(rec["flags"][0]), "amal", status="confirmed")
    st.review_pair(rec["pair_id"], "amal", status="needs-fix", corrected_ar="نص مصحح")
    st.put_results([dict(rec, fidelity=99.0)])  # scored again: same pair id
    after = corpus_of(st)
    assert after is not before and after.by_id[rec["pair_id"]]["fidelity"] == 99.0
    page = render_pair(st, rec["pair_id"])
    assert "fs-confirmed" in page and "st-needs-fix" in page and "نص مصحح" in page
    rows = queue(st, Filters())[0]
    assert rows[0].pair_id != rec["pair_id"]  # no longer the riskiest
    assert next(r.fidelity for r in rows if r.pair_id == rec["pair_id"]) == 99.0


# ---- command line -----------------------------------------------------------------------------
def test_cli_options_and_auth():
    args = make_parser().parse_args(["--db", "x.sqlite", "--host", "0.0.0.0", "--port", "9000",
                                     "--auth", "alice:pw:with:colons", "--auth", "bob:pw"])
    assert (args.db, args.host, args.port) == ("x.sqlite", "0.0.0.0", 9000)
    assert _parse_auth(args.auth) == [("alice", "pw:with:colons"), ("bob", "pw")]
    with pytest.raises(Exception, match="user:password"):
        _parse_auth(["nopassword"])
    assert make_parser().parse_args([]).host == "127.0.0.1"


def test_ensure_store_fills_an_empty_store_from_gold_with_demo(tmp_path: Path):
    db = str(tmp_path / "r.sqlite")
    assert ensure_store(db, CORPUS, demo=True) == 84
    assert ensure_store(db, CORPUS, demo=True) == 84  # already there: nothing to do
    with pytest.raises(SystemExit, match="does not exist"):
        ensure_store(str(tmp_path / "missing.sqlite"), None)
    assert not (tmp_path / "missing.sqlite").exists()  # a mistyped --db leaves no empty store behind


def test_pairs_mode_records_render_in_their_own_frame(tmp_path: Path):
    st = Store(tmp_path / "pairs.sqlite")
    ar, en = "قال الرئيس إن الاتفاق تاريخي.", "The president said the deal is historic."
    st.put_results([{
        "pair_id": "row-7", "article": None, "source": None, "ar": ar, "ar_start": 0, "ar_end": len(ar),
        "en": en, "en_start": 0, "en_end": len(en), "pairing": 1.0, "fidelity": 70.0, "verdict": "review",
        "flags": [{"check": "t", "category": "terminology", "severity": "minor", "ar_start": 14, "ar_end": 21,
                   "en_start": 23, "en_end": 27, "message": "m", "suggestion": None}],
        "alignment": [[4, 10, 4, 13, 0.9]], "models": {},
    }])
    page = render_pair(st, "row-7")
    ar_box = re.search(r'<div class="txt ar-text[^>]*>(.*?)</div>', page, re.S).group(1)
    en_box = re.search(r'<div class="txt en-text[^>]*>(.*?)</div>', page, re.S).group(1)
    assert "".join(re.findall(r'data-m="f0"[^>]*>([^<]*)<', ar_box)) == ar[14:21] == "الاتفاق"
    assert "".join(re.findall(r'data-m="f0"[^>]*>([^<]*)<', en_box)) == "deal"
    assert "ctx" not in page  # no article: no neighbouring sentences
    out = ReviewController(st.path).add_error("row-7", {"pair_id": "row-7", "start": 4, "end": 10}, "grammar", "minor",
                                              None, "amal", Filters())
    assert "added-err" in out["pair_html"] and st.added_errors("row-7")[0]["ar_start"] == 4


def test_main_prepares_the_store_and_launches(tmp_path: Path, monkeypatch, capsys):
    import align.review_ui as ui

    calls = []
    monkeypatch.setattr(ui, "launch", lambda db, **kw: calls.append((db, kw)))
    monkeypatch.setattr(ui.tempfile, "gettempdir", lambda: str(tmp_path))
    assert ui.main(["--demo", "--host", "0.0.0.0", "--port", "9999", "--auth", "dana:pw", "--reviewer", "dana"]) == 0
    db, kw = calls[0]
    assert db == str(tmp_path / "muqabala-demo" / "review.sqlite") and len(Store(db).records()) == 84
    assert kw == {"host": "0.0.0.0", "port": 9999, "auth": [("dana", "pw")], "reviewer": "dana"}
    with pytest.raises(SystemExit):
        ui.main(["--db", str(tmp_path / "nothing.sqlite")])  # an explicit --db is never scored into silently
    assert ui.main(["--auth", "broken"]) == 2
    err = capsys.readouterr().err
    assert "without --auth" not in err and "user:password" in err
