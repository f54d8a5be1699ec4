"""Which changes queue which sections. Runs inside a test transaction, so nothing is applied."""
import pytest

from speeches.models import IndexQueue, Speaker, Tag
from tests.indexing.workers import add_section, make_speech


def queued():
    """{section_id: delete} in queue order, emptied for the next step."""
    rows = {row.section_id: row.delete for row in IndexQueue.objects.all()}
    IndexQueue.objects.all().delete()
    return rows


@pytest.fixture
def sections(db):
    speech, other = make_speech(), make_speech()
    add_section(other, 0)
    found = [add_section(speech, order) for order in range(2)]
    queued()
    return found


def test_saving_and_deleting_a_section(sections):
    first, second = sections
    first.save()
    assert queued() == {first.pk: False}
    pk = second.pk
    second.delete()
    assert queued() == {pk: True}


def test_saving_a_speech_queues_all_its_sections(sections):
    speech = sections[0].speech
    speech.title = "新标题"
    speech.save()
    assert queued() == {s.pk: False for s in sections}


def test_deleting_a_speech_queues_deletes(sections):
    sections[0].speech.delete()
    assert queued() == {s.pk: True for s in sections}


def test_a_speaker_rename_or_delete_queues_the_speakers_sections(sections):
    speaker = Speaker.objects.create(name="李**")
    speech = sections[0].speech
    speech.speaker = speaker
    speech.save()
    queued()
    speaker.name = "李某"
    speaker.save()
    assert queued() == {s.pk: False for s in sections}
    speaker.delete()  # speeches keep a NULL speaker, through an update that sends no signal
    assert queued() == {s.pk: False for s in sections}


def test_tag_changes_queue_the_tagged_sections(sections):
    first, second = sections
    tag = Tag.objects.create(name="经济")
    first.tags.add(tag)
    assert queued() == {first.pk: False}
    tag.sections.add(second)
    assert queued() == {second.pk: False}
    tag.name = "经济发展"
    tag.save()
    assert queued() == {first.pk: False, second.pk: False}
    tag.sections.clear()
    assert queued() == {first.pk: False, second.pk: False}
    first.tags.add(tag)
    queued()
    tag.delete()  # its through rows go without an m2m_changed signal
    assert queued() == {first.pk: False}
