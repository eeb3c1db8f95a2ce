# Two commands on a fresh machine (Python 3.11 with venv):
#   make run   sets up .venv, builds the database from data/ and starts the dashboard
#   make test  sets up .venv and runs the tests
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
EMOJI_FONT := /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf

.PHONY: run test lint bench databas webblasare clean

$(VENV)/.installerad: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

databas: $(VENV)/.installerad
	$(PY) -c "from nyckeltal import bygg; print('Databas:', bygg.sakerstall())"

run: databas
	$(VENV)/bin/streamlit run webbserver.py --server.headless true --server.port $(PORT) \
		--browser.gatherUsageStats false

# Debian's Chromium for the browser tests (Playwright cannot download browsers here), and an
# emoji font so screenshots show the status icons a user's browser shows.
webblasare:
	@if [ ! -x /usr/bin/chromium ] || [ ! -f $(EMOJI_FONT) ]; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-color-emoji; \
	fi

test: $(VENV)/.installerad webblasare
	$(PY) -m pytest

# Hygiene, run by .ci/run before the tests: lint and format check of the Python code, and
# sqlfluff over the queries in sql/ (settings in .sqlfluff).
lint: $(VENV)/.installerad
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/sqlfluff lint sql/

# Speed, scale and load figures (a script that prints tables, not a test); see bench/README.md.
bench: $(VENV)/.installerad webblasare
	$(PY) bench/kor.py $(ARGS)

clean:
	rm -rf $(VENV) db
