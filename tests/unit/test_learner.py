from datetime import datetime, timezone

from dailycast.learner import QuizScore, ability_level, recent_scores, weak_subjects


def s(subject, score, day=1):
    return QuizScore(subject, score, datetime(2026, 11, day, tzinfo=timezone.utc))


def test_ability_level_from_average_score():
    assert ability_level([]) == "beginner"
    assert ability_level([s("a", 0.5), s("b", 0.6)]) == "beginner"
    assert ability_level([s("a", 0.6), s("b", 0.7)]) == "intermediate"
    assert ability_level([s("a", 0.9), s("b", 0.85)]) == "advanced"


def test_weak_subjects_by_average_weakest_first():
    scores = [s("Genetics", 0.5), s("Cells", 0.3), s("Cells", 0.5), s("Ecology", 0.9), s("Genetics", 0.69)]
    assert weak_subjects(scores) == ["Cells", "Genetics"]


def test_recent_scores_newest_first_and_bounded():
    scores = [s("a", 0.1 * d, d) for d in range(1, 9)]
    recent = recent_scores(scores, limit=3)
    assert [r.scored_at.day for r in recent] == [8, 7, 6]


def test_topics_thumbed_up_more_than_down_are_liked_and_the_reverse_disliked():
    from dailycast.learner import topic_leanings

    thumbs = [("SQL", "down", 1), ("SQL", "up", 0.5), ("Django", "up", 1), ("Python", "up", 0.5),
              ("Python", "down", 0.5), ("Stats", "down", 1)]
    assert topic_leanings(thumbs) == (["Django"], ["Stats", "SQL"])
