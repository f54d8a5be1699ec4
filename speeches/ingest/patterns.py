"""Step 3's data: what site chrome and ads look like. Add a pattern here, not in clean.py.

Each entry is (kind, regex); kinds name the removal in tests and docs. Regexes are searched on
a stripped line; see clean.py for what happens to a match.
"""
from __future__ import annotations

import re

# A whole line of chrome.
LINE = [
    ("breadcrumb", r"^(?:(?:当前位置|您的位置|您现在的位置)[:：]\s*)?(?:首页|主页|网站首页)\s*(?:>|›|»|＞|→|/)"
                   r"|^(?:当前位置|您的位置|您现在的位置)[:：].{0,40}[>›»＞]"
                   # '人民网>>地方>>湖南', '新闻中心 > 省内要闻 > 正文': short names between arrows
                   r"|^[^。，,>＞»›→]{1,12}(?:\s*(?:>>|＞＞|»|›|>|＞|→)\s*[^。，,>＞»›→]{1,12}){2,}$"
                   r"|^[^。，,>＞»›→]{1,12}\s*(?:>>|＞＞|»)\s*[^。，,>＞»›→]{1,12}$"),
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
    # Portal pages: the article's own fields ('来源：河北日报', '【责任编辑：李四】') on a short line.
    ("page info", r"^[【\[（(]?\s*(?:来源|文章来源|信息来源|稿件来源|稿源|时间|发布时间|发布日期|更新时间|作者|"
                  r"责任编辑|编辑|责编|审核|审校|校对|核稿|供稿|撰稿|发布机构|字数|原标题|点击|阅读|浏览)\s*[:：].{0,60}$"),
    ("byline", r"^[（(]?(?:本报|新华社|人民日报|中新社|[\u4e00-\u9fff]{2,10}?(?:日报|晚报|网|台)(?:全媒体)?)?(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}(?:[\s、]+[\u4e00-\u9fff]{2,4}){0,3}[）)]?$"),
    ("footer", r"^.{0,40}(?:版权所有|Copyright|©|ICP备|ICP证|公网安备|网站标识码|主办单位|承办单位|技术支持[:：]|"
               r"联系我们|网站地图|关于我们|扫一扫|在手机打开|返回顶部|返回目录|本网站所有内容|未经授权)"),
]

LINE.append(("footer", r"^(?:扫描二维码|扫码)[^。，,]{0,16}$"))  # not '…可扫码支付。' in a sentence

# A line from which everything to the end of the file is chrome (when what follows is short).
TAIL = [
    ("tail", r"^(?:相关内容|相关文章|相关推荐|相关阅读|热门阅读|热门文章|最新更新|最新文章|随机推荐|"
             r"猜你喜欢|推荐阅读|延伸阅读|上一篇|下一篇|相关新闻|相关链接|相关稿件|相关报道|热点推荐|"
             r"精彩推荐|更多新闻|往期回顾)[:：]?"),
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
    "字号", "打印", "关闭窗口", "分享", "作者", "编辑", "责编", "审核", "审校", "校对", "核稿", "供稿", "撰稿",
    "发布机构", "字数", "稿源", "版权", "Copyright", "©", "ICP", "公网安备", "网站标识码", "主办单位", "承办单位",
    "技术支持", "联系我们", "网站地图", "关于我们", "扫一扫", "在手机打开", "返回", "本网站", "未经授权", "热点",
    "精彩", "更多新闻", "往期", "原标题", "记者", "通讯员", "二维码", "扫码", ">", "＞", "»", "›", "→",
)

# Lines made only of these words are toolbars, navigation or channel names ('下载', '打印',
# '【字号：大 中 小】', '首页 | 要闻 | 时政', '分享到：微信 微博'). A title is never only these.
CHROME_TOKENS = frozenset("""
下载 打印 全屏 收藏 分享 分享到 关闭 关闭窗口 打印本页 打印文章 返回 返回顶部 返回首页 纠错 我要纠错 放大 缩小 默认
大 中 小 加大 还原 减小 字号 字体 微信 微博 QQ空间 QQ 扫一扫 手机版 朋友圈 复制链接 语音播报 视力保护色 保存
评论 点赞 正文 首页 网站首页 新闻 要闻 时政 时政要闻 新闻中心 政务 政务公开 政务服务 互动 互动交流 服务 专题
专题专栏 图片 视频 本网原创 原创 省内 国内 国际 理论 经济 社会 文化 体育 财经 地方 English 无障碍 登录 注册
搜索 繁体 简体 繁體 长者模式 政府信息公开 政策文件 领导之窗 头条 滚动 高层 两会 全国两会 省两会 两会专题
聚焦两会 数字报 电子版 上一版 下一版 上一期 下一期 版面导航 往期回顾 客户端 订阅 今日 导航 菜单 更多
小字号 中字号 大字号 大号 中号 小号 超大号 特大号 标准 T A A+ A- 分享让更多人看到 用手机看 手机看 打开APP
打开客户端 听新闻 朗读 播报 关注 我要分享 收藏本页 设为首页 加入收藏 责编 编辑 版面 本版 PDF 阅读
分享至 打印本文 打印本页 关闭本页 网友评论 我要评论 查看评论 发表评论 评论区 手机阅读 单页阅读 全文阅读 分页阅读
""".split())
_TOKEN_SPLIT = re.compile(r"[\s|｜/·•、:：【】\[\]<>〉〈>»›＞→()（）]+")
_STAMP = r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)"
# A page's stamp with what portals put beside it: a clock time, the source or author
# ('2026年02月03日08:21 | 来源：湖南日报', '人民网 2026-01-29 07:02:11'), or an e-paper's page
# ('河北日报 2026年01月31日 第01版', '第04版：要闻', '版次：A03'). A sign-off date has neither.
STAMPED = re.compile(
    rf"^[^。，,：:]{{0,12}}?{_STAMP}\s*(?:星期[一二三四五六日天]|周[一二三四五六日])?\s*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[|｜]\s*)?(?:(?:来源|稿源|作者|编辑|责任编辑)[:：].{0,40})?"
    r"|(?:[|｜]\s*)?(?:来源|稿源|作者|编辑|责任编辑)[:：].{0,40}"
    r"|(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?(?:[|｜]\s*)?[\u4e00-\u9fff]{1,12}(?:日报|晚报|早报|时报|网|客户端)"
    r"|(?:[|｜]\s*)?(?:第\s*)?[A-Z]?\d{1,3}\s*版(?:[:：].{0,12})?)$"
    r"|^(?:第\s*[A-Z]?\d{1,3}\s*版|版次[:：]\s*[A-Z]?\d{1,3}|版面[:：]).{0,16}$")
# A newspaper's or portal's name alone on a line: '湖南日报', '人民网', '浙江省人民政府门户网站'.
MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{1,12}(?:日报|晚报|早报|时报|新闻网|门户网站|政府网|网站|网|客户端|融媒体中心)"
                      r"(?:\s*(?:https?://)?(?:www\.)?[\w.-]+\.(?:cn|com|net|org)\S*)?$")
# '2025-11-06 10:15:42', '2026年01月28日 星期三', '2025-01-20': a page's publication stamp (a
# sign-off is written '2021年6月1日' or '2021.6.1', which stay dates).
TIMESTAMP = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?"
                       r"|\d{4}年\d{1,2}月\d{1,2}日\s*(?:\d{1,2}:\d{2}(?::\d{2})?|星期[一二三四五六日天]|周[一二三四五六日])"
                       r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)$")


# A long article split over pages: '上一页 1 2 3 4 下一页', '共5页', '【第2页】', '单页阅读'.
PAGINATION = re.compile(r"^(?=.*(?:[上下]一页|尾页|末页|首页|共\s*\d+\s*页|第\s*\d+\s*页))"
                        r"[\s\d|｜/【】\[\]<>«»…\.。]*(?:(?:[上下]一页|尾页|末页|首页|共\s*\d+\s*页|第\s*\d+\s*页|"
                        r"单页阅读|全文阅读|阅读全文|分页阅读)[\s\d|｜/【】\[\]<>«»…\.。]*)+$")


def short_chrome(line: str) -> str | None:
    """The rule a short line of toolbar, navigation or time-stamp chrome falls under, else None."""
    if TIMESTAMP.match(line) or STAMPED.match(line):
        return "timestamp"
    if len(line) <= 50 and MASTHEAD.match(line):
        return "masthead"
    tokens = [t for t in _TOKEN_SPLIT.split(line) if t]
    if tokens and all(t in CHROME_TOKENS for t in tokens):
        return "toolbar"
    if "页" in line and PAGINATION.match(line):
        return "pagination"
    return None


_TRIGGER = re.compile("|".join(map(re.escape, TRIGGERS)))


def may_be_chrome(line: str) -> bool:
    return _TRIGGER.search(line) is not None
