"""A worker killed mid-batch (SIGKILL to a real `manage.py db_worker`) leaves every file either
imported whole or untouched; the progress page reports it, and resuming imports the rest once."""
import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connections
from django.urls import reverse

from speeches.models import Section, SourceFile, Speech
from speeches.search import search
from speeches.search import queue
from speeches.upload.batch import progress
from speeches.upload.models import UploadBatch, UploadFile
from tests.upload.conftest import send, speech_text, work

FILES = 40


def database_url() -> str:
    db = connections["default"].settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    # HOST may be a unix-socket directory (CI's throwaway cluster): %-encode its slashes.
    return (f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@{quote(db['HOST'] or 'localhost', safe='')}"
            f":{db['PORT'] or 5432}/{db['NAME']}")


def start_worker(index_dir) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url(), "ARCHIVE_INDEX_DIR": str(index_dir),
           "ARCHIVE_DATA_DIR": str(settings.DATA_DIR)}
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay", "-v", "0"],
        cwd=Path(settings.BASE_DIR), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_killed_worker_leaves_whole_files_then_resumes(transactional_db, uploader, index_path):
    topics = [f"{a}{b}" for a in "甲乙丙丁戊己庚辛" for b in "子丑寅卯辰"][:FILES]
    _, batch = send(uploader, {f"{i:02d}.txt": speech_text(topic).encode() for i, topic in enumerate(topics)})
    assert uploader.post(reverse("admin:speeches_upload_preview", args=[batch.pk]), {"confirm": "1"}).status_code == 302
    worker = start_worker(index_path)
    deadline = time.monotonic() + 120
    while UploadFile.objects.filter(batch=batch, status="imported").count() < 3:
        assert worker.poll() is None, worker.stderr.read().decode()[-3000:]
        assert time.monotonic() < deadline, "the worker imported nothing in 120 s"
        time.sleep(0.05)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    imported = list(UploadFile.objects.filter(batch=batch, status="imported"))
    pending = list(UploadFile.objects.filter(batch=batch, status="pending"))
    assert len(imported) + len(pending) == FILES and pending, "killed after the last file: make the batch longer"
    # Every imported file is there whole; nothing of a pending one is.
    for upload in imported:
        speech = Speech.objects.get(uid__in=upload.result["speeches"])
        assert speech.sections.count() == 4 and SourceFile.objects.filter(name=upload.name).exists()
    assert not SourceFile.objects.filter(name__in=[u.name for u in pending]).exists()
    assert Speech.objects.count() == len(imported) and Section.objects.count() == 4 * len(imported)

    batch.refresh_from_db()
    assert batch.status == UploadBatch.Status.RUNNING and not progress(batch)["stalled"]
    UploadBatch.objects.filter(pk=batch.pk).update(heartbeat=batch.heartbeat - datetime.timedelta(minutes=5))
    page = uploader.get(reverse("admin:speeches_upload_progress", args=[batch.pk])).content.decode()
    assert "已停止响应" in page and "继续导入" in page
    assert uploader.post(reverse("admin:speeches_upload_resume", args=[batch.pk])).status_code == 302
    work()
    assert UploadFile.objects.filter(batch=batch, status="imported").count() == FILES
    assert Speech.objects.count() == FILES and SourceFile.objects.count() == FILES
    assert not queue.drift() and search(q=topics[-1]).speeches == 1
    batch.refresh_from_db()
    assert progress(batch)["percent"] == 100
