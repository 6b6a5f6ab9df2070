package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
)

// Titles the rules read as affiliations: functions written as one word with "vice", job
// titles of every service, and ministers whose portfolio the gazetteer does not list.

func TestTitleWordsOfServices(t *testing.T) {
	f := extractText(t, "titles.txt", "ACCRA, 2 June 2025 – The seminar was opened by Mr Yaw Boateng, Comptroller-General of the Ghana Immigration Service, and by Ms Liv Haugen, Counsellor at the Royal Norwegian Embassy in Accra.\n")
	wantAffiliations(t, f, "job titles of services", [2]string{"person:yaw-boateng", "agency:gh:immigration-service"},
		[2]string{"person:liv-haugen", "agency:no:embassy-accra"})
}

// wantAffiliations fails the test for each person-actor pair f does not affiliate.
func wantAffiliations(t *testing.T, f *fixtures.Fixture, what string, pairs ...[2]string) {
	t.Helper()
	for _, e := range pairs {
		if !hasEdge(f, fixtures.EdgeAffiliatedWith, e[0], e[1]) {
			t.Errorf("%s: %s is not affiliated with %s:\n%s", what, e[0], e[1], dumpEdges(f))
		}
	}
}

func TestViceTitlesInOneWord(t *testing.T) {
	f := extractText(t, "vice.txt", "Skopje, 3 marzo 2025 – Al seminario è intervenuta la viceministra della Giustizia macedone, Vesna Petrovska, insieme al vicequestore di Bari, Paolo Lenti.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:vesna-petrovska", "agency:mk:ministry-of-justice") {
		t.Errorf("a viceministra's ministry is not read: %s", nodeIDs(f))
	}
	if !hasNode(f, "person:paolo-lenti") {
		t.Errorf("a name after a vice title is lost: %s", nodeIDs(f))
	}
}

func TestMinisterOfAnUnlistedPortfolio(t *testing.T) {
	f := extractText(t, "portfolio.txt", "Atene, 4 maggio 2025 – Alla riunione hanno partecipato il ministro cipriota per la Sicurezza dei porti, Andreas Nikolaou, e la ministra della Famiglia della Repubblica di Slovenia, Maja Kranjc.\n")
	found := map[string]string{}
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeAffiliatedWith {
			found[e.From] = e.To
		}
	}
	ministries := map[string]*fixtures.Node{}
	for i := range f.Nodes {
		ministries[f.Nodes[i].ID] = &f.Nodes[i]
	}
	for person, want := range map[string]struct{ country, name string }{
		"person:andreas-nikolaou": {"CY", "Ministero cipriota per la Sicurezza dei porti"},
		"person:maja-kranjc":      {"SI", "Ministero della Famiglia"},
	} {
		n := ministries[found[person]]
		if n == nil || n.Kind != fixtures.KindAgency || n.Country == nil || *n.Country != want.country || n.Name != want.name {
			t.Errorf("%s: affiliated with %q, want the %s %q: %s", person, found[person], want.country, want.name, nodeIDs(f))
		}
	}
}

func TestMinisterOfStateIsARank(t *testing.T) {
	f := extractText(t, "rank.txt", "LONDON, 3 March 2026 – The answer was given by Ruth Ellison, Minister of State for Border Security, to the committee.\n")
	noNodeOfKind(t, f, fixtures.KindAgency, "a rank read as a ministry")
}

func TestInstitutionalAdjectivesInNames(t *testing.T) {
	f := extractText(t, "cantonal.txt", "Annemasse, 5 mai 2025 – La commandante de la Police cantonale de Vaud, Claire Morel, et Mme Lea Frei, cheffe de la coopération policière internationale de l'Office fédéral de la police, ont participé à l'exercice avec les équipes qui sont venues des deux pays.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:claire-morel", "agency:ch:cantonal-police-vaud") {
		t.Errorf("a cantonal police is cut at its head: %s", nodeIDs(f))
	}
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:lea-frei", "agency:ch:fedpol") {
		t.Errorf("a unit described by adjectives hides its office: %s", nodeIDs(f))
	}
}

func TestStatesNamedByTheMeeting(t *testing.T) {
	f := extractText(t, "members.txt", "VARNA, 6 May 2025 – The annual meeting of the heads of the coast guards of Bulgaria, Romania and Georgia opened today. A workshop on the smuggling routes through Libya, Niger and Chad followed on Friday.\n")
	var members, places int
	for _, e := range f.Edges {
		if e.Kind != fixtures.EdgeParticipatedIn {
			continue
		}
		switch e.From {
		case "state:bg", "state:ro", "state:ge":
			members++
		case "state:ly", "state:ne", "state:td":
			places++
		}
	}
	if members != 3 || places != 0 {
		t.Errorf("states named by the meeting: %d of 3 take part, %d places taken for participants: %s", members, places, nodeIDs(f))
	}
}

func TestWhoIsMetTakesPart(t *testing.T) {
	f := extractText(t, "met.txt", "Roma, 14 marzo 2025 – Il capo della Polizia, prefetto Carlo Neri, ha incontrato oggi al Viminale il direttore generale della Polizia federale belga, Luc Peeters. Al centro dei colloqui la cooperazione contro il traffico di droga nei porti del Mare del Nord e la tratta di esseri umani.\n")
	var meeting string
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting {
			meeting = n.ID
		}
	}
	for _, p := range []string{"person:carlo-neri", "person:luc-peeters"} {
		if meeting == "" || !hasEdge(f, fixtures.EdgeParticipatedIn, p, meeting) {
			t.Errorf("%s does not take part in the meeting %q: %s", p, meeting, nodeIDs(f))
		}
	}
}

func TestGivenNamesLikeMonths(t *testing.T) {
	f := extractText(t, "jan.txt", "BRUSSELS, 12 Jan 2025 – The seminar was opened by Jan Vermeulen, Director of the Belgian Federal Police, on 12 Jan 2025.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:jan-vermeulen", "agency:be:federal-police") {
		t.Errorf("a given name spelt like a month is lost: %s", nodeIDs(f))
	}
}

func TestDelegationLines(t *testing.T) {
	f := extractText(t, "delegations.txt", "Communiqué final de la réunion ministérielle\nNiamey (Niger), le 3 avril 2025\n\nLa réunion ministérielle sur la sécurité des frontières s'est tenue à Niamey le 3 avril 2025. Elle a été précédée, le 2 avril, par la réunion des experts.\n\nLes pays suivants étaient représentés :\n- Mali : M. Oumar Keita, ministre de la Sécurité intérieure ;\n- Tchad : Mme Achta Mahamat, ministre des Affaires étrangères ;\n- Niger : M. Issa Garba, Premier ministre.\n")
	var summit string
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting && n.StartDate != nil && *n.StartDate == "2025-04-03" && n.Place != nil && *n.Place == "Niamey" {
			summit = n.ID
		}
	}
	for _, p := range []string{"state:ml", "state:td", "state:ne", "person:oumar-keita", "person:achta-mahamat", "person:issa-garba"} {
		if summit == "" || !hasEdge(f, fixtures.EdgeParticipatedIn, p, summit) {
			t.Errorf("%s is not a delegate of the meeting reported %q: %s", p, summit, nodeIDs(f))
		}
	}
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:oumar-keita", "agency:ml:ministry-of-security") || !hasNode(f, "agency:td:ministry-of-foreign-affairs") {
		t.Errorf("a minister's ministry is not of the state heading the line: %s", nodeIDs(f))
	}
}

func TestSignatoriesAtTheCeremonyNamedLater(t *testing.T) {
	f := extractText(t, "signing.txt", "LONDON, 2 June 2025 – A memorandum of understanding on the exchange of customs data was signed in Lisbon on 20 May 2025 by the Director General of the UK Border Force, Alan Pryce, and the Director of the Portuguese Tax and Customs Authority, Rui Matos. The ceremony was attended by the British Ambassador to Portugal, Claire Hunt.\n")
	var ceremony string
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting {
			ceremony = n.ID
		}
	}
	for _, p := range []string{"person:alan-pryce", "person:rui-matos", "person:claire-hunt"} {
		if ceremony == "" || !hasEdge(f, fixtures.EdgeParticipatedIn, p, ceremony) {
			t.Errorf("%s is not at the signing ceremony %q: %s", p, ceremony, nodeIDs(f))
		}
	}
}

func TestBodyAloneAfterTheName(t *testing.T) {
	f := extractText(t, "programme.txt", "TALLINN, 4 June 2025 – Workshop on cross-border cybercrime investigations\n\nChair: Ms Kadri Tamm, Estonian Police and Border Guard Board.\nSpeakers: Mr Lukas Berger, Federal Criminal Police Office (BKA), Germany; Ms Elena Rossi (Europol, Rapporteur).\nThe workshop heard Mr Jonas Petersen, Europol and Eurojust on joint teams.\n")
	for _, e := range [][2]string{
		{"person:lukas-berger", "agency:de:bka"},
		{"person:elena-rossi", "org:europol"},
	} {
		if !hasEdge(f, fixtures.EdgeAffiliatedWith, e[0], e[1]) {
			t.Errorf("%s is not affiliated with %s: %s", e[0], e[1], nodeIDs(f))
		}
	}
	if !hasNode(f, "person:jonas-petersen") || hasEdge(f, fixtures.EdgeAffiliatedWith, "person:jonas-petersen", "org:europol") {
		t.Errorf("a list of bodies after a name is read as the person's body")
	}
}

func TestTitleOfATownsOffice(t *testing.T) {
	f := extractText(t, "questore.txt", "Bari, 9 ottobre 2025 – L'operazione è stata presentata in conferenza stampa dal Questore di Bari, dottor Pietro Lanza, insieme al Prefetto di Bari, Carla Riva, che hanno ringraziato gli investigatori.\n")
	for _, e := range [][2]string{
		{"person:pietro-lanza", "agency:it:questura-bari"},
		{"person:carla-riva", "agency:it:prefettura-bari"},
	} {
		if !hasEdge(f, fixtures.EdgeAffiliatedWith, e[0], e[1]) {
			t.Errorf("%s is not affiliated with %s: %s", e[0], e[1], nodeIDs(f))
		}
	}
}

func TestMembershipVerbs(t *testing.T) {
	f := extractText(t, "adhere.txt", "Bruxelles, 5 mai 2025 – La Belgique et les Pays-Bas font partie de l'Organisation internationale de police criminelle (OIPC) depuis longtemps. Le thème de la réunion avec le Maroc et la Tunisie était la coopération avec l'OIPC.\n")
	want := map[string]bool{"state:be": true, "state:nl": true}
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeMemberOf {
			if !want[e.From] {
				t.Errorf("unexpected member %s of %s", e.From, e.To)
			}
			delete(want, e.From)
		}
	}
	for s := range want {
		t.Errorf("%s is not read as a member: %s", s, nodeIDs(f))
	}
}

func TestAcronymOfAListedBody(t *testing.T) {
	f := extractText(t, "iai.txt", "Ancona, 3 aprile 2025 – La riunione dell'Iniziativa Adriatico-Ionica (IAI) si è svolta ieri. All'IAI aderiscono Albania, Croazia e Grecia, che hanno presentato i loro piani.\n")
	for _, s := range []string{"state:al", "state:hr", "state:gr"} {
		if !hasEdge(f, fixtures.EdgeMemberOf, s, "org:adriatic-ionian-initiative") {
			t.Errorf("%s is not a member of the body its acronym names: %s", s, nodeIDs(f))
		}
	}
}

func TestDeliveredByAndAttendedCues(t *testing.T) {
	for _, c := range []struct{ lang, text, actor string }{
		{"en", "NAIROBI, 4 May 2025 – A training course on maritime interdiction was held in Mombasa from 2 to 4 May 2025. The course was delivered by the International Maritime Organization with instructors from the region.\n", "unbody:imo"},
		{"fr", "Dakar, le 6 mai 2025 – Une session de formation sur les enquêtes financières s'est tenue à Dakar du 5 au 6 mai 2025. Les cours ont été dispensés par Europol, avec des experts de la région, pour des enquêteurs venus de toute l'Afrique de l'Ouest.\n", "org:europol"},
		{"it", "Roma, 7 maggio 2025 – Si è svolto a Roma dal 5 al 7 maggio 2025 un corso di formazione sulle indagini finanziarie. Il corso è stato curato da Europol e vi hanno partecipato anche funzionari della regione.\n", "org:europol"},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		found := false
		for _, e := range f.Edges {
			found = found || e.Kind == fixtures.EdgeParticipatedIn && e.From == c.actor
		}
		if !found {
			t.Errorf("%s: the body that delivered the course does not take part: %s", c.lang, nodeIDs(f))
		}
	}
}

func TestCeremonyNounAlone(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"fr", "Ambassade de France au Sénégal – Actualités\n\nDakar, le mardi 4 mars 2025\n\nL'ambassadrice de France au Sénégal, Mme Claire Dubois, a remis ce mardi des équipements à la Police nationale sénégalaise. La cérémonie s'est déroulée en présence du ministre sénégalais de l'Intérieur, M. Moussa Diop.\n"},
		{"it", "Ambasciata d'Italia a Tunisi – Notizie\n\nTunisi, martedì 4 marzo 2025\n\nL'Ambasciatore d'Italia in Tunisia, Marco Bianchi, ha consegnato oggi apparecchiature alla Guardia Nazionale tunisina. La cerimonia si è svolta alla presenza del ministro tunisino dell'Interno, Kamel Ben Ali.\n"},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		n := 0
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeParticipatedIn && (e.From == "person:moussa-diop" || e.From == "person:kamel-ben-ali") {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: the ceremony is not a meeting with its guests: %s", c.lang, nodeIDs(f))
		}
	}
}

func TestForceNamedByItsState(t *testing.T) {
	f := extractText(t, "force.txt", "Gorizia, 5 marzo 2025 – Alla riunione sedeva il direttore generale della Polizia austriaca, Karl Huber, accanto ai rappresentanti della Polizia di Stato.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:karl-huber", "agency:at:police-austriaca") {
		t.Errorf("a force named by its head and its state is lost: %s", nodeIDs(f))
	}
}

func TestCollegeNamedOnlyByTheTitle(t *testing.T) {
	f := extractText(t, "college.txt", "Madrid, 9 luglio 2025 – Alla riunione dei ministri è intervenuto anche il Commissario europeo per la migrazione, Pavel Novak, che ha presentato il nuovo patto.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:pavel-novak", "org:european-commission") {
		t.Errorf("a European Commissioner is not of the Commission when the text names it nowhere else: %s", nodeIDs(f))
	}
}

func TestQuotedProjectAfterAComma(t *testing.T) {
	f := extractText(t, "project.txt", "BRUSSELS, 3 March 2025 – The European Commission presented a new project, \"Safer Ports in the Red Sea\" (SPRS), today. The project is funded by the Ministry of Foreign Affairs of the Netherlands and by the Swiss Agency for Development and Cooperation (SDC).\n")
	p := "project:safer-ports-in-the-red-sea"
	if !hasNode(f, p) {
		t.Fatalf("a quoted project name after 'project,' is lost: %s", nodeIDs(f))
	}
	funders := 0
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeFunded && e.To == p {
			if e.From == "agency:nl:ministry-of-foreign-affairs" || e.From == "agency:ch:sdc" {
				funders++
			} else {
				t.Errorf("unexpected funder %s", e.From)
			}
		}
	}
	if funders != 2 {
		t.Errorf("%d of the two funders 'by A and by B' read: %s", funders, nodeIDs(f))
	}
}

func TestListedAgencyOfAnotherState(t *testing.T) {
	f := extractText(t, "other.txt", "LYON, 21 January 2026 – The operation was conducted under Project SHIELD-Sahel, which INTERPOL runs with funding from the German Federal Foreign Office and the Spanish National Police.\n")
	for _, id := range []string{"agency:de:federal-foreign-office", "agency:es:national-police", "project:shield-sahel"} {
		if !hasNode(f, id) {
			t.Errorf("%s is missing: %s", id, nodeIDs(f))
		}
	}
	if hasNode(f, "agency:gb:fcdo") {
		t.Errorf("a German office is read as the British one of the same name")
	}
}

func TestAmongTheParticipantsHeadsOfBodies(t *testing.T) {
	f := extractText(t, "among.txt", "Vienne, le 3 mars 2021 – Le séminaire régional s'est tenu à Vienne le 3 mars 2021, organisé en collaboration avec le gouvernement de la Norvège. Parmi les participants figuraient les directeurs généraux d'EUROPOL et de FRONTEX, ainsi que des experts du Portugal.\n")
	var seminar string
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting {
			seminar = n.ID
		}
	}
	for _, a := range []string{"org:europol", "org:frontex", "state:no", "state:pt"} {
		if seminar == "" || !hasEdge(f, fixtures.EdgeParticipatedIn, a, seminar) {
			t.Errorf("%s does not take part in %q: %s", a, seminar, nodeIDs(f))
		}
	}
}

func TestConsortiumImplements(t *testing.T) {
	f := extractText(t, "consortium.txt", "Vicenza, 4 febbraio 2022 – Si è chiuso ieri a Vicenza un corso di formazione per funzionari libici, nell'ambito del progetto SAHEL-SEC finanziato dall'Unione europea. Il progetto è attuato da un consorzio che riunisce Civipol, la GIZ e la FIIAPP, in partenariato con Expertise France.\n")
	for _, a := range []string{"agency:fr:civipol", "agency:de:giz", "agency:es:fiiapp", "agency:fr:expertise-france"} {
		if !hasEdge(f, fixtures.EdgeImplements, a, "project:sahel-sec") {
			t.Errorf("%s does not implement the project: %s", a, nodeIDs(f))
		}
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeParticipatedIn && e.From == a {
				t.Errorf("a member of the consortium is read as taking part in %s", e.To)
			}
		}
	}
}

func TestLongNameAfterATitle(t *testing.T) {
	f := extractText(t, "longname.txt", "Tunisi, 12 giugno 2025 – Il sottosegretario ha ricevuto il ministro degli Interni egiziano, Mohamed Ali Ibrahim Hassan Soliman, al termine della riunione sulla sicurezza delle frontiere.\n")
	const p = "person:mohamed-ali-ibrahim-hassan-soliman"
	if !hasNode(f, p) {
		t.Fatalf("a name of five words after a title is lost: %s", nodeIDs(f))
	}
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, p, "agency:eg:ministry-of-interior") {
		t.Errorf("the long name loses its ministry: %s", nodeIDs(f))
	}
}

func TestMinistryNamedWithTheAdjectiveAfterIt(t *testing.T) {
	f := extractText(t, "adjafter.txt", "Rabat, 2 ottobre 2025 – All'incontro era presente la ministra della Giustizia tunisina, Leila Jaffel, con il suo consigliere.\n")
	for _, n := range f.Nodes {
		if n.ID == "agency:tn:ministry-of-justice" {
			if !contains(n.Aliases, "ministra della Giustizia tunisina") {
				t.Errorf("the ministry's name in the text leaves out the state: %q", n.Aliases)
			}
			return
		}
	}
	t.Errorf("no ministry of Tunisia: %s", nodeIDs(f))
}

func TestOrganisationHeads(t *testing.T) {
	f := extractText(t, "orgheads.txt", "BRUSSELS, 4 April 2025 – Delegations from Albania and Serbia attended the workshop of the Maritime Security Network and the Balkan Prosecutors Group in Brussels on 4 April 2025.\n")
	for _, id := range []string{"org:maritime-security-network", "org:balkan-prosecutors-group"} {
		if !hasNode(f, id) {
			t.Errorf("no organisation %s: %s", id, nodeIDs(f))
		}
	}
	g := extractText(t, "gruppo.txt", "Roma, 3 marzo 2025 – Si è svolta oggi a Roma la riunione dei ministri della Giustizia del Gruppo Adriatico (GA), con le delegazioni di Croazia e Albania.\n")
	if hasNode(g, "person:gruppo-adriatico") || !hasNode(g, "org:ga") {
		t.Errorf("a group read as a person, or not read: %s", nodeIDs(g))
	}
}

func TestOrganOfTheOrganisationBeforeIt(t *testing.T) {
	f := extractText(t, "organ.txt", "THE HAGUE, 5 May 2025 – Representatives of Belgium and Austria attended the meeting of the Europol Management Board in The Hague on 5 May 2025.\n")
	const board = "org:europol-management-board"
	if !hasEdge(f, fixtures.EdgePartOf, board, "org:europol") {
		t.Errorf("the board is not part of its organisation: %s", nodeIDs(f))
	}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting && !hasEdge(f, fixtures.EdgeHeldUnder, n.ID, board) {
			t.Errorf("the meeting of the board is not held under it: %s", nodeIDs(f))
		}
	}
}

func TestRepublicNamedByItsAdjective(t *testing.T) {
	f := extractText(t, "republic.txt", "Lisbona, 3 marzo 2025 – La Polizia di Stato e la Guardia Nazionale Repubblicana della Repubblica Portoghese hanno firmato oggi a Lisbona un protocollo sulla formazione.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && strings.Contains(n.Name, "Repubblica") {
			t.Errorf("the republic is read into the body's name: %s %q", n.ID, n.Name)
		}
	}
	if !hasNode(f, "state:pt") {
		t.Errorf("'la Repubblica Portoghese' is not Portugal: %s", nodeIDs(f))
	}
}

func TestBodyNamedAgainWithoutItsState(t *testing.T) {
	f := extractText(t, "again.txt", "Madrid, 3 marzo 2025 – La Guardia Civil e la Gendarmeria Nazionale francese hanno firmato oggi a Madrid, in Spagna, un protocollo. La Direzione Generale della Gendarmeria Nazionale ospiterà il primo corso a Siviglia.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && strings.Contains(n.Name, "Direzione Generale") && (n.Country == nil || *n.Country != "FR") {
			t.Errorf("the directorate of the French gendarmerie is not France's: %s", n.ID)
		}
	}
}

func TestListItemClosedByItsState(t *testing.T) {
	f := extractText(t, "items.txt", "Experts meet on digital evidence\n\nAPIA, 3 March 2025 – The following experts attended the meeting held in Apia on 3 March 2025:\n- Ms Ana Silva, Senior State Prosecutor, Office of the Director of Public Prosecutions, Tonga;\n- Mr Tom Baker (Judiciary Police, Portugal).\n")
	for person, body := range map[string]string{
		"person:ana-silva": "agency:to:office-director-public-prosecutions",
		"person:tom-baker": "agency:pt:judiciary-police",
	} {
		if !hasEdge(f, fixtures.EdgeAffiliatedWith, person, body) {
			t.Errorf("%s is not affiliated with %s: %s", person, body, nodeIDs(f))
		}
	}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && strings.HasPrefix(n.Name, "Senior") {
			t.Errorf("a person's title read as a body: %s", n.ID)
		}
	}
}

func TestAffiliationsAfterTheName(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Lyon, 12 March 2026 – A regional workshop was held in Dakar from 9 to 11 March 2026. According to Patrick Dumont, INTERPOL's Counter Terrorism Director, threats at sea deserve more attention. Maria Lopez, of UNODC, presented the new guidelines.`)
	for from, to := range map[string]string{"person:patrick-dumont": "org:interpol", "person:maria-lopez": "unbody:unodc"} {
		if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, from, to) {
			t.Errorf("%s should be affiliated with %s:\n%s", from, to, dumpEdges(f))
		}
	}
	f = extractText(t, "test_fr.txt", `Communiqué

Dakar, le 12 mars 2026 – Un atelier régional s'est tenu à Dakar du 9 au 11 mars 2026. Plusieurs experts internationaux y ont contribué : M. Ibrahima Ndiaye et M. Paul Kaboré, de l'ONUDC ; Mme Awa Traoré, d'INTERPOL.`)
	if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:ibrahima-ndiaye", "unbody:unodc") {
		t.Errorf("two persons before \", de l'ONUDC\" both work there:\n%s", dumpEdges(f))
	}
	f = extractText(t, "test_it.txt", `Comunicato

Roma, 12 marzo 2026 – Al corso hanno contribuito docenti dell'Università di Padova, della John Hopkins, della Scuola Superiore Sant'Anna di Pisa.`)
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindPerson {
			t.Errorf("a university in a list is no person: %+v", n)
		}
	}
}

func TestHeadOfTheBodyBefore(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Lyon, 12 March 2026 – The operational coordination unit was hosted by the Brazilian Federal Police, whose Executive Director, Rodrigo Almeida Costa, said the force had been glad to play a key role.`)
	if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:rodrigo-almeida-costa", "agency:br:federal-police") {
		t.Errorf("\"the Federal Police, whose Executive Director, X\": X works there:\n%s", dumpEdges(f))
	}
	f = extractText(t, "test_fr.txt", `Communiqué

Alger, le 16 mai 2017 – Le commissaire a salué les efforts de la Direction générale de la Sûreté nationale, dirigée par le général-major Karim Benslimane, pour équiper le mécanisme.`)
	if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:karim-benslimane", "agency:dz:dgsn") {
		t.Errorf("\"la DGSN, dirigée par X\": X works there:\n%s", dumpEdges(f))
	}
}

func TestTitleBeforeAnArticleAndHonorific(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Communiqué

Lomé, 12 novembre 2021 – Un atelier national s'est tenu à Lomé du 9 au 11 novembre 2021. Le Directeur régional de l'ONUDC pour l'Afrique de l'Ouest, le Dr Koffi Mensah-Adjovi, y a souligné l'importance de la coopération.`)
	if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:koffi-mensah-adjovi", "unbody:unodc") {
		t.Errorf("\"Le Directeur de l'ONUDC, le Dr X\": X works there:\n%s", dumpEdges(f))
	}
}

func TestNameWithAnElidedParticle(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Dublin, 3 March 2024 – A workshop on border security was held in Dublin on 2 March 2024. Ambassador Jean-Luc d'Arcy also attended.`)
	if !hasNode(f, "person:jean-luc-d-arcy") {
		t.Errorf("\"Jean-Luc d'Arcy\" is one name: %v", nodeIDs(f))
	}
}

func TestPoliceRankIsNotAnEmployer(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Réunion des polices de la région du Sahel à Bamako

BAMAKO, 31 janvier 2025 – La réunion s'est tenue à Bamako. Les participants étaient nombreux. Participants : le Directeur Général de la Police Nationale du Niger, le Commissaire Général de Police Moussa Ibrahim ; le Directeur Général de la Police Nationale du Tchad, l'Inspecteur Général de Police Idriss Mahamat.`)
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeAffiliatedWith && strings.HasSuffix(e.To, ":police") {
			t.Errorf("'Commissaire Général de Police' is a rank, not a force: %s -> %s", e.From, e.To)
		}
	}
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:moussa-ibrahim", "agency:ne:national-police") {
		t.Errorf("the title before the rank names the force:\n%s", dumpEdges(f))
	}
}

func TestCounterpartOfTheHomeStateIsTheOtherSide(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Tunisie-Italie : coopération sécuritaire à Rome

Tunis, 3 mars 2023 – Le ministre de l'Intérieur, M. Kamel Feki, a tenu mercredi à Rome une réunion de travail avec son homologue italien, M. Matteo Piantedosi. À Rome, les deux ministres ont salué la coopération entre l'Italie et la Tunisie, et l'Italie a confirmé son soutien.`)
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:kamel-feki", "agency:tn:ministry-of-interior") {
		t.Errorf("the minister whose counterpart is Italian is not Italy's:\n%s", dumpEdges(f))
	}
}

func TestTitlesOfAListOfNames(t *testing.T) {
	f := extractText(t, "list.txt", "Dakar, 4 mars 2021 – L'ouverture a réuni Amadou Sy, Directeur général des Douanes, Karl Weber, Secrétaire général de l'Organisation mondiale des douanes, et Paul Martin, puis Ana Costa, Directrice de la Police nationale, et Lea Roth.\n")
	for _, want := range [][2]string{{"person:amadou-sy", "agency:sn:customs"}, {"person:karl-weber", "org:wco"}, {"person:ana-costa", "agency:sn:national-police"}} {
		if !hasEdge(f, fixtures.EdgeAffiliatedWith, want[0], want[1]) {
			t.Errorf("%s is not affiliated with %s:\n%s", want[0], want[1], dumpEdges(f))
		}
	}
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeAffiliatedWith && (e.From == "person:karl-weber" && e.To != "org:wco" || e.From == "person:paul-martin" || e.From == "person:lea-roth") {
			t.Errorf("a title after a name is that name's only: %s -> %s", e.From, e.To)
		}
	}
}

func TestRelativeClauseGivesAnotherTitle(t *testing.T) {
	for _, c := range []struct{ lang, doc, person, body string }{
		{"en", "Accra, 2 June 2025 – The meeting was opened by Mr Kofi Mensah, Director of the Ghana Immigration Service, who is also Chairman of the West Africa Police Chiefs Committee.\n", "person:kofi-mensah", "org:west-africa-police-chiefs-committee"},
		{"fr", "Dakar, 2 juin 2025 – La réunion a été ouverte par M. Amadou Fall, directeur de la Police nationale, qui est aussi président du Comité des chefs de police de l'Afrique de l'Ouest.\n", "person:amadou-fall", "org:"},
	} {
		f := extractText(t, "relative_"+c.lang+".txt", c.doc)
		n := 0
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeAffiliatedWith && e.From == c.person {
				n++
			}
		}
		if n != 2 || !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, c.person, c.body) {
			t.Errorf("%s: both titles of %s say where he works:\n%s", c.lang, c.person, dumpEdges(f))
		}
	}
}

func TestPossessiveTitleIsTheBodysNamedBefore(t *testing.T) {
	f := extractText(t, "its.txt", "Lyon, 2 June 2025 – EUROPOL was represented by its Executive Director, Ms Anna Berg of Sweden, and by its Deputy Director, Mr Paolo Conti of Italy.\n")
	for _, p := range []string{"person:anna-berg", "person:paolo-conti"} {
		if !hasEdge(f, fixtures.EdgeAffiliatedWith, p, "org:europol") {
			t.Errorf("%s works for Europol:\n%s", p, dumpEdges(f))
		}
	}
}

func TestTitleBeforeARankAndAModifiedTitle(t *testing.T) {
	for _, doc := range []string{
		"Pretoria, 2 June 2025 – Delegates were welcomed by the National Commissioner of the South African Police Service, General Thabo Nkosi.\n",
		"Pretoria, 2 June 2025 – Delegates were welcomed by the National Director of the South African Police Service, Thabo Nkosi.\n",
	} {
		f := extractText(t, "rank.txt", doc)
		if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:thabo-nkosi", "agency:za:saps") {
			t.Errorf("%s\nthe commissioner works for the SAPS:\n%s", doc, dumpEdges(f))
		}
	}
}

func TestActingTitleBeforeAName(t *testing.T) {
	f := extractText(t, "acting_it.txt", "Roma, 4 giugno 2025 – Per l'Ufficio ha firmato il Direttore facente funzioni Karl Jensen, alla presenza del questore di Roma.\n")
	if !hasNode(f, "person:karl-jensen") {
		t.Errorf("an acting director's name is lost: %s", nodeIDs(f))
	}
}

func TestStateAfterAModifiedTitleBody(t *testing.T) {
	f := extractText(t, "federal_it.txt", "Roma, 4 giugno 2025 – All'incontro hanno partecipato il Procuratore Federale della Svizzera, Hans Keller, e il questore di Roma.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:hans-keller", "agency:ch:public-prosecution") {
		t.Errorf("the federal prosecutor of Switzerland works for Switzerland's prosecution:\n%s", dumpEdges(f))
	}
}

func TestMinistryOfTheSecondTitle(t *testing.T) {
	f := extractText(t, "second_it.txt", "Roma, 4 giugno 2025 – All'incontro ha partecipato Lars Holm, Vice Primo Ministro e Ministro dell'Interno danese, con il questore di Roma.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:lars-holm", "agency:dk:ministry-of-interior") {
		t.Errorf("the second title names the ministry:\n%s", dumpEdges(f))
	}
}

func TestMemberIsATitle(t *testing.T) {
	f := extractText(t, "membro_it.txt", "Roma, 4 giugno 2025 – All'incontro hanno partecipato Carlo Neri, membro del comitato direttivo di Europol, e il questore di Roma.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:carlo-neri", "org:europol") {
		t.Errorf("a member of a body's board is affiliated with the body:\n%s", dumpEdges(f))
	}
}

func TestStateServedAtABody(t *testing.T) {
	for _, c := range []struct{ name, text string }{
		{"served_en.txt", "London, 4 June 2025 – The meeting was chaired by Mr Olli Lahti, Head of Unit for Finland at Eurojust, with the police of the region.\n"},
		{"served_it.txt", "Roma, 4 giugno 2025 – La riunione è stata presieduta da Carla Neri, Membro nazionale per l'Italia presso Eurojust, con il questore di Roma.\n"},
	} {
		f := extractText(t, c.name, c.text)
		ok := false
		for _, e := range f.Edges {
			ok = ok || e.Kind == fixtures.EdgeAffiliatedWith && e.To == "org:eurojust"
		}
		if !ok {
			t.Errorf("%s: the office serves its state at Eurojust, for which the person works:\n%s", c.name, dumpEdges(f))
		}
	}
}

func TestDirectorateOfATitleTheGazetteerKnows(t *testing.T) {
	f := extractText(t, "dgps_it.txt", "Roma, 4 giugno 2025 – Il Direttore Generale della Pubblica Sicurezza, Prefetto Carlo Neri, ha incontrato a Roma il questore di Napoli.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:carlo-neri", "agency:it:public-security-department") {
		t.Errorf("the directorate the title names is the department the gazetteer knows:\n%s", dumpEdges(f))
	}
}

func TestSecondTitleAfterADash(t *testing.T) {
	f := extractText(t, "dash_it.txt", "Roma, 4 giugno 2025 – Il Capo della Polizia – Direttore Generale della Pubblica Sicurezza, Prefetto Carlo Neri, ha incontrato a Roma il questore di Napoli.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:carlo-neri", "agency:it:public-security-department") {
		t.Errorf("the title after the dash names the department too:\n%s", dumpEdges(f))
	}
}

func TestPrimeMinisterOfTheDocumentsState(t *testing.T) {
	f := extractText(t, "pm_en.txt", "Port of Spain, 4 June 2025 – Trinidad and Tobago hosted the regional police conference in Port of Spain on 4 June 2025. It was opened by Prime Minister Paul Daniel, with the police of Trinidad and Tobago.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:paul-daniel", "state:tt") {
		t.Errorf("a prime minister whose title names no state heads the document's:\n%s", dumpEdges(f))
	}
}

func TestWhomAPersonRepresents(t *testing.T) {
	f := extractText(t, "represents_it.txt", "Roma, 4 giugno 2025 – Al convegno è intervenuto il consigliere Carlo Neri, che rappresenta il ministro degli Affari Esteri, con il questore di Roma.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:carlo-neri", "agency:it:ministry-of-foreign-affairs") {
		t.Errorf("who represents the minister speaks for the ministry:\n%s", dumpEdges(f))
	}
	g := extractText(t, "represents_en.txt", "London, 4 June 2025 – The conference was opened by the Acting Prime Minister, Dr Paul Reid, who represented Prime Minister Anne Cole, with the police of the region.\n")
	if !hasNode(g, "person:anne-cole") {
		t.Errorf("the person represented keeps her name:\n%s", dumpEdges(g))
	}
}

