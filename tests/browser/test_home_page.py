import pytest

pytestmark = pytest.mark.browser


def test_home_page_in_chinese_with_empty_state(live_server, page):
    page.goto(live_server.url + "/")
    assert page.get_attribute("html", "lang") == "zh-Hans"
    empty = page.locator("#empty-state")
    assert empty.is_visible()
    assert "档案库还是空的" in empty.inner_text()
    # The search box takes focus so a visitor can type straight away.
    assert page.evaluate("document.activeElement.id") == "q"
