"""unglue: a one-line text cut back into the lines a reader sees; huge paragraphs bounded."""
from speeches.ingest.pipeline import SECTION_MAX, parse_bytes
from speeches.ingest.paragraphs import PARAGRAPH_MAX
from speeches.ingest.unglue import unglue

BODY = "我们要坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长。" * 8


def test_run_in_header_of_a_speech_database_row():
    line = ("守望相助共克疫情 携手同心推进合作——在某某国家领导人第十二次会晤上的讲话（2020年11月17日，北京）"
            "中华人民共和国主席 赵明远尊敬的各位同事：" + BODY)
    assert unglue([line])[:5] == ["守望相助共克疫情 携手同心推进合作", "——在某某国家领导人第十二次会晤上的讲话",
                                  "（2020年11月17日，北京）", "中华人民共和国主席 赵明远", "尊敬的各位同事："]


def test_name_glued_between_date_note_and_salutation():
    line = "在全国劳动模范表彰大会上的讲话（2020年11月24日）赵明远同志们：" + BODY
    assert unglue([line])[:4] == ["在全国劳动模范表彰大会上的讲话", "（2020年11月24日）", "赵明远", "同志们："]


def test_a_body_that_merely_mentions_a_salutation_is_left_alone():
    line = "今天召开会议，请各位代表认真审议。" + BODY
    assert unglue([line]) == [line]


def test_dateline_publication_line_and_footnote_become_lines():
    line = BODY + "※这是赵明远同志2020年6月2日在座谈会上的讲话。"
    assert unglue([line])[-1] == "※这是赵明远同志2020年6月2日在座谈会上的讲话。"
    line = "新华社北京11月12日电" + BODY + "（新华社北京3月6日电）《 人民日报 》（ 2020年03月07日 02 版）"
    out = unglue([line])
    assert out[0] == "新华社北京11月12日电" and out[-2:] == ["（新华社北京3月6日电）", "《 人民日报 》（ 2020年03月07日 02 版）"]


def test_paragraph_marks_and_outline_markers_start_lines():
    line = "同志们：\u3000\u3000" + BODY + "\u3000\u3000一、认真学习。" + BODY * 5 + "二、狠抓落实。" + BODY
    out = unglue([line])
    assert out[0] == "同志们：" and "一、认真学习。" in [p[:7] for p in out]
    assert any(p.startswith("二、狠抓落实。") for p in out)
    assert "".join(out).replace("\u3000", "") == line.replace("\u3000", "")


def test_short_lines_of_an_ordinary_file_are_untouched():
    lines = ["在全市会议上的讲话", "同志们：", BODY]
    assert unglue(lines) == lines


def test_giant_paragraph_is_bounded_and_nothing_is_lost():
    sentence = "，经济运行总体平稳" * 20_000  # one 180,000-character sentence with no full stop
    text = "各位代表：" + sentence + "。"
    [speech] = parse_bytes(text.encode("utf-8"), filename="huge.txt")
    assert max(len(p) for p in speech.text.split("\n")) <= PARAGRAPH_MAX

    def sizes(sections):
        for section in sections:
            yield sum(len(p) for p in section.paragraphs)
            yield from sizes(section.children)

    assert max(sizes(speech.sections)) <= SECTION_MAX
    assert speech.text.replace("\n", "") == text
    assert [child.heading for child in speech.sections[0].children][:2] == ["（续）", "（续）"]


def test_title_and_date_note_on_one_line():
    assert unglue(["在全市经济工作会议上的讲话（2019年6月3日）", "同志们："]) == [
        "在全市经济工作会议上的讲话", "（2019年6月3日）", "同志们："]
    assert unglue(["星星之火，可以燎原（一九三○年一月五日）"]) == ["星星之火，可以燎原", "（一九三○年一月五日）"]


def test_letter_titled_with_its_writer_then_address_then_signature():
    line = ("赵明远给某某县希望小学同学们的回信某某县希望小学同学们：你们好！来信收到了。"
            "希望你们好好学习，天天向上。赵明远2025年5月30日")
    assert unglue(["首页", line]) == ["首页", "赵明远给某某县希望小学同学们的回信", "某某县希望小学同学们：",
                                     "你们好！来信收到了。希望你们好好学习，天天向上。", "赵明远", "2025年5月30日"]


def test_news_headline_glued_before_its_dateline():
    line = "某某对安全生产工作作出重要指示新华社北京1月5日电 某某近日对安全生产工作作出重要指示。" + BODY
    lines = unglue([line])
    assert lines[:2] == ["某某对安全生产工作作出重要指示", "新华社北京1月5日电"]
    assert lines[2].startswith("某某近日对安全生产工作作出重要指示。")


def test_name_glued_between_date_note_and_body():
    line = "在企业家座谈会上的讲话（2020年7月21日）赵明远今天，我们召开一个企业家座谈会。" + BODY
    lines = unglue([line])
    assert lines[:3] == ["在企业家座谈会上的讲话", "（2020年7月21日）", "赵明远"]
    assert lines[3].startswith("今天，我们召开一个企业家座谈会。")
    # no opening word after the would-be name: the body is left whole
    assert unglue(["在某会议上的讲话（2020年7月21日）王家坝闸开闸泄洪。" + BODY])[2].startswith("王家坝闸")


def test_plain_header_on_one_short_line_is_not_folded_into_the_title():
    assert unglue(["在全市安全生产工作会议上的讲话 （2023年5月8日） 市长 王建华", "同志们："]) == [
        "在全市安全生产工作会议上的讲话", "（2023年5月8日）", "市长 王建华", "同志们："]
    # something else after the note: the line stays as it is
    line = "关于《某某条例（草案）》的说明（2023年5月8日）在常委会上"
    assert unglue([line, "同志们："])[0] == line
    speech = parse_bytes("在全市安全生产工作会议上的讲话 （2023年5月8日） 市长　李　强\n同志们：\n今天开会。".encode(),
                         filename="x.txt")[0]
    assert (speech.title, speech.speaker, speech.speaker_title, speech.date.iso()) == (
        "在全市安全生产工作会议上的讲话", "李强", "市长", "2023-05-08")


def test_congratulatory_letter_without_address_on_one_line():
    line = ("赵明远致某某博览会的贺信值此某某博览会开幕之际，我谨代表中国政府和中国人民，对博览会的召开表示热烈的祝贺！"
            "赵明远2018年11月5日")
    assert unglue([line]) == ["赵明远致某某博览会的贺信", "值此某某博览会开幕之际，我谨代表中国政府和中国人民，对博览会的召开表示热烈的祝贺！",
                              "赵明远", "2018年11月5日"]
    first_sentence = "我收到了你们的信，很高兴。" + BODY
    assert unglue([first_sentence])[0].startswith("我收到了你们的信，很高兴。")


def test_a_letter_named_inside_a_news_bulletin_is_not_cut():
    lines = ["本期节目主要内容：", "1.某某听取述职报告；", "3.赵明远给天津大学全体师生的回信激励广大学子和教育科技工作者砥砺前行 奋发有为；",
             "赵明远在致某某的贺电中指出，建交30年来，两国关系与时俱进，开拓创新，始终保持蓬勃发展势头。"]
    assert unglue(lines) == lines
