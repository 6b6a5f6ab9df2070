package extract

import (
	"strconv"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// Participation read from the shape of a sentence rather than from one cue phrase:
// coordinated lists of actors ("A, B and C"), the subject of a verb of taking part
// ("A and B took part"), and groups of people named by where they come from
// ("participants from A, B and C", "la delegazione del Ministero ...").

// listAfter reads the coordinated actors and persons that start at token i and run
// before end: mentions joined by commas, conjunctions, articles and "of"/"from"
// prepositions, a bracketed acronym or title skipped. It stops at the first other word.
func (r *run) listAfter(i, end int) (actors, persons []*mention) {
	glue, unknown := 0, 0
	// The current item of the list: the actor read in it (-1 when none) and whether
	// unknown capitalised words belong to it ("Office of Coordination ... of the United Nations").
	runActor, runUnknown := -1, false
	for k := i; k < end; {
		f := r.fold(k)
		if m := r.mentionAt(k); m != nil {
			if m.isActor() && r.possessive(m.last, end) {
				// "the EU's agency for police cooperation (EUROPOL)": the owner
				// describes the body named in brackets.
				k = m.last + 1
				for k < end && k-m.last <= 6 && r.at[k] == 0 && r.fold(k) != "(" && !r.d.Tokens[k].Upper {
					k++
				}
				if k < end && r.fold(k) == "(" {
					if c := r.closingBracket(k, end); c > 0 {
						a, _ := r.listAfter(k+1, c)
						actors = append(actors, a...)
						k = c + 1
					}
				}
				glue = 0
				continue
			}
			switch {
			case m.kind == fixtures.KindPerson:
				persons = append(persons, m)
			case m.isActor():
				actors = append(actors, m)
				runActor = len(actors) - 1
			case m.kind == fixtures.KindProject && k > i:
				// "with the X Programme, IOM and the Border Service": an item of its own,
				// which the list goes on past
			case m.kind != "" && (m.spec || m.chained || m.alias || m.adjective):
				// "del Vietnam", "de l'UNODC" after the unit's name: part of the name before.
				if m.chained && len(actors) > 0 && r.unitOf(actors[len(actors)-1], m) {
					actors = append(actors, m)
				}
			default:
				return actors, persons
			}
			k, glue = m.last, 0
			continue
		}
		if f == "(" {
			if c := r.closingBracket(k, end); c > 0 {
				a, _ := r.listAfter(k+1, c)
				prev := r.mentionAt(k - 1)
				if len(a) > 0 && runActor >= 0 && runActor == len(actors)-1 && (prev == nil || runUnknown) && a[0].id != actors[runActor].id {
					// "the ASEAN Police Forum (APF)", "Office ... of the United Nations
					// (UNOCA)": the acronym names the whole item, not the body inside it.
					actors = actors[:runActor]
				}
				if prev == nil || runUnknown && len(a) > 0 {
					actors = append(actors, a...)
				}
				k = c + 1
				continue
			}
			return actors, persons
		}
		if r.unknownName(k) && unknown < 4 {
			k, unknown, runUnknown = k+1, unknown+1, true // "the FBI, T-CELL and the DEA": a name the gazetteer lacks
			continue
		}
		if n := longestPrefix(r.d, k, end, listConjunctions); n > 0 && glue < 2 {
			k, runActor, runUnknown = k+n, -1, false // ", ainsi que des Comores": one conjunction
			continue
		}
		if f == "," || conjunctions[f] {
			runActor, runUnknown = -1, false
		}
		if (memberWords[f] || stateNouns[f]) && k+1 < end && (memberWords[r.fold(k+1)] || stateNouns[r.fold(k+1)]) {
			k += 2 // "the ASEAN member states Lao PDR, Malaysia", "les États membres"
			continue
		}
		if sg := strings.TrimSuffix(f, "s"); pluralTitles[f] || (titleModifiers[sg] || titleWords[sg]) && k > i && pluralTitles[r.fold(k-1)] ||
			pluralModifiers[f] && k+1 < end && pluralTitles[r.fold(k+1)] {
			k++ // "les directeurs exécutifs d'AFRIPOL et du CEPOL", "the executive directors of": the heads stand for their bodies
			continue
		}
		if !listGlue[f] || glue >= 3 {
			if c, a := r.namedByAcronym(k, end); len(a) > 0 {
				// "de la Communauté de développement d'Afrique australe (SADC)":
				// a name the gazetteer lacks, known by the acronym after it.
				actors = append(actors, a...)
				k, glue, unknown = c+1, 0, 0
				continue
			}
			return actors, persons
		}
		glue, unknown = glue+1, 0
		k++
	}
	return actors, persons
}

// pluralModifiers qualify a plural title before it: "the executive directors of A and B".
var pluralModifiers = words("plural title modifiers")

// listConjunctions join a list's items in several words: "ainsi que", "as well as".
var listConjunctions = byFirstWord(phrases("list conjunctions"), phraseWords)

// namedByAcronym finds, within a dozen words from k that hold no mention and no clause
// break, a bracket that holds only an actor's acronym; it returns the closing bracket
// and the actor.
func (r *run) namedByAcronym(k, end int) (int, []*mention) {
	if k == 0 || k >= end || !r.d.Tokens[k].Upper && !r.d.Tokens[k-1].Upper {
		return -1, nil
	}
	for j := k; j < end && j-k <= 12; j++ {
		if r.at[j] != 0 {
			return -1, nil
		}
		switch f := r.fold(j); {
		case f == "(":
			m := r.mentionAt(j + 1)
			if m != nil && m.isActor() && m.last < end && r.fold(m.last) == ")" {
				return m.last, []*mention{m}
			}
			return -1, nil
		case clauseBreak(f):
			return -1, nil
		}
	}
	return -1, nil
}

// unknownName reports whether token k is a capitalised word, not the first of its
// sentence, that no mention covers: part of a name the gazetteer lacks.
func (r *run) unknownName(k int) bool {
	t := r.d.Tokens[k]
	return r.at[k] == 0 && t.Kind == text.Word && t.Upper && k > 0 && r.d.Tokens[k-1].Sentence == t.Sentence
}

// listBefore reads the coordinated actors and persons that end just before token i,
// back to start: the subject of "A, B and C took part".
func (r *run) listBefore(start, i int) (actors, persons []*mention) {
	glue := 0
	for k := i - 1; k >= start; {
		f := r.fold(k)
		if m := r.mentionAt(k); m != nil {
			switch {
			case m.kind == fixtures.KindPerson:
				persons = append(persons, m)
			case m.kind == fixtures.KindState && m.first > start && locatives[r.d.Lang][r.fold(m.first-1)]:
				return actors, persons // "the officers based in Kenya took part": a place
			case m.isActor():
				actors = append(actors, m)
			case m.kind != "" && (m.spec || m.chained || m.alias || m.adjective || m.inTitle):
			default:
				return actors, persons
			}
			k, glue = m.first-1, 0
			continue
		}
		if f == ")" {
			if o := r.openingBracket(start, k); o >= 0 {
				k = o - 1
				continue
			}
			return actors, persons
		}
		if sg := strings.TrimSuffix(f, "s"); pluralTitles[f] || (titleModifiers[sg] || titleWords[sg]) && k > start && pluralTitles[r.fold(k-1)] {
			k-- // "les directeurs exécutifs d'AFRIPOL et du CEPOL": the heads stand for their bodies
			continue
		}
		if participantGroups[f] && glue > 0 && k > start && listGlue[r.fold(k-1)] {
			k, glue = k-1, 0 // "le ministre X et des personnalités de Mauritanie": the group stands for its states
			continue
		}
		if !listGlue[f] || glue >= 3 {
			return actors, persons
		}
		glue++
		k--
	}
	return actors, persons
}

// unitOf reports whether unit is a body named as a part of parent ("Bureau régional de
// l'OIM" and the IOM): both take part when the unit does.
func (r *run) unitOf(unit, parent *mention) bool {
	if parent.kind != fixtures.KindOrganization && parent.kind != fixtures.KindUNBody {
		return false
	}
	_, key, _ := strings.Cut(parent.id, ":")
	return key != "" && strings.HasPrefix(unit.id, "org:"+key+"-")
}

func (r *run) closingBracket(k, end int) int {
	for j := k + 1; j < end && j-k <= 15; j++ {
		switch r.fold(j) {
		case ")":
			return j
		case "(":
			return -1
		}
	}
	return -1
}

func (r *run) openingBracket(start, k int) int {
	for j := k - 1; j >= start && k-j <= 15; j-- {
		switch r.fold(j) {
		case "(":
			return j
		case ")":
			return -1
		}
	}
	return -1
}

// groupParticipants finds the groups of people a sentence names by their origin and
// returns the actors they come from: "participants from Chile, Peru and Spain", "des
// experts de l'OIM et de l'OMD", "una delegazione di 4 funzionari del Ministero ...", "la
// délégation ivoirienne", "venus du Tchad et du Niger".
func (r *run) groupParticipants(first, last int) (actors, persons []*mention) {
	for i := first; i < last; i++ {
		if r.at[i] != 0 {
			continue
		}
		f := r.fold(i)
		if !r.is(i, classParticipantGroup) && !(r.is(i, classOriginWord) && r.originOfPeople(first, i)) {
			continue
		}
		j := i + 1
		// "la delegazione cilena", "a Kenyan delegation"
		if m := r.mentionAt(j); m != nil && m.first == j && m.kind == fixtures.KindState && m.adjective && delegationNouns[f] {
			actors = append(actors, m)
			continue
		}
		if m := r.mentionAt(i - 1); m != nil && m.last == i && m.kind == fixtures.KindState && (m.adjective || r.d.Lang == "en") && delegationNouns[f] {
			// "the Sierra Leone delegation": English writes the state's name as a modifier
			actors = append(actors, m)
			continue
		}
		// "una delegazione di 4 funzionari del ...": the number and the people counted.
		if j+2 < last && ofWords[r.fold(j)] && isNumber(r.fold(j+1)) && !stateNouns[r.fold(j+2)] {
			j += 2
			for j < last && j-i < 6 && r.at[j] == 0 && !ofWords[r.fold(j)] && !fromWords[r.fold(j)] {
				j++
			}
		}
		// past an adjective or two: "des experts régionaux de l'OMD"
		for j < last && j-i <= 2 && r.at[j] == 0 && !ofWords[r.fold(j)] && !fromWords[r.fold(j)] && !originWords[r.fold(j)] &&
			r.meetingAdjective(j) {
			j++
		}
		// past "venus", "coming", "provenienti" to the preposition.
		for j < last && j-i < 8 && r.at[j] == 0 && originWords[r.fold(j)] {
			j++
		}
		if j >= last || r.at[j] != 0 || !(fromWords[r.fold(j)] || ofWords[r.fold(j)] && !originWords[f]) {
			continue
		}
		a, p := r.listAfter(r.countedStates(j, last), last)
		if len(a)+len(p) == 0 {
			if k := r.statesAfterService(j, last); k > j {
				a, p = r.listAfter(k, last) // "funzionari di polizia e delle dogane di Giordania, Iraq"
			}
		}
		actors = append(actors, a...)
		persons = append(persons, p...)
	}
	return actors, persons
}

// statesAfterService finds, past a few words that say which service the people work for
// ("di polizia e delle dogane"), the preposition before the states they come from; it
// returns k when there is none.
func (r *run) statesAfterService(k, last int) int {
	toks := r.d.Tokens
	for j := k + 1; j+1 < last && j-k <= 8; j++ {
		if r.at[j] != 0 || toks[j].Kind != text.Word || toks[j].Upper {
			return k
		}
		if m := r.mentionAt(j + 1); (ofWords[r.fold(j)] || fromWords[r.fold(j)]) && m != nil && m.first == j+1 && m.kind == fixtures.KindState {
			return j
		}
	}
	return k
}

// statesCountedBefore returns the states of "from the 13 countries" in [first, last):
// the list of as many states the text gave before.
func (r *run) statesCountedBefore(first, last int) []*mention {
	for k := first; k+2 < last; k++ {
		if (fromWords[r.fold(k)] || ofWords[r.fold(k)]) && r.at[k] == 0 {
			if a := r.countedStatesBefore(k+1, first); len(a) > 0 {
				return a
			}
		}
	}
	return nil
}

// countedStatesBefore reads "the 13 countries" at k as the list of thirteen states the
// text gave before token before; nil when it gave none of that length.
func (r *run) countedStatesBefore(k, before int) []*mention {
	if k < len(r.d.Tokens) && articles[r.fold(k)] {
		k++
	}
	if k+1 >= len(r.d.Tokens) || !stateNouns[r.fold(k+1)] {
		return nil
	}
	n, err := strconv.Atoi(r.fold(k))
	if v, ok := numberValues[r.fold(k)]; ok {
		n, err = strconv.Atoi(v)
	}
	if err != nil || n < 2 {
		return nil
	}
	for i := before - 1; i >= 0; i-- {
		m := r.mentionAt(i)
		if m == nil || m.first != i || m.kind != fixtures.KindState || m.adjective {
			continue
		}
		if prev := r.listStart(i); prev != i {
			i = prev + 1 // the list goes on before: read it from its start
			continue
		}
		a, _ := r.listAfter(i, r.sentenceEnd(i))
		var states []*mention
		for _, s := range a {
			if s.kind == fixtures.KindState {
				states = append(states, s)
			}
		}
		if len(states) == n {
			return states
		}
	}
	return nil
}

// countedStatesListed reads a count of states that a colon, a dash or a bracket opens in
// [first, last) as the states of the meeting the sentence names: "training for the
// units of five Caribbean countries: A, B, C", "de différents services de neuf pays – A,
// B, C", "des agents de trois pays (A, B, C)".
// The list must name states only.
func (r *run) countedStatesListed(first, last int) []*mention {
	for k := first; k+2 < last; k++ {
		if !isNumber(r.fold(k)) || r.at[k] != 0 {
			continue
		}
		j := k + 1
		for j < last && j-k <= 2 && !stateNouns[r.fold(j)] && r.d.Tokens[j].Kind == text.Word {
			j++ // "five Caribbean countries", "trois pays africains"
		}
		if j >= last || !stateNouns[r.fold(j)] {
			continue
		}
		for j++; j < last && j-k <= 5 && r.d.Tokens[j].Kind == text.Word && r.at[j] == 0; j++ {
		}
		if j >= last || r.fold(j) != ":" && r.fold(j) != "(" && r.fold(j) != "-" {
			continue
		}
		end := last
		if r.fold(j) == "(" {
			if c := r.closingBracket(j, last); c > 0 {
				end = c
			}
		}
		if a, _ := r.listAfter(j+1, end); onlyStates(a) {
			return a
		}
	}
	return nil
}

// listStart returns the first state of the list of states the one at i belongs to.
func (r *run) listStart(i int) int {
	start := i
	for k := i - 1; k >= 0 && i-k <= 4; k-- {
		f := r.fold(k)
		if m := r.mentionAt(k); m != nil {
			if m.kind != fixtures.KindState || m.adjective {
				break
			}
			start, i = m.first, m.first
			k = m.first
			continue
		}
		if f != "," && !conjunctions[f] && !articles[f] && !ofWords[f] {
			break
		}
	}
	return start
}

// sentenceEnd is the token after the last of the sentence of token i.
func (r *run) sentenceEnd(i int) int {
	_, last := r.sentenceTokens(r.d.Tokens[i].Sentence)
	return last
}

// countedStates skips, after the preposition at from, the count of states that opens a
// list ("from three countries (", "de sept pays francophones –") and returns where the
// list starts: the bracket, or the word after the dash or colon; else from.
func (r *run) countedStates(from, last int) int {
	k := from + 1
	if k+2 >= last || !isNumber(r.fold(k)) || !stateNouns[r.fold(k+1)] {
		return from
	}
	for j := k + 2; j < last && j-k <= 4 && r.at[j] == 0; j++ {
		switch r.fold(j) {
		case "(":
			return j
		case "-", ":":
			return j + 1
		}
	}
	return from
}

func isNumber(f string) bool {
	if f == "" {
		return false
	}
	for _, c := range f {
		if c < '0' || c > '9' {
			return numberWords[f]
		}
	}
	return true
}

// participate records PARTICIPATED_IN for each mention not yet given a role in the
// sentence.
func (r *run) participate(st *sentenceState, ms []*mention, role string) {
	if st.meeting == nil {
		return
	}
	for _, m := range ms {
		if st.roled[m] || m.id == "" || m.kind == fixtures.KindPerson && r.absent(st.first, st.last, m) {
			continue
		}
		st.roled[m] = true
		st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeParticipatedIn, other: m.id, role: role, span: st.span})
	}
}

