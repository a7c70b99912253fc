# Two commands set up everything on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test bench clean bytecode

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

# The package's modules byte-compiled: an editable install is not (pip compiles what it copies),
# and with PYTHONDONTWRITEBYTECODE set every run compiled them again (half a second of each).
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q verifier

report: bytecode
	$(BIN)/verifier report seeds --ledger claims \
		--output reports/report.md --output reports/report.json --output reports/report.html

test: bytecode
	$(BIN)/python -m pytest

bench: bytecode
	$(BIN)/python -m verifier.bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
