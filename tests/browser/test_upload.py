"""Staff upload in a real browser: a .zip, a date corrected in the preview, confirm, progress
polled to 100 % (a real `manage.py db_worker` beside the live server), then the speech found by
search with the corrected date."""
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from tests.upload.makers import zip_bytes

pytestmark = pytest.mark.browser

# The worker is another process: on SQLite the test database must be a file.
_db = connections["default"].settings_dict
if _db["ENGINE"].endswith("sqlite3") and not _db.setdefault("TEST", {}).get("NAME"):
    _db["TEST"]["NAME"] = str(Path(settings.DATA_DIR) / "test-archive.sqlite3")

TEXT = ("在全市水利工作会议上的讲话\n（2021年3月5日）\n同志们：\n今天我们召开全市水利工作会议。\n"
        "一、提高站位\n要把防汛抗旱放在首位，修好每一座水库。\n二、狠抓落实\n要抓好每一项水利工程的落实。\n谢谢大家。")
OTHER = TEXT.replace("水利", "林业").replace("防汛抗旱", "植树造林").replace("水库", "林场")


@pytest.fixture
def uploader_login(live_server, transactional_db, page):
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="upload_speeches"))
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return live_server.url


def test_upload_zip_correct_date_confirm_watch_progress_then_find_it(uploader_login, page, index_path):
    from tests.upload.test_worker import start_worker

    site = uploader_login
    page.goto(f"{site}/admin/")
    page.get_by_role("link", name="上传批次").click()
    page.get_by_role("link", name="上传讲话稿").click()
    data = zip_bytes({"水利.txt": TEXT.encode(), "林业.txt": OTHER.encode("gbk")})
    page.set_input_files("#id_files", files=[{"name": "speeches.zip", "mimeType": "application/zip", "buffer": data}])
    assert "speeches.zip" in page.locator("#chosen").inner_text()
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_url(re.compile(r"/upload/\d+/$"))
    assert page.locator(".speech-preview").count() == 2
    first = page.locator(".speech-preview").first
    assert "水利" in first.locator("input[name$='-title']").input_value()
    assert first.locator("input[name$='-date']").input_value() == "2021-03-05"
    first.locator("input[name$='-date']").fill("2018-11")
    worker = start_worker(index_path)
    try:
        page.get_by_role("button", name="确认导入").click()
        page.wait_for_url(re.compile(r"/progress/$"))
        from playwright.sync_api import expect

        expect(page.locator("#progress-percent")).to_have_text("100 %", timeout=90_000)
        assert page.locator("#progress-status").inner_text() == "已完成"
        assert page.locator("#progress-files tr[data-status=imported]").count() == 2
        assert "《在全市水利工作会议上的讲话》" in page.locator("#progress-files").inner_text()
    finally:
        worker.kill()
        worker.wait()
    page.goto(f"{site}/search?q=水库")
    results = page.locator("main").inner_text()
    assert "在全市水利工作会议上的讲话" in results and "2018年11月" in results
    page.goto(f"{site}/search?q=水库&year=2018")
    assert "在全市水利工作会议上的讲话" in page.locator("main").inner_text()


def test_files_dropped_on_the_zone_are_uploaded(uploader_login, page):
    site = uploader_login
    page.goto(f"{site}/admin/speeches/uploadbatch/upload/")
    transfer = page.evaluate_handle("""text => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], "拖入.txt", {type: "text/plain"}));
        return transfer;
    }""", TEXT)
    page.dispatch_event("#dropzone", "dragenter", {"dataTransfer": transfer})
    assert "over" in page.locator("#dropzone").get_attribute("class")
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": transfer})
    assert "拖入.txt" in page.locator("#chosen").inner_text()
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_url(re.compile(r"/upload/\d+/$"))
    assert "拖入.txt" in page.locator("#content").inner_text()
    assert page.locator(".speech-preview").count() == 1
