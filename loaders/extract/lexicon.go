package extract

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente/loaders/text"
)

// The words the rules read live in lexicon/<language>.txt, one file a language, list by
// list. The rules read the union of the languages (a document quotes names and titles in
// other languages). Adding a language is adding its file; adding a word is adding a line.

//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// lexiconEntry is one line of a list: folded words and, for some lists, a value.
type lexiconEntry struct{ words, value string }

// lexicon is one language's lists, by name.
type lexicon map[string][]lexiconEntry

// lexicons holds every language's lexicon, by language code.
var lexicons = mustLoadLexicons()

// lexiconLists records the lists the code reads, so a test can check that every list of
// the data is read (a misspelt list name would otherwise be ignored).
var lexiconLists = map[string]bool{}

func mustLoadLexicons() map[string]lexicon {
	out, err := loadLexicons(lexiconFiles)
	if err != nil {
		panic(err) // the files are embedded: a broken one is a broken build, caught by the tests
	}
	return out
}

// loadLexicons reads every lexicon/<lang>.txt: "[list]" starts a list, "words" or
// "words = value" is an entry, "#" starts a comment.
func loadLexicons(files fs.FS) (map[string]lexicon, error) {
	paths, err := fs.Glob(files, "lexicon/*.txt")
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no lexicon files: %v", err)
	}
	out := map[string]lexicon{}
	for _, p := range paths {
		data, err := fs.ReadFile(files, p)
		if err != nil {
			return nil, err
		}
		lex, list := lexicon{}, ""
		for n, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "" || strings.HasPrefix(line, "#"):
			case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
				list = strings.TrimSpace(line[1 : len(line)-1])
			case list == "":
				return nil, fmt.Errorf("%s:%d: an entry before the first [list]", p, n+1)
			default:
				words, value, _ := strings.Cut(line, "=")
				words = strings.Join(strings.Fields(words), " ")
				if words == "" || words != text.Fold([]rune(words)) {
					return nil, fmt.Errorf("%s:%d: %q is not folded (lower case, no accents)", p, n+1, words)
				}
				lex[list] = append(lex[list], lexiconEntry{words, strings.TrimSpace(value)})
			}
		}
		out[strings.TrimSuffix(path.Base(p), ".txt")] = lex
	}
	return out, nil
}

// entries returns a list's entries in every language, in a stable order.
func entries(list string) []lexiconEntry {
	lexiconLists[list] = true
	var out []lexiconEntry
	for _, lang := range []string{"en", "fr", "it"} {
		out = append(out, lexicons[lang][list]...)
	}
	for lang, lex := range lexicons {
		if lang != "en" && lang != "fr" && lang != "it" {
			out = append(out, lex[list]...)
		}
	}
	return out
}

// words is the set of a list's entries, in every language.
func words(list string) map[string]bool {
	out := map[string]bool{}
	for _, e := range entries(list) {
		out[e.words] = true
	}
	return out
}

// values maps a list's entries to their values, in every language.
func values(list string) map[string]string {
	out := map[string]string{}
	for _, e := range entries(list) {
		out[e.words] = e.value
	}
	return out
}

// phrases returns a list's entries split in words, in every language.
// phraseWords is the words of a phrase, for byFirstWord.
func phraseWords(p []string) []string { return p }

func phrases(list string) [][]string {
	var out [][]string
	for _, e := range entries(list) {
		out = append(out, strings.Fields(e.words))
	}
	return out
}

// entriesOf returns the entries of a list, in every language.
func entriesOf(list string) []string {
	var out []string
	for _, e := range entries(list) {
		out = append(out, e.words)
	}
	return out
}

// byLanguage returns a list's entries for each language, for the rules whose words differ
// by language: "a" is an article in English, a preposition of place in Italian and French.
func byLanguage(list string) map[string]map[string]bool {
	lexiconLists[list] = true
	out := map[string]map[string]bool{}
	for lang, lex := range lexicons {
		out[lang] = map[string]bool{}
		for _, e := range lex[list] {
			out[lang][e.words] = true
		}
	}
	return out
}

// agencyHeads are the nouns a national body's name is built on.
var agencyHeads = words("agency heads")

// strongHeads start a new body when they follow "of"/"di"/"du": the body before is part of it.
var strongHeads = words("strong heads")

// connectors may stand inside a name between content words.
var connectors = words("connectors")