// organisingProjects reads the projects named among the organisers of a meeting
// ("organisée par l'ONUDC et le projet SEACOP"): the meeting is held under them.
func (r *run) organisingProjects(st *sentenceState, from, to int) {
	if st.meeting == nil {
		return
	}
	for i := from; i < to; i++ {
		m := r.mentionAt(i)
		if m == nil || m.first != i || m.kind != fixtures.KindProject || m.id == "" || r.parentProject(m) {
			continue
		}
		if st.framed == nil {
			st.framed = map[*mention]bool{}
		}
		st.framed[m] = true
		st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeHeldUnder, other: m.id, span: st.span, outgoing: true})
	}
}

// parentProject reports whether project m is named as the parent of the project before
// it: "the Border Cooperation Component of the UNODC Programme for Central Asia".
func (r *run) parentProject(m *mention) bool {
	k := m.first - 1
	for k > 0 && (articles[r.fold(k)] || r.mentionAt(k) != nil && r.mentionAt(k).isBody()) {
		k-- // "of the UNODC Programme": its owner's name before it
	}
	if k < 1 || !ofWords[r.fold(k)] {
		return false
	}
	p := r.mentionAt(k - 1)
	return p != nil && p.last == k && p.kind == fixtures.KindProject
}

// breakBetween reports whether a comma or another clause break stands in [from, to):
// "Financé par le Japon, le projet": Japan is not the project's owner.
func (r *run) breakBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if clauseBreak(r.fold(k)) {
			return true
		}
	}
	return false
}

// gappedCue reads a participle separated from its "by" by a few words: "mis en œuvre
// depuis 2019 par", "held in Vienna by", "financé en partie par".
func (r *run) gappedCue(i, last int) (cue, bool) {
	if r.is(i, classFundingVerb) && r.fundingBefore(i) {
		// "Le financement de cette rencontre est assuré par l'UE"
		for k := i + 1; k < last && k-i <= 2; k++ {
			if byWords[r.fold(k)] && r.at[k] == 0 {
				return cue{cueFunder, i, k + 1}, true
			}
		}
	}
	for _, p := range gappedParticiples[r.fold(i)] {
		if !hasCue(r.d, i, p.words) || r.modifiesCommonNoun(i) {
			continue
		}
		end := i + len(p.words)
		for k := end + 1; k < last && k-end <= 6; k++ {
			f := r.fold(k)
			if byWords[f] && r.at[k] == 0 {
				return cue{p.kind, i, k + 1}, true
			}
			if m := r.mentionAt(k); m != nil && m.kind != "place" {
				break // an actor before "by": "held talks with X by video"
			}
		}
	}
	return cue{}, false
}

// modifiesCommonNoun reports whether the participle at i follows a common noun in lower
// case that it describes, a word after an article: "a joint investigation implemented in
// 2024 by A" speaks of the investigation, not of a project; "it was implemented by",
// "is currently implemented by", "le projet mis en œuvre par" do not.
func (r *run) modifiesCommonNoun(i int) bool {
	if i < 2 || r.at[i-1] != 0 {
		return false
	}
	t, f := r.d.Tokens[i-1], r.fold(i-1)
	if t.Kind != text.Word || t.Upper || passiveAuxiliaries[f] || cueAdverbs[f] || conjunctions[f] || projectNouns[f] {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-4 && r.at[k] == 0 && r.d.Tokens[k].Kind == text.Word; k-- {
		if g := r.fold(k); articles[g] || indefiniteArticles[g] {
			return true // "a joint investigation", "une enquête conjointe"
		}
	}
	return false
}

// modifiesBody reports whether the participle at i follows a body's name (past a comma,
// a bracketed acronym and a town: "(ISTI) di Roma, finanziato"), so that it says
// something of that body.
func (r *run) modifiesBody(st *sentenceState, i int) bool {
	for k, steps := i-1, 0; k > st.first && steps < 6; k, steps = k-1, steps+1 {
		if m := r.mentionAt(k); m != nil {
			switch m.kind {
			case fixtures.KindAgency, fixtures.KindOrganization, fixtures.KindUNBody, "place":
				return true
			}
			return false
		}
		f := r.fold(k)
		switch {
		case f == ")":
			if o := r.openingBracket(st.first, k); o > st.first {
				k = o
			}
		case f == "," || ofWords[f] || r.unknownName(k):
		default:
			return false
		}
	}
	return false
}

// maxAppositionTokens bounds the apposition a participle may qualify.
const maxAppositionTokens = 16

// modifiesApposition reports whether the participle at i qualifies an apposition written
// after the thing of the sentence rather than the thing: "Il Piano è stato predisposto con
// il supporto del SEESAC, il centro per il controllo delle armi gestito dall'UNDP".
func (r *run) modifiesApposition(st *sentenceState, i int, thing *mention) bool {
	for k := i - 1; k > st.first && i-k <= maxAppositionTokens; k-- {
		if thing != nil && k < thing.last {
			return false
		}
		f := r.fold(k)
		switch {
		case f == ",":
			return k+2 < i && articles[r.fold(k+1)] && r.at[k+2] == 0
		case verbWords[f] || r.d.Tokens[k].Kind == text.Punct && f != "(" && f != ")":
			return false
		}
	}
	return false
}

// possessive reports whether an "'s" follows token i: "the EU's agency", not a space
// ("l'Égypte s'est ouverte").
func (r *run) possessive(i, end int) bool {
	return i+1 < end && r.apostropheS(i) && r.at[i] == 0 && !r.d.Tokens[i+1].Upper
}

// apostropheS reports whether token i is the "s" of "'s" written against the word before
// it: "the EU's agency", not "l'Égypte s'est".
func (r *run) apostropheS(i int) bool {
	if i <= 0 || i >= len(r.d.Tokens) || r.fold(i) != "s" {
		return false
	}
	start := r.d.Tokens[i].Start
	return start == r.d.Tokens[i-1].End+1 && r.d.Fold[start-1] == '\''
}

// originOfPeople reports whether "venus", "coming" at i tells where people come from:
// it opens the sentence ("Venus du Tchad, ...") or follows a group or a number ("vingt
// stagiaires venus de"), not a thing ("la cocaïne venue du Brésil").
func (r *run) originOfPeople(first, i int) bool {
	if i == first {
		return true
	}
	for k := i - 1; k >= first && i-k <= 3; k-- {
		if f := r.fold(k); participantGroups[f] || isNumber(f) {
			return true
		}
	}
	return false
}

// hostsGuests reports whether the sentence has a host receiving guests ("Il Dipartimento
// ospiterà i ministri di A e B"): they come to the meeting reported.
func (r *run) hostsGuests(st *sentenceState) bool {
	for _, c := range st.cues {
		if c.kind == cueOrganiserBefore && r.guestsAfter(st, c.last) {
			return true
		}
	}
	return false
}

// guestsAfter reports whether a host's verb ending at i is followed by the people it
// receives ("ospiterà i ministri", "hosted delegations", "accueille les chefs de police"),
// not by the meeting it holds.
func (r *run) guestsAfter(st *sentenceState, i int) bool {
	for k := i; k < st.last && k-i <= 2; k++ {
		switch f := r.fold(k); {
		case r.is(k, classParticipantGroup) || guestHeads[f]:
			return true
		case !articles[f] && !indefiniteArticles[f] && !isNumber(f):
			return false
		}
	}
	return false
}

// moreProjects returns the projects coordinated after fw before end: "the SEACOP
// project, the AIRCOP project and the CRIMJUST programme".
func (r *run) moreProjects(fw *mention, end int) []*mention {
	var out []*mention
	gap := 0
	for k := fw.last; k < end && gap <= 6; {
		m := r.mentionAt(k)
		switch {
		case m != nil && (m.kind == fixtures.KindProject || m.kind == fixtures.KindRoadmap) && m.id != "":
			out = append(out, m)
			k, gap = m.last, 0
		case m != nil && m.kind != "":
			return out
		case listGlue[r.fold(k)] || projectHeads[r.fold(k)] || r.unknownName(k):
			k, gap = k+1, gap+1
		default:
			return out
		}
	}
	return out
}

// composedOf reads the members of a subject written as a group "made up of", "composé
// de", "composto da" a list, between first and the verb at i.
func (r *run) composedOf(first, i int) []*mention {
	for k := first; k+1 < i; k++ {
		if compositionWords[r.fold(k)] && (ofWords[r.fold(k+1)] || fromWords[r.fold(k+1)] || r.fold(k+1) == "up") {
			j := k + 1
			if r.fold(j) == "up" {
				j++
			}
			a, _ := r.listAfter(j, i)
			return a
		}
	}
	return nil
}

// duringMeeting finds where the sentence places what its subject did during its
// meeting ("Europol a présenté pendant la réunion", "nel corso dell'incontro"): the
// token of "durant", or -1.
func (r *run) duringMeeting(st *sentenceState) int {
	k := st.meetingAt - 1
	for k > st.first && (articles[r.fold(k)] || demonstratives[r.fold(k)] || ofWords[r.fold(k)]) {
		k--
	}
	if k >= st.first && duringWords[r.fold(k)] {
		return k
	}
	return -1
}

// bodiesIn returns the bodies (not states) acting in [first, last), the subject of a
// sentence when last is its verb.
func (r *run) bodiesIn(first, last int) []*mention {
	var out []*mention
	for _, m := range r.actorsIn(first, last) {
		if m.kind != fixtures.KindState {
			out = append(out, m)
		}
	}
	return out
}

// subjectBodies returns the actors written before the verb at i, but states written as
// places ("au Tchad", "in Kenya").
func (r *run) subjectBodies(first, i int) []*mention {
	var out []*mention
	for _, m := range r.actorsIn(first, i) {
		if m.kind == fixtures.KindState && m.first > first && (locatives[r.d.Lang][r.fold(m.first-1)] || articles[r.fold(m.first-1)] && m.first-1 > first && locatives[r.d.Lang][r.fold(m.first-2)]) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// fundingBefore reports whether a funding noun ("financement", "funding") stands in the
// eight words before i.
func (r *run) fundingBefore(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 8 && r.d.Tokens[k].Sentence == r.d.Tokens[i].Sentence; k-- {
		if fundingNouns[r.fold(k)] {
			return true
		}
	}
	return false
}

// maxMeetingNameTokens bounds how far a meeting's name is read for the states it names.
const maxMeetingNameTokens = 16

// meetingOfStates reads the states a meeting's name gives as its members: "la riunione
// trilaterale dei vertici delle polizie di Italia, Slovenia e Croazia", "the meeting of the
// interior ministers of the MED5 countries (Italy, Spain, ...)". The states must form a
// list of two or more reached from the meeting noun through "of" alone: "a meeting on
// the routes through Libya and Niger" names places, not members.
func (r *run) meetingOfStates(st *sentenceState) []*mention {
	toks := r.d.Tokens
	end := st.last
	for k := st.meetingAt + 1; k < end && k-st.meetingAt <= maxMeetingNameTokens; k++ {
		f := r.fold(k)
		if m := r.mentionAt(k); m != nil {
			if m.kind != fixtures.KindState || m.adjective {
				if !m.isActor() {
					return nil
				}
				k = m.last - 1 // "del gruppo MED5": the group, then its members
				continue
			}
			actors, _ := r.listAfter(k, end)
			var states []*mention
			for _, a := range actors {
				if a.kind == fixtures.KindState {
					states = append(states, a)
				}
			}
			if len(states) < 2 {
				return nil
			}
			return states
		}
		switch {
		case f == "(" || ofWords[f] || articles[f]:
		case toks[k].Kind != text.Word || stopWords[f] || isNumber(f):
			return nil
		}
	}
	return nil
}
