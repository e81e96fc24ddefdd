"""CSS and JavaScript of the review UI (kept apart from the Gradio wiring).

The JavaScript runs as ``js_on_load`` of two ``gr.HTML`` components, where Gradio passes
``element`` (the component's root), ``trigger`` (fires a custom event whose data reaches the
Python handler as ``gr.EventData``) and ``watch`` (runs after a server-side update re-renders
the HTML). Nothing here builds HTML from strings: tooltips are filled with ``textContent``,
so corpus text can never become markup on the client either.

Gradio evaluates ``js_on_load`` with ``Function(...)`` and CSS templates as JS template
strings: keep backticks and ``${`` out of both.
"""

from __future__ import annotations

import json

AR_FONTS = ('"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Geeza Pro", '
            '"Arabic Typesetting", "Traditional Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif')

CSS = """
.muq-ar, .muq-ar-input textarea, #muq-sel textarea { font-family: __AR__; }
#muq-corrected textarea, #muq-sel textarea { font-size: 19px; line-height: 1.9; }
.muq-progress { display: flex; align-items: center; gap: 12px; font-size: 14px; }
.muq-progress .pbar { flex: 1 1 80px; max-width: 220px; height: 8px; background: #e0e0e0; border-radius: 4px; overflow: hidden; }
.muq-progress .pbar > span { display: block; height: 100%; background: #2e7d32; }
.muq-progress .pdb { color: #777; font-size: 12px; }
.muq-progress .ptxt { white-space: nowrap; }
.muq-title { font-size: 20px; font-weight: 700; }
.muq-title .ar { font-family: __AR__; font-weight: 400; margin-inline-start: 6px; }
.fid { display: inline-block; min-width: 2.3em; text-align: center; border-radius: 10px; font-weight: 700;
       font-size: 12px; padding: 1px 6px; color: #fff; background: #607d8b; }
.fid.v-error { background: #c62828; } .fid.v-review { background: #ef6c00; } .fid.v-ok { background: #2e7d32; }
.muq-queue .qhead { font-size: 12px; color: #666; margin: 2px 0 6px; }
.muq-queue .qlist { list-style: none; margin: 0; padding: 0; max-height: 72vh; overflow-y: auto;
                    border: 1px solid #e0e0e0; border-radius: 8px; }
.muq-queue .qrow { padding: 6px 8px; border-bottom: 1px solid #eee; cursor: pointer; border-inline-start: 4px solid transparent; }
.muq-queue .qrow:hover { background: #f5f5f5; }
.muq-queue .qrow.cur { background: #e3f2fd; border-inline-start-color: #1e88e5; }
.muq-queue .qrow.st-accepted .qst { color: #2e7d32; } .muq-queue .qrow.st-needs-fix .qst { color: #ef6c00; }
.muq-queue .qrow.st-wrong-pairing .qst { color: #c62828; }
.muq-queue .qst { font-weight: 700; margin: 0 6px; }
.muq-queue .qids { font-size: 12px; color: #555; }
.muq-queue .qar { font-family: __AR__; font-size: 15px; text-align: right; line-height: 1.7; }
.muq-queue .qen { font-size: 12px; color: #555; }
.muq-queue .qfix { font-size: 11px; color: #ef6c00; }
.muq-queue .qempty, .muq-queue .qmore { padding: 8px; color: #666; font-size: 13px; }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: var(--c); margin: 0 2px;
       vertical-align: middle; }
.muq-pair { font-size: 15px; }
.muq-pair.empty { padding: 24px; color: #666; }
.muq-pair .ph { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 8px; }
.muq-pair .ph .pid { font-family: monospace; font-size: 12px; color: #555; }
.muq-pair .ph .pairing { font-size: 12px; color: #555; }
.muq-pair .pst { font-weight: 700; padding: 1px 8px; border-radius: 10px; background: #eceff1; }
.muq-pair .pst.st-accepted { background: #c8e6c9; } .muq-pair .pst.st-needs-fix { background: #ffe0b2; }
.muq-pair .pst.st-wrong-pairing { background: #ffcdd2; }
.muq-pair .cols { display: flex; gap: 14px; align-items: stretch; }
.muq-pair .side { flex: 1 1 0; min-width: 0; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 12px; }
.muq-pair .meta { font-size: 12px; color: #555; margin-bottom: 6px; }
.muq-pair .meta .mi { margin-inline-end: 10px; white-space: nowrap; } .muq-pair .meta .mi i { color: #999; }
.muq-pair .atitle { font-size: 13px; color: #555; margin-bottom: 4px; }
.muq-pair .txt { white-space: pre-wrap; line-height: 2.0; font-size: 17px; }
.muq-pair .ar-text { font-size: 23px; line-height: 2.2; text-align: right; }
.muq-pair .sg.hl { background: var(--c); border-radius: 3px; }
.muq-pair .sg.hl.sev-major { box-shadow: inset 0 -2px 0 rgba(0,0,0,.35); }
.muq-pair .sg.hl.sev-critical { box-shadow: inset 0 -3px 0 #b00020; }
.muq-pair .sg.hl.conf { box-shadow: inset 0 -3px 0 #1b5e20; }
.muq-pair .sg.hl.rej { background: transparent; box-shadow: none; text-decoration: underline dotted #9e9e9e;
       text-underline-offset: 6px; }
.muq-pair .sg.hl.add { outline: 2px dashed #37474f; outline-offset: -2px; }
.muq-pair .sg.al { cursor: pointer; }
.muq-pair .sg.lit { outline: 2px solid #1565c0; }
.muq-pair .sg.lit:not(.hl) { background: #bbdefb; }
.muq-pair .sg.curmark { box-shadow: inset 0 -4px 0 #6a1b9a; }
.muq-pair .legend { margin: 8px 0; font-size: 12px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.muq-pair .legend .lg { background: var(--c); padding: 1px 8px; border-radius: 8px; }
.muq-pair .legend .hint { color: #888; margin-inline-start: auto; }
.muq-pair h4 { margin: 12px 0 4px; font-size: 14px; }
.muq-pair ol.flags, .muq-pair ul.added, .muq-pair .others ul { list-style: none; margin: 0; padding: 0; }
.muq-pair li.flag, .muq-pair li.added-err { border: 1px solid #e0e0e0; border-inline-start: 6px solid var(--c);
       border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.muq-pair li.flag { display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 12px; align-items: center; }
.muq-pair li.flag > .facts { grid-column: 2; grid-row: 1 / span 3; margin-top: 0; }
.muq-pair li.flag.cur { outline: 3px solid #6a1b9a; }
.muq-pair li.flag.fs-rejected { opacity: .6; }
.muq-pair li.flag.fs-confirmed { background: #f1f8e9; }
.muq-pair .chip { background: var(--c); border-radius: 8px; padding: 0 8px; font-size: 12px; font-weight: 700; }
.muq-pair .fsnip { font-family: __AR__; font-size: 18px; }
.muq-pair .fcheck { font-family: monospace; font-size: 11px; color: #777; }
.muq-pair .fst { font-size: 12px; color: #555; }
.muq-pair .fst.st-confirmed { color: #1b5e20; font-weight: 700; } .muq-pair .fst.st-rejected { color: #b71c1c; font-weight: 700; }
.muq-pair .fmsg { margin: 2px 0; } .muq-pair .fsug { font-size: 14px; color: #33691e; }
.muq-pair .fsug bdi { font-family: __AR__; font-size: 17px; }
.muq-pair .facts { display: flex; gap: 6px; margin-top: 4px; flex-wrap: wrap; }
.muq-pair button, .muq-pair select { font-size: 13px; padding: 2px 10px; border: 1px solid #bdbdbd; border-radius: 6px;
       background: #fafafa; cursor: pointer; color: inherit; }
.muq-pair button.on[data-flag-act="confirmed"] { background: #c8e6c9; border-color: #2e7d32; }
.muq-pair button.on[data-flag-act="rejected"] { background: #ffcdd2; border-color: #c62828; }
.muq-pair kbd, .muq-help kbd { font-family: monospace; font-size: 11px; border: 1px solid #bbb; border-radius: 3px;
       padding: 0 3px; background: #f7f7f7; color: #333; }
.muq-pair .corr .muq-ar, .muq-pair .ocorr { font-size: 19px; line-height: 1.9; }
.muq-pair details { margin-top: 10px; }
.muq-pair details summary { cursor: pointer; font-weight: 700; font-size: 14px; }
.muq-pair .ctxt { white-space: pre-wrap; font-size: 18px; line-height: 2; color: #444; border: 1px solid #eee;
       border-radius: 6px; padding: 6px 10px; }
.muq-pair .ctxt mark.here { background: #fff59d; color: inherit; }
.muq-pair .others li { border: 1px solid #e0e0e0; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.muq-pair .others .otext { font-size: 19px; line-height: 2; white-space: pre-wrap; }
.muq-pair .others .ohead { font-size: 12px; color: #555; }
.muq-pair .none { color: #777; font-size: 13px; }
.muq-tip { position: fixed; z-index: 10000; max-width: 440px; background: #263238; color: #fff; padding: 6px 9px;
       border-radius: 6px; font-size: 13px; line-height: 1.5; white-space: pre-line; pointer-events: none;
       unicode-bidi: plaintext; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.muq-help { font-size: 13px; }
.muq-help table { border-collapse: collapse; } .muq-help td { padding: 1px 10px 1px 0; }
#muq-status { font-size: 13px; color: #2e7d32; min-height: 1.4em; }
#muq-status .warn { color: #c62828; }
""".replace("__AR__", AR_FONTS)

HELP_HTML = """
<details class="muq-help" id="muq-help"><summary><b>Keyboard shortcuts</b> <kbd>?</kbd></summary>
<table>
<tr><td><kbd>n</kbd> / <kbd>j</kbd></td><td>next pair</td><td><kbd>p</kbd> / <kbd>k</kbd></td><td>previous pair</td></tr>
<tr><td><kbd>a</kbd></td><td>accept, then next</td><td><kbd>f</kbd></td><td>needs fix (stay to type the correction)</td></tr>
<tr><td><kbd>w</kbd></td><td>wrong pairing, then next</td><td><kbd>s</kbd></td><td>show / hide neighbouring sentences</td></tr>
<tr><td><kbd>↓</kbd> / <kbd>↑</kbd></td><td>next / previous flag</td>
    <td><kbd>c</kbd> / <kbd>r</kbd></td><td>confirm / reject that flag</td></tr>
<tr><td><kbd>1</kbd> <kbd>2</kbd> <kbd>3</kbd></td><td>its severity: minor / major / critical</td>
    <td><kbd>e</kbd></td><td>add the selected Arabic span as an error</td></tr>
<tr><td><kbd>t</kbd></td><td>type the corrected Arabic</td><td><kbd>o</kbd></td><td>write a note</td></tr>
<tr><td><kbd>Ctrl</kbd>+<kbd>Enter</kbd></td><td>save correction and note</td>
    <td><kbd>Esc</kbd></td><td>leave a text field (saves it)</td></tr>
</table>
<div>Decisions are saved the moment you make them. Select Arabic text with the mouse to add a missed error;
hover or click a word to see the words it is aligned to.</div>
</details>
"""

