"""Upload tests: staff clients with and without the permission, and a real worker run."""
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.db import connections
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from speeches.upload.models import UploadBatch

# The killed-worker test runs `manage.py db_worker` in another process: on SQLite the test
# database must be a file (as in tests/indexing/conftest.py).
_db = connections["default"].settings_dict
if _db["ENGINE"].endswith("sqlite3") and not _db.setdefault("TEST", {}).get("NAME"):
    _db["TEST"]["NAME"] = str(Path(settings.DATA_DIR) / "test-archive.sqlite3")

SPEECH = ("在全市经济工作会议上的讲话\n（2021年3月5日）\n李**\n同志们：\n今天我们召开全市经济工作会议，"
          "主要任务是总结工作、部署任务。\n一、提高站位\n要把高质量发展放在首位，推动经济社会发展。\n"
          "二、狠抓落实\n要抓好每一项工作的落实，确保取得实效。\n谢谢大家。")


def speech_text(topic: str = "经济") -> str:
    """A speech about `topic`, different enough from the others to be no variant of them."""
    return SPEECH.replace("经济", topic).replace("发展", topic + "发展") + "\n" + topic * 3 + "是重中之重。"


def client_for(*, staff: bool, permission: bool) -> Client:
    user = User.objects.create_user(f"u{User.objects.count()}", password="pw-unused-123", is_staff=staff)
    if permission:
        user.user_permissions.add(Permission.objects.get(codename="upload_speeches"))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def uploader(db):
    return client_for(staff=True, permission=True)


def send(client, files: dict[str, bytes]):
    """POST files to the upload page as a browser would; returns (response, batch or None)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    uploads = [SimpleUploadedFile(name, data) for name, data in files.items()]
    response = client.post(reverse("admin:speeches_upload"), {"files": uploads})
    return response, UploadBatch.objects.order_by("-pk").first()


def work():
    """`manage.py db_worker --batch` in this process: runs the queued batches, then returns.

    The worker recycles database connections between tasks (close_old_connections), which would
    close the test's own connection, inside its test transaction; here that one call is a no-op.
    The real worker runs as its own process in test_worker.py and the browser test.
    """
    from unittest import mock

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)


def confirm(client, batch, **fields):
    """Confirm the batch from its preview (fields: corrections to type), then run the worker."""
    url = reverse("admin:speeches_upload_preview", args=[batch.pk])
    response = client.post(url, {"confirm": "1", **fields})
    assert response.status_code == 302, response.content.decode()[:3000]
    work()
    batch.refresh_from_db()
    return batch
