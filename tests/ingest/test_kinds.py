"""The kinds of file staff upload (tests/ingest/samples.py), parsed as written: metadata,
evidence spans, what is left out of the text, and the outline of one-line texts."""
import pytest

from speeches.ingest import parse_bytes

from .samples import DATELINE, FOOTNOTE, LETTER, ONE_LINE, POLICY, PROVINCIAL_REPORT, SAMPLES

FIELDS = ("title", "subtitle", "speaker", "speaker_title", "date", "city", "occasion")


def parse(text: str):
    [speech] = parse_bytes(text.encode("utf-8"), filename="x.txt")
    return speech


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_metadata_as_the_text_states_it(name):
    text, expected = SAMPLES[name]
    speech = parse(text)
    got = {field: getattr(speech, field) for field in FIELDS}
    got["date"] = speech.date.iso() if speech.date else None
    assert got == expected


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_value_has_evidence_in_the_original(name):
    speech = parse(SAMPLES[name][0])
    for field in FIELDS:
        if getattr(speech, field):
            evidence = speech.evidence[field]
            assert speech.original[evidence.start: evidence.end] == evidence.text and evidence.rule
    for cut in speech.removed_lines:
        assert speech.original[cut.start: cut.end] == cut.text


def test_evidence_points_at_the_stated_words():
    speech = parse(PROVINCIAL_REPORT)
    assert speech.evidence["speaker"].text == "王晓东" and speech.evidence["speaker"].rule == "speaker line"
    assert speech.evidence["city"].text == "河北省" and speech.evidence["city"].rule == "province in speaker_title"
    assert speech.evidence["date"].text.startswith("——2025年1月14日")
    one_line = parse(ONE_LINE)
    assert one_line.evidence["city"].text == "南宁"
    assert one_line.evidence["city"].rule == "place in date note"


def test_header_lines_are_not_text():
    speech = parse(PROVINCIAL_REPORT)
    assert speech.text.startswith("各位代表：") and "王晓东" not in speech.text


def test_one_line_text_gets_its_outline():
    speech = parse(ONE_LINE)
    assert speech.text.startswith("尊敬的各位来宾，女士们，先生们，朋友们：")
    headings = [(s.label, s.heading) for s in speech.sections if s.kind == "heading"]
    assert headings == [("第一", "深化互联互通"), ("第二", "拓展合作领域")]
    assert "\n" in speech.text  # paragraphs, not one line


def test_footnote_gives_speaker_date_occasion_and_leaves_the_text():
    speech = parse(FOOTNOTE)
    assert speech.text.startswith("今年是全面推进美丽中国建设的关键一年。")
    assert "※" not in speech.text and "周国栋" not in speech.text
    assert [s.heading for s in speech.sections if s.kind == "heading"] == [
        "充分认识生态文明建设的重要地位", "扎实推进污染防治攻坚"]
    assert ("footnote" in {cut.rule for cut in speech.removed_lines})


def test_dateline_and_photo_credit_are_not_text():
    speech = parse(DATELINE)
    assert "新华社" not in speech.text and "摄" not in speech.text
    assert "数字经济已经成为推动经济增长的重要力量。" in speech.text
    assert {"dateline", "photo credit"} <= {cut.rule for cut in speech.removed_lines}


def test_letter_keeps_its_address_and_invents_no_speaker():
    speech = parse(LETTER)
    assert speech.text.startswith("青海省玉树州第一民族中学的同学们：") and speech.speaker is None
    assert "2021年6月1日" not in speech.text


def test_signed_letter_names_its_writer():
    speech = parse(LETTER.replace("2021年6月1日", "张三丰\n2021年6月1日"))
    assert speech.speaker == "张三丰" and speech.date.iso() == "2021-06-01"


def test_policy_document_has_no_speaker_and_keeps_its_outline():
    speech = parse(POLICY)
    assert speech.speaker is None and speech.speaker_title is None
    assert [s.label for s in speech.sections if s.kind == "heading"] == ["一、", "二、"]


def test_news_report_letter_with_news_below():
    text = ("回信乡亲们：你们好！来信收到了。得知你们日子越过越红火，我感到很高兴。希望你们继续守护好绿水青山。"
            "王建国2020年8月30日（新华社北京8月31日电）新华社北京8月31日电在水库建成60周年之际，王建国给乡亲们回信，"
            "向他们致以诚挚问候。《 人民日报 》（ 2020年09月01日 01 版）")
    speech = parse(text)
    assert (speech.title, speech.speaker, speech.date.iso(), speech.city) == ("回信", "王建国", "2020-08-30", "北京")
    assert "人民日报" not in speech.text and "在水库建成60周年之际" in speech.text


def test_speech_database_row_without_header_dates_from_its_dateline():
    text = ("同志们：今天我们召开会议。一、关于形势会议认为，形势总体向好。二、关于任务要抓好落实。"
            "（新华社长沙9月19日电）《 人民日报 》（ 2020年09月20日 02 版）")
    speech = parse(text)
    assert (speech.title, speech.speaker, speech.date.iso(), speech.city) == (None, None, "2020-09-19", "长沙")
    assert speech.evidence["date"].rule == "dateline"


def test_place_is_never_a_meeting_name():
    speech = parse("在全省经济工作会议上的讲话\n同志们：\n今天我们开会。")
    assert speech.city is None and speech.occasion == "全省经济工作会议"


def test_dateline_glued_before_the_title_and_a_byline():
    text = ("新华社北京3月8日电 中共中央 国务院关于进一步深化农村改革的意见\n本报记者 赵亮 王敏\n（2025年2月23日）\n"
            "一、总体要求\n做好今年农村改革工作，要坚持稳中求进。\n二、重点任务\n抓好粮食生产。")
    speech = parse(text)
    assert (speech.title, speech.date.iso(), speech.city, speech.speaker) == (
        "中共中央 国务院关于进一步深化农村改革的意见", "2025-02-23", "北京", None)
    assert "本报记者 赵亮 王敏" in speech.removed and "记者" not in speech.text


def test_parenthesised_subtitle_name_after_the_date_note_and_captions():
    text = ("政府工作报告\n（2026年1月25日在湖南省第十四届人民代表大会第五次会议上）\n"
            "▲1月25日，大会隆重开幕。\n（2026年1月25日）周　洁\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n"
            "一、过去一年工作回顾\n全省经济稳中向好。")
    speech = parse(text)
    assert (speech.title, speech.speaker, speech.date.iso(), speech.city) == ("政府工作报告", "周洁", "2026-01-25", "湖南省")
    assert speech.occasion == "湖南省第十四届人民代表大会第五次会议" and "大会隆重开幕" not in speech.text
