"""Execute analyst.ipynb headless (nbclient) against ENTENTE_URL; any failing cell fails.

    ENTENTE_URL=http://127.0.0.1:8080 examples/.venv/bin/python examples/execute.py [OUT.ipynb]

The executed notebook, with its tables and plots, is written to OUT (default
examples/output/analyst.ipynb, git-ignored) so CI can keep it as an artefact.
"""
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

here = Path(__file__).resolve().parent
out = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "output" / "analyst.ipynb"
nb = nbformat.read(here / "analyst.ipynb", as_version=4)
client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(here)}})
began = time.time()
try:
    client.execute()
except CellExecutionError as e:
    print(f"FAIL analyst.ipynb: {e}", file=sys.stderr)
    sys.exit(1)
finally:
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)
images = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
print(f"PASS analyst.ipynb: {len(nb.cells)} cells, {images} plots, {time.time() - began:.1f} s against "
      f"{os.environ.get('ENTENTE_URL', 'http://127.0.0.1:8080')}; executed copy in {out}")
