"""The import-linter contracts hold on the tree, and a forbidden import breaks them (real lint-imports)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = ("dailycast", "services", "system")


@pytest.fixture
def tree(tmp_path) -> Path:
    """A copy of the three layers and the contracts, to break on purpose."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "web"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=tree, env={"PYTHONPATH": str(tree)},
        capture_output=True, text=True, timeout=120,
    )


def add_import(path: Path, line: str) -> None:
    path.write_text(path.read_text() + f"\n{line}  # the forbidden import\n")


def test_the_contracts_are_kept(tree):
    result = lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_the_kernel_importing_a_service_breaks_the_layers(tree):
    add_import(tree / "dailycast" / "languages.py", "import services.notifier.handlers")
    result = lint(tree)
    assert result.returncode == 1
    assert "Layers: the composition root builds services, services use the kernel BROKEN" in result.stdout
    assert "dailycast.languages -> services.notifier" in result.stdout


def test_a_service_importing_the_composition_root_breaks_the_layers(tree):
    add_import(tree / "services" / "api" / "app.py", "import system.registry")
    result = lint(tree)
    assert result.returncode == 1 and "services.api.app -> system.registry" in result.stdout


def test_one_service_importing_another_breaks_their_independence(tree):
    add_import(tree / "services" / "notifier" / "handlers.py", "import services.tts.voices")
    result = lint(tree)
    assert result.returncode == 1
    assert "The four services are independent of each other BROKEN" in result.stdout
