# kslib: `make report` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA   ?= data/seeds
# another folder's report goes to reports/<its name>/, never over the default corpus's figures/
OUT    ?= $(if $(filter command line environment,$(origin DATA)),reports/$(notdir $(patsubst %/,%,$(DATA))),reports)
FIGS   ?= $(if $(filter command line environment,$(origin OUT) $(origin DATA)),$(OUT)/figures,figures)

.DEFAULT_GOAL := help
.PHONY: help setup report extract test lab bench evaluate clean notebooks

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-9s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -m compileall -q kslib  # an editable install leaves kslib uncompiled
	touch $@

setup: $(BIN)/.installed  ## create .venv and install kslib with its dev tools

report: setup  ## run every notebook on DATA (default data/seeds) -> figures/ and reports/report.html
	$(BIN)/kslib report $(DATA) --out $(OUT) --figures $(FIGS)

extract: setup  ## write every table of DATA as parquet to data/processed/
	$(BIN)/kslib extract $(DATA) --out data/processed --csv

test: setup  ## run the whole test suite (unit tests and notebooks)
	$(BIN)/python -m pytest

evaluate: setup  ## score the extraction of the seeds against their hand annotations
	$(BIN)/kslib evaluate data/seeds data/gold/seeds.json

lab: setup  ## open the notebooks in JupyterLab with the project's environment
	$(BIN)/jupyter lab notebooks/

bench: setup  ## speed and memory benchmark (add ARGS=--large for 100,000 articles)
	$(BIN)/python benchmarks/bench.py $(ARGS)

clean:  ## remove caches, processed tables and reports (never the articles)
	rm -rf data/interim data/processed reports .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

notebooks: setup  ## re-execute the notebooks in place on data/seeds (commit them executed)
	KSLIB_REPORT=1 $(BIN)/jupyter nbconvert --to notebook --execute --inplace notebooks/[0-9][0-9]-*.ipynb
