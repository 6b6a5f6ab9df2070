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
// list. The lists below are the union of the languages (a document quotes names in other
// languages); the cue phrases are read per language (cuesOf). Adding a language is adding
// its file; adding a word is adding a line.

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
func phrases(list string) [][]string {
	var out [][]string
	for _, e := range entries(list) {
		out = append(out, strings.Fields(e.words))
	}
	return out
}

// set builds a word set from a space-separated list, for the few sets kept in code.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
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

// nameParticles may stand inside a person's name in lower case.
var nameParticles = words("name particles")

// cueVariants lets a cue's preposition stand in its articulated forms: "attuato da"
// also matches "attuato dall'".
var cueVariants = func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, e := range entries("variants") {
		if out[e.words] == nil {
			out[e.words] = map[string]bool{}
		}
		for _, w := range strings.Fields(e.value) {
			out[e.words][w] = true
		}
	}
	return out
}()

// notPersonPlaces are words of regions written in capitals that are not names.
var notPersonPlaces = words("not person places")

// honorifics are title words that say nothing of a function.
var honorifics = words("honorifics")

// notPersonWords are capitalised words that never start or continue a person's name.
var notPersonWords = words("not person words")

// Meeting head nouns and their subtype.
var meetingHeads = values("meeting heads")

// meetingCoref words refer back to the meeting being reported.
var meetingCoref = words("meeting coreference")

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
)

// cueLists names the lexicon list of each kind of cue.
var cueLists = map[cueKind]string{
	cueOrganiser: "cue organiser", cueOrganiserBefore: "cue organiser before", cueParticipant: "cue participant",
	cueSpeaker: "cue speaker", cueChair: "cue chair", cueCollaboration: "cue collaboration",
	cueImplementer: "cue implementer", cueImplementsBefore: "cue implements before", cueLaunched: "cue launched",
	cueFunder: "cue funder", cueFundsBefore: "cue funds before", cueFramework: "cue framework",
	cueOnBehalf: "cue on behalf", cueBetween: "cue between", cueAdopted: "cue adopted", cueSigned: "cue signed",
}

// cuePhrases are the cue phrases of every kind, in every language.
var cuePhrases = func() map[cueKind][]string {
	out := map[cueKind][]string{}
	for kind, list := range cueLists {
		for _, e := range entries(list) {
			out[kind] = append(out[kind], e.words)
		}
	}
	return out
}()

// memorandumHeads are the nouns of a memorandum; a memorandum needs one and a signing verb.
var memorandumHeads = phrases("memorandum heads")

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

// projectHeads introduce a named project, programme or initiative.
var projectHeads = words("project heads")

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
var locatives = words("locatives")

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

// ---- Bodies: organisations, agencies, projects and roadmaps (bodies.go) ----

// nameConnectors may also stand inside a body's name after its head ("Istituto per la
// Formazione alla Polizia Scientifica").
var nameConnectors = set(`al alla allo alle agli ai aux`)

// headFollowers may follow the head of an English name: "Directorate General".
var headFollowers = set(`general generale`)

// internationalWords make a name international: before the head in English, right
// after it in Italian and French ("Centro Internazionale").
var internationalWords = set(`international regional interregional internazionale internationale
	interregionale transnational`)

// regionWords are continents, regions and their adjectives: a body named with one is a
// regional organisation, not a state's agency.
var regionWords = set(`africa afrique african africain africaine africains africaines africana africano
	africane africani panafricain panafricaine panafricano panafricana pan-african
	asia asie asian asiatique asiatico asiatica pacific pacifique pacifico
	caribbean caraibi caraibico caraibica caribeen caribeenne caraibes
	europe europa
	latinoamericano latinoamericana latino americas amerique ameriques americhe
	sahel sahelien sahelienne saheliano
	mediterranean mediterranee mediterraneen mediterraneenne mediterraneo mediterranea
	balkan balkans balcani baltic baltique baltico nordic gulf golfe golfo arab arabe arabo araba`)

// unitPrepositions put a unit in the organisation named after it: "Unit at the OSCE".
var unitPrepositions = set(`at within presso aupres`)

// organisationHeads start the names of bodies that are organisations, not agencies.
var organisationHeads = set(`universita university universite fondazione foundation fondation`)

// actionHeads name a programme's action when capitalised after a code name: "the
// MARLIN Action".
var actionHeads = set(`action azione`)

// romanNumerals may follow a programme's code name: "FIN II".
var romanNumerals = set(`ii iii iv v vi vii viii ix x`)

// projectComplements join a programme's name to its subject: "Programme on Countering ...".
var projectComplements = set(`on for against of`)

// organWords are the standing organs of an organisation, with the suffix of their id.
var organWords = map[string]string{
	"secretariat": "secretariat", "segretariato": "secretariat", "segreteria": "secretariat",
	"commission": "commission", "commissione": "commission",
}

// organQualifiers may stand between an organ and its organisation: "Secrétariat
// permanent de la CEEAC", "Secretariat General of".
var organQualifiers = set(`permanent permanente general generale executive esecutivo executif`)

// regionalWords make an English name regional also after its head ("Committee of the
// Regional Anti-Drug Centre"); "international" there is often a national
// unit's field ("Directorate of International Cooperation").
var regionalWords = set(`regional interregional transnational`)

// documentHeads name a document a body can adopt or be party to, with its subtype.
var documentHeads = map[string]string{
	"convenzione": "convention", "convention": "convention",
	"trattato": "treaty", "traite": "treaty", "treaty": "treaty",
	"strategia": "strategy", "strategie": "strategy", "strategy": "strategy",
	"agreement": "agreement", "charter": "charter", "carta": "charter", "charte": "charter",
	"dichiarazione": "declaration", "declaration": "declaration",
}

// documentTopics say what a document in lower case is about: "strategia di lotta
// contro la pirateria", "déclaration d'intention en matière de formation".
var documentTopics = set(`lotta lutte fight countering contro contre against materia matiere matters
	cooperazione cooperation terrorismo terrorisme terrorism assistenza assistance`)

// pluralTitles are office holders in the plural: inside a body's name they name its
// members ("Comité des chefs de police", "Council of Heads of State").
var pluralTitles = set(`chefs capi chiefs heads directeurs direttori directors ministres ministri ministers
	procureurs procuratori prosecutors`)

// systemWords name systems and networks, whose names hold a body's name without being
// one ("Police Information System").
var systemWords = set(`system systeme sistema systems systemes sistemi network reseau rete database`)

// servesWords introduce the region an organisation's office serves: "pour l'Afrique de l'Est".
var servesWords = set(`pour per for`)

// workingGroups are the nouns of a working group's name.
var workingGroups = [][]string{{"groupe", "de", "travail"}, {"gruppo", "di", "lavoro"}, {"working", "group"}}

// moreAgencyHeads are further head nouns of national bodies ("Border Force"), added to
// agencyHeads here to keep this block apart from the shared lists.
var moreAgencyHeads = set(`force questura prefettura commissariato prefecture dip dipt dept uff`)

// headLast are heads that end a name and never start one: "Border Force", not "Force
// Protection and Training".
var headLast = set(`force`)

func init() {
	for w := range moreAgencyHeads {
		agencyHeads[w] = true
	}
}

// seatPrepositions put a town in a body's name as its seat: "Questura di Milano".
var seatPrepositions = set(`di de d`)

// arrangementHeads name further agreements between two bodies, read like memorandum
// heads: working arrangements, letters of understanding, declarations of intent.
var arrangementHeads = [][]string{
	{"working", "arrangement"}, {"arrangement", "de", "travail"}, {"accordo", "di", "lavoro"},
	{"letter", "of", "understanding"}, {"lettre", "d", "entente"}, {"lettera", "d", "intenti"},
	{"declaration", "of", "intent"}, {"dichiarazione", "di", "intenti"}, {"declaration", "d", "intention"},
	{"declaration", "d", "intentions"}, {"protocol", "of", "understanding"}, {"protocol"}, {"intesa"},
}

// signingNouns say that a text was signed when no signing verb does: "la signature de
// l'accord". ("firma" is left out: "reca la firma del Generale" names signatories by
// their units, not the parties.)
var signingNouns = set(`signature sottoscrizione`)

// researchHeads and researchWords make a research institute or think tank: "Institut
// d'études stratégiques", "Institute for Security Studies".
var researchHeads = set(`institut institute istituto centre center centro`)

var researchWords = set(`etudes studies studi recherche research ricerca ricerche`)

// abbreviatedHeads are heads written abbreviated with a full stop: "Dip. P.S.".
var abbreviatedHeads = set(`dip dipt dept uff dir div sez serv`)

// yearPlanHeads name a plan with its horizon year: "Vision 2040", "Agenda 2063".
var yearPlanHeads = set(`vision visione agenda`)

// unitFields after "International" name a national unit's field, not an international
// body: "the International Cooperation Department", "International Relations Office".
var unitFields = set(`cooperation co operation relations affairs`)

// ---- Persons and affiliations (persons.go) ----

// titleAbbrevs are abbreviated titles and ranks written with a full stop before a name
// ("Col. Francesco Fallica", "Gen. B. Vito Giordano", "Dr. Bakri", "S.E."); a single
// capital letter with a full stop is read the same way.
var titleAbbrevs = set(`gen col magg cap capt cpt lt ten amb min plen dott dr prof sig on avv ing pol brig
	adm amm maj sgt insp isp comm cdt cmdt mme mlle ms mr mrs supt cmdr hon`)

// personHonorifics are words of address written before a name ("dottor Andrei ...",
// "His Excellency ..."): they announce a person but name no function.
var personHonorifics = set(`dottor dottore dottoressa dott doctor docteur professor professore professeur prof
	sig signor signora monsieur madame mister excellency eccellenza excellence hon honorable honourable
	onorevole ssa`)

// extraTitleWords are functions, ranks and their plurals that may stand before or after
// a name; they are added to titleWords.
var extraTitleWords = `esecutivo esecutiva executif executive aggiunto aggiunta plenipotenziario
	plenipotentiary plenipotentiaire delegato delegata delegue deleguee delegate delegates delegati delegues
	manager responsabile responsable trainer trainers formateur formateurs formatore formatori istruttore
	istruttori instructor instructors esperto esperta expert experte ministri ministres ministers
	consiglieri conseillers advisers advisors rappresentanti representants representatives
	lieutenant tenente brigadier captain capitano capitaine major maggiore sergeant inspector ispettore
	inspecteur superintendent marshal maresciallo admiral ammiraglio amiral brigata divisione
	governor governatore gouverneur mayor maire senator senatore senateur magistrat magistrato judge
	giudice juge attache attachee addetto conseillere consigliera secretaire chancellor cancelliere
	chancelier premier representante representantes procureure prefete procuratrice prefetta questora
	commissaria presidentessa responsables funzionari officials officers ufficiali officiers directors
	directeurs direttori comandanti commandants commanders generali generaux capi chefs heads presidenti
	presidents segretari secretaires secretaries ambasciatori ambassadeurs ambassadors prefetti prefets`

// titleModifiers are adjectives that stand inside a title in lower case ("haute
// conseillère", "direttore esecutivo", "directeur régional").
var titleModifiers = set(`haut haute hauts hautes alto alta alti senior high permanent permanente permanents
	regional regionale regionaux centrale central centraux national nationale nazionale general generale
	generaux speciale special speciali principal principale sostituto substitute interim ff europeo europea
	europeen europeenne european africano africana africain africaine african divisionnaire provinciale
	provinciali provincial territoriale interregionale vicario vicaire`)

// rankPhrases are military and police ranks of several words, read before agencies so
// that "Generale di Corpo d'Armata" or "Gen. D'armata" is not taken for a body.
var rankPhrases = `generale di corpo d armata|generale di divisione|generale di brigata|gen . d armata|
	general de corps d armee|general d armee|general de division|general de brigade|
	major general|brigadier general|lieutenant general|lieutenant colonel|senior lieutenant colonel|
	tenente colonnello|tenente generale|ammiraglio di squadra|ammiraglio di divisione|
	police senior lieutenant colonel|police lieutenant colonel|police major general`

// titleLocatives introduce where an office holder serves: a state after them is the
// host, not whom the person works for ("Ambassador to Uganda", "ambasciatore a Buenos Aires").
var titleLocatives = set("in nel nella negli nei en au aux a at dans to presso aupres")

// employerLinks introduce the body a unit belongs to inside a title: "Head of X Unit at
// the OSCE Secretariat", "Deputy Head of the Division ... at the Spanish National Police".
var employerLinks = set("at presso aupres within")

// indefiniteArticles may open an apposition: "Karim Idrissi, a Moroccan prosecutor".
var indefiniteArticles = set(`a an un une uno una`)

// articles are the definite articles a body's name may follow ("at the OSCE").
var articles = set("the il lo la le l i gli les")

