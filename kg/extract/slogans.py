"""Numbered slogans in the body text and their components.

Four ways a report spells out a slogan's parts, all checked against the count its numerals
announce: ``“三区”即A、B、C；`` (definition), ``“四新”是：A。…B。…`` (run-in lead
sentences), ``自治、法治、德治、智治“四治并进”`` (list before the slogan) and
``…消费带…、…商圈、…商圈…的“一带三圈”`` (names ending with the slogan's nouns).
"""

from __future__ import annotations

import re

from kg.extract.common import (
    QUOTED,
    component_class,
    emit_parts,
    is_junk,
    is_slogan,
    mention,
    slogan_count,
    strip_trailing_verbs,
    strip_verbs,
    unquote,
)
from kg.extract.glossary import parse_list
from kg.lexicon import load, suffix_class
from kg.model import Candidate, Document, Extraction, Relation
from kg.numerals import cn_to_int, slogan_groups

DEF_RE = re.compile(r"“([^“”]{2,12})”(即|是|指)([：:]?)")
NAMED_SUFFIX = re.compile(r"^(改革|行动|计划|工程|战略|活动|政策|机制|模式|工作法)")
LIST_BEFORE = re.compile(r"([^，。；：“”！？\n]{2,80})$")


def _groups(name: str) -> list[tuple[int, str]]:
    return slogan_groups(name.replace("双", "两", 1) if name.startswith("双") else name)


def _parent_of(doc: Document, name: str, before: int) -> str | None:
    """The slogan a group like 三区 belongs to: a quoted slogan shortly before it whose
    numerals contain this group (三区两中心一枢纽 ⊃ 三区)."""
    g = _groups(name)
    if len(g) != 1:
        return None
    top = next((s for s in doc.sections_at(before) if s.level == 1), None)
    lo = top.start if top else max(0, before - 1500)
    window = doc.text[max(lo, before - 4000) : before]
    for q in reversed(list(QUOTED.finditer(window))):
        cand = q.group(1)
        if cand == name or "、" in cand or not is_slogan(cand):
            continue
        if g[0] in _groups(cand) and len(_groups(cand)) > 1:
            return cand
    return None


PLUS_MODEL = re.compile(r"[\u4e00-\u9fff]{2,6}(?:[+＋][\u4e00-\u9fff]{2,8}){1,3}")


