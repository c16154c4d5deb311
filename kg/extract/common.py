"""Helpers shared by extractors: mentions, list splitting, name cleaning."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from kg.lexicon import is_descriptive, load, suffix_class
from kg.model import Candidate, Document, Extraction, Mention, Relation, Warning
from kg.numerals import CN_NUM, cn_to_int, slogan_groups

QUOTED = re.compile(r"“([^“”]{1,30})”")
DELIMS = "，。；：！？,;:!?（）()《》\n"
LIST_SPLIT = re.compile(r"、|以及|及|和|与")
_STRIP_CHARS = "“”‘’\"'《》〈〉 "


ZONE_REGION = re.compile(r"(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|产业园区|园区|试验区|保税区)$")


def region_short(doc: Document) -> str:
    """The report's region without its level: 涧西区 → 涧西, 乌兰旗 → 乌兰, 澄湖高新区 → 澄湖."""
    region = doc.metadata.region or ""
    if ZONE_REGION.search(region):
        return ZONE_REGION.sub("", region)
    return re.sub(r"(自治县|自治州|新区|区|县|市|旗)$", "", region)


def place_stems(found: Extraction) -> set[str]:
    """Names of the places found so far, with and without their level (青石镇, 青石): a
    brand that is one of them is a place, not a company."""
    places = {n for c in found.candidates if c.kind == "Place" for n in (c.name, *c.aliases)}
    return places | {re.sub(r"(镇|乡|村|县|区|市|旗)$", "", n) for n in places}


def mention(doc: Document, start: int, end: int, rule: str, confidence: float = 0.9) -> Mention:
    """A mention whose text is exactly ``doc.text[start:end]``."""
    return Mention(start, end, doc.text[start:end], rule, confidence)


def unquote(s: str) -> str:
    return s.strip(_STRIP_CHARS).replace("“", "").replace("”", "")


def strip_verbs(s: str, single: bool = True) -> tuple[int, str]:
    """Drop leading verbs/adverbs (支持, 加快推进 …); returns (chars dropped, rest).
    ``single=False`` keeps one-character function words (为民服务 stays whole)."""
    verbs = load().verbs if single else tuple(v for v in load().verbs if len(v) > 1)
    dropped = 0
    changed = True
    while changed and s:
        changed = False
        for v in verbs:
            if s.startswith(v) and len(s) - len(v) >= 2:
                s = s[len(v) :]
                dropped += len(v)
                changed = True
                break
    return dropped, s


def strip_trailing_verbs(s: str) -> str:
    """优良天数指标继续实现 → 优良天数指标."""
    verbs = [v for v in load().verbs if len(v) > 1]
    changed = True
    while changed:
        changed = False
        for v in verbs:
            if s.endswith(v) and len(s) - len(v) >= 2:
                s = s[: -len(v)]
                changed = True
                break
    return s


def slogan_count(name: str) -> int | None:
    """How many parts a slogan's numerals announce (三区两中心一枢纽 → 6), else None."""
    each = re.fullmatch(r"([二两三四五六七八九十]+)个一[\u4e00-\u9fff]?", name)
    if each:
        return cn_to_int(each.group(1))  # 三个一 → 3, 四个一批 → 4 (not 4 + 1)
    if re.fullmatch(r"[2-9]个1", name):
        return int(name[0])  # 3个1: one each of three things
    groups = slogan_groups(name.replace("双", "两", 1) if name.startswith("双") else name)
    if not groups:
        return None
    return sum(n for n, _ in groups)


@lru_cache(maxsize=1)
def _numeral_places() -> tuple[str, ...]:
    """Known places whose names start like a count (四川, 三门峡, 双鸭山)."""
    return tuple(p for p in load().places if len(p) >= 2 and p[0] in CN_NUM + "双")


