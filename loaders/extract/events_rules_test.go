package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
)

// extractText runs the extractor on an invented document.

// hasEdge reports whether an edge of a kind runs from an id that is from (or starts
// with it and a colon) to an id that starts with to.
// hasEdgePrefix finds an edge whose ends start with the ids given (meeting ids carry dates and places).
func hasEdgePrefix(f *fixtures.Fixture, kind, from, to string) bool {
	for _, e := range f.Edges {
		if e.Kind == kind && (e.From == from || strings.HasPrefix(e.From, from+":")) && strings.HasPrefix(e.To, to) {
			return true
		}
	}
	return false
}

// languageCase is an invented text written in one language for a rule's test.
type languageCase struct{ lang, text string }

// eachLanguage extracts each case and hands its fixture to check.
func eachLanguage(t *testing.T, cases []languageCase, check func(lang string, f *fixtures.Fixture)) {
	t.Helper()
	for _, tc := range cases {
		check(tc.lang, extractText(t, tc.lang+".txt", tc.text))
	}
}

// wantEdges extracts each case and reports every edge of a kind from one of the ids in
// from to an id starting with to that the extraction lacks; why says what the rule reads.
func wantEdges(t *testing.T, cases []languageCase, kind string, from []string, to, why string) {
	t.Helper()
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		for _, id := range from {
			if !hasEdgePrefix(f, kind, id, to) {
				t.Errorf("%s: want %s %s -> %s (%s):\n%s", lang, kind, id, to, why, dumpEdges(f))
			}
		}
	})
}

// namesOfKind returns the names and aliases of the fixture's nodes of a kind.
func namesOfKind(f *fixtures.Fixture, kind string) []string {
	var out []string
	for _, n := range f.Nodes {
		if n.Kind == kind {
			out = append(append(out, n.Name), n.Aliases...)
		}
	}
	return out
}

func dumpEdges(f *fixtures.Fixture) string {
	var b strings.Builder
	for _, e := range f.Edges {
		b.WriteString(e.Kind + " " + e.From + " -> " + e.To + "\n")
	}
	return b.String()
}

func TestParticipantGroupsAndSubjects(t *testing.T) {
	f := extractText(t, "test.txt", `Regional seminar on port security

A regional seminar on port security was held in Vienna on 12 and 13 May 2022.
Delegates from Kenya, Tanzania and Uganda attended the seminar, together with experts of INTERPOL and UNODC.
Rwanda and Burundi also took part.`)
	for _, from := range []string{"state:ke", "state:tz", "state:ug", "org:interpol", "unbody:unodc", "state:rw", "state:bi"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2022-05-12") {
			t.Errorf("%s should take part in the seminar:\n%s", from, dumpEdges(f))
		}
	}
}

func TestDelegationVisitsWithoutYear(t *testing.T) {
	f := extractText(t, "test.txt", `Roma, 3 marzo 2023

Dal 20 al 22 febbraio una delegazione del Ministero dell'Interno del Marocco ha visitato Roma.`)
	found := false
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting && n.StartDate != nil && *n.StartDate == "2023-02-20" && n.EndDate != nil && *n.EndDate == "2023-02-22" {
			found = true
		}
	}
	if !found {
		t.Errorf("the visit should take its year from the dateline: %+v", f.Nodes)
	}
}

func TestDatesWithoutYear(t *testing.T) {
	for in, want := range map[string][2]string{
		"dal 24 al 26 novembre":  {"2025-11-24", "2025-11-26"},
		"on september 4":         {"2025-09-04", ""},
		"les 10 et 11 octobre":   {"2025-10-10", "2025-10-11"},
		"le 20 decembre dernier": {"2024-12-20", ""}, // more than two months after: the year before
	} {
		ds := findDates(in)
		if len(ds) == 0 {
			t.Errorf("%q: no date", in)
			continue
		}
		from, to, ok := ds[0].resolve("2025-10-01")
		if !ok || from != want[0] || to != want[1] {
			t.Errorf("%q: got %s %s, want %v", in, from, to, want)
		}
	}
	if ds := findDates("Abuja, 1 er juin 2019"); len(ds) != 1 || ds[0].from != "2019-06-01" {
		t.Errorf("a day written 1 er: %+v", ds)
	}
	if ds := findDates("12-03-2020"); len(ds) != 1 || ds[0].from != "2020-03-12" {
		t.Errorf("a date with dashes: %+v", ds)
	}
}

func TestOpeningCeremonyDatesTheMeeting(t *testing.T) {
	f := extractText(t, "test.txt", `Coastal surveillance course under way

12 June 2024

Coast guard officers have started a ten-day coastal surveillance workshop.
The opening ceremony took place on Monday in Mombasa, where the director of the academy greeted the trainees.`)
	n := 0
	for _, nd := range f.Nodes {
		if nd.Kind == fixtures.KindMeeting {
			n++
			if nd.StartDate == nil || *nd.StartDate != "2024-06-10" {
				t.Errorf("the workshop opened on Monday 10 June: %+v", nd)
			}
		}
	}
	if n != 1 {
		t.Errorf("the opening ceremony is the workshop's: %d meetings", n)
	}
}

func TestGenericSessionTakesTheLaterKind(t *testing.T) {
	f := extractText(t, "test.txt", `Dakar, le 3 avril 2023

Une session pour les procureurs s'est tenue à Dakar du 27 au 29 mars 2023, à l'initiative de l'ONUDC. Cet atelier a été financé par le Japon.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "unbody:unodc", "meeting:2023-03-27:dakar:workshop") ||
		!hasEdgePrefix(f, fixtures.EdgeFunded, "state:jp", "meeting:2023-03-27:dakar:workshop") {
		t.Errorf("one workshop, organised and funded:\n%s", dumpEdges(f))
	}
}

func TestGappedPassiveAndFunderList(t *testing.T) {
	f := extractText(t, "test.txt", `Le projet SEACOP avance. Il est mis en œuvre depuis 2019 par INTERPOL et l'ONUDC dans dix pays.
Financé par l'Union européenne, le programme SEACOP bénéficie aussi de l'expertise de la CEDEAO.`)
	for _, from := range []string{"org:interpol", "unbody:unodc"} {
		if !hasEdgePrefix(f, fixtures.EdgeImplements, from, "project:seacop") {
			t.Errorf("%s implements the project:\n%s", from, dumpEdges(f))
		}
	}
	if !hasEdgePrefix(f, fixtures.EdgeFunded, "org:eu", "project:seacop") || hasEdgePrefix(f, fixtures.EdgeFunded, "org:ecowas", "project:seacop") {
		t.Errorf("only the EU funds the project:\n%s", dumpEdges(f))
	}
}

func TestHeadingMeetingTakesTheLineUnder(t *testing.T) {
	f := extractText(t, "test.txt", `Annual Heads of Border Agencies Meeting
Vienna, Austria, 3-4 October 2022

Representing INTERPOL was the director of operational support.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:interpol", "meeting:2022-10-03:vienna") {
		t.Errorf("the heading meeting is dated and placed by the line under it:\n%s", dumpEdges(f))
	}
}

func TestOrganisingProjectIsTheFramework(t *testing.T) {
	f := extractText(t, "test.txt", `Alger, 5 mai 2022

Le 3 mai 2022 à Alger, un séminaire a été organisé par l'ONUDC et le projet SEACOP, avec l'appui d'INTERPOL.`)
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2022-05-03", "project:seacop") || hasEdgePrefix(f, fixtures.EdgeImplements, "org:interpol", "project:seacop") {
		t.Errorf("the seminar is held under the project; INTERPOL supports the seminar:\n%s", dumpEdges(f))
	}
}

func TestSeriesAndPluralMeetings(t *testing.T) {
	f := extractText(t, "test.txt", `Lisbona, 20 ottobre 2023

Il ciclo di visite, promosso da Europol, ha interessato polizie straniere.
Dal 9 all'11 ottobre è arrivata una delegazione marocchina. Dal 16 al 18 ottobre è arrivata una delegazione tunisina.
Tutte le delegazioni sono state ricevute dal ministero dell'Interno.`)
	for _, to := range []string{"meeting:2023-10-09", "meeting:2023-10-16"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:europol", to) {
			t.Errorf("the series organiser organises %s:\n%s", to, dumpEdges(f))
		}
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "agency:pt:ministry-of-interior", to) {
			t.Errorf("the host of all the delegations hosts %s:\n%s", to, dumpEdges(f))
		}
	}
}

func TestListReadsPossessivesAndAcronyms(t *testing.T) {
	f := extractText(t, "test.txt", `A regional conference was held in Vienna on 4 May 2021.
Observers included the EU's agency for police cooperation (EUROPOL) and the Andean Community.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:europol", "meeting:2021-05-04") || hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:eu", "meeting:2021-05-04") {
		t.Errorf("Europol, not the EU, took part:\n%s", dumpEdges(f))
	}
}

func TestHostsAndEarlyGroups(t *testing.T) {
	f := extractText(t, "test.txt", `Geneva, 2 March 2022

Senior officials of INTERPOL arrived in Geneva.
On a visit today to the headquarters of UNODC, they met its director.`)
	for _, from := range []string{"org:interpol", "unbody:unodc"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2022-03-02") {
			t.Errorf("%s takes part in the visit:\n%s", from, dumpEdges(f))
		}
	}
}

func TestMeetingNamedWithItsAdjectiveAndBody(t *testing.T) {
	f := extractText(t, "test.txt", `Dichiarazione congiunta

Il rappresentante permanente, Paolo Verdi, ha preso la parola al dibattito pubblico del Consiglio di Sicurezza sulla pirateria.`)
	found := false
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting && contains(n.Aliases, "dibattito pubblico") {
			found = true
		}
	}
	if !found || !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting", "unbody:unsc") {
		t.Errorf("the open debate of the Security Council:\n%+v\n%s", f.Nodes, dumpEdges(f))
	}
}

func TestSceneListMakesOneMeetingEach(t *testing.T) {
	f := extractText(t, "test.txt", `Deux séminaires de l'ONUDC en Côte d'Ivoire et au Niger

20-09-2022

Abidjan, 5-6 juillet ; Niamey, 12-14 septembre

Financés par le Japon, les séminaires ont réuni des magistrats.
Au Niger, des représentants d'INTERPOL ont animé les débats.`)
	for _, to := range []string{"meeting:2022-07-05:abidjan", "meeting:2022-09-12:niamey"} {
		if !hasEdgePrefix(f, fixtures.EdgeFunded, "state:jp", to) {
			t.Errorf("Japan funds %s:\n%s", to, dumpEdges(f))
		}
	}
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:interpol", "meeting:2022-09-12:niamey") || hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:interpol", "meeting:2022-07-05:abidjan") {
		t.Errorf("INTERPOL took part in Niger only:\n%s", dumpEdges(f))
	}
}

func TestCompositeSubjectImplements(t *testing.T) {
	f := extractText(t, "test.txt", `The SEACOP project links ports. A partnership composed of INTERPOL and UNODC now implements the SEACOP project in West Africa.`)
	for _, from := range []string{"org:interpol", "unbody:unodc"} {
		if !hasEdgePrefix(f, fixtures.EdgeImplements, from, "project:seacop") {
			t.Errorf("%s implements the project:\n%s", from, dumpEdges(f))
		}
	}
}

func TestOccasionIsAMeeting(t *testing.T) {
	f := extractText(t, "test.txt", `Parigi, 3 marzo 2023

Polizia e Gendarmeria rafforzano la cooperazione. In quell'occasione una delegazione dell'INTERPOL è stata accolta dal questore di Milano.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:interpol", "meeting") {
		t.Errorf("the occasion is a meeting with INTERPOL:\n%s", dumpEdges(f))
	}
}

func TestBodyActingDuringTheMeeting(t *testing.T) {
	f := extractText(t, "test.txt", `Une réunion des chefs de police s'est tenue à Dakar le 4 mars 2021. Europol a présenté ses outils d'analyse pendant cette réunion.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:europol", "meeting:2021-03-04") {
		t.Errorf("Europol acted during the meeting:\n%s", dumpEdges(f))
	}
}

func TestSubjectPastAnApposition(t *testing.T) {
	f := extractText(t, "test.txt", `Depuis lundi, le ministère de l'Intérieur belge et l'attaché de sécurité en poste au Mali, Paul MARTIN, organisent à Dakar un séminaire le 3 mai 2022. Les participants sont des policiers de la région et des magistrats qui travaillent sur les dossiers de trafic.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "agency:be", "meeting:2022-05-03") || hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:ml", "meeting:2022-05-03") {
		t.Errorf("the ministry organises; Mali is where the magistrate works:\n%s", dumpEdges(f))
	}
}

func TestAssemblyOfAnotherBody(t *testing.T) {
	f := extractText(t, "test.txt", `Le 3 mai 2022, la 12e Assemblée générale de l'Office régional de coopération (INTERPOL) s'est ouverte à Dakar avec les chefs de police.`)
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting", "org:interpol") {
		t.Errorf("the assembly is INTERPOL's:\n%s", dumpEdges(f))
	}
	for _, n := range f.Nodes {
		if n.ID == "unbody:unga" {
			t.Errorf("not the UN General Assembly")
		}
	}
}

func TestTruncatedTextsDoNotPanic(t *testing.T) {
	doc := `Roma, 3 marzo 2023 – Dal 2 al 4 marzo una delegazione dell'Organizzazione dei capi di polizia (INTERPOL) e i rappresentanti della Communauté (CEDEAO), riuniti a Roma per la riunione del Gruppo di lavoro (GTS), hanno partecipato alla 5a Assemblea generale della Comunità (ECOWAS). Au Niger, ils ont rencontré l'Union's agency (EUROPOL) 's`
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(doc)
	for n := 1; n <= len(rs); n++ {
		// Short pieces may be refused (no language); only a panic fails the test.
		_, _ = x.Extract("test.txt", []byte(string(rs[:n])))
		_, _ = x.Extract("test.txt", []byte(string(rs[len(rs)-n:])))
	}
}

func TestMeetingOfAnOrganOfABody(t *testing.T) {
	f := extractText(t, "test.txt", `The plan follows what the 21st ordinary meeting of the Council of Ministers of ECOWAS agreed on 12 and 13 June 2019.`)
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2019-06-12", "org:ecowas") {
		t.Errorf("the meeting of an ECOWAS organ is held under ECOWAS:\n%s", dumpEdges(f))
	}
}

func TestFundingProvidedBy(t *testing.T) {
	f := extractText(t, "test.txt", `Une rencontre régionale s'est tenue à Dakar le 3 juin 2020. Le financement de cette rencontre est assuré par l'Union européenne.`)
	if !hasEdgePrefix(f, fixtures.EdgeFunded, "org:eu", "meeting:2020-06-03") {
		t.Errorf("the EU funds the workshop:\n%s", dumpEdges(f))
	}
}

func TestMetNeedsSomeoneMet(t *testing.T) {
	f := extractText(t, "test.txt", `Vienna, 3 May 2022

The SEACOP project met its targets in Vienna this year, according to UNODC.`)
	assertNoKind(t, f, fixtures.KindMeeting, "no meeting when nobody is met")
	f = extractText(t, "test.txt", `Vienna, 3 May 2022

The Executive Director of UNODC met the Director General of INTERPOL in Vienna today.`)
	found := false
	for _, n := range f.Nodes {
		found = found || n.Kind == fixtures.KindMeeting && n.StartDate != nil && *n.StartDate == "2022-05-03"
	}
	if !found {
		t.Errorf("meeting a director is a meeting: %+v", f.Nodes)
	}
}

func TestGroupsFarFromTheMeetingStayOut(t *testing.T) {
	f := extractText(t, "test.txt", `A regional workshop on port security was held in Vienna on 12 May 2022.
Port security remains a concern for many countries.
Container traffic has grown quickly over the last decade.
Smugglers use new routes and new methods every year.
Customs services need better tools to profile cargo.
Last year, experts of INTERPOL published a report on container fraud.`)
	if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:interpol", "meeting") {
		t.Errorf("experts named far from the workshop are not its participants:\n%s", dumpEdges(f))
	}
}

// TestAdoptedAtAfterTheRoadmap reads a passive adoption ("the declaration, adopted at the
// conference") and leaves out one adopted elsewhere ("adopted in 2018").
func TestAdoptedAtAfterTheRoadmap(t *testing.T) {
	f := extractText(t, "adopted.txt", `Lisbonne, 12 mars 2025 - Les ministres de l'Intérieur se sont réunis à Lisbonne pour une conférence sur la sécurité des frontières. La Déclaration de Lisbonne, adoptée lors de la conférence, prévoit des patrouilles communes.`)
	if !hasEdgePrefix(f, fixtures.EdgeAdoptedAt, "roadmap", "meeting:") {
		t.Errorf("no ADOPTED_AT from the declaration to the conference: %v", f.Edges)
	}
	f = extractText(t, "earlier.txt", `La conferenza si è tenuta a Lisbona il 12 marzo 2025 nell'ambito della Strategia regionale per la sicurezza delle frontiere, adottata nel 2018 dai governi della regione.`)
	if hasEdgePrefix(f, fixtures.EdgeAdoptedAt, "roadmap", "meeting:") {
		t.Errorf("a strategy adopted in 2018 is not adopted at the 2025 conference: %v", f.Edges)
	}
}

// TestOrganisersInTheNextSentence reads the organisers of a meeting named in the sentence
// before ("Il a été organisé conjointement par A et B").
func TestOrganisersInTheNextSentence(t *testing.T) {
	f := extractText(t, "organisers.txt", `Lomé, le 12 juin 2025 - Les 10 et 11 juin, un atelier sur la criminalité maritime s'est tenu à Lomé. Il a été organisé conjointement par INTERPOL et l'Organisation internationale pour les migrations. Les participants venaient de toute la région.`)
	for _, org := range []string{"org:interpol", "unbody:iom"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, org, "meeting:2025-06-10:lome") {
			t.Errorf("%s did not organise the workshop: %v", org, f.Edges)
		}
	}
}

// TestMeetingBetween reads the parties of "a meeting between A and B" in each language.
func TestMeetingBetween(t *testing.T) {
	for _, c := range []struct{ doc, a, b string }{
		{`Napoli, 2 aprile 2025 - Si è svolto a Napoli l'incontro bilaterale tra la Guardia di Finanza e la Guardia Civil spagnola sul contrabbando di tabacchi.`, "agency:it:", "agency:es:"},
		{`Tunis, le 2 avril 2025 - Une réunion technique entre la Garde nationale tunisienne et la Gendarmerie nationale française s'est tenue à Tunis sur la sécurité des ports.`, "agency:tn:", "agency:fr:"},
	} {
		f := extractText(t, "between.txt", c.doc)
		for _, from := range []string{c.a, c.b} {
			found := false
			for _, e := range f.Edges {
				found = found || e.Kind == fixtures.EdgeParticipatedIn && strings.HasPrefix(e.From, from) && strings.HasPrefix(e.To, "meeting:")
			}
			if !found {
				t.Errorf("%s: no participation of %s*: %v", c.doc, from, f.Edges)
			}
		}
	}
}

// TestSeatOfABodyIsNoMeetingPlace keeps a meeting in Rome when a later sentence names a
// centre "of Vicenza": the town says where the centre is, not where anyone met.
func TestSeatOfABodyIsNoMeetingPlace(t *testing.T) {
	f := extractText(t, "seat.txt", `Roma, 15 febbraio 2024 - Il Comandante generale dell'Arma dei Carabinieri ha ricevuto oggi a Roma il Direttore generale della Gendarmeria nazionale francese per un incontro bilaterale. Al centro dei colloqui la formazione congiunta presso il Centro di Eccellenza per le Stability Police Units (CoESPU) di Vicenza.`)
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting && strings.Contains(n.ID, "vicenza") {
			t.Errorf("a meeting in Vicenza: %s", n.ID)
		}
	}
}

// TestPeopleAtTheOnlyMeeting takes the people named after a document's only meeting to
// have been there, whatever verb says so, but not one said to be somewhere else.
func TestPeopleAtTheOnlyMeeting(t *testing.T) {
	f := extractText(t, "people.txt", `Lisbona, 12 marzo 2025 - Si è svolta oggi a Lisbona la riunione dei capi delle polizie dell'Europa meridionale. Sedevano al tavolo il direttore della Polizia portoghese, Rui Matos Ferreira, e il vice capo della Polizia italiana, prefetto Carla Benedetti. Il ministro Paolo Ricci, intervenuto ieri a Bruxelles, ha ricordato l'importanza della cooperazione.`)
	for _, p := range []string{"person:rui-matos-ferreira", "person:carla-benedetti"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, p, "meeting:2025-03-12") {
			t.Errorf("%s not at the meeting: %v", p, f.Edges)
		}
	}
	if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:paolo-ricci", "meeting:") {
		t.Errorf("a minister speaking in Brussels was not at the meeting in Lisbon: %v", f.Edges)
	}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindPerson && strings.HasPrefix(n.ID, "person:all") {
			t.Errorf("an elided preposition read as a name: %s", n.ID)
		}
	}
}

// TestProtocoleDEntente reads the French names of a memorandum ("protocole d'entente",
// "convention de coopération") signed by two bodies.
func TestProtocoleDEntente(t *testing.T) {
	f := extractText(t, "entente.txt", `Québec, le 3 avril 2025 – Un protocole d'entente sur la formation des enquêteurs a été signé par la Gendarmerie royale du Canada et la Police nationale du Bénin, en présence des deux ministres.`)
	found := false
	for _, e := range f.Edges {
		found = found || e.Kind == fixtures.EdgeMemorandum
	}
	if !found {
		t.Errorf("no MEMORANDUM: %v", f.Edges)
	}
}

// TestSigningCeremonyOfAPassiveSigning reads "signé par A et B lors d'une cérémonie": the
// ceremony is a meeting, and the parties of the memorandum took part in it.
func TestSigningCeremonyOfAPassiveSigning(t *testing.T) {
	f := extractText(t, "ceremonie.txt", `Ottawa, le 12 juin 2025 – Un protocole d'entente sur la formation des policiers a été signé par la Gendarmerie royale du Canada et la Police nationale d'Haïti lors d'une cérémonie tenue à Ottawa.`)
	for _, party := range []string{"agency:ca:", "agency:ht:"} {
		found := false
		for _, e := range f.Edges {
			found = found || e.Kind == fixtures.EdgeParticipatedIn && strings.HasPrefix(e.From, party) && strings.Contains(e.To, "signing-ceremony")
		}
		if !found {
			t.Errorf("%s* did not take part in the signing ceremony: %v", party, f.Edges)
		}
	}
}

func TestMeetingNamedAgainWithAnArticle(t *testing.T) {
	f := extractText(t, "again.txt", "VIENNA, 3 March 2025 – A workshop on port security was held in Vienna on 3 March 2025 for officers from Kenya and Uganda. The training is part of the HARBOURGUARD project, funded by the European Union.\n")
	const mtg = "meeting:2025-03-03:vienna:workshop"
	if !hasEdge(f, fixtures.EdgeHeldUnder, mtg, "project:harbourguard") {
		t.Errorf("'the training' does not name the workshop told before: %s", nodeIDs(f))
	}
}

func TestDocumentNameStopsAtAVerb(t *testing.T) {
	f := extractText(t, "docverb.txt", "MADRID, 3 March 2025 – Delegates were told that the Security Agreement had been signed in Madrid on 3 March 2025 by Spain and Portugal, and that the Piano d'azione nazionale was ready.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindRoadmap && (strings.Contains(n.Name, "had") || strings.Contains(n.Name, "was")) {
			t.Errorf("a document's name runs into the verb after it: %q", n.Name)
		}
	}
	if !hasNode(f, "roadmap:security-agreement") {
		t.Errorf("the agreement is lost: %s", nodeIDs(f))
	}
}

func TestNamedOperationIsNoPerson(t *testing.T) {
	f := extractText(t, "operation.txt", "LYON, 4 June 2025 – INTERPOL said that Operation Coral Tide II, carried out in May 2025 by the police of Chile and Peru, seized firearms.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindPerson {
			t.Errorf("an operation's code name read as a person: %s", n.ID)
		}
	}
	if !hasNode(f, "project:operation-coral-tide-ii") {
		t.Errorf("the operation is not read: %s", nodeIDs(f))
	}
}

func TestProjectOfTheBodyNamedBefore(t *testing.T) {
	f := extractText(t, "possessive.txt", "DAKAR, 3 March 2025 – The workshop, held in Dakar on 3 March 2025, was organised by INTERPOL through its WAPIS Programme for officers from Senegal and Mali.\n")
	if !hasEdge(f, fixtures.EdgeImplements, "org:interpol", "project:wapis") {
		t.Errorf("'INTERPOL through its WAPIS Programme' does not say INTERPOL runs it: %s", nodeIDs(f))
	}
}

func TestDonorDepartmentsAreListed(t *testing.T) {
	f := extractText(t, "donors.txt", "Port-Louis, 3 mars 2025 – Ces formations sont financées par Affaires mondiales Canada et par le Département fédéral des affaires étrangères dans le cadre du programme « OCEAN WATCH ».\n")
	for _, funder := range []string{"agency:ca:global-affairs-canada", "agency:ch:fdfa"} {
		if !hasEdge(f, fixtures.EdgeFunded, funder, "project:ocean-watch") {
			t.Errorf("%s does not fund the programme: %s", funder, nodeIDs(f))
		}
	}
}

func TestFundingOfTheMeetingNamedBefore(t *testing.T) {
	cases := []struct{ lang, text, funder string }{
		{"en", "Accra, 9 May 2023\n\nA seminar on port security was held in Tema on 7 and 8 May. It was delivered by UNODC thanks to the generous support of Norway.", "state:no"},
		{"fr", "Dakar, 9 mai 2023\n\nUn atelier s'est tenu à Thiès les 7 et 8 mai. Il a été organisé par l'ONUDC grâce au financement du Royaume des Pays-Bas.", "state:nl"},
		{"fr", "Dakar, 9 mai 2023\n\nUn séminaire s'est tenu à Thiès les 7 et 8 mai. Cette activité a été financée par le Japon.", "state:jp"},
		{"it", "Roma, 9 maggio 2023\n\nUn seminario si è svolto a Bari il 7 e 8 maggio, con il finanziamento della Germania.", "state:de"},
		{"en", "Accra, 9 May 2023\n\nA seminar on port security was held in Tema on 7 and 8 May. Canada provided funding for the event.", "state:ca"},
	}
	for _, c := range cases {
		f := extractText(t, "test_"+c.lang+".txt", c.text)
		if !hasEdgePrefix(f, fixtures.EdgeFunded, c.funder, "meeting:2023-05-07") {
			t.Errorf("%s should fund the meeting of %q:\n%s", c.funder, c.text, dumpEdges(f))
		}
	}
}

func TestProjectNamedInTheSentenceTakesTheFunding(t *testing.T) {
	f := extractText(t, "test_fr.txt", "Dakar, 9 mai 2023\n\nUne cérémonie de signature s'est tenue à Dakar le 8 mai. Ces activités seront financées par le Japon dans le cadre du projet SENTINELLE.")
	if !hasEdgePrefix(f, fixtures.EdgeFunded, "state:jp", "project:") || hasEdgePrefix(f, fixtures.EdgeFunded, "state:jp", "meeting:") {
		t.Errorf("Japan funds the project named in the sentence, not the ceremony:\n%s", dumpEdges(f))
	}
}

func TestProjectNamedByAnApposition(t *testing.T) {
	f := extractText(t, "test.txt", "Nairobi, 9 May 2023\n\nThe Institute for Security Studies launched the Lake Victoria Fisheries Crime Monitor, a two-year research and training project. The monitor is funded by Norway.")
	if !hasEdgePrefix(f, fixtures.EdgeFunded, "state:no", "project:lake-victoria-fisheries-crime-monitor") {
		t.Errorf("Norway funds the project named by its apposition:\n%s", dumpEdges(f))
	}
	assertNoKind(t, f, fixtures.KindMeeting, "a training project is no meeting")
	f = extractText(t, "test_fr.txt", "Dakar, 9 mai 2023\n\nLe chef du bureau régional de l'Office, Amadou Diallo Sarr, a salué un programme novateur pour les enquêteurs de la police.")
	assertNoKind(t, f, fixtures.KindProject, "the French verb \"a\" opens no apposition")
}

func TestLaunchIsAMeetingOnlyAsANoun(t *testing.T) {
	f := extractText(t, "test.txt", "Nairobi, 9 May 2023\n\nThe launch event, held in Mombasa on 8 May 2023, was opened by Grace Wanjiru Otieno, Director of the Kenya Coast Guard Service.")
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:grace-wanjiru-otieno", "meeting:2023-05-08") {
		t.Errorf("the launch event is a meeting:\n%s", dumpEdges(f))
	}
	f = extractText(t, "test.txt", "Nairobi, 9 May 2023\n\nThe United Nations Office on Drugs and Crime will launch a coastal security project for the police of the region in Mombasa on 8 June 2023, with the support of the European Union.")
	assertNoKind(t, f, fixtures.KindMeeting, "\"will launch\" is no meeting")
}

func TestSigningWithDayAndPlaceIsAMeeting(t *testing.T) {
	f := extractText(t, "test_it.txt", "Roma, 9 maggio 2023\n\nL'8 maggio 2023, a Tirana, la Direzione Centrale della Polizia Criminale e la Polizia di Stato albanese hanno sottoscritto un memorandum d'intesa sullo scambio di informazioni.")
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "agency:it:central-directorate-criminal-police", "meeting:2023-05-08:tirana:signing-ceremony") {
		t.Errorf("the parties that signed take part in the signing:\n%s", dumpEdges(f))
	}
	f = extractText(t, "test_it.txt", "Roma, 9 maggio 2023\n\nL'8 maggio 2023, a Tirana, è stato firmato un memorandum d'intesa tra la Direzione Centrale della Polizia Criminale e la Polizia di Stato albanese.")
	assertNoKind(t, f, fixtures.KindMeeting, "\"was signed between A and B\" names no event")
}

func TestParticipantsFromCountedStates(t *testing.T) {
	cases := []struct{ name, text string }{
		{"test.txt", "Valletta, 9 May 2023\n\nInvestigators from three countries (Benin, Cameroon and Togo) attended a training course in Malta from 3 to 5 May 2023."},
		{"test_fr.txt", "La Valette, 9 mai 2023\n\nDes enquêteurs venus de trois pays – le Bénin, le Cameroun et le Togo – ont suivi une formation à Malte du 3 au 5 mai 2023."},
		{"test_fr.txt", "La Valette, 9 mai 2023\n\nDes procureurs du Bénin, du Cameroun et du Togo ont suivi une formation à Malte du 3 au 5 mai 2023."},
		{"test_fr.txt", "La Valette, 9 mai 2023\n\nDes juges d'instruction venus de sept pays – le Bénin, le Cameroun et le Togo – ont suivi une formation à Malte du 3 au 5 mai 2023."},
	}
	for _, c := range cases {
		f := extractText(t, c.name, c.text)
		for _, from := range []string{"state:bj", "state:cm", "state:tg"} {
			if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2023-05-03") {
				t.Errorf("%s should take part in the training of %q:\n%s", from, c.text, dumpEdges(f))
			}
		}
	}
}

func TestFormationIsAMeetingWhenDatedToTheDay(t *testing.T) {
	f := extractText(t, "test_fr.txt", "Dakar, 9 mai 2023\n\nUne formation s'est tenue à Thiès du 3 au 5 mai 2023 au profit d'officiers du Sénégal et du Mali.")
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:ml", "meeting:2023-05-03") {
		t.Errorf("a formation dated to the day is a meeting:\n%s", dumpEdges(f))
	}
	f = extractText(t, "test_fr.txt", "Dakar, 9 mai 2023\n\nLe projet soutient depuis 2020 la formation des officiers du Sénégal et du Mali aux techniques d'enquête.")
	assertNoKind(t, f, fixtures.KindMeeting, "\"la formation des officiers\" without a day is no meeting")
}

func TestMetPastTheStateAdjective(t *testing.T) {
	f := extractText(t, "test.txt", `Home Office press release, 8 March 2022

The Home Secretary, Jane Whitcombe, met the Italian Minister of the Interior, Carla Benedetti, in London on 7 March 2022. The two ministers discussed illegal migration across the Mediterranean and the fight against organised crime.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:carla-benedetti", "meeting:2022-03-07:london") {
		t.Errorf("\"met the Italian Minister ...\" is a meeting:\n%s", dumpEdges(f))
	}
}

func TestArticleBeforeALongerRoadmapHead(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Communiqué final

Dakar, le 12 mars 2026 – Les ministres des États membres de la Communauté économique des États de l'Afrique de l'Ouest se sont réunis à Dakar le 11 mars 2026. Ils ont adopté le Plan d'action régional pour la sécurité des frontières.`)
	found := false
	for _, n := range f.Nodes {
		found = found || n.Kind == fixtures.KindRoadmap && strings.HasPrefix(n.Name, "Plan d'action")
	}
	if !found {
		t.Errorf("\"le Plan d'action régional\" is a roadmap, not \"le plan\" naming one before: %v", nodeIDs(f))
	}
}

func TestTreatiesNamedByTopicOrPlace(t *testing.T) {
	f := extractText(t, "test_it.txt", `Comunicato

Roma, 8 marzo 2022 – Il ministro della Giustizia ha discusso con il suo omologo tunisino dell'attuazione del trattato di estradizione tra Italia e Tunisia, firmato nel 2015, e della convenzione di Palermo.`)
	names := map[string]bool{}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindRoadmap {
			names[n.Name] = true
		}
	}
	if !names["trattato di estradizione"] || !names["convenzione di Palermo"] {
		t.Errorf("the treaty and the convention should be read, the name stopping before \"tra\": %v", names)
	}
}

func TestAlsoPresent(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Communiqué

Alger, le 16 mai 2017 – La première assemblée générale du mécanisme s'est tenue à Alger du 14 au 16 mai 2017. Présent également, le secrétaire général de l'Organisation internationale de police criminelle, Jean-Marc Dufour, a remercié le pays hôte. L'idée du mécanisme était née à Oran, lors d'une conférence régionale tenue du 10 au 12 septembre 2013.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:jean-marc-dufour", "meeting:2017-05-14") {
		t.Errorf("\"Présent également, X\" takes part:\n%s", dumpEdges(f))
	}
}

func TestYearOfTheLastDateWhenUnpublished(t *testing.T) {
	f := extractText(t, "test_fr.txt", `L'ONUDC aide les États côtiers

Deux activités, financées par l'Allemagne, ont été menées en novembre 2021 par l'Office des Nations Unies contre la drogue et le crime.

Du 9 au 11 novembre, un atelier national s'est tenu à Lomé, au Togo. Il a réuni 25 représentants des entités nationales.`)
	found := false
	for _, n := range f.Nodes {
		found = found || n.Kind == fixtures.KindMeeting && n.StartDate != nil && *n.StartDate == "2021-11-09"
	}
	if !found {
		t.Errorf("\"Du 9 au 11 novembre\" after \"novembre 2021\" is in 2021: %v", nodeIDs(f))
	}
}

func TestBodiesMetThere(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Riga, 12 March 2026 – The Council of the Baltic Sea States and the European Union Agency for Law Enforcement Cooperation met in Riga on 10 March 2026 to discuss labour trafficking. The project met its targets in 2025.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:cbss", "meeting:2026-03-10") {
		t.Errorf("\"A and B met in Riga on 10 March\" is a meeting:\n%s", dumpEdges(f))
	}
	meetings := 0
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting {
			meetings++
		}
	}
	if meetings != 1 {
		t.Errorf("\"the project met its targets\" is no meeting: %v", nodeIDs(f))
	}
}

func TestCeremonyClosingTheCourse(t *testing.T) {
	f := extractText(t, "test_it.txt", `Comunicato

ROMA, 13 marzo 2026 – Si è concluso oggi a Roma il corso internazionale sul traffico di beni culturali, svoltosi dal 9 al 13 marzo 2026 e rivolto a funzionari di polizia di Giordania e Tunisia. Alla cerimonia di consegna degli attestati sono intervenuti il Generale Lorenzo Bianchi, la dottoressa Chiara Neri, dirigente del Ministero della Cultura, e Marianne Dupont, dell'Ufficio regionale UNESCO con sede a Venezia.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:chiara-neri", "meeting:2026-03-09") {
		t.Errorf("the ceremony closing the course is the course:\n%s", dumpEdges(f))
	}
}

func TestStatesAfterTheService(t *testing.T) {
	f := extractText(t, "test_it.txt", `Comunicato

ROMA, 13 marzo 2026 – Si è svolto a Roma dal 9 al 13 marzo 2026 un corso internazionale sul traffico di beni culturali, rivolto a diciotto funzionari di polizia e delle dogane di Giordania, Iraq ed Egitto.`)
	for _, from := range []string{"state:jo", "state:iq", "state:eg"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2026-03-09") {
			t.Errorf("%s sends officials to the course:\n%s", from, dumpEdges(f))
		}
	}
}

func TestMemberStatesTakePart(t *testing.T) {
	f := extractText(t, "test_it.txt", `Comunicato

Tirana, 11 aprile 2025 – È stato approvato ieri dai rappresentanti dei tre Paesi dell'Iniziativa Adriatico-Ionica (IAI) un piano comune contro il traffico di armi. Il documento è stato adottato nel corso della riunione del gruppo di lavoro, svoltasi a Tirana dal 9 al 10 aprile 2025.

All'IAI aderiscono Albania, Croazia e Grecia.`)
	for _, from := range []string{"state:al", "state:hr", "state:gr"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2025-04-09") {
			t.Errorf("%s, a member, takes part through its representatives:\n%s", from, dumpEdges(f))
		}
	}
	if !hasNode(f, "meeting:2025-04-09:tirana:meeting") {
		t.Errorf("\"nel corso della riunione\" is a meeting, not a course: %v", nodeIDs(f))
	}
}

func TestTheCountedStatesNamedBefore(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Lyon, 21 January 2026 – The operation was carried out in October 2025 by police units in three countries: Benin, Ghana and Togo. It was planned at a preparatory meeting held in Accra from 2 to 4 September 2025, which brought together national focal points from the three countries and representatives of INTERPOL.`)
	for _, from := range []string{"state:bj", "state:gh", "state:tg"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2025-09-02") {
			t.Errorf("%s is one of \"the three countries\" at the meeting:\n%s", from, dumpEdges(f))
		}
	}
}

func TestParticipantsBeforeTheMeetingIsNamed(t *testing.T) {
	f := extractText(t, "test_it.txt", `Italia-Cile, intesa sulla cooperazione giudiziaria

Una delegazione del governo italiano è stata ricevuta oggi dal ministro della Giustizia cileno, Luis Cordero Vega. Ne facevano parte il capo del Dipartimento per gli Affari di Giustizia, Marco Bellini, e il consigliere giuridico del ministero degli Affari esteri, Paolo Ranieri.

Nel corso dell'incontro, svoltosi il 3 marzo 2025, le delegazioni hanno affrontato la cooperazione nella lotta alla criminalità organizzata.`)
	for _, from := range []string{"person:marco-bellini", "person:paolo-ranieri"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:") {
			t.Errorf("%s, named before the meeting is, takes part in it:\n%s", from, dumpEdges(f))
		}
	}
}

func TestTheyTookPartThere(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Communiqué final

Victoria, le 18 novembre 2025 – Les ministres des États membres se sont réunis à Port-Louis le 17 novembre 2025. L'Office des Nations unies contre la drogue et le crime (ONUDC) et INTERPOL y ont pris part en qualité d'observateurs.`)
	for _, from := range []string{"unbody:unodc", "org:interpol"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2025-11-17") {
			t.Errorf("%s \"y a pris part\":\n%s", from, dumpEdges(f))
		}
	}
}

func TestProjectTheTextDoesNotName(t *testing.T) {
	f := extractText(t, "test.txt", `Japan and UNODC sign agreement to fight crime at sea

Vienna, 24 May 2023 – Japan and the United Nations Office on Drugs and Crime have signed a new funding agreement. The project financed by Japan will be implemented by the United Nations Office on Drugs and Crime in nine Pacific states.`)
	if !hasEdgePrefix(f, fixtures.EdgeFunded, "state:jp", "project:project-financed-by-japan") ||
		!hasEdgePrefix(f, fixtures.EdgeImplements, "unbody:unodc", "project:project-financed-by-japan") {
		t.Errorf("the project described without a name is funded and implemented:\n%s", dumpEdges(f))
	}
	f = extractText(t, "test.txt", `Press release

Lyon, 3 May 2023 – The operation was supported by SEASHIELD, a project funded by the European Union, in which INTERPOL is an implementing partner.`)
	if !hasEdgePrefix(f, fixtures.EdgeFunded, "org:eu", "project:seashield") {
		t.Errorf("\"SEASHIELD, a project funded by\" names the project:\n%s", dumpEdges(f))
	}
}

func TestHeadingNamesWhoseMeetingItIs(t *testing.T) {
	f := extractText(t, "test_fr.txt", `COMMUNIQUÉ FINAL

Réunion ministérielle de la Commission de l'océan Indien (COI) sur la sécurité maritime
Port-Louis, mardi 18 novembre 2025

1. Les ministres des États membres de la Commission se sont réunis à Port-Louis le 18 novembre 2025.`)
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2025-11-18", "org:ioc") {
		t.Errorf("the heading says whose meeting it is:\n%s", dumpEdges(f))
	}
}

func TestMoreNamedDocuments(t *testing.T) {
	f := extractText(t, "test.txt", `Minutes of the steering committee

Nairobi, 3 March 2025 – The Steering Committee approved the 2025 Work Plan of the network and agreed to meet again in Abuja. Members recalled the Yaoundé Code of Conduct on maritime security and the Pacific Guidelines on the Handling of Digital Evidence.`)
	names := map[string]bool{}
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindRoadmap {
			names[n.Name] = true
		}
	}
	for _, want := range []string{"2025 Work Plan", "Yaoundé Code of Conduct", "Pacific Guidelines on the Handling of Digital Evidence"} {
		if !names[want] {
			t.Errorf("%q should be read as a document: %v", want, names)
		}
	}
	f = extractText(t, "test_fr.txt", `Communiqué

Alger, le 11 février 2014 – La conférence des directeurs généraux de police, réunie à Alger, a adopté la Déclaration d'Alger sur la coopération policière en Afrique.`)
	if !hasNode(f, "roadmap:algiers-declaration") {
		t.Errorf("\"la Déclaration d'Alger\" is the Algiers Declaration: %v", nodeIDs(f))
	}
}

func TestHostOfAMeetingHeldUnderADocument(t *testing.T) {
	f := extractText(t, "test.txt", `Workshop report

Suva, 12 June 2025 – A regional workshop on digital evidence was held in Suva on 10 and 11 June 2025 within the framework of the Boe Declaration Action Plan and hosted by the Fiji Police Force.`)
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2025-06-10", "roadmap:boe-declaration-action-plan") {
		t.Errorf("the meeting is held under the Boe Declaration Action Plan, one document:\n%s", dumpEdges(f))
	}
	if hasEdgePrefix(f, fixtures.EdgeImplements, "agency:fj:police-force", "roadmap:") || !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "agency:fj:police-force", "meeting:2025-06-10") {
		t.Errorf("the host hosts the meeting, not the framework:\n%s", dumpEdges(f))
	}
}

func TestSignedAgainByPersons(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Oslo, 12 March 2024 – The Commission welcomed the working arrangement between Europol and Norway, which was signed today in Oslo. It was signed by the Europol Executive Director, Karin Lindqvist-Moreau, and by the Director of the Norwegian Police Directorate, Erik Solheim-Berg.`)
	for _, from := range []string{"person:karin-lindqvist-moreau", "person:erik-solheim-berg"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2024-03-12:oslo:signing-ceremony") {
			t.Errorf("%s signs, so takes part in the signing:\n%s", from, dumpEdges(f))
		}
	}
}

func TestProjectNamedAfterItsNoun(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Coopération policière : Mare Nostrum Police III dresse son bilan

BRUXELLES, 16 janvier 2020 – Le projet Mare Nostrum Police III a tenu sa conférence de clôture à Bruxelles le 16 janvier 2020. Il a été mis en œuvre par CIVIPOL et par l'agence allemande de coopération internationale (GIZ).`)
	for _, n := range f.Nodes {
		if strings.Contains(n.Name, "Mare Nostrum") && n.Kind != fixtures.KindProject && n.Kind != fixtures.KindMeeting {
			t.Errorf("\"le projet Mare Nostrum Police III\" is a project, in the title too: %+v", n)
		}
	}
	if !hasEdgePrefix(f, fixtures.EdgeImplements, "agency:fr:civipol", "project:mare-nostrum-police-iii") {
		t.Errorf("CIVIPOL implements the project:\n%s", dumpEdges(f))
	}
	if hasEdgePrefix(f, fixtures.EdgeImplements, "state:de", "project:") {
		t.Errorf("\"l'agence allemande\" is the agency, not Germany:\n%s", dumpEdges(f))
	}
}

func TestProjectNamedBeforeItsNoun(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Lisbon, 28 November 2007 – The Board welcomed the results of the Mare Nostrum Police II project, presented by its team leader, Pierre Dubonnet.`)
	if !hasNode(f, "project:mare-nostrum-police-ii") {
		t.Errorf("\"the Mare Nostrum Police II project\" is a project: %v", nodeIDs(f))
	}
	for _, n := range f.Nodes {
		if n.Name == "II" || n.Kind == fixtures.KindAgency {
			t.Errorf("no code name \"II\" and no police agency: %+v", n)
		}
	}
}

// assertNoKind fails for each node of the kind in the fixture; why says what the text is.
func assertNoKind(t *testing.T, f *fixtures.Fixture, kind, why string) {
	t.Helper()
	for _, n := range f.Nodes {
		if n.Kind == kind {
			t.Errorf("%s: %+v", why, n)
		}
	}
}

func TestMeetingHeldUnderAListOfProjects(t *testing.T) {
	f := extractText(t, "test.txt", `Press release

Strasbourg, 3 March 2024 – A regional training course on cybercrime was held in Tbilisi from 26 to 29 February 2024. The police of Georgia and the Council of Europe organised the event jointly, through the CyberNORTH project, the CYBERLINK Action and the CyberWEST+ project.`)
	for _, p := range []string{"project:cybernorth", "project:cyberlink", "project:cyberwest"} {
		if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2024-02-26", p) {
			t.Errorf("the course is held under %s:\n%s", p, dumpEdges(f))
		}
	}
	if hasEdgePrefix(f, fixtures.EdgePartOf, "project:cyberlink", "project:") {
		t.Errorf("a list of frameworks is no hierarchy:\n%s", dumpEdges(f))
	}
}

func TestStatesWereRepresented(t *testing.T) {
	for name, text := range map[string]string{
		"test.txt":    "Press release\n\nNairobi, 12 May 2024 – A regional workshop on border security was held in Nairobi on 10 and 11 May 2024. Kenya, Uganda and Somalia were represented.",
		"test_it.txt": "Comunicato\n\nRoma, 12 maggio 2024 – Un seminario si è svolto a Roma il 10 e 11 maggio 2024. Erano rappresentati Albania, Serbia e Montenegro.",
	} {
		f := extractText(t, name, text)
		if n := strings.Count(dumpEdges(f), "PARTICIPATED_IN state:"); n != 3 {
			t.Errorf("%q: the three states represented take part, got %d:\n%s", text, n, dumpEdges(f))
		}
	}
}

func TestSpeakerThereTakesPart(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Coopération régionale

DAKAR, 3 mars 2022 – Le PNUD a organisé à Dakar, du 1er au 3 mars, un atelier régional sur la gestion des frontières. Le Directeur régional du PNUD, M. Pierre Dubois, y a souligné l'importance de la coopération. Il y a deux ans, la Banque mondiale avait lancé un programme.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:pierre-dubois", "meeting:2022-03-01") {
		t.Errorf("\"X y a souligné\" takes part in the workshop:\n%s", dumpEdges(f))
	}
	if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "unbody:worldbank", "meeting:") {
		t.Errorf("\"il y a deux ans\" is not a cue:\n%s", dumpEdges(f))
	}
}

func TestSessionsLedByTakePart(t *testing.T) {
	f := extractText(t, "test_en.txt", `Border security workshop in Accra

ACCRA, 3 March 2019 – The United Nations Office on Drugs and Crime held a regional workshop on border security in Accra from 1 to 3 March 2019. The working sessions were led by the World Customs Organization, along with the International Maritime Organization and INTERPOL.`)
	for _, id := range []string{"org:wco", "unbody:imo", "org:interpol"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, id, "meeting:2019-03-01") {
			t.Errorf("the sessions were led by %s: it takes part:\n%s", id, dumpEdges(f))
		}
	}
}

func TestLessonsDateTheCourse(t *testing.T) {
	f := extractText(t, "test_it.txt", `Corso per le polizie africane

Napoli, febbraio 2023 – Si è chiuso nei giorni scorsi alla Scuola Superiore di Polizia il corso sulla cooperazione internazionale. Le lezioni, svolte dal 6 al 10 febbraio, hanno riguardato la tratta di esseri umani.`)
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting && (n.StartDate == nil || *n.StartDate != "2023-02-06") {
			t.Errorf("the lessons date the course: %s starts %v", n.ID, n.StartDate)
		}
	}
}

func TestReportLinesSayWhereAndWhen(t *testing.T) {
	f := extractText(t, "test_en.txt", `Progress report: training for border officers

In June 2019 the programme ran two training courses for law enforcement agencies of the region.

1. Karakol, Kyrgyzstan, 10-12 June 2019. Sixteen officers of the State Border Service of Kyrgyzstan attended a national course on analytical software.

2. Nur-Sultan, Kazakhstan, 17-20 June 2019. A similar course was given to eighteen officers of the Border Service of Kazakhstan.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "agency:kg:state-border-service", "meeting:2019-06-10:karakol") {
		t.Errorf("the line above the course says where and when it was held:\n%s", dumpEdges(f))
	}
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "agency:kz:border-service", "meeting:2019-06-17:nur-sultan") {
		t.Errorf("each line is its own course:\n%s", dumpEdges(f))
	}
	for _, n := range f.Nodes {
		if strings.HasPrefix(n.ID, "meeting:2019-06:") {
			t.Errorf("the two courses of June are reported one by one: no third meeting %s", n.ID)
		}
	}
}

func TestReceivedSomeoneIsAMeetingWhereItHappened(t *testing.T) {
	f := extractText(t, "test_it.txt", `Incontro a Tirana sul progetto

Roma, 26 settembre 2017 – Ieri a Tirana il ministro dell'Interno albanese Fatmir Xhafaj ha ricevuto il project leader, il prefetto di Trieste Annapaola Porzio.`)
	for _, p := range []string{"person:fatmir-xhafaj", "person:annapaola-porzio"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, p, "meeting:2017-09-25:tirana") {
			t.Errorf("%s met in Tirana yesterday (not in Rome, where the news was written):\n%s", p, dumpEdges(f))
		}
	}
}

func TestPartnersWhoJoinedTheProjectNotItsProgramme(t *testing.T) {
	f := extractText(t, "test_it.txt", `Il progetto "Frontiere Comuni 3" si chiude a Vienna

Roma, 10 dicembre 2018 – Il progetto "Frontiere Comuni 3" si è concluso con un incontro a Vienna. Il progetto è stato elaborato dalla Guardia di Finanza, nell'ambito del programma "Pericle IV". Vi hanno aderito 3 Paesi: Austria, Slovenia e Croazia.`)
	for _, s := range []string{"state:at", "state:si", "state:hr"} {
		if !hasEdge(f, fixtures.EdgeImplements, s, "project:frontiere-comuni-3") {
			t.Errorf("%s joined the project (not the programme it is part of):\n%s", s, dumpEdges(f))
		}
	}
}

func TestDelegationsFromMemberStatesListed(t *testing.T) {
	f := extractText(t, "test_en.txt", `Experts meet in Jakarta

Jakarta, March 21 (PTI) – The 9th meeting of the Experts Working Group on Maritime Security was held in Jakarta on March 19 and 20, 2025. Delegations from the ASEAN Secretariat and from the ASEAN member states Cambodia, Brunei and Thailand shared their experience.`)
	for _, s := range []string{"state:kh", "state:bn", "state:th"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, s, "meeting:2025-03-19") {
			t.Errorf("%s is listed among the member states whose delegations came:\n%s", s, dumpEdges(f))
		}
	}
}

func TestLessonsWithinAProject(t *testing.T) {
	f := extractText(t, "test_it.txt", `Corso a Vicenza

Vicenza, febbraio 2022 – Si è chiuso al Centro di Eccellenza il corso sul contrasto agli ordigni esplosivi. Le lezioni, svolte dall'1 al 4 febbraio, rientravano nel progetto "SICUREZZA COMUNE" finanziato dall'Unione Europea.`)
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2022-02-01", "project:") {
		t.Errorf("lessons that fall within a project are held under it:\n%s", dumpEdges(f))
	}
}

func TestDonorsAndSupportFundTheProgramme(t *testing.T) {
	f := extractText(t, "test_fr.txt", `Programme de sécurité au Sahel

DAKAR, 24 avril 2019 – Le comité directeur du projet « Frontières Sûres » s'est réuni à Dakar du 24 au 26 avril 2019. Le projet « Frontières Sûres » est mis en œuvre grâce au soutien de la Norvège. Il remercie aussi ses donateurs, la Suède et le Danemark.`)
	for _, s := range []string{"state:no", "state:se", "state:dk"} {
		if !hasEdgePrefix(f, fixtures.EdgeFunded, s, "project:") {
			t.Errorf("%s supports the project as a donor:\n%s", s, dumpEdges(f))
		}
	}
}

func TestMoneyGivenToAProgrammeFundsIt(t *testing.T) {
	f := extractText(t, "test_en.txt", `Border grant for Central Asia

BISHKEK, 17 February 2022 – Norway has given USD 2.5 million to the UNDP Programme for Central Asia. Mr. Lars Holm has given a presentation of the UNDP Programme for Central Asia to the press.`)
	if !hasEdge(f, fixtures.EdgeFunded, "state:no", "project:programme-for-central-asia") {
		t.Errorf("an amount given to a programme funds it:\n%s", dumpEdges(f))
	}
	if hasEdgePrefix(f, fixtures.EdgeFunded, "person:lars-holm", "project:") {
		t.Errorf("a presentation given is no funding:\n%s", dumpEdges(f))
	}
}

func TestThisMeetingIsTheMeetingReported(t *testing.T) {
	f := extractText(t, "test.txt", "Séminaire régional des douanes\n\nDakar, 4 mars 2021 – Le séminaire régional des directeurs des douanes s'est ouvert ce jeudi à Dakar. Ce séminaire de deux jours, les 4 et 5 mars, se tient pour la première fois loin du siège de l'Organisation mondiale des douanes à Bruxelles.")
	meetings := 0
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting {
			meetings++
			if n.Place == nil || !strings.Contains(*n.Place, "Dakar") || n.EndDate == nil || *n.EndDate != "2021-03-05" {
				t.Errorf("the seminar is in Dakar on 4-5 March: %+v", n)
			}
		}
	}
	if meetings != 1 {
		t.Errorf("one seminar, not %d", meetings)
	}
}

func TestMeetingOfTheHeadsOfTheCountriesOfABody(t *testing.T) {
	f := extractText(t, "test.txt", "Réunion des polices\n\nBamako, 31 janvier 2025 – La première réunion des Directeurs Généraux de la Police des pays de la CEDEAO s'est tenue à Bamako le 30 janvier 2025. Les participants ont adopté des recommandations.")
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting", "org:ecowas") {
		t.Errorf("the heads of police of the countries of ECOWAS meet under ECOWAS:\n%s", dumpEdges(f))
	}
}

func TestAgendaFieldsDescribeTheMeeting(t *testing.T) {
	for _, c := range []struct{ lang, doc, meeting string }{
		{"it", "Convegno sulla sicurezza portuale\n\nProgramma\n\nQuando: martedì 3 e mercoledì 4 marzo 2020\nDove: Genova, Palazzo Ducale\nOrganizzano: la Guardia di Finanza e l'Agenzia delle Dogane\n\nPartecipanti: delegazioni di Francia e Spagna e l'INTERPOL.\n",
			"meeting:2020-03-03:genoa:conference"},
		{"fr", "Colloque sur la sécurité maritime\n\nLieu : Dakar, hôtel du Port.\nDates : mardi 3 et mercredi 4 mars 2020.\nOrganisateurs : la Gendarmerie nationale et la Marine nationale.\nParticipants : des délégations du Mali et du Niger, et l'INTERPOL.\n",
			"meeting:2020-03-03:dakar:conference"},
		{"en", "Regional workshop on port security\n\nWhen: 3-4 March 2020\nWhere: Mombasa, Kenya\nOrganisers: the Kenya Revenue Authority and the Kenya Ports Authority\nParticipants: delegations from Uganda and Tanzania, and INTERPOL.\n",
			"meeting:2020-03-03:mombasa:workshop"},
	} {
		f := extractText(t, "agenda_"+c.lang+".txt", c.doc)
		for _, who := range []string{"org:interpol", "state"} {
			if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, who, c.meeting) {
				t.Errorf("%s: %s does not take part in %s:\n%s", c.lang, who, c.meeting, dumpEdges(f))
			}
		}
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "agency", c.meeting) {
			t.Errorf("%s: the organisers are not read:\n%s", c.lang, dumpEdges(f))
		}
	}
}

func TestAgendaPlaceTheGazetteerLacks(t *testing.T) {
	f := extractText(t, "agenda_it.txt", "Seminario sulla cooperazione doganale\n\nQuando: giovedì 5 marzo 2020.\nDove: Castelbarco, Sala del Consiglio.\nOrganizza: la Guardia di Finanza.\n\nIl seminario riunirà i funzionari delle dogane.\n")
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "agency", "meeting:2020-03-05:castelbarco:workshop") {
		t.Errorf("the seminar is on 5 March in Castelbarco, organised by the customs agency:\n%s", dumpEdges(f))
	}
}

func TestPersonNamedAsAnOwnerIsNoParticipant(t *testing.T) {
	f := extractText(t, "owner.txt", "Atelier régional à Lomé\n\nLomé, 4 mars 2021 – Un atelier sur la sécurité maritime s'est tenu à Lomé le 3 mars 2021, en présence du ministre Paul Kodjo. L'atelier s'inscrit dans la vision du président Jean Atsu pour la sécurité du pays.\n")
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:paul-kodjo", "meeting") {
		t.Errorf("the minister was present:\n%s", dumpEdges(f))
	}
	if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:jean-atsu", "meeting") {
		t.Errorf("the president is named for his vision, not as a participant:\n%s", dumpEdges(f))
	}
}

func TestStatesOfTheAgenciesAndStatesRepresented(t *testing.T) {
	for _, c := range []struct{ lang, doc string }{
		{"en", "Border course opens in Almaty\n\nAlmaty, 3 May 2021 – A border management course opened in Almaty on 3 May 2021. The officers work in the customs and police agencies of Uzbekistan, Mongolia and Georgia.\n"},
		{"fr", "Atelier à Niamey\n\nNiamey, 3 mai 2021 – Un atelier sur le terrorisme s'est ouvert à Niamey le 3 mai 2021. Parmi les pays représentés figurent le Tchad, le Mali et le Sénégal.\n"},
	} {
		f := extractText(t, "represented_"+c.lang+".txt", c.doc)
		n := 0
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeParticipatedIn && strings.HasPrefix(e.From, "state:") && strings.HasPrefix(e.To, "meeting:2021-05-03") {
				n++
			}
		}
		if n != 3 {
			t.Errorf("%s: %d states take part, want 3:\n%s", c.lang, n, dumpEdges(f))
		}
	}
}

func TestSpeakersOnTheProgrammeLines(t *testing.T) {
	f := extractText(t, "programme_it.txt", "Convegno sulla sicurezza dei porti\n\nQuando: martedì 3 marzo 2020\nDove: Genova, Palazzo Ducale\n\nOre 9.00 – Apertura dei lavori\n– Prefetto Marco Bianchi, Capo della Polizia\n– Gen. C.A. Luca Neri, Comandante Generale della Guardia di Finanza\n\nRoma, 2014: il precedente convegno si era svolto a Napoli dal 17 al 19 giugno 2014.\n")
	for _, p := range []string{"person:marco-bianchi", "person:luca-neri"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, p, "meeting:2020-03-03:genoa") {
			t.Errorf("%s speaks at the conference:\n%s", p, dumpEdges(f))
		}
	}
}

func TestMinutesHeadingDatesTheMeeting(t *testing.T) {
	f := extractText(t, "minutes_fr.txt", "COMITÉ MIXTE DE COOPÉRATION DOUANIÈRE\nCompte rendu de la réunion du mardi 4 mars 2020\n\nLieu : salle des fêtes de la mairie, Wavrelle (Belgique)\n\nParticipants : des délégations de la France et de la Belgique.\n")
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:fr", "meeting:2020-03-04:wavrelle") {
		t.Errorf("the meeting is on 4 March 2020 at Wavrelle:\n%s", dumpEdges(f))
	}
}

func TestMeetingOfTheProjectNamedWithIt(t *testing.T) {
	f := extractText(t, "project_it.txt", "Sicurezza dei porti: chiuso il progetto\n\nRoma, 10 dicembre 2018 – I lavori del \"Port Security Project 3\" si sono conclusi con un incontro ospitato a Genova dalla Guardia di Finanza.\n")
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:genoa", "project:port-security-project-3") {
		t.Errorf("the closing meeting is the project's:\n%s", dumpEdges(f))
	}
}

func TestProjectInvolvingStates(t *testing.T) {
	f := extractText(t, "involved_it.txt", "Progetto antidroga nei Balcani\n\nRoma, 3 marzo 2021 – Avviato nel 2019, il progetto \"Balkan Routes 2019\" ha coinvolto Serbia, Montenegro e Albania ed è finanziato dall'Unione europea.\n")
	n := 0
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeImplements && strings.HasPrefix(e.From, "state:") {
			n++
		}
	}
	if n != 3 {
		t.Errorf("the three states involved carry the project out:\n%s", dumpEdges(f))
	}
}

func TestScheduleKeepsThePublicationYear(t *testing.T) {
	f := extractText(t, "schedule_fr.txt", "Dakar, 23 mai 2022 – Un cycle de formation commence ce lundi à Dakar ; il se poursuivra jusqu'en février 2023.\n\nComme prévu, un atelier s'est ouvert à Thiès le 5 septembre avec les mêmes stagiaires.\n")
	found := false
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting && n.StartDate != nil && strings.HasSuffix(*n.StartDate, "-09-05") {
			found = true
			if *n.StartDate != "2022-09-05" {
				t.Errorf("the workshop of the schedule is in 2022, not %s", *n.StartDate)
			}
		}
	}
	if !found {
		t.Errorf("no workshop on 5 September:\n%s", nodeIDs(f))
	}
}

func TestCoorganisersAndThoseWhoTravelled(t *testing.T) {
	f := extractText(t, "coorg_fr.txt", "Colloque à Dakar\n\nDakar, 20 novembre 2018 – Un colloque sur le terrorisme s'est achevé ce mardi à Dakar. La rencontre était coorganisée par la Gendarmerie nationale et l'INTERPOL. Des personnalités du Mali et du Niger avaient également fait le déplacement.\n")
	for _, who := range []string{"org:interpol", "state:ml", "state:ne"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, who, "meeting:2018-11-20:dakar") {
			t.Errorf("%s takes part in the colloquium:\n%s", who, dumpEdges(f))
		}
	}
}

func TestMeetingLastsUntilTheDayNamed(t *testing.T) {
	for _, c := range []struct{ lang, doc string }{
		{"fr", "Atelier à Cotonou\n\nCotonou, 6 juin 2023 – Un atelier sur la prévention du terrorisme a été lancé le lundi 5 juin 2023 à Cotonou. Pendant cinq jours, jusqu'au vendredi 9 juin, les participants travailleront sur des modules.\n"},
		{"en", "Workshop in Accra\n\nAccra, 6 June 2023 – A workshop on counter-terrorism opened in Accra on Monday 5 June 2023. The participants will work on case studies until Friday 9 June.\n"},
	} {
		f := extractText(t, "until_"+c.lang+".txt", c.doc)
		found := false
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindMeeting {
				found = found || n.EndDate != nil && *n.EndDate == "2023-06-09"
			}
		}
		if !found {
			t.Errorf("%s: the workshop lasts until 9 June: %s", c.lang, nodeIDs(f))
		}
	}
}

func TestAsDidTheAmbassadorsOfStates(t *testing.T) {
	f := extractText(t, "asdid_en.txt", "Grant signed in Tashkent\n\nTashkent, 17 February 2022 – A grant agreement was signed in Tashkent on 17 February 2022. Officials of the Government of Uzbekistan attended the ceremony, as did the Ambassadors of Mongolia, Georgia and Armenia to Uzbekistan.\n")
	for _, s := range []string{"state:mn", "state:ge", "state:am"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, s, "meeting:2022-02-17") {
			t.Errorf("%s attended through its ambassador:\n%s", s, dumpEdges(f))
		}
	}
}

func TestHostsReceiveGuests(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"it", "Vertice di polizia a Bari\n\nBari, 2 aprile 2022 – Le forze di polizia della regione si sono impegnate a rafforzare la loro cooperazione nella lotta alla criminalità. Il vertice si aprirà a Bari il 4 aprile 2022. Il Dipartimento ospiterà i ministri dell'Interno e i capi della polizia di Grecia, Cipro e Malta.\n"},
		{"fr", "Sommet de police à Nice\n\nNice, 2 avril 2022 – Les services de la région se sont engagés à renforcer leur coopération dans la lutte contre la criminalité. Le sommet s'ouvrira à Nice le 4 avril 2022. La Direction accueillera les chefs de police de Grèce, de Chypre et de Malte.\n"},
		{"en", "Police summit in Leeds\n\nLeeds, 2 April 2022 – The services of the region have committed to strengthen their cooperation in the fight against crime. The summit opens in Leeds on 4 April 2022. The Home Office will host the heads of police of Greece, Cyprus and Malta.\n"},
	} {
		f := extractText(t, "guests_"+c.lang+".txt", c.text)
		for _, s := range []string{"state:gr", "state:cy", "state:mt"} {
			if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, s, "meeting:2022-04-04") {
				t.Errorf("%s: %s came as the host's guest:\n%s", c.lang, s, dumpEdges(f))
			}
		}
	}
}

func TestStateBeforeReflexiveVerbIsListed(t *testing.T) {
	f := extractText(t, "reflexive_fr.txt", "Sommet de police à Tunis\n\nTunis, 1er mars 2021 – Les services de la région se sont engagés à renforcer leur coopération dans la lutte contre la criminalité. La réunion des chefs de police de la Tunisie, de l'Égypte et du Soudan s'est ouverte lundi à Tunis.\n")
	for _, s := range []string{"state:tn", "state:eg", "state:sd"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, s, "meeting:2021-03-01") {
			t.Errorf("%s is listed among the chiefs' states (\"s'est\" is no possessive):\n%s", s, dumpEdges(f))
		}
	}
}

func TestNationalWorkshopHasItsHostState(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"fr", "Atelier à Lomé\n\nLomé, 12 mai 2022 – Les services de la région se sont engagés à renforcer leur coopération dans la lutte contre la criminalité. Un atelier national sur la sécurité des frontières s'est tenu à Lomé, au Togo, du 9 au 11 mai 2022.\n"},
		{"en", "Workshop in Lomé\n\nLomé, 12 May 2022 – The services of the region have committed to strengthen their cooperation in the fight against crime. A national workshop on border security was held in Lomé, Togo, from 9 to 11 May 2022.\n"},
	} {
		f := extractText(t, "national_"+c.lang+".txt", c.text)
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:tg", "meeting:2022-05-09") {
			t.Errorf("%s: a national workshop is held for its host state's services:\n%s", c.lang, dumpEdges(f))
		}
	}
	f := extractText(t, "regional_en.txt", "Workshop in Lomé\n\nLomé, 12 May 2022 – The services of the region have committed to strengthen their cooperation in the fight against crime. A regional workshop on border security was held in Lomé, Togo, from 9 to 11 May 2022.\n")
	if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:tg", "meeting:2022-05-09") {
		t.Errorf("a regional workshop's place says nothing of who attended:\n%s", dumpEdges(f))
	}
}

func TestAgendaDayOverItsFields(t *testing.T) {
	for _, c := range []struct{ name, text string }{
		{"day_it.txt", "Ministero dell'Interno\nAGENDA DEL MINISTRO\n\nMartedì 14 ottobre 2014\n\nEvento: convegno sulla sicurezza delle frontiere\nLuogo: Napoli, Palazzo Reale\nPromotori: Fondazione Mediterraneo\n\nIl ministro dell'Interno prende parte al convegno e vi tiene un intervento.\n"},
		{"day_en.txt", "Home Office\nMINISTER'S DIARY\n\nTuesday 14 October 2014\n\nEvent: conference on border security\nVenue: London, Lancaster House\nOrganisers: Mediterranean Foundation\n\nThe Home Secretary takes part in the conference and gives a speech.\n"},
	} {
		f := extractText(t, c.name, c.text)
		ok := false
		for _, n := range f.Nodes {
			ok = ok || n.Kind == fixtures.KindMeeting && n.StartDate != nil && *n.StartDate == "2014-10-14"
		}
		if !ok {
			t.Errorf("%s: the day over an agenda's fields is its meeting's:\n%s", c.name, dumpEdges(f))
		}
	}
}

func TestAgendaFieldsPlaceTheMeetingNamedLater(t *testing.T) {
	f := extractText(t, "fields_it.txt", "Ministero dell'Interno\nAGENDA DEL MINISTRO\n\nEvento: convegno «Le frontiere marittime del Mediterraneo e il ruolo delle guardie costiere»\nLuogo: Napoli, Palazzo Reale\nPromotori: Fondazione Mediterraneo\n\nIl ministro dell'Interno prende parte al convegno e vi tiene un intervento.\n")
	ok := false
	for _, n := range f.Nodes {
		ok = ok || n.Kind == fixtures.KindMeeting && n.Place != nil && *n.Place == "Naples"
	}
	if !ok {
		t.Errorf("the agenda's place field says where its meeting is held:\n%s", dumpEdges(f))
	}
}

func TestSpeechesOfNamedSpeakers(t *testing.T) {
	for _, c := range []struct{ lang, text, person string }{
		{"it", "Convegno a Bari\n\nBari, 4 aprile 2022 – Le forze di polizia della regione si sono impegnate a rafforzare la loro cooperazione nella lotta alla criminalità. Il convegno si è tenuto a Bari il 4 aprile 2022. Sono seguiti gli interventi del prefetto Carlo Neri e del questore di Bari.\n", "person:carlo-neri"},
		{"fr", "Colloque à Nice\n\nNice, 4 avril 2022 – Les services de la région se sont engagés à renforcer leur coopération dans la lutte contre la criminalité. Le colloque s'est tenu à Nice le 4 avril 2022. Il a été marqué par les allocutions du préfet Jean Morel et du procureur de Nice.\n", "person:jean-morel"},
	} {
		f := extractText(t, "speech_"+c.lang+".txt", c.text)
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, c.person, "meeting:2022-04-04") {
			t.Errorf("%s: a speaker takes part in the meeting:\n%s", c.lang, dumpEdges(f))
		}
	}
}

func TestFactSheetLabels(t *testing.T) {
	f := extractText(t, "sheet_en.txt", "PROJECT FACT SHEET\n\nSEAGUARD 3 – Regional Programme of Support against Maritime Crime in East Africa\n\nDonor: Japan\nImplementing partners: Kenya (Kenya Ports Authority); Tanzania (Tanzania Police Force)\n\nBackground\nThe services of the region have committed to strengthen their cooperation in the fight against crime at sea. The programme will train the officers of both countries in the inspection of vessels.\n")
	const p = "project:regional-programme-of-support-against-maritime-crime"
	var project *fixtures.Node
	for k := range f.Nodes {
		if n := &f.Nodes[k]; n.ID == p {
			project = n
		}
		if n := f.Nodes[k]; n.Kind == fixtures.KindProject && n.ID != p {
			t.Errorf("a line in capitals names no project: %s", n.ID)
		}
	}
	if project == nil || !slices.Contains(project.Aliases, "SEAGUARD 3") {
		t.Fatalf("the programme is named in full, and by the code before its dash: %+v\n%s", project, dumpEdges(f))
	}
	for _, want := range [][2]string{{fixtures.EdgeFunded, "state:jp"}, {fixtures.EdgeImplements, "agency:ke:ports-authority"}, {fixtures.EdgeImplements, "agency:tz:police-force"}} {
		if !hasEdge(f, want[0], want[1], p) {
			t.Errorf("%s %s: a fact sheet's labels say who funds and implements it:\n%s", want[0], want[1], dumpEdges(f))
		}
	}
}

func TestSessionsArePartsOfOneEvent(t *testing.T) {
	f := extractText(t, "parts_en.txt", "Border newsletter\n\n1. Osh: a border workshop\nOSH, 4 March 2019 – A border workshop opened today in Osh. Officers of the region took part.\n\n2. Almaty: a customs workshop\nALMATY, 9 June 2019 – A customs workshop opened today in Almaty. Experts from Georgia and Lithuania lead the sessions.\n")
	if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:ge", "meeting:2019-03-04") {
		t.Errorf("the sessions of one workshop are not the other workshop's:\n%s", dumpEdges(f))
	}
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:ge", "meeting:2019-06-09") {
		t.Errorf("the experts lead the sessions of the workshop they are at:\n%s", dumpEdges(f))
	}
}

func TestCollaboratorsOfTheOrganisers(t *testing.T) {
	f := extractText(t, "promoters_it.txt", "Ministero dell'Interno\nAGENDA DEL MINISTRO\n\nMartedì 14 ottobre 2014\n\nEvento: convegno «La Convenzione di Palermo e le nuove mafie»\nLuogo: Napoli, Palazzo Reale\nPromotori: Fondazione Mediterraneo, in collaborazione con il Consiglio Superiore della Magistratura\n\nIl ministro dell'Interno prende parte al convegno e vi tiene un intervento.\n")
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeImplements {
			t.Errorf("those who organise with the promoters implement nothing: %s -> %s", e.From, e.To)
		}
	}
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "agency:it:csm", "meeting:2014-10-14") {
		t.Errorf("the promoters' partner organises the meeting:\n%s", dumpEdges(f))
	}
}

func TestThoseGreetedAreThere(t *testing.T) {
	f := extractText(t, "greeted_en.txt", "Police conference opens\n\nKingston, 4 May 2021 – The services of the region have committed to strengthen their cooperation in the fight against crime. A first workshop had been held in Nassau on 3 March 2020. The regional police conference opened in Kingston on 4 May 2021. In his address, the Minister first greeted Dr Paul Reid, Commissioner of Police of Jamaica; Ms Anne Cole, Director of the Caribbean Customs Law Enforcement Council; and the heads of delegation.\n")
	for _, p := range []string{"person:paul-reid", "person:anne-cole"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, p, "meeting:2021-05-04") {
			t.Errorf("%s was greeted at the conference, so was there:\n%s", p, dumpEdges(f))
		}
	}
}

func TestTookTheFloor(t *testing.T) {
	f := extractText(t, "floor_it.txt", "Convegno a Bari\n\nBari, 4 aprile 2022 – Le forze di polizia della regione si sono impegnate a rafforzare la loro cooperazione nella lotta alla criminalità. Un primo incontro si era tenuto a Lecce il 3 marzo 2021. Il convegno si è svolto a Bari il 4 aprile 2022. In apertura hanno preso la parola il prefetto Carlo Neri e il questore di Bari.\n")
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:carlo-neri", "meeting:2022-04-04") {
		t.Errorf("who took the floor spoke at the meeting:\n%s", dumpEdges(f))
	}
}

func TestWireDatelineAbbreviatedMonthAndCredit(t *testing.T) {
	f := extractText(t, "wire_fr.txt", "Coopération policière\n\nDAKAR, 12 fév 2009 (AFP) - Les services de la région se sont engagés à renforcer leur coopération dans la lutte contre la criminalité. Un atelier sur la sécurité des frontières s'est ouvert lundi à Dakar.\n")
	if f.Documents[0].Published == nil || *f.Documents[0].Published != "2009-02-12" {
		t.Errorf("the wire's dateline gives its day: %v", f.Documents[0].Published)
	}
	for _, n := range f.Nodes {
		if strings.HasPrefix(n.ID, "agency:au:") {
			t.Errorf("the news agency credited after the dateline is no police force: %s", n.ID)
		}
	}
}

func TestStatePairInTheMeetingsName(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"en", "Strategic dialogue\n\nRome, 4 May 2021 – The services of the region have committed to strengthen their cooperation in the fight against crime. The fourth Italy-Libya Strategic Dialogue on Security took place in Rome on 4 May 2021.\n"},
		{"it", "Vertice a Roma\n\nRoma, 4 maggio 2021 – Le forze di polizia della regione si sono impegnate a rafforzare la loro cooperazione nella lotta alla criminalità. Il vertice Italia-Francia sulla sicurezza si è tenuto a Roma il 4 maggio 2021.\n"},
	} {
		f := extractText(t, "pair_"+c.lang+".txt", c.text)
		n := 0
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeParticipatedIn && strings.HasPrefix(e.From, "state:") && strings.HasPrefix(e.To, "meeting:2021-05-04") {
				n++
			}
		}
		if n < 2 {
			t.Errorf("%s: both states of the meeting's name meet:\n%s", c.lang, dumpEdges(f))
		}
	}
}

func TestCapitalisedMeetingNameBeginningWithABody(t *testing.T) {
	f := extractText(t, "test.txt", `Regional police talks

Nairobi, 4 June 2024 – The 12th INTERPOL Asian Regional Conference was held in Nairobi on 3 June 2024.
Delegates from Kenya attended.`)
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2024-06-03", "org:interpol") {
		t.Errorf("the conference named after INTERPOL is its own:\n%s", dumpEdges(f))
	}
}

func TestMinisterWithoutANameTakesPart(t *testing.T) {
	f := extractText(t, "test.txt", `Colloque régional

Dakar, 5 mai 2024 – Le colloque s'est tenu à Dakar le 4 mai 2024. Le ministre ghanéen de l'Intérieur et des personnalités du Mali avaient fait le déplacement.`)
	for _, from := range []string{"agency:gh:ministry-of-interior", "state:ml"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2024-05-04") {
			t.Errorf("%s should take part in the colloque:\n%s", from, dumpEdges(f))
		}
	}
	for _, n := range f.Nodes {
		if n.ID == "agency:gh:ministry-of-interior" && n.Name != "Ministère ghanéen de l'Intérieur" {
			t.Errorf("the ministry is named as written, with its state: %q", n.Name)
		}
	}
}

func TestStateNameModifiesADelegation(t *testing.T) {
	f := extractText(t, "test.txt", `Regional conference

Accra, 5 May 2024 – The conference was held in Accra on 4 May 2024. The Burkina Faso delegation was headed by its police chief.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:bf", "meeting:2024-05-04") {
		t.Errorf("the state whose delegation came takes part:\n%s", dumpEdges(f))
	}
}

func TestAttendanceSectionTakesPart(t *testing.T) {
	f := extractText(t, "test.txt", `MINUTES

Regional workshop on container control
Venue: Lusaka, Zambia
Dates: 3 to 5 March 2024

Attendance

Customs administrations (4): Angola, Botswana, Malawi and Namibia.
- Observers: INTERPOL

Item 1 – Opening

The workshop was opened by the host.`)
	for _, from := range []string{"state:ao", "state:bw", "state:mw", "state:na", "org:interpol"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2024-03-03") {
			t.Errorf("%s is listed under the attendance heading:\n%s", from, dumpEdges(f))
		}
	}
}

func TestQuestionsAndAnswersOfAMeeting(t *testing.T) {
	f := extractText(t, "test.txt", `Regional seminar in Accra: questions and answers

What, where and when?
A regional seminar on port security took place in Accra, Ghana, from 4 to 6 March 2024.

Who organised it?
The Maritime Organization of West and Central Africa.

Who took part?
Officers from Benin, Liberia and Togo.

Who funded it?
Denmark.`)
	for _, from := range []string{"state:bj", "state:lr", "state:tg"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2024-03-04") {
			t.Errorf("%s answers who took part:\n%s", from, dumpEdges(f))
		}
	}
	if !hasEdgePrefix(f, fixtures.EdgeFunded, "state:dk", "meeting:2024-03-04") {
		t.Errorf("Denmark answers who funded it:\n%s", dumpEdges(f))
	}
}

func TestCitiesWithLettersNFKDKeeps(t *testing.T) {
	f := extractText(t, "test.txt", `Border chiefs meet

A meeting of the border guards of Poland and Lithuania was held in Wrocław on 4 March 2024.`)
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting && (n.Place == nil || *n.Place != "Wrocław") {
			t.Errorf("the meeting's place is the Polish city: %+v", n)
		}
	}
}

func TestSignatureFieldsOfAFactSheet(t *testing.T) {
	f := extractText(t, "test.txt", `FACT SHEET – Memorandum of understanding between the Kenya Coast Guard Service and the Tanzania Police Force

Place of signature: Mombasa
Date of signature: 4 March 2024
Signatories: Vice Admiral Ali Hassan, head of the Kenya Coast Guard Service; Inspector General Camillus Wambura, of the Tanzania Police Force
Present at the ceremony: officials of the Ministry of Interior of Kenya`)
	for _, from := range []string{"person:ali-hassan", "person:camillus-wambura"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2024-03-04") {
			t.Errorf("%s signed on the day the sheet gives:\n%s", from, dumpEdges(f))
		}
	}
}

func TestMemorandumNamedInTheTitle(t *testing.T) {
	f := extractText(t, "test.txt", `Memorandum of understanding between the Ghana Police Service and the Nigeria Police Force

The text covers training and the exchange of information on organised crime.`)
	if !hasEdge(f, fixtures.EdgeMemorandum, "agency:gh:police-service", "agency:ng:npf") && !hasEdge(f, fixtures.EdgeMemorandum, "agency:ng:npf", "agency:gh:police-service") {
		t.Errorf("the title names a memorandum between two bodies:\n%s", dumpEdges(f))
	}
}

func TestThoseOfAListTakePart(t *testing.T) {
	f := extractText(t, "test.txt", `Regional meeting

A regional meeting on border security was held in Nairobi on 12 May 2022.
Delegates of Kenya sat alongside those of Uganda and Rwanda.`)
	for _, from := range []string{"state:ke", "state:ug", "state:rw"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2022-05-12") {
			t.Errorf("%s should take part in the meeting:\n%s", from, dumpEdges(f))
		}
	}
}

func TestListGoesOnAfterAsWellAs(t *testing.T) {
	f := extractText(t, "test.txt", `Réunion régionale

La réunion des chefs de police du Maroc et de la Tunisie, ainsi que des Comores et de Djibouti, s'est ouverte à Marrakech le 25 novembre 2019.`)
	for _, from := range []string{"state:ma", "state:tn", "state:km", "state:dj"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2019-11-25") {
			t.Errorf("%s should take part in the meeting:\n%s", from, dumpEdges(f))
		}
	}
}

func TestNextMeetingIsAnotherOne(t *testing.T) {
	f := extractText(t, "test.txt", `Scheda

Nell'aprile 2017 il comandante generale, ammiraglio Marco Rossi, guidò a Washington una delegazione per un incontro bilaterale con la Guardia Costiera statunitense.

In una successiva visita a Washington, l'ammiraglio Luca Bianchi ha incontrato il comandante della Guardia Costiera statunitense.`)
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeParticipatedIn && e.From == "person:luca-bianchi" && strings.Contains(e.To, "2017-04") {
			t.Errorf("a later visit is another meeting: %s", dumpEdges(f))
		}
	}
}

func TestCustomsTerritoriesAct(t *testing.T) {
	f := extractText(t, "test.txt", `Coast guard heads meet

The meeting took place in Yokohama on 30 September 2014. Cambodia and Hong Kong sent representatives to the Heads of Asian Coast Guard Agencies Meeting.`)
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:hk", "meeting:2014-09-30") {
		t.Errorf("Hong Kong acts in its own name:\n%s", dumpEdges(f))
	}
	for _, e := range f.Edges {
		if e.Kind == fixtures.EdgeHeldUnder {
			t.Errorf("no body the gazetteer knows opens the meeting's name: %s", dumpEdges(f))
		}
	}
}

func TestResearchersOfUniversitiesTakePart(t *testing.T) {
	f := extractText(t, "test.txt", `Esercitazione internazionale

Vicenza, 12 maggio 2022 – Un'esercitazione sulla tratta si è svolta a Vicenza il 12 maggio 2022, con studenti e ricercatori delle Università di Bologna e di Pavia.`)
	for _, from := range []string{"org:universita-di-bologna", "org:universita-di-pavia"} {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, from, "meeting:2022-05-12") {
			t.Errorf("%s should take part in the exercise:\n%s", from, dumpEdges(f))
		}
	}
}

func TestPossessiveNamesTheBodysOwnMeeting(t *testing.T) {
	f := extractText(t, "test.txt", `Border security

Vienna, 5 May 2024 – INTERPOL's fourth regional meeting took place in Vienna from 2 to 4 May 2024.`)
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2024-05-02", "org:interpol") {
		t.Errorf("the body's own meeting is held under it:\n%s", dumpEdges(f))
	}
}

func TestBodyHoldsItsOwnMeeting(t *testing.T) {
	f := extractText(t, "test.txt", `Communiqué final

1. La Communauté économique des États de l'Afrique de l'Ouest a tenu sa quinzième réunion à Accra. Les travaux se sont achevés le mercredi 5 mars 2008.`)
	if !hasEdgePrefix(f, fixtures.EdgeHeldUnder, "meeting:2008-03-05", "org:ecowas") {
		t.Errorf("the body that held its meeting is the meeting's own:\n%s", dumpEdges(f))
	}
}

func TestStatesRepresentedTakePart(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "Accra, 3 May 2019 - The ECOWAS summit was held in Accra. The following states were represented: Ghana, Togo and Benin."},
		{"fr", "Accra, 3 mai 2019 – Le sommet de la CEDEAO s'est tenu à Accra. Les États suivants étaient représentés : le Ghana, le Togo et le Bénin."},
		{"it", "Accra, 3 maggio 2019 – Il vertice dell'ECOWAS si è tenuto ad Accra. Erano rappresentati i seguenti Stati: Ghana, Togo e Benin."},
	}, fixtures.EdgeParticipatedIn, []string{"state:gh", "state:tg", "state:bj"}, "meeting:", "the states represented took part")
}

func TestEditionsAreDifferentMeetings(t *testing.T) {
	eachLanguage(t, []languageCase{
		{"en", "Paris, 3 May 2019 - The first meeting of customs experts took place in Paris on 24 January 2017, with Tunisia present. Algeria hosts the second meeting of customs experts, devoted to cooperation, with the participation of Morocco."},
		{"fr", "Paris, 3 mai 2019 – La première réunion des experts douaniers s'est tenue à Paris le 24 janvier 2017, en présence de la Tunisie. L'Algérie accueille la 2ème réunion des experts douaniers, consacrée aux actions de coopération, avec la participation du Maroc."},
		{"it", "Parigi, 3 maggio 2019 – La prima riunione degli esperti doganali si è tenuta a Parigi il 24 gennaio 2017, alla presenza della Tunisia. L'Algeria ospita la seconda riunione degli esperti doganali, dedicata alla cooperazione, con la partecipazione del Marocco."},
		{"en", "Paris, 3 May 2019 - The eleventh meeting of customs experts took place in Paris on 24 January 2017, with Tunisia present. Algeria hosts the twelfth meeting of customs experts, devoted to cooperation, with the participation of Morocco."},
		{"it", "Parigi, 3 maggio 2019 – L'undicesima riunione degli esperti doganali si è tenuta a Parigi il 24 gennaio 2017, alla presenza della Tunisia. L'Algeria ospita la dodicesima riunione degli esperti doganali, dedicata alla cooperazione, con la partecipazione del Marocco."},
	}, func(lang string, f *fixtures.Fixture) {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:ma", "meeting:") {
			t.Errorf("%s: Morocco takes part in the second meeting:\n%s", lang, dumpEdges(f))
			return
		}
		if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:ma", "meeting:2017-01-24") {
			t.Errorf("%s: the second meeting is not the first one of 24 January:\n%s", lang, dumpEdges(f))
		}
	})
}

func TestEarlierMeetingIsAnother(t *testing.T) {
	eachLanguage(t, []languageCase{
		{"en", "Vienna, 3 May 2019 - The regional workshop on port security opened today in Vienna with experts from Kenya and Uganda. The previous workshop had brought together Tanzania and Rwanda."},
		{"fr", "Vienne, 3 mai 2019 – L'atelier régional sur la sûreté portuaire s'est ouvert aujourd'hui à Vienne avec des experts du Kenya et de l'Ouganda. Le précédent atelier avait réuni la Tanzanie et le Rwanda."},
		{"it", "Vienna, 3 maggio 2019 – Il seminario regionale sulla sicurezza portuale si è aperto oggi a Vienna con esperti del Kenya e dell'Uganda. Il seminario precedente aveva riunito la Tanzania e il Ruanda."},
	}, func(lang string, f *fixtures.Fixture) {
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:ke", "meeting:2019-05-03") {
			t.Errorf("%s: Kenya takes part in the workshop of 3 May:\n%s", lang, dumpEdges(f))
		}
		if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:tz", "meeting:2019-05-03") {
			t.Errorf("%s: Tanzania took part in the previous workshop, not this one:\n%s", lang, dumpEdges(f))
		}
	})
}

func TestMissionToAPlaceIsAVisit(t *testing.T) {
	for _, tc := range []struct{ lang, text, visit string }{
		{"en", "London, 3 May 2019 - During his mission to Bucharest on 21 January, the minister met his Romanian counterpart.", "meeting:2019-01-21:bucharest:visit"},
		{"fr", "Paris, 3 mai 2019 – Lors de sa mission à Bucarest, le 21 janvier, le ministre a rencontré son homologue roumain.", "meeting:2019-01-21:bucharest:visit"},
		{"it", "Roma, 3 maggio 2019 – Durante la missione a Bucarest del 21 gennaio, il ministro ha incontrato il suo omologo romeno.", "meeting:2019-01-21:bucharest:visit"},
		{"fr", "Bamako, 3 mai 2019 – La mission de l'ONU au Mali et la mission EUCAP Sahel Mali ont organisé un atelier à Bamako.", ""},
	} {
		f := extractText(t, tc.lang+".txt", tc.text)
		visits := 0
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindMeeting && n.Properties["subtype"] == "visit" {
				visits++
				if n.ID != tc.visit {
					t.Errorf("%s: unexpected visit %s in %q", tc.lang, n.ID, tc.text)
				}
			}
		}
		if tc.visit != "" && visits == 0 {
			t.Errorf("%s: the mission is the visit %s: %+v", tc.lang, tc.visit, f.Nodes)
		}
	}
}

func TestPluralAndFeminineParticiplesAreCues(t *testing.T) {
	wantEdges(t, []languageCase{
		{"fr", "Paris, 3 mai 2019 – Les sessions de formation, organisées par l'ONUDC et INTERPOL, se sont tenues à Dakar du 3 au 5 mai. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Le sessioni di formazione, organizzate dall'UNODC e dall'INTERPOL, si sono svolte a Dakar dal 3 al 5 maggio. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, fixtures.EdgeParticipatedIn, []string{"unbody:unodc", "org:interpol"}, "meeting:2019-05-03:dakar", "a participle in the plural says who organised")
}

func TestAttendanceVerbsInEnglish(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "London, 3 May 2019 - The regional workshop took place in Nairobi on 12 March. Kenya, Uganda and Rwanda were in attendance. Both sides stressed the importance of cooperation."},
		{"en", "London, 3 May 2019 - The regional workshop will take place in Nairobi on 12 March 2020. Kenya, Uganda and Rwanda will participate. Both sides stressed the importance of cooperation."},
	}, fixtures.EdgeParticipatedIn, []string{"state:ke", "state:ug", "state:rw"}, "meeting:", "the states attend")
}

func TestMeetingKnownByWhatItIsOfOrAbout(t *testing.T) {
	eachLanguage(t, []languageCase{
		{"en", "London, 3 May 2019 - The second meeting of the heads of the border guard services of the region was held in Riga on 12 March. A workshop on maritime security organised by UNODC took place in Mombasa on 4 June. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – La deuxième réunion des chefs des services de garde-frontières de la région s'est tenue à Riga le 12 mars. Un atelier sur la sécurité maritime organisé par l'ONUDC s'est tenu à Mombasa le 4 juin. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – La seconda riunione dei capi dei servizi di guardia di frontiera della regione si è svolta a Riga il 12 marzo. Un seminario sulla sicurezza marittima organizzato dall'UNODC si è svolto a Mombasa il 4 giugno. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, func(lang string, f *fixtures.Fixture) {
		want := map[string][]string{ // the short name, and the long one that stops before the verb or the agent
			"en": {"second meeting", "second meeting of the heads of the border guard services of the region", "workshop on maritime security"},
			"fr": {"deuxième réunion", "deuxième réunion des chefs des services de garde-frontières de la région", "atelier sur la sécurité maritime"},
			"it": {"seconda riunione", "seconda riunione dei capi dei servizi di guardia di frontiera della regione", "seminario sulla sicurezza marittima"},
		}[lang]
		aliases := namesOfKind(f, fixtures.KindMeeting)
		for _, w := range want {
			if !slices.Contains(aliases, w) {
				t.Errorf("%s: want a meeting known as %q: %q", lang, w, aliases)
			}
		}
	})
}

func TestEnglishMeetingKnownByItsTitle(t *testing.T) {
	f := extractText(t, "en.txt", "London, 3 May 2019 - The Third Regional Port Security Dialogue took place in Accra on 12 March. "+
		"Delegates recalled the decisions of the 2015 Lisbon Summit. The West African Chiefs of Police meeting was held in Dakar on 20 April. "+
		"That workshop ended on 22 April. Both sides stressed the importance of cooperation.")
	aliases := namesOfKind(f, fixtures.KindMeeting)
	for _, w := range []string{"Third Regional Port Security Dialogue", "2015 Lisbon Summit", "West African Chiefs of Police meeting"} {
		if !slices.Contains(aliases, w) {
			t.Errorf("want a meeting known by its title %q: %q", w, aliases)
		}
	}
	if slices.Contains(aliases, "That workshop") {
		t.Errorf("a demonstrative opening the sentence is no part of a title: %q", aliases)
	}
}

func TestMetWithTheDayAndPlaceBeforeTheObject(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "London, 3 May 2019 - The Chief of Police Alberto Ferri met, on 12 March in London, the director of the Romanian Police. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le chef de la police Alberto Ferri a rencontré, le 12 mars à Paris, le directeur de la Police roumaine. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il capo della Polizia Alberto Ferri ha incontrato il 12 marzo a Roma il direttore della Polizia romena. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, fixtures.EdgeParticipatedIn, []string{"person:alberto-ferri", "agency:ro:romanian-police"}, "meeting:2019-03-12:", "the day and place between the verb and whom the subject met")
}

func TestDelegationMeetsTheHeadsOfABody(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "London, 3 May 2019 - On 12 March a delegation of the Albanian State Police visited Paris to meet officials of the French National Police. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le 12 mars, une délégation de la Police albanaise s'est rendue à Paris pour rencontrer les dirigeants de la Police nationale. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il 12 marzo una delegazione della Polizia albanese si è recata a Parigi per incontrare i responsabili della Polizia nazionale francese. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, fixtures.EdgeParticipatedIn, []string{"agency:fr:national-police"}, "meeting:2019-03-12:paris:", "the body whose heads or officials the delegation meets")
}

func TestAnnualMeetingOfTheBodyNamedBefore(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "London, 3 May 2019 - The 12th ECOWAS annual meeting was held in Abuja on 12 March. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – La 12e réunion annuelle de la CEDEAO s'est tenue à Abuja le 12 mars. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – La 12a riunione annuale dell'ECOWAS si è svolta ad Abuja il 12 marzo. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, fixtures.EdgeHeldUnder, []string{"meeting:2019-03-12:abuja:meeting"}, "org:ecowas", "a body's annual meeting is held under it, its name before the noun or after it")
}

func TestRoadmapNamedWithItsYears(t *testing.T) {
	eachLanguage(t, []languageCase{
		{"en", "London, 3 May 2019 - The ministers adopted the Regional Action Plan 2026-2028 against arms trafficking. They also adopted an action plan for 2025-2026. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Les ministres ont adopté le Plan d'action régional 2026-2028 contre le trafic d'armes. Ils ont aussi adopté un plan d'action régional pour 2025-2026. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – I ministri hanno adottato il Piano d'azione regionale 2026-2028 contro il traffico di armi. Hanno anche adottato un piano d'azione regionale per il 2025-2026. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, func(lang string, f *fixtures.Fixture) {
		want := map[string][]string{
			"en": {"Regional Action Plan 2026-2028", "action plan for 2025-2026"}, // an English title is capitalised
			"fr": {"Plan d'action régional 2026-2028 contre le trafic d'armes", "plan d'action régional pour 2025-2026"},
			"it": {"Piano d'azione regionale 2026-2028 contro il traffico di armi", "piano d'azione regionale per il 2025-2026"},
		}[lang]
		names := namesOfKind(f, fixtures.KindRoadmap)
		for _, w := range want {
			if !slices.Contains(names, w) {
				t.Errorf("%s: want the roadmap %q with its years: %q", lang, w, names)
			}
		}
	})
}

func TestStageIsAFrenchTrainingDatedToTheDay(t *testing.T) {
	f := extractText(t, "fr.txt", "Paris, 3 mai 2019 – Le stage s'est tenu à Dakar du 3 au 7 mars ; il a réuni vingt fonctionnaires de la Police nationale du Niger. Les deux parties ont souligné l'importance de la coopération.")
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "agency:ne:national-police", "meeting:2019-03-03:dakar:training") {
		t.Errorf("a French stage dated to the day is a training:\n%s", dumpEdges(f))
	}
	f = extractText(t, "en.txt", "London, 3 May 2019 - At this stage, on 3 March, the project was reviewed in Dakar. Both sides stressed the importance of cooperation.")
	assertNoKind(t, f, fixtures.KindMeeting, "an English stage is no meeting, dated or not")
}

func TestOrganiserCueParity(t *testing.T) {
	eachLanguage(t, []languageCase{
		{"en", "London, 3 May 2019 - UNODC convenes a workshop in Nairobi on 3 March. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – L'ONUDC et INTERPOL ont coorganisé un atelier à Nairobi le 3 mars. Les deux parties ont souligné l'importance de la coopération."},
		{"fr", "Paris, 3 mai 2019 – L'atelier, initié par l'ONUDC et INTERPOL, s'est tenu à Nairobi le 3 mars. Les deux parties ont souligné l'importance de la coopération."},
		{"fr", "Paris, 3 mai 2019 – L'atelier, convoqué par l'ONUDC, s'est tenu à Nairobi le 3 mars. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il seminario, convocato dall'UNODC, si è svolto a Nairobi il 3 marzo. Le due parti hanno sottolineato l'importanza della cooperazione."},
		{"it", "Roma, 3 maggio 2019 – L'UNODC ha coorganizzato un seminario a Nairobi il 3 marzo. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, func(lang string, f *fixtures.Fixture) {
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeParticipatedIn && e.From == "unbody:unodc" && e.Role != nil && *e.Role == fixtures.RoleOrganiser {
				return
			}
		}
		t.Errorf("%s: want UNODC the workshop's organiser:\n%s", lang, dumpEdges(f))
	})
}

func TestMeetingSawTheParticipationOf(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "London, 3 May 2019 - The workshop held in Nairobi on 3 March saw the participation of INTERPOL and Europol. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – L'atelier tenu à Nairobi le 3 mars a vu la participation d'INTERPOL et d'Europol. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il seminario svoltosi a Nairobi il 3 marzo ha visto la partecipazione di INTERPOL e di Europol. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, fixtures.EdgeParticipatedIn, []string{"org:interpol", "org:europol"}, "meeting:2019-03-03:nairobi:", "the meeting saw their participation")
}

func TestInTheCourseOfIsNoCourse(t *testing.T) {
	for _, c := range []languageCase{
		{"it", "Roma, 3 maggio 2019 – I diplomi sono stati consegnati a Bologna il 2 maggio nel corso di una cerimonia a cui hanno preso parte molte autorità. Le due parti hanno sottolineato l'importanza della cooperazione."},
		{"it", "Roma, 3 maggio 2019 – Il ministro ha ribadito a Bologna il 2 maggio, nel corso dei lavori della conferenza regionale, l'impegno dell'Italia. Le due parti hanno sottolineato l'importanza della cooperazione."},
		{"fr", "Paris, 3 mai 2019 – Le ministre a rappelé à Lyon le 2 mai, au cours des travaux de la conférence régionale, l'engagement de la France. Les deux parties ont souligné l'importance de la coopération."},
		{"en", "London, 3 May 2019 - The minister restated in Leeds on 2 May, in the course of the regional conference, the commitment of the United Kingdom. Both sides stressed the importance of cooperation."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindMeeting && n.Properties["subtype"] == "training" {
				t.Errorf("%s: \"in the course of\" is during, not a course: %v", c.lang, nodeIDs(f))
			}
		}
		meetings := 0
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindMeeting {
				meetings++
			}
		}
		if meetings != 1 {
			t.Errorf("%s: want one meeting, got %v", c.lang, nodeIDs(f))
		}
	}
}

func TestSigningNamedWithItsWitnesses(t *testing.T) {
	for _, c := range []struct{ lang, text, witness string }{
		{"en", "London, 3 May 2019 - Home Secretary Paul Green and the Tunisian Interior Minister, Karim Ben Ali, signed a memorandum of understanding. The signing took place in the presence of Commissioner John White. Both sides stressed the importance of cooperation.", "person:john-white"},
		{"fr", "Paris, 3 mai 2019 – Le ministre de l'Intérieur Paul Martin et le ministre tunisien de l'Intérieur Karim Ben Ali ont signé un mémorandum d'entente. La signature s'est tenue en présence du préfet Jean Blanc. Les deux parties ont souligné l'importance de la coopération.", "person:jean-blanc"},
		{"it", "Roma, 3 maggio 2019 – Il ministro dell'Interno Marco Verdi e il ministro tunisino dell'Interno Karim Ben Ali hanno firmato un memorandum d'intesa. La firma è avvenuta alla presenza del prefetto Mario Bianchi. Le due parti hanno sottolineato l'importanza della cooperazione.", "person:mario-bianchi"},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, c.witness, "meeting:") {
			t.Errorf("%s: the signing is an event its witness attended:\n%s", c.lang, dumpEdges(f))
		}
	}
}

func TestSigningSpokenOfIsNoEvent(t *testing.T) {
	for _, c := range []languageCase{
		{"en", "London, 3 May 2019 - A memorandum of understanding was signed on 2 May in New York between UNOCT and UNODC. The two sides noted that the signing of the memorandum opens a new chapter in their cooperation against terrorism."},
		{"fr", "Paris, 3 mai 2019 – Un mémorandum d'entente a été signé le 2 mai à New York entre l'UNOCT et l'ONUDC. Les deux parties ont noté que la signature du mémorandum ouvre un nouveau chapitre de leur coopération contre le terrorisme."},
		{"it", "Roma, 3 maggio 2019 – Un memorandum d'intesa è stato firmato il 2 maggio a New York tra l'UNOCT e l'UNODC. Le due parti hanno osservato che la firma del memorandum apre un nuovo capitolo nella cooperazione contro il terrorismo."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindMeeting {
				t.Errorf("%s: a signing spoken of is no meeting: %v", c.lang, nodeIDs(f))
			}
		}
	}
}

func TestOrganisersListedPastAProgramme(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - On 10 October 2011 a workshop on border management opened in Aktau. It was organised by the OSCE Centre in Astana in co-operation with the EU Border Assistance Programme for Moldova, the International Organization for Migration and the United Nations Office on Drugs and Crime. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le 10 octobre 2011, un atelier sur la gestion des frontières s'est ouvert à Aktaou. Il a été organisé par le Centre de l'OSCE à Astana en coopération avec le programme Frontières Ouvertes Sahel, l'Organisation internationale pour les migrations et l'Office des Nations unies contre la drogue et le crime. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il 10 ottobre 2011 si è aperto ad Aktau un seminario sulla gestione delle frontiere. È stato organizzato dal Centro OSCE di Astana in collaborazione con il programma Frontiere Aperte Sahel, l'Organizzazione internazionale per le migrazioni e l'Ufficio delle Nazioni Unite contro la droga e il crimine. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	wantEdges(t, cases, fixtures.EdgeParticipatedIn, []string{"unbody:iom", "unbody:unodc"}, "meeting:2011-10-10", "organisers listed after a programme, of the meeting named in the sentence before")
}

func TestOrganiserRepresentedByAnotherBody(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - The European Commission, represented by the European Anti-Fraud Office (OLAF), organises a regional conference on customs cooperation in Tangier on 3 and 4 November 2008. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – La Commission européenne, représentée par l'Office européen de lutte antifraude (OLAF), organise à Tanger, les 3 et 4 novembre 2008, une conférence régionale sur la coopération douanière. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – La Commissione europea, rappresentata dall'Ufficio europeo per la lotta antifrode (OLAF), organizza a Tangeri, il 3 e 4 novembre 2008, una conferenza regionale sulla cooperazione doganale. Le due parti hanno sottolineato l'importanza della cooperazione."},
		{"en", "London, 3 May 2019 - The European Anti-Fraud Office (OLAF) and the European Commission are organising a regional conference on customs cooperation in Tangier on 3 and 4 November 2008. Both sides stressed the importance of cooperation."},
	}
	wantEdges(t, cases, fixtures.EdgeParticipatedIn, []string{"org:european-commission", "org:olaf"}, "meeting:2008-11-03", "the subject and the body that represents it organise")
}

func TestChairedUnderThePresidencyOf(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - The meeting took place in Rome on 3 March under the chairmanship of Ambassador Mario Rossi. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – La réunion s'est tenue à Rome le 3 mars sous la présidence de l'ambassadeur Mario Rossi. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – La riunione si è svolta a Roma il 3 marzo sotto la presidenza dell'ambasciatore Mario Rossi. Le due parti hanno sottolineato l'importanza della cooperazione."},
		{"it", "Roma, 3 maggio 2019 – La riunione si è svolta a Roma il 3 marzo. A presiedere la riunione è stato l'ambasciatore Mario Rossi. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeParticipatedIn && e.From == "person:mario-rossi" && e.Role != nil && *e.Role == fixtures.RoleChair {
				return
			}
		}
		t.Errorf("%s: Mario Rossi chairs the meeting:\n%s", lang, dumpEdges(f))
	})
}

func TestCollectiveSubjectMetThere(t *testing.T) {
	for _, c := range []languageCase{
		{"en", "London, 3 May 2019 - On 13 March 2020 the steering committee of the border programme then met in Tashkent to discuss a work plan. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le 13 mars 2020, le comité de pilotage du programme s'est réuni à Tachkent pour discuter du plan de travail. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il 13 marzo 2020 il comitato direttivo del programma si è riunito a Tashkent per discutere il piano di lavoro. Le due parti hanno sottolineato l'importanza della cooperazione."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		if !strings.Contains(nodeIDs(f), "meeting:2020-03-13") {
			t.Errorf("%s: the committee met on 13 March: %s", c.lang, nodeIDs(f))
		}
	}
}

func TestBilateralAsANoun(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		meeting    bool
	}{
		{"it", "Roma, 3 maggio 2019 – Il ministro ha avuto l'8 marzo a Roma un bilaterale con il ministro emiratino della Giustizia, Abdullah Al Nuaimi. Le due parti hanno sottolineato l'importanza della cooperazione.", true},
		{"en", "London, 3 May 2019 - The minister held a bilateral with the Emirati Minister of Justice, Abdullah Al Nuaimi, in London on 8 March. Both sides stressed the importance of cooperation.", true},
		{"it", "Roma, 3 maggio 2019 – Il ministro ha firmato l'8 marzo a Roma un accordo bilaterale con il ministro emiratino della Giustizia, Abdullah Al Nuaimi. Le due parti hanno sottolineato l'importanza della cooperazione.", false},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		if got := hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:abdullah-al-nuaimi", "meeting:"); got != c.meeting {
			t.Errorf("%s: Al Nuaimi at a meeting: got %v, want %v\n%s", c.lang, got, c.meeting, dumpEdges(f))
		}
	}
}

func TestFirstMeetingNamedWithoutItsDayIsTheReleases(t *testing.T) {
	for _, c := range []languageCase{
		{"en", "London, 8 March 2022 - The minister handed the extradition request to the Emirati Minister of Justice, Abdullah Al Nuaimi. During the meeting, the minister asked that all requests be dealt with quickly."},
		{"fr", "Paris, 8 mars 2022 – La ministre a remis la demande d'extradition au ministre émirien de la Justice, Abdullah Al Nuaimi. Au cours de l'entretien, la ministre a demandé que toutes les demandes soient traitées rapidement."},
		{"it", "Roma, 8 marzo 2022 – La ministra ha consegnato la richiesta di estradizione al ministro emiratino della Giustizia, Abdullah Al Nuaimi. Nel corso del bilaterale la ministra ha chiesto che tutte le domande siano eseguite rapidamente."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		if !strings.Contains(nodeIDs(f), "meeting:2022-03-08") {
			t.Errorf("%s: the meeting the text names is the one of the release's day: %s", c.lang, nodeIDs(f))
		}
	}
	// A heading over an earlier event gives it no day.
	f := extractText(t, "it.txt", "Roma, 8 marzo 2022 – La cooperazione di polizia con la Sepca si rafforza di anno in anno.\n\nIl precedente: la riunione dei capi\n\nNel 2009 i capi delle polizie della regione avevano già discusso la cooperazione.\n")
	if strings.Contains(nodeIDs(f), "meeting:2022-03-08") {
		t.Errorf("a heading's meeting is not the release's: %s", nodeIDs(f))
	}
}

func TestProceedingsOnAGivenDay(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - The proceedings opened in Nairobi on 3 March in the presence of representatives of the Kenya Police Service and of the Kenya Revenue Authority. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Les travaux se sont ouverts à Nairobi le 3 mars en présence de représentants du Kenya Police Service et de la Kenya Revenue Authority. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Hanno partecipato ai lavori, che si sono svolti a Nairobi il 3 marzo, rappresentanti del Kenya Police Service e della Kenya Revenue Authority. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	wantEdges(t, cases, fixtures.EdgeParticipatedIn, []string{"agency:ke:police-service"}, "meeting:2019-03-03", "the proceedings of the day are a meeting")
	f := extractText(t, "fr.txt", "Paris, 3 mai 2019 – Au terme de deux jours de travaux, le relevé des conclusions a été signé le 31 janvier 2019 par les directeurs. Les deux parties ont souligné l'importance de la coopération.")
	if strings.Contains(nodeIDs(f), "meeting:2019-01-31:paris:meeting") {
		t.Errorf("\"deux jours de travaux\" is no meeting of its own: %s", nodeIDs(f))
	}
}

func TestBodyThatOpensAMeetingOrganisesIt(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - UNODC opened a training workshop in Lomé on 2 May. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le 2 mai, l'ONUDC a ouvert à Lomé un atelier de formation. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – L'UNODC ha aperto il 2 maggio a Lomé un seminario di formazione. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	wantEdges(t, cases, fixtures.EdgeParticipatedIn, []string{"unbody:unodc"}, "meeting:2019-05-02:lome", "the body that opens the workshop")
}

func TestMeetingAsSubjectOfAnOrganisingVerb(t *testing.T) {
	for _, c := range []languageCase{
		{"en", "London, 3 May 2019 - The meeting of the police chiefs of Comoros, Djibouti and Sudan opened in Marrakech on 2 May. Both sides stressed the importance of cooperation."},
		{"en", "London, 3 May 2019 - The meeting of the police chiefs of Comoros, Djibouti and Sudan was held in Marrakech on 2 May. Both sides stressed the importance of cooperation."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeParticipatedIn && e.Role != nil && *e.Role == fixtures.RoleOrganiser {
				t.Errorf("the states of the meeting's complement take part; nobody is said to organise it, got %s", e.From)
			}
		}
		if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:sd", "meeting:2019-05-02:marrakech") {
			t.Errorf("Sudan takes part:\n%s", dumpEdges(f))
		}
	}
}

func TestStatesListedAfterAPlacePrepositionAreNoActors(t *testing.T) {
	for _, c := range []languageCase{
		{"en", "London, 3 May 2019 - The seminar was held in Milan on 27 March. The institute coordinates a project that brings together experts to analyse data on prisoners in Austria, Belgium, France and Greece. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le séminaire s'est tenu à Milan le 27 mars. L'institut coordonne un projet qui réunit des experts pour analyser les données sur les détenus en Autriche, en Belgique, en France et en Grèce. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il seminario si è svolto a Milano il 27 marzo. L'istituto coordina un progetto che riunisce esperti per analizzare i dati relativi ai detenuti in Austria, Belgio, Francia e Grecia. Le due parti hanno sottolineato l'importanza della cooperazione."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeParticipatedIn && strings.HasPrefix(e.From, "state:") {
				t.Errorf("%s: the states where the prisoners are do not take part, got %s", c.lang, e.From)
			}
		}
	}
}

func TestMeetingOfTheirOrgan(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - On 2 October in Amman, Jordan and the EU held the 10th meeting of their Subcommittee on Justice and Security. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le 2 octobre à Amman, la Jordanie et l'UE ont tenu la dixième réunion de leur Sous-comité Justice et Sécurité. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il 2 ottobre ad Amman la Giordania e l'UE hanno tenuto la decima riunione del loro Sottocomitato Giustizia e Sicurezza. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	for _, c := range cases {
		f := extractText(t, c.lang+".txt", c.text)
		found := false
		for _, e := range f.Edges {
			found = found || e.Kind == fixtures.EdgeHeldUnder && strings.HasPrefix(e.To, "org:s")
		}
		if !found {
			t.Errorf("%s: the meeting of their subcommittee is held under it:\n%s", c.lang, dumpEdges(f))
		}
	}
}

func TestStateAfterATownAndBeforeAConjunctionIsASubject(t *testing.T) {
	f := extractText(t, "en.txt", "London, 3 May 2019 - On 2 October in Amman, Jordan and the EU held a meeting on border security. Both sides stressed the importance of cooperation.")
	if !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:jo", "meeting:2018-10-02") {
		t.Errorf("Jordan, coordinated with the EU, holds the meeting:\n%s", dumpEdges(f))
	}
	f = extractText(t, "en.txt", "London, 3 May 2019 - On 2 October a meeting organised by the EU was held in Amman, Jordan. Both sides stressed the importance of cooperation.")
	if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:jo", "meeting:") {
		t.Errorf("\"Amman, Jordan\" says where:\n%s", dumpEdges(f))
	}
}

func TestCliticPronounOfAFundedProject(t *testing.T) {
	cases := []languageCase{
		{"fr", "Paris, 3 mai 2019 – Le projet SEACOP a été présenté à Paris le 2 mai. L'Union européenne le finance. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il progetto SEACOP è stato presentato a Roma il 2 maggio. L'Unione europea lo ha cofinanziato. Le due parti hanno sottolineato l'importanza della cooperazione."},
		{"it", "Roma, 3 maggio 2019 – Il progetto SEACOP è stato presentato a Roma il 2 maggio. Lo finanzia l'Unione europea con 13 milioni di euro. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	wantEdges(t, cases, fixtures.EdgeFunded, []string{"org:eu"}, "project:seacop", "the pronoun before the verb is the project spoken of")
}

func TestFundingAsTheVerbsObject(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2019 - A session was held in Douala on 2 May. Sweden ensured the funding of the session. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Une session s'est tenue à Douala le 2 mai, dont la Suède assure le financement. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Un corso si è tenuto a Douala il 2 maggio. La Svezia ha assicurato il finanziamento del corso. Le due parti hanno sottolineato l'importanza della cooperazione."},
		{"en", "London, 3 May 2019 - A workshop was held in Douala on 2 May thanks to financial support from Sweden. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Un atelier s'est tenu à Douala le 2 mai grâce à un soutien financier de la Suède. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Un seminario si è tenuto a Douala il 2 maggio grazie a un contributo finanziario della Svezia. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}
	wantEdges(t, cases, fixtures.EdgeFunded, []string{"state:se"}, "meeting:2019-05-02:douala", "who ensures the funding, or whose financial support made the meeting")
}

func TestMeetingOfAnotherKindIntroducedIsAnotherMeeting(t *testing.T) {
	cases := []languageCase{
		{"en", "Rome, 8 September 2018 - The Ministry of Foreign Affairs hosted the fourth meeting of the Steering Committee of the programme in Rome. The Committee reviewed the activities of the year.\n\nThirteen officers of the prison services of Argentina, Brazil and Peru then made a study visit of two days in Rome on training."},
		{"fr", "Rome, 8 septembre 2018 – Le ministère des Affaires étrangères a accueilli à Rome la quatrième réunion du Comité de pilotage du programme. Le Comité a examiné les activités de l'année.\n\nTreize fonctionnaires de l'Argentine, du Brésil et du Pérou ont ensuite effectué à Rome une visite d'étude de deux jours sur la formation."},
		{"it", "Roma, 8 settembre 2018 – Il Ministero degli Affari Esteri ha ospitato a Roma la quarta riunione del Comitato di Pilotaggio del programma. Il Comitato ha esaminato le attività dell'anno.\n\nTredici funzionari dei servizi penitenziari di Argentina, Brasile e Perù hanno poi svolto a Roma una visita di studio di due giorni sulla formazione."},
	}
	wantEdges(t, cases, fixtures.EdgeParticipatedIn, []string{"state:ar", "state:br", "state:pe"}, "meeting:rome:visit", "a visit the text introduces after a meeting is a meeting of its own, where the people of the states it lists go")
	f := extractText(t, "en.txt", "Rome, 3 May 2023 - The Albanian Minister of the Interior, Taulant Balla, paid an official visit to Rome on 2 May 2023. During his stay, he had a meeting with the Italian Minister of the Interior, Matteo Piantedosi, at the Viminale.")
	if n := len(namesOfKind(f, fixtures.KindMeeting)); !hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "person:matteo-piantedosi", "meeting:2023-05-02:rome:visit") {
		t.Errorf("a meeting a visit holds is the visit's talks (%d meeting names):\n%s", n, dumpEdges(f))
	}
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "state:ar", "meeting:rome:meeting") {
			t.Errorf("%s: the visitors were not at the committee's meeting:\n%s", lang, dumpEdges(f))
		}
	})
}

func TestHostBeforeAMeetingBetweenTitledPersons(t *testing.T) {
	cases := []languageCase{
		{"en", "Washington, 12 July 2023 - The Department of Homeland Security hosted the meeting between the Interior Minister, Matteo Piantedosi, and the Secretary, Alejandro Mayorkas."},
		{"fr", "Washington, 12 juillet 2023 – Le Département de la Sécurité intérieure a accueilli la rencontre entre le ministre de l'Intérieur, Matteo Piantedosi, et le secrétaire, Alejandro Mayorkas."},
		{"it", "Washington, 12 luglio 2023 – Il Dipartimento della Sicurezza interna ha ospitato l'incontro tra il ministro dell'Interno, Matteo Piantedosi, e il Segretario Alejandro Mayorkas."},
	}
	wantEdges(t, cases, fixtures.EdgeParticipatedIn, []string{"agency:us:department-of-homeland-security", "person:matteo-piantedosi"}, "meeting:", "the host is no part of the title of the person named after the clause")
}

func TestProjectOfAMeetingQualifiedBeforeIt(t *testing.T) {
	cases := []languageCase{
		{"en", "Valletta, 3 March 2016 - Meeting: first high-level meeting of the Euromed Police IV project, held in Valletta on 2 March 2016. The delegations discussed the work plan."},
		{"fr", "La Valette, 3 mars 2016 – Réunion : première réunion de haut niveau du projet Euromed Police IV, tenue à La Valette le 2 mars 2016. Les délégations ont discuté du plan de travail."},
		{"it", "La Valletta, 3 marzo 2016 – Riunione: prima riunione di alto livello del progetto Euromed Police IV, tenutasi a La Valletta il 2 marzo 2016. Le delegazioni hanno discusso il piano di lavoro."},
	}
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		found := false
		for _, e := range f.Edges {
			found = found || e.Kind == fixtures.EdgeHeldUnder && strings.HasPrefix(e.From, "meeting:2016-03-02") && strings.HasPrefix(e.To, "project:euromed-police-iv")
		}
		if !found {
			t.Errorf("%s: the meeting of the project, after a label and an adjective, is held under it:\n%s", lang, dumpEdges(f))
		}
	})
}