def extract(doc: Document, found: Extraction) -> Extraction:
    ex = Extraction()
    glossary_start = next((s.start for s in doc.sections if s.kind == "glossary"), len(doc.text))
    body = doc.text[:glossary_start]
    defined: set[str] = set()
    for m in DEF_RE.finditer(body):
        name = m.group(1)
        if not is_slogan(name):
            continue
        ev = mention(doc, m.start(1), m.end(1), "slogan-definition", 0.9)
        ex.candidates.append(Candidate(name, "Initiative", ev, declared_count=slogan_count(name)))
        defined.add(name)
        parent = _parent_of(doc, name, m.start())
        if parent:
            p0 = doc.text.rfind(f"“{parent}”", 0, m.start()) + 1
            pev = mention(doc, p0, p0 + len(parent), "slogan-definition", 0.9)
            ex.candidates.append(Candidate(parent, "Initiative", pev, declared_count=slogan_count(parent)))
            order = [g for g in _groups(parent)].index(_groups(name)[0]) + 1
            ex.relations.append(Relation("hasComponent", parent, name, ev, "slogan-group", 0.9, order))
        if m.group(3) and m.group(2) == "是":
            ex.extend(_run_in(doc, name, m.end(), glossary_start))
        else:
            # “一轴”即A，“两带”即B、C: each definition ends where the next one starts
            nxt = DEF_RE.search(body, m.end())
            stop = min(len(body), m.end() + 200, nxt.start() if nxt else len(body))
            items = parse_list(doc, m.end(), stop, slogan_count(name))
            ex.extend(_emit(doc, name, items, slogan_count(name), "slogan-definition"))
    for q in QUOTED.finditer(body):
        name = q.group(1)
        if "，" in name:
            continue
        tail_named = re.match(r"[\u4e00-\u9fff]{0,8}?(行动|活动|计划)(?![\u4e00-\u9fff]{0,2}(?:方案|纲要))", body[q.end() : q.end() + 12])
        if "、" in name and tail_named and not all(is_slogan(p) for p in name.split("、")) and len(name) <= 16:
            # 实施“人人持证、技能清河”行动: one campaign named by a pair of phrases
            ev = mention(doc, q.start(1), q.end(1), "quoted-programme", 0.7)
            ex.candidates.append(Candidate(name, "Action", ev, aliases=(name + tail_named.group(),)))
            continue
        if "、" in name:  # “三个高地、三个标杆”: a list of slogans
            pos = q.start(1)
            for part in name.split("、"):
                if is_slogan(part):
                    ev = mention(doc, pos, pos + len(part), "quoted-slogan", 0.8)
                    ex.candidates.append(Candidate(part, "Initiative", ev, declared_count=slogan_count(part)))
                pos += len(part) + 1
            continue
        tail = body[q.end() : q.end() + 4]
        if re.search(r"(简称|下称|以下称|简写为)$", body[max(0, q.start() - 4) : q.start()]):
            continue  # （以下简称“三韩食品”）: a short name defined for what precedes it
        if re.search(r"(获评|荣获|评为|授予|获得|入选|创建|创成|获批|跻身|确定为|认定为|晋升为|命名为|列为|捧回)$", body[max(0, q.start() - 4) : q.start()]) and 4 <= len(name) <= 24:
            ev = mention(doc, q.start(1), q.end(1), "quoted-honour", 0.75)
            if re.search(r"(奖|集体|个人|称号|单位|示范|先进|标兵|模范|重点村|重点镇|名县|名镇|名村|名城|百强|千强|文明城市|卫生城市|园林城市|试点|乡村|产业集群|县城|度假区|步行街|好产品|氧吧|景区|精品)", name):
                ex.candidates.append(Candidate(name, "Award", ev))
            continue
        counted = COUNTED_QUOTE.fullmatch(name)
        if counted and not is_slogan(name):  # 新能源汽车零部件、电子信息、绿色石化“三大千亿级产业集群”
            ev = mention(doc, q.start(1), q.end(1), "quoted-slogan", 0.8)
            n = cn_to_int(counted.group(1))
            ex.candidates.append(Candidate(name, "Initiative", ev, declared_count=n))
            ex.extend(list_before(doc, name, q.start(), n))
            continue
        if is_slogan(name):
            ev = mention(doc, q.start(1), q.end(1), "quoted-slogan", 0.8)
            named = NAMED_SUFFIX.match(tail)
            aliases = (name + named.group(1),) if named else ()
            ex.candidates.append(Candidate(name, "Initiative", ev, aliases=aliases, declared_count=slogan_count(name)))
            if name not in defined:
                ex.extend(list_before(doc, name, q.start()))
                ex.extend(_suffix_lookback(doc, name, q.start()))
                sent = doc.sentence_at(q.start())
                if sent is not None:
                    parts = anchor_parts(doc, name, sent.start, q.start())
                    ex.extend(parts if parts.relations else label_parts(doc, name, sent.start, q.start()))
        elif PLUS_MODEL.fullmatch(name):  # “光伏+治沙”, “公司+合作社+牧户”: a model joining two or more things
            ex.candidates.append(Candidate(name, "Initiative", mention(doc, q.start(1), q.end(1), "plus-model", 0.75)))
        elif re.fullmatch(r"[\u4e00-\u9fff]{2,8}(制|革命|倍增|工程|行动|计划|改革)", name):  # “街长制”, “厕所革命”
            ev = mention(doc, q.start(1), q.end(1), "quoted-programme", 0.7)
            named = NAMED_SUFFIX.match(tail)
            acts = name.endswith("行动") or (named is not None and named.group(1) in ("行动", "活动", "计划"))
            ex.candidates.append(Candidate(name, "Action" if acts else "Initiative", ev, aliases=(name + named.group(1),) if named else ()))
        elif NAMED_SUFFIX.match(tail) and 2 <= len(name) <= 12 and not re.search(r"[，。、]", name):
            suffix = NAMED_SUFFIX.match(tail).group(1)
            if suffix in ("改革", "行动", "计划", "工程", "战略", "活动"):
                ev = mention(doc, q.start(1), q.end(1), "quoted-programme", 0.7)
                # 深化“千企数改”行动; 实施“净河清渠”工程 is a programme run like an action too
                kind = {"战略": "Strategy", "行动": "Action", "活动": "Action", "计划": "Action", "工程": "Action"}.get(suffix, "Initiative")
                ex.candidates.append(Candidate(name, kind, ev, aliases=(name + suffix,)))
            elif POLICY_TERM.fullmatch(name):  # “网格+”治理模式
                ex.candidates.append(Candidate(name, "Initiative", mention(doc, q.start(1), q.end(1), "quoted-initiative", 0.6)))
        elif (
            tail_named
            and tail_named.end() > len(tail_named.group(1))
            and 2 <= len(name) <= 12
            and re.search(r"(实施|开展|启动|推进|推动|深化|组织)$", body[max(0, q.start() - 4) : q.start()])
            and not is_junk(name)
        ):  # 实施“绿满清河”国土绿化行动: a campaign named by its quoted motto
            ev = mention(doc, q.start(1), q.end(1), "quoted-programme", 0.7)
            ex.candidates.append(Candidate(name, "Action", ev, aliases=(name + tail_named.group(),)))
        elif (
            POLICY_TERM.fullmatch(name)
            and (POLICY_VERB.search(body[max(0, q.start() - 6) : q.start()]) or POLICY_TAIL.match(tail))
            and not is_junk(name)
            and not name.endswith("式")
        ):  # 推行“拿地即开工”, 建设“未来社区”, “枫桥经验”: a named policy or model
            ex.candidates.append(Candidate(name, "Initiative", mention(doc, q.start(1), q.end(1), "quoted-initiative", 0.6)))
    for m in re.finditer(r"(?:实施|推进|开展|打好|打赢|深化|推动|启动|抓好|聚焦)(([一二三四五六七八九十]{1,2}|\d{1,2})[大项](?:专项行动|攻坚行动|行动|工程|攻坚战|攻坚|战略|任务|举措))", body):
        ev = mention(doc, m.start(1), m.end(1), "counted-programme", 0.75)  # 实施十大战略
        ex.candidates.append(Candidate(m.group(1), "Initiative", ev))
    for m in UNQUOTED_CAMPAIGN.finditer(body):  # 实施农村人居环境整治提升五年行动
        g = 1 if m.group(1) else 2
        name = m.group(g)
        d = strip_verbs(name)[0]  # 抓好安全生产专项整治三年行动: the verb is not the name
        name = name[d:]
        if not is_junk(name) and "、" not in name and not re.match(r"[一二三四五六七八九十\d]+[大项]", name) and len(name) >= 6:
            ex.candidates.append(Candidate(name, "Action", mention(doc, m.start(g) + d, m.end(g), "campaign", 0.65)))
    for m in NAMED_STRATEGY.finditer(body):  # 主动承接强省会战略辐射带动, 深入实施工业强县战略
        stem = m.group(2)[:-2]
        if stem in ("发展", "国家", "重大", "总体", "各项", "这一", "系列", "区域", "创新") or strip_verbs(stem)[0] or len(stem) < 2:
            continue
        lead = re.match(r"(?:全省|全市|全县|全区|省委|市委|县委|省|市)(?=[\u4e00-\u9fff]{2}战略|[\u4e00-\u9fff]{3,}战略)", m.group(2))
        a = m.start(2) + (lead.end() if lead else 0)  # 服务全省强省会战略 → 强省会战略
        ex.candidates.append(Candidate(doc.text[a : m.end(2)], "Strategy", mention(doc, a, m.end(2), "named-strategy", 0.65)))
    for m in PAIRING.finditer(body):  # 沪滇协作, 闽宁协作: an east–west pairing named by two provinces
        ex.candidates.append(Candidate(m.group(1), "Initiative", mention(doc, m.start(1), m.end(1), "pairing", 0.75)))
    ex.extend(_quoted_then_count(doc, body))
    for m in HONOUR.finditer(body):  # 成功创建全国文明城市, 入选全国乡村旅游重点村
        pos = m.start(1)
        for part in re.split(r"(?<=[\u4e00-\u9fff])和(?=全国|国家|中国|全省|省级|省)", m.group(1)):  # 省级特色小镇和省级生态文明示范镇
            ex.candidates.append(Candidate(part, "Award", mention(doc, pos, pos + len(part), "honour", 0.7)))
            pos += len(part) + 1
    ex.extend(_digit_codes(doc, body))
    ex.extend(_counted_categories(doc, body))
    ex.extend(_dash_goals(doc, len(body)))
    ex.extend(_list_after(doc, body))
    ex.extend(_inline_definitions(doc, body, defined))
    ex.extend(_bracket_definitions(doc, body, defined))
    ex.extend(_phrase_lists(doc, body))
    return ex