def is_slogan(name: str) -> bool:
    """A numbered slogan: starts with a numeral and has a non-numeral part (六稳, 三区两中心一枢纽)."""
    if re.fullmatch(r"[2-9]个1", name):
        return True  # 3个1, written in digits
    if not (2 <= len(name) <= 12) or name[0] not in CN_NUM + "双":
        return False
    if any(name.startswith(p) for p in _numeral_places()):
        return False  # 四川大学, 三门峡市, 九江港: a place whose name starts with a numeral
    if re.fullmatch(r"[二两三四五六七八九十]个一", name):
        return True  # 三个一: three things one of each
    groups = slogan_groups(name.replace("双", "两", 1) if name[0] == "双" else name)
    if not groups or any(n > 20 or len(label) > 3 for n, label in groups):  # 千亿强区, 百日攻坚 are levels, not counts
        return False
    # not a plain quantity such as 一个月, 两年, 二十六条
    return not re.fullmatch(rf"[{CN_NUM}]+个?(年|月|天|次|批|项|名|人|倍|条|家|种|类|个|点|位|件)", name)


def is_junk(name: str) -> bool:
    """A clause or fragment rather than a name."""
    if len(name) < 2 or len(name) > 30:
        return True
    if name[0] in "—-–":
        return True  # —东盟 from 中国—东盟: a dash opens no name
    if any(c in name for c in "，。；：！？,;!?、"):
        return True
    if name in load().generic:
        return True
    if name[:2] in NAME_OPENERS:
        return False  # 向阳镇…, 和平北路: the function word's character opens a name
    return bool(re.match(r"^(的|了|和|与|及|等|是|在|把|将|对|为|以|从|由|向)", name))


# names that open with a function word's character: 和平北路, 向阳镇 (but 拓宽和人民路 is "and")
NAME_OPENERS = frozenset("和平 和谐 和美 和顺 和田 和兴 和林 向阳 向东 向前 向荣".split())


def component_class(name: str) -> str:
    """Class for a slogan component: a name's suffix when it is a strong one, else Goal.
    A part that starts with a verb (打造澄江百里产业走廊) is a goal, whatever its ending."""
    if strip_verbs(name)[0]:
        return "Goal"
    if re.match(r"^(全国|全省|全市|全区|全县|区域|国家|都市圈|华南|华北|华东|华中|西南|西北|东北|中西部)", name) and re.search(
        r"(区|中心|高地|标杆|枢纽|城市|样板|示范|基地|集聚区|示范区|目的地)$", name
    ):
        return "Goal"
    lex = load().aliases.get(name)
    if lex:
        return lex[1]
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}[兴强富立活美稳优治][县区市镇乡省国]", name) or re.fullmatch(
        r"[\u4e00-\u9fff]{2,5}[名大重][县区市镇乡旗]", name
    ):
        return "Initiative"  # 生态立县, 开放兴县, 食品名县, 商贸物流重县: a development line, not a place
    if re.fullmatch(r"[\u4e00-\u9fff]{2,3}(区|县|市|镇|乡|街道)", name) and not is_descriptive(name[:2]) and not name.endswith(FALSE_ENDINGS):
        return "Place"  # 一核即由岚江区、东津区构成: districts as a slogan's parts
    sc = suffix_class(name)
    if sc and sc[1] >= 0.7 and not name.endswith(FALSE_ENDINGS):
        stem = next(name[: -len(suf)] for suf, _c, _f in load().suffixes if name.endswith(suf))
        if is_descriptive(stem):
            return "Goal"  # 产业工程, 民生工程, 宜居县城: a line of work or an aim, not a particular thing
        return sc[0]
    return "Goal"


def split_list(text: str, start: int) -> list[tuple[int, int]]:
    """Split an enumeration (A、B和C) into item spans [start, end) relative to the text."""
    items = []
    pos = 0
    for m in LIST_SPLIT.finditer(text):
        items.append((pos, m.start()))
        pos = m.end()
    items.append((pos, len(text)))
    out = []
    for a, b in items:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip(_STRIP_CHARS))
        trail = len(seg) - len(seg.rstrip(_STRIP_CHARS))
        a2, b2 = a + lead, b - trail
        if b2 > a2:
            out.append((start + a2, start + b2))
    return out


def trim_to_suffix(name: str) -> str:
    """滨河北路环线 → 滨河北路: cut a short generic tail after a strong name suffix."""
    own = suffix_class(name)
    for cut in range(1, 4):
        head = name[:-cut]
        sc = suffix_class(head)
        if sc and sc[1] >= 0.8 and len(head) >= 3 and (own is None or sc[1] > own[1]):
            return head
    return name


def trim_lead_in(items: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """冬季清洁取暖电代煤、气代煤 → 电代煤、气代煤: when every other item shares an ending and
    has one length, a longer first item carries a lead-in; keep as many characters as the rest."""
    if len(items) < 2:
        return items
    rest = [text[a:b] for a, b in items[1:]]
    lengths = {len(r) for r in rest}
    first = text[items[0][0] : items[0][1]]
    if len(lengths) != 1 or (len(items) < 3 and not _common_ending(first, rest, 2)):
        return items
    n = lengths.pop()
    tail = rest[0][-1]
    if all(r[-1] == tail for r in rest) and first.endswith(tail) and len(first) > n + 1:
        b = items[0][1]
        return [(b - n, b), *items[1:]]
    return items


def _common_ending(first: str, rest: list[str], n: int) -> bool:
    return all(len(x) >= n and x[-n:] == first[-n:] for x in rest)


FALSE_ENDINGS = (
    "线路", "道路", "公路", "铁路", "电路", "思路", "出路", "之路", "门路", "河渠",
    "格局", "布局", "大局", "强县", "强区", "强市", "大县", "矿山", "河湖", "江河", "湖泊", "村镇", "乡镇", "城镇", "集镇", "跑路", "宅基地", "开街",
)


def trim_tail(items: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """新型工业化、信息化、城镇化、农业现代化同步发展 → …农业现代化: when the other items
    share an ending, the last one stops where that ending first occurs."""
    if len(items) < 3:
        return items
    rest = [text[a:b] for a, b in items[:-1]]
    for n in (2, 1):
        end = rest[0][-n:]
        if len(rest[0]) > n and all(r.endswith(end) for r in rest):
            a, b = items[-1]
            last = text[a:b]
            if last.endswith(end):
                return items  # 文化特色化 already ends like the others
            k = last.find(end)
            if 0 < k and k + n < len(last) and len(last) - (k + n) <= 4:
                return [*items[:-1], (a, a + k + n)]
            return items
    return items


def emit_parts(
    doc: Document,
    parent: str,
    items: list[tuple[int, int]],
    expected: int | None,
    rule: str,
    *,
    clean: Callable[[str], str],
    confidence: float,
    head: str = "",
) -> Extraction:
    """Components of ``parent`` from item spans, checked against the count its numerals
    announce: a mismatch lowers confidence and becomes a review warning."""
    ex = Extraction()
    if not items:
        return ex
    each = re.fullmatch(r"[一二两三四五六七八九十]+个(一批|一流|一体)", parent)
    if each:  # 四个一批：项目建设中谋划一批、…、投产一批的滚动推进机制 → 谋划一批 … 投产一批
        trimmed = []
        for a, b in items:
            t = doc.text[a:b]
            k = t.find(each.group(1))
            if k < 0:
                trimmed.append((a, b))
                continue
            lead = re.match(r"^[\u4e00-\u9fff]{2,8}?中(?=[\u4e00-\u9fff]{2})", t[:k])  # 项目建设中谋划一批
            trimmed.append((a + (lead.end() if lead else 0), a + k + len(each.group(1))))
        items = trimmed
    if re.fullmatch(r"[二两三四五六七八九十]+个一", parent):  # 三个一：建好一个A、打造一套B、形成一批C → A, B, C
        objects = []
        for a, b in items:
            q = re.search(r"一[个套批项条张座支家]", doc.text[a:b])
            objects.append((a + q.end(), b) if q and b - (a + q.end()) >= 2 else (a, b))
        items = objects
    # only a definition lists the parts in the slogan's own order
    grouped = _split_by_groups(doc, parent, items, rule, confidence, clean) if rule in ("glossary-list", "slogan-definition") else None
    if grouped is not None:
        return grouped
    ok = expected is None or expected == 1 or len(items) == expected
    if not ok:
        ex.warnings.append(
            Warning("slogan-count", f"“{parent}” announces {expected} parts but {len(items)} were found", items[0][0])
        )
    conf = confidence if ok else confidence - 0.3
    for i, (a, b) in enumerate(items):
        name = clean(doc.text[a:b])
        if not name or len(name) > 25:
            continue
        a2 = doc.text.find(name, a, b)
        if a2 < 0:
            continue
        ev = mention(doc, a2, a2 + len(name), rule, conf)
        if head and not name.endswith(head):
            name += head  # 产业、交通…人才工程: the mention keeps the text as written
        ex.candidates.append(Candidate(name, component_class(name), ev))
        ex.relations.append(Relation("hasComponent", parent, name, ev, rule, conf, i + 1))
    return ex


_NUMBERED_GROUP = re.compile(r"([一二两三四五六七八九十]+)([^一二两三四五六七八九十\d]+)")


def _split_by_groups(
    doc: Document, parent: str, items: list[tuple[int, int]], rule: str, confidence: float, clean: Callable[[str], str]
) -> Extraction | None:
    """``“两不愁三保障”：指…不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障``: a flat list
    whose length is the sum of the slogan's group counts is read group by group in order
    (两不愁 → 不愁吃, 不愁穿; 三保障 → 义务教育, 基本医疗, 住房安全), so the groups
    are components too, as they are when the text defines each group itself."""
    groups = [(m.group(), cn_to_int(m.group(1)), m.group(2)) for m in _NUMBERED_GROUP.finditer(parent)]
    if groups and groups[0][1] == 1 and sum(n for _g, n, _noun in groups) == len(items) + 1:
        a, b = items[0]
        if doc.text[a : a + 1] == "的":
            a += 1
        own = re.search(r"(?:^|[：:，指即是])([^，。；：、指即是]{2,16}?)(?:下辖|所辖|辖区内|范围内|所属|内)的?$", doc.text[max(0, a - 24) : a])
        if own:  # 一园三片：指沙河工业园区下辖的滨河片区、…: the park, then its parts
            o0 = max(0, a - 24) + own.start(1)
            items = [(o0, o0 + len(own.group(1))), (a, b), *items[1:]]
    if len(groups) < 2 or "".join(g for g, _n, _noun in groups) != parent or sum(n for _g, n, _noun in groups) != len(items):
        return None
    if any(n < 1 or n > 12 for _g, n, _noun in groups):
        return None
    ex = Extraction()
    pos = 0
    for gi, (group, n, noun) in enumerate(groups):
        first = items[pos][0]
        gev = mention(doc, first, items[pos + n - 1][1], rule, confidence)
        ex.candidates.append(Candidate(group, "Initiative", gev, declared_count=n))
        ex.relations.append(Relation("hasComponent", parent, group, gev, rule + "-group", confidence, gi + 1))
        texts = [doc.text[a:b] for a, b in items[pos : pos + n]]
        for k in range(n):
            a, b = items[pos + k]
            lead = noun if n >= 2 and len(noun) >= 2 and all(t.startswith(noun) for i, t in enumerate(texts) if i != k) else ""
            if lead and doc.text.find(lead, a + 1, b) > 0 and not doc.text.startswith(lead, a):
                a = doc.text.find(lead, a + 1, b)  # 农村贫困人口不愁吃、不愁穿: the subject is not a part
            raw = re.sub(rf"(?<=..)有{re.escape(noun)}$", "", doc.text[a:b])  # 住房安全有保障 → 住房安全
            raw = re.sub(rf"^以(.{{2,}}?)为{re.escape(group)}$", r"\1", raw)  # 以石羊城区为一核 → 石羊城区
            raw = re.sub(rf"(?<=..){re.escape(group)}$", "", raw)  # …生态文旅区三区 → …生态文旅区
            name = clean(raw)
            a2 = doc.text.find(name, a, b)
            if not name or len(name) > 25 or a2 < 0:
                continue
            ev = mention(doc, a2, a2 + len(name), rule, confidence)
            ex.candidates.append(Candidate(name, component_class(name), ev))
            ex.relations.append(Relation("hasComponent", group, name, ev, rule, confidence, k + 1))
        pos += n
    return ex
