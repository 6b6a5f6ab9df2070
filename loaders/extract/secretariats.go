package extract

import (
	"strings"

	"github.com/entente/entente/fixtures"
)

// recogniseSecretariats reads the secretariat of a known organisation as a body of its
// own, part of the organisation: "the ASEANAPOL Secretariat", "the CSTO Secretariat",
// "le Secrétariat permanent du G5 Sahel", "il Segretariato generale dell'IILA". Its staff
// are affiliated with it; the organisation is named as well.
func (r *run) recogniseSecretariats() {
	toks := r.d.Tokens
	for _, org := range r.ments {
		if org.kind != fixtures.KindOrganization && org.kind != fixtures.KindUNBody || org.id == "" || org.alias {
			continue
		}
		first, last := -1, -1
		switch {
		case org.last < len(toks) && secretariatWords[r.fold(org.last)] && toks[org.last].Upper && r.at[org.last] == 0:
			first, last = org.first, org.last+1 // "ASEANAPOL Secretariat"
		default:
			// "Secrétariat (permanent|général) du G5 Sahel"
			k := org.first
			for k > 0 && org.first-k < 3 && ofConnectors[r.fold(k-1)] {
				k--
			}
			if k < org.first {
				for k > 0 && titleModifiers[r.fold(k-1)] && r.at[k-1] == 0 {
					k--
				}
				if k > 0 && secretariatWords[r.fold(k-1)] && r.at[k-1] == 0 {
					first, last = k-1, org.last
				}
			}
		}
		if first < 0 {
			continue
		}
		for i := first; i < last; i++ {
			if m := r.mentionAt(i); m != nil && m != org {
				first = -1
			}
		}
		if first < 0 {
			continue
		}
		_, key, _ := strings.Cut(org.id, ":")
		unit := &mention{first: first, last: last, kind: fixtures.KindOrganization, id: "org:" + key + "-secretariat",
			name: r.textOf(first, last)}
		parent := &mention{first: org.first, last: org.last, kind: org.kind, id: org.id, name: org.name, country: org.country,
			inTitle: true, parent: -1}
		if r.replace(unit) == nil {
			continue
		}
		// The organisation keeps its node and its words as a source, but not its tokens:
		// the secretariat is the actor of the sentence.
		parent.idx = len(r.ments)
		r.ments = append(r.ments, parent)
		unit.owner = parent
		r.g.edge(fixtures.EdgePartOf, unit.id, parent.id, r.span(unit), "")
	}
}