BRACKET_DEF = re.compile(r"“([^“”]{2,12})”[（(](?:即|指|包括)?([^（）()“”。；]{4,120})[）)]")


def _bracket_definitions(doc: Document, body: str, defined: set[str]) -> Extraction:
    """“两区一地”（即A、B和C）, 坚持“三茶统筹”（即统筹茶文化、茶产业、茶科技）: the parts in
    brackets right after the slogan, taken when their number is the slogan's."""
    ex = Extraction()
    for m in BRACKET_DEF.finditer(body):
        name = m.group(1)
        n = _parts_announced(name)
        if not n or n < 2 or name in defined:
            continue
        items: list[tuple[int, int]] = []
        for part in re.finditer(r"[^、，和及]+", m.group(2)):
            a = m.start(2) + part.start()
            b = a + len(part.group())
            d = strip_verbs(doc.text[a:b])[0] if part.start() == 0 else 0  # 即统筹茶文化: the verb is not a part
            if b - (a + d) >= 2:
                items.append((a + d, b))
        if len(items) == n:
            ex.extend(_emit(doc, name, items, n, "slogan-definition"))
    return ex


PHRASE_LIST = re.compile(r"(实行|推行|坚持|实施|深入实施|开展|推进)?“((?:[\u4e00-\u9fff]{2,6}、){1,4}[\u4e00-\u9fff]{2,6})”(行动|工程|机制|模式|工作法|要求)?")


def _phrase_lists(doc: Document, body: str) -> Extraction:
    """实行“周调度、月通报、季拉练”, 实施“红色铸魂、绿色崛起”行动: a quoted list of short phrases
    used as one name; the phrases are its parts."""
    ex = Extraction()
    for m in PHRASE_LIST.finditer(body):
        if not (m.group(1) or m.group(3)):
            continue
        whole = m.group(2)
        parts = whole.split("、")
        if any(is_slogan(p) for p in parts):
            continue  # “三个高地、三个标杆”: slogans of their own, handled as such
        kind = "Action" if m.group(3) in ("行动", "工程") else "Initiative"
        ev = mention(doc, m.start(2), m.end(2), "quoted-phrases", 0.7)
        ex.candidates.append(Candidate(whole, kind, ev, aliases=(whole + m.group(3),) if m.group(3) else ()))
        pos = m.start(2)
        for i, p in enumerate(parts):
            pev = mention(doc, pos, pos + len(p), "quoted-phrases", 0.7)
            ex.candidates.append(Candidate(p, "Goal", pev))
            ex.relations.append(Relation("hasComponent", whole, p, pev, "quoted-phrases", 0.7, i + 1))
            pos += len(p) + 1
    return ex


def _parts_announced(name: str) -> int | None:
    """How many parts a numbered slogan announces (两区一地 → 3); None for any other quote."""
    return slogan_count(name) if is_slogan(name) else None


INLINE_DEF = re.compile(r"“([^“”]{2,12})”[^，。；：“”]{0,12}，即")


