"""The facets, declared once: what each is called, where its value comes from, how it is listed.

Everything else reads this registry: the Whoosh schema (a whole-value field per facet), the
document a section is indexed as, the query parser (`speaker:李强`), the search parameters and
their checks, facet counting and its order, the results page's labels, haystack's SearchQuerySet.
Adding a facet is adding one Facet here (and reindexing).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Facet:
    name: str  # field, URL parameter and query prefix (speaker:…)
    label: str  # shown above its values on the results page
    value: Callable  # Section (speech and speaker loaded, tags prefetched) -> str, or [str] if many
    many: bool = False  # a section may have several values (tags); the column keeps the combination
    newest_first: bool = False  # listed by value, descending (years), not by count
    digits: bool = False  # filter values must be numbers (a year)
    # A query naming one of its values is offered the filter (讲话人：李强 · 13 篇 →).
    offer: bool = False


def _speaker(section) -> str:
    speaker = section.speech.speaker
    return speaker.name if speaker else ""


REGISTRY: tuple[Facet, ...] = (
    Facet("speaker", _("讲话人"), _speaker, offer=True),
    Facet("city", _("城市"), lambda section: section.speech.city, offer=True),
    Facet("year", _("年份"), lambda section: str(section.speech.year or ""), newest_first=True, digits=True),
    Facet("occasion", _("场合"), lambda section: section.speech.occasion),
    Facet("tag", _("标签"), lambda section: [tag.name for tag in section.tags.all()], many=True),
)

FACETS: tuple[str, ...] = tuple(facet.name for facet in REGISTRY)
BY_NAME: dict[str, Facet] = {facet.name: facet for facet in REGISTRY}


def newest_first(name: str) -> bool:
    return BY_NAME[name].newest_first


def labels() -> dict[str, str]:
    return {facet.name: facet.label for facet in REGISTRY}


def prepare(section) -> dict:
    """{facet: value} of a section, for its index document."""
    return {facet.name: facet.value(section) for facet in REGISTRY}
