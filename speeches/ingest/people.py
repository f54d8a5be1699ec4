"""Who spoke, and in which office: '市委副书记、代市长  李**', '北京市市长 殷勇', '龚 正'."""
from __future__ import annotations

import re

from .lexicon import HAN, OCCASION_TITLE, OFFICE_SUFFIX

# Common surnames (single and compound): a two-to-four character line is a name only if it
# starts with one, so that headings like '前言' or '提纲' are not taken for people.
_SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚"
    "符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆"
    "农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋"
    "商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乐匡钮国鞠习粟陈楼郁晋")
_SURNAMES_2 = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐"}
_MASK = r"[*＊×xX某□○]"
_NAME = re.compile(rf"^(?:[{HAN}]{{2,4}}|[{HAN}]{{1,2}}{_MASK}{{1,3}})$")
# Organs sign documents too ('国务院' / '2026年1月20日'); their names start with a surname character.
_ORGAN = re.compile(r"^(?:国务|全国|中共|党中)|(?:务院|中央|政府|人大|政协|军委|委员会|办公厅|办公室)$")
_OFFICE_END = re.compile(rf"(?:{OFFICE_SUFFIX})$")
_OFFICE_THEN_NAME = re.compile(rf"^(?P<office>.{{0,40}}?(?:{OFFICE_SUFFIX}))\s*(?P<name>[{HAN}\s*＊×xX某·•・]{{2,16}})$")
# Uyghur, Kazakh… names are written with a middle dot ('艾尔肯·吐尼亚孜'); Tibetan names
# ('嘎玛泽登') have no Han surname: after an office both are names as they stand.
_DOTTED_NAME = re.compile(rf"^[{HAN}]{{1,8}}(?:[·•・][{HAN}]{{1,8}}){{1,2}}$")
_NO_SURNAME_NAME = re.compile(rf"^[{HAN}]{{4}}$")
# Characters of the words that follow an office or sit in a dotted heading, never in such names.
_NOT_IN_NAME = re.compile(r"[的了是在和与及会议工作重要讲话报告精神发展建设全面主题中国合作共赢一路年月日]")
_WHO_IN_TITLE = re.compile(rf"^(?P<who>[{HAN}、]{{2,30}}?)(?:同志)?(?:在|于)[{HAN}]")


def clean_name(text: str) -> str | None:
    """'龚 正' -> '龚正'; '李**' stays; a fully masked or non-name string -> None."""
    name = re.sub(r"\s+", "", text).replace("同志", "")
    if not _NAME.match(name) or re.fullmatch(f"{_MASK}+", name) or _ORGAN.search(name):
        return None
    if name[:2] in _SURNAMES_2 or name[0] in _SURNAMES_1:
        return name
    return None


def _minority_name(text: str) -> str | None:
    name = re.sub(r"\s+", "", text)
    if _NOT_IN_NAME.search(name):
        return None
    if _DOTTED_NAME.match(name) or (_NO_SURNAME_NAME.match(name) and not _OFFICE_END.search(name)):
        return name
    return None


def is_office(text: str) -> bool:
    return bool(_OFFICE_END.search(text)) and len(text) <= 40 and "。" not in text


def parse_speaker_line(text: str) -> tuple[str | None, str | None] | None:
    """(name, office) when the whole line is a speaker line, else None."""
    compact = text.strip()
    name = clean_name(compact)
    if name and len(compact) <= 8:
        return name, None
    if len(compact) <= 17 and _DOTTED_NAME.match(compact) and not _NOT_IN_NAME.search(compact):
        return compact, None
    match = _OFFICE_THEN_NAME.match(compact)
    if match:
        name = clean_name(match["name"]) or _minority_name(match["name"])
        office = match["office"].strip()
        masked = re.fullmatch(rf"\s*{_MASK}+\s*(?:同志)?", match["name"])
        if (name or masked) and is_office(office):
            return name, office
    if is_office(compact) and not re.search(r"[在的]", compact):
        return None, compact
    return None


_LETTER_FROM = re.compile(rf"^(?P<who>[{HAN}]{{2,4}}?)(?:给|致)[^。]{{2,60}}的(?:回信|贺信|贺电|复信|信|慰问信|唁电)$")


def speaker_from_title(title: str) -> tuple[str | None, str | None]:
    """'市长在…的讲话' -> (None, '市长'); '陈独秀在…的报告' -> ('陈独秀', None)."""
    letter = _LETTER_FROM.match(title) if "信" in title or "电" in title else None
    if letter and clean_name(letter["who"]):  # '习近平给…的回信', '…致…的贺信': the writer
        return clean_name(letter["who"]), None
    match = _WHO_IN_TITLE.match(title) if OCCASION_TITLE.match(title) else None
    if not match:
        return None, None
    who = match["who"]
    if is_office(who):
        office_then_name = _OFFICE_THEN_NAME.match(who)
        return None, who if not office_then_name else None
    split = re.match(rf"^(?P<office>.+(?:{OFFICE_SUFFIX}))(?P<name>[{HAN}]{{2,3}})$", who)
    if split and clean_name(split["name"]):
        return clean_name(split["name"]), split["office"]
    if len(who) <= 4 and clean_name(who):
        return clean_name(who), None
    return None, None


# Editors' notes in anthologies name the author: '这是毛泽东在…的报告', '毛泽东的这篇文章…',
# '这个布告是毛泽东为…起草的', '毛泽东同志在…'. The name must be followed by one of the words
# such notes use, so that a name merely mentioned in a note does not count.
_AFTER_NAME = (r"(?:同志)?(?=在|为|给|对|代|起草|写|所作|于|就|从|以|受|接见|审阅|修改|同|和|继|此文|的这"
               r"|[〇○一二三四五六七八九\d]{2})")
_NOTE_AUTHOR = [
    re.compile(rf"^这是(?P<name>[{HAN}]{{2,3}}?){_AFTER_NAME}"),
    re.compile(rf"^(?P<name>[{HAN}]{{2,3}}?)(?:同志在|(?:同志)?(?:的这[篇部个封份]|此文|起草的))"),
]
# Only at the start of the note: '是/由' + a name is common in history told by the note itself.
_NOTE_OPENING = re.compile(rf"^[^。]{{0,30}}?(?:是|系|由)(?P<name>[{HAN}]{{2,3}}?){_AFTER_NAME}")
# Anywhere in the note, a name that did something to *this* piece: '毛泽东在这篇文章中…',
# '毛泽东在这次会议上所作的报告', '…同时写了这篇文章', '都是毛泽东为新华社写的评论'.
# The name starts a clause or follows 是/由 ('都是毛泽东为…'): not the tail of '…全会在这次…'.
_THIS_PIECE = re.compile(
    rf"(?:^|(?<=[，。；：、“（>\s是由]))(?P<name>[{HAN}]{{2,3}}?)(?:同志)?"
    rf"(?:在这[篇个次份封]|在本文|(?:批驳|针对|为了)[^。，]{{0,12}}，同时写了这篇|为[^。，]{{1,12}}写的)"
)
_BODY_ENDINGS = set("会委部院局厅社报党军府团组处")  # 全会, 大会, 中央军委…: bodies, not authors
# Cheap tests first: the patterns below try every position of a paragraph, and most paragraphs
# (every opening of a modern speech) contain none of these words.
_NOTE_WORDS = re.compile(r"这是|同志在|的这[篇部个封份]|此文|起草的")
_PIECE_WORDS = re.compile(r"在这[篇个次份封]|在本文|同时写了这篇|写的")
_SENTENCE_END = re.compile(r"(?<=[。！？；])")


def speaker_from_note(paragraph: str) -> str | None:
    """The author named by an editor's note at the top of an anthology piece."""
    match = _NOTE_OPENING.match(paragraph)
    if match and clean_name(match["name"]):
        return clean_name(match["name"])
    for sentence in _SENTENCE_END.split(paragraph)[:8] if _NOTE_WORDS.search(paragraph) else ():
        for pattern in _NOTE_AUTHOR:
            match = pattern.match(sentence)
            if match and clean_name(match["name"]):
                return clean_name(match["name"])
    for match in _THIS_PIECE.finditer(paragraph) if _PIECE_WORDS.search(paragraph) else ():
        if clean_name(match["name"]) and match["name"][-1] not in _BODY_ENDINGS:
            return clean_name(match["name"])
    return None