def _inline_definitions(doc: Document, body: str, defined: set[str]) -> Extraction:
    """“两不愁三保障”全面实现，即不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障 /
    构建“一口岸两区三园”开放发展格局，即做强A，建好B和C，提升D、E、F: the parts follow 即
    across clauses, each after its verb; taken only when their number is the slogan's."""
    ex = Extraction()
    for m in INLINE_DEF.finditer(body):
        name = m.group(1)
        n = _parts_announced(name)
        if not n or n < 2 or name in defined:
            continue
        end = re.search(r"[。；]", body[m.end() :])
        text = body[m.end() : m.end() + (end.start() if end else 0)]
        if not text or len(text) > 160:
            continue
        anchored = anchor_parts(doc, name, m.end(), m.end() + len(text))
        if anchored.relations:  # “一港两区三园”，即以沽河港为一港，以A和B为两区，以C、D、E为三园
            ex.extend(anchored)
            continue
        items: list[tuple[int, int]] = []
        done: list[tuple[int, int]] = []
        each = re.fullmatch(r"[2-9]个1|[二两三四五六七八九十]+个一", name) is not None
        for part in re.finditer(r"[^，、]+", text):
            if part.start() > 0 and text[part.start() - 1] == "，":
                if len(items) == n:  # …提升D、E、F，推动口岸、园区…: the parts end with a clause
                    done = list(items)
                    break
                if len(items) > n:
                    break
            one = part.group().count("和") + part.group().count("及") == 1  # 建好A和B: two parts
            pieces = [(p.start(), p.group()) for p in re.finditer(r"[^和及]+", part.group())] if one else [(0, part.group())]
            clause_start = part.start() == 0 or text[part.start() - 1] == "，"
            for off, piece in pieces:
                a = m.end() + part.start() + off
                b = a + len(piece)
                # 做强白石口岸，建好A和B: a clause opens with its verb; list items after 、 and 和 do not
                d = strip_verbs(doc.text[a:b])[0] if clause_start and off == 0 and not piece.startswith(("面向", "依托", "围绕", "立足")) else 0
                if d and sum(o.endswith(doc.text[a + d : b]) and len(o) > b - a - d for o in re.split(r"[，、]", text)) >= 2:
                    d = 0  # 即签约一批、开工一批、投产一批: 签约 is the part, 一批 what every part shares
                if each:  # “3个1”，即做强1个A、做大1个B: every part has its verb and its 1个
                    d = strip_verbs(doc.text[a:b])[0]
                    one_of = re.match(r"(?:1|一)个(?=[\u4e00-\u9fff]{2})", doc.text[a + d : b])
                    d += one_of.end() if one_of else 0
                if b - (a + d) >= 2:
                    items.append((a + d, b))
        if len(items) == n:
            done = items
        if done:
            ex.extend(_emit(doc, name, done, n, "slogan-definition"))
    return ex


LIST_AFTER = re.compile(r"“([^“”]{2,8})”[，,](?:统筹|抓好|做好|做到|坚持|突出|着力|聚焦|推进|实施)(?:推进)?")


NAMED_STRATEGY = re.compile(r"(实施|深入实施|落实|承接|坚持|推进|服务|融入|对接)([\u4e00-\u9fff]{2,8}?战略)(?![\u4e00-\u9fff]{0,2}(?:性|的|部署|目标|规划|合作|地位|机遇|支点|通道|腹地|要地))")


def _list_after(doc: Document, body: str) -> Extraction:
    """深化“五水共治”，统筹治污水、防洪水、排涝水、保供水、抓节水: a slogan followed at once by
    exactly as many listed parts as its numeral announces spells them out."""
    ex = Extraction()
    for m in LIST_AFTER.finditer(body):
        name = m.group(1)
        n = _parts_announced(name)
        if not n or n < 3:
            continue
        clause = re.match(r"[^，。；：“”]+", body[m.end() :])
        if not clause or clause.group().count("、") != n - 1:
            continue
        items, pos = [], m.end()
        for part in clause.group().split("、"):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        if all(2 <= b - a <= 8 for a, b in items):
            ex.extend(_emit(doc, name, items, n, "slogan-list-after"))
    return ex


def _dash_goals(doc: Document, limit: int) -> Extraction:
    """``——经济实力更强。…`` paragraphs in a row are the goals of the plan; when the
    paragraph before them announces a slogan with as many parts, they are its components."""
    ex = Extraction()
    paras = [p for p in doc.paragraphs if p.start < limit]
    i = 0
    while i < len(paras):
        run = []
        while i < len(paras) and re.match(r"^(——|—|－－)", paras[i].text):
            run.append(paras[i])
            i += 1
        if len(run) < 2:
            i += 1
            continue
        items = []
        for p in run:
            lead = re.match(r"^[—－]+", p.text).end()
            m = re.match(r"[^。！；]{2,16}", p.text[lead:])
            if m:
                items.append((p.start + lead, p.start + lead + m.end()))
        before = doc.paragraphs[doc.paragraphs.index(run[0]) - 1] if doc.paragraphs.index(run[0]) > 0 else None
        slogan = None
        if before is not None:
            quoted = [q.group(1) for q in QUOTED.finditer(before.text) if is_slogan(q.group(1))]
            if quoted and slogan_count(quoted[-1]) == len(items):
                slogan = quoted[-1]
        for k, (a, b) in enumerate(items):
            name = doc.text[a:b]
            ev = mention(doc, a, b, "dash-goal", 0.7)
            ex.candidates.append(Candidate(name, "Goal", ev))
            if slogan:
                ex.relations.append(Relation("hasComponent", slogan, name, ev, "dash-goal", 0.75, k + 1))
    return ex


COUNTED = re.compile(
    r"((?:[^、，。；：“”\n]{2,10}、)+[^、，。；：“”\n]{2,10}?)([两三四五六七八九十])大"
    r"([\u4e00-\u9fff]{2,8}?(?:产业|行业|集群|板块|基地|工程|行动|战略|中心|平台|服务业|工作)|攻坚战|保卫战)"
)


def _counted_categories(doc: Document, body: str) -> Extraction:
    """``汽车零部件、电子信息两大核心产业``: a list closed by as many items as it says."""
    from kg.numerals import cn_to_int

    ex = Extraction()
    for m in COUNTED.finditer(body):
        n = cn_to_int(m.group(2))
        parts = m.group(1).split("、")
        if len(parts) != n:
            continue
        name = f"{m.group(2)}大{m.group(3)}"
        ev = mention(doc, m.start(2), m.end(3), "counted-category", 0.75)
        ex.candidates.append(Candidate(name, "Initiative", ev, declared_count=n))
        pos = m.start(1)
        spans = []
        for i, part in enumerate(parts):
            d, _ = strip_verbs(part) if i == 0 else (0, part)
            if i == 0:
                k = max(part.rfind("以"), part.rfind("在"), part.rfind("把"))
                d = max(d, k + 1)
            spans.append((pos + d, pos + len(part)))
            pos += len(part) + 1
        ex.extend(_emit(doc, name, spans, n, "counted-category"))
    return ex


