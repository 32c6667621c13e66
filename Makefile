# Frivilligportalen: `make run` starts the demo, `make test` runs every test.
# Both set up everything first (.venv, npm packages, translations) and reuse what is there.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help setup run test demo-data browser-deps messages clean

help: ## List the targets
	@echo "Frivilligportalen: make TARGET"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Scripts stay off: vnu-jar's post-install would try to download a Java runtime.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

setup: $(BIN)/.installed node_modules/.installed ## Install Python and front-end packages, compile translations
	$(BIN)/python manage.py compiletranslations

demo-data: setup ## Migrate the database and load the demo data from the seed documents
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

run: demo-data ## Start the portal with the demo data on 127.0.0.1:$(PORT)
	@echo ""
	@echo "Frivilligportalen: http://127.0.0.1:$(PORT)/"
	@echo "Demo logins (password: demo):"
	@echo "  admin     Django admin (superuser)"
	@echo "  ejer      policy owner, Københavns Kommune (Økonomiforvaltningen)"
	@echo "  sof       caseworker, Sundheds- og Omsorgsforvaltningen"
	@echo "  bif       caseworker, Beskæftigelses- og Integrationsforvaltningen"
	@echo "  kontakt   member of Kontaktudvalget"
	@echo "  forening  representative of Frivilligt Forum"
	@echo "  vhm       policy owner, Vesthimmerlands Kommune"
	@echo "  borger    citizen who takes part in the debate"
	@echo ""
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

browser-deps: ## Install Debian's Chromium, a Java runtime (HTML validator) and GNU gettext where missing
	@command -v chromium >/dev/null && command -v java >/dev/null && command -v xgettext >/dev/null || { \
	  echo "Installing chromium, a Java runtime and gettext with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless gettext; }

test: setup browser-deps ## Run the whole test suite (DATABASE_URL chooses the database)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

# The source strings are English, so the English catalogue is made afresh each time
# with every text equal to its source (msgen); the Danish one keeps its translations.
EN_CATALOGUE := locale/en/LC_MESSAGES/django.po

messages: ## Update the translation catalogues from the source and compile them (needs GNU gettext)
	rm -f $(EN_CATALOGUE)
	$(BIN)/python manage.py makemessages --locale da --locale en --no-obsolete --ignore '.venv/*' --ignore 'node_modules/*'
	msgen --output-file=$(EN_CATALOGUE) $(EN_CATALOGUE)
	$(BIN)/python manage.py compiletranslations

clean: ## Remove the virtual environment, npm packages and the demo database
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles
