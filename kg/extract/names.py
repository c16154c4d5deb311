"""Names of enterprises, organisations, projects, platforms, places and strategies.

General rules, strongest first: alias definitions （以下简称“X”）; list templates
``A、B等N个<head>`` whose head noun gives the class; coordinated names sharing a strong
ending (中州西路、建设路、西苑路); names found by their ending (…科技园, …项目, …路) with
the left boundary at a delimiter or a verb; gazetteer and well-known aliases; strategies.
"""

from __future__ import annotations

import re

from kg.extract.common import (
    DELIMS,
    FALSE_ENDINGS,
    NAME_OPENERS,
    ZONE_REGION,
    is_junk,
    is_slogan,
    mention,
    place_stems,
    region_short,
    strip_trailing_verbs,
    strip_verbs,
    unquote,
)
from kg.lexicon import is_descriptive, load, suffix_class
from kg.model import Candidate, Document, Extraction, Relation

ALIAS_DEF = re.compile(r"[（(](?:以下|下文)?(?:简称|下称|简写为|以下称)[“\"「]?([^”\"」）)]{1,16})[”\"」]?[）)]")
LIST_TAIL = re.compile(  # not the 等 of 甲等, 中等, 高等, 平等: a word, not "and so on"
    r"(?<![甲乙中高初同平优上次均对相])等(?:(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)余?(?:个|家|所|座|项|条|批次|批|处|大)?)?"
)
COUNT_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d+|[两三四五六七八九十]+)(?:个|家|所|座|条)")
NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·（）()—\-]")
# verbs that also sit inside names (生产服务型物流枢纽, 建设路, 经济技术开发区): the back-scan
# goes past them and _clean strips them when they lead the clause
NAME_VERBS = frozenset({"服务", "发展", "创新", "示范", "开发", "生产", "研发", "保障", "联合"})
HE_WORDS = frozenset("协和 太和 永和 祥和 泰和 怡和 嘉和".split())
STOP_SINGLE = set("的和与及在对把将为向从等是了即指到")
CLASSIFIERS = set("个家所座项条批处名")
BAD_START = re.compile(r"^(各|乡镇(?=[\u4e00-\u9fff]{3})|受援|\d+分钟|园区(?=[\u4e00-\u9fff]{3})|\d+[户个家项]|[A-Z]级|县级|镇级|村级|项目|工程|全县|全镇|全乡|国家\d?A级|\dA级|[一二三四五]星级|所有|全部|每个|第[一二三](?:民生|要务|动力|梯队|方阵|资源|生产力)|头号|国家级|省级|市级|区级|区属|市属|县属|省属|州属|全国|全省|全市|全区|一批|一个|各类|各级|我区|我市|其中|新增|新建|累计|全年|年内|新一轮|首座|首个|首家|首批|更高|更加|高水平|位于|部分|多个|若干|各个|实行|驻|三级|二级|一级)")
GENERIC_PROJECT = re.compile(
    r"^(?:[\d一二三四五六七八九十百千]+亿元以上|省市|自治区|省|市|区|国家|科技|重点|重大|新开工|续建|前期谋划|亿元以上|创新|绿色改造|改造|建设|民生|产业|基建|招商|"
    r"制造业高质量发展|高质量发展|示范|试点|先进|技改|工业技改|帮扶|配套|专项|产业链配套|外资|内资|高排放|两高|[\u4e00-\u9fff]{2}产业|[\u4e00-\u9fff]{0,2}级|\d+个|[一二三四五六七八九十]+个)+(?:项目|工程)$"
)
# 优先保障重点项目, 重大基础设施项目: a category of projects, whatever precedes it
KIND_OF_PROJECT = re.compile(r"(?:^(?:产业扶贫|城建|交通|修复|生态修复|区域协调|抓大)|领域|产业园区|公益性|违规|高耗能|高排放|地区|实事|“白改黑”|(?:亿|万)元以上.{0,6}|土建|主体|代表性|攻坚|援青|援疆|援藏|推进|推动|加快|实施|开展|谋划|储备|包装|申报|招引|落地|争取|互联互通|工程建设|重点|重大|基础设施|民生实事|招商|签约|在建|新开工|续建|储备|技术改造|技改)(项目|工程)$")
NOT_A_PLACE = ("上山", "下山", "水乡", "返乡", "入乡", "脱贫村", "空壳村", "下乡", "城乡", "家乡", "故乡", "回乡", "还乡", "老乡", "同乡", "异乡", "梦乡", "行政村", "自然村", "贫困村", "中心村", "空心村", "城中村", "城带乡")
SLOGAN_LEADS = frozenset("数字 智慧 美丽 平安 健康 幸福 法治 文明 活力 魅力 品质 人文 生态 绿色 创新 开放".split())
KINDS_OF_ROAD = ("硬化路", "三级路", "二级路", "等级路", "水泥路", "柏油路", "断头路", "产业路", "旅游路", "资源路", "农村路", "农村公路", "致富路")
MODIFIER = re.compile(r"^(全区|全市|我区|各类|一批|省级|市级|国家级|新增|新建|现代化|高质量)")


def _back_scan(text: str, end: int, limit: int = 16, first: bool = True, singles: bool = True) -> int:
    """Left boundary of a name ending at ``end``: stop at a delimiter, a verb or (with
    ``singles``) a one-character function word. ``first=False`` lets the name itself end in
    a verb (河柴重工智能制造建设)."""
    verbs = [v for v in load().verbs if len(v) > 1 and v not in NAME_VERBS]
    i = end
    tail_end = end  # with first=False, up to two verbs may close the name (那洒古镇保护利用一期工程)
    if not first:
        for _ in range(2):
            v = next((v for v in verbs if text.endswith(v, 0, tail_end) and tail_end - len(v) > 0), None)
            if v is None:
                break
            tail_end -= len(v)
    while i > 0 and end - i < limit:
        ch = text[i - 1]
        if ch == "”" and text[i : i + 1] not in ("即", "是", "指"):  # a quoted part belongs to the name: “硅巷”经济走廊
            j = text.rfind("“", max(0, i - 12), i - 1)
            if j < 0:
                break
            i = j
            continue
        if ch in "）)":
            j = max(text.rfind("（", 0, i - 1), text.rfind("(", 0, i - 1))
            if j < 0 or i - 1 - j > 5:  # （以下简称“X”）ends a definition, not a name
                break
        if singles and text[i - 1 : i + 1] in NAME_OPENERS and i >= 2 and (not NAME_CHAR.match(text[i - 2]) or any(text.endswith(v, 0, i - 1) for v in verbs)):
            i -= 1  # 、向阳镇, 打通和平北路: 向 and 和 start the name here, not a phrase
            break
        if ch == " " and i >= 2 and re.match(r"[A-Za-z0-9]", text[i - 2]) and re.match(r"[A-Za-z]", text[i : i + 1]):
            i -= 1  # 岚光科技Mini LED背光模组项目: a space between Latin words is inside the name
            continue
        if ch == "等" and text[i - 2 : i] in ("中等", "高等", "初等"):
            i -= 1  # 嘉屿中等专业学校: 等 closes 中等, it does not end a list
            continue
        if ch == "和" and text[i - 2 : i] in HE_WORDS:
            i -= 1  # 协和医院, 太和县: 和 closes a word of the name, it does not join two names
            continue
        if not NAME_CHAR.match(ch) or (singles and ch in STOP_SINGLE):
            break
        if ch in CLASSIFIERS and i >= 2 and re.match(r"[\d一二两三四五六七八九十百千余多]", text[i - 2]):
            break
        if ch == "大" and i >= 2 and text[i - 2] in "两三四五六七八九十" and i < end:
            break  # 海澄滨海商圈两大消费商圈: a count closes the list before it
        if (first or i < tail_end) and any(text.endswith(v, 0, i) for v in verbs):
            v = next(v for v in verbs if text.endswith(v, 0, i))
            j = i - len(v)
            if end - i <= 2 and text[end : end + 1] in ("路", "街") and (j == 0 or text[j - 1] in "、，；：“（\n"):
                i = j  # 、建设北路: a list item that only looks like it starts with a verb
            break
        i -= 1
    return i


def _clean(doc: Document, a: int, b: int) -> tuple[int, int] | None:
    """Trim verbs and modifiers from the front of a name span; None when nothing name-like remains."""
    # 和平北路, 向阳镇: a name that starts like a function word, after a verb or delimiter
    lead_ok = doc.text[a : a + 2] in NAME_OPENERS and a > 0 and _back_scan(doc.text, a + 2, limit=3) == a
    d, _ = strip_verbs(doc.text[a:b])
    if not lead_ok and not (d and b - a - d <= 2 and doc.text[b - 1 : b] in ("路", "街")):  # 建设北路 is a road
        a += d
    if b - a >= 4 and doc.text[a] in "以在于对把将从由经按据至" and doc.text[a : a + 2] not in ("经济", "经营", "经开", "经贸", "经典", "对外", "对口"):
        a += 1  # 以北原科创城为核心: the preposition is not part of the name
    date = re.match(r"(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:(?<=[年月日])[经获由被报向]|[经获被](?=[省市县区国]))|\d{4}年(?=[\u4e00-\u9fff]{4})", doc.text[a:b])
    if date and date.end():
        a += date.end()  # 2019年4月经省人民政府批准: a date and a preposition before the body
    k = doc.text.find("以", a + 2, b)
    if k > 0 and re.search(r"[省市县区]$", doc.text[a:k]):
        a = k + 1  # 云南省以县城为载体: the province is the subject, not part of a name
    if re.match(r"“?[\dNX]+\+", doc.text[a:b]):
        return None  # “1+N”园区体系: a slogan, not a park
    if doc.text[a : a + 1] == "好" and any(doc.text.endswith(v, 0, a) for v in load().verbs if len(v) > 1):
        a += 1  # 运营好乌兰旗青年创业孵化器: 好 completes the verb
    if doc.text[a : a + 1] in ("上", "下") and doc.text[a - 1 : a] == "以":
        a += 1  # 1000个以上技术改造项目: the rest of 以上 is not part of the name
    seat = re.match(r"(?:(?:县城|城区|市区|主城区|中心城区|老城区)(?:主干道|主干路|次干道|道路)?|主干道|主干路)(?=[\u4e00-\u9fff]{2,4}?(?:大道|大街|路|街)(?:[\u4e00-\u9fff]|$))", doc.text[a:b])
    if seat:
        a += seat.end()  # 县城人民路商圈, 完成县城滨河路提升: the county seat locates the road, it is not part of the name
    for conj in ("与", "和", "及"):
        k = doc.text.find(conj, a + 3, b)
        if k > 0 and b - k - 1 >= 3 and suffix_class(doc.text[a:k]) and suffix_class(doc.text[k + 1 : b]) and doc.text[k - 2 : k + 2] not in HE_WORDS:
            a = k + 1  # 岚平光电子创新中心与华中科技大学: two names joined, this one is the second
            break
    joint = doc.text.find("联合", a + 2, b)
    if joint > 0 and b - joint - 2 >= 4 and suffix_class(doc.text[joint + 2 : b]):
        a = joint + 2  # 华冠生物联合河南工业大学: two partners, the name is the second
    first = re.match(r"(?:[区县市省州]内|全[国省市区县州])?首[个家座所](?=[\u4e00-\u9fff]{6})", doc.text[a:b])
    if first:
        a += first.end()  # 区内首个半导体材料工程技术研究中心: a rank, then the name
    owner_kind = re.match(r"(?:外资|内资|德资|美资|日资|韩资|台资|港资|外商独资|中外合资)企业(?=[\u4e00-\u9fff]{4})", doc.text[a:b])
    if owner_kind:
        a += owner_kind.end()  # 德资企业施泰纳精密机械（上海）有限公司: the kind of owner, then the name
    m = MODIFIER.match(doc.text[a:b])
    if m and b - a - m.end() >= 3:
        a += m.end()
    if re.fullmatch(r"沿[\u4e00-\u9fff]{1,6}[湖河江]", doc.text[a:b]):
        a += 1  # 实施沿太湖生态林带: 沿 (along) is not part of the lake's name
    while a < b and doc.text[a] in "—-─–":
        a += 1
    while a < b and doc.text[a] in "“”（(":
        if doc.text[a] in "（(":
            return None
        a += 1
    if doc.text[a:b].count("（") > doc.text[a:b].count("）") and doc.text[b : b + 1] == "）":
        b += 1
    name = doc.text[a:b]
    if name.endswith(FALSE_ENDINGS) and not name.endswith(("高速公路", "一级公路", "二级公路", "城际铁路")):
        return None
    title = re.search(r"(?<=.{2})(国家级|省级|市级|区级)", name)
    if title and is_descriptive(re.sub(r"(小镇|基地|园区|示范区|中心)$", "", name[title.end() :])):
        return None  # 青溪镇省级特色小镇: a place and an honour, not a name
    lead_ok = lead_ok and name[:1] in ("和", "向")
    if re.search(r"不(?!夜城)[\u4e00-\u9fff]", name):
        return None  # 结束了清河不通高速公路的历史: a negated clause, not a name
    if re.search(r"(?<![中高初])等", name[1:]) or name.endswith("的"):
        return None  # 焦化路等断头路: a list and its category, not a name; 东港区的…: a clause
    if b - a < 2 or is_junk(("名" + unquote(name)[1:]) if lead_ok else unquote(name)) or BAD_START.match(name):
        return None
    return a, b


def _cand(doc: Document, a: int, b: int, kind: str, rule: str, conf: float, aliases: tuple[str, ...] = ()) -> Candidate:
    name = unquote(doc.text[a:b])
    return Candidate(name, kind, mention(doc, a, b, rule, conf), aliases=aliases)


def extract(doc: Document, found: Extraction) -> Extraction:
    ex = Extraction()
    glossary_start = next((s.start for s in doc.sections if s.kind == "glossary"), len(doc.text))
    ex.extend(_alias_definitions(doc))
    ex.extend(_list_templates(doc, glossary_start))
    ex.extend(_coordinated(doc))
    ex.extend(_by_suffix(doc))
    ex.extend(_gazetteer(doc))
    ex.extend(_region(doc))
    ex.extend(_government_bodies(doc))
    ex.extend(_quoted_projects(doc))
    ex.extend(_dash_pairs(doc, ex))
    ex.extend(_trade_names(doc, ex))
    ex.extend(_trade_name_lists(doc))
    ex.extend(_bare_trade_names(doc, ex))
    ex.extend(_owner_prefixed(doc, ex))
    ex.extend(_under_construction(doc, ex))
    ex.extend(_route_sections(doc))
    ex.extend(_named_lines(doc))
    return ex


ROUTE_SECTION = re.compile(
    r"((?:城际铁路|高速铁路|高铁|铁路|地铁[A-Z]?\d{1,2}号?线|轨道交通\d{1,2}号线|\d{1,2}号线|高速公路|高速|(?:国道|省道|县道)[GSX]?\d{0,4}线?|快速路|大道)"
    r"[\u4e00-\u9fff]{2,4}?段)(?=[^\u4e00-\u9fff]|建设|工程|开工|通车|建成|具备|土建|改建|扩建|全线|纳入|列入|前期|开通|规划|项目)"
)


# 红岭至梅州铁路, 云岭至景岚高速公路: a route between two places is a project
ROUTE_BETWEEN = re.compile(r"至[\u4e00-\u9fff]{2,4}?(?:城际铁路|高速铁路|铁路|高速公路|一级公路|二级公路|快速路|快速通道)")


# 成昆铁路, 京津塘高速公路, 沈海高速: a line named by the places it joins; G212, 国道319线: by its code
LINE_KIND = re.compile(r"(城际铁路|高速铁路|铁路|高速公路|高速)(?=[\u4e00-\u9fff]{2,4}?(?:至[\u4e00-\u9fff]{2,4}?)?段|[\u4e00-\u9fff]{0,4}?站|沿线|互通|立交|连接线|支线|[和与及、，。；])")
CODE_LINE = re.compile(r"(?<![A-Za-z0-9])((?:G|S)\d{2,4})(国道|省道)?(?=沿线|[\u4e00-\u9fff]{2,4}?段|[和与及、，。；])|(?<![A-Za-z0-9])((?:国道|省道)\d{2,4}线)(?=沿线|[\u4e00-\u9fff]{2,4}?段|[和与及、，。；])")
LINE_BEFORE = re.compile(r"(?:^|[\s，。；、（“]|连接|依托|沿|紧邻|毗邻|经|融入|对接|接入|串联|与|和|及|推进|配合推进|实施)$")


def _named_lines(doc: Document) -> Extraction:
    """A railway or highway the report names by its abbreviation or code, as a route it lies on
    or a section of it is built on (连接成昆铁路, 沈海高速南溪至平沙段, G214国道沿线): a place.
    Lines between two named places (红岭至梅州铁路) are projects, read by the route rules."""
    ex = Extraction()
    lex = load()
    verbs = [v for v in lex.verbs if len(v) > 1]
    for m in LINE_KIND.finditer(doc.text):
        for size in (2, 3):  # 连接成昆铁路: the shortest abbreviation that the context closes
            a = m.start() - size
            abbr = doc.text[max(0, a) : m.start()]
            if a < 0 or not re.fullmatch(r"[\u4e00-\u9fff]+", abbr) or not LINE_BEFORE.search(doc.text[max(0, a - 4) : a]):
                continue
            if re.search(r"[至的]", abbr) or any(abbr.startswith(v) or abbr.endswith(v) for v in verbs) or strip_verbs(abbr)[0]:
                continue
            if is_descriptive(abbr) or abbr in lex.generic or re.match(r"[一二三四五六七八九十两全各本新]", abbr):
                continue
            ex.candidates.append(_cand(doc, a, m.end(), "Place", "named-line", 0.7))
            break
    for m in CODE_LINE.finditer(doc.text):  # a code names its line wherever it stands
        if m.group(1):  # G214国道: the code is the name, 国道 only says what it is
            ex.candidates.append(_cand(doc, m.start(1), m.end(1), "Place", "named-line", 0.7, aliases=(m.group(0),) if m.group(2) else ()))
        else:
            ex.candidates.append(_cand(doc, m.start(3), m.end(3), "Place", "named-line", 0.7))
    return ex


def _route_sections(doc: Document) -> Extraction:
    """深南城际铁路南溪段, 沧澜地铁3号线玉溪段: the local section of a route is a project."""
    ex = Extraction()
    for m in ROUTE_BETWEEN.finditer(doc.text):
        a = _back_scan(doc.text, m.start(), limit=5)
        span = _clean(doc, a, m.end()) if m.start() - a >= 2 else None
        if span and span[0] < m.start() - 1:
            ex.candidates.append(_cand(doc, span[0], span[1], "Project", "route-between", 0.75))
    for m in ROUTE_SECTION.finditer(doc.text):
        a = _back_scan(doc.text, m.start(), limit=12)
        span = _clean(doc, a, m.end())
        coded = re.match(r"(?:地铁|轨道交通)[A-Z]?\d{1,2}号?线", m.group(1))  # 地铁Z4线沽河段: the line's own code names it
        if span and (span[1] - span[0] > len(m.group(1)) or (coded and span[1] - span[0] == len(m.group(1)))):
            ex.candidates.append(_cand(doc, span[0], span[1], "Project", "route-section", 0.8))
    return ex


# Facilities a report either names as existing (建成城西公园: a place) or as something to be
# built (谋划建设王湾遗址公园, 推进谷水综合交通枢纽建设: a project).
FACILITY_ENDINGS = (
    "公园", "湿地", "广场", "图书馆", "博物馆", "展览馆", "文化馆", "纪念馆", "科技馆", "美术馆",
    "档案馆", "体育馆", "体育场", "体育中心", "游泳馆", "剧院", "医院", "学校", "小学", "中学",
    "幼儿园", "院区", "校区", "交通枢纽", "快速路", "福利中心", "养老院", "客运站", "综合体", "水库", "大桥", "机场", "加工厂", "展示馆",
)
BUILD_BEFORE = re.compile(r"(开工建设|加快建设|谋划建设|启动建设|规划建设|开工|续建|新建|扩建|改扩建|建设|筹建)$")
BUILD_AROUND = re.compile(r"(推进|加快|启动|开工|实施)$")
LIST_ITEM = r"[^，。；：、\n]{2,24}"


