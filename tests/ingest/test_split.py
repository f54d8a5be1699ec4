from speeches.ingest.split import split


def chunks_of(text):
    lines = list(enumerate(text.split("\n")))
    return [([t for _, t in c.lines if t], c.hint_title, [t for _, t, _ in c.dropped]) for c in split(lines)]


BODY = "同志们：\n今天我们召开会议，部署全年工作，大家要认真落实，确保各项任务按期完成。"


def test_single_speech_is_one_chunk():
    assert len(chunks_of("在全市会议上的讲话\n" + BODY)) == 1


def test_pieces_and_compilation_title():
    text = ("在市政府全体会议上的讲话(五篇材料)\n在市政府全体会议上的讲话(五篇材料)\n"
            "第一篇:在市政府全体会议上的讲话\n在市政府全体会议上的讲话\n" + BODY +
            "\n第二篇:市政府全体会议上讲话\n" + BODY)
    chunks = chunks_of(text)
    assert [hint for _, hint, _ in chunks] == ["在市政府全体会议上的讲话", "市政府全体会议上讲话"]
    assert chunks[0][2] == ["在市政府全体会议上的讲话(五篇材料)"] * 2
    assert chunks[0][0][0] == "在市政府全体会议上的讲话"


def test_numbered_materials():
    text = "\n".join(f"在巡察工作会议上的表态发言材料·{n}\n{BODY}" for n in (1, 2, 3))
    chunks = chunks_of(text)
    assert [c[0][0] for c in chunks] == [f"在巡察工作会议上的表态发言材料·{n}" for n in (1, 2, 3)]


def test_repeated_title_lines():
    text = "\n".join(f"在全市经济工作会议上的讲话\n{BODY}\n第{n}段不同。" for n in "一二")
    assert len(chunks_of(text)) == 2


def test_title_then_salutation_starts_a_speech():
    text = ("在全市经济工作会议上的讲话\n" + BODY + "\n牢记嘱托再出发\n——在市政府全体会议上的讲话\n" + BODY)
    chunks = chunks_of(text)
    assert len(chunks) == 2 and chunks[1][0][:2] == ["牢记嘱托再出发", "——在市政府全体会议上的讲话"]


def test_body_mention_of_a_title_does_not_split():
    text = "在全市经济工作会议上的讲话\n" + BODY + "\n会议听取了市长的报告。\n一、认真学习\n正文。"
    assert len(chunks_of(text)) == 1


def test_title_repeated_below_the_text_does_not_start_a_speech():
    text = "在全市经济工作会议上的讲话\n" + BODY + "\n在全市经济工作会议上的讲话\n"
    assert len(chunks_of(text)) == 1


def test_headline_repeated_on_every_page_of_a_long_article_is_one_speech():
    text = ("政府工作报告\n——2026年1月25日在某某省第十四届人民代表大会第五次会议上\n各位代表：\n一、过去一年工作回顾\n"
            "过去一年，全省经济运行稳中有进，主要指标好于预期。\n政府工作报告\n（二）着力扩大有效需求。重大项目建设加快推进。\n"
            "政府工作报告\n二、今年工作安排\n今年是开局之年。\n各位代表！让我们团结奋斗！")
    assert len(chunks_of(text)) == 1


def test_a_closing_cue_is_not_an_opening_salutation():
    text = "在全市经济工作会议上的讲话\n" + BODY + "\n在全市经济工作会议上的讲话\n同志们！让我们团结奋斗！"
    assert len(chunks_of(text)) == 1
