import re
import xml.etree.ElementTree as ET

import pytest

from dailycast.scripts import Question
from services.tts.ssml import MAX_BREAK_SECONDS, break_time, build_ssml, english_terms, local_reading, question_marks

Q1 = Question("q1", {"en": "What is 2 < 3?", "fr": "Que vaut 2 < 3 ?"})
Q2 = Question("q2", {"en": "Why do cats & dogs differ?"})
SCRIPT = (
    "Welcome to today's <episode> on math & animals.\n\n"
    "First: What is 2 < 3? Think about it.\n"
    "Then: Why do cats & dogs differ? That's all."
)


def build(script=SCRIPT, questions=(Q1, Q2), language="en", pause=5.0):
    return build_ssml(script, list(questions), language, pause)


def without_sentence_marks(ssml: str) -> str:
    return re.sub(r'<mark name="s\d+"/>', "", ssml)


def test_every_sentence_starts_with_its_mark_numbered_over_the_whole_script():
    ssml = build()
    assert re.findall(r'<mark name="(s\d+)"/>', ssml) == ["s1", "s2", "s3", "s4", "s5"]
    root = ET.fromstring(ssml)
    after = [mark.tail for mark in root.iter("mark") if mark.get("name").startswith("s")]
    assert [a[:7] for a in after] == ["Welcome", "First: ", "Think a", "Then: ", "That's "]
    assert '<mark name="s2"/>First: <s><mark name="q1"/>What is 2' in ssml
    assert '<s><mark name="s3"/>Think about it.</s>' in ssml


def test_a_whole_sentence_is_an_s_and_a_question_that_starts_one_has_its_mark_after_its_own():
    ssml = build("Hello. What is 2 < 3? Think.", [Q1])
    assert '<s><mark name="s1"/>Hello.</s> <s><mark name="q1"/><mark name="s2"/>What is 2 &lt; 3?</s> <s><mark name="s3"/>Think.</s>' in ssml


def test_is_well_formed_speak_document():
    root = ET.fromstring(build())
    assert root.tag == "speak"
    assert [child.tag for child in root] == ["p", "p"]


def test_escapes_reserved_characters():
    ssml = build()
    assert "&lt;episode&gt;" in ssml
    assert "math &amp; animals" in ssml
    assert "What is 2 &lt; 3?" in ssml
    assert "cats &amp; dogs" in ssml
    assert "today&apos;s" in ssml
    assert "<episode>" not in ssml


def test_text_round_trips_through_xml():
    text = "".join(ET.fromstring(build()).itertext())
    assert "Welcome to today's <episode> on math & animals." in text
    assert "What is 2 < 3?" in text


def test_marks_each_question_and_pauses_after_what_follows_it_in_its_paragraph():
    ssml = without_sentence_marks(build(pause=5))
    # The think prompt after a question is spoken before the pause, and the pause mark is where
    # the silence starts: the player stops there.
    assert (
        '<s><mark name="q1"/>What is 2 &lt; 3?</s> <s>Think about it.</s><mark name="q1-end"/>'
        '<break time="5s"/>\nThen: <s><mark name="q2"/>' in ssml
    )
    assert (
        '<s><mark name="q2"/>Why do cats &amp; dogs differ?</s> <s>That&apos;s all.</s><mark name="q2-end"/>'
        '<break time="5s"/></p>' in ssml
    )
    names = re.findall(r'<mark name="([^"]+)"/>', ssml)
    assert names == ["q1", "q1-end", "q2", "q2-end"]


def test_a_question_that_ends_its_paragraph_is_followed_by_the_pause():
    ssml = build("Ask: What is 2 < 3?\n\nNext.", [Q1])
    assert '<mark name="q1"/>What is 2 &lt; 3?<mark name="q1-end"/></s><break time="5s"/></p>' in ssml


def test_an_unfinished_lead_in_to_the_next_question_stays_before_it():
    ssml = without_sentence_marks(build("Ask: What is 2 < 3? And: Why do cats & dogs differ?", [Q1, Q2]))
    assert '3?<mark name="q1-end"/></s><break time="5s"/> And: <s><mark name="q2"/>' in ssml


def test_japanese_sentences_need_no_space():
    question = Question("q1", {"ja": "なぜですか？"})
    ssml = without_sentence_marks(build_ssml("では、なぜですか？ゆっくり考えてください。", [question], "ja", 3))
    assert '<mark name="q1"/>なぜですか？</s><s>ゆっくり考えてください。</s><mark name="q1-end"/><break time="3s"/>' in ssml


def test_the_think_prompt_is_spoken_before_the_pause():
    script = "Here is your first question. What is 2 < 3? Take a moment to think, then write your answer."
    ssml = build(script, [Q1])
    prompt = ssml.index("Take a moment to think")
    assert ssml.index('<mark name="q1"/>') < ssml.index("What is 2") < prompt
    assert prompt < ssml.index('<mark name="q1-end"/>') < ssml.index("<break")


