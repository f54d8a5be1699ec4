"""Tags survive a re-import: re-attached by anchor and quote, detached when the words are gone."""
import pytest
from django.db import transaction

from speeches.models import Section
from speeches.search import search
from speeches.signals import sections_replaced
from tagging import services
from tagging.models import Tagging
from tests.tagging.conftest import section

pytestmark = pytest.mark.django_db


def replace_sections(speech, tree):
    """What a re-import does: delete the sections, create new ones, send the signal."""
    with transaction.atomic():
        speech.sections.all().delete()
        for order, (anchor, label, heading, body) in enumerate(tree):
            Section.objects.create(speech=speech, order=order, anchor=anchor, label=label, heading=heading,
                                   body=body)
        sections_replaced.send(sender=type(speech), speech=speech)


def test_same_text_re_imported_keeps_every_tag(people, speech, index, on_commit):
    with on_commit():
        services.tag_add(user=people["a"], section=section(speech, "s1-1"), name="数字政府")
        services.tag_add(user=people["b"], section=section(speech, "s2"), name="私", private=True)
    old = {s.anchor: (s.label, s.heading, s.body) for s in speech.sections.all()}
    with on_commit():
        replace_sections(speech, [(a, *old[a]) for a in ("s1", "s1-1", "s2")])
    assert set(Tagging.objects.values_list("anchor", "section__anchor")) == {("s1-1", "s1-1"), ("s2", "s2")}
    assert section(speech, "s1-1").tags.filter(name="数字政府").exists()
    hits = search(q="", filters={"tag": ["数字政府"]})
    assert hits.count == 1 and hits.results[0].hits[0].section.anchor == "s1-1"


def test_section_moved_by_an_insertion_follows_its_words(people, speech):
    services.tag_add(user=people["a"], section=section(speech, "s2"), name="落实")
    replace_sections(speech, [("s1", "一、", "优化营商环境", "营商环境是生产力。"),
                              ("s2", "二、", "新插入的一节", "完全不同的内容。"),
                              ("s3", "三、", "狠抓工作落实", "落实是关键。")])
    tagging = Tagging.objects.get()
    assert (tagging.section.anchor, tagging.anchor) == ("s3", "s3")


def test_words_gone_or_ambiguous_leave_the_tag_detached_not_moved(people, speech):
    services.tag_add(user=people["a"], section=section(speech, "s2"), name="落实")
    services.tag_add(user=people["a"], section=section(speech, "s1-1"), name="数字")
    replace_sections(speech, [
        ("s1", "一、", "优化营商环境", "营商环境是生产力。"),
        ("s2", "二、", "狠抓工作", "落实是关键。"),  # heading edited: the quote is gone
        ("s3", "三、", "推进数字政府", "用好AI和大数据。"),  # the same words twice, neither at s1-1
        ("s4", "四、", "推进数字政府", "用好AI和大数据。"),
    ])
    assert not Tagging.objects.filter(section__isnull=False).exists()
    assert Tagging.objects.count() == 2  # kept, detached: shown nowhere
    assert not Section.objects.filter(tags__isnull=False).exists()


def test_re_parse_through_the_service_keeps_readers_tags_once(people, speech, index, on_commit):
    """speeches.services.speech_replace copies Section.tags itself before the signal: a reader's tag
    must come back as that reader's tagging, once, not as a reader-less copy beside it."""
    from speeches.services import _retag

    s2 = section(speech, "s2")
    services.tag_add(user=people["a"], section=s2, name="落实")
    services.tag_add(user=people["b"], section=s2, name="私", private=True)
    old = [(s.body, (s.label, s.heading), list(s.tags.values_list("pk", flat=True))) for s in speech.sections.all()]
    with on_commit(), transaction.atomic():
        speech.sections.all().delete()
        Section.objects.create(speech=speech, order=0, anchor="s1", label="一、", heading="新的一节", body="新内容。")
        Section.objects.create(speech=speech, order=1, anchor="s2", label="二、", heading="狠抓工作落实",
                               body="落实是关键。")
        _retag(speech, old)
        sections_replaced.send(sender=type(speech), speech=speech)
    rows = set(Tagging.objects.values_list("user__username", "tag__name", "section__anchor", "private"))
    assert rows == {("reader_a", "落实", "s2", False), ("reader_b", "私", "s2", True)}
    assert list(section(speech, "s2").tags.values_list("name", flat=True)) == ["落实"]
    assert search(q="", filters={"tag": ["落实"]}).count == 1



def test_a_re_parse_that_only_changed_widths_keeps_the_tag_where_it_was(people, speech):
    """The shared rule (annotations.anchoring.reanchor) runs on folded text: ＡＩ and AI are one."""
    services.tag_add(user=people["a"], section=section(speech, "s1-1"), name="数字政府")
    replace_sections(speech, [("s1", "一、", "优化营商环境", "营商环境是生产力。"),
                              ("s1-1", "（一）", "推进数字政府", "用好ＡＩ和大数据。"),
                              ("s2", "二、", "狠抓工作落实", "落实是关键。")])
    assert Tagging.objects.get().section.anchor == "s1-1"
