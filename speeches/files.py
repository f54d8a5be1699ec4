"""Which files a batch command reads, and reading them within the size limit.

Every path that cannot be read (missing, a dangling link, a symlink loop, too large, not a plain
file) is reported by name with its reason, never skipped in silence, and never stops the batch.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

# In folders, only text files are taken; a file named on the command line is always tried.
FOLDER_SUFFIXES = frozenset({".txt", ".md", ".text"})


class Unreadable(Exception):
    """A file the batch cannot take; the message says why, in Chinese and English."""


@dataclass
class Batch:
    files: list[Path] = field(default_factory=list)
    problems: list[tuple[Path, str]] = field(default_factory=list)


def collect(paths: list[str], suffixes=FOLDER_SUFFIXES) -> Batch:
    """Files named and files found in folders (recursively, links followed, loops reported)."""
    batch = Batch()
    for raw in paths:
        path = Path(raw)
        try:
            info = _stat(path)
        except Unreadable as error:
            batch.problems.append((path, str(error)))
            continue
        if stat.S_ISDIR(info.st_mode):
            _walk(path, suffixes, batch, ancestors=frozenset())
        else:
            batch.files.append(path)
    return batch


def read(path: Path) -> bytes:
    """The file's bytes; Unreadable when it is not a plain file or exceeds ARCHIVE_MAX_FILE_BYTES.
    Reads at most one byte past the limit, so a huge file never fills memory."""
    if not stat.S_ISREG(_stat(path).st_mode):
        raise Unreadable("不是普通文件，无法导入。Not a regular file.")
    limit = settings.ARCHIVE_MAX_FILE_BYTES
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise Unreadable(f"无法读取：{error.strerror or error}。Cannot read the file.") from None
    if len(data) > limit:
        raise Unreadable(too_large(path.stat().st_size))
    return data


def too_large(size: int) -> str:
    """The message for a file over the limit (import and upload say the same)."""
    limit = settings.ARCHIVE_MAX_FILE_BYTES
    return (f"文件过大：{_mb(size)}，超过单个文件上限 {_mb(limit)}（ARCHIVE_MAX_FILE_BYTES）。"
            f"File too large: {_mb(size)}, the limit is {_mb(limit)}.")


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Unreadable("符号链接循环，无法读取。Symbolic link loop.") from None
        if error.errno == errno.ENOENT and path.is_symlink():
            raise Unreadable(f"链接指向的文件不存在：{os.readlink(path)}。Dangling link.") from None
        if error.errno == errno.ENOENT:
            raise Unreadable("找不到文件或目录。No such file or directory.") from None
        raise Unreadable(f"无法读取：{error.strerror or error}。Cannot read.") from None


def _walk(folder: Path, suffixes, batch: Batch, ancestors: frozenset) -> None:
    info = folder.stat()
    identity = (info.st_dev, info.st_ino)
    if identity in ancestors:  # a link back up the tree: following it would never end
        batch.problems.append((folder, "符号链接循环：指向上层目录。Symbolic link loop (points to a parent folder)."))
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        batch.problems.append((folder, f"无法读取目录：{error.strerror or error}。Cannot list the folder."))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            mode = _stat(path).st_mode
        except Unreadable as error:
            batch.problems.append((path, str(error)))
            continue
        if stat.S_ISDIR(mode):
            _walk(path, suffixes, batch, ancestors | {identity})
        elif path.suffix.lower() in suffixes:
            batch.files.append(path)
