"""haystack's own index commands are safe: rebuild_index swaps a full index in while a reader in
another process always gets full answers; update_index and clear_index never empty the site."""
import multiprocessing

import pytest
from django.core.management import call_command
from django.db import connections

from speeches.models import IndexQueue, Section
from speeches.search import indexed_ids, search, section_ids
from tests.factories import make_speech
from tests.search import readers

SPEECHES, SECTIONS = 8, 5


def archive():
    for n in range(SPEECHES):
        make_speech(f"讲话{n}", sections=[("", f"第{i}节", [f"生态环境第{n}篇第{i}段"], []) for i in range(SECTIONS)])
    expected = set(Section.objects.values_list("pk", flat=True))
    assert section_ids(q="生态环境") == expected  # indexed by the queue after each commit
    return expected


@pytest.mark.slow
def test_rebuild_index_noinput_while_a_reader_always_gets_full_answers(transactional_db, index_path):
    expected = archive()
    before = index_path.resolve()
    spawn = multiprocessing.get_context("spawn")
    ready, stop, results = spawn.Event(), spawn.Event(), spawn.Queue()
    db_name = connections["default"].settings_dict["NAME"]
    args = (db_name, str(index_path), sorted(expected), ready, stop, results)
    child = spawn.Process(target=readers.full_answers, args=args)
    child.start()
    try:
        assert ready.wait(120)
        for _ in range(3):  # each rebuild swaps in a new generation under the reader
            call_command("rebuild_index", "--noinput", workers=2)
    finally:
        stop.set()
        child.join(120)
    status, detail = results.get(timeout=10)
    assert status == "ok", detail
    assert detail >= 3 and child.exitcode == 0
    assert index_path.resolve() != before
    assert indexed_ids() == expected


def test_rebuild_index_keeps_changes_saved_meanwhile_and_refuses_nocommit(transactional_db, index_path, capsys):
    expected = archive()
    call_command("rebuild_index", "--noinput")
    assert "swapped it in" in capsys.readouterr().out
    assert indexed_ids() == expected and search(q="生态环境").count == len(expected)
    with pytest.raises(Exception, match="--nocommit is not supported"):
        call_command("rebuild_index", "--noinput", "--nocommit")


def test_update_index_goes_through_the_queue_and_removes_orphans(transactional_db, index_path, capsys):
    from tests.indexing.workers import signals_off

    expected = archive()
    gone = Section.objects.order_by("pk").first().pk
    with signals_off():  # a section deleted behind the index's back: an orphan entry
        Section.objects.filter(pk=gone).delete()
    assert gone in indexed_ids()
    call_command("update_index", "speeches", "--remove")
    assert "through the index queue" in capsys.readouterr().out
    assert indexed_ids() == expected - {gone} and not IndexQueue.objects.exists()
    with pytest.raises(Exception, match="not supported"):
        call_command("update_index", age=24)
    with pytest.raises(Exception, match="Only speeches.section"):
        call_command("update_index", "auth")


def test_clear_index_replaces_the_index_and_never_leaves_it_empty(transactional_db, index_path, monkeypatch):
    expected = archive()
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    call_command("clear_index")
    assert indexed_ids() == expected
    call_command("clear_index", "--noinput")
    assert indexed_ids() == expected and search(q="生态环境").count == len(expected)
