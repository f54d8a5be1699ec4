"""Readers' notes on exact words of a speech.

The target is data, not a foreign key (see annotations/anchoring.py): speech uid, section anchor,
TextQuoteSelector and TextPositionSelector. `speech` and `section` are conveniences for joins;
re-importing or re-parsing recreates sections (the section link is then re-made by re-anchoring),
and a deleted speech leaves its notes, detached, with the words they were written on.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .anchoring import Quote

BODY_MAX = 10_000
QUOTE_MAX = 2_000


class NoteQuerySet(models.QuerySet):
    def visible_to(self, user) -> NoteQuerySet:
        """What `user` may read: their own notes, and others' public ones (hidden ones to staff only)."""
        public = Q(public=True) if user.is_staff else Q(public=True, hidden=False)
        if not user.is_authenticated:
            return self.filter(public=True, hidden=False)
        return self.filter(Q(author=user) | public)

    def of_speech(self, uid: str) -> NoteQuerySet:
        return self.filter(speech_uid=uid)


class Note(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="notes",
                               verbose_name=_("作者"))
    speech_uid = models.CharField(_("讲话永久标识"), max_length=16, db_index=True)
    speech = models.ForeignKey("speeches.Speech", models.SET_NULL, null=True, blank=True,
                               related_name="notes", verbose_name=_("讲话"))
    # Where the words are now (None while detached); re-made by re-anchoring.
    section = models.ForeignKey("speeches.Section", models.SET_NULL, null=True, blank=True,
                                related_name="notes", verbose_name=_("段落节"))
    section_anchor = models.CharField(_("节锚点"), max_length=64)
    exact = models.TextField(_("原文摘句"))
    # The words as the reader selected them; `exact` follows the text when re-anchoring finds
    # them edited (a fuzzy match), and the page then shows both.
    written_on = models.TextField(_("写笔记时的原文"), blank=True)
    prefix = models.CharField(_("前文"), max_length=64, blank=True)
    suffix = models.CharField(_("后文"), max_length=64, blank=True)
    start = models.PositiveIntegerField(_("起始位置"))
    end = models.PositiveIntegerField(_("结束位置"))
    detached = models.BooleanField(_("原文已变动"), default=False)
    body = models.TextField(_("笔记"), max_length=BODY_MAX)
    public = models.BooleanField(_("公开"), default=False)
    hidden = models.BooleanField(_("已被管理员隐藏"), default=False)
    created = models.DateTimeField(_("创建时间"), auto_now_add=True)
    modified = models.DateTimeField(_("修改时间"), auto_now=True)

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = verbose_name_plural = _("笔记")
        indexes = [models.Index(fields=["author", "-created"])]

    def __str__(self) -> str:
        return self.exact[:40]

    @property
    def quote(self) -> Quote:
        return Quote(anchor=self.section_anchor, exact=self.exact, prefix=self.prefix,
                     suffix=self.suffix, start=self.start, end=self.end)

    def get_absolute_url(self) -> str:
        return reverse("note", args=[self.pk])

    def paragraph_index(self, body: str) -> int:
        """0-based paragraph of the section body where the note starts."""
        return body.count("\n", 0, self.start)

    def speech_url(self) -> str:
        """The paragraph the note is on, on the speech page (the section when detached)."""
        url = reverse("speech", args=[self.speech_uid])
        if self.detached or self.section is None:
            return f"{url}#notes"
        return f"{url}#{self.section.paragraph_anchor(self.paragraph_index(self.section.body))}"
