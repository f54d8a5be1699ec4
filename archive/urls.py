from django.contrib import admin
from django.urls import include, path

from speeches import api, views

urlpatterns = [
    path("", views.home, name="home"),
    path("search", views.search, name="search"),
    path("search/kwic", views.concordance, name="concordance"),
    path("search/kwic.csv", views.concordance_csv, name="concordance_csv"),
    path("api/search", api.search, name="api_search"),
    path("healthz", api.healthz, name="healthz"),
    path("speeches/<str:uid>/", views.speech_detail, name="speech"),
    path("speeches/<str:uid>/diff/<str:other>/", views.speech_diff, name="speech_diff"),
    path("speakers/<str:name>/", views.speaker_detail, name="speaker"),
    path("cities/<str:name>/", views.city_detail, name="city"),
    path("years/<int:year>/", views.year_detail, name="year"),
    path("", include("annotations.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accounts.urls")),
    path("", include("tagging.urls")),
    path("admin/", admin.site.urls),
]
