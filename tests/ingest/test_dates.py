import pytest

from speeches.ingest.dates import is_date_line, parse_compact_date, parse_date
from speeches.ingest.model import PartialDate


@pytest.mark.parametrize("text, expected", [
    ("（2021年1月**日）", PartialDate(2021, 1, None)),
    ("2020年*月18日", PartialDate(2020, None, None)),
    ("二〇二六年一月二十五日", PartialDate(2026, 1, 25)),
    ("——2026年1月25日在市委全会上", PartialDate(2026, 1, 25)),
    ("（一九四○年三月十一日）", PartialDate(1940, 3, 11)),
    ("（一九二九年十二月）", PartialDate(1929, 12, None)),
    ("（一九四六年十一月、一九四七年四月）", PartialDate(1946, 11, None)),
    ("2017年10月18日", PartialDate(2017, 10, 18)),
    ("2021年XX月XX日", PartialDate(2021, None, None)),
    ("2021年13月5日", PartialDate(2021, None, None)),
    ("没有日期", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_iso_and_precision():
    assert PartialDate(2021, 1).iso() == "2021-01" and PartialDate(2021, 1).precision == "month"
    assert PartialDate(2020).iso() == "2020" and PartialDate(2026, 1, 25).iso() == "2026-01-25"


def test_date_line():
    assert is_date_line("（2021年1月**日）")
    assert is_date_line("2020年*月18日")
    assert not is_date_line("2020年是全面脱贫、全面小康和“十三五”规划收官之年。")
    assert not is_date_line("在市政府2021年全体会议上的讲话")


def test_compact_date_only_from_parenthesised_digits():
    assert parse_compact_date("《新闻联播》（20220101）") == PartialDate(2022, 1, 1)
    assert parse_compact_date("在市政府2021年全体会议上的讲话") is None


def test_malformed_chinese_numerals():
    assert parse_date("2021年十十月三二日") == PartialDate(2021)


@pytest.mark.parametrize("text, expected", [
    ("（2021.01.05）", PartialDate(2021, 1, 5)),
    ("2021-1-5", PartialDate(2021, 1, 5)),
    ("2021/1/5 上午", PartialDate(2021, 1, 5)),
])
def test_numeric_dates(text, expected):
    assert parse_date(text) == expected and is_date_line(text)


def test_date_line_with_time_of_day():
    assert is_date_line("2021年3月5日上午") and not is_date_line("2021年工作要点")
