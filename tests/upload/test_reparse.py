"""Re-parse from the admin: the stored original goes through the current parser, the same preview,
then replaces the speech under the same uid; section tags follow their words; listeners hear
sections_replaced; the index follows."""
import pytest
from django.urls import reverse

from speeches import services
from speeches.models import Section, Speech, Tag
from speeches.search import queue, search
from speeches.signals import sections_replaced
from speeches.upload.models import UploadFile
from tests.upload.conftest import SPEECH, confirm, speech_text

pytestmark = pytest.mark.django_db


def reparse(client, *speeches):
    from django.contrib.auth.models import Permission

    # An editor who uploads also edits speeches (the action lives on the speech list).
    client.user.user_permissions.add(*Permission.objects.filter(codename__in=["view_speech", "change_speech"]))
    response = client.post(reverse("admin:speeches_speech_changelist"),
                           {"action": "reparse", "_selected_action": [s.pk for s in speeches]})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "/upload/" in response["Location"]
    return client.get(response["Location"]), UploadFile.objects.order_by("-pk").first().batch


def test_reparse_restores_the_current_parse_keeps_uid_tags_and_tells_listeners(uploader, index_path):
    speech = services.file_import(data=SPEECH.encode(), name="a.txt").speeches[0]
    uid, parsed_title, sections = speech.uid, speech.title, speech.sections.count()
    tag = Tag.objects.create(name="落实")
    speech.sections.get(heading="狠抓落实").tags.add(tag)
    # What an older parser left: a wrong title and a lost section.
    Speech.objects.filter(pk=speech.pk).update(title="网页标题_文库")
    speech.sections.get(heading="提高站位").delete()
    heard = []
    sections_replaced.connect(lambda sender, speech, **kw: heard.append(speech.pk), weak=False, dispatch_uid="t")
    try:
        preview, batch = reparse(uploader, speech)
        html = preview.content.decode()
        assert "重新解析" in html and parsed_title in html and "正文相同" not in html
        assert Speech.objects.get(pk=speech.pk).title == "网页标题_文库"  # nothing changes before confirm
        confirm(uploader, batch, **{f"f{batch.files.get().pk}-0-city": "赣州市"})
    finally:
        sections_replaced.disconnect(dispatch_uid="t")
    speech = Speech.objects.get()
    assert (speech.uid, speech.title, speech.city) == (uid, parsed_title, "赣州市")
    assert speech.sections.count() == sections and heard == [speech.pk]
    assert list(Section.objects.get(speech=speech, heading="狠抓落实").tags.all()) == [tag]
    queue.process()
    assert not queue.drift() and search(q="站位").speeches == 1
    assert search(q="落实", filters={"city": ["赣州市"]}).speeches == 1


def test_reparse_that_would_duplicate_another_speech_fails_and_changes_nothing(uploader):
    first = services.file_import(data=SPEECH.encode(), name="a.txt").speeches[0]
    other = services.file_import(data=speech_text("教育").encode(), name="b.txt").speeches[0]
    # Make the stored original of `other` hold first's text: re-parsing it would duplicate first.
    other.source.data = SPEECH.encode()
    other.source.save()
    before = list(Speech.objects.values_list("pk", "uid", "cleaned_text").order_by("pk"))
    _, batch = reparse(uploader, other)
    confirm(uploader, batch)
    upload = batch.files.get()
    assert upload.status == "failed" and "相同" in upload.error
    assert list(Speech.objects.values_list("pk", "uid", "cleaned_text").order_by("pk")) == before
    assert first.sections.count() == 4


def test_reparse_action_needs_the_upload_permission(db, admin_client):
    from django.contrib.auth.models import Permission

    from tests.upload.conftest import client_for

    speech = services.file_import(data=SPEECH.encode(), name="a.txt").speeches[0]
    editor = client_for(staff=True, permission=False)
    editor.user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_speech", "change_speech"]))
    response = editor.post(reverse("admin:speeches_speech_changelist"),
                           {"action": "reparse", "_selected_action": [speech.pk]})
    assert response.status_code in (200, 302) and not UploadFile.objects.exists()
