"""bench/language_detection.py: its corpus is every language's paragraphs, and its count is right."""

from bench.language_detection import corpus, measure
from dailycast.languages import SUPPORTED_LANGUAGES


def test_the_corpus_holds_paragraphs_and_sentences_of_every_language():
    texts = corpus(days=1)
    for kind in ("paragraph", "sentence"):
        assert {language for language, _, k in texts if k == kind} == set(SUPPORTED_LANGUAGES)
    assert len(texts) == len(set(texts))


def test_a_mislabelled_text_counts_as_wrong():
    texts = [("fr", "Puisque tu étudies Django, nous regardons aujourd'hui pourquoi le cadre est utile.", "paragraph"),
             ("fr", "Since you study Django, today we look at what makes the framework useful.", "paragraph")]
    assert measure("py3langid", texts)["right"][("paragraph", "fr")] == [1, 2]
