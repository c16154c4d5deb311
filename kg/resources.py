"""Files kg reads at run time, found both in an installed wheel and in a source checkout.

The wheel carries ``ontology/`` as ``kg/_ontology`` (hatch force-include); an editable
install or a plain checkout reads the top-level ``ontology/`` folder instead.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kg.errors import InputError

# Turtle files `kg build` writes next to the report graphs that are not report graphs.
NOT_REPORT_GRAPHS = frozenset({"kg.ttl", "shapes.ttl"})


def ontology_dir() -> Path:
    """Folder holding kg.ttl and shapes.ttl."""
    packaged = Path(str(resources.files("kg"))) / "_ontology"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "ontology"


def ontology_path(name: str = "kg.ttl") -> Path:
    return ontology_dir() / name


def package_file(*parts: str) -> Path:
    """A data file shipped inside the kg package (lexicon, queries, assets)."""
    return Path(str(resources.files("kg").joinpath(*parts)))


def report_graphs(folder: Path = Path("outputs")) -> list[Path]:
    """The report graphs `kg build` wrote (outputs/*.ttl without the ontology): the default
    input of render, query, export, push, serve and validate."""
    found = sorted(p for p in folder.glob("*.ttl") if p.name not in NOT_REPORT_GRAPHS)
    if not found:
        raise InputError(
            f"no report graphs (*.ttl) in {folder}/; run `kg build` first or name TURTLE files"
        )
    return found
