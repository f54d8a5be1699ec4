"""Upload through the admin with a real client: every accepted type lands, searchable; each hostile
file is refused with its message and changes neither the database nor the index."""
import pytest
from django.urls import reverse

from speeches.models import IndexQueue, Section, SourceFile, Speech
from speeches.search import search
from speeches.upload.models import UploadFile
from tests.upload.conftest import SPEECH, confirm, send, speech_text
from tests.upload.makers import docx_bytes, pdf_bytes, zip_bomb, zip_bytes

pytestmark = pytest.mark.django_db


def html_page(body: str) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n"))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>讲话</title></head><body>"
            f"<nav><a href='/'>首页</a> &gt; <a href='/wk'>文库</a></nav><div class='ad'>广告：点击下载</div>"
            f"<article>{paragraphs}</article><footer>本文来源：某某文库 版权所有</footer></body></html>").encode()


ACCEPTED = {
    "utf8.txt": lambda: speech_text("教育").encode("utf-8"),
    "notes.md": lambda: speech_text("科技").encode("utf-8"),
    "gbk.txt": lambda: speech_text("民生").encode("gbk"),
    "utf16.txt": lambda: speech_text("创新").encode("utf-16"),
    "page.html": lambda: html_page(speech_text("开放")),
    "office.docx": lambda: docx_bytes(speech_text("改革").split("\n")),
    "scan-with-text.pdf": lambda: pdf_bytes(speech_text("生态").split("\n")),
}


@pytest.mark.parametrize("name", ACCEPTED)
def test_each_accepted_type_is_previewed_then_imported_and_searchable(uploader, name, index_path):
    data = ACCEPTED[name]()
    response, batch = send(uploader, {name: data})
    assert response.status_code == 302
    preview = uploader.get(reverse("admin:speeches_upload_preview", args=[batch.pk])).content.decode()
    assert "在全市" in preview and "提高站位" in preview  # the title and the section tree
    assert not Speech.objects.exists()  # nothing is saved before confirm
    confirm(uploader, batch)
    speech = Speech.objects.get()
    assert "全市" in speech.title and speech.sections.filter(heading__contains="提高站位").exists()
    assert speech.source.data == data  # the bytes as received are kept
    assert "\r" not in speech.cleaned_text
    topic = name and speech.cleaned_text.split("\n")[-1][:2]
    assert search(q=topic).speeches == 1
    assert batch.files.get().status == UploadFile.Status.IMPORTED


def test_a_zip_of_several_lands_every_file(uploader, index_path):
    data = zip_bytes({"a/one.txt": speech_text("教育").encode(), "two.docx": docx_bytes(speech_text("科技").split("\n")),
                      "three.htm": html_page(speech_text("民生"))})
    response, batch = send(uploader, {"speeches.zip": data})
    assert [f.name for f in batch.files.all()] == ["speeches.zip/a/one.txt", "speeches.zip/two.docx",
                                                   "speeches.zip/three.htm"]
    confirm(uploader, batch)
    assert Speech.objects.count() == 3 and SourceFile.objects.count() == 3
    assert uploader.get(reverse("admin:speeches_upload_progress_json", args=[batch.pk])).json()["percent"] == 100


def unchanged_archive():
    return (Speech.objects.count(), Section.objects.count(), SourceFile.objects.count(), IndexQueue.objects.count())


HOSTILE = {
    "bomb.zip": (lambda: zip_bomb(), "压缩炸弹"),
    "escape.zip": (lambda: zip_bytes({"../../etc/cron.d/x.txt": SPEECH.encode()}), "上传区域之外"),
    "absolute.zip": (lambda: zip_bytes({"/tmp/x.txt": SPEECH.encode()}), "上传区域之外"),
    "link.zip": (lambda: zip_bytes({}, symlinks={"passwd.txt": "/etc/passwd"}), "符号链接"),
    "empty.txt": (lambda: b"", "0 字节"),
    "binary.txt": (lambda: bytes(range(256)) * 40, "不是文本文件"),
    "broken.docx": (lambda: docx_bytes(["一"])[:-200], "已损坏"),
    "locked.pdf": (lambda: pdf_bytes(SPEECH.split("\n"), encrypt="secret"), "已加密"),
    "image-only.pdf": (lambda: pdf_bytes([], text_layer=False), "没有文字层"),
    "old.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc"),
    "nested.zip": (lambda: zip_bytes({"inner.zip": zip_bytes({"a.txt": SPEECH.encode()})}), "套压缩包"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_is_refused_with_its_message_and_changes_nothing(uploader, name, index_path):
    make, message = HOSTILE[name]
    before = unchanged_archive()
    response, batch = send(uploader, {name: make()})
    assert response.status_code == 302
    upload = batch.files.get()
    assert upload.status == UploadFile.Status.REFUSED and message in upload.error, upload.error
    preview = uploader.get(reverse("admin:speeches_upload_preview", args=[batch.pk])).content.decode()
    assert message in preview
    confirm(uploader, batch)
    assert unchanged_archive() == before
    assert search(q="经济").count == 0


def test_one_byte_over_the_file_limit_is_refused_and_at_the_limit_taken(uploader, settings):
    data = SPEECH.encode()
    settings.ARCHIVE_MAX_FILE_BYTES = len(data) - 1
    _, batch = send(uploader, {"big.txt": data})
    assert "超过大小上限" in batch.files.get().error
    settings.ARCHIVE_MAX_FILE_BYTES = len(data)
    _, batch = send(uploader, {"big.txt": data})
    assert batch.files.get().status == UploadFile.Status.PENDING


def test_upload_wide_limits_refuse_the_whole_upload_with_a_message(uploader, settings):
    settings.ARCHIVE_MAX_UPLOAD_FILES = 2
    response, batch = send(uploader, {f"{i}.txt": speech_text(str(i)).encode() for i in range(3)})
    assert batch is None and "一次最多上传 2 个文件" in response.content.decode()
    settings.ARCHIVE_MAX_UPLOAD_FILES, settings.ARCHIVE_MAX_UPLOAD_BYTES = 10, 100
    response, batch = send(uploader, {"a.txt": SPEECH.encode()})
    assert batch is None and "合计不能超过" in response.content.decode()


def test_zip_entry_count_is_read_from_the_directory(uploader, settings):
    settings.ARCHIVE_MAX_ZIP_ENTRIES = 3
    _, batch = send(uploader, {"many.zip": zip_bytes({f"{i}.txt": SPEECH.encode() for i in range(4)})})
    assert "条目过多" in batch.files.get().error


def test_a_bad_file_beside_good_ones_fails_alone(uploader, index_path):
    _, batch = send(uploader, {"good.txt": speech_text("教育").encode(), "bad.txt": speech_text("科技").encode(),
                               "also.txt": speech_text("民生").encode()})
    # The stored bytes go bad between preview and import (a disk error, an edited row): the
    # parser refuses them when the worker reads them.
    UploadFile.objects.filter(batch=batch, name="bad.txt").update(data=b"\0\1\2" * 100)
    confirm(uploader, batch)
    statuses = dict(batch.files.values_list("name", "status"))
    assert statuses == {"good.txt": "imported", "bad.txt": "failed", "also.txt": "imported"}
    assert "不是文本文件" in batch.files.get(name="bad.txt").error
    assert Speech.objects.count() == 2 and SourceFile.objects.count() == 2
    assert search(q="科技").count == 0 and search(q="民生").speeches == 1


def test_the_worker_keeps_no_debug_query_log_of_a_batch(uploader, settings):
    """Under `make run` (DEBUG on) the worker's query log held a copy of every statement with its
    parameters: a huge file's texts twice more in memory. The batch's writes are not logged, and
    DEBUG is back on afterwards."""
    from django.db import connection

    from tests.upload.conftest import work

    settings.DEBUG = True
    _, batch = send(uploader, {"a.txt": speech_text("经济").encode()})
    assert uploader.post(reverse("admin:speeches_upload_preview", args=[batch.pk]), {"confirm": "1"}).status_code == 302
    connection.queries_log.clear()
    work()
    assert UploadFile.objects.get(batch=batch).status == "imported"
    logged = [q["sql"] for q in connection.queries]
    assert logged, "the worker's own queries are logged: DEBUG was on"
    assert not [sql for sql in logged if 'INSERT INTO "speeches_section"' in sql]
    assert settings.DEBUG is True
