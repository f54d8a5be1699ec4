"""Is the search index usable, and how far is it from the database? For /healthz and the pages.

Never creates or repairs anything: it looks. A missing index (no link, no directory), a link to a
deleted generation, an index Whoosh cannot open or read, and an empty index while the database
has sections are all faults; a page that needs the index answers 503 on any of them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class IndexState:
    problem: str  # "" when usable; else missing | dangling | unreadable | empty
    detail: str
    generation: str  # the directory the index path points at ("" if none)
    documents: int  # live documents (0 when unreadable)

    @property
    def ok(self) -> bool:
        return not self.problem


def index_state(using: str = "default", *, sections: int | None = None) -> IndexState:
    """The index as it is now. `sections`: how many the database holds, if the caller knows."""
    from ..backend import backend

    engine = backend(using)
    path = Path(engine.path)
    generation = os.readlink(path) if path.is_symlink() else (str(path) if path.exists() else "")
    if not path.exists():
        problem = "dangling" if path.is_symlink() else "missing"
        detail = f"{path} points at {generation}, which is gone" if generation else f"no index at {path}"
        return IndexState(problem, detail, Path(generation).name, 0)
    try:
        documents = engine.snapshot().searcher.doc_count()
    except Exception as error:  # any failure to open or read: a corrupt or half-written index
        return IndexState("unreadable", f"{error.__class__.__name__}: {error}", Path(generation).name, 0)
    if documents == 0 and (sections if sections is not None else _sections()) > 0:
        return IndexState("empty", "the index has no documents but the database has sections",
                          Path(generation).name, 0)
    return IndexState("", "", Path(generation).name, documents)


def _sections() -> int:
    from speeches.models import Section

    return Section.objects.count()
