"""Tag a search (staff): count first, then apply, then one undo."""
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from speeches import search

from . import bulk
from .models import TagBatch
from .permissions import staff_required
from .services import TagError


def _params(data) -> dict:
    facets = search.FACETS
    return {"q": data.get("q", "")[:500], "name": data.get("name", ""), "action": data.get("action", "add"),
            "filters": {f: data.getlist(f) for f in facets if data.getlist(f)}}


@staff_required
def tag_search(request):
    """GET: how many sections would change (the confirmation); POST: apply."""
    params = _params(request.POST if request.method == "POST" else request.GET)
    try:
        if request.method == "POST":
            batch = bulk.apply(user=request.user, **params)
            return redirect("tag_batch", batch.pk)
        planned = bulk.plan(**params)
    except (TagError, search.SearchError) as error:
        return render(request, "tagging/tag_search.html", {"error": str(error), **params}, status=400)
    return render(request, "tagging/tag_search.html", {"plan": planned, **params})


@staff_required
def tag_batch(request, pk):
    return render(request, "tagging/tag_batch.html", {"batch": get_object_or_404(TagBatch, pk=pk)})


@require_POST
@staff_required
def tag_batch_undo(request, pk):
    batch = get_object_or_404(TagBatch, pk=pk)
    try:
        bulk.undo(batch=batch)
    except TagError:
        messages.info(request, _("这批操作已经撤销过。"))
    return redirect("tag_batch", batch.pk)
