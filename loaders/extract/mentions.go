package extract

import (
	"sort"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/gazetteer"
	"github.com/entente/entente/loaders/text"
)

// mention is a stretch of tokens [first, last) that names something.
type mention struct {
	first, last int
	idx         int    // index in run.ments
	kind        string // a fixtures node kind, or "place"
	id, name    string
	country     string
	subtype     string
	slug        string    // agencies: the gazetteer slug when known
	adjective   bool      // a state written as an adjective
	spec        bool      // a state that says whose an agency is
	stated      bool      // agencies: written with their state inside ("ministre nigérian de l'Intérieur")
	force       string    // agencies: the head word of a force named by its state ("polizia" in "la polizia albanese")
	unstated    bool      // agencies: a minister's ministry whose state the title leaves unsaid
	byNoun      bool      // agencies: a ministry named by its own noun ("le ministère ivoirien de la Défense"), no minister's title
	inTitle     bool      // inside a person's title: not an actor of the sentence
	alias       bool      // a bracketed acronym repeating the mention before it
	anaphor     bool      // a head noun referring back to a body named before ("l'Office"): not an alias
	ref         *mention  // anaphors: the body referred to, when it takes its kind and id only at resolution
	chained     bool      // the parent in "X of Y": Y is not an actor of the sentence
	acronym     string    // agencies: the acronym given in brackets after the name
	seat        *mention  // embassies: the state or town they are in, written after them (embassySeat)
	parent      int       // agencies: index of the agency it belongs to, or -1
	inner       []mention // agencies: named bodies written inside the name, its parents; roadmaps: the states that name it
	description string    // projects
	owner       *mention  // projects: the body named with it ("the OSCE ... project"); organisations and secretariats: the one they belong to
	affiliation []int     // persons: indexes of the actors they work for
	title       string    // persons
	counterpart bool      // persons: named as the other side's counterpart ("il suo omologo albanese")
}

func (m *mention) isActor() bool {
	switch m.kind {
	case fixtures.KindState, fixtures.KindAgency, fixtures.KindUNBody, fixtures.KindOrganization:
		return !m.spec && !m.inTitle && !m.alias && !m.chained
	}
	return false
}

// run is the extraction of one document: the input, each stage's output (stages.go), and
// what the relation rules remember from one sentence to the next.
type run struct {
	x *Extractor
	d *text.Doc
	mentionSet
	documentTime
	home         string            // the state the document is about, for agencies that do not say
	people       personState       // what person recognition keeps for the document (persons.go)
	g            *graph            // the fixture being built: relations, then nodes
	lastScene    *signing          // the last sentence with a date and a place, for "the ceremony"
	signing      *signing          // the last memorandum signed, for "the signing ceremony"
	present      map[string]bool   // ids of the agencies the document names
	lastParties  []*mention        // the parties of the last agreement, for "the two sides"
	memberTurns  []memberTurn      // meetings attended by "the member states of X", for members.go
	founded      map[string]string // founding treaty's id -> the body it founds, for members.go
	bareProject  *mention          // the project the document describes without naming it
	consortiumOf *mention          // the project the consortium the text named last implements
	fieldScene   bool              // an agenda's labelled field said where or when, before its meeting was named
	countries    map[string]bool   // namesState, once computed
	classes      []wordClass       // token -> its classes (classes.go)
	sideMeetings int               // the meetings read so far on the sidelines of others
}

// forgetInside forgets every mention on the tokens [first, last), which a longer name
// holds: "de l'Académie nationale de police" inside a project's name.
func (r *run) forgetInside(first, last int) {
	for i := first; i < last; i++ {
		if m := r.mentionAt(i); m != nil {
			m.kind = ""
			r.at[i] = 0
		}
	}
}

func newRun(x *Extractor, d *text.Doc, docID string) *run {
	r := &run{x: x, d: d, g: newGraph(docID, d), mentionSet: mentionSet{at: make([]int, len(d.Tokens))}, founded: map[string]string{}}
	r.classes = r.tokenClasses()
	return r
}

func (r *run) fold(i int) string { return r.d.TokenFold(r.d.Tokens[i]) }

// anyWordIn reports whether a token of [from, to) folds to a word of the list.
func (r *run) anyWordIn(from, to int, list map[string]bool) bool {
	for k := from; k < to; k++ {
		if list[r.fold(k)] {
			return true
		}
	}
	return false
}

func (r *run) mentionAt(i int) *mention {
	if i < 0 || i >= len(r.at) || r.at[i] == 0 {
		return nil
	}
	return r.ments[r.at[i]-1]
}

// add records a mention over free tokens and returns it (nil when a token is taken).
func (r *run) add(m *mention) *mention {
	for i := m.first; i < m.last; i++ {
		if r.at[i] != 0 {
			return nil
		}
	}
	m.parent = -1
	m.idx = len(r.ments)
	r.ments = append(r.ments, m)
	for i := m.first; i < m.last; i++ {
		r.at[i] = len(r.ments)
	}
	return m
}

// replace lets m take over tokens held by agency mentions it contains.
func (r *run) replace(m *mention) *mention {
	for i := m.first; i < m.last; i++ {
		if old := r.mentionAt(i); old != nil {
			old.kind = "" // absorbed
			r.at[i] = 0
		}
	}
	return r.add(m)
}

func (r *run) span(m *mention) text.Span {
	return text.Span{Start: r.d.Tokens[m.first].Start, End: r.d.Tokens[m.last-1].End}
}

func (r *run) tokSpan(first, last int) text.Span {
	return text.Span{Start: r.d.Tokens[first].Start, End: r.d.Tokens[last-1].End}
}

func (r *run) textOf(first, last int) string { return r.d.Slice(r.tokSpan(first, last)) }

// sentenceTokens returns the token range [first, last) of sentence s.
func (r *run) sentenceTokens(s int) (int, int) {
	sp := r.d.Sentences[s]
	first := sort.Search(len(r.d.Tokens), func(i int) bool { return r.d.Tokens[i].Start >= sp.Start })
	last := sort.Search(len(r.d.Tokens), func(i int) bool { return r.d.Tokens[i].Start >= sp.End })
	return first, last
}

// matchGazetteer marks the longest gazetteer phrase at each free token.
func (r *run) matchGazetteer() {
	v := &docTokens{r.d, r.classes} // a pointer: the view goes into an interface at every token
	g := r.x.gaz
	for i := 0; i < len(r.d.Tokens); i++ {
		n, t, ok := r.x.ix.longest(v, i, r.d.Lang)
		if !ok {
			continue
		}
		m := &mention{first: i, last: i + n}
		switch t.kind {
		case tState, tAdjective:
			s := g.States[t.idx]
			m.kind, m.id, m.name, m.country, m.adjective = fixtures.KindState, "state:"+strings.ToLower(s.Code), s.Name, s.Code, t.kind == tAdjective
		case tPlace:
			p := g.Places[t.idx]
			m.kind, m.id, m.name, m.country = "place", p.Slug, p.Name, p.Country
		case tBody:
			b := g.Bodies[t.idx]
			m.kind, m.id, m.name, m.country, m.subtype = b.Kind, b.ID, b.Name, b.Country, b.Subtype
		case tAgency:
			a := g.Agencies[t.idx]
			m.kind, m.slug, m.name, m.country = fixtures.KindAgency, a.Slug, a.Name, a.Country
		}
		r.add(m)
		i += n - 1
	}
}

// statePairs reads both states of a hyphenated pair of adjectives, which the gazetteer
// leaves alone inside a compound: "l'accordo italo-albanese", "un accord franco-marocain",
// "the Italian-Albanian agreement". The first is a state's adjective or its combining form;
// a border or a war the pair qualifies names no party.
func (r *run) statePairs() {
	toks := r.d.Tokens
	for i := 0; i+1 < len(toks); i++ {
		j := i + 1
		if !r.hyphenated(j) || r.at[j] != 0 || toks[i].Sentence != toks[j].Sentence {
			continue
		}
		second := r.adjectiveState(j)
		if second == "" || i > 0 && pairNounsWithoutParties[r.fold(i-1)] || r.borderAfter(j+1) {
			continue // "the Kazakh-Kyrgyz border", "la guerre russo-ukrainienne": no parties
		}
		if m := r.mentionAt(i); m != nil {
			if m.kind != fixtures.KindState || !m.adjective || m.last != j || m.country == second {
				continue
			}
		} else {
			c, ok := combiningForms[r.fold(i)]
			if !ok || c == second || r.d.Joined(i) {
				continue
			}
			if r.adjectiveMention(i, c) == nil {
				continue
			}
		}
		r.adjectiveMention(j, second)
	}
}

// borderAfter reports whether a border or a war follows k past other pairs of states and
// conjunctions: "the Kazakh-Kyrgyz and Kazakh-Uzbek borders".
func (r *run) borderAfter(k int) bool {
	for ; k < len(r.d.Tokens); k++ {
		f := r.fold(k)
		if pairNounsWithoutParties[f] {
			return true
		}
		if !conjunctions[f] && !r.d.Joined(k) && combiningForms[f] == "" && r.adjectiveState(k) == "" {
			return false
		}
	}
	return false
}

// adjectiveState returns the code of the state whose adjective, in the document's
// language, the word at k is, or "".
func (r *run) adjectiveState(k int) string {
	n, t, ok := r.x.ix.longest(wordsView{r.fold(k)}, 0, r.d.Lang)
	if !ok || n != 1 || t.kind != tAdjective || t.lang != r.d.Lang {
		return ""
	}
	return r.x.gaz.States[t.idx].Code
}

// adjectiveMention adds the state of code, written as an adjective at token k; nil when
// the gazetteer has no such state.
func (r *run) adjectiveMention(k int, code string) *mention {
	s := r.x.gaz.State(code)
	if s == nil {
		return nil
	}
	return r.add(&mention{first: k, last: k + 1, kind: fixtures.KindState, id: "state:" + strings.ToLower(code), name: s.Name, country: code, adjective: true})
}

// republicWords, written before or after a state's adjective, name the state itself:
// "la Repubblica Francese", "la République tunisienne", "the French Republic".
var republicWords = words("republic words")

// republics reads a republic named by its adjective as the state, so that the name of a body
// "della Repubblica Francese" stops before it and the body is France's.
func (r *run) republics() {
	toks := r.d.Tokens
	for _, m := range r.ments {
		// The adjective may have been read as a family name ("Francese"): after "Repubblica"
		// it is none.
		if m.kind != fixtures.KindState && m.kind != "" || !m.adjective || m.country == "" || !toks[m.first].Upper {
			continue
		}
		switch {
		case m.first > 0 && republicWords[r.fold(m.first-1)] && toks[m.first-1].Upper && r.at[m.first-1] == 0:
			m.first--
		case m.last < len(toks) && republicWords[r.fold(m.last)] && toks[m.last].Upper && r.at[m.last] == 0:
			m.last++
		default:
			continue
		}
		m.kind, m.adjective, m.name = fixtures.KindState, false, r.textOf(m.first, m.last)
		for k := m.first; k < m.last; k++ {
			r.at[k] = m.idx + 1
		}
	}
}

// placeQualifiers marks "Lyon, France": the state says where the place is.
func (r *run) placeQualifiers() {
	for _, m := range r.ments {
		if m.kind != "place" || m.last+1 >= len(r.d.Tokens) || r.fold(m.last) != "," {
			continue
		}
		if s := r.mentionAt(m.last + 1); s != nil && s.kind == fixtures.KindState && s.country == m.country && !r.coordinatedActorAfter(s.last) {
			s.spec = true
		}
	}
}

// coordinatedActorAfter reports whether a conjunction at k joins an actor to what comes
// before it: in "in Amman, Jordan and the EU held", Jordan is a subject, not Amman's state.
func (r *run) coordinatedActorAfter(k int) bool {
	if k+1 >= len(r.d.Tokens) || !conjunctions[r.fold(k)] {
		return false
	}
	j := k + 1
	for j < len(r.d.Tokens) && j-k < 3 && articles[r.fold(j)] {
		j++
	}
	a := r.mentionAt(j)
	return a != nil && a.first == j && (a.isBody() || a.kind == fixtures.KindState)
}

// sceneTowns read a town the gazetteer lacks where a line of a report starts with the
// town, its state and a day: "2. Osh, Kyrgyzstan, 10-12 June 2019.".
func (r *run) sceneTowns() {
	toks := r.d.Tokens
	for i := 0; i+4 < len(toks); i++ {
		if r.at[i] != 0 || !toks[i].Upper || toks[i].Kind != text.Word || !r.startsLine(i) {
			continue
		}
		end := i + 1
		for end+4 < len(toks) && toks[end].Upper && r.at[end] == 0 && r.d.Joined(end) {
			end++ // "Nur-Sultan"
		}
		if r.fold(end) != "," {
			continue
		}
		s := r.mentionAt(end + 1)
		if s == nil || s.kind != fixtures.KindState || s.first != end+1 || s.last+1 >= len(toks) || r.fold(s.last) != "," || !isNumber(r.fold(s.last+1)) {
			continue
		}
		name := r.textOf(i, end)
		if r.add(&mention{first: i, last: end, kind: "place", id: slug(name), name: name, country: s.country}) != nil {
			s.spec = true
		}
	}
}

// fieldTowns read a town the gazetteer lacks right after the label of an agenda's line
// that says where ("Dove: Brindisi, Palazzo ...", "Lieu : Ouidah (Bénin)"). Its country is
// the state in brackets after it, if any.
func (r *run) fieldTowns() {
	toks := r.d.Tokens
	for i := 2; i+1 < len(toks); i++ {
		if r.at[i] != 0 || !toks[i].Upper || toks[i].Kind != text.Word {
			continue
		}
		label := r.whereLabel(i)
		if label < 0 || label+2 < i && !(i+1 < len(toks) && r.fold(i+1) == "(" && r.fold(i-1) == ",") {
			continue // the first word after the label, or a town before its state: "palais du Hainaut, Mons (Belgique)"
		}
		end := i + 1
		for end < len(toks) && toks[end].Upper && r.at[end] == 0 && r.d.Joined(end) {
			end++ // "Nur-Sultan"
		}
		if end < len(toks) && r.fold(end) != "," && r.fold(end) != "." && r.fold(end) != "(" && toks[end].Sentence == toks[i].Sentence {
			continue
		}
		country := ""
		if end+2 < len(toks) && r.fold(end) == "(" {
			if s := r.mentionAt(end + 1); s != nil && s.kind == fixtures.KindState && r.fold(s.last) == ")" {
				country = s.country
			}
		}
		name := r.textOf(i, end)
		r.add(&mention{first: i, last: end, kind: "place", id: slug(name), name: name, country: country})
	}
}

// whereLabel returns the label token of the agenda line saying where that token i stands
// on ("Dove:", "Lieu :"), or -1.
func (r *run) whereLabel(i int) int {
	toks := r.d.Tokens
	for k := i - 1; k >= 1 && toks[k].Sentence == toks[i].Sentence && i-k <= 10; k-- {
		if r.fold(k) != ":" {
			continue
		}
		l := k - 1
		if wherePlaceLabels[r.fold(l)] && r.lineStartAt(l) {
			return l
		}
		return -1
	}
	return -1
}

// startsLine reports whether token i starts its line, after a list number ("2.", "b)").
func (r *run) startsLine(i int) bool {
	toks := r.d.Tokens
	k := i
	for k > 0 && i-k < 2 && (toks[k-1].Kind != text.Word || isNumber(r.fold(k-1)) && len(r.fold(k-1)) <= 2) {
		k--
	}
	return r.lineStartAt(k)
}

