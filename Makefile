# Two commands from a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup bench review clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[cluster,test]'
	$(BIN)/python -m compileall -q storyboard
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/storyboard render scenes/tech_corp.yaml -o output/tech_corp.mp4

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/render_speed.py
	$(BIN)/python benchmarks/import_speed.py

review: $(STAMP)
	$(BIN)/python benchmarks/review_sheets.py --out output/review

clean:
	rm -rf $(VENV) output/*.mp4 output/*.json
