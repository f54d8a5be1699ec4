"""Step 3's data: what site chrome and ads look like. Add a pattern here, not in clean.py.

Each entry is (kind, regex); kinds name the removal in tests and docs. Regexes are searched on
a stripped line; see clean.py for what happens to a match.
"""
from __future__ import annotations

import re

# A whole line of chrome.
LINE = [
    ("breadcrumb", r"^(?:(?:当前位置|您的位置|您现在的位置)[:：]\s*)?(?:首页|主页|网站首页)\s*(?:>|›|»|＞|→|/)"
                   r"|^(?:当前位置|您的位置|您现在的位置)[:：].{0,40}[>›»＞]"),
    ("banner", r"^【[^】]*(?:www\.|\.com|\.cn|\.net|\.org)[^】]*】$"),
    ("source", r"^(?:本文来源|文章来源|来源网址|原文链接|原文地址|本文链接|本文地址|转载请注明)[:：]?\s*\S*(?:https?://|www\.)"),
    ("blurb", r"本站小编|小编(?:为|给)(?:大家|您)|希望(?:能|可以|对)?(?:帮助|帮到|对)(?:到)?(?:大家|您|你)"
              r"|以下是.{0,40}(?:为大家|为您|给大家)(?:带来|整理|收集|准备|分享|推荐)"),
    ("header", r"仅供(?:学习|参考|个人)[^。]{0,12}(?:禁止|请勿|严禁|不得)(?:外传|转载|传播|商用)"),
    ("ad", r"^精品(?:文档|资料)$"),
    ("ad", r"认真制作.{0,3}质量一流"),
    ("ad", r"本文系作者原创(?:投稿)?"),
    ("ad", r"下载后可.{0,8}(?:修改|编辑)|(?:可|任意)编辑修改"),
    ("ad", r"^(?:【[^】]{2,12}】)?举报.{0,20}(?:赠送|奖励)"),
    ("page info", r"^(?:发布时间|发布日期|发表时间|时间|日期)[:：].{0,60}(?:来源|作者|浏览|点击|字号|编辑)"
                  r"|(?:浏览次数|点击数|阅读次数|访问量|阅读量)[:：]\s*\d+|^【?字号[:：]?\s*[【\[]?大|^(?:打印本页|关闭窗口|分享到)"),
    ("markup", r"^<!--.*-->$"),
    ("markup", r"^\[?(?:查看原文|阅读原文|原文链接)\]?\(?https?://\S*\)?$"),
    ("markup", r"^(?:查看原文|阅读原文|点击查看原文)$"),
    ("markup", r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$"),
]

# A line from which everything to the end of the file is chrome (when what follows is short).
TAIL = [
    ("tail", r"^(?:相关内容|相关文章|相关推荐|相关阅读|热门阅读|热门文章|最新更新|最新文章|随机推荐|"
             r"猜你喜欢|推荐阅读|延伸阅读|上一篇|下一篇)[:：]?"),
    ("licence", r"^(?:本作品(?:是|在|根据|来自|属于|采用)|这部作品在|此作品(?:是|在)|Public domain$)"),
    ("tail", r"^更新时间[:：]\s*\d{4}-\d{2}-\d{2}"),
]

# A prefix of ad words in front of real text: "精品文档 在市政府全体会议上的讲话".
PREFIX = [
    ("ad", r"^(?:精品文档|精品资料|优质文档|WORD格式|word格式|可编辑版)\s*(?=\S)"),
]

# Words that make a line at the top of a file an advert (see clean.drop_ad_header).
AD_SIGNAL = re.compile(r"QQ|qq|微信|公众号|会员|订阅|举报|倒卖|咨询|客服|下载|淘宝|www\.|\.com|"
                       r"仅供|禁止外传|版权|整理|平台|资料|权益")

LINE_RE = [(kind, re.compile(rx)) for kind, rx in LINE]
TAIL_RE = [(kind, re.compile(rx)) for kind, rx in TAIL]
PREFIX_RE = [(kind, re.compile(rx)) for kind, rx in PREFIX]
# One combined pattern lets the common case (no chrome on this line) cost a single search.
ANY_LINE = re.compile("|".join(f"(?:{rx})" for _, rx in LINE + TAIL + PREFIX))

# Every pattern above needs one of these; plain substring tests rule out most body lines far
# faster than the combined regex can (sre tests the first characters of a literal
# alternation with one lookup). A new pattern must add its trigger here (a test checks).
TRIGGERS = (
    "首页", "主页", "位置", "【", "来源", "原文", "链接", "地址", "转载", "小编", "希望", "以下是", "仅供",
    "精品", "优质", "WORD", "word", "可编辑", "认真制作", "原创", "下载后", "编辑修改", "举报", "<!--",
    "---", "***", "___", "===", "相关", "热门", "最新", "随机", "猜你", "推荐", "延伸", "上一篇", "下一篇",
    "本作品", "这部作品", "此作品", "Public", "更新时间", "时间", "日期", "浏览", "点击", "阅读", "访问",
    "字号", "打印", "关闭窗口", "分享",
)


_TRIGGER = re.compile("|".join(map(re.escape, TRIGGERS)))


def may_be_chrome(line: str) -> bool:
    return _TRIGGER.search(line) is not None
