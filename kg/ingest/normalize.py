"""Normalise raw report text: undo PDF debris and produce paragraphs.

PDF extraction hard-wraps lines at the page width, leaves page numbers on their own lines,
puts stray spaces inside numbers and words, and mixes quote styles. Everything here is a
pure function of the raw text, so a clean text and its PDF-debris variant normalise to the
same string whenever the wrap can be recovered.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from kg.model import Span
from kg.numerals import cn_to_int

# Characters that never need a space next to them in Chinese running text.
CJK = (
    r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\ufe30-\ufe4f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2022"
)
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{CJK}])[ \t]+|[ \t]+(?=[{CJK}])")
_PAGE_LINE = re.compile(
    r"^(?:"
    r"[-—–－‒─]{1,3}\s*\d{1,3}\s*[-—–－‒─]{1,3}"  # — 3 —, - 3 -
    r"|\d{1,3}"  # a lone page number
    r"|\d{1,3}\s*[-—–－‒─]{1,3}"  # 2 ——
    r"|[-—–－‒─]{1,3}\s*\d{1,3}"
    r"|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3}"
    r"|[（(]\s*(?:下转|上接)第[一二三四五六七八九十\d]+版\s*[)）]"
    r")$"
)
# …提出意见。 | 过去一年工作回顾: an unnumbered heading after a sentence that filled its line
_PLAIN_HEADING = re.compile(r"^[^，。；：！？,;:!?、“”]{2,20}(?:回顾|工作|任务|目标|安排|要求|展望|成就|部署|思路|举措)$")
# a line never starts a paragraph with closing punctuation (…冷凉气候生产 | 、在全国…)
_CLOSING = re.compile(r"^[、，。；：！？）」』”’》】〕,.;:!?)]")
# 第二 | 二、三产业增加值…: a list of numerals, not a heading 二、
_NUMERAL_LIST = re.compile(r"^[一二三四五六七八九十]、[一二三四五六七八九十][、产次]")
# 第三次会议文件 | （一）: the number of a congress document, not a heading
_DOC_NUMBER = re.compile(r"^[（(][一二三四五六七八九十\d]{1,2}[)）]$")
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章部分节]|——)"
)
# The speaker line of the title block (涧西区人民政府代区长 王烨) always starts a paragraph.
_SPEAKER = re.compile(r"^.{0,20}人民政府.{0,4}(?:区长|县长|市长|州长|旗长|盟长|省长|主席)")
# 各位代表！/ 各位代表，同志们： — the address to the deputies opens a paragraph (even after a full line)
_ADDRESS = re.compile(r"^各位代表[，,！!：:]")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def line_width(line: str) -> int:
    return sum(char_width(c) for c in line)


def clean_chars(text: str) -> str:
    """Character-level repairs that do not depend on layout."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_ZERO_WIDTH)
    text = text.replace("&nbsp;", " ").replace("\u00a0", " ").replace("\u3000", " ")
    out = []
    for ch in text:
        o = ord(ch)
        # Full-width ASCII letters and digits, ％ and ＋ become half-width; Chinese punctuation stays.
        if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A or ch in "％＋":
            out.append(chr(o - 0xFEE0))
        elif ch in "「『":
            out.append("“" if ch == "「" else "‘")
        elif ch in "」』":
            out.append("”" if ch == "」" else "’")
        else:
            out.append(ch)
    text = "".join(out)
    text = re.sub(r"(?<=\d)[．。](?=\d)", ".", text)  # 12．6 → 12.6
    text = re.sub(r"(?<=\d)\s*[∶︰]\s*(?=\d)", ":", text)  # ratio colons
    return text


def to_simplified(text: str) -> str:
    """Traditional → Simplified Chinese (OpenCC, offline), only for a text written in
    Traditional characters: converting a Simplified text would corrupt names (乾县 → 干县)."""
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if cjk < 20:
        return text
    import opencc  # imported here: most reports never need it

    converted = opencc.OpenCC("t2s").convert(text)
    changed = sum(1 for a, b in zip(text, converted, strict=False) if a != b)
    if len(converted) != len(text) or changed < 0.03 * cjk:
        return text
    return converted


def _straight_quotes(paragraph: str) -> str:
    """Pair straight double quotes inside a paragraph into “ and ”."""
    if '"' not in paragraph:
        return paragraph
    parts = paragraph.split('"')
    if len(parts) % 2 == 0:  # unbalanced: leave as is
        return paragraph
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append("“" if i % 2 == 0 else "”")
        out.append(part)
    return "".join(out)


def _is_wrapped(widths: list[int]) -> int | None:
    """The page width in display columns (the most common line width) if the text looks
    hard-wrapped, else None. Clean text has one line per paragraph and no dominant width."""
    if len(widths) < 8:
        return None
    common = Counter(w for w in widths if w >= 30)
    if not common:
        return None
    mode = max(common, key=lambda w: (common[w], w))
    hits = sum(n for v, n in common.items() if mode - 4 <= v <= mode + 4)
    if hits >= 0.35 * len(widths) and mode <= 120:
        return mode
    return None


def paragraphs(raw: str) -> list[str]:
    """Split raw text into paragraphs, re-joining hard-wrapped lines."""
    raw = to_simplified(raw)
    lines = [ln.strip(" \t") for ln in clean_chars(raw).split("\n")]
    lines = [ln for ln in lines if ln]
    marks = [int(m) for ln in lines if _PAGE_LINE.match(ln) for m in re.findall(r"\d+", ln)[:1]]
    kept = [
        ln
        for i, ln in enumerate(lines)
        if not _PAGE_LINE.match(ln)
        or (_continues_number(ln, lines[i + 1] if i + 1 < len(lines) else "") and not _in_page_run(int(ln), marks))
    ]
    indents = [ln for ln in clean_chars(raw).split("\n") if ln.strip()]  # same lines, raw indentation
    widths = [line_width(ln) for ln in kept]
    page_width = _is_wrapped(widths)
    flush = page_width is not None and _flush_starts(widths, page_width)
    # Paragraph indentation (two spaces or more at line start), when the source kept it.
    indented = {i for i, ln in enumerate(_nonblank(indents)) if re.match(r"^(?: {2,}|\t)", ln)}
    if page_width is None:
        paras = kept
    else:
        paras = []
        joins: list[list[int]] = []  # per paragraph: where a line that ran on was joined to the next
        buf = ""
        cuts: list[int] = []
        in_glossary = False
        for i, ln in enumerate(kept):
            in_glossary = in_glossary or bool(_GLOSSARY_HEAD.match(ln))
            if buf and (
                (
                    _HEADING_START.match(ln)
                    and not (_DOC_NUMBER.match(ln) and buf.endswith("文件"))
                    and not _NUMERAL_LIST.match(ln)
                )
                or (buf.endswith("。") and _PLAIN_HEADING.match(ln) and _ends_paragraph(ln, page_width))
                or _SPEAKER.match(ln) or _GLOSSARY_HEAD.match(ln) or _ADDRESS.match(ln)
                or (i in indented and len(indented) > 3)
            ):
                paras.append(buf)
                joins.append(cuts)
                buf, cuts = "", []
            if buf:
                if re.match(r"[A-Za-z]", buf[-1]) and re.match(r"[A-Za-z]", ln) and (
                    line_width(kept[i - 1]) < page_width or (buf[-1].islower() and ln[0].isupper())
                ):
                    buf += " "  # Mini | LED: the line broke at a space (a word cut in two fills the line, Smar | t)
                cuts.append(len(buf))
            buf += ln
            nxt = kept[i + 1] if i + 1 < len(kept) else ""
            if (
                (
                    _ends_paragraph(ln, page_width) or ln.endswith("会议上")
                    or (flush and _ends_early(ln, nxt, page_width))
                    or (buf == ln and _full_heading(ln, "".join(kept[i + 1 : i + 4])) and not (in_glossary and _BARE_ENTRY.match(ln)))
                )
                and not _continues_number(ln, nxt)
                and not _CLOSING.match(nxt)
            ) or _ENTRY_START.match(nxt) or (ln.endswith("。") and _PAREN_ENTRY.match(nxt)) or (
                in_glossary and ln.endswith("。") and (_QUOTED_ENTRY.match(nxt) or _GLOSSARY_TERM.match(nxt))
            ) or (ln.endswith("。") and _next_sibling(buf, nxt)):
                paras.append(buf)
                joins.append(cuts)
                buf, cuts = "", []
        if buf:
            paras.append(buf)
            joins.append(cuts)
        if flush:
            paras = _split_siblings(paras, joins)
    out: list[str] = []
    for p in _rejoin_wrapped_headings(paras):
        p = _SPACE_NEAR_CJK.sub("", p)
        p = re.sub(r"[ \t]{2,}", " ", p).strip()
        p = _straight_quotes(p)
        if p:
            out.append(p)
    return out


