"""Seals: each index segment's file sizes and CRC-32s, recorded when it is written, checked on use.

Whoosh does not notice a damaged segment file: a postings or column file cut in half or with
bytes overwritten can read as garbage, as fewer hits, or (once its columns are cached in memory)
as nothing at all. A segment's files never change after it is written (deletions are kept in the
table of contents), so the writer records them in <segment id>.seal beside them, and:
- every search compares each file's size with its seal, and its (size, mtime) with the last
  CRC-32 this process checked: a stat per file (and per seal), microseconds for a whole index;
- a file this process has not checked in that state is read once and its CRC-32 compared (a
  process's first search, a segment new since the last search, a file rewritten in place);
- `index_check` and start-up check the CRC-32 of every file again (check(..., thorough=True)).
A segment with no seal (written before seals, or by another tool) counts as broken: the repair
rebuilds it. Whoosh deletes a seal with its segment (the name matches its segment files' pattern).
"""
from __future__ import annotations

import json
import os
import threading
import zlib
from pathlib import Path

SUFFIX = ".seal"
CHUNK = 1 << 20
REMEMBERED = 50_000  # files; past this, entries for files since deleted (merged segments) are dropped
_verified: dict[str, tuple[int, int]] = {}  # path → (size, mtime_ns) whose CRC-32 matched its seal
_seals: dict[str, tuple] = {}  # seal path → ((size, mtime_ns), its contents)
_lock = threading.Lock()


class Broken(Exception):
    """A segment file differs from its seal, is missing, or the segment has no seal."""


def seal(folder: str | Path, segment_id: str) -> None:
    """Record the size and CRC-32 of every file of a segment just written and closed."""
    folder = Path(folder)
    files = {}
    for path in sorted(folder.glob(f"{segment_id}.*")):
        if path.suffix != SUFFIX:
            stat = path.stat()
            files[path.name] = [stat.st_size, _crc(path)]
            _remember(str(path), stat)
    temporary = folder / f".{segment_id}{SUFFIX}.tmp"  # a leading dot: Whoosh's clean-up skips it
    with open(temporary, "w") as out:
        json.dump({"files": files}, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, folder / f"{segment_id}{SUFFIX}")


def check(folder: str | Path, segment_ids, *, thorough: bool = False) -> None:
    """Raise Broken unless every file of these segments matches its seal (see the module doc)."""
    for segment_id in segment_ids:
        for name, (size, crc) in _read(Path(folder) / f"{segment_id}{SUFFIX}", thorough).items():
            _check_file(os.path.join(folder, name), size, crc, thorough)


def check_folder(folder: str | Path) -> None:
    """CRC-check every sealed segment in a generation, without Whoosh (start-up, before forking)."""
    for path in Path(folder).glob(f"*{SUFFIX}"):
        check(folder, [path.name[: -len(SUFFIX)]], thorough=True)


def _read(path: Path, thorough: bool) -> dict:
    key = str(path)
    try:
        stat = os.stat(key)  # a stat per segment: a seal deleted since is noticed too
        cached = _seals.get(key)
        if not thorough and cached and cached[0] == (stat.st_size, stat.st_mtime_ns):
            return cached[1]
        files = json.loads(path.read_text())["files"]
    except FileNotFoundError:
        raise Broken(f"segment {path.stem} has no seal ({path.name})") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise Broken(f"the seal {path.name} is unreadable: {error}") from None
    with _lock:
        _seals[key] = ((stat.st_size, stat.st_mtime_ns), files)
    return files


def _check_file(path: str, size: int, crc: int, thorough: bool) -> None:
    name = os.path.basename(path)
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise Broken(f"{name} is missing") from None
    if stat.st_size != size:
        raise Broken(f"{name} has {stat.st_size} bytes; it was written with {size}")
    if thorough or _verified.get(path) != (stat.st_size, stat.st_mtime_ns):
        if _crc(path) != crc:
            with _lock:
                _verified.pop(path, None)  # found bad: every later search reads it again
            raise Broken(f"{name} does not match the CRC-32 it was written with")
        _remember(path, stat)


def _remember(path: str, stat: os.stat_result) -> None:
    with _lock:
        _verified[path] = (stat.st_size, stat.st_mtime_ns)
        if len(_verified) + len(_seals) > REMEMBERED:  # a long-lived process after many commits
            for cache in (_verified, _seals):
                for gone in [p for p in cache if not os.path.exists(p)]:
                    del cache[gone]


def _crc(path: str | Path) -> int:
    crc = 0
    with open(path, "rb") as data:
        while chunk := data.read(CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc
