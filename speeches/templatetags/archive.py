"""Template helpers: search URLs that keep the whole state, and highlighted paragraphs."""
from django import template
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from speeches.search import highlight

register = template.Library()


def _pairs(request, drop_page=True):
    return [(k, v) for k, values in request.GET.lists() for v in values if not (drop_page and k == "page")]


@register.simple_tag(takes_context=True)
def url_add(context, name, value):
    """The current search with one more filter value (back to page 1)."""
    pairs = [p for p in _pairs(context["request"]) if p != (name, str(value))]
    return "?" + urlencode(pairs + [(name, value)])


@register.simple_tag(takes_context=True)
def url_remove(context, name, value):
    """The current search without this filter value."""
    return "?" + urlencode([p for p in _pairs(context["request"]) if p != (name, str(value))])


@register.simple_tag(takes_context=True)
def url_set(context, name, value):
    """The current search with `name` replaced (sort, page)."""
    pairs = [p for p in _pairs(context["request"], drop_page=name != "page") if p[0] != name]
    return "?" + urlencode(pairs + [(name, value)])


@register.filter
def marked(text, strings):
    return highlight(text, strings or [])


@register.simple_tag
def paragraphs(section, strings):
    """A section's paragraphs with their copy links, built in Python: a long speech has hundreds,
    and as a template loop (three translations and three localised counters each) they were
    over half of the speech page's time."""
    link, quote = escape(gettext("复制本段链接")), escape(gettext("复制本段引文（含出处）"))
    anchor = escape(section.anchor)
    return mark_safe("\n  ".join(
        f'<p id="{anchor}-p{n}">{highlight(text, strings or [])} '
        f'<a class="copy-link" href="#{anchor}-p{n}" data-copy aria-label="{link}">¶</a>'
        f'<a class="copy-link" href="#{anchor}-p{n}" data-quote title="{quote}" aria-label="{quote}">引</a></p>'
        for n, text in enumerate(section.paragraphs, 1)))


@register.filter
def with_query(url, q):
    """Put ?q= before the fragment, so the speech page highlights what was searched."""
    if not q:
        return url
    path, hash_, fragment = url.partition("#")
    return f"{path}?{urlencode({'q': q})}{hash_}{fragment}"


CHART_MIN_YEARS = 5  # fewer years read better as the facet list than as a few wide bars


@register.inclusion_tag("speeches/_year_chart.html", takes_context=True)
def year_chart(context, values, height=48, step=10):
    """Matching sections per year, every year from the first to the last (gaps show as gaps),
    as an SVG bar chart whose bars add the year filter: when something began to be said."""
    counts = {int(v.value): v.count for v in values or () if v.value.isdigit()}
    if not counts or max(counts) - min(counts) + 1 < CHART_MIN_YEARS:
        return {"bars": ()}
    first, last = min(counts), max(counts)
    top = max(counts.values())
    bars = []
    for i, year in enumerate(range(first, last + 1)):
        n = counts.get(year, 0)
        h = max(1, round(n / top * height)) if n else 0
        bars.append({"year": year, "count": n, "x": i * step, "y": height - h, "h": h,
                     "url": url_add(context, "year", year) if n else ""})
    return {"bars": bars, "width": len(bars) * step, "height": height, "bar_width": step - 2,
            "first": first, "last": last}


# Quotation marks a reader may type around a phrase: ASCII, full-width, and Chinese/English curly.
_QUOTE_PAIRS = {'"': '"', "＂": "＂", "“": "”"}


@register.filter
def bare_query(query):
    """The query as the page quotes it: the interface puts its own “…” around it, so a query that
    is one quoted phrase ("抓好落实") loses its marks, and phrases inside a longer query take the
    inner marks ‘…’ (the same in Chinese and English), instead of “"抓好落实"”."""
    text = str(query or "").strip()
    inner = text[1:-1]
    if len(text) >= 2 and _QUOTE_PAIRS.get(text[0]) == text[-1] and not any(m in inner for m in '"＂“”'):
        return inner
    out, open_mark, opened_at = [], None, 0
    for char in text:
        if open_mark is None and char in _QUOTE_PAIRS:
            opened_at, open_mark = len(out), _QUOTE_PAIRS[char]
            out.append("‘")
        elif open_mark is not None and char == open_mark:
            out.append("’")
            open_mark = None
        else:
            out.append(char)
    if open_mark is not None:  # never closed: the reader's mark stays as typed
        out[opened_at] = text[opened_at]
    return "".join(out)
