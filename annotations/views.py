"""Pages and JSON for notes. Thin: rules live in services (writes) and queries (reads).

Who sees what: a note is read through Note.objects.visible_to(user), so someone else's private
note is a 404 everywhere (its existence is not revealed); a visible note one may not change is a 403.
"""
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from speeches.models import Speech

from . import export, services
from .forms import NoteCreateForm, NoteEditForm, NoteFilterForm
from .models import Note
from .queries import filter_choices, my_notes

JSON_LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


def json(data, status=200, content_type=None):
    return JsonResponse(data, status=status, content_type=content_type or "application/json",
                        json_dumps_params={"ensure_ascii": False}, safe=False)


def signed_in_json(view):
    """JSON endpoints answer 403 with a message instead of redirecting to the sign-in page."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return json({"error": _("请先登录。")}, status=403)
        return view(request, *args, **kwargs)
    return wrapper


def absolute(request):
    return request.build_absolute_uri


@require_POST
@signed_in_json
def note_create(request):
    form = NoteCreateForm(request.POST)
    if not form.is_valid():
        return json({"error": _("笔记不完整。"), "fields": form.errors}, status=400)
    data = form.cleaned_data
    speech = get_object_or_404(Speech, uid=data["speech"])
    try:
        note = services.note_create(
            author=request.user, speech=speech, anchor=data["section"], paragraph=data["paragraph"],
            start=data["start"], end=data["end"], exact=data["exact"], body=data["body"],
            public=data["public"])
    except services.NoteError as error:
        return json({"error": str(error)}, status=400)
    return json(export.as_annotation(note, absolute=absolute(request)), status=201, content_type=JSON_LD)


@require_GET
def note_detail(request, pk):
    """One note as a W3C Annotation (its `id` URL dereferences here)."""
    note = get_object_or_404(Note.objects.visible_to(request.user).select_related("author"), pk=pk)
    return json(export.as_annotation(note, absolute=absolute(request)), content_type=JSON_LD)


@require_GET
def speech_notes(request, uid):
    """Every note on a speech that this reader may see, as an AnnotationPage."""
    notes = Note.objects.of_speech(uid).visible_to(request.user).select_related("author")
    items = [export.as_annotation(note, absolute=absolute(request)) for note in notes]
    return json({"@context": export.CONTEXT, "type": "AnnotationPage", "items": items}, content_type=JSON_LD)


def safe_next(request) -> str:
    """The page a form came from (same site only), or ""."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()) else ""


def back(request, note=None):
    """After a form post: where it came from, else the note on its speech, else 我的笔记."""
    return redirect(safe_next(request) or (note.speech_url() if note else reverse("my_notes")))


@login_required
def note_edit(request, pk):
    """GET: the edit page (body, public, delete). POST: save; the author alone may."""
    note = get_object_or_404(Note.objects.visible_to(request.user).select_related("speech"), pk=pk)
    if request.method != "POST":
        if note.author_id != request.user.pk:
            raise PermissionDenied
        form = NoteEditForm(initial={"body": note.body, "public": note.public})
        return render(request, "annotations/note_edit.html", {"note": note, "form": form, "next": safe_next(request)})
    form = NoteEditForm(request.POST)
    try:
        if not form.is_valid():
            raise services.NoteError(_("笔记内容有误。"))
        services.note_update(note=note, user=request.user, **form.cleaned_data)
    except services.NoteError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("笔记已保存。"))
    return back(request, note)


@require_POST
@login_required
def note_delete(request, pk):
    note = get_object_or_404(Note.objects.visible_to(request.user), pk=pk)
    services.note_delete(note=note, user=request.user)
    messages.success(request, _("笔记已删除。"))
    return back(request)


@require_POST
@login_required
def note_hide(request, pk):
    note = get_object_or_404(Note.objects.visible_to(request.user), pk=pk)
    services.note_hide(note=note, user=request.user, hidden=request.POST.get("hidden", "1") == "1")
    messages.success(request, _("已隐藏。") if note.hidden else _("已恢复显示。"))
    return back(request, note)


def filtered(request):
    form = NoteFilterForm(request.GET)
    params = form.cleaned_data if form.is_valid() else {}
    return my_notes(request.user, **params), form


@login_required
def my_notes_page(request):
    """我的笔记: the reader's own notes, filtered and searched, newest first."""
    notes, form = filtered(request)
    page = Paginator(notes, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"page": page, "form": form, "choices": filter_choices(request.user),
               "query": query.urlencode(), "count": page.paginator.count}
    return render(request, "annotations/my_notes.html", context)


@login_required
def export_csv(request):
    notes, _form = filtered(request)
    lines = export.csv_lines(notes.iterator(chunk_size=500), absolute=absolute(request))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = "attachment; filename=notes.csv"
    return response


@login_required
def export_jsonld(request):
    notes, _form = filtered(request)
    data = export.collection(notes, absolute=absolute(request), label=_("我的笔记"))
    response = json(data, content_type=JSON_LD)
    response["Content-Disposition"] = "attachment; filename=notes.jsonld"
    return response

