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
    # Paragraph indentation (two spaces or more at line start), when the source kept it.
    indented = {i for i, ln in enumerate(_nonblank(indents)) if re.match(r"^(?: {2,}|\t)", ln)}
    if page_width is None:
        paras = kept
    else:
        paras = []
        buf = ""
        in_glossary = False
        for i, ln in enumerate(kept):
            in_glossary = in_glossary or bool(_GLOSSARY_HEAD.match(ln))
            if buf and (
                _HEADING_START.match(ln) or _SPEAKER.match(ln) or _GLOSSARY_HEAD.match(ln) or _ADDRESS.match(ln)
                or (i in indented and len(indented) > 3)
            ):
                paras.append(buf)
                buf = ""
            buf += ln
            nxt = kept[i + 1] if i + 1 < len(kept) else ""
            if (
                (
                    _ends_paragraph(ln, page_width) or ln.endswith("会议上")
                    or (buf == ln and _full_heading(ln, "".join(kept[i + 1 : i + 4])) and not (in_glossary and _BARE_ENTRY.match(ln)))
                )
                and not _continues_number(ln, nxt)
            ) or _ENTRY_START.match(nxt) or (ln.endswith("。") and _PAREN_ENTRY.match(nxt)) or (
                in_glossary and ln.endswith("。") and _QUOTED_ENTRY.match(nxt)
            ) or (ln.endswith("。") and _next_sibling(buf, nxt)):
                paras.append(buf)
                buf = ""
        if buf:
            paras.append(buf)
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
_QUOTED_ENTRY = re.compile(r"^(?:(?:“[^”]{1,24}”|【[^】]{1,24}】)[^：:。，；“]{0,16}?(?:[：:]|是指)|【[^】]{1,24}】(?:是?指|即))")
_GLOSSARY_HEAD = re.compile(r"^(?:(?:附件?[一二三\d]?[：:]?\s*)?(?:名词解释|名词注释|名词说明|术语解释)|(?:附件?[一二三\d]?[：:]?\s*)?注释[：:]?$|附件[一二三\d]?[：:]?$)")
# in the glossary, （一）一主六双：… — an entry whose term is not quoted; it is no heading
_BARE_ENTRY = re.compile(r"^[（(][一二三四五六七八九十\d]+[)）]\s*[^，。；：:“”]{2,16}[：:]")
HEADING_MAX = 45
_NUMBERED_ENTRY = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)\s*“[^”]{1,24}”[^，。；]{0,12}[：:]")
_ITEM = re.compile(r"^([一二三四五六七八九十])是")
# a run-in lead sentence (推进开发区提质增效。深化…) opens its paragraph
_LEAD_SENTENCE = re.compile(r"^[\u4e00-\u9fff“”]{4,12}。")
_LEAD_VERB = re.compile(
    r"^(?:推进|加快|强化|建设|推动|深化|实施|做强|做优|做大|做靓|做精|打造|提升|促进|完善|优化|培育|发展|坚持|扩大|加强|"
    r"着力|大力|积极|统筹|筑牢|守牢|增进|保障|擦亮|壮大|激发|释放|构建|健全|提高|巩固|稳定|抓好|办好|建好|繁荣)"
)


def _next_sibling(buf: str, nxt: str) -> bool:
    """After a sentence that fills its line, the next item of a run (五是… | 六是…) or the next
    run-in lead (建设冷链物流枢纽。… | 强化交通互联互通。…) starts a paragraph when the current
    paragraph opened the same way."""
    a, b = _ITEM.match(buf), _ITEM.match(nxt)
    if a and b:
        order = "一二三四五六七八九十"
        return order.find(b.group(1)) == order.find(a.group(1)) + 1
    return bool(_LEAD_SENTENCE.match(nxt) and (_LEAD_SENTENCE.match(buf) or _LEAD_VERB.match(nxt)))


def _full_heading(line: str, nxt: str) -> bool:
    """A numbered heading that exactly fills its line ends there when reading on would make
    its first sentence longer than any heading: （六）坚持生态优先，…高质量发展 | 深入打好…。"""
    if not _HEADING_START.match(line) or line.startswith("——") or re.search(r"[。；！？]", line):
        return False
    if _NUMBERED_ENTRY.match(line):
        return False  # （二）“十大战略”：…, 三、“两不愁三保障”：指…: a glossary entry, not a heading
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