// notNameWords end a recognised name: generic nouns that follow a head without naming a body.
var notNameWords = words("not name words")

// titleWords mark a person's title or function.
var titleWords = words("title words")

// ministerWords name a minister; the ministry is found by reading the title as "ministry ...".
var ministerWords = values("minister words")

// ministerPhrase is a title of several words that names a minister, with the noun of the
// ministry.
type ministerPhrase struct {
	words    []string
	ministry string
}

// ministerPhrasesByFirst are the titles of several words that name a minister, by their
// first word: "secrétaire d'État", "Sottosegretario di Stato".
var ministerPhrasesByFirst = func() map[string][]ministerPhrase {
	var out []ministerPhrase
	for _, e := range entries("minister phrases") {
		out = append(out, ministerPhrase{strings.Fields(e.words), e.value})
	}
	return byFirstWord(out, func(p ministerPhrase) []string { return p.words })
}()

// combiningForms are the forms of a state that open a hyphenated pair of adjectives
// ("italo-albanese"), with the state's code.
var combiningForms = values("combining forms")

// pairNounsWithoutParties are the borders and wars a hyphenated pair of states qualifies
// without naming parties.
var pairNounsWithoutParties = words("pair nouns without parties")

// portfolioPrepositions map the preposition a minister's title puts before its portfolio
// to the one of the ministry's name: "all'Interno" to "dell'Interno".
var portfolioPrepositions = values("portfolio prepositions")

// portfoliosBefore are the portfolios English writes before a minister's title, with
// the words they stand for in the ministry's name: "Interior Minister".
var portfoliosBefore = values("portfolios before titles")

// portfolioTitles are the titles a portfolio before them makes a minister's.
var portfolioTitles = words("portfolio titles")

// purposePrepositions introduce a minister's portfolio as "of" does: "Minister for Home
// Affairs", "ministro per gli Affari interni".
var purposePrepositions = words("purpose prepositions")

// stateRanks follow "Minister of" in a rank, not a portfolio: "Minister of State",
// "ministre d'État", "ministro di Stato".
var stateRanks = words("state ranks")

// patronymicParticles say whose son or house a name is: "ben", "van", "von".
var patronymicParticles = words("patronymic particles")

// nameParticles may stand inside a person's name in lower case.
var nameParticles = words("name particles")

// cueVariants lets a cue's preposition stand in its articulated forms: "attuato da"
// also matches "attuato dall'".
var cueVariants = valueSets("variants")

// valueSets maps a list's entries to the set of the words of their values, in every
// language ("da = dal dalla dall'").
func valueSets(list string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, e := range entries(list) {
		if out[e.words] == nil {
			out[e.words] = map[string]bool{}
		}
		for _, w := range strings.Fields(e.value) {
			out[e.words][w] = true
		}
	}
	return out
}

// notPersonPlaces are words of regions written in capitals that are not names.
var notPersonPlaces = words("not person places")

// honorifics are title words that say nothing of a function.
var honorifics = words("honorifics")

// notPersonWords are capitalised words that never start or continue a person's name.
var notPersonWords = words("not person words")

// Meeting head nouns and their subtype.
var meetingHeads = values("meeting heads")

// articleMeetingHeads name a meeting only right after an article, being adjectives
// elsewhere: "un bilaterale con il ministro", not "l'incontro bilaterale".
var articleMeetingHeads = values("article meeting heads")

// cueAdverbs may stand inside a cue phrase, after its first word: "a également organisé".
var cueAdverbs = words("cue adverbs")

// meetingCoref words refer back to the meeting being reported.
var meetingCoref = words("meeting coreference")

// sceneLabels open the labelled lines of agendas and minutes that say when or where:
// "Quando:", "Lieu :", "Venue:".
var sceneLabels = words("scene labels")

// untilWords end the days of a meeting: "jusqu'au 9 juin", "until 9 June", "fino al 9
// giugno" (the last word before the date).
var untilWords = words("until words")

// relativePronouns and relativeCopulas open a relative clause that gives a person one
// more title: ", who is also", ", qui est également", ", che è anche".
var (
	relativePronouns = words("relative pronouns")
	relativeCopulas  = words("relative copulas")
)

// wherePlaceLabels are the scene labels that say where: "Dove:", "Lieu :", "Venue:".
var wherePlaceLabels = words("where labels")

// Cue phrases, folded and tokenised, by the relation they introduce.
type cueKind int

const (
	cueOrganiser cueKind = iota + 1
	cueOrganiserBefore
	cueParticipant
	cueSpeaker
	cueChair
	cueCollaboration
	cueImplementer
	cueImplementsBefore
	cueLaunched
	cueFunder
	cueFundsBefore
	cueFramework
	cueOnBehalf
	cueBetween
	cueAdopted
	cueSigned
	cueGivesMoney   // "Japan has given USD 1.5 million to the X Programme": funding when an amount is written
	cueCoordination // "implemented by UNODC in coordination with the WCO": a partner of the implementer only
)

// cueLists names the lexicon list of each kind of cue.
var cueLists = map[cueKind]string{
	cueOrganiser: "cue organiser", cueOrganiserBefore: "cue organiser before", cueParticipant: "cue participant",
	cueSpeaker: "cue speaker", cueChair: "cue chair", cueCollaboration: "cue collaboration",
	cueImplementer: "cue implementer", cueImplementsBefore: "cue implements before", cueLaunched: "cue launched",
	cueFunder: "cue funder", cueFundsBefore: "cue funds before", cueFramework: "cue framework",
	cueOnBehalf: "cue on behalf", cueBetween: "cue between", cueAdopted: "cue adopted", cueSigned: "cue signed",
	cueParticipantVerb: "cue participant verb", cueAmong: "cue among", cueGivesMoney: "cue gives money",
	cueCoordination: "cue coordination",
}

// cuePhrasesByLanguage are the cue phrases of every kind in each language: a document is
// read with its own language's cues ("finances" is a verb of funding in English only).
var cuePhrasesByLanguage = func() map[string]map[cueKind][]string {
	out := map[string]map[cueKind][]string{}
	for _, list := range cueLists {
		lexiconLists[list] = true
	}
	for lang, lex := range lexicons {
		out[lang] = map[cueKind][]string{}
		for kind, list := range cueLists {
			for _, e := range lex[list] {
				out[lang][kind] = append(out[lang][kind], e.words)
			}
		}
	}
	return out
}()

// memorandumHeads are the nouns of a memorandum; a memorandum needs one and a signing verb.
var memorandumHeads = phrases("memorandum heads")

// memorandumHeadsByFirst are memorandumHeads by their first word.
var memorandumHeadsByFirst = byFirstWord(memorandumHeads, phraseWords)

// roadmapHead is a roadmap's head noun with its subtype.
type roadmapHead struct {
	words   []string
	subtype string
}

// roadmapHeads are the heads of roadmaps, action plans and declarations with their subtype.
var roadmapHeads = func() []roadmapHead {
	var out []roadmapHead
	for _, e := range entries("roadmap heads") {
		out = append(out, roadmapHead{strings.Fields(e.words), e.value})
	}
	return out
}()

// roadmapHeadsByFirst are roadmapHeads by their first word.
var roadmapHeadsByFirst = byFirstWord(roadmapHeads, func(h roadmapHead) []string { return h.words })

// projectHeads introduce a named project, programme or initiative.
var projectHeads = words("project heads")

// projectNouns name a project and nothing else: a "training project" is no course.
var projectNouns = words("project nouns")

// nameStops end a roadmap or project name written in running text.
var nameStops = words("name stops")

// months maps folded month names in the three languages to their number.
var months = func() map[string]int {
	out := map[string]int{}
	for w, v := range values("months") {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 12 {
			panic(fmt.Sprintf("lexicon: month %q has number %q", w, v))
		}
		out[w] = n
	}
	return out
}()

// stopWords are left out of slugs built from names.
var stopWords = words("stop words")

// locatives introduce a place: a state after them is where, not who.
var locatives = byLanguage("locatives")

// anyLocatives are the locatives of every language: in a name, where its body sits
// ("OSCE Centre in Ashgabat").
var anyLocatives = words("locatives")

// placePrepositions say that the states after them, listed or alone, are where something
// is: "i detenuti in Austria, Belgio e Francia". Unlike "au" or "a", they are never dative.
var placePrepositions = byLanguage("place prepositions")

// conjunctions join two bodies: "la Police nationale et la Garde nationale".
var conjunctions = words("conjunctions")

// ofConnectors say whose a body is: "Service ... du Bureau", "Ufficio del Dipartimento".
var ofConnectors = words("of connectors")

