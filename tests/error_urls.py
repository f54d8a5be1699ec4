"""A URLconf with a view that fails, to see the 500 page a visitor would get."""
from django.urls import path

from archive.urls import urlpatterns as site_urls


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken), *site_urls]
