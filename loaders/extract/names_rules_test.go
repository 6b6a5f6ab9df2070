package extract

import "testing"

// Names the rules must read as nodes, one invented sentence each: codes, acronyms,
// long forms and persons announced by ranks or titles.
func TestNamesRead(t *testing.T) {
	for _, c := range []struct {
		name, file, text, why string
		ids, not              []string
	}{
		{"CodeNameOfTwoWords", "code.txt", "Roma, 3 marzo 2024 – La rete delle scuole di polizia fa parte del programma AL MaRSA, che è finanziato dall'Unione europea e coordinato dal ministero dell'Interno.\n", "a code of two words names the programme", []string{"project:al-marsa"}, nil},
		{"FinancialIntelligenceUnitsByAcronym", "fiu.txt", "Accra, 4 March 2024 – The FIU of Ghana and the FIU of Togo signed a memorandum of understanding in Accra on 3 March 2024.\n", "an FIU is the state's financial intelligence unit", []string{"agency:gh:financial-intelligence-unit", "agency:tg:financial-intelligence-unit"}, nil},
		{"ProgrammeLongFormPastAConjunction", "programme.txt", "Manila, 4 March 2024 – The course is part of the Maritime Safety and Port Security Programme (MSPSP), which trains coast guards of the region.\n", "the acronym spells the programme's whole name", []string{"project:maritime-safety-and-port-security-programme"}, nil},
		{"NameAfterAPluralTitle", "plural.txt", "Roma, 3 marzo 2025 – Al convegno partecipano i procuratori della Repubblica di Napoli, Marco Gialli, e il questore.\n", "a name set off after a plural title is one of its holders", []string{"person:marco-gialli"}, nil},
		{"LowerCaseRankAbbreviations", "rank.txt", "Roma, 3 marzo 2025 – Il convegno è stato aperto dal comandante della Guardia di Finanza, gen. Mario Verdi, e dal dott. Paolo Neri.\n", "a name after a lower-case rank is a person's", []string{"person:mario-verdi", "person:paolo-neri"}, nil},
		{"ArmedServicesOfAState", "navy.txt", "Colombo, 4 May 2021 – Officers of the Sri Lanka Navy, the Indian Army and the Maldives Coastguard trained together in Colombo on 3 May 2021.\n", "a state's navy, army and coast guard are its agencies", []string{"agency:lk:navy", "agency:in:army", "agency:mv:coast-guard"}, nil},
		{"LeagueOpenedByAService", "league.txt", "Roma, 3 marzo 2025 – La fiera di Washington è organizzata dalla Navy League, che riunisce le marine del continente.\n", "a service's word may open an English name inside a Romance text", []string{"org:navy-league"}, nil},
		{"UnitOfAForeignForce", "unit.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma il direttore del Servizio Analisi Criminale della Polizia di Stato albanese, Arben Kola, ha incontrato il capo della Polizia.\n", "a unit named with its parent is of the parent's state", []string{"agency:al:service-criminal-analisi-police-state-albanese"}, nil},
		{"SentenceCaseLinesNamePeople", "honours.txt", "Onorificenze di polizia\n\nI. Cavaliere dell'Ordine della Stella d'Italia\nConferite dal Presidente della Repubblica Sergio Mattarella\nTirana, 26 giugno 2025\n\nLe onorificenze sono state consegnate a due direttori della polizia albanese.\n", "an Italian line in sentence case is no headline, and an order's rank is no person", []string{"person:sergio-mattarella"}, []string{"person:cavaliere"}},
		{"AdjectivesInsideMinistryNames", "adjectives.txt", "Port-au-Prince, 30 mars 2023 – Le 29 mars 2023, à Port-au-Prince, le Canada a signé un protocole avec le ministère de la Planification et de la Coopération externe d'Haïti.\n", "a lower-case adjective of the glossary goes on with the name", []string{"agency:ht:ministry-planning-external-cooperation"}, nil},
		{"ElidedParticleInFamilyName", "elided.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma il ministro ha incontrato il prefetto Marco Dell'Utri e l'ing. Carlo Dall'Oppio.\n", "an elided preposition after a given name opens the family name", []string{"person:marco-dell-utri", "person:carlo-dall-oppio"}, []string{"person:marco", "person:carlo"}},
		{"ListedPeopleWithAssistantOrPossessiveTitles", "listed.txt", "Roma, 17 maggio 2024 – Incontro con la delegazione croata\n\nIl 16 maggio 2024 i vertici del Corpo Nazionale dei Vigili del Fuoco hanno ricevuto a Roma una delegazione croata.\n\nPer la parte croata:\n- Slavko Tucak, capo delegazione;\n- Gordan Filin, assistente per la logistica del Comandante generale;\n- Ivica Rojan, suo vice.\n", "an assistant's title or 'suo vice' after a name makes it a person's", []string{"person:gordan-filin", "person:ivica-rojan"}, nil},
		{"StateNameAsFamilyName", "monaco.txt", "Bishkek, 4 May 2019 – On 3 May 2019 in Bishkek, Mr. Steven Monaco, Officer in Charge of the regional office, opened the ceremony.\n", "a state's name after an honorific and a given name is a family name", []string{"person:steven-monaco"}, []string{"state:mc", "person:steven"}},
		{"EmbassyInItsHostState", "embassy.txt", "Bishkek, 4 May 2019 – On 3 May 2019 in Bishkek, the ceremony was hosted by the Japan Embassy in Kyrgyzstan and the Italian Embassy in Kyrgyzstan.\n", "an embassy is of the state before it, not of the state it is in", []string{"agency:jp:embassy-kyrgyzstan", "agency:it:embassy-kyrgyzstan"}, []string{"agency:kg:embassy"}},
		{"AcronymInBracketsIsNoPerson", "acronym.txt", "Port-Louis, 3 mars 2014 – Le programme couvre les États d'Afrique orientale et australe et de l'océan Indien (AfOA-OI), avec M. Jean McDonald.\n", "a word with two capitals after a small letter is an acronym, not a name", []string{"person:jean-mcdonald"}, []string{"person:afoa-oi"}},
		{"AboutHeadingIsNoPerson", "about.txt", "Lima, 30 November 2016 – The course was held in Lima on 28 November 2016 by UNODC.\n\nAbout SEACOP\n\nSEACOP is a project against trafficking by sea.\n", "a heading 'About X' names no person", nil, []string{"person:about-seacop"}},
		{"EmbassiesByTheirSeat", "seat.txt", "Lima, 4 May 2019 – The sessions in Lima on 3 May 2019 were led by an officer posted at the Embassy of The Netherlands in Panama and an officer serving at the Embassy of The Netherlands in Peru.\n", "a state's embassies in two countries are two bodies", []string{"agency:nl:embassy-panama", "agency:nl:embassy-peru"}, []string{"agency:nl:embassy"}},
		{"EmbassyWithoutItsSeat", "seatless.txt", "Beirut, 4 maggio 2019 – Il 3 maggio 2019 l'Ambasciata d'Italia a Beirut ha donato attrezzature alle forze di sicurezza. L'Ambasciata ha curato la consegna.\n", "an embassy named again without its seat is the one placed before", []string{"agency:it:embassy-beirut"}, []string{"agency:it:embassy"}},
		{"OperationNameEndsBeforeItsMeeting", "operation.txt", "Operation Simba partners meet\n\nNAIROBI, Kenya, 4-5 December 2018 - The Operation Simba Review Meeting gathered delegations from Kenya and Uganda in Nairobi.\n", "an operation's name ends before the meeting named after it", []string{"project:operation-simba"}, []string{"project:operation-simba-review-meeting"}},
		{"ForcesNamedByTheirState", "forces.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma la polizia romena, la dogana albanese e le forze di polizia libanesi hanno incontrato la polizia e la gendarmeria gibutiane.\n", "a lower-case force and its state's adjective agreeing with it name the state's force", []string{"agency:ro:romanian-police", "agency:al:customs-albanese"}, []string{"agency:lb:police-libanesi", "agency:dj:police-gibutiane"}},
		{"EnglishForceNamedByItsState", "force.txt", "Lima, 4 March 2021 – On 3 March 2021 in Lima the Kenyan police met Italian police officers.\n", "a state's adjective before a force names it, not before its officers", []string{"agency:ke:kenyan-police"}, []string{"agency:it:italian-police"}},
		{"ForceNamedByItsStateIsTheBodyNamedInFull", "albania.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma la Polizia di Stato albanese ha firmato un accordo. La polizia albanese ha ringraziato l'Italia.\n", "a force named by its state is the body of that state named in full with its head word", []string{"agency:al:state-police"}, []string{"agency:al:police-albanese"}},
		{"ForceWithItsStateAndACoordination", "gendarmerie.txt", "Port-au-Prince, 4 mars 2021 – Des gendarmes de la gendarmerie argentine et des instructeurs brésiliens formeront les policiers.\n", "a name that ends in its state's adjective does not take the adjective after a coordination", []string{"agency:ar:gendarmerie-argentine"}, []string{"agency:br:gendarmerie-argentine"}},
		{"BodyNamedInAnotherLanguage", "french.txt", "Parigi, 18 settembre 2023 – I funzionari italiani sono stati ospitati a Parigi, dove hanno visitato la Direction des Enquêtes Fiscales e ascoltato le esperienze francesi.\n", "a body named in another Romance language than the text's is not of the text's own state", []string{"agency:fr:directorate-investigations-fiscales"}, []string{"agency:it:directorate-investigations-fiscales"}},
		{"GeneralOpensABodysName", "general.txt", "Tripoli, 10 April 2013 – On 9 April 2013 a training was held in Tripoli. Officers attended, drawn from the General Department for Combating Illegal Migration, the Coast Guard, Passport Control and the Attorney-General's Office.\n", "a title's modifier right before a head opens the body's name, and a word of a body's name is no title for the name after it", []string{"agency:ly:general-department-combating-illegal-migration"}, []string{"person:passport-control"}},
		{"AcronymInAListIsNoPerson", "acronyms.txt", "Tunis, 10 February 2017 – A course was held in Tunis from 6 to 9 February 2017. The trainers came from UNODC, NAVFOR-ATL, UNHCR and IOM.\n", "a name in capitals with no title right before it is an acronym", nil, []string{"person:navfor-atl"}},
		{"NameUpToAHyphenatedAcronym", "cfc.txt", "Lomé, 4 mars 2021 – L'atelier a été organisé par le Centre de formation des cadres de l'UEMOA (CFC-UEMOA) à Lomé le 3 mars 2021.\n", "a name runs up to its acronym in brackets past the organisation it belongs to, hyphenated acronym and all", []string{"org:centre-de-formation-des-cadres-de-l-uemoa"}, []string{"agency:tg:centre-training"}},
		{"FieldOfficesOfOrganisations", "offices.txt", "Almaty, 4 March 2021 – On 3 March 2021 the OSCE Centre in Bishkek and the INTERPOL Regional Bureau in Nairobi organised a training in Almaty.\n", "an organisation's office named with its seat is a body of its own, and its seat is no place of the meeting", []string{"org:osce-centre-in-bishkek", "org:interpol-regional-bureau-in-nairobi", "meeting:2021-03-03:almaty:training"}, nil},
		{"QuotedNameInAppositionToAProgramme", "quoted.txt", "Roma, 12 aprile 2018 – A Lima è stato avviato \"Mare Sicuro\", il Programma di assistenza contro il crimine organizzato che unisce Europa e America Latina.\n", "a quoted name followed by a programme described in apposition is the programme's name", []string{"project:mare-sicuro"}, []string{"project:programma-di-assistenza-contro-il-crimine-organizzato"}},
		{"CodeNamesAfterAPluralProjectNoun", "plural.txt", "Quito, 4 April 2018 – Delegates of the EU projects MARLIN and OSPREY took part in the conference held in Quito on 3 April 2018.\n", "code names listed after a project noun in the plural are projects", []string{"project:marlin", "project:osprey"}, nil},
		{"CodeNamesBeforeAPluralProjectNoun", "plural_before.txt", "Quito, 4 April 2018 – The conference held in Quito on 3 April 2018 gathered coordinators of the MARLIN, OSPREY and HERON projects.\n", "code names listed before an English project noun in the plural are projects", []string{"project:marlin", "project:heron"}, nil},
		{"TreatyNamedAfterAPlaceWithArticle", "treaty.txt", "Roma, 4 marzo 2021 – Il ministro ha ricordato il Trattato del Laterano e delle attività di cooperazione bilaterale.\n", "a document named after a place through 'del' ends with the place", []string{"roadmap:trattato-laterano"}, []string{"roadmap:trattato-laterano-attivita-cooperazione-bilaterale"}},
		{"BodyNamedAgainBeforeItsAcronym", "cnad.txt", "Corso a Siracusa al Centro Nazionale di Addestramento Doganale\n\nSIRACUSA, 17 ottobre 2015 – Si è chiuso al Centro Nazionale di Addestramento Doganale (CNAD) il workshop iniziato il 14 ottobre 2015 nella regione del Mediterraneo.\n", "a body's name written again with its acronym is one body; a region in lower case is no body", []string{"agency:it:cnad"}, []string{"agency:it:national-centre-customs-addestramento", "org:regione-del-mediterraneo"}},
		{"PurposeListInADirectoratesName", "purpose.txt", "Roma, 4 marzo 2021 – Era presente Mario Rossi, direttore della Direzione Centrale per l'Immigrazione e la Polizia delle Frontiere.\n", "after 'per', a conjunction and a force go on with the body's name", []string{"agency:it:central-directorate-immigration-police-borders"}, []string{"agency:it:police-borders"}},
		{"SurnameAfterABareForceInAHeadline", "surname_it.txt", "Il capo della Polizia Bianchi firma un accordo\n\nRoma, 4 marzo 2021 – Il capo della Polizia di Stato, prefetto Carlo Bianchi, ha firmato un accordo a Roma.\n", "a word after a bare head that ends a full name elsewhere is the person's surname", []string{"person:carlo-bianchi"}, []string{"agency:it:police-bianchi"}},
		{"SurnameAfterABareForceInAHeadlineFr", "surname_fr.txt", "Le directeur de la Police Moreau signe un accord\n\nParis, 4 mars 2021 – Le directeur de la Police nationale, le préfet Paul Moreau, a signé un accord à Paris. Les deux parties ont souligné l'importance de la coopération dans la lutte contre le terrorisme.\n", "a word after a bare head that ends a full name elsewhere is the person's surname", []string{"person:paul-moreau"}, []string{"agency:fr:police-moreau"}},
		{"EponymousBodyKeepsItsName", "eponym.txt", "Palermo, 4 marzo 2021 – Il 3 marzo 2021 la Fondazione Rossi ha organizzato a Palermo un convegno sulla lotta alla mafia, aperto dalla presidente Maria Rossi. I relatori hanno sottolineato l'importanza della cooperazione tra le istituzioni e le scuole.\n", "a foundation named after a person keeps the name", []string{"org:fondazione-rossi"}, nil},
		{"BodyNameEndsBeforeAProjectItServes", "project.txt", "Roma, 4 marzo 2021 – Il segretario ha ringraziato per il contributo assicurato dalla Guardia di Finanza al Progetto e alle altre iniziative.\n", "a listed body's name does not go on with 'al' and a project's head", []string{"agency:it:guardia-di-finanza"}, []string{"agency:it:guard-finanza-al-progetto"}},
		{"OfficeOwnedByATitle", "possessive.txt", "Tirana, 4 March 2021 – On 3 March 2021 in Tirana, officers of the General Prosecutor's Office and of the Attorney General's Office of Albania followed a course on financial investigations.\n", "a title in the possessive before an office opens the office's name", []string{"agency:al:general-prosecutor-office", "agency:al:attorney-general-office"}, nil},
		{"EnglishNameGoesOnPastAndInARomanceText", "english_and.txt", "Roma, 4 marzo 2021 – Al seminario del 3 marzo 2021 a Roma hanno partecipato l'Istituto superiore di polizia e il Caspian Institute for Police Training and Human Rights, con i loro direttori.\n", "in a Romance text, an English name goes on past 'and': no person's name starts there", []string{"agency:it:caspian-institute-police-training-human-rights"}, []string{"agency:it:caspian-institute-police-training"}},
		{"CapitalisedGenericWordsInsideAName", "attivita.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma è intervenuto il capo dell'Ufficio per il Coordinamento delle Attività Internazionali, Mario Verdi.\n", "a generic word that ends names goes on with one when a capital follows it", []string{"agency:it:office-coordination-international-attivita"}, []string{"agency:it:office-coordination"}},
		{"NameEndsBeforeALocativeAndALowerCaseWord", "locative.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma le delegazioni hanno discusso della cooperazione tra la Guardia di Finanza e la Direzione Investigativa Antimafia nella lotta alla criminalità organizzata.\n", "after 'nella' only a capitalised word goes on with a name", []string{"agency:it:dia"}, []string{"agency:it:investigative-anti-mafia-directorate-fight-alla-crime"}},
		{"PoliticalAndLegalAffairsInNames", "affairs_fr.txt", "Niamey, 4 mars 2021 – Le 3 mars 2021 à Niamey, la Direction des affaires politiques du ministère des Affaires étrangères du Niger a organisé un atelier.\n", "a lower-case adjective of the glossary goes on with a French name", []string{"agency:ne:directorate-political-affairs"}, []string{"agency:ne:directorate-affairs"}},
		{"PoliticalAndLegalAffairsInNamesIt", "affairs_it.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma il Dipartimento per gli affari giuridici del Ministero della Giustizia ha organizzato un seminario.\n", "a lower-case adjective of the glossary goes on with an Italian name", []string{"agency:it:department-legal-affairs"}, []string{"agency:it:department-affairs"}},
		{"GenericNationalBodyOfTheStateSpokenOf", "national.txt", "Gibuti, 4 dicembre 2023 – A Gibuti il generale italiano ha consegnato i materiali al direttore generale della polizia nazionale, colonnello Ahmed Ali Farah, alla presenza del ministro gibutiano. La missione italiana addestra la polizia di Gibuti dal 2013.\n", "a generic national body in an Italian text about another state is that state's", []string{"agency:dj:national-police"}, []string{"agency:it:national-police"}},
		{"SaintsNameInABodysName", "santanna.txt", "Pisa, 12 luglio 2023 – Il 10 luglio 2023 a Niamey la Scuola Superiore Sant'Anna ha organizzato un corso per magistrati.\n", "an elided saint's name goes on with the body's name", []string{"agency:it:higher-school-sant-anna"}, []string{"person:sant-anna"}},
	} {
		f := extractText(t, c.file, c.text)
		for _, id := range c.ids {
			if !hasNode(f, id) {
				t.Errorf("%s: %s (%s missing): %s", c.name, c.why, id, nodeIDs(f))
			}
		}
		for _, id := range c.not {
			if hasNode(f, id) {
				t.Errorf("%s: %s (%s found): %s", c.name, c.why, id, nodeIDs(f))
			}
		}
	}
}

