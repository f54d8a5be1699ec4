"""One normalisation for text and queries; literal strings, no database."""
import pytest

from speeches.search.normalize import normalize


@pytest.mark.parametrize("raw, expected", [
    ("發展", "发展"),
    ("臺灣經濟", "台湾经济"),
    ("ＧＤＰ增长５％", "gdp增长5%"),
    ("Ｈｅｌｌｏ　Ｗｏｒｌｄ", "hello world"),
    ("“十四五”规划，（二）", "“十四五”规划,(二)"),
    ("GDP", "gdp"),
    ("乾隆", "干隆"),  # character by character: 乾 is always 干, in text and query alike
    ("著作", "著作"),
    ("新质生产力", "新质生产力"),
])
def test_folds_width_case_and_script(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", ["㈠㈡", "ß", "ﬁ", "İstanbul", "\u3000\n\t", "𠀀𪚥", "a\x00b", ""])
def test_keeps_one_character_for_one(raw):
    # Offsets found in the normalised text must mark the same characters in the original.
    assert len(normalize(raw)) == len(raw)


def test_is_idempotent():
    text = "發展ＧＤＰ，Ｈｅｌｌｏ　乾隆著作"
    assert normalize(normalize(text)) == normalize(text)
