"""Layout a reader sees, measured as element boxes in real Chromium at a desktop and a phone width:
the in-context table, the sticky match bar, and pages that ask for nothing that is not there."""
import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

TEXT_BOX = """el => { const r = document.createRange(); r.selectNodeContents(el);
  const b = r.getBoundingClientRect(); return {left: b.left, right: b.right, width: b.width}; }"""


def box(locator):
    b = locator.bounding_box()
    return {"left": b["x"], "right": b["x"] + b["width"], "top": b["y"], "bottom": b["y"] + b["height"],
            "width": b["width"]}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_in_context_header_sits_over_its_columns_and_the_match_is_never_cut(site, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{site}/search/kwic?q=高质量发展")
    table = box(page.locator("table.kwic"))
    assert table["right"] <= viewport["width"]  # no sideways scrolling
    heads = {name: page.locator(f"table.kwic th.{name}") for name in ("left", "match", "right")}
    rows = page.locator("table.kwic tbody tr:first-child")
    assert rows.count() > 5
    cut_context = 0
    for i in range(rows.count()):
        row = rows.nth(i)
        cells = {name: row.locator(f"td.{name}") for name in ("left", "match", "right")}
        for name, cell in cells.items():  # the same column: same left and right edges
            assert abs(box(cell)["left"] - box(heads[name])["left"]) < 1, (i, name)
            assert abs(box(cell)["right"] - box(heads[name])["right"]) < 1, (i, name)
        match = cells["match"]
        assert match.evaluate("td => td.scrollWidth <= td.clientWidth"), i  # never truncated
        mark = box(match.locator("mark"))
        assert box(match)["left"] <= mark["left"] and mark["right"] <= box(match)["right"], i
        assert match.locator("mark").inner_text() == "高质量发展"
        for side in ("left", "right"):
            # context keeps a readable share of the line and is what shrinks
            assert box(cells[side])["width"] >= 0.2 * table["width"], (i, side)
            cut_context += cells[side].evaluate("td => td.scrollWidth > td.clientWidth")
    assert cut_context > 0  # the 30-character contexts do not fit: they were cut, the match was not
    # each header's text sits where its column's text does: before flush right, match centred, after flush left
    first = {name: box(rows.first.locator(f"td.{name}")) for name in ("left", "match", "right")}
    texts = {name: head.evaluate(TEXT_BOX) for name, head in heads.items()}
    assert first["left"]["right"] - texts["left"]["right"] < 8
    centre = (first["match"]["left"] + first["match"]["right"]) / 2
    assert abs((texts["match"]["left"] + texts["match"]["right"]) / 2 - centre) < 2
    assert texts["match"]["width"] <= first["match"]["width"]  # 命中 on one line, inside its column
    assert texts["right"]["left"] - first["right"]["left"] < 8
    # the source of every line is shown: beside it on a desktop, under it on a phone
    source = page.locator("table.kwic tbody").first.locator(":is(.source, .source-line):visible")
    assert source.count() == 1 and source.locator("a").inner_text()


@pytest.mark.parametrize("target", ["heading", "paragraph"])
def test_on_a_phone_the_match_bar_does_not_cover_where_a_hit_lands(site, page, sample_archive, target):
    page.set_viewport_size(PHONE)
    speech = sample_archive.get(title="在市政府班子务虚会上的讲话（提纲）")
    section = speech.sections.filter(kind="heading", body__contains="落实").order_by("order")[2]
    anchor = section.anchor if target == "heading" else f"{section.anchor}-p1"
    page.goto(f"{site}{speech.get_absolute_url()}?q=落实#{anchor}")
    bar = page.locator(".match-nav")
    bar.wait_for(state="visible")
    page.wait_for_timeout(200)  # the bar has measured itself and the page has re-scrolled
    landed = page.locator(f'[id="{section.anchor}-h"]' if target == "heading" else f'[id="{anchor}"]')
    assert page.evaluate("window.scrollY") > 200  # the page did scroll down to it
    bar_box, landed_box = box(bar), box(landed)
    assert bar_box["top"] == pytest.approx(0, abs=1)  # stuck to the top
    assert bar_box["bottom"] <= landed_box["top"] < PHONE["height"] / 2, (bar_box, landed_box)


def test_every_page_fits_a_phone_and_asks_for_nothing_missing_in_either_language(site, page, sample_archive):
    page.set_viewport_size(PHONE)
    speech = sample_archive.get(title="在市政府班子务虚会上的讲话（提纲）")
    reprint = sample_archive.exclude(canonical=None).first()
    urls = ["/", "/search?q=落实", "/search/kwic?q=落实", speech.get_absolute_url() + "?q=落实",
            f"/speakers/{speech.speaker.name}/", f"/years/{speech.year}/",
            f"/speeches/{reprint.canonical.uid}/diff/{reprint.uid}/", "/search?q=量子纠缠"]
    missing, too_wide = [], []
    page.on("response", lambda r: r.status >= 400 and missing.append(r.url))
    for language in ("English", "中文"):
        for url in urls:
            page.goto(site + url)
            page.wait_for_load_state("networkidle")
            # nothing sticks out sideways: no search button, file name or table past the screen's edge
            if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
                too_wide.append((language, url))
            form = page.locator("main form.search").first
            if form.count() and box(form.locator("button"))["right"] > box(form)["right"] + 1:
                too_wide.append((language, url, "search button"))
        page.get_by_role("button", name=language).click()
        page.wait_for_load_state()
    assert missing == [] and too_wide == []
    icon = page.request.get(site + "/favicon.ico")
    assert icon.ok and icon.headers["content-type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert page.locator('link[rel="icon"]').get_attribute("href") == "/favicon.ico"