func TestDeputyAndActingMinisters(t *testing.T) {
	f := extractText(t, "acting.txt", "Pretoria, 4 March 2025 – The forum was opened by Thandi Mokoena, South Sudan's acting Minister of Police, with Sipho Ndlovu, Deputy Minister of Police of Botswana, and Marta Cruz, Minister of Health of Chile.\n")
	for _, e := range [][2]string{
		{"person:thandi-mokoena", "agency:ss:ministry-police"},
		{"person:sipho-ndlovu", "agency:bw:ministry-police"},
	} {
		if !hasEdge(f, fixtures.EdgeAffiliatedWith, e[0], e[1]) {
			t.Errorf("%s is not affiliated with %s: %s", e[0], e[1], nodeIDs(f))
		}
	}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && strings.Contains(n.Name, "Minister ") {
			t.Errorf("a minister's title is no ministry's name: %q", n.Name)
		}
	}
}

func TestUnstatedMinistryIsTheOtherSide(t *testing.T) {
	f := extractText(t, "counterpart.txt", `Accord de sécurité entre la France et le Portugal

Lisbonne, 4 mars 2024 – Le Portugal et la France ont signé un accord à Lisbonne. Le ministre portugais de l'Intérieur, José Silva, a reçu son homologue.

Le ministre de l'Intérieur, Paul Martin, a rappelé les accords signés avec le Portugal et le ministre portugais de l'Intérieur.`)
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:paul-martin", "agency:fr:ministry-of-interior") {
		t.Errorf("the minister whose state is unsaid is not the Portuguese one's counterpart: %s", dumpEdges(f))
	}
}

func TestStaffOfAMinister(t *testing.T) {
	f := extractText(t, "staff.txt", "Roma, 17 maggio 2024 – Al Viminale il Capo di Gabinetto del Ministro dell'Interno, Maria Rossi, ha firmato l'accordo con la Svizzera.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:maria-rossi", "agency:it:ministry-of-interior") {
		t.Errorf("the chief of a minister's cabinet works for the ministry: %s", nodeIDs(f))
	}
	f = extractText(t, "staff_fr.txt", "Cotonou, 5 juin 2023 – Le ministre de l'Intérieur, Paul Dossou, a ouvert l'atelier. La séance était présidée par M. Jean Agbo, directeur de cabinet du ministre.\n")
	for _, n := range f.Nodes {
		if strings.Contains(n.Name, "direction du ministre") {
			t.Errorf("\"directeur de cabinet du ministre\" names no directorate: %+v", n)
		}
	}
}

func TestRankBeforeAndOfficeAfterAName(t *testing.T) {
	f := extractText(t, "rank.txt", "Tirana, 4 novembre 2021 – Sono poi intervenuti il Generale di Brigata dell'Arma dei Carabinieri Fabio Rossi, direttore del Servizio per la Cooperazione Internazionale di Polizia, e il Generale della Guardia di Finanza Giuseppe Verdi.\n")
	for _, e := range [][2]string{{"person:fabio-rossi", "agency:it:carabinieri"}, {"person:fabio-rossi", "agency:it:scip"}} {
		if !hasEdge(f, fixtures.EdgeAffiliatedWith, e[0], e[1]) {
			t.Errorf("a rank before the name and an office after it both affiliate: %s is not with %s", e[0], e[1])
		}
	}
}

func TestAcademicTitlesAfterAName(t *testing.T) {
	persons, _ := personsOf(t, "Niamey, 11 luglio 2023 – Il 10 luglio 2023 si è aperto a Niamey il corso per magistrati. Docenti del corso:\n- Giovanni Rossi, docente di diritto all'Università di Pisa;\n- Carla Neri, assegnista di ricerca presso la Scuola.\n")
	wantPersons(t, persons, "person:giovanni-rossi", "person:carla-neri") // a name followed by an academic title
}

func TestFrenchNavyIsTheStatesNavy(t *testing.T) {
	f := extractText(t, "navy.txt", "Tunis, 25 mai 2024 – Du 20 au 24 mai 2024, une session de formation a réuni à Tunis des officiers de la Garde nationale tunisienne et de la Marine nationale.\n")
	if !hasNode(f, "agency:tn:navy") || hasNode(f, "agency:fr:navy") {
		t.Errorf("\"la Marine nationale\" of a Tunisian text is Tunisia's navy: %s", nodeIDs(f))
	}
}

func TestGivenNameNoDemonym(t *testing.T) {
	f := extractText(t, "luciano.txt", "Roma, 3 marzo 2023 – Il corso, comandato dal colonnello Luciano Bianchi, si è chiuso a Roma il 2 marzo 2023.\n")
	if hasNode(f, "state:lc") || !hasNode(f, "person:luciano-bianchi") {
		t.Errorf("\"Luciano\" before a family name is a given name, not Saint Lucia: %s", nodeIDs(f))
	}
}

func TestCourseTitlesNameNoBody(t *testing.T) {
	f := extractText(t, "courses.txt", "Roma, 3 marzo 2023 – Il 2 marzo 2023 si sono chiusi a Roma i corsi \"Mobile Police Unit\" e \"Addestramento Forze speciali\", tenuti dai Carabinieri.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && (strings.Contains(n.Name, "Mobile Police Unit") || strings.Contains(n.Name, "Forze")) {
			t.Errorf("a course's title in quotes names no body: %+v", n)
		}
	}
}

func TestProgrammeTitlesAreNoProjects(t *testing.T) {
	f := extractText(t, "programme_title.txt", "Dhaka, 24 April 2024 – Anna Rahman, Programme Associate of UNODC, and Karim Hassan, National Programme Coordinator of UNODC, opened the workshop in Dhaka on 23 April 2024.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindProject {
			t.Errorf("\"National Programme Coordinator\" is a title, not a project: %+v", n)
		}
	}
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:anna-rahman", "unbody:unodc") {
		t.Errorf("a Programme Associate of UNODC works for UNODC: %s", nodeIDs(f))
	}
}

func TestChiefGuestIsATitle(t *testing.T) {
	persons, _ := personsOf(t, "Dhaka, 24 April 2024 – The Chief Guest at the opening, Marco Rossi, Regional Representative of UNODC, stressed the need for coordination.\n")
	if _, ok := persons["person:guest"]; ok {
		t.Errorf("\"Chief Guest\" is a title, not a person: %v", keys(persons))
	}
	wantPersons(t, persons, "person:marco-rossi")
}

func TestMinistersListedAfterTheirPrimeMinister(t *testing.T) {
	f := extractText(t, "listed.txt", "Roma, 25 aprile 2013 – Il 24 aprile il ministro ha avuto colloqui a Rabat con il primo ministro marocchino, Karim Benali, con il ministro dell'Interno, Omar Tazi, e con il ministro degli Affari esteri, Said Idrissi. Il presidente della Regione Veneto, Luca Ferri, era presente.\n")
	wantAffiliations(t, f, "ministers listed after their prime minister, or a region's president",
		[2]string{"person:omar-tazi", "agency:ma:ministry-of-interior"},
		[2]string{"person:said-idrissi", "agency:ma:ministry-of-foreign-affairs"},
		[2]string{"person:luca-ferri", "agency:it:regione-veneto"})
}

func TestOfficeOfItsOwnInAList(t *testing.T) {
	f := extractText(t, "office.txt", "Roma, 3 marzo 2021 – Alla cerimonia erano presenti il prefetto di Padova Marco Bianchi, il questore Luigi Verdi e il sindaco.\n")
	if hasEdge(f, fixtures.EdgeAffiliatedWith, "person:luigi-verdi", "agency:it:prefettura-padova") {
		t.Errorf("a questore listed after a prefetto does not work for the prefettura:\n%s", dumpEdges(f))
	}
}

func TestTitlesRightBeforeNamesInAList(t *testing.T) {
	f := extractText(t, "titled_list.txt", "Roma, 9 aprile 2025 – Alla cerimonia erano presenti Marco Neri, il Generale della Guardia di Finanza Paolo Verdi, il Capo di Stato Maggiore della Scuola, Gen. B. Luca Bianchi, l'Ambasciatore di Argentina Carlos Ruiz e l'Ambasciatore di Costa Rica Juan Mora.\n")
	wantAffiliations(t, f, "a title right before a name is that name's, not an apposition of the name before",
		[2]string{"person:paolo-verdi", "agency:it:guardia-di-finanza"},
		[2]string{"person:carlos-ruiz", "state:ar"},
		[2]string{"person:juan-mora", "state:cr"})
	if !hasNode(f, "person:marco-neri") || hasEdge(f, fixtures.EdgeAffiliatedWith, "person:luca-bianchi", "state:ar") {
		t.Errorf("a name listed before a titled person is a person, and an ambassador's title is not the name's before it:\n%s", dumpEdges(f))
	}
}

func TestDelegationLedByItsHead(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "London, 3 May 2019 - A delegation of the Moroccan General Directorate for National Security, led by its Director General, Karim Benali, visited Europol in The Hague on 12 March. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Une délégation de la Direction générale de la Sûreté nationale marocaine, conduite par son directeur général, Karim Benali, a visité le siège d'Europol à La Haye le 12 mars. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Una delegazione della Direzione generale della Sicurezza nazionale marocchina, guidata dal suo direttore generale, Karim Benali, ha visitato il 12 marzo la sede di Europol all'Aia. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, fixtures.EdgeAffiliatedWith, []string{"person:karim-benali"}, "agency:ma:dgsn", "the head who leads the delegation is its body's")
}

