# Two commands on a fresh machine (Python 3.11 with venv):
#   make run   sets up .venv, builds the database from data/ and starts the dashboard
#   make test  sets up .venv and runs the tests
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test databas clean

$(VENV)/.installerad: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

databas: $(VENV)/.installerad
	$(PY) -c "from nyckeltal import bygg; print('Databas:', bygg.sakerstall())"

run: databas
	$(VENV)/bin/streamlit run dashboard.py --server.headless true --server.port $(PORT) \
		--browser.gatherUsageStats false

test: $(VENV)/.installerad
	$(PY) -m pytest

clean:
	rm -rf $(VENV) db