_FINAL = re.compile(r"[。！？：!?:][”’」』）)]*$")


def _ends_paragraph(line: str, page_width: int) -> bool:
    """A wrapped line ends its paragraph when it is clearly short, or when it ends a
    sentence without filling the line (PDF extraction loses the indent that would tell)."""
    width = line_width(line)
    if width < page_width - 6:
        return True
    return bool(_FINAL.search(line)) and width < page_width - 1


def _lead_key(paragraph: str) -> str | None:
    """The opening of a one-sentence lead (一年来，我们…增强。 → 一年来)."""
    m = re.match(r"^([^，。！？；：“”\s]{3,8})，[^。！？]{4,38}[。！]$", re.sub(r"\s+", "", paragraph))
    return m.group(1) if m else None


def _heading_family(paragraph: str) -> str | None:
    """（一） headings and 一、 headings are two families; —— runs are none."""
    if not _HEADING_START.match(paragraph) or paragraph.startswith("——"):
        return None
    return paragraph[0] if paragraph[0] in "（(第" else "、"


_SENTENCE_PUNCT = re.compile(r"[。；！？]")
_SENTENCE_END = re.compile(r"[。！？]")


def _split_siblings(paras: list[str], joins: list[list[int]]) -> list[str]:
    """Undo joins that the page width could not decide, by the report's own habits.

    A line that is exactly full and ends a heading or a sentence looks like any other full
    line. Where the neighbouring headings of the same kind stand as paragraphs of their own,
    a heading that filled its line is one too: （一）坚持生态优先，守护黄河上游生态安全 |
    持续推进…。 Where other paragraphs open with a lead of the same opening (这五年，…。 /
    一年来，我们…。), a lead that starts a line after a full one opens a paragraph, and where
    such leads stand alone, one that filled its line ends its paragraph."""
    status = [_heading_status(p, cuts) for p, cuts in zip(paras, joins, strict=True)]
    openers = Counter(k for p in paras if (k := _lead_key(_first_sentence(p))))
    alone = Counter(k for p in paras if (k := _lead_key(p)))
    out: list[str] = []
    for i, (p, cuts) in enumerate(zip(paras, joins, strict=True)):
        start = 0
        for j in cuts:
            seg, rest = p[start:j], p[j:]
            heading = start == 0 and status[i] == "joined" and _neighbours_alone(paras, status, i)
            lead = seg.endswith(("。", "！")) and (
                alone[_lead_key(seg) or ""] >= 2 or openers[_lead_key(_first_sentence(rest)) or ""] >= 2
            )
            if heading or lead:
                out.append(seg)
                start = j
        out.append(p[start:])
    return out


def _heading_status(p: str, cuts: list[int]) -> str | None:
    """alone: a heading paragraph; runs-on: a heading with its body after a full stop;
    joined: a heading that filled its line and was joined to what follows."""
    if _heading_family(p) is None:
        return None
    if not _SENTENCE_PUNCT.search(p) and len(p) <= HEADING_MAX:
        return "alone"
    if cuts and len(p[: cuts[0]]) <= HEADING_MAX and not re.search(r"[。；！？：:]", p[: cuts[0]]) and _CJK_START.match(p[cuts[0] :]):
        return "joined"
    return "runs-on"


def _neighbours_alone(paras: list[str], status: list[str | None], i: int) -> bool:
    """The headings numbered one before and one after (of the same kind, in the same run,
    and not themselves joined) stand alone, and there is at least one."""
    family, n = _heading_family(paras[i]), _heading_number(paras[i])
    seen = []
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(status):
            if status[k] is not None and _heading_family(paras[k]) == family:
                if _heading_number(paras[k]) == n + step and status[k] != "joined":
                    seen.append(status[k])
                break
            k += step
    return bool(seen) and all(x == "alone" for x in seen)


def _heading_number(paragraph: str) -> int:
    m = re.match(r"^[（(第]?([一二三四五六七八九十]+)", paragraph)
    return cn_to_int(m.group(1)) if m else 0


def _first_sentence(text: str) -> str:
    m = _SENTENCE_END.search(text)
    return text[: m.end()] if m else text


def _flush_starts(widths: list[int], page_width: int) -> bool:
    """Whether paragraphs start flush with the margin. A PDF that indents its paragraphs
    (the seed: first lines 52 columns on a 56-column page) makes every first line look
    short; one that does not lets a line end early only where its paragraph ends."""
    firsts = [
        widths[i + 1]
        for i in range(len(widths) - 2)
        if widths[i] < page_width - 6 and min(widths[i + 1], widths[i + 2]) >= page_width - 8
    ]
    if len(firsts) < 5:
        return False
    firsts.sort()
    return firsts[len(firsts) // 2] >= page_width - 2


# a line may start with these only when the line before it was full (no CJK char fitted)
_CJK_START = re.compile(r"^[\u4e00-\u9fff“‘（《【〔]")


def _ends_early(line: str, nxt: str, page_width: int) -> bool:
    """On a page whose paragraphs start flush, a line that leaves room for two more
    full-width characters before a line that starts with one has ended its paragraph:
    （二）坚持项目为王，增强经济发展后劲 | 强化项目建设。… (two, not one: a typesetter
    pushes a character down rather than start a line with punctuation). Before a number,
    room for the whole number: 一、2024年工作回顾 | 2024年是…"""
    width = line_width(line)
    if _CJK_START.match(nxt):
        return width <= page_width - 4
    number = _LEADING_NUMBER.match(nxt)
    if number and not line[-1:].isdigit():  # a number fits whole or is split: 4 | 12.6亿元
        return width <= page_width - line_width(number.group(0)) - 1
    return False


_LEADING_NUMBER = re.compile(r"^\d+(?:\.\d+)?%?")


_PUNCT = re.compile(r"[，。：；！？、,.:;!?]")


def _rejoin_wrapped_headings(paras: list[str]) -> list[str]:
    """A numbered heading wrapped onto a short second line (…发展 / 主要任务目标) is one heading."""
    out: list[str] = []
    for p in paras:
        prev = out[-1] if out else ""
        if (
            prev
            and _HEADING_START.match(prev)
            and not prev.startswith("——")
            and len(prev) <= 40
            and not _PUNCT.search(prev[-1])
            and len(p) <= 12
            and not _PUNCT.search(p)
            and not _HEADING_START.match(p)
        ):
            out[-1] = prev + p
        else:
            out.append(p)
    return out


# 8、“五个一批”：…, 16.“双循环”：… — a numbered glossary entry starts its own paragraph
_ENTRY_START = re.compile(r"^(?:\d{1,2}\s*[、.．]|[①-⑳])\s*(?:“|[\u4e00-\u9fff])")
# after a sentence that fills its line, （2）“2+4”…：… (a glossary entry numbered in brackets)
# starts a paragraph of its own
_PAREN_ENTRY = re.compile(r"^[（(〔\[【]\d{1,2}[)）〕\]】]\s*(?:“|[\u4e00-\u9fff])")
# in the glossary, after a sentence that fills its line, “1+N”黑土地保护政策体系：… or 【三旧】：…
# (or 【五个一批】指…) starts the next entry (in the body, “四新”是：… may go on the same paragraph)
_QUOTED_ENTRY = re.compile(r"^(?:(?:“[^”]{1,24}”|【[^】]{1,24}】)[^：:。，；“—]{0,16}?(?:[：:]|是指|——)|【[^】]{1,24}】(?:是?指|即))")
# in the glossary, after a sentence that fills its line, 放管服：… or 河长制——… (an unquoted term)
# or 11. 15分钟社区生活圈——… (a numbered term that starts with a digit) starts the next entry
_GLOSSARY_TERM = re.compile(
    r"^(?:(?!其中|包括|主要|具体|分别|例如|比如|即)[\u4e00-\u9fffA-Za-z\d+“”]{2,14}(?:[：:]|——)|\d{1,2}[、.．]\s*\d)"
)
_GLOSSARY_HEAD = re.compile(r"^(?:(?:附件?[一二三\d]?[：:]?\s*)?(?:名词解释|名词注释|名词说明|术语解释)|(?:附件?[一二三\d]?[：:]?\s*)?注释[：:]?$|附件[一二三\d]?[：:]?$)")
# in the glossary, （一）一主六双：… — an entry whose term is not quoted; it is no heading
_BARE_ENTRY = re.compile(r"^[（(][一二三四五六七八九十\d]+[)）]\s*[^，。；：:“”]{2,16}[：:]")
HEADING_MAX = 45
_NUMBERED_ENTRY = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)\s*“[^”]{1,24}”[^，。；]{0,12}[：:]")
_ITEM = re.compile(r"^([一二三四五六七八九十])是")
# a paragraph opened by a named programme: 实施“高原旅游振兴”行动，…
_PROGRAMME_LEAD = re.compile(r"^([\u4e00-\u9fff]{2})“[^”]{2,16}”[\u4e00-\u9fff]{0,6}(?:行动|工程|计划|战略|活动)[，。]")
# a run-in lead sentence (推进开发区提质增效。深化…) opens its paragraph
_LEAD_SENTENCE = re.compile(r"^[\u4e00-\u9fff“”]{4,12}。")
_LEAD_VERB = re.compile(
    r"^(?:推进|加快|强化|建设|推动|深化|实施|做强|做优|做大|做靓|做精|打造|提升|促进|完善|优化|培育|发展|坚持|扩大|加强|"
    r"着力|大力|积极|统筹|筑牢|守牢|增进|保障|擦亮|壮大|激发|释放|构建|健全|提高|巩固|稳定|抓好|办好|建好|繁荣)"
)


