# Two commands from a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup bench bench-feature review clean conformance mutate

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

# OpenH264 (ffmpeg's libopenh264, and GStreamer's openh264dec from Debian's
# gstreamer1.0-plugins-bad) decodes the full-size films bit-identical to
# ffmpeg, and their headers are x264's: see DEVELOPERS.md. Broadway, the
# JavaScript Baseline decoder (npm broadway-player, installed here into
# .conformance/ where npm is present), decodes the --draft films bit-identical
# too; its test is skipped without node or the package. Not part of `make test`.
BROADWAY := .conformance/node_modules/broadway-player/Player/Decoder.js

$(BROADWAY):
	-npm install --no-audit --no-fund --prefix .conformance broadway-player@0.1.1

conformance: $(STAMP) $(BROADWAY)
	STORYBOARD_CONFORMANCE=1 $(BIN)/python -m pytest -o addopts= -v -rs \
		tests/test_h264_openh264.py tests/test_h264_broadway.py tests/test_h264_headers.py

# Mutation testing of the modules listed in tests/MUTANTS.md (MODULE=path for
# one); about 30 minutes on two cores. Not part of `make test`.
mutate: $(STAMP)
	$(BIN)/python tools/mutate.py $(if $(MODULE),--module $(MODULE))

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/render_speed.py
	$(BIN)/python benchmarks/import_speed.py
	$(BIN)/python benchmarks/feature_length.py

bench-feature: $(STAMP)
	$(BIN)/python benchmarks/feature_length.py

review: $(STAMP)
	$(BIN)/python benchmarks/review_sheets.py --out output/review

clean:
	rm -rf $(VENV) .conformance output/*.mp4 output/*.json
