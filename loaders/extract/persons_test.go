package extract

import (
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
)

// personsOf extracts a text and returns its persons by id and its AFFILIATED_WITH edges
// as "person -> body".
func personsOf(t *testing.T, doc string) (map[string]fixtures.Node, map[string]bool) {
	t.Helper()
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f, err := x.Extract("persons.txt", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	persons := map[string]fixtures.Node{}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindPerson {
			persons[n.ID] = n
		}
	}
	aff := map[string]bool{}
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeAffiliatedWith {
			aff[e.From+" -> "+e.To] = true
		}
	}
	return persons, aff
}

func wantPersons(t *testing.T, persons map[string]fixtures.Node, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if _, ok := persons[id]; !ok {
			t.Errorf("missing person %s; have %v", id, keys(persons))
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func wantAffiliation(t *testing.T, aff map[string]bool, person, prefix string) {
	t.Helper()
	for k := range aff {
		if strings.HasPrefix(k, person+" -> "+prefix) {
			return
		}
	}
	t.Errorf("missing affiliation %s -> %s*; have %v", person, prefix, keys(aff))
}

func TestPersonsHonorificsInitialsAndBrackets(t *testing.T) {
	persons, aff := personsOf(t, `The new agreement was signed in Vienna on 4 March 2019 by the INTERPOL Secretary General Mark J. Pollard and by the Director of UNODC, Ms. Helen Dorsey. Both said that the agreement would help the police of their member countries. The Secretary General of the Shanghai Cooperation Organization (SCO) Ivo Marten was also present.`)
	wantPersons(t, persons, "person:mark-j-pollard", "person:helen-dorsey", "person:ivo-marten")
	wantAffiliation(t, aff, "person:mark-j-pollard", "org:interpol")
	wantAffiliation(t, aff, "person:helen-dorsey", "unbody:unodc")
	wantAffiliation(t, aff, "person:ivo-marten", "org:sco")
}

func TestPersonsFamilyNameAloneAndCoreference(t *testing.T) {
	persons, _ := personsOf(t, `Il Ministro dell'Interno Marco Ferretti ha incontrato oggi a Roma il Prefetto Bellandi e una delegazione della polizia albanese. Ferretti ha ricordato che la cooperazione di polizia con l'Albania è una priorità del governo.`)
	wantPersons(t, persons, "person:marco-ferretti", "person:bellandi")
	if n := persons["person:marco-ferretti"]; len(n.Sources) < 2 {
		t.Errorf("the family name alone should be a second source of the person: %v", n.Sources)
	}
	if _, ok := persons["person:ferretti"]; ok {
		t.Error("the family name alone must not be a person of its own")
	}
}

func TestPersonsRanksAndNationalityFamilyNames(t *testing.T) {
	persons, aff := personsOf(t, `Il protocollo è stato firmato dal Generale di Divisione Paolo Tedesco della Guardia di Finanza e dal Col. Luca Russo, addetto dell'Ambasciata d'Italia a Tirana, alla presenza del Gen. C.A. Mario Bianchi, per la cooperazione tra le forze di polizia dei due Paesi.`)
	wantPersons(t, persons, "person:paolo-tedesco", "person:luca-russo", "person:mario-bianchi")
	wantAffiliation(t, aff, "person:paolo-tedesco", "agency:it:")
	for id := range persons {
		if strings.Contains(id, "divisione") || strings.Contains(id, "generale") {
			t.Errorf("a rank taken for a name: %s", id)
		}
	}
}

func TestPersonsFamilyNamesThatAreTowns(t *testing.T) {
	persons, _ := personsOf(t, `Il questore Giovanni Torino e la dottoressa Anna Genova hanno incontrato a Napoli i funzionari della Polizia di Stato per la cooperazione tra le forze di polizia dei due Paesi.`)
	wantPersons(t, persons, "person:giovanni-torino", "person:anna-genova")
}

func TestPersonsParticleBeforeANationality(t *testing.T) {
	persons, _ := personsOf(t, `Il ministro Ignazio La Russa e il prefetto Mario Rossi hanno incontrato a Napoli i funzionari della Polizia di Stato per la cooperazione tra le forze di polizia dei due Paesi.`)
	wantPersons(t, persons, "person:ignazio-la-russa", "person:mario-rossi")
	if _, ok := persons["state:ru"]; ok {
		t.Errorf("a family name taken for a state")
	}
}

func TestPersonsTitleAfterAStatesPossessive(t *testing.T) {
	persons, aff := personsOf(t, `The course was opened in Kingston by Maria Lopez Garcia, Spain's Secretary of State for Security, and by Paulo Sousa, Portugal's Minister of Justice, for the officers of the region.`)
	wantPersons(t, persons, "person:maria-lopez-garcia", "person:paulo-sousa")
	wantAffiliation(t, aff, "person:paulo-sousa", "agency:pt:ministry-of-justice")
}

func TestPersonsAnnouncedByANationality(t *testing.T) {
	persons, aff := personsOf(t, `La présidente d'Europol, la Française Claire Morel, a ouvert à Dakar la réunion des services de police de la région pour la coopération entre les polices.`)
	wantPersons(t, persons, "person:claire-morel")
	wantAffiliation(t, aff, "person:claire-morel", "org:europol")
}

func TestPersonsListsShareTheirTitle(t *testing.T) {
	persons, aff := personsOf(t, `The course was delivered in Kingston by two instructors of the Federal Bureau of Investigation, Mark Ellison and Joanne Pratt, who trained the officers of the region in border security.`)
	wantPersons(t, persons, "person:mark-ellison", "person:joanne-pratt")
	wantAffiliation(t, aff, "person:joanne-pratt", "agency:us:")

	persons, aff = personsOf(t, `À la réunion de Niamey sur la sécurité participent deux ministres maliens : Amadou Keita, chargé de la Défense, et Moussa Diarra, chargé de la Justice, ainsi que des experts de la région.`)
	wantPersons(t, persons, "person:amadou-keita", "person:moussa-diarra")
	wantAffiliation(t, aff, "person:amadou-keita", "state:ml")
	wantAffiliation(t, aff, "person:moussa-diarra", "state:ml")
}

func TestPersonsNotGluedToBodies(t *testing.T) {
	persons, _ := personsOf(t, `The document was signed by the Executive Director of the Federal Narcotics Office Ivan Petrovsky. The training was funded under the Atlantic Basin Security Initiative and attended by officers of the region.`)
	wantPersons(t, persons, "person:ivan-petrovsky")
	if len(persons) != 1 {
		t.Errorf("want one person, have %v", keys(persons))
	}
}

func TestPersonsEmployerAfterAt(t *testing.T) {
	_, aff := personsOf(t, `According to Laura Fenwick, Head of the Border Analysis Unit at the INTERPOL General Secretariat, the new network of contact points will help participating States to share information on border security.`)
	wantAffiliation(t, aff, "person:laura-fenwick", "org:interpol")
}

func TestPersonsTitleBodies(t *testing.T) {
	// A state before a body qualifies it; the body is the affiliation.
	_, aff := personsOf(t, `The workshop in Castries was delivered by two instructors of the United States Coast Guard, Paul Hendry and Maria Kowal, for the border officers of the region.`)
	wantAffiliation(t, aff, "person:paul-hendry", "agency:us:")

	// A unit of a ministry: the ministry is the affiliation, of the release's state.
	_, aff = personsOf(t, `Alla riunione di Tirana hanno partecipato il direttore del servizio Relazioni internazionali del ministero dell'Interno, Giulia Marchetti, e una delegazione della polizia albanese.`)
	wantAffiliation(t, aff, "person:giulia-marchetti", "agency:it:ministry-of-interior")

	// A minister's coordinated portfolio and the adjective after it.
	_, aff = personsOf(t, `La delegazione italiana è stata ricevuta a Lima dal ministro della Giustizia e dei Diritti umani peruviano, Javier Soto, per la cooperazione giudiziaria tra i due Paesi.`)
	wantAffiliation(t, aff, "person:javier-soto", "agency:pe:")

	// A coordinated portfolio and the state named after it.
	_, aff = personsOf(t, `La delegazione italiana è stata ricevuta a Lima dal ministro della Giustizia e della Sicurezza pubblica del Perù, Javier Soto, per la cooperazione giudiziaria tra i due Paesi.`)
	wantAffiliation(t, aff, "person:javier-soto", "agency:pe:")
}

func TestPersonsDirectorateAndAnaphor(t *testing.T) {
	// A director's title names the directorate when nothing else does.
	_, aff := personsOf(t, `La réunion de Bamako a été ouverte par le commissaire Issa Konaté, directeur général de la surveillance des frontières du Mali, en présence des experts de la région.`)
	wantAffiliation(t, aff, "person:issa-konate", "agency:ml:")

	// "l'agence" refers back to the body named before it.
	_, aff = personsOf(t, `Le 3 mai 2022, les ministres se sont rendus à l'Agence de l'Union européenne pour la coopération des services répressifs (Europol), où ils ont rencontré le directeur de l'agence, Paul Martens.`)
	wantAffiliation(t, aff, "person:paul-martens", "org:europol")
}

func TestPersonsLeadingADelegation(t *testing.T) {
	_, aff := personsOf(t, `Il Capo della Polizia ha ricevuto oggi a Roma una delegazione della Guardia Civil spagnola guidata dal Direttore generale Carlos Moreno, per rafforzare la cooperazione tra i due Paesi.`)
	wantAffiliation(t, aff, "person:carlos-moreno", "agency:es:")
}

func TestPersonsMinistryOfTheNamedState(t *testing.T) {
	// The ministers visit The Hague; their ministry is of the state the release names.
	_, aff := personsOf(t, `Le 4 mars 2023, le ministre de la Justice, Paul Dubois, s'est entretenu à La Haye avec la directrice d'Eurojust. Il a rappelé que la Belgique soutient pleinement la coopération judiciaire européenne.`)
	wantAffiliation(t, aff, "person:paul-dubois", "agency:be:ministry-of-justice")
}

func TestPersonsSecretariatsAndBracketedLists(t *testing.T) {
	persons, aff := personsOf(t, `The AFRIPOL Secretariat held an online meeting with INTERPOL on 3 May 2022. Taking part were officers of the AFRIPOL Secretariat, namely Pol. Brig. Gen. Karim Haddad (Head of Operations), Supt. Lina Osei (Analyst) and DSP Omar Diallo (Liaison Officer).`)
	wantPersons(t, persons, "person:karim-haddad", "person:lina-osei", "person:omar-diallo")
	for _, id := range []string{"person:karim-haddad", "person:lina-osei", "person:omar-diallo"} {
		wantAffiliation(t, aff, id, "org:afripol-secretariat")
	}
	for id := range persons {
		if id == "person:brig" || id == "person:gen" || id == "person:supt" {
			t.Errorf("an abbreviated rank taken for a name: %s", id)
		}
	}
}

func TestPersonsSpeakersParticipate(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f, err := x.Extract("speakers.txt", []byte(`A regional workshop on border security was held in Accra on 3 May 2022 by INTERPOL. Dr. Kwame Mensah, Director of the Ghana Immigration Service, and Ms. Abena Owusu, Head of Operations at INTERPOL, both addressed the opening session.`))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeParticipatedIn && strings.HasPrefix(e.To, "meeting:") {
			got[e.From] = true
		}
	}
	for _, p := range []string{"person:kwame-mensah", "person:abena-owusu"} {
		if !got[p] {
			t.Errorf("%s should take part in the workshop; participants %v", p, keys(got))
		}
	}
}

func TestPersonsTitleNearestTheName(t *testing.T) {
	persons, aff := personsOf(t, `Lisbonne, le 2 février 2024 – Le ministre de l'Intérieur, Paulo Reis, a reçu son homologue espagnol ainsi que le Président de la République Rui Costa. Le ministre a reçu ensuite au ministère le Secrétaire général d'Interpol, Marco Lenz, pour parler de la coopération policière.`)
	wantPersons(t, persons, "person:rui-costa", "person:marco-lenz", "person:paulo-reis")
	if n := persons["person:marco-lenz"]; n.Properties["title"] != "Secrétaire général d'Interpol" {
		t.Errorf("title of the nearest office: %q", n.Properties["title"])
	}
	wantAffiliation(t, aff, "person:marco-lenz", "org:interpol")
	// "espagnol" qualifies the counterpart: the minister's ministry is of the place's state.
	wantAffiliation(t, aff, "person:paulo-reis", "agency:pt:")
}

func TestPersonsFullNameOfAFamilyNameAndPlaceFirstNames(t *testing.T) {
	persons, aff := personsOf(t, `Il Commissario europeo per gli Affari interni Anna Berg ha incontrato oggi a Roma il Ministro Ferrante. Lo ha dichiarato Paolo Ferrante al termine dell'incontro. Erano presenti anche la dottoressa Florence Moretti della Guardia di Finanza e altri funzionari.`)
	wantPersons(t, persons, "person:anna-berg", "person:paolo-ferrante", "person:florence-moretti")
	if _, ok := persons["person:ferrante"]; ok {
		t.Error("the family name after a title should be the full person named later")
	}
	wantAffiliation(t, aff, "person:florence-moretti", "agency:it:")
}

func TestPersonsShorterFormsAndHonorificPhrases(t *testing.T) {
	persons, _ := personsOf(t, `L'atelier de Lomé a été ouvert le 4 juin 2021 par Mme Awa Diop Sarr, Représentante régionale de l'ONUDC, en présence de Son Excellence Marc Leroy, Ambassadeur de France au Togo, et du Commissaire Divisionnaire Kofi Mensah. Selon Mme Diop Sarr, la coopération doit se renforcer.`)
	wantPersons(t, persons, "person:awa-diop-sarr", "person:marc-leroy", "person:kofi-mensah")
	if len(persons) != 3 {
		t.Errorf("want three persons, have %v", keys(persons))
	}
}

func TestPersonsPossessivesAndBodiesAfterAComma(t *testing.T) {
	persons, aff := personsOf(t, `NAIROBI, Kenya – The delegation was received on 3 March 2022 by Hon. Peter Wanjala and by Uganda's Ambassador to Kenya, Grace Akello. Assistant Inspector General Paul Otieno, of the Kenya Police Service, and the Director of Criminal Investigations Samuel Mwangi also met the delegates.`)
	wantPersons(t, persons, "person:peter-wanjala", "person:grace-akello", "person:paul-otieno", "person:samuel-mwangi")
	wantAffiliation(t, aff, "person:grace-akello", "state:ug")
	wantAffiliation(t, aff, "person:paul-otieno", "agency:ke:")
}

func TestPersonsBodyInBracketsOrFrom(t *testing.T) {
	_, aff := personsOf(t, `The sessions of the workshop in Vienna on 4 May 2022 were led by Dr. Anna Keller (UNODC) and by Mr. Tom Price from Europol, who presented the latest trends.`)
	wantAffiliation(t, aff, "person:anna-keller", "unbody:unodc")
	wantAffiliation(t, aff, "person:tom-price", "org:europol")
}

func TestPersonsHeadlinesAndLongTitles(t *testing.T) {
	persons, _ := personsOf(t, "Secretary General Welcomes New Members Of The Regional Network\n\nNAIROBI, 5 May 2023 – The Under-Secretary-General for Peace Operations Jean-Paul Morel met the Inspector General of Police, Peter Kamau, on 5 May 2023 to discuss police cooperation.")
	wantPersons(t, persons, "person:jean-paul-morel", "person:peter-kamau")
	if len(persons) != 2 {
		t.Errorf("a title-case headline has no names: %v", keys(persons))
	}
}

func TestPersonsTitleComplementsAndCompanies(t *testing.T) {
	persons, aff := personsOf(t, `GENEVA, 3 May 2022 – The President of Moldova Ana Cojocaru and the Mayor of Geneva Paul Meier opened the meeting. The Head of Unit, Ms. Eva Lind, and Tom Berger presented the results. Dr. Walsh and Murray Ltd supplied the equipment.`)
	wantPersons(t, persons, "person:ana-cojocaru", "person:paul-meier", "person:eva-lind", "person:tom-berger")
	wantAffiliation(t, aff, "person:ana-cojocaru", "state:md")
	for id := range persons {
		if strings.Contains(id, "moldova") || strings.Contains(id, "geneva") || strings.Contains(id, "ltd") {
			t.Errorf("a title's complement or a company read as a name: %s", id)
		}
	}
}

func TestPersonsTitlePairsInAList(t *testing.T) {
	persons, aff := personsOf(t, `Torino, 4 maggio 2023 – Erano presenti il Questore di Torino, Paolo Verdi, il Comandante Provinciale dei Carabinieri, Col. Luca Neri, e la dott.ssa Anna Gialli, Vicario del Prefetto.`)
	wantPersons(t, persons, "person:paolo-verdi", "person:luca-neri", "person:anna-gialli")
	wantAffiliation(t, aff, "person:luca-neri", "agency:it:carabinieri")
	if aff["person:paolo-verdi -> agency:it:carabinieri"] {
		t.Error("the next person's title was read as an apposition")
	}
	if _, ok := persons["person:provinciale"]; ok {
		t.Error("a title's adjective read as a family name")
	}
}

func TestPersonsForceNamedByItsHead(t *testing.T) {
	_, aff := personsOf(t, `Roma, 4 maggio 2023 – Alla firma dell'accordo hanno partecipato il Capo della Polizia, Prefetto Marco Ferri, e il Vice Direttore Generale della Pubblica Sicurezza, Prefetto Luigi Conti, per la cooperazione di polizia tra i due Paesi.`)
	wantAffiliation(t, aff, "person:marco-ferri", "agency:it:police")
	wantAffiliation(t, aff, "person:luigi-conti", "agency:it:public-security-department")
}

func TestPersonsEmbassyInATitle(t *testing.T) {
	_, aff := personsOf(t, `Oggi a Tirana il Direttore della Polizia albanese ha incontrato l'Esperto per la sicurezza dell'Ambasciata, Col. Mario Neri, e l'Addetto dell'Ambasciata di Francia, Paul Morel, per rafforzare la cooperazione.`)
	wantAffiliation(t, aff, "person:mario-neri", "agency:it:")
	wantAffiliation(t, aff, "person:paul-morel", "agency:fr:")
}

func TestPersonsEuropeanCommissionerAndOwnOffices(t *testing.T) {
	_, aff := personsOf(t, `Brussels, 3 May 2022 – The European Commission welcomed the arrangement, signed in the presence of the European Commissioner for Home Affairs Anna Lindqvist and Home Secretary John Porter as witnesses.`)
	wantAffiliation(t, aff, "person:anna-lindqvist", "org:european-commission")
	if aff["person:john-porter -> org:european-commission"] {
		t.Error("an office of its own does not take the body of the person before")
	}
}

// TestPersonsAnnouncedAndPortfolios reads a name after "chaired by" without a title, and a
// title whose portfolio holds commas, up to its body.
func TestPersonsAnnouncedAndPortfolios(t *testing.T) {
	persons, _ := personsOf(t, `NAIROBI, 3 June 2025 - The regional workshop on border management opened in Nairobi. The first session was chaired by Wanjiru Kamau and closed with a visit to the port.`)
	wantPersons(t, persons, "person:wanjiru-kamau")

	_, aff := personsOf(t, `NAIROBI, 3 June 2025 - The regional workshop on border management opened in Nairobi with an address by Tendai Moyo, Commissioner for Health, Humanitarian Affairs and Social Development of the African Union.`)
	wantAffiliation(t, aff, "person:tendai-moyo", "org:au")
}

// TestPersonsInListsAreNoHeadlines reads the people of a bulleted list of "Name, Title,
// Body" lines, whose capitals would otherwise make them look like headlines.
func TestPersonsInListsAreNoHeadlines(t *testing.T) {
	persons, _ := personsOf(t, "WELLINGTON, 2 May 2025 - The regional course on maritime security was held in Wellington.\n\nParticipants:\n- Aroha Ngata, Senior Sergeant, New Zealand Police\n- Tevita Fifita, Chief Inspector, Tonga Police\n")
	wantPersons(t, persons, "person:aroha-ngata", "person:tevita-fifita")
}

// TestTitleThenBodyOnAListLine reads the body after the title in "Name, Title, Body" lines.
func TestTitleThenBodyOnAListLine(t *testing.T) {
	_, aff := personsOf(t, "WELLINGTON, 2 May 2025 - The regional course on maritime security was held in Wellington.\n\nParticipants:\n- Aroha Ngata, Senior Sergeant, New Zealand Police\n- Tevita Fifita, Chief Inspector, Royal Papua New Guinea Constabulary\n")
	wantAffiliation(t, aff, "person:tevita-fifita", "agency:pg:")
}

func TestTopicWordsAreNotNames(t *testing.T) {
	f := extractText(t, "test_en.txt", `Regional centre trains customs officers

ALMATY, 4 May 2021 – The course was given by trainers of the Regional Centre for Combating Illicit Trafficking of Narcotic Drugs, Psychotropic Substances and their Precursors, who said Digital Evidence is now central to investigations.`)
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindPerson {
			t.Errorf("words of a topic are not a person's name: %s", n.Name)
		}
	}
}

