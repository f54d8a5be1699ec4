from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnotationsConfig(AppConfig):
    name = "annotations"
    verbose_name = _("笔记")

    def ready(self):
        from speeches.signals import sections_replaced

        from .services import notes_reanchor

        def reanchor_notes(sender, speech, **kwargs):
            notes_reanchor(speech=speech)

        # Strong reference (weak=False): the receiver is a local function.
        sections_replaced.connect(reanchor_notes, weak=False, dispatch_uid="annotations.reanchor")
