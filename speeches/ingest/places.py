"""City of a speech: from the office ('北京市市长'), the occasion ('上海市第十六届…') or the header."""
from __future__ import annotations

import re

from .lexicon import HAN

# Municipalities and prefecture-level cities. County-level cities are found only where the
# office or occasion starts with '…市' (see _LEADING_CITY), where the boundary is unambiguous.
CITIES = frozenset("""
北京 天津 上海 重庆
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水
太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布
沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛
长春 吉林 四平 辽源 通化 白山 松原 白城
哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化
南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城
福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德
南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶
济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽
郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源
武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州
长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底
广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮
南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左
海口 三亚 三沙 儋州
成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳
贵阳 六盘水 遵义 安顺 毕节 铜仁
昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧
拉萨 日喀则 昌都 林芝 山南 那曲
西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛
兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南
西宁 海东
银川 石嘴山 吴忠 固原 中卫
乌鲁木齐 克拉玛依 吐鲁番 哈密
""".split())

PROVINCES = tuple("""
河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 湖南省
广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 台湾省 内蒙古自治区 广西壮族自治区 西藏自治区
宁夏回族自治区 新疆维吾尔自治区 香港特别行政区 澳门特别行政区
""".split())
# Places a text names without 市 after '在': historical seats and foreign capitals and cities
# where speeches are given; a gazetteer city or a province after 在 counts too (see _AT_PLACE).
OTHER_PLACES = frozenset("""
北平 延安 西柏坡 井冈山 瑞金 遵义 古田 南泥湾 陕北 晋察冀 太行 香港 澳门 台北
纽约 日内瓦 巴黎 伦敦 莫斯科 东京 华盛顿 柏林 罗马 维也纳 布鲁塞尔 新德里 雅加达 曼谷 河内 万象 金边
仰光 新加坡 吉隆坡 马尼拉 首尔 平壤 阿斯塔纳 努尔苏丹 比什凯克 杜尚别 塔什干 阿什哈巴德 德黑兰 利雅得
开罗 约翰内斯堡 比勒陀利亚 亚的斯亚贝巴 内罗毕 达喀尔 达累斯萨拉姆 巴西利亚 里约热内卢 利马
布宜诺斯艾利斯 圣地亚哥 墨西哥城 哈瓦那 堪培拉 悉尼 惠灵顿 奥克兰 达沃斯 汉堡 大阪 釜山 岘港
伊斯兰堡 加德满都 科伦坡 马累 明斯克 基辅 阿拉木图 乌兰巴托 符拉迪沃斯托克 圣彼得堡 马德里 里斯本
雅典 布达佩斯 华沙 贝尔格莱德 布拉格 阿布扎比 迪拜 多哈 安卡拉 伊斯坦布尔 巴厘岛 万隆 博鳌 乌镇
""".split())
# '在湖南考察时…', '在西藏和平解放70周年…': a province as usually written, without 省/自治区.
PROVINCES_SHORT = frozenset("""
河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃
青海 台湾 内蒙古 广西 西藏 宁夏 新疆
""".split())
_AT_PLACE = re.compile(
    "在(?P<place>" + "|".join(sorted(set(OTHER_PLACES) | set(CITIES) | set(PROVINCES) | PROVINCES_SHORT,
                                                 key=len, reverse=True)) + ")(?!市)")
_LEADING_PROVINCE = re.compile("^(?:在)?(?P<province>" + "|".join(PROVINCES) + ")")
_NOTE_PLACE = re.compile(rf"[，,]\s*(?P<place>[{HAN}]{{2,10}})\s*[）)]$")
_MASK = re.compile(r"[*＊×xX某□○]")
# '孟州市委…', '上海市第十六届…', '北京市市长': a name ending in 市 at the start of an office
# or occasion, followed by the kind of word that follows a city there.
_LEADING_CITY = re.compile(
    rf"^(?P<city>[{HAN}*＊×xX]{{2,4}}?市)(?=市|委|人民|政府|人大|政协|长|副市长|代市长|第|党|纪委|中级|[一二三四五六七八九十]+届)")
_STOP = set("全我本该各城副省县区这")
_NAMED_CITY = re.compile(rf"(?P<city>{'|'.join(sorted(CITIES, key=len, reverse=True))})市")


def city_from(*, office: str | None, occasion: str | None, header: list[str]) -> str | None:
    """The first city named by the office, the occasion, then any header line; masks give None."""
    for text in (office, occasion):
        if text:
            city = _leading(text)
            city = _named(text) if city is None else city
            if city is not None:
                return city or None
    for line in header:
        city = _named(line)
        if city is not None:
            return city or None
    return None


def province_of(text: str | None) -> str | None:
    """'河北省第十四届人民代表大会…', '在浙江省…', '河北省省长' -> the province."""
    match = _LEADING_PROVINCE.match(text) if text else None
    return match["province"] if match else None


def place_at(text: str | None) -> str | None:
    """A known place a title, subtitle, occasion or note names after 在: '在延安文艺座谈会上' -> 延安."""
    match = _AT_PLACE.search(text) if text else None
    if not match:
        return None
    inner = _AT_PLACE.match("在" + text[match.end(): match.end() + 8])  # '在江西瑞金召开的…': the city
    return inner["place"] if inner else match["place"]


def place_in_note(text: str) -> str | None:
    """'（2019年6月3日，杜尚别）' -> '杜尚别': the place a date note states, as written."""
    match = _NOTE_PLACE.search(text)
    return match["place"] if match and not re.search(r"[年月日]$", match["place"]) else None


def _leading(text: str) -> str | None:
    """'' means: a city is named here but masked, so stop looking and answer None."""
    match = _LEADING_CITY.match(text)
    if not match or match["city"][0] in _STOP:
        return None
    city = match["city"]
    return "" if _MASK.search(city) else city


def _named(text: str) -> str | None:
    match = _NAMED_CITY.search(text)
    return match.group(0) if match else None
