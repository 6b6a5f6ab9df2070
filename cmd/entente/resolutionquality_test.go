package main

import (
	"context"
	"testing"
)

// A generic name shared by two entities does not chain them when a third document tells
// them apart; a surname alone links no two persons; meetings link by place and dates.
func TestLinkGold(t *testing.T) {
	g := func(doc, key, kind string, names ...string) *goldNode {
		return &goldNode{Key: key, Kind: kind, Names: names, Country: "IT", doc: doc}
	}
	cc1 := g("d1", "cc", "Agency", "Comando Generale", "Comando Generale dell'Arma dei Carabinieri")
	gdf2 := g("d2", "gdf", "Agency", "Comando Generale della Guardia di Finanza", "Comando Generale")
	cc3 := g("d3", "cc", "Agency", "Comando Generale dell’Arma dei Carabinieri")
	gdf3 := g("d3", "gdf", "Agency", "Comando generale della Guardia di Finanza")
	p1 := g("d1", "p", "Person", "Luis Rodriguez", "Rodriguez")
	p2 := g("d2", "p", "Person", "Christian Rodriguez", "Rodriguez")
	m1 := &goldNode{Key: "m", Kind: "Meeting", Names: []string{"workshop"}, Date: "2019-06-10", End: "2019-06-12", Place: "Vilnius", doc: "d1"}
	m2 := &goldNode{Key: "m", Kind: "Meeting", Names: []string{"riunione"}, Month: "2019-06", Place: "Vílnius", doc: "d2"}
	m3 := &goldNode{Key: "m2", Kind: "Meeting", Names: []string{"workshop"}, Date: "2019-07-01", Place: "Vilnius", doc: "d3"}
	linkGold(map[string][]*goldNode{"d1": {cc1, p1, m1}, "d2": {gdf2, p2, m2}, "d3": {cc3, gdf3, m3}})
	if cc1.entity != cc3.entity || gdf2.entity != gdf3.entity || cc1.entity == gdf2.entity {
		t.Errorf("general commands: cc %d %d, gdf %d %d", cc1.entity, cc3.entity, gdf2.entity, gdf3.entity)
	}
	if p1.entity == p2.entity {
		t.Error("two persons linked by a surname")
	}
	if m1.entity != m2.entity || m1.entity == m3.entity {
		t.Errorf("meetings: %d %d %d", m1.entity, m2.entity, m3.entity)
	}
	if normName("L’Ambasciata d'Italia") != "ambasciata d italia" {
		t.Errorf("normName: %q", normName("L’Ambasciata d'Italia"))
	}
}

// Without the corpus the command says so and succeeds, before it needs a Neo4j.
func TestResolutionQualityWithoutCorpus(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	if err := runResolutionQuality(context.Background(), []string{"--corpus", t.TempDir()}); err != nil {
		t.Fatal(err)
	}
}
