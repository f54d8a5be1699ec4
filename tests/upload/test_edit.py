"""Staff fix the speech count in the preview: split at a line named by its first words, or merge
a speech into the one before; the import stores what the preview showed."""
import pytest
from django.urls import reverse

from speeches.models import Speech
from speeches.upload.batch import parsed_of
from tests.upload.conftest import confirm, send, speech_text

pytestmark = pytest.mark.django_db


def count(client, batch):
    html = client.get(reverse("admin:speeches_upload_preview", args=[batch.pk])).content.decode()
    return html.count('class="speech-preview"')


def post(client, batch, **fields):
    url = reverse("admin:speeches_upload_preview", args=[batch.pk])
    return client.post(url, {"confirm": "1", **fields}, follow=True)


def test_split_then_confirm_stores_two_speeches(uploader):
    # Two talks the parser cannot tell apart: the second has no title line of its own.
    glued = speech_text("教育") + "\n下面，我再讲讲科技工作。\n科技是第一生产力，要抓好科技创新。\n谢谢。"
    _, batch = send(uploader, {"glued.txt": glued.encode()})
    upload = batch.files.get()
    assert count(uploader, batch) == 1
    response = post(uploader, batch, **{f"f{upload.pk}-0-split": "下面，我再讲讲"})
    assert response.redirect_chain[-1][0].endswith(f"/upload/{batch.pk}/")  # shown again, not confirmed
    assert count(uploader, batch) == 2
    confirm(uploader, batch)
    first, second = Speech.objects.order_by("position")
    assert first.title == "在全市教育工作会议上的讲话" and "科技" not in first.cleaned_text
    assert second.cleaned_text.startswith("下面，我再讲讲科技工作。")


def test_merge_then_split_again_restores_two(uploader):
    _, batch = send(uploader, {"two.txt": (speech_text("教育") + "\n\n\n" + speech_text("科技")).encode()})
    upload = batch.files.get()
    assert count(uploader, batch) == 2
    post(uploader, batch, **{f"f{upload.pk}-1-merge": "on"})
    assert count(uploader, batch) == 1
    post(uploader, batch, **{f"f{upload.pk}-0-split": "在全市科技工作会议"})
    assert [s.title for s in parsed_of(batch.files.get())] == ["在全市教育工作会议上的讲话", "在全市科技工作会议上的讲话"]


def test_merge_joins_two_speeches_into_one_with_every_section(uploader):
    two = speech_text("教育") + "\n\n\n" + speech_text("科技")
    _, batch = send(uploader, {"two.txt": two.encode()})
    upload = batch.files.get()
    if count(uploader, batch) != 2:
        pytest.fail(f"the parser should find two speeches here, found {count(uploader, batch)}")
    post(uploader, batch, **{f"f{upload.pk}-1-merge": "on"})
    assert count(uploader, batch) == 1
    confirm(uploader, batch)
    speech = Speech.objects.get()
    assert speech.title == "在全市教育工作会议上的讲话"
    assert "教育发展" in speech.cleaned_text and "科技发展" in speech.cleaned_text
    assert speech.sections.filter(heading="提高站位").count() == 2  # both outlines are kept
    assert len(set(speech.sections.values_list("anchor", flat=True))) == speech.sections.count()


def test_a_split_at_words_not_in_the_text_is_refused_with_a_message(uploader):
    _, batch = send(uploader, {"a.txt": speech_text("教育").encode()})
    upload = batch.files.get()
    response = post(uploader, batch, **{f"f{upload.pk}-0-split": "没有这句话"})
    assert "找不到“没有这句话”" in response.content.decode()
    assert count(uploader, batch) == 1 and not Speech.objects.exists()
