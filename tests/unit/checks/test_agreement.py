"""The agreement rules, one table each: the error, its correction, and the look-alikes that
are correct Arabic and must pass."""

import pytest

from align.checks.agreement import (
    Agreement,
    adjective_definiteness,
    counted_plural,
    dual,
    fem_plural_verb,
    inna_la,
    tamma,
    two_plural,
)
from tests.conftest import ar_spans, make_ctx


def hits(rule, ar: str, en: str = "x", links=None) -> list[tuple[str, str]]:
    ctx = make_ctx(ar, en, links)
    return [(ctx.ar_tokens[i].text, sug) for i, _msg, sug in rule(ctx)]


@pytest.mark.parametrize(("ar", "expected"), [
    ("حيث تم مناقشة العلاقات الثنائية", [("تم", "تمت")]),
    ("ويتم دراسة الملف حالياً", [("ويتم", "وتتم")]),
    ("وسيتم مراجعة القرار", [("وسيتم", "وستتم")]),
    ("وتم إعادة الرهائن", [("وتم", "وتمت")]),
    # masculine verbal nouns, the agreeing form, and time words after تم
    ("تم التوقيع على الاتفاق", []),
    ("تمت مناقشة العلاقات", []),
    ("تم الساعة العاشرة", []),
    ("تم، مناقشة", []),
])
def test_tamma(ar, expected):
    assert hits(tamma, ar) == expected


@pytest.mark.parametrize(("ar", "expected"), [
    ("أريد أن أقول إن لا أحد يخطط لأي شيء", [("إن", "إنه")]),
    ("وقال فإن لا شيء تغير", [("فإن", "فإنه")]),
    ("أريد أن أقول إنه لا أحد يخطط", []),
    ("إن الاتفاق لا يشمل", []),
    ("إلا أن لا أحد", []),
])
def test_inna_la(ar, expected):
    assert hits(inna_la, ar) == expected


@pytest.mark.parametrize(("ar", "en", "expected"), [
    ("إن بوتين وكيم سافروا من حفل استقبال", "Putin and Kim travelled from a reception", [("سافروا", "سافرا")]),
    ("وقال إن ماكرون وشولتس يريدون حلاً", "He said Macron and Scholz want a solution", [("يريدون", "يريدان")]),
    # already dual; verb-first order (singular verb); no coordinated names in the English
    ("إن بوتين وكيم سافرا من حفل", "Putin and Kim travelled from a reception", []),
    ("سافر بوتين وكيم من حفل", "Putin and Kim travelled from a reception", []),
    ("بوتين وكيم سافروا", "Putin met Kim", []),
    # the Arabic names are not the English ones
    ("الوزراء والنواب قالوا", "Putin and Kim said", []),
    # nationalities coordinate groups, not two people
    ("الروس والكوريون احتفلوا", "Russians and Koreans celebrated", []),
])
def test_dual(ar, en, expected):
    assert hits(dual, ar, en) == expected


def test_flags_are_minor_grammar_on_the_word_to_change():
    ctx = make_ctx("حيث تم مناقشة الأمر، وأريد أن أقول إن لا أحد يخطط", "x")
    flags = Agreement().run(ctx)
    assert ar_spans(ctx, flags) == ["تم", "إن"]
    assert {(f.category, f.severity) for f in flags} == {("grammar", "minor")}
    assert [f.suggestion for f in flags] == ["تمت", "إنه"]


@pytest.mark.parametrize(("ar", "expected"), [
    ("شارك ممثلون عن 12 دول في الاجتماع", ["دول"]),
    ("خسر الفريق 15 مباريات متتالية", ["مباريات"]),
    ("استمر الاجتماع ٢٠ دقائق", ["دقائق"]),
    # singular after 11-99, plural after 3-10, numbers that are not counts
    ("شارك ممثلون عن 12 دولة", []),
    ("شارك ممثلون عن 5 دول", []),
    ("ارتفع المؤشر 3.15 نقاط", []),
    ("قتل 20 مسؤولين", []),  # dual or plural: ambiguous, passes
    ("في 11 سبتمبر", []),
    ("12، دول", []),
    ("مساحة 12² دول", []),  # a superscript is a digit to str.isdigit, not a number
])
def test_counted_plural(ar, expected):
    assert [w for w, _ in hits(counted_plural, ar)] == expected


@pytest.mark.parametrize(("ar", "en", "links", "expected"), [
    ("واتفق الوزراء على إنشاء مجموعة عمل", "The two ministers agreed to set up a working group",
     [("الوزراء", "ministers")], ["الوزراء"]),
    ("واتفق الوزيران على إنشاء مجموعة عمل", "The two ministers agreed to set up a working group",
     [("الوزيران", "ministers")], []),
    ("أطلق سراح اثنين من عمال الإغاثة", "Two aid workers were released", [("عمال", "workers")], []),
    ("تبادل الجانبان الاتهامات", "Both sides traded accusations", [("الاتهامات", "accusations")], []),
])
def test_two_plural(ar, en, links, expected):
    assert [w for w, _ in hits(two_plural, ar, en, links)] == expected


@pytest.mark.parametrize(("ar", "expected"), [
    ("قال إن التوقعات يعتمد على أسعار النفط", [("يعتمد", "تعتمد")]),
    ("وأكد أن الصادرات يرتفع حجمها", [("يرتفع", "ترتفع")]),
    # feminine agreement, or a human feminine plural with its own ending
    ("قال إن التوقعات تعتمد على أسعار النفط", []),
    ("وقالت إن المعلمات يعملن ساعات طويلة", []),
    # impersonal verbs, a construct's genitive, a relative clause with its own subject
    ("وقال إن الصادرات يجب أن ترتفع", []),
    ("وقال إن عدد الشركات يعتمد على الدعم", []),
    ("هذه التوقعات يعتمد عليها المستثمرون", []),
    # punctuation between them: not subject and verb
    ("ارتفعت الصادرات، يقول الخبراء", []),
])
def test_fem_plural_verb(ar, expected):
    assert hits(fem_plural_verb, ar) == expected


@pytest.mark.parametrize(("ar", "en", "expected"), [
    ("وتمنيا لبعضهما الصحة جيدة، ورافقه", "They wished each other good health", [("جيدة", "الجيدة")]),
    ("وأعلنت الوزارة القواعد جديدة للاستيراد", "The ministry announced new rules for imports", [("جديدة", "الجديدة")]),
    # agreement in definiteness, or both indefinite
    ("وتمنيا لبعضهما الصحة الجيدة", "They wished each other good health", []),
    ("وأعلنت الوزارة قواعد جديدة للاستيراد", "The ministry announced new rules for imports", []),
    # a predicate where Arabic puts one: after «إن», «كان», a verb of two objects; an elative
    ("وقال إن الصحة جيدة", "He spoke of good health", []),
    ("وكانت القواعد جديدة", "They were new rules", []),
    ("مما أدى إلى جعل الأسعار مرتفعة", "It led to high prices", []),
    ("وأصبحت الأسعار أعلى", "It brought higher prices", []),
    # the English adjective is predicative: nothing to compare
    ("القواعد جديدة", "The rules are new", []),
])
def test_adjective_definiteness(ar, en, expected):
    assert hits(adjective_definiteness, ar, en) == expected
