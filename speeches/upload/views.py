"""Admin pages of the upload: choose files, preview and correct, confirm, watch progress.

Only staff with the "upload speeches" permission get in: anyone else signed in gets 403 (not the
admin's redirect to its login), a visitor goes to the sign-in page.
"""
from functools import wraps

from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import batch as batches
from .files import Limits, Refused
from .models import UploadBatch, UploadFile
from .preview import file_previews, read_corrections
from .tasks import import_batch

PERMISSION = "speeches.upload_speeches"


def uploader_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), "admin:login")
        if not (request.user.is_active and request.user.is_staff and request.user.has_perm(PERMISSION)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


def page(request, template, **context):
    context.update(admin.site.each_context(request), limits=Limits.from_settings())
    return render(request, f"admin/speeches/upload/{template}", context)


def owned_batch(request, pk):
    return get_object_or_404(UploadBatch, pk=pk)


@uploader_only
def upload(request):
    if request.method == "POST":
        files = request.FILES.getlist("files")
        try:
            batch = batches.create_batch(user=request.user, uploads=[(f.name, f.read()) for f in files])
        except Refused as refused:
            messages.error(request, str(refused))
        else:
            return redirect("admin:speeches_upload_preview", batch.pk)
    return page(request, "upload.html", title=gettext("上传讲话稿"))


@uploader_only
def preview(request, pk):
    batch = owned_batch(request, pk)
    if batch.status != UploadBatch.Status.PREVIEW:
        return redirect("admin:speeches_upload_progress", batch.pk)
    if request.method == "POST":
        errors = save_corrections(request.POST, batch)
        for error in errors:
            messages.error(request, error)
        # A split or merge changes the speeches: staff see the new preview before confirming.
        restructured = any(k.endswith(("-split", "-merge")) and v.strip() for k, v in request.POST.items())
        if not errors and not restructured and "confirm" in request.POST:
            confirm(batch)
            return redirect("admin:speeches_upload_progress", batch.pk)
        return redirect("admin:speeches_upload_preview", batch.pk)
    return page(request, "preview.html", title=gettext("预览与校对"), batch=batch, previews=file_previews(batch))


def save_corrections(post, batch) -> list[str]:
    """Store what the form says for each file. The speeches are counted from the form's fields,
    not by parsing every file again (a confirm of 100 files took a second that way); a file
    without fields in the form keeps its corrections."""
    errors = []
    for upload in batch.files.filter(status=UploadFile.Status.PENDING):
        count = posted_count(post, upload.pk)
        if count:
            upload.corrections, problems = read_corrections(post, upload, count)
            upload.save(update_fields=["corrections"])
            errors += problems
    return errors


def posted_count(post, pk: int) -> int:
    """1 + the highest speech index of file pk's fields (f<pk>-<index>-<name>), at most 1,000."""
    prefix, found = f"f{pk}-", -1
    for key in post:
        if key.startswith(prefix):
            index = key[len(prefix):].split("-", 1)[0]
            if index.isdigit() and int(index) < 1000:
                found = max(found, int(index))
    return found + 1


def confirm(batch: UploadBatch) -> None:
    with transaction.atomic():
        batch.status, batch.confirmed = UploadBatch.Status.QUEUED, timezone.now()
        batch.task_id = str(import_batch.enqueue(batch.pk).id)
        batch.save(update_fields=["status", "confirmed", "task_id"])


@uploader_only
def progress(request, pk):
    batch = owned_batch(request, pk)
    return page(request, "progress.html", title=gettext("导入进度"), batch=batch, state=batches.progress(batch))


@uploader_only
def progress_json(request, pk):
    return JsonResponse(batches.progress(owned_batch(request, pk)), json_dumps_params={"ensure_ascii": False})


@uploader_only
@require_POST
def resume(request, pk):
    """Run the batch again after its worker died: imported files are skipped, pending ones go on."""
    batch = owned_batch(request, pk)
    if batches.progress(batch)["stalled"]:
        confirm(batch)
        messages.info(request, gettext("已重新排队，未完成的文件将继续导入。"))
    return redirect("admin:speeches_upload_progress", batch.pk)


def urls():
    from django.urls import path

    return [
        path("upload/", upload, name="speeches_upload"),
        path("upload/<int:pk>/", preview, name="speeches_upload_preview"),
        path("upload/<int:pk>/progress/", progress, name="speeches_upload_progress"),
        path("upload/<int:pk>/progress.json", progress_json, name="speeches_upload_progress_json"),
        path("upload/<int:pk>/resume/", resume, name="speeches_upload_resume"),
    ]


__all__ = ["urls", "UploadFile"]
