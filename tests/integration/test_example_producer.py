"""examples/platform_producer.py, an outside producer that knows only the contract
(docs/platform-events.md), writes to the real Kafka what the API decodes and projects."""

from __future__ import annotations

import ast
import subprocess
import sys
import uuid

from dailycast import events as ev
from dailycast.messaging.topics import LEARNER_EVENTS
from tests.utils.processes import ROOT
from tests.utils.system import running_system, wait_for

EXAMPLE = ROOT / "examples" / "platform_producer.py"


def test_the_example_knows_dailycast_only_by_its_schemas():
    nodes = list(ast.walk(ast.parse(EXAMPLE.read_text())))
    imported = {alias.name.split(".")[0] for node in nodes if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in nodes if isinstance(node, ast.ImportFrom) and node.module}
    assert imported - set(sys.stdlib_module_names) == {"aiokafka", "fastavro"}


def test_what_the_example_produces_the_api_decodes_and_applies(monkeypatch, tmp_path, infra):
    user = 10**9 + uuid.uuid4().int % 10**9
    with running_system(monkeypatch, tmp_path / "data", runtime="kafka", infra=infra) as api:
        topic = api.system.settings.topic_prefix + LEARNER_EVENTS
        produced = subprocess.run(
            [sys.executable, str(EXAMPLE), "--bootstrap-servers", infra.kafka_bootstrap_servers, "--topic", topic,
             "--user-id", str(user), "--course-id", "31", "--course-title", "Introduction to Biology"],
            capture_output=True, text=True, timeout=60,
        )
        assert produced.returncode == 0, produced.stderr
        (learner_id, _), (enrollment_id, _) = [line.split() for line in produced.stdout.splitlines()]
        wait_for(lambda: api.courses(user) == ["Introduction to Biology"], what="the example's enrollment applied")

        messages = [m for m in api.messages(LEARNER_EVENTS)
                    if m.key == str(user).encode()]
        learner, enrollment = [api.system.schemas.decode(m.value) for m in messages]
        assert isinstance(learner, ev.UserUpserted) and learner.event_id == learner_id and learner.locale == "en-US"
        assert enrollment == ev.EnrollmentChanged(enrollment_id, enrollment.occurred_at, user, 31,
                                                  "Introduction to Biology", True)
        assert [m.header("ce_type") for m in messages] == [b"dailycast.UserUpserted", b"dailycast.EnrollmentChanged"]
        assert [m.header("ce_id") for m in messages] == [learner_id.encode(), enrollment_id.encode()]
