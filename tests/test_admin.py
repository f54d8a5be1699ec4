"""Staff see every model in the admin, with the filters listings need and the section tree inline."""
import pytest
from django.urls import reverse

from tests.factories import make_speech

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(admin_client):
    return admin_client


def test_speech_changelist_filters_by_speaker_city_and_year(staff):
    make_speech("甲", city="南昌市", date=(2020, None, None))
    make_speech("乙", city="上海市", date=(2021, 3, 5))
    url = reverse("admin:speeches_speech_changelist")
    html = staff.get(url, {"city": "南昌市"}).content.decode()
    assert "甲" in html and ">乙<" not in html
    html = staff.get(url, {"year": "2021"}).content.decode()
    assert ">乙<" in html
    for title in ("讲话人", "城市", "年份"):
        assert title in staff.get(url).content.decode()


def test_speech_change_page_shows_section_tree_inline(staff):
    speech = make_speech(sections=[("一、", "提高站位", ["正文"], [("（一）", "加强学习", ["学"], [])])])
    html = staff.get(reverse("admin:speeches_speech_change", args=[speech.pk])).content.decode()
    assert "提高站位" in html and "加强学习" in html and "s1-1" in html


@pytest.mark.parametrize("model", ["speaker", "section", "sourcefile", "tag", "speech"])
def test_every_changelist_renders_and_searches(staff, model):
    make_speech(sections=[("一、", "提高站位", ["正文"], [])])
    response = staff.get(reverse(f"admin:speeches_{model}_changelist"), {"q": "站位"})
    assert response.status_code == 200


def test_a_nul_in_an_admin_search_or_filter_is_a_400_not_a_500(staff):
    make_speech("甲", city="南昌市")
    url = reverse("admin:speeches_speech_changelist")
    for params in ({"q": "甲\x00"}, {"city": "\x00"}):
        response = staff.get(url, params)
        assert response.status_code == 400 and "NUL" in response.content.decode()
    assert staff.get(url, {"q": "甲"}).status_code == 200