def _next_sibling(buf: str, nxt: str) -> bool:
    """After a sentence that fills its line, the next item of a run (五是… | 六是…), the next
    run-in lead (建设冷链物流枢纽。… | 强化交通互联互通。…) or the next named programme
    (实施“A”行动，… | 实施“B”工程，…) starts a paragraph when the current paragraph opened the
    same way."""
    a, b = _ITEM.match(buf), _ITEM.match(nxt)
    if a and b:
        order = "一二三四五六七八九十"
        return order.find(b.group(1)) == order.find(a.group(1)) + 1
    a, b = _PROGRAMME_LEAD.match(buf), _PROGRAMME_LEAD.match(nxt)
    if a and b and a.group(1) == b.group(1):
        return True  # 实施“高原旅游振兴”行动，… | 实施“民族手工艺振兴”工程，…
    return bool(_LEAD_SENTENCE.match(nxt) and (_LEAD_SENTENCE.match(buf) or _LEAD_VERB.match(nxt)))


def _full_heading(line: str, nxt: str) -> bool:
    """A numbered heading that exactly fills its line ends there when reading on would make
    its first sentence longer than any heading: （六）坚持生态优先，…高质量发展 | 深入打好…。"""
    if not _HEADING_START.match(line) or line.startswith("——") or re.search(r"[。；！？]", line):
        return False
    if _NUMBERED_ENTRY.match(line) or re.search(r"[：:]", line):
        return False  # （二）“十大战略”：…, 八、高原夏菜：…: a glossary entry, not a heading
    first = re.split(r"[。；！？]", nxt, maxsplit=1)
    return len(first) > 1 and len(line) + len(first[0]) > HEADING_MAX


def _in_page_run(n: int, marks: list[int]) -> bool:
    """A lone number that continues the run of page numbers (— 10 —, 11, - 12 -) is one of them."""
    return n - 1 in marks or n + 1 in marks


def _continues_number(line: str, nxt: str) -> bool:
    """A lone digit line followed by a line starting with a digit is a wrapped number
    (4 / 12.6亿元), not a page number."""
    return line.isdigit() and bool(re.match(r"^[\d.]", nxt))


def _nonblank(lines: list[str]) -> list[str]:
    return [ln for ln in lines if ln.strip() and not _PAGE_LINE.match(ln.strip())]


def normalise(raw: str) -> tuple[str, tuple[Span, ...]]:
    """The normalised text (paragraphs joined by newlines) and each paragraph's span."""
    spans: list[Span] = []
    pos = 0
    parts = []
    for p in paragraphs(raw):
        spans.append(Span(pos, pos + len(p), p))
        parts.append(p)
        pos += len(p) + 1
    return "\n".join(parts), tuple(spans)
