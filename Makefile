# Every target installs what it needs: a fresh machine has only Python and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
STAMP := $(VENV)/.synced

export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never

.PHONY: install demo lint test test-fast bench sample clean messages

# the translation catalogues, compiled from the .po files (the .mo are not committed)
CATALOGUES := $(wildcard opsboard/locale/*/LC_MESSAGES/opsboard.po)

install: $(STAMP) $(CATALOGUES:.po=.mo)

$(STAMP): pyproject.toml uv.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip --version >/dev/null 2>&1 || $(PY) -m ensurepip --default-pip >/dev/null
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	# --inexact keeps uv itself in the venv; --frozen installs exactly uv.lock
	$(UV) sync --frozen --inexact --quiet
	touch $(STAMP)

%.mo: %.po $(STAMP)
	$(PY) tools/messages.py compile

# after adding or changing a translated string: every message into the .po files
messages: install
	$(PY) tools/messages.py update

demo: install
	$(VENV)/bin/opsboard --demo

# style and types: ruff, then mypy over the package (strict for model/,
# store/, logic/, services/: pyproject.toml; cached in .mypy_cache)
lint: install
	$(VENV)/bin/ruff check opsboard tests benchmarks sample_data tools hatch_build.py
	$(VENV)/bin/ruff format --check opsboard tests benchmarks sample_data tools hatch_build.py
	$(VENV)/bin/mypy

test: install lint
	$(PY) -m pytest -n 2 -q

# the same suite without the slow stress tests
test-fast: install
	$(PY) -m pytest -n 2 -q -m "not slow"

bench: install
	$(PY) benchmarks/run.py

# rebuild sample_data/ from the scripts that generate it
sample: install
	$(PY) sample_data/make_sample.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache
