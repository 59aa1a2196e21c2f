"""A learner's private podcast feed as RSS 2.0 with the iTunes and Podcasting 2.0 namespaces. Pure.

Built with the standard library's ElementTree: feedgen's podcast extension has no `podcast:`
namespace (it would need an extension of our own anyway), and the feed is a few dozen elements.
The channel is `itunes:block`ed: a private feed must never be listed in a directory.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ET.register_namespace("itunes", ITUNES)
ET.register_namespace("podcast", PODCAST)


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    link: str
    language: str
    image_url: str
    author: str = "Dailycast"
    category: str = "Education"


@dataclass(frozen=True)
class Item:
    guid: str  # changes with each attempt, so an app fetches a regenerated episode again
    title: str
    description: str
    published: datetime
    language: str
    enclosure_url: str
    length_bytes: int
    duration_seconds: float
    transcript_url: str
    chapters_url: str


def rss(channel: Channel, items: list[Item]) -> bytes:
    """The feed document, UTF-8 with its XML declaration."""
    root = ET.Element("rss", {"version": "2.0"})
    ch = ET.SubElement(root, "channel")
    _text(ch, "title", channel.title)
    _text(ch, "link", channel.link)
    _text(ch, "description", channel.description)
    _text(ch, "language", channel.language)
    _text(ch, f"{{{ITUNES}}}author", channel.author)
    _text(ch, f"{{{ITUNES}}}explicit", "false")
    _text(ch, f"{{{ITUNES}}}block", "Yes")
    _text(ch, f"{{{ITUNES}}}type", "episodic")
    ET.SubElement(ch, f"{{{ITUNES}}}image", {"href": channel.image_url})
    ET.SubElement(ch, f"{{{ITUNES}}}category", {"text": channel.category})
    image = ET.SubElement(ch, "image")
    for name, value in (("url", channel.image_url), ("title", channel.title), ("link", channel.link)):
        _text(image, name, value)
    for item in items:
        _item(ch, item)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _item(channel: ET.Element, item: Item) -> None:
    el = ET.SubElement(channel, "item")
    _text(el, "title", item.title)
    _text(el, "description", item.description)
    _text(el, "guid", item.guid).set("isPermaLink", "false")
    _text(el, "pubDate", format_datetime(item.published))
    ET.SubElement(el, "enclosure", {"url": item.enclosure_url, "length": str(item.length_bytes), "type": "audio/mpeg"})
    _text(el, f"{{{ITUNES}}}duration", str(round(item.duration_seconds)))
    _text(el, f"{{{ITUNES}}}explicit", "false")
    _text(el, f"{{{ITUNES}}}episodeType", "full")
    ET.SubElement(el, f"{{{PODCAST}}}transcript",
                  {"url": item.transcript_url, "type": "text/vtt", "language": item.language})
    ET.SubElement(el, f"{{{PODCAST}}}chapters", {"url": item.chapters_url, "type": "application/json+chapters"})


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    el = ET.SubElement(parent, tag)
    el.text = value
    return el
