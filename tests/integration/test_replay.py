"""`dailycast replay` and staff's `POST /api/replays/`, on both runtimes.

The writer is down for one learner; their podcast fails. Once it is back, the operator replays
the failed podcasts: that one is made again as its next attempt, the others are left alone.
"""

from __future__ import annotations

import os
import subprocess

from dailycast.scripts import WriterError, WritingRequest, WrittenScript
from system.builder import Adapters
from tests.utils.factories import written_script
from tests.utils.processes import ROOT

DAILYCAST = ROOT / ".venv" / "bin" / "dailycast"
STAFF = 99


class WriterDownFor:
    """Writes every script, but not the scripts of `learner` while `down` (the model fails on them)."""

    name = "fake"

    def __init__(self, learner: int):
        self.learner, self.down = learner, True

    async def write(self, request: WritingRequest) -> WrittenScript:
        if self.down and request.learner.user_id == self.learner:
            raise WriterError("the model is down")
        return written_script(request, self.name)


def replay(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(DAILYCAST), "replay", *args], cwd=ROOT, env=dict(os.environ), capture_output=True,
                          text=True, timeout=120)


def test_the_failed_podcasts_are_replayed_as_their_next_attempts(system_on):
    writer = WriterDownFor(learner=2)
    with system_on(Adapters(writer=writer)) as api:
        fine = api.create(1, languages=["en"], output_format="text").json()["id"]
        broken = api.create(2, languages=["fr"], output_format="text").json()["id"]
        assert api.finished(fine)["status"] == "completed"
        assert api.finished(broken, user_id=2)["status"] == "failed"

        refused = replay()
        assert refused.returncode == 2 and "choose what to replay" in refused.stderr
        dry = replay("--failed", "--dry-run")
        assert dry.returncode == 0 and dry.stdout.splitlines() == [
            f"podcast {broken}", "would request 1 podcasts again, each as its next attempt (dry run: nothing requested)"]
        assert api.get(f"/api/podcasts/{broken}/", 2).json()["attempt"] == 1

        writer.down = False  # the model is back
        done = replay("--failed")
        assert done.returncode == 0, done.stderr
        assert "requested 1 podcasts again, each as its next attempt; 0 skipped" in done.stdout
        again = api.finished(broken, user_id=2)
        assert (again["status"], again["attempt"]) == ("completed", 2)
        assert api.get(f"/api/podcasts/{fine}/").json()["attempt"] == 1
        assert "would request 0 podcasts" in replay("--failed", "--dry-run").stdout


def test_staff_replay_through_the_api(system_on):
    with system_on() as api:
        mine = api.create(1, languages=["en"], output_format="text").json()["id"]
        theirs = api.create(2, languages=["en"], output_format="text").json()["id"]
        api.finished(mine)
        api.finished(theirs, user_id=2)

        def post(body: dict, staff: bool = True):
            return api.client.post("/api/replays/", json=body, headers=api.auth(STAFF if staff else 1, staff))

        assert post({"user_id": 1}, staff=False).status_code == 403
        nothing = post({})  # nothing chosen: never "everything"
        assert nothing.status_code == 422 and nothing.json()["detail"][0]["loc"] == ["body", "podcast_ids"]
        backwards = post({"from_date": "2026-12-05", "to_date": "2026-12-01"})
        assert backwards.status_code == 422 and backwards.json()["detail"][0]["loc"] == ["body", "to_date"]
        assert post({"user_id": 1, "dry_run": True}).json() == {"dry_run": True, "podcast_ids": [mine], "skipped": {}}
        assert api.get(f"/api/podcasts/{mine}/").json()["attempt"] == 1

        done = post({"podcast_ids": [mine, 999_999]})
        assert done.json() == {"dry_run": False, "podcast_ids": [mine], "skipped": {}}
        assert (api.finished(mine)["attempt"], api.get(f"/api/podcasts/{theirs}/", 2).json()["attempt"]) == (2, 1)
