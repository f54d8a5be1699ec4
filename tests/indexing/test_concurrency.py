"""Several processes write while others search; afterwards the index equals the database."""
import pytest

from speeches.models import IndexQueue, Section
from speeches.search import indexed_ids
from tests.indexing import workers

WRITERS, OPS, SEARCHERS = 3, 30, 2


@pytest.mark.slow
def test_index_equals_database_after_concurrent_writes_and_searches(db_name, index_dir, spawn):
    stable = workers.make_speech("不变")
    stable_ids = [workers.add_section(stable, order).pk for order in range(3)]
    speeches = [workers.make_speech(f"讲话{n}") for n in range(WRITERS)]
    for speech in speeches:
        workers.add_section(speech, 0)

    stop, results = spawn.Event(), spawn.Queue()
    searchers = [
        spawn.Process(target=workers.searcher, args=(db_name, index_dir, stable_ids, stop, results))
        for _ in range(SEARCHERS)
    ]
    writers = [
        spawn.Process(target=workers.writer, args=(db_name, index_dir, speech.pk, 1, OPS, seed))
        for seed, speech in enumerate(speeches)
    ]
    for process in searchers + writers:
        process.start()
    try:
        for process in writers:
            process.join(120)
    finally:
        stop.set()
        for process in searchers:
            process.join(60)
    reports = [results.get(timeout=10) for _ in searchers]

    assert [p.exitcode for p in writers] == [0] * WRITERS
    assert [status for status, _ in reports] == ["ok"] * SEARCHERS, reports  # no search raised
    assert [p.exitcode for p in searchers] == [0] * SEARCHERS
    # No process() call here: the writers' own after-commit runs must have drained the queue.
    assert not IndexQueue.objects.exists()
    assert indexed_ids() == set(Section.objects.values_list("pk", flat=True))
