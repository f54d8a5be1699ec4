from django.contrib import admin

from .models import Section, SourceFile, Speaker, Speech, Tag


class SectionInline(admin.TabularInline):
    model = Section
    fields = ("order", "depth", "kind", "label", "heading", "anchor")
    readonly_fields = ("anchor",)
    extra = 0
    show_change_link = True


@admin.register(Speech)
class SpeechAdmin(admin.ModelAdmin):
    list_display = ("title", "speaker", "speaker_title", "date", "date_precision", "city", "occasion")
    list_filter = ("speaker", "city", "year", "date_precision")
    search_fields = ("title", "subtitle", "speaker__name", "occasion", "city")
    list_select_related = ("speaker",)
    raw_id_fields = ("canonical", "source")
    readonly_fields = ("uid", "checksum", "content_checksum", "created", "modified")
    exclude = ("fingerprint",)
    inlines = [SectionInline]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "speech", "kind", "depth", "anchor")
    list_filter = ("kind", "depth", "speech__speaker", "speech__city", "speech__year")
    search_fields = ("heading", "body", "speech__title")
    raw_id_fields = ("speech", "parent")
    filter_horizontal = ("tags",)


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(SourceFile)
class SourceFileAdmin(admin.ModelAdmin):
    list_display = ("name", "size", "checksum", "imported_at")
    search_fields = ("name", "checksum")
    exclude = ("data",)
    readonly_fields = ("name", "size", "checksum", "imported_at")


admin.site.register(Tag)
