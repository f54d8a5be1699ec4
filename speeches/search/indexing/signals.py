"""Queue index changes from model signals instead of writing to Whoosh inside the transaction.

Each section's document carries its speech's metadata, speaker and tags, so a change to any of
them queues the affected sections. Bulk writes (bulk_create, QuerySet.update) send no signals:
their callers call `speeches.search.enqueue` themselves.
"""
from __future__ import annotations

from django.db.models import signals
from haystack.signals import BaseSignalProcessor

from speeches.models import Section, Speaker, Speech, Tag

from .queue import enqueue, enqueue_speeches


class QueuedSignalProcessor(BaseSignalProcessor):
    """HAYSTACK_SIGNAL_PROCESSOR that writes IndexQueue rows in the saving transaction."""

    def receivers(self):
        return [
            (signals.post_save, Section, self.section_saved),
            (signals.post_delete, Section, self.section_deleted),
            (signals.post_save, Speech, self.speech_saved),
            (signals.post_save, Speaker, self.speaker_changed),
            # The speaker's speeches are set to NULL by a bulk update, which sends no signal.
            (signals.pre_delete, Speaker, self.speaker_changed),
            (signals.post_save, Tag, self.tag_changed),
            # Deleting a tag removes its through rows without an m2m_changed signal.
            (signals.pre_delete, Tag, self.tag_changed),
            (signals.m2m_changed, Section.tags.through, self.section_tags_changed),
        ]

    def setup(self):
        for signal, sender, receiver in self.receivers():
            signal.connect(receiver, sender=sender)

    def teardown(self):
        for signal, sender, receiver in self.receivers():
            signal.disconnect(receiver, sender=sender)

    def section_saved(self, sender, instance, **kwargs):
        enqueue([instance.pk])

    def section_deleted(self, sender, instance, **kwargs):
        enqueue([instance.pk], delete=True)

    def speech_saved(self, sender, instance, created=False, **kwargs):
        if not created:  # a new speech has no sections yet; they queue themselves
            enqueue_speeches([instance.pk])

    def speaker_changed(self, sender, instance, **kwargs):
        if instance.pk is not None:
            enqueue_speeches(instance.speeches.values_list("pk", flat=True))

    def tag_changed(self, sender, instance, **kwargs):
        if instance.pk is not None:
            enqueue(instance.sections.values_list("pk", flat=True))

    def section_tags_changed(self, sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "pre_clear") or pk_set == set():
            return  # adding tags a section already has sends an empty pk_set
        if not reverse:  # section.tags.add(...): one section changed
            enqueue([instance.pk])
        elif action == "pre_clear":  # tag.sections.clear(): pk_set is None, ask before it runs
            enqueue(instance.sections.values_list("pk", flat=True))
        else:  # tag.sections.add(...): pk_set holds section ids
            enqueue(pk_set)
