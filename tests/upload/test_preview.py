"""Preview, correct, confirm: staff fix metadata (date at its precision), drop a speech; only the
upload permission lets anyone in; CSRF is enforced."""
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from speeches import services
from speeches.models import Speech
from speeches.search import search
from speeches.upload.batch import progress
from speeches.upload.models import UploadBatch
from speeches.upload.preview import evidence_segments
from tests.upload.conftest import SPEECH, client_for, confirm, send, speech_text

pytestmark = pytest.mark.django_db


def field(batch, index, name):
    return f"f{batch.files.get().pk}-{index}-{name}"


def test_corrected_date_title_and_speaker_are_what_is_stored(uploader, index_path):
    _, batch = send(uploader, {"a.txt": SPEECH.encode()})
    confirm(uploader, batch, **{field(batch, 0, "date"): "2019-07", field(batch, 0, "title"): "在全市大会上的讲话",
                                field(batch, 0, "speaker"): "王**", field(batch, 0, "city"): "赣州市"})
    speech = Speech.objects.get()
    assert (speech.title, speech.speaker.name, speech.city) == ("在全市大会上的讲话", "王**", "赣州市")
    assert (speech.date_precision, speech.date_display()) == ("month", "2019年7月")
    assert search(q="落实", filters={"year": ["2019"]}).speeches == 1


def test_a_bad_date_is_refused_with_a_message_and_nothing_is_queued(uploader):
    _, batch = send(uploader, {"a.txt": SPEECH.encode()})
    url = reverse("admin:speeches_upload_preview", args=[batch.pk])
    response = uploader.post(url, {"confirm": "1", field(batch, 0, "date"): "2019-13"}, follow=True)
    assert "应写成 2021、2021-03 或 2021-03-05" in response.content.decode()
    batch.refresh_from_db()
    assert batch.status == UploadBatch.Status.PREVIEW and not Speech.objects.exists()


def test_a_dropped_speech_is_not_imported(uploader):
    _, batch = send(uploader, {"two.txt": (speech_text("教育") + "\n\n\n" + speech_text("科技")).encode()})
    preview = uploader.get(reverse("admin:speeches_upload_preview", args=[batch.pk])).content.decode()
    count = preview.count('class="speech-preview"')
    confirm(uploader, batch, **{field(batch, 0, "drop"): "on"})
    assert Speech.objects.count() == count - 1


def test_preview_names_a_stored_duplicate_and_a_variant(uploader):
    stored = services.file_import(data=SPEECH.encode(), name="old.txt").speeches[0]
    _, batch = send(uploader, {"same.txt": SPEECH.encode()})
    html = uploader.get(reverse("admin:speeches_upload_preview", args=[batch.pk])).content.decode()
    assert "正文相同" in html and stored.get_absolute_url() in html
    _, batch = send(uploader, {"variant.txt": (SPEECH + "\n会议结束后各单位要认真传达。").encode()})
    html = uploader.get(reverse("admin:speeches_upload_preview", args=[batch.pk])).content.decode()
    assert "变体" in html and stored.get_absolute_url() in html
    # The diff against the stored version, before anything is stored: only the added paragraph.
    diff = html[html.index('class="variant-diff"'):]
    assert "<ins>会议结束后各单位要认真传达。</ins>" in diff and "与已存版本不同的段落（1 段）" in diff


def test_evidence_is_marked_in_the_original_text():
    original = "在全市大会上的讲话\n（2021年3月5日）\n同志们："
    parsed = SimpleNamespace(original=original, text="同志们：", evidence={
        "title": SimpleNamespace(text="在全市大会上的讲话", start=0, end=9, rule="first line"),
        "date": SimpleNamespace(text="2021年3月5日", start=11, end=20, rule="date line")})
    segments = evidence_segments(parsed)
    assert "".join(text for text, _, _ in segments) == original
    assert [(text, label) for text, label, _ in segments if label] == [("在全市大会上的讲话", "标题"), ("2021年3月5日", "日期")]


def urls(batch_pk):
    return [reverse("admin:speeches_upload")] + [
        reverse(f"admin:speeches_upload_{name}", args=[batch_pk]) for name in ("preview", "progress", "progress_json", "resume")]


@pytest.mark.parametrize("staff", [False, True])
def test_without_the_permission_every_upload_url_is_403(uploader, staff):
    _, batch = send(uploader, {"a.txt": SPEECH.encode()})
    other = client_for(staff=staff, permission=False)
    for url in urls(batch.pk):
        assert other.get(url).status_code == 403, url
        assert other.post(url, {"confirm": "1"}).status_code == 403, url
    anonymous = Client()
    assert all(anonymous.get(url).status_code == 302 for url in urls(batch.pk))  # to the sign-in page
    assert not Speech.objects.exists() and UploadBatch.objects.count() == 1


def test_csrf_is_enforced(uploader):
    from django.contrib.auth.models import User

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(User.objects.get(is_staff=True))
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = strict.post(reverse("admin:speeches_upload"), {"files": [SimpleUploadedFile("a.txt", SPEECH.encode())]})
    assert response.status_code == 403 and not UploadBatch.objects.exists()


def test_progress_json_reports_a_stalled_worker(uploader):
    _, batch = send(uploader, {"a.txt": SPEECH.encode()})
    uploader.post(reverse("admin:speeches_upload_preview", args=[batch.pk]), {"confirm": "1"})
    import datetime

    UploadBatch.objects.filter(pk=batch.pk).update(confirmed=batch.created - datetime.timedelta(minutes=5))
    batch.refresh_from_db()
    assert progress(batch)["stalled"] and progress(batch)["percent"] == 0
