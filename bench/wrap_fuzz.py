"""Rebuild each clean dev report from PDF-debris variants at other page layouts and list
the facts that differ from the clean graph.

Why: the committed debris variants wrap at one width, so a join rule can be right for them
and wrong one column over (a heading or a sentence that happens to fill its line). Real
PDFs come in every width; the graph must not depend on where a line happened to break.

    python bench/wrap_fuzz.py                     # every clean dev report, the default layouts
    python bench/wrap_fuzz.py -l 24x26 -l 30x23 tests/data/reports/guhe_district_2023.txt
    python bench/wrap_fuzz.py --show 6            # print up to 6 differing facts per case

Prints one line per report and layout (report, WIDTHxLINES, differing facts); exit status 1
when any layout of any report differs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from make_debris import REPORTS, make_debris

from kg.api import build_graph
from kg.evaluate import content_signature

# (full-width characters per line, lines per page): narrow to wide pages with page breaks at
# different places, so that most paragraph ends fall on a full line in some layout
LAYOUTS = [
    (20, 19), (21, 13), (22, 13), (23, 22), (24, 23), (25, 17), (26, 25), (27, 23), (28, 18),
    (29, 19), (30, 23), (31, 27), (32, 22), (33, 14), (35, 25), (36, 21), (38, 20), (40, 18), (44, 25),
]


def clean_reports() -> list[Path]:
    return sorted(p for p in REPORTS.glob("*.txt") if ".debris" not in p.name and ".gb18030" not in p.name)


def _layout(text: str) -> tuple[int, int]:
    width, _, lines = text.partition("x")
    return int(width), int(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path, help="clean reports (default: every clean dev report)")
    parser.add_argument("-l", "--layout", action="append", type=_layout, help="WIDTHxLINES, repeatable")
    parser.add_argument("--show", type=int, default=3, help="differing facts to print per case")
    args = parser.parse_args()
    differing = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.reports or clean_reports():
            clean = content_signature(build_graph(path))
            text = path.read_text(encoding="utf-8")
            for width, lines in args.layout or LAYOUTS:
                variant = Path(tmp) / f"{path.stem}.w{width}.txt"  # same stem: the report's name is read from it
                variant.write_text(make_debris(text, width, lines), encoding="utf-8")
                debris = content_signature(build_graph(variant))
                diff = sorted(debris ^ clean)
                differing += bool(diff)
                print(f"{path.stem}\t{width}x{lines}\t{len(diff)}", flush=True)
                for fact in diff[: args.show]:
                    print(f"    {'+' if fact in debris else '-'} {fact}")
    print(f"{differing} report layouts differ", file=sys.stderr)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
