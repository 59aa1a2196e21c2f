# The commands people type. `make run` and `make test` need nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Installs pin every package to requirements/*.lock (`make lock` writes them from pyproject.toml):
# `make run` installs the runtime set, `make test` adds the test tools. A stamp is redone when its
# lock or pyproject.toml changes, so a pulled lock re-installs by itself.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test unit lint bench bench-runtimes bench-api bench-scale bench-scale-instant bench-scheduler bench-variety infra-up infra-down clean lock lock-upgrade

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The runtime lock, then the project itself: its dependencies are all in the lock.
$(RUN_STAMP): requirements/runtime.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/runtime.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# The dev lock on top: the runtime set at the same versions, plus the test tools.
$(DEV_STAMP): requirements/dev.lock $(RUN_STAMP)
	$(BIN)/pip install --quiet -r requirements/dev.lock
	touch $@

## run: start the whole system in one process (embedded default) on 127.0.0.1:$$DAILYCAST_PORT
run: $(RUN_STAMP)
	exec $(BIN)/dailycast run

## test: the import contracts, then every test (unit, integration, end to end); starts the local Kafka and PostgreSQL first
test: $(DEV_STAMP) infra-up lint
	eval "$$(bash deploy/infra.sh env)" && $(BIN)/pytest -q

## lint: which way imports point (import-linter contracts in pyproject.toml, see docs/architecture.md)
lint: $(DEV_STAMP)
	$(BIN)/lint-imports

## infra-up / infra-down: the local Kafka broker and PostgreSQL (deploy/infra.sh; safe to repeat)
infra-up:
	bash deploy/infra.sh up

infra-down:
	bash deploy/infra.sh down

unit: $(DEV_STAMP)
	$(BIN)/pytest -q tests/unit

## bench: the pipeline and API benchmarks (prints tables); bench-runtimes: embedded log against Kafka
bench: $(DEV_STAMP)
	$(BIN)/python -m bench.pipeline

bench-runtimes: $(DEV_STAMP) infra-up
	eval "$$(bash deploy/infra.sh env)" && $(BIN)/python -m bench.runtimes

## bench-api: reads (one, progress, answers, list) against a bare FastAPI floor, driven by wrk (installed if missing; root)
bench-api: $(DEV_STAMP)
	bash deploy/install-wrk.sh
	$(BIN)/python -m bench.api_reads

## bench-scale: a simulated day for 3,000 learners: the services on Kafka against OpenAI and Polly simulated over HTTP, 10x real time
## bench-scale-instant: the pipeline alone (instant providers), 5,000 learners, scheduler to emailed
bench-scale: $(DEV_STAMP) infra-up
	eval "$$(bash deploy/infra.sh env)" && $(BIN)/python -m bench.scale --learners 3000

bench-scale-instant: $(DEV_STAMP) infra-up
	eval "$$(bash deploy/infra.sh env)" && $(BIN)/python -m bench.scale --providers instant --learners 5000

## bench-scheduler: the daily scheduler requesting one date's podcasts for 100,000 learners, on SQLite and PostgreSQL
bench-scheduler: $(DEV_STAMP) infra-up
	eval "$$(bash deploy/infra.sh env)" && $(BIN)/python -m bench.scheduler --learners 100000 --databases sqlite,postgresql

## bench-variety: how much of a learner's podcast they heard in the 7 days before, 30 days x 3 learners x 9 languages (the template writer, no I/O)
bench-variety: $(DEV_STAMP)
	$(BIN)/python -m bench.variety --days 30

## lock: pin every package again after a change to pyproject.toml's dependencies, keeping the other pins; lock-upgrade: every package to its newest allowed version
# uv (in its own venv, .venv-lock) rather than pip-tools: it resolves for a stated Python and
# platform, CPython 3.11 on Linux x86_64 as in CI and deploy/Dockerfile, whatever Python runs it,
# and does not depend on pip's internals. dev.lock first, then runtime.lock constrained by it, so
# the two agree on every version. No hashes: PyPI, the only index, never replaces a released file.
LOCK_TOOLS := $(VENV)-lock
UV_VERSION := 0.13.9
LOCK_UPGRADE :=
UV_COMPILE = $(LOCK_TOOLS)/bin/uv pip compile --quiet $(LOCK_UPGRADE) --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu --custom-compile-command 'make lock' pyproject.toml

lock:
	test -x $(LOCK_TOOLS)/bin/pip || $(PYTHON) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/pip install --quiet 'uv==$(UV_VERSION)'
	$(UV_COMPILE) --extra dev -o requirements/dev.lock
	$(UV_COMPILE) -c requirements/dev.lock -o requirements/runtime.lock

lock-upgrade: LOCK_UPGRADE := --upgrade
lock-upgrade: lock

clean:
	rm -rf $(VENV) $(LOCK_TOOLS) .dailycast