// languageStates give the state a ministry named without one belongs to, by the
// language of the release: an Italian "ministro della Giustizia" is Italy's. French and
// English are written by too many governments to say.
var languageStates = map[string]string{"it": "IT"}

// titleAdverbs may stand between a name and the title after it ("X, da poco Lord
// Chancellor", "Y, now Director of ...").
var titleAdverbs = set(`poco now newly recently currently former formerly ancien ancienne ex gia actuel actuelle
	attuale nouveau nouvelle nuovo nuova neo also anche aussi then alors allora`)

// bodyAnaphors are generic nouns that, with a definite article, refer back to the body
// named before ("le président de l'agence").
var bodyAnaphors = set(`agence agenzia agency organisation organizzazione organization organisme organismo`)

// definite are the definite articles and articulated prepositions before a noun.
var definite = set(`the l la le il lo dell della dello del de`)

// directorBodies give the body a director heads, by the title word: a "directeur
// général de X" heads the "direction générale de X".
var directorBodies = map[string]string{"directeur": "direction", "directrice": "direction",
	"direttore": "direzione", "direttrice": "direzione"}

// notDirectorates are the words after "directeur de" that name no body ("directeur de
// cabinet", "direttore di ricerca").
var notDirectorates = set(`cabinet gabinetto recherche ricerca publication pubblicazione programme programma
	mission missione communication comunicazione`)

// directorateStops end a body's name read from a director's title: what follows says
// what the director is in charge of ("chargé de la coordination").
var directorateStops = set(`charge chargee incaricato incaricata preposto preposta responsable responsabile`)

// leadVerbs say who leads a delegation: "guidata dal", "led by", "conduite par".
var leadVerbs = set(`guidata guidato guidate guidati capeggiata capeggiato led headed conduite conduit
	dirigee dirige menee`)

// delegationWords name a delegation or mission sent by a body.
var delegationWords = set(`delegazione delegazioni delegation delegations missione mission`)

// notNameNouns are capitalised nouns of institutions that a title may end with
// ("Président de la République Emmanuel Macron"): never part of a person's name.
var notNameNouns = set(`republique repubblica republic royaume regno kingdom etat stato state nazione nation
	gouvernement governo government senat senato senate parlement parlamento parliament assemblee assemblea
	assembly conseil consiglio council commission commissione son sa ses his her sua suo their leur ltd inc
	spa srl llc gmbh plc corp sarl`)

// personFrom says where a person named without a title comes from: "X from Europol".
var personFrom = set(`from`)

// forceHeads name a national police or customs force by their head word alone: "il Capo
// della Polizia", "le chef de la Police".
var forceHeads = set(`polizia police gendarmeria gendarmerie dogane douanes customs`)

// embassyWords name a state's embassy, the body of diplomats and attachés.
var embassyWords = set(`ambasciata ambassade embassy`)

// collegeTitles give the college a European member's title belongs to: a European
// Commissioner sits in the European Commission.
var collegeTitles = map[string]string{"commissioner": "org:european-commission", "commissario": "org:european-commission",
	"commissaria": "org:european-commission", "commissaire": "org:european-commission"}

// leadingParticles may open a family name written right after a title ("President von
// der Leyen").
var leadingParticles = set(`von van der den ter`)

// counterpartWords name a person by the other side: "his counterpart X" does not share
// the affiliation of the person before.
var counterpartWords = set(`counterpart counterparts homologue homologues omologo omologa omologhi`)

// listIntroducers open a list of persons after a title that heads them ("deux ministres
// togolais : A, ... et B", "delegates of X, namely A, B").
var listIntroducers = set(`: namely cioe ossia ovvero notamment`)

func init() {
	for w := range set(extraTitleWords) {
		titleWords[w] = true
	}
	for w := range personHonorifics {
		honorifics[w] = true
	}
	// "under" opens a title only with "Secretary" ("Under-Secretary-General"), which is one.
	delete(titleWords, "under")
	notPersonWords["under"] = true
}

// personCues are cue phrases that put the persons of a sentence at the meeting being
// reported: speakers and participants named as such ("both addressed the opening
// session", "intervenendo al dibattito", "Taking part alongside her were ...").
var personCues = map[cueKind]string{
	cueSpeaker: `addressed|speaking at|spoke at|intervenendo|intervenant|guest speaker|delivered remarks`,
	cueParticipant: `taking part|prennent part|participent|partecipano|participating|se sont entretenus|
		s est entretenu|s est entretenue|ont rencontre|a rencontre|ha incontrato|hanno incontrato|si sono incontrati|
		met with|ha accolto|ha ricevuto|ont recu|a recu|received by|salutate dal|salutati dal|salutata dal|salutato dal`,
}

func init() {
	for kind, list := range personCues {
		for _, p := range strings.Split(list, "|") {
			if p = strings.Join(strings.Fields(p), " "); p != "" {
				cuePhrases[kind] = append(cuePhrases[kind], p)
			}
		}
	}
}

// ---- Meetings, participation and project relations (events.go, meetings.go, dates.go) ----

// weekdays are the folded day names (and English abbreviations) that may stand before
// the date of a dateline.
var weekdays = set(`lunedi martedi mercoledi giovedi venerdi sabato domenica lundi mardi mercredi jeudi
	vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri
	sat sun`)

// Cue kinds of this block, numbered apart from the list above.
const (
	// cueParticipantVerb: a verb of taking part whose subject comes before it ("A and B
	// took part"), or after it in an inverted clause ("vi hanno partecipato A e B").
	cueParticipantVerb cueKind = iota + 100
	// cueAmong: a list of participants after "among them".
	cueAmong
)

// eventCuePhrases are cue phrases of this block, added to cuePhrases.
var eventCuePhrases = map[cueKind]string{
	cueParticipantVerb: `hanno partecipato|ha partecipato|hanno preso parte|ha preso parte|ont participe|
		a participe|ont pris part|a pris part|participated|took part|attended|were present|take part|takes part|
		will take part|will attend|participent|participe|participeront|prennent part|prend part|prendront part|
		partecipano|partecipa|parteciperanno|partecipera|prendono parte|prenderanno parte|were the participating|
		were the participants|etaient presents|erano presenti|reunis|reunies|riuniti|riunite|gathered|
		se sont reunis|se sont reunies|si sono riuniti|si sono riunite|met|have met|hanno incontrato|
		ont rencontre|se sont rencontres|si sono incontrati|taking part|prenant part|prendendo parte|
		sent representatives|sent a delegation|sent delegations|sent delegates|sent experts|
		ont envoye des representants|ont envoye une delegation|a envoye une delegation|a envoye des representants|
		hanno inviato una delegazione|ha inviato una delegazione|hanno inviato rappresentanti|ha inviato rappresentanti|
		se sont entretenus avec|s est entretenu avec|s est entretenue avec|se sont entretenues avec|held talks with|
		ha incontrato|ha avuto un colloquio con|hanno avuto un colloquio con|intervenendo|intervenant|speaking at|
		addressing the|took the floor at|ha preso la parola|a pris la parole`,
	cueParticipant: `representing|rappresentando|in rappresentanza di|in rappresentanza del|en representation de|
		en representant|ont reuni|hanno riunito|have brought together|riunisce|riuniscono|reunit|reunissent|brings together|
		bring together|ne facevano parte|ne fanno parte|ne faceva parte|en faisaient partie|en font partie|
		en faisait partie`,
	// "œuvre" folds to "ouvre" (one letter for one)
	cueImplementer:      `mis en ouvre par|mise en ouvre par|mises en ouvre par|mis en oeuvre conjointement par`,
	cueImplementsBefore: `met en ouvre|mettent en ouvre|mettra en ouvre|mettront en ouvre`,
	cueFramework: `au titre des activites du|au titre des activites de|au titre du|au titre de la|au titre des|
		s inscrivait dans le|s inscrivait dans la|s inscrit dans le|s inscrit dans la|fait partie du|fait partie de la|
		forms part of the|is part of the|rientra nel|rientra nella|in the context of the|nel quadro dell|
		dans le cadre d|sous l egide d|funding under the|under its`,
	cueAmong: `among them|parmi eux|parmi elles|parmi lesquels|parmi lesquelles|tra loro|tra questi|fra questi|
		tra di loro|were among them`,
	cueCollaboration: `conjointement avec|jointly with|congiuntamente con|in co operation with|en co operation avec|
		de concert avec|in association with|en association avec|with the assistance of|con l assistenza di|
		avec l assistance de|with support from|avec le concours de|con il concorso di`,
	cueOrganiserBefore: `ospitera|ospiteranno|accueillera|accueilleront|will host|hosts|accueille|ospita|
		organise|organisent|organizza|organizzano|organizes|organises|will hold|tiendra|a accueilli|
		ont accueilli|ha accolto|hanno accolto|received|ha ricevuto|hanno ricevuto`,
	cueOrganiser: `ricevuta da|ricevuto da|ricevuti da|ricevute da|accolta da|accolto da|accolte da|accolti da|salutate da|salutata da|
		salutato da|salutati da|received by|welcomed by|recue par|recu par|recus par|accueillis par|accueillies par|
		avviata da|avviato da|initiated by|at the invitation of|on the invitation of|a l invitation de|su invito di|
		su invito del|su invito della|mene par|menes par|menee par|menees par|conducted by|condotto da|
		condotti da|condotta da|condotte da|coordinated by|coordinato da|coordinata da|coordonne par|coordonnee par`,
	cueAdopted: `drafted|drawn up|redige|redigee|elabore|elaboree|redatto|redatta|elaborato|elaborata`,
}

