"""docs/platform-events.md states the bytes producers write: its fingerprints and its example stay true."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from dailycast import events as ev
from dailycast.messaging.avro import default_schemas
from services.api.platform_events import API_ONLY

DOC = (Path(__file__).resolve().parents[2] / "docs" / "platform-events.md").read_text()
SCHEMAS = default_schemas()


def test_the_fingerprints_are_the_current_schemas():
    stated = dict(re.findall(r"^\| `(\w+\.v\d+\.avsc)` \| `([0-9a-f ]{23})` \|$", DOC, re.MULTILINE))
    platform = {v.path.name: v.fingerprint.hex(" ") for v in SCHEMAS.latest.values()
                if ev.EVENT_TYPES[v.event_type].topic == ev.LEARNER_EVENTS and v.event_type not in API_ONLY}
    assert stated == platform


def test_the_example_is_the_encoding_of_its_event():
    event = ev.EnrollmentChanged("6f1c1d9e-5a4e-4c57-9a53-3d7f0c0b2d11", datetime(2026, 9, 1, 9, tzinfo=timezone.utc),
                                 42, 7, "Statistics", True)
    example = DOC.split("is these 69 bytes:\n\n```\n")[1].split("```")[0]
    lines = [line.split("  ")[0].split() for line in example.splitlines()]  # each line's bytes
    encoded = SCHEMAS.encode(event).hex(" ").split()
    after_id = [b for line in lines[3:] for b in line]
    assert len(encoded) == 69 and encoded[:10] == lines[0] + lines[1] and encoded[-len(after_id):] == after_id
    assert encoded[10:14] == lines[2][:4] and lines[2][4] == "..."  # the id: its length, then its text, shortened