_PAIR_JS = r"""
const root = element;
const M = (window.__muq = window.__muq || {});
M.trigger = trigger;
if (!document.getElementById('muq-css')) {
  const st = document.createElement('style'); st.id = 'muq-css'; st.textContent = __CSS__; document.head.appendChild(st);
}
let tip = document.querySelector('.muq-tip');
if (!tip) {
  tip = document.createElement('div'); tip.className = 'muq-tip'; tip.style.display = 'none';
  document.body.appendChild(tip);
}
const pairEl = () => root.querySelector('.muq-pair');
const pairId = () => { const p = pairEl(); return p ? p.dataset.pairId : ''; };
const clearLit = () => root.querySelectorAll('.lit').forEach(e => e.classList.remove('lit'));
function light(tok) {
  clearLit();
  root.querySelectorAll('[data-tok="' + tok.dataset.tok + '"]').forEach(e => e.classList.add('lit'));
  (tok.dataset.links || '').split(' ').filter(Boolean).forEach(l =>
    root.querySelectorAll('[data-tok="' + l + '"]').forEach(e => e.classList.add('lit')));
}
function showTip(el) {
  // below the hovered words, kept inside the window (its text is set as text, never as HTML)
  tip.textContent = el.dataset.tip; tip.style.display = 'block';
  const r = el.getBoundingClientRect(), w = tip.offsetWidth;
  const rtl = !!el.closest('[dir="rtl"]');
  let x = rtl ? r.right - w : r.left;
  x = Math.max(4, Math.min(x, window.innerWidth - w - 4));
  tip.style.left = x + 'px'; tip.style.top = (r.bottom + 6) + 'px';
}
function markFlag(mid, on) {
  root.querySelectorAll('.cols .sg[data-m]').forEach(s => {
    if (s.dataset.m.split(' ').includes(mid)) s.classList.toggle('curmark', on);
  });
}
root.addEventListener('mouseover', ev => {
  const tok = ev.target.closest('[data-tok]');
  if (tok && !M.pinned) light(tok);
  const t = ev.target.closest('.sg[data-tip]');
  if (t) showTip(t); else tip.style.display = 'none';
  const li = ev.target.closest('li[data-m]');
  if (li) markFlag(li.dataset.m, true);
});
root.addEventListener('mouseout', ev => {
  const to = ev.relatedTarget;
  const tok = ev.target.closest('[data-tok]');
  if (tok && !M.pinned && !(to && to.closest && to.closest('[data-tok]'))) clearLit();
  if (!(to && to.closest && to.closest('.sg[data-tip]'))) tip.style.display = 'none';
  const li = ev.target.closest('li[data-m]');
  if (li && !(to && li.contains(to))) { markFlag(li.dataset.m, false); applyCursor(); }
});
root.addEventListener('click', ev => {
  const act = ev.target.closest('[data-flag-act]');
  if (act) { const li = act.closest('li.flag');
    trigger('muq_flag', {pair_id: pairId(), key: li.dataset.key, field: 'status', value: act.dataset.flagAct}); return; }
  const del = ev.target.closest('[data-del-err]');
  if (del) { trigger('muq_unerr', {pair_id: pairId(), error_id: Number(del.dataset.delErr)}); return; }
  const li = ev.target.closest('li.flag');
  if (li && !ev.target.closest('select')) {
    const all = Array.from(root.querySelectorAll('li.flag')); M.cur = all.indexOf(li); applyCursor();
  }
  const tok = ev.target.closest('[data-tok]');
  const sel = window.getSelection();
  if (tok && (!sel || sel.isCollapsed)) {
    if (M.pinned === tok.dataset.tok) { M.pinned = null; clearLit(); }
    else { M.pinned = null; light(tok); M.pinned = tok.dataset.tok; }
  }
});
root.addEventListener('change', ev => {
  const s = ev.target.closest('select[data-flag-field]');
  if (s) trigger('muq_flag', {pair_id: pairId(), key: s.dataset.key, field: s.dataset.flagField, value: s.value});
});
function offsetIn(box, node, off) {
  if (node.nodeType === 3) {
    const seg = node.parentElement && node.parentElement.closest('[data-o]');
    return seg && box.contains(seg) ? Number(seg.dataset.o) + off : null;
  }
  if (node === box) {
    const kids = box.childNodes;
    if (off < kids.length && kids[off].dataset) return Number(kids[off].dataset.o);
    return Number(box.dataset.len);
  }
  const seg = node.closest && node.closest('[data-o]');
  if (!seg || !box.contains(seg)) return null;
  return Number(seg.dataset.o) + (off > 0 ? seg.textContent.length : 0);
}
function reportSelection() {
  const box = root.querySelector('.ar-text');
  const sel = window.getSelection();
  if (!box || !sel || sel.isCollapsed || !sel.rangeCount) return;
  const r = sel.getRangeAt(0);
  if (!r.intersectsNode(box)) return;
  const inS = box.contains(r.startContainer), inE = box.contains(r.endContainer);
  let s = inS ? offsetIn(box, r.startContainer, r.startOffset) : 0;
  let e = inE ? offsetIn(box, r.endContainer, r.endOffset) : Number(box.dataset.len);
  if (s === null || e === null) return;
  if (s > e) { const x = s; s = e; e = x; }
  if (e <= s) return;
  M.sel = {pair_id: pairId(), start: s, end: e};
  trigger('muq_span', {pair_id: pairId(), start: s, end: e});
}
root.addEventListener('mouseup', () => setTimeout(reportSelection, 0));
root.addEventListener('keyup', ev => { if (ev.shiftKey) setTimeout(reportSelection, 0); });
function flags() { return Array.from(root.querySelectorAll('li.flag')); }
function applyCursor() {
  const all = flags();
  root.querySelectorAll('.curmark').forEach(e => e.classList.remove('curmark'));
  all.forEach(li => li.classList.remove('cur'));
  if (!all.length) return;
  if (M.cur == null || M.cur < 0) M.cur = 0;
  if (M.cur >= all.length) M.cur = all.length - 1;
  all[M.cur].classList.add('cur');
  markFlag(all[M.cur].dataset.m, true);
}
function afterRender() {
  const id = pairId();
  if (id !== M.lastPair) {
    M.lastPair = id; M.cur = 0; M.pinned = null; M.sel = null;
    if (id) { const u = new URL(window.location.href); u.searchParams.set('pair', id); history.replaceState(null, '', u); }
  }
  root.querySelectorAll('select').forEach(s => { const o = s.querySelector('option[selected]'); if (o) s.value = o.value; });
  tip.style.display = 'none';
  applyCursor();
}
watch('value', afterRender);
afterRender();
M.pairKeys = function (ev) {
  const all = flags(), k = ev.key;
  const cur = all.length ? all[Math.max(0, Math.min(M.cur || 0, all.length - 1))] : null;
  const send = (field, value) => {
    if (cur) trigger('muq_flag', {pair_id: pairId(), key: cur.dataset.key, field: field, value: value});
  };
  const move = d => {
    M.cur = Math.max(0, Math.min(all.length - 1, (M.cur || 0) + d)); applyCursor();
    all[M.cur].scrollIntoView({block: 'nearest'}); return true;
  };
  if (k === 'ArrowDown' && all.length) return move(+1);
  if (k === 'ArrowUp' && all.length) return move(-1);
  if (k === 'c') { send('status', 'confirmed'); return true; }
  if (k === 'r') { send('status', 'rejected'); return true; }
  if (k === '1' || k === '2' || k === '3') { send('severity', {'1': 'minor', '2': 'major', '3': 'critical'}[k]); return true; }
  if (k === 's') { const d = document.querySelector('#muq-extra details.ctx'); if (d) d.open = !d.open; return true; }
  return false;
};
if (!M.keysBound) {
  M.keysBound = true;
  const click = sel => { const b = document.querySelector(sel); if (b) b.click(); return !!b; };
  document.addEventListener('keydown', ev => {
    const t = ev.target, tag = (t && t.tagName) || '';
    const typing = (tag === 'INPUT' && !['radio', 'checkbox', 'button', 'submit'].includes(t.type)) ||
      tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable);
    if (typing) {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') { ev.preventDefault(); t.blur(); click('#muq-save'); }
      else if (ev.key === 'Escape') { t.blur(); }
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const k = ev.key;
    const focus = sel => { const el = document.querySelector(sel); if (el) el.focus(); };
    let done = true;
    if (k === 'n' || k === 'j') click('#muq-next');
    else if (k === 'p' || k === 'k') click('#muq-prev');
    else if (k === 'a') click('#muq-accept');
    else if (k === 'f') click('#muq-needsfix');
    else if (k === 'w') click('#muq-wrong');
    else if (k === 'e') click('#muq-add');
    else if (k === 't') focus('#muq-corrected textarea');
    else if (k === 'o') focus('#muq-note textarea');
    else if (k === '?') { const h = document.getElementById('muq-help'); if (h) h.open = !h.open; }
    else if (k === 'Escape') { const h = document.getElementById('muq-help'); if (h) h.open = false; }
    else done = M.pairKeys ? M.pairKeys(ev) : false;
    if (done) ev.preventDefault();
  });
}
"""

