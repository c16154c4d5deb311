"""Glossary (名词解释) entries: the term, its definition, aliases and components.

Entries look like ``六稳：稳就业、稳金融…``, ``“一环七横六纵”路网结构：“一环”是…；“七横”是…``
or ``金桥奖：…金桥奖的简称``. Components are checked against the count the term's
numerals announce; a mismatch becomes a warning for review.
"""

from __future__ import annotations

import re

from kg.extract.common import (
    QUOTED,
    emit_parts,
    is_slogan,
    mention,
    slogan_count,
    split_list,
    strip_verbs,
    trim_lead_in,
    trim_tail,
    trim_to_suffix,
    unquote,
)
from kg.lexicon import suffix_class
from kg.model import Candidate, Document, Extraction, Relation, Span
from kg.numerals import cn_to_int

SUBDEF = re.compile(r"“([^“”]{1,12})”(?:是|即|指)[：:]?")
CATEGORY = re.compile(r"^(.+?)(\d+|[一二两三四五六七八九十]+)\s*(?:大|个|项|类)?\s*([\u4e00-\u9fff]{2,8})$")
SHORT_FOR = re.compile(r"^(.{2,30}?)的(?:简称|缩写|统称)")


def term_names(term: Span) -> tuple[str, tuple[str, ...], Span]:
    """Canonical label, aliases, and the span the label occupies."""
    full = unquote(term.text)
    q = QUOTED.search(term.text)
    if q and q.group(1) != full:
        inner = q.group(1)
        inner_span = Span(term.start + q.start(1), term.start + q.end(1), inner)
        if is_slogan(inner):
            return inner, (full,), inner_span
        return full, (inner,), term
    return full, (), term


