"""Every further occurrence of a name found by an earlier rule, longest name first.

Rules find a name once, where its context gives it away (a list head, an alias
definition); this stage finds it everywhere else, so provenance and section-scoped
relations see all of its mentions. Goals and tasks are phrases, not names: not matched.
"""

from __future__ import annotations

import re

from kg.extract.common import mention
from kg.model import Candidate, Document, Extraction

MATCHED = ("Enterprise", "Organization", "Platform", "Place", "Strategy", "Project", "Initiative", "Action", "Award")


def extract(doc: Document, found: Extraction) -> Extraction:
    ex = Extraction()
    names: dict[str, Candidate] = {}
    for c in found.candidates:
        if c.kind not in MATCHED:
            continue
        for n in (c.name, *c.aliases):
            if len(n) >= 2 and n not in names:
                names[n] = c
    if not names:
        return ex
    already = {(c.mention.start, c.mention.end) for c in found.candidates}
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))))
    for m in pattern.finditer(doc.text):
        if (m.start(), m.end()) in already:
            continue
        c = names[m.group()]
        aliases = (m.group(),) if m.group() != c.name else ()
        ex.candidates.append(Candidate(c.name, c.kind, mention(doc, m.start(), m.end(), "name-match", 0.7), aliases=aliases))
    return ex
