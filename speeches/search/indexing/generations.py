"""Index generations: the configured PATH is a symbolic link to one directory in PATH.gens/.

A full rebuild writes a new generation beside the one in use and swaps the link (an atomic
rename), so searches answer from the old index until the new one is complete. Every generation
is created with an empty index in it before anyone can see it, so the link never points at a
directory without one. Processes notice a swap by reading the link (a microsecond).
"""
from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

KEEP_PREVIOUS = 1  # a reader opened before a swap may still be reading the previous generation


def gens_dir(path: Path) -> Path:
    return path.with_name(path.name + ".gens")


def current(path: Path, schema) -> Path:
    """The generation in use, created (empty) if there is none yet."""
    if path.exists():
        return path.resolve()
    gen = new(path, schema)
    try:
        os.symlink(os.path.relpath(gen, path.parent), path)
    except FileExistsError:  # another process made the first generation at the same moment
        shutil.rmtree(gen, ignore_errors=True)
    return path.resolve()


def link_target(path: Path) -> str:
    """What PATH points at now; changes exactly when a generation is swapped in."""
    try:
        return os.readlink(path)
    except OSError:  # not a link (a plain directory from before generations) or missing
        return str(path)


def new(path: Path, schema) -> Path:
    """A fresh directory with an empty index, not yet in use."""
    gens = gens_dir(path)
    gens.mkdir(parents=True, exist_ok=True)
    # Time first, so names sort by age; a random tail, because a name from the clock's
    # sub-millisecond digits once repeated within one process and second (a `make test` run).
    gen = gens / f"g{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{uuid.uuid4().hex[:12]}"
    gen.mkdir()
    FileStorage(str(gen)).create_index(schema)
    return gen


def swap(path: Path, gen: Path) -> None:
    """Make `gen` the generation in use, atomically for every reader and writer."""
    if path.exists() and not path.is_symlink():
        # An index from before generations: move it aside once (readers retry on the next search).
        path.rename(gens_dir(path) / f"legacy-{time.strftime('%Y%m%d-%H%M%S')}")
    temporary = path.with_name(f".{path.name}.swap-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    os.symlink(os.path.relpath(gen, path.parent), temporary)
    os.replace(temporary, path)
    prune(path)


def prune(path: Path, keep: int = KEEP_PREVIOUS) -> list[Path]:
    """Delete generations older than the one in use and the `keep` before it."""
    in_use = path.resolve()
    gens = sorted((p for p in gens_dir(path).iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
    older = [p for p in gens if p != in_use]
    doomed = older[: max(len(older) - keep, 0)]
    for gen in doomed:
        shutil.rmtree(gen, ignore_errors=True)
    return doomed
