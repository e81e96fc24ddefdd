"""The review UI, driven for real: `python app.py --db …` in a subprocess, headless Chromium.

The store is built from the shipped corpus's gold annotations (``align.review_demo``), so
no model runs; one extra article is full of markup to prove that corpus text stays text.
Screenshots land in the test's tmp dir and, for people to look at, in /tmp/muqabala-shots/.

Needs Debian's `chromium` (/usr/bin/chromium) and the `playwright` Python package; the
browser is never downloaded (no `playwright install`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from align.review_demo import build_gold_store
from align.review_view import Filters, effective_flags, queue, step
from align.segment import tokenize
from align.store import Store
from tests.e2e.conftest import CHROMIUM, serve_app

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpora" / "putin-kim"
SHOTS_COPY = Path("/tmp/muqabala-shots")
GLOVE = "قفازًا رائدًا"
AS_YOU_CONSPIRE = "كما تتآمر ضد الولايات المتحدة الأمريكية"

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

XSS_AR = 'قال الرئيس إن <img src=x onerror="window.__xss=1;alert(1)"> «الاتفاق تاريخي» <b>حقا</b>.'
XSS_ARTICLE = ("مقدمة الخبر <script>window.__xss=2;alert(2)</script> في سطر أول.\n" + XSS_AR
               + "\nخاتمة <iframe src=javascript:alert(3)></iframe> الخبر.")
XSS_EN = 'The president said the <b>deal</b> is "historic" <script>window.__xss=3</script>'


def _add_markup_pair(store: Store) -> str:
    a0 = XSS_ARTICLE.index(XSS_AR)
    i = XSS_AR.index("«الاتفاق")
    store.put_texts({"zz-markup": (XSS_ARTICLE, {"outlet": "<i onmouseover=alert(4)>Evil</i>", "date": "2025-01-01"})},
                    {"markup-src": (XSS_EN, {"speaker": "<script>alert(5)</script>", "outlet": "X", "date": "2025-01-01"})})
    rec = {
        "pair_id": "zz-markup:markup-src:<b>x</b>", "article": "zz-markup", "source": "markup-src",
        "ar": XSS_AR, "ar_start": a0, "ar_end": a0 + len(XSS_AR), "en": XSS_EN, "en_start": 0, "en_end": len(XSS_EN),
        "pairing": 0.8, "fidelity": 55.0, "verdict": "error",
        "flags": [{"check": "markup<check>", "category": "addition", "severity": "major", "ar_start": a0 + i,
                   "ar_end": a0 + i + 8, "en_start": None, "en_end": None,
                   "message": '<img src=x onerror="window.__xss=6">', "suggestion": "</li><script>alert(7)</script>"}],
        "alignment": [], "models": {"sentence": "test", "align": "test"},
    }
    store.put_results([rec])
    return rec["pair_id"]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """(base url, db path, markup pair id) of a running `python app.py`."""
    tmp = tmp_path_factory.mktemp("review-ui")
    db = tmp / "review.sqlite"
    store = build_gold_store(CORPUS, db)
    markup = _add_markup_pair(store)
    store.close()
    with serve_app(db, tmp / "server.log") as (url, _port):
        yield url + "/", str(db), markup


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    d = tmp_path_factory.mktemp("shots")
    SHOTS_COPY.mkdir(parents=True, exist_ok=True)

    def save(page, name: str, selector: str | None = None) -> Path:
        path = d / f"{name}.png"
        if selector:
            page.locator(selector).screenshot(path=str(path))
        else:
            page.screenshot(path=str(path), full_page=True)
        shutil.copy(path, SHOTS_COPY / path.name)
        return path

    return save


class Tab:
    """One browser context (one reviewer) on the app."""

    def __init__(self, browser, url: str, pair: str | None = None):
        self.ctx = browser.new_context(viewport={"width": 1500, "height": 1100}, locale="en-US")
        self.page = self.ctx.new_page()
        self.external: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", self._request)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url + (f"?pair={quote(pair, safe='')}" if pair else ""))
        self.page.wait_for_selector("#muq-pair .muq-pair[data-pair-id]:not([data-pair-id=''])", timeout=30000)
        self.page.wait_for_selector("#muq-queue .qrow")

    def _request(self, req) -> None:
        if not req.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            self.external.append(req.url)

    @property
    def pair_id(self) -> str:
        return self.page.evaluate("document.querySelector('#muq-pair .muq-pair').dataset.pairId")

    def wait_pair(self, pid: str) -> None:
        self.wait("id => (document.querySelector('#muq-pair .muq-pair') || {dataset: {}}).dataset.pairId === id", pid)

    def wait(self, js: str, arg=None) -> None:
        self.page.wait_for_function(js, arg=arg, timeout=15000)

    def set_reviewer(self, name: str) -> None:
        box = self.page.locator("#muq-reviewer textarea, #muq-reviewer input").first
        box.fill(name)
        box.press("Escape")  # leave the field: the keys are the app's again

    def highlighted(self, mid: str) -> str:
        return self.page.evaluate(
            """mid => Array.from(document.querySelectorAll('#muq-pair .cols .ar-text .sg.hl'))
                 .filter(s => s.dataset.m.split(' ').includes(mid)).map(s => s.textContent).join('')""", mid)

    def select_arabic(self, needle: str) -> None:
        """Select ``needle`` in the pair's Arabic as a mouse drag would, and release the button."""
        found = self.page.evaluate(
            """needle => {
                 const box = document.querySelector('#muq-pair .ar-text');
                 const s = box.textContent.indexOf(needle), e = s + needle.length;
                 if (s < 0) return false;
                 const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
                 let pos = 0, n, sn, so, en, eo;
                 while ((n = walker.nextNode())) {
                   const len = n.textContent.length;
                   if (sn === undefined && s < pos + len) { sn = n; so = s - pos; }
                   if (en === undefined && e <= pos + len) { en = n; eo = e - pos; }
                   pos += len;
                 }
                 const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo);
                 const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
                 box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                 return true;
               }""", needle)
        assert found, needle
        self.wait("t => document.querySelector('#muq-sel textarea, #muq-sel input').value === t", needle)

    def textbox(self, elem_id: str) -> str:
        return self.page.locator(f"#{elem_id} textarea, #{elem_id} input").first.input_value()

    def close(self) -> None:
        assert not self.dialogs, f"a dialog opened: {self.dialogs}"
        assert not self.errors, f"page errors: {self.errors}"
        assert not self.external, f"requests left the machine: {self.external}"
        self.ctx.close()


