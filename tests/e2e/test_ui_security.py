"""The review UI under hostile input and on a shared machine.

- Markup in what *reviewers* type (a note, the corrected Arabic, an added error's note, a
  reviewer name) is shown as text: a headless Chromium proves that no script runs.
- It listens on 127.0.0.1 unless told otherwise.
- With --auth nothing is reachable without logging in: the page, the config, Gradio's API,
  queue and file routes, checked with plain HTTP requests, and every route the Gradio app
  has (from its own route table), so that a route a new Gradio adds is checked too.

The server is the real ``python app.py`` in a subprocess; the store comes from the shipped
corpus's gold annotations (no model runs).
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from align.review_demo import build_gold_store
from align.review_view import Filters, queue
from align.store import Store
from tests.e2e.conftest import serve_app

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpora" / "putin-kim"

NOTE = '<script>window.__xss="note";alert("note")</script><img src=x onerror="window.__xss=\'note\';alert(1)"> ملاحظة'
CORRECTED = 'قال الرئيس <img src=x onerror="window.__xss=\'corr\';alert(2)"> إن <script>window.__xss="corr"</script>الاتفاق'
ERR_NOTE = '<img src=x onerror="window.__xss=\'err\';alert(3)"><b>bold?</b>'
REVIEWER = '<img src=x onerror="window.__xss=\'who\'">'
TYPED_NOTE = '</textarea><svg onload="window.__xss=\'typed\';alert(4)"></svg><script>alert(5)</script>'


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """(db path, the pair carrying the reviewers' markup, texts that must never leak)."""
    tmp = tmp_path_factory.mktemp("ui-security")
    db = tmp / "review.sqlite"
    st = build_gold_store(CORPUS, db)
    rows, _ = queue(st, Filters())
    pid = next(r.pair_id for r in rows if (st.record(r.pair_id) or {}).get("flags"))
    rec = st.record(pid)
    st.review_pair(pid, REVIEWER, status="needs-fix", corrected_ar=CORRECTED, note=NOTE)
    st.add_error(pid, REVIEWER, rec["ar_start"], rec["ar_start"] + 3, "grammar", "minor", ERR_NOTE)
    from align.store import flag_key

    st.review_flag(pid, flag_key(rec["flags"][0]), REVIEWER, status="confirmed")
    secrets = {"pair ids": [r["pair_id"] for r in st.records()],
               "source ids": [s for s in {r["source"] for r in st.records()} if len(s) > 6],
               "note": ["ملاحظة"]}
    st.close()
    return db, pid, secrets


# ---- escaping, in a real browser ----------------------------------------------------------------
def _open(browser, url: str, pid: str):
    ctx = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = ctx.new_page()
    seen = {"dialogs": [], "errors": [], "requests": []}
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.goto(f"{url}/?pair={quote(pid, safe='')}")
    page.wait_for_function("id => (document.querySelector('#muq-pair .muq-pair') || {dataset: {}}).dataset.pairId === id",
                           arg=pid, timeout=30000)
    page.wait_for_selector("#muq-extra .pnote")
    return ctx, page, seen


def _assert_inert(page, seen) -> None:
    assert page.evaluate("window.__xss") is None
    injected = page.evaluate("""() => {
        const boxes = ['#muq-pair', '#muq-extra', '#muq-queue', '#muq-status', '.muq-tip'];
        const els = boxes.flatMap(b => Array.from(document.querySelectorAll(
            `${b} img, ${b} script, ${b} svg, ${b} iframe`)));
        const bold = Array.from(document.querySelectorAll('b')).filter(b => b.textContent === 'bold?');
        return els.length + bold.length; }""")
    assert injected == 0
    assert not seen["dialogs"], seen["dialogs"]
    assert not seen["errors"], seen["errors"]
    assert not [u for u in seen["requests"] if u.rstrip("/").endswith("/x")], "an <img src=x> was fetched"


def test_reviewer_text_is_shown_as_text_and_never_runs(store, browser, tmp_path):
    db, pid, _ = store
    with serve_app(db, tmp_path / "server.log") as (url, _):
        ctx, page, seen = _open(browser, url, pid)
        # what the store holds, shown literally: the saved note, the correction, the added error
        assert NOTE in page.inner_text("#muq-extra .pnote")
        assert CORRECTED in page.inner_text("#muq-extra .corr")
        added = page.inner_text("#muq-pair li.added-err")
        assert ERR_NOTE in added and REVIEWER in added
        assert REVIEWER in page.inner_text("#muq-pair .ph") and REVIEWER in page.inner_text("#muq-pair li.flag.fs-confirmed")
        # the edit boxes hold the raw text, not markup
        assert page.locator("#muq-note textarea").input_value() == NOTE
        assert page.locator("#muq-corrected textarea").input_value() == CORRECTED
        # the added error's tooltip (filled on hover) is text too
        page.locator('#muq-pair .ar-text .sg.hl[data-m^="a"]').first.hover()
        assert ERR_NOTE in page.inner_text(".muq-tip")
        _assert_inert(page, seen)

        # a reviewer types markup as their name and in the note, through the UI, and saves
        name = page.locator("#muq-reviewer textarea, #muq-reviewer input").first
        name.fill(REVIEWER)
        name.press("Escape")
        page.locator("#muq-note textarea").fill(TYPED_NOTE)
        page.click("#muq-save")
        page.wait_for_function("() => /saved/i.test(document.querySelector('#muq-status').innerText)")
        page.reload()
        page.wait_for_function("id => (document.querySelector('#muq-pair .muq-pair') || {dataset: {}}).dataset.pairId === id",
                               arg=pid, timeout=30000)
        page.wait_for_selector("#muq-extra .pnote")
        assert TYPED_NOTE in page.inner_text("#muq-extra .pnote")
        assert page.locator("#muq-note textarea").input_value() == TYPED_NOTE
        _assert_inert(page, seen)
        ctx.close()
    st = Store(db)
    try:
        assert st.pair_review(pid)["note"] == TYPED_NOTE  # stored as typed, byte for byte
    finally:
        st.close()


# ---- where it listens ---------------------------------------------------------------------------------
def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port`` (from /proc/net/tcp{,6})."""
    out = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(name) as f:
            for line in f.readlines()[1:]:
                cols = line.split()
                addr, p = cols[1].split(":")
                if int(p, 16) == port and cols[3] == "0A":  # LISTEN
                    out.add(addr)
    return out


def test_it_listens_on_loopback_only_unless_told_otherwise(store, tmp_path):
    db, _, _ = store
    with serve_app(db, tmp_path / "server.log") as (url, port):
        with urllib.request.urlopen(url + "/", timeout=5) as r:
            assert r.status == 200
        # bound to 127.0.0.1 only: another loopback address (or any interface) is refused
        with pytest.raises(OSError), socket.create_connection(("127.0.0.2", port), timeout=3):
            pass
        if Path("/proc/net/tcp").exists():
            assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1, nothing else
    with serve_app(db, tmp_path / "server2.log", "--host", "0.0.0.0") as (_, port):
        with socket.create_connection(("127.0.0.2", port), timeout=3):
            pass  # told otherwise: it does listen everywhere
    assert "without --auth" in (tmp_path / "server2.log").read_text()  # and says what that means


# ---- --auth: nothing without a login ----------------------------------------------------------------------
def _http(url: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None,
          opener: urllib.request.OpenerDirector | None = None) -> tuple[int, dict, str]:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    op = opener or urllib.request.build_opener(NoRedirect)
    try:
        with op.open(req, timeout=5) as r:
            return r.status, dict(r.headers), _read_some(r)
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), _read_some(e)


def _read_some(r, limit: int = 2_000_000) -> str:
    """The body, or what came of it in a few seconds (an event stream never ends)."""
    chunks: list[bytes] = []
    try:
        while sum(map(len, chunks)) < limit:
            b = r.read1(65536) if hasattr(r, "read1") else r.read(65536)
            if not b:
                break
            chunks.append(b)
    except TimeoutError:
        pass
    return b"".join(chunks).decode("utf-8", "replace")


def _leaks(body: str, secrets: dict[str, list[str]]) -> list[str]:
    found = [f"{k}: {v}" for k, vals in secrets.items() for v in vals if v in body]
    if re.search("[\u0621-\u064a]{3,}", body):
        found.append("Arabic text")
    return found


REFUSED = (401, 403)


def _api_names(db: Path) -> list[str]:
    from align.review_ui import build_app

    demo = build_app(str(db))
    return sorted({fn.api_name for fn in demo.fns.values() if isinstance(fn.api_name, str)})


def test_with_auth_nothing_is_reachable_without_logging_in(store, tmp_path):
    db, pid, secrets = store
    names = _api_names(db)
    assert "on_load" in names
    join = json.dumps({"data": [None] * 7, "fn_index": 0, "session_hash": "abcdefgh", "event_data": None,
                       "trigger_id": None}).encode()
    predict = json.dumps({"data": [None] * 7, "session_hash": "abcdefgh"}).encode()
    jh = {"Content-Type": "application/json"}
    with serve_app(db, tmp_path / "auth.log", "--auth", "dana:s3cret") as (url, _):
        # the page itself is only the login form: no data, no component tree, no API description
        for path in ("/", f"/?pair={quote(pid, safe='')}", "/?all_endpoints=true", "/?view=api"):
            code, _, body = _http(url + path)
            assert code == 200 and '"auth_required":true' in body.replace(" ", ""), path
            assert not _leaks(body, secrets), (path, _leaks(body, secrets))
            assert "muq-pair" not in body and "on_load" not in body, path
        gets = ["/config", "/config/", "/gradio_api/info", "/gradio_api/info?all_endpoints=true", "/gradio_api/openapi.json",
                "/gradio_api/queue/data?session_hash=abcdefgh", f"/gradio_api/file={db}", "/gradio_api/file=/etc/passwd",
                f"/gradio_api/file/{db}", "/gradio_api/upload_progress?upload_id=x",
                "/gradio_api/deep_link?session_hash=abcdefgh", "/gradio_api/proxy=http://127.0.0.1:1/x", "/monitoring"]
        gets += [f"/gradio_api/call/{n}/abc" for n in names]
        for path in gets:
            code, _, body = _http(url + path)
            assert code in REFUSED, (path, code, body[:200])
            assert not _leaks(body, secrets), path
        posts = [("/gradio_api/queue/join", join), ("/gradio_api/upload", b"")]
        posts += [(f"/gradio_api/{kind}/{n}", predict) for n in names for kind in ("run", "api", "call", "call/v2")]
        posts += [("/gradio_api/queue/join", json.dumps(json.loads(join) | {"fn_index": i}).encode()) for i in range(1, 12)]
        for path, body_in in posts:
            code, _, body = _http(url + path, "POST", body_in, jh)
            assert code in REFUSED, (path, code, body[:200])
            assert not _leaks(body, secrets), path
        # a wrong password gets no further
        bad = urllib.parse.urlencode({"username": "dana", "password": "nope"}).encode()
        code, _, _ = _http(url + "/login", "POST", bad, {"Content-Type": "application/x-www-form-urlencoded"})
        assert code == 400

        # and the gate is what refuses: logged in, the same requests are answered
        jar = http.cookiejar.CookieJar()
        op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        good = urllib.parse.urlencode({"username": "dana", "password": "s3cret"}).encode()
        code, _, _ = _http(url + "/login", "POST", good, {"Content-Type": "application/x-www-form-urlencoded"}, op)
        assert code == 200 and any(c.name.startswith("access-token") for c in jar)
        code, _, body = _http(url + "/config", opener=op)
        assert code == 200 and "muq-pair" in body
        code, _, body = _http(url + "/gradio_api/queue/join", "POST", join, jh, op)
        assert code == 200 and "event_id" in body


# Routes Gradio serves to anyone, by design: the login page's own files, session plumbing and
# FastAPI's schema of Gradio's generic routes (the same for every Gradio app). Each is still
# checked to answer with nothing from the store.
PUBLIC = re.compile(r"^/(?:$|login/?$|logout$|openapi\.json$|assets/|static/|svelte/|favicon\.ico$|robots\.txt$|"
                    r"manifest\.json$|pwa_icon|theme\.css$|gradio_api/(?:user/?|token/?|app_id/?|startup-events|"
                    r"theme\.css)$|gradio_api/heartbeat/)")


def _route_table(routes, prefix: str = "") -> list[tuple[str, str]]:
    """(method, path) of every GET/POST route, into included routers and mounts (FastAPI may
    keep an included router as one lazy entry)."""
    out = []
    for r in routes:
        inner = getattr(r, "original_router", None)
        if inner is not None:
            ctx = getattr(r, "include_context", None)
            out += _route_table(inner.routes, prefix + (getattr(ctx, "prefix", "") or ""))
            continue
        path, methods = getattr(r, "path", None), getattr(r, "methods", None)
        if path and methods:
            out += [(m, prefix + path) for m in sorted(methods) if m in ("GET", "POST")]
        elif path is not None and getattr(r, "routes", None):  # a mount
            out += _route_table(r.routes, prefix + path)
    return out


def test_with_auth_every_route_of_the_app_refuses_or_gives_nothing(store, tmp_path):
    """Every route in Gradio's own route table, called without a login, either refuses or is a
    known public route that answers with nothing from the store."""
    import gradio as gr

    from align.review_ui import build_app

    db, _, secrets = store
    demo = build_app(str(db))
    demo.queue()
    routes = sorted(set(_route_table(gr.routes.App.create_app(demo).routes)))
    assert len(routes) > 40 and ("POST", "/gradio_api/queue/join") in routes  # (the table was read)
    with serve_app(db, tmp_path / "auth.log", "--auth", "dana:s3cret") as (url, _):
        failures = []
        for method, path in routes:
            concrete = re.sub(r"\{[^}:]+(?::path)?\}", "abcdefgh", path)
            code, _, body = _http(url + concrete, method, b"{}" if method == "POST" else None,
                                  {"Content-Type": "application/json"} if method == "POST" else None)
            leaks = _leaks(body, secrets)
            if leaks:
                failures.append(f"{method} {path} ({code}) leaks {leaks}")
            elif code < 400 and not PUBLIC.match(path):
                failures.append(f"{method} {path} answered {code} without a login and is not a known public route: {body[:120]}")
        assert not failures, "\n".join(failures)
