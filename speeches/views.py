"""Pages. Views stay thin: queries live on the models, search in speeches.search."""
from urllib.parse import quote

from django.db.models import Count, F, Q
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, gettext_lazy as _

from . import diff, reading
from .api import iso_date
from .search import (
    SearchError, concordance as run_concordance, every_line, facet_labels, folded, offers, query_strings,
    request_params, SORTS, search as run_search, suggestions,
)
from .spreadsheet import rows_as_text
from .models import TEXTS, Section, Speaker, Speech


def home(request):
    speeches = Speech.objects.all()
    context = {
        "stats": {
            "speeches": speeches.count(),
            "sections": Section.objects.count(),
            "speakers": Speaker.objects.count(),
            "years": speeches.exclude(year=None).values("year").distinct().count(),
        },
        "latest": speeches.listed().order_by("-created", "-id")[:10],
        "top_speakers": Speaker.objects.annotate(n=Count("speeches")).filter(n__gt=0).order_by("-n")[:10],
        "top_cities": facet_counts(speeches.exclude(city=""), "city")[:10],
        "years": facet_counts(speeches.exclude(year=None), "year").order_by("-year")[:30],
    }
    return render(request, "home.html", context)


def facet_counts(queryset, field):
    return queryset.values(field).annotate(n=Count("id")).order_by("-n", field)


def speech_detail(request, uid):
    texts = (*TEXTS, *(f"canonical__{name}" for name in TEXTS))  # the page shows sections, not these
    speech = get_object_or_404(Speech.objects.select_related("speaker", "canonical").defer(*texts), uid=uid)
    if "section" in request.GET:  # a link to an anchor that is in another part of a long speech
        anchor = request.GET["section"][:80]
        number = reading.part_of(speech, anchor) or 1
        return redirect(f"{speech.get_absolute_url()}?part={number}#{quote(anchor, safe='-')}")
    try:
        shown = reading.reading(speech, request.GET.get("part"))
    except reading.NoSuchPart:
        raise Http404("part")
    canonical = speech.canonical or speech
    variants = Speech.objects.filter(Q(canonical=canonical) | Q(pk=canonical.pk)).exclude(pk=speech.pk)
    context = {
        "speech": speech,
        "tree": reading.section_tree(shown.sections),
        "reading": shown,
        "variants": variants.select_related("speaker").order_by("id"),
        "query": request.GET.get("q", "")[:200],
        "strings": query_strings(request.GET.get("q", "")[:200]),
    }
    return render(request, "speeches/speech_detail.html", context)


def speaker_detail(request, name):
    speaker = get_object_or_404(Speaker, name=name)
    speeches = speaker.speeches.listed().order_by(F("year").desc(nulls_last=True), "-date", "title")
    offices = facet_counts(speaker.speeches.exclude(speaker_title=""), "speaker_title")
    cities = facet_counts(speaker.speeches.exclude(city=""), "city")
    speeches = list(speeches)  # listed below, and their years index the page
    years = sorted({s.year for s in speeches if s.year}, reverse=True)
    context = {"speaker": speaker, "speeches": speeches, "offices": offices, "cities": cities, "years": years}
    return render(request, "speeches/speaker_detail.html", context)


def city_detail(request, name):
    speeches = Speech.objects.filter(city=name).listed().order_by("-date", "title")
    if not speeches.exists():
        raise Http404(name)
    return render(request, "speeches/listing.html", {"heading": name, "kind": "city", "speeches": speeches})


def year_detail(request, year):
    speeches = Speech.objects.by_year(year).listed().order_by("date", "title")
    if not speeches.exists():
        raise Http404(year)
    return render(request, "speeches/listing.html", {"heading": year, "kind": "year", "speeches": speeches})


def speech_diff(request, uid, other):
    left = get_object_or_404(Speech, uid=uid)
    right = get_object_or_404(Speech, uid=other)
    rows = diff.side_by_side(left.cleaned_text.split("\n"), right.cleaned_text.split("\n"))
    return render(request, "speeches/speech_diff.html", {"left": left, "right": right, "rows": rows})


FACET_LABELS = facet_labels()
FACETS_SHOWN = 10


def search(request):
    """Results page: the URL carries the whole state (query, filters, sort, page)."""
    try:
        page = run_search(**request_params(request.GET))
    except SearchError as error:
        context = {"error": str(error), "query": request.GET.get("q", "")}
        return render(request, "speeches/search.html", context, status=400)
    facets = [
        (name, FACET_LABELS[name], values[:FACETS_SHOWN], values[FACETS_SHOWN:], page.filters.get(name, ()))
        for name, values in page.facets.items() if values
    ]
    chips = [(name, FACET_LABELS[name], value) for name, values in page.filters.items() for value in values]
    context = {"page": page, "groups": folded(page.results), "query": page.query, "facets": facets,
               "chips": chips, "strings": query_strings(page.query),
               "offers": offers(q=page.query, filters=page.filters) if page.page == 1 else [],
               "page_range": page_window(page.page, page.pages),
               "suggestions": [] if page.count else suggestions(q=page.query, filters=page.filters)}
    return render(request, "speeches/search.html", context)


def concordance(request):
    """Every occurrence of the query with its context, oldest first; same parameters as search."""
    params = {"q": request.GET.get("q", ""), "filters": {}, "page": 1}
    try:
        params = kwic_params(request.GET)
        found = run_concordance(**params)
    except SearchError as error:
        context = {"error": str(error), "query": params["q"], "filters": params["filters"]}
        return render(request, "speeches/concordance.html", context, status=400)
    context = {"found": found, "query": params["q"], "filters": params["filters"],
               "page_range": page_window(found.page, found.pages)}
    return render(request, "speeches/concordance.html", context)


def concordance_csv(request):
    """Every line in context as CSV, up to 10,000: UTF-8 with a BOM, so Excel reads the Chinese."""
    try:
        params = kwic_params(request.GET)
        lines = every_line(q=params["q"], filters=params["filters"])
    except SearchError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    header = [str(label) for label in CSV_HEADER]  # now, in the page's language: the rows stream later
    rows = csv_rows(lines, request, header, untitled=gettext("无题"))
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    name = quote(params["q"][:40])  # RFC 5987: a Chinese file name, kept short
    response["Content-Disposition"] = f"attachment; filename=kwic.csv; filename*=UTF-8''{name}.csv"
    return response


CSV_HEADER = (_("日期"), _("讲话人"), _("标题"), _("场合"), _("前文"), _("命中"), _("后文"), _("链接"))


def kwic_params(query) -> dict:
    """The search parameters less the sort (lines are always oldest first), which must still be
    one the results page accepts: the page, its CSV and the API answer a bad one alike."""
    params = request_params(query)
    if params.pop("sort") not in SORTS:
        raise SearchError(f"排序只能是 {' 或 '.join(SORTS)}。sort must be one of: {', '.join(SORTS)}.")
    return params


def csv_rows(lines, request, header, *, untitled):
    """Rows as they are written, so a 10,000-line download starts at once. Dates are ISO at the
    precision known (2021-01), so a spreadsheet sorts them; cells are made formula-safe."""

    def rows():
        yield header
        for line in lines:
            s = line.section.speech
            yield [iso_date(s) or "", s.speaker.name if s.speaker else "", s.title or untitled, s.occasion,
                   line.left, line.match, line.right, request.build_absolute_uri(line.url)]

    text = rows_as_text(rows())
    yield "\ufeff" + next(text)
    yield from text


def page_window(current: int, pages: int, width: int = 3) -> list[int]:
    return list(range(max(1, current - width), min(pages, current + width) + 1))
