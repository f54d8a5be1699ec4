from speeches.ingest.normalise import normalise


def test_fullwidth_digits_and_letters():
    assert normalise("２０２１年ＧＤＰ增长ｘ") == "2021年GDP增长x"


def test_chinese_punctuation_kept():
    assert normalise("同志们：（一）“势”，。！？、；") == "同志们：（一）“势”，。！？、；"


def test_zero_width_and_controls_removed():
    assert normalise("各位\u200b代表\u200d：\x07\ufeff") == "各位代表："


def test_line_endings_unified():
    assert normalise("一\r\n二\r三\u2028四\x0c五") == "一\n二\n三\n四\n五"


def test_nfc():
    assert normalise("Cafe\u0301") == "Café"
    assert normalise("\uf9dc") == "\u9686"  # compatibility ideograph to its unified form


def test_tab_and_nbsp_become_spaces():
    assert normalise("李\t强\xa0") == "李 强 "
