from django.contrib import admin

from .models import TagBatch, Tagging


@admin.register(Tagging)
class TaggingAdmin(admin.ModelAdmin):
    """Read-only record of who tagged what and when; tags are changed on the site."""

    list_display = ("tag", "speech_uid", "anchor", "user", "private", "created", "section")
    list_filter = ("private",)
    search_fields = ("tag__name", "speech_uid", "user__username")
    readonly_fields = [f.name for f in Tagging._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(TagBatch)
class TagBatchAdmin(admin.ModelAdmin):
    list_display = ("tag", "action", "query", "count", "user", "created", "undone")
    readonly_fields = [f.name for f in TagBatch._meta.fields]

    def has_add_permission(self, request):
        return False
