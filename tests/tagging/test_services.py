"""Tag names, who/when, the public/private rule and Section.tags (what the index reads)."""
import pytest

from speeches.models import Tag
from speeches.search import search
from tagging import services
from tagging.models import Tagging
from tagging.services import TagError
from tests.tagging.conftest import section

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("spellings", [("AI", "ＡＩ", "ai", " Ai "), ("营商环境", "營商環境"),
                                       ("放管服 改革", "放管服　 改革")])
def test_spellings_are_one_tag(people, speech, spellings):
    s = section(speech, "s1")
    for name in spellings:
        services.tag_add(user=people["a"], section=s, name=name)
    assert Tag.objects.count() == 1
    tag = Tag.objects.get()
    assert tag.name == " ".join(spellings[0].split())  # the first spelling is the one shown
    assert Tagging.objects.filter(section=s).count() == 1


@pytest.mark.parametrize("bad", ["", "   ", "x" * 51, "a\u200bb", "a\x00b", None, 5])
def test_bad_names_are_refused_with_a_message(people, speech, bad):
    with pytest.raises(TagError) as error:
        services.tag_add(user=people["a"], section=section(speech, "s1"), name=bad)
    assert str(error.value)
    assert not Tag.objects.exists()


def test_who_and_when_are_recorded_and_the_anchor_kept(people, speech):
    tagging = services.tag_add(user=people["a"], section=section(speech, "s1-1"), name="数字政府")
    assert tagging.user == people["a"] and tagging.created is not None
    assert (tagging.speech_uid, tagging.anchor) == (speech.uid, "s1-1")
    assert tagging.quote.startswith("推进数字政府\n用好AI")


def test_public_tag_reaches_section_tags_and_search_private_does_not(people, speech, index, on_commit):
    s1, s2 = section(speech, "s1"), section(speech, "s2")
    with on_commit():
        services.tag_add(user=people["a"], section=s1, name="重点")
        services.tag_add(user=people["b"], section=s2, name="我的私藏", private=True)
    assert list(s1.tags.values_list("name", flat=True)) == ["重点"]
    assert not s2.tags.exists()
    page = search(q="")
    assert [(f.value, f.count) for f in page.facets["tag"]] == [("重点", 1)]
    assert search(q="", filters={"tag": ["重点"]}).count == 1
    assert search(q="", filters={"tag": ["我的私藏"]}).count == 0


def test_removing_keeps_the_tag_while_another_reader_has_it_public(people, speech, index, on_commit):
    s1 = section(speech, "s1")
    with on_commit():
        services.tag_add(user=people["a"], section=s1, name="重点")
        services.tag_add(user=people["b"], section=s1, name="重点")
        assert services.tag_remove(user=people["a"], section=s1, name="重点") == 1
    assert s1.tags.filter(name="重点").exists()
    assert search(q="", filters={"tag": ["重点"]}).count == 1
    with on_commit():
        services.tag_remove(user=people["b"], section=s1, name="重点")
    assert not s1.tags.exists()
    assert search(q="", filters={"tag": ["重点"]}).count == 0  # the next search, through the queue


def test_reader_cannot_remove_anothers_tag_staff_can_remove_public_only(people, speech):
    s1 = section(speech, "s1")
    services.tag_add(user=people["a"], section=s1, name="重点")
    services.tag_add(user=people["a"], section=s1, name="私", private=True)
    assert services.tag_remove(user=people["b"], section=s1, name="重点") == 0
    assert services.tag_remove(user=people["staff"], section=s1, name="私") == 0
    assert services.tag_remove(user=people["staff"], section=s1, name="重点") == 1
    assert list(Tagging.objects.values_list("tag__name", flat=True)) == ["私"]


def test_making_a_tag_private_takes_it_out_of_the_index(people, speech, index, on_commit):
    s1 = section(speech, "s1")
    with on_commit():
        services.tag_add(user=people["a"], section=s1, name="重点")
    assert search(q="", filters={"tag": ["重点"]}).count == 1
    with on_commit():
        services.tag_add(user=people["a"], section=s1, name="重点", private=True)
    assert search(q="", filters={"tag": ["重点"]}).count == 0


def test_admin_tag_chooser_keeps_taggings_in_step(people, speech):
    s1 = section(speech, "s1")
    tag = Tag.objects.create(name="档案")
    assert tag.slug == "档案"
    s1.tags.add(tag)  # what the admin's chooser does
    made = Tagging.objects.get()
    assert (made.user, made.private, made.anchor) == (None, False, "s1")
    assert [t["tag"].name for t in services.section_tags(people["b"], [s1])[s1.pk]] == ["档案"]
    s1.tags.remove(tag)
    assert not Tagging.objects.exists()


def test_suggestions_fold_and_never_name_a_private_tag(people, speech):
    s1 = section(speech, "s1")
    services.tag_add(user=people["a"], section=s1, name="营商环境")
    services.tag_add(user=people["a"], section=s1, name="营商秘密", private=True)
    names = lambda user, text: [r["tag__name"] for r in services.tag_counts(user, contains=text)]  # noqa: E731
    assert names(people["b"], "營商") == ["营商环境"]
    assert sorted(names(people["a"], "营商")) == ["营商环境", "营商秘密"]
    assert names(people["b"], "秘密") == []


def test_the_admin_form_refuses_a_second_spelling_of_a_tag(admin_client):
    from django.core.exceptions import ValidationError

    Tag.objects.create(name="營商環境")
    with pytest.raises(ValidationError) as error:
        Tag(name="营商环境").full_clean()
    assert "name" in error.value.message_dict
    response = admin_client.post("/admin/speeches/tag/add/", {"name": "营商环境"})
    assert response.status_code == 200 and Tag.objects.count() == 1  # the form again, with the error


def test_a_deleted_account_takes_its_private_tags_and_leaves_its_public_ones(people, speech):
    s1 = section(speech, "s1")
    services.tag_add(user=people["a"], section=s1, name="公开")
    services.tag_add(user=people["a"], section=s1, name="私", private=True)
    people["a"].delete()
    assert list(Tagging.objects.values_list("tag__name", "user")) == [("公开", None)]
    assert list(s1.tags.values_list("name", flat=True)) == ["公开"]
