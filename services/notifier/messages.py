"""Compose the email a learner gets when their podcast is ready or could not be made. Pure: no I/O."""

from __future__ import annotations

import hashlib
import html
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from dailycast.events import PodcastCompleted, PodcastFailed
from dailycast.failure_reasons import failure_reason
from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.locale_rules import join_list, language_name
from services.notifier.texts import NotifierTexts, texts_for

FALLBACK_LANGUAGE = "en"

# A paragraph is its text and, optionally, a link shown after it.
Paragraph = tuple[str, str | None]


def email_language(locale: str) -> str:
    """The language part of a locale ("ja-JP" -> "ja"), or English when we don't write in it."""
    language = locale.replace("_", "-").split("-")[0].strip().lower()
    return language if language in SUPPORTED_LANGUAGES else FALLBACK_LANGUAGE


def message_id(podcast_id: int, attempt: int) -> str:
    """Deterministic so a repeated notification for the same attempt is recognizable."""
    return f"<podcast-{podcast_id}-{attempt}@dailycast>"


def compose_email(
    event: PodcastCompleted | PodcastFailed, *, public_url: str, sender: str
) -> EmailMessage:
    language = email_language(event.recipient.locale)
    texts = texts_for(language)
    base_url = public_url.rstrip("/")
    if isinstance(event, PodcastCompleted):
        subject, paragraphs = texts.completed_subject, _completed(event, texts, language, base_url)
    else:
        subject, paragraphs = texts.failed_subject, _failed(event, texts, language, base_url)
    plain, markup = _plain(paragraphs), _html(paragraphs, language)
    message = _headers(event, subject, sender)
    message.set_content(plain)
    message.add_alternative(markup, subtype="html")
    message.set_boundary(_boundary(plain, markup))
    return message


def _completed(
    event: PodcastCompleted, texts: NotifierTexts, language: str, base_url: str
) -> list[Paragraph]:
    names = [language_name(code, language) for code in event.languages]
    ready = texts.completed_body.format(
        languages=join_list(names, language),
        format=dict(texts.formats).get(event.output_format, event.output_format),
    )
    return [
        (texts.greeting.format(name=event.recipient.name), None),
        (ready, None),
        (texts.open_link, f"{base_url}/podcasts/{event.podcast_id}"),
        (texts.questions, None),
        (texts.signoff, None),
    ]


def _failed(event: PodcastFailed, texts: NotifierTexts, language: str, base_url: str) -> list[Paragraph]:
    return [
        (texts.greeting.format(name=event.recipient.name), None),
        (texts.failed_body, None),
        (texts.reason.format(reason=_reason(event, language)), None),
        (texts.retry, f"{base_url}/"),
        (texts.signoff, None),
    ]


def _reason(event: PodcastFailed, language: str) -> str:
    """The event carries the reason in English; a step we know is told in the email's language."""
    try:
        return failure_reason(event.step, language)
    except KeyError:
        return event.reason


def _headers(event: PodcastCompleted | PodcastFailed, subject: str, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    # Address encodes a non-ASCII display name (RFC 2047) when the message is serialized.
    message["To"] = Address(display_name=event.recipient.name, addr_spec=event.recipient.email)
    message["Subject"] = subject
    # The event's time, not the clock's, so a redelivered event composes the identical email.
    message["Date"] = format_datetime(event.occurred_at)
    message["Message-ID"] = message_id(event.podcast_id, event.attempt)
    return message


def _plain(paragraphs: list[Paragraph]) -> str:
    blocks = [text if link is None else f"{text}\n{link}" for text, link in paragraphs]
    return "\n\n".join(blocks) + "\n"


def _html(paragraphs: list[Paragraph], language: str) -> str:
    blocks = [_html_paragraph(text, link) for text, link in paragraphs]
    body = "\n".join(blocks)
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head><meta charset="utf-8"></head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _boundary(plain: str, markup: str) -> str:
    """Derived from the content instead of random, so composing the same event twice gives the
    same bytes; the content would have to contain its own hash to clash with it."""
    digest = hashlib.sha256(f"{plain}\0{markup}".encode()).hexdigest()[:32]
    return f"=_dailycast_{digest}"


def _html_paragraph(text: str, link: str | None) -> str:
    if link is None:
        return f"<p>{html.escape(text)}</p>"
    url = html.escape(link, quote=True)
    return f'<p>{html.escape(text)}<br>\n<a href="{url}">{url}</a></p>'
