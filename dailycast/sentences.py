"""Sentences of a script, and the fingerprints that say what a learner has already heard.

Pure. A fingerprint is a short hash of one normalized sentence of a script, whichever writer
wrote it: the API takes them from the learner's last days' scripts into the request's snapshot
(LearnerContext.recently_heard), and writers avoid saying those sentences again.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from itertools import chain

# 6 hex digits (24 bits): a week of scripts is ~500 sentences, so a new sentence is taken for a
# heard one about once in 30,000; short, because the list rides in every PodcastRequested.
FINGERPRINT_CHARS = 6
# At most this many in a snapshot (~7 KB in Avro): a week of varied 6-minute scripts is ~600
# (about 85 sentences a day), which the writer must all see to avoid them; a learner with many
# or longer podcasts a day keeps the newest.
MAX_HEARD = 1000
# A full stop, ? or ! (with closing quotes) before a space or the end; CJK 。？！ need no space.
# The leading lookahead lets the engine skip to the next mark of either kind (4x faster a script).
_CLOSERS = r"[\"'”’»)\]」』）]*"
SENTENCE_END = re.compile(rf"(?=[.!?…。！？])(?:[.!?…]+{_CLOSERS}(?=\s|\Z)|[。！？]+{_CLOSERS})")
_NOT_WORD = re.compile(r"[\W_]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in the text, stripped of the spaces around it, in order."""
    cuts = [0, *(end.end() for end in SENTENCE_END.finditer(text)), len(text)]
    spans = []
    for start, end in zip(cuts, cuts[1:]):
        part = text[start:end]
        if part.strip():
            lead = len(part) - len(part.lstrip())
            spans.append((start + lead, start + len(part.rstrip())))
    return spans


def sentences(text: str) -> list[str]:
    """The text's sentences, stripped, in order (a last one without a full stop included)."""
    return [text[start:end] for start, end in sentence_spans(text)]


def normalized(sentence: str) -> str:
    """Case, accents' composition, punctuation and spacing do not make a sentence new."""
    text = unicodedata.normalize("NFKC", sentence).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


def fingerprint(sentence: str) -> str:
    return _digest(normalized(sentence))


def _digest(normal: str) -> str:
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=8).hexdigest()[:FINGERPRINT_CHARS]


def fingerprints(text: str) -> list[str]:
    """One fingerprint per distinct sentence of the text (no words, no fingerprint), in order."""
    # Each distinct sentence normalized once: the projector fingerprints every script it stores.
    found: dict[str, None] = {}
    for sentence in dict.fromkeys(sentences(text)):
        normal = normalized(sentence)
        if normal:
            found.setdefault(_digest(normal), None)
    return list(found)


def heard_in(scripts: Iterable[str], limit: int | None = MAX_HEARD) -> list[str]:
    """The fingerprints of several scripts (newest first), each once, the first `limit` (None: all):
    a learner's recently_heard."""
    return merged((fingerprints(script) for script in scripts), limit)


def merged(prints: Iterable[Iterable[str]], limit: int | None = MAX_HEARD) -> list[str]:
    """Several scripts' fingerprints (newest first) as one list, each once, the first `limit`."""
    # dict.fromkeys keeps the first of each, in C: the scheduler merges a week for every learner.
    distinct = list(dict.fromkeys(chain.from_iterable(prints)))
    return distinct if limit is None else distinct[:limit]


def repeated(text: str, heard: Iterable[str]) -> int:
    """How many of the text's distinct sentences were heard already."""
    known = set(heard)
    return sum(print_ in known for print_ in fingerprints(text))
