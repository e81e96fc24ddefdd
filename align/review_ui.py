"""The Gradio review UI: `python app.py` and `muqabala review`.

Translators work down the queue (riskiest pairs first), see each flagged span highlighted in
its category's colour, confirm / reject / re-categorise flags, add the errors the tool
missed by selecting Arabic text, type the corrected Arabic and move on with the keyboard.

Every decision is committed to the SQLite review store the moment it is made, with an audit
row (see :mod:`align.store`); several reviewers in several browsers can work at once, and
each change touches only the fields it changes. The read side (queue, HTML of a pair) lives
in :mod:`align.review_view`, the browser code in :mod:`align.review_assets`.

The logic is in :class:`ReviewController`, whose methods take and return plain values (so it
is tested without a browser); :func:`build_app` wires it to Gradio components.
"""

import argparse
import html
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

from .records import CATEGORIES, SEVERITIES
from .review_view import (
    Filters,
    filter_choices,
    queue,
    render_pair_parts,
    render_progress,
    render_queue,
    step,
)
from .store import FLAG_STATUSES, PAIR_STATUSES, Store, flag_key

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED_CORPUS = REPO_ROOT / "corpora" / "putin-kim"
DEFAULT_DB = "review.sqlite"
FILTER_NAMES = ("article", "source", "verdict", "category", "status", "search")


def _clean_name(name: Any) -> str | None:
    name = (name or "").strip() if isinstance(name, str) else None
    return name[:80] if name else None


def _msg(text: str, warn: bool = False) -> str:
    stamp = time.strftime("%H:%M:%S")
    cls = ' class="warn"' if warn else ""
    return f'<span{cls}>{html.escape(text)} <small>({stamp})</small></span>'


