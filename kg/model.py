"""Plain data passed between pipeline stages. Offsets are half-open [start, end) into
``Document.text`` (the normalised text) and ``text[start:end] == surface`` always holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Section:
    """A structural unit: 一、 (level 1), （一）/lead (2), 一是 item (3), glossary (1)."""

    id: str  # "3", "3-2", "3-2-1", "g"
    kind: str  # section | subsection | lead | item | glossary | preamble
    level: int
    ordinal: int
    title: str  # heading text as written
    start: int  # heading start
    end: int  # end of the section's body
    parent: str | None = None


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    section: str | None  # innermost Section.id


@dataclass(frozen=True)
class Metadata:
    title: str = "政府工作报告"
    region: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    year: int | None = None
    meeting: str | None = None
    speaker: str | None = None
    speaker_role: str | None = None


@dataclass(frozen=True)
class GlossaryEntry:
    term: Span
    definition: Span
    ordinal: int


@dataclass(frozen=True)
class Document:
    doc_id: str
    source: Path
    sha256: str
    text: str
    metadata: Metadata
    paragraphs: tuple[Span, ...]
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    glossary: tuple[GlossaryEntry, ...]

    def section(self, section_id: str | None) -> Section | None:
        for s in self.sections:
            if s.id == section_id:
                return s
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def sections_at(self, offset: int) -> list[Section]:
        """Sections containing an offset, outermost first."""
        hits = [s for s in self.sections if s.start <= offset < s.end]
        return sorted(hits, key=lambda s: (s.level, s.start))


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name or fact in the text."""

    start: int
    end: int
    text: str
    rule: str
    confidence: float = 0.9


@dataclass
class Candidate:
    """An entity as an extractor sees it: a surface name, a class and where it was found."""

    name: str
    kind: str  # ontology class local name
    mention: Mention
    aliases: tuple[str, ...] = ()
    definition: str | None = None
    declared_count: int | None = None


@dataclass(frozen=True)
class Relation:
    """A relation between two names; ``resolve`` maps names to entities."""

    predicate: str  # hasComponent | involves | locatedIn | partOf | alignsWith
    subject: str
    object: str
    evidence: Mention
    rule: str
    confidence: float = 0.8
    ordinal: int | None = None


@dataclass(frozen=True)
class Measurement:
    indicator: str
    value: Decimal
    unit: str
    evidence: Mention  # the number and unit as written
    rule: str
    year: int | None = None
    is_target: bool = False
    qualifier: str | None = None
    change: str | None = None
    base_year: int | None = None
    about: str | None = None
    confidence: float = 0.8


@dataclass(frozen=True)
class Warning:
    """Something a human should review (slogan count mismatch, low confidence …)."""

    kind: str
    message: str
    offset: int | None = None


@dataclass
class Extraction:
    candidates: list[Candidate] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    def extend(self, other: Extraction) -> None:
        self.candidates.extend(other.candidates)
        self.relations.extend(other.relations)
        self.measurements.extend(other.measurements)
        self.warnings.extend(other.warnings)
