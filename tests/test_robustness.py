"""Fragments and mangled copies of real reports never crash the pipeline, and every
mention still slices the text it claims to quote."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.api import build_report
from tests.conftest import SEED, TESTDATA


def _texts() -> list[str]:
    out = [SEED.read_text(encoding="utf-8")]
    for p in sorted((TESTDATA / "reports").glob("*.txt")):
        raw = p.read_bytes()
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("gb18030"))
    return out


def _mangle(seed: int) -> str:
    rng = random.Random(seed)
    texts = _texts()
    text = texts[seed % len(texts)]
    mode = seed % 4
    if mode == 0:  # a window of the text, cut anywhere
        a = rng.randrange(len(text))
        return text[a : a + rng.randrange(50, 3000)]
    if mode == 1:  # lines shuffled and dropped
        lines = text.split("\n")
        rng.shuffle(lines)
        return "\n".join(lines[: rng.randrange(1, len(lines))])
    if mode == 2:  # characters lost, as in bad PDF extraction
        return "".join(c for c in text if rng.random() > 0.05)
    return text.replace("。", "\n", rng.randrange(0, 50))  # hard breaks at sentence ends


@pytest.mark.parametrize("seed", range(12))
def test_mangled_reports_build(seed: int, tmp_path: Path) -> None:
    text = _mangle(seed)
    if not text.strip():
        pytest.skip("empty fragment")
    path = tmp_path / "fragment.txt"
    path.write_text(text, encoding="utf-8")
    result = build_report(path)
    for e in result.resolved.entities:
        for m in e.mentions:
            assert result.doc.text[m.start : m.end] == m.text
