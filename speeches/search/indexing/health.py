"""Is the search index usable? And asking for a repair when it is not.

index_state() only looks: it never creates or repairs. request_repair() is what a page calls on
a fault: it notes the request beside the index and, unless ARCHIVE_AUTO_REPAIR is off, starts
`manage.py index_check --repair` in the background (at most once a minute, never while another
repair holds the queue lock). The repair rebuilds into a new generation and swaps it in.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

from . import seals
from .generations import REQUESTED, IndexMissing, IndexUnavailable, gens_dir, link_target

SPAWN_INTERVAL = 60.0  # seconds between two repairs started by requests
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexState:
    problem: str  # "" when usable; else missing | dangling | unreadable | corrupt | empty
    detail: str
    generation: str  # the directory the index path points at ("" if none)
    documents: int  # live documents (0 when unusable)

    @property
    def ok(self) -> bool:
        return not self.problem


def index_state(using: str = "default", *, thorough: bool = False) -> IndexState:
    """The index as it is now; thorough also reads every segment file against its CRC-32
    (index_check), where pages compare sizes and what this process has checked (seals.py)."""
    from ..backend import backend

    engine = backend(using)
    generation = Path(link_target(engine.path)).name if engine.path.is_symlink() else ""
    try:
        snap = engine.snapshot()
        if thorough:
            try:
                seals.check(snap.index.storage.folder, snap.segment_ids, thorough=True)
            except seals.Broken as broken:
                raise IndexUnavailable("corrupt", str(broken)) from broken
    except IndexUnavailable as fault:
        return IndexState(fault.problem, fault.detail, generation, 0)
    return IndexState("", "", generation, snap.searcher.doc_count())


def repair_requested(using: str = "default") -> str:
    """The last request's reason and time, or "" (a repair's swap clears it)."""
    try:
        return (gens_dir(_path(using)) / REQUESTED).read_text()
    except OSError:
        return ""


def request_repair(fault: IndexUnavailable, using: str = "default") -> bool:
    """Note that the index needs a rebuild and start one in the background; True if started."""
    path = _path(using)
    marker = gens_dir(path) / REQUESTED
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        last = marker.stat().st_mtime if marker.exists() else 0.0
        marker.write_text(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {fault}")
    except OSError:
        log.exception("Could not note the repair request beside %s", path)
        return False
    if not getattr(settings, "ARCHIVE_AUTO_REPAIR", True) or time.time() - last < SPAWN_INTERVAL:
        return False
    return _spawn(path)


def clear_request(using: str = "default") -> None:
    (gens_dir(_path(using)) / REQUESTED).unlink(missing_ok=True)


def _spawn(path: Path) -> bool:
    """`index_check --repair` on this process's database and index, detached from the request."""
    database = _database_url()
    if database is None:  # an in-memory test database: another process cannot open it
        return False
    env = {**os.environ, "ARCHIVE_INDEX_DIR": str(path), "DATABASE_URL": database}
    log_file = path.with_name(f".{path.name}.repair.log")
    with open(log_file, "ab") as out:
        subprocess.Popen(
            [sys.executable, str(settings.BASE_DIR / "manage.py"), "index_check", "--repair"],
            cwd=settings.BASE_DIR, env=env, stdout=out, stderr=out, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    log.warning("Search index unusable; started index_check --repair (log: %s)", log_file)
    return True


def _database_url() -> str | None:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(db["NAME"])
        return None if "memory" in name else f"sqlite:///{name}"
    if connection.vendor == "postgresql":
        from urllib.parse import quote

        auth = f"{quote(db['USER'] or '')}:{quote(str(db['PASSWORD'] or ''))}@" if db["USER"] else ""
        host = quote(db["HOST"] or "", safe="") + (f":{db['PORT']}" if db["PORT"] else "")  # a socket dir too
        return f"postgres://{auth}{host}/{quote(db['NAME'])}"
    return None


def _path(using: str) -> Path:
    from ..backend import backend

    return backend(using).path


def check_at_startup(using: str = "default") -> str:
    """At process start (wsgi.py): a lost, half-written or corrupt index (every segment file's
    CRC-32 against its seal) is reported and its repair asked for before the first reader meets
    it. Looks at files only: a gunicorn master that opened the index would hand its open files to
    every forked worker. Returns the problem, or ""."""
    from django.db import connections

    path = _path(using)
    try:
        from speeches.models import Section

        if not Section.objects.exists():
            return ""
        if not path.exists():
            fault: IndexUnavailable = IndexMissing(path)
        elif not any(path.resolve().glob("*.toc")):
            fault = IndexUnavailable("unreadable", f"{path.resolve()} has no table of contents")
        else:
            try:  # every segment's CRC-32; forked workers inherit what was checked
                seals.check_folder(path.resolve())
                return ""
            except seals.Broken as broken:
                fault = IndexUnavailable("corrupt", str(broken))
        log.error("Search index unusable at start-up: %s", fault)
        request_repair(fault, using)
        return fault.problem
    except Exception:  # a start-up check must not keep the site from starting
        log.exception("Index check at start-up failed")
        return ""
    finally:
        connections.close_all()  # not inherited by forked workers
