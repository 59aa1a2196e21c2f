"""Every sentence the template writer can say in Japanese, through the reading step: every
phrase-bank variant, filled with the demo learners and other realistic titles, names and scores."""

import pytest

from dailycast.locale_rules import format_percent
from dailycast.readings import reading_problems, speakable
from services.api.demo import LEARNERS
from services.scriptgen.writers.phrases import join_titles, sentences

TITLES = [
    *dict.fromkeys(title for learner in LEARNERS for title in learner[4]),
    "Introduction to Machine Learning", "Web Development with React", "SQL for Data Analysis", "C++ Programming",
    "iOS App Development", "AWS Cloud Practitioner", "Data Science 101", "Git & GitHub", "HTML/CSS Basics",
    "Node.js", "CS50", "Cell Biology", "Genetics", "Español Intermedio", "データベース設計入門",
]
NAMES = [learner[1] for learner in LEARNERS] + ["Zoë O'Brien", "田中 愛子"]
SCORES = [0.0, 0.07, 0.45, 0.5, 0.82, 1.0]


def fills():
    for i, title in enumerate(TITLES):
        other = TITLES[(i + 1) % len(TITLES)]
        yield {"name": NAMES[i % len(NAMES)], "course": title, "course2": other, "subject": title,
               "courses": join_titles([title, other], "ja"), "subjects": join_titles([title], "ja"),
               "score": format_percent(SCORES[i % len(SCORES)], "ja"), "item": title, "question": "",
               "points": join_titles([title], "ja")}


CORPUS = list(dict.fromkeys(sentences("ja", fills())))


def test_the_corpus_covers_the_bank_and_the_titles():
    assert len(CORPUS) > 1000
    assert all(any(title in sentence for sentence in CORPUS) for title in TITLES)


@pytest.mark.parametrize("part", range(4))
def test_every_sentence_reads_with_no_latin_letter_nor_known_wrong_reading(part):
    problems = {}
    for sentence in CORPUS[part::4]:
        found = reading_problems(sentence, "ja", speakable(sentence, "ja"))
        if found:
            problems[sentence[:60]] = found
    assert problems == {}, f"{len(problems)} sentences read wrongly, e.g. {list(problems.items())[:5]}"