func TestTitledNameOfAState(t *testing.T) {
	f := extractText(t, "en.txt", "London, 3 May 2019 - The workshop took place in Nairobi on 12 March. Ambassador Karim Benali of Morocco delivered remarks, and Colonel Marco Rinaldi of the Samoa Police Service spoke after him. Both sides stressed the importance of cooperation.")
	if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:karim-benali", "state:ma") {
		t.Errorf("the ambassador of Morocco serves Morocco:\n%s", dumpEdges(f))
	}
	if hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:marco-rinaldi", "state:ws") {
		t.Errorf("the colonel is the police service's, not the state's that opens its name:\n%s", dumpEdges(f))
	}
}

func TestCoChairedInItalian(t *testing.T) {
	f := extractText(t, "it.txt", "Roma, 3 maggio 2019 – Il seminario regionale sulla sicurezza delle frontiere si è svolto a Nairobi il 12 marzo. La riunione è stata copresieduta dal Kenya e dall'Unione europea. Le due parti hanno sottolineato l'importanza della cooperazione.")
	for _, from := range []string{"state:ke", "org:eu"} {
		found := false
		for _, e := range f.Edges {
			found = found || e.Kind == fixtures.EdgeParticipatedIn && e.From == from && e.Role != nil && *e.Role == fixtures.RoleChair
		}
		if !found {
			t.Errorf("%s co-chaired the meeting:\n%s", from, dumpEdges(f))
		}
	}
}

func TestAppositionNarrowsTheTitleBefore(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - UN Under-Secretary-General Mark Duval, head of the UN Office of Counter-Terrorism, spoke at the conference in Tashkent on 3 March. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le Secrétaire général adjoint des Nations unies Mark Duval, chef du Bureau de lutte contre le terrorisme des Nations unies, a pris la parole à la conférence de Tachkent le 3 mars. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il Sottosegretario generale delle Nazioni Unite Mark Duval, capo dell'Ufficio delle Nazioni Unite per l'antiterrorismo, è intervenuto alla conferenza di Tashkent il 3 marzo. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:mark-duval"}, "unbody:unoct", "the office the apposition names, inside the UN the title names")
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:mark-duval"}, "unbody:un", "the title before the name")
}

func TestUnitAndTheBodyItSitsAt(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - John Smith, Director of the Border Police Service at the Ministry of the Interior, spoke at the conference in Tashkent on 3 March. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Jean Dupont, directeur du Service de coopération technique internationale de police auprès du ministère de l'Intérieur, a pris la parole à la conférence de Tachkent le 3 mars. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Fabio Rossi, direttore del Servizio per la Cooperazione Internazionale di Polizia presso il Ministero dell'Interno, è intervenuto alla conferenza di Tashkent il 3 marzo. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	persons := []string{"person:john-smith", "person:jean-dupont", "person:fabio-rossi"}
	for k, c := range cases {
		f := extractText(t, c.lang+".txt", c.text)
		var bodies []string
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeAffiliatedWith && e.From == persons[k] {
				bodies = append(bodies, e.To)
			}
		}
		if len(bodies) != 2 || !slices.ContainsFunc(bodies, func(b string) bool { return strings.Contains(b, "ministry") }) {
			t.Errorf("%s: want the unit and the ministry it sits at, got %v\n%s", c.lang, bodies, dumpEdges(f))
		}
	}
}

func TestTitleBeforeARankAfterAnotherTitle(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - On 2 May in Djibouti the general met the commander of the Djiboutian National Gendarmerie, Colonel Mario Bianchi. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le 2 mai à Djibouti, le général a rencontré le commandant de la Gendarmerie nationale djiboutienne, le colonel Mario Bianchi. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il 2 maggio a Gibuti il generale ha incontrato il comandante della gendarmeria nazionale gibutiana, colonnello Mario Bianchi. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:mario-bianchi"}, "agency:dj:gendarmerie", "the last title before the rank, not the general's")
}

func TestTownsOpeningANameAfterAComma(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - On 2 May the commander of the Djiboutian National Gendarmerie, Hassan Aden Zakaria, signed an agreement in Paris. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le 2 mai, le commandant de la Gendarmerie nationale djiboutienne, Hassan Aden Zakaria, a signé un accord à Paris. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il 2 maggio a Parigi il comandante della gendarmeria nazionale gibutiana, Hassan Aden Zakaria, ha firmato un accordo. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:hassan-aden-zakaria"}, "agency:dj:gendarmerie", "towns before a name's last word are names")
}

func TestTwoTitlesJoinedByADashBeforeARank(t *testing.T) {
	f := extractText(t, "it.txt", "Roma, 3 maggio 2019 – Il memorandum è stato firmato a Roma il 2 maggio dal ministro cinese Liu Wei e dal Vice Direttore Generale della Pubblica Sicurezza – Direttore Centrale della Polizia Criminale, Prefetto Mario Bianchi. Le due parti hanno sottolineato l'importanza della cooperazione.")
	bodies := 0
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeAffiliatedWith && e.From == "person:mario-bianchi" {
			bodies++
		}
	}
	if bodies != 2 {
		t.Errorf("both titles joined by the dash name a body:\n%s", dumpEdges(f))
	}
}

func TestRelativeClauseOfHeadingABody(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - On 2 May in Bogotá, the director of the Argentine Gendarmerie, Andrés Severino, who currently chairs AMERIPOL, signed the treaty. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le 2 mai à Bogotá, le directeur de la gendarmerie argentine, Andrés Severino, qui préside actuellement AMERIPOL, a signé le traité. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il 2 maggio a Bogotá il direttore della gendarmeria argentina, Andrés Severino, che presiede attualmente AMERIPOL, ha firmato il trattato. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:andres-severino"}, "org:ameripol", "the body the relative clause says the person chairs")
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:andres-severino"}, "agency:ar:gendarmerie", "and the body of the title before the name")
}

func TestSecondPersonAfterConjunctionAndOf(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - The signing took place in Paris on 2 May in the presence of General Richard Lizurey and of José Manuel Holgado, head of the Guardia Civil. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – La signature s'est tenue à Paris le 2 mai en présence du général Richard Lizurey et de José Manuel Holgado, patron de la Guardia Civil. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – La firma è avvenuta a Roma il 2 maggio alla presenza del generale Richard Lizurey e di José Manuel Holgado, capo della Guardia Civil. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:jose-manuel-holgado"}, "agency:es:guardia-civil", "the person coordinated after \"and of\", with the title after the name")
}

func TestDirectorateForTwoFields(t *testing.T) {
	for _, c := range []struct{ lang, text, person string }{
		{"fr", "Paris, 3 mai 2019 – Le 2 mai à Paris a participé à la réunion le directeur central pour l'Immigration et la Police des frontières, Jean Dupont. Les deux parties ont souligné l'importance de la coopération.", "person:jean-dupont"},
		{"it", "Roma, 3 maggio 2019 – Il 2 maggio a Roma ha partecipato all'incontro il Direttore Centrale per l'Immigrazione e la Polizia delle Frontiere, Claudio Galzerano. Le due parti hanno sottolineato l'importanza della cooperazione.", "person:claudio-galzerano"},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, c.person, "agency:"+c.lang+":central-directorate-immigration-police-borders") {
			t.Errorf("%s: the directorate for immigration and the border police, one body:\n%s", c.lang, dumpEdges(f))
		}
	}
}

// A minister's portfolios joined by a conjunction name one ministry, even when the second
// is a service the gazetteer lists ("Civil Protection") or reads like a name ("Human
// Rights"): the person is the ministry's, and no portfolio is a person.
func TestMinisterOfTwoPortfolios(t *testing.T) {
	for _, c := range []struct{ lang, text, person string }{
		{"en", "Bamako, 4 March 2024 – The workshop held in Bamako on 3 March 2024 was opened by the Minister of Security and Civil Protection of Mali, General Oumar Keita, and closed by the Minister of Justice and Human Rights of Mali, Aminata Traore. The participants stressed the importance of cooperation against terrorism.\n", "person:oumar-keita"},
		{"fr", "Bamako, 4 mars 2024 – L'atelier tenu à Bamako le 3 mars 2024 a été ouvert par le Ministre de la Sécurité et de la Protection civile du Mali, le Général Oumar Keita, et clos par le Ministre de la Justice et des Droits de l'Homme du Mali, Aminata Traore. Les participants ont souligné l'importance de la coopération contre le terrorisme.\n", "person:oumar-keita"},
		{"it", "Bamako, 4 marzo 2024 – Il seminario tenuto a Bamako il 3 marzo 2024 è stato aperto dal Ministro della Sicurezza e della Protezione civile del Mali, il generale Oumar Keita, e chiuso dal Ministro della Giustizia e dei Diritti Umani del Mali, Aminata Traore. I partecipanti hanno sottolineato l'importanza della cooperazione contro il terrorismo.\n", "person:oumar-keita"},
	} {
		f := extractText(t, c.lang+"_portfolios.txt", c.text)
		wantAffiliations(t, f, c.lang+": two portfolios, one ministry", [2]string{c.person, "agency:ml:ministry-of-security"},
			[2]string{"person:aminata-traore", "agency:ml:ministry-of-justice"})
		for _, n := range f.Nodes {
			if n.ID == "agency:ml:civil-protection" || strings.HasPrefix(n.ID, "person:") && n.ID != c.person && n.ID != "person:aminata-traore" {
				t.Errorf("%s: %s read from a portfolio", c.lang, n.ID)
			}
		}
	}
}