// gappedParticiples are participles whose agent follows after a few words ("mis en
// œuvre depuis 2019 par", "held in Vienna by"), with the cue they make, by first word.
var gappedParticiples = func() map[string][]cuePhrase {
	var out []cuePhrase
	for kind, list := range map[cueKind]string{
		cueImplementer: `mis en oeuvre|mise en oeuvre|mis en ouvre|mise en ouvre|implemented|attuato|attuata|realizzato|
			realizzata`,
		cueFunder: `finance|financee|finances|financees|funded|financed|finanziato|finanziata|finanziati`,
		cueOrganiser: `organise|organisee|organises|organisees|organised|organized|organizzato|organizzata|held|
			tenu|tenue|tenuto|tenuta|hosted|convened|convoque|convoquee|convocato|convocata`,
	} {
		for _, p := range strings.Split(list, "|") {
			out = append(out, cuePhrase{strings.Fields(p), kind})
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
var fundingNouns = set(`financement funding finanziamento financing`)

// fundingVerbs say who provides the funding named before them.
var fundingVerbs = set(`assure assuree provided covered assicurato garantito fornito pris`)

// byWords introduce the agent of a passive.
var byWords = set(`by par da dal dalla dall dallo dai dagli dalle`)

// participantGroups are nouns for people sent by a body or a country: their origin
// ("participants from A and B", "représentants de la SADC") takes part.
var participantGroups = set(`participants participant partecipanti representatives representative
	rappresentanti rappresentante representants representant delegates delegations delegation delegati
	delegazione delegazioni delegues delegue delegue delegations experts expert esperti experts officials
	officers funzionari ufficiali fonctionnaires officiers responsables investigators enqueteurs investigatori
	magistrates magistrats magistrati trainees stagiaires tirocinanti attendees personnel staff personale
	presidents presidenti ministers ministres ministri`)

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
var genericHeads = set(`session sessione seance delegazione delegation reunis reunies riuniti riunite gathered
	entretenus entretenu entretenue entretenues incontrato met deplaces deplacee deplacees recati recato recata
	visited visitato`)

// pluralHeads name several meetings at once.
var pluralHeads = map[string]string{
	"delegazioni": "meeting", "delegations": "meeting", "visite": "visit", "visits": "visit", "incontri": "meeting",
	"meetings": "meeting", "reunions": "meeting", "riunioni": "meeting", "ateliers": "workshop", "workshops": "workshop",
	"seminari": "workshop", "seminars": "workshop", "seminaires": "workshop", "sessions": "meeting", "sessioni": "meeting",
}

// qualifierWords tell one meeting from another of the same kind.
var qualifierWords = set(`preparatory preparatoire preparatoires preparatoria preparatorie ministerial ministerielle
	ministeriale technical technique tecnica tecnico extraordinary extraordinaire straordinario straordinaria
	joint conjoint congiunto congiunta`)

// headquarters are the nouns of a body's seat: the body named after them hosts the meeting.
var headquarters = set(`siege headquarters sede seat premises locaux`)

// statutoryHeads are the meetings a body holds as itself: "the OSCE summit", "the
// African Union Summit", "the INTERPOL General Assembly".
var statutoryHeads = set(`summit sommet vertice session sessione assembly assemblee assemblea`)

// statutoryAdjectives may stand between the body and its meeting.
var statutoryAdjectives = set(`extraordinary extraordinaire straordinario ordinary ordinaire ordinario annual
	annuel annuelle annuale special speciale joint conjoint congiunto`)

// verbWords are verb forms that may follow or precede a meeting noun.
var verbWords = set(`was were is are has have been est sont ont etait fut sera era sono sara stato stata held
	tenu tenue took took place will would shall se si ne hosts holds opens launches sous sur avec pour dans
	entre vers chez presso verso sopra sotto dopo apres before after during durante pendant lors`)

// occasionWords refer to a meeting even before one is named: "in quell'occasione".
var occasionWords = set(`occasione occasion`)

// compositionWords say what a group is made of: "made up of", "composé de", "composto da".
var compositionWords = set(`made composed consisting comprising compose composee composes composto composta
	composti formato formata formati forme formee`)

// duringWords place an action during a meeting: "pendant la réunion", "during the event".
var duringWords = set(`during durant pendant durante lors corso cours`)

// demonstratives point back to the meeting reported: "cette réunion", "this workshop".
var demonstratives = set(`ces cette ce cet this these questo questa questi queste quel quella`)

// meetingVerbs are verbs of meeting someone: a meeting only when someone is met.
var meetingVerbs = set(`met incontrato`)

// openingWords make a meeting noun the opening or closing of the meeting reported.
var openingWords = set(`opening closing inaugural ouverture cloture apertura chiusura inaugurale`)

// seriesWords before a meeting noun make it a series of meetings.
var seriesWords = set(`ciclo serie series cycle round`)

// eventHeads are meeting nouns of this block, added to meetingHeads.
var eventHeads = map[string]string{
	"delegazione": "meeting", "delegation": "meeting", "session": "meeting", "sessione": "meeting",
	"assemblea": "meeting", "assemblee": "meeting", "assembly": "meeting", "debate": "meeting", "dibattito": "meeting",
	"debat": "meeting", "retreat": "meeting", "briefing": "meeting", "seance": "meeting",
	// verbs of meeting: a date or a place with them makes a meeting
	"reunis": "meeting", "reunies": "meeting", "riuniti": "meeting", "riunite": "meeting", "gathered": "meeting",
	"entretenus": "meeting", "entretenu": "meeting", "entretenue": "meeting", "entretenues": "meeting",
	"incontrato": "meeting", "met": "meeting",
	"deplacement": "visit", "trip": "visit", "trasferta": "visit", "deplaces": "visit", "deplacee": "visit",
	"deplacees": "visit", "recati": "visit", "recato": "visit", "recata": "visit", "visited": "visit", "visitato": "visit",
}

// delegationNouns are the group nouns a state adjective can qualify: "la délégation
// ivoirienne", "the Kenyan delegation".
var delegationNouns = set(`delegation delegations delegazione delegazioni`)

// originWords stand between a group and where it comes from: "venus du Tchad",
// "coming from", "provenienti da".
var originWords = set(`venus venues venu venue issus issues coming arriving provenienti proveniente giunti
	arrives originaires`)

// fromWords say where a group comes from.
var fromWords = set(`from da dal dalla dall dallo dai dagli dalle de du des d`)

// ofWords say whose a group is.
var ofWords = set(`of di del della dell dello dei degli delle de du des d`)

// numberWords are small numbers written out, counting the people of a group.
var numberWords = set(`two three four five six seven eight nine ten due tre quattro cinque sei sette otto
	nove dieci deux trois quatre cinq sept huit neuf dix`)

// listGlue are the words that join the items of a coordinated list of names.
var listGlue = set(`, : and et e ed the la le l les il lo gli i of de du des d di del della dell dello dei
	degli delle da dal dalla dall dai dagli dalle from as well ainsi que nonche namely also aussi egalement
	anche inoltre has have had hanno ha ont a will both tous toutes tutti entrambi or ou o together with along
	avec con insieme al alla allo conjointement`)

// clauseCuts end a clause inside a sentence: what follows is read on its own.
var clauseCuts = set(`mentre while whereas tandis`)

// init adds this block's cue phrases, meeting nouns and list-starting cues to the tables
// above.
func init() {
	for kind, list := range eventCuePhrases {
		for _, p := range strings.Split(list, "|") {
			if p = strings.Join(strings.Fields(p), " "); p != "" {
				cuePhrases[kind] = append(cuePhrases[kind], p)
			}
		}
	}
	for w, sub := range eventHeads {
		meetingHeads[w] = sub
	}
	for _, kind := range []cueKind{cueParticipantVerb, cueAmong} {
		startsList[kind] = true
	}
}