_EXTRA_JS = r"""
const M = (window.__muq = window.__muq || {});
const extraId = () => { const p = element.querySelector('.muq-extra'); return p ? p.dataset.pairId : ''; };
element.addEventListener('click', ev => {
  const op = ev.target.closest('[data-open]');
  if (op) trigger('muq_open', {pair_id: op.dataset.open});
});
// the neighbouring sentences stay open while the same pair is re-rendered after a decision
element.addEventListener('toggle', ev => {
  if (ev.target.classList && ev.target.classList.contains('ctx')) { M.ctxOpen = ev.target.open; M.ctxPair = extraId(); }
}, true);
watch('value', () => {
  const ctx = element.querySelector('details.ctx');
  if (ctx && M.ctxOpen && M.ctxPair === extraId()) ctx.open = true;
});
"""

_QUEUE_JS = r"""
element.addEventListener('click', ev => {
  const row = ev.target.closest('[data-open]');
  if (row) trigger('muq_open', {pair_id: row.dataset.open});
});
watch('value', () => {
  const cur = element.querySelector('.qrow.cur');
  if (cur) cur.scrollIntoView({block: 'nearest'});
});
"""

PAIR_JS = _PAIR_JS.replace("__CSS__", json.dumps(CSS))
QUEUE_JS = _QUEUE_JS
EXTRA_JS = _EXTRA_JS
