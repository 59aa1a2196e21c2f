import email
import email.policy
import re
from email.message import EmailMessage

import pytest

from dailycast.events import PodcastCompleted, PodcastFailed, Recipient, new_event_id, utcnow
from dailycast.failure_reasons import failure_reason
from dailycast.languages import SUPPORTED_LANGUAGES
from services.notifier.mailer import SMTP_LINES
from dailycast.languages import language_of_locale
from services.notifier.messages import compose_email
from services.notifier.texts import NotifierTexts, texts_for

PUBLIC_URL = "https://dailycast.example/"
SENDER = "Dailycast <no-reply@dailycast.example>"

# Words (or scripts) that only an email really written in that language contains.
COMPLETED_MARKERS = {
    "en": ("ready", "3 questions"),
    "ja": ("ポッドキャスト", "質問"),
    "es": ("listo", "preguntas"),
    "fr": ("prêt", "questions"),
    "de": ("fertig", "Fragen"),
    "it": ("pronto", "domande"),
    "pt": ("pronto", "perguntas"),
    "ru": ("готов", "вопроса"),
    "ko": ("준비", "질문"),
}
FAILED_MARKERS = {
    "en": "Sorry",
    "ja": "申し訳ありません",
    "es": "Lo sentimos",
    "fr": "désolés",
    "de": "Leider",
    "it": "Ci dispiace",
    "pt": "Desculpe",
    "ru": "К сожалению",
    "ko": "죄송합니다",
}
SCRIPTS = {
    "ja": re.compile(r"[\u3040-\u30ff]"),  # kana
    "ko": re.compile(r"[\uac00-\ud7a3]"),  # Hangul syllables
    "ru": re.compile(r"[\u0400-\u04ff]"),  # Cyrillic
}
ENGLISH_ONLY = ("is ready", "Open it here", "Don't forget", "Sorry", "Reason:")


def recipient(locale: str = "en-US", name: str = "Ada Lovelace") -> Recipient:
    return Recipient(user_id=3, name=name, email="ada@example.com", locale=locale)


def completed(
    locale: str = "en-US",
    name: str = "Ada Lovelace",
    languages: list[str] | None = None,
    output_format: str = "both",
) -> PodcastCompleted:
    return PodcastCompleted(
        event_id=new_event_id(),
        occurred_at=utcnow(),
        podcast_id=42,
        attempt=2,
        languages=languages or ["en", "ja"],
        output_format=output_format,
        recipient=recipient(locale, name),
    )


def failed(
    locale: str = "en-US", name: str = "Ada Lovelace", reason: str = "The audio could not be made.", step: str = "tts"
) -> PodcastFailed:
    return PodcastFailed(
        event_id=new_event_id(),
        occurred_at=utcnow(),
        podcast_id=42,
        attempt=2,
        step=step,
        reason=reason,
        detail="polly: throttled",
        recipient=recipient(locale, name),
    )


def compose(event) -> EmailMessage:
    """The email as its reader gets it: composed, sent as bytes, parsed again."""
    return reparsed(compose_email(event, public_url=PUBLIC_URL, sender=SENDER))


def parts(message: EmailMessage) -> tuple[str, str]:
    plain = message.get_body(preferencelist=("plain",))
    markup = message.get_body(preferencelist=("html",))
    assert plain is not None and markup is not None
    return plain.get_content(), markup.get_content()


def reparsed(message) -> EmailMessage:
    data = message.as_bytes(policy=SMTP_LINES)
    return email.message_from_bytes(data, policy=email.policy.default)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_completed_email_is_written_in_the_learners_language(language):
    message = compose(completed(locale=f"{language}-XX"))
    text, markup = parts(message)
    for marker in COMPLETED_MARKERS[language]:
        assert marker in text
        assert marker in markup
    assert message["Subject"] == texts_for(language).completed_subject
    if language != "en":
        assert message["Subject"] != texts_for("en").completed_subject
        assert not any(phrase in text for phrase in ENGLISH_ONLY)
    if language in SCRIPTS:
        assert SCRIPTS[language].search(message["Subject"])
        assert SCRIPTS[language].search(text)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_failed_email_is_written_in_the_learners_language(language):
    message = compose(failed(locale=language, reason="REASON-TOKEN", step="tts"))
    text, markup = parts(message)
    assert FAILED_MARKERS[language] in text
    # The event's reason is English; the email says the step's reason in its own language.
    assert failure_reason("tts", language) in text and "REASON-TOKEN" not in text
    assert message["Subject"] == texts_for(language).failed_subject
    if language != "en":
        assert message["Subject"] != texts_for("en").failed_subject
        assert not any(phrase in text for phrase in ENGLISH_ONLY)
    if language in SCRIPTS:
        assert SCRIPTS[language].search(message["Subject"])


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_language_has_its_texts(language):
    texts = texts_for(language)
    assert isinstance(texts, NotifierTexts)
    assert dict(texts.formats).keys() == {"text", "audio", "both"}


@pytest.mark.parametrize("step", ["scriptgen", "tts", "timeout"])
def test_failed_email_tells_a_known_steps_reason_in_the_emails_language(step):
    text, markup = parts(compose(failed(locale="ko-KR", reason="English words", step=step)))
    assert failure_reason(step, "ko") in text and failure_reason(step, "ko") in markup
    assert "English words" not in text


def test_failed_email_of_an_unknown_step_quotes_the_events_reason():
    text, markup = parts(compose(failed(locale="fr", reason="REASON-TOKEN", step="a-new-step")))
    assert "Raison : REASON-TOKEN" in text and "REASON-TOKEN" in markup


@pytest.mark.parametrize(
    ("locale", "languages", "expected"),
    [
        ("ja-JP", ["en", "ja"], "英語と日本語"),
        ("en-GB", ["en", "ja"], "English and Japanese"),
        ("en", ["en", "ja", "es"], "English, Japanese, and Spanish"),  # CLDR's serial comma
        ("es-ES", ["es", "it"], "español e italiano"),
        ("es-MX", ["es", "en"], "español e inglés"),
        ("es-AR", ["en", "es"], "inglés y español"),
        ("de-DE", ["de"], "auf Deutsch"),
        ("ko-KR", ["en", "ko"], "영어와 한국어"),
        ("ru-RU", ["ru", "en"], "русский и английский"),
    ],
)
def test_language_names_are_in_the_emails_language(locale, languages, expected):
    text, markup = parts(compose(completed(locale=locale, languages=languages)))
    assert expected in text
    assert expected in markup


@pytest.mark.parametrize(
    ("output_format", "expected"), [("text", "(text)"), ("audio", "(audio)"), ("both", "(text and audio)")]
)
def test_format_is_named(output_format, expected):
    text, _ = parts(compose(completed(output_format=output_format)))
    assert expected in text


def test_completed_email_links_to_the_podcast_and_greets_by_name():
    text, markup = parts(compose(completed(name="Grace Hopper")))
    assert "https://dailycast.example/podcasts/42" in text
    assert 'href="https://dailycast.example/podcasts/42"' in markup
    assert "Grace Hopper" in text and "Grace Hopper" in markup
    assert "//podcasts" not in text


def test_message_is_multipart_alternative_with_text_and_html():
    message = compose(completed())
    assert message.get_content_type() == "multipart/alternative"
    types = [part.get_content_type() for part in message.iter_parts()]
    assert types == ["text/plain", "text/html"]
    _, markup = parts(message)
    assert "<html" in markup and "<p>" in markup


def test_headers():
    event = completed()
    message = compose(event)
    assert message["From"] == SENDER
    assert message["Message-ID"] == "<podcast-42-2@dailycast>"
    assert message["Date"].datetime == event.occurred_at.replace(microsecond=0)
    to = message["To"].addresses[0]
    assert (to.display_name, to.addr_spec) == ("Ada Lovelace", "ada@example.com")


def test_same_event_composes_the_same_bytes():
    event = completed()
    assert compose(event).as_bytes() == compose(event).as_bytes()


def test_failed_and_completed_of_one_attempt_share_the_message_id():
    assert compose(failed())["Message-ID"] == compose(completed())["Message-ID"]


def test_html_escapes_the_name_and_the_reason():
    name = '<Bob & "Co">'
    message = compose(completed(name=name))
    text, markup = parts(message)
    assert name in text
    assert "&lt;Bob &amp; &quot;Co&quot;&gt;" in markup
    assert "<Bob" not in markup
    assert message["To"].addresses[0].display_name == name

    _, markup = parts(compose(failed(reason="a <script> & more", step="unknown")))
    assert "a &lt;script&gt; &amp; more" in markup
    assert "<script>" not in markup


def test_non_ascii_name_survives_serialization():
    message = compose(completed(locale="ja-JP", name="山田 太郎"))
    assert message["To"].addresses[0].display_name == "山田 太郎"
    assert message["Subject"] == texts_for("ja").completed_subject
    text, _ = parts(message)
    assert "山田 太郎さん" in text


def test_failed_email_offers_a_new_podcast():
    text, markup = parts(compose(failed()))
    assert "ask for a new one" in text
    assert "https://dailycast.example/" in text
    assert "/podcasts/" not in text


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("ja-JP", "ja"),
        ("pt-BR", "pt"),
        ("pt_PT", "pt"),
        ("KO", "ko"),
        ("zh-CN", "en"),
        ("xx", "en"),
        ("", "en"),
    ],
)
def test_email_language(locale, language):
    assert language_of_locale(locale) == language


def test_unknown_locale_falls_back_to_english():
    message = compose(completed(locale="zh-CN"))
    text, _ = parts(message)
    assert message["Subject"] == "Your Dailycast podcast is ready"
    assert "Your podcast in English and Japanese (text and audio) is ready." in text


def test_brazilian_portuguese_gets_portuguese():
    message = compose(completed(locale="pt-BR"))
    text, _ = parts(message)
    assert message["Subject"] == texts_for("pt").completed_subject
    assert "Olá, Ada Lovelace!" in text
    assert "inglês e japonês" in text
