"""The Chinese admin speaks Chinese on every page of the speeches app: labels, column heads, help
texts (the tag chooser's too), actions and the upload pages. English words left in the page body
are only the speeches' own data (file names, anchors) and names such as PDF or SHA-256."""
import html
import re

import pytest
from django.urls import reverse

from speeches import services
from speeches.models import Tag

pytestmark = pytest.mark.django_db
TEXT = ("在全市经济工作会议上的讲话\n（2021年3月5日）\n李某\n同志们：\n今天开会。\n一、提高站位\n"
        "要把高质量发展放在首位。\n谢谢大家。")
# Data and names, not interface words: a file name's extension, the closing section's anchor
# (s-end), the hash's name, the keys the tag chooser's help names, formats and a command.
ALLOWED = {"txt", "end", "SHA", "Control", "Command", "Mac", "PDF", "Word", "docx", "html", "htm", "zip",
           "UTF", "GBK", "manage", "db_worker"}


def body_words(page: str) -> set[str]:
    """English words in the page body (#content, without the sidebar, scripts and icons)."""
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", "", page, flags=re.S)
    page = page[page.find('<div id="content"'):page.find("<footer")]
    said = " ".join(re.findall(r'(?:title|placeholder)="([^"]*)"', page)
                    + re.findall(r'<input type="submit"[^>]* value="([^"]*)"', page))
    text = html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + said)
    return set(re.findall(r"[A-Za-z][A-Za-z_]{2,}", text))


def test_every_speeches_admin_page_is_chinese(admin_client, index_path):
    speech = services.file_import(data=TEXT.encode(), name="a.txt").speeches[0]
    tag = Tag.objects.create(name="发展")
    section = speech.sections.first()
    admin_client.cookies["django_language"] = "zh-hans"
    urls = [reverse("admin:app_list", args=["speeches"]), reverse("admin:speeches_speech_changelist"),
            reverse("admin:speeches_speech_change", args=[speech.pk]), reverse("admin:speeches_section_changelist"),
            reverse("admin:speeches_section_change", args=[section.pk]), reverse("admin:speeches_speaker_changelist"),
            reverse("admin:speeches_speaker_change", args=[speech.speaker_id]),
            reverse("admin:speeches_sourcefile_changelist"), reverse("admin:speeches_sourcefile_change", args=[speech.source_id]),
            reverse("admin:speeches_tag_changelist"), reverse("admin:speeches_tag_change", args=[tag.pk]),
            reverse("admin:speeches_uploadbatch_changelist"), reverse("admin:speeches_upload")]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert not body_words(response.content.decode()) - ALLOWED, (url, body_words(response.content.decode()))
    form = admin_client.get(reverse("admin:speeches_section_change", args=[section.pk])).content.decode()
    assert "按住 Control 键或 Mac 上的 Command 键来选择多项" in form  # the tag chooser's help text
    changelist = admin_client.get(reverse("admin:speeches_speech_changelist")).content.decode()
    assert "用当前解析器重新解析源文件（先预览）" in changelist and "上传讲话稿" in changelist