DIGIT_CODE = re.compile(r"“([\dNX][\dNX]*[+＋][\dNX+＋]*|\d{2,})”([\u4e00-\u9fff]{2,8}?(?:体系|格局|战略|工程|布局|计划|行动|产业|模式))")
DIGIT_PART = re.compile(r"“([\dNX])”(?:指|是|即)((?:[^，。；“”（）()]|（[^（）]*）)+)")


def _digit_codes(doc: Document, body: str) -> Extraction:
    """``“1+3+N”现代产业体系 … “1”指A，“3”指B、C、D三大新兴产业，“N”指若干未来产业``."""
    ex = Extraction()
    for m in DIGIT_CODE.finditer(body):
        name = m.group(1) + m.group(2)
        ev = mention(doc, m.start(1), m.end(2), "digit-code", 0.85)
        ex.candidates.append(Candidate(name, "Initiative", ev, aliases=(m.group(1),)))
        bracket = _bracketed_digit_parts(doc, name, m.group(1), m.end())
        ex.extend(bracket if bracket.relations else digit_parts(doc, name, m.end(), min(len(body), m.end() + 400)))
    return ex


DIGIT_BRACKET = re.compile(r"(?:体系|格局|布局)?[（(]即?([^（）()。；]{4,160})[）)]")
LEAD_ANCHOR = re.compile(r"^以([^，。；、以]{2,20}?)为(?:主导|引领|龙头|核心|重点|支撑|主体)")
COUNT_TAIL_WORDS = re.compile(r"(?:等)?[一二两三四五六七八九十\d]+(?:大|个|项)?[\u4e00-\u9fff]{0,12}$")


def _bracketed_digit_parts(doc: Document, name: str, code: str, at: int) -> Extraction:
    """``“1+4”现代产业体系（即以酱香白酒为主导，茶叶、生态畜牧、大数据、山地旅游四大特色产业协同发展）``:
    the parts in brackets, one clause per digit group, taken when they add up to the code."""
    m = DIGIT_BRACKET.match(doc.text, at)
    if m is None or not re.fullmatch(r"\d(?:[+＋]\d)+", code):
        return Extraction()
    total = sum(int(d) for d in re.findall(r"\d", code))
    items: list[tuple[int, int]] = []
    pos = m.start(1)
    for clause in m.group(1).split("，"):
        lead = LEAD_ANCHOR.match(clause)
        if lead:
            body, b0 = lead.group(1), pos + lead.start(1)
        elif "、" in clause:
            tail = COUNT_TAIL_WORDS.search(clause)
            body, b0 = (clause[: tail.start()] if tail else clause), pos
        else:
            body, b0 = "", pos
        for part in re.finditer(r"[^、和及]+", body):
            if len(part.group()) >= 2:
                items.append((b0 + part.start(), b0 + part.end()))
        pos += len(clause) + 1
    if len(items) != total:
        return Extraction()
    return _emit(doc, name, items, total, "slogan-definition")


def digit_parts(doc: Document, name: str, start: int, end: int) -> Extraction:
    """The parts a digit code spells out: ``“3”指A、B、C三大主导产业；“2”指…``."""
    from kg.extract.glossary import CATEGORY, _items

    ex = Extraction()
    for i, part in enumerate(DIGIT_PART.finditer(doc.text, start, end)):
        text = part.group(2)
        t0 = part.start(2)
        counted = re.match(r"^(?:\d+|[NnX])个(?=[\u4e00-\u9fff]{2})", text)
        if counted:  # “1”指1个区社会治理中心: the count repeats the digit
            text, t0 = text[counted.end() :], t0 + counted.end()
        lead = re.match(r"^(若干个?|多个|一批|各类|其他)", text)
        if lead:  # “N”指若干未来产业: a short category is a part; a long description is not
            text, t0 = text[lead.end() :], t0 + lead.end()
            if len(text) > 6:
                continue
        ji = re.match(r"^([^。；“”]{2,10}?)，?即([^。；“”]+)", doc.text[t0 : min(end, t0 + 120)])
        if ji:  # “3”指三大支柱产业，即钢铁、化工、新能源 / “1”指一个目标，即建设区域性中心城市
            head, body = ji.group(1), ji.group(2)
            b0 = t0 + ji.start(2)
            hm = re.match(r"^([一两二三四五六七八九十\d]+)[大个条项类种]", head)
            n = cn_to_int(hm.group(1)) if hm else None
            if n == 1 or hm is None:
                pev = mention(doc, b0, b0 + len(body), "digit-code", 0.8)
                ex.candidates.append(Candidate(body, component_class(body), pev))
                ex.relations.append(Relation("hasComponent", name, body, pev, "digit-code", 0.8, i + 1))
            else:
                hev = mention(doc, t0, t0 + len(head), "digit-code", 0.8)
                ex.candidates.append(Candidate(head, "Initiative", hev, declared_count=n))
                ex.relations.append(Relation("hasComponent", name, head, hev, "digit-code", 0.8, i + 1))
                items = [(b0 + a, b0 + b) for a, b in _items(body)]
                ex.extend(_emit(doc, head, items, n, "digit-code", shared_head(doc, head, items)))
            continue
        cat = CATEGORY.match(text)
        listed = _listed(cat.group(1), cat.group(2)) if cat else []
        if cat and listed:
            full = text[cat.start(2) :]
            c0 = t0 + cat.start(2)
            cev = mention(doc, c0, c0 + len(full), "digit-code", 0.8)
            ex.candidates.append(Candidate(full, "Initiative", cev, aliases=(cat.group(3),)))
            ex.relations.append(Relation("hasComponent", name, full, cev, "digit-code", 0.8, i + 1))
            for j, (a, b) in enumerate(listed):
                iev = mention(doc, t0 + a, t0 + b, "digit-code", 0.8)
                ex.candidates.append(Candidate(iev.text, component_class(iev.text), iev))
                ex.relations.append(Relation("hasComponent", full, iev.text, iev, "digit-code", 0.8, j + 1))
        elif re.fullmatch(r"[^等]+、[^等]+等[\u4e00-\u9fff]{2,8}", text):  # “N”即生物医药、海洋经济等未来产业
            head = text[text.rfind("等") + 1 :]
            h0 = t0 + text.rfind("等") + 1
            lead = re.match(r"若干个?", head)
            if lead:  # 等若干未来产业
                head, h0 = head[lead.end() :], h0 + lead.end()
            owner = name
            if not is_junk(head):  # 等专业园区 is only a kind: the parks are the code's own parts
                hev = mention(doc, h0, h0 + len(head), "digit-code", 0.8)
                ex.candidates.append(Candidate(head, "Initiative", hev))
                ex.relations.append(Relation("hasComponent", name, head, hev, "digit-code", 0.8, i + 1))
                owner = head
            for j, (a, b) in enumerate(_items(text[: text.rfind("等")])):
                iev = mention(doc, t0 + a, t0 + b, "digit-code", 0.8)
                ex.candidates.append(Candidate(iev.text, component_class(iev.text), iev))
                ex.relations.append(Relation("hasComponent", owner, iev.text, iev, "digit-code", 0.8, j + 1))
        elif "、" in text:  # “3”即A园区、B园区、C园区: the parts of the code itself
            for a, b in _items(text):
                iev = mention(doc, t0 + a, t0 + b, "digit-code", 0.8)
                ex.candidates.append(Candidate(iev.text, component_class(iev.text), iev))
                ex.relations.append(Relation("hasComponent", name, iev.text, iev, "digit-code", 0.8, i + 1))
        elif 2 <= len(text) <= 16:
            role = ROLE_TAIL.search(text)
            if role and role.start() >= 2:  # “1”即高端装备制造主导产业: the part is the industry
                text = text[: role.start()]
            pev = mention(doc, t0, t0 + len(text), "digit-code", 0.8)
            ex.candidates.append(Candidate(text, component_class(text), pev))
            ex.relations.append(Relation("hasComponent", name, text, pev, "digit-code", 0.8, i + 1))
    return ex


