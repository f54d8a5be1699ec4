"""A note's card as HTML, built in Python: a speech page may carry hundreds of notes, and the
template engine's per-variable cost made 200 cards most of the page's server time (profiled:
~4x a speech without notes; format_html was still half of what remained). Every value is
escaped with html.escape (quotes too) before it goes into the markup, so bodies stay text."""
from __future__ import annotations

from html import escape
from urllib.parse import quote

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

PK = 987654321  # stands for the note's id in a reversed URL, filled per card


def labels(request) -> dict:
    """The words of a card, translated once per page; plus what every card of the page shares."""
    words = {
        "was": _("写笔记时的原文："), "mine_public": _("我的笔记 · 公开"), "mine_private": _("我的笔记 · 仅自己可见"),
        "edit": _("编辑或删除"), "hidden": _("已被管理员隐藏"), "hide": _("隐藏（管理员）"), "show": _("恢复显示"),
    }
    words = {key: escape(value) for key, value in words.items()}
    words.update({
        "here": escape(request.get_full_path()), "next": escape(quote(request.get_full_path())),
        "user": request.user, "csrf": escape(get_token(request)) if request.user.is_staff else "",
        "edit_url": reverse("note_edit", args=[PK]), "hide_url": reverse("note_hide", args=[PK]),
    })
    return words


def body_html(body: str) -> str:
    """Plain text with its line breaks: escaped, then each newline a <br>."""
    return "<br>".join(escape(line) for line in body.split("\n"))


def note_card(note, words: dict) -> SafeString:
    own = note.author_id == words["user"].pk
    classes = "note-card" + (" public" if note.public else "") + (" hidden-note" if note.hidden else "")
    place = ""
    if getattr(note, "paragraph", None):
        place = (f' data-section="{escape(note.section_anchor)}" data-paragraph="{int(note.paragraph)}"'
                 f' data-start="{int(note.paragraph_start)}" data-end="{int(note.paragraph_end)}"')
    was = ""
    if note.written_on and note.written_on != note.exact:
        was = f'<p class="note-was">{words["was"]}{escape(note.written_on)}</p>'
    if own:
        url = words["edit_url"].replace(str(PK), str(int(note.pk)))
        who = f'{words["mine_public" if note.public else "mine_private"]} · <a href="{url}?next={words["next"]}">{words["edit"]}</a>'
    else:
        who = f'<span class="author">{escape(note.author.get_username())}</span>'
    hidden = f' · <strong>{words["hidden"]}</strong>' if note.hidden else ""
    created = timezone.localtime(note.created)
    return mark_safe(
        f'<li class="{classes}" id="note-{int(note.pk)}" data-note="{int(note.pk)}"{place}>'
        f'<blockquote class="note-quote">{escape(note.exact)}</blockquote>{was}'
        f'<div class="note-body">{body_html(note.body)}</div>'
        f'<p class="note-meta">{who} · <time datetime="{created.isoformat()}">{created.date().isoformat()}</time>'
        f'{hidden}</p>{"" if own else hide_form(note, words)}</li>'
    )


def hide_form(note, words: dict) -> str:
    if not (words["user"].is_staff and note.public):
        return ""
    url = words["hide_url"].replace(str(PK), str(int(note.pk)))
    return (f'<form class="note-hide" method="post" action="{url}">'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{words["csrf"]}">'
            f'<input type="hidden" name="next" value="{words["here"]}">'
            f'<input type="hidden" name="hidden" value="{"0" if note.hidden else "1"}">'
            f'<button type="submit">{words["show"] if note.hidden else words["hide"]}</button></form>')
