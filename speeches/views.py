"""Pages. Views stay thin: queries live on the models, search in speeches.search."""
from django.db.models import Count
from django.shortcuts import render

from .models import Section, Speaker, Speech


def home(request):
    speeches = Speech.objects.all()
    context = {
        "stats": {
            "speeches": speeches.count(),
            "sections": Section.objects.count(),
            "speakers": Speaker.objects.count(),
            "years": speeches.exclude(year=None).values("year").distinct().count(),
        },
        "latest": speeches.select_related("speaker").order_by("-created")[:10],
        "top_speakers": Speaker.objects.annotate(n=Count("speeches")).filter(n__gt=0).order_by("-n")[:10],
    }
    return render(request, "home.html", context)
