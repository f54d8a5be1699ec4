"""The index fault suite: lose, kill, corrupt and lock the index; the site says so (503, never a
500 or a silent empty answer), and `index_check --repair` brings back an index equal to the
database with no generation left over."""
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import haystack
import pytest
from django.core.management import CommandError, call_command

from speeches.models import Section
from speeches.search import indexed_ids, queue
from speeches.search.indexing import generations
from speeches.search.indexing.health import _database_url
from tests.factories import make_speech

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
SEARCHES = ["/search?q=发展", "/api/search?q=发展", "/search/kwic?q=发展", "/search/kwic.csv?q=发展"]


@pytest.fixture
def archive(index_path, transactional_db):
    """Committed speeches (other processes see them) and an index equal to the database."""
    haystack.connections["default"].get_backend().setup()
    for n in range(6):
        make_speech(f"在第{n}次工作会议上的讲话", sections=[
            ("一、", "坚持发展", [f"第{n}篇：推动高质量发展。", "深化改革开放。"], []),
            ("二、", "改善民生", ["办好民生实事。"], []),
        ])
    call_command("index_check", "--repair", stdout=open(os.devnull, "w"))
    return index_path


def pages(client, *, searchable: bool) -> None:
    """No page answers 500; searches answer with results, or 503 saying why, never empty 200s."""
    speech = Section.objects.first().speech
    for url in ["/", speech.get_absolute_url(), "/healthz"]:
        assert client.get(url).status_code in (200, 503), url
    for url in SEARCHES:
        response = client.get(url)
        if searchable:
            assert response.status_code == 200, url
            if url.startswith("/api/"):
                assert response.json()["count"] > 0
        else:
            assert response.status_code == 503 and int(response["Retry-After"]) > 0, url
            if url.startswith("/api/"):
                assert "正在重建" in response.json()["error"]
            elif not url.endswith(".csv"):
                assert "检索索引正在重建" in response.content.decode()
    health = client.get("/healthz")
    assert (health.status_code == 200) == searchable and health.json()["database"]["ok"]


def repaired(path: Path) -> None:
    """index_check --repair leaves the index equal to the database and no stray generation."""
    call_command("index_check", "--repair", stdout=open(os.devnull, "w"))
    call_command("index_check", stdout=open(os.devnull, "w"))  # raises if anything is still off
    assert indexed_ids() == set(Section.objects.values_list("pk", flat=True))
    assert generations.abandoned(path) == []
    gens = {p.name for p in generations.gens_dir(path).iterdir() if p.is_dir()}
    assert gens <= {path.resolve().name, generations.previous(generations.gens_dir(path))}


def check_fails(*args) -> str:
    out = Path(os.devnull)
    with pytest.raises(CommandError) as failed:
        call_command("index_check", *args, stdout=out.open("w"))
    return str(failed.value)


@pytest.mark.parametrize("lose", ["generation", "link and generations"])
def test_a_lost_index_is_a_503_and_repair_rebuilds_it(archive, client, lose):
    if lose == "generation":
        shutil.rmtree(archive.resolve())  # the link now dangles
    else:
        archive.unlink()
        shutil.rmtree(generations.gens_dir(archive))
    pages(client, searchable=False)
    assert not archive.exists()  # reading did not quietly make an empty index
    assert "unusable" in check_fails()  # reports, does not crash
    repaired(archive)
    pages(client, searchable=True)


def test_an_empty_index_while_the_database_has_sections_is_a_503(archive, client):
    haystack.connections["default"].get_backend().clear()  # swaps in an empty generation
    pages(client, searchable=False)
    repaired(archive)
    pages(client, searchable=True)


def segment_files(path: Path) -> list[Path]:
    """Every file of every segment (MAIN_<segment id>.<ext>): not the TOC, the lock or the seals."""
    return [p for p in path.resolve().glob("MAIN_*.*") if p.suffix != ".seal"]