def _under_construction(doc: Document, found: Extraction) -> Extraction:
    """A facility named as the object of building in the future tense is a Project.

    Why: 建成锦溪湿地公园 reports a place that exists; 开工建设市儿童医院 and
    推进谷水综合交通枢纽建设 name works still to be done, which readers file as projects.
    """
    ex = Extraction()
    starts_by_end = {c.mention.end: c.mention.start for c in found.candidates}
    for c in found.candidates:
        m = c.mention
        if c.kind not in ("Place", "Organization", "Platform", "Enterprise") or not c.name.endswith(FACILITY_ENDINGS):
            continue
        if _county_body(c.name):
            continue  # 推进县图书馆、文化馆总分馆制建设: the county's institution, not new works
        clause_start = max(doc.text.rfind(p, 0, m.start) for p in "，。；：\n") + 1
        before = doc.text[clause_start : m.start]
        if before.endswith("、"):  # 开工建设市儿童医院、城东体育中心: the verb governs the whole list
            first_end = clause_start + before.index("、")
            before = doc.text[clause_start : starts_by_end.get(first_end, first_end)]
        clause_end = min((i for i in (doc.text.find(p, m.end) for p in "，。；\n") if i >= 0), default=len(doc.text))
        after = doc.text[m.end : clause_end]
        future = BUILD_BEFORE.search(before) or (
            re.match(rf"(?:、{LIST_ITEM})*(?:等[^，。；]{{0,12}})?建设", after) and BUILD_AROUND.search(before)
        )
        if future:
            ex.candidates.append(Candidate(c.name, "Project", mention(doc, m.start, m.end, "construction-object", min(1.0, m.confidence + 0.1))))
    return ex


def _owner_prefixed(doc: Document, found: Extraction) -> Extraction:
    """A project whose left edge stopped inside its own name, just after its company:
    雪川机床五轴联动加工中心产业化项目 (stopped at 联动), 龙江客车转向架…改造项目 (at 向);
    and 宏顺新材料科技股份有限公司（以下简称“宏顺新材”）年产10万吨…项目, which the report
    elsewhere calls 宏顺新材年产10万吨…项目."""
    ex = Extraction()
    names: set[str] = set()
    shorts: dict[int, str] = {}
    for c in found.candidates:
        if c.kind == "Enterprise":
            for n in (c.name, *c.aliases):
                names.add(n)
                names.add(re.sub(r"(集团|股份|公司|有限公司)$", "", n))
            if c.mention.rule == "alias-definition" and doc.text[c.mention.end : c.mention.end + 2] in ("”）", "\"）"):
                shorts[c.mention.end + 2] = doc.text[c.mention.start : c.mention.end]
            elif c.mention.rule == "alias-definition" and doc.text[c.mention.end : c.mention.end + 1] == "）":
                shorts[c.mention.end + 1] = doc.text[c.mention.start : c.mention.end]  # （简称芯湾半导体）
    verbs = [v for v in load().verbs if len(v) > 1]
    legal_ends = {c.mention.end: c.name for c in found.candidates if c.kind == "Enterprise" and re.search(r"(有限公司|有限责任公司)$", c.name)}
    projects = {c.name for c in found.candidates if c.kind == "Project"}
    trade = {c.name for c in found.candidates if c.kind == "Enterprise" and not re.search(r"(公司|集团)$", c.name)}
    for c in list(found.candidates):
        if c.kind != "Project" or not c.mention.rule.startswith("suffix:"):
            continue
        s0 = c.mention.start
        short = shorts.get(s0)
        legal = legal_ends.get(s0)
        if short is None and legal:  # 永丰精密（海晏）有限公司智能终端结构件项目 → 永丰精密智能终端结构件项目
            core = re.sub(r"（[^）]*）|(?:股份|集团)?(?:有限公司|有限责任公司)$", "", legal)
            written = sorted(
                p[: -len(c.name)] for p in projects if p.endswith(c.name) and 2 <= len(p) - len(c.name) <= 6 and p[:2] in core
            )
            short = written[0] if len(written) == 1 else None
            if short is None:  # 福建金汀稀土新材料有限公司年产…项目, the company called 金汀稀土 elsewhere
                known = sorted({n for n in trade if 3 <= len(n) <= 6 and n in core and n != core})
                short = known[0] if len(known) == 1 else None
        if short and not c.name.startswith(short):  # the name the report would call it by
            ex.candidates.append(Candidate(short + c.name, "Project", mention(doc, s0, c.mention.end, "owner-project", 0.75), aliases=(c.name,)))
            continue
        window = doc.text[max(0, s0 - 20) : s0]
        owners = sorted(
            ((s0 - len(window) + k, n) for n in names if len(n) >= 3 and not n.endswith("公司") for k in [window.rfind(n)] if k >= 0),
            key=lambda x: (-(x[0] + len(x[1])), -len(x[1])),
        )
        for a, owner in owners:
            b = a + len(owner)
            gap = doc.text[b:s0]
            if not (0 < len(gap) <= 6) or re.search(r"[^\u4e00-\u9fff\dA-Za-z]", gap):
                continue
            if any(gap.startswith(v) for v in verbs) or gap[0] in STOP_SINGLE or gap[0] in "在于对把将从由经为" or re.search(r"集团|公司|股份|有限", gap):
                continue
            ex.candidates.append(_cand(doc, a, c.mention.end, "Project", "owner-project", 0.75))
            break
    return ex


def _bare_trade_names(doc: Document, found: Extraction) -> Extraction:
    """``支持苍狼文旅提升…``: a brand and an industry word as the object of 支持/推动 and the
    subject of the next verb is a company, even with no list or project around it."""
    ex = Extraction()
    lex = load()
    known = {n for c in found.candidates for n in (c.name, *c.aliases)}
    places = place_stems(found)
    industries = "|".join(re.escape(w) for w in lex.industries)
    pat = re.compile(
        rf"(?:支持|推动|鼓励|引导|帮助|协调|推进)([\u4e00-\u9fff]{{2}})({industries})"
        r"(?=加快|扩大|提升|建设|实施|开展|上市|做大|做强|打造|创建|申报|扩能|研发|开发|拓展|新建|投资|与|、|和|等)"
    )
    for m in pat.finditer(doc.text):
        brand = m.group(1)
        if is_descriptive(brand) or brand in lex.places or brand in places or brand in lex.industries or brand in lex.generic:
            continue
        if re.search(r"[一二三四五六七八九十百千万省市县区镇乡村新老大小各全本该我]", brand[0]):
            continue
        name = brand + m.group(2)
        if name in known:
            continue
        ex.candidates.append(_cand(doc, m.start(1), m.end(2), "Enterprise", "bare-trade-name", 0.6))
    return ex


def _trade_name_lists(doc: Document) -> Extraction:
    """``推动恒望电子、华垦农机加快技术改造``: two or more listed items that are each a
    two-character brand plus an industry word are enterprises, even with no head noun."""
    ex = Extraction()
    lex = load()
    industries = "|".join(re.escape(w) for w in lex.industries)
    whole = re.compile(rf"^([\u4e00-\u9fff]{{2}})({industries})$")
    lead = re.compile(rf"^([\u4e00-\u9fff]{{2}})({industries})")
    for m in re.finditer(r"[^，。；：！？“”（）\n]+", doc.text):
        parts = re.split(r"、", m.group())
        if len(parts) < 2:
            continue
        spans, pos = [], m.start()
        for i, part in enumerate(parts):
            k = doc.text.find(part, pos)
            pos = k + len(part)
            a, b = k, k + len(part)
            if i == 0:
                a += strip_verbs(part)[0]
            text = doc.text[a:b]
            hit = whole.match(text) or (lead.match(text) if i == len(parts) - 1 else None)
            if hit and not is_descriptive(hit.group(1)) and hit.group(1) not in lex.places and hit.group(1) not in lex.industries:
                spans.append((a, a + hit.end()))
        if len(spans) >= 2 and len(spans) >= len(parts) - 1:
            for a, b in spans:
                ex.candidates.append(_cand(doc, a, b, "Enterprise", "trade-name-list", 0.6))
    return ex


PARK_START = re.compile(r"(?:产业|工业|科技|企业)?(?:园|物流园|基地|孵化器|实验室|小镇|集聚区)")


def _trade_names(doc: Document, found: Extraction) -> Extraction:
    """A project or platform named after its company: 鑫磊陶瓷智能化生产线改造 → 鑫磊陶瓷
    (a two-character brand and an industry word, the usual shape of a trade name)."""
    ex = Extraction()
    lex = load()
    places = place_stems(found)
    industries = sorted(lex.industries, key=lambda w: (-len(w), w))  # 宏图光电子…: the longest word first
    for c in list(found.candidates):
        if c.kind not in ("Project", "Platform") or c.mention.rule == "name-match":
            continue
        for ind in industries:
            k = c.name.find(ind, 2, 6)
            if k in (2, 3) and len(c.name) > k + len(ind) + 1 and c.name[k + len(ind)] in "场站厂":
                break  # 火坪风电场二期工程: a wind farm named by its place, not a firm
            if k in (2, 3) and len(c.name) > k + len(ind) + 1:
                trade0 = c.name[: k + len(ind)]
                if PARK_START.match(c.name[k + len(ind) :]) and all(
                    PARK_START.match(doc.text, o.end()) for o in re.finditer(re.escape(trade0), doc.text)
                ):
                    break  # 滨海新材料产业园, 酱酒微生物实验室: a park named by its industry (never a firm on its own)
                brand = c.name[:k]
                if brand[0] in "省市县区国" or re.fullmatch(r"城[东南西北]|[东南西北]城|县城|市区", brand):
                    break  # 省新能源汽车…中心, 城南食品产业园: a level or a quarter, not a brand
                sb = suffix_class(brand)
                if brand[:2] in places or brand[:2] in lex.places or re.fullmatch(r"[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青蒙桂藏宁新]{2}", brand[:2]) or re.fullmatch(r"[东西南北中][江河湖城港山部]|[江河湖城港山][东西南北]", brand[:2]):
                    break  # 东津光电子产业园: a district's name, then the industry
                if is_descriptive(brand) or brand in lex.places or brand in places or brand in lex.industries or any(ch.isdigit() for ch in brand) or (sb and sb[0] == "Place"):
                    break
                trade = c.name[: k + len(ind)]
                full = next((x.name for x in found.candidates if x.kind == "Enterprise" and x.name.startswith(trade) and x.name != trade), None)
                if full:  # 宏泰汽车零部件扩能项目 → 宏泰汽车零部件有限公司
                    ex.relations.append(Relation("involves", c.name, full, c.mention, "trade-name", 0.7))
                    break
                a = c.mention.start + doc.text[c.mention.start : c.mention.end].find(trade)
                if a < c.mention.start:
                    break
                ex.candidates.append(_cand(doc, a, a + k + len(ind), "Enterprise", "trade-name", 0.65))
                ex.relations.append(Relation("involves", c.name, trade, c.mention, "trade-name", 0.7))
                break
    return ex


