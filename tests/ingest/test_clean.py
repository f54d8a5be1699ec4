from speeches.ingest.clean import clean


def run(text):
    kept, removed = clean(text.split("\n"))
    return [t for _, t in kept if t], [t for _, t, _ in removed]


BODY = "同志们：\n今天我们召开这次会议，主要任务是部署全年工作。\n一、提高站位\n正文内容在这里。"


def test_breadcrumb():
    kept, removed = run("首页 > 文库大全 > 心得体会 > 其他心得体会\n" + BODY)
    assert removed == ["首页 > 文库大全 > 心得体会 > 其他心得体会"]
    assert kept[0] == "同志们："


def test_site_banner_blurb_and_source_footer():
    text = ("【www.hylwhcm.com--党建工作总结】\n发言(fā yán),动词。以下是本站小编为大家带来的表态发言材料 3篇,希望能帮助到大家!\n"
            + BODY + "\n本文来源:http://www.hylwhcm.com/gongzuozongjie/40746/")
    kept, removed = run(text)
    assert removed[0] == "【www.hylwhcm.com--党建工作总结】"
    assert removed[1].startswith("发言(fā yán)")
    assert removed[2].startswith("本文来源:http://")
    assert kept == BODY.split("\n")


def test_ads_and_prefix():
    text = ("第二篇:市政府全体会议上讲话\n认真制作,质量一流,排版规范。(下载后可 根据需要 修改)\n"
            "精品文档 在市政府全体会议上的讲话\n本文系作者原创投稿,仅供学习参考,请勿照搬照抄!\n" + BODY)
    kept, removed = run(text)
    assert "在市政府全体会议上的讲话" in kept
    assert removed == ["认真制作,质量一流,排版规范。(下载后可 根据需要 修改)", "精品文档",
                       "本文系作者原创投稿,仅供学习参考,请勿照搬照抄!"]


def test_related_content_tail():
    kept, removed = run(BODY + "\n谢谢大家。\n相关内容\n热门阅读\n最新更新\n随机推荐")
    assert removed == ["相关内容", "热门阅读", "最新更新", "随机推荐"]
    assert kept[-1] == "谢谢大家。"


def test_tail_marker_mid_file_does_not_swallow_the_speech():
    long_body = "\n".join(["这是一段很长的正文内容，用来确认不会误删。" * 5] * 30)
    kept, removed = run("相关推荐\n" + long_body)
    assert len(kept) == 30 and removed == ["相关推荐"]


def test_wikisource_licence_tail():
    text = BODY + "\n本作品是中华人民共和国的法律、法规，国家机关的决议……属于公有领域。\nPublic domain\nfalse"
    kept, removed = run(text)
    assert removed[0].startswith("本作品是中华人民共和国的")
    assert "false" in removed and kept[-1] == "正文内容在这里。"


def test_ad_header_block():
    text = ("仅供学习 禁止外传\n酷乐文行\n自建平台、实时分享\n现在订阅立享前3年的所有权益和资料\n\n【打击倒卖活动】\n"
            "会员群：            免费QQ群：\n\n\n在市政府重点工作推进会上的讲话\n" + BODY)
    kept, removed = run(text)
    assert kept[0] == "在市政府重点工作推进会上的讲话"
    assert removed[0] == "仅供学习 禁止外传" and removed[-1].startswith("会员群")


def test_repeated_watermark_with_ad_word():
    text = "在市政府重点工作推进会上的讲话\n酷乐文行整理，咨询QQ206157060\n" + BODY + "\n酷乐文行整理，咨询QQ206157060"
    kept, removed = run(text)
    assert removed == ["酷乐文行整理，咨询QQ206157060"] * 2
    assert not any("酷乐文行" in line for line in kept)


def test_unknown_watermark_repeated_three_times():
    mark = "某某网络科技有限公司"
    kept, removed = run("\n".join([mark, BODY, mark, BODY, mark]))
    assert removed == [mark] * 3


def test_repeated_structure_is_not_a_watermark():
    text = "\n".join(["在市政府全体会议上的讲话", "同志们：", "第一，要把握一个“势”字", "谢谢大家！"] * 3)
    kept, removed = run(text)
    assert removed == []


def test_markup_lines():
    kept, removed = run(BODY + "\n<!--repaste.body.end-->\n查看原文\n---")
    assert removed == ["<!--repaste.body.end-->", "查看原文", "---"]


def test_every_chrome_example_passes_the_trigger_prefilter():
    from speeches.ingest.patterns import ANY_LINE, may_be_chrome
    examples = ["首页 > 文库", "当前位置：首页 > 讲话", "【www.x.com--总结】", "本文来源:http://x.cn/1", "以下是小编为大家整理的",
                "希望对大家有帮助", "仅供学习 禁止外传", "精品文档", "认真制作,质量一流", "本文系作者原创投稿", "下载后可以修改",
                "举报倒卖，赠送会员", "<!--x-->", "查看原文", "---", "相关内容", "上一篇", "本作品在全世界都属于公有领域",
                "Public domain", "更新时间：2023-09-04T14", "WORD格式 标题",
                "发布时间：2021-03-05 来源：市政府办公室", "浏览次数：123", "【字号 大 中 小】", "打印本页 关闭窗口"]
    for line in examples:
        assert ANY_LINE.search(line) and may_be_chrome(line), line


