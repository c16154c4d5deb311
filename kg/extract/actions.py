"""Action programmes announced by headings (（二）实施“制造业提质”行动) and their tasks.

Each enumerated item (一是…) under such a heading becomes a Task component. When the
section announced the programmes as a numbered slogan (大力实施“八提”行动) and the number
of headings matches, the programmes become that slogan's components.
"""

from __future__ import annotations

import re

from kg.extract.common import is_junk, is_slogan, mention, slogan_count
from kg.model import Candidate, Document, Extraction, Relation, Section, Warning
from kg.numerals import cn_to_int

HEADING = re.compile(
    r"^[（(][一二三四五六七八九十]+[)）]\s*(?:[^“”。]{1,16}?)?"
    r"(?:实施|开展|推进|推动|打好|打赢|深化|启动|聚焦)?“([^“”]{2,14})”"
    r"(行动|工程|攻坚战|攻坚|计划|战役|专项行动|三年行动)"
)
ANNOUNCE = re.compile(r"“([^“”]{2,8})”(行动|工程|攻坚)")
# 实施十大行动, 开展八大攻坚: a counted programme announced without quotes
COUNTED_PROGRAMMES = re.compile(r"(([一二三四五六七八九十]{1,2}|\d{1,2})[大项](?:专项行动|攻坚行动|行动|工程|攻坚|战略|任务))")
ITEM_PREFIX = re.compile(r"^[一二三四五六七八九十]+是")


# （一）坚持工业强县，加快产业转型升级。 — a strategy slogan leading a subsection heading
SLOGAN_HEADING = re.compile(
    r"^[（(][一二三四五六七八九十]+[)）]\s*(?:坚持|实施|推进|聚焦|突出|深化|强化)?"
    r"([\u4e00-\u9fff]{2,4}(?:强|立|兴|稳|富|美|活|治|优)(?:县|区|市|省|镇|乡|国))[，,。]"
)


def action_of(doc: Document, section: Section) -> tuple[str, str, int] | None:
    """(name, suffix, offset of name) when a subsection heading names an action programme
    (（二）实施“制造业提质”行动) or leads with a strategy slogan (（一）坚持工业强县，…)."""
    m = HEADING.match(section.title)
    if m:
        return m.group(1), m.group(2), section.start + m.start(1)
    m = SLOGAN_HEADING.match(section.title)
    if m:
        return m.group(1), "", section.start + m.start(1)
    q = re.search(r"“([^“”]{2,12})”", section.title)
    led = q and re.search(r"(打好|打响|打造|擦亮|叫响|唱响|做强|做优|做响|建设|创建|争创)$", section.title[: q.start()])
    if q and re.match(r"^[（(][一二三四五六七八九十]+[)）]", section.title) and (is_slogan(q.group(1)) or (led and not is_junk(q.group(1)))):
        return q.group(1), "", section.start + q.start(1)  # （一）…，加快建设“三城一谷”。
    return None


def extract(doc: Document, found: Extraction) -> Extraction:
    ex = Extraction()
    by_top: dict[str, list[str]] = {}
    for sec in doc.sections:
        if sec.kind != "subsection":
            continue
        hit = action_of(doc, sec)
        if hit is None:
            continue
        name, suffix, at = hit
        ev = mention(doc, at, at + len(name), "action-heading", 0.95)
        kind = "Action" if suffix else "Initiative"
        ex.candidates.append(Candidate(name, kind, ev, aliases=(name + suffix,) if suffix else ()))
        by_top.setdefault(sec.parent or "", []).append(name)
        if not suffix:
            continue  # a slogan leading a heading scopes the text, but its items are not its parts
        for item in (s for s in doc.sections if s.parent == sec.id and s.kind == "item"):
            title = ITEM_PREFIX.sub("", item.title).rstrip("。！；")
            if not title or len(title) > 30 or "，" in title:
                continue
            t0 = doc.text.find(title, item.start, item.end)
            tev = mention(doc, t0, t0 + len(title), "action-task", 0.85)
            ex.candidates.append(Candidate(title, "Task", tev))
            ex.relations.append(Relation("hasComponent", name, title, tev, "action-task", 0.85, item.ordinal))
    # 大力实施“八提”行动 + eight action headings
    for top_id, names in by_top.items():
        top = doc.section(top_id)
        if top is None:
            continue
        first_sub = min((s.start for s in doc.sections if s.parent == top_id and s.kind == "subsection"), default=top.end)
        announced = [
            (m, m.group(1), slogan_count(m.group(1)))
            for m in ANNOUNCE.finditer(doc.text, top.start, first_sub)
            if is_slogan(m.group(1))
        ] + [(m, m.group(1), cn_to_int(m.group(2))) for m in COUNTED_PROGRAMMES.finditer(doc.text, top.start, first_sub)]
        for m, slogan, count in announced:
            sev = mention(doc, m.start(1), m.end(1), "action-announcement", 0.9)
            suffix = m.group(2) if m.re is ANNOUNCE else ""
            aliases = (slogan + suffix,) if suffix else ()
            ex.candidates.append(Candidate(slogan, "Initiative", sev, aliases=aliases, declared_count=count))
            if count != len(names):
                ex.warnings.append(Warning("slogan-count", f"“{slogan}” announces {count} programmes but {len(names)} headings follow", m.start()))
                continue
            for i, name in enumerate(names):
                ex.relations.append(Relation("hasComponent", slogan, name, sev, "action-announcement", 0.9, i + 1))
    return ex
