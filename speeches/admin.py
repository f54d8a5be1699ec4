"""The admin edits metadata only, and every write goes through speeches.services.

Speeches come in by upload (speeches.upload) or import_speeches: the admin has no "add" for
speeches, sections or source files, shows texts and the section tree read-only (they come from
the parser; a correction is a re-parse or a metadata edit), and saves and deletes through the
services, so uids, years, variants and the index queue stay right.
"""
from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Section, SourceFile, Speaker, Speech, Tag, UploadBatch, UploadFile
from .upload import views as upload_views
from .upload.batch import create_reparse_batch
from .upload.messages import message_of


class SectionInline(admin.TabularInline):
    model = Section
    fields = ("order", "depth", "kind", "label", "heading", "anchor")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class SpeechForm(forms.ModelForm):
    # A name typed here is found or created, as the parser's names are; a chooser of every speaker
    # would load thousands of rows and cannot take a name not yet stored.
    speaker_name = forms.CharField(label=_("讲话人"), required=False, max_length=100)

    class Meta:
        model = Speech
        fields = ("title", "subtitle", "speaker_title", "date", "date_precision", "city", "occasion")
        help_texts = {"date_precision": _("只知年份或年月时，日期填该年（月）的第一天，精度选“年”或“月”。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False  # an untitled speech stays untitled (the page says 无题)
        if self.instance.speaker_id:
            self.fields["speaker_name"].initial = self.instance.speaker.name


@admin.register(Speech)
class SpeechAdmin(admin.ModelAdmin):
    form = SpeechForm
    list_display = ("title", "speaker", "speaker_title", "date", "date_precision", "city", "occasion")
    list_filter = (("title", admin.EmptyFieldListFilter), "speaker", "city", "year", "date_precision")  # 无题
    search_fields = ("title", "subtitle", "speaker__name", "occasion", "city")
    list_select_related = ("speaker",)
    readonly_fields = ("uid", "canonical", "source", "position", "cleaned_text", "created", "modified")
    fieldsets = (
        (None, {"fields": ("title", "subtitle", "speaker_name", "speaker_title", ("date", "date_precision"),
                           "city", "occasion")}),
        (_("来源"), {"fields": ("uid", "canonical", "source", "position", "created", "modified")}),
        (_("清洗后正文"), {"fields": ("cleaned_text",), "classes": ("collapse",)}),
    )
    inlines = [SectionInline]
    actions = ["reparse"]

    def has_add_permission(self, request):
        return False  # new texts come in through the upload page, parsed

    def has_upload_permission(self, request):
        return request.user.has_perm(upload_views.PERMISSION)

    @admin.action(description=_("用当前解析器重新解析源文件（先预览）"), permissions=["upload"])
    def reparse(self, request, queryset):
        sources = list(SourceFile.objects.filter(pk__in=queryset.values("source")).order_by("pk"))
        if not sources:
            self.message_user(request, _("所选讲话没有保存源文件，无法重新解析。"), messages.ERROR)
            return None
        batch = create_reparse_batch(user=request.user, sources=sources)
        return redirect("admin:speeches_upload_preview", batch.pk)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        services.speech_update(
            speech=obj, speaker=data["speaker_name"], date=data["date"], date_precision=data["date_precision"],
            **{name: data[name] for name in services.EDITABLE})

    def delete_model(self, request, obj):
        services.speech_delete(speech=obj)

    def delete_queryset(self, request, queryset):
        for speech in queryset.order_by("pk"):
            services.speech_delete(speech=speech)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    """Sections are the parser's output; staff only attach tags here."""

    list_display = ("__str__", "speech", "kind", "depth", "anchor")
    list_filter = ("kind", "depth", "speech__speaker", "speech__city", "speech__year")
    search_fields = ("heading", "body", "speech__title")
    fields = ("speech", "parent", "order", "kind", "label", "heading", "body", "depth", "anchor", "tags")
    readonly_fields = ("speech", "parent", "order", "kind", "label", "heading", "body", "depth", "anchor")
    filter_horizontal = ("tags",)

    def has_add_permission(self, request):
        return False

    # A section goes with its speech or a re-parse, never alone. (Not has_delete_permission: the
    # admin asks it for every section when a speech is deleted, and would refuse that.)
    def delete_view(self, request, object_id, extra_context=None):
        raise PermissionDenied

    def get_actions(self, request):
        return {}

    def render_change_form(self, request, context, *args, **kwargs):
        context["show_delete_link"] = False
        return super().render_change_form(request, context, *args, **kwargs)


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(SourceFile)
class SourceFileAdmin(admin.ModelAdmin):
    """The files as received: kept for re-parsing, never edited."""

    list_display = ("name", "size", "checksum", "imported_at")
    search_fields = ("name", "checksum")
    exclude = ("data",)
    readonly_fields = ("name", "size", "checksum", "imported_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(Tag)


class UploadFileInline(admin.TabularInline):
    model = UploadFile
    fields = ("position", "name", "kind", "size", "status", "reason", "outcome")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # As for the batch: whoever may upload sees what became of each file.
        return request.user.has_perm(upload_views.PERMISSION) or super().has_view_permission(request, obj)

    @admin.display(description=_("原因"))
    def reason(self, obj):
        return message_of(obj.error)  # stored as msgid and values: shown in the reader's language

    @admin.display(description=_("结果"))
    def outcome(self, obj):
        result = obj.result or {}
        if not result:
            return ""
        return _("讲话 %(speeches)s 篇，其中变体 %(variants)s 篇；已存在或未变 %(unchanged)s 篇") % {
            "speeches": len(result.get("speeches", [])), "variants": result.get("variants", 0),
            "unchanged": result.get("unchanged", 0)}


@admin.register(UploadBatch)
class UploadBatchAdmin(admin.ModelAdmin):
    """Each upload as recorded: who, when, which files, and what became of each."""

    list_display = ("__str__", "user", "status", "confirmed", "finished")
    list_filter = ("status",)
    readonly_fields = ("user", "created", "status", "confirmed", "finished", "heartbeat")
    exclude = ("task_id",)  # django-tasks' id, of no use to staff
    inlines = [UploadFileInline]

    def get_urls(self):
        return upload_views.urls() + super().get_urls()

    def has_view_permission(self, request, obj=None):
        # Whoever may upload sees the batches (and through them the upload page) in the admin index.
        return request.user.has_perm(upload_views.PERMISSION) or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
