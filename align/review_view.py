"""The review UI's read side: the queue (filters, order, progress) and the HTML of a pair.

No Gradio here: plain functions over a :class:`~align.store.Store`, so that they can be
tested without a browser. Every piece of corpus text that reaches HTML goes through
:func:`esc` (text and attribute values alike): an article that contains ``<script>`` shows
it as text.

Offsets: a record's flag and alignment offsets index the full article/source text in corpus
mode and the pair's own ``ar``/``en`` in pairs mode. Everything rendered here works in the
pair's *local* frame (``0 .. len(ar)``); :func:`ar_base` converts.
"""

from __future__ import annotations

import html
import itertools
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .normalize import normalize_ar
from .records import CATEGORIES, SEVERITIES
from .segment import sentences, tokenize
from .store import PAIR_STATUSES, Store, flag_key

CATEGORY_COLORS: dict[str, str] = {
    "mistranslation": "#ff8a80",
    "omission": "#ffb74d",
    "addition": "#fff176",
    "untranslated": "#ce93d8",
    "grammar": "#81d4fa",
    "named-entity": "#a5d6a7",
    "number-date": "#f48fb1",
    "terminology": "#bcaaa4",
}
SEVERITY_RANK = {"minor": 1, "major": 2, "critical": 3}
STATUS_LABELS = {"accepted": "Accepted", "needs-fix": "Needs fix", "wrong-pairing": "Wrong pairing"}
STATUS_ICONS = {"accepted": "✓", "needs-fix": "✎", "wrong-pairing": "✗", None: "·"}
ANY = ""  # the "no filter" value of every filter
STATUS_FILTERS: list[tuple[str, str]] = [
    ("Any status", ANY), ("Unreviewed", "unreviewed"), ("Reviewed", "reviewed"),
    ("Accepted", "accepted"), ("Needs fix", "needs-fix"), ("Wrong pairing", "wrong-pairing"),
    ("Has a correction", "corrected"),
]
QUEUE_LIMIT = 400


def esc(value: Any) -> str:
    """HTML-escape any value for text or a double-quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


# ---- records, cached per store until re-scoring ------------------------------------------------
@dataclass
class Corpus:
    """All current records of a store, in queue order (lowest fidelity first)."""

    records: list[dict[str, Any]]
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    by_source: dict[str, list[str]] = field(default_factory=dict)
    en_norm: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for i, r in enumerate(self.records):
            self.by_id[r["pair_id"]] = r
            self.order[r["pair_id"]] = i
            if r.get("source") is not None:
                self.by_source.setdefault(r["source"], []).append(r["pair_id"])
            self.en_norm[r["pair_id"]] = _norm_en(r.get("en") or "")


_cache: dict[str, tuple[Any, Corpus]] = {}
_cache_lock = threading.Lock()


def corpus_of(store: Store) -> Corpus:
    key = str(store.path.resolve())
    sig = store.pairs_signature()
    with _cache_lock:
        hit = _cache.get(key)
        if hit and hit[0] == sig:
            return hit[1]
    corpus = Corpus(store.records())
    with _cache_lock:
        _cache[key] = (sig, corpus)
    return corpus


def _norm_en(text: str) -> str:
    text = re.sub(r"[\"'“”‘’«»]", "", text.lower())
    return re.sub(r"\s+", " ", text).strip(" .,;:")


def _norm_search(text: str) -> str:
    return re.sub(r"\s+", " ", normalize_ar(text or "").lower())


def ar_base(rec: dict[str, Any]) -> int:
    """Offset of the pair's Arabic in the frame its flags use (0 in pairs mode)."""
    return int(rec.get("ar_start") or 0) if rec.get("article") is not None else 0


def en_base(rec: dict[str, Any]) -> int:
    return int(rec.get("en_start") or 0) if rec.get("source") is not None else 0


