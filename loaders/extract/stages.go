package extract

import (
	"sort"
	"strconv"

	"github.com/entente/entente/loaders/text"
)

// The extraction of one document is a pipeline of stages (spaCy's pipeline components are
// the model). Each reads what the stages before it produced and adds one result to the run:
//
//	stage          reads                                 adds
//	text.Analyse   the raw bytes                         *text.Doc: NFC text, fold, tokens, sentences, language
//	recognise      *text.Doc, gazetteer, lexicons        mentionSet: each listed or recognised name over its tokens
//	readDates      *text.Doc                             documentTime: every date written, the publication date
//	homeCountry    mentionSet                            home: the state the document is about
//	persons        *text.Doc, mentionSet, home           persons, their titles and employers, in the mentionSet
//	delegations    persons, the lines of a list          the employer a delegation's heading gives its members
//	resolve        mentionSet, home                      the id and state of every agency
//	counterparts   persons, resolved agencies            a counterpart's body, from the other side's
//	relate         all of the above                      the relations, in the fixture graph
//	emit           mentionSet                            the nodes and their spans, in the fixture graph
//
// A stage never changes what an earlier stage's output says about the text, with one
// exception kept on purpose: recognisers later in the list may take tokens over from the
// agencies found before them (mentionSet.replace), since a longer name wins, and may
// forget a mention read inside a longer name (foundingTreaties, bodyMeetingName).

// mentionSet is what recognition produces: the mentions, and which one covers each token.
type mentionSet struct {
	ments []*mention
	at    []int // token -> index+1 of the mention covering it, 0 when none
}

// documentTime is what readDates produces.
type documentTime struct {
	dates     []dateMention
	published string
	dateline  int    // where the publication date is written: not the date of an event
	alone     bool   // the publication date stands alone on its line: an agenda's day
	dispatch  string // the day of the dispatch being read, in a digest of several: "ROMA, 9 mag 2024 -"
}

// now is the day relative dates count from: the dispatch's, else the document's.
func (t *documentTime) now() string {
	if t.dispatch != "" {
		return t.dispatch
	}
	return t.published
}

// recognisers run in this order: the gazetteer first (listed names win), then each rule
// over the tokens the ones before it left free, then coreference within the document.
var recognisers = []struct {
	name string
	run  func(*run)
}{
	{"gazetteer", (*run).matchGazetteer},
	{"hyphenated pairs of states", (*run).statePairs},
	{"surnames that are states", (*run).surnamesNotStates},
	{"organs of other bodies", (*run).organsOfOthers},
	{"ranks", (*run).markRanks},
	{"places qualified by a state", (*run).placeQualifiers},
	{"towns starting a report's line", (*run).sceneTowns},
	{"towns after an agenda's label", (*run).fieldTowns},
	{"republics named by their adjective", (*run).republics},
	{"projects", (*run).recogniseProjects},
	{"seas and gulfs named after states", (*run).geographyNotStates}, // after projects: "Indian Ocean ... Initiative"
	{"agencies", (*run).recogniseAgencies},
	{"listed agencies of other states", (*run).agenciesOfOtherStates},
	{"roadmaps", (*run).recogniseRoadmaps},
	{"long forms of acronyms", (*run).acronymLongForms},
	{"acronyms in brackets", (*run).markAliases},
	{"names introduced as another's", (*run).knownAsAliases},
	{"founding treaties", (*run).foundingTreaties},
	{"agency coreference", (*run).agencyCoreference},
	{"organs", (*run).recogniseOrgans},
	{"working groups", (*run).recogniseWorkingGroups},
	{"groups named by an acronym or in quotes", (*run).recogniseNamedGroups},
	{"organisation coreference", (*run).organisationHeadCoreference},
	{"bodies of listed places", (*run).ellipticBodies},
	{"bodies by a head noun", (*run).bodyHeadAnaphors},
	{"course titles", (*run).courseTitlesNotBodies},
	{"bare heads inside names", (*run).bareHeadsInsideNames},
}

// analyse runs the stages after text.Analyse.
func (r *run) analyse() {
	for _, rec := range recognisers {
		rec.run(r)
	}
	r.documentTime = readDates(r.d)
	r.dropNewsCredit()
	r.home = r.homeCountry()
	r.recognisePersons()
	r.delegationLists()
	r.labelledLines()
	r.representatives()
	r.bareMinisters()
	r.counterpartMinistries()
	r.resolveAgencies()
	r.counterpartBodies()
	r.relate()
	r.emitMentions()
}

// dropNewsCredit drops the mention of the news agency a dateline credits in brackets
// ("RYAD, 24 fév 2008 (AFP) -"): Agence France-Presse, not the Australian Federal Police.
func (r *run) dropNewsCredit() {
	if r.dateline < 0 {
		return
	}
	for _, dm := range r.dates {
		if dm.start != r.dateline {
			continue
		}
		toks := r.d.Tokens
		k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= dm.end })
		if k+2 < len(toks) && r.fold(k) == "(" && r.fold(k+2) == ")" {
			if m := r.mentionAt(k + 1); m != nil {
				m.kind = ""
				r.at[k+1] = 0
			}
		}
		return
	}
}

// readDates finds every date written in d and the date the document was published.
func readDates(d *text.Doc) documentTime {
	dates := findDates(d.Fold)
	published, dateline, alone := publishedDate(d, dates)
	monthYears(dates)
	if published == "" {
		anchorYears(dates)
	} else {
		lookForward(dates, published)
	}
	return documentTime{dates: dates, published: published, dateline: dateline, alone: alone}
}

// monthYears gives a day written without its year the year of the month named with its
// year shortly before it: under "Febbraio 2025.", "dal 12 al 19 febbraio" is of 2025.
func monthYears(dates []dateMention) {
	const near = 400 // code points: the same section, not a page away
	for k := range dates {
		dm := &dates[k]
		if dm.pmonth == 0 || dm.isRelative {
			continue
		}
		for j := k - 1; j >= 0 && dm.start-dates[j].end < near; j-- {
			m := dates[j]
			if m.isRelative || m.pmonth > 0 || len(m.from) < 7 {
				continue
			}
			y, err1 := strconv.Atoi(m.from[:4])
			mo, err2 := strconv.Atoi(m.from[5:7])
			if err1 != nil || err2 != nil || mo != dm.pmonth {
				continue
			}
			dm.from = iso(y, dm.pmonth, dm.pday)
			if dm.pend > dm.pday {
				dm.to = iso(y, dm.pmonth, dm.pend)
			}
			dm.pmonth, dm.prec = 0, precDay
			break
		}
	}
}

// lookForward marks the days written without their year as the publication's year when
// the document names a later month with its year: it announces what comes.
func lookForward(dates []dateMention, published string) {
	forward := false
	for _, dm := range dates {
		forward = forward || dm.from != "" && dm.from[:min(7, len(dm.from))] > published[:7]
	}
	for k := range dates {
		dates[k].forward = forward
	}
}

// anchorYears gives a day written without its year the year of the last date written
// before it, in a document whose publication date is unknown: "en novembre 2021 ... Du 9
// au 11 novembre" is November 2021. dates are in the order of the text.
func anchorYears(dates []dateMention) {
	year := 0
	for k := range dates {
		dm := &dates[k]
		switch {
		case dm.pmonth > 0 && !dm.isRelative && year > 0:
			dm.from = iso(year, dm.pmonth, dm.pday)
			if dm.pend > dm.pday {
				dm.to = iso(year, dm.pmonth, dm.pend)
			}
			dm.pmonth, dm.prec = 0, precDay
		case !dm.isRelative && len(dm.from) >= 4:
			if y, err := strconv.Atoi(dm.from[:4]); err == nil {
				year = y
			}
		}
	}
}

// relate reads the relations: sentence by sentence around meetings, projects and
// agreements (events.go), then memberships from enumerations, and the members of a body
// at the meetings its member states attended (members.go).
func (r *run) relate() {
	r.events()
	r.memberships()
	r.foundingMembers()
	r.membersTakePart()
}