def cut_in_half(victim: Path) -> None:
    data = victim.read_bytes()
    victim.write_bytes(data[: len(data) // 2])


def flip_bytes(victim: Path) -> None:
    data = bytearray(victim.read_bytes())
    for at in (len(data) // 3, len(data) // 2):
        data[at] ^= 0xFF
    victim.write_bytes(bytes(data))


@pytest.mark.parametrize("corrupt", [cut_in_half, flip_bytes], ids=["cut in half", "bytes flipped"])
def test_a_corrupt_segment_is_a_503_and_repair_rebuilds_it(archive, client, corrupt):
    pages(client, searchable=True)  # this process has the segments open, their columns cached
    for victim in segment_files(archive):  # every segment file of the index
        corrupt(victim)
    pages(client, searchable=False)  # noticed by the running process, on the next request
    assert "corrupt" in client.get("/healthz").json()["index"]["problem"]
    assert "unusable (corrupt)" in check_output_of_failing_check()
    repaired(archive)
    pages(client, searchable=True)


def test_bytes_rotted_in_place_are_found_by_index_check_and_at_start_up(archive, client):
    """Damage that keeps a file's size and time (the disk, not a writer): a thorough check reads it."""
    from speeches.search.indexing.health import check_at_startup

    pages(client, searchable=True)
    victim = max(segment_files(archive), key=lambda p: p.stat().st_size)
    times = victim.stat()
    flip_bytes(victim)
    os.utime(victim, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert check_at_startup() == "corrupt"
    assert "unusable (corrupt)" in check_output_of_failing_check()
    pages(client, searchable=False)  # once found, every page says so until the repair
    repaired(archive)
    pages(client, searchable=True)


def test_a_segment_without_a_seal_is_not_trusted(archive, client):
    for seal in archive.resolve().glob("*.seal"):
        seal.unlink()
    haystack.connections.reload("default")
    pages(client, searchable=False)
    repaired(archive)
    assert list(archive.resolve().glob("*.seal"))
    pages(client, searchable=True)


def check_output_of_failing_check() -> str:
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("index_check", stdout=out)
    return out.getvalue()


KILLER = """
import os, signal, sys
import django
django.setup()
from django.core.management import call_command
from speeches.search.indexing import generations, rebuild
point = sys.argv[1]
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if point == "building":
    rebuild._run = die
elif point == "commit":
    rebuild._commit = die
else:
    generations.swap = die
call_command("rebuild_search", workers=1)
"""


@pytest.mark.parametrize("point", ["building", "commit", "swap"])
def test_a_rebuild_killed_at_any_point_leaves_the_site_answering_and_repair_cleans_up(archive, client, point):
    before = archive.resolve()
    env = {**os.environ, "ARCHIVE_INDEX_DIR": str(archive), "DATABASE_URL": _database_url(),
           "DJANGO_SETTINGS_MODULE": "archive.settings"}
    child = subprocess.run([sys.executable, "-c", KILLER, point], cwd=ROOT, env=env, capture_output=True)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
    assert archive.resolve() == before and len(generations.abandoned(archive)) == 1
    pages(client, searchable=True)  # still the old generation
    with open(os.devnull, "w") as sink:
        call_command("index_check", stdout=sink)  # reports the leftover; the index itself is sound
    repaired(archive)


def test_changes_queued_while_the_index_is_locked_land_after_repair(archive, client):
    with queue.processing_lock() as held:  # as a long rebuild or a stuck worker would hold it
        assert held
        for n in range(30):
            make_speech(f"锁定期间的讲话{n}", sections=[("", "", [f"新增内容{n}，推动发展。"], [])])
        pages(client, searchable=True)  # the old index answers meanwhile
        health = client.get("/healthz").json()
        assert health["queue"]["sections"] >= 30 and health["status"] in ("ok", "degraded")
    repaired(archive)
    assert client.get("/api/search", {"q": '"新增内容"'}).json()["count"] == 30


def test_a_page_that_meets_a_lost_index_starts_a_repair(archive, client, settings):
    settings.ARCHIVE_AUTO_REPAIR = True
    shutil.rmtree(archive.resolve())
    assert client.get("/search", {"q": "发展"}).status_code == 503
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        health = client.get("/healthz")
        if health.status_code == 200 and health.json()["status"] == "ok":
            break
        time.sleep(1)
    log = archive.with_name(f".{archive.name}.repair.log")
    assert health.status_code == 200, log.read_text() if log.exists() else json.dumps(health.json())
    assert client.get("/api/search", {"q": "发展"}).json()["count"] > 0
    assert generations.abandoned(archive) == []


def test_a_lost_index_is_found_at_start_up(archive, settings):
    from speeches.search.indexing.health import check_at_startup, repair_requested

    assert check_at_startup() == ""
    shutil.rmtree(archive.resolve())
    assert check_at_startup() == "dangling" and "dangling" in repair_requested()
    repaired(archive)
    assert repair_requested() == ""
