# Pedoman ASN Maluku Tenggara. `make` lists the targets.
# On a fresh Debian or Ubuntu machine, `make site` and `make test` install what they need.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site

# Reproducible builds: every date in the output comes from the last commit.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
# Material 9.8 prints an end-of-life notice on every run; it is not a warning about this site.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help site serve check permalinks test bench clean system-packages preview deploy rollback compat dest-given

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt requirements-test.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s); install python3.11 and run again." % sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian run 'apt-get install python3-venv' and try again." >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

system-packages: ## Install the Debian packages the downloads and browser tests need (or say how)
	@bash scripts/ensure_system_packages.sh

site: $(BIN)/.installed system-packages ## Build the site and its downloads (PDFs, offline zip) into site/
	$(BIN)/python scripts/build_site.py --site-dir $(SITE_DIR)

serve: $(BIN)/.installed ## Live preview at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --strict

check: $(BIN)/.installed ## Strict build plus the handbook's checkers; fails on any problem
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR)
	$(BIN)/python scripts/check_content.py
	$(BIN)/python scripts/check_links.py --site $(SITE_DIR)
	$(BIN)/python scripts/check_translations.py --site $(SITE_DIR)
	$(BIN)/python scripts/permalinks.py check --site $(SITE_DIR) --strict

permalinks: $(BIN)/.installed ## Register new page and section permalinks in permalinks.txt
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR)
	$(BIN)/python scripts/permalinks.py add --site $(SITE_DIR)

test: $(BIN)/.installed system-packages ## Run the whole test suite
	$(BIN)/python -m pytest

$(BIN)/.bench-installed: $(BIN)/.installed requirements-bench.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	@touch $@

# Publishing (README: Publishing). PORT for preview; DEST, KEEP and RELOAD for deploy and rollback.
PORT ?= 8080
KEEP ?= 5
COMPAT_VENV ?= .venv-compat

preview: $(BIN)/.installed system-packages ## Serve site/ through nginx (deploy/nginx/) on 127.0.0.1 (PORT=..., default 8080)
	@test -f $(SITE_DIR)/index.html || { echo "No site in $(SITE_DIR): run make site first." >&2; exit 2; }
	$(BIN)/python scripts/nginx_site.py preview --site $(SITE_DIR) --port $(PORT) $(if $(PREFIX),--prefix $(PREFIX))

dest-given:
	@test -n "$(DEST)" || { echo "Say where: make $(MAKECMDGOALS) DEST=/srv/pedoman" >&2; exit 2; }

deploy: dest-given site ## Build, check and publish as a new release in DEST, then switch DEST/current (DEST=...)
	$(BIN)/python scripts/deploy.py deploy --dest $(DEST) --site $(SITE_DIR) --keep $(KEEP) $(if $(RELOAD),--reload '$(RELOAD)')

rollback: dest-given $(BIN)/.installed ## Switch DEST/current back to the release before it (DEST=...)
	$(BIN)/python scripts/deploy.py rollback --dest $(DEST) $(if $(RELOAD),--reload '$(RELOAD)')

$(COMPAT_VENV)/.installed: requirements-compat.txt requirements.txt
	@test -x $(COMPAT_VENV)/bin/python || $(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-compat.txt
	@touch $@

compat: $(BIN)/.installed $(COMPAT_VENV)/.installed ## Build with ProperDocs as well and compare with the MkDocs build
	$(BIN)/python scripts/compat.py --mkdocs-python $(BIN)/python --properdocs-python $(COMPAT_VENV)/bin/python

bench: $(BIN)/.bench-installed system-packages ## Print performance figures (link checkers, make site time)
	$(BIN)/python scripts/bench.py

clean: ## Remove every generated file
	rm -rf $(SITE_DIR) build .pytest_cache $(COMPAT_VENV)
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +
