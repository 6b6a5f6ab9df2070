package extract

import (
	"sort"
	"strings"
	"time"
)

// Word lists of the recognisers, folded (lower case, no accents). Multi-word cues are
// matched token by token; apostrophes and hyphens are not tokens ("dell'" is "dell").

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// agencyHeads are the nouns a national body's name is built on.
var agencyHeads = set(`ministero ministry ministere dipartimento department departement direzione direction
	directorate ufficio office bureau servizio service agenzia agency agence autorita authority autorite
	amministrazione administration polizia police gendarmeria gendarmerie guardia guard garde tribunale
	tribunal court corte cour procura parquet prosecutor istituto institute institut scuola school ecole
	accademia academy academie comando command commandement cellule unita unit centro centre center forze
	forces dogane douanes customs corpo corps committee comitato comite`)

// strongHeads start a new body when they follow "of"/"di"/"du": the body before is part of it.
var strongHeads = set(`ministero ministry ministere dipartimento department departement direzione direction
	directorate ufficio office bureau servizio service comitato committee comite`)

// connectors may stand inside a name between content words.
var connectors = set(`di del della dello dell dei degli delle da de du des d la le l les il lo i gli of the
	for per pour e et and sur on contro against in nel nella en au aux`)

// notNameWords end a recognised name: generic nouns that follow a head without naming a body.
var notNameWords = set(`paesi paese pays countries country stati stato etats states membri membres members
	regione region region regioni attivita activity activite esperti experts`)

// titleWords mark a person's title or function.
var titleWords = set(`ministro ministra sottosegretario segretario segretaria direttore direttrice vice capo
	presidente prefetto ambasciatore ambasciatrice colonnello comandante questore procuratore commissario
	coordinatore coordinatrice rappresentante portavoce consigliere dirigente funzionario sindaco generale
	ministre secretaire directeur directrice adjoint chef president presidente prefet ambassadeur
	ambassadrice colonel commandant procureur commissaire coordinateur representant conseiller m mme
	minister secretary director deputy head chief prefect ambassador commander prosecutor
	commissioner coordinator representative spokesperson adviser advisor chair chairman chairperson mr mrs ms
	dr executive under plen min general ordinator cadre officer funzionaria homologue omologo
	counterpart`)

// ministerWords name a minister; the ministry is found by reading the title as "ministry ...".
var ministerWords = map[string]string{"ministro": "ministero", "ministra": "ministero", "ministre": "ministere", "minister": "ministry"}

// nameParticles may stand inside a person's name in lower case.
var nameParticles = set(`de di da van von der el al bin ben du la le lo del della dos das`)

// cueVariants lets a cue's preposition stand in its articulated forms: "attuato da"
// also matches "attuato dall'", "financé par" "financé par le" is matched as written.
var cueVariants = map[string]map[string]bool{
	"da":  set("da dal dalla dall dallo dai dagli dalle"),
	"di":  set("di del della dell dello dei degli delle d"),
	"de":  set("de du des d"),
	"a":   set("a al alla all allo ai agli alle"),
	"con": set("con col"),
}

// notPersonPlaces are words of regions written in capitals that are not names.
var notPersonPlaces = set(`asia asie africa afrique europe europa america amerique balkans balcani sahel
	middle east ovest est west north nord south sud central centrale occidentali occidentaux western eastern
	mediterraneo mediterranee mediterranean caucasus caucaso golfo gulf`)

// honorifics are title words that say nothing of a function.
var honorifics = set(`m mme mr mrs ms dr sig on`)

// notPersonWords are capitalised words that never start or continue a person's name.
var notPersonWords = set(`il lo la le les the i gli un una une a an de del della dell di da in nel nella
	al alla en au aux per pour for by con with et e and ou or on su sur dal dalla par this questo questa
	cette ce ces these those which che qui que`)

// Meeting head nouns and their subtype.
var meetingHeads = map[string]string{
	"workshop": "workshop", "seminario": "workshop", "seminaire": "workshop", "seminar": "workshop", "atelier": "workshop",
	"conferenza": "conference", "conference": "conference", "congresso": "conference", "congres": "conference",
	"congress": "conference", "forum": "conference", "simposio": "conference", "symposium": "conference",
	"riunione": "meeting", "reunion": "meeting", "meeting": "meeting", "incontro": "meeting", "rencontre": "meeting",
	"vertice": "summit", "sommet": "summit", "summit": "summit",
	"training": "training", "course": "training", "corso": "training",
	"esercitazione": "exercise", "exercice": "exercise", "exercise": "exercise",
	"visita": "visit", "visite": "visit", "visit": "visit",
	"cerimonia": "signing ceremony", "ceremonie": "signing ceremony", "ceremony": "signing ceremony",
	"webinar": "workshop", "webinaire": "workshop", "rotonda": "meeting", "ronde": "meeting", "roundtable": "meeting",
	"dialogue": "meeting", "dialogo": "meeting", "dialog": "meeting", "colloqui": "meeting", "talks": "meeting", "entretiens": "meeting", "consultazioni": "meeting", "consultations": "meeting",
}

