"""The web pages in a real browser: Debian's Chromium, headless, driven by tests/browser/ (Node,
playwright-core) against the system started as a newcomer starts it (`dailycast run`).

tests/browser/setup.sh installs Chromium and the Node packages (playwright-core, axe-core) when they
are missing. The pages are checked in English and Japanese, with axe-core, offline and by keyboard. The pages'
screenshots go to a temporary folder; `UPDATE_SCREENSHOTS=1` writes them to docs/screenshots/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.utils.processes import ROOT, newcomers_env, running_process

BROWSER_TESTS = ROOT / "tests" / "browser"
SCREENSHOTS = ("signin", "podcasts", "podcast", "progress", "admin", "podcast-phone",
               "podcasts-ja", "podcast-ja", "progress-ja", "podcast-ja-phone", "admin-ja-phone")
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def browser_ready():
    assert shutil.which("node"), "the browser tests need Node.js 20 or newer"
    setup = subprocess.run(["bash", str(BROWSER_TESTS / "setup.sh")], capture_output=True, text=True, timeout=1200)
    assert setup.returncode == 0, f"tests/browser/setup.sh failed:\n{setup.stdout}\n{setup.stderr}"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("browser")
    with running_process([str(ROOT / ".venv" / "bin" / "dailycast"), "run"], data) as (base, _):
        yield base


def test_students_and_staff_in_a_real_browser(browser_ready, base_url, tmp_path):
    screenshots = ROOT / "docs" / "screenshots" if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path / "screenshots"
    env = {**newcomers_env(), "BASE_URL": base_url, "SCREENSHOTS_DIR": str(screenshots)}
    run = subprocess.run(["node", "--test", "--test-reporter=spec", str(BROWSER_TESTS)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"the browser tests failed:\n{run.stdout}\n{run.stderr}"
    counts = dict(re.findall(r"^\S* ?(tests|pass|fail) (\d+)$", run.stdout, re.M))
    assert counts.get("fail") == "0" and int(counts.get("pass", 0)) >= 4, run.stdout
    for name in SCREENSHOTS:
        assert (screenshots / f"{name}.png").stat().st_size > 10_000, name
