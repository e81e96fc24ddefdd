"""An English adjective hung on the wrong noun («قفازًا وبندقية مستخدمة» for 'a used glove and rifle')."""

import pytest

from align.checks.attachment import Attachment
from align.checks.base import registry
from tests.conftest import ar_spans, make_ctx


@pytest.mark.parametrize(("ar", "en", "links", "spans"), [
    ("أهدى بوتين كيم قفازا وبندقية مستخدمة", "Putin gave Kim a used glove and rifle",
     [("قفازا", "glove"), ("مستخدمة", "used")], ["وبندقية مستخدمة"]),
    ("تسلم الوزير التقرير والميزانية السنوية", "The minister received the annual report and budget",
     [("التقرير", "report"), ("السنوية", "annual")], ["والميزانية السنوية"]),
    # the adjective's own noun before it: faithful
    ("أهدى بوتين كيم قفازا مستخدما وبندقية", "Putin gave Kim a used glove and rifle",
     [("قفازا", "glove"), ("مستخدما", "used")], []),
    # a dual adjective qualifies both nouns
    ("تسلم الوزير التقرير والميزانية السنويين", "The minister received the annual report and budget",
     [("التقرير", "report"), ("السنويين", "annual")], []),
    # plural nouns: the adjective after the second may qualify both
    ("اشترت الشركة سيارات وشاحنات جديدة", "The company bought new cars and trucks", [("جديدة", "new")], []),
    # the noun phrase's own words before the adjective (a construct: «وزير الصحة الجديد»)
    ("التقى وزير الصحة الجديد بالأطباء", "The new health minister met doctors", [("الجديد", "new"), ("الصحة", "health")], []),
    # a verb, not an adjective: "police used tear gas"
    ("استخدمت الشرطة الغاز المسيل للدموع", "Police used tear gas", [("استخدمت", "used")], []),
    # a definite adjective after an indefinite conjoined noun is not its adjective
    ("أهدى بوتين كيم قفازا والبندقية مستخدمة", "Putin gave Kim a used glove and rifle",
     [("قفازا", "glove"), ("مستخدمة", "used")], []),
])
def test_attachment(ar, en, links, spans):
    ctx = make_ctx(ar, en, links)
    assert ar_spans(ctx, Attachment().run(ctx)) == spans


def test_flag_fields():
    ctx = make_ctx("أهدى بوتين كيم قفازا وبندقية مستخدمة", "Putin gave Kim a used glove and rifle",
                   [("قفازا", "glove"), ("مستخدمة", "used")])
    (f,) = Attachment().run(ctx)
    assert (f.category, f.severity) == ("mistranslation", "major")
    assert ctx.pair.en_text[f.en_start : f.en_end] == "used glove"
    assert "rifle" in f.message
    assert registry()["attachment"] is Attachment


@pytest.mark.parametrize(("ar", "en", "links"), [
    # an adjective after a construct's genitive qualifies the construct's head
    ("كانت رحلة الزعيم الأولى", "It was the leader's first trip", [("الأولى", "first"), ("رحلة", "trip")]),
    ("وصل وزير الخارجية الجديد", "The new foreign minister arrived", [("الجديد", "new")]),
])
def test_construct_passes(ar, en, links):
    ctx = make_ctx(ar, en, links)
    assert Attachment().run(ctx) == []
