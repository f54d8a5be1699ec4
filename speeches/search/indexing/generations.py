"""Index generations: the configured PATH is a symbolic link to one directory in PATH.gens/.

A full rebuild writes a new generation beside the one in use and swaps the link (an atomic
rename), so searches answer from the old index until the new one is complete. Every generation
is created with an empty index in it before anyone can see it, so the link never points at a
directory without one. Processes notice a swap by reading the link (a microsecond).

A generation being built holds a lock file beside it (<name>.building) until it is swapped in:
the lock dies with its process, so a rebuild killed at any point leaves a generation nobody
holds, and the next prune (every swap, and `index_check --repair`) removes it.
"""
from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.util.filelock import FileLock

PREVIOUS = ".previous"  # in PATH.gens: the generation in use before the last swap
REQUESTED = ".repair-requested"  # in PATH.gens: a page found the index unusable (health.py)
_building: dict[Path, FileLock] = {}  # generations this process is building, with their locks


class IndexUnavailable(Exception):
    """The index cannot answer (missing, dangling, unreadable, or empty while the database has
    sections): pages say search is being rebuilt (503) and a repair is asked for."""

    def __init__(self, problem: str, detail: str):
        super().__init__(f"{problem}: {detail}")
        self.problem, self.detail = problem, detail


class IndexMissing(IndexUnavailable):
    """PATH is gone or points at a deleted generation: nothing to read until a rebuild."""

    def __init__(self, path: Path):
        if path.is_symlink():
            super().__init__("dangling", f"{path} points at {os.readlink(path)}, which is gone")
        else:
            super().__init__("missing", f"no index at {path}")


def gens_dir(path: Path) -> Path:
    return path.with_name(path.name + ".gens")


def current(path: Path, schema, *, create: bool = True) -> Path:
    """The generation in use. With create, an empty first one is made if there is none (a new
    archive); without, a missing or dangling PATH raises IndexMissing instead of being papered over."""
    if path.exists():
        return path.resolve()
    if not create:
        raise IndexMissing(path)
    gen = new(path, schema)
    try:
        os.symlink(os.path.relpath(gen, path.parent), path)
    except FileExistsError:  # another process made the first generation at the same moment
        discard(gen)
    else:
        _release(gen)
    return path.resolve()


def link_target(path: Path) -> str:
    """What PATH points at now; changes exactly when a generation is swapped in."""
    try:
        return os.readlink(path)
    except OSError:  # not a link (a plain directory from before generations) or missing
        return str(path)


def new(path: Path, schema) -> Path:
    """A fresh directory with an empty index, not yet in use, locked as being built."""
    gens = gens_dir(path)
    gens.mkdir(parents=True, exist_ok=True)
    # Time first, so names sort by age; a random tail, because a name from the clock's
    # sub-millisecond digits once repeated within one process and second (a `make test` run).
    gen = gens / f"g{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{uuid.uuid4().hex[:12]}"
    lock = FileLock(str(_lock_file(gen)))
    lock.acquire(blocking=True)
    _building[gen] = lock
    gen.mkdir()
    FileStorage(str(gen)).create_index(schema)
    return gen


def swap(path: Path, gen: Path) -> None:
    """Make `gen` the generation in use, atomically for every reader and writer."""
    if path.exists() and not path.is_symlink():
        # An index from before generations: move it aside once (readers retry on the next search).
        path.rename(gens_dir(path) / f"legacy-{time.strftime('%Y%m%d-%H%M%S')}")
    previous = path.resolve() if path.exists() else None
    temporary = path.with_name(f".{path.name}.swap-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    os.symlink(os.path.relpath(gen, path.parent), temporary)
    os.replace(temporary, path)
    (gens_dir(path) / PREVIOUS).write_text(previous.name if previous else "")
    (gens_dir(path) / REQUESTED).unlink(missing_ok=True)  # whatever was asked for is done
    _release(gen)
    prune(path)


def discard(gen: Path) -> None:
    """Remove a generation this process built but will not swap in (a failed rebuild)."""
    shutil.rmtree(gen, ignore_errors=True)
    _release(gen)


def prune(path: Path) -> list[Path]:
    """Delete every generation but the one in use, the one before it (a reader opened before the
    swap may still read it) and those a live process is building; returns what was deleted."""
    doomed = abandoned(path)
    for gen in doomed:
        shutil.rmtree(gen, ignore_errors=True)
        _lock_file(gen).unlink(missing_ok=True)
    return doomed


def abandoned(path: Path) -> list[Path]:
    """Generations neither in use, nor the previous one, nor being built: left by a killed rebuild."""
    gens = gens_dir(path)
    if not gens.is_dir():
        return []
    keep = {path.resolve().name if path.exists() else "", previous(gens)}
    return sorted(p for p in gens.iterdir() if p.is_dir() and p.name not in keep and not being_built(p))


def previous(gens: Path) -> str:
    try:
        return (gens / PREVIOUS).read_text().strip()
    except OSError:
        return ""


def _lock_file(gen: Path) -> Path:
    return gen.with_name(gen.name + ".building")


def being_built(gen: Path) -> bool:
    if gen in _building:
        return True
    lock = FileLock(str(_lock_file(gen)))
    if not lock.acquire(blocking=False):
        return True  # a live process holds it
    lock.release()
    return False


def _release(gen: Path) -> None:
    lock = _building.pop(gen, None)
    if lock is not None:
        lock.release()
    _lock_file(gen).unlink(missing_ok=True)
