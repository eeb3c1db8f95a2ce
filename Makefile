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

# The local OpenID Connect provider the sign-in tests start (tests/oidc, npm's oidc-provider on
# the machine's Node.js), installed exactly as locked.
OIDC := tests/oidc/node_modules/.package-lock.json
$(OIDC): tests/oidc/package.json tests/oidc/package-lock.json
	@command -v npm >/dev/null || { echo "Node.js 20+ med npm behövs för inloggningstesterna"; exit 1; }
	npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error

test: $(VENV)/.installerad webblasare nginx $(OIDC)
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

# Production serving: nginx in front of REPLICAS copies of the app (drift/serve.py, see
# drift/nginx.conf.mall). Port 8080 unless PORT is given on the command line or in the
# environment (the 8501 above is make run's). `make serve-omstart` restarts the replicas one
# at a time while nginx keeps serving from the others. ARGS goes to the supervisor, e.g.
# DRIFT=/srv/drift ARGS="-- --server.disconnectedSessionTTL 120".
REPLICAS ?= 2
DRIFT ?= db/drift
SERVE_PORT := $(if $(filter file,$(origin PORT)),8080,$(PORT))

.PHONY: serve serve-omstart nginx

serve: databas nginx
	$(PY) -m drift.serve --port $(SERVE_PORT) --repliker $(REPLICAS) --katalog $(DRIFT) $(ARGS)

serve-omstart:
	kill -HUP $$(cat $(DRIFT)/serve.pid)

# nginx and its brotli module from Debian's packages (for make serve and its tests).
nginx:
	@if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ] || \
		[ ! -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ]; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx \
			libnginx-mod-http-brotli-filter; \
	fi

clean:
	rm -rf $(VENV) db