# ---- flags with their review state ------------------------------------------------------------
def effective_flags(rec: dict[str, Any], reviews: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The tool's flags with the reviewer's decisions applied, in local offsets."""
    ab, eb = ar_base(rec), en_base(rec)
    la, le = len(rec.get("ar") or ""), len(rec.get("en") or "")
    out = []
    for i, f in enumerate(rec.get("flags") or []):
        key = flag_key(f)
        rv = reviews.get(key) or {}

        def local(v: Any, base: int, n: int) -> int | None:
            return None if v is None else max(0, min(n, int(v) - base))

        out.append({
            "idx": i, "key": key, "check": f.get("check"),
            "category": rv.get("category") or f.get("category"),
            "severity": rv.get("severity") or f.get("severity"),
            "tool_category": f.get("category"), "tool_severity": f.get("severity"),
            "status": rv.get("status"), "reviewer": rv.get("reviewer"), "updated_at": rv.get("updated_at"),
            "ar_start": local(f.get("ar_start"), ab, la), "ar_end": local(f.get("ar_end"), ab, la),
            "en_start": local(f.get("en_start"), eb, le), "en_end": local(f.get("en_end"), eb, le),
            "message": f.get("message") or "", "suggestion": f.get("suggestion"),
        })
    return out


def local_added(rec: dict[str, Any], added: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ab, n = ar_base(rec), len(rec.get("ar") or "")
    out = []
    for e in added:
        s = max(0, min(n, int(e["ar_start"]) - ab))
        t = max(0, min(n, int(e["ar_end"]) - ab))
        out.append(dict(e, ar_start=s, ar_end=t))
    return out


def pair_categories(rec: dict[str, Any], flag_reviews: dict[str, dict[str, Any]],
                    added: list[dict[str, Any]]) -> set[str]:
    """Categories of the flags not rejected, and of the errors reviewers added."""
    cats = {f["category"] for f in effective_flags(rec, flag_reviews) if f["status"] != "rejected"}
    cats |= {e["category"] for e in added}
    return cats


# ---- the queue --------------------------------------------------------------------------------
@dataclass
class Filters:
    article: str = ANY
    source: str = ANY
    verdict: str = ANY
    category: str = ANY
    status: str = ANY
    search: str = ""

    @classmethod
    def of(cls, *values: Any) -> Filters:
        return cls(*[(v or "") for v in values])


@dataclass
class QueueRow:
    pair_id: str
    article: str | None
    source: str | None
    fidelity: float
    verdict: str
    ar: str
    en: str
    status: str | None
    reviewer: str | None
    n_flags: int
    corrected: bool
    categories: set[str]


def queue(store: Store, filters: Filters) -> tuple[list[QueueRow], int]:
    """(rows that pass the filters, in risk order; number of current pairs)."""
    corpus = corpus_of(store)
    reviews = store.all_pair_reviews()
    freviews = store.all_flag_reviews()
    added = store.all_added_errors()
    q = _norm_search(filters.search.strip())
    rows = []
    for r in corpus.records:
        pid = r["pair_id"]
        if filters.article and r.get("article") != filters.article:
            continue
        if filters.source and r.get("source") != filters.source:
            continue
        if filters.verdict and r.get("verdict") != filters.verdict:
            continue
        rv = reviews.get(pid) or {}
        status = rv.get("status")
        corrected = bool(rv.get("corrected_ar")) and rv.get("corrected_ar") != r.get("ar")
        if filters.status == "unreviewed" and status:
            continue
        if filters.status == "reviewed" and not status:
            continue
        if filters.status in PAIR_STATUSES and status != filters.status:
            continue
        if filters.status == "corrected" and not corrected:
            continue
        cats = pair_categories(r, freviews.get(pid, {}), added.get(pid, []))
        if filters.category and filters.category not in cats:
            continue
        if q:
            hay = " ".join(str(x or "") for x in (pid, r.get("article"), r.get("source"), r.get("ar"), r.get("en"),
                                                    rv.get("corrected_ar"), rv.get("note")))
            if q not in _norm_search(hay):
                continue
        rows.append(QueueRow(pid, r.get("article"), r.get("source"), float(r.get("fidelity") or 0.0),
                             r.get("verdict") or "", r.get("ar") or "", r.get("en") or "", status,
                             rv.get("reviewer"), len(r.get("flags") or []), corrected, cats))
    return rows, len(corpus.records)


def step(store: Store, filters: Filters, current: str | None, direction: int) -> str | None:
    """The pair after (direction=+1) or before (-1) ``current`` in the filtered queue.

    ``current`` need not pass the filters (it may just have been reviewed out of an
    "unreviewed" view): its place in the full risk order decides what comes next.
    """
    rows, _ = queue(store, filters)
    if not rows:
        return None
    order = corpus_of(store).order
    if current is None or current not in order:
        return rows[0].pair_id
    here = order[current]
    if direction > 0:
        for row in rows:
            if order[row.pair_id] > here:
                return row.pair_id
        return None
    for row in reversed(rows):
        if order[row.pair_id] < here:
            return row.pair_id
    return None


def filter_choices(store: Store) -> dict[str, list[tuple[str, str]]]:
    corpus = corpus_of(store)
    arts = sorted({r["article"] for r in corpus.records if r.get("article") is not None})
    srcs = sorted({r["source"] for r in corpus.records if r.get("source") is not None})
    art_choices = [("All articles", ANY)]
    for a in arts:
        meta = (store.article(a) or ("", {}))[1]
        label = " · ".join(str(x) for x in (a, meta.get("outlet"), meta.get("date")) if x)
        art_choices.append((label, a))
    src_choices = [("All sources", ANY)]
    for s in srcs:
        meta = (store.source(s) or ("", {}))[1]
        label = " · ".join(str(x) for x in (s, meta.get("speaker")) if x)
        src_choices.append((label, s))
    return {
        "article": art_choices,
        "source": src_choices,
        "verdict": [("Any verdict", ANY), ("error", "error"), ("review", "review"), ("ok", "ok")],
        "category": [("Any category", ANY)] + [(c, c) for c in CATEGORIES],
        "status": STATUS_FILTERS,
    }


def _snip(text: str, n: int = 110) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= n else text[: n - 1] + "…"


def render_queue(rows: list[QueueRow], total: int, current: str | None) -> str:
    out = [f'<div class="muq-queue" data-count="{len(rows)}">',
           f'<div class="qhead">{len(rows)} of {total} pairs · riskiest first</div>']
    if not rows:
        out.append('<div class="qempty">No pair matches these filters.</div>')
    out.append('<ol class="qlist">')
    for row in rows[:QUEUE_LIMIT]:
        cur = " cur" if row.pair_id == current else ""
        st = row.status or "unreviewed"
        cats = "".join(f'<i class="dot" style="--c:{CATEGORY_COLORS.get(c, "#ccc")}" title="{esc(c)}"></i>'
                       for c in sorted(row.categories))
        out.append(
            f'<li class="qrow{cur} st-{esc(st)}" data-open="{esc(row.pair_id)}" title="{esc(row.pair_id)}">'
            f'<span class="fid v-{esc(row.verdict)}">{row.fidelity:.0f}</span>'
            f'<span class="qst" title="{esc(STATUS_LABELS.get(row.status or "", "unreviewed"))}">'
            f'{STATUS_ICONS.get(row.status, "·")}</span>'
            f'<span class="qids">{esc(row.article or "—")} · {esc(row.source or "—")}</span>{cats}'
            f'{" <b class=qfix>corrected</b>" if row.corrected else ""}'
            f'<div class="qar" dir="rtl" lang="ar">{esc(_snip(row.ar))}</div>'
            f'<div class="qen" dir="ltr" lang="en">{esc(_snip(row.en))}</div></li>'
        )
    out.append("</ol>")
    if len(rows) > QUEUE_LIMIT:
        out.append(f'<div class="qmore">{len(rows) - QUEUE_LIMIT} more: narrow the filters or search.</div>')
    out.append("</div>")
    return "".join(out)


def render_progress(store: Store, shown: int | None = None) -> str:
    done, total = store.progress()
    pct = 100.0 * done / total if total else 0.0
    extra = f" · {shown} in this view" if shown is not None else ""
    return (f'<div class="muq-progress" data-done="{done}" data-total="{total}">'
            f'<span class="ptxt">Reviewed <b>{done} / {total}</b>{extra}</span>'
            f'<span class="pbar"><span style="width:{pct:.1f}%"></span></span>'
            f'<span class="pdb" title="review store">{esc(store.path.name)}</span></div>')


# ---- one pair ---------------------------------------------------------------------------------
@dataclass
class _Mark:
    start: int
    end: int
    mid: str  # "f3" (tool flag 3) or "a12" (added error 12)
    category: str
    severity: str
    status: str | None  # confirmed / rejected / None; "added" for reviewer-added errors
    tip: str


def _segments(text: str, tokens: list[tuple[int, int]], marks: list[_Mark]) -> list[tuple[int, int, int | None, list[_Mark]]]:
    """Cut ``text`` at every token and mark boundary: (start, end, token index, marks)."""
    n = len(text)
    cuts = {0, n}
    for s, e in tokens:
        cuts.update((s, e))
    for m in marks:
        cuts.update((max(0, min(n, m.start)), max(0, min(n, m.end))))
    pts = sorted(cuts)
    out = []
    ti = 0
    for a, b in itertools.pairwise(pts):
        if a >= b:
            continue
        while ti < len(tokens) and tokens[ti][1] <= a:
            ti += 1
        tok = ti if ti < len(tokens) and tokens[ti][0] <= a and b <= tokens[ti][1] else None
        covering = [m for m in marks if m.start <= a and b <= m.end]
        out.append((a, b, tok, covering))
    return out


def _mark_rank(m: _Mark) -> tuple[int, int]:
    live = 0 if m.status == "rejected" else 1
    return (live, SEVERITY_RANK.get(m.severity, 0))


def render_text(text: str, side: str, tokens: list[tuple[int, int]], links: dict[int, set[int]],
                marks: list[_Mark]) -> str:
    """Spans for every piece of ``text``: ``data-o`` (local offset), ``data-tok`` / ``data-links``
    for words (alignment hover), ``data-m`` / colour / tooltip for flagged pieces."""
    other = "e" if side == "a" else "a"
    parts = []
    for a, b, tok, ms in _segments(text, tokens, marks):
        attrs = [f'data-o="{a}"']
        cls = ["sg"]
        if tok is not None:
            attrs.append(f'data-tok="{side}{tok}"')
            if links.get(tok):
                attrs.append(f'data-links="{" ".join(f"{other}{j}" for j in sorted(links[tok]))}"')
                cls.append("al")
        if ms:
            top = max(ms, key=_mark_rank)
            cls.append("hl")
            if all(m.status == "rejected" for m in ms):
                cls.append("rej")
            if any(m.status == "confirmed" for m in ms):
                cls.append("conf")
            if any(m.status == "added" for m in ms):
                cls.append("add")
            cls.append(f"sev-{top.severity}")
            tip = "\n\n".join(m.tip for m in sorted(ms, key=_mark_rank, reverse=True))
            attrs.append(f'data-m="{esc(" ".join(m.mid for m in ms))}"')
            attrs.append(f'style="--c:{CATEGORY_COLORS.get(top.category, "#ddd")}"')
            attrs.append(f'data-tip="{esc(tip)}" title="{esc(tip)}"')
        parts.append(f'<span class="{" ".join(cls)}" {" ".join(attrs)}>{esc(text[a:b])}</span>')
    return "".join(parts)


def _flag_tip(f: dict[str, Any]) -> str:
    lines = [f"{f['category']} · {f['severity']}: {f['message']}"]
    if f.get("suggestion"):
        lines.append(f"Suggestion: {f['suggestion']}")
    if f.get("status"):
        lines.append(f"{f['status']} by {f.get('reviewer') or 'anonymous'}")
    return "\n".join(lines)


def _when(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else ""


def _meta_line(items: Iterable[tuple[str, Any]]) -> str:
    return " ".join(f'<span class="mi"><i>{esc(k)}</i> {esc(v)}</span>' for k, v in items if v not in (None, ""))


Links = dict[int, set[int]]


def _links(rec: dict[str, Any], ar_toks: list[tuple[int, int]], en_toks: list[tuple[int, int]]) -> tuple[Links, Links]:
    ab, eb = ar_base(rec), en_base(rec)
    a2e: dict[int, set[int]] = {}
    e2a: dict[int, set[int]] = {}
    for link in rec.get("alignment") or []:
        a0, a1, e0, e1 = (int(link[0]) - ab, int(link[1]) - ab, int(link[2]) - eb, int(link[3]) - eb)
        ais = [i for i, (s, e) in enumerate(ar_toks) if s < a1 and a0 < e]
        eis = [j for j, (s, e) in enumerate(en_toks) if s < e1 and e0 < e]
        for i in ais:
            for j in eis:
                a2e.setdefault(i, set()).add(j)
                e2a.setdefault(j, set()).add(i)
    return a2e, e2a


def _on(f: dict[str, Any], status: str) -> str:
    return "on" if f["status"] == status else ""


def _select(name: str, options: Iterable[str], value: str | None, key: str) -> str:
    opts = "".join(f'<option value="{esc(o)}"{" selected" if o == value else ""}>{esc(o)}</option>' for o in options)
    return f'<select data-flag-field="{esc(name)}" aria-label="{esc(name)}" data-key="{esc(key)}">{opts}</select>'


def _context(store: Store, rec: dict[str, Any], n: int = 2) -> str:
    if rec.get("article") is None:
        return ""
    art = store.article(rec["article"])
    if not art:
        return ""
    text = art[0]
    a0, a1 = int(rec["ar_start"]), int(rec["ar_end"])
    sents = sentences(text, "ar")
    idx = [i for i, s in enumerate(sents) if s.start < a1 and a0 < s.end]
    if not idx:
        return ""
    lo, hi = max(0, idx[0] - n), min(len(sents), idx[-1] + n + 1)
    c0, c1 = min(sents[lo].start, a0), max(sents[hi - 1].end, a1)
    body = (f'{esc(text[c0:a0])}<mark class="here">{esc(text[a0:a1])}</mark>{esc(text[a1:c1])}')
    return (f'<details class="ctx"><summary>Neighbouring Arabic sentences '
            f'<kbd>s</kbd></summary><div class="ctxt muq-ar" dir="rtl" lang="ar">{body}</div></details>')


def _other_translations(store: Store, corpus: Corpus, rec: dict[str, Any]) -> str:
    pid = rec["pair_id"]
    mine = corpus.en_norm.get(pid, "")
    same = [p for p in corpus.by_source.get(rec.get("source") or "", []) if p != pid]
    if len(mine) >= 25:
        for other, en in corpus.en_norm.items():
            if other == pid or other in same or len(en) < 25:
                continue
            if mine in en or en in mine:
                same.append(other)
    if not same:
        return ('<div class="others"><h4>Other translations of this English unit</h4>'
                '<div class="none">No other article translates it.</div></div>')
    reviews = store.all_pair_reviews()
    freviews = store.all_flag_reviews()
    out = ['<div class="others"><h4>Other translations of this English unit</h4><ul>']
    for p in sorted(same, key=lambda x: (corpus.by_id[x].get("article") or "", x)):
        o = corpus.by_id[p]
        meta = (store.article(o["article"]) or ("", {}))[1] if o.get("article") else {}
        marks = [_Mark(f["ar_start"], f["ar_end"], f"f{f['idx']}", f["category"], f["severity"], f["status"], _flag_tip(f))
                 for f in effective_flags(o, freviews.get(p, {})) if f["ar_start"] is not None]
        rv = reviews.get(p) or {}
        corr = rv.get("corrected_ar")
        corr_html = (f'<div class="ocorr muq-ar" dir="rtl" lang="ar"><i>corrected:</i> {esc(corr)}</div>'
                     if corr and corr != o.get("ar") else "")
        out.append(
            f'<li data-other="{esc(p)}"><div class="ohead"><span class="fid v-{esc(o.get("verdict"))}">'
            f'{float(o.get("fidelity") or 0):.0f}</span> <b>{esc(o.get("article"))}</b> '
            f'{esc(meta.get("outlet") or "")} {esc(meta.get("date") or "")} · {esc(o.get("source"))} · '
            f'{esc(STATUS_LABELS.get(rv.get("status") or "", "unreviewed"))} '
            f'<button class="open" data-open="{esc(p)}">Open</button></div>'
            f'<div class="otext muq-ar" dir="rtl" lang="ar">{render_text(o.get("ar") or "", "o", [], {}, marks)}</div>'
            f'{corr_html}</li>')
    out.append("</ul></div>")
    return "".join(out)


def render_pair(store: Store, pair_id: str | None) -> str:
    """The whole pair view as one HTML string (see :func:`render_pair_parts`)."""
    return "".join(render_pair_parts(store, pair_id))


def render_pair_parts(store: Store, pair_id: str | None) -> tuple[str, str]:
    """(main, extra): the texts side by side with their flags; then the saved correction and
    note, the neighbouring Arabic sentences and the other articles' translations."""
    if not pair_id:
        return ('<div class="muq-pair empty" data-pair-id="">No pair selected: the queue is empty or filtered out.</div>',
                '<div class="muq-pair muq-extra" data-pair-id=""></div>')
    rec = store.record(pair_id)
    if rec is None:
        return (f'<div class="muq-pair empty" data-pair-id="">Unknown pair {esc(pair_id)}.</div>',
                '<div class="muq-pair muq-extra" data-pair-id=""></div>')
    corpus = corpus_of(store)
    ar, en = rec.get("ar") or "", rec.get("en") or ""
    ar_toks = [(t.start, t.end) for t in tokenize(ar, lang="ar")]
    en_toks = [(t.start, t.end) for t in tokenize(en, lang="en")]
    a2e, e2a = _links(rec, ar_toks, en_toks)
    flags = effective_flags(rec, store.flag_reviews(pair_id))
    added = local_added(rec, store.added_errors(pair_id))
    ar_marks, en_marks = [], []
    for f in flags:
        tip = _flag_tip(f)
        if f["ar_start"] is not None and f["ar_end"] is not None and f["ar_end"] > f["ar_start"]:
            ar_marks.append(_Mark(f["ar_start"], f["ar_end"], f"f{f['idx']}", f["category"], f["severity"], f["status"], tip))
        if f["en_start"] is not None and f["en_end"] is not None and f["en_end"] > f["en_start"]:
            en_marks.append(_Mark(f["en_start"], f["en_end"], f"f{f['idx']}", f["category"], f["severity"], f["status"], tip))
    for e in added:
        tip = f"{e['category']} · {e['severity']} (added by {e.get('reviewer') or 'anonymous'})"
        if e.get("note"):
            tip += f": {e['note']}"
        ar_marks.append(_Mark(e["ar_start"], e["ar_end"], f"a{e['error_id']}", e["category"], e["severity"], "added", tip))

    art_meta = (store.article(rec["article"]) or ("", {}))[1] if rec.get("article") else {}
    src = store.source(rec["source"]) if rec.get("source") else None
    src_text, src_meta = src if src else ("", {})
    review = store.pair_review(pair_id) or {}

    st = review.get("status")
    state = (f'<span class="pst st-{esc(st)}">{esc(STATUS_LABELS[st])}</span> by {esc(review.get("reviewer") or "anonymous")} '
             f'{esc(_when(review.get("updated_at")))}' if st else '<span class="pst st-unreviewed">Unreviewed</span>')
    head = (f'<div class="ph"><span class="fid v-{esc(rec.get("verdict"))}">{float(rec.get("fidelity") or 0):.0f}</span>'
            f'<b class="verdict">{esc(rec.get("verdict"))}</b> '
            f'<span class="pid">{esc(pair_id)}</span> <span class="pairing">pairing {float(rec.get("pairing") or 0):.2f}</span> '
            f'{state}</div>')
    en_meta = _meta_line([("source", rec.get("source")), ("speaker", src_meta.get("speaker")),
                          ("outlet", src_meta.get("outlet")), ("date", src_meta.get("date")),
                          ("status", src_meta.get("status"))])
    ar_meta = _meta_line([("article", rec.get("article")), ("outlet", art_meta.get("outlet")),
                          ("date", art_meta.get("date")), ("kind", art_meta.get("kind"))])
    title = (f'<div class="atitle muq-ar" dir="rtl" lang="ar">{esc(art_meta["title"])}</div>'
             if art_meta.get("title") else "")
    full_src = ""
    if src_text and src_text.strip() != en.strip():
        full_src = (f'<details class="fullsrc"><summary>Whole source unit</summary>'
                    f'<div dir="ltr" lang="en">{esc(src_text)}</div></details>')
    cols = (
        '<div class="cols">'
        f'<section class="side en" dir="ltr" lang="en"><div class="meta">{en_meta}</div>'
        f'<div class="txt en-text" data-len="{len(en)}">{render_text(en, "e", en_toks, e2a, en_marks)}</div>{full_src}</section>'
        f'<section class="side ar" dir="rtl" lang="ar"><div class="meta" dir="ltr">{ar_meta}</div>{title}'
        f'<div class="txt ar-text muq-ar" data-len="{len(ar)}" data-base="{ar_base(rec)}">'
        f'{render_text(ar, "a", ar_toks, a2e, ar_marks)}</div></section>'
        '</div>'
    )
    used = sorted({m.category for m in ar_marks + en_marks})
    legend = "".join(f'<span class="lg" style="--c:{CATEGORY_COLORS.get(c, "#ddd")}">{esc(c)}</span>' for c in used)

    items = []
    for f in flags:
        has_span = f["ar_start"] is not None and f["ar_end"] is not None
        ar_snip = ar[f["ar_start"]:f["ar_end"]] if has_span else ""
        en_snip = en[f["en_start"]:f["en_end"]] if f["en_start"] is not None and f["en_end"] is not None else ""
        changed = []
        if f["category"] != f["tool_category"]:
            changed.append(f"category was {f['tool_category']}")
        if f["severity"] != f["tool_severity"]:
            changed.append(f"severity was {f['tool_severity']}")
        status = (f'<span class="fst st-{esc(f["status"])}">{esc(f["status"])} by {esc(f.get("reviewer") or "anonymous")}</span>'
                  if f["status"] else '<span class="fst">open</span>')
        items.append(
            f'<li class="flag fs-{esc(f["status"] or "open")}" data-key="{esc(f["key"])}" data-m="f{f["idx"]}" '
            f'style="--c:{CATEGORY_COLORS.get(f["category"], "#ddd")}">'
            f'<div class="fhead"><span class="chip">{esc(f["category"])} · {esc(f["severity"])}</span> '
            f'{f"<bdi class=fsnip dir=rtl>«{esc(ar_snip)}»</bdi>" if ar_snip.strip() else ""}'
            f'{f" <bdi class=fsnip-en>“{esc(en_snip)}”</bdi>" if en_snip else ""}'
            f' <span class="fcheck">{esc(f["check"])}</span> {status}'
            f'{" <i class=fchg>(" + esc("; ".join(changed)) + ")</i>" if changed else ""}</div>'
            f'<div class="fmsg">{esc(f["message"])}</div>'
            + (f'<div class="fsug">Suggestion: <bdi dir="auto">{esc(f["suggestion"])}</bdi></div>' if f.get("suggestion") else "")
            + '<div class="facts">'
            f'<button data-flag-act="confirmed" class="{_on(f, "confirmed")}">Confirm <kbd>c</kbd></button>'
            f'<button data-flag-act="rejected" class="{_on(f, "rejected")}">Reject <kbd>r</kbd></button>'
            f'{_select("category", CATEGORIES, f["category"], f["key"])}'
            f'{_select("severity", SEVERITIES, f["severity"], f["key"])}'
            '</div></li>')
    flag_list = (f'<ol class="flags">{"".join(items)}</ol>' if items
                 else '<div class="none">The tool raised no flag on this pair.</div>')
    add_items = "".join(
        f'<li class="added-err" data-m="a{e["error_id"]}" style="--c:{CATEGORY_COLORS.get(e["category"], "#ddd")}">'
        f'<span class="chip">{esc(e["category"])} · {esc(e["severity"])}</span> '
        f'<bdi class="fsnip" dir="rtl">«{esc(ar[e["ar_start"]:e["ar_end"]])}»</bdi> '
        f'<span class="fst">added by {esc(e.get("reviewer") or "anonymous")}</span>'
        f'{" — " + esc(e["note"]) if e.get("note") else ""} '
        f'<button data-del-err="{int(e["error_id"])}" title="delete this added error">Delete</button></li>'
        for e in added)
    added_html = (f'<h4>Errors added by reviewers</h4><ul class="added">{add_items}</ul>' if add_items else "")
    corr = review.get("corrected_ar")
    corr_html = (f'<div class="corr"><h4>Saved correction</h4>'
                 f'<div class="muq-ar" dir="rtl" lang="ar">{esc(corr)}</div></div>' if corr and corr != ar else "")
    note_html = (f'<div class="pnote"><h4>Saved note</h4><div dir="auto">{esc(review.get("note"))}</div></div>'
                 if review.get("note") else "")
    main = (
        f'<div class="muq-pair" data-pair-id="{esc(pair_id)}" data-nflags="{len(flags)}">'
        f'{head}{cols}<div class="legend">{legend}'
        '<span class="hint">hover or click a word to see its alignment · select Arabic text to add an error</span></div>'
        f'<h4>Flags ({len(flags)})</h4>{flag_list}{added_html}</div>'
    )
    extra = (f'<div class="muq-pair muq-extra" data-pair-id="{esc(pair_id)}">{corr_html}{note_html}'
             f'{_context(store, rec)}{_other_translations(store, corpus, rec)}</div>')
    return main, extra
