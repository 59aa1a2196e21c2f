"""Saving an answer is atomic per question: two learners' tabs answering at once lose nothing."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

ROUNDS = 25


def test_two_puts_to_different_questions_at_once_keep_both_answers(api):
    podcast = api.finished(api.create(output_format="text", languages=["en"]).json()["id"])
    assert podcast["status"] == "completed"
    url = f"/api/podcasts/{podcast['id']}/answers/"
    headers = api.auth(1)
    barrier = threading.Barrier(2)

    def put(question: str, answer: str):
        barrier.wait()
        return api.client.put(url, json={"answers": {question: answer}}, headers=headers)

    with ThreadPoolExecutor(2) as pool:
        for n in range(ROUNDS):
            first, second = pool.submit(put, "q1", f"first {n}"), pool.submit(put, "q2", f"second {n}")
            assert first.result().status_code == 200, first.result().text
            assert second.result().status_code == 200, second.result().text
            saved = api.get(url).json()["answers"]
            assert saved == {"q1": f"first {n}", "q2": f"second {n}"}, f"round {n}"

    body = api.get(f"/api/podcasts/{podcast['id']}/").json()
    assert body["student_answers"] == {"q1": f"first {ROUNDS - 1}", "q2": f"second {ROUNDS - 1}"}
    progress = api.get(f"/api/podcasts/{podcast['id']}/progress/").json()["progress"]
    assert progress["answered_count"] == 2


def test_the_same_question_by_id_and_by_text_is_422_and_saves_nothing(api):
    podcast = api.finished(api.create(output_format="text", languages=["en"]).json()["id"])
    url, q1 = f"/api/podcasts/{podcast['id']}/answers/", podcast["questions"][0]["text"]["en"]
    assert api.client.put(url, json={"answers": {"q2": "kept"}}, headers=api.auth(1)).status_code == 200

    response = api.client.put(url, json={"answers": {"q1": "a", q1: "b", "q3": "c"}}, headers=api.auth(1))

    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "answers"] and "q1" in error["msg"]
    assert api.get(url).json()["answers"] == {"q2": "kept"}


def test_answers_go_with_their_podcast(api):
    podcast = api.finished(api.create(output_format="text", languages=["en"]).json()["id"])
    url = f"/api/podcasts/{podcast['id']}/answers/"
    saved = api.client.put(url, json={"answers": {"q1": "mine"}}, headers=api.auth(1))
    assert saved.json() == {
        "podcast_id": podcast["id"],
        "answers": {"q1": "mine"},
        "progress": {"questions_count": 3, "answered_count": 1, "completion_percentage": 33.3,
                     "overall_status": "in_progress", "score": None},  # graded after the save
    }
    assert api.client.delete(f"/api/podcasts/{podcast['id']}/", headers=api.auth(1)).status_code == 204
    assert api.client.put(url, json={"answers": {"q1": "x"}}, headers=api.auth(1)).status_code == 404
    with api.container.session_factory() as session:
        from sqlalchemy import text

        assert session.execute(text("SELECT count(*) FROM podcast_answer")).scalar() == 0


def test_an_answer_sent_late_never_overwrites_a_newer_one(api):
    """A phone offline queues an answer and sends it, with the time it was written, once back
    online: a newer answer saved meanwhile (on the laptop) stays; sending it twice changes nothing."""
    podcast = api.finished(api.create(output_format="text", languages=["en"]).json()["id"])
    url, headers = f"/api/podcasts/{podcast['id']}/answers/", api.auth(1)
    written_offline = "2026-01-05T08:00:00+00:00"
    assert api.client.put(url, json={"answers": {"q1": "from the laptop"}}, headers=headers).status_code == 200

    for _ in range(2):  # replayed by the queue: the same outcome
        late = api.client.put(url, json={"answers": {"q1": "from the phone", "q2": "only on the phone"},
                                         "written_at": written_offline}, headers=headers)
        assert late.status_code == 200, late.text
        assert late.json()["answers"] == {"q1": "from the laptop", "q2": "only on the phone"}

    # Written later than what is stored: saved. A time in the future counts as now.
    newer = api.client.put(url, json={"answers": {"q2": "edited"}, "written_at": "2999-01-01T00:00:00Z"},
                           headers=headers)
    assert newer.json()["answers"] == {"q1": "from the laptop", "q2": "edited"}
    assert api.client.put(url, json={"answers": {"q2": "x"}, "written_at": "yesterday"},
                          headers=headers).status_code == 422
    assert api.client.put(url, json={"answers": {"q2": "x"}, "written_at": "2026-01-05T08:00:00"},
                          headers=headers).status_code == 422  # a time needs its zone