func TestFamilyNameInLowerCaseAfterAnApostrophe(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Réunion des chefs de police à Lomé

LOMÉ, 9 octobre 2014 – L'assemblée générale s'est tenue à Lomé du 7 au 9 octobre 2014. Le Directeur général de la Police nationale du Togo, M. Yao Kouassi M'bra, a présidé la séance. L'atelier a suivi.`)
	if !hasNode(f, "person:yao-kouassi-m-bra") {
		t.Errorf("'M'bra' is part of the name:\n%s", dumpEdges(f))
	}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindPerson && strings.Contains(n.Name, "atelier") {
			t.Errorf("'L'atelier' is no name: %s", n.Name)
		}
	}
}

func TestNumberWordsStartNoName(t *testing.T) {
	f := extractText(t, "numbers.txt", "Colombo, 6 March 2020 – The course ended in Colombo on 4 March 2020. Two PORTSEC experts taught the course, assisted by Ms Nimali Perera of Sri Lanka Customs.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindPerson && strings.HasPrefix(n.ID, "person:two") {
			t.Errorf("a count is no person: %s", n.ID)
		}
	}
	if !hasNode(f, "person:nimali-perera") {
		t.Errorf("the person is lost: %s", nodeIDs(f))
	}
}

func TestResearcherIsATitle(t *testing.T) {
	f := extractText(t, "researcher_fr.txt", "Dakar, 20 novembre 2018 – Parmi les intervenants du colloque figurait le chercheur Moussa Kane.\n")
	if !hasNode(f, "person:moussa-kane") {
		t.Errorf("the researcher is lost: %s", nodeIDs(f))
	}
}

func TestPersonsNoNameInsideATitle(t *testing.T) {
	persons, _ := personsOf(t, `Ha parlato il Vice Primo Ministro e Ministro dell'Interno belga, Jan Peeters, davanti ai funzionari della Polizia di Stato per la cooperazione tra i due Paesi.`)
	wantPersons(t, persons, "person:jan-peeters")
	if _, ok := persons["person:primo"]; ok {
		t.Errorf("a word of the title taken for a name")
	}
}

