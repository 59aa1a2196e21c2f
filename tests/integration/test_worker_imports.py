"""A worker process loads its own service and the kernel, not the other services nor their SDKs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from system.registry import SERVICES

HEAVY = ("openai", "google.genai", "boto3", "botocore", "fastapi", "starlette", "uvicorn", "aiokafka")
# What each service may load in the embedded runtime with the default settings: a worker's ops
# port (/livez, /readyz, /metrics) is a Starlette app, never FastAPI's.
ALLOWED = {
    "api": {"fastapi", "starlette"},
    "scriptgen": {"starlette"},
    "tts": {"starlette"},
    "notifier": {"starlette"},
}

BUILD_AND_LIST = """
import json, sys
from system.builder import System
System(sys.argv[1:])
print(json.dumps(sorted(sys.modules)))
"""


def modules_after_building(*services: str, **env: str) -> set[str]:
    """Build the services as `dailycast serve` does, in a fresh interpreter, and list what it imported."""
    result = subprocess.run(
        [sys.executable, "-c", BUILD_AND_LIST, *services],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


@pytest.fixture
def embedded(tmp_path, monkeypatch):
    for name in [k for k in os.environ if k.startswith(("DAILYCAST_", "OPENAI_", "GEMINI_", "AWS_"))]:
        monkeypatch.delenv(name)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DAILYCAST_DATA_DIR", str(tmp_path))


@pytest.mark.parametrize("service", SERVICES)
def test_a_service_alone_loads_only_its_own_code_and_libraries(embedded, service):
    modules = modules_after_building(service)
    others = [s for s in SERVICES if s != service]
    assert not [s for s in others if loaded(modules, f"services.{s}")], f"{service} loaded another service"
    unexpected = [lib for lib in HEAVY if loaded(modules, lib) and lib not in ALLOWED[service]]
    assert unexpected == [], f"{service} loaded {unexpected}"


def test_the_notifier_on_kafka_loads_the_kafka_clients_but_no_provider_sdk(embedded, tmp_path):
    database = f"sqlite:///{tmp_path / 'read-model.db'}"
    modules = modules_after_building("notifier", DAILYCAST_RUNTIME="kafka", DAILYCAST_JWT_SECRET="x" * 32,
                                     DATABASE_URL=database)
    assert loaded(modules, "aiokafka")
    assert not [lib for lib in ("openai", "google.genai", "boto3", "fastapi") if loaded(modules, lib)]


def test_the_providers_load_once_configured(embedded):
    modules = modules_after_building("scriptgen", OPENAI_API_KEY="sk-test", GEMINI_API_KEY="g-test")
    assert loaded(modules, "openai") and loaded(modules, "google.genai")
    modules = modules_after_building("tts", DAILYCAST_SPEECH="polly", AWS_REGION="eu-west-1")
    assert loaded(modules, "boto3")
