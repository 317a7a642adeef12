# Pedoman ASN Maluku Tenggara. `make` lists the targets.
# On a fresh Debian or Ubuntu machine, `make site` and `make test` install what they need.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
# `make check` and `make permalinks` build here, so they never touch what `make site` made.
CHECK_DIR ?= build/check-site

# Reproducible builds: every date in the output comes from the last commit, or, outside a git
# clone (a release tarball), from the file source-date-epoch (seconds since 1970).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || cat source-date-epoch 2>/dev/null)
export SOURCE_DATE_EPOCH
# Material 9.8 prints an end-of-life notice on every run; it is not a warning about this site.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help site serve check permalinks test bench clean system-packages source-date tools preview deploy rollback compat dest-given lock

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.lock pyproject.toml scripts/system-packages.txt
	@bash scripts/ensure_system_packages.sh
	@test -n "$(PYTHON)" || { echo "No python3 found: install Python 3.11 (Debian: apt-get install python3 python3-venv) and run again." >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s at $(PYTHON)); install python3.11 and run again." % sys.version.split()[0])'
	@# A venv left half-made by an interrupted run (no python, or no pip) is made again from scratch.
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); } || { echo "Could not create $(VENV): on Debian run 'apt-get install python3-venv' and try again." >&2; exit 1; }
	@# Every dependency (the engine's and the tests'), exactly as locked, each file checked by its hash.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@# The engine itself (scripts/handbook), editable, without dependencies: they came from the lock.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --editable .
	@touch $@

source-date:
	@test -n "$(SOURCE_DATE_EPOCH)" || { echo "No date for a reproducible build: run inside a git clone, or write the release date (seconds since 1970, e.g. 1764547200) into the file source-date-epoch." >&2; exit 1; }

system-packages: ## Install the Debian packages the downloads and browser tests need (or say how)
	@bash scripts/ensure_system_packages.sh

site: $(BIN)/.installed source-date ## Build the site and its downloads (PDFs, offline zip) into site/
	$(BIN)/handbook build --site-dir $(SITE_DIR)

serve: $(BIN)/.installed ## Live preview at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --strict

check: $(BIN)/.installed source-date ## Strict build (into build/check-site) plus the handbook's checkers; fails on any problem
	$(BIN)/mkdocs build --strict --site-dir $(CHECK_DIR)
	$(BIN)/handbook check content
	$(BIN)/handbook check links --site $(CHECK_DIR)
	$(BIN)/handbook check translations --site $(CHECK_DIR)
	$(BIN)/handbook check permalinks --site $(CHECK_DIR) --strict

permalinks: $(BIN)/.installed source-date ## Register new page and section permalinks in permalinks.txt
	$(BIN)/mkdocs build --strict --site-dir $(CHECK_DIR)
	$(BIN)/handbook permalinks add --site $(CHECK_DIR)

test: $(BIN)/.installed source-date tools ## Run the whole test suite
	$(BIN)/python -m pytest

$(BIN)/.bench-installed: $(BIN)/.installed requirements-bench.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	@touch $@

tools: $(BIN)/.installed ## Install the pinned npm tools (vnu, Lighthouse) into .tools/
	$(BIN)/python -m handbook.npm_tools

bench: $(BIN)/.bench-installed source-date tools ## Print performance figures (link checkers, make site time, page weight, search)
	$(BIN)/handbook bench

# Publishing (README: Publishing). PORT for preview; DEST, KEEP and RELOAD for deploy and rollback.
PORT ?= 8080
KEEP ?= 5
COMPAT_VENV ?= .venv-compat

preview: $(BIN)/.installed ## Serve site/ through nginx (scripts/handbook/nginx_templates/) on 127.0.0.1 (PORT=..., default 8080)
	@test -f $(SITE_DIR)/index.html || { echo "No site in $(SITE_DIR): run make site first." >&2; exit 2; }
	$(BIN)/handbook preview --site $(SITE_DIR) --port $(PORT) $(if $(PREFIX),--prefix $(PREFIX))

dest-given:
	@test -n "$(DEST)" || { echo "Say where: make $(MAKECMDGOALS) DEST=/srv/pedoman" >&2; exit 2; }

deploy: dest-given site ## Build, check and publish as a new release in DEST, then switch DEST/current (DEST=...)
	$(BIN)/handbook deploy --dest $(DEST) --site $(SITE_DIR) --keep $(KEEP) $(if $(RELOAD),--reload '$(RELOAD)')

rollback: dest-given $(BIN)/.installed ## Switch DEST/current back to the release before it (DEST=...)
	$(BIN)/handbook rollback --dest $(DEST) $(if $(RELOAD),--reload '$(RELOAD)')

$(COMPAT_VENV)/.installed: requirements-compat.txt requirements.txt pyproject.toml Makefile
	@test -x $(COMPAT_VENV)/bin/python || $(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-compat.txt
	@# The engine from this checkout, editable: ProperDocs builds with the same engine code as MkDocs.
	$(COMPAT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --editable .
	@touch $@

compat: $(BIN)/.installed $(COMPAT_VENV)/.installed ## Build with ProperDocs as well and compare with the MkDocs build
	$(BIN)/handbook compat --mkdocs-python $(BIN)/python --properdocs-python $(COMPAT_VENV)/bin/python

# pip-tools, in a venv of its own, makes requirements.lock: pyproject.toml's and requirements-test.txt's
# pins with every indirect dependency, each with the hashes of its files.
PIP_TOOLS := pip-tools==7.7.0
LOCK_VENV ?= .venv-lock

lock: ## Make requirements.lock again (with hashes) after a pin changed in pyproject.toml or requirements-test.txt
	@test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(PIP_TOOLS); }
	$(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml requirements-test.txt

clean: ## Remove every generated file
	rm -rf $(SITE_DIR) build .pytest_cache $(COMPAT_VENV) $(LOCK_VENV)
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +
