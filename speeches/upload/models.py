"""An upload batch and its files: the record of who brought what, and what became of each file.

Nothing here is the archive: speeches are saved only when a batch is confirmed, file by file,
each file in one transaction together with its status (so a killed worker leaves every file
either imported and marked, or untouched and pending).
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UploadBatch(models.Model):
    class Status(models.TextChoices):
        PREVIEW = "preview", _("待确认")
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("导入中")
        DONE = "done", _("已完成")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name=_("上传人"))
    created = models.DateTimeField(_("上传时间"), auto_now_add=True)
    status = models.CharField(_("状态"), max_length=8, choices=Status.choices, default=Status.PREVIEW)
    confirmed = models.DateTimeField(_("确认时间"), null=True, blank=True)
    finished = models.DateTimeField(_("完成时间"), null=True, blank=True)
    # Touched after each file: a running batch whose heartbeat is old lost its worker.
    heartbeat = models.DateTimeField(_("最近进展"), null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = verbose_name_plural = _("上传批次")
        permissions = [("upload_speeches", _("可以上传讲话稿"))]

    def __str__(self) -> str:
        return f"#{self.pk} {self.created:%Y-%m-%d %H:%M}"


class UploadFile(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("待导入")
        REFUSED = "refused", _("已拒绝")
        IMPORTED = "imported", _("已导入")
        FAILED = "failed", _("导入失败")
        SKIPPED = "skipped", _("未导入")

    batch = models.ForeignKey(UploadBatch, models.CASCADE, related_name="files", verbose_name=_("上传批次"))
    position = models.PositiveIntegerField(_("序号"))
    name = models.CharField(_("文件名"), max_length=255)
    kind = models.CharField(_("类型"), max_length=8, blank=True)
    data = models.BinaryField(_("原始字节"), blank=True)
    size = models.PositiveIntegerField(_("字节数"), default=0)
    text = models.TextField(_("提取的文字"), blank=True)  # for PDF, Word and web pages
    status = models.CharField(_("状态"), max_length=8, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(_("原因"), blank=True)
    # Set for a re-parse: the stored file whose speeches the import replaces (services.source_reparse).
    source = models.ForeignKey("speeches.SourceFile", models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("重新解析的源文件"))
    # Staff's corrections from the preview: {"0": {"title": ..., "drop": true}, ...}
    corrections = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)  # {"speeches": [uid, ...], "unchanged": n}

    class Meta:
        ordering = ["batch", "position"]
        verbose_name = verbose_name_plural = _("上传文件")

    def __str__(self) -> str:
        return self.name
