# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	# The gazetteer index is built once from the GeoNames data the packages ship.
	$(BIN)/python -m polemos.resolve.geo.build
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f polemos.db
	$(BIN)/polemos ingest examples/sample_corpus.jsonl --db polemos.db
	$(BIN)/polemos events --db polemos.db
	@echo
	@echo "Events stored in $(CURDIR)/polemos.db  (try: $(BIN)/polemos events --db polemos.db --format geojson)"

test: install
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) polemos.db .pytest_cache
