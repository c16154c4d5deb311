"""Chinese numerals ↔ integers, and the count a slogan's numerals announce."""

from __future__ import annotations

import re

DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUM = "一二两三四五六七八九十百千"


def cn_to_int(s: str) -> int:
    """一 → 1, 十 → 10, 十三 → 13, 二十六 → 26, 一百 → 100; Arabic digits pass through."""
    if s.isdigit():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in UNITS:
            total += (current or 1) * UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + current


_GROUP = re.compile(rf"([{CN_NUM}]+|\d+)([^{CN_NUM}\d]+)")


def slogan_groups(name: str) -> list[tuple[int, str]]:
    """三区两中心一枢纽 → [(3, '区'), (2, '中心'), (1, '枢纽')]; 六稳 → [(6, '稳')].
    Empty when the name does not start with a numeral."""
    groups: list[tuple[int, str]] = []
    pos = 0
    for m in _GROUP.finditer(name):
        if m.start() != pos:
            return []
        try:
            n = cn_to_int(m.group(1))
        except ValueError:
            return []
        label = m.group(2)
        if len(label) > 1 and label[0] in "个大项条种":  # 三个高地, 十大专班
            label = label[1:]
        groups.append((n, label))
        pos = m.end()
    if pos != len(name):
        return []
    return groups
