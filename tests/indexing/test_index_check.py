"""`manage.py index_check`: find drift between the index and the database, and repair it."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command, execute_from_command_line

from speeches.models import IndexQueue, Section
from speeches.search import indexed_ids
from tests.indexing.workers import add_section, make_speech, signals_off

pytestmark = pytest.mark.usefixtures("index_dir")


def index_check(*args):
    out = StringIO()
    call_command("index_check", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def drifted(transactional_db):
    """Two sections the index misses and one index entry whose section is gone."""
    speech = make_speech()
    kept, gone = add_section(speech, 0), add_section(speech, 1)
    with signals_off():
        missing = [add_section(speech, 2), add_section(speech, 3)]
        Section.objects.filter(pk=gone.pk).delete()
    return {"kept": kept.pk, "gone": gone.pk, "missing": {s.pk for s in missing}}


def test_a_matching_index_passes(transactional_db):
    add_section(make_speech(), 0)
    assert "matches" in index_check()


def test_drift_is_reported_with_ids_and_fails(drifted):
    with pytest.raises(CommandError) as failed:
        out = StringIO()
        call_command("index_check", stdout=out)
    assert failed.value.returncode == 1
    report = out.getvalue()
    missing = ", ".join(map(str, sorted(drifted["missing"])))
    assert f"Sections missing from the index: 2 (e.g. {missing})" in report
    assert f"Index entries with no section: 1 (e.g. {drifted['gone']})" in report
    # Checking changes nothing.
    assert indexed_ids() == {drifted["kept"], drifted["gone"]}


def test_the_command_line_exits_non_zero_on_drift(drifted, capsys):
    # Through run_from_argv, as `manage.py index_check` runs: system checks, exit status.
    with pytest.raises(SystemExit) as exited:
        execute_from_command_line(["manage.py", "index_check"])
    assert exited.value.code == 1
    assert "run with --repair" in capsys.readouterr().err


def test_repair_makes_the_index_equal_the_database(drifted):
    report = index_check("--repair")
    assert "Repaired." in report
    assert indexed_ids() == set(Section.objects.values_list("pk", flat=True))
    assert "matches" in index_check()


def test_leftover_queue_rows_are_applied_first(transactional_db):
    speech = make_speech()
    with signals_off():
        section = add_section(speech, 0)
    IndexQueue.objects.create(section_id=section.pk)
    report = index_check()
    assert "Applied 1 queued index change(s)." in report
    assert "matches" in report
    assert indexed_ids() == {section.pk}


def test_repairing_a_large_drift_rebuilds_the_index(drifted, index_dir, monkeypatch):
    from pathlib import Path

    from speeches.search import queue

    monkeypatch.setattr(queue, "REBUILD_MIN", 2)  # the drift (3 sections) counts as large here
    before = Path(index_dir).resolve()
    assert "Repaired." in index_check("--repair")
    assert Path(index_dir).resolve() != before  # a new generation, not 500-section commits
    assert indexed_ids() == set(Section.objects.values_list("pk", flat=True))
