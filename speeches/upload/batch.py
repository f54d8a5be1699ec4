"""An upload from files received to speeches stored: check, parse, correct, then import file by file.

The archive is written only by speeches.services.file_import, called from the background task
(speeches.upload.tasks) once staff confirm; everything before that lives in UploadBatch/UploadFile.
"""
from __future__ import annotations

import dataclasses
import datetime
import logging
from pathlib import PurePosixPath

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from speeches import services
from speeches.ingest import IngestError, ParsedSpeech, PartialDate, parse_bytes

from . import edit
from .extract import text_bytes
from .files import Limits, Refused, check_upload, expand, sniff
from .messages import message_of, stored, stored_error
from .models import UploadBatch, UploadFile

log = logging.getLogger(__name__)
# A running batch whose worker has not reported for this long is reported as stopped.
STALLED_AFTER = datetime.timedelta(seconds=60)
FIELDS = ("title", "speaker", "speaker_title", "date", "city", "occasion")


def create_batch(*, user, uploads: list[tuple[str, bytes]], limits: Limits | None = None) -> UploadBatch:
    """Record an upload and check each file in it; Refused when the upload as a whole is refused."""
    limits = limits or Limits.from_settings()
    check_upload([len(data) for _, data in uploads], limits)
    items = [item for name, data in uploads for item in expand(name, data, limits)]
    if len(items) > limits.files:
        raise Refused(gettext_noop("一次最多导入 %(limit)s 个文件，压缩包展开后共 %(count)s 个。"),
                      limit=limits.files, count=len(items))
    with transaction.atomic():
        batch = UploadBatch.objects.create(user=user)
        for position, item in enumerate(items):
            row = UploadFile(batch=batch, position=position, name=item.name[:255], kind=item.kind,
                             size=len(item.data), error=item.error)
            if not item.error:
                row.data = item.data
                try:
                    text = text_bytes(item.data, item.kind, item.name)
                    row.text = "" if item.kind == "text" else text.decode("utf-8")
                    if not parse_bytes(text, filename=item.name):
                        raise Refused(gettext_noop("文件中没有找到讲话正文。"))
                except (Refused, IngestError) as error:
                    row.error, row.data = stored_error(error), b""
            row.status = UploadFile.Status.REFUSED if row.error else UploadFile.Status.PENDING
            row.save()
    return batch


def create_reparse_batch(*, user, sources) -> UploadBatch:
    """A batch that re-reads stored files with the current parser: same preview, same confirm."""
    with transaction.atomic():
        batch = UploadBatch.objects.create(user=user)
        for position, source in enumerate(sources):
            data = bytes(source.data)
            row = UploadFile(batch=batch, position=position, name=source.name, kind=sniff(data), size=len(data),
                             data=data, source=source)
            try:
                text = text_bytes(data, row.kind, row.name)
                row.text = "" if row.kind == "text" else text.decode("utf-8")
            except (Refused, IngestError) as error:
                row.error, row.status = stored_error(error), UploadFile.Status.REFUSED
            row.save()
    return batch


def parsed_of(upload: UploadFile, *, ops: list | None = None) -> list[ParsedSpeech]:
    """The file's speeches as the parser reads them now, split and merged as staff said (the
    preview and the import agree)."""
    source = upload.text.encode("utf-8") if upload.text else bytes(upload.data)
    parsed = parse_bytes(source, filename=upload.name)
    return edit.apply(parsed, upload.corrections.get("_ops", []) if ops is None else ops)


def corrected(parsed: list[ParsedSpeech], corrections: dict) -> list[ParsedSpeech]:
    """Apply staff's corrections from the preview; a dropped speech is left out."""
    out = []
    for index, speech in enumerate(parsed):
        fix = corrections.get(str(index), {})
        if fix.get("drop"):
            continue
        changes = {name: fix[name] or None for name in FIELDS if name in fix and name != "date"}
        if "date" in fix:
            changes["date"] = partial_date(fix["date"])
        out.append(dataclasses.replace(speech, **changes))
    return out