// supranationalWords make a recognised body an organisation, not a state's agency.
var supranationalWords = words("supranational words")

// bodyHeads start the names of international bodies.
var bodyHeads = words("body heads")

// ofPrepositions continue a name after "e"/"et": "dell'Immigrazione e della Polizia".
var ofPrepositions = words("of prepositions")

// capitalisedHeads are agency heads that name a body only when capitalised ("la Regione
// Veneto", not "la regione del Mediterraneo").
var capitalisedHeads = words("capitalised heads")

// projectPlurals are project nouns in the plural, before (or, in English, after) a list
// of the projects' code names.
var projectPlurals = words("project plurals")

// ofPrepositionsOf are the of-prepositions of each language, which tell the language a
// body's name is written in.
var ofPrepositionsOf = byLanguage("of prepositions")

// speakingStates are, by language, the states where it is an official language: a body
// named in French inside an Italian text is of one of them.
var speakingStates = valueSets("language states")

// ---- Bodies: organisations, agencies, projects and roadmaps (bodies.go) ----

// nameConnectors may also stand inside a body's name after its head ("Istituto per la
// Formazione alla Polizia Scientifica").
var nameConnectors = words("name connectors")

// headFollowers may follow the head of an English name: "Directorate General".
var headFollowers = words("head followers")

// internationalWords make a name international: before the head in English, right
// after it in Italian and French ("Centro Internazionale").
var internationalWords = words("international words")

// regionWords are continents, regions and their adjectives: a body named with one is a
// regional organisation, not a state's agency.
var regionWords = words("region words")

// unitPrepositions put a unit in the organisation named after it: "Unit at the OSCE".
var unitPrepositions = words("unit prepositions")

// rankModifiers start a person's title, never a body's name: "Senior State Prosecutor".
var rankModifiers = words("rank modifiers")

// courseNouns name courses: 'i corsi "Formed Police Unit"' titles a course, not a unit.
var courseNouns = words("course nouns")

// serviceRanks are the ranks of armed and police corps: "Generale", "Colonel".
var serviceRanks = words("service ranks")

// nationalWords make a body named with an organisation's head a state's own: "State
// Committee for National Security", "Comitato statale".
var nationalWords = words("national words")

// organisationHeads start the names of bodies that are organisations, not agencies.
var organisationHeads = words("organisation heads")

// actionHeads name a programme's action when capitalised after a code name: "the
// MARLIN Action".
var actionHeads = words("action heads")

// romanNumerals may follow a programme's code name: "FIN II".
var romanNumerals = words("roman numerals")

// projectComplements join a programme's name to its subject: "Programme on Countering ...".
var projectComplements = words("project complements")

// organWords are the standing organs of an organisation, with the suffix of their id.
var organWords = values("organ words")

// organQualifiers may stand between an organ and its organisation: "Secrétariat
// permanent de la CEEAC", "Secretariat General of".
var organQualifiers = words("organ qualifiers")

// regionalWords make an English name regional also after its head ("Committee of the
// Regional Anti-Drug Centre"); "international" there is often a national
// unit's field ("Directorate of International Cooperation").
var regionalWords = words("regional words")

// documentHeads name a document a body can adopt or be party to, with its subtype.
var documentHeads = values("document heads")

// documentKinds are the kinds of named documents: "convention", "treaty", "charter".
var documentKinds = func() map[string]bool {
	out := map[string]bool{}
	for _, kind := range documentHeads {
		out[kind] = true
	}
	return out
}()

// documentTopics say what a document in lower case is about: "strategia di lotta
// contro la pirateria", "déclaration d'intention en matière de formation".
var documentTopics = words("document topics")

// passiveAuxiliaries stand before a participle whose agent follows: "was carried out by",
// "è stato attuato da", "a été mis en œuvre par".
var passiveAuxiliaries = words("passive auxiliaries")

// possessiveRelatives open a relative clause whose subject is not the main clause's:
// "dont", "whose", "cui".
var possessiveRelatives = words("possessive relatives")

// placeDocumentHeads name a document only with the town after them: "l'accord de
// Schengen", "gli accordi di Tournai" (not "un accord de coopération").
var placeDocumentHeads = values("place document heads")

// foundingDocumentWords make a treaty or charter the one that founds a body: "founding
// treaty", "traité constitutif", "trattato istitutivo".
var foundingDocumentWords = words("founding document words")

// pluralTitles are office holders in the plural: inside a body's name they name its
// members ("Comité des chefs de police", "Council of Heads of State").
var pluralTitles = words("plural titles")

// systemWords name systems and networks, whose names hold a body's name without being
// one ("Police Information System").
var systemWords = words("system words")

// servesWords introduce the region an organisation's office serves: "pour l'Afrique de l'Est".
var servesWords = words("serves words")

// workingGroups are the nouns of a working group's name.
// topicPrepositions open what a working group is about: "Groupe de travail pour l'Afrique
// de l'Ouest", "Gruppo di lavoro sul contrasto al finanziamento".
var topicPrepositions = words("topic prepositions")

var workingGroups = phrases("working groups")

// workingGroupsByFirst are workingGroups by their first word.
var workingGroupsByFirst = byFirstWord(workingGroups, phraseWords)

// moreAgencyHeads are further head nouns of national bodies ("Border Force"), added to
// agencyHeads here to keep this block apart from the shared lists.
var moreAgencyHeads = words("more agency heads")

// headLast are heads that end a name and never start one: "Border Force", not "Force
// Protection and Training".
var headLast = words("head last")

func init() {
	for w := range moreAgencyHeads {
		agencyHeads[w] = true
	}
}

// seatPrepositions put a town in a body's name as its seat: "Questura di Milano".
var seatPrepositions = words("seat prepositions")

// arrangementHeads name further agreements between two bodies, read like memorandum
// heads: working arrangements, letters of understanding, declarations of intent.
var arrangementHeads = phrases("arrangement heads")

// arrangementHeadsByFirst are arrangementHeads by their first word.
var arrangementHeadsByFirst = byFirstWord(arrangementHeads, phraseWords)

// signingNouns say that a text was signed when no signing verb does: "la signature de
// l'accord". ("firma" is left out: "reca la firma del Generale" names signatories by
// their units, not the parties.)
var signingNouns = words("signing nouns")

// researchHeads and researchWords make a research institute or think tank: "Institut
// d'études stratégiques", "Institute for Security Studies".
var researchHeads = words("research heads")

var researchWords = words("research words")

// abbreviatedHeads are heads written abbreviated with a full stop: "Dip. P.S.".
var abbreviatedHeads = words("abbreviated heads")

// yearPlanHeads name a plan with its horizon year: "Vision 2040", "Agenda 2063".
var yearPlanHeads = words("year plan heads")

// unitFields after "International" name a national unit's field, not an international
// body: "the International Cooperation Department", "International Relations Office".
var unitFields = words("unit fields")

// ---- Persons and affiliations (persons.go) ----

// titleAbbrevs are abbreviated titles and ranks written with a full stop before a name
// ("Col. Francesco Fallica", "Gen. B. Vito Giordano", "Dr. Bakri", "S.E."); a single
// capital letter with a full stop is read the same way.
var titleAbbrevs = words("title abbrevs")

// personHonorifics are words of address written before a name ("dottor Andrei ...",
// "His Excellency ..."): they announce a person but name no function.
var personHonorifics = words("person honorifics")

// extraTitleWords are functions, ranks and their plurals that may stand before or after
// a name; they are added to titleWords.
var extraTitleWords = entriesOf("extra title words")

// titleModifiers are adjectives that stand inside a title in lower case ("haute
// conseillère", "direttore esecutivo", "directeur régional").
var titleModifiers = words("title modifiers")

// rankPhrases are military and police ranks of several words, read before agencies so
// that "Generale di Corpo d'Armata" or "Gen. D'armata" is not taken for a body.
var rankPhrases = entriesOf("rank phrases")

// titleLocatives introduce where an office holder serves: a state after them is the
// host, not whom the person works for ("Ambassador to Uganda", "ambasciatore a Buenos Aires").
var titleLocatives = byLanguage("title locatives")

// employerLinks introduce the body a unit belongs to inside a title: "Head of X Unit at
// the OSCE Secretariat", "Deputy Head of the Division ... at the Spanish National Police".
var employerLinks = words("employer links")

// indefiniteArticles may open an apposition: "Karim Idrissi, a Moroccan prosecutor".
var indefiniteArticles = words("indefinite articles")

// articles are the definite articles a body's name may follow ("at the OSCE").
var articles = words("articles")

