"""An Arabic clause that no English word explains (a claim the desk added)."""

import pytest

from align.checks.addition import MIN_WORDS, Addition
from align.checks.base import registry
from tests.conftest import ar_spans, make_ctx

EN = "The lawyer said his client had done nothing wrong."
LINKS = [("المحامي", "lawyer"), ("موكله", "client"), ("يرتكب", "done"), ("خطأ", "wrong")]


@pytest.mark.parametrize(("ar", "links", "spans"), [
    # a whole claim with no link and no dictionary translation in the English
    ("قال المحامي إن موكله لم يرتكب أي خطأ، مؤكداً أنه يملك أدلة تثبت أن الأموال كانت تبرعات قانونية.", LINKS,
     ["مؤكداً أنه يملك أدلة تثبت أن الأموال كانت تبرعات قانونية"]),
    # the same words, but the English says them: a dictionary translation breaks the run
    ("قال المحامي إن موكله لم يرتكب أي خطأ", LINKS, []),
    # an attribution is routine in an article: the quoted unit does not name its speaker
    ("ونقلت وكالة الأنباء الرسمية عن المحامي قوله إن موكله لم يرتكب أي خطأ", LINKS, []),
    # punctuation ends a run: short unexplained phrases in several clauses are a free rendering
    ("قال المحامي، بلهجة هادئة، إن موكله، كما يعرف الجميع، لم يرتكب أي خطأ", LINKS, []),
    # no links at all: nothing to judge by
    ("مؤكداً أنه يملك أدلة تثبت أن الأموال كانت تبرعات قانونية", [], []),
])
def test_runs_of_unexplained_words(ar, links, spans):
    ctx = make_ctx(ar, EN, links)
    assert ar_spans(ctx, Addition().run(ctx)) == spans


def test_flag_is_a_minor_addition_on_the_arabic_only():
    ar = "قال المحامي إن موكله لم يرتكب أي خطأ، مؤكداً أنه يملك أدلة تثبت أن الأموال كانت تبرعات قانونية."
    ctx = make_ctx(ar, EN, LINKS)
    (f,) = Addition().run(ctx)
    assert (f.category, f.severity, f.en_start) == ("addition", "minor", None)
    assert "no English word explains" in f.message
    assert MIN_WORDS >= 4 and registry()["addition"] is Addition
