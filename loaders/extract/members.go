package extract

import (
	"sort"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// Membership read from an enumeration of an organisation's members: "the member states
// of X, namely A, B and C", "les pays de la X, à savoir : A, B et C", "gli Stati membri
// dell'X (A, B e C)". Without the enumeration ("the countries of the region") nothing is
// read: the words alone do not say which states are members.

var (
	memberHeads  = byFirstWord(phrases("member heads"), phraseWords)          // "member states", "pays", "stati membri"
	memberGlue   = words("member glue")                                       // "of the", "de la", "dell'" between the head and the body
	enumerations = byFirstWord(phrases("enumerations"), phraseWords)          // "namely", "à savoir", "cioè"
	memberVerbs  = byFirstWord(phrases("member verbs"), phraseWords)          // "is a member of", "adhère à", "aderiscono"
	verbGlue     = words("member verb glue")                                  // the article or preposition before the body, "all'"
	groupVerbs   = byFirstWord(phrases("member grouping verbs"), phraseWords) // "brings together", "regroupe", "riunisce"
	quantifiers  = words("quantifiers")                                       // "all" in "A, B and C, all members of X"
	oneMember    = words("singular member heads")                             // "member" in "Ghana, a member of ECOWAS"
	havingVerbs  = words("member having verbs")                               // "has" in "ECOWAS has fifteen member states: A, B"
	foundVerbs   = byFirstWord(phrases("founding verbs"), phraseWords)        // "founded", "fondée", "istituita"
	chairVerbs   = byFirstWord(phrases("chair verbs"), phraseWords)           // "chairs", "présidera", "copresiede"
	coChairWords = words("co-chair prepositions")                             // "with" in "Italy co-chairs with A the X"
	groupHeads   = words("group heads")                                       // "force" in "the task force brings together"
	accessions   = words("accession nouns")                                   // "accession", "adhésion", "adesione"
	accessionTo  = words("accession prepositions")                            // "to" in "the accession of A to X"
	memberRels   = byFirstWord(phrases("membership relatives"), phraseWords)  // "of which", "dont", "di cui"
	relMemberIs  = byFirstWord(phrases("relative member verbs"), phraseWords) // "are members", "sont membres"
	verbRels     = phrases("membership verb relatives")                       // "alla quale" in "l'X, alla quale aderiscono A"
)

// memberships adds MEMBER_OF from every state enumerated after "<members> of <body>".
func (r *run) memberships() {
	for s := range r.d.Sentences {
		first, last := r.sentenceTokens(s)
		r.membershipHeading(s, first, last)
		for i := first; i < last; i++ {
			head := longestPrefix(r.d, i, last, memberHeads)
			if head == 0 {
				continue
			}
			body, list, end, bare := r.enumeratedMembers(i+head, last)
			if body == nil && r.oneOfBefore(first, i-1) > first {
				if b := r.membersBefore(first, i, r.organisationAfter(i+head, last)); b != nil {
					i += head - 1 // "Ghana is one of the fifteen members of ECOWAS."
					continue
				}
			}
			if b := r.membersBefore(first, i, body); b != nil {
				i += head - 1 // "A, B and C, members of X": the list before, in apposition
				continue
			}
			if body == nil {
				// "the ASEAN member states Lao PDR, Malaysia and Indonesia", "ECOWAS's members"
				at := i
				if r.apostropheS(i - 1) {
					at = i - 1
				}
				if b := r.mentionAt(at - 1); b != nil && b.last == at && organisationNamed(b) {
					if r.membersBefore(first, b.first, b) != nil {
						i += head - 1 // "Ghana and Togo, both ECOWAS members"
						continue
					}
					body, list, end, bare = b, i+head, last, true
					if list < last && (r.fold(list) == ":" || r.fold(list) == "-") {
						list, bare = list+1, false // "ECOWAS member states: A, B", "ECOWAS's member countries - A, B -"
					} else if n := longestPrefix(r.d, list, last, enumerations); n > 0 {
						list, bare = list+n, false // "ECOWAS members include A, B", "ECOWAS member states such as A"
					}
				} else if b, from := r.countedMembersOf(first, i, i+head, last); b != nil {
					body, list, end, bare = b, from, last, false
				} else if b := r.followingMembersOf(i, i+head, last); b != nil {
					// "Les États membres suivants étaient représentés :" over "- Zambie : M. X":
					// the members of the organisation the document is about
					body, list, end, bare = b, last, last, false
				} else {
					continue
				}
			}
			actors, _ := r.listAfter(list, end)
			if list == last && !bare {
				actors = r.statesOnLinesAfter(s) // "The member states of ECOWAS:" over "- Ghana", "- Togo"
			}
			if bare && !onlyStates(actors) {
				continue // "les pays de l'UE, la Commission et ...": no enumeration of members
			}
			for _, a := range actors {
				if a.kind == fixtures.KindState && !a.adjective {
					r.g.edge(fixtures.EdgeMemberOf, a.id, body.id, r.tokSpan(first, last), "")
				}
			}
			i = end - 1
		}
		r.memberVerbsIn(first, last)
		r.groupingVerbsIn(first, last)
		r.foundersIn(first, last)
		r.chairsIn(first, last)
		r.accessionsIn(first, last)
		r.bracketedMembersIn(first, last)
		r.relativeMembersIn(first, last)
	}
}

// relativeMembersIn adds MEMBER_OF to an organisation from the states a relative clause
// after it lists before its verb of membership: "ECOWAS, of which Ghana, Togo and Benin
// are members", "la CEDEAO, dont le Ghana et le Togo sont membres", "l'ECOWAS, di cui
// Ghana e Togo sono membri".
func (r *run) relativeMembersIn(first, last int) {
	for v := first + 1; v < last; v++ {
		n := longestPrefix(r.d, v, last, memberRels)
		if n == 0 || r.fold(v-1) != "," {
			continue
		}
		body := r.subjectBody(first, v)
		if body == nil {
			continue
		}
		actors, _ := r.listAfter(v+n, last)
		if len(actors) == 0 || !onlyStates(actors) || longestPrefix(r.d, actors[len(actors)-1].last, last, relMemberIs) == 0 {
			continue
		}
		for _, a := range actors {
			r.g.edge(fixtures.EdgeMemberOf, a.id, body.id, r.tokSpan(first, last), "")
		}
		v = actors[len(actors)-1].last
	}
}

// chairsIn adds MEMBER_OF from the states and agencies that chair or co-chair a body in
// [first, last), the subject of the verb and the partners after "with", to the body
// chaired: "Kenya will chair EAPCCO", "l'Algérie présidera pour deux ans AFRIPOL",
// "l'Italia copresiede con A e B il Gruppo di lavoro". A body is chaired by its members.
func (r *run) chairsIn(first, last int) {
	for v := first + 1; v < last; v++ {
		n := longestPrefix(r.d, v, last, chairVerbs)
		if n == 0 {
			continue
		}
		chairs, _ := r.listBefore(first, v)
		var body *mention
		partners := false
		for j := v + n; j < last && j-v < 16 && body == nil; j++ {
			m := r.mentionAt(j)
			before := j - 1 // the word before the mention, past its article
			if before > v && articles[r.fold(before)] {
				before--
			}
			switch {
			case m == nil && (clauseBreak(r.fold(j)) && r.fold(j) != "(" || byWords[r.fold(j)]):
				j = last // "chaired by", or the clause ends with no body
			case m == nil:
			case organisationNamed(m) && nameOf(r.fold(before)):
				j = m.last - 1 // "le Mécanisme ... de l'Union africaine (AFRIPOL)": part of a longer name, its acronym after it
			case organisationNamed(m):
				body = m
			case (m.kind == fixtures.KindState || m.kind == fixtures.KindAgency) && (coChairWords[r.fold(before)] || partners && listGlue[r.fold(before)]):
				chairs, partners = append(chairs, m), true // "con gli Stati Uniti e l'Arabia Saudita"
				j = m.last - 1
			default:
				j = last // a person, a meeting: not a body chaired
			}
		}
		if body == nil {
			continue
		}
		for _, c := range chairs {
			if (c.kind == fixtures.KindState || c.kind == fixtures.KindAgency) && !c.adjective && c.id != body.id {
				r.g.edge(fixtures.EdgeMemberOf, c.id, body.id, r.tokSpan(first, last), "")
			}
		}
		v = body.last - 1
	}
}

// accessionsIn adds MEMBER_OF from the states whose accession to a body [first, last)
// names: "the accession of Mongolia to the OSCE", "Mongolia's accession to the OSCE",
// "l'adhésion de la Mongolie et du Japon à l'OSCE", "l'adesione della Mongolia all'OSCE".
func (r *run) accessionsIn(first, last int) {
	for k := first; k < last; k++ {
		if !accessions[r.fold(k)] {
			continue
		}
		var states []*mention
		if k-2 >= first && r.apostropheS(k-1) {
			if m := r.mentionAt(k - 2); m != nil && m.kind == fixtures.KindState && !m.adjective {
				states = append(states, m) // "Mongolia's accession"
			}
		}
		j := k + 1
		for ; j < last; j++ {
			m := r.mentionAt(j)
			switch {
			case m != nil && m.kind == fixtures.KindState && !m.adjective:
				states = append(states, m)
				j = m.last - 1
				continue
			case m == nil && (ofWords[r.fold(j)] || articles[r.fold(j)] || conjunctions[r.fold(j)] || r.fold(j) == ",") && !accessionTo[r.fold(j)]:
				continue
			}
			break
		}
		if len(states) == 0 || j >= last || !accessionTo[r.fold(j)] {
			continue
		}
		for j++; j < last && articles[r.fold(j)] && r.at[j] == 0; j++ {
		}
		if j >= last {
			continue
		}
		body := r.mentionAt(j)
		if body == nil || body.first != j || !organisationNamed(body) {
			continue
		}
		for _, st := range states {
			r.g.edge(fixtures.EdgeMemberOf, st.id, body.id, r.tokSpan(first, last), "")
		}
		k = body.last - 1
	}
}

// foundingMembers adds MEMBER_OF from each state party to a treaty that founds a body to
// that body: the states that sign "le traité constitutif de la X" are its members.
func (r *run) foundingMembers() {
	var parties []*fixtures.Edge
	for _, e := range r.g.edges {
		if e.Kind == fixtures.EdgePartyTo && r.founded[e.To] != "" && strings.HasPrefix(e.From, "state:") && len(e.Sources) > 0 {
			parties = append(parties, e)
		}
	}
	sort.Slice(parties, func(i, j int) bool { return parties[i].Key() < parties[j].Key() })
	for _, e := range parties {
		src := e.Sources[0]
		r.g.edge(fixtures.EdgeMemberOf, e.From, r.founded[e.To], text.Span{Start: src.Start, End: src.End}, "")
	}
}

// bracketedMembersIn adds MEMBER_OF from an organisation followed by the states it is
// made of in brackets, in [first, last): "the G5 Sahel (Burkina Faso, Chad, Mali,
// Mauritania and Niger)", "le G5 Sahel (Burkina Faso, Mali …)". The brackets must hold
// two states or more and nothing else.
func (r *run) bracketedMembersIn(first, last int) {
	for k := first + 1; k < last; k++ {
		body := r.mentionAt(k - 1)
		if r.fold(k) != "(" || body == nil || body.last != k || !organisationNamed(body) {
			continue
		}
		c := r.closingBracket(k, last)
		if c < 0 {
			continue
		}
		actors, _ := r.listAfter(k+1, c)
		if !onlyStates(actors) {
			continue
		}
		for _, a := range actors {
			r.g.edge(fixtures.EdgeMemberOf, a.id, body.id, r.tokSpan(first, last), "")
		}
		k = c
	}
}

// statesOnLinesAfter returns the states that the lines after sentence s name, one per line
// with or without a bullet ("- Ghana", "• Togo;"), up to the first line that names
// something else.
func (r *run) statesOnLinesAfter(s int) []*mention {
	var out []*mention
	for s2 := s + 1; s2 < len(r.d.Sentences); s2++ {
		first, last := r.sentenceTokens(s2)
		k := first
		if k < last && bullets[r.fold(k)] {
			k++
		}
		row := k < last && r.fold(k) == "|"
		if row {
			k++ // "| Kenya | 1998 |": a table's row, the state in its first cell
		}
		m := r.mentionAt(k)
		if row && len(out) == 0 && (m == nil || m.kind != fixtures.KindState) {
			continue // the table's header and the rule under it: "| Country | Member since |"
		}
		if m == nil || m.first != k || m.kind != fixtures.KindState || m.adjective {
			break
		}
		if row {
			if m.last < last && r.fold(m.last) == "|" {
				if !r.anyWordIn(m.last, last, observerWords) {
					out = append(out, m) // not "| Kenya | Observer |"
				}
				continue
			}
			break
		}
		if m.last < last && r.fold(m.last) == ":" {
			out = append(out, m) // "- Zambie : Mme X, Vice-Présidente": the state labels its delegation
			continue
		}
		for j := m.last; j < last; j++ {
			if r.d.Tokens[j].Kind == text.Word {
				return out // "- Ghana, which hosts the secretariat": prose, not an item
			}
		}
		out = append(out, m)
	}
	return out
}

// membersBefore adds MEMBER_OF of body for the states listed right before the member
// head at i, set off by a comma ("Ghana, Mali and Niger, members of ECOWAS", "le Mali
// et le Niger, tous membres de la CEDEAO"), and returns body; nil when there is no
// such list.
func (r *run) membersBefore(first, i int, body *mention) *mention {
	if body == nil {
		return nil
	}
	k := i - 1
	if k > first && quantifiers[r.fold(k)] {
		k-- // "all", "tous", "tutti"
	}
	one := oneMember[r.fold(i)]
	if c := r.oneOfBefore(first, i-1); c > first {
		k, one = c, true // "Ghana is one of the fifteen members of ECOWAS": the state before the copula
	} else if k > first && indefiniteArticles[r.fold(k)] {
		k-- // "Ghana, a member of ECOWAS"
	} else if k-1 > first && (numberWords[r.fold(k)] || isNumber(r.fold(k))) && articles[r.fold(k-1)] {
		k -= 2 // "Ghana, Togo and Benin, the three members of ECOWAS"
	}
	if k <= first || r.fold(k) != "," && !one {
		return nil
	}
	actors, _ := r.listBefore(first, k)
	if !onlyStates(actors) && !(one && len(actors) == 1 && actors[0].kind == fixtures.KindState && !actors[0].adjective) {
		return nil
	}
	for _, a := range actors {
		r.g.edge(fixtures.EdgeMemberOf, a.id, body.id, r.tokSpan(first, r.sentenceEnd(i)), "")
	}
	return body
}

// organisationAfter returns the organisation named at k past the glue of a member head
// ("of", "de la", "della"), or nil.
func (r *run) organisationAfter(k, last int) *mention {
	for k < last && memberGlue[r.fold(k)] {
		k++
	}
	if m := r.mentionAt(k); m != nil && m.first == k && organisationNamed(m) {
		return m
	}
	return nil
}

// oneOfWords say that what is named before is one of a body's members: "one of the",
// "l'un des", "uno dei".
var oneOfWords = phrases("one of words")

// membershipCopulas join a state to "one of the members": "is", "est", "è".
var membershipCopulas = words("membership copulas")

// oneOfBefore returns the copula before "one of the [number]" ending at token k, the
// member list ending there ("Ghana is one of the fifteen members of"), or -1.
func (r *run) oneOfBefore(first, k int) int {
	if k > first && (numberWords[r.fold(k)] || isNumber(r.fold(k))) {
		k-- // "l'un des seize membres"
	}
	for _, p := range oneOfWords {
		start := k - len(p) + 1
		if start-1 > first && hasPrefixTokens(r.d, start, p) && membershipCopulas[r.fold(start-1)] {
			return start - 1
		}
	}
	return -1
}

// groupingVerbsIn adds MEMBER_OF to an organisation said to be made of the states (or, for
// a network or task force, the agencies) listed after its verb in [first, last): "SELEC
// brings together A, B and C", "l'AES, qui regroupe A, B et C", "ECOWAS is made up of
// fifteen states, including A and B".
func (r *run) groupingVerbsIn(first, last int) {
	r.verbMembersIn(first, last, groupVerbs, r.firstMemberAfter, r.membersOf)
}

// foundersIn adds MEMBER_OF from an organisation said to be founded by the states named
// after the agent's preposition in [first, last): "AMERIPOL, founded in 2007 by A, B and
// C", "l'AES, créée par le Burkina Faso, le Mali et le Niger". Founders are members.
func (r *run) foundersIn(first, last int) {
	r.verbMembersIn(first, last, foundVerbs, r.agentAfter, func(_ *mention, actors []*mention) bool { return onlyStates(actors) })
}

// verbMembersIn adds MEMBER_OF to a body, the subject of one of verbs in [first, last),
// from the members of the list that listStart finds after the verb, when accept takes the
// list.
func (r *run) verbMembersIn(first, last int, verbs map[string][][]string, listStart func(k, last int) int, accept func(body *mention, actors []*mention) bool) {
	for v := first + 1; v < last; v++ {
		n := longestPrefix(r.d, v, last, verbs)
		if n == 0 {
			continue
		}
		body := r.subjectBody(first, v)
		if body == nil {
			continue
		}
		k := listStart(v+n, last)
		if k < 0 {
			continue
		}
		actors, _ := r.listAfter(k, last)
		if !accept(body, actors) {
			continue
		}
		for _, a := range actors {
			r.g.edge(fixtures.EdgeMemberOf, a.id, body.id, r.tokSpan(first, last), "")
		}
		v = k
	}
}

// firstMemberAfter is where the list starts after a grouping verb: the first state or
// agency in the eight tokens from k ("fifteen states, including A", "officials from A"),
// or -1 when the sentence ends or another mention comes first.
func (r *run) firstMemberAfter(k, last int) int {
	for j := k; j < last && j-k < 8; j++ {
		if m := r.mentionAt(j); m != nil {
			if m.kind == fixtures.KindState || m.kind == fixtures.KindAgency {
				return j
			}
			return -1
		}
		if r.fold(j) == "." || r.fold(j) == ";" {
			return -1
		}
	}
	return -1
}

// membersOf reports whether a list names two members of body or more and nothing else:
// states, or the agencies a network or task force brings together ("the network brings
// together officials from the police, the customs and ..."), not those an organisation
// convenes.
func (r *run) membersOf(body *mention, actors []*mention) bool {
	joint := r.anyWordIn(body.first, body.last, groupHeads)
	for _, w := range text.FoldTokensWords(body.name) {
		joint = joint || groupHeads[w]
	}
	for _, a := range actors {
		if a.adjective || a.kind != fixtures.KindState && !(joint && a.kind == fixtures.KindAgency) {
			return false
		}
	}
	return len(actors) >= 2
}

// agentAfter is where the agent's list starts after its preposition, within five tokens
// from k before any comma ("founded in 2007 by A"), or -1.
func (r *run) agentAfter(k, last int) int {
	for j := k; j < last && j-k < 5 && r.fold(j) != ","; j++ {
		if byWords[r.fold(j)] {
			return j + 1
		}
	}
	return -1
}

// subjectBody returns the organisation that is the subject of the verb at v: written
// right before it, before its acronym in brackets, before a comma, or before a relative
// pronoun and its comma ("l'AES, qui regroupe"), or named before and referred to by a
// definite head ("the network brings together").
func (r *run) subjectBody(first, v int) *mention {
	k := v - 1
	if k > first && relativePronouns[r.fold(k)] {
		k--
		if k > first && r.fold(k) == "," {
			k--
		}
	} else if k > first && r.fold(k) == "," {
		k-- // "ECOWAS, composed of A, B and C", "la CEDEAO, dont font partie A et B"
	}
	if o := r.openBracket(k); r.fold(k) == ")" && o > first {
		k = o - 1 // "the Indian Ocean Commission (IOC) is made up of": the name before its acronym
	}
	if b := r.mentionAt(k); b != nil && b.last == k+1 && organisationNamed(b) {
		return b
	}
	for n := 1; n <= 2 && k-n >= first; n++ {
		if r.at[k] == 0 && definite[r.fold(k-n)] && groupHeads[r.fold(k)] {
			// "the network brings together": the organisation named before with that head
			if b := r.bodyWithWord(k-n, r.fold(k)); b != nil && organisationNamed(b) {
				return b
			}
		}
	}
	return nil
}

// memberVerbsIn adds MEMBER_OF from a verb of membership in the sentence [first, last):
// the states before the verb join the body after it ("Malta and Cyprus are members of
// X", "l'Italia aderisce al X"), or, with the body first, the states after it join it
// ("All'X aderiscono A, B e C").
func (r *run) memberVerbsIn(first, last int) {
	for v := first; v < last; v++ {
		n := longestPrefix(r.d, v, last, memberVerbs)
		if n == 0 {
			continue
		}
		k := v + n
		for k < last && verbGlue[r.fold(k)] {
			k++
		}
		var states []*mention
		body := r.mentionAt(k)
		if body != nil && body.first == k && organisationNamed(body) {
			a, _ := r.listBefore(first, r.relativeVerbStart(first, v))
			if from := r.enumerationAfter(body.last, last); from > 0 {
				a, _ = r.listAfter(from, last) // "i Paesi che aderiscono alla Sepca, ossia A, B e C"
			} else if len(a) == 0 {
				a, _ = r.listAfter(body.last, last) // "Aderiscono al SELEC Albania, Bulgaria e Grecia"
			}
			states = a
		} else {
			body = r.mentionAt(v - 1)
			if b := r.relativeBody(first, v); b != nil {
				body = b // "l'Iniziativa, alla quale aderiscono A, B e C"
			}
			if body == nil || !organisationNamed(body) {
				continue
			}
			a, _ := r.listAfter(k, last)
			states = a
		}
		for _, a := range states {
			if a.isActor() && !a.adjective && a.id != body.id {
				// a verb of membership says it of any actor: "the Ghana Police Service and
				// the Nigeria Police Force are members of WAPCCO"
				r.g.edge(fixtures.EdgeMemberOf, a.id, body.id, r.tokSpan(first, last), "")
			}
		}
		v = k
	}
}

// relativeBody returns the organisation a relative clause that opens right before the verb
// at v refers to: "l'X, alla quale aderiscono", "la X, à laquelle adhèrent"; nil when
// no relative pronoun and comma come first.
func (r *run) relativeBody(first, v int) *mention {
	for _, p := range verbRels {
		j := v - len(p) - 1 // the comma before the relative
		if j > first && r.fold(j) == "," && hasPrefixTokens(r.d, j+1, p) {
			return r.subjectBody(first, j+1)
		}
	}
	return nil
}

// relativeVerbStart is where the list before a verb of membership ends: before the
// relative pronoun and its comma that open the verb's clause ("A, B and C, which form X",
// "A, B et C, qui forment X"), else at the verb.
func (r *run) relativeVerbStart(first, v int) int {
	k := v
	if k-1 > first && relativePronouns[r.fold(k-1)] {
		k--
		if k-1 > first && r.fold(k-1) == "," {
			k--
		}
	}
	return k
}

// countedMembersOf reads "ECOWAS has fifteen member states: A, B" around the member head
// [i, h): the body that has them, and where the list after the colon or enumeration word
// starts; nil when the sentence does not say so.
func (r *run) countedMembersOf(first, i, h, last int) (*mention, int) {
	k := i - 1
	if k > first && isNumber(r.fold(k)) {
		k--
	}
	if k <= first || !havingVerbs[r.fold(k)] {
		return nil, 0
	}
	body := r.subjectBody(first, k)
	from := r.enumerationAfter(h, last)
	if body == nil || from == 0 {
		return nil, 0
	}
	return body, from
}

// enumerationAfter returns where the list starts when a word or a colon announces one at
// token k, after an optional comma ("…, namely A, B", "…: A, B"), or 0.
func (r *run) enumerationAfter(k, last int) int {
	if k < last && r.fold(k) == "," {
		k++
	}
	if n := longestPrefix(r.d, k, last, enumerations); n > 0 {
		k += n
		if k < last && r.fold(k) == ":" {
			k++
		}
		return k
	}
	if k < last && r.fold(k) == ":" {
		return k + 1
	}
	return 0
}

// onlyStates reports whether a list names two states or more and nothing else: an
// enumeration of members that no word announces ("de l'AES, le Burkina Faso, le Mali et
// le Niger").
func onlyStates(actors []*mention) bool {
	for _, a := range actors {
		if a.kind != fixtures.KindState || a.adjective {
			return false
		}
	}
	return len(actors) >= 2
}

// enumeratedMembers reads "of <body>, <enumeration>" from token k: the body, and the
// token range of the list that follows (a bracketed list ends at its bracket). bare is
// true when no word or sign announces the list, which must then name states only.
func (r *run) enumeratedMembers(k, last int) (body *mention, from, to int, bare bool) {
	for k < last && memberGlue[r.fold(k)] {
		k++
	}
	body = r.mentionAt(k)
	if body == nil || body.first != k || body.kind != fixtures.KindOrganization && body.kind != fixtures.KindUNBody {
		return nil, 0, 0, false
	}
	k = body.last
	if k < last {
		if _, meeting := meetingHeads[r.fold(k)]; meeting {
			return nil, 0, 0, false // "the countries participating in the UNODC workshop:": the meeting's, not the body's
		}
	}
	if k < last && r.fold(k) == "," {
		k++
	}
	marked := false
	if n := longestPrefix(r.d, k, last, enumerations); n > 0 {
		k, marked = k+n, true
	}
	switch {
	case k < last && r.fold(k) == ":":
		return body, k + 1, last, false
	case k < last && r.fold(k) == "(":
		if c := r.closingBracket(k, last); c > 0 {
			return body, k + 1, c, false
		}
	case k < last && r.fold(k) == "-" && !marked:
		// "the member states of ECOWAS – Ghana, Nigeria and Togo –": a list between dashes
		return body, k + 1, r.nextDash(k+1, last), true
	case marked:
		return body, k, last, false
	case k > body.last:
		return body, k, last, true
	}
	if c := r.labelColon(k, last); c > 0 {
		return body, c + 1, last, false // "États membres de l'UE riverains de la Méditerranée : A, B"
	}
	return nil, 0, 0, false
}

// nextDash returns the first dash from k on, or last: where a list set off by dashes ends.
func (r *run) nextDash(k, last int) int {
	for j := k; j < last; j++ {
		if r.fold(j) == "-" {
			return j
		}
	}
	return last
}

// labelColon returns the colon that ends a label a few words after k ("riverains de la
// Méditerranée :"), or -1 when an actor, a comma or more words come first.
func (r *run) labelColon(k, last int) int {
	for j := k; j < last && j-k <= 8; j++ {
		f := r.fold(j)
		if f == ":" {
			return j
		}
		if m := r.mentionAt(j); f == "," || r.d.Tokens[j].Kind != text.Word || m != nil && m.kind != "place" {
			return -1
		}
	}
	return -1
}

// longestPrefix returns the length in tokens of the longest phrase (indexed by its first
// word) that starts at token i and ends before last, or 0.
func longestPrefix(d *text.Doc, i, last int, byFirst map[string][][]string) int {
	if i >= last || i >= len(d.Tokens) {
		return 0
	}
	best := 0
	for _, p := range byFirst[d.TokenFold(d.Tokens[i])] {
		if len(p) > best && i+len(p) <= last && hasPrefixTokens(d, i, p) {
			best = len(p)
		}
	}
	return best
}

// membershipHeadings are headings over the lines that list an organisation's members:
// "Member countries", "États membres", "Paesi aderenti".
var membershipHeadings = byFirstWord(phrases("membership headings"), phraseWords)

// membershipHeading adds MEMBER_OF of the organisation the document is about from the
// states on the lines under sentence s when it is a membership heading alone on its line
// ("Member countries" over "- Ghana", "- Togo").
func (r *run) membershipHeading(s, first, last int) {
	end := last
	if end > first && r.fold(end-1) == ":" {
		end--
	}
	start := first
	for start < end && (articles[r.fold(start)] || ourWords[r.fold(start)]) {
		start++ // "Nos États membres", "I nostri Stati membri"
	}
	if end == start || longestPrefix(r.d, start, end, membershipHeadings) != end-start || !r.lineAlone(first, last) {
		return
	}
	states := r.statesOnLinesAfter(s)
	if len(states) < 2 {
		return
	}
	body := r.documentOrganisation()
	if body == nil || body.kind != fixtures.KindOrganization {
		return // a UN office has no member states: the list is another body's
	}
	for _, a := range states {
		r.g.edge(fixtures.EdgeMemberOf, a.id, body.id, r.tokSpan(first, last), "")
	}
}

// observerWords say a state is an observer, not a member: "| Kenya | Observer |".
var observerWords = words("observer words")

// ourWords are the possessives of the first person plural: "our", "nos", "nostri".
var ourWords = words("first person possessives")

// lineAlone reports whether tokens [first, last) make up a line of their own.
func (r *run) lineAlone(first, last int) bool {
	f := r.d.Fold
	start, end := r.d.Tokens[first].Start, r.d.Tokens[last-1].End
	return strings.TrimSpace(f[strings.LastIndexByte(f[:start], '\n')+1:start]) == "" &&
		strings.TrimSpace(strings.SplitN(f[end:], "\n", 2)[0]) == ""
}

// followingWords announce a list after them: "following", "suivants", "seguenti".
var followingWords = words("following words")

// followingMembersOf returns the organisation the document is about when the member head
// [i, h) is announced as followed by its list, the sentence ending with a colon: "Les États
// membres suivants étaient représentés :", "The following member states attended:"; nil
// otherwise.
func (r *run) followingMembersOf(i, h, last int) *mention {
	if !(i > 0 && followingWords[r.fold(i-1)] || h < last && followingWords[r.fold(h)]) || r.fold(last-1) != ":" {
		return nil
	}
	return r.documentOrganisation()
}

// documentOrganisation returns the organisation the document is about, funders left out:
// the only one its meetings are held under, else the one it names most often, provided no
// other is named as often; nil otherwise.
func (r *run) documentOrganisation() *mention {
	funders, heldUnder := map[string]bool{}, map[string]bool{}
	for _, e := range r.g.edges {
		switch e.Kind {
		case fixtures.EdgeFunded:
			funders[e.From] = true // "with the support of the European Union": who pays, not who meets
		case fixtures.EdgeHeldUnder:
			heldUnder[e.To] = true
		}
	}
	counts, byID := map[string]int{}, map[string]*mention{}
	var held []string
	for _, m := range r.ments {
		if organisationNamed(m) && !funders[m.id] {
			counts[m.id]++
			if byID[m.id] == nil {
				byID[m.id] = m
				if heldUnder[m.id] {
					held = append(held, m.id)
				}
			}
		}
	}
	if len(held) == 1 {
		return byID[held[0]] // "The summit of ECOWAS ... with the support of the EU"
	}
	best, tie := "", false
	for id, n := range counts {
		switch {
		case best == "" || n > counts[best]:
			best, tie = id, false
		case n == counts[best]:
			tie = true
		}
	}
	if best != "" && tie {
		return r.titledAmong(counts, counts[best]) // "Plateforme ... (PCJS)" over its page: the one the title names
	}
	if best == "" {
		return nil
	}
	return byID[best]
}

// titledAmong returns the one organisation named most often (n times) that the
// document's title line names, nil when none or several are.
func (r *run) titledAmong(counts map[string]int, n int) *mention {
	var found *mention
	for _, m := range r.ments {
		if !organisationNamed(m) || counts[m.id] != n || r.d.Tokens[m.first].Sentence != 0 {
			continue
		}
		if found != nil && found.id != m.id {
			return nil
		}
		found = m
	}
	return found
}

// organisationNamed reports whether m names an organisation, by its name or an acronym.
func organisationNamed(m *mention) bool {
	return (m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody) && m.id != ""
}

// memberTurn is a meeting attended by the member states of a body: "i rappresentanti dei
// dieci Paesi dell'Iniziativa", "the member states of the Council".
type memberTurn struct {
	meeting *meeting
	body    string
	span    text.Span
}

// memberStatesOf returns the body in "the (ten) (member) states of X", "les États
// membres de X", "i Paesi (aderenti) del X" within [first, last), or nil.
func (r *run) memberStatesOf(first, last int) *mention {
	for k := first; k < last; k++ {
		if !stateNouns[r.fold(k)] || r.at[k] != 0 {
			continue
		}
		j := k + 1
		for j < last && j-k <= 3 && (memberWords[r.fold(j)] || ofWords[r.fold(j)]) && r.at[j] == 0 {
			j++
		}
		of := j > k+1 && ofWords[r.fold(j-1)]
		if of && j < last && articles[r.fold(j)] && r.at[j] == 0 {
			j++ // "of the EU", "de l'UE"
		}
		if m := r.mentionAt(j); of && m != nil && m.first == j && r.isOrganisation(m) {
			return m
		}
	}
	return nil
}

// membersTakePart adds the states the document lists as members of a body to the meetings
// "the member states of" that body attended; it runs after memberships.
func (r *run) membersTakePart() {
	for _, t := range r.memberTurns {
		if t.meeting == nil {
			continue // no meeting was reported after them
		}
		id := t.meeting.id(r.g.doc)
		for _, e := range r.g.edges {
			if e.Kind == fixtures.EdgeMemberOf && e.To == t.body && strings.HasPrefix(e.From, "state:") {
				r.g.edge(fixtures.EdgeParticipatedIn, e.From, id, t.span, "participant")
			}
		}
	}
}

// joinedBody reports whether the verb of membership at v has the body joined right before
// it, after the preposition or article that introduces it: "All'IAI aderiscono A, B".
func (r *run) joinedBody(v, last int) bool {
	if longestPrefix(r.d, v, last, memberVerbs) == 0 {
		return false
	}
	body := r.mentionAt(v - 1)
	return body != nil && organisationNamed(body) && body.first > 0 && verbGlue[r.fold(body.first-1)]
}