// languageStates give the state a ministry named without one belongs to, by the
// language of the release: an Italian "ministro della Giustizia" is Italy's. French and
// English are written by too many governments to say.
var languageStates = map[string]string{"it": "IT"}

// titleAdverbs may stand between a name and the title after it ("X, da poco Lord
// Chancellor", "Y, now Director of ...").
var titleAdverbs = words("title adverbs")

// bodyAnaphors are generic nouns that, with a definite article, refer back to the body
// named before ("le président de l'agence").
var bodyAnaphors = words("body anaphors")

// definite are the definite articles and articulated prepositions before a noun.
var definite = words("definite")

// directorBodies give the body a director heads, by the title word: a "directeur
// général de X" heads the "direction générale de X".
var directorBodies = values("director bodies")

// notDirectorates are the words after "directeur de" that name no body ("directeur de
// cabinet", "direttore di ricerca").
var notDirectorates = words("not directorates")

// directorateStops end a body's name read from a director's title: what follows says
// what the director is in charge of ("chargé de la coordination").
var directorateStops = words("directorate stops")

// leadVerbs say who leads a delegation: "guidata dal", "led by", "conduite par".
var leadVerbs = words("lead verbs")

// headVerbs say, in a relative clause after a name, that the person heads a body: ", who
// chairs X", ", qui préside X", ", che dirige X".
var headVerbs = phrases("head verbs")

// relativePossessives open a relative clause about a body's head: "the Federal Police,
// whose Executive Director, X", "la DGSN, dont le directeur général, X".
var relativePossessives = words("relative possessives")

// delegationWords name a delegation or mission sent by a body.
var delegationWords = words("delegation words")

// notNameNouns are capitalised nouns of institutions that a title may end with
// ("Président de la République Emmanuel Macron"): never part of a person's name.
var notNameNouns = words("not name nouns")

// personFrom says where a person named without a title comes from: "X from Europol".
var personFrom = words("person from")

// forceHeads name a national police or customs force by their head word alone: "il Capo
// della Polizia", "le chef de la Police".
var forceHeads = words("force heads")

// embassyWords name a state's embassy, the body of diplomats and attachés.
var embassyWords = words("embassy words")

// collegeTitles give the college a European member's title belongs to: a European
// Commissioner sits in the European Commission.
var collegeTitles = values("college titles")

// leadingParticles may open a family name written right after a title ("President von
// der Leyen").
var leadingParticles = words("leading particles")

// counterpartWords name a person by the other side: "his counterpart X" does not share
// the affiliation of the person before.
var counterpartWords = words("counterpart words")

// listIntroducers open a list of persons after a title that heads them ("deux ministres
// togolais : A, ... et B", "delegates of X, namely A, B").
var listIntroducers = words("list introducers")

// stateNouns count states before the list that names them: "from three countries (A, B and C)".
var stateNouns = words("state nouns")

// memberWords say the states named are a body's members: "the member states of X".
var memberWords = words("member words")

func init() {
	for _, w := range extraTitleWords {
		titleWords[w] = true
	}
	for w := range personHonorifics {
		honorifics[w] = true
	}
	// Italian and French write "vice" into the word: viceministra, vicedirettore, vicequestore.
	for w := range titleWords {
		if !strings.HasPrefix(w, "vice") && !strings.Contains(w, " ") {
			titleWords["vice"+w] = true
		}
	}
	for w, ministry := range ministerWords {
		if !strings.HasPrefix(w, "vice") {
			ministerWords["vice"+w] = ministry
		}
	}
	// "under" opens a title only with "Secretary" ("Under-Secretary-General"), which is one.
	delete(titleWords, "under")
	notPersonWords["under"] = true
}

// ---- Meetings, participation and project relations (events.go, meetings.go, dates.go) ----

// weekdays are the folded day names (and English abbreviations) that may stand before
// the date of a dateline.
var weekdays = words("weekdays")

// Cue kinds of this block, numbered apart from the list above.
const (
	// cueParticipantVerb: a verb of taking part whose subject comes before it ("A and B
	// took part"), or after it in an inverted clause ("vi hanno partecipato A e B").
	cueParticipantVerb cueKind = iota + 100
	// cueAmong: a list of participants after "among them".
	cueAmong
)

// gappedParticiples are participles whose agent follows after a few words ("mis en
// œuvre depuis 2019 par", "held in Vienna by"), with the cue they make, by first word.
var gappedParticiples = func() map[string][]cuePhrase {
	var out []cuePhrase
	for _, kind := range []cueKind{cueImplementer, cueFunder, cueOrganiser} {
		for _, e := range entries("gapped " + strings.TrimPrefix(cueLists[kind], "cue ")) {
			out = append(out, cuePhrase{strings.Fields(e.words), kind})
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i].words) > len(out[j].words) })
	byFirst := map[string][]cuePhrase{}
	for _, p := range out {
		byFirst[p.words[0]] = append(byFirst[p.words[0]], p)
	}
	return byFirst
}()

// fundingNouns and fundingVerbs make "the funding of X is provided by Y" a funder cue.
var fundingNouns = words("funding nouns")

// fundingVerbs say who provides the funding named before them.
var fundingVerbs = words("funding verbs")

// byWords introduce the agent of a passive.
var byWords = words("by words")

// participantGroups are nouns for people sent by a body or a country: their origin
// ("participants from A and B", "représentants de la SADC") takes part.
var participantGroups = words("participant groups")

// nationalMeetingWords qualify a meeting held for the services of its host state.
var nationalMeetingWords = words("national meeting words")

// governmentHeads are the titles of heads of government and of state, whose state is the document's
// when the title names none.
var governmentHeads = phrases("government heads")

// governmentWords name a state's executive an agency may be placed under: "under the
// Government of X".
var governmentWords = words("government words")

// tutelagePhrases put a body under another, its parent: "sous la tutelle du".
var tutelagePhrases = phrases("tutelage phrases")

// eponymousHeads head the names of bodies named after people, who may be several:
// "Fondazione Giovanni e Francesca Falcone".
var eponymousHeads = words("eponymous heads")

// guestHeads are the heads of bodies a host receives as guests: "the chiefs of police".
var guestHeads = words("guest heads")

// weekdayNumbers are the full folded weekday names, for "on Monday", "giovedì".
var weekdayNumbers = map[string]time.Weekday{
	"monday": time.Monday, "lundi": time.Monday, "lunedi": time.Monday,
	"tuesday": time.Tuesday, "mardi": time.Tuesday, "martedi": time.Tuesday,
	"wednesday": time.Wednesday, "mercredi": time.Wednesday, "mercoledi": time.Wednesday,
	"thursday": time.Thursday, "jeudi": time.Thursday, "giovedi": time.Thursday,
	"friday": time.Friday, "vendredi": time.Friday, "venerdi": time.Friday,
	"saturday": time.Saturday, "samedi": time.Saturday, "sabato": time.Saturday,
	"sunday": time.Sunday, "dimanche": time.Sunday, "domenica": time.Sunday,
}

// genericHeads are meeting nouns that do not say what kind of meeting it is.
var genericHeads = words("generic heads")

// eventParts are plural heads that name the parts of one event: "the sessions".
var eventParts = words("event parts")

// pluralHeads name several meetings at once.
var pluralHeads = values("plural heads")

// qualifierWords tell one meeting from another of the same kind.
var qualifierWords = words("qualifier words")

// headquarters are the nouns of a body's seat: the body named after them hosts the meeting.
var headquarters = words("headquarters")

// statutoryHeads are the meetings a body holds as itself: "the OSCE summit", "the
// African Union Summit", "the INTERPOL General Assembly".
var statutoryHeads = words("statutory heads")

// statutoryAdjectives may stand between the body and its meeting.
var statutoryAdjectives = words("statutory adjectives")

// verbWords are verb forms that may follow or precede a meeting noun.
var verbWords = words("verb words")

// occasionWords refer to a meeting even before one is named: "in quell'occasione".
var occasionWords = words("occasion words")

// compositionWords say what a group is made of: "made up of", "composé de", "composto da".
var compositionWords = words("composition words")

// duringWords place an action during a meeting: "pendant la réunion", "during the event".
var duringWords = words("during words")

// demonstratives point back to the meeting reported: "cette réunion", "this workshop".
var demonstratives = words("demonstratives")

// consortiumWords name a group of bodies that implements together.
var consortiumWords = words("consortium words")

// ceremonyWords name a ceremony on their own ("the ceremony", "la cérémonie", "la
// cerimonia"), unlike "signature" or "firma", which name one only with what was signed.
var ceremonyWords = words("ceremony words")

// precedingWords introduce a meeting held before the one reported ("preceded by").
var precedingWords = words("preceding words")

// reflexiveHeads are meeting heads only after reflexiveAuxiliaries: "il comitato si è
// riunito", "le comité s'est réuni", not "ha riunito i magistrati".
var reflexiveHeads = words("reflexive heads")

// reflexiveAuxiliaries are the verbs before a reflexive head.
var reflexiveAuxiliaries = words("reflexive auxiliaries")

// ordinalNumbers maps the ordinals written in words, which number the editions of a
// meeting ("la deuxième formation", "the second training"), to their numbers: "deuxième"
// 2. Numbers written "2e", "2nd", "2ª" are read by ordinalAt.
var ordinalNumbers = values("ordinals")

// objectPronouns stand after a verb for what was spoken of before: "UNODC implements it".
var objectPronouns = words("object pronouns")

// cliticPronouns stand before a verb for what was spoken of before, in French and
// Italian: "L'OLAF lo ha cofinanziato", "l'Union européenne le finance".
var cliticPronouns = byLanguage("clitic pronouns")

// withWords introduce whom one meets: "met with", "un incontro con", "une réunion avec".
var withWords = words("with words")

// meetingVerbs are verbs of meeting someone: a meeting only when someone is met.
var meetingVerbs = words("meeting verbs")

// datedHeads are nouns that name a meeting, with its kind, only in a sentence that gives
// its day: "une formation s'est tenue du 3 au 5 mai", not "la formation des enquêteurs".
// datedHeadsOf says in which language: "le stage s'est tenu le 3 mai", not "at this stage".
var (
	datedHeads   = values("dated heads")
	datedHeadsOf = byLanguage("dated heads")
)

// nounVerbs are meeting nouns that are verbs too: a meeting only after an article ("the launch").
var nounVerbs = words("noun verbs")

// openingWords make a meeting noun the opening or closing of the meeting reported.
var openingWords = words("opening words")

// seriesWords before a meeting noun make it a series of meetings.
var seriesWords = words("series words")

// eventHeads are meeting nouns of this block, added to meetingHeads.
var eventHeads = values("event heads")

// delegationNouns are the group nouns a state adjective can qualify: "la délégation
// ivoirienne", "the Kenyan delegation".
var delegationNouns = words("delegation nouns")

// originWords stand between a group and where it comes from: "venus du Tchad",
// "coming from", "provenienti da".
var originWords = words("origin words")

// fromWords say where a group comes from.
var fromWords = words("from words")

// ofWords say whose a group is.
var ofWords = words("of words")

// aboutWords say what a meeting is about: "il vertice sul progetto", "a workshop on".
var aboutWords = words("about words")

// numberWords are small numbers written out, counting the people of a group.
var numberWords = words("number words")

// numberValues are the numbers written as words, for "the three countries".
var numberValues = values("number values")

// listGlue are the words that join the items of a coordinated list of names.
var listGlue = words("list glue")

// clauseCuts end a clause inside a sentence: what follows is read on its own.
var clauseCuts = words("clause cuts")

// init adds this block's cue phrases, meeting nouns and list-starting cues to the tables
// above.
func init() {
	for w, sub := range eventHeads {
		meetingHeads[w] = sub
	}
	for _, kind := range []cueKind{cueParticipantVerb, cueAmong} {
		startsList[kind] = true
	}
}

// representedBy open an apposition naming the body that acts for the subject: "La
// Commission européenne, représentée par l'OLAF, organise".
var representedBy = byFirstWord(phrases("represented by"), phraseWords)

// meetingSubjects are collective nouns that can be the subject of "met" with a place
// after it: "the steering committee met in Tashkent".
var meetingSubjects = words("meeting subjects")

// proceedingsHeads name the proceedings of a meeting: a meeting when the sentence gives
// its day and no complement says whose they are ("ai lavori, svoltisi il 3 marzo").
var proceedingsHeads = values("proceedings heads")

// proceedingsArticles are the articles a proceedings head takes to name a meeting: "ai
// lavori", "les travaux", not "deux jours de travaux".
var proceedingsArticles = words("proceedings articles")

// stateWords are words of a body's name that only some states use, with those states
// (ISO codes): "federale" is of a federal state, "cantonale" of Switzerland.
var stateWords = valueSets("state words")
