"""Cutting SSML into Polly-sized documents: limits kept, sentences whole, marks with their questions."""

import random
import re
import xml.etree.ElementTree as ET

import pytest

from dailycast.scripts import Question
from services.tts.ssml import build_ssml
from services.tts.ssml_chunks import MAX_BILLED, MAX_CHARS, billed_characters, split_ssml

WORDS = "the cell keeps its energy in small molecules that move across each membrane".split()
QUESTION = re.compile(r'<s><mark name="(q\d)"/>(?:<mark name="s\d+"/>)?[^<]*(?:<mark name="\1-end"/>)?</s>')
# The pause's mark stays with the silence that follows it.
PAUSE = re.compile(r'<mark name="(q\d)-end"/>(?:</s>)?<break time="5s"/>')


def english_script(words: int, seed: int = 1) -> tuple[str, list[Question]]:
    """About `words` words in paragraphs of sentences, with three questions spread through it."""
    rng = random.Random(seed)
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 25)))
        sentences.append(sentence.capitalize() + rng.choice([".", ".", "!", "?"]))
    questions = [Question(f"q{n}", {"en": f"Question {n}: why does the cell need energy {n}?"}) for n in (1, 2, 3)]
    for n, q in enumerate(questions, 1):
        sentences.insert(len(sentences) * n // 4, "Now think. " + q.text["en"])
    paragraphs = [" ".join(sentences[i : i + 7]) for i in range(0, len(sentences), 7)]
    return "\n\n".join(paragraphs), questions


def japanese_script(sentences: int) -> tuple[str, list[Question]]:
    statement, exclamation = "しょくぶつは、ひかりで えいようを つくります。", "はっぱは なぜ みどりなのでしょう！"
    body = [statement if i % 3 else exclamation for i in range(sentences)]
    questions = [Question(f"q{n}", {"ja": f"しつもん{n}：エネルギーは どこから きますか？"}) for n in (1, 2, 3)]
    for n, q in enumerate(questions, 1):
        body.insert(len(body) * n // 4, q.text["ja"])
    return "\n\n".join("".join(body[i : i + 20]) for i in range(0, len(body), 20)), questions


def korean_script(sentences: int) -> tuple[str, list[Question]]:
    body = ["식물은 햇빛으로 당을 만듭니다." for _ in range(sentences)]
    questions = [Question(f"q{n}", {"ko": f"질문 {n}: 에너지는 어디에서 올까요?"}) for n in (1, 2, 3)]
    for n, q in enumerate(questions, 1):
        body.insert(len(body) * n // 4, q.text["ko"])
    return " ".join(body), questions


def text_of(ssml: str) -> str:
    return "".join(ET.fromstring(ssml).itertext())


def assert_well_cut(ssml: str, chunks: list[str], max_chars: int = MAX_CHARS, max_billed: int = MAX_BILLED):
    for chunk in chunks:
        root = ET.fromstring(chunk)  # each one a well-formed <speak> document
        assert root.tag == "speak"
        assert len(chunk) <= max_chars and billed_characters(chunk) <= max_billed
    assert "".join(text_of(c) for c in chunks) == text_of(ssml)  # nothing lost, nothing doubled
    names = [n for c in chunks for n in re.findall(r'<mark name="([^"]+)"/>', c)]
    assert names == re.findall(r'<mark name="([^"]+)"/>', ssml)


def test_a_short_document_is_sent_as_it_is():
    ssml = build_ssml("Hello there. How are you?", [], "en", 5)
    assert split_ssml(ssml) == [ssml]


def test_a_9000_word_script_is_cut_within_pollys_limits():
    script, questions = english_script(9000)
    ssml = build_ssml(script, questions, "en", 5)
    chunks = split_ssml(ssml)
    assert_well_cut(ssml, chunks)
    assert len(chunks) <= billed_characters(ssml) / (0.9 * MAX_BILLED) + 1  # pieces are nearly full
    for chunk in chunks[:-1]:  # each cut falls after a sentence's end
        assert re.search(r"[.!?]\s*$", text_of(chunk)), text_of(chunk)[-40:]


def test_each_question_stays_whole_with_its_marks_and_pause():
    script, questions = english_script(9000, seed=7)
    ssml = build_ssml(script, questions, "en", 5)
    for limit in (3000, 1000, 400):
        chunks = split_ssml(ssml, max_chars=2 * limit, max_billed=limit)
        found = [m.group(1) for c in chunks for m in QUESTION.finditer(c)]
        assert found == ["q1", "q2", "q3"]
        assert [m.group(1) for c in chunks for m in PAUSE.finditer(c)] == ["q1", "q2", "q3"]
        assert_well_cut(ssml, chunks, 2 * limit, limit)


def test_a_cut_paragraph_is_closed_and_opened_again():
    ssml = build_ssml("One sentence here. Two sentence here. Three sentence here.\n\nFour.", [], "en", 5)
    chunks = split_ssml(ssml, max_chars=250, max_billed=40)
    assert chunks == [
        '<speak><p><s><mark name="s1"/>One sentence here.</s> <s><mark name="s2"/>Two sentence here.</s> </p></speak>',
        '<speak><p><s><mark name="s3"/>Three sentence here.</s></p><p><s><mark name="s4"/>Four.</s></p></speak>',
    ]


@pytest.mark.parametrize("limit", [3000, 500, 120])
def test_japanese_is_cut_after_its_full_stops(limit):
    script, questions = japanese_script(300)
    ssml = build_ssml(script, questions, "ja", 5)
    chunks = split_ssml(ssml, max_chars=2 * limit, max_billed=limit)
    assert len(chunks) > 1
    assert_well_cut(ssml, chunks, 2 * limit, limit)
    for chunk in chunks[:-1]:
        assert text_of(chunk)[-1] in "。！？", text_of(chunk)[-20:]


def test_korean_is_cut_between_sentences():
    script, questions = korean_script(400)
    ssml = build_ssml(script, questions, "ko", 5)
    chunks = split_ssml(ssml)
    assert len(chunks) > 1
    assert_well_cut(ssml, chunks)
    assert all(text_of(c).rstrip()[-1] in ".?" for c in chunks)


def test_numbers_and_quotes_do_not_end_a_sentence_early():
    ssml = "<speak><p>Pi is 3.14159 here. He said &quot;stop.&quot; Then we left.</p></speak>"
    chunks = split_ssml(ssml, max_chars=80, max_billed=30)
    assert [text_of(c) for c in chunks] == ["Pi is 3.14159 here. ", 'He said "stop." ', "Then we left."]


def test_an_overlong_sentence_is_cut_at_commas_then_spaces():
    clauses = ", ".join(["a clause of several words"] * 40) + "."
    chunks = split_ssml(f"<speak><p>{clauses}</p></speak>", max_chars=400, max_billed=200)
    assert len(chunks) > 1 and all(text_of(c).endswith((", ", ".")) for c in chunks)
    no_commas = " ".join(["word"] * 300)
    chunks = split_ssml(f"<speak>{no_commas}</speak>", max_chars=200, max_billed=100)
    assert all(text_of(c).endswith(("word ", "word")) for c in chunks)
    assert "".join(text_of(c) for c in chunks) == no_commas


def test_an_entity_is_never_cut():
    ssml = "<speak>" + "&amp;" * 500 + "</speak>"
    chunks = split_ssml(ssml, max_chars=300, max_billed=101)
    assert_well_cut(ssml, chunks, 300, 101)


def test_a_mark_outside_a_sentence_goes_with_what_follows():
    ssml = '<speak>First one. <mark name="m"/>Second one.</speak>'
    assert split_ssml(ssml, max_chars=60, max_billed=12) == [
        "<speak>First one. </speak>",
        '<speak><mark name="m"/>Second one.</speak>',
    ]


def test_an_element_too_long_for_any_request_is_refused():
    ssml = build_ssml("Ask: " + "why " * 100 + "?", [Question("q1", {"en": "why " * 100 + "?"})], "en", 5)
    with pytest.raises(ValueError, match="too long"):
        split_ssml(ssml, max_chars=600, max_billed=300)


def test_not_a_speak_document_is_refused():
    with pytest.raises(ValueError, match="speak"):
        split_ssml("Hello.")


def test_billed_characters_leave_out_tags():
    assert billed_characters('<speak><p>Hi.<break time="1s"/> Yo</p></speak>') == len("Hi. Yo")