# the role an industry plays in a code, after its name: 高端装备制造 | 主导产业
ROLE_TAIL = re.compile(r"(?:主导|首位|支柱|优势|特色|新兴|战略性新兴|未来)产业(?:集群)?$")


def _listed(items: str, count: str) -> list[tuple[int, int]]:
    """The items before a count: A、B、C三大…, or two joined by 和/及/与 before 两大…."""
    from kg.extract.glossary import _items

    if "、" in items:
        return _items(items)
    pair = re.fullmatch(r"([^和及与]{2,16})[和及与]([^和及与]{2,16})", items)
    if pair and cn_to_int(count) == 2:
        return [pair.span(1), pair.span(2)]
    return []


def _run_in(doc: Document, name: str, start: int, limit: int) -> Extraction:
    """``“四新”是：经济实力迈上新台阶。…`` — the parts are short lead sentences that repeat
    the slogan's noun (新, 特, 争先)."""
    count = slogan_count(name) or 0
    key = _groups(name)[0][1] if _groups(name) else ""
    items: list[tuple[int, int]] = []
    next_def = DEF_RE.search(doc.text, start)
    stop = min(limit, next_def.start() if next_def else limit)
    for s in doc.sentences:
        if s.end <= start or s.start >= stop or len(items) >= count:
            continue
        a = max(s.start, start)
        text = doc.text[a : s.end].rstrip("。！")
        if key and key in text and len(text) <= 20 and text.count("，") == 0:
            items.append((a, a + len(text)))
    ex = _emit(doc, name, items, count, "slogan-run-in")
    return ex


UNQUOTED_CAMPAIGN = re.compile(
    r"(?:深入实施|组织实施|实施|深入开展|开展|启动|推进)([\u4e00-\u9fff]{4,14}?(?:[一二三四五六七八九十]年)?(?:专项)?行动)(?=[，。；、（]|$)"
    # 农村人居环境整治三年行动圆满收官: a campaign with a term, as the subject of its clause
    r"|(?:^|(?<=[，。；\n]))([\u4e00-\u9fff]{4,14}?[一二三四五六七八九十]年(?:专项)?行动)(?=圆满|顺利|全面|如期|取得|成效|收官|[，。；、])"
)
POLICY_TERM = re.compile(r"[\u4e00-\u9fff]{2,8}\+?")
POLICY_VERB = re.compile(r"(推行|推进|实施|深化|开展|落实|推广|探索|坚持和发展|擦亮|叫响|打响|升级)$")
POLICY_TAIL = re.compile(r"^(模式|机制|品牌|服务|制度|试点|体系|理念|经验|平台|治理|场景)")
HONOUR = re.compile(
    r"(?:成功创建|争创|创建|创成|入选|荣获|获评|获得|被评为|评为|被授予|跻身|被确定为|确定为|被认定为|认定为|晋升为|被命名为|命名为|被列为|列为|获批)"
    r"((?:全国|国家级|国家|中国|全省|省级|省[一二三四五]星级|[\u4e00-\u9fff]{2,3}省|农业产业化国家|省(?=[\u4e00-\u9fff]{4}))[\u4e00-\u9fff“”\dA-Z]{0,14}?"
    r"(?:文明城市|卫生城市|卫生县城|园林城市|森林城市|城市|示范县|示范市|示范区|先进县|先进市|先进区|优秀区|百强县|百强区|千强镇|百强镇|"
    r"名县|名镇|名村|重点村|重点镇|示范村|示范乡镇|示范镇|示范乡|示范街|示范基地|示范园区|步行街|度假区|产业集聚区|产业集群|试点县|试点|"
    r"天然氧吧|经典景区|旅游景区|好产品|精品工程|生态文明示范镇|重点龙头企业|示范村镇|特色村寨|质量安全县|质量安全市|地理标志保护产品|地理标志产品|田园乡村|特色小镇|胸痛中心|卒中中心|先进集体|先进单位|示范单位|[一二三特]等奖|奖))(?=[，。；、\s\d]|称号|名录|名单|行列)"
)
PROVINCE_ABBR = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青蒙桂藏宁新"
PAIRING = re.compile(rf"(?<![{PROVINCE_ABBR}])([{PROVINCE_ABBR}][{PROVINCE_ABBR}](?:协作|对口协作|扶贫协作))(?![\u4e00-\u9fff]{{0,1}}区)")
COUNTED_QUOTE = re.compile(r"([两三四五六七八九十]{1,2})大[\u4e00-\u9fff]{2,10}")
QUOTES_THEN_COUNT = re.compile(r"((?:“[^“”，。]{2,12}”[、和及与]?){2,8})([两三四五六七八九十]{1,2}[项大个][\u4e00-\u9fff]{1,4}?)(?=[，。；、]|$)")