// meetingCoref words refer back to the meeting being reported.
var meetingCoref = set(`evento event evenement lavori travaux proceedings occasione occasion`)

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

var cuePhrases = map[cueKind]string{
	cueOrganiser: `organizzato da|organizzata da|organizzati da|co organizzato da|co organizzata da|organised by|
		organized by|co organised by|co organized by|organise par|organisee par|co organisee par|co organise par|
		hosted by|ospitato da|ospitata da|accueilli par|accueillie par|promosso da|promossa da|convened by|
		co hosted by|jointly organised by|jointly organized by|a l initiative de|su iniziativa di|at the initiative of`,
	cueOrganiserBefore: `ha tenuto|hanno tenuto|ha organizzato|hanno organizzato|held|organised|organized|hosted|
		a organise|ont organise|a tenu|ont tenu|convened|ha ospitato|ha promosso|hanno svolto|ha svolto|
		hanno condotto|ha condotto|conducted|ont mene|a mene|ont conduit|a conduit|co hosted|co organised|
		co organized|ont co organise|hanno co organizzato`,
	cueParticipant: `presenti|attended by|en presence de|
		alla presenza di|in the presence of|with the participation of|con la partecipazione di|
		la participation de|participation de|ha riunito|a reuni|brought together|comprenait|included|comprendeva`,
	cueSpeaker: `aperti da|aperto da|aperta da|inaugurata da|inaugurato da|inauguree par|inaugure par|ouverte par|
		ouvert par|opened by|e intervenuto|e intervenuta|sono intervenuti|est intervenu|est intervenue|addressed by|
		a pris la parole|took the floor|en compagnie de|in compagnia di|accompanied by`,
	cueChair: `presieduta da|presieduto da|presieduti da|presidee par|preside par|presides par|presidees par|
		chaired by|co chaired by|co presieduta da|co presieduto da|copresidee par|co presidee par|moderata da|moderated by`,
	cueCollaboration: `in collaborazione con|in cooperation with|in collaboration with|in partnership with|
		en partenariat avec|en collaboration avec|con il supporto di|
		con il sostegno di|with the support of|avec l appui de|avec le soutien de|in cooperazione con|
		en cooperation avec`,
	cueImplementer: `attuato da|attuata da|attuati da|realizzato da|realizzata da|implemented by|mis en oeuvre par|
		mise en oeuvre par|carried out by|executed by|eseguito da|led by|guidato da|gestito da|managed by|
		realizzate da|realizzati da|attuate da|
		implemente par|implementee par`,
	cueImplementsBefore: `implements|implement|attua|attuano|met en oeuvre|mettent en oeuvre|implemente|implementent`,
	cueLaunched: `ont lance|a lance|hanno lanciato|ha lanciato|launched|have launched|has launched|hanno avviato|
		ha avviato`,
	cueFunder: `con il sostegno finanziario del|con il sostegno finanziario della|con il sostegno finanziario dell|
		con il sostegno finanziario di|con il contributo finanziario del|con il contributo finanziario di|
		finanziato da|finanziata da|finanziati da|finanziate da|finanziato dal|finanziata dal|finanziati dal|
		finanziate dal|finanziato dalla|finanziata dalla|finanziati dalla|finanziate dalla|finanziato dall|
		finanziata dall|finanziati dall|finanziate dall|finance par|financee par|finances par|financees par|
		grace au financement de|avec le soutien financier de|avec l appui financier de|funded by|financed by|
		with financial support from|with financial support of|with the financial support of|with funding from|
		sponsored by|grazie al finanziamento di|grazie al finanziamento del`,
	cueFundsBefore: `fund|funds|finanzia|finanziano|finance|financent`,
	cueFramework: `nell ambito del|nell ambito della|nell ambito dell|nell ambito dei|nel quadro del|
		nel quadro della|dans le cadre du|dans le cadre de|dans le cadre des|in the framework of|under the|
		as part of|within the framework of|delivered under|held under|nel contesto del|through the|
		under the auspices of|sotto l egida di|sotto l egida del|sous l egide de|sous l egide du|
		attraverso il|attraverso la|par le biais du|par le biais de`,
	cueOnBehalf: `per il|per la|per l|pour le|pour la|pour l|for the|on behalf of|a nome del|au nom du|au nom de`,
	cueBetween:  `tra|fra|between|entre`,
	cueAdopted:  `adottato|adottata|adottati|adopted|adopte|adoptee|approvato|approvata|approved|approuve|endorsed`,
	cueSigned:   `firmato|firmata|firmati|firmano|hanno firmato|ha firmato|signed|sign|signe|signee|ont signe|a signe|sottoscritto|sottoscritta|concluded|conclu`,
}

