"""/healthz: one JSON answer for load balancers and monitors (see docs/OPERATIONS.md).

200 while the site can answer searches ("ok", or "degraded" when the index lags the database by
more than the queue explains); 503 when the database or the index is unusable ("down").
Cheap enough to poll every few seconds: counts, not a comparison of every id.
"""
from __future__ import annotations

import time

from django.db import connection
from django.utils import timezone

QUEUE_STALE_SECONDS = 300  # a queued change older than this means nothing is applying the queue


def report() -> dict:
    database = _database()
    index = _index(database.get("sections"))
    queue = _queue() if database["ok"] else {"length": None, "sections": None, "oldest_seconds": None}
    drift = _drift(database, index, queue)
    if not (database["ok"] and index["ok"]):
        status = "down"
    elif drift["unexplained"] or (queue["oldest_seconds"] or 0) > QUEUE_STALE_SECONDS:
        status = "degraded"
    else:
        status = "ok"
    return {"status": status, "database": database, "index": index, "queue": queue, "drift": drift}


def _database() -> dict:
    from speeches.models import Section

    started = time.monotonic()
    try:
        sections = Section.objects.count()
    except Exception as error:  # the point is to say so, whatever the driver raised
        return {"ok": False, "vendor": connection.vendor, "error": f"{error.__class__.__name__}: {error}"}
    return {"ok": True, "vendor": connection.vendor, "sections": sections,
            "milliseconds": round((time.monotonic() - started) * 1000, 1)}


def _index(sections: int | None) -> dict:
    from speeches.search.indexing.health import index_state, repair_requested

    try:
        state = index_state()
    except Exception as error:  # the database is down: the index check asks it whether it is empty
        return {"ok": False, "problem": "unknown", "detail": f"{error.__class__.__name__}: {error}",
                "generation": "", "documents": 0, "repair_requested": ""}
    return {"ok": state.ok, "problem": state.problem, "detail": state.detail,
            "generation": state.generation, "documents": state.documents,
            "repair_requested": repair_requested()}


def _queue() -> dict:
    from speeches.models import IndexQueue

    oldest = IndexQueue.objects.order_by("id").values_list("created", flat=True).first()
    return {"length": IndexQueue.objects.count(),  # rows; one section may be queued more than once
            "sections": IndexQueue.objects.values("section_id").distinct().count(),
            "oldest_seconds": round((timezone.now() - oldest).total_seconds(), 1) if oldest else 0}


def _drift(database: dict, index: dict, queue: dict) -> dict:
    """Sections minus indexed documents; the queue explains up to its length of it."""
    if not (database["ok"] and index["ok"]):
        return {"sections": None, "unexplained": None}
    difference = database["sections"] - index["documents"]
    return {"sections": difference, "unexplained": max(abs(difference) - (queue["sections"] or 0), 0)}
