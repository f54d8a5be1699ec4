from speeches.ingest.layout import reflow, split_lines, strip_markup


def test_split_lines_strips_ideographic_space():
    assert split_lines("\u3000\u3000同志们：  \n\n正文") == ["同志们：", "", "正文"]


def test_reflow_joins_link_fragments_in_blank_separated_files():
    paragraphs = ["第一段。", "", "第二段。", "", "第三段。", "", "第四段。", ""]
    lines = ["政府工作报", "告", "", *paragraphs, "通过了根本法——", "中华人民共和国宪法", "，接着又通过。", ""]
    assert reflow(lines) == ["政府工作报告", "", *paragraphs, "通过了根本法——中华人民共和国宪法，接着又通过。", ""]


def test_reflow_keeps_office_and_name_apart():
    lines = ["标题", "", "国务院总理", "李克强", "", "各位代表：", "", "第一段。", "", "第二段。", ""]
    assert reflow(lines) == lines


def test_reflow_leaves_line_per_paragraph_files_alone():
    lines = ["标题", "同志们：", "一、", "正文。"]
    assert reflow(lines) == lines


def test_markdown_markup_removed():
    lines = ["# 《新闻联播》（20220101）", "> 这是编者按。", "**央视网消息**：正文", "[查看原文](https://tv.cctv.com/x)"]
    assert strip_markup(lines) == ["《新闻联播》（20220101）", "这是编者按。", "央视网消息：正文", "查看原文"]


def test_masks_are_not_markdown_outside_markdown_files():
    assert strip_markup(["李**", "（2021年1月**日）"]) == ["李**", "（2021年1月**日）"]


def test_markdown_without_line_breaks_gets_its_lines_back():
    body = "正文第一段。" * 30
    lines = strip_markup(["# 中国社会各阶级的分析（一九二五年十二月一日）> 毛泽东此文是为反对两种倾向而写的。" + body +
                          "## 第二节正文。[查看原文](https://example.org/a.shtml)---〔1〕注释。<!--repaste.body.end-->查看原文"])
    assert lines == ["中国社会各阶级的分析（一九二五年十二月一日）", "毛泽东此文是为反对两种倾向而写的。" + body,
                     "第二节正文。", "查看原文", "---", "〔1〕注释。", "<!--repaste.body.end-->", "查看原文"]
