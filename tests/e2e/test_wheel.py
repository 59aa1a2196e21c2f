"""The wheel alone is enough: built from the repo, installed (not editable) into a fresh venv,
`dailycast doctor` passes and the schemas and migrations it ships work, away from the repo.

Offline and quick: the wheel is built without build isolation (the project venv's setuptools),
and the new venv gets only the wheel; the third-party dependencies (aiokafka, openai, boto3, ...)
come from the project venv through a .pth line, which only appends that folder to sys.path:
the editable install's finder there is not run, so the project's own packages must come from
the wheel (the test checks where each one is imported from).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from dailycast.migrations import head_revision

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
OUR_PACKAGES = ("dailycast", "services", "system", "schemas", "migrations")
# Settings the developer's shell may hold; the installed system starts from the defaults.
FOREIGN = re.compile(r"^(DAILYCAST_|DATABASE_URL$|KAFKA_BOOTSTRAP_SERVERS$|OPENAI_|GEMINI_|GOOGLE_|AWS_|PYTHON|VIRTUAL_ENV$)")
# What is not source: copied neither into the build folder nor (so) into the wheel.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", ".infra", ".dailycast", ".pytest_cache", "build", "dist", "*.egg-info", "__pycache__",
    "node_modules",
)

PROBE = """
import json, sys
import dailycast, migrations, schemas, services, system
from dailycast.messaging.avro import SCHEMA_DIR, default_schemas
from dailycast.migrations import MIGRATIONS_DIR, current_revision, head_revision, upgrade

url = "sqlite:///" + sys.argv[1]
upgrade(url)
print(json.dumps({
    "files": [m.__file__ for m in (dailycast, migrations, schemas, services, system)],
    "schema_dir": str(SCHEMA_DIR),
    "migrations_dir": str(MIGRATIONS_DIR),
    "schemas": len(default_schemas().by_fingerprint),
    "current": current_revision(url),
    "head": head_revision(),
}))
"""


def run(command: list, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=120, **kwargs)
    assert done.returncode == 0, f"{command} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the repo's wheel installed in it; returns the venv's folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    # A copy of the source: the build writes build/ and *.egg-info beside pyproject.toml, and a
    # stale build/ in the repo could slip files into the wheel that the source no longer has.
    source = tmp / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE, symlinks=True)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", tmp / "dist", source])
    (wheel,) = (tmp / "dist").glob("dailycast-*.whl")

    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    # This venv has no pip of its own: the project's pip installs into it (--python).
    run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index",
         "--no-compile", wheel])
    site_packages = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    project_site = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages / "zz_project_dependencies.pth").write_text("".join(f"{path}\n" for path in sorted(project_site)))
    return venv


def clean_env(**settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not FOREIGN.match(k)}
    return {**env, **{k: str(v) for k, v in settings.items()}}


def test_the_installed_package_ships_its_schemas_and_migrations(installed, tmp_path):
    database = tmp_path / "migrated.db"
    done = run([installed / "bin" / "python", "-c", PROBE, database], cwd=tmp_path, env=clean_env())
    probe = json.loads(done.stdout)

    site_packages = installed.resolve() / "lib"
    for path in [*probe["files"], probe["schema_dir"], probe["migrations_dir"]]:
        assert Path(path).resolve().is_relative_to(site_packages), f"{path} is not from the wheel"
        assert not Path(path).resolve().is_relative_to(REPO), f"{path} comes from the repo"
    assert probe["schemas"] == len(list((REPO / "schemas").glob("*.avsc")))
    assert probe["current"] == probe["head"] == head_revision() is not None
    assert database.is_file()


def test_dailycast_doctor_passes_from_the_installed_wheel(installed, tmp_path):
    data = tmp_path / "data"
    done = subprocess.run(
        [str(installed / "bin" / "dailycast"), "doctor"], cwd=tmp_path, env=clean_env(DAILYCAST_DATA_DIR=data),
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, f"doctor exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    (database,) = [line for line in done.stdout.splitlines() if line.startswith("database  ")]
    assert "not created yet (made and migrated at start)" in database and database.endswith("  ok"), database
    assert str(data) in database
