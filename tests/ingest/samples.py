"""Synthetic speech files of the kinds staff upload, written for these tests (names invented).

Each sample is (text, expected): expected holds the metadata the text states, None where it
states nothing. test_kinds.py checks them as written; test_robustness.py checks that every
variant of them (tests/ingest/variants.py) parses to the same metadata and text.
"""
from __future__ import annotations

PROVINCIAL_REPORT = """政府工作报告
——2025年1月14日在河北省第十四届人民代表大会第三次会议上
河北省省长　王晓东
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。
一、2024年工作回顾
过去一年，是实现“十四五”规划目标任务的关键一年。面对复杂严峻的外部环境，全省上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。
全省生产总值增长5.4%，一般公共预算收入增长3.1%，城乡居民人均可支配收入分别增长4.6%和6.5%。
二、2025年工作安排
今年是“十四五”规划收官之年。做好今年政府工作，要坚持以人民为中心的发展思想，着力扩大内需，着力推动高质量发展。
（一）大力提振消费。实施提振消费专项行动，推动大宗消费更新换代。
（二）扩大有效投资。谋划实施一批重大项目，用好超长期特别国债。
各位代表！新征程催人奋进，新使命重任在肩。让我们奋发进取、实干担当，为建设经济强省、美丽河北不懈奋斗！
"""
PROVINCIAL_REPORT_META = dict(
    title="政府工作报告", subtitle="——2025年1月14日在河北省第十四届人民代表大会第三次会议上",
    speaker="王晓东", speaker_title="河北省省长", date="2025-01-14", city="河北省",
    occasion="河北省第十四届人民代表大会第三次会议")

# The dash subtitle broken over two lines, a bare name line, a city congress.
CITY_REPORT = """政府工作报告
——2026年1月25日在杭州市第十四届人民代表大会
第五次会议上
代市长 刘　捷
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。
一、过去一年工作回顾
一年来，我们坚定不移推动高质量发展，全市经济稳中向好。数字经济核心产业增加值增长7.1%，新增国家级专精特新企业64家。
二、今年工作总体要求和重点任务
今年工作的总体要求是：坚持稳中求进，推动经济实现质的有效提升和量的合理增长。
各位代表！目标催人奋进，实干成就未来。让我们勇立潮头、奋勇争先，奋力谱写新篇章！
"""
CITY_REPORT_META = dict(
    title="政府工作报告", subtitle="——2026年1月25日在杭州市第十四届人民代表大会第五次会议上",
    speaker="刘捷", speaker_title="代市长", date="2026-01-25", city="杭州市",
    occasion="杭州市第十四届人民代表大会第五次会议")

# The plain header a new user types: title, （date） alone, office and a padded name.
PLAIN_HEADER = """在全市安全生产工作会议上的讲话
（2023年5月8日）
市长　李　强
同志们：
今天召开全市安全生产工作会议，主要任务是总结去年工作，部署今年任务。
一、清醒认识当前安全生产形势
去年全市生产安全事故起数和死亡人数实现“双下降”，但事故隐患仍然不少。
二、压紧压实安全生产责任
要坚持党政同责、一岗双责、齐抓共管、失职追责，把责任落实到岗位、落实到人头。
同志们，安全生产责任重于泰山。让我们以更加扎实的作风，确保全市安全生产形势持续稳定！
"""
PLAIN_HEADER_META = dict(
    title="在全市安全生产工作会议上的讲话", subtitle=None, speaker="李强", speaker_title="市长",
    date="2023-05-08", city=None, occasion="全市安全生产工作会议")

# A one-line text: title, （date，place）, office and name, salutation and body run together.
ONE_LINE = ("携手共建开放合作的美好未来——在第十八届中国—东盟博览会开幕式上的致辞（2021年9月10日，南宁）"
            "中华人民共和国副主席 赵明远尊敬的各位来宾，女士们，先生们，朋友们：大家好！值此博览会开幕之际，"
            "我谨代表中国政府和中国人民，对各位嘉宾表示热烈的欢迎！　　过去一年，中国同东盟国家守望相助，"
            "双方贸易额逆势增长，成为彼此最大的贸易伙伴。第一，深化互联互通。我们要加快推进陆海新通道建设，"
            "提升通关便利化水平。第二，拓展合作领域。我们要在数字经济、绿色发展等领域打造新的增长点。"
            "女士们，先生们，朋友们！中国愿同东盟国家一道，携手共建更加紧密的命运共同体。谢谢大家。")
ONE_LINE_META = dict(
    title="携手共建开放合作的美好未来", subtitle="——在第十八届中国—东盟博览会开幕式上的致辞",
    speaker="赵明远", speaker_title="中华人民共和国副主席", date="2021-09-10", city="南宁",
    occasion="第十八届中国—东盟博览会")

