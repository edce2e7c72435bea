# Two commands do all the set-up on a fresh Debian machine (root, Python 3.11):
#   make run   - install Tesseract if missing, create .venv, install, render samples, run on samples/
#   make test  - the same set-up, then the whole test suite
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export OMP_THREAD_LIMIT := 1

.PHONY: run test setup tesseract chromium samples eval bench bench-archive lint clean

run: setup samples
	$(VENV)/bin/minutes run samples/ --out outputs/

test: setup samples chromium
	$(PY) -m pytest -q

setup: tesseract $(VENV)/.installed

tesseract:
	@command -v tesseract >/dev/null 2>&1 || { \
	  echo "installing tesseract-ocr with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq tesseract-ocr >/dev/null; }

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing chromium with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

samples: setup
	$(PY) samples/generate.py --out samples/rendered
	$(PY) samples/generate.py --split all

eval: setup samples
	$(VENV)/bin/minutes eval samples/

bench: setup samples
	$(PY) -m pipeline.devtools.bench

bench-archive: setup samples
	$(PY) -m pipeline.devtools.bench_archive

lint: setup
	$(VENV)/bin/ruff check pipeline tests samples

clean:
	rm -rf outputs/* $(VENV)
