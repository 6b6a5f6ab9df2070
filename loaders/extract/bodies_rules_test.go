package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
)

// extractText runs the extractor on an invented text and returns its fixture.
func extractText(t *testing.T, name, txt string) *fixtures.Fixture {
	t.Helper()
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f, err := x.Extract(name, []byte(txt))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// hasNode reports whether the fixture holds a node with this id.
func hasNode(f *fixtures.Fixture, id string) bool {
	for _, n := range f.Nodes {
		if n.ID == id {
			return true
		}
	}
	return false
}

// nodeIDs lists the fixture's node ids, for error messages.
func nodeIDs(f *fixtures.Fixture) string {
	var ids []string
	for _, n := range f.Nodes {
		ids = append(ids, n.ID)
	}
	return strings.Join(ids, " ")
}

// hasEdge reports whether the fixture holds an edge kind from -> to.
func hasEdge(f *fixtures.Fixture, kind, from, to string) bool {
	for _, e := range f.Edges {
		if e.Kind == kind && e.From == from && e.To == to {
			return true
		}
	}
	return false
}

func TestUnitOfNamedAgency(t *testing.T) {
	f := extractText(t, "unit.txt", "Ieri a Madrid il Comando Regionale della Guardia di Finanza ha ricevuto una delegazione spagnola per discutere di contrabbando.\n")
	if !hasNode(f, "agency:it:guardia-di-finanza") {
		t.Errorf("the named body inside a unit's name is lost: %s", nodeIDs(f))
	}
	if !hasEdge(f, fixtures.EdgePartOf, "agency:it:regional-command-guard-finanza", "agency:it:guardia-di-finanza") {
		t.Errorf("the unit is not part of its body, or not Italian: %s", nodeIDs(f))
	}
	f = extractText(t, "coord.txt", "Un corso per il personale della Gendarmeria francese e dell'Arma dei Carabinieri si terrà a Parigi in Francia.\n")
	if !hasNode(f, "agency:it:carabinieri") || !hasNode(f, "agency:fr:gendarmerie") {
		t.Errorf("two coordinated bodies glued: %s", nodeIDs(f))
	}
}

func TestInternationalBodies(t *testing.T) {
	f := extractText(t, "intl.txt", "PORT OF SPAIN, Trinidad – Officers from Trinidad and Tobago completed a course at the Caribbean Institute for Maritime Security (CIMS) with support from the International Police Academy in Vienna.\n")
	if !hasNode(f, "org:cims") {
		t.Errorf("a body named after its region is not an organisation: %s", nodeIDs(f))
	}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency {
			t.Errorf("an international body taken for a national agency: %s", n.ID)
		}
	}
	f = extractText(t, "unit.txt", "Anna Berg, Head of Training and Capacity Unit at the OSCE, met the Executive director of the Kenyan Customs Office Peter Otieno in Nairobi, Kenya.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && n.Country != nil && *n.Country == "KE" && strings.Contains(n.Name, "Unit") {
			t.Errorf("an organisation's unit taken for an agency of the host state: %s", n.ID)
		}
		if strings.Contains(n.Name, "Otieno") && n.Kind != fixtures.KindPerson {
			t.Errorf("an English name runs over the person after it: %s", n.Name)
		}
	}
}

func TestAcronymKeepsCountry(t *testing.T) {
	f := extractText(t, "afp.txt", "MADRID, Spain – The Canadian Border Services Agency (CBSA) trained officers in Spain. Experts from the CBSA and from Spain gave the sessions.\n")
	if !hasNode(f, "agency:ca:cbsa") || hasNode(f, "agency:es:cbsa") {
		t.Errorf("an acronym lost the state of its full name: %s", nodeIDs(f))
	}
}

func TestSurnameIsNoState(t *testing.T) {
	f := extractText(t, "surname.txt", "A Lisbona il questore Marco Greco ha incontrato il collega portoghese.\n")
	if hasNode(f, "state:gr") {
		t.Errorf("a surname taken for a state adjective: %s", nodeIDs(f))
	}
	f = extractText(t, "agency.txt", "A Madrid l'Agenzia Spagnola della Sicurezza Alimentare ha firmato un accordo con l'Università Libera di Bruxelles.\n")
	if !hasNode(f, "agency:es:spanish-agency-security-food") && !hasNode(f, "agency:es:agency-spanish-security-food") {
		found := false
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindAgency && n.Country != nil && *n.Country == "ES" && strings.Contains(n.Name, "Alimentare") {
				found = true
			}
		}
		if !found {
			t.Errorf("a name cut at its capitalised adjective: %s", nodeIDs(f))
		}
	}
	for _, n := range f.Nodes {
		if strings.HasPrefix(n.Name, "Università") && n.Kind != fixtures.KindOrganization {
			t.Errorf("a university is an organisation: %s %s", n.ID, n.Kind)
		}
	}
}

func TestProjectNames(t *testing.T) {
	f := extractText(t, "proj.txt", "NAIROBI – Officers trained under the SeaWatch project, the MARLIN Action and the PortSafe+ programme, with funding from the Indian Ocean Maritime Security Initiative. Under the project \"Safer Borders in Kenya\", new posts were built.\n")
	for _, id := range []string{"project:seawatch", "project:marlin", "project:portsafe", "project:indian-ocean-maritime-security-initiative", "project:safer-borders-in-kenya"} {
		if !hasNode(f, id) {
			t.Errorf("project %s not found: %s", id, nodeIDs(f))
		}
	}
	if hasNode(f, "project:nairobi") {
		t.Errorf("a dateline city taken for a project")
	}
	f = extractText(t, "office.txt", "The Drugs Programme Office of the Council of Europe opened a course in Kyiv, Ukraine.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindProject {
			t.Errorf("a body's name taken for a project: %s", n.ID)
		}
	}
}

func TestOrgansOfOrganisations(t *testing.T) {
	f := extractText(t, "organ.txt", "ADDIS ABABA, Ethiopia – The African Union (AU) Commission and the SELEC Secretariat held a workshop on 3 May 2022. Staff of the CARICOM Secretariat also attended.\n")
	for _, id := range []string{"org:au-commission", "org:selec-secretariat", "org:caricom-secretariat"} {
		if !hasNode(f, id) {
			t.Errorf("organ %s not read: %s", id, nodeIDs(f))
		}
	}
	if !hasEdge(f, fixtures.EdgePartOf, "org:au-commission", "org:au") {
		t.Errorf("the commission is not part of its organisation")
	}
	f = extractText(t, "signed.txt", "GENEVA – The UNODC and the Secretariat of the OSCE signed a memorandum of understanding on 4 June 2021.\n")
	if hasNode(f, "org:osce-secretariat") {
		t.Errorf("a secretariat that signs for its organisation must stand for it: %s", nodeIDs(f))
	}
}

func TestSigningPlaceIsNoParty(t *testing.T) {
	f := extractText(t, "place.txt", "Ginevra – L'accordo è stato firmato a Lussemburgo per l'Eurojust e all'Aia per l'Europol il 3 marzo 2022.\n")
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeMemorandum && (e.From == "state:lu" || e.To == "state:lu") {
			t.Errorf("the place of signing taken as a party: %s %s", e.From, e.To)
		}
	}
}

func TestOrganisationHeadCoreference(t *testing.T) {
	f := extractText(t, "head.txt", "Vicenza – La Gendarmeria Europea (EGF) ha aperto un ufficio. La Gendarmeria collaborerà con Frontex.\n")
	noNodeOfKind(t, f, fixtures.KindAgency, "a repeat of an organisation's head taken for a national agency")
}

// noNodeOfKind fails the test for every node of this kind in the fixture, saying why.
func noNodeOfKind(t *testing.T, f *fixtures.Fixture, kind, why string) {
	t.Helper()
	for _, n := range f.Nodes {
		if n.Kind == kind {
			t.Errorf("%s: %s", why, n.ID)
		}
	}
}

func TestNamedDocuments(t *testing.T) {
	f := extractText(t, "docs.txt", "Roma – I due ministri hanno discusso della Convenzione di Merida e del Trattato di estradizione in materia penale, firmato nel 1999. La cooperazione si regge sul cosiddetto PCA (Partnership and Trade Agreement), adottato tra l'UE e il Giappone.\n")
	for _, id := range []string{"roadmap:convenzione-merida", "roadmap:trattato-estradizione-materia-penale", "roadmap:partnership-trade-agreement"} {
		if !hasNode(f, id) {
			t.Errorf("document %s not read: %s", id, nodeIDs(f))
		}
	}
	if !hasEdge(f, fixtures.EdgePartyTo, "state:jp", "roadmap:partnership-trade-agreement") {
		t.Errorf("the parties after 'adottato tra' are not parties")
	}
	f = extractText(t, "strat.txt", "Abuja – En 2015, les chefs d'État de l'Union africaine avaient adopté la stratégie continentale de lutte contre la piraterie maritime dans le golfe de Guinée. Le plan sera révisé par les ministres et les experts de la région.\n")
	found := false
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindRoadmap && strings.HasPrefix(n.Name, "stratégie continentale") {
			found = true
		}
	}
	if !found {
		t.Errorf("a strategy in lower case with its subject not read: %s", nodeIDs(f))
	}
}

func TestSharedNamesAndOrgansOfOthers(t *testing.T) {
	f := extractText(t, "dgsn.txt", "Niamey – Le directeur de la Direction générale de la Sûreté nationale (DGSN) a ouvert hier à Niamey, au Niger, les travaux de l'Assemblée générale de l'Organisation des polices sahéliennes. Les délégués des pays membres se sont réunis pendant deux jours pour examiner le plan de travail de l'année.\n")
	if hasNode(f, "agency:ma:dgsn") || !hasNode(f, "agency:ne:dgsn") {
		t.Errorf("a name several states use kept the gazetteer's state in a document that never names it: %s", nodeIDs(f))
	}
	if hasNode(f, "unbody:unga") {
		t.Errorf("another body's general assembly taken for the UN's: %s", nodeIDs(f))
	}
}

func TestCommitteeOfChiefsAndSystems(t *testing.T) {
	f := extractText(t, "chiefs.txt", "Lusaka – Le projet SADIS (Southern African Drug Information System, SADIS) a été présenté au Comité des chefs de police d'Afrique australe, qui s'est réuni hier à Lusaka pour examiner le plan de travail de la région.\n")
	found := false
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindOrganization && strings.HasPrefix(n.Name, "Comité des chefs de police") {
			found = true
		}
		if n.Kind != fixtures.KindProject && strings.Contains(n.Name, "Information System") {
			t.Errorf("a system's name taken for a body: %s %s", n.ID, n.Name)
		}
	}
	if !found {
		t.Errorf("a committee of chiefs not read whole: %s", nodeIDs(f))
	}
}

func TestRegionalOfficeOfOrganisation(t *testing.T) {
	f := extractText(t, "office.txt", "Nairobi – Le Bureau régional de l'ONUDC pour l'Afrique de l'Est a organisé hier à Nairobi, au Kenya, un atelier sur la criminalité maritime avec les garde-côtes de la région.\n")
	if !hasNode(f, "org:unodc-regional-office") || !hasEdge(f, fixtures.EdgePartOf, "org:unodc-regional-office", "unbody:unodc") {
		t.Errorf("a regional office not read as the organisation's unit: %s", nodeIDs(f))
	}
	for _, n := range f.Nodes {
		if n.ID == "org:unodc-regional-office" && !strings.HasSuffix(n.Name, "Afrique de l'Est") {
			t.Errorf("the office's name lost the region it serves: %q", n.Name)
		}
	}
	f = extractText(t, "treaty.txt", "Moscow – The Secretary General of the Collective Security Treaty Organization met the delegation of Kazakhstan on 3 May 2021.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindRoadmap {
			t.Errorf("a body's name taken for a treaty: %s", n.ID)
		}
	}
}

func TestAbbreviatedSaint(t *testing.T) {
	f := extractText(t, "saint.txt", "Officers from Grenada and St. Kitts and Nevis attended the course in Bridgetown, Barbados, on 3 May 2019.\n")
	if !hasNode(f, "state:kn") {
		t.Errorf("'St.' not read as 'Saint': %s", nodeIDs(f))
	}
}

func TestWorkingGroups(t *testing.T) {
	f := extractText(t, "wg.txt", "Dakar – Le Groupe de travail Afrique de l'Ouest s'est réuni hier à Dakar, au Sénégal, pour préparer la réunion plénière des ministres de la région.\n")
	found := false
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindOrganization && strings.HasPrefix(n.Name, "Groupe de travail Afrique") {
			found = true
		}
	}
	if !found {
		t.Errorf("a named working group not read: %s", nodeIDs(f))
	}
}

func TestForceEndsAName(t *testing.T) {
	f := extractText(t, "force.txt", "Canberra – The Director General of the Australian Border Force met officers of the Force Protection and Training branch in Canberra, Australia, on 3 May 2022.\n")
	if !hasNode(f, "agency:au:border-force") {
		t.Errorf("'Border Force' not read as a body: %s", nodeIDs(f))
	}
	for _, n := range f.Nodes {
		if strings.HasPrefix(n.Name, "Force ") {
			t.Errorf("'Force' taken as the head starting a name: %s", n.Name)
		}
	}
}

func TestSeatInName(t *testing.T) {
	f := extractText(t, "seat.txt", "La delegazione ha visitato la Questura di Milano e il Ministero dell'Interno di Roma, dove è stata ricevuta dal prefetto.\n")
	if !hasNode(f, "agency:it:questura-milano") {
		t.Errorf("a body named with its seat not read: %s", nodeIDs(f))
	}
	if !hasNode(f, "agency:it:ministry-of-interior") {
		t.Errorf("a gazetteer body lost to its seat: %s", nodeIDs(f))
	}
}

func TestArrangementsAndTheirParties(t *testing.T) {
	f := extractText(t, "arr.txt", "Warsaw, 3 May 2022 – Europol and the Polish Border Guard signed a working arrangement on the exchange of liaison officers.\n")
	if !hasEdge(f, fixtures.EdgeMemorandum, "agency:pl:border-guard", "org:europol") && !hasEdge(f, fixtures.EdgeMemorandum, "org:europol", "agency:pl:border-guard") {
		t.Errorf("a working arrangement not read as an agreement: %v", f.Edges)
	}
	f = extractText(t, "intent.txt", "Roma – Oggi l'Arma dei Carabinieri e la Guardia Civil spagnola hanno firmato una dichiarazione di intenti sul partenariato tra le loro scuole di formazione, la Scuola Ufficiali di Roma e l'Accademia di Aranjuez.\n")
	if !hasEdge(f, fixtures.EdgeMemorandum, "agency:es:guardia-civil", "agency:it:carabinieri") && !hasEdge(f, fixtures.EdgeMemorandum, "agency:it:carabinieri", "agency:es:guardia-civil") {
		t.Errorf("the signatories of a declaration of intent not its parties: %v", f.Edges)
	}
}

func TestRankIsNoBody(t *testing.T) {
	f := extractText(t, "rank.txt", "Roma – Il Generale di Corpo d'Armata Mario Bianchi ha ricevuto ieri a Roma la delegazione della polizia albanese per discutere di cooperazione.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && strings.HasPrefix(n.Name, "Corpo") {
			t.Errorf("a rank taken for a body: %s", n.ID)
		}
	}
}

func TestItalianBodiesStayItalian(t *testing.T) {
	f := extractText(t, "it.txt", "Una delegazione dell'Italia è stata ricevuta oggi a Lima dal ministro peruviano dell'Interno. Ne facevano parte il capo del Dipartimento per gli Affari Penali e il consigliere del ministero degli Affari esteri. A Lima, in Perù, la delegazione ha visitato anche la Procura di Lima e il Perù ha confermato la cooperazione con il Perù.\n")
	if !hasNode(f, "agency:it:ministry-of-foreign-affairs") {
		t.Errorf("an Italian body named without its state given to the host state: %s", nodeIDs(f))
	}
}

func TestAdjectiveAfterCoordinatedName(t *testing.T) {
	f := extractText(t, "coord-adj.txt", "Roma – La delegazione italiana è stata ricevuta dal ministro dell'Interno e della Sicurezza cileno, Juan Pérez, per discutere della cooperazione tra Italia e Cile.\n")
	found := false
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && n.Country != nil && *n.Country == "CL" {
			found = true
		}
	}
	if !found {
		t.Errorf("the adjective at the end of a coordinated name does not give its state: %s", nodeIDs(f))
	}
}

func TestResearchInstitute(t *testing.T) {
	f := extractText(t, "iss.txt", "Nairobi, Kenya – The Institute for Strategic Studies (IFSS) held a workshop with the Kenyan police in Nairobi on 3 May 2022.\n")
	if !hasNode(f, "org:ifss") {
		t.Errorf("a research institute not read as an organisation: %s", nodeIDs(f))
	}
}

func TestDescribedProject(t *testing.T) {
	f := extractText(t, "described.txt", "Roma – Oggi il comandante della Polizia di Stato ha firmato un Progetto di formazione per la sicurezza delle frontiere marittime, alla presenza del ministro.\n")
	found := false
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindProject && strings.HasPrefix(n.Name, "Progetto di formazione per la sicurezza") {
			found = true
		}
	}
	if !found {
		t.Errorf("a project named by what it is about not read: %s", nodeIDs(f))
	}
}

func TestAbbreviatedName(t *testing.T) {
	f := extractText(t, "abbr.txt", "Roma – Il direttore del Dip. P.S. ha incontrato ieri a Roma la delegazione della polizia albanese per discutere della cooperazione tra Italia e Albania.\n")
	found := false
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && strings.HasPrefix(n.Name, "Dip. P.S") {
			found = true
		}
	}
	if !found {
		t.Errorf("an abbreviated name cut at its full stop: %s", nodeIDs(f))
	}
}

func TestCoordinatedBodiesSplit(t *testing.T) {
	f := extractText(t, "two.txt", "Kyiv, Ukraine – Officers of the Tax Police and the Border Guard attended the course on 3 May 2022.\n")
	for _, n := range f.Nodes {
		if strings.Contains(n.Name, "Tax Police and") {
			t.Errorf("two coordinated bodies glued: %s", n.Name)
		}
	}
	f = extractText(t, "two-it.txt", "Roma – Alla riunione hanno partecipato il Ministero dell'Interno e Marco Rossi, consigliere del ministro, per discutere di cooperazione.\n")
	for _, n := range f.Nodes {
		if strings.Contains(n.Name, "Marco") && n.Kind == fixtures.KindAgency {
			t.Errorf("a body glued to the person after it: %s", n.Name)
		}
	}
}

func TestYearPlan(t *testing.T) {
	f := extractText(t, "vision.txt", "Kampala, Uganda – The ministers adopted Vision 2035 on 3 May 2022, in line with the African Union's Agenda 2063.\n")
	if !hasNode(f, "roadmap:vision-2035") || !hasNode(f, "roadmap:agenda-2063") {
		t.Errorf("plans named with their year not read: %s", nodeIDs(f))
	}
}

func TestHyphenatedAdjectiveInName(t *testing.T) {
	f := extractText(t, "hyphen.txt", "Dakar – Le Bureau de coordination ouest-africaine de lutte contre la drogue a organisé hier un atelier à Dakar, au Sénégal, pour les magistrats de la région.\n")
	found := false
	for _, n := range f.Nodes {
		if strings.Contains(n.Name, "ouest-africaine de lutte") {
			found = true
		}
	}
	if !found {
		t.Errorf("a name cut at its hyphenated adjective: %s", nodeIDs(f))
	}
}

func TestEmbassy(t *testing.T) {
	f := extractText(t, "emb.txt", "Lima – L'Ambasciata d'Italia in Perù ha organizzato ieri a Lima un seminario sulla cooperazione di polizia con il Perù.\n")
	if !hasNode(f, "agency:it:embassy-peru") {
		t.Errorf("an embassy not read with its state: %s", nodeIDs(f))
	}
}

func TestInternationalFieldOfNationalUnit(t *testing.T) {
	f := extractText(t, "field.txt", "Beijing, China – The International Cooperation Department of the Chinese Ministry of Public Security hosted the meeting on 3 May 2022.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindOrganization && strings.Contains(n.Name, "Cooperation Department") {
			t.Errorf("a national unit for international cooperation taken for an international body: %s", n.ID)
		}
	}
}

func TestAdjectiveOfBodyIsNoSurname(t *testing.T) {
	f := extractText(t, "gc.txt", "Roma – La Direzione Tributaria Spagnola e l'Arma dei Carabinieri hanno firmato ieri a Roma un accordo di cooperazione sulla formazione tra Spagna e Italia, alla presenza del ministro italiano.\n")
	found := false
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && n.Country != nil && *n.Country == "ES" {
			found = true
		}
	}
	if !found {
		t.Errorf("the adjective of a body's name taken for a surname: %s", nodeIDs(f))
	}
}

// TestAgencyNamedWithItsState keeps the state written with an agency in its name: before
// it ("Ghana Immigration Service"), after it ("Police nationale d'Haïti"), but not across
// "and" ("the Immigration Service and the Seychelles Coast Guard" are two states' bodies).
func TestAgencyNamedWithItsState(t *testing.T) {
	f := extractText(t, "written.txt", `ACCRA, 2 September 2025 - The Ghana Immigration Service and the Seychelles Coast Guard met in Accra with officers of the Police nationale d'Haïti for a workshop on border security.`)
	want := map[string]string{
		"agency:gh:immigration-service": "Ghana Immigration Service",
		"agency:sc:coast-guard":         "Seychelles Coast Guard",
		"agency:ht:national-police":     "Police nationale d'Haïti",
	}
	for _, n := range f.Nodes {
		if w, ok := want[n.ID]; ok {
			if n.Name != w {
				t.Errorf("%s is named %q, want %q", n.ID, n.Name, w)
			}
			delete(want, n.ID)
		}
	}
	for id := range want {
		t.Errorf("no %s in %v", id, f.Nodes)
	}
}

// TestSeasAreNotStates reads no state in "the Gulf of Guinea", "the Indian Ocean",
// "l'océan Indien" or "Lake Chad", and still reads the states named on their own.
func TestSeasAreNotStates(t *testing.T) {
	f := extractText(t, "seas.txt", `DAKAR, 2 June 2025 - Piracy in the Gulf of Guinea, in the Indian Ocean and around Lake Chad was discussed in Dakar by Senegal and Mauritania; l'océan Indien was on the agenda of the workshop too.`)
	states := map[string]bool{}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindState {
			states[n.ID] = true
		}
	}
	for _, id := range []string{"state:gn", "state:in", "state:td"} {
		if states[id] {
			t.Errorf("%s read from a sea's or lake's name: %v", id, states)
		}
	}
	if !states["state:sn"] || !states["state:mr"] {
		t.Errorf("Senegal and Mauritania missing: %v", states)
	}
}

// TestHeaderDashEndsAName keeps a page header's words out of the body named after the
// dash ("Actualités – Police cantonale de Genève", "Ministero dell'Interno – Comunicato").
func TestHeaderDashEndsAName(t *testing.T) {
	f := extractText(t, "header.txt", "Ministero dell'Interno – Comunicato\n\nRoma, 3 marzo 2025 – Il Ministero dell'Interno ha ospitato una riunione con la Polizia di Stato sul contrasto al traffico di migranti.\n")
	for _, n := range f.Nodes {
		if strings.Contains(n.ID, "comunicato") {
			t.Errorf("a header word glued to a body: %s", n.ID)
		}
	}
}

func TestBodiesOfListedPlaces(t *testing.T) {
	f := extractText(t, "test_it.txt", `Comunicato

Roma, 12 marzo 2026 – Il corso è stato realizzato con docenti delle Università di Firenze, Messina, Padova e Trento. Vi ha partecipato il Comandante Generale dell'Arma dei Carabinieri, Gen. C.A. Mario Rossi.`)
	for _, id := range []string{"org:universita-di-firenze", "org:universita-di-messina", "org:universita-di-padova", "org:universita-di-trento"} {
		if !hasNode(f, id) {
			t.Errorf("%s should be read from the list of places: %s", id, nodeIDs(f))
		}
	}
	for _, n := range f.Nodes {
		if strings.HasPrefix(n.Name, "Arma dei") && n.Name != "Arma dei Carabinieri" {
			t.Errorf("a listed body is named whole: %+v", n)
		}
	}
}

func TestCommitteesAreOrganisationsUnlessNational(t *testing.T) {
	f := extractText(t, "test.txt", `Minutes

Abuja, 12 March 2026 – The Joint Steering Committee of the regional network met in Abuja on 10 March 2026. The State Committee for National Security of Kyrgyzstan sent two officers. The CBSS Committee of Senior Officials in December approved the plan.`)
	kinds := map[string]string{}
	for _, n := range f.Nodes {
		kinds[n.Name] = n.Kind
	}
	if kinds["Joint Steering Committee"] != fixtures.KindOrganization {
		t.Errorf("a committee is an organisation: %v", kinds)
	}
	if kinds["State Committee for National Security of Kyrgyzstan"] != fixtures.KindAgency {
		t.Errorf("a state committee is a state's agency: %v", kinds)
	}
	for name := range kinds {
		if strings.Contains(name, "December") {
			t.Errorf("a month ends a body's name: %q", name)
		}
	}
}

func TestTheTwoSidesAreTheFirstTwoParties(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Amman, 3 October 2025 – On 2 October 2025 Jordan and the European Union held the tenth meeting of their Subcommittee on Justice and Security, set up under the EU-Jordan Association Agreement that the two sides concluded in 2002.`)
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgePartyTo && !strings.HasPrefix(e.From, "state:jo") && e.From != "org:eu" {
			t.Errorf("only the two sides are parties: %s -> %s\n%s", e.From, e.To, dumpEdges(f))
		}
	}
	if !hasEdgePrefix(f, fixtures.EdgePartyTo, "state:jo", "roadmap:") {
		t.Errorf("Jordan is party to the agreement:\n%s", dumpEdges(f))
	}
}

func TestListedOrganWithItsParentsAcronym(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Communiqué

Alger, 16 mai 2017 – Organisée par la police algérienne en collaboration avec la Commission de l'Union africaine (UA), l'assemblée se tient à Alger du 14 au 16 mai 2017.`)
	if !hasNode(f, "org:au-commission") {
		t.Errorf("\"la Commission de l'Union africaine (UA)\" is the Commission: %v", nodeIDs(f))
	}
}

func TestWorkingGroupNamedByItsTopic(t *testing.T) {
	f := extractText(t, "test_it.txt", `Comunicato

Roma, 12 marzo 2026 – Gli esperti della Guardia di Finanza hanno partecipato alla riunione del Gruppo di lavoro sul contrasto al finanziamento del terrorismo della Coalizione globale, svoltasi a Roma l'11 marzo 2026.`)
	found := false
	for _, n := range f.Nodes {
		found = found || n.Kind == fixtures.KindOrganization && strings.HasPrefix(n.Name, "Gruppo di lavoro sul contrasto")
	}
	if !found {
		t.Errorf("\"Gruppo di lavoro sul contrasto al finanziamento\" is a working group: %v", nodeIDs(f))
	}
}

func TestDelegationOfAnOrganisationToAState(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Accra, 2 September 2025 – The funds will be managed by the EU Delegation to Ghana, the European Commission announced today. A delegation of the EU attended the launch.`)
	if !hasEdgePrefix(f, fixtures.EdgePartOf, "org:eu-delegation-ghana", "org:eu") {
		t.Errorf("\"the EU Delegation to Ghana\" is an office of the EU: %v\n%s", nodeIDs(f), dumpEdges(f))
	}
	if hasNode(f, "org:eu-delegation") {
		t.Errorf("\"a delegation of the EU\" is people, not a body: %v", nodeIDs(f))
	}
}

func TestTownNamesTheForce(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Rome, 3 March 2024 – The Italian minister visited the New York Police Department on 2 March 2024. He also saw the San Salvador bureau of the organisation.`)
	if !hasNode(f, "agency:us:new-york-police-department") {
		t.Errorf("\"the New York Police Department\" is an American force: %v", nodeIDs(f))
	}
	for _, n := range f.Nodes {
		if strings.Contains(n.Name, "San Salvador bureau") {
			t.Errorf("a lower-case head takes no town: %+v", n)
		}
	}
}