class ReviewController:
    """The UI's behaviour over one store. One SQLite connection per thread (Gradio runs
    handlers on a thread pool), so that transactions of concurrent requests never mix."""

    def __init__(self, db_path: str | Path, reviewer: str | None = None):
        self.db_path = str(db_path)
        self.default_reviewer = _clean_name(reviewer)
        self._local = threading.local()
        Store(self.db_path).close()  # create / migrate once, up front

    def store(self) -> Store:
        st = getattr(self._local, "store", None)
        if st is None:
            st = self._local.store = Store(self.db_path)
        return st

    # ---- views ----------------------------------------------------------------------------
    def view(self, pair_id: str | None, filters: Filters, message: str = "") -> dict[str, Any]:
        """Queue, progress, pair HTML and status line for ``pair_id``."""
        st = self.store()
        rows, total = queue(st, filters)
        main, extra = render_pair_parts(st, pair_id)
        return {
            "pair_id": pair_id,
            "queue_html": render_queue(rows, total, pair_id),
            "progress_html": render_progress(st, len(rows)),
            "pair_html": main,
            "extra_html": extra,
            "status_html": message,
        }

    def open(self, pair_id: str | None, filters: Filters, message: str = "") -> dict[str, Any]:
        """Show a pair and load its correction and note into the text boxes."""
        st = self.store()
        rec = st.record(pair_id) if pair_id else None
        if rec is None:
            pair_id = None
        out = self.view(pair_id, filters, message)
        review = (st.pair_review(pair_id) if pair_id else None) or {}
        corrected = review.get("corrected_ar") or (rec["ar"] if rec else "")
        note = review.get("note") or ""
        out.update(corrected=corrected, note=note, loaded={"pair_id": pair_id, "corrected": corrected, "note": note},
                   sel=None, sel_text="")
        return out

    def load(self, filters: Filters, query_pair: str | None = None, saved_name: str | None = None,
             username: str | None = None) -> dict[str, Any]:
        st = self.store()
        rows, _ = queue(st, filters)
        pair_id = query_pair if query_pair and st.record(query_pair) else (rows[0].pair_id if rows else None)
        out = self.open(pair_id, filters)
        out["choices"] = filter_choices(st)
        # a login (--auth) names the reviewer; else the name this browser used last time
        out["reviewer"] = _clean_name(username) or _clean_name(saved_name) or self.default_reviewer or ""
        return out

    def refilter(self, filters: Filters, pair_id: str | None) -> dict[str, Any]:
        st = self.store()
        rows, total = queue(st, filters)
        return {"queue_html": render_queue(rows, total, pair_id), "progress_html": render_progress(st, len(rows))}

    def nav(self, direction: int, pair_id: str | None, filters: Filters) -> dict[str, Any]:
        nxt = step(self.store(), filters, pair_id, direction)
        if nxt is None:
            out = self.view(pair_id, filters, _msg("End of the queue." if direction > 0 else "Start of the queue."))
            return out
        return self.open(nxt, filters)

    # ---- decisions (each one committed at once, with an audit row) ---------------------------
    def set_status(self, status: str, pair_id: str | None, reviewer: str | None, filters: Filters,
                   advance: bool = False) -> dict[str, Any]:
        if status not in PAIR_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        if not pair_id:
            return self.view(None, filters, _msg("No pair is open.", warn=True))
        who = _clean_name(reviewer)
        self.store().review_pair(pair_id, who, status=status)
        text = f"{pair_id}: {status}" + ("" if who else " (no reviewer name set)")
        if advance:
            nxt = step(self.store(), filters, pair_id, +1)
            if nxt is not None:
                return self.open(nxt, filters, _msg(text, warn=not who))
            text += "; end of the queue"
        return self.view(pair_id, filters, _msg(text, warn=not who))

    def flag(self, data: dict[str, Any], current: str | None, reviewer: str | None, filters: Filters) -> dict[str, Any]:
        pair_id = data.get("pair_id") or current
        key, field, value = data.get("key"), data.get("field"), data.get("value")
        allowed = {"status": FLAG_STATUSES, "category": CATEGORIES, "severity": SEVERITIES}
        rec = self.store().record(pair_id) if pair_id else None
        if rec is None or field not in allowed or value not in allowed[field]:
            return self.view(current, filters, _msg("Ignored an invalid flag decision.", warn=True))
        if key not in {flag_key(f) for f in rec.get("flags") or []}:
            return self.view(current, filters, _msg("That flag no longer exists (re-scored?).", warn=True))
        who = _clean_name(reviewer)
        self.store().review_flag(pair_id, key, who, **{field: value})
        text = f"Flag {field} → {value}" + ("" if who else " (no reviewer name set)")
        return self.view(current or pair_id, filters, _msg(text, warn=not who))

    def select_span(self, data: dict[str, Any], current: str | None) -> dict[str, Any]:
        pair_id = data.get("pair_id")
        rec = self.store().record(pair_id) if pair_id else None
        try:
            s, e = int(data.get("start")), int(data.get("end"))
        except (TypeError, ValueError):
            return {"sel": None, "sel_text": ""}
        if rec is None or pair_id != current:
            return {"sel": None, "sel_text": ""}
        ar = rec["ar"]
        s, e = max(0, min(len(ar), s)), max(0, min(len(ar), e))
        if e <= s or not ar[s:e].strip():
            return {"sel": None, "sel_text": ""}
        return {"sel": {"pair_id": pair_id, "start": s, "end": e}, "sel_text": ar[s:e]}

    def add_error(self, pair_id: str | None, sel: dict[str, Any] | None, category: str, severity: str,
                  note: str | None, reviewer: str | None, filters: Filters) -> dict[str, Any]:
        if not pair_id or not sel or sel.get("pair_id") != pair_id:
            out = self.view(pair_id, filters, _msg("Select the wrong Arabic words first (drag over them).", warn=True))
            return out
        if category not in CATEGORIES or severity not in SEVERITIES:
            return self.view(pair_id, filters, _msg("Choose a category and a severity.", warn=True))
        st = self.store()
        rec = st.record(pair_id)
        if rec is None:
            return self.view(None, filters, _msg("Unknown pair.", warn=True))
        base = int(rec.get("ar_start") or 0) if rec.get("article") is not None else 0
        who = _clean_name(reviewer)
        st.add_error(pair_id, who, base + int(sel["start"]), base + int(sel["end"]), category, severity,
                     (note or "").strip() or None)
        text = f"Added {category} · {severity}: «{rec['ar'][sel['start']:sel['end']]}»"
        out = self.view(pair_id, filters, _msg(text + ("" if who else " (no reviewer name set)"), warn=not who))
        out.update(sel=None, sel_text="", add_note="")
        return out

    def delete_error(self, data: dict[str, Any], current: str | None, reviewer: str | None, filters: Filters) -> dict[str, Any]:
        try:
            error_id = int(data.get("error_id"))
            self.store().delete_error(error_id, _clean_name(reviewer))
        except (KeyError, TypeError, ValueError):
            return self.view(current, filters, _msg("No such added error.", warn=True))
        return self.view(current, filters, _msg("Deleted the added error."))

    def save_text(self, pair_id: str | None, reviewer: str | None, corrected: str | None, note: str | None,
                  loaded: dict[str, Any] | None, filters: Filters, explicit: bool = False) -> dict[str, Any]:
        """Save the correction and the note, each only if the reviewer changed it here.

        A field is written when it differs from what was loaded into this browser *and* from
        what the store holds now: an untouched box never overwrites another reviewer's
        newer text, and a blur followed by a click on Save writes once.
        """
        loaded = loaded or {}
        if not pair_id or loaded.get("pair_id") != pair_id:
            return {} if not explicit else self.view(pair_id, filters, _msg("No pair is open.", warn=True))
        st = self.store()
        rec = st.record(pair_id)
        if rec is None:
            return {}
        review = st.pair_review(pair_id) or {}
        stored_corr = review.get("corrected_ar") or rec["ar"]
        stored_note = review.get("note") or ""
        corrected = (corrected or "").strip()
        note = (note or "").strip()
        changes: dict[str, Any] = {}
        if corrected and corrected != (loaded.get("corrected") or "").strip() and corrected != stored_corr.strip():
            changes["corrected_ar"] = None if corrected == rec["ar"].strip() else corrected
        if note != (loaded.get("note") or "").strip() and note != stored_note.strip():
            changes["note"] = note or None
        new_loaded = dict(loaded, corrected=corrected or loaded.get("corrected"), note=note)
        if not changes:
            if not explicit:
                return {"loaded": new_loaded}
            out = self.view(pair_id, filters, _msg("Correction and note are saved."))
            out["loaded"] = new_loaded
            return out
        who = _clean_name(reviewer)
        st.review_pair(pair_id, who, **changes)
        what = " and ".join({"corrected_ar": "correction", "note": "note"}[k] for k in changes)
        out = self.view(pair_id, filters, _msg(f"Saved the {what}." + ("" if who else " (no reviewer name set)"),
                                               warn=not who))
        out["loaded"] = new_loaded
        return out


