"""The pages' message catalogues (services/api/web/static/i18n/<lang>.json): one per language we
write, the same keys and placeholders in each, every message translated, and exactly the keys the
pages use (data-i18n attributes in the HTML, quoted keys in the JS)."""

from __future__ import annotations

import json
import re

import pytest

from dailycast.languages import SUPPORTED_LANGUAGES
from services.api.web import pages

I18N = pages.STATIC_DIR / "i18n"
CATALOGUES = {lang: json.loads((I18N / f"{lang}.json").read_text(encoding="utf-8")) for lang in SUPPORTED_LANGUAGES}
ENGLISH = CATALOGUES["en"]
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# A key in the JS is a quoted "<namespace>.<name>"; the namespaces are the catalogue's own.
NAMESPACES = sorted({key.split(".")[0] for key in ENGLISH})
JS_KEY = re.compile(r"""['"`]((?:%s)\.[a-z0-9_]+)['"`]""" % "|".join(NAMESPACES))
HTML_KEY = re.compile(r'data-(?:i18n|i18n-aria-label|title-key)="([a-z0-9_.]+)"')

# Messages that are rightly the same words as the English ones: loanwords and cognates.
SAME_AS_ENGLISH = {(lang, key) for lang, keys in {
    "es": ["admin.audio", "admin.col_total", "field.token"],
    "fr": ["admin.audio", "admin.col_date", "admin.col_podcasts", "admin.col_total", "admin.score", "nav.podcasts",
           "podcast.heading", "podcast.question_number", "podcasts.list_heading", "request.format", "title.podcast"],
    "de": ["admin.audio", "admin.col_podcasts", "admin.status", "field.token", "nav.podcasts", "podcast.heading",
           "podcast.status", "podcasts.list_heading", "request.format", "title.podcast", "offline.heading"],
    "it": ["admin.audio", "field.token", "player.heading", "podcast.heading", "progress.per_podcast", "signin.staff",
           "title.podcast", "offline.heading"],
    "pt": ["admin.col_podcasts", "admin.col_total", "field.token", "nav.podcasts", "podcast.heading",
           "podcasts.list_heading", "title.podcast", "offline.heading"],
}.items() for key in keys}


def _has_words(text: str) -> bool:
    """Anything to translate, besides placeholders, the product's name and punctuation?"""
    return bool(re.search(r"[^\W\d_]", PLACEHOLDER.sub("", text).replace("Dailycast", "")))


def test_there_is_a_catalogue_per_language_with_the_same_keys():
    for lang, catalogue in CATALOGUES.items():
        assert set(catalogue) - set(ENGLISH) == set(), f"{lang}.json has keys en.json has not"
        assert set(ENGLISH) - set(catalogue) == set(), f"{lang}.json lacks keys"
    assert sorted(p.stem for p in I18N.glob("*.json")) == sorted(SUPPORTED_LANGUAGES)


@pytest.mark.parametrize("lang", [lang for lang in SUPPORTED_LANGUAGES if lang != "en"])
def test_every_message_is_translated_with_the_same_placeholders(lang):
    catalogue = CATALOGUES[lang]
    for key, english in ENGLISH.items():
        text = catalogue[key]
        assert isinstance(text, str) and text.strip(), (lang, key)
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(english)), (lang, key, text)
        if text == english and _has_words(english):
            assert (lang, key) in SAME_AS_ENGLISH, f"{lang}.json: {key} is still English: {text!r}"
    unused = {(l, k) for l, k in SAME_AS_ENGLISH if l == lang and CATALOGUES[l][k] != ENGLISH[k]}
    assert unused == set(), "allowed as English but translated: take them off SAME_AS_ENGLISH"


def _keys_in_use() -> set[str]:
    used = set()
    for page in pages.PAGES:
        used |= set(HTML_KEY.findall(pages.render(page)))
    for module in (pages.STATIC_DIR / "js").glob("*.js"):
        used |= set(JS_KEY.findall(module.read_text(encoding="utf-8")))
    return used


def test_the_pages_use_exactly_the_catalogues_keys():
    used = _keys_in_use()
    assert used - set(ENGLISH) == set(), "used by the pages but missing from the catalogues"
    assert set(ENGLISH) - used == set(), "in the catalogues but used by no page"
