import pytest

from dailycast.language_check import TextLanguages, detected_language, is_in_language, text_languages

SAMPLES = {
    "en": "Since you study Django, today we look at what makes the framework useful to you.",
    "es": "Como estudias Django, hoy vemos por qué el marco es útil para ti y para los proyectos que haces.",
    "fr": "Puisque tu étudies Django, nous regardons aujourd'hui pourquoi le cadre est utile pour les projets.",
    "de": "Da du Django lernst, schauen wir heute, warum das Framework für die Projekte nicht unwichtig ist.",
    "it": "Dato che studi Django, oggi vediamo perché il framework è utile per il tuo lavoro e per gli altri.",
    "pt": "Como você estuda Django, hoje vamos ver por que o framework é útil para o seu trabalho e os projetos.",
    "ru": "Поскольку вы изучаете Django, сегодня мы посмотрим, почему этот фреймворк полезен.",
    "ja": "Djangoを勉強しているので、今日はこのフレームワークが役に立つ理由を見ていきましょう。",
    "ko": "Django를 공부하고 있으니, 오늘은 이 프레임워크가 왜 유용한지 살펴보겠습니다.",
}


@pytest.mark.parametrize("language", SAMPLES)
def test_detects_each_language(language):
    assert detected_language(SAMPLES[language]) == language
    assert is_in_language(SAMPLES[language], language)


def test_english_labelled_as_french_is_not_french():
    assert not is_in_language("[FRENCH] " + SAMPLES["en"], "fr")


def test_no_words_no_language():
    assert detected_language("1234 !!") is None


def test_an_english_paragraph_in_a_french_script_is_found():
    french = "\n\n".join([SAMPLES["fr"], "Les questions viennent à la fin de l'épisode, prends ton temps pour répondre."])
    english = "Take a moment to think, then write your answer in the form below."
    assert text_languages(french, "fr").foreign == []
    assert text_languages(french + "\n\n" + english, "fr").foreign == [(2, "en")]
    assert detected_language(french + "\n\n" + english) == "fr"  # the whole still reads as French


def test_a_paragraph_too_short_to_tell_is_not_judged():
    assert text_languages(SAMPLES["fr"] + "\n\nDjango Fundamentals\n\nOK !", "fr").foreign == []


def test_titles_in_latin_letters_do_not_make_a_paragraph_foreign():
    titles = "Django Fundamentals, Python Advanced et Database Design"
    paragraph = f"Tu étudies {titles} : aujourd'hui, nous revoyons chaque cours et ce qui compte le plus."
    assert text_languages(paragraph, "fr").foreign == []


def test_a_script_reads_as_the_language_of_most_of_its_paragraphs():
    french = SAMPLES["fr"]
    english = "\n\n".join([SAMPLES["en"], "Take a moment to think, then write your answer in the form below."])
    found = text_languages(french + "\n\n" + english, "fr")
    assert found.reads_as == "en" and found.foreign == [(1, "en"), (2, "en")]
    assert text_languages(english + "\n\n" + french + "\n\n" + french, "fr").reads_as == "fr"


def test_a_script_of_short_paragraphs_is_read_whole():
    assert text_languages("Bonjour Marie.\n\nMerci beaucoup.", "fr") == TextLanguages("fr", [])
    assert text_languages("1234\n\n!!", "fr").reads_as is None
