"""Haystack's view of a section: one document per section, carrying its speech's metadata.

The Whoosh schema these fields fill is speeches.search.schema (the backend ignores haystack's
generic field-to-Whoosh mapping); field names here are the schema's names.
"""
from haystack import indexes

from .models import Section
from .search.schema import section_text


class SectionIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)
    speech_id = indexes.IntegerField(model_attr="speech_id")
    position = indexes.IntegerField(model_attr="order")
    date = indexes.IntegerField()  # yyyymmdd of the speech, 0 when unknown
    speaker = indexes.CharField()
    city = indexes.CharField()
    year = indexes.CharField()
    occasion = indexes.CharField()
    tag = indexes.MultiValueField()

    def get_model(self):
        return Section

    def index_queryset(self, using=None):
        return Section.objects.select_related("speech__speaker").prefetch_related("tags")

    def prepare_text(self, section):
        return section_text(section.label, section.heading, section.body)

    def prepare_date(self, section):
        date = section.speech.date
        return date.year * 10000 + date.month * 100 + date.day if date else 0

    def prepare_speaker(self, section):
        speaker = section.speech.speaker
        return speaker.name if speaker else ""

    def prepare_city(self, section):
        return section.speech.city

    def prepare_year(self, section):
        return str(section.speech.year or "")

    def prepare_occasion(self, section):
        return section.speech.occasion

    def prepare_tag(self, section):
        return [tag.name for tag in section.tags.all()]
