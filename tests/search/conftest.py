"""Search tests: a real Whoosh index in a temporary directory, real jieba, real SQLite."""
from contextlib import contextmanager
from pathlib import Path

import haystack
import pytest
from django.apps import apps
from django.conf import settings
from django.db import connections

# A rebuild forks workers that open the test database themselves: on SQLite it must be a file,
# not pytest-django's in-memory database (tests/indexing/conftest.py does the same).
_db = connections["default"].settings_dict
if _db["ENGINE"].endswith("sqlite3") and not _db.setdefault("TEST", {}).get("NAME"):
    _db["TEST"]["NAME"] = str(Path(settings.DATA_DIR) / "test-archive.sqlite3")


@contextmanager
def temporary_index(path):
    """Point the default haystack connection at an empty index at `path` meanwhile (like the
    index_path fixture in tests/conftest.py, for fixtures wider than one test)."""
    options = haystack.connections.connections_info["default"]
    saved = options["PATH"]
    options["PATH"] = str(path)
    haystack.connections.reload("default")  # drops this thread's engine and backend
    try:
        yield path
    finally:
        options["PATH"] = saved
        haystack.connections.reload("default")


@pytest.fixture
def index(index_path, db):
    """Index helpers over a fresh, empty index for this test."""
    indexer = Indexer()
    indexer.backend.setup()  # creates the first generation, as the first search would
    return indexer


class Indexer:
    @property
    def backend(self):
        return haystack.connections["default"].get_backend()

    @property
    def section_index(self):
        from speeches.models import Section

        return haystack.connections["default"].get_unified_index().get_index(Section)

    def reindex(self):
        """Index every section in the database (what the queue holds is included)."""
        from speeches.models import IndexQueue

        self.backend.update(self.section_index, list(self.section_index.index_queryset()))
        IndexQueue.objects.all().delete()

    def signals_off(self):
        processor = apps.get_app_config("haystack").signal_processor
        return _Paused(processor)


class _Paused:
    def __init__(self, processor):
        self.processor = processor

    def __enter__(self):
        self.processor.teardown()

    def __exit__(self, *exc):
        self.processor.setup()


SPEAKERS = ["王建国", "李**", "张 伟"]
CITIES = ["北京", "上海", ""]
OCCASIONS = ["市政府全体会议", "务虚会"]
EXTRA = [
    # (heading, paragraphs): texts the samples do not have
    ("繁体与全角", ["發展經濟，堅持改革開放。", "ＧＤＰ增長５％，ＡＩ產業。"]),
    ("转义", ["<script>alert('x')</script> & 发展"]),
    ("税收", ["依法征税，税费减免。", "个人所得税改革。"]),
]


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """The sample speeches (real text) with metadata and tags, indexed; built once per module.

    The rows are committed (tests' own changes still roll back) and deleted afterwards.
    """
    with temporary_index(tmp_path_factory.mktemp("archive") / "whoosh"):
        with django_db_blocker.unblock(), Indexer().signals_off():
            indexer = _build_archive()  # one reindex at the end, not a queue run per save
        yield indexer
        with django_db_blocker.unblock():
            _empty_database()


@pytest.fixture
def archived(archive, db):
    """`archive` for a test that also uses the database."""
    return archive


def _build_archive():
    from pathlib import Path

    from speeches import services
    from speeches.models import Section, Speech, Tag
    from tests.factories import make_speech

    samples = Path(__file__).resolve().parents[2] / "speeches" / "fixtures" / "samples"
    for path in sorted(samples.glob("*.txt")):
        services.file_import(data=path.read_bytes(), name=path.name)
    for i, speech in enumerate(Speech.objects.order_by("pk")):
        speech.speaker = _speaker(SPEAKERS[i % len(SPEAKERS)])
        speech.city = CITIES[i % len(CITIES)]
        speech.occasion = OCCASIONS[i % len(OCCASIONS)]
        for name, value in Speech.date_fields(2019 + i % 3, 1 + i % 12, None).items():
            setattr(speech, name, value)
        speech.save()
    make_speech("补充讲话", speaker="王建国", city="深圳", date=(2022, 5, 1),
                sections=[("", heading, paragraphs, []) for heading, paragraphs in EXTRA])
    tags = [Tag.objects.create(name=name) for name in ("营商环境", "民生")]
    for n, section in enumerate(Section.objects.order_by("pk")):
        if n % 4 == 0:
            section.tags.add(tags[0])
        if n % 6 == 0:
            section.tags.add(tags[1])
    indexer = Indexer()
    indexer.reindex()
    return indexer


def _empty_database():
    from speeches.models import IndexQueue, Section, SourceFile, Speaker, Speech, Tag

    for model in (Section, Speech, Speaker, Tag, SourceFile, IndexQueue):
        model.objects.all().delete()


def _speaker(name):
    from speeches.models import Speaker

    return Speaker.objects.get_or_create(name=name)[0]
