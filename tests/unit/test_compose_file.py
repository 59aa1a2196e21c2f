"""docker-compose.yml, deploy/Dockerfile and .dockerignore, checked as files (no Docker engine here).

Each check is a function returning the problems it finds, so the last test can show that every
check fails on a broken copy of the file (a removed depends_on, a default secret, ...).
"""

from __future__ import annotations

import copy
import re
import shlex
from pathlib import Path

import pytest

from system.registry import OPS_PORTS

yaml = pytest.importorskip("yaml", reason="PyYAML is needed to read docker-compose.yml")

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "deploy" / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"

APP_SERVICES = {"api", "scriptgen", "tts", "notifier"}
INFRA_SERVICES = {"kafka", "postgres"}
SECRET_REFERENCE = re.compile(r"^\$\{DAILYCAST_JWT_SECRET:\?[^}]*\}$")  # required, no default


def load_compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def environment(service: dict) -> dict[str, str]:
    """A service's environment as a dict, whether written as a mapping or as KEY=VALUE items."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {key: None if value is None else str(value) for key, value in env.items()}


def command(service: dict) -> list[str]:
    value = service.get("command") or []
    return shlex.split(value) if isinstance(value, str) else [str(part) for part in value]


def healthcheck_enabled(service: dict) -> bool:
    check = service.get("healthcheck") or {}
    test = check.get("test")
    return bool(test) and not check.get("disable") and test != ["NONE"]


def volume_mounts(service: dict) -> dict[str, str]:
    """Named volume -> mount point, for the short syntax (name:/path[:mode]) and the long one."""
    mounts = {}
    for volume in service.get("volumes") or []:
        if isinstance(volume, str):
            source, target = volume.split(":")[:2]
        else:
            source, target = volume.get("source"), volume.get("target")
        mounts[source] = target
    return mounts


def url_parts(url: str) -> dict:
    from sqlalchemy import make_url

    parsed = make_url(url)
    return {
        "driver": parsed.drivername,
        "user": parsed.username,
        "password": parsed.password,
        "host": parsed.host,
        "port": parsed.port,
        "database": parsed.database,
    }


# --- the checks ---------------------------------------------------------------------------------


def check_services(compose: dict) -> list[str]:
    services = set((compose.get("services") or {}))
    missing = (APP_SERVICES | INFRA_SERVICES) - services
    return [f"missing services: {sorted(missing)}"] if missing else []


def check_one_image_one_build(compose: dict) -> list[str]:
    problems = []
    services = compose.get("services") or {}
    images = {name: services.get(name, {}).get("image") for name in APP_SERVICES}
    builds = {name: services.get(name, {}).get("build") for name in APP_SERVICES}
    if len(set(images.values())) != 1 or None in images.values():
        problems.append(f"app services must share one image: {images}")
    if any(not isinstance(build, dict) for build in builds.values()):
        problems.append(f"app services need build: {{context, dockerfile}}: {builds}")
    else:
        distinct = {(b.get("context"), b.get("dockerfile")) for b in builds.values()}
        if len(distinct) != 1:
            problems.append(f"app services must share one build: {builds}")
        for context, dockerfile in distinct:
            if not (REPO / (context or ".") / (dockerfile or "Dockerfile")).resolve() == DOCKERFILE:
                problems.append(f"build {context!r} / {dockerfile!r} is not deploy/Dockerfile")
    if not DOCKERFILE.is_file():
        problems.append("deploy/Dockerfile does not exist")
    return problems


def check_commands(compose: dict) -> list[str]:
    problems = []
    services = compose.get("services") or {}
    served = set()
    for name in sorted(APP_SERVICES):
        argv = command(services.get(name, {}))
        if argv != ["dailycast", "serve", name]:
            problems.append(f"{name}: command {argv} is not ['dailycast', 'serve', {name!r}]")
        if argv[:2] == ["dailycast", "serve"] and len(argv) == 3:
            served.add(argv[2])
    if served != APP_SERVICES:
        problems.append(f"`dailycast serve` names {sorted(served)} != {sorted(APP_SERVICES)}")
    return problems


def check_app_environment(compose: dict) -> list[str]:
    problems = []
    services = compose.get("services") or {}
    postgres_env = environment(services.get("postgres", {}))
    kafka_env = environment(services.get("kafka", {}))
    advertised = {
        listener.split("://", 1)[1] for listener in (kafka_env.get("KAFKA_ADVERTISED_LISTENERS") or "").split(",") if "://" in listener
    }
    for name in sorted(APP_SERVICES):
        env = environment(services.get(name, {}))
        if env.get("DAILYCAST_RUNTIME") != "kafka":
            problems.append(f"{name}: DAILYCAST_RUNTIME={env.get('DAILYCAST_RUNTIME')!r}, want 'kafka'")
        bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS") or ""
        if not bootstrap or any(server not in advertised for server in bootstrap.split(",")):
            problems.append(f"{name}: KAFKA_BOOTSTRAP_SERVERS={bootstrap!r} is not kafka's advertised {sorted(advertised)}")
        url = env.get("DATABASE_URL") or ""
        try:
            parts = url_parts(url)
        except Exception as error:  # noqa: BLE001 - any unparsable URL is the problem reported
            problems.append(f"{name}: DATABASE_URL {url!r} does not parse: {error}")
            continue
        want = {
            "driver": "postgresql+psycopg",
            "user": postgres_env.get("POSTGRES_USER"),
            "password": postgres_env.get("POSTGRES_PASSWORD"),
            "host": "postgres",
            "port": 5432,
            "database": postgres_env.get("POSTGRES_DB"),
        }
        if parts != want:
            problems.append(f"{name}: DATABASE_URL {parts} does not match the postgres service {want}")
    return problems


def check_depends_on(compose: dict) -> list[str]:
    problems = []
    services = compose.get("services") or {}
    for name in sorted(APP_SERVICES):
        depends = services.get(name, {}).get("depends_on") or {}
        if isinstance(depends, list):  # the short form has no condition
            depends = {dependency: {} for dependency in depends}
        for dependency in sorted(INFRA_SERVICES):
            condition = (depends.get(dependency) or {}).get("condition")
            if condition != "service_healthy":
                problems.append(f"{name}: depends_on {dependency} condition {condition!r}, want 'service_healthy'")
    return problems


def check_healthchecks(compose: dict) -> list[str]:
    problems = []
    services = compose.get("services") or {}
    for name in ("kafka", "postgres", "api"):
        if not healthcheck_enabled(services.get(name, {})):
            problems.append(f"{name}: no healthcheck")
    kafka_test = " ".join(map(str, (services.get("kafka", {}).get("healthcheck") or {}).get("test") or []))
    if "/opt/kafka/bin/" not in kafka_test:
        problems.append(f"kafka: healthcheck {kafka_test!r} does not use Kafka's own tools")
    if "pg_isready" not in " ".join(map(str, (services.get("postgres", {}).get("healthcheck") or {}).get("test") or [])):
        problems.append("postgres: healthcheck does not use pg_isready")
    if "/healthz" not in " ".join(map(str, (services.get("api", {}).get("healthcheck") or {}).get("test") or [])):
        problems.append("api: healthcheck does not ask /healthz")
    for name in sorted(APP_SERVICES - {"api"}):
        # The image's HEALTHCHECK is the API's; a worker asks its own ops port instead.
        test = " ".join(map(str, (services.get(name, {}).get("healthcheck") or {}).get("test") or []))
        if f"127.0.0.1:{OPS_PORTS[name]}/readyz" not in test:
            problems.append(f"{name}: healthcheck does not ask its ops port's /readyz ({OPS_PORTS[name]})")
    return problems


def check_no_default_secret(compose: dict) -> list[str]:
    problems = []
    services = compose.get("services") or {}
    for name in sorted(APP_SERVICES):
        value = environment(services.get(name, {})).get("DAILYCAST_JWT_SECRET")
        if value is None or not SECRET_REFERENCE.match(value):
            problems.append(f"{name}: DAILYCAST_JWT_SECRET={value!r} must be '${{DAILYCAST_JWT_SECRET:?...}}'")
    return problems


def check_api_and_volumes(compose: dict) -> list[str]:
    problems = []
    services = compose.get("services") or {}
    api = services.get("api", {})
    if not any(str(port).split(":")[-2:] == ["8000", "8000"] for port in api.get("ports") or []):
        problems.append(f"api: not published on 8000: {api.get('ports')}")
    host = environment(api).get("DAILYCAST_HOST")
    if host != "0.0.0.0" and not (host is None and "DAILYCAST_HOST=0.0.0.0" in dockerfile_env()):
        problems.append(f"api: must listen on 0.0.0.0 in its container, DAILYCAST_HOST is {host!r}")
    declared = set((compose.get("volumes") or {}))
    mounts = {name: volume_mounts(services.get(name, {})) for name in ("api", "tts")}
    data_dirs = {name: environment(services.get(name, {})).get("DAILYCAST_DATA_DIR") for name in ("api", "tts")}
    if mounts["api"].get("audio") is None or mounts["api"].get("audio") != mounts["tts"].get("audio"):
        problems.append(f"api and tts must mount the volume 'audio' at the same place: {mounts}")
    elif not all(mounts[name]["audio"] == data_dirs[name] for name in mounts):
        problems.append(f"the audio volume must be mounted at DAILYCAST_DATA_DIR: {mounts} vs {data_dirs}")
    for name, service in services.items():
        for volume in volume_mounts(service):
            if not volume.startswith((".", "/")) and volume not in declared:
                problems.append(f"{name}: volume {volume!r} is not declared under volumes:")
    for name in sorted(APP_SERVICES - {"api"}):
        if services.get(name, {}).get("restart") != "unless-stopped":
            problems.append(f"{name}: restart should be unless-stopped")
    return problems


def check_kafka(compose: dict) -> list[str]:
    problems = []
    kafka = (compose.get("services") or {}).get("kafka", {})
    env = environment(kafka)
    roles = set((env.get("KAFKA_PROCESS_ROLES") or "").split(","))
    if roles != {"broker", "controller"}:
        problems.append(f"kafka: KAFKA_PROCESS_ROLES {sorted(roles)}, want a combined KRaft node")
    node = env.get("KAFKA_NODE_ID")
    voters = env.get("KAFKA_CONTROLLER_QUORUM_VOTERS") or ""
    if not node or not re.fullmatch(rf"{node}@kafka:\d+", voters):
        problems.append(f"kafka: quorum voters {voters!r} are not this node {node!r}")
    controller_port = voters.rsplit(":", 1)[-1]
    listeners = env.get("KAFKA_LISTENERS") or ""
    if f"CONTROLLER://:{controller_port}" not in listeners or "PLAINTEXT://:9092" not in listeners:
        problems.append(f"kafka: KAFKA_LISTENERS {listeners!r} lack PLAINTEXT :9092 and CONTROLLER :{controller_port}")
    if env.get("KAFKA_ADVERTISED_LISTENERS") != "PLAINTEXT://kafka:9092":
        problems.append(f"kafka: advertised listeners {env.get('KAFKA_ADVERTISED_LISTENERS')!r}")
    for key in ("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"):
        if env.get(key) != "1":
            problems.append(f"kafka: {key}={env.get(key)!r}, a single node needs 1")
    if not str(kafka.get("image", "")).startswith("apache/kafka:"):
        problems.append(f"kafka: image {kafka.get('image')!r}, want the official apache/kafka")
    return problems


def check_postgres(compose: dict) -> list[str]:
    postgres = (compose.get("services") or {}).get("postgres", {})
    env = environment(postgres)
    problems = []
    if not str(postgres.get("image", "")).startswith("postgres:16"):
        problems.append(f"postgres: image {postgres.get('image')!r}, want postgres:16")
    for key in ("POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"):
        if env.get(key) != "dailycast":
            problems.append(f"postgres: {key}={env.get(key)!r}")
    if "/var/lib/postgresql/data" not in volume_mounts(postgres).values():
        problems.append("postgres: its data is not on a volume")
    return problems


COMPOSE_CHECKS = [
    check_services,
    check_one_image_one_build,
    check_commands,
    check_app_environment,
    check_depends_on,
    check_healthchecks,
    check_no_default_secret,
    check_api_and_volumes,
    check_kafka,
    check_postgres,
]


@pytest.mark.parametrize("check", COMPOSE_CHECKS, ids=lambda check: check.__name__)
def test_compose_file(check):
    assert check(load_compose()) == []


def test_every_service_with_a_bootstrap_is_served_by_compose():
    bootstrapped = {path.parent.name for path in (REPO / "services").glob("*/bootstrap.py")}
    assert bootstrapped == APP_SERVICES
    served = {command(load_compose()["services"][name])[-1] for name in APP_SERVICES}
    assert served == bootstrapped


def test_no_secret_is_written_anywhere_in_the_compose_file():
    lines = [line for line in COMPOSE_FILE.read_text().splitlines() if not line.lstrip().startswith("#")]
    for match in re.finditer(r"DAILYCAST_JWT_SECRET\s*[:=]\s*(\S.*)", "\n".join(lines)):
        value = match.group(1).strip().strip("\"'")
        assert value.startswith("${DAILYCAST_JWT_SECRET:?"), match.group(0)
        assert ":-" not in value and "-}" not in value, match.group(0)


# --- the Dockerfile and .dockerignore ------------------------------------------------------------


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    logical, current = [], ""
    for line in DOCKERFILE.read_text().splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue
        current += " " + stripped.rstrip("\\").strip() if current else stripped.rstrip("\\").strip()
        if not stripped.endswith("\\"):
            logical.append(current)
            current = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "") for line in logical]


def dockerfile_env() -> str:
    return " ".join(args for instruction, args in dockerfile_instructions() if instruction == "ENV")


def last(instruction: str) -> str | None:
    values = [args for name, args in dockerfile_instructions() if name == instruction]
    return values[-1] if values else None


def test_dockerfile_base_install_and_user():
    assert dockerfile_instructions()[0] == ("FROM", "python:3.11-slim")
    runs = " ".join(args for name, args in dockerfile_instructions() if name == "RUN")
    assert re.search(r"pip install (--no-deps )?-e /app", runs), "install editable from /app (schemas/, migrations/)"
    assert last("WORKDIR") == "/app"
    assert any(name == "COPY" and args.split() == [".", "/app"] for name, args in dockerfile_instructions())
    user = last("USER")
    assert user and user.split(":")[0] not in ("root", "0"), f"runs as {user!r}"


def test_dockerfile_cmd_expose_and_healthcheck():
    import json

    assert json.loads(last("CMD")) == ["dailycast", "serve", "api"]
    assert "8000" in (last("EXPOSE") or "").split()
    healthcheck = last("HEALTHCHECK") or ""
    assert "CMD" in healthcheck and "/healthz" in healthcheck and "urllib" in healthcheck
    assert "DAILYCAST_HOST=0.0.0.0" in dockerfile_env()


def test_dockerignore_keeps_what_the_image_needs():
    ignored = {line.strip().rstrip("/") for line in DOCKERIGNORE.read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    for needed in ("schemas", "migrations", "dailycast", "services", "pyproject.toml", "alembic.ini"):
        assert needed not in ignored and f"/{needed}" not in ignored, needed
    for unwanted in (".git", ".venv", ".infra", ".dailycast"):
        assert unwanted in ignored, unwanted


def test_the_cli_accepts_every_serve_name(capsys):
    """Once `dailycast serve` exists, each compose service name must be one it accepts."""
    from system.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--help"])
    if exit_.value.code != 0:
        pytest.skip("`dailycast serve` is not in the CLI yet")
    for name in sorted(APP_SERVICES):
        with pytest.raises(SystemExit) as exit_:
            main(["serve", name, "--help"])
        assert exit_.value.code == 0, f"`dailycast serve {name}` is refused: {capsys.readouterr().err}"


# --- the checks can fail -----------------------------------------------------------------------


def _drop(path):
    def mutate(compose):
        *parents, key = path
        node = compose
        for parent in parents:
            node = node[parent]
        del node[key]

    return mutate


def _set(path, value):
    def mutate(compose):
        *parents, key = path
        node = compose
        for parent in parents:
            node = node[parent]
        node[key] = value

    return mutate


BREAKAGES = {
    "no notifier": (check_services, _drop(["services", "notifier"])),
    "own image": (check_one_image_one_build, _set(["services", "tts", "image"], "tts:latest")),
    "other Dockerfile": (check_one_image_one_build, _set(["services", "api", "build"], {"context": ".", "dockerfile": "Dockerfile"})),
    "wrong command": (check_commands, _set(["services", "tts", "command"], ["dailycast", "serve", "api"])),
    "embedded runtime": (check_app_environment, _set(["services", "scriptgen", "environment", "DAILYCAST_RUNTIME"], "embedded")),
    "localhost kafka": (check_app_environment, _set(["services", "api", "environment", "KAFKA_BOOTSTRAP_SERVERS"], "127.0.0.1:9092")),
    "sqlite": (check_app_environment, _set(["services", "notifier", "environment", "DATABASE_URL"], "sqlite:////data/x.db")),
    "no depends_on": (check_depends_on, _drop(["services", "tts", "depends_on"])),
    "started only": (check_depends_on, _set(["services", "api", "depends_on", "kafka"], {"condition": "service_started"})),
    "no kafka healthcheck": (check_healthchecks, _drop(["services", "kafka", "healthcheck"])),
    "no api healthcheck": (check_healthchecks, _drop(["services", "api", "healthcheck"])),
    "worker inherits api check": (check_healthchecks, _drop(["services", "notifier", "healthcheck"])),
    "worker asks another port": (check_healthchecks, _set(["services", "tts", "healthcheck", "test"],
                                                          ["CMD", "curl", "http://127.0.0.1:8101/readyz"])),
    "default secret": (check_no_default_secret, _set(["services", "api", "environment", "DAILYCAST_JWT_SECRET"], "${DAILYCAST_JWT_SECRET:-changeme}")),
    "plain secret": (check_no_default_secret, _set(["services", "tts", "environment", "DAILYCAST_JWT_SECRET"], "changeme")),
    "api not published": (check_api_and_volumes, _drop(["services", "api", "ports"])),
    "api on loopback": (check_api_and_volumes, _set(["services", "api", "environment", "DAILYCAST_HOST"], "127.0.0.1")),
    "audio not shared": (check_api_and_volumes, _drop(["services", "tts", "volumes"])),
    "worker not restarted": (check_api_and_volumes, _drop(["services", "scriptgen", "restart"])),
    "kafka broker only": (check_kafka, _set(["services", "kafka", "environment", "KAFKA_PROCESS_ROLES"], "broker")),
    "kafka replication 3": (check_kafka, _set(["services", "kafka", "environment", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"], 3)),
    "postgres without volume": (check_postgres, _drop(["services", "postgres", "volumes"])),
}


@pytest.mark.parametrize("breakage", BREAKAGES, ids=str)
def test_each_check_catches_its_breakage(breakage):
    check, mutate = BREAKAGES[breakage]
    compose = copy.deepcopy(load_compose())
    assert check(compose) == []
    mutate(compose)
    assert check(compose) != [], f"{check.__name__} missed: {breakage}"