# A one-line text with ※ after the title, a name glued before the body, the footnote at the end.
FOOTNOTE = ("坚定不移推进生态文明建设 努力建设人与自然和谐共生的现代化※周国栋今年是全面推进美丽中国建设的"
            "关键一年。我们要深刻认识生态文明建设的重大意义，坚持绿水青山就是金山银山的理念。一、充分认识"
            "生态文明建设的重要地位。生态文明建设是关系中华民族永续发展的根本大计。各级党委和政府要把生态"
            "环境保护放在更加突出的位置。二、扎实推进污染防治攻坚。要持续深入打好蓝天、碧水、净土保卫战，"
            "推动生态环境质量持续改善。※这是周国栋同志2024年7月18日在全省生态环境保护大会上的讲话。")
FOOTNOTE_META = dict(
    title="坚定不移推进生态文明建设 努力建设人与自然和谐共生的现代化", subtitle=None, speaker="周国栋",
    speaker_title=None, date="2024-07-18", city=None, occasion="全省生态环境保护大会")

# A news-agency dateline before the title; a photo caption glued inside a paragraph.
DATELINE = """新华社杭州9月20日电
在全球数字经济大会开幕式上的致辞
（2022年9月20日）
吴建华
尊敬的各位嘉宾，女士们，先生们：
很高兴出席本次大会。当前，数字技术日新月异，深刻改变着人们的生产生活方式。（新华社记者 黄宗治 摄）数字经济已经成为推动经济增长的重要力量。
我们愿同各方一道，加强数字领域合作，共享数字发展机遇。预祝大会取得圆满成功！谢谢大家。
"""
DATELINE_META = dict(
    title="在全球数字经济大会开幕式上的致辞", subtitle=None, speaker="吴建华", speaker_title=None,
    date="2022-09-20", city="杭州", occasion="全球数字经济大会开幕式")

# A letter: salutation, body, signature and date at the bottom; no title line but 回信.
LETTER = """回信
青海省玉树州第一民族中学的同学们：
你们好！来信收到了。得知你们在老师的关心帮助下努力学习、茁壮成长，我感到很欣慰。
希望你们珍惜时光，刻苦学习，锤炼品格，增强本领，长大后为建设家乡、报效祖国贡献力量。
2021年6月1日
"""
LETTER_META = dict(title="回信", subtitle=None, speaker=None, speaker_title=None, date="2021-06-01",
                   city=None, occasion=None)

# A policy document: two issuers in the title, no speaker.
POLICY = """中共中央 国务院关于全面推进乡村振兴加快农业农村现代化的意见
（2021年1月4日）
党的十九届五中全会审议通过的建议，对新发展阶段优先发展农业农村、全面推进乡村振兴作出总体部署。
一、总体要求
（一）指导思想。坚持稳中求进工作总基调，坚持加强党对“三农”工作的全面领导。
（二）目标任务。2021年，农业供给侧结构性改革深入推进，粮食播种面积保持稳定。
二、实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接
（三）设立衔接过渡期。脱贫攻坚目标任务完成后，对摆脱贫困的县，设立5年过渡期。
"""
POLICY_META = dict(
    title="中共中央 国务院关于全面推进乡村振兴加快农业农村现代化的意见", subtitle=None, speaker=None,
    speaker_title=None, date="2021-01-04", city=None, occasion=None)

# A speech with the dateline at the end and the place in the title.
DATELINE_AFTER = """在延安干部学院开学典礼上的讲话
同志们：
今天，我们在革命圣地举行开学典礼，大家来到这里学习，意义十分重大。
一、传承红色基因
革命先辈在这里留下了宝贵的精神财富，我们要学好用好这部生动教材。
二、锤炼过硬本领
要坚持学以致用，把学习成果转化为推动工作的实际能力。
同志们，让我们不忘初心、牢记使命，在新征程上创造新的业绩！
（新华社延安3月8日电）
"""
DATELINE_AFTER_META = dict(
    title="在延安干部学院开学典礼上的讲话", subtitle=None, speaker=None, speaker_title=None, date=None,
    city="延安", occasion="延安干部学院开学典礼")

# A newspaper portal's page: masthead, arrow breadcrumb, the stamp and source on one line below
# the speaker, a font-size switch, the editor in brackets and a "share" line at the bottom.
PORTAL_PAGE = """人民网
首页 | 时政 | 地方 | 财经
人民网>>地方>>湖南
政府工作报告
——2026年1月26日在湖南省第十四届人民代表大会第五次会议上
湖南省省长　毛小平
2026年02月03日08:21 | 来源：湖南日报
小字号
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。
一、2025年工作回顾
过去一年，面对外部压力加大、内部困难增多的复杂严峻形势，全省上下迎难而上，经济运行稳中有进。
二、2026年工作安排
今年是“十五五”开局之年。我们要坚持稳中求进，着力扩大内需，着力推动高质量发展。
各位代表！让我们团结奋斗，奋力谱写中国式现代化湖南篇章！
(责编：王磊、李娜)
分享让更多人看到
"""
PORTAL_PAGE_META = dict(
    title="政府工作报告", subtitle="——2026年1月26日在湖南省第十四届人民代表大会第五次会议上",
    speaker="毛小平", speaker_title="湖南省省长", date="2026-01-26", city="湖南省",
    occasion="湖南省第十四届人民代表大会第五次会议")

