"""Document structure: metadata, sections, enumerated items, sentences, glossary.

Works on normalised paragraphs. Numbered headings are accepted only in sequence
(一、 then 二、 …), so a stray 一、 inside running text does not open a section.
"""

from __future__ import annotations

import re

from kg.model import GlossaryEntry, Metadata, Section, Sentence, Span
from kg.numerals import cn_to_int

_NUM = "一二三四五六七八九十"
SECTION_RE = re.compile(rf"^([{_NUM}]+)、")
SUBSECTION_RE = re.compile(rf"^[（(]([{_NUM}]+)[)）]")
ITEM_RE = re.compile(rf"(?<![{_NUM}])([{_NUM}]{{1,3}})是(?=[^，。；、]{{2}})")
GLOSSARY_RE = re.compile(r"名\s*词\s*解\s*释|注\s*释\s*[：:]?$|^附[：:]?.*解释|^附\s*件\s*[一二三\d]?\s*[：:]?$")
LEAD_RE = re.compile(r"^[^。！？]{6,40}[。！]$")
SENT_END = re.compile(r"[。！？!?]+[”’」』）)]*")
DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE_RE = re.compile(r"([〇○零一二三四五六七八九]{4})年([十一二]{1,3})月([十一二三]{0,2}[一二三四五六七八九十])日")
ROLE_RE = re.compile(
    r"((?:代理|代)?(?:区长|县长|市长|州长|旗长|盟长|省长|主席|镇长|乡长)|管委会(?:常务副)?主任)\s*[:：]?\s*([\u4e00-\u9fff·]{2,4})?\s*$"
)
GOV_RE = re.compile(r"^(.{2,20}?)(?:人民政府|党工委|管委会|管理委员会)")
MEETING_RE = re.compile(r"在(.{2,30}?)第([一二三四五六七八九十\d]+)届人民代表大会")
ADMIN_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|自治县|新区|省|市|区|县|旗|州|盟)")
OPENING_RE = re.compile(r"^各位代表")
# 1、“三区”是指…, “三区”，指…, 1. 三区——指…: entries without a colon
ENTRY_ALT = re.compile(
    r"^(?:[\[〔【(（]?\d{1,2}(?![+＋])[\]〕】)）]?[、.．]?\s*|[①-⑳]\s*|[一二三四五六七八九十]{1,3}、\s*|[(（][一二三四五六七八九十]{1,3}[)）]\s*)?"
    r"(“[^“”]{1,24}”[^：:。，；“”\s]{0,12}?|[^：:。，；“”\s]{2,12}?)\s*[，,]?\s*(?:——|—|是(?=指)|(?=指|即))(.+)$"
)
ENTRY_RE = re.compile(
    r"^(?:[\[〔【(（]?\d{1,2}(?![+＋])[\]〕】)）]?[、.．]?\s*|[①-⑳]\s*|[一二三四五六七八九十]{1,3}、\s*|[(（][一二三四五六七八九十]{1,3}[)）]\s*)?"
    r"([“\"]?[^：:。，；]{1,24}?[”\"]?[^：:。，；]{0,12}?)\s*[：:]\s*(.+)$"
)


def _cn_digit_year(s: str) -> int:
    digits = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    return int("".join(str(digits[c]) for c in s))


