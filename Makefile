# The commands people type. `make run` and `make test` need nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test unit lint bench bench-runtimes infra-up infra-down clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: start the whole system in one process (embedded default) on 127.0.0.1:$$DAILYCAST_PORT
run: $(STAMP)
	exec $(BIN)/dailycast run

## test: the import contracts, then every test (unit, integration, end to end); starts the local Kafka and PostgreSQL first
test: $(STAMP) infra-up lint
	eval "$$(bash deploy/infra.sh env)" && $(BIN)/pytest -q

## lint: which way imports point (import-linter contracts in pyproject.toml, see docs/architecture.md)
lint: $(STAMP)
	$(BIN)/lint-imports

## infra-up / infra-down: the local Kafka broker and PostgreSQL (deploy/infra.sh; safe to repeat)
infra-up:
	bash deploy/infra.sh up

infra-down:
	bash deploy/infra.sh down

unit: $(STAMP)
	$(BIN)/pytest -q tests/unit

## bench: the pipeline and API benchmarks (prints tables); bench-runtimes: embedded log against Kafka
bench: $(STAMP)
	$(BIN)/python -m bench.pipeline

bench-runtimes: $(STAMP) infra-up
	eval "$$(bash deploy/infra.sh env)" && $(BIN)/python -m bench.runtimes

clean:
	rm -rf $(VENV) .dailycast
