# Polyshelf: `make demo` and `make test` work on a fresh clone (they create .venv first).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# torch is pinned explicitly: an unpinned torch pulls gigabytes of CUDA packages.
TORCH ?= torch==2.13.0
STAMP := $(VENV)/.polyshelf-installed
DEMO_OUT := demo-output/sample_catalog.l10n.xlsx

.PHONY: install demo test lint models models-status models-check bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[train,dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p demo-output
	$(BIN)/polyshelf translate engine/samples/sample_catalog.xlsx --to de,fr \
		--out $(DEMO_OUT) --report
	@echo
	@echo "Demo output:  $(abspath $(DEMO_OUT))"
	@echo "Run report:   $(abspath $(DEMO_OUT)).report.json"
	@echo "QA findings:  the QA sheet of the workbook; review queue: $(BIN)/polyshelf review list"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check engine workbench tests bench packaging
	$(BIN)/ruff format --check engine workbench tests bench packaging

# Rebuild the shipped en→de / en→fr models from ../shared/corpora (hours on CPU; resumable).
models: $(STAMP)
	$(BIN)/python -m polyshelf.training.defaults --pair en-de --stage all
	$(BIN)/python -m polyshelf.training.defaults --pair en-fr --stage all

# How far a (resumed) `make models` run is: epochs, wall time, best dev BLEU per stage.
models-status: $(STAMP)
	$(BIN)/python -m polyshelf.training.defaults --pair en-de --status
	$(BIN)/python -m polyshelf.training.defaults --pair en-fr --status

# The same recipe on 300-pair slices with a tiny model, shipped into a temp dir (about a minute).
models-check: $(STAMP)
	tmp=$$(mktemp -d) && POLYSHELF_RECIPE_SMOKE=300 POLYSHELF_RECIPE_WORK=$$tmp/work \
	  POLYSHELF_SHIP_DIR=$$tmp/shipped $(BIN)/python -m polyshelf.training.defaults \
	  --pair en-de --stage all --force --no-product-eval && ls -l $$tmp/shipped/en-de

bench: $(STAMP)
	$(BIN)/python bench/mt_speed.py

clean:
	rm -rf $(VENV) demo-output .pytest_cache .ruff_cache