def metadata(paras: tuple[Span, ...]) -> Metadata:
    """Title block facts from the paragraphs before the opening formula (各位代表)."""
    head: list[str] = []
    for p in paras[:15]:
        if OPENING_RE.match(p.text):
            break
        head.append(p.text)
    title = "政府工作报告"
    date = year = meeting = speaker = role = region = None
    for line in head:
        compact = line.replace(" ", "")
        if "政府工作报告" in compact and len(compact) <= 30 and title == "政府工作报告":
            title = compact
        is_meeting = "人民代表大会" in compact and "会议" in compact and "文件" not in compact
        # a development zone's 管委会 reports to a work conference: ——在2023年澄湖高新区工作会议上的报告
        is_meeting = is_meeting or bool(re.match(r"^[—\-─–]*在.{2,40}(?:会议|大会)上", compact) and "文件" not in compact)
        if is_meeting and (meeting is None or (DATE_RE.search(compact) and date is None)):
            meeting = re.sub(r"^[—\-─–\s]+", "", compact)
            m = DATE_RE.search(compact)
            if m:
                y, mo, d = (int(g) for g in m.groups())
                date, year = f"{y:04d}-{mo:02d}-{d:02d}", y
            else:
                c = CN_DATE_RE.search(compact)
                if c:
                    y = _cn_digit_year(c.group(1))
                    date = f"{y:04d}-{cn_to_int(c.group(2)):02d}-{cn_to_int(c.group(3)):02d}"
                    year = y
            mm = MEETING_RE.search(compact)
            if mm and region is None:
                units = ADMIN_RE.findall(mm.group(1))
                region = units[-1] if units else mm.group(1)
        m = ROLE_RE.search(compact)
        if m and role is None and len(compact) <= 40:
            role = m.group(1)
            speaker = m.group(2)
            g = GOV_RE.match(compact)
            if g:
                units = ADMIN_RE.findall(g.group(1))
                region = units[-1] if units else g.group(1)
    if date is None:  # （2023年2月8日）: the date on a line of its own under the meeting line
        for line in head:
            m = re.fullmatch(r"[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日[)）]?", line.replace(" ", ""))
            if m:
                y, mo, d = (int(g) for g in m.groups())
                date, year = f"{y:04d}-{mo:02d}-{d:02d}", y
                break
    if year is None:
        m = re.search(r"(\d{4})年", title) or re.search(r"在(\d{4})年", meeting or "")
        if m:
            year = int(m.group(1))
    return Metadata(
        title=title, region=region, date=date, year=year, meeting=meeting,
        speaker=speaker, speaker_role=role,
    )


def _heading_title(text: str, limit: int = 60) -> tuple[str, bool]:
    """Heading text and whether the body runs on in the same paragraph."""
    m = re.search(r"[。！]", text)
    if m and m.end() < len(text):
        return text[: m.end()], True
    return (text if len(text) <= limit else text[:limit]), False


def sections(text: str, paras: tuple[Span, ...]) -> tuple[Section, ...]:
    """Sections (一、), subsections (（一）), lead paragraphs, items (一是) and the glossary."""
    out: list[Section] = []
    # 1. level-1 sections and the glossary, in sequence
    tops: list[tuple[int, int, str, str, int]] = []  # (start, ordinal, kind, title, title_end)
    expected = 1
    glossary_at: int | None = None
    for p in paras:
        if glossary_at is None and GLOSSARY_RE.search(p.text) and len(p.text) <= 30:
            glossary_at = p.start
            tops.append((p.start, 0, "glossary", p.text, p.end))
            continue
        m = SECTION_RE.match(p.text)
        if m and glossary_at is None:
            n = cn_to_int(m.group(1))
            title, _ = _heading_title(p.text)
            if n == expected and len(title) <= 60:
                tops.append((p.start, n, "section", title, p.start + len(title)))
                expected += 1
    tops = sorted(tops + _unnumbered_headings(paras, tops, glossary_at), key=lambda t: t[0])
    for i, (start, n, kind, title, _) in enumerate(tops):
        end = tops[i + 1][0] - 1 if i + 1 < len(tops) else len(text)
        sid = "g" if kind == "glossary" else (str(n) if n else f"u{i + 1}")
        out.append(Section(sid, kind, 1, n, title, start, end, None))
    # 2. subsections and leads inside each level-1 section
    for top in [s for s in out if s.kind == "section"]:
        inner = [p for p in paras if top.start < p.start < top.end]
        subs: list[tuple[int, int, str, str]] = []
        exp = 1
        for p in inner:
            m = SUBSECTION_RE.match(p.text)
            if m and cn_to_int(m.group(1)) == exp:
                title, _ = _heading_title(p.text)
                subs.append((p.start, exp, "subsection", title))
                exp += 1
        if not subs:  # standalone lead sentences act as headings
            for k, p in enumerate(inner):
                nxt = inner[k + 1] if k + 1 < len(inner) else None
                if LEAD_RE.match(p.text) and nxt is not None and len(nxt.text) > len(p.text):
                    subs.append((p.start, len(subs) + 1, "lead", p.text))
        for j, (start, n, kind, title) in enumerate(subs):
            end = subs[j + 1][0] - 1 if j + 1 < len(subs) else top.end
            if kind == "lead":  # a lead sentence's scope stops at the next 各位代表 address
                address = next((p.start for p in inner if start < p.start < end and OPENING_RE.match(p.text)), None)
                end = address - 1 if address is not None else end
            out.append(Section(f"{top.id}-{n}", kind, 2, n, title, start, end, top.id))
    # 3. items 一是…二是… inside the innermost section
    for parent in [s for s in out if s.level == 2] + [
        s for s in out if s.level == 1 and s.kind == "section" and not any(c.parent == s.id for c in out)
    ]:
        body = text[parent.start : parent.end]
        expect = 1
        marks: list[tuple[int, int]] = []
        for m in ITEM_RE.finditer(body):
            n = cn_to_int(m.group(1))
            if n == expect:
                marks.append((parent.start + m.start(), n))
                expect += 1
        if len(marks) < 2:
            continue
        for j, (start, n) in enumerate(marks):
            end = marks[j + 1][0] if j + 1 < len(marks) else _para_end(paras, start, parent.end)
            title, _ = _heading_title(text[start:end], limit=40)
            out.append(Section(f"{parent.id}-{n}", "item", parent.level + 1, n, title, start, end, parent.id))
    out.sort(key=lambda s: (s.start, s.level))
    return tuple(out)


UNNUMBERED = re.compile(r"(回顾|工作|任务|目标|安排|要求|建设|展望|成就|部署|思路|举措)$")


def _unnumbered_headings(
    paras: tuple[Span, ...], tops: list[tuple[int, int, str, str, int]], glossary_at: int | None
) -> list[tuple[int, int, str, str, int]]:
    """Plain heading lines (过去一年工作回顾, 今年目标任务) in reports whose top-level
    headings carry no number: short, no sentence punctuation, ending like a heading."""
    opening = next((p.start for p in paras if OPENING_RE.match(p.text)), None)
    if opening is None:
        return []
    numbered = [t[0] for t in tops if t[2] == "section"]
    out = []
    for p in paras:
        if p.start <= opening or (glossary_at is not None and p.start >= glossary_at):
            continue
        if numbered and p.start > numbered[0]:
            break  # once numbered headings start, they carry the structure
        text = p.text
        if 4 <= len(text) <= 24 and not re.search(r"[，。；：！？,;:!?、]", text) and UNNUMBERED.search(text):
            out.append((p.start, 0, "section", text, p.end))
    return out


def _para_end(paras: tuple[Span, ...], offset: int, limit: int) -> int:
    for p in paras:
        if p.start <= offset < p.end:
            return min(p.end, limit)
    return limit


def sentences(text: str, paras: tuple[Span, ...], secs: tuple[Section, ...]) -> tuple[Sentence, ...]:
    """Sentences split at 。！？ (keeping closing quotes) and at paragraph ends."""
    out: list[Sentence] = []
    for p in paras:
        pos = p.start
        for m in SENT_END.finditer(p.text):
            end = p.start + m.end()
            if end > pos:
                out.append(_sentence(len(out), pos, end, text, secs))
            pos = end
        if pos < p.end:
            out.append(_sentence(len(out), pos, p.end, text, secs))
    return tuple(out)


def _sentence(i: int, start: int, end: int, text: str, secs: tuple[Section, ...]) -> Sentence:
    inner = [s for s in secs if s.start <= start < s.end]
    sid = max(inner, key=lambda s: (s.level, s.start)).id if inner else None
    return Sentence(i, start, end, text[start:end], sid)


def glossary(text: str, paras: tuple[Span, ...], secs: tuple[Section, ...]) -> tuple[GlossaryEntry, ...]:
    """Entries `term：definition` of the 名词解释 section."""
    g = next((s for s in secs if s.kind == "glossary"), None)
    if g is None:
        return ()
    out: list[GlossaryEntry] = []
    for p in paras:
        if not (g.start < p.start <= g.end):
            continue
        m = ENTRY_RE.match(p.text) or ENTRY_ALT.match(p.text)
        if not m:
            continue
        term = m.group(1).strip()
        t0 = p.start + m.start(1)
        t0 += len(m.group(1)) - len(m.group(1).lstrip())
        if term.startswith(("【", "〖", "[")) and term.endswith(("】", "〗", "]")) and len(term) > 2:
            term, t0 = term[1:-1], t0 + 1  # 【三旧】：旧城镇…: the brackets mark the term, like quotes
        d0 = p.start + m.start(2)
        out.append(
            GlossaryEntry(Span(t0, t0 + len(term), term), Span(d0, p.end, text[d0 : p.end]), len(out) + 1)
        )
    return tuple(out)
