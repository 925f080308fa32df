# The two commands of the README, and the pieces they are made of.
#
#   make demo   start the emulator, run the demo playbook twice (the second run reports
#               changed=0), show the inventory graph, stop the emulator
#   make test   every test tier: unit, integration, sanity, lint
#
# Both create .venv (Python packages) and .build/collections (the collection on Ansible's path)
# on first use; nothing else needs to be installed beyond Python 3.11+.

PYTHON ?= python3
VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
COLLECTIONS := $(CURDIR)/.build/collections
LINK := $(COLLECTIONS)/ansible_collections/portkey/ai

export ANSIBLE_COLLECTIONS_PATH := $(COLLECTIONS)
export ANSIBLE_COLLECTIONS_SCAN_SYS_PATH := false
export PATH := $(BIN):$(PATH)

.PHONY: demo test unit integration sanity lint setup clean emulator

setup: $(STAMP) $(LINK)

$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(STAMP)

$(LINK):
	mkdir -p $(dir $(LINK))
	ln -sfn $(CURDIR) $(LINK)

demo: setup
	$(BIN)/python tools/demo.py

test: unit integration sanity lint

unit: setup
	$(BIN)/python -m pytest tests/unit -q

integration: setup
	$(BIN)/python -m pytest tests/integration -q -n auto

sanity: setup
	$(BIN)/python tools/sanity.py

lint: setup
	cd playbooks && $(BIN)/ansible-lint --offline --strict --profile production .

emulator: setup
	$(BIN)/python -m tests.emulator --port 8787 --verbose

clean:
	rm -rf .build .venv