def _local_flag_text(rec: dict, i: int) -> str:
    f = effective_flags(rec, {})[i]
    return rec["ar"][f["ar_start"]:f["ar_end"]]


def _records(db: str) -> tuple[list[str], dict[str, dict]]:
    st = Store(db)
    try:
        rows, _ = queue(st, Filters())
        return [r.pair_id for r in rows], {r["pair_id"]: r for r in st.records()}
    finally:
        st.close()


def _by_source(recs: dict[str, dict], source: str) -> dict:
    return next(r for r in recs.values() if r["source"] == source)


def test_review_is_saved_and_survives_reload_with_two_reviewers_at_once(app, browser, shots):
    url, db, markup = app
    order, recs = _records(db)
    risky = recs[order[0]]
    glove = _by_source(recs, "telegraph-s08")
    a = Tab(browser, url)
    # the queue: every pair, riskiest (lowest fidelity) first, with progress
    assert a.page.eval_on_selector_all("#muq-queue .qrow", "els => els.map(e => e.dataset.open)") == order
    done0 = int(a.page.get_attribute("#muq-progress .muq-progress", "data-done"))
    assert a.page.get_attribute("#muq-progress .muq-progress", "data-total") == str(len(order))
    # open the riskiest pair from the queue
    assert risky["pair_id"] != markup
    a.page.click(f'#muq-queue .qrow[data-open="{risky["pair_id"]}"]')
    a.wait_pair(risky["pair_id"])
    assert a.highlighted("f0") == _local_flag_text(risky, 0)
    a.set_reviewer("alice")

    b = Tab(browser, url, glove["pair_id"])
    b.wait_pair(glove["pair_id"])
    b.set_reviewer("bob")
    # both reviewers decide at the same moment
    a.page.click("#muq-pair li.flag >> nth=0 >> button[data-flag-act=confirmed]")
    b.page.click("#muq-pair li.flag >> nth=1 >> button[data-flag-act=rejected]")
    a.page.wait_for_selector("#muq-pair li.flag.fs-confirmed")
    b.page.wait_for_selector("#muq-pair li.flag.fs-rejected")

    # alice adds an error the tool missed: a word outside every flag
    spans = [(f["ar_start"], f["ar_end"]) for f in effective_flags(risky, {})]
    word = next(t.text for t in tokenize(risky["ar"], lang="ar")
                if len(t.text) >= 3 and not any(s < t.end and t.start < e for s, e in spans))
    a.select_arabic(word)
    a.page.click("#muq-add-sev [data-testid=minor-radio-label]")
    a.page.click("#muq-add-cat input")
    a.page.click('#muq-add-cat li[role=option][aria-label="terminology"]')
    a.page.click("#muq-add")
    b.page.click("#muq-needsfix")
    a.page.wait_for_selector("#muq-pair li.added-err")
    b.page.wait_for_selector("#muq-pair .pst.st-needs-fix")
    added = a.page.inner_text("#muq-pair li.added-err")
    assert word in added and "terminology · minor" in added
    added_mid = a.page.get_attribute("#muq-pair li.added-err", "data-m")
    assert a.highlighted(added_mid) == word

    # both type at once: alice a correction, bob a note
    corrected = risky["ar"].replace(word, word + "ـ", 1) + " (مصحح)"
    a.page.locator("#muq-corrected textarea").fill(corrected)
    b.page.locator("#muq-note textarea").fill("bob: the glove is a cosmonaut's")
    a.page.click("#muq-save")
    b.page.click("#muq-save")
    for tab in (a, b):  # (the boxes' blur saves first; Save then finds it saved)
        tab.wait("() => /saved/i.test(document.querySelector('#muq-status').innerText)")
    shots(a.page, "pair-view-riskiest", "#muq-pair")
    shots(a.page, "page-riskiest")

    # reload: everything is still there, the same pair is reopened, the reviewer remembered
    a.page.reload()
    a.wait_pair(risky["pair_id"])
    a.page.wait_for_selector("#muq-pair li.flag.fs-confirmed")
    assert "alice" in a.page.inner_text("#muq-pair li.flag.fs-confirmed")
    assert word in a.page.inner_text("#muq-pair li.added-err")
    assert a.textbox("muq-corrected") == corrected
    assert corrected in a.page.inner_text("#muq-extra .corr")
    assert a.textbox("muq-reviewer") == "alice"
    b.page.reload()
    b.wait_pair(glove["pair_id"])
    assert b.page.locator("#muq-pair li.flag.fs-rejected").count() == 1
    assert b.page.locator("#muq-pair .pst.st-needs-fix").count() == 1
    assert b.textbox("muq-note") == "bob: the glove is a cosmonaut's"
    done1 = int(b.page.get_attribute("#muq-progress .muq-progress", "data-done"))
    assert done1 == done0 + 1  # bob's needs-fix; alice only decided flags

    st = Store(db)
    assert {r["reviewer"] for r in st.audit_rows(risky["pair_id"])} == {"alice"}
    assert {r["reviewer"] for r in st.audit_rows(glove["pair_id"])} == {"bob"}
    assert [r["action"] for r in st.audit_rows(risky["pair_id"])] == ["flag", "add-error", "pair"]
    assert st.pair_review(risky["pair_id"])["corrected_ar"] == corrected
    st.close()
    a.close()
    b.close()


def test_arabic_is_rtl_with_highlights_on_the_right_words(app, browser, shots):
    url, db, _ = app
    _, recs = _records(db)
    for name, source, span, hover_ar, hover_en in (
        ("003-glove-caption", "telegraph-s08", GLOVE, "قفازًا", "glove"),
        ("004-trump-post", "ap-trump-post", AS_YOU_CONSPIRE, "ترامب", "Trump"),
    ):
        rec = _by_source(recs, source)
        t = Tab(browser, url, rec["pair_id"])
        p = t.page
        style = p.evaluate("""() => { const s = getComputedStyle(document.querySelector('#muq-pair .ar-text'));
                                       return [s.direction, s.textAlign, s.fontFamily]; }""")
        assert style[0] == "rtl" and style[1] in ("right", "start") and "Naskh" in style[2]
        assert p.evaluate("getComputedStyle(document.querySelector('#muq-pair .en-text')).direction") == "ltr"
        # English on the left, Arabic on the right
        en_box, ar_box = p.locator("#muq-pair section.en").bounding_box(), p.locator("#muq-pair section.ar").bounding_box()
        assert en_box["x"] + en_box["width"] <= ar_box["x"] + 1
        # words run right to left: the first word sits to the right of the second
        w0, w1 = (p.locator(f'#muq-pair .ar-text [data-tok="a{i}"]').first.bounding_box() for i in (0, 1))
        assert w0["x"] > w1["x"]
        # the flagged words, and only they, carry the flag's highlight
        mid = next(f"f{f['idx']}" for f in effective_flags(rec, {}) if rec["ar"][f["ar_start"]:f["ar_end"]] == span)
        assert t.highlighted(mid) == span
        # and the highlight is drawn where those words are drawn
        boxes = p.evaluate("""mid => Array.from(document.querySelectorAll('#muq-pair .ar-text .sg.hl'))
                 .filter(s => s.dataset.m.split(' ').includes(mid)).map(s => {
                   const r = s.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; })""", mid)
        text_box = p.evaluate("""needle => { const box = document.querySelector('#muq-pair .ar-text');
                 const i = box.textContent.indexOf(needle); const w = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
                 let pos = 0, n, r = document.createRange(), s = null;
                 while ((n = w.nextNode())) { const l = n.textContent.length;
                   if (s === null && i < pos + l) { r.setStart(n, i - pos); s = 1; }
                   if (s !== null && i + needle.length <= pos + l) { r.setEnd(n, i + needle.length - pos); break; }
                   pos += l; }
                 const b = r.getBoundingClientRect(); return [b.left, b.right, b.top, b.bottom]; }""", span)
        assert min(b[0] for b in boxes) >= text_box[0] - 1 and max(b[1] for b in boxes) <= text_box[1] + 1
        assert min(b[2] for b in boxes) >= text_box[2] - 1 and max(b[3] for b in boxes) <= text_box[3] + 1
        # hovering an Arabic word lights the English word it is aligned to
        p.locator("#muq-pair .ar-text .sg.al", has_text=hover_ar).first.hover()
        lit = p.eval_on_selector_all("#muq-pair .en-text .sg.lit", "els => els.map(e => e.textContent)")
        assert hover_en in lit
        # hovering the highlight shows the message and the suggestion
        p.locator(f'#muq-pair .ar-text .sg.hl[data-m~="{mid}"]').first.hover()
        tip = p.inner_text(".muq-tip")
        flag = next(f for f in rec["flags"] if f"f{rec['flags'].index(f)}" == mid)
        assert flag["message"][:30] in tip and flag["suggestion"] in tip
        shots(p, f"{name}-hover", "#muq-pair")
        p.mouse.move(5, 5)
        shots(p, name, "#muq-pair")
        if source == "ap-trump-post":
            other = _by_source(recs, "trump-post")  # article 001's rendering of the same quote
            li = p.locator(f'#muq-extra .others li[data-other="{other["pair_id"]}"]')
            assert "بينما تتآمرون" in li.inner_text()
            p.click("#muq-extra details.ctx summary")
            assert rec["ar"] in p.inner_text("#muq-extra details.ctx .ctxt")
            shots(p, "004-trump-post-context", "#muq-extra")
            li.locator("button.open").click()  # open the other article's rendering
            t.wait_pair(other["pair_id"])
        t.close()


def test_corpus_markup_shows_as_text(app, browser, shots):
    url, _, markup = app
    t = Tab(browser, url, markup)
    p = t.page
    t.wait_pair(markup)
    p.click("#muq-extra details.ctx summary")
    assert p.evaluate("window.__xss") is None
    assert p.evaluate("document.querySelectorAll('#muq-pair img, #muq-pair iframe, #muq-queue img, #muq-pair b i').length") == 0
    assert '<img src=x onerror="window.__xss=1;alert(1)">' in p.inner_text("#muq-pair .ar-text")
    assert "<script>window.__xss=2;alert(2)</script>" in p.inner_text("#muq-extra details.ctx")
    assert "<script>window.__xss=3</script>" in p.inner_text("#muq-pair .en-text")
    assert '<img src=x onerror="window.__xss=6">' in p.inner_text("#muq-pair li.flag")
    assert "<script>alert(5)</script>" in p.inner_text("#muq-pair section.en .meta")
    assert "<b>x</b>" in p.inner_text("#muq-pair .ph")
    assert '<img src=x onerror="window.__xss=1;alert(1)">' in p.inner_text(f'#muq-queue .qrow[data-open="{markup}"]')
    shots(p, "markup-escaped", "#muq-pair")
    shots(p, "markup-escaped-context", "#muq-extra")
    t.close()  # no dialog opened, no page error


def test_queue_filters_and_search(app, browser):
    url, db, _ = app
    t = Tab(browser, url)
    p = t.page
    rows = "els => els.map(e => e.dataset.open)"
    p.click("#muq-f-article input")
    p.click('#muq-f-article li[role=option][aria-label^="003"]')
    t.wait("() => Array.from(document.querySelectorAll('#muq-queue .qrow')).every(e => e.dataset.open.startsWith('003:'))")
    assert len(p.eval_on_selector_all("#muq-queue .qrow", rows)) == 21
    p.click("#muq-f-category input")
    p.click('#muq-f-category li[role=option][aria-label="grammar"]')
    t.wait("() => document.querySelectorAll('#muq-queue .qrow').length < 21")
    st = Store(db)
    expected = [r.pair_id for r in queue(st, Filters(article="003", category="grammar"))[0]]
    assert p.eval_on_selector_all("#muq-queue .qrow", rows) == expected and expected
    # search (normalised Arabic) within the filters, then without them
    p.locator("#muq-f-search textarea, #muq-f-search input").first.fill("قفازا")
    t.wait("() => document.querySelectorAll('#muq-queue .qrow').length === 0")
    p.click("#muq-f-category input")
    p.click('#muq-f-category li[role=option][aria-label="Any category"]')
    t.wait("() => document.querySelectorAll('#muq-queue .qrow').length > 0")
    expected = [r.pair_id for r in queue(st, Filters(article="003", search="قفازا"))[0]]
    assert p.eval_on_selector_all("#muq-queue .qrow", rows) == expected
    assert any(recs_src == "telegraph-s08" for recs_src in (pid.split(":")[1] for pid in expected))
    # review status: what was decided in the other tests is found under "Reviewed"
    p.locator("#muq-f-search textarea, #muq-f-search input").first.fill("")
    p.click("#muq-f-status input")
    p.click('#muq-f-status li[role=option][aria-label="Unreviewed"]')
    expected = [r.pair_id for r in queue(st, Filters(article="003", status="unreviewed"))[0]]
    t.wait("n => document.querySelectorAll('#muq-queue .qrow').length === n", len(expected))
    assert p.eval_on_selector_all("#muq-queue .qrow", rows) == expected
    st.close()
    t.close()


def test_keyboard_only_review_of_three_pairs(app, browser, shots):
    url, db, markup = app
    order, recs = _records(db)
    used = {markup, _by_source(recs, "telegraph-s08")["pair_id"], _by_source(recs, "ap-trump-post")["pair_id"],
            order[0]}
    # three neighbours in the queue, none touched by the other tests, the middle one with two flags
    k = next(i for i in range(1, len(order) - 3)
             if not used & set(order[i:i + 4]) and len(recs[order[i + 1]]["flags"]) >= 2)
    p1, p2, p3, p4 = order[k:k + 4]
    t = Tab(browser, url, p1)
    p = t.page
    t.wait_pair(p1)
    t.set_reviewer("carol")
    done0 = int(p.get_attribute("#muq-progress .muq-progress", "data-done"))
    kb = p.keyboard
    kb.press("?")
    assert p.evaluate("document.getElementById('muq-help').open")
    shots(p, "keyboard-help", "#muq-help")
    kb.press("?")
    assert not p.evaluate("document.getElementById('muq-help').open")

    kb.press("a")  # accept → next
    t.wait_pair(p2)
    kb.press("ArrowDown")  # second flag
    t.wait("() => document.querySelectorAll('#muq-pair li.flag')[1].classList.contains('cur')")
    kb.press("c")
    t.wait("() => document.querySelectorAll('#muq-pair li.flag')[1].classList.contains('fs-confirmed')")
    kb.press("3")
    t.wait("() => document.querySelectorAll('#muq-pair li.flag')[1].querySelector('.chip').innerText.includes('critical')")
    kb.press("ArrowUp")
    kb.press("r")
    t.wait("() => document.querySelectorAll('#muq-pair li.flag')[0].classList.contains('fs-rejected')")
    kb.press("f")
    p.wait_for_selector("#muq-pair .pst.st-needs-fix")
    kb.press("t")
    assert p.evaluate("document.activeElement === document.querySelector('#muq-corrected textarea')")
    kb.press("Control+a")
    kb.type("ترجمة مصححة بلوحة المفاتيح")
    kb.press("Escape")  # leaves the box, which saves it
    t.wait("() => document.querySelector('#muq-status').innerText.includes('Saved the correction')")
    kb.press("o")
    kb.type("typed without a mouse")
    kb.press("Control+Enter")
    t.wait("() => /note.*saved|saved the note/i.test(document.querySelector('#muq-status').innerText)")
    shots(p, "keyboard-pair2", "#muq-pair")
    kb.press("n")
    t.wait_pair(p3)
    kb.press("w")  # wrong pairing → next
    t.wait_pair(p4)
    kb.press("p")
    t.wait_pair(p3)
    p.wait_for_selector("#muq-pair .pst.st-wrong-pairing")
    assert int(p.get_attribute("#muq-progress .muq-progress", "data-done")) == done0 + 3
    assert p.locator(f'#muq-queue .qrow.st-accepted[data-open="{p1}"]').count() == 1

    st = Store(db)
    assert st.pair_review(p1)["status"] == "accepted" and st.pair_review(p1)["reviewer"] == "carol"
    r2 = st.pair_review(p2)
    assert r2["status"] == "needs-fix" and r2["corrected_ar"] == "ترجمة مصححة بلوحة المفاتيح"
    assert r2["note"] == "typed without a mouse"
    fr = {v["status"]: v for v in st.flag_reviews(p2).values()}
    assert fr["confirmed"]["severity"] == "critical" and "rejected" in fr
    assert st.pair_review(p3)["status"] == "wrong-pairing"
    assert st.pair_review(p4) is None
    assert step(st, Filters(), p3, +1) == p4
    st.close()
    t.close()


def test_auth_login_names_the_reviewer(app, browser, tmp_path):
    """A shared deployment: --auth puts a login in front, and the login names the reviewer. This
    second server works on the same store as the first one, at the same time."""
    _, db, _ = app
    with serve_app(Path(db), tmp_path / "auth.log", "--auth", "dana:s3cret", "--auth", "eli:pw") as (url, _port):
        url += "/"
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(url)
        page.fill("input[type=text]", "dana")
        page.fill("input[type=password]", "wrong")
        page.click("button:has-text('Login')")
        page.wait_for_timeout(1000)
        assert page.locator("#muq-pair").count() == 0
        page.fill("input[type=text]", "dana")  # (a failed login clears the form)
        page.fill("input[type=password]", "s3cret")
        page.click("button:has-text('Login')")
        page.wait_for_selector("#muq-pair .muq-pair[data-pair-id]:not([data-pair-id=''])", timeout=30000)
        page.wait_for_function("() => document.querySelector('#muq-reviewer textarea, #muq-reviewer input').value === 'dana'")
        ctx.close()
