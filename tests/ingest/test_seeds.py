"""The facts the issue states about each seed, asserted one by one (the golden files hold the rest)."""
from itertools import combinations
from pathlib import Path

import pytest

from speeches.ingest import PartialDate, parse_bytes
from speeches.ingest.fingerprint import VARIANT_THRESHOLD, similarity

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"


def parse(prefix):
    path = next(GOLDEN.glob(f"{prefix}_*.txt"))
    return parse_bytes(path.read_bytes(), filename=path.name)


def top(speech):
    return [s for s in speech.sections if s.kind == "heading"]


def labels(sections):
    return [s.label for s in sections]


def test_000():
    [speech] = parse("000")
    assert speech.title == "在市政府班子务虚会上的讲话（提纲）"
    assert (speech.speaker, speech.speaker_title) == ("李**", "市委副书记、代市长")
    assert speech.date == PartialDate(2021, 1) and speech.date.iso() == "2021-01"
    assert speech.city is None and speech.occasion == "市政府班子务虚会"
    assert labels(top(speech)) == ["第一", "第二", "第三"]
    assert [s.heading for s in top(speech)] == [
        "不仅要正确地干事，更要干正确的事", "不仅要知道干什么，更要知道怎么干", "不仅要加强自身建设，更要加强政府建设"]
    assert speech.sections[0].kind == "opening" and speech.sections[-1].kind == "closing"


@pytest.fixture(scope="module")
def s001():
    return parse("001")


def test_001_five_speeches_without_chrome(s001):
    assert len(s001) == 5
    for speech in s001:
        for chrome in ("首页 > 文库大全", "认真制作", "精品文档", "本文系作者原创投稿", "相关内容", "随机推荐", "五篇材料"):
            assert chrome not in speech.text and chrome not in (speech.title or "")


def test_001_speech_1(s001):
    assert s001[0].title == "在市政府2021年全体会议上的讲话"
    assert labels(top(s001[0])) == ["第一", "第二", "第三", "第四", "第五"]


def test_001_speech_3_title_and_subtitle(s001):
    assert s001[2].title == "牢记嘱托再出发 感恩奋进开新局"
    assert s001[2].subtitle == "——在市政府全体会议上的讲话"


def test_001_speech_4_names_nanchang_where_3_masks(s001):
    assert "南昌" in s001[3].text and "南昌" not in s001[2].text and "XX" in s001[2].text


def test_001_reprints_are_variants(s001):
    for a, b in combinations(s001[1:4], 2):
        assert similarity(a.fingerprint, b.fingerprint) > VARIANT_THRESHOLD


def test_001_speech_5_outline(s001):
    sections = top(s001[4])
    assert labels(sections) == ["一、", "二、", "三、"]
    assert labels(sections[0].children) == ["(一)", "(二)", "(三)"]
    assert labels(sections[1].children) == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)"]
    assert labels(sections[2].children) == ["第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九", "第十"]


def test_002():
    [speech] = parse("002")
    assert speech.title == "市长在市政府全体成员会议上的总结讲话"
    assert speech.speaker_title == "市长" and speech.speaker is None
    assert labels(top(speech)) == ["一、", "二、", "三、"]
    assert [len(s.children) for s in top(speech)] == [3, 3, 3]


def test_003():
    speeches = parse("003")
    assert [s.title for s in speeches] == [f"在市委巡察督查工作会议上的表态发言材料·{n}" for n in (1, 2, 3)]
    for chrome in ("www.hylwhcm.com", "本站小编", "本文来源"):
        assert all(chrome not in s.text for s in speeches)
    assert speeches[0].date == PartialDate(2020)
    assert labels(top(speeches[0])) == ["一、", "二、", "三、", "四、"]
    assert [len(top(s)) for s in speeches[1:]] == [3, 3]


def test_004():
    [speech] = parse("004")
    assert speech.title == "在市政府重点工作推进会上的讲话"
    assert labels(top(speech)) == ["一、", "二、", "三、", "四、"]
    for chrome in ("仅供学习", "会员", "QQ", "酷乐文行"):
        assert chrome not in speech.text
    assert speech.removed.count("酷乐文行整理，咨询QQ206157060") == 2


def test_unrelated_seeds_stay_below_threshold(s001):
    others = [parse(p)[0] for p in ("000", "002", "003", "004")] + [s001[0], s001[4]]
    for a, b in combinations(others + [s001[1]], 2):
        assert similarity(a.fingerprint, b.fingerprint) < VARIANT_THRESHOLD / 3