// lineStartAt reports whether token k opens its line.
func (r *run) lineStartAt(k int) bool {
	return k == 0 || strings.Contains(r.d.Fold[r.d.Tokens[k-1].End:r.d.Tokens[k].Start], "\n")
}

// markAliases marks "(ACRONYM)" after a mention: a repeat of it, or its acronym.
func (r *run) markAliases() {
	toks := r.d.Tokens
	for i := 1; i+2 < len(toks); i++ {
		if r.fold(i) != "(" {
			continue
		}
		prev := r.mentionAt(i - 1)
		close := i + 2
		if inner := r.mentionAt(i + 1); inner != nil && inner != prev && inner.last < len(toks) && r.fold(inner.last) == ")" {
			switch {
			case prev != nil && prev.id == inner.id && prev.kind != "":
				inner.alias = true
			case prev != nil && prev.id != "" && prev.last == i && prev.isBody() && (inner.kind == fixtures.KindUNBody || inner.kind == fixtures.KindOrganization):
				// "la Commission de l'Union africaine (UA)": a body the gazetteer knows, its
				// parent's acronym in brackets
				inner.alias = true
			case (inner.kind == fixtures.KindUNBody || inner.kind == fixtures.KindOrganization) && r.nameHead(i) >= 0:
				// "Le Bureau des Nations Unies contre la drogue et le crime (ONUDC)": a
				// wording the gazetteer lacks, named by its acronym.
				inner.alias = true
				r.replace(&mention{first: r.nameHead(i), last: i, kind: inner.kind, id: inner.id, name: inner.name, country: inner.country})
			case prev != nil && prev.kind != "" && inner.kind != fixtures.KindState && !(prev.kind == fixtures.KindState && inner.kind == fixtures.KindAgency && inner.last-inner.first > 1):
				// "Centri di Eccellenza (CoE)": not the Council of Europe; but "Tanzania
				// (Tanzania Police Force)" names a body in full
				inner.kind = ""
			}
			continue
		}
		if prev == nil || prev.kind == "" {
			continue
		}
		if toks[i+1].AllCaps || (toks[i+1].Upper && len(r.d.TokenText(toks[i+1])) <= 6) {
			if r.fold(close) == ")" && r.at[i+1] == 0 && (prev.kind == fixtures.KindAgency || prev.kind == fixtures.KindOrganization || prev.kind == fixtures.KindUNBody) {
				prev.acronym = r.d.TokenText(toks[i+1])
			}
		}
	}
}

// aliasCues introduce another name of the body before their comma: "known as", "dite",
// "detta".
var aliasCues = byFirstWord(phrases("alias cues"), phraseWords)

// knownAsAliases gives a body the other name the text introduces after it, a comma and an
// alias cue ("la Plateforme ... (PCJS), dite « Plateforme Sahel »", "the Platform ...,
// known as the Sahel Platform"): that name, there and wherever the text uses it again,
// names the body.
func (r *run) knownAsAliases() {
	toks := r.d.Tokens
	for i := 2; i < len(toks); i++ {
		n := longestPrefix(r.d, i, len(toks), aliasCues)
		if n == 0 || r.fold(i-1) != "," {
			continue
		}
		body := r.bodyEndingAt(i - 1)
		if body == nil {
			continue
		}
		a := i + n
		for a < len(toks) && articles[r.fold(a)] && toks[a].Sentence == toks[i].Sentence {
			a++
		}
		quoted := a < len(toks) && r.fold(a) == "\""
		if quoted {
			a++
		}
		b := a
		for b < len(toks) && toks[b].Sentence == toks[i].Sentence && toks[b].Kind == text.Word && toks[b].Upper {
			b++
		}
		if b == a || b-a > 6 || !r.freeForAlias(a, b) || !r.aliasName(a, b, quoted) {
			continue
		}
		name := make([]string, 0, b-a)
		for k := a; k < b; k++ {
			name = append(name, r.fold(k))
		}
		for k := a; k+len(name) <= len(toks); k++ {
			end := k + len(name)
			if toks[k].Upper && hasPrefixTokens(r.d, k, name) && (end == len(toks) || !toks[end].Upper) && r.freeForAlias(k, end) {
				m := &mention{first: k, last: end, kind: body.kind, id: body.id, name: body.name, acronym: body.acronym, country: body.country, anaphor: true}
				if body.id == "" {
					m.ref = body // its id is given at resolution, as an anaphor's
				}
				r.replace(m)
			}
		}
		i = b - 1
	}
}

// freeForAlias reports whether [a, b) may become a mention of another name of a body: the
// mentions inside lie within it and are places, states or bodies the gazetteer does not
// know ("the Dakar Group": a town and a group read from its head).
func (r *run) freeForAlias(a, b int) bool {
	for k := a; k < b; k++ {
		m := r.mentionAt(k)
		if m != nil && (m.first < a || m.last > b || m.id != "" && m.isBody() || m.kind == fixtures.KindPerson) {
			return false
		}
	}
	return true
}

// aliasName reports whether [a, b) may be another name of a body: closed by its quote
// when opened by one, in quotes at all in French and Italian ("dite « Plateforme
// Sahel »", not "dit le Ministre"), no possessive after it ("known as Ghana's largest
// agency") and no word that is a state, a place or a title.
func (r *run) aliasName(a, b int, quoted bool) bool {
	if quoted && (b >= len(r.d.Tokens) || r.fold(b) != "\"") || !quoted && r.d.Lang != "en" {
		return false
	}
	if b < len(r.d.Tokens) && r.apostropheS(b) {
		return false
	}
	for k := a; k < b; k++ {
		if m := r.mentionAt(k); m != nil && (m.kind == fixtures.KindState || m.kind == "place") || titleWords[r.fold(k)] {
			return false
		}
	}
	return true
}

// bodyEndingAt returns the body whose mention ends at token end, its acronym in brackets
// after it or not ("la Plateforme ... (PCJS)"), or nil.
func (r *run) bodyEndingAt(end int) *mention {
	if end >= 4 && r.fold(end-1) == ")" && r.fold(end-3) == "(" {
		end -= 3
	}
	if m := r.mentionAt(end - 1); m != nil && m.last == end && m.isBody() && !m.anaphor {
		return m
	}
	return nil
}

// nameHead finds the head noun that starts the name written before a bracket at b
// ("Bureau" in "Bureau des Nations Unies contre la drogue et le crime ("), or -1.
func (r *run) nameHead(b int) int {
	for k := b - 1; k >= 0 && b-k <= 14 && r.d.Tokens[k].Sentence == r.d.Tokens[b].Sentence; k-- {
		f := r.fold(k)
		if clauseBreak(f) {
			return -1
		}
		if (agencyHeads[f] || bodyHeads[f]) && r.d.Tokens[k].Upper {
			if m := r.mentionAt(k); m == nil || m.first == k {
				return r.capitalsBefore(k) // "the Gulf Cooperation Organization (": English heads come last
			}
		}
	}
	return -1
}

// homeCountry is the state the document mentions most (states and places alike, the
// title line double); agencies that do not say whose they are belong to it.
func (r *run) homeCountry() string {
	score := map[string]int{}
	prior := languageStates[r.d.Lang] // a tie goes to the state the language says
	for _, m := range r.ments {
		// A place counts as much as a state (visits abroad name the host's towns), and so
		// does a national body whose state is known (the Guardia di Finanza is Italy's).
		if m.country == "" || (m.kind != fixtures.KindState && m.kind != "place" && m.kind != fixtures.KindAgency) {
			continue
		}
		w := 2
		if m.adjective {
			w = 1 // "son homologue espagnol" qualifies someone more than it names a state
		}
		if r.d.Tokens[m.first].Sentence == 0 {
			w *= 2
		}
		score[m.country] += w
	}
	return ranked(score, prior, "")
}

// awayCountry is the state the document names most after its home: the other side of a
// visit or of a bilateral meeting.
func (r *run) awayCountry() string {
	score := map[string]int{}
	for _, m := range r.ments {
		if m.kind == fixtures.KindState && m.country != "" && m.country != r.home {
			score[m.country]++
		}
	}
	return ranked(score, "", r.home)
}

// ranked is the key of the highest score but skip, a tie going to prior, then to the
// first in order.
func ranked(score map[string]int, prior, skip string) string {
	best := ""
	for c, n := range score {
		switch {
		case c == skip:
		case best == "" || n > score[best]:
			best = c
		case n == score[best] && (c == prior || best != prior && c < best):
			best = c
		}
	}
	return best
}

// emitMentions adds a node and a source for every mention.
func (r *run) emitMentions() {
	g := r.x.gaz
	for _, m := range r.ments {
		if m.kind == "" || m.kind == "place" || m.id == "" {
			continue
		}
		n := r.g.node(m.id, m.kind, m.name)
		r.g.mention(n, r.span(m), m.anaphor)
		switch m.kind {
		case fixtures.KindState, fixtures.KindAgency:
			n.Country = strp(m.country)
		case fixtures.KindOrganization:
			if m.country != "" {
				n.Country = strp(m.country)
			}
		case fixtures.KindProject:
			if m.description != "" {
				n.Properties["description"] = m.description
			}
			if first, last := r.withProjectNoun(m); last-first > m.last-m.first {
				r.g.mention(n, r.tokSpan(first, last), m.anaphor) // "the SEACOP project", "il programma EL PAcCTO": a name too
			}
		case fixtures.KindPerson:
			if m.title != "" {
				n.Properties["title"] = m.title
			}
		case fixtures.KindRoadmap:
			if m.subtype != "" {
				n.Properties["subtype"] = m.subtype
			}
			for i := range m.inner {
				s := &m.inner[i] // "italo-tedesco": the states inside the name are its parties
				sn := r.g.node(s.id, fixtures.KindState, s.name)
				r.g.mention(sn, r.span(s), false)
				sn.Country = strp(s.country)
			}
		}
		if m.kind == fixtures.KindUNBody || m.kind == fixtures.KindOrganization || m.kind == fixtures.KindProject || m.kind == fixtures.KindRoadmap {
			r.gazetteerParents(g, m.id)
		}
		if o := m.owner; m.kind == fixtures.KindOrganization && o != nil && o.id != "" && o.kind != "" && o.kind != fixtures.KindProject {
			// the organisation an office's name holds ("the OSCE Centre in Astana")
			r.g.mention(r.g.node(o.id, o.kind, o.name), r.span(o), false)
			r.gazetteerParents(g, o.id)
		}
	}
}

// withProjectNoun returns the tokens of a project's name with the project noun in lower
// case written right after it ("SEACOP project") or right before it ("programma EL
// PAcCTO"), or the name's own tokens when there is none.
func (r *run) withProjectNoun(m *mention) (int, int) {
	toks := r.d.Tokens
	first, last := m.first, m.last
	if last < len(toks) && r.is(last, classProjectHead) && !toks[last].Upper && toks[last].Sentence == toks[m.first].Sentence {
		last++
	} else if first > 0 && r.is(first-1, classProjectHead) && !toks[first-1].Upper && toks[first-1].Sentence == toks[m.first].Sentence {
		first--
	}
	return first, last
}

// gazetteerParents adds the PART_OF chain the gazetteer knows for a body.
func (r *run) gazetteerParents(g *gazetteer.Gazetteer, id string) {
	for b := g.Body(id); b != nil && b.PartOf != ""; b = g.Body(b.PartOf) {
		p := g.Body(b.PartOf)
		r.g.node(p.ID, p.Kind, p.Name)
		r.g.edge(fixtures.EdgePartOf, b.ID, p.ID, text.Span{}, "")
	}
}