// A counterpart works for the body of the other state that bears the name of the body of
// the person whose counterpart he is, when the text names it.
func TestCounterpartWorksForTheSameBody(t *testing.T) {
	for _, c := range []struct{ lang, text, body string }{
		{"en", "Rome, 4 March 2021 – The Albanian State Police sent a delegation to Rome. On 3 March 2021 the Chief of the Italian State Police, Carlo Neri, and his Albanian counterpart, Arben Hoxha, signed a protocol on drug trafficking.\n", "agency:al:state-police"},
		{"fr", "Paris, 4 mars 2021 – La Police nationale albanaise a envoyé une délégation à Paris. Le 3 mars 2021, le directeur général de la Police nationale, Paul Moreau, et son homologue albanais, Arben Hoxha, ont signé un protocole sur le trafic de drogue.\n", "agency:al:state-police"},
		{"it", "Roma, 4 marzo 2021 – La Polizia di Stato albanese ha inviato una delegazione a Roma. Il 3 marzo 2021 il capo della Polizia di Stato, Carlo Neri, e il suo omologo albanese, Arben Hoxha, hanno firmato un protocollo sul traffico di droga.\n", "agency:al:state-police"},
	} {
		f := extractText(t, c.lang+"_counterpart.txt", c.text)
		wantAffiliations(t, f, c.lang+": a counterpart's body", [2]string{"person:arben-hoxha", c.body})
		if hasEdge(f, fixtures.EdgeAffiliatedWith, "person:arben-hoxha", "state:al") {
			t.Errorf("%s: the counterpart is affiliated with his state rather than his body", c.lang)
		}
	}
}

// A minister's portfolio written before an English title ("Interior Minister", "Defence
// Secretary") or after an Italian title with "a" ("Sottosegretario all'Interno") names the
// ministry the gazetteer lists.
func TestPortfolioBeforeTheTitleOrAfterA(t *testing.T) {
	f := extractText(t, "en_portfolio.txt", "Nairobi, 4 March 2021 – On 3 March 2021 in Nairobi, the Kenyan Interior Minister Fred Otieno and Defence Secretary Mary Wanjiru opened a workshop on border security.\n")
	wantAffiliations(t, f, "en: a portfolio before the title", [2]string{"person:fred-otieno", "agency:ke:ministry-of-interior"},
		[2]string{"person:mary-wanjiru", "agency:ke:ministry-of-defence"})
	f = extractText(t, "it_portfolio.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma il Sottosegretario all'Interno, Carlo Neri, ha aperto il seminario sulla sicurezza delle frontiere.\n")
	wantAffiliations(t, f, "it: a portfolio after 'all''", [2]string{"person:carlo-neri", "agency:it:ministry-of-interior"})
}

// Titles of several words name a minister: "secrétaire d'État à l'Intérieur",
// "Sottosegretario di Stato all'Interno".
func TestMinisterTitlesOfSeveralWords(t *testing.T) {
	f := extractText(t, "fr_secretaire.txt", "Paris, 4 mars 2021 – Le 3 mars 2021 à Paris, le secrétaire d'État à l'Intérieur, Paul Moreau, a ouvert le séminaire sur la sécurité des frontières.\n")
	wantAffiliations(t, f, "fr: secrétaire d'État", [2]string{"person:paul-moreau", "agency:fr:ministry-of-interior"})
	f = extractText(t, "it_sottosegretario.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma il Sottosegretario di Stato all'Interno, Carlo Neri, ha aperto il seminario sulla sicurezza delle frontiere.\n")
	wantAffiliations(t, f, "it: Sottosegretario di Stato", [2]string{"person:carlo-neri", "agency:it:ministry-of-interior"})
}

// A director's title of two fields joined by "e della"/"et de la" names one directorate,
// even when the second field is a listed force: "direttore centrale dell'Immigrazione e
// della Polizia delle frontiere".
func TestDirectorOfTwoFieldsJoinedByOf(t *testing.T) {
	for _, c := range []struct{ lang, text, body string }{
		{"it", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma è intervenuto Mario Verdi, direttore centrale dell'Immigrazione e della Polizia delle frontiere, sui flussi lungo la rotta balcanica.\n", "agency:it:central-directorate-immigration-police-borders"},
		{"fr", "Paris, 4 mars 2021 – Le 3 mars 2021 à Paris est intervenu Mario Verdi, directeur central de l'Immigration et de la Police aux frontières, sur les flux de la route des Balkans.\n", "agency:fr:central-directorate-immigration-police-borders"},
	} {
		f := extractText(t, c.lang+"_two_fields.txt", c.text)
		wantAffiliations(t, f, c.lang+": a directorate of two fields", [2]string{"person:mario-verdi", c.body})
	}
}

// A possessive before a title names the body the title is of: the body named last before
// it, the subject when it opens a clause after ", and", or the first body of the sentence
// before when it opens its sentence.
func TestPossessiveTitleNamesTheBody(t *testing.T) {
	for _, c := range []struct{ lang, text, person, body string }{
		{"en", "London, 3 May 2019 – The Financial Intelligence Unit of Kenya published its annual report. Its Director General, John Kamau, presented it to the press.\n",
			"person:john-kamau", "agency:ke:financial-intelligence-unit"},
		{"en", "Lima, 3 May 2019 – The Financial Intelligence Unit of Peru described the new centre of INTERPOL as a tool for analysts, and its Director, Ana Quispe, presented it to the press.\n",
			"person:ana-quispe", "agency:pe:financial-intelligence-unit"},
		{"fr", "Paris, 3 mai 2019 – La Direction générale des douanes algérienne annonce que son directeur général, Kaddour Benali, se rendra à Rome.\n",
			"person:kaddour-benali", "agency:dz:general-directorate-customs"},
		{"it", "Roma, 3 maggio 2019 – La Direzione Investigativa Antimafia ha presentato la relazione annuale. Il suo direttore, Marco Bianchi, ha illustrato i risultati.\n",
			"person:marco-bianchi", "agency:it:dia"},
	} {
		f := extractText(t, c.lang+"_possessive.txt", c.text)
		wantAffiliations(t, f, c.lang+" possessive title", [2]string{c.person, c.body})
	}
	f := extractText(t, "it_possessive_person.txt", "Roma, 3 maggio 2019 – Il Ministro Matteo Piantedosi ha ricevuto al Viminale una delegazione di Europol. Il suo capo di gabinetto, Marco Bianchi, ha illustrato il programma.\n")
	if hasEdge(f, fixtures.EdgeAffiliatedWith, "person:marco-bianchi", "org:europol") {
		t.Errorf("a person's possessive taken for a body's:\n%s", dumpEdges(f))
	}
}

// A head of state's title that names no state is of the state the document names most, as a
// head of government's is.
func TestHeadOfStateOfTheNamedState(t *testing.T) {
	for _, c := range []struct{ lang, text, person, state string }{
		{"en", "London, 3 May 2019 – The President of the Republic, Cyril Moyo, welcomed the delegates to Zambia. Zambia hosts the regional centre.\n", "person:cyril-moyo", "state:zm"},
		{"fr", "Paris, 3 mai 2019 – Le président de la République, Macky Sall, a reçu à Dakar les chefs de police de la région. Le Sénégal accueillera le prochain sommet.\n", "person:macky-sall", "state:sn"},
		{"it", "Roma, 3 maggio 2019 – Il Presidente della Repubblica Sergio Mattarella ha conferito le onorificenze dell'Italia ai funzionari albanesi che hanno collaborato con l'Italia.\n", "person:sergio-mattarella", "state:it"},
	} {
		f := extractText(t, c.lang+"_head_of_state.txt", c.text)
		wantAffiliations(t, f, c.lang+" head of state", [2]string{c.person, c.state})
	}
}

// A title that implies an office names a body only when more than the office's noun is
// read: "procuratore nazionale antimafia" is the DNA's, "il Procuratore della Repubblica"
// is no body.
func TestBareOfficeOfATitleIsNoBody(t *testing.T) {
	f := extractText(t, "procura.txt", "Roma, 3 maggio 2019 – Al convegno sono intervenuti il Procuratore della Repubblica, Mario Rossi, e il procuratore nazionale antimafia, Luca Verdi.\n")
	wantAffiliations(t, f, "a qualified office", [2]string{"person:luca-verdi", "agency:it:dna"})
	if hasNode(f, "agency:it:public-prosecution") || hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:mario-rossi", "agency:") {
		t.Errorf("the office's noun alone taken for a body:\n%s", dumpEdges(f))
	}
	f = extractText(t, "procura_palermo.txt", "Roma, 3 maggio 2019 – Il Procuratore di Palermo, Mario Rossi, ha incontrato il questore di Roma per discutere della cooperazione.\n")
	if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:mario-rossi", "agency:it:") {
		t.Errorf("the office of a town lost:\n%s", dumpEdges(f))
	}
}