def partial_date(value: str | None) -> PartialDate | None:
    """'2021', '2021-03' or '2021-03-05' (the precision is what is written); empty is no date."""
    if not value:
        return None
    parts = [int(part) for part in value.split("-")]
    return PartialDate(*parts)


def import_file(upload: UploadFile) -> None:
    """One file into the archive, its status in the same transaction: imported whole or not at all."""
    parsed = corrected(parsed_of(upload), upload.corrections)
    name = PurePosixPath(upload.name).name
    with transaction.atomic():
        # Two workers on one batch (a resume while the first still ran) must not both import it.
        if not UploadFile.objects.select_for_update().filter(pk=upload.pk, status=UploadFile.Status.PENDING).exists():
            return
        if upload.source_id:  # a re-parse: dropping every speech deletes them, so it is allowed
            result = services.source_reparse(source=upload.source, parsed=parsed)
        else:
            result = services.file_import(data=bytes(upload.data), name=name, parsed=parsed) if parsed else None
        upload.status = UploadFile.Status.IMPORTED if result else UploadFile.Status.SKIPPED
        upload.result = {
            "speeches": [speech.uid for speech in result.speeches] if result else [],
            "unchanged": result.unchanged if result else 0,
            "variants": result.variants if result else 0,
        }
        upload.save(update_fields=["status", "result"])
        UploadBatch.objects.filter(pk=upload.batch_id).update(heartbeat=timezone.now())


def run(batch: UploadBatch) -> None:
    """Import every pending file; a file that fails is marked with its error, the others land.

    Files already imported are skipped, so running a batch again after its worker died resumes it.
    """
    from speeches.search import queue

    UploadBatch.objects.filter(pk=batch.pk).update(status=UploadBatch.Status.RUNNING, heartbeat=timezone.now())
    # As import_speeches does: each file's commit only queues its index rows; one catch-up at the end.
    with queue.bulk():
        for upload in batch.files.filter(status=UploadFile.Status.PENDING).order_by("position"):
            try:
                import_file(upload)
            except Exception as error:  # a parser bug on one file must not stop the others
                log.exception("upload %s: %s failed", batch.pk, upload.name)
                message = (stored_error(error) if isinstance(error, IngestError)
                           else stored(gettext_noop("内部错误：%(error)s"), error=repr(error)))
                UploadFile.objects.filter(pk=upload.pk).update(status=UploadFile.Status.FAILED, error=message)
    UploadBatch.objects.filter(pk=batch.pk).update(status=UploadBatch.Status.DONE, finished=timezone.now(),
                                                    heartbeat=timezone.now())


def progress(batch: UploadBatch) -> dict:
    """What the progress page shows, as JSON, in the reader's language."""
    files = list(batch.files.values("name", "status", "error", "result"))
    countable = [f for f in files if f["status"] != UploadFile.Status.REFUSED]
    finished = [f for f in countable if f["status"] != UploadFile.Status.PENDING]
    done = batch.status == UploadBatch.Status.DONE
    # The index catches up after the last file: 100 % only when the speeches are searchable.
    percent = 100 if done else int(99 * len(finished) / len(countable)) if countable else 0
    # Running without news, or queued with no worker taking it: offer to resume.
    last = batch.heartbeat or batch.confirmed
    stalled = (batch.status in (UploadBatch.Status.RUNNING, UploadBatch.Status.QUEUED) and last is not None
               and timezone.now() - last > STALLED_AFTER)
    from speeches.models import Speech

    uids = [uid for f in files for uid in (f["result"] or {}).get("speeches", [])]
    titles = dict(Speech.objects.filter(uid__in=uids).values_list("uid", "title"))
    return {
        "status": batch.status, "status_display": str(batch.get_status_display()), "percent": percent,
        "done": done, "stalled": stalled,
        "files": [{"name": f["name"], "status": f["status"], "status_display": str(UploadFile.Status(f["status"]).label),
                   "error": message_of(f["error"]),
                   "speeches": [{"uid": uid, "title": titles.get(uid) or gettext("无题")}
                                for uid in (f["result"] or {}).get("speeches", []) if uid in titles]}
                  for f in files],
    }
