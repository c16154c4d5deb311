"""Typed-entity precision judged by reading, as issue 3 asks ("judged by reading them").

A gold file only knows what its annotator listed; a real name the annotator left out counts
as a false positive there. This script lets a reader judge every typed entity kg built
(Enterprise, Organization, Project, Platform, Place) with the sentence that states it:

    python bench/typed_precision.py export data/000_0be72cd4c93cb315.txt judged.tsv
    # a reader fills the verdict column: ok | type | junk
    python bench/typed_precision.py score data/000_0be72cd4c93cb315.txt judged.tsv

`ok` = a real named thing of that class; `type` = a real name with the wrong class;
`junk` = not a name (a clause, a fragment, a category). Precision = ok / judged. Entities
the file does not judge yet are counted and listed, so a stale judgement file shows.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

TYPED = ("Enterprise", "Organization", "Project", "Platform", "Place")
FIELDS = ("class", "label", "aliases", "sentence", "verdict")


def typed_entities(report: Path) -> list[dict[str, str]]:
    from kg.api import build_report

    result = build_report(report)
    doc = result.doc
    rows = []
    for ent in result.resolved.entities:
        if ent.kind not in TYPED:
            continue
        first = ent.mentions[0] if ent.mentions else None
        sent = doc.sentence_at(first.start) if first else None
        text = doc.text[sent.start : sent.end] if sent else ""
        rows.append({"class": ent.kind, "label": ent.label, "aliases": "|".join(ent.aliases), "sentence": text.strip(), "verdict": ""})
    return sorted(rows, key=lambda r: (r["class"], r["label"]))


def export(report: Path, out: Path) -> int:
    rows = typed_entities(report)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, FIELDS, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} typed entities → {out}")
    return 0


def score(report: Path, judged: Path) -> int:
    with judged.open(encoding="utf-8", newline="") as fh:
        verdicts = {(r["class"], r["label"]): r["verdict"].strip() for r in csv.DictReader(fh, delimiter="\t")}
    rows = typed_entities(report)
    counts = {"ok": 0, "type": 0, "junk": 0}
    unjudged = []
    for r in rows:
        v = verdicts.get((r["class"], r["label"]), "")
        if v in counts:
            counts[v] += 1
        else:
            unjudged.append(f"{r['label']} [{r['class']}]")
    judged_n = sum(counts.values())
    precision = counts["ok"] / judged_n if judged_n else float("nan")
    print(f"{report.name}: typed entities {len(rows)}, judged {judged_n}, ok {counts['ok']}, "
          f"wrong class {counts['type']}, junk {counts['junk']} → precision {precision:.3f}")
    if unjudged:
        print(f"not judged yet ({len(unjudged)}): " + ", ".join(unjudged))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export", help="write the typed entities of REPORT to judge")
    e.add_argument("report", type=Path)
    e.add_argument("out", type=Path)
    s = sub.add_parser("score", help="precision of REPORT's typed entities against a judged file")
    s.add_argument("report", type=Path)
    s.add_argument("judged", type=Path)
    args = parser.parse_args()
    return export(args.report, args.out) if args.cmd == "export" else score(args.report, args.judged)


if __name__ == "__main__":
    sys.exit(main())