def _quoted_then_count(doc: Document, body: str) -> Extraction:
    """``“粤菜师傅”“广东技工”“南粤家政”三项工程``: quoted names, then the count that groups them."""
    ex = Extraction()
    for m in QUOTES_THEN_COUNT.finditer(body):
        quotes = list(QUOTED.finditer(m.group(1)))
        count = cn_to_int(re.match(r"[两三四五六七八九十]+", m.group(2)).group())
        if len(quotes) != count:
            continue
        parent = m.group(2)
        ev = mention(doc, m.start(2), m.end(2), "quoted-count", 0.8)
        ex.candidates.append(Candidate(parent, "Initiative", ev, declared_count=count))
        items = [(m.start(1) + q.start(1), m.start(1) + q.end(1)) for q in quotes]
        parts = _emit(doc, parent, items, count, "quoted-count")
        if re.search(r"(工程|行动|计划|活动)$", parent):  # each of 三项工程 is a programme of its own
            parts.candidates = [Candidate(c.name, "Action", c.mention, c.aliases) for c in parts.candidates]
        ex.extend(parts)
    return ex


ANCHOR = re.compile(r"以((?:[^，。；：以“”（]|（[^）]*）){2,40}?)为([^，。；：、“”]{1,6}?)(?=[，。；、的]|$)")
CHAINED_ANCHOR = re.compile(r"([^，。；：以为“”]{2,30}?)为([^，。；：、“”]{1,6}?)(?=[，。；、的]|$)")


def anchor_parts(doc: Document, name: str, start: int, end: int) -> Extraction:
    """``以禾山县城为核心，以清泉镇、桃源镇为两翼`` defines “一核两翼”: each 以X为Y clause fills
    the group whose noun Y holds (核 → 核心, 翼 → 两翼) with the listed X."""
    groups = _groups(name)
    if len(groups) < 2 or any(len(label) != 1 for _, label in groups):
        return Extraction()
    clauses = list(ANCHOR.finditer(doc.text, start, end))
    for c in list(clauses):  # 以岩溪县城为主城、茅垭镇和坪坝镇为两翼: the second clause shares the 以
        k = c.end()
        while k < end and doc.text[k : k + 1] in ("、", "，"):
            nxt = CHAINED_ANCHOR.match(doc.text, k + 1, end)
            if nxt is None:
                break
            clauses.append(nxt)
            k = nxt.end()
    ex = Extraction()
    pos = 0
    for order, (n, label) in enumerate(groups, 1):
        k = name.find(label, pos)
        surface, pos = name[pos : k + 1], k + 1
        clause = next((c for c in clauses if label in c.group(2)), None)
        if clause is None:
            return Extraction()
        items, a = [], clause.start(1)
        for part in re.split(r"(、|和|及|与)", re.sub(r"（[^）]*）", lambda m: "#" * len(m.group()), clause.group(1))):
            if part and part not in "、和及与":
                kept = part.split("#", 1)[0]  # 沽河经济技术开发区（以下简称“沽河经开区”）: the name, not its alias note
                items.append((a, a + len(kept)))
            a += len(part)
        if len(items) != n:
            return Extraction()
        ev = mention(doc, clause.start(2), clause.end(2), "slogan-anchor", 0.8)
        ex.candidates.append(Candidate(surface, "Initiative", ev, declared_count=n))
        ex.relations.append(Relation("hasComponent", name, surface, ev, "slogan-anchor", 0.8, order))
        ex.extend(_emit(doc, surface, items, n, "slogan-anchor"))
    return ex


LABELLED_LIST = re.compile(r"以([^，。；：“”]{2,40}?)为(?:依托|重点|支撑|核心|载体|主体)")


def label_parts(doc: Document, name: str, start: int, end: int) -> Extraction:
    """``以白鹭湖、长江、岚平古城为依托，打造“一湖一江一古城”``: one listed name per group, each
    ending with its group's noun (湖, 江, 古城)."""
    groups = _groups(name)
    if len(groups) < 2 or any(n != 1 for n, _ in groups):
        return Extraction()
    for m in LABELLED_LIST.finditer(doc.text, start, end):
        pos, items = m.start(1), []
        for part in re.split(r"(、|和|及)", m.group(1)):
            if part and part not in "、和及":
                items.append((pos, part))
            pos += len(part)
        if len(items) != len(groups):
            continue
        found = []
        for (_, label), (p0, part) in zip(groups, items, strict=True):
            hit = re.match(rf"[\u4e00-\u9fff]{{0,6}}?{re.escape(label)}", part)
            if hit is None:
                break
            found.append((label, p0, p0 + hit.end()))
        if len(found) != len(groups):
            continue
        ex, k = Extraction(), 0
        for order, (label, a, b) in enumerate(found, 1):
            k = name.find(label, k)
            surface = name[max(0, k - 1) : k + len(label)]  # 一湖
            ev = mention(doc, a, b, "slogan-label", 0.8)
            ex.candidates.append(Candidate(surface, "Initiative", ev, declared_count=1))
            ex.relations.append(Relation("hasComponent", name, surface, ev, "slogan-label", 0.8, order))
            ex.extend(_emit(doc, surface, [(a, b)], 1, "slogan-label"))
            k += len(label)
        return ex
    return Extraction()


