"""Tag pages, the no-script tag forms of the speech page, and "tag a search" (staff)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from speeches.models import Section, Tag
from speeches.views import page_window

from . import services
from .services import TagError

PER_PAGE = 50  # sections on a tag page


def tag_list(request):
    tags = services.tag_counts(request.user, contains=request.GET.get("q", "")[:50])
    return render(request, "tagging/tag_list.html", {"tags": tags, "q": request.GET.get("q", "")})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    sections = services.tagged_sections(request.user, tag)
    page = Paginator(sections, PER_PAGE).get_page(request.GET.get("page"))
    if not page.object_list:  # unknown, or only someone else's private tag: the same 404
        raise Http404(slug)
    context = {"tag": tag, "page": page, "count": page.paginator.count,
               "page_range": page_window(page.number, page.paginator.num_pages)}
    return render(request, "tagging/tag_detail.html", context)


@require_POST
@login_required
def section_tag(request, uid, anchor, action):
    if action not in ("add", "remove"):
        raise Http404(action)
    section = get_object_or_404(Section.objects.select_related("speech"), speech__uid=uid, anchor=anchor)
    try:
        if action == "add":
            services.tag_add(user=request.user, section=section, name=request.POST.get("name", ""),
                             private=bool(request.POST.get("private")))
        else:
            services.tag_remove(user=request.user, section=section, name=request.POST.get("name", ""))
    except TagError as error:
        messages.error(request, str(error))
    return redirect(f"{section.speech.get_absolute_url()}#{section.anchor}")
