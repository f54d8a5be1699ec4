"""The archive's tables. Text is stored as cleaned; the source bytes are kept for re-parsing."""
from __future__ import annotations

import datetime

from django.db import models
from django.db.models.functions import Length
from django.urls import reverse
from django.utils.translation import get_language, gettext, gettext_lazy as _, override


class Speaker(models.Model):
    # As written in the source: a masked name such as 李** stays masked.
    name = models.CharField(_("姓名"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = verbose_name_plural = _("讲话人")

    def __str__(self) -> str:
        return self.name


class SourceFile(models.Model):
    """An uploaded file exactly as received; one file may hold several speeches."""

    name = models.CharField(_("文件名"), max_length=255)
    checksum = models.CharField(_("SHA-256"), max_length=64, unique=True)
    data = models.BinaryField(_("原始字节"))
    size = models.PositiveIntegerField(_("字节数"))
    imported_at = models.DateTimeField(_("导入时间"), auto_now_add=True)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = verbose_name_plural = _("源文件")

    def __str__(self) -> str:
        return self.name


class SpeechQuerySet(models.QuerySet):
    def by_year(self, year: int) -> SpeechQuerySet:
        return self.filter(year=year)

    def canonical(self) -> SpeechQuerySet:
        return self.filter(canonical__isnull=True)

    def listed(self) -> SpeechQuerySet:
        """What a list of speeches shows (speaker, length), without loading their texts."""
        return self.select_related("speaker").defer(*TEXTS).annotate(
            chars=Length("cleaned_text"))


TEXTS = ("original_text", "cleaned_text")  # a speech's whole text, twice: megabytes for a long one


class SectionQuerySet(models.QuerySet):
    def with_speech(self) -> SectionQuerySet:
        """Sections with their speech and speaker for display and indexing, without the speech's
        texts: joined per section, a 60 MB speech's texts were copied into every row (GBs)."""
        return self.select_related("speech__speaker").defer(*(f"speech__{name}" for name in TEXTS))


class Speech(models.Model):
    class Precision(models.TextChoices):
        YEAR = "year", _("年")
        MONTH = "month", _("月")
        DAY = "day", _("日")

    # Permalink key: derived from the cleaned text, so re-importing the same text keeps URLs.
    uid = models.CharField(_("永久标识"), max_length=16, unique=True)
    title = models.CharField(_("标题"), max_length=300)
    subtitle = models.CharField(_("副标题"), max_length=300, blank=True)
    speaker = models.ForeignKey(
        Speaker, models.SET_NULL, null=True, blank=True, related_name="speeches", verbose_name=_("讲话人")
    )
    speaker_title = models.CharField(_("职务"), max_length=200, blank=True)
    # A partial date is stored as its first day plus the precision that is really known.
    date = models.DateField(_("日期"), null=True, blank=True)
    date_precision = models.CharField(_("日期精度"), max_length=5, choices=Precision.choices, blank=True)
    year = models.PositiveSmallIntegerField(_("年份"), null=True, blank=True, db_index=True)
    city = models.CharField(_("城市"), max_length=100, blank=True, db_index=True)
    occasion = models.CharField(_("场合"), max_length=300, blank=True, db_index=True)
    source = models.ForeignKey(
        SourceFile, models.SET_NULL, null=True, blank=True, related_name="speeches", verbose_name=_("源文件")
    )
    source_name = models.CharField(_("源文件名"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("文件内序号"), default=0)
    checksum = models.CharField(_("源文件校验和"), max_length=64, db_index=True)
    content_checksum = models.CharField(_("正文校验和"), max_length=64, unique=True)
    original_text = models.TextField(_("原文"), blank=True)
    cleaned_text = models.TextField(_("清洗后正文"))
    fingerprint = models.JSONField(_("指纹"), default=list, blank=True)
    canonical = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="variants", verbose_name=_("规范版本")
    )
    created = models.DateTimeField(_("创建时间"), auto_now_add=True)
    modified = models.DateTimeField(_("修改时间"), auto_now=True)

    objects = SpeechQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = verbose_name_plural = _("讲话")
        indexes = [
            models.Index(fields=["speaker", "year"]),
            models.Index(fields=["-date", "title"]),
            models.Index(fields=["created", "id"]),  # "latest additions" without sorting the table
        ]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("speech", args=[self.uid])

    @property
    def display_title(self) -> str:
        """The title as every page shows it. A file without a title line keeps an empty title (the
        parser does not make one up); it reads 无题 / Untitled, never blank and never its file name."""
        return self.title or gettext("无题")

    @property
    def partial_date(self) -> tuple[int, int | None, int | None] | None:
        if not self.date:
            return None
        month = self.date.month if self.date_precision in ("month", "day") else None
        day = self.date.day if self.date_precision == "day" else None
        return self.date.year, month, day

    def citation(self) -> str:
        """The source line a speech-writer puts under a quote, in Chinese whatever the UI language:
        李**（市委副书记、代市长）《在市政府班子务虚会上的讲话（提纲）》，2021年1月"""
        who = self.speaker.name if self.speaker else ""
        if self.speaker_title:
            who = f"{who}（{self.speaker_title}）" if who else self.speaker_title
        with override("zh-hans"):
            when = self.date_display()
        occasion = self.occasion if self.occasion and self.occasion not in self.title else ""
        # no title: 〔无题〕, the cataloguer's brackets for a supplied title, not a title 《无题》
        title = book_title(self.title) if self.title else "〔无题〕"
        return "，".join(part for part in (f"{who}{title}", when, occasion) if part)

    def date_display(self) -> str:
        """The date at the precision the source gives: 2021年1月, 2020年, 2026年1月25日."""
        parts = self.partial_date
        if not parts:
            return ""
        year, month, day = parts
        if get_language() == "en":
            when = datetime.date(year, month or 1, day or 1)
            return when.strftime("%-d %B %Y" if day else "%B %Y" if month else "%Y")
        return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")

    @staticmethod
    def date_fields(year: int | None, month: int | None, day: int | None) -> dict:
        """Model field values for a partial date."""
        if not year:
            return {"date": None, "date_precision": "", "year": None}
        precision = "day" if day else "month" if month else "year"
        return {"date": datetime.date(year, month or 1, day or 1), "date_precision": precision, "year": year}


class Tag(models.Model):
    name = models.CharField(_("标签"), max_length=50, unique=True)
    # The folded name (width, case, script: AI = ＡＩ = ai, 營商環境 = 营商环境), unique, so the
    # spellings are one tag; also the tag's URL. Filled from the name when saved without one.
    slug = models.CharField(_("短名"), max_length=50, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = verbose_name_plural = _("标签")

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def fold(name: str) -> str:
        """The slug of a tag name: trimmed, inner spaces one hyphen, width/case/script folded."""
        from .search import fold  # the search's own folding, so a tag filter agrees with it

        return fold("-".join(name.replace("/", " ").split()))

    def clean(self):
        """The admin's form: a second spelling of an existing tag is refused, not a 500."""
        from django.core.exceptions import ValidationError

        slug = self.fold(self.name)
        if Tag.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            raise ValidationError({"name": _("已有同一标签（不计全角半角、大小写、繁简）。")})

    def save(self, *args, **kwargs):
        self.name = " ".join(self.name.split())
        self.slug = self.fold(self.name)  # a renamed tag's URL follows its name
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("tag", args=[self.slug])


class Section(models.Model):
    class Kind(models.TextChoices):
        OPENING = "opening", _("开头")
        HEADING = "heading", _("标题段")
        CLOSING = "closing", _("结尾")

    speech = models.ForeignKey(Speech, models.CASCADE, related_name="sections", verbose_name=_("讲话"))
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("上级")
    )
    order = models.PositiveIntegerField(_("顺序"))  # document order within the speech
    kind = models.CharField(_("类型"), max_length=8, choices=Kind.choices, default=Kind.HEADING)
    label = models.CharField(_("序号"), max_length=32, blank=True)
    heading = models.TextField(_("小标题"), blank=True)  # glued headings in scraped text run long
    body = models.TextField(_("正文"), blank=True)  # paragraphs separated by "\n"
    depth = models.PositiveSmallIntegerField(_("层级"), default=0)
    # Position in the outline ("s2-1"), so the link survives re-importing the same text.
    anchor = models.CharField(_("锚点"), max_length=64)
    tags = models.ManyToManyField(Tag, blank=True, related_name="sections", verbose_name=_("标签"))

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["speech", "order"]
        verbose_name = verbose_name_plural = _("段落节")
        constraints = [
            models.UniqueConstraint(fields=["speech", "order"], name="section_order_unique"),
            models.UniqueConstraint(fields=["speech", "anchor"], name="section_anchor_unique"),
        ]

    def __str__(self) -> str:
        return self.display_heading or str(self.get_kind_display())

    @property
    def display_heading(self) -> str:
        """Label and heading as read: '一、提高站位', '（二）加强学习', '第一 高定标准'."""
        if not self.label or not self.heading:
            return self.label or self.heading
        # A label like 第一 was written with a comma the parser took as a separator.
        joiner = "" if self.label[-1] in "、.．)）:：" else " "
        return f"{self.label}{joiner}{self.heading}"

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n") if self.body else []

    def paragraph_anchor(self, index: int) -> str:
        return f"{self.anchor}-p{index + 1}"

    def get_absolute_url(self) -> str:
        return f"{self.speech.get_absolute_url()}#{self.anchor}"


class FingerprintValue(models.Model):
    """Inverted index of fingerprints: one row per value of a speech's MinHash signature.

    Finding a near-duplicate looks up the new signature's values here, so only speeches that share
    enough of them are compared, instead of every stored fingerprint (speeches.services.find_canonical).
    """

    speech = models.ForeignKey(Speech, models.CASCADE, related_name="+")
    value = models.BigIntegerField()  # crc32: up to 2**32, past PostgreSQL's integer

    class Meta:
        indexes = [models.Index(fields=["value", "speech"])]


class IndexQueue(models.Model):
    """Durable queue of index changes, written in the same transaction as the change.

    Applied after commit; an entry is deleted only once Whoosh has taken it, so a busy
    index lock delays an update or delete but never loses it.
    """

    section_id = models.BigIntegerField(db_index=True)
    delete = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]


def book_title(title: str) -> str:
    """A title in 书名号 for a citation. A title that already opens with one (《新闻联播》（20220220））
    is kept as it is; titles quoted inside a title take the inner marks, as Chinese print does:
    《学习〈决定〉的体会》, never 《《新闻联播》（20220220）》."""
    if title.startswith("《"):
        return title
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


from .upload.models import UploadBatch, UploadFile  # noqa: E402,F401  (models of this app)
