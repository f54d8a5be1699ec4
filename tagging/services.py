"""The only code that writes reader tags. Keyword-only, atomic.

Visibility: a tagging is public (everyone sees the tag on the section, the search facet counts
it) or private (only its reader sees it, anywhere). `visible_to(user)` is the one filter every
page and API call uses; docs/TAGS.md says why tags are public unless marked private.
"""
from __future__ import annotations

import unicodedata

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from speeches.models import Section, Tag

from .models import Tagging, section_quote

MAX_NAME = 50


class TagError(ValueError):
    """A request that cannot be carried out; the message is for the reader (translated)."""


def clean_name(raw: str) -> str:
    name = " ".join(raw.split()) if isinstance(raw, str) else ""
    if not name:
        raise TagError(_("请填写标签名。"))
    if len(name) > MAX_NAME:
        raise TagError(_("标签名最多 %(n)d 个字。") % {"n": MAX_NAME})
    if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs") for c in name):
        raise TagError(_("标签名含有不可见的控制字符。"))
    return name


def tag_named(raw: str, *, create: bool = False) -> Tag | None:
    """The tag a name means (AI, ＡＩ, ai are one); created with this spelling if asked."""
    name = clean_name(raw)
    slug = Tag.fold(name)
    if create:
        return Tag.objects.get_or_create(slug=slug, defaults={"name": name})[0]
    return Tag.objects.filter(slug=slug).first()


def visible_to(user) -> Q:
    """Taggings this user may know of: every public one, and their own private ones."""
    if user.is_authenticated:
        return Q(private=False) | Q(user=user)
    return Q(private=False)


def visible_taggings(user):
    return Tagging.objects.filter(visible_to(user), section__isnull=False)


@transaction.atomic
def tag_add(*, user, section: Section, name: str, private: bool = False) -> Tagging:
    tag = tag_named(name, create=True)
    tagging, created = Tagging.objects.select_for_update().get_or_create(
        user=user, section=section, tag=tag,
        defaults={"private": private, "speech_uid": section.speech.uid, "anchor": section.anchor,
                  "quote": section_quote(section)},
    )
    if not created and tagging.private != private:
        tagging.private = private
        tagging.save(update_fields=["private"])
    _sync(section, tag)
    return tagging


@transaction.atomic
def tag_remove(*, user, section: Section, name: str) -> int:
    """A reader removes their own tagging; staff also every public one. Returns how many went."""
    tag = tag_named(name)
    if tag is None:
        return 0
    mine = Q(user=user)
    taggings = section.taggings.filter(tag=tag).filter(mine | Q(private=False) if user.is_staff else mine)
    removed, _ = taggings.delete()
    _sync(section, tag)
    return removed


def _sync(section: Section, tag: Tag) -> None:
    """Section.tags (what the index reads) holds the pair exactly when a public tagging does.

    Changing it sends m2m_changed, which queues the section for the index in this transaction."""
    if section.taggings.filter(tag=tag, private=False).exists():
        section.tags.add(tag)
    else:
        section.tags.remove(tag)


def section_tags(user, sections) -> dict[int, list[dict]]:
    """{section id: [{tag, public, mine, removable}…]} of what this user may see, by name."""
    rows = visible_taggings(user).filter(section__in=sections).select_related("tag")
    found: dict[int, dict[int, dict]] = {}
    for tagging in rows:
        item = found.setdefault(tagging.section_id, {}).setdefault(
            tagging.tag_id, {"tag": tagging.tag, "public": False, "mine": False, "removable": False})
        item["public"] |= not tagging.private
        item["mine"] |= user.is_authenticated and tagging.user_id == user.pk
        item["removable"] = item["mine"] or (user.is_staff and item["public"])
    return {sid: sorted(tags.values(), key=lambda t: t["tag"].name) for sid, tags in found.items()}


def tag_counts(user, *, contains: str = ""):
    """Tags this user may see with how many sections carry each, most used first."""
    rows = visible_taggings(user)
    if contains.strip():
        rows = rows.filter(tag__slug__contains=Tag.fold(contains))
    return (rows.values("tag__name", "tag__slug").annotate(n=Count("section", distinct=True))
            .order_by("-n", "tag__name"))


def tagged_sections(user, tag: Tag):
    """Sections carrying this tag for this user: newest speech first, in reading order."""
    from django.db.models import F

    ids = visible_taggings(user).filter(tag=tag).values("section_id")
    return (Section.objects.filter(pk__in=ids).select_related("speech__speaker")
            .order_by(F("speech__date").desc(nulls_last=True), "-speech_id", "order"))
