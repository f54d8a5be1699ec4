"""Third-party apps under names the admin can translate: django-axes and django-tasks' database
backend give their apps English names that gettext never sees, so the Chinese admin's sidebar
read "Axes" and "Tasks Database Backend" (issue 14.10). Their model names are gettext strings
and are translated in locale/zh_Hans/LC_MESSAGES/django.po."""
from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class Axes(AxesAppConfig):
    verbose_name = _("登录限制")


class TasksDatabase(TasksAppConfig):
    verbose_name = _("后台任务")
