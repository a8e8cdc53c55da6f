"""Vocabularies and organisation-name builders for :mod:`workbench.services.demo_data`.

Pure data plus small functions (stdlib only). Everything here is built once at import time
so that generating a record is a handful of list look-ups. Place names and 行政区划代码 are
real; organisation names are invented from real patterns (a real bank's legal name plus a
city and a road, a school's ordinal, a company's two-character trade name...).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

Org = tuple[str, str, str]  # (name, short name, e-mail domain)


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    """One district (区/县/县级市) with its city and province."""

    province: str  # 浙江省 / 上海市
    prov: str  # 浙江 / 上海 (short, used in names)
    prov_py: str  # zhejiang
    city: str  # 杭州 (without 市)
    city_py: str  # hangzhou
    city_ab: str  # hz
    area: str  # 0571
    district: str  # 西湖区 / 余姚市 / 德清县
    dshort: str  # 西湖 / 余姚
    dab: str  # xh
    division: str  # 330106
    dfull: str  # 杭州市西湖区 / 余姚市 / 上海市浦东新区 (how organisations prefix it)
    region: str  # 浙江省杭州市西湖区 / 上海市浦东新区


# province, prov_py, city, city_py, city_ab, area code, weight, "district:division:abbr ..."
_CITIES: tuple[tuple[str, str, str, str, str, str, int, str], ...] = (
    ("浙江省", "zhejiang", "杭州", "hangzhou", "hz", "0571", 14,
     "上城区:330102:sc 拱墅区:330105:gs 西湖区:330106:xh 滨江区:330108:bj 萧山区:330109:xs "
     "余杭区:330110:yh 富阳区:330111:fy 临平区:330113:lp 钱塘区:330114:qt"),
    ("浙江省", "zhejiang", "宁波", "ningbo", "nb", "0574", 8,
     "海曙区:330203:hs 江北区:330205:jb 北仑区:330206:bl 镇海区:330211:zh 鄞州区:330212:yz "
     "奉化区:330213:fh 余姚市:330281:yy 慈溪市:330282:cx"),
    ("浙江省", "zhejiang", "温州", "wenzhou", "wz", "0577", 6,
     "鹿城区:330302:lc 龙湾区:330303:lw 瓯海区:330304:oh 洞头区:330305:dt 瑞安市:330381:ra "
     "乐清市:330382:yq"),
    ("浙江省", "zhejiang", "嘉兴", "jiaxing", "jx", "0573", 4,
     "南湖区:330402:nh 秀洲区:330411:xz 海宁市:330481:hn 平湖市:330482:ph 桐乡市:330483:tx"),
    ("浙江省", "zhejiang", "湖州", "huzhou", "huz", "0572", 3,
     "吴兴区:330502:wx 南浔区:330503:nx 德清县:330521:dq 长兴县:330522:cx"),
    ("浙江省", "zhejiang", "绍兴", "shaoxing", "sx", "0575", 4,
     "越城区:330602:yc 柯桥区:330603:kq 上虞区:330604:sy 诸暨市:330681:zj"),
    ("浙江省", "zhejiang", "金华", "jinhua", "jh", "0579", 4,
     "婺城区:330702:wc 金东区:330703:jd 义乌市:330782:yw 东阳市:330783:dy 永康市:330784:yk"),
    ("浙江省", "zhejiang", "台州", "taizhou", "tz", "0576", 3,
     "椒江区:331002:jj 黄岩区:331003:hy 路桥区:331004:lq 温岭市:331081:wl 临海市:331082:lh"),
    ("江苏省", "jiangsu", "南京", "nanjing", "nj", "025", 5,
     "玄武区:320102:xw 秦淮区:320104:qh 建邺区:320105:jy 鼓楼区:320106:gl 栖霞区:320113:qx "
     "江宁区:320115:jn"),
    ("江苏省", "jiangsu", "苏州", "suzhou", "sz", "0512", 6,
     "虎丘区:320505:hq 吴中区:320506:wz 相城区:320507:xc 姑苏区:320508:gs 吴江区:320509:wj "
     "常熟市:320581:cs 张家港市:320582:zjg 昆山市:320583:ks"),
    ("江苏省", "jiangsu", "无锡", "wuxi", "wx", "0510", 3,
     "锡山区:320205:xs 惠山区:320206:hs 滨湖区:320211:bh 梁溪区:320213:lx 新吴区:320214:xw "
     "江阴市:320281:jy"),
    ("上海市", "shanghai", "上海", "shanghai", "sh", "021", 8,
     "黄浦区:310101:hp 徐汇区:310104:xh 长宁区:310105:cn 静安区:310106:ja 普陀区:310107:pt "
     "闵行区:310112:mh 宝山区:310113:bs 浦东新区:310115:pd"),
    ("广东省", "guangdong", "广州", "guangzhou", "gz", "020", 5,
     "荔湾区:440103:lw 越秀区:440104:yx 海珠区:440105:hz 天河区:440106:th 白云区:440111:by "
     "黄埔区:440112:hp 番禺区:440113:py"),
    ("广东省", "guangdong", "深圳", "shenzhen", "szh", "0755", 5,
     "罗湖区:440303:lh 福田区:440304:ft 南山区:440305:ns 宝安区:440306:ba 龙岗区:440307:lg "
     "龙华区:440309:lh"),
    ("山东省", "shandong", "济南", "jinan", "jn", "0531", 3,
     "历下区:370102:lx 市中区:370103:sz 槐荫区:370104:hy 天桥区:370105:tq 历城区:370112:lc"),
    ("山东省", "shandong", "青岛", "qingdao", "qd", "0532", 3,
     "市南区:370202:sn 市北区:370203:sb 黄岛区:370211:hd 崂山区:370212:ls 李沧区:370213:lc "
     "城阳区:370214:cy"),
    ("福建省", "fujian", "福州", "fuzhou", "fz", "0591", 3,
     "鼓楼区:350102:gl 台江区:350103:tj 仓山区:350104:cs 晋安区:350111:ja"),
    ("福建省", "fujian", "厦门", "xiamen", "xm", "0592", 3,
     "思明区:350203:sm 海沧区:350205:hc 湖里区:350206:hl 集美区:350211:jm"),
    ("安徽省", "anhui", "合肥", "hefei", "hf", "0551", 3,
     "瑶海区:340102:yh 庐阳区:340103:ly 蜀山区:340104:ss 包河区:340111:bh"),
    ("北京市", "beijing", "北京", "beijing", "bj", "010", 4,
     "东城区:110101:dc 西城区:110102:xc 朝阳区:110105:cy 丰台区:110106:ft 海淀区:110108:hd"),
    ("湖北省", "hubei", "武汉", "wuhan", "wh", "027", 3,
     "江岸区:420102:ja 江汉区:420103:jh 武昌区:420106:wc 洪山区:420111:hs"),
    ("四川省", "sichuan", "成都", "chengdu", "cd", "028", 3,
     "锦江区:510104:jj 青羊区:510105:qy 金牛区:510106:jn 武侯区:510107:wh 成华区:510108:ch"),
)  # fmt: skip


def _words(text: str) -> list[str]:
    """The whitespace-separated words of ``text`` (vocabularies are written as one string)."""
    return text.split()


def _places() -> tuple[tuple[Place, ...], tuple[Place, ...]]:
    """All places, and a weighted pool (a place repeated by its city's weight / districts)."""
    every: list[Place] = []
    pool: list[Place] = []
    for province, prov_py, city, city_py, city_ab, area, weight, spec in _CITIES:
        districts = [d.split(":") for d in spec.split()]
        municipality = province == city + "市"
        for name, division, dab in districts:
            dshort = name[:-2] if name.endswith("新区") else name[:-1] if len(name) > 2 else name
            if municipality:
                dfull = region = province + name
            else:
                dfull = name if name[-1] in "市县" else f"{city}市{name}"
                region = f"{province}{city}市{name}"
            place = Place(province, province[:-1], prov_py, city, city_py, city_ab, area, name,
                          dshort, dab, division, dfull, region)  # fmt: skip
            every.append(place)
            pool.extend([place] * max(1, round(weight * 12 / len(districts))))
    return tuple(every), tuple(pool)


PLACES, PLACE_POOL = _places()

ROADS = _words(
    "人民路 解放路 中山路 建设路 文化路 新华路 和平路 东风路 胜利路 延安路 庆春路 凤起路 "
    "体育场路 环城北路 文三路 文二路 学院路 教工路 莫干山路 天目山路 江南大道 滨江大道 "
    "世纪大道 长江路 黄河路 珠江路 南京路 北京路 青年路 工人路 光明路 幸福路 迎宾大道 "
    "科技大道 创新路 高新大道 金融街 商业街 府前路 朝阳路 花园路 公园路 湖滨路 滨河路 "
    "沿江路 港湾路 机场路 站前路 城南路 城北路 东环路 西环路 南环路 北环路 中兴路 振兴路 "
    "复兴路 兴业路 华兴路 永安路 长安路 太平路 人民大道 友谊路 团结路 新民路 东大街 西大街 "
    "南大街 北大街 鼓楼大街 银河路 星光大道 明珠路 锦绣路 香樟路 梧桐路 玉兰路 紫荆路 "
    "桂花路 海棠路 金桥路 银杏路 天山路 昆仑路 泰山路 华山路 衡山路 庐山路 文一西路 "
    "古墩路 秋涛路 钱江路 市心路 学府路 丰潭路 望江路 江滨路 新港大道"
)

STREETS = _words(
    "城东 城西 城南 城北 东湖 南湖 西山 北山 新城 新桥 长安 永宁 兴华 和平 解放 胜利 文昌 "
    "朝阳 东风 红星 金桥 银湖 翠苑 文新 古荡 蒋村 留下 转塘 三墩 西溪 灵隐 湖滨 清波 望江 "
    "紫阳 小营 潮鸣 朝晖 米市巷 和睦 祥符 康桥 半山 星桥 南苑 东新 石桥 丁桥 九堡 彭埠 "
    "笕桥 四季青 闸弄口 凯旋 采荷 白杨 下沙 义蓬 河庄 临江 前进 龙山 凤凰 梅园 桃源"
)

COMMUNITIES = _words(
    "曙光 嘉绿苑 文鼎苑 东方 阳光 幸福里 金色家园 桂花园 紫金港 春江 锦绣 和谐 "
    "新华 华星 益乐 古翠 北苑 南苑 东园 西园 景华 星洲 丰收 庆丰 东升 红旗 花园 "
    "翠柏 香樟 枫林 芳草 蓝天 彩虹 明珠 龙湖 滨河 清泉 竹林 荷花 梅林 华庭 万家"
)

BUILDINGS = _words("科技大厦 国际大厦 金融中心 商务中心 综合楼 行政中心 财富广场 创业大厦 产业园")

CN = tuple("一二三四五六七八九十") + tuple("十" + c for c in "一二三四五六七八九") + ("二十",)


# ---------------------------------------------------------------------------------------------
# Trade names (字号) with pinyin, for companies
# ---------------------------------------------------------------------------------------------

_TRADE_CHARS = _words(
    "华hua 鑫xin 瑞rui 恒heng 达da 盛sheng 泰tai 丰feng 宏hong 昌chang 隆long 德de 信xin "
    "诚cheng 安an 康kang 和he 祥xiang 福fu 通tong 远yuan 新xin 天tian 嘉jia 润run 博bo "
    "创chuang 科ke 海hai 金jin 银yin 中zhong 东dong 南nan 百bai 联lian 正zheng 永yong "
    "兴xing 辰chen 宇yu 云yun 星xing 光guang 明ming 伟wei 立li 佳jia 益yi 汇hui 诺nuo "
    "凯kai 弘hong 晟sheng 卓zhuo 越yue 思si 捷jie 迅xun 锦jin 绿lv 峰feng 力li 方fang "
    "贝bei 智zhi 慧hui 腾teng 飞fei 舜shun 亿yi 源yuan 鸿hong 威wei 美mei"
)
TRADES: tuple[tuple[str, str], ...] = tuple(
    (a[0] + b[0], a[1:] + b[1:]) for a in _TRADE_CHARS for b in _TRADE_CHARS if a[0] != b[0]
)


# ---------------------------------------------------------------------------------------------
# Organisation-name builders, one per industry code: (rng, place) -> (name, short, domain)
# ---------------------------------------------------------------------------------------------


def _p(rng: random.Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


def _cn(rng: random.Random, hi: int) -> str:
    return CN[int(rng.random() * hi)]


def _road_stem(road: str) -> str:
    return road[:-1] if road.endswith(("路", "街")) else road[:-2]


_DEPTS = tuple(d.split(":") for d in _words(
    "公安局:公安局 人力资源和社会保障局:人社局 市场监督管理局:市监局 自然资源和规划局:资规局 "
    "住房和城乡建设局:住建局 卫生健康委员会:卫健委 发展和改革委员会:发改委 经济和信息化局:经信局 "
    "财政局:财政局 审计局:审计局 统计局:统计局 应急管理局:应急局 教育局:教育局 民政局:民政局 "
    "文化广电旅游局:文广旅局 农业农村局:农业农村局 商务局:商务局 司法局:司法局 "
    "退役军人事务局:退役军人局 医疗保障局:医保局 数据资源管理局:数据局 城市管理局:城管局 "
    "水利局:水利局 机关事务管理局:机关事务局 信访局:信访局 档案馆:档案馆 人民法院:法院 "
    "人民检察院:检察院 科学技术局:科技局 人民政府办公室:政府办 生态环境局:环境局 "
    "行政服务中心:行政服务中心 交通运输局:交通局 总工会:总工会 住房公积金管理中心:公积金中心"
))  # fmt: skip


def _government(rng: random.Random, pl: Place) -> Org:
    r = rng.random()
    dom = f"{pl.city_py}.gov.cn"
    street = _p(rng, STREETS)
    if r < 0.08:
        full, ab = _p(rng, _DEPTS)
        return f"{pl.city}市{full}", f"{pl.city}{ab}", dom
    if r < 0.55:
        full, ab = _p(rng, _DEPTS)
        return f"{pl.dfull}{full}", f"{pl.dshort}{ab}", dom
    if r < 0.7:
        return f"{pl.dfull}{street}街道办事处", f"{street}街道", dom
    if r < 0.8:
        pre = f"{pl.city}市公安局{pl.district}分局" if pl.district[-1] == "区" else f"{pl.district}公安局"
        return f"{pre}{street}派出所", f"{street}派出所", dom
    if r < 0.9:
        return f"{pl.dfull}市场监督管理局{street}市场监督管理所", f"{street}市场监管所", dom
    comm = _p(rng, COMMUNITIES)
    return f"{pl.dfull}{street}街道{comm}社区居民委员会", f"{comm}社区", dom


_BANKS = tuple(b.split(":") for b in _words(
    "中国银行股份有限公司:中行:boc 中国工商银行股份有限公司:工行:icbc 中国建设银行股份有限公司:建行:ccb "
    "中国农业银行股份有限公司:农行:abchina 交通银行股份有限公司:交行:bankcomm "
    "招商银行股份有限公司:招行:cmbchina 中信银行股份有限公司:中信银行:citicbank "
    "上海浦东发展银行股份有限公司:浦发银行:spdb 兴业银行股份有限公司:兴业银行:cib "
    "中国民生银行股份有限公司:民生银行:cmbc 中国光大银行股份有限公司:光大银行:cebbank "
    "平安银行股份有限公司:平安银行:pingan 华夏银行股份有限公司:华夏银行:hxb "
    "中国邮政储蓄银行股份有限公司:邮储银行:psbc 广发银行股份有限公司:广发银行:cgb "
    "浙商银行股份有限公司:浙商银行:czbank 宁波银行股份有限公司:宁波银行:nbcb "
    "杭州银行股份有限公司:杭州银行:hzbank 江苏银行股份有限公司:江苏银行:jsbchina"
))  # fmt: skip


def _banking(rng: random.Random, pl: Place) -> Org:
    legal, short, code = _p(rng, _BANKS)
    dom = f"{code}-{pl.city_ab}.com.cn"
    r = rng.random()
    road = _p(rng, ROADS)
    if r < 0.35:
        return f"{legal}{pl.city}{pl.dshort}支行", f"{short}{pl.dshort}支行", dom
    if r < 0.75:
        return f"{legal}{pl.city}{road}支行", f"{short}{road}支行", dom
    if r < 0.85:
        return f"{legal}{pl.city}{pl.dshort}支行{road}分理处", f"{short}{road}分理处", dom
    if r < 0.88:
        return f"{legal}{pl.city}分行", f"{short}{pl.city}分行", dom
    street = _p(rng, STREETS)
    return (f"{pl.city}{pl.dshort}农村商业银行股份有限公司{street}支行", f"{pl.dshort}农商行{street}支行",
            f"{pl.city_ab}{pl.dab}rcb.com")  # fmt: skip


_SCHOOL_STEMS = _words(
    "实验 育才 行知 求是 崇文 树人 启明 明德 天长 钱塘 外国语 文澜 东园 春晖 博雅 星洲 "
    "景芳 采荷 申花 大关 文一街 文三街 学军 保俶塔 青蓝 丹桂 紫金 锦绣 新星 光华 振华 "
    "育英 东方 之江 滨江 凤凰 朝晖 长青 晨曦 翠苑 文渊 建兰 胜蓝 嘉禾"
) + STREETS
_SCHOOL_KINDS = ("小学", "小学", "中学", "实验学校", "初级中学", "外国语学校", "幼儿园", "学校")


def _education(rng: random.Random, pl: Place) -> Org:
    r = rng.random()
    dom = f"{pl.city_ab}{pl.dab}edu.cn"
    if r < 0.15:
        cn = _cn(rng, 20)
        return f"{pl.city}市第{cn}中学", f"{pl.city}{cn}中", dom
    if r < 0.3:
        kind, ab, hi = _p(rng, (("中学", "中", 12), ("小学", "小", 12), ("高级中学", "高", 4),
                                ("初级中学", "初", 8)))  # fmt: skip
        cn = _cn(rng, hi)
        return f"{pl.dfull}第{cn}{kind}", f"{pl.dshort}{cn}{ab}", dom
    if r < 0.92:
        stem, kind = _p(rng, _SCHOOL_STEMS), _p(rng, _SCHOOL_KINDS)
        return f"{pl.dfull}{stem}{kind}", f"{stem}{kind}", dom
    if r < 0.96:
        return f"{pl.dfull}职业高级中学", f"{pl.dshort}职高", dom
    trade, py = _p(rng, TRADES)
    return f"{pl.city}{trade}职业技术学校", f"{trade}职校", f"{py}edu.cn"


_CITY_HOSPITALS = tuple(h.split(":") for h in _words(
    "中医院:中医院 儿童医院:儿童医院 妇幼保健院:妇保院 口腔医院:口腔医院 肿瘤医院:肿瘤医院 "
    "中西医结合医院:中西医结合医院 急救中心:急救中心 疾病预防控制中心:疾控中心 "
    "红十字会医院:红会医院 眼科医院:眼科医院 第一医院:一医院 第二医院:二医院"
))  # fmt: skip
_PRIVATE_KINDS = _words("口腔 眼科 骨科 妇产 康复 中医 老年病 美容 耳鼻喉 皮肤病")


def _healthcare(rng: random.Random, pl: Place) -> Org:
    r = rng.random()
    dom = f"{pl.city_ab}{pl.dab}yy.com"
    if r < 0.12:
        cn = _cn(rng, 7)
        return f"{pl.city}市第{cn}人民医院", f"{pl.city}市{cn}医院", dom
    if r < 0.22:
        full, ab = _p(rng, _CITY_HOSPITALS)
        return f"{pl.city}市{full}", f"{pl.city}{ab}", dom
    if r < 0.5:
        kind = _p(rng, ("人民医院", "中医院", "妇幼保健院", "中西医结合医院", "第一人民医院",
                        "第二人民医院", "第三人民医院", "精神卫生中心"))  # fmt: skip
        short = f"{pl.dshort}{kind[1]}院" if kind[0] == "第" else f"{pl.dshort}{kind}"
        return f"{pl.dfull}{kind}", short, dom
    if r < 0.7:
        street = _p(rng, STREETS)
        return f"{pl.dfull}{street}街道社区卫生服务中心", f"{street}社区卫生服务中心", dom
    trade, py = _p(rng, TRADES)
    kind = _p(rng, _PRIVATE_KINDS)
    return f"{pl.city}{trade}{kind}医院", f"{trade}{kind}医院", f"{py}{pl.city_ab}.com"


_TRANSPORT_KINDS = tuple(k.split(":") for k in _words(
    "客运有限公司:客运 出租汽车有限公司:出租 汽车运输集团有限公司:汽运 交通建设有限公司:交建 "
    "城际公交有限公司:城际公交 驾驶员培训有限公司:驾培 港务有限公司:港务 汽车站务有限公司:站务 "
    "旅游客运有限公司:旅游客运 轨道交通运营有限公司:轨交"
))  # fmt: skip


def _transport(rng: random.Random, pl: Place) -> Org:
    r = rng.random()
    trade, py = _p(rng, TRADES)
    if r < 0.06:
        return f"{pl.city}市公共交通集团有限公司", f"{pl.city}公交集团", f"{pl.city_ab}bus.com"
    if r < 0.2:
        cn = _cn(rng, 12)
        return (f"{pl.city}市公共交通集团有限公司第{cn}分公司", f"{pl.city}公交{cn}分公司",
                f"{pl.city_ab}bus.com")  # fmt: skip
    if r < 0.25:
        return f"{pl.city}地铁集团有限公司", f"{pl.city}地铁", f"{pl.city_ab}metro.com"
    if r < 0.3:
        return f"{pl.prov}{trade}高速公路有限公司", f"{trade}高速", f"{py}gs.com"
    kind, ab = _p(rng, _TRANSPORT_KINDS)
    return f"{pl.city}{trade}{kind}", f"{trade}{ab}", f"{py}{pl.city_ab}.com"


def _tax(rng: random.Random, pl: Place) -> Org:
    r = rng.random()
    dom = f"{pl.prov_py}.chinatax.gov.cn"
    if r < 0.05:
        return f"国家税务总局{pl.city}市税务局", f"{pl.city}市税务局", dom
    if r < 0.1:
        cn = _cn(rng, 4)
        return f"国家税务总局{pl.city}市税务局第{cn}稽查局", f"{pl.city}税务{cn}稽查局", dom
    if r < 0.3:
        return f"国家税务总局{pl.dfull}税务局", f"{pl.dshort}税务局", dom
    if r < 0.55:
        cn = _cn(rng, 8)
        return f"国家税务总局{pl.dfull}税务局第{cn}税务所", f"{pl.dshort}税务{cn}所", dom
    street = _p(rng, STREETS)
    kind = _p(rng, ("税务所", "税务所", "税务分局", "办税服务厅"))
    return f"国家税务总局{pl.dfull}税务局{street}{kind}", f"{street}{kind}", dom


def _petrochemicals(rng: random.Random, pl: Place) -> Org:
    r = rng.random()
    road = _p(rng, ROADS)
    if r < 0.05:
        return (f"中国石化销售股份有限公司{pl.prov}石油分公司", f"中石化{pl.prov}石油",
                "sinopec.com")  # fmt: skip
    if r < 0.12:
        return (f"中国石化销售股份有限公司{pl.prov}{pl.city}石油分公司", f"中石化{pl.city}石油",
                "sinopec.com")  # fmt: skip
    if r < 0.4:
        return (f"中国石化销售股份有限公司{pl.prov}{pl.city}石油分公司{road}加油站",
                f"中石化{road}加油站", "sinopec.com")  # fmt: skip
    if r < 0.45:
        return (f"中国石油天然气股份有限公司{pl.prov}{pl.city}销售分公司", f"中石油{pl.city}销售",
                "petrochina.com.cn")  # fmt: skip
    if r < 0.6:
        return (f"中国石油天然气股份有限公司{pl.prov}{pl.city}销售分公司{road}加油站",
                f"中石油{road}加油站", "petrochina.com.cn")  # fmt: skip
    trade, py = _p(rng, TRADES)
    kind = _p(rng, ("石油化工有限公司", "化工有限公司", "石化储运有限公司", "化工新材料有限公司",
                    "燃气有限公司", "能源有限公司"))  # fmt: skip
    return f"{pl.city}{trade}{kind}", f"{trade}{kind[:2]}", f"{py}chem.com"


_EXPRESS = tuple(e.split(":") for e in _words(
    "顺丰速运:顺丰:sf-express.com 中通快递:中通:zto.com 圆通速递:圆通:yto.net.cn "
    "申通快递:申通:sto.cn 韵达快递:韵达:yundaex.com 京东物流:京东物流:jdl.com "
    "德邦物流:德邦:deppon.com 极兔速递:极兔:jtexpress.com.cn 中国邮政速递物流:邮政EMS:ems.com.cn"
))  # fmt: skip
_LOGISTICS_KINDS = _words(
    "物流有限公司 物流有限公司 供应链管理有限公司 国际货运代理有限公司 仓储物流有限公司 "
    "冷链物流有限公司 快递有限公司 物流园管理有限公司"
)


def _logistics(rng: random.Random, pl: Place) -> Org:
    r = rng.random()
    if r < 0.35:
        brand, short, dom = _p(rng, _EXPRESS)
        if r < 0.08:
            return f"{brand}({pl.city})有限公司", f"{short}{pl.city}", dom
        if r < 0.2:
            return (f"{brand}({pl.city})有限公司{pl.dshort}分公司", f"{short}{pl.dshort}分公司",
                    dom)  # fmt: skip
        street = _p(rng, STREETS)
        return f"{brand}({pl.city})有限公司{street}营业部", f"{short}{street}营业部", dom
    trade, py = _p(rng, TRADES)
    kind = _p(rng, _LOGISTICS_KINDS)
    return f"{pl.city}{trade}{kind}", f"{trade}{kind[:-4]}", f"{py}56.com"


_BROKERS = tuple(b.split(":") for b in _words(
    "华泰证券:华泰:htsc.com.cn 中信证券:中信证券:citics.com 国泰君安证券:国泰君安:gtjas.com "
    "海通证券:海通:htsec.com 广发证券:广发:gf.com.cn 招商证券:招商证券:cmschina.com.cn "
    "申万宏源证券:申万宏源:swhysc.com 中国银河证券:银河证券:chinastock.com.cn "
    "浙商证券:浙商证券:stocke.com.cn 财通证券:财通:ctsec.com 东方证券:东方证券:dfzq.com.cn "
    "兴业证券:兴业证券:xyzq.com.cn 光大证券:光大证券:ebscn.com 国信证券:国信:guosen.com.cn "
    "平安证券:平安证券:pingan.com 方正证券:方正证券:foundersc.com 东吴证券:东吴:dwzq.com.cn"
))  # fmt: skip


def _securities(rng: random.Random, pl: Place) -> Org:
    legal, short, dom = _p(rng, _BROKERS)
    r = rng.random()
    if r < 0.03:
        return f"{legal}股份有限公司{pl.prov}分公司", f"{short}{pl.prov}分公司", dom
    if r < 0.1:
        return f"{legal}股份有限公司{pl.city}分公司", f"{short}{pl.city}分公司", dom
    road = _p(rng, ROADS)
    kind = "证券营业部" if r < 0.6 else "营业部"
    return f"{legal}股份有限公司{pl.city}{road}{kind}", f"{short}{road}营业部", dom


_INSURERS = tuple(i.split(":") for i in _words(
    "中国人寿保险股份有限公司:国寿:e-chinalife.com 中国人民财产保险股份有限公司:人保财险:picc.com.cn "
    "中国平安人寿保险股份有限公司:平安寿险:pingan.com.cn 中国平安财产保险股份有限公司:平安产险:pingan.com.cn "
    "中国太平洋人寿保险股份有限公司:太保寿险:cpic.com.cn 中国太平洋财产保险股份有限公司:太保产险:cpic.com.cn "
    "新华人寿保险股份有限公司:新华保险:newchinalife.com 泰康人寿保险有限责任公司:泰康人寿:taikang.com "
    "太平人寿保险有限公司:太平人寿:cntaiping.com 中华联合财产保险股份有限公司:中华财险:cic.cn "
    "阳光财产保险股份有限公司:阳光财险:sinosig.com 中国大地财产保险股份有限公司:大地保险:ccic-net.com.cn "
    "中国人民人寿保险股份有限公司:人保寿险:picclife.com 富德生命人寿保险股份有限公司:富德生命:sino-life.com"
))  # fmt: skip


def _insurance(rng: random.Random, pl: Place) -> Org:
    legal, short, dom = _p(rng, _INSURERS)
    r = rng.random()
    if r < 0.03:
        return f"{legal}{pl.prov}分公司", f"{short}{pl.prov}分公司", dom
    if r < 0.15:
        return f"{legal}{pl.city}分公司", f"{short}{pl.city}分公司", dom
    if r < 0.45:
        return f"{legal}{pl.dfull}支公司", f"{short}{pl.dshort}支公司", dom
    road = _p(rng, ROADS)
    return f"{legal}{pl.city}{road}营销服务部", f"{short}{road}营销服务部", dom


_CUSTOMS_UNITS = _words(
    "办公室 综合业务处 科技处 技术中心 监管处 关税处 口岸监管处 稽查处 企业管理处 统计分析处 "
    "人事处 财务处 后勤管理中心 卫生检疫处 动植物检疫处 商品检验处 查验处 法规处 督察内审处"
)
_CUSTOMS_SECTIONS = _words("综合业务科 查验科 监管科 办公室 通关科 企业管理科 稽查科 物流监控科 检验检疫科 技术科")
_CUSTOMS_SITES = _words("邮局 火车站 机场 保税区 出口加工区 综合保税区 港区 跨境电商园区 物流园区")


def _customs(rng: random.Random, pl: Place) -> Org:
    r = rng.random()
    dom = "customs.gov.cn"
    if r < 0.1:
        return f"{pl.city}海关", f"{pl.city}海关", dom
    if r < 0.2:
        unit = _p(rng, _CUSTOMS_UNITS)
        return f"{pl.city}海关{unit}", f"{pl.city}海关{unit}", dom
    if r < 0.35:
        unit, sub = _p(rng, _CUSTOMS_UNITS), _p(rng, ("一科", "二科", "三科", "综合科", "信息科"))
        return f"{pl.city}海关{unit}{sub}", f"{pl.city}海关{unit[:-1]}{sub}", dom
    if r < 0.4:
        return f"{pl.dshort}海关", f"{pl.dshort}海关", dom
    if r < 0.7:
        sec = _p(rng, _CUSTOMS_SECTIONS)
        return f"{pl.dshort}海关{sec}", f"{pl.dshort}海关{sec}", dom
    if r < 0.8:
        return f"{pl.city}海关缉私局{pl.dshort}分局", f"{pl.dshort}缉私分局", dom
    site = _p(rng, _CUSTOMS_SITES + [pl.dshort])
    return f"{pl.city}海关驻{site}办事处", f"{pl.city}海关驻{site}办", dom


_ELECTRONICS = tuple(e.split(":") for e in _words(
    "光电信息:光电 电子科技:电子 精密电子:精密 微电子:微电子 半导体:半导体 电子元器件:电子 "
    "通信设备:通信 智能装备:智能 光学科技:光学 电路科技:电路 电器:电器 传感技术:传感 "
    "显示技术:显示 新能源科技:新能源 集成电路:芯片 电子材料:材料 线缆:线缆 电源技术:电源"
))  # fmt: skip


def _electronics(rng: random.Random, pl: Place) -> Org:
    trade, py = _p(rng, TRADES)
    prod, ab = _p(rng, _ELECTRONICS)
    r = rng.random()
    dom = f"{py}-{pl.city_ab}.com"
    if r < 0.7:
        return f"{pl.city}{trade}{prod}有限公司", f"{trade}{ab}", dom
    if r < 0.85:
        return f"{pl.prov}{trade}{prod}股份有限公司", f"{trade}{ab}", f"{py}.com.cn"
    return f"{trade}{prod}({pl.city})有限公司", f"{pl.city}{trade}", dom


_PRESSES = _words("人民 教育 科学技术 少年儿童 古籍 美术 摄影 文艺 大学 工商")


def _media(rng: random.Random, pl: Place) -> Org:
    r = rng.random()
    if r < 0.04:
        return f"{pl.prov}日报报业集团", f"{pl.prov}日报", f"{pl.prov_py}daily.com.cn"
    if r < 0.1:
        kind, ab = _p(rng, (("日报社", "日报"), ("晚报社", "晚报"), ("广播电视台", "广电"),
                            ("日报报业集团", "日报集团"), ("广播电视集团", "广电集团")))  # fmt: skip
        return f"{pl.city}{kind}", f"{pl.city}{ab}", f"{pl.city_py}media.com"
    if r < 0.3:
        return f"{pl.dfull}融媒体中心", f"{pl.dshort}融媒体中心", f"{pl.city_ab}{pl.dab}media.cn"
    if r < 0.35:
        press = _p(rng, _PRESSES)
        return f"{pl.prov}{press}出版社", f"{pl.prov}{press}社", f"{pl.prov_py}press.com"
    trade, py = _p(rng, TRADES)
    kind = _p(rng, ("文化传媒有限公司", "影视传媒有限公司", "广告有限公司", "印务有限公司",
                    "新媒体科技有限公司", "文化发展有限公司"))  # fmt: skip
    return f"{pl.city}{trade}{kind}", f"{trade}{kind[:2]}", f"{py}media.com"


_HOTELS = tuple(h.split(":") for h in _words(
    "锦江之星:jinjianginns.com 如家:homeinns.com 汉庭:huazhu.com 全季:huazhu.com 7天:plateno.com "
    "维也纳:wyn88.com 亚朵:yaduo.com 格林豪泰:998.com 桔子:huazhu.com 城市便捷:dossen.com "
    "丽枫:plateno.com 开元:kaiyuanhotels.com 宜必思:accor.com"
))  # fmt: skip
_HOTEL_SPOTS = _words(
    "火车站 汽车南站 市民中心 体育中心 会展中心 万达广场 步行街 大学城 高铁站 机场 人民广场 "
    "开发区 高新区 新城 东站 西站 医院 市政府"
)


def _hotels(rng: random.Random, pl: Place) -> Org:
    brand, dom = _p(rng, _HOTELS)
    r = rng.random()
    if r < 0.4:
        road = _p(rng, ROADS)
        return f"{brand}连锁酒店({pl.city}{road}店)", f"{brand}{road}店", dom
    if r < 0.75:
        spot = _p(rng, _HOTEL_SPOTS)
        return f"{brand}酒店({pl.city}{pl.dshort}{spot}店)", f"{brand}{pl.dshort}{spot}店", dom
    trade, py = _p(rng, TRADES)
    kind = _p(rng, ("酒店管理有限公司", "大酒店有限公司", "宾馆有限公司", "度假酒店有限公司"))
    return f"{pl.city}{trade}{kind}", f"{trade}{kind[:-4]}", f"{py}hotel.com"


_OTHER_KINDS = _words(
    "科技 贸易 实业 建设集团 房地产开发 纺织 服饰 机械制造 食品 医药 建材 汽车销售服务 家居 "
    "电子商务 网络科技 文化旅游 餐饮管理 物业管理 环保科技 农业发展 建筑设计 检测技术"
)


def _other(rng: random.Random, pl: Place) -> Org:
    trade, py = _p(rng, TRADES)
    r = rng.random()
    if r < 0.85:
        kind = _p(rng, _OTHER_KINDS)
        return f"{pl.city}{trade}{kind}有限公司", f"{trade}{kind}", f"{py}{pl.city_ab}.com"
    if r < 0.93:
        return f"{pl.prov}{trade}律师事务所", f"{trade}律所", f"{py}law.com"
    return f"{pl.city}{trade}会计师事务所有限公司", f"{trade}会计所", f"{py}cpa.com"


ORG_BUILDERS: dict[str, Callable[[random.Random, Place], Org]] = {
    "government": _government, "banking": _banking, "education": _education,
    "healthcare": _healthcare, "transport": _transport, "tax": _tax,
    "petrochemicals": _petrochemicals, "logistics": _logistics, "securities": _securities,
    "insurance": _insurance, "customs": _customs, "electronics": _electronics,
    "media": _media, "hotels": _hotels, "other": _other,
}  # fmt: skip

#: Share of customers per industry (per cent); the twelve key industries dominate.
INDUSTRY_WEIGHTS: dict[str, int] = {
    "government": 12, "banking": 11, "education": 12, "healthcare": 9, "transport": 5,
    "tax": 4, "petrochemicals": 4, "logistics": 7, "securities": 5, "insurance": 7,
    "customs": 2, "electronics": 8, "media": 4, "hotels": 4, "other": 6,
}  # fmt: skip

#: (min, max) employees of one customer (log-uniform in between).
HEADCOUNT: dict[str, tuple[int, int]] = {
    "government": (15, 900), "banking": (12, 400), "education": (40, 500),
    "healthcare": (60, 4000), "transport": (50, 6000), "tax": (20, 400),
    "petrochemicals": (8, 3000), "logistics": (20, 3000), "securities": (10, 120),
    "insurance": (15, 600), "customs": (20, 800), "electronics": (80, 9000),
    "media": (20, 1500), "hotels": (12, 250), "other": (5, 600),
}  # fmt: skip


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

_SURNAMES = _words(
    "王wang:30 李li:30 张zhang:28 刘liu:22 陈chen:20 杨yang:12 黄huang:9 赵zhao:9 吴wu:8 "
    "周zhou:8 徐xu:6 孙sun:6 马ma:5 朱zhu:5 胡hu:5 郭guo:5 何he:4 林lin:4 高gao:4 罗luo:3 "
    "郑zheng:3 梁liang:3 谢xie:3 宋song:3 唐tang:3 许xu:3 韩han:2 冯feng:2 邓deng:2 曹cao:2 "
    "彭peng:2 曾zeng:2 肖xiao:2 田tian:2 董dong:2 潘pan:2 袁yuan:2 蔡cai:2 蒋jiang:2 余yu:2 "
    "于yu:2 杜du:2 叶ye:2 程cheng:2 魏wei:2 苏su:2 吕lv:2 丁ding:2 任ren:2 卢lu:2 姚yao:2 "
    "沈shen:2 钟zhong:2 姜jiang:1 崔cui:1 谭tan:1 陆lu:1 范fan:1 汪wang:1 廖liao:1 石shi:1 "
    "金jin:1 韦wei:1 贾jia:1 夏xia:1 付fu:1 方fang:1 邹zou:1 熊xiong:1 白bai:1 孟meng:1 "
    "秦qin:1 邱qiu:1 侯hou:1 江jiang:1 尹yin:1 薛xue:1 段duan:1 雷lei:1 龙long:1 黎li:1 "
    "史shi:1 陶tao:1 贺he:1 毛mao:1 郝hao:1 顾gu:1 龚gong:1 邵shao:1 万wan:1 钱qian:1 "
    "戴dai:1 严yan:1 孔kong:1 汤tang:1 康kang:1 施shi:1 洪hong:1 章zhang:1 楼lou:1 应ying:1 "
    "俞yu:1 童tong:1 虞yu:1 单shan:1"
)
SURNAMES: tuple[tuple[str, str], ...] = tuple(
    (s[0], s[1 : s.index(":")]) for s in _SURNAMES for _ in range(int(s.split(":")[1]))
)
COMPOUND_SURNAMES: tuple[tuple[str, str], ...] = (
    ("欧阳", "ouyang"), ("司马", "sima"), ("上官", "shangguan"), ("诸葛", "zhuge"),
    ("皇甫", "huangfu"), ("司徒", "situ"), ("东方", "dongfang"), ("慕容", "murong"),
)  # fmt: skip
GIVEN: tuple[tuple[str, str], ...] = tuple((g[0], g[1:]) for g in _words(
    "伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie "
    "娟juan 涛tao 明ming 超chao 秀xiu 霞xia 平ping 刚gang 英ying 华hua 文wen 辉hui 建jian "
    "国guo 红hong 玲ling 峰feng 斌bin 波bo 宇yu 浩hao 凯kai 健jian 俊jun 帆fan 鹏peng "
    "鑫xin 昊hao 晨chen 阳yang 睿rui 博bo 子zi 轩xuan 欣xin 怡yi 婷ting 雪xue 琳lin "
    "晶jing 颖ying 倩qian 佳jia 慧hui 燕yan 萍ping 莉li 琴qin 云yun 梅mei 兰lan 亮liang "
    "东dong 海hai 林lin 志zhi 坤kun 晓xiao 春chun 雨yu 嘉jia 思si 泽ze 宏hong 振zhen "
    "飞fei 丹dan 璐lu 莹ying 瑶yao 然ran 天tian 翔xiang 新xin 永yong 立li 晖hui 彬bin "
    "毅yi 诚cheng 航hang 一yi 可ke 欢huan 蕾lei 薇wei 涵han 梓zi 雅ya 宁ning 安an 成cheng "
    "德de 良liang 荣rong 忠zhong 卫wei 庆qing 秋qiu 松song 清qing 金jin 晴qing 露lu"
))  # fmt: skip
RARE_GIVEN: tuple[tuple[str, str], ...] = tuple((g[0], g[1:]) for g in _words(
    "喆zhe 堃kun 昇sheng 镕rong 玥yue 珺jun 彧yu 翀chong 淼miao 犇ben 骉biao 赟yun "
    "琤cheng 祎yi 燊shen 昶chang"
))  # fmt: skip
RARE_CHARS = frozenset(c for c, _ in RARE_GIVEN)

#: Mobile number prefixes of the three operators.
MOBILE_PREFIXES = tuple(_words(
    "130 131 132 155 156 185 186 166 175 176 134 135 136 137 138 139 150 151 152 157 158 "
    "159 182 183 187 188 198 133 153 180 181 189 177 199"
))  # fmt: skip

# Positions per industry: "title/department" grouped by the CUTE role they usually hold:
# E economic buyer, T technical buyer, C coach candidates, U users.
_POSITIONS: dict[str, str] = {
    "government": "E:局长/局领导,副局长/局领导,主任/领导班子,分管副主任/领导班子;"
    "T:信息中心主任/信息中心,信息科科长/信息科,大数据科科长/大数据科;"
    "C:办公室主任/办公室,办公室副主任/办公室,综合科科长/综合科;"
    "U:网络管理员/信息中心,科员/办公室,档案管理员/档案室,后勤保障科科长/后勤保障科",
    "banking": "E:行长/行长室,副行长/行长室,分管副行长/行长室;"
    "T:信息科技部总经理/信息科技部,科技部副经理/信息科技部,运维主管/信息科技部;"
    "C:办公室主任/综合办公室,运营主管/运营管理部,公司业务部经理/公司业务部;"
    "U:网络管理员/信息科技部,大堂经理/营业部,采购专员/采购部,柜员主管/营业部",
    "education": "E:校长/校长室,副校长/校长室,党委书记/党委办公室;"
    "T:信息中心主任/信息中心,电教主任/电教中心,网络管理员/信息中心;"
    "C:办公室主任/校长办公室,教务处主任/教务处,德育处主任/德育处;"
    "U:年级组长/年级组,总务处主任/总务处,信息技术老师/信息技术组",
    "healthcare": "E:院长/院长办公室,副院长/院长办公室,党委书记/党委办公室;"
    "T:信息中心主任/信息中心,信息科科长/信息科,网络工程师/信息中心;"
    "C:院办主任/院长办公室,医务科科长/医务科,护理部主任/护理部;"
    "U:总务科科长/总务科,设备科科长/设备科,采购办主任/采购办公室",
    "transport": "E:总经理/总经理室,副总经理/总经理室,董事长/董事会;"
    "T:信息中心主任/信息中心,调度中心主任/调度中心,网络管理员/信息中心;"
    "C:办公室主任/综合办公室,运营部经理/运营部;"
    "U:采购部经理/采购部,车队队长/车队,站长/客运站",
    "tax": "E:局长/局领导,副局长/局领导,所长/税务所;"
    "T:信息中心主任/信息中心,征管科科长/征收管理科,网络管理员/信息中心;"
    "C:办公室主任/办公室,纳税服务科科长/纳税服务科;"
    "U:办税服务厅负责人/办税服务厅,科员/办公室",
    "petrochemicals": "E:总经理/经理层,副总经理/经理层,站长/加油站;"
    "T:信息中心主任/信息中心,信息技术部经理/信息技术部,自动化工程师/仪表自动化部;"
    "C:办公室主任/综合办公室,非油品业务部经理/非油品业务部;"
    "U:采购部经理/物资装备部,加油站经理/加油站,安全环保部经理/安全环保部",
    "logistics": "E:总经理/总经理室,区域总经理/区域管理部,副总经理/总经理室;"
    "T:IT经理/信息技术部,信息部主管/信息部,系统运维工程师/信息技术部;"
    "C:行政经理/行政部,运营总监/运营中心;"
    "U:仓储主管/仓储部,网点负责人/营业网点,客服主管/客服中心,采购部经理/采购部",
    "securities": "E:营业部总经理/总经理室,分公司总经理/总经理室,副总经理/总经理室;"
    "T:信息技术部经理/信息技术部,电脑部主管/电脑部,运维工程师/信息技术部;"
    "C:综合部经理/综合管理部,营销总监/营销部;"
    "U:客户经理/营销部,合规专员/合规风控部,柜台主管/运营部",
    "insurance": "E:总经理/总经理室,副总经理/总经理室,支公司经理/经理室;"
    "T:信息技术部经理/信息技术部,电脑部经理/电脑部,网络管理员/信息技术部;"
    "C:办公室主任/综合办公室,营销部经理/个险营销部,客服中心主任/客户服务中心;"
    "U:理赔部经理/理赔部,采购专员/行政部,团险部经理/团险部",
    "customs": "E:关长/关领导,副关长/关领导,处长/处领导;"
    "T:科技处处长/科技处,网络科科长/科技处,信息中心主任/信息中心;"
    "C:办公室主任/办公室,综合业务科科长/综合业务科;"
    "U:监管科科长/监管科,查验科科长/查验科,科员/办公室",
    "electronics": "E:总经理/总经理室,董事长/董事会,副总经理/总经理室;"
    "T:IT经理/信息部,信息总监/信息部,网络工程师/IT部;"
    "C:行政经理/行政部,总经理助理/总经办,人力资源经理/人力资源部;"
    "U:采购部经理/采购部,生产部经理/生产部,厂长/生产部",
    "media": "E:社长/社长室,台长/台领导,总编辑/编委会,副社长/社长室;"
    "T:技术部主任/技术部,网络中心主任/网络中心,播出部主任/技术播出部;"
    "C:办公室主任/办公室,新媒体中心主任/新媒体中心;"
    "U:记者站站长/记者站,采访部主任/采访部",
    "hotels": "E:总经理/总经理室,店长/前厅部,区域经理/区域管理部;"
    "T:IT主管/工程部,工程部经理/工程部;"
    "C:行政经理/行政部,前厅经理/前厅部;"
    "U:采购主管/采购部,客房部经理/客房部,销售经理/销售部",
    "other": "E:总经理/总经理室,董事长/董事会,副总经理/总经理室;"
    "T:IT经理/信息部,网络管理员/行政部;"
    "C:行政经理/行政部,办公室主任/办公室;"
    "U:采购部经理/采购部,财务经理/财务部,销售经理/销售部",
}


def _positions() -> dict[str, dict[str, tuple[tuple[str, str], ...]]]:
    out: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {}
    for code, spec in _POSITIONS.items():
        groups: dict[str, tuple[tuple[str, str], ...]] = {}
        for part in spec.split(";"):
            key, items = part.split(":")
            pairs = (i.split("/") for i in items.split(","))
            groups[key] = tuple((title, dept) for title, dept in pairs)
        out[code] = groups
    return out


POSITIONS = _positions()


# ---------------------------------------------------------------------------------------------
# Visit texts: per-industry nouns, then templates (str.format with a per-customer context)
# ---------------------------------------------------------------------------------------------

# site word, core system, impact when it fails, products, needs
INDUSTRY_TEXT: dict[str, tuple[str, str, str, tuple[str, ...], tuple[str, ...]]] = {
    "government": ("下属单位", "电子政务外网", "群众办事窗口停摆", ("电子政务专线", "视频会议", "移动办公"),
                   ("电子政务专线双路由", "视频会议系统扩容", "移动办公安全接入", "机关手机集团V网")),
    "banking": ("网点", "核心业务系统", "网点柜面业务中断", ("MSTP专线", "互联网专线双路由", "4006客服热线"),
                ("网点MSTP专线备份", "视频会议", "4006客服热线", "员工手机集团套餐")),
    "education": ("校区", "教务与家校沟通系统", "家长通知发不出去", ("家校通", "校园WLAN", "互联网专线"),
                  ("家校通", "校园WLAN全覆盖", "千兆互联网专线", "教师手机套餐")),
    "healthcare": ("院区", "HIS与PACS系统", "门诊挂号和影像调阅中断", ("医疗专网", "WLAN移动查房", "视频会诊"),
                   ("院区间专线", "WLAN移动查房", "远程视频会诊", "4006预约挂号热线")),
    "transport": ("站点", "调度系统", "车辆调度失灵", ("物联网卡", "车载WiFi", "调度专线"),
                  ("车辆物联网卡", "车载WiFi", "调度中心专线", "司机手机集团V网")),
    "tax": ("办税服务厅", "金税系统", "纳税人办税排长队", ("办税厅专线", "4006纳税服务热线", "移动办公"),
            ("办税厅专线双路由", "4006纳税服务热线", "移动执法终端", "视频会议")),
    "petrochemicals": ("加油站", "加油站IC卡系统", "加油卡无法结算", ("加油站专线", "物联网卡", "视频监控"),
                       ("加油站专线", "液位监测物联网卡", "站点视频监控", "员工手机套餐")),
    "logistics": ("网点", "WMS仓储系统", "包裹积压、派送延误", ("物联网卡", "移动办公", "4006热线"),
                  ("车辆定位物联网卡", "巴枪流量卡", "4006客服热线", "仓库WLAN")),
    "securities": ("营业部", "交易系统", "客户委托延迟甚至交易中断", ("低时延专线", "双路由专线", "呼叫中心"),
                   ("交易低时延专线", "双路由备份", "4006客服热线", "视频会议")),
    "insurance": ("营销服务部", "核心承保系统", "理赔和出单停滞", ("移动展业", "4006热线", "视频会议"),
                  ("移动展业流量包", "4006理赔热线", "视频会议", "营销员手机套餐")),
    "customs": ("监管现场", "报关与监管系统", "通关放行延误", ("专线", "视频监控", "移动办公"),
                ("监管现场专线", "卡口视频监控回传", "移动查验终端", "视频会议")),
    "electronics": ("厂区", "MES生产系统", "生产线停线", ("工业互联网专线", "5G专网", "网络管家"),
                    ("工业互联网专线", "厂区5G专网", "网络管家代维", "厂区WLAN")),
    "media": ("记者站", "采编系统", "稿件和直播信号传不回来", ("大带宽专线", "直播回传", "移动采编"),
              ("大带宽专线", "5G直播回传", "移动采编流量包", "视频会议")),
    "hotels": ("门店", "酒店管理系统", "前台无法入住结账", ("酒店WLAN", "宽带", "网络管家"),
               ("客房WLAN改造", "千兆宽带", "网络管家", "门店固话")),
    "other": ("分支机构", "OA系统", "内部审批停滞", ("宽带", "网络管家", "集团V网"),
              ("千兆宽带", "网络管家", "集团V网", "云视频会议")),
}  # fmt: skip

SPIN_SITUATION = (
    "目前共有{n}个{site},{system}通过{prov}的专线接入,总部出口带宽{bw}M。",
    "现有手机用户约{lines}户,大部分在{prov}网内,单位内部通话主要靠手机。",
    "{site}之间通过互联网VPN互联,视频会议用的是免费软件。",
    "信息中心{it}人负责全部网络运维,核心设备是{year}年前后采购的。",
    "宽带和固话由各{site}自行办理,合同到期时间不一。",
)
SPIN_PROBLEM = (
    "高峰期{system}经常卡顿,{site}反映业务办理慢。",
    "专线没有备份线路,今年已断过{k}次,每次影响半天以上。",
    "各{site}账单分散,费用不透明,财务对账困难。",
    "网管人员少,{site}的网络问题只能靠电话远程指导。",
    "外出人员无法安全访问内网,移动办公需求得不到满足。",
)
SPIN_IMPLICATION = (
    "一旦{system}中断,{impact},影响对外服务和声誉。",
    "故障排查靠人跑现场,每年多花不少人力和差旅费用。",
    "费用分散使年度预算难以控制,审计时说不清楚。",
    "现有方案跟不上{site}扩张,带宽和管理压力会越来越大。",
    "领导外出审批不及时,影响工作效率和对外服务形象。",
)
SPIN_NEED_PAYOFF = (  # the client's own words after the need-payoff question, as noted
    "主备双路由专线能把{system}中断的风险降到最低,避免{impact}。",
    "由网络管家统一代维{n}个{site}后,信息中心可以把精力放回业务系统。",
    "统一账单、按月出报表,预算更好控制,审计时一目了然。",
    "外出人员用手机就能安全访问内网,审批不必再等人回办公室。",
    "{prod}按整体业务捆绑优惠,总费用下降,年度考核更有把握。",
)
OBJECTIVES: dict[str, tuple[str, ...]] = {
    "onsite": ("了解{short}现有通信与网络状况", "拜访{boss},介绍{prod}方案", "与信息中心交流{prod}需求",
               "节前走访,送达新年台历和贺卡", "了解{site}扩建计划及网络需求", "递交方案建议书并讲解"),
    "phone": ("电话预约上门拜访时间", "电话确认{prod}报价反馈", "电话回访专线故障处理情况",
              "电话通知预存话费回馈活动", "电话了解合同续签意向"),
    "demo": ("现场演示{prod}", "组织{site}负责人体验5G视频会议", "演示网络管家监控平台"),
    "negotiation": ("商谈{prod}价格与合同期限", "就整体业务捆绑优惠进行谈判", "确认预存话费回馈方案细节",
                    "讨论超出权限的折扣审批"),
    "event": ("邀请参加联通{city}分公司客户答谢会", "邀请参观5G创新体验中心", "参加行业信息化交流沙龙"),
    "after_sales": ("回访{prod}开通后使用情况", "回访账单与服务满意度", "专线故障处理后的回访"),
}  # fmt: skip
OUTCOMES = (
    "客户认可方案,答应内部汇报后答复。", "对价格有顾虑,希望再给优惠。", "同意安排技术交流。",
    "{boss}表示年底前会考虑更换运营商。", "客户满意,愿意做成功案例。", "未见到决策人,留下资料。",
    "客户提出需要成功案例参考。", "已口头确认,等待走采购流程。", "客户对现有服务有投诉,已记录并转交。",
)  # fmt: skip
NEXT_STEPS = (
    "一周内提交方案建议书", "安排技术人员现场勘查线路", "报请营销主管审批优惠价格", "准备{prod}试用",
    "约{boss}再次面谈", "整理成功案例发给客户", "跟进合同审批流程", "协调装维人员上门",
    "邀请客户参观体验中心", "春节前再次走访",
)  # fmt: skip
COMPETITOR_NOTES = (
    "{comp}报价{prod}每月{price}元,合同{end}到期。", "{comp}客户经理近期频繁拜访,承诺免费提速。",
    "{comp}提出预存送终端的方案,客户有些心动。", "客户对{comp}的故障响应速度不满意。",
    "{comp}的合同{end}到期,客户愿意比较方案。",
)  # fmt: skip
COMPETITOR_SERVICES = ("专线", "固话", "宽带", "集团短信", "移动办公", "视频会议", "云服务", "物联网卡", "手机")
PLACES_ONSITE = ("{short}会议室", "{short}信息中心", "{short}办公室", "{short}{boss}办公室")
PLACES_OTHER = ("联通{city}分公司会议室", "联通{city}5G体验中心", "{city}国际会议中心", "联通营业厅体验区")
NOTES = (
    "前任客户经理交接,关系一般。", "逢年过节需走访,{boss}重视礼节。", "采购走公开招标,需提前准备资质。",
    "竞争对手关系较深,需找内部教练。", "对价格敏感,注意优惠权限。", "成功案例可参考同行业客户。",
)  # fmt: skip
STAGE_REASONS: dict[str, tuple[str, ...]] = {
    "target_market": ("纳入重点行业目标市场", "行业扫街名单导入"),
    "prospect": ("发现通信需求线索", "同事转介绍", "招标公告中发现"),
    "background": ("完成客户背景调查", "摸清组织架构和现网情况"),
    "approach": ("首次约见关键人", "约见信息中心负责人"),
    "build": ("建立初步信任,沟通氛围良好", "找到内部教练"),
    "deepen": ("技术交流深入,需求明确", "关键人认可方案"),
    "fill": ("关键人关系加深", "多次走访,人情往来增多"),
    "leverage": ("借助关系推动签约", "用关系争取整体业务"),
    "dormant": ("客户暂无通信需求,转入休眠", "关键人调离,暂停跟进"),
    "lost": ("客户与竞争对手签订三年合同", "招标落选"),
    "back": ("关键人调岗,关系需重新建立", "竞争对手低价介入,关系倒退"),
}
