from django import template
from django.urls import reverse

from speeches.models import Section

from .. import services

register = template.Library()


@register.inclusion_tag("tagging/_section_tags.html", takes_context=True)
def section_tags(context, section):
    """The tag bar under a section of the speech page: one query per page, not per section."""
    request = context["request"]
    cache = request.__dict__.setdefault("_section_tags", {})
    if section.speech_id not in cache:
        sections = Section.objects.filter(speech_id=section.speech_id).values("pk")
        cache[section.speech_id] = services.section_tags(request.user, sections)
    uid = section.speech.uid
    return {
        "tags": cache[section.speech_id].get(section.pk, []),
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "section": section,
        "add_url": reverse("section_tag", args=[uid, section.anchor, "add"]),
        "remove_url": reverse("section_tag", args=[uid, section.anchor, "remove"]),
        "api_url": reverse("api_section_tags", args=[uid, section.anchor]),
        "api_remove_url": reverse("api_section_untag", args=[uid, section.anchor]),
    }
