"""Keep taggings in step with what others change: the admin's tag chooser, and re-imports.

- The admin (and any code) may add or remove Section.tags directly. A pair added there gets a
  public tagging with no reader (who is unknown); a pair removed there loses its public taggings.
  So "Section.tags holds a pair exactly when a public tagging does" holds whoever writes.
- A re-import or re-parse recreates a speech's sections (speeches.signals.sections_replaced):
  the taggings' foreign keys went NULL with the old rows; reanchor.py finds their sections again.
"""
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, pre_delete

from speeches.models import Section
from speeches.signals import sections_replaced

from .models import Tagging, section_quote


def connect() -> None:
    m2m_changed.connect(section_tags_changed, sender=Section.tags.through, dispatch_uid="tagging-m2m")
    sections_replaced.connect(speech_sections_replaced, dispatch_uid="tagging-reanchor")
    pre_delete.connect(user_deleted, sender=get_user_model(), dispatch_uid="tagging-user-deleted")


def user_deleted(sender, instance, **kwargs):
    """A deleted account's private tags go with it; its public ones stay, with no reader named."""
    Tagging.objects.filter(user=instance, private=True).delete()


def section_tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "pre_remove", "pre_clear"):
        return
    if action == "pre_clear":
        pairs = _pairs(instance, reverse, None)
    else:
        pairs = _pairs(instance, reverse, pk_set or ())
    if action == "post_add":
        _ensure_public(pairs)
    else:
        for section_id, tag_id in pairs:
            Tagging.objects.filter(section_id=section_id, tag_id=tag_id, private=False).delete()


def _pairs(instance, reverse, pk_set):
    """(section id, tag id) pairs the change is about."""
    if not reverse:  # section.tags.add(tag, …)
        tag_ids = pk_set if pk_set is not None else instance.tags.values_list("pk", flat=True)
        return [(instance.pk, tag_id) for tag_id in tag_ids]
    section_ids = pk_set if pk_set is not None else instance.sections.values_list("pk", flat=True)
    return [(section_id, instance.pk) for section_id in section_ids]


def _ensure_public(pairs) -> None:
    if not pairs:
        return
    tag_ids = {tag_id for _, tag_id in pairs}
    section_ids = {section_id for section_id, _ in pairs}
    have = set(Tagging.objects.filter(private=False, tag_id__in=tag_ids, section_id__in=section_ids)
               .values_list("section_id", "tag_id"))
    missing = [pair for pair in pairs if pair not in have]
    if not missing:
        return
    sections = Section.objects.select_related("speech").in_bulk({sid for sid, _ in missing})
    Tagging.objects.bulk_create([
        Tagging(tag_id=tag_id, section=sections[sid], speech_uid=sections[sid].speech.uid,
                anchor=sections[sid].anchor, quote=section_quote(sections[sid]))
        for sid, tag_id in missing if sid in sections])


def speech_sections_replaced(sender, speech, **kwargs):
    from .reanchor import reattach

    reattach(speech=speech)
