"""The API under attack: forged claims, numbers out of range, text that is not Unicode.

Every answer to hostile input is a 401, 404 or 422 naming the field, never a 500, and nothing is
stored. The numeric and text cases run on both runtimes (SQLite and PostgreSQL store differently).
"""

from __future__ import annotations

import json
import time
from contextlib import ExitStack

import jwt
import pytest
from sqlalchemy import update

from services.api.auth import issue_token
from services.api.db import DailyPodcast
from services.api.documents import fill_missing_documents
from services.api.schemas import MAX_ID, MAX_PAGE, MAX_PODCAST_ID
from system import cli
from tests.utils.infra import find_infra
from tests.utils.system import RUNTIMES, running_system

BIG = (2**63, 2**64, 10**30)
DROP = object()  # a claim left out of the token


@pytest.fixture(scope="module", params=RUNTIMES)
def api(request, tmp_path_factory):
    """One system per runtime for the whole module, with one finished text podcast of learner 1."""
    with ExitStack() as stack, pytest.MonkeyPatch.context() as monkeypatch:
        infra = find_infra(stack) if request.param == "kafka" else None
        data = tmp_path_factory.mktemp(f"hostile-{request.param}") / "data"
        api = stack.enter_context(running_system(monkeypatch, data, runtime=request.param, infra=infra))
        api.podcast = api.finished(api.create(output_format="text").json()["id"])
        yield api


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        with running_system(monkeypatch, tmp_path_factory.mktemp("hostile") / "data") as api:
            yield api


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def signed(secret: str, **claims) -> dict:
    """A token signed with the system's own secret, so only its claims can be wrong."""
    base = {"sub": "1", "exp": int(time.time()) + 600}
    payload = {k: v for k, v in {**base, **claims}.items() if v is not DROP}
    # Signed as raw JSON: PyJWT's own encode would refuse some of the claims tried here.
    return bearer(jwt.api_jws.encode(json.dumps(payload).encode(), secret, algorithm="HS256"))


def count(api) -> int:
    return api.get("/api/podcasts/", staff=True).json()["count"]


def field_named(response, *loc) -> bool:
    return response.status_code == 422 and any(tuple(e["loc"][: len(loc)]) == loc for e in response.json()["detail"])


# --- item 2: claims are strict ------------------------------------------------------------------


@pytest.mark.parametrize("is_staff", ["false", "0", "no", "true", [0], [], 0, 1, 0.0, None, {}])
def test_is_staff_must_be_a_json_boolean(embedded, is_staff):
    headers = signed(embedded.container.jwt_secret, is_staff=is_staff)
    assert embedded.client.get("/api/learners/", headers=headers).status_code == 401
    assert embedded.client.get("/api/podcasts/?user_id=2", headers=headers).status_code == 401


def test_is_staff_true_false_or_absent(embedded):
    secret = embedded.container.jwt_secret
    assert embedded.client.get("/api/learners/", headers=signed(secret, is_staff=True)).status_code == 200
    assert embedded.client.get("/api/learners/", headers=signed(secret, is_staff=False)).status_code == 403
    assert embedded.client.get("/api/learners/", headers=signed(secret, is_staff=DROP)).status_code == 403


@pytest.mark.parametrize(
    "sub",
    [True, False, 1.0, 1.5, "0", "-1", "+1", "1e3", " 1", "1 ", "01", "0x1", "", "١", "１", "1_000",
     "\udc00", str(2**63), 2**63, 10**400, 0, -1, None, [1], {"id": 1}, DROP],
)
def test_sub_must_be_a_positive_integer_in_range(embedded, sub):
    headers = signed(embedded.container.jwt_secret, sub=sub)
    response = embedded.client.get("/api/podcasts/", headers=headers)
    assert response.status_code == 401, response.text


