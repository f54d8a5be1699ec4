"""Data helpers, and entry points for child processes started with multiprocessing's spawn.

A spawned child starts a fresh interpreter: it sets up Django itself, then points the default
database at the test database the parent created (pytest-django renames it; on SQLite it is a
file, see conftest.py) and haystack at the parent's temporary index.
"""
from __future__ import annotations

import itertools
import os
import random
import traceback
import uuid
from contextlib import contextmanager

WORDS = "经济 发展 改革 教育 科技 民生 创新 开放".split()


def make_speech(title: str = "讲话"):
    from speeches.models import Speech

    key = uuid.uuid4().hex
    return Speech.objects.create(uid=key[:16], title=title, checksum=key, content_checksum=key, cleaned_text=title)


def add_section(speech, order: int, *, words: str = "经济 发展"):
    from speeches.models import Section

    heading, body = f"第{order}节", f"{words} 第{order}段"
    return Section.objects.create(speech=speech, order=order, anchor=f"s{order}", heading=heading, body=body)


@contextmanager
def signals_off():
    """Change the database behind the index's back, to make drift on purpose."""
    from django.apps import apps

    processor = apps.get_app_config("haystack").signal_processor
    processor.teardown()
    try:
        yield
    finally:
        processor.setup()


def setup_child(db_name: str, index_dir: str) -> None:
    os.environ["ARCHIVE_INDEX_DIR"] = index_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.DATABASES["default"]["NAME"] = db_name
    # Searches must raise here, not log and return nothing, or "no search raised" proves nothing.
    settings.HAYSTACK_CONNECTIONS["default"]["SILENTLY_FAIL"] = False


def hold_writer(index_dir: str, held, release) -> None:
    """Hold Whoosh's write lock until `release` is set (or 60 s pass)."""
    from whoosh.index import open_dir

    writer = open_dir(index_dir).writer()
    held.set()
    release.wait(60)
    writer.cancel()


def writer(db_name: str, index_dir: str, speech_id: int, first_order: int, ops: int, seed: int) -> None:
    """Create, edit, tag and delete sections of one speech, each in its own transaction."""
    setup_child(db_name, index_dir)
    from django.db import transaction

    from speeches.models import Section, Speech, Tag

    rng = random.Random(seed)
    speech = Speech.objects.get(pk=speech_id)
    tag, _ = Tag.objects.get_or_create(name=f"标签{seed}")
    orders = itertools.count(first_order)
    for _ in range(ops):
        mine = list(Section.objects.filter(speech_id=speech_id).values_list("pk", flat=True))
        action = rng.choice(["create", "create", "edit", "tag", "delete", "delete"]) if mine else "create"
        if action == "create":
            with transaction.atomic():
                add_section(speech, next(orders), words=" ".join(rng.sample(WORDS, 3)))
        elif action == "delete":
            Section.objects.get(pk=rng.choice(mine)).delete()
        else:
            section = Section.objects.get(pk=rng.choice(mine))
            with transaction.atomic():
                if action == "edit":
                    section.heading = f"修改{rng.random()}"
                    section.save()
                else:
                    section.tags.add(tag)


def searcher(db_name: str, index_dir: str, stable_ids: list[int], stop, results) -> None:
    """Search as the site does until `stop` is set; report how many searches ran, or the error."""
    setup_child(db_name, index_dir)
    from speeches.search import search, section_ids

    count = 0
    try:
        while not stop.is_set() or count == 0:
            word = random.choice(["经济", "发展"])
            search(q=word)  # the results page: index, then the database rows of the hits
            # The untouched sections match every time, mid-write or not.
            missing = set(stable_ids) - section_ids(q=word)
            if missing:
                raise AssertionError(f"search {count + 1} for {word} lost untouched sections {missing}")
            count += 1
        results.put(("ok", count))
    except BaseException:
        results.put(("error", traceback.format_exc()))
        raise
