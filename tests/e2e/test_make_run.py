"""Starts the system as a newcomer does (`make run`) and walks the API over real HTTP."""

import subprocess

import httpx
import pytest

from tests.utils.processes import ROOT, running_process
from tests.utils.system import wait_for

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def system(tmp_path_factory):
    data = tmp_path_factory.mktemp("e2e")
    with running_process(["make", "run"], data) as (base, env):
        yield base, env, data


def token(env: dict, user: int, staff: bool = False) -> dict:
    command = [str(ROOT / ".venv/bin/dailycast"), "token", "--user", str(user)] + (["--staff"] if staff else [])
    jwt = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    return {"Authorization": f"Bearer {jwt}"}


def test_startup_output_says_how_to_get_a_token(system):
    _, _, data = system
    assert "dailycast token --user" in (data / "run.log").read_text()


def test_a_student_walks_the_whole_flow(system):
    base, env, data = system
    me, staff = token(env, 1), token(env, 99, staff=True)
    with httpx.Client(base_url=base, timeout=10) as http:
        assert http.get("/docs").status_code == 200
        assert http.get("/api/podcasts/").status_code == 401
        created = http.post("/api/podcasts/", json={"languages": ["en", "ja"], "output_format": "both"}, headers=me)
        assert created.status_code == 202 and created.json()["status"] == "pending"
        pid = created.json()["id"]

        def finished():
            body = http.get(f"/api/podcasts/{pid}/", headers=me).json()
            return body if body["status"] in ("completed", "failed") else None

        podcast = wait_for(finished, timeout=90, interval=0.2)
        assert podcast["status"] == "completed", podcast["error_message"]
        assert set(podcast["scripts"]) == {"en", "ja"} and len(podcast["audio"]) == 2
        assert "Since you study" in podcast["scripts"]["en"]

        audio = http.get(podcast["audio_file"], headers={**me, "Range": "bytes=0-1023"})
        assert audio.status_code == 206 and len(audio.content) == 1024
        assert http.get(podcast["audio_file"], headers=token(env, 2)).status_code == 404

        answers = {q["id"]: f"my answer to {q['id']}" for q in podcast["questions"]}
        assert http.put(f"/api/podcasts/{pid}/answers/", json={"answers": answers}, headers=me).status_code == 200
        progress = http.get(f"/api/podcasts/{pid}/progress/", headers=me).json()
        assert progress["progress"]["completion_percentage"] == 100
        check = http.get(f"/api/podcasts/{pid}/accuracy-check/", headers=staff).json()
        assert check["issues"] == [] and check["accuracy_score"] > 0.8

        wait_for(lambda: list((data / "outbox").glob("*.eml")), timeout=30)
        assert http.delete(f"/api/podcasts/{pid}/", headers=me).status_code == 204
        assert http.get(f"/api/podcasts/{pid}/", headers=me).status_code == 404