@pytest.mark.parametrize("sub", ["1", 1, str(MAX_ID), MAX_ID])
def test_sub_as_a_decimal_string_or_an_integer(embedded, sub):
    response = embedded.client.get("/api/podcasts/", headers=signed(embedded.container.jwt_secret, sub=sub))
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "claims",
    [{"exp": "soon"}, {"exp": float("inf")}, {"exp": float("nan")}, {"exp": [1]}, {"exp": DROP},
     {"iat": float("inf")}, {"nbf": float("inf")}, {"iat": "x"}, {"nbf": {}}],
)
def test_malformed_time_claims(embedded, claims):
    headers = signed(embedded.container.jwt_secret, **claims)
    assert embedded.client.get("/api/podcasts/", headers=headers).status_code == 401


def test_audience_and_issuer_are_checked_when_configured(monkeypatch, tmp_path, capsys):
    env = {"DAILYCAST_JWT_AUDIENCE": "dailycast", "DAILYCAST_JWT_ISSUER": "https://platform.example"}
    with running_system(monkeypatch, tmp_path / "data", DAILYCAST_SEED_DEMO="false", **env) as api:
        secret = api.container.jwt_secret
        good = {"aud": "dailycast", "iss": "https://platform.example"}
        assert api.client.get("/api/podcasts/", headers=signed(secret, **good)).status_code == 200
        assert api.client.get("/api/podcasts/", headers=signed(secret, **{**good, "aud": ["x", "dailycast"]})).status_code == 200
        for wrong in ({"aud": DROP}, {"iss": DROP}, {"aud": "other"}, {"iss": "https://evil.example"},
                      {"aud": ["other"]}, {"aud": 1}, {"iss": ["https://platform.example"]}):
            assert api.client.get("/api/podcasts/", headers=signed(secret, **{**good, **wrong})).status_code == 401, wrong
        # The tokens the system itself issues carry them: issue_token, `dailycast token`, /dev/token.
        settings = api.container.settings
        own = issue_token(secret, 1, audience=settings.jwt_audience, issuer=settings.jwt_issuer)
        assert api.client.get("/api/podcasts/", headers=bearer(own)).status_code == 200
        assert cli.main(["token", "--user", "1"]) == 0
        printed = capsys.readouterr().out.strip()
        assert jwt.decode(printed, options={"verify_signature": False})["aud"] == "dailycast"
        assert api.client.get("/api/podcasts/", headers=bearer(printed)).status_code == 200
        dev = api.client.post("/dev/token", json={"staff": True}).json()["token"]
        assert api.client.get("/api/learners/", headers=bearer(dev)).status_code == 200


# --- item 3: numbers are bounded ----------------------------------------------------------------


ID_PATHS = ("", "progress/", "answers/", "accuracy-check/", "audio/en")


@pytest.mark.parametrize("podcast_id", [*BIG, MAX_ID, MAX_PODCAST_ID + 1, MAX_PODCAST_ID, 0, -1])
def test_ids_that_cannot_exist_are_unknown(api, podcast_id):
    for path in ID_PATHS:
        response = api.get(f"/api/podcasts/{podcast_id}/{path}", staff=True)
        assert response.status_code == 404, (path, response.text)
    answers = api.client.put(f"/api/podcasts/{podcast_id}/answers/", json={"answers": {"q1": "x"}}, headers=api.auth(1))
    assert answers.status_code == 404
    assert api.client.delete(f"/api/podcasts/{podcast_id}/", headers=api.auth(1, staff=True)).status_code == 404


def test_ids_out_of_range_need_a_token_first(api):
    assert api.client.get(f"/api/podcasts/{2**64}/").status_code == 401


@pytest.mark.parametrize(
    "query, field",
    [(f"page={2**63}", "page"), (f"page={MAX_PAGE + 1}", "page"), ("page=0", "page"), ("page=-1", "page"),
     (f"page_size={2**63}", "page_size"), ("page_size=0", "page_size"), ("page_size=201", "page_size"),
     (f"user_id={2**63}", "user_id"), (f"user_id={2**64}", "user_id"), ("user_id=0", "user_id"),
     ("user_id=-5", "user_id"), ("page=nan", "page"), ("page=1.0", "page"), ("user_id=true", "user_id")],
)
def test_list_bounds(api, query, field):
    response = api.get(f"/api/podcasts/?{query}", staff=True)
    assert field_named(response, "query", field), response.text


def test_list_at_its_bounds(api):
    assert api.get(f"/api/podcasts/?page={MAX_PAGE}&page_size=200", staff=True).json()["results"] == []
    assert api.get(f"/api/podcasts/?user_id={MAX_ID}", staff=True).json()["count"] == 0


@pytest.mark.parametrize(
    "body",
    [b'{"user_id": true}', b'{"user_id": false}', b'{"user_id": "2"}', b'{"user_id": 2.5}',
     b'{"user_id": 0}', b'{"user_id": -1}', b'{"user_id": 9223372036854775808}', b'{"user_id": 1e30}',
     b'{"user_id": NaN}', b'{"user_id": Infinity}', b'{"user_id": -Infinity}', b'{"user_id": [2]}'],
)
def test_body_user_id_is_a_strict_bounded_integer(api, body):
    # (2.0 is a JSON integer, as JSON Schema says: it names learner 2.)
    before = count(api)
    headers = {**api.auth(50, staff=True), "content-type": "application/json"}
    response = api.client.post("/api/podcasts/", content=body, headers=headers)
    assert field_named(response, "body", "user_id"), response.text
    assert count(api) == before


@pytest.mark.parametrize(
    "body, field",
    [(b'{"languages": [NaN]}', "languages"), (b'{"output_format": Infinity}', "output_format"),
     (b'{"primary_language": NaN}', "primary_language"), (b'{"NaN": NaN}', "NaN")],
)
def test_nan_anywhere_in_a_body_is_a_422(api, body, field):
    before = count(api)
    headers = {**api.auth(1), "content-type": "application/json"}
    response = api.client.post("/api/podcasts/", content=body, headers=headers)
    assert field_named(response, "body", field), response.text
    assert count(api) == before


def test_nan_in_answers_is_a_422(api):
    url = f"/api/podcasts/{api.podcast['id']}/answers/"
    headers = {**api.auth(1), "content-type": "application/json"}
    response = api.client.put(url, content=b'{"answers": {"q1": NaN}}', headers=headers)
    assert field_named(response, "body", "answers"), response.text


@pytest.mark.parametrize(
    "body, field",
    [({"user_id": 2**63}, "user_id"), ({"user_id": True}, "user_id"), ({"user_id": "1"}, "user_id"),
     ({"user_id": 0}, "user_id"), ({"staff": True, "user_id": 2**63}, "user_id"),
     ({"staff": True, "user_id": -1}, "user_id"), ({"staff": "true"}, "staff"), ({"staff": 1}, "staff")],
)
def test_dev_token_numbers_are_strict_and_bounded(embedded, body, field):
    response = embedded.client.post("/dev/token", json=body)
    assert field_named(response, "body", field), response.text


# --- item 4: text is valid Unicode, and nothing stored breaks a read ----------------------------


def read_everything(api, podcast_id: int, user_id: int = 1) -> list:
    paths = [f"/api/podcasts/{podcast_id}/{p}" for p in ("", "progress/", "answers/", "accuracy-check/")]
    answers = [api.get(p, user_id) for p in paths]
    answers += [api.get("/api/podcasts/", user_id), api.get("/api/podcasts/", 50, staff=True),
                api.get(paths[0], 50, staff=True)]
    return answers


@pytest.mark.parametrize(
    "body",
    [b'{"answers": {"q1": "\\udc00"}}', b'{"answers": {"q1": "ok \\ud800 then"}}',
     b'{"answers": {"q1": "\\udc00\\ud800"}}', b'{"answers": {"\\udc00": "an answer"}}',
     b'{"answers": {"q1": "fine", "q2\\ud83d": "x"}}'],
)
def test_lone_surrogates_in_answers_are_refused(api, body):
    pid = api.podcast["id"]
    before = api.get(f"/api/podcasts/{pid}/answers/").json()["answers"]
    headers = {**api.auth(1), "content-type": "application/json"}
    response = api.client.put(f"/api/podcasts/{pid}/answers/", content=body, headers=headers)
    assert field_named(response, "body", "answers"), response.text
    assert all(r.status_code == 200 for r in read_everything(api, pid))
    assert api.get(f"/api/podcasts/{pid}/answers/").json()["answers"] == before


@pytest.mark.parametrize(
    "body, field",
    [(b'{"languages": ["\\udc00"]}', "languages"), (b'{"output_format": "\\ud800"}', "output_format"),
     (b'{"\\udc00": 1}', None), (b'{"primary_language": "en\\udc00"}', "primary_language")],
)
def test_lone_surrogates_anywhere_in_a_request_are_a_422(api, body, field):
    headers = {**api.auth(1), "content-type": "application/json"}
    response = api.client.post("/api/podcasts/", content=body, headers=headers)
    assert response.status_code == 422, response.text
    assert field is None or field_named(response, "body", field), response.text


def test_valid_text_is_kept_exactly(api):
    pid = api.podcast["id"]
    answer = "😀 pair \U00010000, 日本語, e\u0301, \u200b zero width"
    saved = api.client.put(f"/api/podcasts/{pid}/answers/", json={"answers": {"q1": answer}}, headers=api.auth(1))
    assert saved.status_code == 200, saved.text
    escaped = api.client.put(f"/api/podcasts/{pid}/answers/", headers={**api.auth(1), "content-type": "application/json"},
                             content=b'{"answers": {"q2": "\\ud83d\\ude00"}}')
    assert escaped.status_code == 200 and escaped.json()["answers"]["q2"] == "😀"
    assert all(r.status_code == 200 for r in read_everything(api, pid))
    assert api.get(f"/api/podcasts/{pid}/answers/").json()["answers"]["q1"] == answer


def test_control_characters_are_text_but_nul_is_refused(api):
    """Answers are stored as text, and PostgreSQL's text cannot hold U+0000: a 422 on both databases."""
    pid = api.podcast["id"]
    answer = "a\u0007c\u007f\ufeff\uffff"
    response = api.client.put(f"/api/podcasts/{pid}/answers/", json={"answers": {"q3": answer}}, headers=api.auth(1))
    assert response.status_code == 200, response.text
    assert all(r.status_code == 200 for r in read_everything(api, pid))
    assert api.get(f"/api/podcasts/{pid}/answers/").json()["answers"]["q3"] == answer
    refused = api.client.put(f"/api/podcasts/{pid}/answers/", json={"answers": {"q3": "a\u0000b"}},
                             headers=api.auth(1))
    assert field_named(refused, "body", "answers"), refused.text
    assert api.get(f"/api/podcasts/{pid}/answers/").json()["answers"]["q3"] == answer


def test_a_bad_string_already_stored_does_not_break_reads(embedded):
    """SQLite can hold a lone surrogate (its JSON is escaped); reads show U+FFFD instead of failing."""
    api = embedded
    podcast = api.finished(api.create(user_id=2, output_format="text", staff=True).json()["id"], 2)
    pid = podcast["id"]
    with api.container.session_factory() as session:  # a row of then: written before documents, too
        session.execute(update(DailyPodcast).where(DailyPodcast.id == pid).values(
            scripts={"en": "oops \udfff", "q\ud800": "x"}, document=None))
        session.commit()
    for response in read_everything(api, pid, 2):
        assert response.status_code == 200, response.request.url
    assert api.get(f"/api/podcasts/{pid}/", 2).json()["scripts"]["en"] == "oops \ufffd"
    assert fill_missing_documents(api.container.session_factory) == 1  # its document, cleaned
    for response in read_everything(api, pid, 2):
        assert response.status_code == 200, response.request.url
    assert api.get(f"/api/podcasts/{pid}/", 2).json()["scripts"]["en"] == "oops \ufffd"
