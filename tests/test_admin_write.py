"""The admin writes through speeches.services: no half-made speech, no \\r\\n in texts, variants
promoted on delete, and every change reaches the search index through the queue."""
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from speeches import services
from speeches.models import IndexQueue, Section, SourceFile, Speech
from speeches.search import search
from speeches.search import queue
from tests.factories import make_speech

pytestmark = pytest.mark.django_db
TEXT = "一、提高站位\n同志们，我们要把发展放在首位，推动经济社会高质量发展。\n二、狠抓落实\n要抓好每一项工作落实。"


class FormFields(HTMLParser):
    """The values a browser would submit from the page's main form (inputs, selects, textareas)."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "checkbox", "file"):
            self.data[name] = attrs.get("value", "")
        elif tag == "input" and name and attrs.get("type") == "checkbox" and "checked" in attrs:
            self.data[name] = attrs.get("value", "on")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            # A browser sends a textarea's lines with \r\n: that is what rewrote texts before.
            self.data[self._textarea] += data.replace("\n", "\r\n")


def form_of(client, url):
    parser = FormFields()
    parser.feed(client.get(url).content.decode())
    return parser.data


@pytest.fixture
def imported(db):
    return services.file_import(data=TEXT.encode(), name="a.txt").speeches[0]


def test_adding_a_speech_or_source_file_by_hand_is_not_offered(admin_client):
    for model in ("speech", "sourcefile", "section"):
        assert admin_client.get(reverse(f"admin:speeches_{model}_add")).status_code == 403
    assert admin_client.post(reverse("admin:speeches_speech_add"), {"title": "x"}).status_code == 403
    assert not Speech.objects.exists() and not SourceFile.objects.exists()
    assert admin_client.get(reverse("home")).status_code == 200


def test_changing_only_the_city_keeps_the_texts_and_reaches_the_index(admin_client, imported, index_path):
    cleaned, original = imported.cleaned_text, imported.original_text
    url = reverse("admin:speeches_speech_change", args=[imported.pk])
    data = form_of(admin_client, url)
    assert "cleaned_text" not in data and "original_text" not in data  # shown, not editable
    IndexQueue.objects.all().delete()
    data["city"] = "赣州市"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    imported.refresh_from_db()
    assert imported.city == "赣州市"
    assert (imported.cleaned_text, imported.original_text) == (cleaned, original)
    assert "\r" not in imported.cleaned_text + imported.original_text
    assert IndexQueue.objects.count() == imported.sections.count()  # every section queued
    queue.process()
    assert search(q="落实", filters={"city": ["赣州市"]}).count >= 1


def test_date_at_month_precision_sets_year_and_typed_speaker_is_created(admin_client, imported):
    url = reverse("admin:speeches_speech_change", args=[imported.pk])
    data = form_of(admin_client, url)
    data.update({"date": "2019-03-01", "date_precision": "month", "speaker_name": "王**"})
    assert admin_client.post(url, data).status_code == 302
    imported.refresh_from_db()
    assert (imported.year, imported.date_display(), imported.speaker.name) == (2019, "2019年3月", "王**")


def test_admin_delete_of_a_canonical_speech_promotes_its_variant(admin_client):
    first = services.file_import(data=TEXT.encode(), name="a.txt").speeches[0]
    variant = services.file_import(data=(TEXT + "\n谢谢大家。").encode(), name="b.txt").speeches[0]
    assert variant.canonical_id == first.pk
    url = reverse("admin:speeches_speech_delete", args=[first.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    variant.refresh_from_db()
    assert variant.canonical_id is None and not Speech.objects.filter(pk=first.pk).exists()


def test_bulk_delete_action_goes_through_the_service(admin_client):
    first = services.file_import(data=TEXT.encode(), name="a.txt").speeches[0]
    services.file_import(data=(TEXT + "\n谢谢大家。").encode(), name="b.txt")
    other = make_speech("别的讲话")
    response = admin_client.post(reverse("admin:speeches_speech_changelist"), {
        "action": "delete_selected", "_selected_action": [first.pk, other.pk], "post": "yes"})
    assert response.status_code == 302
    assert list(Speech.objects.values_list("canonical", flat=True)) == [None]
    assert IndexQueue.objects.filter(delete=True).count() >= 1


def test_section_form_shows_depth_and_anchor_read_only_and_takes_tags(admin_client, imported):
    from speeches.models import Tag

    section = imported.sections.get(anchor="s1")
    url = reverse("admin:speeches_section_change", args=[section.pk])
    data = form_of(admin_client, url)
    assert not {"depth", "anchor", "body", "heading"} & set(data)
    tag = Tag.objects.create(name="发展")
    data["tags"] = [tag.pk]
    data["depth"], data["anchor"] = "7", "hacked"  # ignored: not fields of the form
    assert admin_client.post(url, data).status_code == 302
    section.refresh_from_db()
    assert (section.depth, section.anchor, list(section.tags.all())) == (0, "s1", [tag])


def test_tag_chooser_speaks_chinese(admin_client):
    catalog = admin_client.get("/admin/jsi18n/").content.decode()
    for english in ("Available %s", "Chosen %s", "Choose %s by selecting them"):
        line = next(line for line in catalog.splitlines() if english in line)
        assert re.search(r"\\u[4-9][0-9a-f]{3}", line.split('":', 1)[1]), line  # Han, JSON-escaped


def test_speech_inline_sections_are_read_only(admin_client, imported):
    data = form_of(admin_client, reverse("admin:speeches_speech_change", args=[imported.pk]))
    assert not [name for name in data if name.startswith("sections-0-") and name not in ("sections-0-id", "sections-0-speech")]
    assert Section.objects.filter(speech=imported).count() == 2


def test_a_section_cannot_be_deleted_alone(admin_client, imported):
    section = imported.sections.first()
    assert admin_client.post(reverse("admin:speeches_section_delete", args=[section.pk]),
                             {"post": "yes"}).status_code == 403
    assert Section.objects.filter(pk=section.pk).exists()


def test_the_chinese_admin_names_third_party_apps_in_chinese(admin_client):
    """django-axes, django-tasks and Django 5.2's own new strings were English in the sidebar."""
    admin_client.cookies["django_language"] = "zh-hans"
    page = admin_client.get("/admin/").content.decode()
    for english in ("Axes", "Access attempts", "Access logs", "Tasks Database Backend", "Task Results",
                    "Model name", "Change or view list link"):
        assert english not in page, english
    for chinese in ("登录限制", "登录尝试", "后台任务", "任务结果"):
        assert chinese in page, chinese
    admin_client.cookies["django_language"] = "en"
    assert "Sign-in throttling" in admin_client.get("/admin/").content.decode()
