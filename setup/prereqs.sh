#!/usr/bin/env bash
# Checks, in a second, every program `make run` and `make test` need, and names what is
# missing with the line that installs it. `make run` needs the first group only.
#   setup/prereqs.sh run     Go, Java 17, Maven, poppler-utils (and npm for the network page and GraphiQL)
#   setup/prereqs.sh test    all of them
set -uo pipefail
cd "$(dirname "$0")/.."
want=${1:-test}
missing=()

have() { command -v "$1" >/dev/null 2>&1; }
# version A.B[.C] at least B.B[.C]
atleast() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

gomod=$(awk '/^go /{print $2}' go.mod)
if ! have go; then
  missing+=("Go $gomod or newer: https://go.dev/dl")
elif ! atleast "$(go env GOVERSION | sed 's/^go//')" "$gomod"; then
  missing+=("Go $gomod or newer (go.mod asks for it; this is $(go env GOVERSION)): https://go.dev/dl")
fi
if ! have java; then
  missing+=("Java 17+: apt-get install openjdk-17-jre-headless | dnf install java-17-openjdk-headless | brew install openjdk@17")
elif ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
  missing+=("Java 17+ (this is $(java -version 2>&1 | head -n1)): apt-get install openjdk-17-jre-headless")
fi
have mvn || missing+=("Maven: apt-get install maven | dnf install maven | brew install maven")
# POST /documents reads PDFs with poppler's pdftotext and pdfinfo (loaders/pdftext); without
# them the server runs and answers a PDF 503.
have pdftotext && have pdfinfo || missing+=("pdftotext and pdfinfo (PDF ingestion): apt-get install poppler-utils | dnf install poppler-utils | brew install poppler")

if [ "$want" = test ]; then
  if ! have node || ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    missing+=("Node 20.19+ with npm: https://nodejs.org (Debian: apt-get install nodejs npm, if its Node is 20.19+)")
  fi
  have npm || missing+=("npm: apt-get install npm | dnf install npm | brew install node")
  have chromium || have chromium-browser || have google-chrome || missing+=("Chromium: apt-get install chromium | dnf install chromium | brew install --cask chromium")
  have python3 || missing+=("Python 3: apt-get install python3 | dnf install python3 | brew install python")
  python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=("Python venv: apt-get install python3-venv (Fedora and Homebrew include it)")
  have xmllint || missing+=("xmllint: apt-get install libxml2-utils | dnf install libxml2 | brew install libxml2")
  have curl || missing+=("curl: apt-get install curl | dnf install curl | brew install curl")
  have qpdf || missing+=("qpdf (the encrypted PDF tests make one with it): apt-get install qpdf | dnf install qpdf | brew install qpdf")
  have prometheus || missing+=("Prometheus (the /metrics test scrapes with it): apt-get install prometheus | dnf install golang-github-prometheus | brew install prometheus")
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "make $want needs programs this machine lacks:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi
