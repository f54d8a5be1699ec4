"""Every state-changing request needs the CSRF token; tag names are text wherever they appear."""
import json

import pytest
from django.test import Client
from django.urls import reverse

from tagging import bulk, services
from tagging.models import TagBatch, Tagging
from tests.tagging.conftest import section

pytestmark = pytest.mark.django_db
PAYLOADS = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "</textarea><svg onload=alert(1)>"]


@pytest.fixture
def strict(people):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["staff"])
    return client


def token(client, url):
    client.get(url)
    return client.cookies["csrftoken"].value


def test_every_tag_write_refuses_a_request_without_the_token(strict, people, speech, index, on_commit):
    with on_commit():
        services.tag_add(user=people["staff"], section=section(speech, "s1"), name="已有")
    batch = bulk.apply(user=people["staff"], q="营商环境", filters={}, name="批量", action="add")
    before = Tagging.objects.count()
    writes = [
        (reverse("section_tag", args=[speech.uid, "s1", "add"]), {"name": "新"}),
        (reverse("section_tag", args=[speech.uid, "s1", "remove"]), {"name": "已有"}),
        (reverse("api_section_tags", args=[speech.uid, "s1"]), {"name": "新"}),
        (reverse("api_section_untag", args=[speech.uid, "s1"]), {"name": "已有"}),
        (reverse("tag_search"), {"q": "营商环境", "name": "又一批", "action": "add"}),
        (reverse("tag_batch_undo", args=[batch.pk]), {}),
        (reverse("logout"), {}),
    ]
    for url, data in writes:
        assert strict.post(url, data).status_code == 403, url
    assert Tagging.objects.count() == before and TagBatch.objects.get().undone is None
    # The same request with the token (as the page's forms and tags.js send it) goes through.
    csrf = token(strict, speech.get_absolute_url())
    response = strict.post(writes[2][0], json.dumps({"name": "新"}), content_type="application/json",
                           HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 201


def test_account_forms_refuse_a_request_without_the_token(people):
    client = Client(enforce_csrf_checks=True)
    for url in ("login", "register", "password_reset"):
        assert client.post(reverse(url), {"username": "x", "password": "y"}).status_code == 403
    client.force_login(people["a"])
    assert client.post(reverse("password_change"), {}).status_code == 403


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_tag_names_render_as_text_on_every_page(client, people, speech, index, on_commit, payload):
    with on_commit():
        services.tag_add(user=people["a"], section=section(speech, "s1"), name=payload)
    client.force_login(people["staff"])
    tag = Tagging.objects.get().tag
    pages = [speech.get_absolute_url(), reverse("tags"), tag.get_absolute_url(),
             reverse("search") + "?q=营商环境", reverse("tag_search") + "?q=营商环境&action=add&name=x"]
    from django.utils.html import escape

    for url in pages[:3]:  # shown, escaped, where the name is listed
        assert escape(payload) in client.get(url).content.decode(), url
    # The API hands the name over as JSON data (tags.js sets it as text, never as HTML).
    assert client.get(reverse("api_tags")).json()["tags"][0]["name"] == payload
    batch = bulk.apply(user=people["staff"], q="营商环境", filters={}, name=payload, action="remove")
    pages.append(reverse("tag_batch", args=[batch.pk]))
    for url in pages:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html, url
