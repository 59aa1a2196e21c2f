"""Delivery preferences over the API: the locale's defaults, saving, strict values, who may change them.

On SQLite and on PostgreSQL (embedded runtime, read model on DATABASE_URL).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from system.builder import Adapters
from tests.utils.fakes import FakeSynthesizer, FakeWriter
from tests.utils.system import running_on_database

AIKO, LUCAS = 1, 2  # the demo learners: ja-JP and fr-FR
CHOSEN = {"daily": True, "languages": ["ja", "en"], "output_format": "audio", "minutes": 10,
          "delivery_time": "06:30", "time_zone": "Europe/Paris"}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(request, tmp_path_factory):
    adapters = Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer())
    with pytest.MonkeyPatch.context() as monkeypatch:
        data = tmp_path_factory.mktemp(f"preferences-{request.param}") / "data"
        with running_on_database(request.param, monkeypatch, data, adapters) as api:
            yield api


def put(api, body: dict, path: str = "/api/learners/me/preferences", user_id: int = AIKO, staff: bool = False):
    return api.client.put(path, json=body, headers=api.auth(user_id, staff))


def test_a_learner_has_the_defaults_of_their_locale_until_they_choose(api):
    assert api.get("/api/learners/me/preferences", LUCAS).json() == {
        "user_id": LUCAS, "daily": True, "languages": ["fr"], "output_format": "both", "minutes": 6,
        "delivery_time": "07:00", "time_zone": "Europe/Paris"}
    assert api.get("/api/learners/me/preferences", AIKO).json()["time_zone"] == "Asia/Tokyo"


def test_a_learner_saves_their_preferences(api):
    saved = put(api, CHOSEN)
    assert saved.status_code == 200, saved.text
    assert saved.json() == {"user_id": AIKO, **CHOSEN}
    assert api.get("/api/learners/me/preferences", AIKO).json() == {"user_id": AIKO, **CHOSEN}
    assert put(api, {**CHOSEN, "daily": False}).json()["daily"] is False  # replaced again


@pytest.mark.parametrize("field, value", [
    ("time_zone", "Mars/Olympus_Mons"), ("time_zone", "tokyo"), ("time_zone", ""), ("time_zone", 9),
    ("delivery_time", "25:00"), ("delivery_time", "7:00"), ("delivery_time", "07:60"), ("delivery_time", "07:00:00"),
    ("languages", ["en", "ja", "fr"]), ("languages", []), ("languages", ["en", "en"]), ("languages", ["xx"]),
    ("minutes", 7), ("minutes", "6"), ("minutes", True), ("daily", "true"), ("daily", 1),
    ("output_format", "video"),
])
def test_a_bad_value_is_a_422_naming_its_field_and_changes_nothing(api, field, value):
    before = api.get("/api/learners/me/preferences", LUCAS).json()
    refused = put(api, {**CHOSEN, field: value}, user_id=LUCAS)
    assert refused.status_code == 422, refused.text
    assert any(field in error["loc"] for error in refused.json()["detail"]), refused.json()
    assert api.get("/api/learners/me/preferences", LUCAS).json() == before


def test_every_field_is_needed_and_no_other(api):
    for missing in CHOSEN:
        body = {k: v for k, v in CHOSEN.items() if k != missing}
        assert put(api, body, user_id=LUCAS).status_code == 422, missing
    assert put(api, {**CHOSEN, "colour": "blue"}, user_id=LUCAS).status_code == 422


def test_staff_set_anyones_preferences_and_learners_only_their_own(api):
    path = f"/api/learners/{LUCAS}/preferences"
    assert put(api, CHOSEN, path, user_id=99, staff=True).json() == {"user_id": LUCAS, **CHOSEN}
    assert api.get(path, 99, staff=True).json() == {"user_id": LUCAS, **CHOSEN}
    assert api.get(path, LUCAS).status_code == 200  # their own, by id
    assert api.get(path, AIKO).status_code == 403
    assert put(api, CHOSEN, path, user_id=AIKO).status_code == 403
    assert api.get("/api/learners/424242/preferences", 99, staff=True).status_code == 404
    assert put(api, CHOSEN, "/api/learners/424242/preferences", user_id=99, staff=True).status_code == 404
    assert api.get(f"/api/learners/{2**63}/preferences", 99, staff=True).status_code == 422
    assert api.get("/api/learners/me/preferences", 424242).status_code == 404  # a token for no learner we know
    assert api.client.get("/api/learners/me/preferences").status_code == 401


def test_a_podcast_asked_for_is_of_the_learners_local_date(api):
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):  # UTC+14 and UTC-11: never the same date
        assert put(api, {**CHOSEN, "time_zone": zone}, user_id=LUCAS).status_code == 200
        created = api.create(LUCAS, languages=["fr"], output_format="text")
        assert created.status_code == 202, created.text
        assert created.json()["for_date"] == datetime.now(ZoneInfo(zone)).date().isoformat()