func TestTitleOfAnUnnamedUnitOfABody(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2023 - The conference heard Mary White, Director of the office for staff training of the Prison Service of Kenya, and Brigitte Strobel, Chief of the sector for Corruption and Economic Crime of UNODC."},
		{"fr", "Paris, 3 mai 2023 – La conférence a entendu Marie Blanc, directrice du bureau de la formation du personnel de l'Administration pénitentiaire du Kenya, et Brigitte Strobel, cheffe du secteur Corruption et Criminalité économique de l'ONUDC."},
		{"it", "Roma, 3 maggio 2023 – Al convegno hanno parlato Maria Bianchi, Direttore dell'Ufficio per la formazione del personale dell'Amministrazione Penitenziaria del Kenya, e Brigitte Strobel, Direttore del settore Corruzione e Criminalità economica dell'UNODC."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:brigitte-strobel"}, "unbody:unodc", "the unit the title names in lower case is the body's named after it")
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		found := false
		for _, e := range f.Edges {
			found = found || e.Kind == fixtures.EdgeAffiliatedWith && strings.HasPrefix(e.From, "person:ma") && strings.HasPrefix(e.To, "agency:ke:")
		}
		if !found {
			t.Errorf("%s: the director of the office works for the prison service:\n%s", lang, dumpEdges(f))
		}
	})
}

func TestBodyAfterTheTitleOfAUnit(t *testing.T) {
	cases := []languageCase{
		{"en", "Suva, 3 May 2023 - Programme of the workshop. Speakers: Ms Mereoni Vakaloloma, Head of the Cybercrime Unit, National Police of Togo (Chair); Mr John Doe, Director of the Analysis Section, National Gendarmerie of Benin."},
		{"fr", "Suva, 3 mai 2023 – Programme de l'atelier. Intervenants : Mme Mereoni Vakaloloma, cheffe de l'Unité de lutte contre la cybercriminalité, Police nationale du Togo (présidente) ; M. John Doe, directeur de la Section des analyses, Gendarmerie nationale du Bénin."},
		{"it", "Roma, 3 maggio 2023 – Programma del seminario. Relatori: Mereoni Vakaloloma, capo dell'Unità Crimini Informatici, Polizia Nazionale del Togo (presidente); John Doe, direttore della Sezione Analisi, Gendarmeria Nazionale del Benin."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:mereoni-vakaloloma"}, "agency:tg:", "the body after the unit the title names, set off by a comma, is the person's")
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:john-doe"}, "agency:bj:", "the body after the unit the title names, set off by a comma, is the person's")
	f := extractText(t, "en.txt", "Riga, 3 May 2023 - Programme of the conference. Session 2. Speakers: Det. Insp. Ruta Mazeikiene, Lithuanian Criminal Police Bureau; Mr Tobias Brenner, Federal Criminal Police Office (BKA), Germany.")
	if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:ruta-mazeikiene", "agency:lt:") {
		t.Errorf("a body alone after the name, its state's adjective first, is the person's:\n%s", dumpEdges(f))
	}
}

func TestRepresentativeOfABody(t *testing.T) {
	cases := []languageCase{
		{"en", "Geneva, 3 May 2023 - An exercise was held in Geneva on 2 May. The Federal Office of Police (fedpol) was represented by Ms Sandra Kälin, head of international police cooperation."},
		{"fr", "Genève, 3 mai 2023 – Un exercice s'est tenu à Genève le 2 mai. L'Office fédéral de la police (fedpol) était représenté par Mme Sandra Kälin, cheffe de la coopération policière internationale."},
		{"it", "Ginevra, 3 maggio 2023 – Un'esercitazione si è svolta a Ginevra il 2 maggio. L'Ufficio federale di polizia (fedpol) era rappresentato dalla signora Sandra Kälin, capo della cooperazione internazionale di polizia."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:sandra-kalin"}, "agency:ch:fedpol", "whoever a body is represented by works for it, when the title names no body")
	f := extractText(t, "en.txt", "Geneva, 3 May 2023 - An exercise was held in Geneva on 2 May. The Federal Office of Police was represented by Ms Sandra Kälin, head of international police cooperation, while the host canton was represented by Mr Pierre Morel, chief of staff.")
	if hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:pierre-morel", "agency:ch:fedpol") {
		t.Errorf("a clause of its own names another's representative:\n%s", dumpEdges(f))
	}
	f = extractText(t, "en.txt", "Geneva, 3 May 2023 - An exercise was held in Geneva on 2 May. The Federal Office of Police was represented by Ms Sandra Kälin, Deputy Executive Director of Europol.")
	if hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:sandra-kalin", "agency:ch:fedpol") {
		t.Errorf("a representative whose title names a body works for that body:\n%s", dumpEdges(f))
	}
}

func TestWhoHeadsAnUnnamedUnitOfABody(t *testing.T) {
	cases := []languageCase{
		{"en", "Maputo, 3 May 2023 - Senior Superintendent Celestino Mabunda, who heads the maritime unit of the Police of the Republic of Mozambique (PRM), described how fishing boats are used."},
		{"fr", "Maputo, 3 mai 2023 – Le commissaire Celestino Mabunda, qui dirige la section maritime de la Police de la République du Mozambique (PRM), a décrit l'usage des bateaux de pêche."},
		{"it", "Maputo, 3 maggio 2023 – Il commissario Celestino Mabunda, che dirige la sezione marittima della Polizia della Repubblica del Mozambico (PRM), ha descritto l'uso dei pescherecci."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:celestino-mabunda"}, "agency:mz:police-", "whoever heads an unnamed unit of a body works for the body")
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindAgency && !strings.HasPrefix(n.Name, "Poli") {
				t.Errorf("%s: a unit named in lower case is no body: %q", lang, n.Name)
			}
		}
	})
}

func TestPreviousTitleIsNotTheApposedPersons(t *testing.T) {
	f := extractText(t, "fr.txt", "Abidjan, 3 mai 2023 – Un colloque s'est tenu à Abidjan. Parmi les intervenants figuraient Jean Martin, directeur général de la Police nationale et figure de la lutte antiterroriste, le vice-amiral Paul Durand, commandant des forces spéciales, et le chercheur Ali Traoré.")
	if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:jean-martin", "agency:") {
		t.Errorf("the police is Jean Martin's:\n%s", dumpEdges(f))
	}
	if hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:paul-durand", "agency:") {
		t.Errorf("the title set off after the name before is that person's, not the next one's:\n%s", dumpEdges(f))
	}
}

func TestDelegationOfAStateHeadedByAForcesChief(t *testing.T) {
	f := extractText(t, "en.txt", "Cape Town, 3 May 2023 - The conference opened in Cape Town. The Sierra Leone delegation was headed by the Inspector General of Police (IGP), Mr William Fayia Sellu, who is also Chairman of the West Africa Police Chiefs Committee (WAPCCO).")
	if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:william-fayia-sellu", "state:sl") {
		t.Errorf("the chief heads his state's delegation:\n%s", dumpEdges(f))
	}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && n.Name == "Police" {
			t.Errorf("a police of no state read from the title alone: %s", n.ID)
		}
	}
}

func TestViceMinisterListedSharesTheState(t *testing.T) {
	cases := []languageCase{
		{"en", "Tirana, 3 May 2023 - Ceremony at the Italian Embassy. Present at the ceremony were the President of the Republic of Albania, Bajram Begaj, and the Deputy Minister of the Interior, Besfort Lamallari."},
		{"it", "Tirana, 3 maggio 2023 – Cerimonia all'Ambasciata d'Italia. Erano presenti il Presidente della Repubblica d'Albania, Bajram Begaj, e il vice ministro dell'Interno, Besfort Lamallari."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:besfort-lamallari"}, "agency:al:ministry-of-interior", "a vice minister listed after the head of a state is of that state's government")
}

func TestTitleOfAUnitNamedWithItsForce(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2023 - It was signed by the Chief of Staff of the General Command of the Carabinieri, General Marco Bellini, and by the Director of UNODC."},
		{"it", "Roma, 3 maggio 2023 – Lo hanno sottoscritto il Capo di Stato Maggiore del Comando Generale dell'Arma dei Carabinieri, Generale di Brigata Marco Bellini, e il Direttore dell'UNODC."},
	}
	wantEdges(t, cases, fixtures.EdgeAffiliatedWith, []string{"person:marco-bellini"}, "agency:it:carabinieri", "the title of a unit whose name holds its force's is the force's too")
}