# A government portal: the channel and a page headline above the article's own title, an
# e-paper page line, and a bare office line ('省长　…') with the province only in the subtitle.
HEADLINE_PAGE = """浙江省人民政府门户网站
政务公开
政府工作报告
2026年浙江省政府工作报告（全文）
浙江日报 2026年01月31日 第01版
【字体：大 中 小】 打印
政府工作报告
——2026年1月25日在浙江省第十四届人民代表大会
第四次会议上
省长　刘小捷
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。
一、2025年工作回顾
一年来，全省经济持续回升向好，主要经济指标好于全国、好于预期。
二、2026年工作总体要求
今年政府工作的总体要求是，坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。
各位代表！让我们奋力推进中国式现代化浙江实践，努力在共同富裕上持续走在前列！
"""
HEADLINE_PAGE_META = dict(
    title="政府工作报告", subtitle="——2026年1月25日在浙江省第十四届人民代表大会第四次会议上",
    speaker="刘小捷", speaker_title="省长", date="2026-01-25", city="浙江省",
    occasion="浙江省第十四届人民代表大会第四次会议")

# A letter delivered as one line: '…给…的回信', the address, the body, the signature and date.
ONE_LINE_LETTER = ("赵明远给江西省瑞金市沙洲坝小学少先队员们的回信江西省瑞金市沙洲坝小学少先队员们：你们好！"
                   "来信收到了。得知你们在红色故土上健康成长，我很高兴。吃水不忘挖井人，希望你们传承好红色基因，"
                   "从小学习英雄模范，努力成长为德智体美劳全面发展的好少年。赵明远2025年5月30日")
ONE_LINE_LETTER_META = dict(
    title="赵明远给江西省瑞金市沙洲坝小学少先队员们的回信", subtitle=None, speaker="赵明远",
    speaker_title=None, date="2025-05-30", city=None, occasion=None)

# A footnote that names where the meeting was held ('在南昌召开的…会议上').
FOOTNOTE_HELD = """深入学习贯彻全会精神 奋力开创全省工作新局面※
王小明
同志们：今天我们召开会议，深入学习贯彻全会精神，研究部署当前和今后一个时期的工作。
一、深刻领会全会精神。全会审议通过的建议，为今后五年发展指明了方向。
二、抓好贯彻落实。各级党委要把学习贯彻全会精神作为当前和今后一个时期的重大政治任务。
同志们，让我们团结奋斗，奋力开创全省工作新局面！
※这是王小明同志2025年11月6日在南昌召开的全省领导干部会议上的讲话。
"""
FOOTNOTE_HELD_META = dict(
    title="深入学习贯彻全会精神 奋力开创全省工作新局面", subtitle=None, speaker="王小明", speaker_title=None,
    date="2025-11-06", city="南昌", occasion="全省领导干部会议")

# A news report about an instruction: a portal stamp, the headline, a dateline glued before the
# first paragraph. The year comes from the stamp; nobody is the speaker of a report.
NEWS_REPORT = """2026-01-05 08:12:30 来源：新华网
赵明远对安全生产工作作出重要指示
新华社北京1月5日电 中共中央总书记赵明远近日对安全生产工作作出重要指示。指示强调，各地区各部门要坚持人民至上、生命至上，统筹好发展和安全，坚决遏制重特大事故发生。
国务院领导同志作出批示，要求切实抓好安全生产各项工作，全力保障人民群众生命财产安全。
"""
NEWS_REPORT_META = dict(
    title="赵明远对安全生产工作作出重要指示", subtitle=None, speaker=None, speaker_title=None,
    date="2026-01-05", city="北京", occasion=None)

SAMPLES = {
    "provincial_report": (PROVINCIAL_REPORT, PROVINCIAL_REPORT_META),
    "city_report": (CITY_REPORT, CITY_REPORT_META),
    "plain_header": (PLAIN_HEADER, PLAIN_HEADER_META),
    "one_line": (ONE_LINE, ONE_LINE_META),
    "footnote": (FOOTNOTE, FOOTNOTE_META),
    "dateline": (DATELINE, DATELINE_META),
    "letter": (LETTER, LETTER_META),
    "policy": (POLICY, POLICY_META),
    "dateline_after": (DATELINE_AFTER, DATELINE_AFTER_META),
    "portal_page": (PORTAL_PAGE, PORTAL_PAGE_META),
    "headline_page": (HEADLINE_PAGE, HEADLINE_PAGE_META),
    "one_line_letter": (ONE_LINE_LETTER, ONE_LINE_LETTER_META),
    "footnote_held": (FOOTNOTE_HELD, FOOTNOTE_HELD_META),
    "news_report": (NEWS_REPORT, NEWS_REPORT_META),
}
COPIED_PAGES = {"portal_page", "headline_page", "news_report"}  # whole pages, chrome included
