"""A learner's private podcast feed, served by uvicorn and read by a real HTTP client as a podcast
app would: no sign-in, RSS with the elements Apple Podcasts requires, enclosures that answer HEAD
and Range, the WebVTT transcript and JSON chapters; nobody else's audio; rotation."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import httpx
import pytest

from dailycast.podcast_feed import ITUNES, PODCAST
from tests.utils.served import served_system, wait_completed

I, P = f"{{{ITUNES}}}", f"{{{PODCAST}}}"


def get(url: str, **kwargs) -> httpx.Response:
    return httpx.get(url, timeout=10, trust_env=False, **kwargs)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch, served_system(monkeypatch, tmp_path_factory.mktemp("data")) as s:
        created = httpx.post(f"{s.base_url}/api/podcasts/", headers=s.auth(1), trust_env=False,
                             json={"languages": ["en"], "output_format": "audio", "minutes": 3}).json()
        wait_completed(s, created["id"], 1, timeout=120)
        yield s, created["id"]


def feed_url(served, user_id: int = 1) -> str:
    s, _ = served
    answer = get(f"{s.base_url}/api/learners/me/feed", headers=s.auth(user_id))
    assert answer.status_code == 200
    return answer.json()["url"]


def test_the_feed_has_what_podcast_apps_require_without_a_sign_in(served):
    answer = get(feed_url(served))
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/rss+xml")
    channel = ET.fromstring(answer.content).find("channel")
    for tag in ("title", "link", "description", "language", f"{I}author", f"{I}explicit"):
        assert channel.findtext(tag), tag
    assert channel.findtext(f"{I}block") == "Yes"  # private: never listed in a directory
    image = get(channel.find(f"{I}image").get("href"))
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert channel.find(f"{I}category").get("text") == "Education"
    (item,) = [i for i in channel.findall("item") if i.findtext("guid") == f"dailycast:{served[1]}:1:en"]
    assert item.findtext("title") and item.findtext("guid") and item.find("guid").get("isPermaLink") == "false"
    assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
    assert int(item.findtext(f"{I}duration")) > 60
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "audio/mpeg" and int(enclosure.get("length")) > 10_000
    assert item.find(f"{P}transcript").get("type") == "text/vtt"
    assert item.find(f"{P}chapters").get("type") == "application/json+chapters"


def item_of(served, url: str) -> ET.Element:
    """The feed's item of the test's podcast (the demo learners' daily podcasts may be listed too)."""
    listed = ET.fromstring(get(url).content).findall("channel/item")
    return next(i for i in listed if i.findtext("guid").startswith(f"dailycast:{served[1]}:"))


def test_enclosures_answer_head_and_range_requests(served):
    enclosure = item_of(served, feed_url(served)).find("enclosure")
    url, length = enclosure.get("url"), int(enclosure.get("length"))
    head = httpx.head(url, timeout=10, trust_env=False)
    assert head.status_code == 200 and int(head.headers["content-length"]) == length
    assert head.headers["accept-ranges"] == "bytes" and head.content == b""
    part = get(url, headers={"Range": "bytes=0-9"})
    assert part.status_code == 206 and part.headers["content-range"] == f"bytes 0-9/{length}"
    assert part.content[:3] == b"ID3" and len(part.content) == 10  # the ID3 tag comes first
    assert len(get(url).content) == length


def test_the_transcript_and_the_chapters(served):
    item = item_of(served, feed_url(served))
    vtt = get(item.find(f"{P}transcript").get("url"))
    assert vtt.status_code == 200 and vtt.headers["content-type"].startswith("text/vtt")
    cues = vtt.text.split("\n\n")
    assert cues[0] == "WEBVTT" and len(cues) > 10 and " --> " in cues[1]
    chapters = get(item.find(f"{P}chapters").get("url"))
    assert chapters.headers["content-type"] == "application/json+chapters"
    listed = json.loads(chapters.content)["chapters"]
    assert listed[0]["startTime"] == 0 or listed[0]["startTime"] < 2
    assert len(listed) >= 4 and all(c["title"] for c in listed)  # segments and the 3 questions


def test_a_feed_token_opens_only_its_own_learners_podcasts(served):
    s, podcast_id = served
    mine = item_of(served, feed_url(served)).find("enclosure").get("url")
    theirs = feed_url(served, user_id=2)
    other_base = theirs.removesuffix("/feed.rss")
    assert get(f"{other_base}/{podcast_id}/en.mp3").status_code == 404  # learner 2's token, learner 1's podcast
    assert f"/{podcast_id}/" not in get(theirs).text
    forged = mine.replace("/api/feeds/1/", "/api/feeds/2/")
    assert get(forged).status_code == 404  # learner 1's token does not open learner 2's feed
    assert get(f"{s.base_url}/api/podcasts/{podcast_id}/transcript/en.vtt").status_code == 401
    assert get(f"{s.base_url}/api/podcasts/{podcast_id}/transcript/en.vtt", headers=s.auth(2)).status_code == 404
    own = get(f"{s.base_url}/api/podcasts/{podcast_id}/transcript/en.vtt", headers=s.auth(1))
    assert own.status_code == 200 and own.text.startswith("WEBVTT")


def test_rotating_the_feed_gives_a_new_url_and_the_old_one_stops_working(served):
    s, _ = served
    old = feed_url(served, user_id=3)
    rotated = httpx.post(f"{s.base_url}/api/learners/me/feed/rotate", headers=s.auth(3), trust_env=False)
    assert rotated.status_code == 200
    new = rotated.json()["url"]
    assert new != old and feed_url(served, user_id=3) == new
    assert get(old).status_code == 404 and get(new).status_code == 200
