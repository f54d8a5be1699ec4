"""Haystack's view of a section: one document per section, carrying its speech's metadata.

The Whoosh schema these fields fill is speeches.search.schema (the backend ignores haystack's
generic field-to-Whoosh mapping); field names here are the schema's names. The facet values
come from the facet registry (speeches.search.facets), so a new facet is declared there only.
"""
from haystack import indexes

from .models import Section
from .search.facets import prepare as facet_values
from .search.schema import section_text


class SectionIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)
    speech_id = indexes.IntegerField(model_attr="speech_id")
    position = indexes.IntegerField(model_attr="order")
    date = indexes.IntegerField()  # yyyymmdd of the speech, 0 when unknown
    title = indexes.CharField(model_attr="speech__title")  # ranks, and names the speech in offers (named.py)

    def get_model(self):
        return Section

    def index_queryset(self, using=None):
        return Section.objects.with_speech().prefetch_related("tags")

    def prepare(self, section):
        return {**super().prepare(section), **facet_values(section)}

    def prepare_text(self, section):
        return section_text(section.label, section.heading, section.body)

    def prepare_date(self, section):
        date = section.speech.date
        return date.year * 10000 + date.month * 100 + date.day if date else 0
