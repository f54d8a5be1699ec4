"""Who put which tag on which section, and when; and the staff's "tag a search" batches.

speeches.Section.tags (the many-to-many the search index reads) holds exactly the pairs that have
a public tagging here; services.py and receivers.py keep it so. A private tagging never reaches
it, so it never reaches the index, a facet count or the search API.

A tagging is anchored like a note: speech uid + section anchor + a quote of the section's text,
besides the foreign key. Re-importing a speech recreates its sections (the key goes NULL), and
receivers.py re-attaches the tagging by anchor and quote, or leaves it detached.
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from speeches.models import Section, Tag

QUOTE_CHARS = 200  # enough to recognise a section, short enough to survive an edit at its end


class TagBatch(models.Model):
    """One "tag a search": what was asked, what changed, and whether it was undone."""

    class Action(models.TextChoices):
        ADD = "add", _("加标签")
        REMOVE = "remove", _("去标签")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name=_("操作人"))
    tag = models.ForeignKey(Tag, models.CASCADE, related_name="+", verbose_name=_("标签"))
    action = models.CharField(_("操作"), max_length=6, choices=Action.choices)
    query = models.CharField(_("检索式"), max_length=500, blank=True)
    filters = models.JSONField(_("筛选"), default=dict, blank=True)
    count = models.PositiveIntegerField(_("段落数"), default=0)
    # For a removal: the taggings it deleted, so that undo can put them back as they were.
    removed = models.JSONField(_("已去掉的标注"), default=list, blank=True)
    created = models.DateTimeField(_("时间"), auto_now_add=True)
    undone = models.DateTimeField(_("撤销时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = verbose_name_plural = _("批量标签")


class Tagging(models.Model):
    tag = models.ForeignKey(Tag, models.CASCADE, related_name="taggings", verbose_name=_("标签"))
    # NULL: made in the admin (or before reader tags existed), where no reader is recorded, or
    # its reader's account was deleted: their public tags stay in the archive, private ones go
    # (receivers.user_deleted).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                             related_name="taggings", verbose_name=_("标注人"))
    section = models.ForeignKey(Section, models.SET_NULL, null=True, blank=True,
                                related_name="taggings", verbose_name=_("段落节"))
    speech_uid = models.CharField(_("讲话永久标识"), max_length=16, db_index=True)
    anchor = models.CharField(_("锚点"), max_length=64)
    quote = models.TextField(_("原文引文"), blank=True)
    private = models.BooleanField(_("仅自己可见"), default=False)
    created = models.DateTimeField(_("标注时间"), auto_now_add=True)
    batch = models.ForeignKey(TagBatch, models.SET_NULL, null=True, blank=True, related_name="taggings")

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = verbose_name_plural = _("标注")
        constraints = [
            models.UniqueConstraint(fields=["tag", "user", "section"], name="tagging_once_per_reader"),
        ]
        indexes = [models.Index(fields=["tag", "private"]), models.Index(fields=["user", "tag"])]

    def __str__(self) -> str:
        return f"{self.tag} · {self.speech_uid}#{self.anchor}"

    @property
    def detached(self) -> bool:
        return self.section_id is None


def section_quote(section: Section) -> str:
    """The heading and opening words, without the label: inserting a section renumbers 二、 to 三、."""
    return f"{section.heading}\n{section.body}"[:QUOTE_CHARS]
