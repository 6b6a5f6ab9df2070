#!/usr/bin/env bash
# Execute analyst.ipynb headless against a running Entente (ENTENTE_URL, default
# http://127.0.0.1:8080, e.g. `make run`); any failing cell fails. The executed notebook
# is written to examples/output/analyst.ipynb. web/test.sh starts a service itself.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ] || [ "$here/requirements.txt" -nt "$venv/.installed" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  touch "$venv/.installed"
fi
exec "$venv/bin/python" "$here/execute.py" "$@"
