from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaggingConfig(AppConfig):
    name = "tagging"
    verbose_name = _("读者标签")

    def ready(self):
        from . import receivers

        receivers.connect()
