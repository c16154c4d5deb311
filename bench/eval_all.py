"""Print the `kg eval` table for every gold file in tests/data/gold/ and each report variant.

Why: one command regenerates the accuracy figures quoted in the README, so they never drift
from the code. For each gold file it builds the clean report and every variant next to it
(`<stem>.debris.txt`, `<stem>.gb18030.txt`, …) in memory, scores them, and says whether the
variant's graph equals the clean graph (offsets aside).

    python bench/eval_all.py                  # summary table (recall/precision per category)
    python bench/eval_all.py --detail         # plus the full per-category table of each report
    python bench/eval_all.py --markdown       # summary as a Markdown table for the README
    python bench/eval_all.py --heldout        # only the held-out reports (tests/data/heldout/)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
HELDOUT = ROOT / "tests" / "data" / "heldout"
SOURCES = (ROOT / "data", ROOT / "tests" / "data" / "reports", HELDOUT)


def report_paths(gold_report: str) -> list[Path]:
    """The clean source named by a gold file, then its variants, sorted."""
    stem = Path(gold_report).stem
    for folder in SOURCES:
        clean = folder / gold_report
        if clean.exists():
            variants = sorted(p for p in folder.glob(f"{stem}.*.txt") if p != clean)
            return [clean, *variants]
    return []


def main() -> int:
    from kg.api import build_graph
    from kg.evaluate import content_signature, evaluate_graph, format_table, load_gold

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="print each report's full table")
    parser.add_argument("--markdown", action="store_true", help="summary as a Markdown table")
    parser.add_argument("--show", default="none", choices=["misses", "fp", "all", "none"])
    parser.add_argument("--heldout", action="store_true", help="score tests/data/heldout/ instead")
    args = parser.parse_args()

    cats = ("entities", "entities/typed", "components", "relations", "measurements", "overall")
    rows: list[list[str]] = []
    folder = HELDOUT if args.heldout else GOLD
    for gold_path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.json")):
        gold = load_gold(gold_path)
        paths = report_paths(gold.report or "")
        if not paths:
            print(f"{gold_path.name}: report {gold.report} not found", file=sys.stderr)
            continue
        clean_sig = None
        for path in paths:
            graph = build_graph(path)
            res = evaluate_graph(gold, graph, str(path.relative_to(ROOT)))
            sig = content_signature(graph)
            if clean_sig is None:
                clean_sig, same = sig, "–"
            else:
                diff = len(sig ^ clean_sig)
                same = "yes" if diff == 0 else f"no ({diff} facts differ)"
            cells = [path.name]
            for c in cats:
                row = res.overall if c == "overall" else res.row(c)
                r, p = row.recall, row.precision
                cells.append(f"{'–' if r is None else f'{r:.2f}'} / {'–' if p is None else f'{p:.2f}'}")
            cells += [f"{res.junk_rate:.1%}", same]
            rows.append(cells)
            if args.detail:
                print(format_table(res, args.show))
                print()
    head = ["report", *[f"{c} R / P" for c in cats], "junk", "graph = clean"]
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for cells in rows:
            print("| " + " | ".join(cells) + " |")
    else:
        widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
        for cells in [head, *rows]:
            print("  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
