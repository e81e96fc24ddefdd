"""The real CLI on a messy corpus (what scraping really produces): BOM, UTF-16, Windows-1256,
mojibake, HTML and Markdown articles, CRLF, bidi and zero-width characters, tatweel and
diacritics, a 5 MB line, binary and empty files, malformed JSONL. Every problem is named as
`FILE:LINE: what is wrong`, the rest is scored (exit 0) and honours the output contract;
with --strict the first problem stops the run (exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from align.store import Store

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
BLOB = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" * 84_000

# English units and the Arabic sentence that translates each (from the shipped corpus's gold)
UNITS = {
    "cnn-kim-last-visit": ("Kim last visited Russia in 2023, when he toured a space launch facility in the country's far east.",
                           "وكانت آخر زيارة لكيم إلى روسيا في 2023 حين زار منشأة إطلاق فضائية في أقصى شرق البلاد."),
    "visit-first-in-24-years": ("The visit, the first in 24 years, will last two days and signals Moscow's growing partnership "
                                "with the nuclear-armed state.",
                                "وتعد هذه الزيارة هي الأولى منذ 24 عاما، وتستمر على مدار يومين في إشارة إلى شراكة موسكو "
                                "المتنامية مع الدولة المسلحة نوويا."),
    "airport-courtesy": ("Putin and Kim exchanged moments of courtesy and respect as Kim welcomed Putin at Pyongyang airport.",
                         "تبادل الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون لحظات من التودد والاحترام "
                         "خلال استقبال كيم لبوتين في مطار بيونج يانج."),
    "visit-sanctions-ties": ("The visit highlights the strengthening ties between the two countries, which both face "
                             "wide-ranging international sanctions.",
                             "وتسلط الزيارة الضوء على تعزيز العلاقات بين البلدين اللذين يواجهان عقوبات دولية واسعة النطاق."),
    "trip-nine-months-after": ("The trip comes nine months after Kim Jong Un visited Russia, where the two leaders praised "
                               "their countries' ties but reached no formal agreements.",
                               "وتأتي هذه **الرحلة** بعد تسعة أشهر من زيارة كيم جونغ أون لروسيا، حيث أشاد الزعيمان بعلاقات "
                               "بلديهما لكنهما لم يتوصلا إلى أي اتفاقات رسمية."),
    "rare-visit-isolated-country": ("On this rare visit to one of the world's most isolated countries, President Putin met "
                                    "North Korean leader Kim Jong Un.",
                                    "\u202bوفي هذه الزيــارة النادرة لواحدة من أكثر دول العالم عُزلة، التقى الرئيس بو\u200fتين "
                                    "بالزعيم الكوري الشمالي كيم جونغ\u200c أون.\u202c"),
    "western-munitions-claims": ("Western nations allege North Korea has supplied Russia with large quantities of munitions "
                                 "from its vast stockpile.",
                                 "وتزعم الدول الغربية أن كوريا الشمالية زودت روسيا بكميات كبيرة من الذخائر من مخزونها الضخم."),
    "cnn-dna-health": ("The reason for the clean-up remains unclear, but some genetics experts have suggested that DNA could "
                       "be used to obtain information about the health of world leaders.",
                       "ولا يزال سبب تنظيف القاعة غير واضح، غير أن بعض خبراء الوراثة أشاروا إلى أن الحمض النووي يمكن أن "
                       "يستخدم للحصول على معلومات عن صحة القادة العالميين."),
}
FILLER = "وفي سياق آخر، تناولت الصحف المحلية أخبار الطقس والرياضة."


def ar(key: str) -> str:
    return UNITS[key][1]


def sloppy_cp1252(data: bytes) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


ARTICLES: dict[str, tuple[str, bytes]] = {
    # id: (the source it translates, the file's bytes)
    "001.txt": ("cnn-kim-last-visit", b"\xef\xbb\xbf" + f"{FILLER}\n{ar('cnn-kim-last-visit')}\n".encode()),
    "002.txt": ("visit-first-in-24-years", f"{ar('visit-first-in-24-years')}\r\n{FILLER}\r\n".encode("utf-16")),
    "003.txt": ("airport-courtesy", f"{FILLER}\r\n\r\n{ar('airport-courtesy')}\r\n".encode("cp1256")),
    "004.html": ("visit-sanctions-ties", (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>خبر</title><script>var x="<p>لا</p>";</script></head>'
        '<body><nav><a href="/">الرئيسية</a></nav><div class="share">شارك</div><article><h1>عنوان&nbsp;الخبر</h1>'
        f"<p>{ar('visit-sanctions-ties').replace('العلاقات', '<b>العلاقات</b>')}</p><p>{FILLER} &laquo;هنا&raquo;</p>"
        "</article><footer>حقوق النشر</footer></body></html>").encode()),
    "005.md": ("trip-nine-months-after", f"# عنوان\n\n{ar('trip-nine-months-after')}\n\n- {FILLER}\n".encode()),
    "006.txt": ("rare-visit-isolated-country", f"{FILLER}\r\n{ar('rare-visit-isolated-country')}\r\n".encode()),
    "007.txt": ("western-munitions-claims", f"{ar('western-munitions-claims')} {BLOB} {FILLER}".encode()),
    "008.txt": ("", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
    "009.txt": ("", b""),
    "010.docx": ("", b"PK\x03\x04"),
    "011.txt": ("cnn-dna-health", sloppy_cp1252(f"{FILLER}\n{ar('cnn-dna-health')}".encode()).encode()),
}


def make_messy_corpus(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    for name, (_, data) in ARTICLES.items():
        (root / "articles" / name).write_bytes(data)
    lines = [json.dumps({"id": k, "text": v[0], "speaker": "x", "status": "verified"}, ensure_ascii=False)
             for k, v in UNITS.items()]
    lines[2:2] = ['{"id": "broken", "text": "unterminated', json.dumps({"id": "cnn-kim-last-visit", "text": "dup"}),
                  json.dumps({"id": "no-text"})]
    (root / "sources.jsonl").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    gold = [json.dumps({"article": "001", "source": "cnn-kim-last-visit", "ar": ar("cnn-kim-last-visit"), "label": "ok",
                        "errors": []}, ensure_ascii=False),
            json.dumps({"article": "001", "source": "no-such-source", "ar": "x", "label": "ok"}),
            "{oops"]
    (root / "gold.jsonl").write_text("\n".join(gold) + "\n", encoding="utf-8")
    return root


def expected_messages(c: Path) -> list[str]:
    a, s, g = c / "articles", c / "sources.jsonl", c / "gold.jsonl"
    long_line = len(ARTICLES["007.txt"][1].decode())
    return [
        f"{a / '002.txt'}: read as UTF-16-LE (byte-order mark)",
        f"{a / '003.txt'}: not UTF-8; read as Windows-1256 (Arabic), detected",
        f"{a / '007.txt'}:1: very long line ({long_line:,} characters, no sentence end within 2,000): cut into "
        f"{len(BLOB) // 2000 + 1:,} pieces at clause punctuation or spaces; {len(BLOB) // 2000:,} with no Arabic letter "
        "(inline data, scripts) are not paired",
        f"{a / '008.txt'}: binary file (NUL bytes), not text; skipped",
        f"{a / '009.txt'}: empty file; skipped",
        f"{a / '010.docx'}: not an article file (.docx; articles are .txt, .md or .html); skipped",
        f"{a / '011.txt'}:1: Arabic mis-decoded as Latin (mojibake: UTF-8 read as Windows-1252) on 2 line(s); repaired",
        f"{s}:3: malformed JSON (Unterminated string starting at column 26); skipped",
        f"{s}:4: duplicate source id 'cnn-kim-last-visit'; the first is kept",
        f"{s}:5: missing field 'text'; skipped",
        f"{g}:2: unknown source id 'no-such-source'; skipped",
        f"{g}:3: malformed JSON (Expecting property name enclosed in double quotes at column 2); skipped",
    ]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align.cli.main", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    return make_messy_corpus(tmp_path_factory.mktemp("messy") / "corpus")


def test_messy_corpus_is_scored_with_every_problem_named(messy, tmp_path):
    out, db = tmp_path / "results.jsonl", tmp_path / "review.sqlite"
    proc = run_cli("score", str(messy), "--out", str(out), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    warnings = [line.removeprefix("warning: ") for line in proc.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == expected_messages(messy)

    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    st = Store(db)
    try:
        texts = {aid: st.article(aid)[0] for aid in {r["article"] for r in records}}
        for r in records:  # the output contract, against the text the store keeps
            assert r["ar"] == texts[r["article"]][r["ar_start"]:r["ar_end"]]
            assert r["en"] == UNITS[r["source"]][0][r["en_start"]:r["en_end"]]
            for f in r["flags"]:
                if f["ar_start"] is not None:
                    assert r["ar_start"] <= f["ar_start"] < f["ar_end"] <= r["ar_end"]
                    assert texts[r["article"]][f["ar_start"]:f["ar_end"]].strip()
            for a0, a1, _, _, _ in r["alignment"]:
                assert texts[r["article"]][a0:a1].strip()
        # every readable article is scored: its planted sentence is paired with its English unit
        got = {(r["article"], r["source"]) for r in records}
        for name, (source, _) in ARTICLES.items():
            if source:
                assert (name.split(".")[0], source) in got, name
        by_article = {r["article"]: r for r in records}
        # HTML and Markdown: the extracted text, no tags, no entities, no marks
        assert "<" not in texts["004"] and "&" not in texts["004"] and "شارك" not in texts["004"]
        assert "**" not in by_article["005"]["ar"] and "الرحلة" in by_article["005"]["ar"]
        # invisible characters and tatweel stay in the text (and in the pair) as they were
        assert "\u200f" in by_article["006"]["ar"] and "الزيــارة" in by_article["006"]["ar"]
        # decoded articles hold their real Arabic
        assert "بيونج يانج" in by_article["003"]["ar"] and "الحمض النووي" in by_article["011"]["ar"]
        assert len(texts["007"]) == len(ARTICLES["007.txt"][1].decode())  # the 5 MB line kept whole
    finally:
        st.close()


def test_strict_stops_at_the_first_problem_with_exit_2(messy, tmp_path):
    out = tmp_path / "results.jsonl"
    proc = run_cli("score", str(messy), "--out", str(out), "--strict")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: {messy / 'articles' / '008.txt'}: binary file (NUL bytes), not text"
    assert not out.exists()


def test_nothing_usable_exits_2(tmp_path):
    f = tmp_path / "pairs.jsonl"
    f.write_text("{broken\n" + json.dumps({"id": "x", "ar": "", "en": "y"}) + "\n", encoding="utf-8")
    proc = run_cli("score", str(f), "--out", str(tmp_path / "r.jsonl"))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"error: {f}: no usable pair; the problems found:",
        f"{f}:1: malformed JSON (Expecting property name enclosed in double quotes at column 2); skipped",
        f"{f}:2: empty field 'ar'; skipped",
    ]
