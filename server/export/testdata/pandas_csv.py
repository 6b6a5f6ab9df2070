"""Read Entente's CSV exports with pandas, as an analyst would, and print what pandas got.

Usage: python3 pandas_csv.py BASE_URL, with the service's export routes under BASE_URL/export.
Prints one JSON object on standard output: for each of /export/csv/{nodes,edges,sources},
what pandas.read_csv(url) gives with its defaults (shape, columns, dtypes) and every row read
as strings; and the files of the /export/csv zip, each read the same way.
"""

import io
import json
import sys
import urllib.request
import zipfile

import pandas as pd


def as_strings(source):
    """Every cell as the string the file holds (no NaN for empty cells)."""
    return pd.read_csv(source, dtype=str, keep_default_na=False).to_dict(orient="records")


def main():
    base = sys.argv[1].rstrip("/")
    out = {"pandas": pd.__version__}
    for part in ("nodes", "edges", "sources"):
        url = f"{base}/export/csv/{part}"
        df = pd.read_csv(url)  # exactly what an analyst types
        out[part] = {
            "shape": list(df.shape),
            "columns": list(df.columns),
            "dtypes": {c: str(t) for c, t in df.dtypes.items()},
            "rows": as_strings(url),
        }
    with urllib.request.urlopen(f"{base}/export/csv") as r:
        z = zipfile.ZipFile(io.BytesIO(r.read()))
    out["zip"] = {name: as_strings(z.open(name)) for name in z.namelist()}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