def list_before(doc: Document, name: str, quote_start: int, count: int | None = None) -> Extraction:
    """``自治、法治、德治、智治“四治并进”``: as many listed items as the numerals say."""
    count = count or slogan_count(name)
    m = LIST_BEFORE.search(doc.text, max(0, quote_start - 80), quote_start)
    if count is None or count < 2:
        return Extraction()
    anchors = _anchors_before(doc, quote_start, count)
    if anchors:  # 以制种玉米为引领、以肉牛肉羊为支撑、以戈壁农业为特色，现代农业“三大板块”
        return _emit(doc, name, anchors, count, "slogan-list-before")
    if not m:
        return Extraction()
    seg = m.group(1)
    parts = seg.split("、")
    if len(parts) != count:
        return Extraction()
    noun = re.fullmatch(r"[二两三四五六七八九十]+个([\u4e00-\u9fff]{2})", name)
    if noun and not any(p.endswith(noun.group(1)) for p in parts):
        # 产业、园区、城乡“三个升级”: each part is 产业升级, 园区升级, 城乡升级
        first_drop = strip_verbs(parts[0])[0]
        spans, pos = [], m.start(1)
        for i, part in enumerate(parts):
            spans.append((pos + (first_drop if i == 0 else 0), pos + len(part)))
            pos += len(part) + 1
        if all(1 <= b - a <= 6 for a, b in spans):
            return _emit(doc, name, spans, count, "slogan-list-before", noun.group(1))
        return Extraction()
    first_drop, _ = strip_verbs(parts[0])
    lead = re.match(r"(以|把|将|对|围绕|聚焦|依托)", parts[0][first_drop:])
    if lead:  # 以新能源汽车零部件、…“三大千亿级产业集群”为主攻方向
        first_drop += lead.end()
    spans = []
    pos = m.start(1)
    for i, part in enumerate(parts):
        a = pos + (first_drop if i == 0 else 0)
        spans.append((a, pos + len(part)))
        pos += len(part) + 1
    if any(b - a > 10 or b - a < 1 for a, b in spans):
        return Extraction()
    return _emit(doc, name, spans, count, "slogan-list-before")


def _anchors_before(doc: Document, quote_start: int, count: int) -> list[tuple[int, int]]:
    """The X of each 以X为Y clause in the sentence before a quoted count, when there are exactly
    as many as the count and they end the sentence's previous clause."""
    sent = doc.sentence_at(quote_start)
    if sent is None:
        return []
    before = doc.text[sent.start : quote_start]
    run = re.search(r"((?:以[^，。；：以“”、]{2,12}?为[\u4e00-\u9fff]{2,4}[、，]){2,}以[^，。；：以“”、]{2,12}?为[\u4e00-\u9fff]{2,4})，[^，。；：“”]{0,10}$", before)
    if not run:
        return []
    clauses = list(re.finditer(r"以([^，。；：以“”、]{2,12}?)为[\u4e00-\u9fff]{2,4}", run.group(1)))
    if len(clauses) != count:
        return []
    base = sent.start + run.start(1)
    return [(base + c.start(1), base + c.end(1)) for c in clauses]


def _suffix_lookback(doc: Document, name: str, quote_start: int) -> Extraction:
    """``A消费带…、B商圈、C商圈…的“一带三圈”``: names in the same sentence ending with the
    slogan's nouns, as many of each as the numerals say."""
    groups = _groups(name)
    sent = doc.sentence_at(quote_start)
    if not groups or sent is None or any(len(k) > 2 for _, k in groups):
        return Extraction()
    verbs = load().verbs
    found: list[tuple[int, int]] = []
    for n, key in groups:
        hits = []
        for seg in re.finditer(r"[^，、。；：“”]+", doc.text[sent.start : quote_start]):
            text = seg.group()
            k = text.rfind(key)
            if k <= 1:
                continue
            rest = text[k + len(key) :]
            named = suffix_class(text[: k + len(key)])  # 纳入澄岭经济开发区统一管理: a name ends here
            if rest and not any(rest.startswith(v) for v in verbs) and not (named and named[1] >= 0.8):
                continue
            a = sent.start + seg.start()
            d, _ = strip_verbs(text[:k], single=False)
            cut = max((text.rfind(v, 0, k) + len(v) for v in verbs if len(v) > 1 and 0 <= text.rfind(v, 0, k)), default=0)
            hits.append((a + max(d, cut), a + k + len(key)))  # 临江物流园纳入|澄岭经济开发区
        if len(hits) != n:
            return Extraction()
        found.extend(hits)
    return _emit(doc, name, sorted(found), sum(n for n, _ in groups), "slogan-suffix-lookback")


def shared_head(doc: Document, category: str, items: list[tuple[int, int]]) -> str:
    """产业、交通、生态、民生、人才工程 under 五大工程: the last item carries the noun all share."""
    noun = re.sub(r"^[一两二三四五六七八九十\d]+[大个条项类种]", "", category)
    if len(items) >= 2 and 1 <= len(noun) <= 3:
        texts = [doc.text[a:b] for a, b in items]
        if texts[-1].endswith(noun) and not any(t.endswith(noun) for t in texts[:-1]):
            return noun
    return ""


def _emit(
    doc: Document, parent: str, items: list[tuple[int, int]], expected: int | None, rule: str, head: str = ""
) -> Extraction:
    return emit_parts(
        doc, parent, items, expected, rule,
        clean=lambda t: strip_trailing_verbs(unquote(t)), confidence=0.85, head=head,
    )
