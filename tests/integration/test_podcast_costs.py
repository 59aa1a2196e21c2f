"""What podcasts cost, on both runtimes: the real openai SDK against the fake LLM server and the
real boto3 against a local Polly, through the events into the read model (podcast_cost); staff
read it per attempt and per day, learners never."""

from __future__ import annotations

from collections import Counter

import pytest

from dailycast.costs import usd
from services.tts.ssml_chunks import billed_characters
from tests.utils.fake_llm_server import fake_llm  # noqa: F401 (fixture)
from tests.utils.metrics import grown, scrape
from tests.utils.moto_server import moto, moto_server  # noqa: F401 (fixtures)
from tests.utils.polly_server import polly_server  # noqa: F401 (fixture)
from tests.utils.system import wait_for

STAFF = 99
# The fake model bills 1,080 prompt and 3,241 answer tokens: at gpt-4o-mini's $0.15 and $0.60 a million.
SCRIPT = round(1080 * 0.15 + 3241 * 0.60)  # micro-dollars


@pytest.fixture
def priced_system(system_on, fake_llm, polly_server):
    """The system writing with OpenAI and speaking with Polly, both local fakes."""
    def start(**env):
        return system_on(OPENAI_API_KEY="sk-cost", OPENAI_BASE_URL=fake_llm.openai_base_url, DAILYCAST_SPEECH="polly",
                         DAILYCAST_POLLY_ENDPOINT_URL=polly_server.url, **env)

    return start


def billed_by_engine(polly_server) -> Counter:
    """What the local Polly billed, by engine: the characters outside tags of every request."""
    billed = Counter()
    for _, params in polly_server.requests:
        billed[params["Engine"]] += billed_characters(params["Text"])
    return billed


def test_an_attempts_tokens_characters_and_estimate_are_kept_for_staff(priced_system, polly_server):
    with priced_system() as api:
        before = scrape(api.client)
        pid = api.create(1, languages=["en", "ru"], output_format="both").json()["id"]
        podcast = api.finished(pid)
        assert podcast["status"] == "completed", podcast["error_message"]
        after = scrape(api.client)
        costs = api.get(f"/api/podcasts/{pid}/costs/", STAFF, staff=True)
        refused = api.get(f"/api/podcasts/{pid}/costs/", 1)
    billed = billed_by_engine(polly_server)
    assert set(billed) == {"neural", "standard"}  # Joanna speaks English, Tatyana Russian
    speech = round(billed["neural"] * 16.00 + billed["standard"] * 4.00)
    assert costs.status_code == 200, costs.text
    assert costs.json() == [{
        "attempt": 1, "for_date": podcast["for_date"],
        "llm_provider": "openai", "llm_model": "gpt-4o-mini", "input_tokens": 1080, "output_tokens": 3241,
        "script_cost_usd": usd(SCRIPT),
        "tts_provider": "polly", "speech_characters": billed.total(), "speech_cost_usd": usd(speech),
        "estimated_cost_usd": usd(SCRIPT + speech),
    }]
    assert grown(before, after, "dailycast_estimated_cost_usd_total", provider="openai") == pytest.approx(usd(SCRIPT))
    assert grown(before, after, "dailycast_estimated_cost_usd_total", provider="polly") == pytest.approx(usd(speech))
    # The learner sees neither what their podcast cost nor what it used.
    assert refused.status_code == 403
    assert not [field for field in podcast if "cost" in field or "token" in field or "character" in field]


def test_a_day_adds_up_every_attempt_even_of_podcasts_made_again_or_deleted(priced_system):
    with priced_system() as api:
        kept = api.create(1, languages=["en"], output_format="text").json()["id"]
        deleted = api.create(1, languages=["fr"], output_format="text").json()["id"]
        day = api.finished(kept)["for_date"]
        assert api.finished(deleted)["for_date"] == day
        staff = api.auth(STAFF, staff=True)
        assert api.client.post(f"/api/podcasts/{kept}/regenerate/", json={}, headers=staff).status_code == 202
        wait_for(lambda: api.get(f"/api/podcasts/{kept}/").json()["attempt"] == 2, what="the second attempt")
        assert api.finished(kept)["status"] == "completed"
        assert api.client.delete(f"/api/podcasts/{deleted}/", headers=staff).status_code == 204

        attempts = api.get(f"/api/podcasts/{kept}/costs/", STAFF, staff=True).json()
        days = api.get(f"/api/costs/?from_date={day}&to_date={day}", STAFF, staff=True).json()
        still = api.get(f"/api/podcasts/{deleted}/costs/", STAFF, staff=True).json()
        unknown = api.get("/api/podcasts/999999/costs/", STAFF, staff=True)
        refused = api.get("/api/costs/", 1)
        everything = api.get("/api/costs/", STAFF, staff=True).json()
        backwards = api.get(f"/api/costs/?from_date={day}&to_date=2000-01-01", STAFF, staff=True).json()
    assert [(a["attempt"], a["script_cost_usd"]) for a in attempts] == [(1, usd(SCRIPT)), (2, usd(SCRIPT))]
    assert days == everything == [{
        "for_date": day, "podcasts": 2, "attempts": 3, "input_tokens": 3 * 1080, "output_tokens": 3 * 3241,
        "speech_characters": 0, "script_cost_usd": usd(3 * SCRIPT), "speech_cost_usd": 0.0,
        "estimated_cost_usd": usd(3 * SCRIPT),
    }]
    assert [a["estimated_cost_usd"] for a in still] == [usd(SCRIPT)]  # what it cost was spent all the same
    assert unknown.status_code == 404 and refused.status_code == 403 and backwards == []


def test_the_template_writer_and_local_speech_cost_nothing(system_on):
    with system_on() as api:
        pid = api.create(1, languages=["en"], output_format="audio").json()["id"]
        podcast = api.finished(pid)
        assert podcast["status"] == "completed", podcast["error_message"]
        costs = api.get(f"/api/podcasts/{pid}/costs/", STAFF, staff=True).json()
    assert costs == [{
        "attempt": 1, "for_date": podcast["for_date"],
        "llm_provider": "template", "llm_model": None, "input_tokens": None, "output_tokens": None,
        "script_cost_usd": 0.0, "tts_provider": "espeak", "speech_characters": 0, "speech_cost_usd": 0.0,
        "estimated_cost_usd": 0.0,
    }]
