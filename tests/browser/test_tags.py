"""Accounts and reader tags in real Chromium: register, sign in, tag with suggestions, find the
section through the tag facet; tag a search and undo it; hostile tag names run no script."""
import re

import pytest

pytestmark = pytest.mark.browser
PASSWORD = "Browser-pw-24680"


def sign_in(page, site, username):
    page.goto(f"{site}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{site}/")
    assert page.locator(".user-menu summary").inner_text() == username


def tag_bar(page, anchor):
    return page.locator(f'[id="{anchor}"] > .section-tags')


def add_tag(page, anchor, name):
    bar = tag_bar(page, anchor)
    if not bar.locator("details.tag-add").evaluate("details => details.open"):
        bar.locator(".tag-add summary").click()
    bar.locator(".tag-add input[name=name]").fill(name)
    with page.expect_response(re.compile(r"/tags$")):
        bar.get_by_role("button", name="添加").click()
    return bar


def test_register_tag_with_suggestions_and_find_it_through_the_facet(site, page, sample_archive):
    from django.contrib.auth.models import User

    from speeches.search import queue
    from tagging import services

    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    speech = sample_archive.get(title="在市政府2021年全体会议上的讲话")
    first, second = list(speech.sections.filter(kind="heading").order_by("order")[:2])
    curator = User.objects.create_user("curator", "c@example.org", PASSWORD)
    services.tag_add(user=curator, section=first, name="营商环境")  # an existing tag to suggest
    queue.process()

    page.goto(f"{site}/accounts/register/")
    page.fill("#id_username", "写作者")
    page.fill("#id_email", "w@example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="注册").click()
    page.wait_for_url(f"{site}/")
    page.locator(".user-menu summary").click()
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(f"{site}/")
    sign_in(page, site, "写作者")

    page.goto(site + speech.get_absolute_url())
    bar = tag_bar(page, second.anchor)
    bar.locator("summary").click()
    bar.locator("input[name=name]").press_sequentially("營商", delay=50)  # traditional, as typed
    options = bar.locator("datalist option")
    options.first.wait_for(state="attached")
    assert options.first.get_attribute("value") == "营商环境"
    bar.locator("input[name=name]").fill("營商環境")
    with page.expect_response(re.compile(r"/tags$")):
        bar.get_by_role("button", name="添加").click()
    assert bar.locator(".tag-chip a").all_inner_texts() == ["营商环境"]  # one tag, not a second spelling
    page.reload()
    assert tag_bar(page, second.anchor).locator(".tag-chip a").all_inner_texts() == ["营商环境"]

    page.goto(f"{site}/search?q=")
    facet = page.locator('[data-facet="tag"] li a', has_text="营商环境")
    assert facet.locator(".count").inner_text() == "2"
    facet.click()
    page.wait_for_url(re.compile(r"tag="))
    assert "2 节" in page.locator("#summary").inner_text()
    assert not errors


def test_tag_a_search_then_undo(site, page, sample_archive):
    from django.contrib.auth.models import User

    from speeches.search import search

    User.objects.create_user("archivist", "a@example.org", PASSWORD, is_staff=True)
    # Each confirm and undo re-indexes every matching section before the page returns: on a
    # loaded 2-core machine (PostgreSQL run) that took past Playwright's 30 s default once.
    page.set_default_timeout(90_000)
    matching = search(q="落实").count
    sign_in(page, site, "archivist")
    page.goto(f"{site}/search?q=落实")
    page.locator("#tag-search summary").click()
    page.fill("#tag-search input[name=name]", "抓落实")
    page.get_by_role("button", name="下一步：查看影响的段落数").click()
    assert f"将给 {matching} 个段落加上标签“抓落实”" in page.locator(".tag-search-count").inner_text()
    page.get_by_role("button", name=re.compile("确认")).click()
    page.wait_for_url(re.compile(r"/tags/batches/\d+/"))
    assert f"已给 {matching} 个段落加上标签“抓落实”" in page.locator(".tag-batch-status").inner_text()
    batch_url = page.url
    page.goto(f"{site}/search?q=&tag=抓落实")
    assert f"{matching} 节" in page.locator("#summary").inner_text()
    page.goto(batch_url)
    page.get_by_role("button", name="撤销这次操作").click()
    assert "已撤销" in page.locator(".tag-batch-status").inner_text()
    assert page.get_by_role("button", name="撤销这次操作").count() == 0  # one undo
    page.goto(f"{site}/search?q=&tag=抓落实")
    assert page.locator("#no-results").is_visible()


PAYLOADS = ['<img src=x onerror="window.__xss=1">', "<script>window.__xss=2</script>",
            '"><svg onload="window.__xss=3">']


def test_hostile_tag_names_run_no_script_on_any_page(site, page, sample_archive):
    from django.contrib.auth.models import User

    User.objects.create_user("mallory", "m@example.org", PASSWORD)
    speech = sample_archive.get(title="在市政府2021年全体会议上的讲话")
    anchor = speech.sections.filter(kind="heading").order_by("order").first().anchor
    sign_in(page, site, "mallory")
    page.goto(site + speech.get_absolute_url())
    for payload in PAYLOADS:
        bar = add_tag(page, anchor, payload)
        bar.locator(".tag-chip a", has_text=payload[:8]).wait_for()  # rendered by tags.js
        assert page.evaluate("window.__xss") is None
    from speeches.models import Tag

    pages = [speech.get_absolute_url(), "/tags/", "/search?q="] + [t.get_absolute_url() for t in Tag.objects.all()]
    for url in pages:
        page.goto(site + url)
        assert page.evaluate("window.__xss") is None, url
        assert page.locator("img[src=x], svg[onload], .tag-chip script").count() == 0, url
    page.goto(site + speech.get_absolute_url())
    shown = tag_bar(page, anchor).locator(".tag-chip a").all_inner_texts()
    assert sorted(shown) == sorted(PAYLOADS)  # shown as the text the reader typed
