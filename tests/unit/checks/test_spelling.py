"""The hamza rule: bare-alef spellings the lexicon reads only with a hamza are flagged, with
the hamzated word as the suggestion; alefs that can be the article, a prefix or a wasla pass."""

import pytest

from align.checks.base import registry
from align.checks.spelling import Spelling, missing_hamza
from tests.conftest import ar_spans, make_ctx


@pytest.mark.parametrize(("word", "fixed"), [
    ("اوكرانيا", "أوكرانيا"),
    ("اعلنت", "أعلنت"),
    ("اسرائيل", "إسرائيل"),
    ("ابريل", "أبريل"),
    ("اعلنَت", "أعلنت"),  # a diacritic does not hide the slip
])
def test_bare_alef_for_a_hamza(word, fixed):
    assert missing_hamza(word) == (True, fixed)


@pytest.mark.parametrize("word", [
    "أعلنت", "إسرائيل", "آخر",  # written with the hamza or madda
    "استقبل", "اجتماع", "انتخابات",  # wasla forms (Form VIII, X verbal nouns)
    "استراتيجية",  # «است…» is left alone
    "الأمن", "البنك", "الامن",  # the article's alef
    "ان", "انه", "اذا",  # short function words are left alone
    "اكثر",  # the lexicon also has a reading without a hamza
    "كتاب", "Ukraine", "",
])
def test_passes(word):
    assert missing_hamza(word)[0] is False


def test_flags_are_minor_grammar_on_the_word():
    ctx = make_ctx("من جهتها، اعلنت بيونغ يانغ أنها نشرت قوات لدعم روسيا في اوكرانيا", "x")
    flags = Spelling().run(ctx)
    assert ar_spans(ctx, flags) == ["اعلنت", "اوكرانيا"]
    assert [f.suggestion for f in flags] == ["أعلنت", "أوكرانيا"]
    assert {(f.category, f.severity) for f in flags} == {("grammar", "minor")}
    assert registry()["spelling"] is Spelling
