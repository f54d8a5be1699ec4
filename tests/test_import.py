"""Importing files: atomic per file, idempotent, variants linked, failures reported."""
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from speeches import services
from speeches.ingest import IngestError, parse_bytes
from speeches.models import IndexQueue, Section, SourceFile, Speech

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parent.parent / "speeches" / "fixtures" / "samples"


def sample(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


def test_import_saves_speeches_sections_and_source_bytes():
    data = sample("000").read_bytes()
    result = services.file_import(data=data, name="000.txt")
    speech = result.speeches[0]
    assert speech.title == "在市政府班子务虚会上的讲话（提纲）"
    assert speech.speaker.name == "李**" and speech.speaker_title == "市委副书记、代市长"
    assert (speech.year, speech.date_precision, speech.date_display()) == (2021, "month", "2021年1月")
    assert speech.city == "" and speech.occasion == "市政府班子务虚会"
    assert [s.label for s in speech.sections.filter(kind="heading", depth=0)] == ["第一", "第二", "第三"]
    assert bytes(SourceFile.objects.get().data) == data  # kept for re-parsing (memoryview on PostgreSQL)


def test_same_bytes_twice_add_nothing_and_anchors_survive_reimport():
    data = sample("002").read_bytes()
    first = services.file_import(data=data, name="002.txt")
    anchors = list(Section.objects.values_list("anchor", flat=True))
    again = services.file_import(data=data, name="002.txt")
    assert again.speeches == [] and again.unchanged == len(first.speeches)
    assert Speech.objects.count() == len(first.speeches)
    uid = first.speeches[0].uid
    services.speech_delete(speech=first.speeches[0])
    reimported = services.file_import(data=data, name="002.txt").speeches[0]
    assert reimported.uid == uid  # permalinks derive from content, not from database ids
    assert list(Section.objects.values_list("anchor", flat=True)) == anchors


def test_reprints_in_001_are_linked_as_variants_of_one_speech():
    result = services.file_import(data=sample("001").read_bytes(), name="001.txt")
    s1, s2, s3, s4, s5 = result.speeches
    assert s1.canonical is None and s5.canonical is None
    assert s3.canonical == s2 and s4.canonical == s2
    assert result.variants == 2


def test_failure_half_way_through_a_file_saves_nothing_of_it():
    data = sample("001").read_bytes()
    second = parse_bytes(data, filename="001.txt")[1]
    # A real conflict on the second speech: its permalink id is already taken by another row.
    uid = services.sha256(second.text.encode())[:12]
    Speech.objects.create(uid=uid, title="占位", checksum="x", content_checksum="other", cleaned_text="")
    before = (Speech.objects.count(), Section.objects.count(), IndexQueue.objects.count())
    with pytest.raises(Exception):
        services.file_import(data=data, name="001.txt")
    assert (Speech.objects.count(), Section.objects.count(), IndexQueue.objects.count()) == before
    assert not SourceFile.objects.exists()


def test_undecodable_empty_and_binary_files_are_refused_with_a_message():
    for data in (b"", b"\x00\x01\x02\xff\xfe\x00" * 100, bytes(range(128, 256)) * 20):
        with pytest.raises(IngestError) as error:
            services.file_import(data=data, name="bad.txt")
        assert "bad.txt" in str(error.value)
    assert not Speech.objects.exists() and not SourceFile.objects.exists()


def test_command_imports_folders_reports_failures_and_exits_nonzero(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_bytes(sample("004").read_bytes())
    (tmp_path / "broken.txt").write_bytes(bytes(range(128, 256)) * 20)
    with pytest.raises(CommandError):
        call_command("import_speeches", str(tmp_path))
    out, err = capsys.readouterr()
    assert "失败 1" in out and "broken.txt" in err
    assert Speech.objects.filter(title="在市政府重点工作推进会上的讲话").exists()


def test_samples_import_only_into_an_empty_archive(capsys):
    call_command("import_speeches", "--if-empty", str(SAMPLES))
    count = Speech.objects.count()
    assert count == 1 + 5 + 1 + 3 + 1
    call_command("import_speeches", "--if-empty", str(SAMPLES))
    assert Speech.objects.count() == count


def test_overlong_metadata_is_clipped_not_refused_on_any_database():
    from dataclasses import replace

    parsed = parse_bytes(sample("000").read_bytes(), filename="000.txt")[0]
    long = replace(parsed, title="在" * 400 + "会议上的讲话", occasion="会" * 400, speaker="李" * 150)
    source = SourceFile.objects.create(name="x.txt", checksum="c" * 64, data=b"x", size=1)
    speech = services.speech_import(parsed=long, source=source)
    speech.refresh_from_db()
    assert len(speech.title) == 300 and speech.title.endswith("…")
    assert len(speech.occasion) == 300 and len(speech.speaker.name) == 100
    assert speech.sections.count() == len(parsed.sections)