func TestTownsInsideAName(t *testing.T) {
	persons, _ := personsOf(t, "Gibuti, 4 dicembre 2023 – Il generale ha incontrato il 3 dicembre 2023 il comandante della gendarmeria, colonnello Hassan Aden Farah.\n")
	wantPersons(t, persons, "person:hassan-aden-farah") // towns' names ("Hassan", "Aden") before a name's word are names
}

func TestMinistryNamedWithItsStateAdjective(t *testing.T) {
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Paris, 3 mai 2019 – Le ministère ivoirien de la Défense a coorganisé la rencontre. Les deux parties ont souligné l'importance de la coopération dans la lutte contre le terrorisme.", "agency:ci:ministry-of-defence"},
		{"fr", "Paris, 3 mai 2019 – Selon un communiqué du ministère saoudien de l'Intérieur, les deux parties ont souligné l'importance de la coopération dans la lutte contre le terrorisme.", "agency:sa:ministry-of-interior"},
		{"it", "Roma, 3 maggio 2019 – Il ministero albanese della Giustizia ha firmato l'accordo. Le due parti hanno sottolineato l'importanza della cooperazione nella lotta contro il terrorismo.", "agency:al:ministry-of-justice"},
	} {
		f := extractText(t, tc.lang+".txt", tc.text)
		found := false
		for _, n := range f.Nodes {
			found = found || n.ID == tc.want
		}
		if !found {
			t.Errorf("%s: want %s in %q: %+v", tc.lang, tc.want, tc.text, f.Nodes)
		}
	}
}

func TestParentPastTheAcronym(t *testing.T) {
	f := extractText(t, "fr.txt", "Paris, 3 mai 2019 – Le projet a été mis en œuvre par la Direction de la coopération internationale (DCI) du ministère français de l'Intérieur, avec le soutien de la police belge. Les deux parties ont souligné l'importance de la coopération.")
	if !hasEdgePrefix(f, "PART_OF", "agency:fr:dci", "agency:fr:ministry-of-interior") {
		t.Errorf("the directorate is the French ministry's, past its acronym:\n%s", dumpEdges(f))
	}
}