def test_paragraphs_split_on_blank_lines_only():
    script = "One.\nStill one.\n\n  \n\nTwo.\n \nThree.\n\n"
    root = ET.fromstring(build_ssml(script, [], "en", 3))
    assert ["".join(p.itertext()) for p in root.findall("p")] == ["One.\nStill one.", "Two.", "Three."]


def test_uses_the_language_text():
    ssml = without_sentence_marks(build("Alors : Que vaut 2 < 3 ? Voilà.", [Q1], "fr"))
    assert '<mark name="q1"/>Que vaut 2 &lt; 3 ?</s> <s>Voilà.</s><mark name="q1-end"/>' in ssml


@pytest.mark.parametrize(
    ("pause", "expected"),
    [
        (4, "4s"),
        (2.5, "2500ms"),
        (0.25, "250ms"),
        (10, "10s"),
        (12, "10s"),
        (600, "10s"),
        (0, "0s"),
    ],
)
def test_break_time_is_capped_and_integer(pause, expected):
    assert break_time(pause) == expected
    assert f'<break time="{expected}"/>' in build(pause=pause)


def test_cap_is_pollys_maximum():
    assert MAX_BREAK_SECONDS == 10


def test_negative_pause_is_rejected():
    with pytest.raises(ValueError):
        build(pause=-1)


def test_missing_question_names_its_id():
    absent = Question("q3", {"en": "What is the capital of Peru?"})
    with pytest.raises(ValueError, match="q3"):
        build(questions=(Q1, Q2, absent))


def test_match_is_exact():
    near = Question("q1", {"en": "what is 2 < 3?"})
    with pytest.raises(ValueError, match="q1"):
        build(questions=(near,))


def test_question_without_text_in_the_language_names_its_id():
    with pytest.raises(ValueError, match="q2"):
        build("Que vaut 2 < 3 ?", [Q1, Q2], "fr")


def test_questions_out_of_order_name_the_late_one():
    with pytest.raises(ValueError, match="q1"):
        build(questions=(Q2, Q1))


def test_several_questions_in_one_paragraph():
    script = "Ask: What is 2 < 3? And: Why do cats & dogs differ? Done."
    root = ET.fromstring(build(script))
    assert len(root.findall("p")) == 1
    assert [m.get("name") for m in root.iter("mark") if m.get("name").startswith("q")] == ["q1", "q1-end", "q2", "q2-end"]


def test_question_marks_gives_start_and_pause_per_question():
    marks = {"q1": 1.5, "q1-end": 3.0, "q2": 9.0, "q2-end": 11.25, "other": 0.1}
    assert question_marks(marks, [Q1, Q2]) == [("q1", 1.5, 3.0), ("q2", 9.0, 11.25)]


@pytest.mark.parametrize("missing", ["q1", "q2-end"])
def test_question_marks_names_a_missing_mark(missing):
    marks = {"q1": 1.5, "q1-end": 3.0, "q2": 9.0, "q2-end": 11.25}
    del marks[missing]
    with pytest.raises(ValueError, match=missing):
        question_marks(marks, [Q1, Q2])


def test_question_marks_rejects_an_end_before_the_start():
    with pytest.raises(ValueError, match="q1-end"):
        question_marks({"q1": 3.0, "q1-end": 1.0}, [Q1])


JA_SSML = build_ssml(
    "Aiko Tanakaさん、Git & GitHubを勉強しています。\n\nPython Advancedで何が大切ですか？",
    [Question("q1", {"ja": "Python Advancedで何が大切ですか？"})], "ja", 5.0,
)


def test_local_reading_reads_every_text_as_kana_and_keeps_the_tags():
    spoken = local_reading(JA_SSML, "ja")
    assert re.sub(r"[^<>]*(<[^>]*>)[^<>]*", r"\1", spoken) == re.sub(r"[^<>]*(<[^>]*>)[^<>]*", r"\1", JA_SSML)
    assert not re.search("[A-Za-z]", re.sub("<[^>]*>", "", spoken))
    assert "アンド" in spoken and "パイソン" in spoken  # & was unescaped before reading
    ET.fromstring(spoken)


def test_local_reading_leaves_other_languages_as_they_are():
    assert local_reading(build(), "en") == build()


def test_english_terms_mark_latin_runs_in_a_non_latin_script():
    marked = english_terms(JA_SSML, "ja")
    assert re.findall(r'<lang xml:lang="en-US">(.*?)</lang>', marked) == [
        "Aiko Tanaka", "Git &amp; GitHub", "Python Advanced",
    ]
    assert '<s><mark name="q1"/><mark name="s2"/><lang xml:lang="en-US">Python Advanced</lang>で' in marked
    ET.fromstring(marked)
    ru = english_terms("<speak><p>Вы изучаете Python Advanced.</p></speak>", "ru")
    assert ru == '<speak><p>Вы изучаете <lang xml:lang="en-US">Python Advanced</lang>.</p></speak>'


def test_english_terms_leave_latin_script_languages_as_they_are():
    assert english_terms(build(), "en") == build()
