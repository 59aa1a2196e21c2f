"""The OpenAPI schema against the running API: Schemathesis sends generated requests (valid and not)
to every operation and checks every answer with all its checks (no 5xx, only documented statuses,
content types and headers, bodies that match their schema, invalid data refused, auth enforced...).

The system runs as `dailycast run` runs it (embedded runtime, uvicorn on a real socket), once for the
module; each operation is fuzzed as a learner and as staff, with a bounded, derandomized number of
examples so the file takes about a minute.
"""

from __future__ import annotations

import uuid

import hypothesis
import pytest
import schemathesis
from schemathesis import GenerationMode

from tests.utils.served import Served, served_system, wait_completed

LEARNER_ID = 1  # a demo learner (services/api/demo.py)
STAFF_ID = 900_001  # staff, not a learner
MAX_EXAMPLES = 25


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        # A small daily limit: the fuzzed POSTs reach 429 soon, and the pipeline has little to generate.
        with served_system(monkeypatch, tmp_path_factory.mktemp("fuzz") / "data",
                           DAILYCAST_DAILY_REQUEST_LIMIT="3") as served:
            yield served


@pytest.fixture(scope="module")
def podcast(served: Served) -> dict:
    """A finished podcast of the learner's, podcast 1: small ids, which Hypothesis tries first, exist."""
    import httpx

    created = httpx.post(f"{served.base_url}/api/podcasts/", json={}, headers=served.auth(LEARNER_ID),
                         trust_env=False, timeout=30)
    assert created.status_code == 202, created.text
    return wait_completed(served, created.json()["id"], LEARNER_ID, timeout=60)


@pytest.fixture(scope="module")
def api_schema(served: Served, podcast):
    schema = schemathesis.openapi.from_url(f"{served.base_url}/openapi.json")
    schema.config.update(base_url=served.base_url)
    schema.config.generation.update(max_examples=MAX_EXAMPLES, deterministic=True)
    return schema


@pytest.fixture(autouse=True)
def _node_id_for_schemathesis(request):
    # schemathesis 4.32's lazy schemas (from_fixture) read and rename `request.node._nodeid`, which
    # pytest 9.2 no longer has (its node ids are `_id`, a NodeId): give it the attribute it expects.
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


schema = schemathesis.pytest.from_fixture("api_schema")
SETTINGS = hypothesis.settings(
    max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)


def call_and_validate(case, auth: dict[str, str]) -> None:
    """The request with every check Schemathesis has (its default when none are named)."""
    if case.headers and "Idempotency-Key" in case.headers and case.meta is not None \
            and case.meta.generation.mode is GenerationMode.POSITIVE:
        # A key names one request: the same key with another body is a 422 by design (README), a rule
        # about earlier requests that no schema can state. Hypothesis draws the same few keys again
        # and again, so each valid request gets a key of its own; invalid keys are still sent as drawn.
        case.headers["Idempotency-Key"] = uuid.uuid4().hex
    response = case.call(headers=auth)
    excluded = []
    has_body = case.method != "HEAD"  # a HEAD's answer has none to read
    if response.status_code == 422 and has_body and _names_an_unknown_learner(response.json()):
        # Whether a learner exists is data, not schema: a valid request for a user id the platform
        # does not know is refused (422 naming user_id, as the seed's API does), the only such rule.
        excluded.append(schemathesis.checks.positive_data_acceptance)
    if response.status_code == 422 and _beyond_double_precision(case.body):
        # JSON Schema validators compare numbers as doubles, so 2^63 + 191 "equals" the bound 2^63 - 1
        # (RFC 8259 section 6: integers beyond 2^53 are not interoperable); the API compares exactly.
        excluded.append(schemathesis.checks.positive_data_acceptance)
    if response.status_code == 422 and has_body and _too_large(response.json()):
        # A byte size of the encoded body is no rule a JSON Schema can state: a valid batch of up to 500
        # platform events may be larger than DAILYCAST_MAX_BODY_BYTES, which is a documented 422.
        excluded.append(schemathesis.checks.positive_data_acceptance)
    declared = {parameter.name for parameter in case.operation.query}
    if set(case.query or {}) - declared:
        # A query parameter the operation does not have (`&Pd=false`, a nameless `&=null`, a
        # client's cache buster) is ignored, as HTTP APIs commonly do; Schemathesis counts it as
        # invalid data that should be refused. Every declared parameter is still checked.
        excluded.append(schemathesis.checks.negative_data_rejection)
    case.validate_response(response, headers=auth, excluded_checks=excluded)


def _beyond_double_precision(value: object) -> bool:
    if isinstance(value, dict):
        return any(_beyond_double_precision(v) for v in value.values())
    if isinstance(value, list):
        return any(_beyond_double_precision(v) for v in value)
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53


def _too_large(body: dict) -> bool:
    return any(d.get("type") == "too_large" for d in body.get("detail", []) if isinstance(d, dict))


def _names_an_unknown_learner(body: dict) -> bool:
    return any(d.get("loc") == ["body", "user_id"] and "no active learner" in d.get("msg", "")
               for d in body.get("detail", []) if isinstance(d, dict))


@schema.parametrize()
@SETTINGS
def test_every_operation_as_a_learner(case, served: Served):
    call_and_validate(case, served.auth(LEARNER_ID))


@schema.parametrize()
@SETTINGS
def test_every_operation_as_staff(case, served: Served):
    call_and_validate(case, served.auth(STAFF_ID, staff=True))


def test_the_schema_lists_each_operations_statuses_and_readable_ids(served: Served):
    import httpx

    spec = httpx.get(f"{served.base_url}/openapi.json", trust_env=False).json()
    operations = {op["operationId"]: op for path in spec["paths"].values() for op in path.values()}
    assert set(operations) == {
        "livez", "readyz", "healthz", "create_podcast", "list_podcasts", "get_podcast", "delete_podcast", "get_progress",
        "get_answers", "put_answers", "get_transcript_text", "get_accuracy_check", "get_audio", "regenerate_podcast",
        "replay_podcasts", "list_learners", "get_my_learner", "post_platform_events", "list_daily_costs", "get_podcast_costs",
        "get_my_preferences", "put_my_preferences", "get_learner_preferences", "put_learner_preferences",
        "get_transcript_vtt", "get_chapters", "get_my_feed", "rotate_my_feed", "get_rating", "put_rating",
        "get_feed", "get_feed_audio", "get_feed_transcript", "get_feed_chapters",
    }
    assert not any(path.startswith(("/dev", "/static", "/admin")) or path == "/" for path in spec["paths"])
    statuses = {name: set(op["responses"]) for name, op in operations.items()}
    assert statuses["create_podcast"] == {"202", "400", "401", "403", "422", "429", "503"}
    assert statuses["put_answers"] == {"200", "400", "401", "403", "404", "422", "503"}
    assert statuses["regenerate_podcast"] == {"202", "400", "401", "403", "404", "422", "503"}
    assert statuses["replay_podcasts"] == {"200", "400", "401", "403", "422", "503"}
    assert statuses["get_audio"] >= {"200", "206", "307", "401", "404", "422", "503"}
    assert statuses["get_feed_audio"] >= {"200", "206", "307", "404", "422"} and "401" not in statuses["get_feed_audio"]
    assert statuses["list_learners"] == {"200", "401", "403", "503"}
    assert statuses["post_platform_events"] == {"202", "400", "401", "403", "422", "503"}
    assert statuses["list_daily_costs"] == {"200", "401", "403", "422", "503"}
    assert statuses["get_podcast_costs"] == {"200", "401", "403", "404", "422", "503"}
    assert statuses["get_my_preferences"] == {"200", "401", "404", "503"}
    assert statuses["put_my_preferences"] == {"200", "400", "401", "404", "422", "503"}
    assert statuses["put_learner_preferences"] == {"200", "400", "401", "403", "404", "422", "503"}
    audio = operations["get_audio"]["responses"]
    assert set(audio["200"]["content"]) == set(audio["206"]["content"]) == {"audio/mpeg"}
    assert "Retry-After" in operations["create_podcast"]["responses"]["429"]["headers"]
    for name, op in operations.items():
        if name not in ("livez", "readyz", "healthz") and not name.startswith("get_feed"):  # a feed's token is its path
            assert op["responses"]["401"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorOut"}, name
