"""The upload pages speak the reader's language: in English no Han character is left in the chrome
(the speeches' own words are user data), in Chinese the same pages stay Chinese, and a reason
stored with a file is shown in the language of whoever reads it, not of whoever uploaded."""
import html
import re

import pytest
from django.urls import reverse

from speeches.upload.messages import message_of
from speeches.upload.models import UploadFile
from tests.upload.conftest import confirm, send, speech_text

pytestmark = pytest.mark.django_db
HAN = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")  # Han and CJK punctuation
TEXT = speech_text("教育")
FILES = {"speech.txt": TEXT.encode(), "empty.txt": b"", "binary.txt": bytes(range(256)) * 40,
         "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600}


def in_language(client, language: str):
    client.cookies["django_language"] = language
    return client


def chrome(page: str) -> str:
    """The page's text and its wording attributes, without the speech's own words (user data:
    its lines, as the preview shows them in the text, the outline, the title inputs and links)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
    said = " ".join(re.findall(r'(?:title|placeholder|aria-label|data-[a-z-]*format)="([^"]*)"', page))
    text = html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + said)
    for line in sorted(TEXT.split("\n"), key=len, reverse=True):
        text = text.replace(line, " ")
    return text


def pages(client, batch) -> dict[str, str]:
    urls = {"upload": reverse("admin:speeches_upload"),
            "preview": reverse("admin:speeches_upload_preview", args=[batch.pk]),
            "batches": reverse("admin:speeches_uploadbatch_changelist"),
            "batch": reverse("admin:speeches_uploadbatch_change", args=[batch.pk])}
    return {name: client.get(url).content.decode() for name, url in urls.items()}


def test_upload_pages_in_english_have_no_chinese_chrome(uploader, index_path):
    _, batch = send(in_language(uploader, "en"), FILES)
    shown = pages(uploader, batch)
    assert "Upload and preview" in shown["upload"] and "Confirm import" in shown["preview"]
    confirm(uploader, batch)
    shown["progress"] = uploader.get(reverse("admin:speeches_upload_progress", args=[batch.pk])).content.decode()
    assert "100 %" in shown["progress"] and "Done" in shown["progress"]
    for name, page in shown.items():
        assert not HAN.findall(chrome(page)), (name, sorted(set(HAN.findall(chrome(page)))), chrome(page)[:3000])
    state = uploader.get(reverse("admin:speeches_upload_progress_json", args=[batch.pk])).json()
    assert state["status_display"] == "Done"
    for file in state["files"]:
        assert not HAN.search(file["status_display"] + file["error"]), file


def test_the_same_pages_in_chinese_stay_chinese(uploader, index_path):
    _, batch = send(in_language(uploader, "zh-hans"), FILES)
    shown = pages(uploader, batch)
    assert "上传并预览" in shown["upload"] and "限制：单个文件不超过" in shown["upload"]
    assert "确认导入" in shown["preview"] and "原文与解析依据" in shown["preview"]
    assert "文件为空（0 字节）" in shown["preview"] and "旧版 Word" in shown["preview"]
    assert "上传讲话稿" in shown["batches"] and "文件为空" in shown["batch"]
    confirm(uploader, batch)
    state = uploader.get(reverse("admin:speeches_upload_progress_json", args=[batch.pk])).json()
    assert state["status_display"] == "已完成"
    assert {f["status_display"] for f in state["files"]} == {"已导入", "已拒绝"}
    assert any("不是文本文件" in f["error"] for f in state["files"])


def test_a_stored_reason_is_shown_in_the_readers_language(uploader, settings):
    from django.utils import translation

    settings.ARCHIVE_MAX_FILE_BYTES = 100
    _, batch = send(in_language(uploader, "zh-hans"), {"big.txt": TEXT.encode()})  # uploaded in Chinese
    kept = batch.files.get().error
    with translation.override("zh-hans"):  # filesizeformat puts a no-break space before the unit
        assert message_of(kept).replace("\xa0", " ") == "文件超过大小上限 100 字节（本文件 {} 字节）。".format(len(TEXT.encode()))
    with translation.override("en"):
        assert message_of(kept).replace("\xa0", " ") == "The file is over the size limit of 100 bytes (this file: {} bytes).".format(
            len(TEXT.encode()))
    english = in_language(uploader, "en").get(reverse("admin:speeches_upload_preview", args=[batch.pk]))
    assert "over the size limit" in english.content.decode()


def test_the_whole_upload_refused_is_said_in_the_readers_language(uploader, settings):
    settings.ARCHIVE_MAX_UPLOAD_FILES = 1
    response, _ = send(in_language(uploader, "en"), {"a.txt": TEXT.encode(), "b.txt": TEXT.encode()})
    assert "At most 1 file" in response.content.decode()
    assert UploadFile.objects.count() == 0
