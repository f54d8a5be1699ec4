import pytest

from speeches.ingest.people import clean_name, parse_speaker_line, speaker_from_note, speaker_from_title
from speeches.ingest.places import city_from


@pytest.mark.parametrize("line, expected", [
    ("市委副书记、代市长  李**", ("李**", "市委副书记、代市长")),
    ("北京市市长 殷勇", ("殷勇", "北京市市长")),
    ("龚 正", ("龚正", None)),
    ("习\u3000近\u3000平", ("习近平", None)),
    ("国务院总理\u3000李克强", ("李克强", "国务院总理")),
    ("国务院总理", (None, "国务院总理")),
    ("前言", None),
    ("同志们", None),
    ("在市政府班子务虚会上的讲话（提纲）", None),
])
def test_speaker_line(line, expected):
    assert parse_speaker_line(line) == expected


def test_fully_masked_name_is_none():
    assert clean_name("***") is None and clean_name("XXX") is None and clean_name("李**") == "李**"


@pytest.mark.parametrize("title, expected", [
    ("市长在市政府全体成员会议上的总结讲话", (None, "市长")),
    ("陈独秀在中国共产党第三次全国代表大会上的报告", ("陈独秀", None)),
    ("市委书记张三在全市经济工作会议上的讲话", ("张三", "市委书记")),
    ("在市政府班子务虚会上的讲话", (None, None)),
])
def test_speaker_from_title(title, expected):
    assert speaker_from_title(title) == expected


def test_speaker_from_editors_note():
    assert speaker_from_note("这是毛泽东在延安中国共产党的高级干部会议上的报告提纲。") == "毛泽东"
    assert speaker_from_note("毛泽东此文是为反对当时党内存在着的两种倾向而写的。") == "毛泽东"
    assert speaker_from_note("这是一篇评论。") is None


@pytest.mark.parametrize("note, expected", [
    # A later sentence of the note, and 同志 after the name.
    ("会议于十月召开。这是邓小平同志在会议期间的两次谈话。", "邓小平"),
    # The name did something to this very piece, anywhere in the note.
    ("当时党内有人轻视游击战争。毛泽东批驳了这种观点，同时写了这篇文章。", "毛泽东"),
    ("全会于三月举行。刘少奇在这次会议上所作的报告，提出了……", "刘少奇"),
    ("本文和下面的三篇文章，都是周恩来为新华社写的评论。", "周恩来"),
    # Not the author: a body that is not named by a person, or a person merely mentioned.
    ("全会在这次会议上通过了决议。", None),
    ("会议确立了以毛泽东为代表的领导。", None),
    ("一九三七年七月七日，日本发动了卢沟桥事变。", None),
])
def test_speaker_from_anywhere_in_an_editors_note(note, expected):
    assert speaker_from_note(note) == expected


@pytest.mark.parametrize("office, occasion, header, city", [
    ("北京市市长", None, [], "北京市"),
    (None, "上海市第十六届人民代表大会第一次会议", [], "上海市"),
    ("孟州市委书记", None, [], "孟州市"),
    ("**市市长", None, ["在南昌市工作会议上的讲话"], None),
    ("市委副书记、代市长", "市政府班子务虚会", ["在市政府班子务虚会上的讲话"], None),
    (None, "全市经济工作会议", ["在南昌市经济工作会议上的讲话"], "南昌市"),
    (None, "中央城市工作会议", ["在中央城市工作会议上的讲话"], None),
])
def test_city(office, occasion, header, city):
    assert city_from(office=office, occasion=occasion, header=header) == city


def test_office_with_masked_name():
    assert parse_speaker_line("XX市委书记 ×××") == (None, "XX市委书记")
    assert city_from(office="XX市委书记", occasion=None, header=[]) is None


@pytest.mark.parametrize("title, expected", [
    ("赵明远给某某县希望小学同学们的回信", ("赵明远", None)),
    ("李小华致第十届世界和平论坛的贺信", ("李小华", None)),
    ("中共中央致全国人民的慰问信", (None, None)),  # an organ, not a person
])
def test_letter_writer_in_title(title, expected):
    assert speaker_from_title(title) == expected


def test_footnote_place_where_the_meeting_was_held():
    from speeches.ingest.notes import footnote
    found = footnote("※这是王小明同志2025年11月6日在南昌召开的全省领导干部会议上的讲话。")
    assert found["city"][0] == "南昌" and found["occasion"][0] == "全省领导干部会议"


@pytest.mark.parametrize("organ", ["国务院", "党中央", "全国人大", "全国政协", "中共中央"])
def test_an_organ_signing_a_document_is_no_person(organ):
    assert clean_name(organ) is None


@pytest.mark.parametrize("text, place", [
    ("在湖南考察时的讲话", "湖南"),  # a province as usually written, without 省
    ("在西藏和平解放70周年庆祝大会上的讲话", "西藏"),
    ("这是毛泽东在江西瑞金召开的第二次全国工农兵代表大会上的报告", "瑞金"),  # province + city: the city
    ("在湖南省第十四届人民代表大会第五次会议上", "湖南省"),
    ("在全省经济工作会议上的讲话", None),
])
def test_place_after_zai(text, place):
    from speeches.ingest.places import place_at
    assert place_at(text) == place


@pytest.mark.parametrize("line, expected", [
    ("新疆维吾尔自治区主席　艾尔肯·吐尼亚孜", ("艾尔肯·吐尼亚孜", "新疆维吾尔自治区主席")),  # dotted name
    ("艾尔肯·吐尼亚孜", ("艾尔肯·吐尼亚孜", None)),
    ("西藏自治区主席 嘎玛泽登", ("嘎玛泽登", "西藏自治区主席")),  # no Han surname, after an office
    ("市委书记 重要讲话", None),  # words, not a name
    ("一带一路·合作共赢", None),
])
def test_names_without_a_han_surname(line, expected):
    assert parse_speaker_line(line) == expected
