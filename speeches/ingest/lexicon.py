"""Words and markers shared by several steps (structure, not boilerplate: see patterns.py)."""
from __future__ import annotations

import re

CN_DIGITS = "〇零一二三四五六七八九十百两"
HAN = r"\u4e00-\u9fff"

# What a speech title ends with, after the optional "(提纲)" / "（摘要）".
TITLE_NOUN = (r"(?:讲话|讲话稿|发言|发言稿|发言材料|致辞|贺词|报告|工作报告|演讲|演说|讲稿|表态|"
              r"总结|动员|提纲|决议|主持词|讲评|党课|辅导报告|开幕词|闭幕词|答记者问|谈话|指示)")
TITLE_LIKE = re.compile(
    rf"^[^。！？!?]{{0,60}}{TITLE_NOUN}(?:稿|材料)?(?:[（(][^）)]{{1,8}}[）)])?(?:[·•・]\s*\d+)?$")


def looks_like_title(text: str) -> bool:
    """TITLE_LIKE, with the length test first: the regex is too slow for every body line."""
    return len(text) <= 90 and bool(TITLE_LIKE.match(text))


OCCASION_TITLE = re.compile(rf"^[^。]{{0,10}}在(?P<occ>[^。]{{2,50}}?)(?:上|中|期间|之际)?的[^。]{{0,12}}{TITLE_NOUN}")

SALUTATION = re.compile(
    r"^(?:同志们|各位代表|各位委员|各位领导|各位同事|各位来宾|各位嘉宾|尊敬的|女士们|先生们|"
    r"朋友们|亲爱的|大家好|老师们|同学们)")
CLOSING_CUE = re.compile(
    r"^(?:同志们[，,！!]|各位代表[，,！!]|朋友们[，,！!]|谢谢(?:大家|各位)?[。！!.]?$|谢谢大家)")
SENTENCE_END = "。！？!?；;…"

# Office words: a line or title part ending with one of these names an office, not a person.
OFFICE_SUFFIX = (
    "总书记|副书记|书记|副市长|代市长|市长|副县长|代县长|县长|副区长|代区长|区长|副省长|代省长|省长|"
    "副州长|州长|副镇长|镇长|乡长|副主席|主席|副总理|总理|副部长|部长|副局长|局长|副厅长|厅长|"
    "副主任|主任|常委|委员|秘书长|副组长|组长|副院长|院长|校长|行长|董事长|总经理|经理|处长|科长|"
    "所长|社长|会长|理事长|司令员|政委|检察长|团长|师长|军长|旗长|盟长|党组成员|负责人|专员")
