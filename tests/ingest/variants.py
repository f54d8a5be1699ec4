"""Metamorphic variants of a speech file: the same speech as other sites and tools deliver it.

Each variant must parse to the same metadata and the same text (white space aside) as the
file it was made from. Used by tests/ingest/test_robustness.py on the committed samples and
by bench/robustness.py on the labelled corpus files.

    for kind, data in variants(text, date="2025-01-14"): ...
"""
from __future__ import annotations

import re

# Five portal styles: (above the article, after its title line, below the article). Tokens,
# order, spacing and separators differ; two carry a photo caption. Names are invented.
CHROME = {
    "newspaper": (
        "首页\n要闻\n时政\n当前位置：首页 > 要闻 > 时政\n",
        "来源：河北日报\n2025-11-06 10:15:42\n【字号：大 中 小】\n下载\n打印\n全屏\n收藏\n分享到：\n",
        "责任编辑：张三\n相关阅读\n省政府召开常务会议\n全省经济工作会议在石家庄召开\n",
    ),
    "government": (
        "网站首页 | 政务公开 | 政务服务 | 互动交流\n您的位置：首页 > 政务公开 > 政策文件\n",
        "发布时间：2026-01-28 09:30 来源：省政府办公厅\n【字体：加大 还原 减小】\n打印本页 关闭窗口\n",
        "【责任编辑：李四】\n上一篇：关于做好春节期间安全工作的通知\n下一篇：省政府常务会议召开\n"
        "主办单位：省人民政府办公厅 ICP备案号：冀ICP备05012345号\n",
    ),
    "portal_caption": (
        "新闻中心\n当前位置: 首页 » 新闻中心 » 本网原创\n",
        "时间：2026-01-27\n作者：王敏\n1月25日，大会在省会隆重开幕。本报记者 赵亮 摄\n分享 微信 微博 QQ空间\n",
        "扫一扫在手机打开当前页\n网站地图 | 联系我们 | 关于我们\n版权所有 © 2026 某某日报社\n",
    ),
    "epaper": (
        "数字报\n上一版 下一版\n2026年01月28日 星期三\n",
        "放大 缩小 默认\n图为会议现场。新华社发\n",
        "返回目录\n本网站所有内容版权归某某日报社所有\n",
    ),
    "spaced": (
        "首页  新闻  要闻\n  当前位置：首页＞新闻＞要闻  \n",
        "  稿源：人民网  \n  编辑：赵敏  \n打印  |  关闭\n",
        "相关新闻\n【视频】代表委员热议政府工作报告\n返回顶部\n",
    ),
}

DATELINE_PREFIX = "新华社{city}{month}月{day}日电 "
DATELINE_SUFFIX = "（新华社{city}{month}月{day}日电）"


def variants(text: str, expected: dict) -> list[tuple[str, bytes, dict]]:
    """(kind, file bytes, expected metadata) for every variant of text; expected holds the
    file's own metadata (keys title, speaker, date, city…). Only a dateline may add to it:
    the city when the file names none, and the day when its date lacks one."""
    lines = text.strip("\n").split("\n")
    out = [("no line breaks", "".join(line.strip() for line in lines).encode("utf-8"), expected)]
    sep = "\n\n" if _blank_separated(lines) else "\n"  # chrome laid out as the file is
    for style, chrome in CHROME.items():
        top, after_title, bottom = (part.rstrip("\n").split("\n") for part in chrome)
        inside = sep + sep.join(after_title) + sep if len(lines) > 1 else ""
        body = lines[0] + inside + "\n".join(lines[1:]).strip("\n")
        wrapped = sep.join(top) + sep + body + sep + sep.join(bottom) + "\n"
        out.append((f"chrome {style}", wrapped.encode("utf-8"), expected))
    line, with_dateline = _dateline(expected)
    before = DATELINE_PREFIX.format(**line).strip() + sep + text
    after = text.rstrip("\n") + sep + DATELINE_SUFFIX.format(**line) + "\n"
    out.append(("dateline before", before.encode("utf-8"), with_dateline))
    out.append(("dateline after", after.encode("utf-8"), with_dateline))
    out.append(("CRLF", text.replace("\n", "\r\n").encode("utf-8"), expected))
    try:
        out.append(("GBK", text.encode("gbk"), expected))
    except UnicodeEncodeError:  # traditional or rare characters: no GBK file of this text exists
        pass
    out.append(("full-width spaces", _full_width(text).encode("utf-8"), expected))
    return out


def _dateline(expected: dict) -> tuple[dict, dict]:
    """A dateline that agrees with the file (its day, its city) and what the parse should then say."""
    date, city = expected.get("date"), expected.get("city")
    month, day = (int(date[5:7]), 8) if date and len(date) >= 7 else (3, 8)
    if date and len(date) == 10:
        day = int(date[8:10])
    named = city if city and not city.endswith(("省", "自治区")) else "北京"
    then = dict(expected, city=city or named)
    if date:
        then["date"] = f"{date[:4]}-{month:02d}-{day:02d}"
    return {"city": named.removesuffix("市"), "month": month, "day": day}, then


def _blank_separated(lines: list[str]) -> bool:
    """Wikisource-style files put a blank line after every paragraph."""
    filled = [pos for pos, line in enumerate(lines[:-1]) if line.strip()]
    return bool(filled) and sum(1 for pos in filled if not lines[pos + 1].strip()) >= 0.6 * len(filled)


def _full_width(text: str) -> str:
    """Paragraphs indented with two U+3000, spaces inside header lines made U+3000."""
    return "\n".join("\u3000\u3000" + line.replace(" ", "\u3000") if line else line for line in text.split("\n"))


def same_text(a: str, b: str) -> bool:
    """Equal once white space (line breaks, indents) is ignored."""
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)
