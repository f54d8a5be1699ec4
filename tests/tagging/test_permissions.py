"""Who may do what, asserted through the pages, the JSON API and search results.

{anonymous, reader A, reader B, staff} × {tag, untag, tag a search, undo, read A's private tag}.
"""
import json

import pytest
from django.urls import reverse

from speeches.search import search
from tagging import bulk, services
from tagging.models import TagBatch, Tagging
from tests.tagging.conftest import section

pytestmark = pytest.mark.django_db
WHO = ["anonymous", "a", "b", "staff"]


@pytest.fixture
def as_(client, people):
    def login(who):
        client.logout()
        if who != "anonymous":
            client.force_login(people[who])
        return client
    return login


def api(uid, anchor, remove=False):
    return reverse("api_section_untag" if remove else "api_section_tags", args=[uid, anchor])


@pytest.mark.parametrize("who", WHO)
def test_tag_through_page_and_api(as_, speech, who):
    client = as_(who)
    page = client.post(reverse("section_tag", args=[speech.uid, "s1", "add"]), {"name": "页面"})
    response = client.post(api(speech.uid, "s1"), json.dumps({"name": "接口"}), content_type="application/json")
    made = set(Tagging.objects.values_list("tag__name", flat=True))
    if who == "anonymous":
        assert page.status_code == 302 and page["Location"].startswith(reverse("login"))
        assert response.status_code == 403 and made == set()
    else:
        assert page.status_code == 302 and page["Location"].endswith("#s1")
        assert response.status_code == 201 and made == {"页面", "接口"}
        assert {t["name"] for t in response.json()["tags"]} == {"页面", "接口"}


@pytest.mark.parametrize("who", WHO)
def test_untag_through_page_and_api(as_, people, speech, who):
    s1 = section(speech, "s1")
    services.tag_add(user=people["a"], section=s1, name="甲的标签")
    services.tag_add(user=people["a"], section=s1, name="甲的另一个")
    client = as_(who)
    page = client.post(reverse("section_tag", args=[speech.uid, "s1", "remove"]), {"name": "甲的标签"})
    response = client.post(api(speech.uid, "s1", remove=True), {"name": "甲的另一个"})
    left = set(s1.tags.values_list("name", flat=True))
    if who == "anonymous":
        assert page.status_code == 302 and response.status_code == 403
        assert left == {"甲的标签", "甲的另一个"}
    elif who == "b":  # a reader removes only their own
        assert response.status_code == 200 and response.json()["removed"] == 0
        assert left == {"甲的标签", "甲的另一个"}
    else:  # the author, or staff curating public tags
        assert response.json()["removed"] == 1 and left == set()


@pytest.mark.parametrize("who", WHO)
def test_tag_a_search_and_undo_are_staff_only(as_, people, speech, index, on_commit, who):
    with on_commit():
        pass  # index the speech
    client = as_(who)
    params = {"q": "营商环境", "name": "批量", "action": "add"}
    confirm = client.get(reverse("tag_search"), params)
    applied = client.post(reverse("tag_search"), params)
    expected = {"anonymous": 302, "a": 403, "b": 403, "staff": 200}[who]
    assert confirm.status_code == expected
    if who != "staff":
        assert applied.status_code == expected and not TagBatch.objects.exists()
        batch = bulk.apply(user=people["staff"], q="营商环境", filters={}, name="批量", action="add")
        undo = client.post(reverse("tag_batch_undo", args=[batch.pk]))
        assert undo.status_code == expected and Tagging.objects.filter(batch=batch).exists()
        return
    matching = search(q="营商环境").count
    assert f"将给 {matching} 个段落加上标签“批量”" in confirm.content.decode()
    assert applied.status_code == 302
    batch = TagBatch.objects.get()
    assert Tagging.objects.filter(batch=batch).count() == matching
    assert client.post(reverse("tag_batch_undo", args=[batch.pk])).status_code == 302
    assert not Tagging.objects.exists()


@pytest.mark.parametrize("who", WHO)
def test_a_private_tag_is_seen_by_its_reader_only(as_, people, speech, index, on_commit, who):
    with on_commit():
        services.tag_add(user=people["a"], section=section(speech, "s1"), name="甲的私藏", private=True)
        services.tag_add(user=people["a"], section=section(speech, "s2"), name="公开标签")
    client = as_(who)
    slug = "甲的私藏"
    bodies = [
        client.get(speech.get_absolute_url()).content.decode(),
        client.get(reverse("tags")).content.decode(),
        client.get(reverse("api_tags"), {"q": "私藏"}).content.decode(),
        client.get(api(speech.uid, "s1")).content.decode(),
        client.get(reverse("search"), {"q": "营商环境"}).content.decode(),
        client.get(reverse("api_search"), {"q": ""}).content.decode(),
    ]
    tag_page = client.get(reverse("tag", args=[slug]))
    tag_api = client.get(reverse("api_tag", args=[slug]))
    assert all("公开标签" in body for body in bodies[:2])
    if who == "a":
        assert all(slug in body for body in bodies[:4])
        assert tag_page.status_code == 200 and tag_api.json()["count"] == 1
    else:
        assert not any(slug in body for body in bodies)
        assert tag_page.status_code == 404 and tag_api.status_code == 404
    # The search index never holds it, for anyone: facet and filter alike.
    assert slug not in bodies[4] and slug not in bodies[5]
    assert search(q="", filters={"tag": [slug]}).count == 0
