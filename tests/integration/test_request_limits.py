"""Work per learner is bounded: a daily request limit (429 + Retry-After) and Idempotency-Key retries."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

from system.builder import Adapters
from tests.utils.fakes import FakeWriter

LIMIT = 5  # DAILYCAST_DAILY_REQUEST_LIMIT's default


def seconds_to_next_utc_day() -> float:
    now = datetime.now(timezone.utc)
    return (datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), timezone.utc) - now).total_seconds()


def post(api, user_id: int = 1, staff: bool = False, key: str | None = None, body: dict | None = None):
    headers = api.auth(user_id, staff) | ({"Idempotency-Key": key} if key is not None else {})
    return api.client.post("/api/podcasts/", json=body if body is not None else {"output_format": "text"},
                           headers=headers)


def count(api, user_id: int) -> int:
    return api.get(f"/api/podcasts/?user_id={user_id}", 50, staff=True).json()["count"]


def test_a_learner_gets_five_podcasts_a_day_then_429_with_retry_after(api):
    assert all(post(api).status_code == 202 for _ in range(LIMIT))

    refused = post(api)

    assert refused.status_code == 429
    retry_after = int(refused.headers["Retry-After"])
    assert abs(retry_after - seconds_to_next_utc_day()) <= 5 and retry_after >= 1
    body = refused.json()
    assert "limit" in body["detail"] and body["limit"] == LIMIT
    resets_at = datetime.fromisoformat(body["resets_at"])
    assert (resets_at.hour, resets_at.minute, resets_at.second, resets_at.utcoffset()) == (0, 0, 0, timedelta(0))
    assert abs((resets_at - datetime.now(timezone.utc)).total_seconds() - retry_after) <= 5
    assert count(api, 1) == LIMIT
    # Deleting one does not give the request back: the limit is on work asked for.
    first = api.get("/api/podcasts/?page_size=200").json()["results"][-1]["id"]
    assert api.client.delete(f"/api/podcasts/{first}/", headers=api.auth(1)).status_code == 204
    assert post(api).status_code == 429

    assert post(api, user_id=2).status_code == 202  # another learner has their own
    assert post(api, 50, staff=True, body={"user_id": 1, "output_format": "text"}).status_code == 202  # staff for others
    # Staff are not limited for themselves either (learner 3 with a staff token).
    assert all(post(api, 3, staff=True).status_code == 202 for _ in range(LIMIT + 1))


def test_concurrent_requests_at_the_limit_do_not_all_pass(api):
    assert all(post(api).status_code == 202 for _ in range(LIMIT - 2))
    barrier = threading.Barrier(8)

    def racing():
        barrier.wait()
        return post(api).status_code

    with ThreadPoolExecutor(8) as pool:
        codes = sorted(pool.map(lambda _: racing(), range(8)))

    assert codes == [202, 202] + [429] * 6
    assert count(api, 1) == LIMIT


def test_a_retried_post_with_the_same_idempotency_key_returns_the_first_podcast(system_on):
    writer = FakeWriter()
    with system_on(Adapters(writer=writer), DAILYCAST_PARTITIONS=1) as api:
        body = {"languages": ["en"], "output_format": "text"}
        first = post(api, key="retry-42", body=body)
        assert first.status_code == 202
        api.finished(first.json()["id"])

        again = post(api, key="retry-42", body=body)

        assert again.status_code == 202 and again.json() == first.json()
        assert count(api, 1) == 1
        # One partition: once a later podcast is done, a second PodcastRequested would have been written.
        later = post(api, key="another", body=body)
        assert later.json()["id"] != first.json()["id"]
        api.finished(later.json()["id"])
        assert len(writer.requests) == 2

        changed = post(api, key="retry-42", body={"languages": ["ja"], "output_format": "text"})
        assert changed.status_code == 422 and "Idempotency-Key" in changed.text
        assert post(api, user_id=2, key="retry-42", body=body).json()["id"] not in (first.json()["id"], None)
        assert count(api, 1) == 2


def test_a_retry_at_the_limit_still_gets_its_podcast(api):
    assert all(post(api).status_code == 202 for _ in range(LIMIT - 1))
    last = post(api, key="k")
    assert last.status_code == 202
    assert post(api).status_code == 429
    again = post(api, key="k")
    assert again.status_code == 202 and again.json() == last.json()


def test_concurrent_posts_with_one_key_make_one_podcast(api):
    barrier = threading.Barrier(4)

    def racing():
        barrier.wait()
        return post(api, key="same-click")

    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(lambda _: racing(), range(4)))

    assert [r.status_code for r in responses] == [202] * 4
    assert len({r.json()["id"] for r in responses}) == 1
    assert count(api, 1) == 1


def test_bad_idempotency_keys_are_422(api):
    for key in ("", "x" * 201, "tab\there"):
        response = post(api, key=key)
        assert response.status_code == 422, key
        assert "Idempotency-Key" in response.text
    assert post(api, key="x" * 200).status_code == 202
    assert count(api, 1) == 1


def test_a_key_is_remembered_for_24_hours(api):
    from sqlalchemy import update

    from services.api.db import IdempotencyKey

    first = post(api, key="yesterday")
    assert post(api, key="yesterday").json()["id"] == first.json()["id"]
    with api.container.session_factory.begin() as session:
        session.execute(update(IdempotencyKey).values(created_at=datetime.now(timezone.utc) - timedelta(hours=25)))

    later = post(api, key="yesterday")

    assert later.status_code == 202 and later.json()["id"] != first.json()["id"]
    assert post(api, key="yesterday").json()["id"] == later.json()["id"]
    assert count(api, 1) == 2