GOV_BODY = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[和及与好经由向会获被]))((?:省|市|区|县)(?:[\u4e00-\u9fff]{1,4}?(?:厅|委员会|办公室)|(?:(?![委和及与])[\u4e00-\u9fff]){2,3}?委))(?=[^\u4e00-\u9fff]|支持|批复|批准|印发|牵头|联合|等|和|与|的)"
    r"|(?:^|(?<=[^\u4e00-\u9fff])|(?<=[和及与]))((?:区|市|县)[\u4e00-\u9fff]{2,8}?(?:服务中心|卫生院|医院|疾控中心))(?=建设|实现|获评|荣获|入选|被|[^\u4e00-\u9fff])"
    # 国家药品监督管理局, 国家发展改革委: a national ministry, bureau or commission
    r"|(?:^|(?<=[^\u4e00-\u9fff])|(?<=[和及与经由向获被]))(国家[\u4e00-\u9fff]{2,10}?(?:总局|局|部|委员会|发展改革委|署))(?=[^\u4e00-\u9fff]|批准|批复|支持|认定|授予|验收|等|和|与|的)"
    # 组建县乡村振兴局, 县林业和草原局荣获…: a local bureau
    r"|(?:^|(?<=[^\u4e00-\u9fff])|(?<=组建|成立|设立|挂牌)|(?<=[由经被获与和及]))((?:县|市|区|省|自治区)[\u4e00-\u9fff]{2,8}?[^格布大全开结时当新变破僵好揽]局)(?=[^\u4e00-\u9fff]|荣获|获评|被|牵头|等|和|与|的)"
    r"|(?:^|(?<=[^\u4e00-\u9fff]))((?:县|市|区)[\u4e00-\u9fff]{2,6}?办公室)(?=被|荣获|获评|获)"
    # 由察隆县林业和草原局牵头, 配合三江源国家公园管理局: a named body before a verb of acting
    r"|(?:(?<=[由经被与和及向会])|(?<=配合))([\u4e00-\u9fff]{2,4}(?:县|市|区)[\u4e00-\u9fff]{2,8}?局|[\u4e00-\u9fff]{2,10}?管理局)(?=牵头|完成|做好|负责|联合|批准|支持|[^\u4e00-\u9fff])"
)


def _government_bodies(doc: Document) -> Extraction:
    """省人社厅, 省教育厅, 市发改委: a level, a short department name and an office ending."""
    ex = Extraction()
    for m in GOV_BODY.finditer(doc.text):
        a, b = m.span(m.lastindex)  # each alternative captures one group
        if doc.text[a - 1 : a] in ("全", "本", "各") or b - a < 3:
            continue
        ex.candidates.append(_cand(doc, a, b, "Organization", "government-body", 0.8))
    return ex


def _quoted_projects(doc: Document) -> Extraction:
    """``启动“涧西教育教学研学基地”项目``: a quoted name followed by 项目/工程 names a project."""
    ex = Extraction()
    for m in re.finditer(r"“([^“”，。]{3,20})”(项目|工程)", doc.text):
        name = m.group(1)
        ex.candidates.append(
            Candidate(name, "Project", mention(doc, m.start(1), m.end(1), "quoted-project", 0.85), aliases=(name + m.group(2),))
        )
    return ex


def _dash_pairs(doc: Document, found: Extraction) -> Extraction:
    """``王府井—丹尼斯商圈``: a district named by two landmarks; each landmark is a name too."""
    ex = Extraction()
    seen: set[tuple[int, int]] = set()
    for c in list(found.candidates):
        if "—" not in c.name or c.kind not in ("Platform", "Place"):
            continue
        a0 = c.mention.start
        text = doc.text[a0 : c.mention.end]
        left, _, right = text.partition("—")
        right_core = re.sub(r"(高品质消费带|消费带|商圈|片区)$", "", right)
        endings = {suf for suf, _c, _f in load().suffixes}
        if any(p in load().generic or p in endings for p in (left, right_core)):
            continue  # 众创空间—孵化器—产业园: a chain of stages, not two landmarks
        for part, off in ((left, 0), (right_core, len(left) + 1)):
            a, b = a0 + off, a0 + off + len(part)
            if len(part) < 2 or (a, b) in seen:
                continue
            seen.add((a, b))
            sc = suffix_class(part)
            lex = load().aliases.get(part)
            if lex:
                kind = lex[1]
            elif part.endswith("市场"):  # 广州市场: a market hall is a trading platform
                kind = "Platform"
            else:
                kind = "Place" if sc and sc[0] == "Place" else "Enterprise"
            ex.candidates.append(_cand(doc, a, b, kind, "dash-pair", 0.7))
    return ex


def _through_jianshe(doc: Document, a: int) -> int:
    """赣州红岭城市建设投资集团有限公司: the back-scan stopped at 建设, which belongs to the name
    when a place comes before it and an investment or development company after it."""
    if doc.text[a - 2 : a] == "建设" and doc.text[a : a + 2] in ("投资", "发展", "开发", "工程"):
        a2 = _back_scan(doc.text, a - 2, limit=12)
        if a - 2 - a2 >= 2 and _has_place(doc, doc.text[a2 : a - 2]):
            return a2
    return a


def _alias_definitions(doc: Document) -> Extraction:
    ex = Extraction()
    for m in ALIAS_DEF.finditer(doc.text):
        short = m.group(1).strip()
        a = _through_jianshe(doc, _back_scan(doc.text, m.start(), limit=30))
        if doc.text[m.start() - 1 : m.start()] == "》":  # 《区域全面经济伙伴关系协定》（简称“RCEP”）
            k = doc.text.rfind("《", max(0, m.start() - 40), m.start())
            if k >= 0:
                a = k + 1
                ex.candidates.append(Candidate(doc.text[a : m.start() - 1], "Strategy" if re.search(r"(协定|倡议|纲要|规划)$", doc.text[a : m.start() - 1]) else "Initiative", mention(doc, a, m.start() - 1, "alias-definition", 0.9), aliases=(short,)))
                continue
        span = _clean(doc, a, m.start())
        if span is None:
            continue
        full = doc.text[span[0] : span[1]]
        sc = suffix_class(full)
        lex = load().aliases.get(full) or load().aliases.get(short)
        reform = re.search(r"(改革|制度|机制|模式|体系|政策)$", full)  # 集体林权制度改革（以下简称“林改”）
        kind = lex[1] if lex else (sc[0] if sc else "Initiative" if reform else "Organization")
        ex.candidates.append(_cand(doc, span[0], span[1], kind, "alias-definition", 0.95, aliases=(short,)))
        s0 = m.start(1)
        ex.candidates.append(Candidate(full, kind, mention(doc, s0, s0 + len(short), "alias-definition", 0.95), aliases=(short,)))
    return ex


def _head_class(doc: Document, pos: int) -> tuple[str, int] | None:
    """The class named by the head noun shortly after a list's 等: (class, head end)."""
    window = doc.text[pos : pos + 16]
    cut = re.search(rf"[{re.escape(DELIMS)}、]", window)
    if cut:
        window = window[: cut.start()]
    if re.match(r"(?:商品|产品|农产品|货物|物资|品种|品类|原料)", window):
        return None  # 坚果、海产品等商品交由县内企业…: goods, whatever noun comes later
    best = None
    for head, cls in load().list_heads:
        k = window.find(head)
        if k >= 0 and (best is None or k < best[1] or (k == best[1] and len(head) > best[2])):
            best = (cls, k, len(head))
    if best is None:
        return None
    return best[0], pos + best[1] + best[2]


def _list_templates(doc: Document, limit: int) -> Extraction:
    """``A、B和C等N个<head>``: every item gets the head's class (a strong ending overrides it)."""
    ex = Extraction()
    pos_next = 0
    tails = sorted(
        [*LIST_TAIL.finditer(doc.text, 0, limit), *COUNT_TAIL.finditer(doc.text, 0, limit)], key=lambda t: t.start()
    )
    for m in tails:
        if m.start() < pos_next:
            continue
        if not m.group().startswith("等"):
            seg_back = doc.text[max(0, m.start() - 40) : m.start()]
            if "、" not in re.split(r"[，。；：！？]", seg_back)[-1]:
                continue
        head = _head_class(doc, m.end())
        if head is None:
            continue
        cls, pos_next = head
        if cls == "Project" and re.match(r"(?:比赛|赛事|竞赛|的比赛)", doc.text[pos_next : pos_next + 3]):
            continue  # 承办帆船、沙滩排球等项目比赛: sports events, not projects
        start = m.start()
        seg_start = start
        while seg_start > 0 and doc.text[seg_start - 1] not in DELIMS:
            seg_start -= 1
        seg = doc.text[seg_start:start]
        items: list[tuple[int, int]] = []
        pos = seg_start
        for part in seg.split("、"):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        # the last item may hold `B和C`
        a, b = items[-1]
        jm = re.search(r"(和|及|以及)", doc.text[a:b])
        strategies = load().strategies
        split_ok = cls != "Strategy" or (  # 黄河流域生态保护和高质量发展 is one strategy
            jm is not None and doc.text[a:b] not in strategies
            and (doc.text[a + jm.end() : b] in strategies or doc.text[a : a + jm.start()] in strategies)
        )
        if jm and jm.start() >= 2 and b - a - jm.end() >= 2 and len(items) >= 2 and split_ok:
            items[-1] = (a, a + jm.start())
            items.append((a + jm.end(), b))
        along_place: str | None = None
        for i, (a, b) in enumerate(items):
            if i == 0:
                a = max(a, _back_scan(doc.text, b, limit=24, first=False, singles=False))
            span = _clean(doc, a, b)
            if span is None:
                continue
            a2, b2 = span
            # 涧河沿线同乐寨: a place and what lies along it
            along = re.match(r"^(.{2,8}?)(沿线|沿岸|两岸|周边)", doc.text[a2:b2])
            if along and i == 0:
                place = along.group(1)
                along_place = place
                ex.candidates.append(_cand(doc, a2, a2 + len(place), "Place", "list-along", 0.8))
                a2 += along.end()
                if b2 - a2 < 2:
                    continue
                ex.relations.append(
                    Relation("locatedIn", unquote(doc.text[a2:b2]), place, mention(doc, a2, b2, "list-along", 0.75), "list-along", 0.75)
                )
            name = unquote(doc.text[a2:b2])
            if len(name) < 2 or len(name) > 20:
                continue
            if not suffix_class(name) and strip_trailing_verbs(name) != name and len(strip_trailing_verbs(name)) <= 3:
                continue  # 县城新建、改建迎宾大道: the first item is a subject and its verb
            if along_place and i > 0:  # 涧河沿线同乐寨、符家屯、七里河: all of them lie along it
                ex.relations.append(Relation("locatedIn", name, along_place, mention(doc, a2, b2, "list-along", 0.7), "list-along", 0.7))
            sibling = next(
                (
                    suffix_class(unquote(doc.text[x:y]))
                    for x, y in items
                    if suffix_class(unquote(doc.text[x:y])) and not unquote(doc.text[x:y]).endswith(FALSE_ENDINGS)
                ),
                None,
            )  # 集成电路、工业软件: 电路 is not a road, so its neighbours are not places
            if sibling and not suffix_class(name) and sibling[1] >= 0.7:
                ex.candidates.append(_cand(doc, a2, b2, sibling[0], "list-sibling", 0.65))
                continue
            gap = re.sub(r"^等", "", doc.text[m.start() : pos_next])
            gap = re.sub(r"(?:项目|工程)$", "", gap)  # 等综合利用项目: a kind of work, so the items are works too
            field = re.sub(r"^(?:\d+个|[一二两三四五六七八九十百千]+个|一批)", "", gap)
            by_size = re.fullmatch(r"(?:亿元以上|超亿元|[\d.]+亿元以上|千万元以上|重大|重点|签约|产业|优质|外资|招商|总部|龙头)*", field) is not None or (
                field in load().industries or re.search(r"(?:经济|产业|制造业?|科技|信息|新能源|新材料|文旅|旅游|农业|医药|物流)$", field) is not None
            )  # 等18个数字经济项目: a field, the items are still companies
            if cls == "Project" and not suffix_class(name) and by_size:
                # 瑞川光伏组件, 远舟智能装备: a project known by its company's trade name
                ind = next((w for w in load().industries if name.find(w, 2, 4) in (2, 3)), None)
                if ind and not is_descriptive(name[: name.find(ind, 2, 4)]):
                    trade = name[: name.find(ind, 2, 4) + len(ind)]
                    ex.candidates.append(_cand(doc, a2, a2 + len(trade), "Enterprise", "list-investor", 0.65))
                    if trade == name:
                        continue
            if (
                cls == "Project" and by_size and 3 <= len(name) <= 4 and not suffix_class(name) and name not in load().generic
                and not re.search(r"(发展|设施|建设|服务|保障|改造|提升|振兴|帮扶|民生|基础|栈道|索道|步道|绿道|酒店|广场|公园|景区|码头|隧道|更新|供[水热气暖电]|[联共合新扩改]建|治理|整治|修复|保护|开发|管理|利用)$", name)
            ):
                # 签约朴器国际等亿元以上项目: a project known by its investor's trade name
                ex.candidates.append(_cand(doc, a2, b2, "Enterprise", "list-investor", 0.6))
                continue
            if name in load().generic or GENERIC_PROJECT.match(name):
                continue
            if cls == "Enterprise" and not suffix_class(name) and name not in load().aliases and (
                name[:2] in load().industries or is_descriptive(name[:2]) or re.search(r"[器机件剂料板管泵阀池架膜片筒库]$|(?:服务|标注|外包|咨询|运营|运维)$", name) or len(name) <= 2
            ):
                continue  # 引进光伏支架、逆变器、储能电池等装备制造企业: products, not companies
            if cls == "Project" and name.endswith(("项目", "工程")) and is_descriptive(name[:-2]):
                continue  # 物流项目, 社会事业项目
            if cls in ("Platform", "Project") and len(name) < 5 and not suffix_class(name):
                continue
            sc = suffix_class(name)
            lex = load().aliases.get(name)
            keep_head = cls == "Place" or (cls == "Project" and not (sc and sc[0] == "Place"))
            kind = lex[1] if lex else (sc[0] if sc and sc[1] >= 0.7 and sc[0] != cls and not keep_head else cls)
            if cls == "Place" and sc and sc[0] in ("Platform", "Project") and sc[1] >= 0.7:
                kind = sc[0]
            if cls == "Strategy":
                kind = "Strategy"
            ex.candidates.append(_cand(doc, a2, b2, kind, "list-template", 0.85))
    return ex


def _coordinated(doc: Document) -> Extraction:
    """``中州西路、建设路、西苑路和景华路``: items sharing a strong ending are names of that class."""
    ex = Extraction()
    for m in re.finditer(r"[^，。；：！？“”\n]+", doc.text):
        seg = m.group()
        if "、" not in seg:
            continue
        parts = seg.split("、")
        last = re.split(r"和|及", parts[-1])
        if len(last) == 2 and all(suffix_class(x) and suffix_class(x)[1] >= 0.8 for x in last):
            parts = parts[:-1] + last
        prev_end = suffix_class(parts[-2]) if len(parts) >= 2 else None
        if prev_end and prev_end[0] == "Place" and not suffix_class(parts[-1]):
            # 东明河、西溪河水环境综合治理: the last name ends where the shared ending does
            ending = next(s for s, _c, _f in load().suffixes if parts[-2].endswith(s))
            k = parts[-1].find(ending, 1, 6)
            if k > 0 and not (ending == "路" and parts[-1][k + 1 : k + 2] in ("网", "径", "线", "况", "灯", "面", "口")):
                parts[-1] = parts[-1][: k + len(ending)]  # (not 工人街路网衔接: the road network)
        ends = [suffix_class(p) for p in parts]
        strong = [e for e in ends if e and e[1] >= 0.75]
        natural = [p for p, e in zip(parts, ends, strict=True) if e and e[1] >= 0.75 and not p.endswith(ADMIN_SUFFIXES)]
        if len(strong) >= 2 and len(natural) == len(strong) and strong[0][0] == "Place" and len({e[0] for e in strong}) == 1:
            pos = m.start()
            for p, e in zip(parts, ends, strict=True):
                k = doc.text.find(p, pos)
                pos = k + len(p)
                if e and e[1] >= 0.75:
                    a = max(k, _back_scan(doc.text, k + len(p), limit=20, first=False, singles=False))
                    span = _clean(doc, a, k + len(p))
                    if span:
                        ex.candidates.append(_cand(doc, span[0], span[1], "Place", "coordinated-suffix", 0.75))
            continue
        ends = [suffix_class(p) for p in parts]
        strong = [e for e in ends if e and e[1] >= 0.8]
        if len(strong) < 2:
            continue
        pos = m.start()
        for p, e in zip(parts, ends, strict=True):
            k = doc.text.find(p, pos)
            pos = k + len(p)
            if not (e and e[1] >= 0.8):
                continue
            a = max(k, _back_scan(doc.text, k + len(p), limit=20, first=False, singles=False))
            span = _clean(doc, a, k + len(p))
            if span and e[0] in ("Organization", "Enterprise"):
                joined = re.search(r"(?<=[\u4e00-\u9fff]{2})与(?=[\u4e00-\u9fff]{4})", doc.text[span[0] : span[1]])
                if joined:  # 支持石羊种业与甘肃农业大学…: the partner, not the pair
                    span = (span[0] + joined.end(), span[1])
            if span:
                name = unquote(doc.text[span[0] : span[1]])
                stem = name[: -len(next(s for s, _c, _f in load().suffixes if name.endswith(s)))]
                if e[0] != "Place" and (is_descriptive(stem) or GENERIC_PROJECT.match(name)):
                    continue
                ex.candidates.append(_cand(doc, span[0], span[1], e[0], "coordinated-suffix", 0.8))
    return ex


NEXT_OK = re.compile(
    r"^($|[，。；：、！？“”）)\n和与及等为在的沿两以]|（[A-Za-z]型|政策|优势|建设|建成|开放|投用|投入|完工|竣工|开工|改造|项目|工程|二期|三期|一期|提升|沿线|风光带|全段|专项|治理|生态|水岸|引水|新馆|拓宽|延伸|成功|入选|[\u4e00-\u9fff]{1,3}段"
    r"|相继|先后|顺利|如期|基本|正式|主体|即将|全部|惠及|覆盖|纳入|列入|获批|通过|荣获|被评|入选|上游|中游|下游|干流|沿岸|两岸|完成"
    r"|秋季|春季|年内|年底|当年)"
)
ADMIN_STOP = frozenset(
    "自治 相邻 邻近 接壤 沿线 沿边 老城 主城 新城 功能 核心 保护 风景 旅游 商业 居住 工业 农业 物流 城市 山区 贫困 边远 偏远 革命 民族 沿海 "
    "开发 示范 试验 实验 自贸 高新 经开 综保 保税 集聚 商务 生态 湿地 景观 文化 教育 医疗 重点 试点 先行 "
    "地级 县级 省级 直辖 计划 单列 周边 毗邻 兄弟 友好 节点 中心 副中心 东南 西南 东北 西北 中部 东部 西部 南部 北部".split()
)
POSITIONING = re.compile(r"核心|重要|区域性|一流|标杆|领先|龙头|高地")
ADMIN_SUFFIXES = ("县", "镇", "乡", "村", "街道", "社区", "市", "苏木", "嘎查", "旗", "盟")
GAZETTEER_ONLY = ("省", "自治区")  # 全省: only known names count


def _by_suffix(doc: Document) -> Extraction:
    ex = Extraction()
    lex = load()
    suffix_words = {s2 for s2, _c, _f in lex.suffixes}
    for suf, cls, conf in lex.suffixes:
        short_admin = suf in ("市", "区")  # 江门市, 海澄区: only two-character names, checked below
        if (conf < (0.6 if cls == "Organization" else 0.7) and not short_admin) or suf in GAZETTEER_ONLY:
            continue
        for m in re.finditer(re.escape(suf), doc.text):
            end = m.end()
            # a longer suffix at the same end takes precedence (科技园 over 园区)
            strong_end = (
                (cls not in ("Place", "Initiative") and conf >= 0.8)
                or (cls == "Project" and conf >= 0.75 and len(suf) >= 2)
                or (cls == "Place" and conf >= 0.85 and len(suf) >= 2)
            )
            run = re.match(r"[\u4e00-\u9fff]{0,4}", doc.text[end : end + 4]).group()
            run = re.split(r"[的和与及在对把将为向从等是了即指]", run)[0]
            if any(
                doc.text[max(0, end - len(suf) - 3) : end + k].endswith(s2) and len(s2) > k
                for k in (1, 2)
                for s2, _c2, _f in lex.suffixes
            ):
                continue  # 柏川工业园|区: a longer ending goes on past this one
            if strong_end and any(
                run.startswith(s2, k) or (k + len(s2) <= len(run) and run[k : k + len(s2)] == s2)
                for k in range(len(run))
                for s2, _c, c2 in lex.suffixes
                if c2 >= 0.7 and len(s2) >= 2
            ):
                continue  # 洛阳国家大学 | 科技园: the name goes on
            if not (strong_end or suf in ADMIN_SUFFIXES or short_admin or NEXT_OK.match(doc.text[end : end + 3])):
                continue
            if suf == "海关" and re.match(r"(?:特殊)?监管|查验|通关", doc.text[end : end + 4]):
                continue  # 陆港海关监管场所: customs supervision, not a customs office
            if re.fullmatch(r"[一二三四五六七八九十]期", suf) and doc.text[m.start() - 1 : m.start()] == "第":
                continue  # 学前教育第二期三年行动计划: the second round of a plan, not a project's phase
            if re.match(r"(?:建设)?(?:单位|名单|试点单位|培育单位|创建单位)", doc.text[end : end + 6]):
                continue  # 入选江苏省现代化示范性职业学校建设单位: a list one joins, not a school
            # 胜利北街棚户区改造项目: a project's name may end in the work it does
            pre, first = m.start(), not suf.endswith(("项目", "工程"))
            if re.fullmatch(r"[一二三四五六七八九十]期", suf) and doc.text.endswith(("项目", "工程"), 0, pre):
                pre, first = pre - 2, False  # 高桥村城中村改造项目一期: the name may end in its work, as without the phase
            a = _back_scan(doc.text, pre, limit=24, first=first)
            if cls == "Project" and a > 1 and doc.text[a - 1] in "及与" and doc.text[a - 2] not in "参给赋授":
                # 茶叶精深加工及仓储物流中心项目: one project whose object is two things,
                # unless the left part is a name of its own (A项目及B项目)
                a2 = _back_scan(doc.text, a - 1, limit=16)
                left = doc.text[a2 : a - 1]
                works = re.search(r"(治理|整治|改造|修复|保护|扩建|新建|建设|提升)$", left)  # 专项治理及…工程: two works
                if len(left) >= 2 and suffix_class(left) is None and not works and not strip_verbs(left)[0] and left not in lex.generic:
                    a = a2
                elif works and re.search(r"(专项|综合|生态|环境|水系|河道)", left):
                    # 秦岭防洪渠专项治理及大明渠引水补源工程: the left part is a project of its own
                    lspan = _clean(doc, a2, a - 1)
                    if lspan and lspan[1] - lspan[0] >= 5:
                        ex.candidates.append(_cand(doc, lspan[0], lspan[1], "Project", "paired-works", 0.7))
            if cls == "Project":
                vm = re.search(r"(续建|新建|改建|扩建|改扩建)$", doc.text[max(0, a - 3) : a])
                if vm:  # 沙惠渠续建配套与节水改造工程: the works of a named canal
                    left = _back_scan(doc.text, a - len(vm.group(1)), limit=10)
                    owner = doc.text[left : a - len(vm.group(1))]
                    sc_owner = suffix_class(owner)
                    if len(owner) >= 3 and sc_owner and sc_owner[0] == "Place" and re.search(r"(渠|灌区|水库|河|江|湖|路|大道|街)$", owner):
                        a = left
            if cls in ("Enterprise", "Organization"):
                a = _through_jianshe(doc, a)
            if cls in ("Enterprise", "Organization") and end - a <= len(suf) + 1:
                # 中国电力建设集团: behind a state group's prefix, 建设 is part of the name
                a2 = _back_scan(doc.text, a - 2, limit=10) if doc.text[a - 2 : a] == "建设" else a
                if a2 < a and doc.text[a2:].startswith(lex.soe_prefixes):
                    a = a2
            span = _clean(doc, a, end)
            if span is None:
                continue
            after_de = doc.text[span[0] - 1 : span[0]] == "的"
            stem_text = doc.text[span[0] : span[1] - len(suf)]
            if after_de and not _has_place(doc, doc.text[span[0] : span[1]]) and (
                is_descriptive(stem_text) or stem_text.endswith(("型", "式", "性", "化"))
            ):
                continue  # …的生产服务型物流枢纽: a description; …批复的留学人员创业园 is a name
            name = unquote(doc.text[span[0] : span[1]])
            if doc.text[span[0] - 1 : span[0]] == "“" and doc.text[end : end + 1] == "”" and re.search(
                r"(变成|变为|成为|当好|争当|打造成|化身为?|建成|打造)$", doc.text[max(0, span[0] - 5) : span[0] - 1]
            ):
                continue  # 让荒漠变成“绿电银行”: a metaphor, not a bank
            if cls == "Place" and "（" in name and doc.text[end : end + 1] == "）":
                continue  # 拓锋汽车零部件（南溪）有限公司: the place is a part of a company's name
            legal = re.search(r"(?:股份有限公司|有限责任公司|有限公司|集团公司)(?=.{4,}$)", name)
            paren = re.search(r"（[^（）]*）$", name)
            if paren and paren.group().rstrip("）").endswith(suf) and suf not in ("一期", "二期", "三期"):
                continue  # 智能工厂（数字化车间）: a second wording of a kind, not a name
            if cls == "Project" and legal:  # 南溪恒信电子有限公司高密度电路板扩产项目: owner, then project
                span = (span[0] + legal.end(), span[1])
                name = doc.text[span[0] : span[1]]
            short_ok = suf in ("河", "渠") or (suf == "湖" and doc.text[span[0] - 1 : span[0]] in ("沿", "环")) or (suf == "县" and name[0] not in "以全各本该我城农乡新市省区县一每并请整驻州")
            own_body = cls == "Organization" and _county_body(name)
            if len(name) - len(suf) < (1 if (cls == "Place" and short_ok) or suf == "长制" or own_body else 2):  # 林长制
                continue
            committee = doc.text[end : end + 1] == "委" and len(name) - len(suf) >= 2 and doc.text[span[0] - 1 : span[0]] in ("和", "与", "及", "、", "，", "")
            if suf in ADMIN_SUFFIXES and not committee and doc.text[end : end + 1] in ("长", "委", "级", "场", "民", "政", "村", "镇", "愁", "亲", "土", "情", "音", "贤", "域", "寨", "屯", "间", "风"):
                continue  # 县长, 县委, 市场, 市民: not a place name
            if suf in ADMIN_SUFFIXES and is_descriptive(name[: -len(suf)]):
                continue  # 示范县, 文旅名县
            if suf in ADMIN_SUFFIXES and re.search(r"[\u4e00-\u9fff]族(?:聚居)?$", name[: -len(suf)]) and len(name) - len(suf) <= 4:
                continue  # 回族村, 回族聚居村: villages of a people, not a village's name
            if suf in ADMIN_SUFFIXES and name[-len(suf) - 1] in "包" and len(name) - len(suf) <= 3:
                continue  # 领导包县, 部门包村: who answers for a county, not a county
            if suf in ADMIN_SUFFIXES and name[-len(suf) - 1] in "全各本该我城农乡新" and not (suf in ("街道", "社区") and len(name) - len(suf) >= 2):
                continue
            if name in lex.strategies or name in lex.aliases or is_slogan(name) or name in lex.generic:
                continue
            if cls == "Project" and (GENERIC_PROJECT.match(name) or KIND_OF_PROJECT.search(name)):
                continue
            if cls == "Project" and re.fullmatch(r"“[^”]{1,4}”(?:项目|工程)", doc.text[span[0] : span[1]]):
                continue  # 遏制“两高”项目: a kind of project named by a slogan, not one project
            if name.endswith(("互联互通", "过河", "渡河", "护河", "跨河", "治河", "沿河", "临河", "治水")) or stem_ends_verb(name, suf):
                continue  # 与老挝、缅甸边境地区互联互通: connectivity, not an interchange
            if suf == "旗" and re.search(r"[名大强兴富美]$", name[:-1]):
                continue  # 草原名旗, 产业强旗: an aim for the banner, not a banner
            if suf in ("县", "市", "区") and len(name) - len(suf) >= 3 and re.search(r"[名大强重]$", name[: -len(suf)]):
                continue  # 商贸物流重县, 农业大县: an aim, not a county
            if suf in ("乡", "村", "镇", "县", "县乡", "村组") and re.search(r"(?:达|到|进|通|下|释放|交由|由|编制|驻|配强|整)$", name[: -len(suf)]):
                continue  # 当日达乡、次日达村, 释放县乡消费潜力: a verb before the unit
            if suf in ADMIN_SUFFIXES and re.match(r"(特色|美丽|示范|重点|中心)", name):
                continue  # 特色苏木镇: a kind of township
            if suf in ADMIN_SUFFIXES and (re.search(r"(卫生|文明|园林|森林|生态|宜居|旅游|历史文化名)$", name[: -len(suf)]) or "型" in name):
                continue  # 省级卫生镇, 紧密型镇村: a title or a kind of town, not a town
            if suf in ("旗", "盟") and (name.endswith(("红旗", "国旗", "党旗", "彩旗", "锦旗", "联盟", "加盟", "同盟", "结盟")) or len(name) - len(suf) < 2):
                continue  # 产业联盟, 红旗: not a banner or league
            if "—" in name and any(len(p) < 2 or p in lex.generic or p in suffix_words for p in name.split("—")):
                continue  # “众创空间—孵化器—加速器—产业园”: a chain of stages, not a name
            if (
                suf == "基地"
                and re.search(r"(?:生产|种植|育种|繁育|育肥|养殖|运维|示范|标准化|加工|制种|育苗)基地$", name)
                and not _has_place(doc, name)
                and not _trade_shaped(name)
                and not re.search(re.escape(name[:2]) + r"(?:镇|乡|村|街道|县|区)", doc.text)  # 茅垭酒曲生产基地: 茅垭镇's
            ):
                continue  # 建设玉米育种基地, 万亩设施蔬菜基地: what a company grows or makes there, not a named base
            if re.match(r"[\dNnX一二两三四五六七八九十几多]+个", name):
                continue  # N个社区网格, 3个街道: a count of a kind, not a name
            if suf == "新馆" and len(name) - len(suf) <= 3:
                continue  # 县图书馆、文化馆新馆: the second item's owner is written once, before the list
            if suf in ("社区", "村") and re.search(r"(?:街道|镇|乡)$", name[: -len(suf)]):
                continue  # 金港街道社区治理: the street's communities, not one called 金港街道社区
            if cls in ("Platform", "Place") and doc.text[end : end + 1] == "段" and suf not in ("路", "大道", "街", "河", "江"):
                continue  # 轨道交通3号线高新区段: the section of a line, not the zone
            if cls == "Place" and _inside_longer_quote(doc, span):
                continue  # “品酱酒、游古镇、住茶山”, “县管乡用”: a place word inside a slogan
            if suf in ("县", "市", "区") and re.search(r"(?:发展|示范|达标|先进|创建)$", name[: -len(suf)]):
                continue  # 义务教育基本均衡发展县: a title a county earns, not its name
            if cls == "Place" and "—" in name:
                continue  # 桂岭—东盟商贸物流园: a dash joins two places in another name
            if cls == "Place" and suf in ("江", "河") and re.search(r"[江河].{2,}", name[: -len(suf)]):
                continue  # 桂岭江百里滨江风光带: the river is named first; 滨江 describes the belt
            if cls == "Platform" and re.match(r"(?:国家级?|省级|自治区级|市级)", name) and re.search(
                r"(?:升级为|成为|创建|创成|获批|晋升为|认定为|评为|创建成为|争创)$", doc.text[max(0, span[0] - 5) : span[0]]
            ):
                continue  # 成功升级为国家高新技术产业开发区, 创建成为自治区级旅游度假区: a rank, not a name
            if suf in ("县", "市", "区") and re.search(r"(?:山区|平原|丘陵|边境|沿海|民族|上|牧)$", name[: -len(suf)]):
                continue  # 黔北山区县, 拟上市: a kind of county, a listing
            if cls == "Place" and re.search(r"[出上下进靠爬守]山$", name):
                continue  # “黔货出山”, 滚石上山: a verb and a mountain make a slogan, not a place
            if suf in ADMIN_SUFFIXES and name.endswith(NOT_A_PLACE):
                continue  # 返乡创业, 城乡融合: a word that happens to end in 乡
            if cls == "Place" and re.match(r"(国家|全国|全省|省级|省|自治区|市级)", name) and suf in ("县城", "城市", "城区"):
                continue  # 国家卫生县城: an honour the county earns, not a place
            if suf == "村" and doc.text[end : end + 1] == "落":
                continue  # 壮族古村落: villages of a kind, not a village called 壮族古村
            if suf == "路" and doc.text[end : end + 1] in ("网", "径", "线", "况", "灯", "面", "口"):
                continue  # 工人街路网: the road network, not a road called 工人街路
            if cls == "Place" and len(name) == 4 and name[:2] in SLOGAN_LEADS and name[-1] in "江河省市县区州":
                continue  # 数字龙江, 美丽乡村: an aim for a place, not the place
            if suf in ("路", "公路") and name.endswith(KINDS_OF_ROAD):
                continue  # 通硬化路, 四好农村路: a kind of road, not one road
            stem = name[: -len(suf)]
            if suf == "工程" and doc.text[span[0] : span[1]].count("”") >= 2:
                continue  # “小巨人”“隐形冠军”企业培育工程: a programme named by its quoted parts
            if suf in ("项目", "工程"):
                core = re.sub(r"(提升改造|改造提升|建设|改造|提升|培育|谋划|启动|更新)$", "", stem)
                if core != stem and (core in lex.generic or is_descriptive(core) or "体系" in core or len(core) < 2):
                    continue  # 安置房建设项目, 村庄改造项目: a kind of work, not one named project
            if short_admin and len(stem) > 2 and stem[-3] in "居在至到赴向与和及对从":
                span = (span[1] - 3, span[1])  # 增速居赤岭市第二位: the city is the two characters after 居
                name, stem = doc.text[span[0] : span[1]], stem[-2:]
            if short_admin and (
                len(stem) != 2
                or stem in ADMIN_STOP
                or stem in ("占地", "辖区", "地区", "社区", "小区")
                or is_descriptive(stem)
                or stem in lex.generic
                or stem[-1] in "级辖区县市省镇乡村"
                or stem[0] in "向在与和及对从由为全各本该我"
                or re.match(r"、?[省市县区乡镇村]|[间域段]", doc.text[end : end + 2])  # 市、区两级: levels; 合理区间, 县城区域: not a name
                or strip_verbs(stem)[0] > 0
                or not (
                    re.match(r"[^\u4e00-\u9fff]|[在与和及至到、对从向由为居]", doc.text[span[0] - 1 : span[0]] or "，")
                    or any(doc.text.endswith(v, 0, span[0]) for v in lex.verbs if len(v) > 1)
                )
            ):
                continue  # 老城区, 直辖市, 功能区: kinds of area, not the name of one
            if cls in ("Platform", "Project") and re.search(
                r"(?:一批|一批批|多个|若干|各类|(?:重要|领先|一流|知名|主要|最大|区域性)的?)$", doc.text[max(0, span[0] - 4) : span[0]]
            ):
                continue  # 打造一批牧区电商直播基地, …重要的先进封装测试基地: a kind or an aim, not one platform
            if suf in ("综合整治", "生态修复") and not re.search(r"[段期]", stem):
                continue  # 深化城市环境综合整治: an activity; 澄江中心城区段综合整治 names its works
            if suf == "厂" and name.endswith("工厂"):
                continue  # 智能工厂, 黑灯工厂: a kind of factory
            if cls == "Place" and re.search(r"高速|铁路|国道|省道|城际|公路", stem):
                continue  # 沈海高速南溪(段): a section of a route, not a place
            if re.match(r"[一二三四五六七八九十百千万]", stem) and re.search(r"[百千万][县镇村乡]", name):
                continue  # 百县千镇(万村): a counted slogan
            direction = re.match(r"(?:东|西|南|北|中)部(?=[\u4e00-\u9fff]{2})", name)
            if cls == "Place" and direction and suf in ("山", "河", "江", "湖", "山脉") and len(name) - 2 - len(suf) >= 2:
                span = (span[0] + 2, span[1])  # 南部祁连山: the mountain, not the county's south
                name, stem = doc.text[span[0] : span[1]], stem[2:]
            if cls == "Place" and suf in ADMIN_SUFFIXES and strip_verbs(name, single=False)[0] > 0:
                continue  # 释放县乡消费潜力, 编制县…: a verb, then a level
            if cls in ("Place", "Platform") and re.search(r"(?:^|[\u4e00-\u9fff])进(?:景区|社区|商圈|机场|校园|园区|港区|企业|农村|乡村|家庭|车站|市场|超市|军营|网格)$", name):
                continue  # 推动红色文化进校园、进社区、进景区: where a campaign goes, not a place
            if cls == "Platform" and "至" in stem:
                # 拓展榕湾港至香港航线: a route between two ports; 白石至钦州港的班列 names the port it goes to
                dest = stem[stem.rfind("至") + 1 :]
                if suf != "港" or len(dest) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", dest):
                    continue
                span = (span[0] + name.rfind("至") + 1, span[1])
                name, stem = doc.text[span[0] : span[1]], dest
            if cls == "Place" and "至" in stem:  # 北原至石岭县: the destination is the place
                span = (span[0] + name.rfind("至") + 1, span[1])
                name, stem = doc.text[span[0] : span[1]], stem[stem.rfind("至") + 1 :]
                if len(stem) < 2:
                    continue
            if suf in ("县", "市", "区") and re.fullmatch(r"(.{2})[兴强富立活美稳]", stem) and (
                is_descriptive(stem[:2]) or stem[:2] in lex.generic or stem[:2] in lex.industries
            ):
                continue  # 园区兴县, 工业强县: a development slogan, not a county
            if stem in lex.generic and cls != "Place" and not own_body:
                continue  # 星级酒店提升工程: a kind of work, not one named project
            national = name.startswith(("国家", "中国")) and len(stem) >= 6  # 国家农机装备创新中心
            descriptive = is_descriptive(stem) and not national
            kind_of = stem.endswith(("型", "式")) and not _has_place(doc, name)  # 生产服务型物流枢纽
            if (cls != "Place" or suf in ("博物馆", "广场", "公园", "展览馆", "口岸", "县城", "安置点")) and (descriptive or kind_of):
                continue
            if cls != "Place" and POSITIONING.search(stem) and re.search(r"(打造|建成|成为|建设成)$", doc.text[max(0, span[0] - 4) : span[0]]):
                continue  # 打造中原城市群核心物流枢纽: a rank the place aims at, not a named platform
            own = suffix_class(name)
            if own and own[0] != cls:
                continue  # the longest suffix decides; it is scanned on its own
            outer = next(
                (
                    o
                    for o in sorted(lex.places, key=len, reverse=True)
                    if cls == "Place" and suf in ADMIN_SUFFIXES and name.startswith(o) and len(name) - len(o) >= 2
                ),
                None,
            )
            street_chain = (name.endswith(("街", "路")) and re.match(r"[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡|社区|村|区|县)", name)) or (
                name.endswith("安置点") and re.match(r"[\u4e00-\u9fff]{2,4}?(?:市|县|区|镇|乡|街道|社区|村)", name)
            )  # 昭溪市幸福家园安置点: a settlement inside a city
            if outer is None and (suf in ADMIN_SUFFIXES or street_chain) and len(name) - len(suf) > 4:
                unit = r"[\u4e00-\u9fff]{2,4}?(?:自治州|自治县|省|市|县|区|镇|乡|街道|社区|村|盟|旗|苏木|嘎查)"
                # 龙门县石桥镇柳河村, 新城街道胜利北街: admin units, the last may be a street or road
                chain = re.fullmatch(rf"((?:{unit}){{1,3}}(?:{unit}|[\u4e00-\u9fff]{{2,4}}?(?:大街|街|路)|[\u4e00-\u9fff]{{2,6}}?安置点))", name)
                units = re.findall(rf"{unit}|[\u4e00-\u9fff]{{2,4}}?(?:大街|街|路)$", name) if chain else []
                settle = re.fullmatch(rf"((?:{unit}){{1,3}})([\u4e00-\u9fff]{{2,6}}?安置点)", name)
                if settle:  # 云岩县索玛新村安置点: the county, then the settlement (its village name is part of it)
                    units = [*re.findall(unit, settle.group(1)), settle.group(2)]
                if any(is_descriptive(u[:-1]) or u[0] in "省市县区镇乡村级" or "之" in u or u in ("自治区", "自治州", "自治县") or strip_verbs(u, single=False)[0] > 0 for u in units):
                    units = []  # 美丽乡村示范村 is not a chain of places
                if units:  # 龙门县石桥镇柳河村: each unit lies in the one before it
                    pos, prev = span[0], None
                    for k, u in enumerate(units):
                        # the full chain (龙门县石桥镇柳河村) is another name of its last unit
                        full = (name,) if k == len(units) - 1 else ()
                        ex.candidates.append(_cand(doc, pos, pos + len(u), "Place", "place-chain", 0.8, aliases=full))
                        if prev:
                            ev = mention(doc, span[0], span[1], "place-chain", 0.8)
                            ex.relations.append(Relation("locatedIn", u, prev, ev, "place-chain", 0.8))
                        prev, pos = u, pos + len(u)
                continue
            if outer is None:
                kind_tag = re.match(r"（[A-Za-z]型）", doc.text[span[1] : span[1] + 5])
                if kind_tag and cls == "Platform":  # 桂岭保税物流中心（B型）: the type is part of the name
                    span = (span[0], span[1] + kind_tag.end())
                ex.candidates.append(_cand(doc, span[0], span[1], cls, f"suffix:{suf}", conf * 0.9))
            else:  # 三门峡渑池县: a known place, then a place inside it
                a0, inner = span[0], name[len(outer) :]
                if "之" in inner or is_descriptive(inner[: -len(suf)]):
                    continue  # 中国长寿之乡: a title the county earns
                ex.candidates.append(_cand(doc, a0, a0 + len(outer), "Place", "place-chain", 0.8))
                ex.candidates.append(_cand(doc, a0 + len(outer), span[1], "Place", "place-chain", 0.8, aliases=(name,)))
                ev = mention(doc, span[0], span[1], "place-chain", 0.8)
                ex.relations.append(Relation("locatedIn", inner, outer, ev, "place-chain", 0.8))
    return ex


# words whose second character opens a short place name in the gazetteer (聚焦作风 ≠ 焦作)
WORD_BEFORE_PLACE = frozenset({"聚焦", "平安", "平衡"})


# a county's (city's, district's) own institution, named by its level alone: 县图书馆, 市文化馆
COUNTY_BODIES = frozenset({"图书馆", "文化馆", "博物馆", "档案馆", "疾病预防控制中心", "疾控中心", "人民医院", "中医院", "妇幼保健院", "融媒体中心"})


def _county_body(name: str) -> bool:
    """县图书馆, 市疾控中心: the institution of the report's own county or city, named by its level."""
    return name[:1] in "县市区" and name[1:] in COUNTY_BODIES


def _gazetteer(doc: Document) -> Extraction:
    """Provinces, major cities, countries, strategies and well-known aliases, by exact match."""
    ex = Extraction()
    lex = load()
    table: list[tuple[str, str, str, float]] = []
    for name in lex.places:
        table.append((name, name, "Place", 0.8))
    for name, canon in lex.strategies.items():
        table.append((name, canon, "Strategy", 0.95))
    for name, (canon, cls) in lex.aliases.items():
        table.append((name, canon, cls, 0.9))
    # 韩国釜山, 日本大阪: a known country, then one of its cities
    countries = [n for n, k in lex.places.items() if k == "country" and len(n) >= 2 and n != "中国"]
    for m in re.finditer("(" + "|".join(map(re.escape, sorted(countries, key=len, reverse=True))) + r")([\u4e00-\u9fff]{2,3}?)(?=[、，。；和及等])", doc.text):
        known_city = lex.places.get(m.group(2)) == "city"  # 日本大阪: a known foreign city still sits in its country
        if is_descriptive(m.group(2)) or m.group(2) in lex.generic or (m.group(2) in lex.places and not known_city) or m.group() in lex.aliases or m.group(2)[0] == "族":
            continue
        ex.candidates.append(_cand(doc, m.start(2), m.end(2), "Place", "place-chain", 0.75, aliases=(m.group(),)))
        ex.relations.append(Relation("locatedIn", m.group(2), m.group(1), mention(doc, m.start(), m.end(), "place-chain", 0.75), "place-chain", 0.75))
    for name, canon, cls, conf in table:
        if len(name) < 2:
            continue
        for m in re.finditer(re.escape(name), doc.text):
            nxt = doc.text[m.end() : m.end() + 1]
            after = doc.text[m.end() : m.end() + 2]
            market = after == "市场" and lex.places.get(name) in ("country", "region")  # 东盟市场, not 广州|市场
            road = nxt == "大" and lex.places.get(name) != "country"  # 长江大道, 天津大学; but 日本大阪 is Japan
            if cls == "Place" and nxt and (((nxt in "路省市县区街道" or road) and not market) or (name.endswith("市") and nxt == "场")):
                level = {"city": "市", "province": "省"}.get(lex.places.get(name, ""))
                if nxt == level and (name + nxt) not in lex.places and after not in ("市场", "市民", "市级", "省级", "省委", "市委"):
                    # 攀枝花市: a known city written with its level (a three-character stem the ending scan leaves alone)
                    ex.candidates.append(Candidate(name + nxt, "Place", mention(doc, m.start(), m.end() + 1, "lexicon", conf), aliases=(name,)))
                continue
            if doc.text[m.start() - 1 : m.start() + 1] in WORD_BEFORE_PLACE:
                continue  # 聚焦作风效能: 聚焦 is a word, 焦作 only the characters after it
            if doc.text[m.start() - 1 : m.start()] in ("内", "出", "入") and name in ("蒙古", "海口"):
                continue  # 内蒙古, 出海口
            if cls == "Place" and nxt == "族":
                continue  # 蒙古族长调: a people, not the country
            if name == "中国" and (re.match(r"[\u4e00-\u9fff]", nxt or "") or doc.text[m.start() - 1 : m.start()] == "其"):
                continue  # 中国电建, 中国国际茶博会, 其中国家级: part of a longer name or another word
            if cls == "Place" and re.match(r"特色|共产党|梦|式|技术|制造|（|科学院|工程院|人民|建材|建筑|银行|石油|石化|移动|联通|电信|铁建|中铁|一拖|一重", doc.text[m.end() : m.end() + 3]):
                continue  # 河南路, 洛阳市 (the longer name is found by its ending)
            if cls in ("Enterprise", "Organization") and re.match(r"[\u4e00-\u9fff]", nxt or "") and (
                suffix_class(name + doc.text[m.end() : m.end() + 4])
                or re.match(r"[\u4e00-\u9fff]{2,6}(?:分公司|公司)", doc.text[m.end() : m.end() + 9])
            ):
                continue  # 国网雪川供电公司: a branch with a name of its own, not the parent
            if cls == "Strategy" and name in lex.places and not re.match(r"建设|战略|发展|一体化|协同", doc.text[m.end() : m.end() + 3]):
                continue  # 赴京津冀、长三角、粤港澳大湾区招商: the region, not its strategy
            aliases = (name,) if name != canon else ()
            ex.candidates.append(Candidate(canon, cls, mention(doc, m.start(), m.end(), "lexicon", conf), aliases=aliases))
    # 上海市嘉定区: a known city, then one of its districts or counties
    for m in re.finditer(r"(" + "|".join(re.escape(n) for n in sorted(lex.places, key=len, reverse=True) if n.endswith(("市", "省"))) + r")([\u4e00-\u9fff]{2,3}?(?:区|县|(?<=省[\u4e00-\u9fff]{2})市|(?<=省[\u4e00-\u9fff]{3})市))", doc.text):
        a, k, b = m.start(1), m.end(1), m.end(2)
        if is_descriptive(m.group(2)[:-1]) or m.group(2)[:2] in ADMIN_STOP:
            continue  # 山东省相邻县区: neighbours, not a county's name
        ex.candidates.append(_cand(doc, k, b, "Place", "place-chain", 0.75, aliases=(m.group(),)))
        ev = mention(doc, a, b, "place-chain", 0.75)
        ex.relations.append(Relation("locatedIn", m.group(2), m.group(1), ev, "place-chain", 0.75))
        district = re.match(r"([\u4e00-\u9fff]{2}(?:区|县))(?=[^\u4e00-\u9fff]|对口|帮扶|结对|协作|合作|签订|等|和|与|的)", doc.text[b : b + 8])
        if district is None and m.group(1).endswith("省"):  # 河北省唐山市曹妃甸区港口协作: province, city, district
            district = re.match(r"([\u4e00-\u9fff]{2,3}?(?:区|县))(?![区县市镇乡])", doc.text[b : b + 8])
        if m.group(2).endswith("市") and district and not is_descriptive(district.group(1)[:-1]) and district.group(1)[:2] not in ADMIN_STOP:
            # 广东省佛山市顺德区: the city's district, one level further down
            d0 = b + len(district.group(1))
            ex.candidates.append(_cand(doc, b, d0, "Place", "place-chain", 0.75, aliases=(doc.text[k:d0],)))
            ex.relations.append(Relation("locatedIn", district.group(1), m.group(2), mention(doc, k, d0, "place-chain", 0.75), "place-chain", 0.75))
    # X等国家战略 / 落实X战略
    for m in re.finditer(r"(?:落实|实施|坚持|融入|服务|对接|推进)(?:好)?([\u4e00-\u9fff、]{4,40}?)战略", doc.text):
        text = re.sub(r"等?(?:国家|重大|区域|发展)?$", "", m.group(1))
        pos = m.start(1)
        for part in re.split(r"(、|和|及)", text):  # 长江中游城市群建设和中部地区崛起等国家战略
            if len(part) >= 4 and part not in "、和及":
                span = _clean(doc, pos, pos + len(part))
                if span:
                    ex.candidates.append(_cand(doc, span[0], span[1], "Strategy", "strategy-pattern", 0.75))
            pos += len(part)
    return ex


