"""A full rebuild on two processes into a fresh generation, with searches answering throughout."""
import asyncio

from django.core.management import call_command

from speeches.models import Section
from speeches.search import indexed_ids, queue, rebuild, search
from tests.factories import make_speech


def speeches(count, word):
    for n in range(count):
        make_speech(f"讲话{n}", sections=[("", f"第{i}节", [f"{word}第{n}篇第{i}段"], []) for i in range(5)])


def test_rebuild_on_two_processes_swaps_in_while_searches_answer(transactional_db, index_path):
    speeches(6, "发展")  # committed: the queue indexes them after each commit
    assert indexed_ids() == set(Section.objects.values_list("pk", flat=True))
    answers = []

    def search_meanwhile(sections_done):
        answers.append(search(q="发展").count)  # the old generation, while workers write the new

    before = index_path.resolve()
    with queue.paused():
        make_speech("重建期间", sections=[("", "新节", ["改革期间保存的段落"], [])])  # waits in the queue
        built = rebuild(workers=2, segment_size=7, progress=search_meanwhile)
    assert built.segments == 5 and built.sections == 31
    assert answers == [30] * 5
    assert index_path.resolve() == built.generation != before
    assert indexed_ids() == set(Section.objects.values_list("pk", flat=True))  # the queued one too
    assert search(q="改革期间").count == 1 and search(q="发展").count == 30


def test_rebuild_search_command(transactional_db, index_path, capsys):
    speeches(2, "改革")
    call_command("rebuild_search", workers=2, segment_size=4)
    out = capsys.readouterr().out
    assert "Indexed 10 sections" in out and "3 segment(s)" in out
    assert indexed_ids() == set(Section.objects.values_list("pk", flat=True))
    assert search(q="改革").count == 10


def test_rebuild_with_an_event_loop_marked_running_in_this_thread(transactional_db, index_path, monkeypatch):
    """As under Playwright's sync API or an ASGI server: Django then keeps connections per context,
    so the thread's plain connection escapes close_all() and is copied into the forked workers."""
    speeches(3, "改革")
    assert Section.objects.count() == 15  # this thread's plain connection is now open
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    loop = asyncio.new_event_loop()
    asyncio.events._set_running_loop(loop)
    try:
        built = rebuild(workers=2, segment_size=2)
    finally:
        asyncio.events._set_running_loop(None)
        loop.close()
    assert built.sections == 15 and built.segments == 8
    assert search(q="改革").count == 15
    assert Section.objects.count() == 15  # the parent's session survived its children


def test_rebuild_gives_every_worker_a_segment(transactional_db, index_path, monkeypatch):
    from speeches.search.indexing import rebuild as module

    speeches(6, "发展")
    monkeypatch.setattr(module, "MIN_SPLIT", 10)  # 30 sections: worth splitting above 10 a worker
    built = rebuild(workers=2)  # the default segment size (25,000) would make one segment
    assert built.segments == 2 and built.sections == 30
    assert search(q="发展").count == 30
