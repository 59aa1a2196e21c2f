"""requirements/*.lock: every package pinned, in step with pyproject.toml, and what the venv holds.

`make lock` writes the two files from pyproject.toml; `make run` installs runtime.lock and `make test`
dev.lock. The last test proves, in CI, that the venv the tests run in is the one dev.lock describes.
"""

import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_LOCK = ROOT / "requirements" / "runtime.lock"
DEV_LOCK = ROOT / "requirements" / "dev.lock"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;#]+)$")
STALE = "pyproject.toml changed since the lock files were written: run `make lock` and commit requirements/"


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: Path) -> dict[str, str]:
    """{normalized name: version} of a lock file; every requirement line must be an exact pin."""
    found = {}
    for number, line in enumerate(lock.read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"{lock.name}:{number}: not an exact pin: {line!r}"
        found[normalize(match["name"])] = match["version"]
    return found


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def unpinned(requirements: list[str], locked: dict[str, str]) -> list[str]:
    """The requirements that the lock lacks, or pins at a version outside their range."""
    problems = []
    for text in requirements:
        requirement = Requirement(text)
        version = locked.get(normalize(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not in the lock")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} is outside {requirement.specifier}")
    return problems


def test_the_runtime_lock_pins_every_project_dependency():
    assert not unpinned(project()["dependencies"], pins(RUNTIME_LOCK)), STALE


def test_the_dev_lock_pins_every_dependency_and_test_tool():
    requirements = project()["dependencies"] + project()["optional-dependencies"]["dev"]
    assert not unpinned(requirements, pins(DEV_LOCK)), STALE


def test_the_runtime_lock_is_the_dev_lock_without_the_test_tools():
    runtime, dev = pins(RUNTIME_LOCK), pins(DEV_LOCK)
    assert {name: dev.get(name) for name in runtime} == runtime, "runtime.lock and dev.lock disagree: run `make lock`"
    assert "pytest" in dev and "pytest" not in runtime


def test_the_image_installs_the_runtime_lock():
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert re.search(r"^RUN pip install -r requirements/runtime\.lock$", dockerfile, re.M)
    ignored = {line.strip().strip("/") for line in (ROOT / ".dockerignore").read_text().splitlines()}
    assert not {"requirements", "requirements/runtime.lock", "*.lock"} & ignored


@pytest.mark.skipif(Path(sys.prefix).resolve() != (ROOT / ".venv").resolve(),
                    reason="not running from the repo's .venv (the one `make test` installs)")
def test_the_venv_holds_exactly_the_dev_lock_versions():
    wrong = {}
    for name, version in pins(DEV_LOCK).items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong[name] = f"locked {version}, installed {installed}"
    assert not wrong, f"run `make test` (it installs requirements/dev.lock): {wrong}"