# ---- Gradio wiring ---------------------------------------------------------------------------
def _theme():
    import gradio as gr

    # Local font stacks only: nothing is fetched from the internet.
    return gr.themes.Default(font=["system-ui", "Segoe UI", "Roboto", "DejaVu Sans", "sans-serif"],
                             font_mono=["ui-monospace", "DejaVu Sans Mono", "monospace"])


def build_app(db_path: str, reviewer: str | None = None):
    """The review UI over the store at ``db_path`` (a ``gr.Blocks``; launch with :func:`launch`,
    or ``demo.launch(**launch_kwargs())``)."""
    import gradio as gr

    from .review_assets import CSS, EXTRA_JS, HELP_HTML, PAIR_JS, QUEUE_JS

    ctl = ReviewController(db_path, reviewer)
    st = ctl.store()
    choices = filter_choices(st)

    with gr.Blocks(title="Muqabala review", analytics_enabled=False) as demo:
        pair_state = gr.State(None)
        loaded_state = gr.State({})
        sel_state = gr.State(None)
        saved_name = gr.BrowserState("", storage_key="muqabala-reviewer")

        with gr.Row(equal_height=True):
            gr.HTML('<div class="muq-title">Muqabala review <span class="ar" lang="ar" dir="rtl">مقابلة</span></div>',
                    apply_default_css=False, scale=2)
            progress_html = gr.HTML(elem_id="muq-progress", apply_default_css=False, scale=3)
            reviewer_box = gr.Textbox(label="Reviewer", placeholder="your name", elem_id="muq-reviewer",
                                      scale=1, min_width=180, max_lines=1)
        gr.HTML(HELP_HTML, apply_default_css=False, elem_id="muq-help-box")
        with gr.Row():
            with gr.Column(scale=1, min_width=370):
                with gr.Row():
                    f_article = gr.Dropdown(choices["article"], value="", label="Article", elem_id="muq-f-article", min_width=120)
                    f_source = gr.Dropdown(choices["source"], value="", label="Source", elem_id="muq-f-source", min_width=120)
                with gr.Row():
                    f_verdict = gr.Dropdown(choices["verdict"], value="", label="Verdict", elem_id="muq-f-verdict", min_width=120)
                    f_category = gr.Dropdown(choices["category"], value="", label="Error category", elem_id="muq-f-category",
                                             min_width=120)
                with gr.Row():
                    f_status = gr.Dropdown(choices["status"], value="", label="Review status", elem_id="muq-f-status",
                                           min_width=120)
                    f_search = gr.Textbox(label="Search", placeholder="words, article, source, id",
                                          elem_id="muq-f-search", max_lines=1, min_width=120)
                queue_html = gr.HTML(elem_id="muq-queue", js_on_load=QUEUE_JS, apply_default_css=False)
            with gr.Column(scale=3):
                with gr.Row():
                    prev_btn = gr.Button("◀ Previous (p)", elem_id="muq-prev", size="sm", min_width=90)
                    accept_btn = gr.Button("Accept (a)", elem_id="muq-accept", variant="primary", size="sm", min_width=90)
                    fix_btn = gr.Button("Needs fix (f)", elem_id="muq-needsfix", size="sm", min_width=90)
                    wrong_btn = gr.Button("Wrong pairing (w)", elem_id="muq-wrong", variant="stop", size="sm", min_width=90)
                    next_btn = gr.Button("Next (n) ▶", elem_id="muq-next", size="sm", min_width=90)
                status_html = gr.HTML(elem_id="muq-status", apply_default_css=False)
                pair_html = gr.HTML(elem_id="muq-pair", js_on_load=PAIR_JS, apply_default_css=False)
                with gr.Group():
                    with gr.Row(equal_height=True):
                        sel_box = gr.Textbox(label="Missed error: selected Arabic span", interactive=False, rtl=True,
                                             elem_id="muq-sel", scale=3, placeholder="select words in the Arabic text above")
                        add_cat = gr.Dropdown(list(CATEGORIES), value="mistranslation", label="Category",
                                              elem_id="muq-add-cat", scale=2, min_width=140)
                        add_sev = gr.Radio(list(SEVERITIES), value="major", label="Severity", elem_id="muq-add-sev",
                                           scale=2, min_width=200)
                    with gr.Row(equal_height=True):
                        add_note = gr.Textbox(label="Why (optional)", elem_id="muq-add-note", scale=4, max_lines=1)
                        add_btn = gr.Button("Add error (e)", elem_id="muq-add", scale=1, size="sm")
                corrected_box = gr.Textbox(label="Corrected Arabic translation (t)", lines=3, rtl=True,
                                           elem_id="muq-corrected", elem_classes=["muq-ar-input"])
                note_box = gr.Textbox(label="Note on this pair (o)", lines=2, elem_id="muq-note")
                save_btn = gr.Button("Save correction and note (Ctrl+Enter)", elem_id="muq-save", size="sm")
                extra_html = gr.HTML(elem_id="muq-extra", js_on_load=EXTRA_JS, apply_default_css=False)

        filters = [f_article, f_source, f_verdict, f_category, f_status, f_search]
        comp = {
            "pair_id": pair_state, "loaded": loaded_state, "sel": sel_state, "sel_text": sel_box,
            "queue_html": queue_html, "progress_html": progress_html, "pair_html": pair_html, "extra_html": extra_html,
            "status_html": status_html, "corrected": corrected_box, "note": note_box, "add_note": add_note,
            "reviewer": reviewer_box,
        }
        view_out = [pair_state, queue_html, progress_html, pair_html, extra_html, status_html]
        open_out = [*view_out, corrected_box, note_box, loaded_state, sel_state, sel_box]
        quiet = {"show_progress": "hidden"}

        def to_gr(out: dict[str, Any]) -> dict[Any, Any]:
            res = {comp[k]: v for k, v in out.items() if k in comp}
            if "choices" in out:
                for name, box in zip(FILTER_NAMES[:5], filters[:5], strict=True):
                    res[box] = gr.Dropdown(choices=out["choices"][name])
            return res

        def F(vals: tuple[Any, ...]) -> Filters:
            return Filters.of(*vals)

        def on_load(saved, a, s, v, c, t, q, request: gr.Request):
            qp = dict(request.query_params) if request is not None else {}
            user = getattr(request, "username", None) if request is not None else None
            return to_gr(ctl.load(F((a, s, v, c, t, q)), qp.get("pair"), saved, user))

        demo.load(on_load, [saved_name, *filters], [*open_out, reviewer_box, *filters[:5]], **quiet)
        # (.change, not .input: .input fires once per burst of typing and misses the final value)
        reviewer_box.change(lambda name: name, reviewer_box, saved_name, trigger_mode="always_last", **quiet)

        def on_filter(pid, *fv):
            return to_gr(ctl.refilter(F(fv), pid))

        for box in filters:
            box.change(on_filter, [pair_state, *filters], [queue_html, progress_html], trigger_mode="always_last", **quiet)
        # other reviewers' work shows up in the queue and the progress without a reload
        gr.Timer(20).tick(on_filter, [pair_state, *filters], [queue_html, progress_html], trigger_mode="always_last", **quiet)

        # Gradio passes gr.EventData only to a positional parameter: no *args before it.
        def on_open(pid, a, s, v, c, t, q, evt: gr.EventData):
            return to_gr(ctl.open(evt._data.get("pair_id"), F((a, s, v, c, t, q))))

        queue_html.muq_open(on_open, [pair_state, *filters], open_out, trigger_mode="multiple", **quiet)
        extra_html.muq_open(on_open, [pair_state, *filters], open_out, trigger_mode="multiple", **quiet)

        def nav(direction: int):
            def fn(pid, *fv):
                return to_gr(ctl.nav(direction, pid, F(fv)))
            return fn

        prev_btn.click(nav(-1), [pair_state, *filters], open_out, trigger_mode="multiple", **quiet)
        next_btn.click(nav(+1), [pair_state, *filters], open_out, trigger_mode="multiple", **quiet)

        def status(value: str, advance: bool):
            def fn(pid, who, *fv):
                return to_gr(ctl.set_status(value, pid, who, F(fv), advance=advance))
            return fn

        status_in = [pair_state, reviewer_box, *filters]
        accept_btn.click(status("accepted", True), status_in, open_out, trigger_mode="multiple", **quiet)
        fix_btn.click(status("needs-fix", False), status_in, open_out, trigger_mode="multiple", **quiet)
        wrong_btn.click(status("wrong-pairing", True), status_in, open_out, trigger_mode="multiple", **quiet)

        def on_flag(pid, who, a, s, v, c, t, q, evt: gr.EventData):
            return to_gr(ctl.flag(evt._data, pid, who, F((a, s, v, c, t, q))))

        pair_html.muq_flag(on_flag, [pair_state, reviewer_box, *filters], view_out, trigger_mode="multiple", **quiet)

        def on_unerr(pid, who, a, s, v, c, t, q, evt: gr.EventData):
            return to_gr(ctl.delete_error(evt._data, pid, who, F((a, s, v, c, t, q))))

        pair_html.muq_unerr(on_unerr, [pair_state, reviewer_box, *filters], view_out, trigger_mode="multiple", **quiet)

        def on_span(pid, evt: gr.EventData):
            return to_gr(ctl.select_span(evt._data, pid))

        pair_html.muq_span(on_span, [pair_state], [sel_state, sel_box], trigger_mode="always_last", **quiet)

        def on_add(pid, sel, cat, sev, why, who, *fv):
            return to_gr(ctl.add_error(pid, sel, cat, sev, why, who, F(fv)))

        add_btn.click(on_add, [pair_state, sel_state, add_cat, add_sev, add_note, reviewer_box, *filters],
                      [*view_out, sel_state, sel_box, add_note], trigger_mode="multiple", **quiet)

        def save(explicit: bool):
            def fn(pid, who, corr, note, loaded, *fv):
                return to_gr(ctl.save_text(pid, who, corr, note, loaded, F(fv), explicit=explicit))
            return fn

        text_in = [pair_state, reviewer_box, corrected_box, note_box, loaded_state, *filters]
        save_btn.click(save(True), text_in, [*view_out, loaded_state], trigger_mode="multiple", **quiet)
        corrected_box.blur(save(False), text_in, [*view_out, loaded_state], trigger_mode="multiple", **quiet)
        note_box.blur(save(False), text_in, [*view_out, loaded_state], trigger_mode="multiple", **quiet)

    # No public API: Gradio describes every public event (with its inputs: the filter dropdowns'
    # choices are the corpus's article and source ids) in the API info it serves, and embeds it
    # even in the --auth login page. Private events still run from this page (by index).
    for fn in demo.fns.values():
        fn.api_visibility = "private"
    # So that a plain ``demo.launch()`` also gets the offline theme and the stylesheet (Gradio 6
    # takes both in launch(); these are the attributes launch() falls back to).
    demo._deprecated_theme = _theme()
    demo._deprecated_css = CSS
    demo.muqabala_controller = ctl
    return demo


def launch_kwargs() -> dict[str, Any]:
    from .review_assets import CSS

    # run_history off: Gradio 6 would otherwise keep every event's inputs (names, corrections)
    # in the browser's localStorage.
    return {"theme": _theme(), "css": CSS, "ssr_mode": False, "share": False, "run_history": False}


def launch(db_path: str, host: str = "127.0.0.1", port: int = 7860, auth: Any = None,
           reviewer: str | None = None, **kwargs: Any) -> None:
    """Serve the review UI (blocks until interrupted). ``auth``: (user, password) or a list."""
    demo = build_app(db_path, reviewer)
    # Gradio runs each event listener one request at a time (concurrency 1): decisions are
    # applied in the order they were made, and every handler takes milliseconds.
    demo.queue()
    demo.launch(server_name=host, server_port=port, auth=auth, **(launch_kwargs() | kwargs))


# ---- command line ----------------------------------------------------------------------------
def _parse_auth(values: list[str] | None) -> list[tuple[str, str]] | None:
    if not values:
        return None
    out = []
    for v in values:
        user, sep, password = v.partition(":")
        if not sep or not user or not password:
            raise argparse.ArgumentTypeError(f"--auth expects user:password, got {v!r}")
        out.append((user, password))
    return out


def _score_into(corpus: Path, db: str, args: argparse.Namespace) -> None:
    try:
        from .pipeline import Options, score_to_store
    except ImportError as exc:
        raise SystemExit(f"muqabala review: cannot score {corpus}: the scoring pipeline is unavailable ({exc}). "
                         "Score it with `muqabala score`, or try the UI on gold annotations with --demo.") from exc
    options = Options(sentence_model=getattr(args, "sentence_model", None), align_model=getattr(args, "align_model", None))
    print(f"muqabala review: scoring {corpus} into {db} (first start; this takes a while)…", file=sys.stderr)
    score_to_store(str(corpus), db, options)


def ensure_store(db: str, corpus: str | Path | None, rescore: bool = False, demo: bool = False,
                 args: argparse.Namespace | None = None) -> int:
    """Make sure ``db`` holds scored pairs, scoring ``corpus`` into it if it has none (or if
    ``rescore``). With ``demo``, fill it from the corpus's gold.jsonl instead (no models).
    Returns the number of current pairs."""
    n = 0
    if Path(db).exists():
        st = Store(db)
        try:
            total, _, stale = st.pairs_signature()
            n = total - int(stale or 0)
        finally:
            st.close()
    if n and not rescore:
        return n
    if corpus is None or not Path(corpus).is_dir():
        what = "does not exist" if not Path(db).exists() else "holds no scored pairs"
        raise SystemExit(f"muqabala review: {db} {what}; score a corpus into it with `muqabala score CORPUS --db {db}` "
                         "or pass --corpus CORPUS.")
    if demo:
        from .review_demo import build_gold_store

        build_gold_store(corpus, db).close()
    else:
        _score_into(Path(corpus), db, args or argparse.Namespace())
    st = Store(db)
    try:
        return len(st.records())
    finally:
        st.close()


def add_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The review options (for `muqabala review`'s sub-parser as well as for app.py)."""
    p.add_argument("--db", default=DEFAULT_DB, help="SQLite review store (default: %(default)s)")
    p.add_argument("--corpus", help="corpus scored into --db when the store holds no pairs (default: the shipped "
                   f"corpus, only for the default store {DEFAULT_DB})")
    p.add_argument("--rescore", action="store_true", help="score --corpus into --db even if it holds pairs "
                   "(review decisions are kept)")
    p.add_argument("--demo", action="store_true", help="fill an empty store from the corpus's gold.jsonl instead "
                   "of scoring it (no models; to try the UI; without --db the store goes to the temp dir)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=7860, help="port (default: %(default)s)")
    p.add_argument("--auth", action="append", metavar="USER:PASSWORD",
                   help="require a login (Gradio auth); repeat for several reviewers")
    p.add_argument("--reviewer", help="default reviewer name shown in the UI")
    p.add_argument("--sentence-model", help="sentence encoder used when scoring (HF id or folder)")
    p.add_argument("--align-model", help="token encoder used when scoring (HF id or folder)")
    return p


def make_parser(prog: str = "muqabala review") -> argparse.ArgumentParser:
    return add_arguments(argparse.ArgumentParser(prog=prog, description="Review scored Arabic–English pairs in the browser."))


def run(args: argparse.Namespace, prog: str = "muqabala review") -> int:
    """Prepare the store (scoring if needed) and serve the UI until interrupted."""
    try:
        auth = _parse_auth(args.auth)
    except argparse.ArgumentTypeError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    if args.demo and args.db == DEFAULT_DB:  # keep gold-derived records out of the real store
        args.db = str(Path(tempfile.gettempdir()) / "muqabala-demo" / "review.sqlite")
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    default_store = args.db == DEFAULT_DB or args.demo
    corpus = args.corpus or (str(SHIPPED_CORPUS) if default_store and SHIPPED_CORPUS.is_dir() else None)
    n = ensure_store(args.db, corpus, rescore=args.rescore, demo=args.demo, args=args)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not auth:
        print(f"{prog}: warning: listening on {args.host} without --auth: anyone who can reach it can edit reviews",
              file=sys.stderr)
    print(f"{prog}: {n} pairs in {args.db}; open http://{args.host}:{args.port}/", file=sys.stderr)
    launch(args.db, host=args.host, port=args.port, auth=auth, reviewer=args.reviewer)
    return 0


def main(argv: list[str] | None = None, prog: str = "muqabala review") -> int:
    return run(make_parser(prog).parse_args(argv), prog)


__all__ = ["ReviewController", "add_arguments", "build_app", "ensure_store", "launch", "launch_kwargs", "main", "run"]