def test_page_info_lines():
    kept, removed = run("在全市会议上的讲话\n发布时间：2021-03-05 09:30 来源：市政府办公室 浏览次数：1024\n" + BODY
                        + "\n【字号 大 中 小】 打印本页 关闭窗口")
    assert removed == ["发布时间：2021-03-05 09:30 来源：市政府办公室 浏览次数：1024", "【字号 大 中 小】 打印本页 关闭窗口"]


PORTAL = """首页
要闻
当前位置：首页 > 要闻 > 时政
政府工作报告
来源：河北日报
作者：王敏
2025-11-06 10:15:42
2026年01月28日 星期三
【字号：大 中 小】
【字体：加大 还原 减小】
下载
打印
全屏
收藏
分享到：
分享 微信 微博 QQ空间
""" + BODY + """
【责任编辑：李四】
扫一扫在手机打开当前页
网站地图 | 联系我们 | 关于我们
版权所有 © 2026 某某日报社 冀ICP备05012345号
相关新闻
省政府召开常务会议"""


def test_portal_toolbar_navigation_fields_and_footer():
    kept, removed = run(PORTAL)
    assert kept == ["政府工作报告"] + BODY.split("\n")
    assert "下载" in removed and "2025-11-06 10:15:42" in removed and "【责任编辑：李四】" in removed


def test_portal_rules_are_named():
    _, removed = clean(PORTAL.split("\n"))
    rules = {text: rule for _, text, rule in removed}
    assert rules["全屏"] == "toolbar" and rules["2026年01月28日 星期三"] == "timestamp"
    assert rules["来源：河北日报"] == "page info" and rules["网站地图 | 联系我们 | 关于我们"] == "footer"


def test_a_sign_off_date_is_not_a_timestamp():
    kept, removed = run(BODY + "\n2021.6.1\n2021年6月1日")
    assert kept[-2:] == ["2021.6.1", "2021年6月1日"] and removed == []


# Portal page lines of other styles: a stamp with its source or clock time on one line, an
# e-paper's page, a masthead, arrow breadcrumbs without 首页, font-size switches.
PORTAL_LINES = {
    "2026年02月03日08:21 | 来源：湖南日报": "timestamp",
    "2026-01-29 07:02:11 来源：新华日报": "timestamp",
    "人民网 2026-01-29 07:02": "timestamp",
    "2026年01月31日 第01版": "timestamp",
    "河北日报 2026年01月31日 星期六 第04版：要闻": "timestamp",
    "第A03版：政务": "timestamp",
    "版次：01": "timestamp",
    "湖南日报": "masthead",
    "人民网": "masthead",
    "浙江省人民政府门户网站": "masthead",
    "人民网>>地方>>湖南": "breadcrumb",
    "新闻中心 > 省内要闻 > 正文": "breadcrumb",
    "小字号": "toolbar",
    "字号：T|T": "toolbar",
    "大号 超大号 A+ A-": "toolbar",
    "(责编：王磊、李娜)": "page info",
    "分享让更多人看到": "toolbar",
    "2026年01月26日 07:58 重庆日报": "timestamp",
    "2026-01-26 07:58:30 | 重庆日报": "timestamp",
    "2026/01/29": "timestamp",
    "【打印】 【关闭】": "toolbar",
    "网友评论": "toolbar",
    "扫描二维码分享到微信": "footer",
    "湖南省人民政府门户网站 www.hunan.gov.cn": "masthead",
    "湖南日报全媒体记者 张三": "byline",
    "上一页 1 2 3 4 5 下一页": "pagination",
    "【第2页】": "pagination",
    "共5页 首页 上一页 下一页 尾页": "pagination",
}


def test_portal_lines_of_other_styles():
    for lines in (list(PORTAL_LINES) + BODY.split("\n"), BODY.split("\n") + list(PORTAL_LINES)):
        kept, removed = clean(lines)
        assert [t for _, t in kept] == BODY.split("\n")
        # above the title the block may go as one 'ad header' (微信 is an ad word); below, each by its rule
    assert {text: rule for _, text, rule in removed} == PORTAL_LINES


def test_a_sentence_about_scanning_a_code_is_text():
    line = "消费者可通过扫描二维码进入系统，填写自己关注的食品信息。"
    assert run(BODY + "\n" + line)[0][-1] == line


def test_titles_and_sign_offs_are_not_portal_lines():
    lines = ["关于2026年工作情况的通报", "政府工作报告", "在全省经济工作会议上的讲话", "2026年1月31日",
             "2021.6.1", "情况简报", "大力弘扬抗战精神"]
    kept, removed = run("\n".join(lines) + "\n" + BODY)
    assert removed == [] and kept[:len(lines)] == lines
