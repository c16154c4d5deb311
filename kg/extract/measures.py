"""Quantities: value, unit, indicator, year, target or actual.

Number grammar: ``[近|超|约]NUM[万|亿][余|多]UNIT[以上|以内|左右]``. The indicator is the
noun phrase before the number (生产总值增长8% → 生产总值, change 增长) or, after a bare verb,
the one after the unit (建成24座城市书房 → 城市书房). ``A分别达X和Y`` yields one measurement
per value; ``城乡居民…分别…`` splits into 城镇/农村. The year comes from the sentence
(2020年, “十四五”), else from the section heading; a figure for the report's year or
later is a target, an earlier one is achieved.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.common import mention, strip_verbs
from kg.lexicon import load
from kg.model import Candidate, Document, Extraction, Measurement, Sentence

UNITS = (
    "个百分点|个工作日|个月|小时|万剂次|剂次|场次|趟次|家次|千升|微克/立方米|毫克/升|平方公里|平方米|立方米|千瓦时|千瓦|兆瓦|人次|美元|标箱|批次|公里|公顷|千克|元|人|户|家|亩|吨|箱|辆|"
    "%|‰|km|MW|倍|天|列|例|个|项|座|所|处|条|批|套|台|件|笔|起|场|次|名|张|位|间|床|斤|部|头只|头|只|匹|羽|株|棵|栋|幢|眼|艘|架|枚"
)
NUMBER = re.compile(
    rf"(?P<pre>近|超过|超|约|突破|不少于|不低于)?(?P<num>\d+(?:\.\d+)?)(?P<mult>万亿|亿|万|千)?"
    rf"(?P<approx>余|多)?(?P<unit>{UNITS})(?P<post>以上|以内|左右|以下)?"
)
CLAUSE_START = re.compile(r"[，；：。、（“”\n]")
TRAIL = re.compile(
    r"((?:统一)?(?:提高|提升|调整|上调|增加)(?:到|至)(?:每人每月|每人每年|每月|每年)?|每人每月|每人每年|"
    r"首次|首度|再次|扩大到|扩大至|缩短至|缩短到|压缩至|压缩到|缩减至|缩减到|全部超过|全部达到|延长到|延长至|提高至|降至|降低到|减少至|增加至|拓展到|"
    r"达到了|达到|达|完成|实现|为|突破|超过|超|约|近|控制在|保持在|稳定在|提高到|提升到|增加到|增长到|上升到|下降到|减少到|增至|由|从|分别|累计|共计|合计|共|年均|同比|比上年|比去年|较上年|较去年|同口径|按可比口径|可比口径|均|至|了)$"
)
CHANGE = re.compile(r"(增长|下降|减少|提高|降低|增加|上升|提升)$")
LEAD = re.compile(
    r"^(全区|全市|全县|全镇|全省|全年|年内|今年|其中|力争|确保|我区|我市|我县|争取|预计|“?十[一二三四五六]五”?末|末|期间|以来|"
    r"“十[一二三四五六]五”期间|“十[一二三四五六]五”以来|\d{4}年(?:全年|底|末)?|五年来|累计|持续|实现|完成)+"
)
BARE_VERBS = re.compile(r"^(设立|安排|筹集|拨付|新增|新建|建成|引进|签约|发放|投入|处置|接待|实施|改造|打造|建设|培育|提升|举办|开展|修建|铺设|安装|办理|受理|认定|获得|完成|成功签约|带动|吸引|吸收|引育|汇聚|谋划|督促好|保障好|对接好|建成投用)$")
PERIOD_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
REVIEW = re.compile(r"回顾|过去|成就|五年来|一年来")
QUALIFIER = re.compile(r"按可比价格?计算|按同口径计算|同比|比上年|较上年|扣除[\u4e00-\u9fff]{1,8}因素|年均|两年平均")
PLAN_CUES = re.compile(r"力争|预期目标|目标是|确保")


def _year_of(doc: Document, sent: Sentence, pos: int, start_of_change: bool = True) -> tuple[int | None, int | None]:
    """(year, base year) for a value at ``pos`` in ``sent``."""
    before = re.sub(r"《[^》]*》|（[^）]*）", lambda m: "#" * len(m.group()), doc.text[sent.start : pos])
    since = re.search(r"(?:由|从)(\d{4})年的$", before)
    if since:
        return int(since.group(1)), None
    if start_of_change and re.search(r"(?:由|从)$", before):
        start = _start_of_change(doc, sent, before)
        if start:
            return start, None
        # 贫困发生率由5.8%下降到3.1% in a one-year review: the start is the year before the end
        # (not 由23家整合为8家: a merger, both counts of the same year)
        if re.match(r"[\d.]+[^\d，。；]{0,5}?(?:下降|提高|增加|减少|增长|上升|降低|扩大|缩小|提升)(?:到|至)", doc.text[pos : sent.end]):
            end_year, base = _year_of(doc, sent, pos, start_of_change=False)
            return (end_year - 1 if end_year else None), base
    until = re.search(r"(?:到|至|为|达)(\d{4})年(?:末|底)?的$", before)
    if until and not re.search(r"恢复(?:到|至)\d{4}年(?:同期)?的$", before):  # 恢复至2019年的86.3%: a share of the base year  # 从2020年的51.8%提高到2024年的55.6%: the second figure is the later year's
        return int(until.group(1)), None
    base = None
    bm = re.search(r"(\d{4})年的$", before) or re.search(r"是(\d{4})年的[^，；]*$", before)
    if bm:
        base = int(bm.group(1))
    pm = re.search(r"是?“?(十[一二三四五六]五)”?(?:末|时期|期间)?的[^，；]*$", before)
    if base is None and pm and pm.group(1) in PERIOD_END:
        base = PERIOD_END[pm.group(1)]  # 是“十三五”末的1.9倍
    # 比2020年末增加612家: a comparison names the base, not the year of the figure
    years = [(m.start(), int(m.group(1))) for m in re.finditer(r"(?<![比较])(\d{4})年(?!的)", before) if 1949 < int(m.group(1)) < 2100]
    periods = [
        (m.start(), PERIOD_END[m.group(1)])
        for m in re.finditer(r"(十[一二三四五六]五)(?!”?(?:开局以来|以来|末的|的|时期的|实施[一二三四]年来|前[一二三四]年))", before)
        if m.group(1) in PERIOD_END
    ]  # 是“十二五”末的1.9倍 names a base, not the year of what follows
    if years and periods and periods[-1][0] > years[-1][0] and re.match(r"十[一二三四五六]五”?末[^；。]*$", before[periods[-1][0] :]):
        return periods[-1][1], base  # 到2027年…，其中“十四五”末达到500万千瓦: the nearer date counts
    if years:
        return years[-1][1], base
    if periods:
        return periods[-1][1], base
    clause = re.split(r"[，；：]", before)[-1]
    if "去年" in clause or re.match(r"去年[，、]", before):  # not 吸取去年特大暴雨教训，…疏浚沟渠320公里
        return (doc.metadata.year - 1) if doc.metadata.year else None, base
    para = next((p for p in doc.paragraphs if p.start <= pos < p.end), None)
    run_year = _dash_run_year(doc, para)
    if run_year:
        return run_year, base  # ——特色产业更优。… under ——综合实力更强。到2026年，…: the same plan year
    if para is not None and doc.metadata.year:
        opening = doc.text[para.start : min(para.end, para.start + 40)]
        if re.search(r"过去一年|[一二三四五]年来|^去年|去年[，、]|过去五年|过去的一年|过去的五年|十[一二三四五六]五”?前[一二三四]年", opening):
            return doc.metadata.year - 1, base  # a paragraph that looks back (“十三五”实施四年来): achieved figures
        if re.search(r"今年|新的一年|\d{4}年(?:主要预期目标|经济社会发展主要预期目标)|主要预期目标是|^全[区县市]经济社会发展的?主要预期目标", opening):
            return doc.metadata.year, base
    for sec in reversed(doc.sections_at(pos)):
        t = sec.title
        if sec.level == 1 and REVIEW.search(t) and not re.search(r"\d{4}年", t) and doc.metadata.year:
            return doc.metadata.year - 1, base  # 过去五年工作回顾: figures up to last year
        if re.search(r"今后五年|未来五年", t) and not re.search(r"\d{4}年|十[一二三四五六]五", t) and doc.metadata.year:
            return doc.metadata.year + 4, base  # 今后五年的奋斗目标 in a 2022 report: targets for 2026
        # 2035年远景目标及“十四五”时期…目标: the plan period; 2024年及“十四五”以来工作回顾: the year
        per = re.findall(r"(十[一二三四五六]五)(?!”?(?:以来|末))", t)
        if per and per[0] in PERIOD_END:
            return PERIOD_END[per[0]], base
        y = re.search(r"(\d{4})年", t)
        if y:
            return int(y.group(1)), base
    return doc.metadata.year, base


def _start_of_change(doc: Document, sent: Sentence, before: str) -> int | None:
    """The year of X in 由X增加到Y when the text leaves it out.

    Why: a review writes the period once (地区生产总值由2015年的612.4亿元增加到…；一般公共预算收入
    由48.3亿元增加到81.6亿元), or only in its heading (“十三五”时期工作回顾); X is the year before the
    period starts, not the year of Y."""
    named = re.findall(r"(?:由|从)(\d{4})年的", before)
    if named:
        return int(named[-1])
    heads = [s for s in doc.sections if s.start <= sent.start < s.end and s.kind != "glossary"]
    for sec in sorted(heads, key=lambda s: -s.level):
        pm = re.search(r"(十[一二三四五六]五)", sec.title)
        if pm and pm.group(1) in PERIOD_END and REVIEW.search(sec.title):
            return PERIOD_END[pm.group(1)] - 5
        if re.search(r"过去五年|五年来", sec.title) and doc.metadata.year:
            return doc.metadata.year - 6  # 过去五年工作回顾 in a 2022 report: the start is 2016
    return None


def _dash_run_year(doc: Document, para: object) -> int | None:
    """The plan year stated at the head of a run of dash-led goal paragraphs (——…更强。到2026年，…),
    for the later paragraphs of the run that do not repeat it."""
    if para is None or not doc.metadata.year or not doc.text.startswith("——", para.start):
        return None
    paras = list(doc.paragraphs)
    i = next(k for k, p in enumerate(paras) if p.start == para.start)
    while i > 0 and doc.text.startswith("——", paras[i - 1].start):
        i -= 1
        head = doc.text[paras[i].start : min(paras[i].end, paras[i].start + 24)]
        y = re.search(r"(?:到|至)(\d{4})年", head)
        if y and int(y.group(1)) > doc.metadata.year:
            return int(y.group(1))
    if i > 0:  # 力争到2025年实现以下目标：——综合实力迈上新台阶。…: the lead-in names the year of the run
        lead = doc.text[paras[i - 1].start : paras[i - 1].end].rstrip()
        y = re.search(r"(?:到|至)(\d{4})年[^。；]*[：:]$", lead)
        if y and int(y.group(1)) > doc.metadata.year:
            return int(y.group(1))
    return None


# nouns that open with a verb's characters: 建成区面积 is the built-up area, not 建成 + 区面积
NOUNS_LIKE_VERBS = ("建成区", "建设用地", "新增长点", "发展指数")
# 期间, 时期: a time phrase left of the value; the indicator is the previous one's
TIME_ONLY = re.compile(r"^(?:“?(?:十[一二三四五六]五)?”?(?:期间|时期|以来|同期|年内|五年|全年)|(?:到|至)?\d{4}年(?:末|底)?)$")
MOVED_TO = re.compile(r"(?:增加|提高|增长|扩大|提升|上升|下降|减少|降低|达到|突破|缩小|缩短)(?:到|至)?(?:\d{4}年(?:末|底)?)?的?")
COUNTERS = frozenset("个家项座所名处条批户台辆件笔起场次位")


def _right_noun(doc: Document, m: re.Match[str]) -> str | None:
    """The noun a count classifier introduces (…190个|重大项目|建设)."""
    right = doc.text[m.end() : m.end() + 18]
    cut = re.search(r"[，。；：、（“”\n]|实现|完成|入选|获得|进行|提供|安装|达到|的|和|与|及|等", right)
    noun = right[: cut.start()] if cut else right[:14]
    noun = re.sub(r"(建设|竣工投用|竣工投产|建成投用|建成投产|开工建设|投入使用|投用|投产|开工|竣工|落地)+$", "", noun)
    if not (2 <= len(noun) <= 16) or re.match(r"^\d+(?:\.\d+)?(?:万|亿)?[个家项条%]", noun):
        return None
    if not re.match(r"[\u4e00-\u9fff]|\d+(?:亿|万)?级|\d+强", noun):
        return None
    if strip_verbs(noun)[0] or re.match(r"(增加|提高|增长|下降|减少|上升)", noun) or noun in load().generic:
        return None  # 增加到238家 is not a noun; 项目, 道路 say nothing
    return noun


def _indicator(doc: Document, sent: Sentence, m: re.Match[str], floor: int) -> tuple[str, str | None]:
    """(indicator, change) from the clause around a number; ``floor`` is
    where the previous value ended, so two values in one clause do not share words."""
    pos = m.start()
    left_start = pos
    while left_start > max(sent.start, floor) and not CLAUSE_START.match(doc.text[left_start - 1]):
        left_start -= 1
    quoted = re.search(r"“[^“”，。；]{1,8}”$", doc.text[max(sent.start, floor, left_start - 11) : left_start])
    glued = re.match(r"[\u4e00-\u9fff]", doc.text[left_start : left_start + 1])
    if quoted and glued and left_start < pos and not re.search(r"称$", doc.text[max(0, left_start - len(quoted.group()) - 2) : left_start - len(quoted.group())]):
        # 政务服务事项“一网通办”率由…: a quoted word inside a short indicator
        k = left_start - len(quoted.group())
        while k > max(sent.start, floor) and not CLAUSE_START.match(doc.text[k - 1]):
            k -= 1
        if pos - k - 2 <= 18:
            left_start = k
    if left_start > sent.start and doc.text[left_start - 1] == "（" and "）" in doc.text[left_start:pos]:
        # 满意率（基本满意率）均达100%: the parenthesis is an aside inside the clause
        left_start -= 1
        while left_start > max(sent.start, floor) and not CLAUSE_START.match(doc.text[left_start - 1]):
            left_start -= 1
    left = doc.text[left_start:pos]
    if "）" in left:  # （以下简称“X”）全年开行…: a closed parenthetical is not the indicator
        close = left.rfind("）")
        if "（" not in left[:close]:
            left_start += close + 1
            left = left[close + 1 :]
    since = re.match(r"^(?:由|从)(?:\d{4}年)?的?$", left)
    if since:  # 比重，由2015年的55%提高到88%: the indicator is the clause before
        prev_clause = re.split(r"[，；：。]", doc.text[sent.start : max(sent.start, left_start - 1)])[-1]
        if prev_clause:
            return prev_clause[-16:], None
    change = None
    for _ in range(3):
        t = TRAIL.search(left)
        if t:
            left = left[: t.start()]
        c = CHANGE.search(left)
        if c and m.group("unit") in ("%", "个百分点", "倍"):
            change = "增长" if c.group() in ("增长", "提高", "增加", "上升", "提升") else "下降"
            left = left[: c.start()]
    lead = LEAD.match(left)
    shift = lead.end() if lead else 0
    streak = re.match(r"^连续[一二三四五六七八九十\d]+年", left[shift:])
    if streak:  # 粮食产量连续八年稳定在40万吨以上: the indicator is in the clause before
        shift += streak.end()
    if "等" in left[shift:] and m.group("unit") in COUNTERS:
        head = left[shift:].rsplit("等", 1)[1]  # 引进泽源农机、华塬生物等企业12家 → 企业
        if len(head) >= 2:
            verb = re.match(r"^(新增|引进|培育|签约|新建|建成)", left[shift:])
            return (verb.group(1) if verb else "") + head, change
    d, rest = strip_verbs(left[shift:])
    if rest and len(rest) >= 2 and not BARE_VERBS.match(left[shift:]) and not left[shift:].startswith(NOUNS_LIKE_VERBS):
        shift += d
    left = left[shift:]
    # 满意率（基本满意率） → 满意率; 细颗粒物（PM2.5）平均浓度 keeps the code that names it
    left = re.sub(r"（(?![A-Za-z0-9.&]+）)[^）]*）", "", left).rstrip("的")
    counted = m.group("unit") in COUNTERS and not m.group("mult")
    right_noun = _right_noun(doc, m) if counted else None
    if right_noun:  # 统筹推进190个重大项目建设 → 重大项目
        return right_noun, change
    if left.endswith("等") or not left or BARE_VERBS.match(left):
        right = doc.text[m.end() : m.end() + 15]
        right = right[1:] if right.startswith("的") else right[:14]  # 设立2亿元的创业创新引导基金
        cut = re.search(r"[，。；：、（“”\n]|建设|竣工|投用|开工|实现|完成|入选|获得|达|的", right)
        noun = right[: cut.start()] if cut else right
        if 2 <= len(noun) <= 12 and not re.match(r"[和及与、\d]", noun):
            return noun, change
    keep = 16 + left[-18:].count("“") + left[-18:].count("”")  # quotes are not words
    return left[-keep:], change


GROUP_METRIC = re.compile(r"([两三四五六七八九十]+大[\u4e00-\u9fff]{2,6}?(?:产业|行业|集群))(产值|营业收入|收入|增加值|规模|产量)$")


def _group_parts(found: Extraction, subject: str) -> list[str]:
    """三大主导产业产值, where the report lists the three earlier (生物医药、集成电路、高端装备三大
    主导产业): one indicator per part, 生物医药产业产值 …, in the order the list gives them."""
    gm = GROUP_METRIC.search(subject)
    if gm is None:
        return []
    parts = sorted(
        {(r.ordinal or 0, r.object) for r in found.relations if r.predicate == "hasComponent" and r.subject == gm.group(1)}
    )
    names = list(dict.fromkeys(name for _o, name in parts))
    kind = "产业" if gm.group(1).endswith("产业") else ""
    return [n + (kind if not n.endswith(kind) else "") + gm.group(2) for n in names] if len(names) >= 2 else []


def extract(doc: Document, found: Extraction) -> Extraction:
    ex = Extraction()
    glossary_start = next((s.start for s in doc.sections if s.kind == "glossary"), len(doc.text))
    named = sorted(
        (c.mention.start, c.mention.end)
        for c in found.candidates
        if c.kind in ("Project", "Platform", "Enterprise", "Organization") and c.mention.rule != "name-match"
    )
    for sent in doc.sentences:
        if sent.start >= glossary_start:
            break
        prev: list[Measurement] = []
        respectively: list[str] = []
        for m in NUMBER.finditer(doc.text, sent.start, sent.end):
            if m.start() > 0 and re.match(r"[A-Za-z.\d]", doc.text[m.start() - 1]):
                continue  # PM2.5, model numbers
            if any(a <= m.start() and m.end() <= b for a, b in named):
                continue  # 年产5万吨…项目, 12英寸晶圆: a number inside a name is not a figure
            if doc.text[m.end() : m.end() + 1] in ("年", "月", "日", "号", "届", "周"):
                continue
            if m.group("post") == "以上" and m.group("unit") == "元" and re.match(r"[\u4e00-\u9fff]{0,6}?(?:项目|企业)", doc.text[m.end() : m.end() + 10]):
                continue  # 引进10亿元以上制造业项目30个: a threshold that sorts projects, not a figure
            unit = (m.group("mult") or "") + m.group("unit")
            value = Decimal(m.group("num"))
            floor = prev[-1].evidence.end if prev else sent.start
            indicator, change = _indicator(doc, sent, m, floor)
            if (TIME_ONLY.match(indicator) or MOVED_TO.fullmatch(indicator)) and prev:  # “十三五”期间年均增长7.2%, …增加到2022年的142.7亿元
                indicator = prev[-1].indicator
            indicator = re.sub(r"(?<=..)(?:由|从)(?:\d{4}年(?:末|底)?)?的?$", "", indicator)  # 过货量由2017年的52万吨
            rank = re.search(r"中?(?:位列|位居|跃升至|上升至|提升至|升至|居|列)?第$", indicator) if m.group("unit") == "位" else None
            if rank and rank.start() >= 2:  # 澄湖高新区排名跃升至第28位, 在…考核评价中位列第21位: a rank
                indicator = indicator[: rank.start()]
                indicator += "" if indicator.endswith(("排名", "位次")) else "排名"
            if QUALIFIER.fullmatch(indicator) and prev:  # 地区生产总值6128亿元，按可比价格计算增长8.9%
                indicator = prev[-1].indicator
            # 集成电路、生物医药、人工智能三大先导产业实现产值: the figure is the group's, named by its count
            group = re.search(r"(?<=[\u4e00-\u9fff])([两三四五六七八九十]+大[\u4e00-\u9fff]{2,6}?(?:产业|行业|集群))(?:实现|完成)?(产值|营业收入|收入|增加值|规模|营收)$", indicator)
            if group and "、" in doc.text[max(sent.start, m.start() - 40) : m.start()]:
                indicator = group.group(1) + group.group(2)
            before = doc.text[max(sent.start, m.start() - 30) : m.start()]
            clause_left = re.split(r"[，；：。]", before)[-1]
            if "分别" in clause_left and not respectively:
                subj = clause_left.split("分别")[0].lstrip("—－-")
                lead = LEAD.match(subj)
                subj = subj[lead.end() :] if lead else subj
                if subj.startswith("城乡"):
                    respectively = ["城镇" + subj[2:], "农村" + subj[2:]]
                elif group_parts := _group_parts(found, subj):
                    respectively = group_parts  # 三大主导产业产值分别达A、B和C: the group's parts, in its order
                elif re.search(r"、|和", subj):
                    parts = [s for s in re.split(r"、|和", subj) if s]
                    etc = re.match(r"^(.+?)等[\u4e00-\u9fff]*?(种植面积|面积|产值|收入|增加值|总额|规模|产量|营业收入)$", parts[-1])
                    if etc:  # 沃柑、茶叶、油茶等特色产业种植面积分别… → 沃柑种植面积, 茶叶种植面积, 油茶种植面积
                        parts = [p + etc.group(2) for p in (*parts[:-1], etc.group(1))]
                    # 汽车零部件、电子信息两大核心产业产值 → 汽车零部件产值, 电子信息产值
                    cm = re.match(r"^(.*?)[两三四五六七八九十\d]+[大个项类][\u4e00-\u9fff]*?(产值|收入|增加值|总额|规模|产量|营业收入)?$", parts[-1])
                    if cm and cm.group(1):
                        parts[-1] = cm.group(1)
                        parts = [p + (cm.group(2) or "") for p in parts]
                    # 城镇、农村居民人均可支配收入 → 城镇居民…, 农村居民…
                    short = [p for p in parts[:-1] if len(p) <= 2]
                    if short and len(short) == len(parts) - 1 and len(parts[-1]) > 4:
                        tail = parts[-1][len(short[0]) :]
                        parts = [p + tail for p in parts[:-1]] + [parts[-1]]
                    respectively = parts
                elif not subj and prev:
                    rest = re.split(r"[。；]", doc.text[m.start() : sent.end])[0]
                    k = max(1, len(list(NUMBER.finditer(rest))))
                    respectively = [p.indicator for p in prev[-k:]]
                elif subj:
                    respectively = [subj]
            if respectively and (indicator in ("", "和", "、") or "分别" in clause_left or len(indicator) <= 1):
                since = doc.text.rfind("分别", sent.start, m.start())  # count only this 分别's values
                k = sum(1 for p in prev if p.rule == "respectively" and p.evidence.start > since) if "分别" not in clause_left or (prev and prev[-1].rule == "respectively") else 0
                k = min(k, len(respectively) - 1)
                indicator = respectively[k]
                rule = "respectively"
                if k == len(respectively) - 1:
                    respectively = []  # used up: later values in the sentence have their own subjects
            else:
                rule = "value-unit"
            year, base = _year_of(doc, sent, m.start())
            if base is not None and m.group("unit") == "倍":
                change = "倍"
                if prev and (not indicator or indicator.startswith("是")):
                    indicator = prev[-1].indicator
            if indicator.startswith("是") and prev:
                indicator = prev[-1].indicator
            if indicator in ("总数", "总量", "总额", "总计", "合计") and prev:
                indicator = prev[-1].indicator
            if not indicator or len(indicator) < 2:
                if not prev:
                    continue
                indicator = prev[-1].indicator
            qualifier = m.group("post") or ({"余": "余", "多": "余"}.get(m.group("approx") or "")) or m.group("pre")
            plan_cue = bool(PLAN_CUES.search(doc.text[sent.start : m.start()]))
            if qualifier is None and "力争" in doc.text[sent.start : m.start()]:
                qualifier = "力争"
            if year and doc.metadata.year:
                target = year >= doc.metadata.year
            else:
                target = plan_cue
            if target and re.search(r"(?:今年|年初|疫情发生|疫情防控)以来|截至目前|截至\d{1,2}月", doc.text[sent.start : m.start()]):
                target = False  # 今年以来…发放惠企贷2.6亿元: achieved so far this year, not a target
            ev = mention(doc, m.start(), m.end(), rule, 0.75)
            meas = Measurement(
                indicator=indicator, value=value, unit=unit, evidence=ev, rule=rule, year=year,
                is_target=target, qualifier=qualifier, change=change, base_year=base,
                confidence=0.8 if rule == "respectively" else 0.75,
            )
            ex.measurements.append(meas)
            prev.append(meas)
            k0 = doc.text.rfind(indicator, sent.start, m.start())  # the mention nearest the value
            if k0 < 0:
                k0 = doc.text.find(indicator, sent.start, sent.end)
            span = (k0, k0 + len(indicator)) if k0 >= 0 else (m.start(), m.end())
            ex.candidates.append(Candidate(indicator, "Indicator", mention(doc, span[0], span[1], "indicator", 0.7)))
    return ex
