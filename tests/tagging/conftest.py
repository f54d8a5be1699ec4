"""Reader-tag tests: real users, real rows, a real Whoosh index fed by the durable queue."""
from contextlib import contextmanager

import haystack
import pytest
from django.contrib.auth.models import User

from tests.factories import make_speech

TREE = [
    ("一、", "优化营商环境", ["营商环境是生产力。", "要持续推进放管服改革。"], [
        ("（一）", "推进数字政府", ["用好AI和大数据。"], []),
    ]),
    ("二、", "狠抓工作落实", ["落实是关键。"], []),
]


@pytest.fixture
def index(index_path, db):
    haystack.connections["default"].get_backend().setup()
    return index_path


@pytest.fixture
def on_commit():
    """At the end of the block, run what a commit runs: the index queue (speeches.search.queue).
    The test's transaction never commits, and the queue's on-commit run was scheduled already
    by the speech's creation, so it is applied here the same way."""
    from speeches.search import queue

    @contextmanager
    def block():
        yield
        queue.process()

    return block


PASSWORD = "pw-Tag-123456"


@pytest.fixture(scope="session")
def password_hash():
    from django.contrib.auth.hashers import make_password

    return make_password(PASSWORD)  # hashed once: PBKDF2 takes a second per user here


@pytest.fixture
def people(db, password_hash):
    make = lambda name, **extra: User.objects.create(  # noqa: E731
        username=name, email=f"{name}@example.org", password=password_hash, **extra)
    return {"a": make("reader_a"), "b": make("reader_b"), "staff": make("archivist", is_staff=True)}


@pytest.fixture
def speech(db):
    return make_speech("在全市优化营商环境大会上的讲话", sections=TREE, city="南昌市")


def section(speech, anchor):
    return speech.sections.get(anchor=anchor)
