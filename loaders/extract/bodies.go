package extract

import (
	"strings"

	"github.com/entente/entente/fixtures"
)

// Recognition of bodies: what makes a name a national agency, a unit of one, or an
// international organisation, and where a name ends.

// namedAgency reports whether m is a gazetteer agency of one state with a name of its
// own (the Guardia di Finanza, the FBI), not a kind of body every state has nor a
// collective name.
func (r *run) namedAgency(m *mention) bool {
	if m == nil || m.kind != fixtures.KindAgency || m.slug == "" || m.country == "" {
		return false
	}
	for _, a := range r.x.agencies[m.slug] {
		if a.Country == m.country && !a.Collective {
			return true
		}
	}
	return false
}

// joinsNamedAgency reports whether the connectors [from, k) hold a conjunction and a
// named agency starts at k: "della Gendarmeria e dell'Arma dei Carabinieri" names two
// bodies.
func (r *run) joinsNamedAgency(from, k int) bool {
	if m := r.mentionAt(k); m == nil || m.first != k || !r.namedAgency(m) {
		return false
	}
	for i := from; i < k; i++ {
		if conjunctions[r.fold(i)] {
			return true
		}
	}
	return false
}

// namedInside returns the named agencies written after the head of a name [first,
// last): "Comando Generale dell'Arma dei Carabinieri" is a unit of the Carabinieri. A
// kind of body every state has counts when the document also names it on its own
// ("Direzione Generale della Gendarmeria Nazionale" beside "la Gendarmeria Nazionale").
func (r *run) namedInside(first, last int) []mention {
	var out []mention
	for i := first + 1; i < last; i++ {
		m := r.mentionAt(i)
		if m == nil || m.first != i || m.last > last {
			continue
		}
		if r.namedAgency(m) || r.genericElsewhere(m, first, last) {
			out = append(out, *m)
			i = m.last - 1
		}
	}
	return out
}

// genericElsewhere reports whether m is a gazetteer kind of body (no state of its own)
// that the document also names outside [first, last).
func (r *run) genericElsewhere(m *mention, first, last int) bool {
	if m.kind != fixtures.KindAgency || m.slug == "" || m.country != "" {
		return false
	}
	for _, o := range r.ments {
		if o != m && o.kind == fixtures.KindAgency && o.slug == m.slug && (o.last <= first || o.first >= last) {
			return true
		}
	}
	return false
}

// innerParents adds the named agencies inside an agency's name as nodes of their own,
// with the agency part of the first.
func (r *run) innerParents(m *mention) {
	for k := range m.inner {
		in := &m.inner[k]
		if in.country == "" {
			in.country = m.country
		}
		id := "agency:" + strings.ToLower(in.country) + ":" + in.slug
		n := r.g.node(id, fixtures.KindAgency, in.name)
		n.Country = strp(in.country)
		r.g.mention(n, r.span(in))
		if k == 0 {
			r.g.edge(fixtures.EdgePartOf, m.id, id, r.span(m), "")
		}
	}
}
