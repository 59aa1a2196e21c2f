"""Sentences and the fingerprints of what a learner heard."""

from dailycast.sentences import FINGERPRINT_CHARS, fingerprint, fingerprints, heard_in, repeated, sentences


def test_sentences_split_after_full_stops_questions_and_cjk_marks():
    assert sentences("One. Two? «Three!» Four") == ["One.", "Two?", "«Three!»", "Four"]
    assert sentences("今日は晴れです。明日は？いいね！") == ["今日は晴れです。", "明日は？", "いいね！"]
    assert sentences("Pi is 3.14 today.\n\nNext.") == ["Pi is 3.14 today.", "Next."]


def test_a_fingerprint_is_short_and_ignores_case_punctuation_and_spacing():
    assert len(fingerprint("Hello there.")) == FINGERPRINT_CHARS
    assert fingerprint("Hello,  there!") == fingerprint("hello there.")
    assert fingerprint("Hello there.") != fingerprint("Hello here.")


def test_fingerprints_are_one_per_distinct_sentence_in_order():
    text = "A cat. A dog! a cat ... ¿Un gato?"
    assert fingerprints(text) == [fingerprint("A cat."), fingerprint("A dog!"), fingerprint("¿Un gato?")]
    assert fingerprints("... !") == []


def test_heard_in_several_scripts_counts_each_sentence_once():
    assert heard_in(["A cat. A dog.", "A dog. A bird."]) == fingerprints("A cat. A dog. A bird.")


def test_repeated_counts_the_heard_sentences_of_a_text():
    heard = heard_in(["A cat. A dog."])
    assert repeated("A dog. A bird. A cat!", heard) == 2
    assert repeated("A bird.", heard) == 0


def test_heard_in_keeps_the_newest_within_its_limit():
    newest, older = "A cat. A dog.", "A bird. A fish."
    assert heard_in([newest, older], limit=3) == fingerprints("A cat. A dog. A bird.")
    assert len(heard_in([newest, older], limit=None)) == 4
