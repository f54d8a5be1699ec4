"""Tag JSON API: suggestions, a section's tags (read, add, remove), a tag's sections.

Everything answers from services.visible_to(user): someone else's private tag is never named.
Writes need a signed-in reader and the CSRF token (header X-CSRFToken), like the pages.
"""
import json

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from speeches.models import Section, Tag

from . import services
from .services import TagError

SUGGESTIONS = 10
PER_PAGE = 50


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


@require_GET
def tags(request):
    """GET /api/tags?q=营商: tags containing the (folded) text, most used first."""
    rows = services.tag_counts(request.user, contains=request.GET.get("q", "")[:50])[:SUGGESTIONS]
    return _json({"tags": [{"name": r["tag__name"], "slug": r["tag__slug"], "count": r["n"],
                            "url": Tag(slug=r["tag__slug"]).get_absolute_url()} for r in rows]})


@require_GET
def tag_sections(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = Paginator(services.tagged_sections(request.user, tag), PER_PAGE).get_page(request.GET.get("page"))
    if not page.object_list:
        return _json({"error": "not found"}, status=404)
    return _json({"tag": tag.name, "slug": tag.slug, "count": page.paginator.count, "page": page.number,
                  "pages": page.paginator.num_pages,
                  "sections": [{"speech": s.speech.uid, "anchor": s.anchor, "title": s.speech.title,
                                "heading": str(s), "url": s.get_absolute_url()} for s in page]})


@require_http_methods(["GET", "POST"])
def section_tags(request, uid, anchor):
    """GET: the tags this reader may see on the section; POST name=…&private=1: add one."""
    section = get_object_or_404(Section.objects.select_related("speech"), speech__uid=uid, anchor=anchor)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return _json({"error": "请先登录。"}, status=403)
        data = _body(request)
        try:
            services.tag_add(user=request.user, section=section, name=data.get("name", ""),
                             private=data.get("private") in (True, "1", "true", "on"))
        except TagError as error:
            return _json({"error": str(error)}, status=400)
    return _json(section_json(request.user, section), status=201 if request.method == "POST" else 200)


@require_POST
def section_untag(request, uid, anchor):
    section = get_object_or_404(Section.objects.select_related("speech"), speech__uid=uid, anchor=anchor)
    if not request.user.is_authenticated:
        return _json({"error": "请先登录。"}, status=403)
    try:
        removed = services.tag_remove(user=request.user, section=section, name=_body(request).get("name", ""))
    except TagError as error:
        return _json({"error": str(error)}, status=400)
    return _json({**section_json(request.user, section), "removed": removed})


def section_json(user, section) -> dict:
    tags = services.section_tags(user, [section]).get(section.pk, [])
    return {"speech": section.speech.uid, "anchor": section.anchor,
            "tags": [{"name": t["tag"].name, "slug": t["tag"].slug, "url": t["tag"].get_absolute_url(),
                      "public": t["public"], "mine": t["mine"], "removable": t["removable"]} for t in tags]}


def _body(request) -> dict:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    return request.POST