def stem_ends_verb(name: str, suf: str) -> bool:
    """开放促互通: the part before the ending closes with a one-character verb."""
    return len(name) > len(suf) and name[-len(suf) - 1] in "促让使"


def _trade_shaped(name: str) -> bool:
    """A brand of two or three characters, then an industry word (博瑞达智能…, 锐能电池…)."""
    lex = load()
    return any(name.find(w, 2, 6) in (2, 3) and not is_descriptive(name[: name.find(w, 2, 6)]) for w in lex.industries)


def _inside_longer_quote(doc: Document, span: tuple[int, int]) -> bool:
    """Whether a name sits inside quotation marks that hold more than the name."""
    a, b = span
    left = doc.text.rfind("“", max(0, a - 30), a + 1)
    if left < 0 or "”" in doc.text[left:a]:
        return False
    right = doc.text.find("”", b, b + 30)
    return right >= 0 and "“" not in doc.text[b:right] and (left, right) != (a - 1, b)


def _has_place(doc: Document, name: str) -> bool:
    """Whether a name carries a place (a province, city, the report's region) — the mark of
    a proper name rather than a description."""
    short = region_short(doc)
    if len(short) >= 2 and short in name:
        return True
    return any(len(p) >= 2 and p in name for p in load().places)


def _region(doc: Document) -> Extraction:
    """The report's own region (涧西区) and its short form (涧西)."""
    ex = Extraction()
    region = doc.metadata.region
    if not region:
        return ex
    short = region_short(doc)
    zone = ZONE_REGION.search(region) is not None  # a 管委会's report: the region is a development zone
    aliases = (short,) if len(short) >= 2 and short != region and not zone else ()
    kind = "Platform" if zone else "Place"
    for name in {region, *aliases}:
        for m in re.finditer(re.escape(name), doc.text):
            nxt = doc.text[m.end() : m.end() + 1]
            if name == short and nxt and nxt in "区县市":
                continue
            ex.candidates.append(Candidate(region, kind, mention(doc, m.start(), m.end(), "region", 0.9), aliases=aliases))
    return ex