def parse_list(doc: Document, start: int, end: int, expected: int | None) -> list[tuple[int, int]]:
    """Item spans of an enumeration definition."""
    text = doc.text[start:end]
    m = re.match(r"^(?:即|指|是|包括)[：:]?", text)
    if m:
        start += m.end()
        text = text[m.end() :]
    k = text.find("包括")
    if 0 <= k < 30:
        start += k + 2
        text = text[k + 2 :]
    cut = re.search(r"[。；]", text)
    if cut:
        text = text[: cut.start()]
    # the clause with the most 、 separators holds the list
    clauses = [(mm.start(), mm.group()) for mm in re.finditer(r"[^，]+", text)]
    if not clauses:
        return []
    ends = {c[-2:] for _o, c in clauses}
    if expected and expected >= 3 and len(clauses) == expected and len(ends) == 1:
        # 十大战略：…提出的创新驱动、科教兴省、人才强省战略，优势再造战略，…: one part per clause
        items = []
        for off, c in clauses:
            lead = re.match(r"^[^、]{2,12}?(?:提出的|确定的|部署的|实施的)", c)
            k = lead.end() if lead else 0
            items.append((start + off + k, start + off + len(c)))
        return items
    off, clause = max(clauses, key=lambda c: (c[1].count("、") + c[1].count("和"), -c[0]))
    made_of = re.match(r"^(?:由)?(.+?)(?:构成|组成)的", clause)
    if made_of and re.search(r"[、和]", made_of.group(1)):  # 由岚江区、东津区构成的中心城区
        off, clause = off + made_of.start(1), made_of.group(1)
    lead_de = re.match(r"^[^、和]{1,6}的(?=[^、]+[、和])", clause)
    if lead_de:  # 沿江的白鹭湖市和枫林县: the modifier describes, the names follow
        off, clause = off + lead_de.end(), clause[lead_de.end() :]
    # 对旧城镇、旧厂房、旧村庄进行改造: the items sit between 对 and 进行…
    framed = re.fullmatch(r"对(.+?)(?:进行|实施|开展)[\u4e00-\u9fff]{1,4}", clause)
    if framed and "、" in framed.group(1):
        off, clause = off + 1, framed.group(1)
    # 以肉牛、乳业、羊绒、饲草为重点的特色农牧业: the items sit between 以 and 为…
    framed = re.match(r"^以(.+?)为(?:重点|主导|主体|核心|龙头|代表|支撑|引领)", clause)
    if framed and "、" in framed.group(1):
        off, clause = off + 1, framed.group(1)
    # 碳达峰、碳中和的简称: the gloss is not part of the last item
    clause = re.sub(r"的(?:简称|统称|总称|合称)$", "", clause)
    # cut the tail: 等“六化”建设工作方案, 三种心态, 等方面
    tail = re.search(r"(等(?:[\d一二两三四五六七八九十]|“|方面)[^、]*|[一二两三四五六七八九十\d]+[种个项类大][\u4e00-\u9fff]{0,6})$", clause)
    if tail and tail.start() > 0:
        clause = clause[: tail.start()]
    spans = [(start + off + a, start + off + b) for a, b in _items(clause)]
    listy = [(o, c) for o, c in clauses if "、" in c or "和" in c]
    if expected and len(spans) < expected and len(listy) >= 2 and sum(len(_items(c)) for _o, c in listy) == expected:
        # 不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障: one list per numbered group
        spans = [(start + o + a, start + o + b) for o, c in listy for a, b in _items(c)]
        return spans
    if expected and len(spans) < expected:
        finer = [(start + off + a, start + off + b) for a, b in split_list(clause, 0)]
        if len(finer) == expected:
            spans = finer
    spans = trim_tail(trim_lead_in(spans, doc.text), doc.text)
    spans = [_where_clause(doc.text, a, b) for a, b in spans]
    counted = [re.match(r"(?:建设|新建|打造)?\d+(?:个|座|家|所|处)", doc.text[a:b]) for a, b in spans]
    if len(spans) >= 2 and all(counted):  # 建设10个县级…中心、100个乡镇…中心: the counts are not names
        spans = [(a + c.end(), b) for (a, b), c in zip(spans, counted, strict=True)]
    if len(spans) >= 2 and "的" in doc.text[spans[0][0] + 2 : spans[0][1] - 2] and not any("的" in doc.text[a:b] for a, b in spans[1:]):
        a, b = spans[0]  # 指2023年陕西省部署开展的项目建设年、营商环境突破年…: who set them up is not the first part
        spans[0] = (a + doc.text.rfind("的", a, b - 2) - a + 1, b)
    if len(spans) >= 3 and not any("的" in doc.text[a:b] for a, b in spans[:-1]):
        a, b = spans[-1]  # 创新、协调、绿色、开放、共享的发展理念: what they all are is not the last part
        de = re.compile(r"(?<!目)的").search(doc.text, a + 2, b)  # not 目的地
        k = de.start() if de else -1
        if k > 0 and b - k - 1 <= 6 and k - a <= min(y - x for x, y in spans[:-1]) + 1:
            spans[-1] = (a, k)
    if off > 0 and spans:  # a lead-in clause (…，推出A、B…): drop the verb before the first item
        a, b = spans[0]
        d, _ = strip_verbs(doc.text[a:b])
        spans[0] = (a + d, b)
    return spans


def _where_clause(text: str, a: int, b: int) -> tuple[int, int]:
    """沿国境线分布的边境风光带 → 边境风光带, 旗府所在地巴彦宝力格镇 → 巴彦宝力格镇,
    以巴彦宝力格镇作为全旗旅游集散中心 → 巴彦宝力格镇: the named part, not its description."""
    item = text[a:b]
    m = re.match(r"^以(.{2,12}?)(?:作为|为)", item)
    if m and suffix_class(m.group(1)):
        return a + 1, a + 1 + len(m.group(1))
    m = re.match(r"^.{1,10}?(?:所在地|所在的|分布的|位于.{1,6}的|沿.{1,6}的)", item)
    if m and len(item) - m.end() >= 3 and (suffix_class(item[m.end() :]) or re.search(r"带|区|廊|轴|圈|片", item[-1:])):
        return a + m.end(), b
    return a, b


def _items(clause: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for part in clause.split("、"):
        a = pos + (len(part) - len(part.lstrip("“”")))
        b = pos + len(part.rstrip("“”"))
        # “助餐”“助洁”“助浴”和“巡护”: adjacent quoted items
        prog = re.fullmatch(r"“([^”]{2,16})”(?:专项行动|攻坚行动|行动|工程|计划)", part)
        if prog:  # 即“中药材提质增效”行动、“光伏强县”行动: each action is named by its quoted part
            out.append((pos + prog.start(1), pos + prog.end(1)))
        elif part.count("“") > 1:
            for q in QUOTED.finditer(part):
                out.append((pos + q.start(1), pos + q.end(1)))
        elif b > a:
            out.append((a, b))
        pos += len(part) + 1
    if len(out) >= 1:
        # the last item may hold `A和B`
        a, b = out[-1]
        last = clause[a:b]
        m = re.search(r"(和|及|以及)“?", last)
        if m and last[m.start() - 1 : m.start() + 1] in ("中和", "协和", "共和", "祥和", "温和", "平和", "太和", "永和"):
            m = None  # 碳中和 is one word
        if m and len(out) >= 2 and "“" not in last[: m.start()]:
            out[-1] = (a, a + m.start())
            out.append((a + m.end(), b))
    return out


def extract(doc: Document, found: Extraction) -> Extraction:
    ex = Extraction()
    for entry in doc.glossary:
        label, aliases, label_span = term_names(entry.term)
        if not label:
            continue
        defn = entry.definition.text.strip()
        kind = "Award" if label.endswith("奖") else "Initiative"
        sc = suffix_class(label)
        if sc and sc[0] in ("Platform", "Project") and sc[1] >= 0.8 and not is_slogan(label):
            kind = sc[0]
        short = SHORT_FOR.match(defn)
        if short:
            aliases = (*aliases, unquote(short.group(1)))
        expected = slogan_count(label) if is_slogan(label) else None
        tail_count = re.fullmatch(r"[\u4e00-\u9fff]{2}([两三四五六七八九十])[\u4e00-\u9fff]", label)
        if expected is None and tail_count:  # 产业四地: a field, then a counted slogan
            expected = cn_to_int(tail_count.group(1))
        if expected is not None and re.search(r"[\u4e00-\u9fff]多[\u4e00-\u9fff]", label):
            expected = None  # 一区多园: “many parks” announces no number; the list decides
        counted = re.fullmatch(r"([两三四五六七八九十])个[\u4e00-\u9fff]{1,2}", label)
        if expected is None and counted:  # “三个年”：指…项目建设年、营商环境突破年、干部作风能力提升年活动
            expected = cn_to_int(counted.group(1))
        if re.fullmatch(r"[十百千万]{2,4}", label):
            expected = len(label)  # “十百千”：建设10个…、100个…、1000个…: one part per numeral
        code = re.match(r"^\d(?:[+＋]\d)+(?![+＋\dNX])", label)  # 3+2, not 2+3+N
        if expected is None and code:
            expected = sum(int(c) for c in re.findall(r"\d", code.group()))  # “3+2” → 5
        if expected is None and re.match(r"^\d+", label):
            expected = sum(int(c) for c in re.match(r"^\d+", label).group())  # “333” → 9
        ev = mention(doc, label_span.start, label_span.end, "glossary-term", 0.95)
        ex.candidates.append(
            Candidate(label, kind, ev, aliases=aliases, definition=defn, declared_count=expected)
        )
        anchored = Extraction()
        if is_slogan(label):  # 以禾山县城为核心，以清泉镇、桃源镇为两翼
            from kg.extract.slogans import anchor_parts

            anchored = anchor_parts(doc, label, entry.definition.start, entry.definition.end)
            if not anchored.relations:
                from kg.extract.slogans import label_parts

                anchored = label_parts(doc, label, entry.definition.start, entry.definition.end)
        if not anchored.relations and code:
            anchored = _counted_groups(doc, entry.definition, label, [int(c) for c in re.findall(r"\d", code.group())])
        if anchored.relations:
            parts = anchored
        elif re.match(r"\d{2,}", label) and not SUBDEF.search(entry.definition.text) and len(QUOTED.findall(entry.definition.text)) >= 2:
            parts = _quoted_parts(doc, entry.definition, label)
        else:
            parts = _components(doc, entry.definition, label, expected)
        q = QUOTED.search(entry.term.text)
        suffix = entry.term.text[q.end() :].strip() if q else ""
        if suffix:  # “放管服”改革：简政放权、放管结合、优化服务改革 — the last item repeats 改革
            parts = _drop_repeated_suffix(doc, parts, label, suffix)
        if not parts.relations:
            parts.extend(_acronym_parts(doc, entry.definition, label))
        ex.extend(parts)
    return ex


COUNTED_GROUP = re.compile(r"((?:[^、，。；和及]{2,12}、)+[^、，。；和及]{2,12}?)(?:等)?([一二两三四五六七八九十]+大[\u4e00-\u9fff]{2,8}?(?:产业|行业|领域|板块|集群|工程|行动))")


def _counted_groups(doc: Document, definition: Span, parent: str, counts: list[int]) -> Extraction:
    """“3+2”现代产业体系：生物医药、集成电路、高端装备三大主导产业和数字经济、科技服务两大新兴产业:
    one counted list per digit, in order; each group (三大主导产业) holds its listed items."""
    groups = list(COUNTED_GROUP.finditer(definition.text))
    if len(groups) != len(counts):
        return Extraction()
    ex = Extraction()
    for order, (g, n) in enumerate(zip(groups, counts, strict=True), 1):
        head = g.group(2)
        if cn_to_int(re.match(r"[一二两三四五六七八九十]+", head).group()) != n:
            return Extraction()
        items, pos = [], definition.start + g.start(1)
        for part in g.group(1).split("、"):
            lead = re.match(r"^(?:“[\dNX]”)?(?:是指|指|即|是|包括)[：:]?", part) if not items else None
            items.append((pos + (lead.end() if lead else 0), pos + len(part)))
            pos += len(part) + 1
        if len(items) != n:
            return Extraction()
        hev = mention(doc, definition.start + g.start(2), definition.start + g.end(2), "glossary-list", 0.85)
        ex.candidates.append(Candidate(head, "Initiative", hev, declared_count=n))
        ex.relations.append(Relation("hasComponent", parent, head, hev, "glossary-list", 0.85, order))
        ex.extend(_emit(doc, head, items, n, "glossary-list"))
    return ex


def _drop_repeated_suffix(doc: Document, parts: Extraction, parent: str, suffix: str) -> Extraction:
    rels = [r for r in parts.relations if r.predicate == "hasComponent" and r.subject == parent]
    if len(rels) < 2 or not rels[-1].object.endswith(suffix) or any(r.object.endswith(suffix) for r in rels[:-1]):
        return parts
    last = rels[-1]
    short = last.object[: -len(suffix)]
    out = Extraction(warnings=list(parts.warnings))
    # 高耗能、高排放项目: once 项目 is dropped the last part is a kind like the others
    others = [c.kind for c in parts.candidates if c.name in {r.object for r in rels[:-1]}]
    for c in parts.candidates:
        if c.name == last.object:
            kind = others[0] if others and len(set(others)) == 1 and c.kind != others[0] and not suffix_class(short) else c.kind
            c = Candidate(short, kind, mention(doc, c.mention.start, c.mention.end - len(suffix), c.mention.rule, c.mention.confidence))
        out.candidates.append(c)
    for r in parts.relations:
        out.relations.append(Relation(r.predicate, r.subject, short, r.evidence, r.rule, r.confidence, r.ordinal) if r is last else r)
    return out


def _acronym_parts(doc: Document, definition: Span, parent: str) -> Extraction:
    """专精特新：具有专业化、精细化、特色化、新颖化特征… — each character of the term opens one item."""
    if not 2 <= len(parent) <= 6 or not re.fullmatch(r"[\u4e00-\u9fff]+", parent):
        return Extraction()
    pattern = "、".join(f"({re.escape(ch)}[\u4e00-\u9fff]{{1,5}}?)" for ch in parent[:-1])
    m = re.search(rf"{pattern}、({re.escape(parent[-1])}[\u4e00-\u9fff]{{1,12}})", definition.text)
    if not m:
        return Extraction()
    items = [(definition.start + m.start(i), definition.start + m.end(i)) for i in range(1, len(parent) + 1)]
    ends = {doc.text[y - 1] for _x, y in items[:-1]}
    a, b = items[-1]
    k = doc.text.find(ends.pop(), a + 1, b) if len(ends) == 1 else -1
    if k < 0 and b - a > max(y - x for x, y in items[:-1]) + 1:
        return Extraction()  # the last item runs on and no shared ending stops it
    if k >= 0:  # …、新颖化特征的中小企业: the last item ends like the others
        items[-1] = (a, k + 1)
    return _emit(doc, parent, items, len(parent), "glossary-list")


def _quoted_parts(doc: Document, definition: Span, parent: str) -> Extraction:
    """“1310”具体部署：锚定“走在前列”总目标，激活…“三大动力”，奋力实现“十大新突破” — a digit
    code whose definition quotes one named part per digit group."""
    ex = Extraction()
    quotes = list(QUOTED.finditer(definition.text))
    if not 2 <= len(quotes) <= len(parent):
        return ex
    for i, q in enumerate(quotes):
        s0 = definition.start + q.start(1)
        ev = mention(doc, s0, s0 + len(q.group(1)), "digit-code", 0.8)
        ex.candidates.append(Candidate(q.group(1), "Initiative", ev, declared_count=slogan_count(q.group(1))))
        ex.relations.append(Relation("hasComponent", parent, q.group(1), ev, "digit-code", 0.8, i + 1))
        counted = re.match(r"([两三四五六七八九十]{1,2})大", q.group(1))
        if counted:  # 激活改革、开放、创新“三大动力”
            from kg.extract.slogans import list_before

            ex.extend(list_before(doc, q.group(1), definition.start + q.start(), cn_to_int(counted.group(1))))
    return ex


AS_CATEGORY = re.compile(r"以([^，。；以为]+?)(?:等)?为((?:[\d一二两三四五六七八九十]+|若干|多个)[大个]?)([\u4e00-\u9fff]{2,8}?)(?=[，。；的]|$)")


def _bare_subgroups(text: str, parent: str) -> list[re.Match[str]]:
    """一核两翼三带：一核即A；两翼即B、C；三带即D、E、F — the groups named unquoted, each
    opening its clause, all of them and in order."""
    groups = re.findall(r"[一二两三四五六七八九十]+[^一二两三四五六七八九十]{1,3}", parent)
    if len(groups) < 2 or "".join(groups) != parent:
        return []
    alt = "|".join(re.escape(g) for g in groups)
    subs = list(re.finditer(rf"(?:(?<=[；;，。])|^)({alt})(?:是|即|指)[：:]?", text))
    return subs if [m.group(1) for m in subs] == groups else []


def _components(doc: Document, definition: Span, parent: str, expected: int | None) -> Extraction:
    ex = Extraction()
    text = definition.text
    subs = list(SUBDEF.finditer(text)) or _bare_subgroups(text, parent)
    if subs and all(re.fullmatch(r"[\dNX]", m.group(1)) for m in subs):  # “3”指…三大主导产业；“2”指…
        from kg.extract.slogans import digit_parts

        return digit_parts(doc, parent, definition.start, definition.end)
    if subs:  # “一环”是…；“七横”是…
        for i, m in enumerate(subs):
            name = m.group(1)
            s0 = definition.start + m.start(1)
            ev = mention(doc, s0, s0 + len(name), "glossary-subgroup", 0.9)
            ex.candidates.append(Candidate(name, "Initiative", ev, declared_count=slogan_count(name)))
            ex.relations.append(Relation("hasComponent", parent, name, ev, "glossary-subgroup", 0.9, i + 1))
            end = subs[i + 1].start() if i + 1 < len(subs) else len(text)
            body_end = definition.start + end
            seg = doc.text[definition.start + m.end() : body_end]
            cut = re.search(r"[；。]", seg)
            body_end = definition.start + m.end() + (cut.start() if cut else len(seg))
            items = parse_list(doc, definition.start + m.end(), body_end, slogan_count(name))
            tail = name[2:] if len(name) >= 4 else ""
            if items and tail:  # 五区共兴指…川西北生态示范区协同共兴: the last item repeats the slogan
                a, b = items[-1]
                cut = re.search(rf"(?:协同|共同|同步|协调)?{re.escape(tail)}$", doc.text[a:b])
                if cut and cut.start() >= 2:
                    items[-1] = (a, a + cut.start())
            ex.extend(_emit(doc, name, items, slogan_count(name), "glossary-list"))
        return ex
    frames = list(AS_CATEGORY.finditer(text))
    if len(frames) >= 2 and re.match(r"[\dNX]+[+＋]", parent):
        # “2+4+N”：指以新能源、现代煤化工为两大主导产业，以肉牛、乳业…为四大特色产业，…
        for i, f in enumerate(frames):
            cat = f.group(2) + f.group(3)
            c0 = definition.start + f.start(2)
            ev = mention(doc, c0, c0 + len(cat), "glossary-category", 0.85)
            ex.candidates.append(Candidate(cat, "Initiative", ev, aliases=(f.group(3),)))
            ex.relations.append(Relation("hasComponent", parent, cat, ev, "glossary-category", 0.85, i + 1))
            items = [(definition.start + f.start(1) + a, definition.start + f.start(1) + b) for a, b in _items(f.group(1))]
            n = f.group(2).rstrip("大个")
            ex.extend(_emit(doc, cat, items, cn_to_int(n) if re.fullmatch(r"[\d一二两三四五六七八九十]+", n) else None, "glossary-list"))
        return ex
    groups = [g for g in re.split(r"；", text) if g.strip()]
    if len(groups) >= 2 and all(CATEGORY.match(g.rstrip("。")) for g in groups):  # “333”
        pos = definition.start
        for i, g in enumerate(groups):
            m = CATEGORY.match(g.rstrip("。"))
            assert m is not None
            cat = m.group(3)
            full = g.rstrip("。")[m.start(2) :].replace(" ", "")  # 3大新兴产业
            c0 = pos + m.start(2)
            c1 = pos + m.end(3)
            ev = mention(doc, c0, c1, "glossary-category", 0.85)
            cat_aliases = (cat,) if full != cat else ()
            cat = full if doc.text[c0:c1] == full else cat
            ex.candidates.append(Candidate(cat, "Initiative", ev, aliases=cat_aliases))
            ex.relations.append(Relation("hasComponent", parent, cat, ev, "glossary-category", 0.85, i + 1))
            items = [(pos + a, pos + b) for a, b in _items(m.group(1))]
            ex.extend(_emit(doc, cat, items, int(m.group(2)) if m.group(2).isdigit() else None, "glossary-list"))
            pos += len(g) + 1
        return ex
    items = parse_list(doc, definition.start, definition.end, expected)
    lead = re.match(r"^(?:即|指|是|包括)?[：:]?", text)
    starts_list = bool(items) and items[0][0] <= definition.start + (lead.end() if lead else 0) + 1
    if expected is None and re.search(r"[\u4e00-\u9fff]多[\u4e00-\u9fff]", parent) and len(items) >= 2:
        # 一区多园：…统筹A、B、C、D协同发展的管理模式: the “many” parts are the named parks listed
        a, b = items[-1]
        named = re.match(r".{2,16}?(?:产业园|科技园|智造园|工业园|园区|园|片区|基地|新城|小镇)", doc.text[a:b])
        if named:
            items[-1] = (a, a + named.end())
        if all(suffix_class(doc.text[x:y]) or re.search(r"(?:园|区|基地|城|镇|港)$", doc.text[x:y]) for x, y in items):
            return _emit(doc, parent, items, None, "glossary-list")
    if expected is None and not (len(items) >= 2 and starts_list and all(b - a <= 8 for a, b in items)):
        return ex
    if expected == 1:  # 一网统管 is one thing, not a list of one
        return ex
    if expected is not None and len(items) < 2:
        return ex
    ex.extend(_emit(doc, parent, items, expected, "glossary-list"))
    return ex


def _emit(doc: Document, parent: str, items: list[tuple[int, int]], expected: int | None, rule: str) -> Extraction:
    return emit_parts(doc, parent, items, expected, rule, clean=trim_to_suffix, confidence=0.9)
