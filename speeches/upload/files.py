"""What an upload brings, checked before anything is parsed: limits, .zip contents, file types.

Nothing is written to disk: a .zip's entries are read into memory, one by one, after its
directory has been checked (entry count, total unpacked size, names, links), so no path can land
outside the upload area and no link is followed. The type comes from the content; the name's
extension only chooses the wording of a message.
"""
from __future__ import annotations

import io
import stat
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.utils.translation import gettext_noop

from .messages import Size, StaffError, stored


class Refused(StaffError):
    """A file (or the whole upload) we will not take; the message is for staff (messages.py)."""


@dataclass(frozen=True)
class Limits:
    file_bytes: int
    upload_bytes: int
    files: int
    zip_entries: int
    unpacked_bytes: int

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(settings.ARCHIVE_MAX_FILE_BYTES, settings.ARCHIVE_MAX_UPLOAD_BYTES,
                   settings.ARCHIVE_MAX_UPLOAD_FILES, settings.ARCHIVE_MAX_ZIP_ENTRIES,
                   settings.ARCHIVE_MAX_UNPACKED_BYTES)


@dataclass
class Item:
    """One file to parse (a .zip is replaced by its entries); error (messages.stored) set when it
    is refused."""

    name: str
    data: bytes = b""
    kind: str = ""
    error: str = ""


def check_upload(sizes: list[int], limits: Limits) -> None:
    """Refuse the whole upload when it is too big or has too many files."""
    if not sizes:
        raise Refused(gettext_noop("没有选择文件。"))
    if len(sizes) > limits.files:
        raise Refused(gettext_noop("一次最多上传 %(limit)s 个文件，这次选了 %(count)s 个。"),
                      limit=limits.files, count=len(sizes))
    if sum(sizes) > limits.upload_bytes:
        raise Refused(gettext_noop("一次上传的文件合计不能超过 %(limit)s，这次共 %(size)s。"),
                      limit=Size(limits.upload_bytes), size=Size(sum(sizes)))


def expand(name: str, data: bytes, limits: Limits) -> list[Item]:
    """The files in one upload: itself, or a .zip's entries; each either typed or refused."""
    if len(data) > limits.file_bytes:
        return [Item(name, error=too_big(limits, len(data)))]
    kind = sniff(data)
    if kind != "zip":
        return [typed(name, data, kind)]
    try:
        return _entries(name, data, limits)
    except Refused as refused:
        return [Item(name, error=refused.stored)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as error:
        return [Item(name, error=stored(gettext_noop("压缩包已损坏或无法读取：%(error)s"), error=str(error)))]


def _entries(name: str, data: bytes, limits: Limits) -> list[Item]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        files = [info for info in infos if not info.is_dir()]
        # Judged from the directory alone, before a byte is unpacked.
        if len(infos) > limits.zip_entries:
            raise Refused(gettext_noop("压缩包内条目过多：%(count)s 个，上限 %(limit)s 个。"),
                          count=len(infos), limit=limits.zip_entries)
        unpacked = sum(info.file_size for info in files)
        if unpacked > limits.unpacked_bytes:
            raise Refused(gettext_noop("压缩包解压后共 %(size)s，超过上限 %(limit)s，已拒绝（疑似压缩炸弹）。"),
                          size=Size(unpacked), limit=Size(limits.unpacked_bytes))
        items = []
        for info in files:
            label = f"{name}/{info.filename}"
            problem = _entry_problem(info, limits)
            if problem:
                items.append(Item(label, error=problem))
                continue
            # ZipExtFile stops at the directory's file_size: a lying local header cannot unpack more.
            with archive.open(info) as entry:
                content = entry.read(limits.file_bytes + 1)
            if len(content) > limits.file_bytes:
                items.append(Item(label, error=stored(gettext_noop("文件超过大小上限 %(limit)s。"),
                                                      limit=Size(limits.file_bytes))))
                continue
            kind = sniff(content)
            nested = stored(gettext_noop("压缩包里不能再套压缩包。"))
            items.append(Item(label, error=nested) if kind == "zip" else typed(label, content, kind))
        if not items:
            raise Refused(gettext_noop("压缩包是空的。"))
        return items


def _entry_problem(info: zipfile.ZipInfo, limits: Limits) -> str:
    path = PurePosixPath(info.filename.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or ":" in info.filename:
        return stored(gettext_noop("路径指向上传区域之外（含 ../ 或绝对路径），已拒绝。"))
    if stat.S_ISLNK(info.external_attr >> 16):
        return stored(gettext_noop("这是一个符号链接，不会跟随，已拒绝。"))
    if info.file_size > limits.file_bytes:
        return too_big(limits, info.file_size)
    return ""


def too_big(limits: Limits, n: int) -> str:
    return stored(gettext_noop("文件超过大小上限 %(limit)s（本文件 %(size)s）。"),
                  limit=Size(limits.file_bytes), size=Size(n))


def sniff(data: bytes) -> str:
    """'pdf', 'docx', 'zip', 'doc', 'html' or 'text', from the bytes themselves."""
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else "zip"
        except zipfile.BadZipFile:
            return "zip"  # expand() reports it as damaged
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if _looks_html(head):
        return "html"
    return "text"


def _looks_html(head: bytes) -> bool:
    for codec in ("utf-8", "utf-16", "gb18030"):
        try:
            text = head.decode(codec, "ignore").lstrip("\ufeff \r\n\t").lower()
        except LookupError:
            continue
        if text.startswith(("<!doctype html", "<html", "<head", "<meta", "<body", "<?xml")) and "<" in text:
            return "<html" in text or "<body" in text or "<!doctype html" in text or "<head" in text
    return False


def typed(name: str, data: bytes, kind: str) -> Item:
    if not data:
        return Item(name, error=stored(gettext_noop("文件为空（0 字节），没有可导入的内容。")))
    if kind == "doc":
        return Item(name, error=stored(gettext_noop("这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 或 .txt 后再上传。")))
    return Item(name, data=data, kind=kind)