func TestPersonsAnnouncedByARoyalHonorific(t *testing.T) {
	persons, _ := personsOf(t, `La ministre a signé à Ryad avec son homologue, le prince Fahd ben Salem, un accord de coopération entre les polices des deux pays pour la sécurité.`)
	wantPersons(t, persons, "person:fahd-ben-salem")
}

func TestPersonsNamesKeepRegnalNumbersAndLowerCapitals(t *testing.T) {
	persons, _ := personsOf(t, `Le ministre Jean DUPONT a remercié le roi Mohammed VI d'avoir accueilli à Rabat la réunion des chefs de police, tenue le 3 mars 2019 pour la coopération entre les polices des deux pays.`)
	wantPersons(t, persons, "person:jean-dupont", "person:mohammed-vi")
	for id, want := range map[string]string{"person:jean-dupont": "Jean Dupont", "person:mohammed-vi": "Mohammed VI"} {
		if n, ok := persons[id]; ok && n.Name != want {
			t.Errorf("%s is named %q, want %q", id, n.Name, want)
		}
	}
}

func TestFirstOfTwoFamilyNamesAlone(t *testing.T) {
	for _, c := range []languageCase{
		{"fr", "Paris, 3 mai 2019 – Le ministre espagnol de l'Intérieur, Juan Ignacio Zoido Álvarez, a signé l'accord à Madrid le 3 mars. En février, M. Zoido avait signé des accords. Les deux parties ont souligné l'importance de la coopération."},
		{"en", "London, 3 May 2019 - The Spanish Minister of the Interior, Juan Ignacio Zoido Álvarez, signed the agreement in Madrid on 3 March. In February Mr. Zoido had signed other agreements. Both sides stressed the importance of cooperation."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		if hasNode(f, "person:zoido") || !hasNode(f, "person:juan-ignacio-zoido-alvarez") {
			t.Errorf("%s: Zoido is Juan Ignacio Zoido Álvarez: %s", c.lang, nodeIDs(f))
		}
	}
}
