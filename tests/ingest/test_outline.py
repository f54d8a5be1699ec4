from speeches.ingest.outline import build


def tree(sections):
    return [(s.label, s.heading, tree(s.children)) for s in sections]


def test_levels_nest_in_order_of_appearance():
    opening, sections, closing = build([
        "同志们：", "一、政府工作面临的形势和任务", "(一)加快发展具备良好的基础", "正文。",
        "(二)加快发展有着难得的机遇", "二、全面加强政府自身建设", "第一，坚持奋发有为，建设绩效政府。要熟悉规则。",
        "第二，坚持以民为本", "1.要转变职能", "2、要减少审批", "（1）小项", "同志们，心齐风正事业兴。", "谢谢大家。"])
    assert opening == ["同志们："]
    assert tree(sections) == [
        ("一、", "政府工作面临的形势和任务", [("(一)", "加快发展具备良好的基础", []), ("(二)", "加快发展有着难得的机遇", [])]),
        ("二、", "全面加强政府自身建设", [
            ("第一", "坚持奋发有为，建设绩效政府", []),
            ("第二", "坚持以民为本", [("1.", "要转变职能", []), ("2、", "要减少审批", [("（1）", "小项", [])])])]),
    ]
    assert closing == ["同志们，心齐风正事业兴。", "谢谢大家。"]


def test_heading_rest_is_first_body_paragraph():
    _, sections, _ = build(["第一，高定标准。无论是谋划长远还是推进工作。", "一要把高标准体现出来。二要落实。"])
    assert sections[0].label == "第一" and sections[0].heading == "高定标准"
    assert sections[0].paragraphs == ("无论是谋划长远还是推进工作。", "一要把高标准体现出来。二要落实。")


def test_enumerations_are_not_headings():
    opening, sections, _ = build(["一是向上看，就是要对标。二是跟着干。", "一要善于学习。二要勇于担当。"])
    assert sections == [] and len(opening) == 2


def test_glued_headings_after_colon_and_full_stop():
    opening, sections, _ = build([
        "今天又亲临我局。下面,我代表统计局党组郑重表态:一、以讲政治的高度,充分认识巡察工作的重要性。",
        "开展巡察工作是创新举措,我们要抓好巡察整改。二、以严肃认真的态度,强化责任落实。巡察是发现问题。",
        "三、以求真务实的作风逐项抓好整改。对于反馈的问题。"])
    assert opening == ["今天又亲临我局。下面,我代表统计局党组郑重表态:"]
    assert [(s.label, s.heading) for s in sections] == [
        ("一、", "以讲政治的高度,充分认识巡察工作的重要性"), ("二、", "以严肃认真的态度,强化责任落实"),
        ("三、", "以求真务实的作风逐项抓好整改")]
    assert sections[0].paragraphs == ("开展巡察工作是创新举措,我们要抓好巡察整改。",)
    assert sections[1].paragraphs == ("巡察是发现问题。",)


def test_out_of_sequence_markers_stay_body():
    opening, sections, _ = build(["正文提到：三、这不是标题。", "5.也不是标题", "1.4%的增长不是标题"])
    assert sections == [] and len(opening) == 3


def test_heading_ends_at_lost_line_break():
    _, sections, _ = build(["第一,要把握一个“势”字,就是要知势、蓄势、借势 古话说,自知定心,方能知人;审时度势。"])
    assert sections[0].heading == "要把握一个“势”字,就是要知势、蓄势、借势"
    assert sections[0].paragraphs == ("古话说,自知定心,方能知人;审时度势。",)


def test_no_headings_closing_at_the_end():
    opening, sections, closing = build(["同志们：", "正文。", "正文二。", "谢谢大家！"])
    assert opening == ["同志们：", "正文。", "正文二。"] and closing == ["谢谢大家！"]


def test_malformed_numerals_are_body_not_crashes():
    opening, sections, _ = build(["十十、不是标题", "第十十，也不是", "（三二）也不是"])
    assert sections == [] and len(opening) == 3


def test_short_heading_keeps_its_spaces():
    """Issue 14 item 7: news bulletin items were cut at their first space."""
    _, sections, _ = build(["1.【奋进新征程 建功新时代】各地干部群众热议全会精神；",
                            "2.中共中央 国务院印发《关于全面推进美丽中国建设的意见》；",
                            "3.花开中国 春意绽放；"])
    assert [s.heading for s in sections] == ["【奋进新征程 建功新时代】各地干部群众热议全会精神",
                                             "中共中央 国务院印发《关于全面推进美丽中国建设的意见》",
                                             "花开中国 春意绽放"]
