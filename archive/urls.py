from django.contrib import admin
from django.urls import include, path, register_converter

from speeches import api, views

class NameConverter:
    """A path segment without NUL: PostgreSQL refuses NUL in text, so such a URL is a 404, not a 500."""

    regex = "[^/\x00]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(NameConverter, "name")

urlpatterns = [
    path("", views.home, name="home"),
    path("search", views.search, name="search"),
    path("search/kwic", views.concordance, name="concordance"),
    path("search/kwic.csv", views.concordance_csv, name="concordance_csv"),
    path("api/search", api.search, name="api_search"),
    path("speeches/<name:uid>/", views.speech_detail, name="speech"),
    path("speeches/<name:uid>/diff/<name:other>/", views.speech_diff, name="speech_diff"),
    path("speakers/<name:name>/", views.speaker_detail, name="speaker"),
    path("cities/<name:name>/", views.city_detail, name="city"),
    path("years/<int:year>/", views.year_detail, name="year"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