// Memorandum heads: a memorandum needs one of these and a signing verb.
var memorandumHeads = [][]string{
	{"memorandum"}, {"mou"}, {"protocollo", "d", "intesa"}, {"protocole", "d", "accord"},
	{"accordo", "di", "cooperazione"}, {"accord", "de", "cooperation"}, {"cooperation", "agreement"},
	{"agreement"}, {"accordo"}, {"accord"}, {"protocollo"},
}

// Roadmap heads with their subtype.
var roadmapHeads = []struct {
	words   []string
	subtype string
}{
	{[]string{"roadmap"}, "roadmap"}, {[]string{"road", "map"}, "roadmap"}, {[]string{"feuille", "de", "route"}, "roadmap"},
	{[]string{"tabella", "di", "marcia"}, "roadmap"}, {[]string{"piano", "d", "azione"}, "action plan"},
	{[]string{"piano", "di", "azione"}, "action plan"}, {[]string{"plan", "d", "action"}, "action plan"},
	{[]string{"action", "plan"}, "action plan"}, {[]string{"plan", "of", "action"}, "action plan"},
	{[]string{"dichiarazione"}, "declaration"}, {[]string{"declaration"}, "declaration"},
	{[]string{"il", "piano"}, "coref"}, {[]string{"the", "plan"}, "coref"}, {[]string{"le", "plan"}, "coref"},
	{[]string{"questo", "piano"}, "coref"}, {[]string{"this", "plan"}, "coref"}, {[]string{"ce", "plan"}, "coref"},
}

// projectHeads introduce a named project, programme or initiative.
var projectHeads = set(`progetto project projet programma programme program iniziativa initiative`)

// Words that end a roadmap or project name written in running text.
var nameStops = set(`adottata adottato adopted adoptee adopte firmata firmato signed signee signe approvata
	approved che which qui que stata stato was is est sono sont were periodo period periode during durante lors`)

// months maps folded month names in the three languages to their number.
var months = func() map[string]int {
	months := map[string]int{}
	for i, names := range []string{
		"gennaio janvier january jan", "febbraio fevrier february feb", "marzo mars march mar",
		"aprile avril april apr", "maggio mai may", "giugno juin june jun", "luglio juillet july jul",
		"agosto aout august aug", "settembre septembre september sep sept", "ottobre octobre october oct",
		"novembre november nov", "dicembre decembre december dec"} {
		for _, n := range strings.Fields(names) {
			months[n] = i + 1
		}
	}
	return months
}()

// stopWords are left out of slugs built from names.
var stopWords = set(`il lo la le les l the a an i gli di del della dello dell dei degli delle de du des d
	of for per pour e et and in nel nella nei nelle en au aux sur su sul sulla on to da dal dalla by con with`)

// locatives introduce a place: a state after them is where, not who.
var locatives = set("in nel nella negli nei en au aux a at dans")

// conjunctions join two bodies: "la Police nationale et la Garde nationale".
var conjunctions = set("e ed et and")

// ofConnectors say whose a body is: "Service ... du Bureau", "Ufficio del Dipartimento".
var ofConnectors = set("di del della dello dell dei degli delle de du des d of the la le l")

// supranationalWords make a recognised body an organisation, not a state's agency.
var supranationalWords = set(`europea europeo european europeenne europeen africana africano african africaine
	africain`)

// bodyHeads start the names of international bodies.
var bodyHeads = set(`organizzazione organisation organization unione union fondo fonds fund programma programme
	program comitato comite committee consiglio conseil council commissione commission`)

// ofPrepositions continue a name after "e"/"et": "dell'Immigrazione e della Polizia".
var ofPrepositions = set("di del della dello dell dei degli delle de du des d of")

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

// articles may stand between "of" and a name: "of the", "de la", "dell'".
var articles = set(`the la le l les il lo gli i`)

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

// delegationWords are the group nouns a state adjective can qualify: "la délégation
// ivoirienne", "the Kenyan delegation".
var delegationWords = set(`delegation delegations delegazione delegazioni`)

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
		if old := cuePhrases[kind]; old != "" {
			list = old + "|" + list
		}
		cuePhrases[kind] = list
	}
	for w, sub := range eventHeads {
		meetingHeads[w] = sub
	}
	for _, kind := range []cueKind{cueParticipantVerb, cueAmong} {
		startsList[kind] = true
	}
}
