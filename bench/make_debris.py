"""Make PDF-debris and GB18030 variants of our own clean test reports, deterministically.

Why: the pipeline must give the same graph for a report however it was extracted from a
PDF. Real extracted text (see data/000_0be72cd4c93cb315.txt) is hard-wrapped at about 30
characters with a blank line after every line, splits numbers across line breaks, carries
page-number lines (`— 3 —`, `- 4 -`, a lone `5`), starts a page with a stray space, and has
spaces around numbers and inside words. This script reproduces those defects from the clean
texts in tests/data/reports/ so the variants are reproducible; its outputs are committed.

    python bench/make_debris.py          # rewrite the variants
    python bench/make_debris.py --check  # exit 1 if a committed variant is stale
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

REPORTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "reports"
WIDTH = 30  # full-width cells per line, like the seed's PDF text
LINES_PER_PAGE = 23
# clean source stem → variants to write: (suffix, debris?, encoding)
VARIANTS: dict[str, list[tuple[str, bool, str]]] = {
    "linxi_county_2023": [
        (".debris.txt", True, "utf-8"),
        (".gb18030.txt", False, "gb18030"),
    ],
    "baichuan_district_2022": [
        (".debris.txt", True, "utf-8"),
    ],
    "yundu_city_2020": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    "jianglan_city_2024": [
        (".debris.txt", True, "utf-8"),
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    # held-out reports, written after the rules were tuned on the four above
    "chengzhou_city_2019": [
        (".debris.txt", True, "utf-8"),
    ],
    "tongze_county_2025": [
        (".debris.txt", True, "utf-8"),
        (".gb18030.txt", False, "gb18030"),
    ],
    # written blind by other sessions from the genre notes alone (their first-run scores are
    # in tests/data/heldout/README.md); the rules were then fixed on their misses
    "heshan_county_2023": [
        (".debris.txt", True, "utf-8"),
        (".gb18030.txt", False, "gb18030"),
    ],
    "fengqiao_city_2022": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    "beiyuan_district_2024": [
        (".debris.txt", True, "utf-8"),
    ],
    "nanxi_city_2025": [
        (".debris.txt", True, "utf-8"),
        (".gb18030.txt", False, "gb18030"),
    ],
    "yuxi_district_2022": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    "lanping_city_2023": [
        (".debris.txt", True, "utf-8"),
    ],
    "qinghe_county_2021": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    # second round of blind reports (first runs in tests/data/heldout/README.md)
    "shahe_county_2021": [
        (".debris.txt", True, "utf-8"),
        (".gb18030.txt", False, "gb18030"),
    ],
    "yunling_county_2022": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    "songling_district_2023": [
        (".debris.txt", True, "utf-8"),
    ],
    "haiyan_city_2024": [
        (".debris.gb18030.txt", True, "gb18030"),
        (".gb18030.txt", False, "gb18030"),
    ],
    # third round
    "wulan_banner_2023": [
        (".debris.txt", True, "utf-8"),
    ],
    "hongling_county_2020": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    # fifth round
    "rongwan_district_2023": [
        (".debris.txt", True, "utf-8"),
    ],
    "liutang_district_2021": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    # sixth round
    "songyuan_county_2022": [
        (".debris.txt", True, "utf-8"),
        (".gb18030.txt", False, "gb18030"),
    ],
    "baishi_county_2021": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    # seventh round
    "shiyang_county_2022": [
        (".debris.txt", True, "utf-8"),
    ],
    "tingxi_county_2023": [
        (".debris.gb18030.txt", True, "gb18030"),
        (".gb18030.txt", False, "gb18030"),
    ],
    # eighth round
    "minchuan_county_2023": [
        (".debris.txt", True, "utf-8"),
        (".gb18030.txt", False, "gb18030"),
    ],
    "lindu_city_2022": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    # ninth round
    "chenghu_zone_2023": [
        (".debris.txt", True, "utf-8"),
    ],
    "yanxi_county_2024": [
        (".debris.gb18030.txt", True, "gb18030"),
        (".gb18030.txt", False, "gb18030"),
    ],
    # tenth round
    "pulan_district_2023": [
        (".debris.txt", True, "utf-8"),
        (".gb18030.txt", False, "gb18030"),
    ],
    "chalong_county_2023": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    # eleventh round
    "eling_prefecture_2023": [
        (".debris.txt", True, "utf-8"),
        (".gb18030.txt", False, "gb18030"),
    ],
    "weiyang_district_2024": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
    # twelfth round
    "guhe_district_2023": [
        (".debris.txt", True, "utf-8"),
    ],
    "guiling_city_2019": [
        (".debris.gb18030.txt", True, "gb18030"),
        (".gb18030.txt", False, "gb18030"),
    ],
    # thirteenth round
    "jiayu_city_2020": [
        (".debris.txt", True, "utf-8"),
        (".gb18030.txt", False, "gb18030"),
    ],
    "hechuan_city_2016": [
        (".debris.gb18030.txt", True, "gb18030"),
    ],
}

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _space_numbers(paragraph: str, counter: list[int]) -> str:
    """Spaces around numbers, as PDF extraction leaves them: `达 380亿元`, `1.2 万箱`."""

    def repl(m: re.Match[str]) -> str:
        counter[0] += 1
        style = counter[0] % 4
        before = m.start() > 0 and _CJK.match(paragraph[m.start() - 1]) is not None
        after = m.end() < len(paragraph) and _CJK.match(paragraph[m.end()]) is not None
        text = m.group(0)
        if style == 1 and before:
            return " " + text
        if style == 2 and after:
            return text + " "
        if style == 3 and before and after:
            return " " + text + " "
        return text

    return _NUMBER.sub(repl, paragraph)


def _space_words(paragraph: str, counter: list[int]) -> str:
    """Now and then a space between two CJK characters (`地区生 产总值`)."""
    out: list[str] = []
    for i, ch in enumerate(paragraph):
        out.append(ch)
        nxt = paragraph[i + 1] if i + 1 < len(paragraph) else ""
        if _CJK.match(ch) and _CJK.match(nxt):
            counter[1] += 1
            if counter[1] % 97 == 0:
                out.append(" ")
    return "".join(out)


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _cut_at_width(text: str, width: int) -> int:
    """Index of the first character that no longer fits a line of ``width`` full-width cells."""
    used = 0
    for i, ch in enumerate(text):
        used += _width(ch)
        if used > 2 * width:
            return i
    return len(text)


def _wrap(paragraph: str, width: int) -> list[str]:
    """Hard-wrap at ``width`` full-width cells (digits and Latin count half, as on a PDF page);
    when a number straddles the cut, cut inside it (`4` | `12.6亿元`)."""
    lines: list[str] = []
    rest = paragraph
    while _cut_at_width(rest, width) < len(rest):
        cut = _cut_at_width(rest, width)
        for m in _NUMBER.finditer(rest):
            if m.start() < cut < m.end():
                break
            if m.start() < cut + 3 <= m.end() and len(m.group(0)) >= 3 and m.start() > 0:
                cut = m.start() + 1  # pull the cut back to split the number
                break
        while cut > 1 and "." in (rest[cut - 1], rest[cut]):
            cut -= 1  # never cut at a decimal point: `7` | `.8%` is not what PDFs do
        lines.append(rest[:cut].rstrip(" "))
        rest = rest[cut:].lstrip(" ")
    if rest:
        lines.append(rest)
    return lines


def _page_mark(page: int) -> str:
    return (f"— {page} —", f"- {page} -", f"{page}")[page % 3]


def make_debris(clean: str, width: int = WIDTH, lines_per_page: int = LINES_PER_PAGE) -> str:
    """The clean text as a PDF extractor would return it, wrapped at ``width`` full-width
    cells with a page number every ``lines_per_page`` lines."""
    counter = [0, 0]
    lines: list[str] = []
    for paragraph in clean.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        paragraph = _space_words(_space_numbers(paragraph, counter), counter)
        lines.extend(_wrap(paragraph, width))
    out: list[str] = []
    page = 1
    for i, line in enumerate(lines):
        if i and i % lines_per_page == 0:
            out.append(_page_mark(page))
            page += 1
            out.append(" " + line)  # the stray leading space of a page's first line
        else:
            out.append(line)
    return "\n\n".join(out) + "\n"


def _write(path: Path, data: bytes) -> None:
    """Atomic write: temp file in the same folder, then os.replace."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def variants() -> dict[Path, bytes]:
    """Every variant file and its exact bytes."""
    out: dict[Path, bytes] = {}
    for stem, specs in VARIANTS.items():
        clean = (REPORTS / f"{stem}.txt").read_text(encoding="utf-8")
        for suffix, debris, encoding in specs:
            text = make_debris(clean) if debris else clean
            out[REPORTS / f"{stem}{suffix}"] = text.encode(encoding)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the committed files")
    args = parser.parse_args()
    stale = 0
    for path, data in variants().items():
        current = path.read_bytes() if path.exists() else None
        if current == data:
            continue
        if args.check:
            print(f"stale: {path}", file=sys.stderr)
            stale += 1
        else:
            _write(path, data)
            print(f"wrote {path}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
