"""JSON API. A contract: tools outside the repo call it; fields are only ever added."""
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from . import health
from .search import SearchError, SearchPage, offers, request_params, search as run_search


@require_GET
def search(request):
    """GET /api/search?q=&speaker=&city=&year=&occasion=&tag=&sort=relevance|date|oldest&page="""
    try:
        page = run_search(**request_params(request.GET))
    except SearchError as error:
        return JsonResponse({"error": str(error)}, status=400)
    found = page_json(page)
    # Additive: the filters (or speeches) the query names, e.g. {"facet": "speaker", "value": "李强"}.
    found["offers"] = [{"facet": o.facet, "value": o.value, "speeches": o.speeches,
                        "url": o.url or f"/search?{o.querystring}"} for o in offers(q=page.query, filters=page.filters)]
    return JsonResponse(found, json_dumps_params={"ensure_ascii": False})


@require_GET
def healthz(request):
    """GET /healthz: database, index generation, queue length and drift as JSON; 503 when down."""
    found = health.report()
    response = JsonResponse(found, status=503 if found["status"] == "down" else 200)
    response["Cache-Control"] = "no-store"
    return response


def page_json(page: SearchPage) -> dict:
    return {
        "count": page.count,
        "speeches": page.speeches,
        "page": page.page,
        "pages": page.pages,
        "results": [
            {
                "speech_id": result.speech.pk,
                "section_id": best.section.pk,
                "title": result.speech.title,
                "speaker": result.speech.speaker.name if result.speech.speaker else "",
                "date": iso_date(result.speech),
                "city": result.speech.city,
                "heading": str(best.section),
                "snippet": str(best.snippet),
                "url": best.url,
                # Beyond the list, additive: the paragraph link and the speech's other hits.
                "paragraph_url": best.paragraph_url,
                "matches": result.matches,
                "sections": [_section_json(hit) for hit in result.hits],
            }
            for result in page.results
            for best in result.hits[:1]
        ],
        "facets": {name: [{"value": f.value, "count": f.count} for f in values]
                   for name, values in page.facets.items()},
    }


def iso_date(speech) -> str | None:
    """'2021', '2021-01' or '2021-01-05': only the precision the source gives."""
    parts = speech.partial_date
    if not parts:
        return None
    return "-".join(f"{n:0{w}d}" for n, w in zip(parts, (4, 2, 2)) if n)


def _section_json(hit) -> dict:
    return {"section_id": hit.section.pk, "heading": str(hit.section), "snippet": str(hit.snippet),
            "url": hit.url, "paragraph_url": hit.paragraph_url}
