"""Shared fixtures. Tests that need an outside tool skip on a developer machine without it,
but fail under CI (CI=true), where .ci/run installs every tool."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = DATA / "000_0be72cd4c93cb315.txt"
TESTDATA = Path(__file__).resolve().parent / "data"


def need_tool(name: str) -> str:
    """Path of an executable, or skip (fail under CI) when it is missing."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{name} is not installed; .ci/run should have installed it")
    pytest.skip(f"{name} is not installed")
    raise AssertionError  # unreachable


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED
