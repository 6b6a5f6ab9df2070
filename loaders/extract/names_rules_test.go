package extract

import (
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
)

// Names the rules must read as nodes, one invented sentence each: codes, acronyms,
// long forms and persons announced by ranks or titles.
func TestNamesRead(t *testing.T) {
	for _, c := range []struct {
		name, file, text, why string
		ids, not              []string
	}{
		{"FederationsAndCoalitions", "federations.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma la Federazione Europea delle Polizie Locali e la Società Italiana di Criminologia hanno firmato un accordo con la Coalizione Mediterranea contro la Tratta.\n", "a federation, a society and a coalition are bodies", []string{"org:federazione-europea-delle-polizie-locali", "org:societa-italiana-di-criminologia", "org:coalizione-mediterranea-contro-la-tratta"}, nil},
		{"InterAmericanBody", "interamerican.txt", "Panamá, 4 mars 2021 – Le 3 mars 2021 à Panamá, le Centre interaméricain de formation douanière a ouvert un atelier avec la Fédération des polices municipales.\n", "an inter-American centre is an organisation, not the state's agency", []string{"org:centre-interamericain-de-formation-douaniere"}, []string{"agency:pa:inter-american-centre-customs-training"}},
		{"StateAdjectiveAfterAHead", "adjective.txt", "Rabat, 4 mai 2019 – Le 3 mai 2019 à Rabat, l'Agence brésilienne de renseignement a signé un accord avec le Service albanais de coopération. Les deux parties ont souligné l'importance de la coopération.\n", "a state's adjective in lower case after a head and before its field is inside the name", []string{"agency:br:agency-bresilienne-intelligence", "agency:al:service-albanais-cooperation"}, nil},
		{"StateAdjectiveAfterAHeadIt", "aggettivo.txt", "Roma, 4 maggio 2019 – Il 3 maggio 2019 a Roma l'Agenzia spagnola per la cooperazione internazionale ha firmato un accordo con il Servizio albanese di informazione. Le due parti hanno sottolineato l'importanza della cooperazione.\n", "a state's adjective in lower case after a head and before its field is inside the name (Italian)", []string{"agency:es:agency-spagnola-international-cooperation", "agency:al:service-albanese-information"}, nil},
		{"BorderTroops", "troops.txt", "Tashkent, 4 May 2019 – On 3 May 2019 in Tashkent officers of the Border Troops of the State Security Service of Uzbekistan met Russian troops.\n", "the border troops of a service are a body", []string{"agency:uz:border-troops-state-security-service"}, nil},
		{"ProgrammeOfActionIsAPlan", "poa.txt", "Lima, 4 May 2019 – On 3 May 2019 in Lima the states of the region reviewed the UN Programme of Action on Small Arms and its reporting.\n", "a programme of action is a plan, not a project", []string{"roadmap:programme-action-small-arms"}, []string{"project:programme-of-action-on-small-arms"}},
		{"ProgrammeDActionIsAPlan", "pag.txt", "Cotonou, 4 mai 2019 – Le 3 mai 2019 à Cotonou, le gouvernement a présenté le Programme d'action du gouvernement 2021-2026 aux partenaires.\n", "a programme of action is a plan, not a project (French)", []string{"roadmap:programme-action-gouvernement"}, nil},
		{"AgreementNamedByItsTown", "tournai.txt", "Mons, 4 mai 2019 – Le 3 mai 2019 à Mons, les deux ministres ont signé le nouvel accord de Tournai et un accord de Coopération technique.\n", "an agreement named by its town is a document; one named by a common noun is not", []string{"roadmap:accord-tournai"}, []string{"roadmap:accord-cooperation"}},
		{"AgreementNamedByItsTownIt", "schengen.txt", "Roma, 4 maggio 2019 – Il 3 maggio 2019 a Roma i due ministri hanno ricordato l'accordo di Schengen. Le due parti hanno sottolineato l'importanza della cooperazione.\n", "an agreement named by its town is a document (Italian)", []string{"roadmap:accordo-schengen"}, nil},
		{"NumberedOperationIsNoPerson", "lionfish.txt", "Lyon, 4 May 2019 – The results of Operation Marlin III were presented in Lyon on 3 May 2019. Marlin III was supported by the European Union. Mohammed VI sent a message.\n", "a word and a roman numeral that end a project's name are no person; a king's name is one", []string{"project:operation-marlin-iii", "person:mohammed-vi"}, []string{"person:marlin-iii"}},
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
		{"EnglishForceNamedByItsState", "force.txt", "Lima, 4 March 2021 – On 3 March 2021 in Lima the Kenyan police met Italian police officers.\n", "a state's adjective before a force names it, not before its officers", []string{"agency:ke:police-service"}, []string{"agency:it:italian-police"}},
		{"ForceNamedByItsStateIsTheBodyNamedInFull", "albania.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma la Polizia di Stato albanese ha firmato un accordo. La polizia albanese ha ringraziato l'Italia.\n", "a force named by its state is the body of that state named in full with its head word", []string{"agency:al:state-police"}, []string{"agency:al:police-albanese"}},
		{"ForceWithItsStateAndACoordination", "gendarmerie.txt", "Port-au-Prince, 4 mars 2021 – Des gendarmes de la gendarmerie argentine et des instructeurs brésiliens formeront les policiers.\n", "a name that ends in its state's adjective does not take the adjective after a coordination", []string{"agency:ar:gendarmerie"}, []string{"agency:br:gendarmerie-argentine", "agency:br:gendarmerie"}},
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
		{"DocumentInCapitalsIsNoFamilyName", "mou.txt", "New MOU with our partners in Ghana\n\nAccra, 4 March 2021 – On 3 March 2021 in Accra, the Financial Intelligence Unit of Ghana signed a memorandum of understanding with the Financial Intelligence Unit of Togo.\n", "a document's acronym in capitals is no family name", []string{"agency:gh:financial-intelligence-unit"}, []string{"person:new-mou"}},
		{"DocumentInCapitalsIsNoFamilyNameIt", "mou_it.txt", "Nuovo MOU con i partner del Ghana\n\nAccra, 4 marzo 2021 – Il 3 marzo 2021 ad Accra l'Unità di informazione finanziaria del Ghana ha firmato un memorandum d'intesa con l'Unità di informazione finanziaria del Togo.\n", "a document's acronym in capitals is no family name", nil, []string{"person:nuovo-mou"}},
		{"LowerCaseTreatyNamedAfterATown", "treaty_fr.txt", "Paris, 4 mars 2021 – La coopération entre les deux gendarmeries repose sur le traité de Valmarina, signé en 2007 par la France et l'Espagne.\n", "a document named after a town the gazetteer does not list", []string{"roadmap:traite-valmarina"}, nil},
		{"LowerCaseTreatyNamedAfterATownIt", "treaty_it.txt", "Roma, 4 marzo 2021 – La cooperazione tra le due polizie si fonda sul trattato di Valmarina, firmato nel 2007 dall'Italia e dalla Spagna.\n", "a document named after a town the gazetteer does not list", []string{"roadmap:trattato-valmarina"}, nil},
		{"LowerCaseTreatyNamedAfterATownEn", "treaty_en.txt", "London, 4 March 2021 – Cooperation between the two police forces rests on the treaty of Valmarina, signed in 2007 by France and Spain.\n", "a document named after a town the gazetteer does not list", []string{"roadmap:treaty-valmarina"}, nil},
		{"EnglishInternationalNameInAFrenchText", "intl_fr.txt", "Lomé, 4 mars 2021 – La formation pratique aura lieu le 3 mars 2021 au Volta International Peacekeeping Training Centre, au Ghana, avec des officiers togolais.\n", "'International' before the head of an English name makes it an organisation in any text", []string{"org:volta-international-peacekeeping-training-centre"}, nil},
		{"EnglishInternationalNameInAnItalianText", "intl_it.txt", "Siracusa, 4 marzo 2021 – Il 3 marzo 2021 il Volta International Institute for Criminal Justice ha organizzato a Siracusa un seminario per magistrati.\n", "'International' before the head of an English name makes it an organisation in any text", []string{"org:volta-international-institute-for-criminal-justice"}, nil},
		{"CollegesAndGenericServicesOpeningNames", "college.txt", "Tripoli, 4 March 2021 – On 3 March 2021 officers of the Police Staff College trained at the National Police Technical Training College in Tripoli with instructors of the Customs Training Centre.\n", "a college is a body, and a generic service's word opens an English body's name", []string{"agency:ly:police-staff-college", "agency:ly:national-police-technical-training-college", "agency:ly:customs-training-centre"}, []string{"agency:ly:technical-training-college"}},
		{"CollegesAndGenericServicesOpeningNamesFr", "college_fr.txt", "Dakar, 4 mars 2021 – Le 3 mars 2021, des officiers du Collège de police de Dakar ont suivi une formation à Dakar.\n", "a college is a body", []string{"agency:sn:college-police-dakar"}, nil},
		{"NationalCommissionsAndAcademies", "commission.txt", "Lima, 4 March 2021 – On 3 March 2021 in Lima, officers of the National Commission for Life without Drugs and trainers of the Turkish International Academy for Police Studies met.\n", "a commission is a state's body, and a name that opens with a state's adjective is that state's even when international", []string{"agency:pe:national-commission-life-without-drugs", "agency:tr:international-academy-police"}, []string{"org:international-academy-for-police-studies"}},
		{"NationalCommissionsFr", "commission_fr.txt", "Dakar, 4 mars 2021 – Le 3 mars 2021 à Dakar, la Commission nationale de lutte contre la drogue a organisé un atelier pour les agents de la police et de la gendarmerie.\n", "a commission is a state's body", []string{"agency:sn:national-commission-fight-against-drugs"}, nil},
		{"NationalCommissionsIt", "commission_it.txt", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma la Commissione Nazionale per il Diritto di Asilo ha organizzato un seminario per i funzionari della polizia e delle prefetture.\n", "a commission is a state's body", []string{"agency:it:national-commission-diritto-asilo"}, nil},
		{"PluralBodiesAreNoName", "plural_bodies.txt", "Bishkek, 4 March 2021 – On 3 March 2021 in Bishkek, representatives of the Kyrgyz Law Enforcement Agencies and heads of Criminal Investigation Departments opened the workshop.\n", "the plural of a body's head is no family name", nil, []string{"person:law-enforcement-agencies", "person:investigation-departments"}},
		{"DocumentHeadIsNoName", "memorandum_name.txt", "Montevideo, 4 marzo 2021 – Il 3 marzo 2021 a Montevideo i Paesi aderenti hanno firmato il Memorandum d'Intesa della RAS, la rete delle accademie.\n", "a document's head opens no person's name", nil, []string{"person:memorandum-d-intesa-della-ras"}},
		{"ForceNamedByItsStateIsTheOneListed", "force_fr.txt", "Paris, 4 mars 2021 – Le 3 mars 2021 à Paris, la Police albanaise a signé un accord avec la Gendarmerie nationale sur la lutte contre les stupéfiants.\n", "a force named by its state is the one body of that state the gazetteer lists with the force's word", []string{"agency:al:state-police"}, []string{"agency:al:police-albanaise"}},
		{"EnglishNameEndsWithAHeadAfterAnd", "interior_admin.txt", "Warsaw, 4 March 2021 – On 3 March 2021 in Warsaw, officers of the Polish Ministry of the Interior and Administration and of the Supreme Court and State Customs Service met.\n", "a last head after 'and' and a word that is none goes on with an English name", []string{"agency:pl:ministry-interior-administration", "agency:pl:supreme-court", "agency:pl:state-customs-service"}, []string{"agency:pl:ministry-of-interior"}},
		{"RegionalOfficeNamedByItsRegion", "regional_office.txt", "Tashkent, 4 March 2021 – The course was organised by the UNODC Regional Office for Central Asia in Samarkand on 3 March 2021.\n", "an organisation's office named for its region is a body of its own, and the town after it is where the meeting is", []string{"org:unodc-regional-office-for-central-asia", "meeting:2021-03-03:samarkand:training"}, []string{"org:unodc-regional-office-for-central-asia-in-samarkand"}},
		{"EnglishForceNamedByItsStateIsTheOneListed", "force_en.txt", "Paris, 4 March 2021 – On 3 March 2021 in Paris the Albanian police signed an agreement with the French Gendarmerie on drug trafficking.\n", "an English force named by its state's adjective is the one body of that state the gazetteer lists with the force's word", []string{"agency:al:state-police"}, []string{"agency:al:albanian-police"}},
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

func TestProjectNameClosedByItsAcronym(t *testing.T) {
	cases := []languageCase{
		{"en", "Ottawa, 3 May 2023 - The text supports the programme of Strengthening of the National Police Academy (RANP), which Canada funds with 9.9 million dollars. The RANP project is implemented by Cowater."},
		{"fr", "Ottawa, 3 mai 2023 – Le texte accompagne le projet de Renforcement de l'Académie nationale de police (RANP), que le Canada finance à hauteur de 9,9 millions de dollars. Le projet RANP est mis en œuvre par Cowater."},
		{"it", "Ottawa, 3 maggio 2023 – Il testo accompagna il progetto di Rafforzamento dell'Accademia nazionale di polizia (RANP), che il Canada finanzia con 9,9 milioni di dollari. Il progetto RANP è attuato da Cowater."},
	}
	want := map[string]string{"en": "Strengthening of the National Police Academy", "fr": "Renforcement de l'Académie nationale de police", "it": "Rafforzamento dell'Accademia nazionale di polizia"}
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		var projects []string
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindProject {
				projects = append(projects, n.Name)
			}
		}
		if len(projects) != 1 || projects[0] != want[lang] {
			t.Errorf("%s: one project, named up to its acronym in brackets, the academy inside its name: %v", lang, projects)
		}
	})
}

func TestHeadingIsNoPartOfTheNameBelow(t *testing.T) {
	for _, doc := range []string{
		"Nairobi, 3 May 2024 – About the organisation. Both sides stressed the importance of cooperation.\n\nSecretariat\nThe SADC Secretariat is hosted in Gaborone.\n",
		"Nairobi, 3 mai 2024 – Présentation de l'organisation. Les deux parties ont souligné l'importance de la coopération.\n\nSecrétariat\nLa CEDEAO héberge le secrétariat à Abuja.\n",
		"Nairobi, 3 maggio 2024 – Presentazione dell'organizzazione. Le due parti hanno sottolineato l'importanza della cooperazione.\n\nSegretariato\nL'ECOWAS ospita il segretariato ad Abuja.\n",
	} {
		f := extractText(t, "heading.txt", doc)
		for _, n := range f.Nodes {
			if strings.Contains(n.Name, "\n") {
				t.Errorf("a heading runs into the name on the line below: %q", n.Name)
			}
		}
	}
}

func TestDelegationSubheadingGivesItsState(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{"Minutes of the working meeting held in Bucharest on 3 June 2024\n\nAttendance\n\nMoldovan delegation\nIon Rusu, Head of the Customs Service\n", "agency:md:customs"},
		{"Compte rendu de la réunion de travail tenue à Dakar le 3 juin 2024\n\nPrésents\n\nDélégation mauritanienne\n- Mohamed Ould Ahmed, commandant de la Gendarmerie nationale\n", "agency:mr:gendarmerie"},
		{"Verbale della riunione tecnica svolta a Roma il 3 giugno 2024\n\nSono presenti:\n\nper la parte albanese\n- Arben Hoxha, direttore della Polizia di Stato\n", "agency:al:state-police"},
	} {
		f := extractText(t, "delegation.txt", c.doc)
		found := false
		for _, n := range f.Nodes {
			found = found || n.ID == c.want
		}
		if !found {
			t.Errorf("an agency listed under a delegation's subheading is of its state: want %s\n%s", c.want, dumpEdges(f))
		}
	}
}

func TestEnglishPortfolioIsCapitalised(t *testing.T) {
	f := extractText(t, "question.txt", "Dublin, 3 May 2025 – Deputy Mary Byrne asked the Minister for Justice the agreements that An Garda Síochána has signed with police services of other states. The ministers stressed the importance of cooperation.\n")
	for _, n := range f.Nodes {
		if strings.Contains(n.Name, "agreements") {
			t.Errorf("a minister's portfolio ends at its last capitalised word: %q", n.Name)
		}
	}
}
