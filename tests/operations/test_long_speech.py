"""A very long speech is read a part at a time; links into any part still land."""
import re

import pytest

from speeches import reading
from tests.factories import make_speech

pytestmark = pytest.mark.django_db


def long_speech(sections=12, chars=19_000):
    return make_speech("很长的讲话", sections=[
        ("", f"第{n}节", [f"第{n}节正文。" + "发展" * (chars // 2)], []) for n in range(1, sections + 1)
    ])


def test_a_long_speech_page_shows_one_part_of_bounded_size(client):
    speech = long_speech()  # 228,000 characters of text
    response = client.get(speech.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200 and len(html) < 2.5 * reading.PART_CHARS * 3  # UTF-8 bytes of a part
    shown = re.findall(r'<section class="section[^"]*" id="(s\d+)"', html)
    assert shown == [f"s{n}" for n in range(1, 6)]  # 5 × 19,000 characters fill a part
    assert "分 3 部分显示；这是第 1 部分" in html and 'href="?part=2"' in html
    html2 = client.get(speech.get_absolute_url(), {"part": 2}).content.decode()
    assert re.findall(r'<section class="section[^"]*" id="(s\d+)"', html2) == [f"s{n}" for n in range(6, 11)]


def test_a_link_to_a_paragraph_in_another_part_is_sent_to_that_part(client):
    speech = long_speech()
    response = client.get(speech.get_absolute_url(), {"section": "s12-p1"})
    assert response.status_code == 302 and response["Location"].endswith("?part=3#s12-p1")
    assert 'id="s12-p1"' in client.get(response["Location"].split("#")[0]).content.decode()
    html = client.get(speech.get_absolute_url()).content.decode()
    assert "js/parts.js" in html


@pytest.mark.parametrize("part", ["0", "4", "x", "99999999"])
def test_a_part_out_of_range_is_a_404(client, part):
    assert client.get(long_speech().get_absolute_url(), {"part": part}).status_code == 404


def test_a_short_speech_is_one_page_as_before(client):
    speech = make_speech(sections=[("一、", "发展", ["坚持发展。"], []), ("二、", "改革", ["深化改革。"], [])])
    html = client.get(speech.get_absolute_url()).content.decode()
    assert 'id="s1"' in html and 'id="s2"' in html and "部分显示" not in html and "parts.js" not in html
