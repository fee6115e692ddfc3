# kslib: `make report` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA   ?= data/seeds
# another folder's report goes to reports/<its name>/, never over the default corpus's figures/
OUT    ?= $(if $(filter command line environment,$(origin DATA)),reports/$(notdir $(patsubst %/,%,$(DATA))),reports)
FIGS   ?= $(if $(filter command line environment,$(origin OUT) $(origin DATA)),$(OUT)/figures,figures)

.DEFAULT_GOAL := help
PDF    ?=
.PHONY: help setup report extract test lab bench evaluate clean notebooks chromium

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-9s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	@echo "installerer kslib og verktøyene i $(VENV)/ (1–2 min, bare første gang) ..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -qq --upgrade pip
	@$(BIN)/python -m pip install -qq -e '.[dev]'
	@$(BIN)/python -m compileall -q kslib  # an editable install leaves kslib uncompiled
	@touch $@
	@echo "kslib er installert"

setup: $(BIN)/.installed  ## create .venv and install kslib with its dev tools

report: setup  ## run every notebook on DATA (default data/seeds) -> figures/ and reports/report.html (PDF=1: also PDF)
	$(BIN)/kslib report $(DATA) --out $(OUT) --figures $(FIGS)$(if $(PDF), --pdf)

extract: setup  ## write every table of DATA as parquet to data/processed/
	$(BIN)/kslib extract $(DATA) --out data/processed --csv

chromium:  ## install Debian's Chromium for the browser tests and PDFs (apt-get, when missing)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "installerer Chromium med apt-get ..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@command -v chromium >/dev/null 2>&1 && chromium --version 2>/dev/null | head -1

test: setup  ## run the whole test suite (unit tests, notebooks, and browser tests when Chromium is there)
	$(BIN)/python -m pytest

evaluate: setup  ## score the extraction of the seeds against their hand annotations
	$(BIN)/kslib evaluate data/seeds data/gold/seeds.json

lab: setup  ## open JupyterLab on the project (notebooks/, figures/, reports/) with its environment
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks

bench: setup  ## speed and memory benchmark (add ARGS=--large for 100,000 articles)
	$(BIN)/python benchmarks/bench.py $(ARGS)
	$(BIN)/python benchmarks/bench_formats.py

clean:  ## remove caches, processed tables and reports (never the articles)
	rm -rf data/interim data/processed reports .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

notebooks: setup  ## re-execute the notebooks in place on data/seeds (commit them executed)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False \
	  notebooks/[0-9][0-9]-*.ipynb
