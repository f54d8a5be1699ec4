"""/healthz tells a load balancer and a monitor what state the archive is in."""
import shutil

import haystack
import pytest

from speeches.models import IndexQueue, Section
from tests.factories import make_speech

pytestmark = pytest.mark.django_db


def reindex():
    index = haystack.connections["default"].get_unified_index().get_index(Section)
    haystack.connections["default"].get_backend().update(index, list(index.index_queryset()))


@pytest.fixture
def indexed(index_path, db):
    haystack.connections["default"].get_backend().setup()  # the first, empty generation
    make_speech("在全市工作会议上的讲话", sections=[("", "发展", ["坚持高质量发展。"], []),
                                          ("", "改革", ["深化改革。"], [])])
    reindex()
    IndexQueue.objects.all().delete()  # on_commit never ran inside the test's transaction
    return index_path


def test_a_healthy_archive_says_ok_with_its_generation_and_no_drift(indexed, client):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["database"]["sections"] == 2
    assert body["index"] == {"ok": True, "problem": "", "detail": "", "documents": 2,
                             "generation": indexed.resolve().name, "repair_requested": ""}
    assert body["queue"] == {"length": 0, "sections": 0, "oldest_seconds": 0}
    assert body["drift"] == {"sections": 0, "unexplained": 0}


def test_queued_changes_explain_drift_and_unexplained_drift_is_degraded(indexed, client):
    make_speech("第二篇", sections=[("", "", ["新的段落。"], [])])  # queued, not yet applied
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["queue"]["sections"] == 1 <= body["queue"]["length"]
    assert body["drift"] == {"sections": 1, "unexplained": 0}
    IndexQueue.objects.all().delete()  # as if the change had been lost
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "degraded"
    assert response.json()["drift"] == {"sections": 1, "unexplained": 1}


@pytest.mark.parametrize("break_it, problem", [
    (lambda path: shutil.rmtree(path.resolve()), "dangling"),
    (lambda path: (path.unlink(), shutil.rmtree(path.with_name(path.name + ".gens"))), "missing"),
])
def test_a_lost_index_is_down_with_503(indexed, client, break_it, problem):
    break_it(indexed)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down" and body["index"]["problem"] == problem and not body["index"]["ok"]
    assert body["database"]["ok"] and body["drift"] == {"sections": None, "unexplained": None}
    assert not indexed.exists()  # looking did not quietly create an empty index


def test_an_empty_index_while_the_database_has_sections_is_down(index_path, db, client):
    haystack.connections["default"].get_backend().setup()  # an empty first generation
    make_speech("未索引", sections=[("", "", ["尚未进入索引。"], [])])
    body = client.get("/healthz").json()
    assert body["status"] == "down" and body["index"]["problem"] == "empty"


def test_an_empty_index_of_an_empty_archive_is_fine(index_path, db, client):
    haystack.connections["default"].get_backend().setup()
    assert client.get("/healthz").json()["status"] == "ok"
