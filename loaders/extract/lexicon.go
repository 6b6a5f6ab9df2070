package extract

import "strings"

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
var meetingCoref = set(`evento event evenement lavori travaux proceedings`)

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
	cueParticipant: `hanno partecipato|ha partecipato|hanno preso parte|ha preso parte|presenti|ont participe|
		a participe|ont pris part|participated|took part|attended|attended by|were present|en presence de|
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

// secretariatWords name the secretariat of an organisation.
var secretariatWords = set(`secretariat secretariats segretariato segreteria`)

// notNameNouns are capitalised nouns of institutions that a title may end with
// ("Président de la République Emmanuel Macron"): never part of a person's name.
var notNameNouns = set(`republique repubblica republic royaume regno kingdom etat stato state nazione nation
	gouvernement governo government senat senato senate parlement parlamento parliament assemblee assemblea
	assembly conseil consiglio council commission commissione son sa ses his her sua suo their leur ltd inc
	spa srl llc gmbh plc corp sarl`)

// fromWords say where a person named without a title comes from: "X from Europol".
var fromWords = set(`from`)

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
		cuePhrases[kind] += "|" + list
	}
}
