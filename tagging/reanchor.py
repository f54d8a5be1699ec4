"""Re-attach a speech's taggings after its sections were recreated (re-import, re-parse).

A tagging names its section three ways: foreign key (gone with the old rows), anchor ("s2-1") and
a quote of the section's opening text. Where it goes is decided by the notes' rule, in one place
(annotations.anchoring.reanchor): the section at the same anchor if it still opens with the
quote, else the one section that holds it; a tie or words gone leave the tagging detached (kept,
shown nowhere, re-attached if the words come back), never moved to a look-alike. Texts and quote
are width/case/script folded first, so a re-parse that only changed full-width digits still holds.
"""
from __future__ import annotations

from annotations.anchoring import Quote, reanchor
from speeches import search
from speeches.models import Section

from .models import Tagging


def reattach(*, speech) -> dict[str, int]:
    """Re-attach every detached tagging of this speech; returns {"attached": n, "detached": m}."""
    sections = list(speech.sections.all())
    # speeches.services copies Section.tags onto the new sections (by identical body or heading)
    # before sending the signal, and receivers.py backs each copy with a reader-less tagging. The
    # real taggings are the detached ones below, re-attached by this module's rule: drop the copies.
    Tagging.objects.filter(section__in=sections).delete()
    texts = {s.anchor: search.fold(f"{s.heading}\n{s.body}") for s in sections}
    by_anchor = {s.anchor: s for s in sections}
    outcome = {"attached": 0, "detached": 0}
    for tagging in Tagging.objects.filter(speech_uid=speech.uid, section__isnull=True):
        section = find(tagging, by_anchor, texts)
        if section is None or Tagging.objects.filter(
                tag=tagging.tag_id, user=tagging.user_id, section=section).exists():
            outcome["detached"] += 1
            continue
        tagging.section, tagging.anchor = section, section.anchor
        tagging.save(update_fields=["section", "anchor"])
        outcome["attached"] += 1
    _sync(sections)
    return outcome


def _sync(sections: list[Section]) -> None:
    """Section.tags (what the index reads) = the public taggings; m2m_changed queues each change."""
    wanted = set(Tagging.objects.filter(section__in=sections, private=False).values_list("section_id", "tag_id"))
    have = set(Section.tags.through.objects.filter(section__in=sections).values_list("section_id", "tag_id"))
    for section in sections:
        extra = [tag for sid, tag in have - wanted if sid == section.pk]
        missing = [tag for sid, tag in wanted - have if sid == section.pk]
        if extra:
            section.tags.remove(*extra)
        if missing:
            section.tags.add(*missing)


def find(tagging: Tagging, by_anchor: dict[str, Section], texts: dict[str, str]) -> Section | None:
    """The section the tagging's words are in now ({anchor: folded text}), or None: detached."""
    quote = search.fold(tagging.quote).strip()
    if not quote:
        return None
    # The quote is a section's opening, stored without context around it: reanchor then takes
    # its exact words in its own section first, else in exactly one other (a tie detaches).
    placed = reanchor(Quote(anchor=tagging.anchor, exact=quote, start=0, end=len(quote)), texts)
    return None if placed.detached else by_anchor[placed.anchor]
