from speeches.ingest.metadata import extract
from speeches.ingest.model import PartialDate


def meta_of(text, hint=None):
    return extract([line.strip() for line in text.split("\n") if line.strip()], hint_title=hint)


def test_title_office_name_and_masked_date():
    meta = meta_of("在市政府班子务虚会上的讲话（提纲）\n市委副书记、代市长  李**\n（2021年1月**日）\n同志们：\n正文。")
    assert meta.title == "在市政府班子务虚会上的讲话（提纲）"
    assert (meta.speaker, meta.speaker_title, meta.date) == ("李**", "市委副书记、代市长", PartialDate(2021, 1))
    assert meta.occasion == "市政府班子务虚会" and meta.city is None
    assert meta.body == ["同志们：", "正文。"]


def test_two_line_title_and_subtitle():
    meta = meta_of("牢记嘱托再出发\n感恩奋进开新局\n——在市政府全体会议上的讲话\n同志们:\n正文。")
    assert meta.title == "牢记嘱托再出发 感恩奋进开新局"
    assert meta.subtitle == "——在市政府全体会议上的讲话" and meta.occasion == "市政府全体会议"


def test_dated_subtitle_gives_date_and_occasion_and_city():
    meta = meta_of("政府工作报告\n——2026年1月25日在上海市第十六届人民代表大会第四次会议上\n上海市市长 龚 正\n各位代表：\n正文。")
    assert meta.date == PartialDate(2026, 1, 25)
    assert meta.occasion == "上海市第十六届人民代表大会第四次会议"
    assert (meta.speaker, meta.speaker_title, meta.city) == ("龚正", "上海市市长", "上海市")


def test_office_line_then_name_line():
    meta = meta_of("政府工作报告\n国务院总理\n李克强\n各位代表：\n正文。")
    assert (meta.speaker, meta.speaker_title) == ("李克强", "国务院总理")


def test_chinese_numeral_date_and_name_at_top():
    meta = meta_of("在全市工作会议上的讲话\n北京市市长 殷勇\n二〇二六年一月二十五日\n同志们：\n正文。")
    assert meta.date == PartialDate(2026, 1, 25) and meta.city == "北京市" and meta.speaker == "殷勇"


def test_date_at_the_bottom_with_masked_month():
    meta = meta_of("在巡察工作会议上的表态发言\n尊敬的各位领导:\n正文。\n谢谢大家。\n2020年*月18日")
    assert meta.date == PartialDate(2020) and meta.body[-1] == "谢谢大家。"


def test_office_from_title():
    meta = meta_of("市长在市政府全体成员会议上的总结讲话\n同志们：\n正文。")
    assert (meta.speaker, meta.speaker_title, meta.occasion) == (None, "市长", "市政府全体成员会议")


def test_nothing_invented():
    meta = meta_of("同志们：\n今天我们开会。\n一、认真学习\n正文。")
    assert (meta.title, meta.speaker, meta.speaker_title, meta.date, meta.city, meta.occasion) == (None,) * 6


def test_hint_title_used_when_the_text_has_none():
    assert meta_of("同志们：\n正文。", hint="在市政府全体会议上的讲话").title == "在市政府全体会议上的讲话"


def test_in_text_title_wins_over_hint():
    assert meta_of("在市政府全体会议上的讲话\n同志们：\n正文。", hint="市政府全体会议上讲话").title == "在市政府全体会议上的讲话"


def test_lone_title_then_short_body_lines():
    meta = meta_of("《新闻联播》（20220101）\n新闻摘要\n本期节目主要内容：\n1.甲；")
    assert meta.title == "《新闻联播》（20220101）" and meta.date == PartialDate(2022, 1, 1)
    assert meta.body[0] == "新闻摘要"


def test_editors_note_names_author():
    meta = meta_of("论反对日本帝国主义的策略\n（一九三五年十二月二十七日）\n这是毛泽东在陕北瓦窑堡党的活动分子会议上所作的报告。\n正文。")
    assert meta.speaker == "毛泽东" and meta.date == PartialDate(1935, 12, 27)


def test_occasion_from_opening_sentence():
    meta = meta_of("各位代表：\n现在我代表中华人民共和国国务院向第一届全国人民代表大会第三次会议提出报告，请予审查。")
    assert meta.occasion == "第一届全国人民代表大会第三次会议"
