"""Loaders for the lexicon files (general domain knowledge, read once per process)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.resources import package_file


def _lines(name: str) -> list[list[str]]:
    text = package_file("lexicon", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


@dataclass(frozen=True)
class Lexicon:
    suffixes: tuple[tuple[str, str, float], ...]  # longest first
    list_heads: tuple[tuple[str, str], ...]  # longest first
    verbs: tuple[str, ...]  # longest first
    aliases: dict[str, tuple[str, str]]  # any name → (canonical, class)
    soe_prefixes: tuple[str, ...]
    strategies: dict[str, str]  # any name → canonical
    places: dict[str, str]  # name → kind
    generic: frozenset[str]
    descriptors: tuple[str, ...]
    industries: tuple[str, ...]


@lru_cache(maxsize=1)
def load() -> Lexicon:
    suffixes = sorted(
        ((r[0], r[1], float(r[2])) for r in _lines("suffixes.tsv")), key=lambda t: -len(t[0])
    )
    heads = sorted(((r[0], r[1]) for r in _lines("list_heads.tsv")), key=lambda t: -len(t[0]))
    verbs = sorted({r[0] for r in _lines("verbs.txt")}, key=lambda v: (-len(v), v))
    aliases: dict[str, tuple[str, str]] = {}
    for r in _lines("aliases.tsv"):
        names = [r[0], *[a for a in r[2].split("|") if a]] if len(r) > 2 else [r[0]]
        for n in names:
            aliases[n] = (r[0], r[1])
    strategies: dict[str, str] = {}
    for r in _lines("strategies.txt"):
        strategies[r[0]] = r[0]
        for a in (r[1].split("|") if len(r) > 1 else []):
            if a:
                strategies[a.strip("“”")] = r[0]
    places = {r[0]: (r[1] if len(r) > 1 else "place") for r in _lines("places.txt")}
    return Lexicon(
        suffixes=tuple(suffixes),
        list_heads=tuple(heads),
        verbs=tuple(verbs),
        aliases=aliases,
        soe_prefixes=tuple(r[0] for r in _lines("soe_prefixes.txt")),
        strategies=strategies,
        places=places,
        generic=frozenset(r[0] for r in _lines("generic.txt")),
        industries=tuple(sorted({r[0] for r in _lines("industries.txt")}, key=lambda w: (-len(w), w))),  # ties in a fixed order: sets iterate by hash
        descriptors=tuple(sorted({r[0] for r in _lines("descriptors.txt")}, key=lambda w: (-len(w), w))),
    )


def suffix_class(name: str) -> tuple[str, float] | None:
    """The class a name's ending implies, with the rule's confidence."""
    for suf, cls, conf in load().suffixes:
        if name.endswith(suf) and len(name) > len(suf):
            return cls, conf
    return None


def is_descriptive(text: str) -> bool:
    """True when ``text`` splits entirely into common descriptive words (红色教育)."""
    words = load().descriptors
    text = re.sub(r"\d+", "", text)  # 世界500强: numbers describe, they do not name
    if not text:
        return True
    ok = [False] * (len(text) + 1)
    ok[0] = True
    for i in range(len(text)):
        if not ok[i]:
            continue
        for w in words:
            if text.startswith(w, i):
                ok[i + len(w)] = True
    return ok[len(text)]
