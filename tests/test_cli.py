"""The kg command line, run in-process with CliRunner."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import ROOT, SEED


def _walk(group, prefix=()):  # type: ignore[no-untyped-def]
    for name, cmd in sorted(group.commands.items()):
        yield (*prefix, name), cmd
        if hasattr(cmd, "commands"):
            yield from _walk(cmd, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in _walk(cli)], ids=lambda p: " ".join(p))
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    cmd = dict(_walk(cli))[path]
    assert cmd.help and cmd.help.strip(), f"kg {' '.join(path)} has no help text"


def test_commands_exist() -> None:
    assert {"build", "eval", "render", "validate"} <= set(cli.commands)


def test_build_writes_turtle_text_review_and_ontology(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(tmp_path), "--no-html"])
    assert result.exit_code == 0, result.output
    stem = SEED.stem
    for name in (f"{stem}.ttl", f"{stem}.txt", f"{stem}.review.md", "kg.ttl"):
        assert (tmp_path / name).is_file(), name
    assert "triples" in result.output and "entities" in result.output


def test_missing_input_is_one_line_error_and_keeps_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(SEED), "-o", str(out), "--no-html"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    missing = tmp_path / "nope.txt"
    result = runner.invoke(cli, ["build", str(SEED), str(missing), "-o", str(out), "--no-html"])
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: no such file; check the path\n"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_undecodable_and_unsupported_inputs(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa" * 3 + b"\x81")
    bad.write_bytes(bytes([0x81, 0x30, 0x81]) * 2)  # invalid in UTF-8 and in GB18030
    result = CliRunner().invoke(cli, ["build", str(bad), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: not UTF-8 or GB18030 text")
    assert "Traceback" not in result.output
    odd = tmp_path / "report.xls"
    odd.write_bytes(b"x")
    result = CliRunner().invoke(cli, ["build", str(odd), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {odd}: unsupported file type .xls; use one of")


def test_gb18030_input_builds_the_same_graph(tmp_path: Path) -> None:
    gb = tmp_path / SEED.name
    gb.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(SEED), "-o", str(tmp_path / "a"), "--no-html"]).exit_code == 0
    assert runner.invoke(cli, ["build", str(gb), "-o", str(tmp_path / "b"), "--no-html"]).exit_code == 0
    a = (tmp_path / "a" / f"{SEED.stem}.ttl").read_text(encoding="utf-8")
    b = (tmp_path / "b" / f"{SEED.stem}.ttl").read_text(encoding="utf-8")
    strip = lambda t: "\n".join(line for line in t.splitlines() if "kg:sha256" not in line)  # noqa: E731
    assert strip(a) == strip(b)


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    runner = CliRunner()
    for d in ("a", "b"):
        assert runner.invoke(cli, ["build", str(SEED), "-o", str(tmp_path / d)]).exit_code == 0
    for f in sorted((tmp_path / "a").iterdir()):
        same = hashlib.sha256(f.read_bytes()).digest() == hashlib.sha256((tmp_path / "b" / f.name).read_bytes()).digest()
        assert same, f.name


def test_committed_outputs_are_up_to_date(tmp_path: Path) -> None:
    """outputs/ must be regenerated and committed with every change that alters it."""
    work = tmp_path / "repo"
    (work / "data").mkdir(parents=True)
    shutil.copy(SEED, work / "data" / SEED.name)
    result = CliRunner().invoke(cli, ["build", str(work / "data" / SEED.name), "-o", str(work / "outputs")])
    assert result.exit_code == 0, result.output
    for f in sorted((work / "outputs").iterdir()):
        committed = ROOT / "outputs" / f.name
        assert committed.is_file(), f"outputs/{f.name} is missing: run kg build and commit"
        same = hashlib.sha256(committed.read_bytes()).digest() == hashlib.sha256(f.read_bytes()).digest()
        assert same, f"outputs/{f.name} is stale: run kg build and commit"  # no byte diff: it is huge


def test_default_inputs_come_from_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 1
    assert result.output == "Error: data/: no such folder; pass report files, e.g. kg build report.txt\n"
    (tmp_path / "data").mkdir()
    shutil.copy(SEED, tmp_path / "data" / SEED.name)
    result = CliRunner().invoke(cli, ["build", "--no-html"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "outputs" / f"{SEED.stem}.ttl").is_file()


def test_the_graph_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Python salts string hashes per process, so any choice made by iterating a set shows up
    as output that changes from run to run; build a probe in processes with different seeds.
    (长江光电子新城 once gave a trade name 长江光电子 or not, by the order of 光电 and 电子.)"""
    import os
    import subprocess
    import sys

    probe = tmp_path / "probe.txt"
    probe.write_text(
        "政府工作报告\n——2022年1月5日在示例市第一届人民代表大会第二次会议上\n市长 张三\n各位代表：\n"
        "一、2021年工作回顾\n长江沿岸生态持续改善，长江光电子新城建成投用。\n",
        encoding="utf-8",
    )
    outputs = set()
    for seed in ("1", "2", "11", "20"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", "from kg.cli import cli; cli()", "build", str(probe), "-o", str(out), "--no-html"],
            check=True, env=env, capture_output=True, cwd=ROOT,
        )
        outputs.add((out / "probe.ttl").read_bytes())
    assert len(outputs) == 1
