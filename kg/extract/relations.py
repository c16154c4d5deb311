"""Relations between names: involves (by section scope and by name), partOf, locatedIn,
alignsWith.

An organisation named inside an action programme's section is involved in that
programme, not in every programme; inside a run-in component of a slogan (“两特”是：…) it
is involved in that component and the slogan.
"""

from __future__ import annotations

import re

from kg.extract.actions import action_of
from kg.extract.common import FALSE_ENDINGS, ZONE_REGION, is_junk, is_slogan, mention, region_short
from kg.lexicon import is_descriptive, load, suffix_class
from kg.model import Candidate, Document, Extraction, Relation

ORG = ("Enterprise", "Organization")
PHASE = re.compile(r"^(.{3,}?)[（(]?([一二三四五六七八九]期)[)）]?(?:项目|工程|码头|泊位|厂房|生态修复)?$")
SECTION_OF = re.compile(r"^(.{2,8}?(?:路|大道|大街|江|河|渠|线))[东西南北中]段$")
SUB_PARK = re.compile(
    r"^(.{3,}?(?:开发区|高新区|经开区|新区|园区|产业园|试验区|保税区|港))((?<=港)新?[\u4e00-\u9fff]{0,3}港区|(?<!港)[\u4e00-\u9fff]{2,10}?(?:产业园|园区|产业基地|基地|港区|作业区))$"
)
SUBAREA = re.compile(r"^(.{4,}?(?:试验区|示范区|自贸区|开发区|高新区|新区|园区|产业园|国家公园|保护区))(.{2,6}片区)$")
ABBREVIATIONS = (
    ("自由贸易试验区", "自贸区"),
    ("自主创新示范区", "自创区"),
    ("经济技术开发区", "经开区"),
    ("高新技术产业开发区", "高新区"),
    ("综合保税区", "综保区"),
)


# the rule of a candidate that only adds another name (the part after a county or an owner) to
# one another rule found; resolve lets it neither decide the class nor keep a name alive
SHORT_FORM = "short-form"


def short_form(doc: Document, c: Candidate, rest: str) -> Candidate:
    """雪洼县高山草甸露营基地, 钒云新材料全钒液流电池储能装备项目: also called without what stands in front."""
    return Candidate(c.name, c.kind, mention(doc, c.mention.start, c.mention.end, SHORT_FORM, 0.7), aliases=(rest,))


def scopes(doc: Document, found: Extraction) -> list[tuple[int, int, tuple[str, ...], str]]:
    """(start, end, owners, rule): text ranges that belong to an initiative."""
    out: list[tuple[int, int, tuple[str, ...], str]] = []
    headed: list[tuple[int, int]] = []
    slogan_headed: list[tuple[int, int, str]] = []
    for sec in doc.sections:
        if sec.kind == "subsection":
            hit = action_of(doc, sec)
            if hit and hit[1]:
                out.append((sec.start, sec.end, (hit[0],), "section-scope"))
                headed.append((sec.start, sec.end))
            elif hit:
                slogan_headed.append((sec.start, sec.end, hit[0]))
    programmes = _programme_scopes(doc, found, headed)
    for a, b, name in slogan_headed:
        # （二）做强“5+2”现代产业体系 whose opening paragraph launches “链长护航”行动: the
        # programme owns the subsection; with no such programme the heading's slogan does
        if any(a <= p0 and p1 == b for p0, p1, _o, _r in programmes):
            continue
        out.append((a, b, (name,), "section-scope"))  # programmes inside its parts nest in it
    out.extend(programmes)
    # run-in slogan components: from one component sentence to the next
    comps = sorted(
        (r for r in found.relations if r.rule == "slogan-run-in"), key=lambda r: r.evidence.start
    )
    for i, r in enumerate(comps):
        nxt = comps[i + 1].evidence.start if i + 1 < len(comps) else None
        para_end = next((p.end for p in doc.paragraphs if p.start <= r.evidence.start < p.end), r.evidence.end)
        end = nxt if nxt is not None and nxt < para_end + 2000 else para_end
        if nxt is not None and comps[i + 1].subject != r.subject:
            end = min(end, para_end)
        out.append((r.evidence.start, end, (r.subject,), "component-scope"))
    return out


PROGRAMME_VERB = re.compile(r"(实施|深入实施|持续实施|深化|开展|深入开展|推进|启动|打好|推动|落实|坚持|完善|健全|聚焦)[^，。；“”]{0,6}“?$")


def _programme_scopes(
    doc: Document, found: Extraction, headed: list[tuple[int, int]]
) -> list[tuple[int, int, tuple[str, ...], str]]:
    """A programme launched in the body (深化“千企数改”行动，…推动华纶纺织…) owns the text
    after it up to the end of its item or subsection, or up to the next programme launched there.

    Why: many reports head subsections with a goal and start programmes inside them; an
    enterprise named after 深化“千企数改”行动 belongs to that programme, not to the whole report.
    """
    starts = sorted(
        (c.mention.start, c.name)
        for c in found.candidates
        if (c.kind == "Action" or (c.kind == "Initiative" and c.mention.rule in ("quoted-programme", "quoted-slogan"))) and c.mention.rule != "name-match"
        and PROGRAMME_VERB.search(doc.text[max(0, c.mention.start - 12) : c.mention.start])
        and not any(a <= c.mention.start < b for a, b in headed)
    )
    units = [s for s in doc.sections if s.kind in ("subsection", "item", "lead")]
    out = []
    for i, (pos, name) in enumerate(starts):
        inner = [s for s in units if s.start <= pos < s.end]
        if not inner:
            continue
        end = min(s.end for s in inner)
        sub = next((s for s in reversed(inner) if s.kind == "subsection"), None)
        opening = None
        if sub is not None:  # the subsection's heading line and its first body paragraph
            body = [p for p in doc.paragraphs if sub.start <= p.start < sub.end]
            opening = body[1].end if len(body) > 1 and body[0].end - body[0].start <= 40 else (body[0].end if body else None)
        first_child = min((s.start for s in units if sub and s.parent == sub.id and s.kind in ("lead", "item")), default=opening)
        if sub is not None and first_child is not None and opening is not None and pos < min(first_child, opening):
            # launched in the subsection's opening paragraph (实施“海洋经济倍增”行动，…), before its
            # run-in parts: the whole subsection is its scope, and programmes inside the parts nest in it
            end = sub.end
            sent = doc.sentence_at(pos)
            nxt = [p for p, _n in starts[i + 1 :] if p < min(first_child, opening) and (sent is None or p >= sent.end)]
            if nxt:
                end = min(end, nxt[0])
        else:
            # 深入实施“项目攻坚年”行动，坚持“五个一批”滚动推进…: a mechanism launched in the same
            # sentence runs inside the programme; only a later sentence's programme ends its scope
            sent = doc.sentence_at(pos)
            later = [p for p, _n in starts[i + 1 :] if sent is None or p >= sent.end]
            if later:
                end = min(end, later[0])
        out.append((pos, end, (name,), "programme-scope"))
    return out


SITED = ("Project", "Platform", "Organization", "Enterprise", "Place")


LOWER_UNITS = {"市": ("区", "县"), "州": ("县", "市"), "县": ("镇", "乡"), "区": ("街道", "镇", "乡"), "旗": ("镇", "苏木")}


# what a body builds of itself: 新院区, 二期校区, 东院, 门诊综合大楼
CAMPUS = re.compile(r"(?:新|[东南西北]|二期|三期|[\u4e00-\u9fff]{2})?(?:院区|校区|分院|分校)|(?:新|[东南西北])院|[\u4e00-\u9fff]{0,6}(?:大楼|综合楼|病房楼)")
ZONE_LAYOUT = re.compile(r"“一(?:区|园)(?:[二两三四五六七八九十多N]+|\d+)(?:园|片|区)”")
ZONE_END = re.compile(r"(开发区|高新区|经开区|工业园区|产业集聚区|产业园区|示范区|合作区)$")
PARK_END = re.compile(r"(园|片区|本部)$")


def _zone_parks(doc: Document, found: Extraction) -> Extraction:
    """松岭经开区“一区三园”: the parks the sentence names are parts of its zone (数控机床产业园 →
    松岭经济技术开发区); “一园三片”布局，…石羊工业园区A片区、B片区和C片区 the same."""
    ex = Extraction()
    for m in ZONE_LAYOUT.finditer(doc.text):
        sent = doc.sentence_at(m.start())
        if sent is None:
            continue
        inside = sorted(
            (c for c in found.candidates if c.kind == "Platform" and sent.start <= c.mention.start and c.mention.end <= sent.end),
            key=lambda c: c.mention.start,
        )
        zone = next((c for c in inside if ZONE_END.search(c.name) and not PARK_END.search(c.name)), None)
        if zone is None:
            continue
        for c in inside:
            if c.name != zone.name and PARK_END.search(c.name) and not ZONE_END.search(c.name) and c.name not in zone.aliases:
                ex.relations.append(Relation("partOf", c.name, zone.name, c.mention, "zone-layout", 0.7))
    return ex


def _region_hierarchy(doc: Document, found: Extraction, so_far: Extraction) -> Extraction:
    """The report's region in its parent (…在并州市北原区第三届人民代表大会… → 北原区 in 并州市)
    and the region's own units (江城区, 海澄区 in a 南溪市 report) in the region."""
    from kg.ingest.structure import ADMIN_RE, MEETING_RE

    ex = Extraction()
    region = doc.metadata.region
    if not region:
        return ex
    mm = MEETING_RE.search(doc.metadata.meeting or "")
    units = ADMIN_RE.findall(mm.group(1)) if mm else []
    if len(units) >= 2 and units[-1] == region:
        parent = units[-2]
        k = doc.text.find(parent + region)
        if k >= 0:
            ex.candidates.append(Candidate(parent, "Place", mention(doc, k, k + len(parent), "region-parent", 0.8)))
            ev = mention(doc, k, k + len(parent) + len(region), "region-parent", 0.8)
            ex.relations.append(Relation("locatedIn", region, parent, ev, "region-parent", 0.8))
    lower = LOWER_UNITS.get(region[-1:], ())
    placed = {r.subject for r in (*found.relations, *so_far.relations) if r.predicate == "locatedIn"}
    known = load().places
    seen: set[str] = set()
    for c in found.candidates:
        name = c.name
        if (
            c.kind != "Place" or name in seen or name == region or name in placed or name in known
            or not name.endswith(lower) or c.mention.rule == "name-match"
        ):
            continue
        seen.add(name)
        ex.relations.append(Relation("locatedIn", name, region, c.mention, "region-unit", 0.6))
    return ex


def _stated_locations(doc: Document, found: Extraction) -> Extraction:
    """Locations the text states: X位于Y, 位于Y的X, 在Y(布局)建设X.

    Why: 北原氢能产业园位于石门镇 says where a platform is; no name carries it.
    """
    ex = Extraction()
    places = {(c.mention.start, c.mention.end): c.name for c in found.candidates if c.kind == "Place"}
    things = {(c.mention.start, c.mention.end): c.name for c in found.candidates if c.kind in SITED}
    place_at = {a: (b, n) for (a, b), n in places.items()}
    thing_at = {a: (b, n) for (a, b), n in things.items()}
    thing_end = {b: (a, n) for (a, b), n in things.items()}
    for m in re.finditer(r"位于", doc.text):
        p = place_at.get(m.end())
        if p is None:
            continue
        t = thing_end.get(m.start())  # X位于Y
        if t is None and doc.text[p[0] : p[0] + 1] == "的":  # 位于Y的X
            t2 = thing_at.get(p[0] + 1)
            t = (p[0] + 1, t2[1]) if t2 else None
        if t is not None and t[1] != p[1]:
            ev = mention(doc, min(m.start(), t[0]), max(p[0], t[0]), "stated-location", 0.8)
            ex.relations.append(Relation("locatedIn", t[1], p[1], ev, "stated-location", 0.8))
    for m in re.finditer(r"在(?=[\u4e00-\u9fff])", doc.text):
        p = place_at.get(m.end())
        if p is None:
            continue
        verb = re.match(r"(?:布局|规划|高标准|加快|率先)?(?:建设|打造|新建|建成|布局)", doc.text[p[0] : p[0] + 8])
        t = thing_at.get(p[0] + verb.end()) if verb else None
        if t is not None and t[1] != p[1]:
            ev = mention(doc, m.start(), t[0], "stated-location", 0.75)
            ex.relations.append(Relation("locatedIn", t[1], p[1], ev, "stated-location", 0.75))
    return ex


def _zone_parts(doc: Document, found: Extraction) -> Extraction:
    """A development zone's own report lays out its parks and 片区 as slogan parts (“一区多园”,
    “一核三片”); each of those parks is part of the zone."""
    ex = Extraction()
    region = doc.metadata.region or ""
    if not ZONE_REGION.search(region):
        return ex
    platforms = {c.name: c for c in found.candidates if c.kind == "Platform" and c.name != region}
    for r in found.relations:
        if r.predicate == "hasComponent" and r.object in platforms:
            ex.relations.append(Relation("partOf", r.object, region, r.evidence, "zone-part", 0.7))
    return ex


# what follows a platform's name when the thing is the platform itself or a stage of it
OWN_PART = re.compile(r"(?:[（(]?[一二三四五六七八九十\d]+期[）)]?)?(?:建设)?(?:项目|工程)?")


def extract(doc: Document, found: Extraction) -> Extraction:
    ex = Extraction()
    ex.extend(_zone_parts(doc, found))
    orgs = [c for c in found.candidates if c.kind in ORG]
    # 河科大 inside 河科大家属院 (a place) is not the university being named; 洛轴 inside a
    # project's name still is
    others = [
        (c.mention.start, c.mention.end)
        for c in found.candidates
        if c.kind == "Place" and c.mention.rule != "name-match"
    ]
    named = [
        c for c in orgs
        if not any(a <= c.mention.start and c.mention.end <= b and b - a > c.mention.end - c.mention.start for a, b in others)
    ]
    # projects named in a programme's own section belong to it (实施“产业强链”行动 … 推进X项目)
    projects = [c for c in found.candidates if c.kind == "Project"]
    for start, end, owners, rule in scopes(doc, found):
        for c in named:
            if start <= c.mention.start < end:
                for owner in owners:
                    ex.relations.append(Relation("involves", owner, c.name, c.mention, rule, 0.8))
        if rule == "component-scope":
            continue
        for c in projects:
            if start <= c.mention.start < end:
                for owner in owners:
                    ex.relations.append(Relation("involves", owner, c.name, c.mention, rule, 0.7))
    # a project named after an organisation involves it (洛轴时速350km高铁轴承产业化 → 洛轴)
    org_names: dict[str, str] = {}
    for c in orgs:
        for n in (c.name, *c.aliases):
            if len(n) >= 2:
                org_names[n] = c.name
    for n, (canon, cls) in load().aliases.items():
        if cls in ORG and len(n) >= 2:
            org_names.setdefault(n, canon)
    for c in found.candidates:
        if c.kind != "Project":
            continue
        for n in sorted(org_names, key=len, reverse=True):
            if n in c.name and n != c.name:
                ex.relations.append(Relation("involves", c.name, org_names[n], c.mention, "name-contains", 0.75))
                break
    # 岚光半导体股份有限公司（以下简称“岚光股份”）12英寸晶圆制造项目 / 支持港务集团建设望海港区…码头
    org_spans = sorted((c.mention.start, c.mention.end, c.name) for c in orgs)
    for c in found.candidates:
        if c.kind != "Project" or c.mention.rule == "name-match":
            continue
        s0 = c.mention.start
        before = doc.text[max(0, s0 - 40) : s0]
        paren = re.search(r"[（(](?:以下)?(?:简称|下称)[^）)]*[）)]$", before)
        gap_end = s0 - len(paren.group()) if paren else s0
        for _a, b, name in reversed(org_spans):
            if b > gap_end or gap_end - b > 6:
                continue
            link = doc.text[b:gap_end]
            if link == "" or re.fullmatch(r"(建设|实施|推进|投资|打造|新建|启动|开工建设|加快建设|加快推进|投建)", link):
                ex.relations.append(Relation("involves", c.name, name, c.mention, "owner-before-project", 0.75))
            break
    # 由中铁十九局承建的澄岭高铁站站前广场: the builder is involved in what it builds
    for m in re.finditer(r"由?([\u4e00-\u9fff]{2,16}?)(?:承建|投资建设|建设运营|投建)的", doc.text):
        builder = next((x for x in orgs if m.start(1) <= x.mention.start and x.mention.end == m.end(1)), None)
        built = next(
            (x for x in found.candidates if x.kind in ("Project", "Platform") and m.end() <= x.mention.start <= m.end() + 2),
            None,
        )
        if builder is not None and built is not None:
            ex.relations.append(Relation("involves", built.name, builder.name, built.mention, "builder", 0.75))
    names = {c.name: c for c in found.candidates}
    # 雪川机床五轴联动|加工中心产业化项目一期: a candidate that is the tail of a longer one at the
    # same place was cut short, so the whole it names would be a fragment too
    first_start: dict[int, int] = {}
    for c in found.candidates:
        first_start[c.mention.end] = min(first_start.get(c.mention.end, c.mention.start), c.mention.start)
    tails = {(c.mention.start, c.mention.end) for c in found.candidates if first_start[c.mention.end] < c.mention.start}
    # …（简称芯湾半导体）先进封装测试项目一期 is also read as 芯湾半导体先进封装测试项目一期: the
    # short reading is a tail of that name too
    tails |= {
        (c.mention.start, c.mention.end)
        for c in found.candidates
        if c.mention.rule == "owner-project" and c.name != c.mention.text
    }
    for c in found.candidates:
        if c.kind not in ("Project", "Platform", "Place"):
            continue
        m = PHASE.match(c.name)
        if m and m.group(1) != c.name:  # 东方红国际陆港二期项目 → 东方红国际陆港
            whole = m.group(1)
            if whole in org_names:  # 青禾新材二期: a company's next phase involves the company
                ex.relations.append(Relation("involves", c.name, org_names[whole], c.mention, "phase-name", 0.75))
                continue
            ex.relations.append(Relation("partOf", c.name, whole, c.mention, "phase-name", 0.8))
            sc = suffix_class(whole)
            # 宝力高煤制烯烃|一期项目: the phase carries the only name word, so the whole is
            # not a name on its own (it would be 宝力高煤制烯烃项目, which the text never writes)
            named = sc is not None or whole.endswith(("场", "站", "厂", "线", "桥", "港", "园", "区", "馆", "中心"))
            k = c.mention.start
            kind = sc[0] if sc and sc[0] in ("Project", "Platform", "Place") else "Platform" if whole.endswith(("园", "港", "区")) else "Project"
            surface = whole
            composed = c.mention.rule == "owner-project" and c.name != c.mention.text
            if composed:  # 岚光股份|12英寸晶圆制造项目一期 → 岚光股份12英寸晶圆制造项目, written 12英寸晶圆制造项目
                tail = PHASE.match(c.mention.text)
                surface = tail.group(1) if tail else ""
            verbatim = bool(surface) and doc.text[k : k + len(surface)] == surface
            # a whole seen only inside its phases (岭溪河综合治理工程|一期) is dropped as nested: name it here
            inside = whole in names and names[whole].mention.start == c.mention.start and names[whole].mention.end < c.mention.end
            if (whole not in names or inside) and named and verbatim and (composed or (c.mention.start, c.mention.end) not in tails):
                aliases = (surface,) if surface != whole else ()
                ex.candidates.append(Candidate(whole, kind, mention(doc, k, k + len(surface), "phase-name", 0.7), aliases=aliases))
        sec = SECTION_OF.match(c.name)
        if sec:  # 环城北路东段 → 环城北路
            ex.relations.append(Relation("partOf", c.name, sec.group(1), c.mention, "section-name", 0.75))
            k = c.mention.start
            ex.candidates.append(Candidate(sec.group(1), "Place", mention(doc, k, k + len(sec.group(1)), "section-name", 0.75)))
        park = SUB_PARK.match(c.name)
        if park and c.kind == "Platform" and park.group(1) in names and names[park.group(1)].kind == "Platform":
            # 岚平高新区汽车零部件产业园 → 岚平高新区, 岚平港新港区 → 岚平港: a park named inside another
            ex.relations.append(Relation("partOf", c.name, park.group(1), c.mention, "subarea-name", 0.75))
        s = SUBAREA.match(c.name)
        if s:  # 中国（洛阳）自由贸易试验区涧西片区 → 中国（洛阳）自由贸易试验区
            ex.relations.append(Relation("partOf", c.name, s.group(1), c.mention, "subarea-name", 0.8))
            k = c.mention.start
            whole_class = suffix_class(s.group(1))  # 祁连山国家公园石羊片区 → 祁连山国家公园, a place
            kind = whole_class[0] if whole_class and whole_class[0] == "Place" else "Platform"
            ex.candidates.append(Candidate(s.group(1), kind, mention(doc, k, k + len(s.group(1)), "subarea-name", 0.75)))
    # a branch named after its parent: 江岚大学海洋学院 → 江岚大学, …医院滨海院区 → …医院
    for c in list(found.candidates):
        if c.kind not in ORG or c.mention.rule == "name-match":
            continue
        bm = re.match(r"^(.{2,}?(?:医院|大学|学院|科学院|研究院|中学|小学))(.{2,6}(?:院区|分院|分校|校区|学院))$", c.name)
        if bm:
            k = c.mention.start
            ex.candidates.append(Candidate(bm.group(1), "Organization", mention(doc, k, k + len(bm.group(1)), "branch-name", 0.75)))
    # a project named after the institution it builds for: 县人民医院新院区, 桐泽二中扩建工程
    for c in list(found.candidates):
        if c.kind != "Project" or c.mention.rule == "name-match":
            continue
        pm = re.match(r"^(.{2,10}?(?:医院|保健院|卫生院|大学|学院|中学|小学|二中|一中|三中|中专|职专|幼儿园|研究院))(?=新|扩|迁|改|东|西|南|北|实训|二期|三期)", c.name)
        if pm:
            k = c.mention.start
            org = pm.group(1)
            ex.candidates.append(Candidate(org, "Organization", mention(doc, k, k + len(org), "project-owner", 0.75)))
            ex.relations.append(Relation("involves", c.name, org, c.mention, "project-owner", 0.75))
    # 支持澄州大学与中国科学院金属研究所共建澄州先进材料研究院
    for m in re.finditer(r"([\u4e00-\u9fff]{2,20}?)(?:与|和|同)([\u4e00-\u9fff]{2,20}?)(?:共建|合建|联合建设|共同建设)([\u4e00-\u9fff]{3,20})", doc.text):
        built = next((x for x in found.candidates if x.mention.start >= m.start(3) and x.mention.start < m.end(3) and x.kind in ("Project", "Platform", "Organization")), None)
        if built is None:
            continue
        for g in (1, 2):
            partner = next((x for x in orgs if m.start(g) <= x.mention.start and x.mention.end <= m.end(g)), None)
            if partner is not None:
                ex.relations.append(Relation("involves", built.name, partner.name, built.mention, "joint-build", 0.7))
    org_full = sorted({c.name for c in found.candidates + ex.candidates if c.kind in ORG}, key=lambda n: (-len(n), n))
    for c in found.candidates:
        if c.mention.rule == "name-match":
            continue
        for parent in org_full:
            if parent != c.name and c.name.startswith(parent) and len(c.name) - len(parent) >= 2:
                if c.kind in ORG or CAMPUS.fullmatch(c.name[len(parent) :]):
                    # 州人民医院新院区, 岩溪县第一中学新校区: a campus being built is part of its body
                    ex.relations.append(Relation("partOf", c.name, parent, c.mention, "branch-name", 0.75))
                break
    # a road or river at the start of a project's name (振业路西延工程 → 振业路)
    lex = load()
    org_names = {n for c in found.candidates if c.kind in ORG for n in (c.name, *c.aliases) if len(n) >= 2}
    sites = {
        c.name for c in found.candidates
        if c.kind == "Platform" and c.mention.rule != "name-match" and re.search(r"(港区|作业区|园区|产业园|开发区|高新区|经开区)$", c.name) and len(c.name) >= (3 if c.name.endswith("港区") else 4)  # 东港区
    }
    hosts = sorted(
        {c.name for c in found.candidates if c.kind == "Platform" and c.mention.rule != "name-match" and len(c.name) >= 4 and not is_slogan(c.name)},
        key=lambda n: (-len(n), n),
    )
    for c in found.candidates:
        if c.kind not in ("Project", "Platform") or c.mention.rule == "name-match":
            continue
        # 胜利北街棚户区改造项目 → 胜利北街, 西营村城中村改造项目 → 西营村, 文庙街特色街区 → 文庙街
        ends = r"大道|大街|街道|路|街|渠|河|溪|江|湖|湾|岛|村|镇" if c.kind == "Project" else r"大道|大街|路|街"
        m = re.match(rf"^(.{{2,8}}?(?:{ends}))(?!路|大道|街道|道|镇|村|乡|区)", c.name) or re.match(r"^(.(?:溪|江|河))(?=两岸|沿岸|[一二三四五六七八九十]桥|大桥|综合|治理|流域)", c.name)
        if (
            m
            and len(m.group(1)) < len(c.name) - 1
            and not (m.group(1).endswith(("村", "镇")) and len(m.group(1)) > 6)  # 黔牧生态牧业坪坝镇: a company, then the town
            and not m.group(1).endswith((*FALSE_ENDINGS, "步行街", "商业街", "小镇", "城中村"))
            and m.group(1) not in lex.generic
            and "至" not in m.group(1)
            and not re.search(r"(河河|江江|湖湖)$", m.group(1))  # 黄河河东大桥: the river is 黄河, 河东 the bank
            and not re.fullmatch(r"[山水林田湖草沙冰]+", m.group(1))  # “山水林田湖草沙冰一体化保护修复”: nature, not a lake
            and m.group(1)[0] not in "一二两三四五六七八九十百千万"
            and not re.search(r"[在各的]", m.group(1))  # 分布在各镇街的孵化器: where they are spread, not a street
            and not re.match(r"[A-Za-z0-9]", m.group(1))  # S79昭溪至攀枝花高速公路, 500千伏昭溪输变电工程: a code or a voltage
            and not re.search(r"国道|省道|县道|高速|铁路|廊道|干线|\d+线", m.group(1))  # G240国道清河段: a route's section
            and not any(m.group(1).startswith(o) for o in org_names)  # 中储粮清河粮食储备库: the owner, then the site
        ):
            k = c.mention.start
            road = m.group(1)
            short = region_short(doc)
            bare = road[len(short) :] in ("大道", "大街", "街道", "路", "街", "渠")  # 榕湾大道: the town's own road
            if len(short) >= 2 and road.startswith(short) and len(road) - len(short) >= 2 and road[len(short)] not in "区县市镇乡" and not bare:
                k, road = k + len(short), road[len(short) :]  # 岚平长江大桥: the river is 长江, the town only says where
            if re.fullmatch(r"沿[\u4e00-\u9fff]{2,7}", road) and road[-1] in "湖河江":
                k, road = k + 1, road[1:]  # 沿太湖生态林带工程: along the lake, the place is the lake
            ex.candidates.append(Candidate(road, "Place", mention(doc, k, k + len(road), "project-place", 0.75)))
            ex.relations.append(Relation("locatedIn", c.name, road, c.mention, "project-place", 0.7))
            ph = PHASE.match(c.name)
            if ph and ph.group(1) != c.name and len(ph.group(1)) > len(road) + 1:  # 岭溪河综合治理工程一期: the whole works too
                ex.relations.append(Relation("locatedIn", ph.group(1), road, c.mention, "project-place", 0.7))
        elif c.kind == "Project":
            # 东澳港区5万吨级通用泊位工程 → 东澳港区: a project named after the port area or park it is in
            host = next(
                (n for n in sorted(sites, key=len, reverse=True) if c.name.startswith(n) and len(c.name) - len(n) >= 3 and n != doc.metadata.region),
                None,
            )
            if host:
                ex.relations.append(Relation("locatedIn", c.name, host, c.mention, "project-place", 0.7))
        host = next((n for n in hosts if c.name.startswith(n) and len(c.name) - len(n) >= 2 and n != doc.metadata.region), None)
        rest = c.name[len(host) :] if host else ""
        if host and host not in sites and not OWN_PART.fullmatch(rest) and not rest.endswith(("片区", "分园", "园区")):
            # (not 物流园二期 or 基地项目: a phase or the works of the platform itself; not 自贸区…片区: a part of it)
            # 滨海新城商圈 → 滨海新城, 白云山旅游度假区提升工程 → 白云山旅游度假区: named after the platform it is in
            ex.relations.append(Relation("locatedIn", c.name, host, c.mention, "platform-prefix", 0.65))
    # 钒云新材料全钒液流电池储能装备项目: the owner's trade name, then the project, also called without it
    trades = sorted((n for n in org_names if len(n) >= 3 and not n.endswith(("公司", "集团", "局", "委", "厅"))), key=lambda n: (-len(n), n))
    for c in found.candidates:
        if c.kind != "Project" or not c.mention.rule.startswith("suffix:"):
            continue
        owner = next((n for n in trades if c.name.startswith(n)), None)
        rest = c.name[len(owner) :] if owner else ""
        if owner and len(rest) >= 6 and (suffix_class(rest) or ("",))[0] == "Project" and not is_junk(rest) and not re.match(r"[一二三四五六七八九十]期", rest):
            ex.candidates.append(short_form(doc, c, rest))
    # places named at the start of another name (涧河生态湿地 → 涧河)
    seen: set[tuple[str, str]] = set()
    # short forms of places (渑池县 → 渑池) so names that embed them can be placed
    short: dict[str, str] = {}
    for x in found.candidates:
        if x.kind == "Place":
            for n in (x.name, *x.aliases):
                short.setdefault(n, x.name)
                core = re.sub(r"(自治县|自治州|县|市|区|镇|乡)$", "", n)
                if len(core) >= 2 and core != n:
                    short.setdefault(core, x.name)
    for c in found.candidates:
        if c.kind not in ("Project", "Platform", "Organization", "Place") or c.mention.rule == "name-match":
            continue
        for p in sorted(short, key=len, reverse=True):
            if (c.name, p) in seen or len(c.name) <= len(p) + 1 or short[p] == c.name:
                continue
            if c.name.startswith(p) and re.match(r"(大道|大街|路|街|桥)", c.name[len(p) :]):
                continue  # 桐河大道 is named after the river, not located in it
            inner = f"（{p}）" in c.name or re.search(re.escape(p) + r"(片区|段|分院|院区|校区)$", c.name)
            if c.name.startswith(p) or inner or (c.kind in ("Platform", "Project") and p in c.name[2:] and len(p) >= 2):
                seen.add((c.name, p))
                ex.relations.append(Relation("locatedIn", c.name, short[p], c.mention, "name-place", 0.6))
                rest = c.name[len(p) :]
                rest_kind = suffix_class(rest)
                if (
                    c.kind in ("Platform", "Project") and c.name.startswith(p) and p == short[p] and p[-1] in "县市区镇乡旗"
                    and len(rest) >= 5 and rest_kind and rest_kind[0] == c.kind and not is_junk(rest) and not is_descriptive(rest[:-2])
                    and not re.match(r"[一二三四五六七八九十\d]期|（|[东南西北]", rest)
                ):  # 雪洼县高山草甸露营基地: the county says where; the base is also called without it
                    ex.candidates.append(short_form(doc, c, rest))
                if c.name.startswith(p) and not inner:
                    break
    ex.extend(_stated_locations(doc, found))
    ex.extend(_region_hierarchy(doc, found, ex))
    ex.extend(_zone_parks(doc, found))
    # an action programme aligns with the strategies its section names
    strategies = [c for c in found.candidates if c.kind == "Strategy"]
    for start, end, owners, rule in scopes(doc, found):
        if rule != "section-scope":
            continue
        for c in strategies:
            if start <= c.mention.start < end and _serves(doc, c.mention.start):
                ex.relations.append(Relation("alignsWith", owners[0], c.name, c.mention, "section-scope", 0.7))
    # the region lies in the unit named before it in the meeting line (洛阳市涧西区)
    region = doc.metadata.region
    meeting = doc.metadata.meeting or ""
    if region and region in meeting:
        m = re.search(r"在(.{2,20}?)" + re.escape(region), meeting)
        k = doc.text.find(meeting)
        if m and k >= 0:
            units = re.findall(r"[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|省|市|州|盟|地区)", m.group(1))
            if units:
                parent = units[-1]
                p0 = k + meeting.find(parent)
                ev = mention(doc, p0, p0 + len(parent), "meeting-line", 0.85)
                ex.candidates.append(Candidate(parent, "Place", ev))
                ex.relations.append(Relation("locatedIn", region, parent, ev, "meeting-line", 0.85))
    # the region aligns with each strategy the report names
    if region:
        for c in found.candidates:
            if c.kind == "Strategy" and c.mention.rule != "name-match" and _serves(doc, c.mention.start):
                ex.relations.append(Relation("alignsWith", region, c.name, c.mention, "strategy-mention", 0.7))
    return ex


def _serves(doc: Document, offset: int) -> bool:
    """Whether the sentence around a strategy's mention says the region serves it (融入,
    对接, 落实…战略), rather than naming it in passing (与乡村振兴有机结合)."""
    sent = doc.sentence_at(offset)
    return sent is not None and bool(re.search(r"战略|融入|对接|服务|落实|倡议|机遇|推进|实施|坚持", sent.text))


def abbreviate(name: str) -> str:
    """The conventional short form: 中国（洛阳）自由贸易试验区涧西片区 → 中国（洛阳）自贸区涧西片区."""
    for long, short in ABBREVIATIONS:
        name = name.replace(long, short)
    return name
