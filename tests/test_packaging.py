"""`pip install .` must ship every file kg reads at run time inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    (path,) = out.glob("kg-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_ships_runtime_files(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    needed = {
        "kg/_ontology/kg.ttl",
        "kg/_ontology/shapes.ttl",
        "kg/assets/vis-network.min.js",
        "kg/assets/page.js",
    }
    needed |= {f"kg/lexicon/{p.name}" for p in (ROOT / "kg" / "lexicon").iterdir() if p.suffix in (".tsv", ".txt")}
    needed |= {f"kg/queries/{p.name}" for p in (ROOT / "kg" / "queries").glob("*.rq")}
    assert len(needed) > 15
    assert needed <= names, sorted(needed - names)


def test_packaged_ontology_is_the_top_level_one(wheel: zipfile.ZipFile) -> None:
    assert wheel.read("kg/_ontology/kg.ttl") == (ROOT / "ontology" / "kg.ttl").read_bytes()
    assert not any(Path(n).parts[0] in ("tests", "data", "outputs") for n in wheel.namelist())