func TestDefiniteDescriptionOfAnOrganisation(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Communiqué

Alger, 16 mai 2017 – L'Algérie présidera le Mécanisme de coopération policière africaine (AFRIPOL). Elle a été choisie à l'ouverture de la première assemblée générale du mécanisme, qui se tient à Alger du 14 au 16 mai 2017.`)
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2017-05-14", "org:afripol") {
		t.Errorf("\"l'assemblée générale du mécanisme\" is AFRIPOL's:\n%s", dumpEdges(f))
	}
}

func TestBodyNamedByItsHeadNoun(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Lutte contre le terrorisme en Afrique de l'Ouest

DAKAR, 3 mars 2022 – L'Office des Nations Unies contre la drogue et le crime (ONUDC) a organisé à Dakar, du 1er au 3 mars, un atelier régional. Le Programme des Nations Unies pour le développement a tenu à Bamako, du 9 au 11 mars, un séminaire. L'Office a également organisé à Niamey, le 15 mars, une réunion consultative.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "unbody:unodc", "meeting:2022-03-15") {
		t.Errorf("\"L'Office a également organisé\": UNODC organised the meeting in Niamey:\n%s", dumpEdges(f))
	}
	for _, n := range f.Nodes {
		for _, a := range n.Aliases {
			if a == "Office" {
				t.Errorf("a head noun that refers back is a source, not an alias of %s", n.ID)
			}
		}
	}
}

func TestProgrammeNamedByItsRegionAndNumberedProject(t *testing.T) {
	f := extractText(t, "test_en.txt", `Grant for the region

BISHKEK, 17 February 2022 – Norway has given new funds to the UNDP Programme for Central Asia. The Cooperation Project 3 was co-funded by the European Anti-Fraud Office.`)
	for _, id := range []string{"project:programme-for-central-asia", "project:cooperation-project-3"} {
		found := false
		for _, n := range f.Nodes {
			found = found || n.ID == id
		}
		if !found {
			t.Errorf("no %s:\n%s", id, dumpEdges(f))
		}
	}
}

func TestComponentOfAProgramme(t *testing.T) {
	f := extractText(t, "test_en.txt", `Borders in Central Asia

ALMATY, 3 May 2021 – The Border Component of the regional programme is implemented by UNODC with the customs services of the region.`)
	if !hasEdge(f, fixtures.EdgeImplements, "unbody:unodc", "project:border-component") {
		t.Errorf("a programme's component is a project of its own:\n%s", dumpEdges(f))
	}
}

func TestComponentOfANumberedSubprogramme(t *testing.T) {
	f := extractText(t, "test_en.txt", `Report

ALMATY, 3 May 2021 – The Border Cooperation Component of Sub-program 2 of the regional programme trained forty officers.`)
	if !hasNode(f, "project:border-cooperation-component") {
		t.Errorf("the component is named up to the sub-programme it belongs to:\n%s", dumpEdges(f))
	}
}

func TestCoordinatedOfComplementsAreTwoBodies(t *testing.T) {
	f := extractText(t, "of.txt", "Officials of the Ministry of Justice and of the Prosecution Office for Serious Crimes of Albania attended the course in Tirana on 3 May 2019.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && strings.Contains(n.Name, "Justice") && strings.Contains(n.Name, "Prosecution") {
			t.Errorf("two bodies glued into one: %q", n.Name)
		}
	}
}

func TestItalianGovernmentSeatsNameTheirBodies(t *testing.T) {
	f := extractText(t, "seats_it.txt", "Roma, 3 marzo 2021 – Palazzo Chigi ha presentato il piano antidroga con la Polizia di Stato.\n")
	for _, id := range []string{"agency:it:presidency-council-of-ministers"} {
		if !hasNode(f, id) {
			t.Errorf("%s is not read:\n%s", id, nodeIDs(f))
		}
	}
}

func TestListedBodiesShareTheStatedState(t *testing.T) {
	f := extractText(t, "listed_en.txt", "Course in Ashgabat\n\nAstana, 4 May 2021 – Kazakhstan trained officers of the region, as Kazakhstan does every year with the help of Kazakhstan's police. The course in Ashgabat on 4 May 2021 gathered officers of Turkmenistan's Ministry of Internal Affairs, Ministry of National Security, State Service to Protect Public Health, Supreme Court and State Customs Service, with experts from Kazakhstan.\n")
	for _, id := range []string{"agency:tm:ministry-of-interior", "agency:tm:ministry-national-security", "agency:tm:supreme-court", "agency:tm:state-customs-service"} {
		if !hasNode(f, id) {
			t.Errorf("%s: each body of the list is Turkmen and stands alone:\n%s", id, dumpEdges(f))
		}
	}
}

func TestStatePoliceOfTheDocumentsState(t *testing.T) {
	f := extractText(t, "statepolice_en.txt", "Course in Riga\n\nRiga, 4 May 2021 – The services of Latvia have committed to strengthen their cooperation in the fight against crime. Officers of the State Police of Latvia and of the Counterterrorism Directorate of the State Police attended the course in Riga on 4 May 2021.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && n.Country != nil && *n.Country == "IT" {
			t.Errorf("a state police in a document about Latvia is not Italy's: %s", n.ID)
		}
	}
}

func TestAcronymSpellsTheLongForm(t *testing.T) {
	f := extractText(t, "longform_en.txt", "Course in Colombo\n\nColombo, 4 May 2021 – The services of the region have committed to strengthen their cooperation in the fight against crime. Delegates of the Pacific Customs, Immigration and Border Security Cooperation Office (PCIBSCO) attended the course in Colombo on 4 May 2021.\n")
	found := false
	for _, n := range f.Nodes {
		found = found || n.Name == "Pacific Customs, Immigration and Border Security Cooperation Office"
		if n.Name == "Immigration and Border Security Cooperation Office" {
			t.Errorf("the name was cut at its comma: %s", n.ID)
		}
	}
	if !found {
		t.Errorf("the acronym's letters give the whole name:\n%s", dumpEdges(f))
	}
}

func TestMatchLongForm(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        int
	}{
		{"pcibsco", "of the pacific customs, immigration and border security cooperation office", 7},
		{"eapcco", "the east african police chiefs cooperation organization", 4},
		{"xyz", "the pacific office", -1},
	} {
		if got := matchLongForm(c.short, c.long); got != c.want {
			t.Errorf("matchLongForm(%q, %q) = %d, want %d", c.short, c.long, got, c.want)
		}
	}
}

func TestGazetteerKnowsRegionalOrganisations(t *testing.T) {
	f := extractText(t, "orgs_fr.txt", "Atelier à Dakar\n\nDakar, 4 mai 2021 – Les services de la région se sont engagés à renforcer leur coopération dans la lutte contre la criminalité. L'atelier s'est tenu à Dakar le 4 mai 2021 avec le soutien de l'Organisation internationale de la Francophonie (OIF) et de l'OCDE.\n")
	for _, id := range []string{"org:oif", "org:oecd"} {
		if !hasNode(f, id) {
			t.Errorf("%s is an organisation the gazetteer knows:\n%s", id, dumpEdges(f))
		}
	}
}

func TestBodyUnderTheTutelageOfAMinistry(t *testing.T) {
	f := extractText(t, "tutelle_fr.txt", "Coopération policière\n\nAlger, 3 mars 2021 – Les services de la région se sont engagés à renforcer leur coopération dans la lutte contre la criminalité. Un accord a été signé à Alger avec l'Institut national de formation des cadres de police (INFCP), établissement placé sous la tutelle du ministère de l'Intérieur français. L'INFCP formera dix cadres algériens.\n")
	if !hasNode(f, "agency:fr:infcp") {
		t.Errorf("a national institute under a French ministry is a French agency:\n%s", dumpEdges(f))
	}
	for _, n := range f.Nodes {
		if n.ID == "org:infcp" || strings.HasPrefix(n.ID, "agency:dz:") && strings.Contains(n.ID, "infcp") {
			t.Errorf("not a research organisation nor an Algerian body: %s", n.ID)
		}
	}
}

func TestAgencyUnderAStatesHead(t *testing.T) {
	f := extractText(t, "under_en.txt", "Course in Astana\n\nAstana, 4 May 2021 – Kazakhstan trained officers of the region, as Kazakhstan does every year. The course in Astana was opened by Colonel Ivan Petrov, Deputy Director of the Drug Control Agency under the President of Republic of Tajikistan.\n")
	if !hasNode(f, "agency:tj:drug-control-agency") {
		t.Errorf("an agency under the President of Tajikistan is Tajik:\n%s", dumpEdges(f))
	}
}

func TestFoundationNamedAfterTwoPeople(t *testing.T) {
	f := extractText(t, "fondazione_it.txt", "Roma, 4 giugno 2025 – Al convegno ha parlato la presidente della Fondazione Paolo e Lucia Neri, Anna Neri, davanti ai funzionari della Polizia di Stato.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:anna-neri", "org:fondazione-paolo-e-lucia-neri") {
		t.Errorf("a foundation is named after both people:\n%s", dumpEdges(f))
	}
	if hasNode(f, "person:lucia-neri") {
		t.Errorf("a name inside the foundation's is no person")
	}
}

func TestLegislaturesAreAgenciesOfTheirState(t *testing.T) {
	f := extractText(t, "senato_it.txt", "Roma, 4 giugno 2025 – Al convegno hanno parlato il presidente del Senato Carlo Neri e il questore di Roma, davanti ai funzionari della Polizia di Stato.\n")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:carlo-neri", "agency:it:senate") {
		t.Errorf("the president of the Senate works for Italy's Senate:\n%s", dumpEdges(f))
	}
}

func TestFundsAreOrganisations(t *testing.T) {
	f := extractText(t, "fund.txt", "Nairobi, 4 March 2024 – The workshop held in Nairobi on 4 March 2024 was financed by the Customs Cooperation Fund of Kenya.\n")
	if !hasNode(f, "org:customs-cooperation-fund") {
		t.Errorf("a fund is a body: %s", nodeIDs(f))
	}
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeFunded && e.From == "state:ke" {
			t.Errorf("the state whose fund it is did not fund the workshop itself: %s", dumpEdges(f))
		}
	}
}

func TestAcronymNamesTheBodyWhoseOrganMeets(t *testing.T) {
	f := extractText(t, "organ.txt", "Rabat, 3 mars 2024 – La réunion du Comité exécutif du Réseau des Académies du Sahel (RAS) s'est tenue à Rabat le 2 mars 2024.\n")
	for _, n := range f.Nodes {
		if n.ID == "org:ras" && n.Name != "Réseau des Académies du Sahel" {
			t.Errorf("the acronym names the union, not its bureau: %q", n.Name)
		}
	}
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2024-03-02", "org:ras") {
		t.Errorf("the bureau's meeting is the union's: %s", dumpEdges(f))
	}
}

func TestArticleEndsARomanceName(t *testing.T) {
	f := extractText(t, "article.txt", "Madrid, 3 marzo 2024 – Con la Guardia Civil il Corpo ha firmato un accordo, presentato all'Università La Sapienza.\n")
	for _, n := range f.Nodes {
		if strings.Contains(n.Name, " il Corpo") {
			t.Errorf("an article after a name opens the next phrase: %q", n.Name)
		}
	}
	if !hasNode(f, "agency:es:guardia-civil") {
		t.Errorf("the Guardia Civil is read: %s", nodeIDs(f))
	}
}

func TestCentralOfficesAndUnitsNamedAfterTheirBody(t *testing.T) {
	f := extractText(t, "central.txt", "Niamey, 3 mars 2024 – L'Office central de lutte contre le terrorisme a reçu le chef du Bureau central national INTERPOL de Dakar. Les deux services ont signé un accord de coopération pour les enquêtes et la formation des policiers de la région.\n")
	found := false
	for _, n := range f.Nodes {
		found = found || n.Name == "Office central de lutte contre le terrorisme"
	}
	if !found {
		t.Errorf("a central office's name runs on past 'central' and 'contre': %s", nodeIDs(f))
	}
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgePartOf && strings.HasPrefix(e.From, "org:interpol-") && e.To == "org:interpol" {
			return
		}
	}
	t.Errorf("a bureau named with INTERPOL after it is INTERPOL's: %s", dumpEdges(f))
}

func TestClauseOpenedForAState(t *testing.T) {
	f := extractText(t, "side.txt", "Como, 3 marzo 2025 – Alla formazione c'erano, per l'Italia, militari della Guardia di Finanza; per la Svizzera, agenti della Polizia cantonale e del Corpo delle guardie di confine.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindAgency && strings.HasPrefix(n.Name, "Polizia cantonale") && (n.Country == nil || *n.Country != "CH") {
			t.Errorf("the bodies after 'per la Svizzera,' are Swiss: %+v", n)
		}
	}
}

func TestProjectNamesWithVersionsAndConjunctions(t *testing.T) {
	for _, c := range []struct{ lang, text, id string }{
		{"en", "London, 3 May 2019 - The European Union funds the EL PAcCTO 2.0 programme in Latin America. Both sides stressed the importance of cooperation against organised crime.", "project:el-paccto-2-0"},
		{"it", "Roma, 3 maggio 2019 – L'Unione europea finanzia il programma EL PAcCTO 2.0 in America latina. Le due parti hanno sottolineato l'importanza della cooperazione contro la criminalità organizzata.", "project:el-paccto-2-0"},
		{"fr", "Paris, 3 mai 2019 – L'Union européenne finance le programme EL PAcCTO 2.0 en Amérique latine. Les deux parties ont souligné l'importance de la coopération contre la criminalité organisée.", "project:el-paccto-2-0"},
		{"en", "London, 3 May 2019 - The EU Programme on Port Security and Safety of Navigation trained port officers in Mombasa.", "project:programme-on-port-security-and-safety-of-navigation"},
		{"en", "London, 3 May 2019 - The Regional Programme for Afghanistan and Neighbouring Countries opened two border liaison offices.", "project:regional-programme-for-afghanistan-and-neighbouring-countries"},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		if !hasNode(f, c.id) {
			t.Errorf("%s: want %s: %s", c.lang, c.id, nodeIDs(f))
		}
	}
}

func TestUnitsHeadedByDivisionsAndSections(t *testing.T) {
	for _, c := range []struct{ lang, text, name string }{
		{"it", "Roma, 3 maggio 2019 – Il Servizio Relazioni Internazionali e la Divisione Affari Multilaterali hanno preparato l'incontro. Le due parti hanno sottolineato l'importanza della cooperazione.", "Divisione Affari Multilaterali"},
		{"it", "Roma, 3 maggio 2019 – Il Reparto Operativo Aeronavale di Como ha svolto il pattugliamento. Le due parti hanno sottolineato l'importanza della cooperazione.", "Reparto Operativo Aeronavale di Como"},
		{"fr", "Paris, 3 mai 2019 – La Brigade nationale des stupéfiants du Sénégal a mené l'enquête. Les deux parties ont souligné l'importance de la coopération.", "Brigade nationale des stupéfiants du Sénégal"},
		{"en", "London, 3 May 2019 - The Maritime Safety Division of the ministry prepared the meeting. Both sides stressed the importance of cooperation.", "Maritime Safety Division"},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		found := false
		for _, n := range f.Nodes {
			found = found || n.Kind == fixtures.KindAgency && n.Name == c.name
		}
		if !found {
			t.Errorf("%s: want the agency %q: %s", c.lang, c.name, nodeIDs(f))
		}
	}
}

func TestProgrammesNamedInLowerCaseAfterTheirHead(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"it", "Roma, 3 maggio 2019 – L'UNODC gestisce il Programma globale contro il traffico di migranti e il Programma globale sulla criminalità marittima in Libia. Le due parti hanno sottolineato l'importanza della cooperazione."},
		{"fr", "Paris, 3 mai 2019 – L'ONUDC gère le Programme mondial contre le trafic de migrants et le Programme mondial sur la criminalité maritime en Libye. Les deux parties ont souligné l'importance de la coopération."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		var names []string
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindProject {
				names = append(names, n.Name)
			}
		}
		if len(names) != 2 {
			t.Errorf("%s: want two programmes, one per name: %q", c.lang, names)
		}
	}
	f := extractText(t, "it.txt", "Roma, 3 maggio 2019 – L'Italia ha firmato un Progetto di formazione per la sicurezza delle frontiere con la Tunisia. Le due parti hanno sottolineato l'importanza della cooperazione.")
	if !hasNode(f, "project:progetto-di-formazione-per-la-sicurezza-delle-frontiere") {
		t.Errorf("the name stops before \"con\": %s", nodeIDs(f))
	}
	f = extractText(t, "en.txt", "London, 3 May 2019 - The Counter-Terrorism Financing programme of UNODC held a workshop. Both sides stressed the importance of cooperation.")
	if !hasNode(f, "project:counter-terrorism-financing") {
		t.Errorf("the capitalised article is no part of the name: %s", nodeIDs(f))
	}
}

func TestEnglishProjectTitleWithItsConnectors(t *testing.T) {
	for _, c := range []struct{ text, project, donor string }{
		{"London, 3 May 2019 - Japan funded the project Strengthening Border Management in Central Asia. Both sides stressed the importance of cooperation.", "project:strengthening-border-management-in-central-asia", "state:jp"},
		{"London, 3 May 2019 - Canada provides funding to UNODC's Global Firearms Programme. Both sides stressed the importance of cooperation.", "project:global-firearms-programme", "state:ca"},
	} {
		f := extractText(t, "en.txt", c.text)
		if !hasEdge(f, fixtures.EdgeFunded, c.donor, c.project) {
			t.Errorf("want %s funding %s:\n%s\n%s", c.donor, c.project, nodeIDs(f), dumpEdges(f))
		}
	}
	f := extractText(t, "en.txt", "London, 3 May 2019 - The project Safe Seas of the European Union trained officers. Both sides stressed the importance of cooperation.")
	if !hasNode(f, "project:safe-seas") {
		t.Errorf("the owner after \"of the\" is no part of the name: %s", nodeIDs(f))
	}
}

func TestTwoForcesJoinedByAnd(t *testing.T) {
	f := extractText(t, "fr.txt", "Paris, 3 mai 2019 – Les travaux se sont ouverts à Dakar le 3 mars en présence de représentants de la Police nationale et de la Gendarmerie nationale. Les deux parties ont souligné l'importance de la coopération.")
	for _, id := range []string{"agency:fr:national-police", "agency:fr:gendarmerie"} {
		if !hasNode(f, id) {
			t.Errorf("want %s, one of two forces: %s", id, nodeIDs(f))
		}
	}
	f = extractText(t, "it.txt", "Roma, 3 maggio 2019 – La Direzione Centrale dell'Immigrazione e della Polizia delle Frontiere ha organizzato il corso a Roma il 3 marzo. Le due parti hanno sottolineato l'importanza della cooperazione.")
	if !hasNode(f, "agency:it:central-directorate-immigration-police-borders") {
		t.Errorf("a conjunction inside a directorate's complement goes on: %s", nodeIDs(f))
	}
}

func TestFederalAndCantonalBodiesAreOfTheirState(t *testing.T) {
	for _, c := range []struct{ lang, text, prefix string }{
		{"it", "Roma, 3 maggio 2019 – La Polizia cantonale del Ticino e la Guardia di Finanza hanno svolto un pattugliamento sul lago il 3 marzo con la Svizzera. Le due parti hanno sottolineato l'importanza della cooperazione.", "agency:ch:cantonal-police"},
		{"it", "Roma, 3 maggio 2019 – Il Dipartimento federale di giustizia della Svizzera e il Ministero dell'Interno hanno firmato un accordo a Roma il 3 marzo. Le due parti hanno sottolineato l'importanza della cooperazione.", "agency:ch:federal-department"},
		{"fr", "Paris, 3 mai 2019 – La Police fédérale et la Police nationale ont signé un accord à Paris le 3 mars avec la Belgique. Les deux parties ont souligné l'importance de la coopération.", "agency:be:federal-police"},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		if !strings.Contains(nodeIDs(f), c.prefix) {
			t.Errorf("%s: want %s…: %s", c.lang, c.prefix, nodeIDs(f))
		}
	}
}

func TestBodyNamedInAnotherLanguageIsNotTheTextsState(t *testing.T) {
	for _, text := range []string{
		"Roma, 3 maggio 2019 – Il corso si è svolto a Parigi il 3 marzo con la Direction nationale du renseignement et des enquêtes douanières e la Guardia di Finanza. Le due parti hanno sottolineato l'importanza della cooperazione.",
		"Roma, 3 maggio 2019 – A Parigi il 3 marzo ha parlato il Direttore della Direction nationale du renseignement et des enquêtes douanières, Jean Martin. Le due parti hanno sottolineato l'importanza della cooperazione.",
	} {
		f := extractText(t, "it.txt", text)
		if !strings.Contains(nodeIDs(f), "agency:fr:national-directorate") {
			t.Errorf("a French name in an Italian text is of the French-speaking state the text names: %s", nodeIDs(f))
		}
	}
}

func TestProjectNamedWithItsNounToo(t *testing.T) {
	for _, c := range []struct{ lang, text, alias string }{
		{"en", "London, 3 May 2019 - The Counter-Terrorism Financing programme of UNODC held a workshop in Abuja on 2 May. Both sides stressed the importance of cooperation.", "Counter-Terrorism Financing programme"},
		{"it", "Roma, 3 maggio 2019 – L'Unione europea finanzia il programma EL PAcCTO in America latina. Le due parti hanno sottolineato l'importanza della cooperazione.", "programma EL PAcCTO"},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		found := false
		for _, n := range f.Nodes {
			found = found || n.Kind == fixtures.KindProject && slices.Contains(n.Aliases, c.alias)
		}
		if !found {
			t.Errorf("%s: want the alias %q", c.lang, c.alias)
		}
	}
}

func TestHeadNounOfABodyTheRulesNamed(t *testing.T) {
	for _, c := range []languageCase{
		{"en", "London, 3 May 2019 - The Regional Maritime Training Centre in Accra organised a course on port security in Accra on 2 May. Richard Wheeler, Training Officer of the Centre, said the course was useful. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le Centre régional de formation maritime d'Accra a organisé un cours sur la sûreté portuaire à Accra le 2 mai. Richard Wheeler, directeur du Centre, a déclaré que le cours était utile. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il Centro Regionale di Formazione Marittima di Accra ha organizzato un corso sulla sicurezza portuale ad Accra il 2 maggio. Richard Wheeler, direttore del Centro, ha dichiarato che il corso è stato utile. Le due parti hanno sottolineato l'importanza della cooperazione."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		organiser := ""
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeParticipatedIn && e.Role != nil && *e.Role == fixtures.RoleOrganiser {
				organiser = e.From
			}
		}
		if organiser == "" || !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:richard-wheeler", organiser) {
			t.Errorf("%s: the officer of the Centre works for the centre named before (%q):\n%s", c.lang, organiser, dumpEdges(f))
		}
	}
}

func TestForceIsNotTheDirectorateItsNameHolds(t *testing.T) {
	for _, c := range []languageCase{
		{"fr", "Paris, 3 mai 2019 – Jean Dupont, directeur central de l'immigration et de la police des frontières, a reçu à Paris le 3 mai une délégation. La police française a remercié les invités. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Mario Bianchi, direttore centrale dell'immigrazione e della polizia delle frontiere, ha ricevuto a Roma il 3 maggio una delegazione. La polizia italiana ha ringraziato gli ospiti. Le due parti hanno sottolineato l'importanza della cooperazione."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		agencies := 0
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindAgency {
				agencies++
			}
		}
		if agencies != 2 {
			t.Errorf("%s: the police and the directorate whose second complement names it are two bodies: %s", c.lang, nodeIDs(f))
		}
	}
}

func TestHeadNounWhoseNameGoesOnIsNoAnaphor(t *testing.T) {
	f := extractText(t, "fr.txt", "Paris, 3 mai 2019 – Le Bureau de Dakar a organisé un atelier à Dakar le 2 mai. Le chef du Bureau pays de l'ONUDC, Pierre Lapaque, a ouvert l'atelier. Les deux parties ont souligné l'importance de la coopération.")
	if !hasEdge(f, fixtures.EdgeAffiliatedWith, "person:pierre-lapaque", "unbody:unodc") || hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:pierre-lapaque", "agency:sn") {
		t.Errorf("\"du Bureau pays de l'ONUDC\" names the office of UNODC, not the Bureau named before:\n%s", dumpEdges(f))
	}
}

func TestForceByItsHeadIsNotTheForceNamedBefore(t *testing.T) {
	for _, c := range []languageCase{
		{"it", "Roma, 3 maggio 2019 – La delegazione della Polizia di Frontiera albanese è stata ricevuta a Roma il 2 maggio. Il Capo della Polizia, prefetto Mario Bianchi, ha accolto gli ospiti. Le due parti hanno sottolineato l'importanza della cooperazione."},
		{"fr", "Paris, 3 mai 2019 – La délégation de la Police des frontières albanaise a été reçue à Paris le 2 mai. Le chef de la Police, le préfet Mario Bianchi, a accueilli les invités. Les deux parties ont souligné l'importance de la coopération."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		if hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:mario-bianchi", "agency:al") {
			t.Errorf("%s: \"the Police\" alone is not the Albanian border police named before:\n%s", c.lang, dumpEdges(f))
		}
	}
}

func TestHeadNounOfTwoBodiesIsNoAnaphor(t *testing.T) {
	f := extractText(t, "en.txt", "London, 3 May 2019 - The Regional Training Centre in Accra organised a course on port security in Accra on 2 May with the National Coordination Centre in Lomé. Richard Wheeler, Training Officer of the Centre, said the course was useful. Both sides stressed the importance of cooperation.")
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeAffiliatedWith && e.From == "person:richard-wheeler" {
			t.Errorf("two centres were named: which one \"the Centre\" is is not said, got %s", e.To)
		}
	}
}

func TestAcronymOfABodyNamedInAnotherLanguage(t *testing.T) {
	f := extractText(t, "it.txt", "Roma, 3 maggio 2019 – Il 2 maggio a Parigi i frequentatori hanno seguito la conferenza del Direttore della Direction des Vérifications nationales et internationales (DVNI), Philippe De Beer. Le due parti hanno sottolineato l'importanza della cooperazione.")
	if ids := nodeIDs(f); !strings.Contains(ids, "agency:fr:dvni") || strings.Contains(ids, "agency:it:") {
		t.Errorf("the acronym in brackets is the French body's, as its name is: %s", ids)
	}
}

func TestStateOfAListedAgencyIsTheGazetteers(t *testing.T) {
	for _, c := range []struct {
		text, from, to string
		reference      bool
	}{
		{"Roma, 3 maggio 2019 – La Polizia di Stato ha organizzato un corso a Roma il 2 maggio. Le due parti hanno sottolineato l'importanza della cooperazione.", "agency:it:state-police", "state:it", true},
		{"Roma, 3 maggio 2019 – La Polizia di Stato albanese ha organizzato un corso a Roma il 2 maggio. Le due parti hanno sottolineato l'importanza della cooperazione.", "agency:al:state-police", "state:al", false},
	} {
		f := extractText(t, "it.txt", c.text)
		found := false
		for _, e := range f.Edges {
			if e.Kind != fixtures.EdgePartOf || e.From != c.from || e.To != c.to {
				continue
			}
			found = true
			reference := len(e.Sources) == 1 && e.Sources[0].Reference != ""
			if reference != c.reference {
				t.Errorf("%s -> %s: reference source %v, want %v (the text names the state: %v)", c.from, c.to, reference, c.reference, !c.reference)
			}
		}
		if !found {
			t.Errorf("want %s PART_OF %s:\n%s", c.from, c.to, dumpEdges(f))
		}
	}
}

func TestForceWrittenWithAnotherAdjectiveOfItsState(t *testing.T) {
	f := extractText(t, "it.txt", "Roma, 3 maggio 2019 – Il 3 maggio a Roma la Guardia Costiera americana ha organizzato un corso con la Guardia di Finanza. Le due parti hanno sottolineato l'importanza della cooperazione.")
	if ids := nodeIDs(f); !strings.Contains(ids, "agency:us:uscg") {
		t.Errorf("\"americana\" and \"statunitense\" name the same state: the listed United States Coast Guard, got %s", ids)
	}
}

// A bare head word that begins a longer name of a meeting or programme is no body; before a
// person's name it still is.
func TestBareHeadInsideAName(t *testing.T) {
	for _, doc := range []string{
		"Bangkok, 5 May 2019 – The Regional Customs - Police Workshop for Asian countries was held in Bangkok from 2 to 4 May 2019.\n",
		"Lomé, 5 May 2019 – The programme « Customs Operational Practices for Enforcement and Seizures » was presented in Lomé on 4 May 2019.\n",
	} {
		f := extractText(t, "bare_head.txt", doc)
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindAgency && strings.HasSuffix(n.ID, ":customs") {
				t.Errorf("%q: a head word inside a name taken for a body: %s", doc, n.ID)
			}
		}
	}
	f := extractText(t, "senato.txt", "Roma, 9 giugno 2014 – Hanno aperto i lavori il vicepresidente del CSM Michele Vietti e il presidente del Senato Pietro Grasso.\n")
	if !hasEdgePrefix(f, fixtures.EdgeAffiliatedWith, "person:pietro-grasso", "agency:it:") {
		t.Errorf("a head word before a person's name lost its body:\n%s", dumpEdges(f))
	}
}

// A head repeated after a conjunction opens a second body, and a university named after a
// person keeps the person's name.
func TestRepeatedHeadAndEponymousUniversities(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Dakar, 3 mai 2019 – Des chercheurs de l'Université de Sherbrooke et de l'Université Cheikh Anta Diop ont participé au séminaire.\n",
			[]string{"org:universite-de-sherbrooke", "org:universite-cheikh-anta-diop"}},
		{"it", "Roma, 3 maggio 2019 – Al seminario hanno partecipato docenti dell'Università di Pisa e dell'Università Luigi Bocconi.\n",
			[]string{"org:universita-di-pisa", "org:universita-luigi-bocconi"}},
		{"en", "London, 3 May 2019 – Researchers from the University of Florida and the University of Texas attended the seminar.\n",
			[]string{"org:university-of-florida", "org:university-of-texas"}},
	} {
		f := extractText(t, c.lang+"_universities.txt", c.text)
		for _, id := range c.want {
			if !hasNode(f, id) {
				t.Errorf("%s: %s not read: %s", c.lang, id, nodeIDs(f))
			}
		}
	}
}

// A project's quoted name introduced by "entitled" is its name whole, with the bodies and
// plans it names.
func TestEntitledProjects(t *testing.T) {
	for _, c := range []struct{ lang, text, id string }{
		{"en", "London, 3 May 2019 – The training is part of the project entitled \"Support to the ECOWAS Regional Action Plan on Drug Trafficking\", funded by the European Union.\n",
			"project:support-to-the-ecowas-regional-action-plan-on-drug-trafficking"},
		{"fr", "Paris, 3 mai 2019 – La formation s'inscrit dans le projet intitulé « Appui à la Police nationale du Niger », financé par l'Union européenne.\n",
			"project:appui-a-la-police-nationale-du-niger"},
		{"it", "Roma, 3 maggio 2019 – Il corso rientra nel progetto denominato «Sostegno al Piano d'azione regionale dell'ECOWAS», finanziato dall'Unione europea.\n",
			"project:sostegno-al-piano-d-azione-regionale-dell-ecowas"},
	} {
		f := extractText(t, c.lang+"_entitled.txt", c.text)
		if !hasNode(f, c.id) || !hasEdge(f, fixtures.EdgeFunded, "org:eu", c.id) {
			t.Errorf("%s: the entitled project is not read whole:\n%s\n%s", c.lang, nodeIDs(f), dumpEdges(f))
		}
	}
}

// An agency is PART_OF its state when the text names the state with it; a state guessed
// from the rest of the document is the agency's country, not a fact read from a span.
func TestStateOfAnAgencyWrittenOrGuessed(t *testing.T) {
	f := extractText(t, "state_written.txt", "Dakar, 3 mai 2019 – La Direction de la coopération internationale a organisé un séminaire à Dakar le 2 mai 2019 avec la Police nationale du Niger.\n")
	var guessed *fixtures.Node
	for i, n := range f.Nodes {
		if n.ID == "agency:sn:directorate-international-cooperation" {
			guessed = &f.Nodes[i]
		}
	}
	if guessed == nil || guessed.Country == nil || *guessed.Country != "SN" {
		t.Fatalf("the agency of the document's state is not read with its country: %s", nodeIDs(f))
	}
	if hasEdge(f, fixtures.EdgePartOf, guessed.ID, "state:sn") {
		t.Errorf("a guessed state given as a fact read from the text:\n%s", dumpEdges(f))
	}
	if !hasEdge(f, fixtures.EdgePartOf, "agency:ne:national-police", "state:ne") {
		t.Errorf("the state written with the agency is not its parent:\n%s", dumpEdges(f))
	}
}

func TestStateAfterCoordinatedAgencies(t *testing.T) {
	f := extractText(t, "state_coordinated.txt", "Niamey, 3 mai 2019 – Le projet soutiendra la Police nationale et la Garde nationale du Niger pendant trois ans.\n")
	for _, id := range []string{"agency:ne:national-police", "agency:ne:national-guard"} {
		if !hasEdge(f, fixtures.EdgePartOf, id, "state:ne") {
			t.Errorf("the state after two coordinated agencies is not %s's:\n%s", id, dumpEdges(f))
		}
	}
}

// A quoted sentence after a project noun and a comma is no project's name, and the bodies
// it names stay bodies.
func TestQuotedSentenceIsNoProject(t *testing.T) {
	f := extractText(t, "quoted_sentence.txt", "London, 3 May 2019 – UNODC presented the project, \"Ghana, Togo and INTERPOL will share data\", to the ministers of the region.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindProject {
			t.Errorf("a quoted sentence taken for a project: %s", n.ID)
		}
	}
	if !hasNode(f, "org:interpol") {
		t.Errorf("a body inside a quoted sentence lost: %s", nodeIDs(f))
	}
}
