package extract

import "github.com/entente/entente/fixtures"

// Seas, gulfs and lakes named after a state are not that state: "the Indian Ocean",
// "l'océan Indien", "the Gulf of Guinea", "il golfo di Guinea", "Lake Chad".

var (
	geographyBefore = phrases("geography before") // "gulf of", "golfe de", "lake": the state's name follows
	geographyNouns  = words("geography nouns")    // "ocean", "sea", "oceano": before or after the adjective
)

// geographyNotStates drops the states that are part of a sea's, gulf's or lake's name.
func (r *run) geographyNotStates() {
	for _, m := range r.ments {
		if m.kind != fixtures.KindState {
			continue
		}
		after := m.last < len(r.d.Tokens) && geographyNouns[r.fold(m.last)]
		before := m.first > 0 && geographyNouns[r.fold(m.first-1)] && m.adjective || phraseBefore(r.d, m.first, geographyBefore, nil)
		if after || before {
			m.kind = "" // the tokens stay taken: no later rule reads them as a name either
		}
	}
}
