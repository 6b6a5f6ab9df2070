package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
)

// Relations the rules must read, or must not, one invented document each.
func TestEdgesRead(t *testing.T) {
	for _, c := range []struct {
		name, text, why, kind, from, to string
		want                            bool
	}{
		{"MeetingNamedAfterAnAcronymedBody", "Suva, 20 May 2022 – Police officers from twelve islands met in Suva from 16 to 19 May 2022 for the Oceania Border Policing Network (OBPN) Annual Planning Forum. The OBPN links the border police of the region.\n",
			"a meeting whose name begins with a body the document names elsewhere is held under it", "HELD_UNDER", "meeting:2022-05-16", "org:obpn", true},
		{"MeetingNamedAfterAnOperation", "Nairobi, 20 May 2022 – Police officers from five states met in Nairobi from 16 to 19 May 2022 for the Operation Sentinel Review Meeting. Operation Sentinel targets arms trafficking.\n",
			"a meeting whose name begins with an operation's is held under it", "HELD_UNDER", "meeting:2022-05-16", "project:operation-sentinel", true},
		{"ProjectHeldItsOwnMeeting", "Bruxelles, 20 mai 2022 – Le projet Sentinelle Méditerranée a tenu le 19 mai 2022, au Palais des Académies de Bruxelles, sa conférence de clôture.\n",
			"a project that holds its own meeting is the framework of the meeting", "HELD_UNDER", "meeting:2022-05-19", "project:sentinelle-mediterranee", true},
		{"MeetingOnAProject", "Agenda – Riunione tecnica a Bari sul progetto MARE SICURO\n\nBari, 5 marzo 2019 – La riunione tecnica si tiene a Bari il 5 marzo 2019 con i partner del progetto.\n",
			"a meeting about a named project is held under it", "HELD_UNDER", "meeting:2019-03-05", "project:mare-sicuro", true},
		{"MeetingNounThenAcronym", "Vienna, 12 maggio 2018 – Il 10 e 11 maggio si è svolta a Vienna la Conferenza OSCE sulla sicurezza delle frontiere, alla presenza di delegati di quaranta Paesi.\n",
			"in French and Italian a body's acronym after the meeting noun names whose meeting it is", "HELD_UNDER", "meeting:2018-05-10", "org:osce", true},
		{"WhoAttendedHeading", "Bangkok, 3 June 2019 – A regional workshop was held in Bangkok from 20 to 29 May 2019.\n\nWho attended\nFifteen officers from three countries: twelve from customs and three from the police, coming from Cambodia, Malaysia and Thailand.\n",
			"the states a line under an attendance heading names took part, even in prose after its colon", "PARTICIPATED_IN", "state:my", "meeting:2019-05-20", true},
		{"TheyCameFrom", "Quito, 3 March 2021 – A regional conference was held in Quito on 3 March 2021. Sixty officers attended. They came from Bolivia, Chile and Peru.\n",
			"the states the attendees came from took part", "PARTICIPATED_IN", "state:cl", "meeting:2021-03-03", true},
		{"ProvenivanoDa", "Roma, 4 marzo 2021 – Il 3 marzo 2021 si è svolto a Roma un seminario regionale. Vi hanno preso parte quaranta funzionari. Provenivano da Albania, Grecia e Malta.\n",
			"the states the attendees came from took part (Italian)", "PARTICIPATED_IN", "state:gr", "meeting:2021-03-03", true},
		{"CountedStatesListedAfterAColon", "Bridgetown, 3 June 2019 – From 20 to 24 May 2019 the project organised a training for the coast guards of four Caribbean countries: Grenada, Guyana, Jamaica and Dominica.\n",
			"a count of states opening a list after a colon names the meeting's states", "PARTICIPATED_IN", "state:gy", "meeting:2019-05-20", true},
		{"AmpersandInAStatesName", "Bridgetown, 3 June 2019 – A training course was held in Bridgetown from 20 to 24 May 2019. Participants from Trinidad & Tobago and Barbados took part.\n",
			"an ampersand stands for 'and' inside a state's name", "PARTICIPATED_IN", "state:tt", "meeting:2019-05-20", true},
		{"CountedStatesAfterADash", "Lima, 6 décembre 2011 – La formation a eu lieu à Lima du 5 au 16 décembre 2011. Elle rassemble 17 professionnels venus de différents services de quatre pays – la Barbade, la Colombie, le Costa Rica et Sainte-Lucie.\n",
			"a count of states that a dash opens names the meeting's states, after 'rassemble'", "PARTICIPATED_IN", "state:co", "meeting:2011-12-05", true},
		{"DirectorateOfAnOrganisation", "Lima, 6 décembre 2011 – Organisée par la Direction du Renforcement des capacités et de la formation d'INTERPOL, la formation a eu lieu à Lima du 5 au 16 décembre 2011.\n",
			"a directorate named with its organisation after it is the organisation's, and its lower-case words of the glossary go on with its name", "PARTICIPATED_IN", "org:interpol-directorate-strengthening-capacities-training", "meeting:2011-12-05", true},
		{"DefiniteMeetingAfterItsScene", "Roma, 14 dicembre 2024 – Il ministro ha ricevuto il 13 dicembre 2024 a Milano il suo omologo. Durante l'incontro il direttore della polizia federale brasiliana, Andrei Rodrigues, ha firmato un memorandum.\n",
			"a definite meeting noun right after a sentence that says when and where is the meeting of that day and place", "PARTICIPATED_IN", "person:andrei-rodrigues", "meeting:2024-12-13:milan", true},
		{"ActivitiesOfTheTitledProject", "Progetto MARE SICURO – Notizie\n\nRoma, 12 marzo 2025 – Dal 3 al 7 marzo 2025 si è svolto a Tunisi un corso per funzionari della guardia costiera tunisina.\n",
			"a training reported under a title that names one project is held under it", "HELD_UNDER", "meeting:2025-03-03", "project:mare-sicuro", true},
		{"FoundingTreatyEn", "Bangkok, 10 March 2022 – Regional policing\n\nThe ministers of Thailand, Cambodia and Laos signed the founding treaty of ASEANAPOL in Bangkok on 9 March 2022. The three states will host its first meetings.\n",
			"the parties to a treaty that founds a body are its members", "MEMBER_OF", "state:kh", "org:aseanapol", true},
		{"FoundingTreatyFr", "Bangkok, 10 mars 2022 – Police régionale\n\nLes ministres de la Thaïlande, du Cambodge et du Laos ont signé le 9 mars 2022 à Bangkok le traité constitutif de la Communauté des Chefs de Police d'Asie (ASEANAPOL). Les trois pays accueilleront ses premières réunions.\n",
			"the parties to a treaty that founds a body named in full before its acronym are its members", "MEMBER_OF", "state:la", "org:aseanapol", true},
		{"FoundingTreatyIt", "Bangkok, 10 marzo 2022 – Polizia regionale\n\nI ministri di Thailandia, Cambogia e Laos hanno firmato il 9 marzo 2022 a Bangkok il trattato istitutivo della Comunità dei Capi di Polizia dell'Asia (ASEANAPOL). I tre Paesi ospiteranno le sue prime riunioni.\n",
			"the parties to a treaty that founds a body are its members (Italian)", "MEMBER_OF", "state:th", "org:aseanapol", true},
		{"FoundingTreatyImplementsNothing", "Bangkok, 10 March 2022 – Regional policing\n\nThe ministers of Thailand, Cambodia and Laos signed the founding treaty of ASEANAPOL in Bangkok on 9 March 2022. The three states will host its first meetings.\n",
			"a body does not implement the treaty that founds it", "IMPLEMENTS", "org:aseanapol", "roadmap:", false},
		{"ChairIsMemberEn", "Nairobi, 4 May 2021 – Regional policing\n\nUganda will chair the Eastern Africa Police Chiefs Cooperation Organization (EAPCCO) for the next two years. The handover took place in Nairobi.\n",
			"a state that chairs a body is its member", "MEMBER_OF", "state:ug", "org:eapcco", true},
		{"ChairIsMemberFr", "Alger, 4 mai 2021 – Coopération policière\n\nLe Niger présidera pour deux ans le Mécanisme de coopération policière de l'Union africaine (AFRIPOL). La passation a eu lieu à Alger.\n",
			"a state that chairs a body named before its acronym is its member, not of the body inside the name", "MEMBER_OF", "state:ne", "org:afripol", true},
		{"CoChairsAreMembersIt", "Roma, 4 maggio 2021 – Cooperazione internazionale\n\nDal 2018 la Francia copresiede con la Spagna e il Marocco il Gruppo di lavoro sul contrasto al traffico di migranti. La riunione annuale si è svolta a Roma.\n",
			"the partners a co-chair names after 'con' are members of the body too", "MEMBER_OF", "state:ma", "org:gruppo-di-lavoro", true},
		{"NetworkBringsTogetherAgencies", "Accra, 4 May 2019 – Regional policing\n\nThe West African Police Information Network (WAPIN) was launched in Accra on 3 May 2019. The network brings together officials from the Ghana Police Service, the Nigeria Police Force and the Liberia National Police.\n",
			"the agencies a network named before brings together are its members", "MEMBER_OF", "agency:lr:national-police", "org:wapin", true},
		{"OrganisationConvenesAgencies", "Accra, 4 May 2019 – Regional policing\n\nINTERPOL brings together officials from the Ghana Police Service, the Nigeria Police Force and the Liberia National Police.\n",
			"the agencies an organisation that is no network brings together are not its members", "MEMBER_OF", "agency:lr:national-police", "org:interpol", false},
		{"QualifiedHeadsStandForBodiesEn", "London, 17 January 2020 – The closing conference was held in Brussels on 16 January 2020. Participants included the executive directors of AFRIPOL and CEPOL.\n",
			"bodies named by their qualified heads among the participants take part", "PARTICIPATED_IN", "org:cepol", "meeting:2020-01-16", true},
		{"QualifiedHeadsStandForBodiesFr", "Paris, 17 janvier 2020 – La conférence de clôture s'est tenue à Bruxelles le 16 janvier 2020. Parmi les participants figuraient les directeurs exécutifs d'AFRIPOL et du CEPOL.\n",
			"bodies named by their qualified heads among the participants take part (French)", "PARTICIPATED_IN", "org:cepol", "meeting:2020-01-16", true},
		{"QualifiedHeadsStandForBodiesIt", "Roma, 17 gennaio 2020 – La conferenza finale si è tenuta a Bruxelles il 16 gennaio 2020. Tra i partecipanti figuravano i direttori esecutivi di AFRIPOL e del CEPOL.\n",
			"bodies named by their qualified heads among the participants take part (Italian)", "PARTICIPATED_IN", "org:cepol", "meeting:2020-01-16", true},
		{"SidelinesMeetingEn", "London, 3 May 2019 – Minister John Smith attended the international conference on judicial cooperation in Palermo today. On the sidelines of the conference, Smith held a bilateral meeting with the Algerian Minister of Justice, Abderrachid Tabi.\n",
			"a meeting on the sidelines of the one reported is a meeting of its own", "PARTICIPATED_IN", "person:abderrachid-tabi", "meeting:palermo:meeting:sidelines", true},
		{"SidelinesMeetingFr", "Paris, 3 mai 2019 – Le ministre Jean Dupont a participé aujourd'hui à Palerme à la conférence internationale sur la coopération judiciaire. En marge de la conférence, M. Dupont a eu un entretien bilatéral avec le ministre algérien de la Justice, Abderrachid Tabi.\n",
			"a meeting on the sidelines of the one reported is a meeting of its own (French)", "PARTICIPATED_IN", "person:abderrachid-tabi", "meeting:palermo:meeting:sidelines", true},
		{"SidelinesMeetingIt", "Roma, 3 maggio 2019 – Il ministro Carlo Nordio ha partecipato oggi a Palermo alla conferenza internazionale sulla cooperazione giudiziaria. Sempre a margine dei lavori, Nordio ha avuto un incontro bilaterale con il ministro della Giustizia algerino, Abderrachid Tabi.\n",
			"a meeting on the sidelines of the one reported is a meeting of its own (Italian)", "PARTICIPATED_IN", "person:abderrachid-tabi", "meeting:palermo:meeting:sidelines", true},
		{"SecondSidelinesMeeting", "London, 3 May 2019 – Minister John Smith attended the international conference in Palermo today. On the sidelines of the conference, Smith held a bilateral meeting with the Minister of Ghana, Kofi Mensah. On the sidelines of the conference, he held a bilateral meeting with the Minister of Togo, Ayi Koffi.\n",
			"a second meeting on the sidelines is a meeting of its own", "PARTICIPATED_IN", "person:ayi-koffi", "meeting:palermo:meeting:sidelines-2", true},
		{"SidelinesOfTheMeetingReported", "Paris, 3 mai 2019 – Le protocole a été signé à Rabat le 2 mai 2019, en marge de la première réunion du Comité exécutif de l'Association des services correctionnels d'Afrique.\n",
			"the meeting a sidelines phrase names is the meeting reported, no meeting of its own", "PARTICIPATED_IN", "", "meeting:rabat:meeting:sidelines", false},
		{"DelegationHeadingEn", "Nairobi, 4 May 2021 – Visit of a delegation\n\nOn 3 May 2021 the Kenya Police Service received a delegation in Nairobi.\n\nWho attended\nFor the Kenya Police Service and the Ministry:\n- Mr John Mwangi, Director of Training;\n- Ms Grace Otieno, Head of the Logistics Section.\n",
			"a person listed under a delegation's heading, whose title names no body, works for the body the heading names", "AFFILIATED_WITH", "person:john-mwangi", "agency:ke:police-service", true},
		{"DelegationHeadingFr", "Dakar, 4 mai 2021 – Visite d'une délégation\n\nLe 3 mai 2021, la Police nationale du Sénégal a reçu une délégation à Dakar.\n\nParticipants\nPour la Police nationale du Sénégal :\n- M. Amadou Ndiaye, directeur de la formation ;\n- Mme Awa Diallo, cheffe de la section logistique.\n",
			"a person listed under a delegation's heading works for the body the heading names (French)", "AFFILIATED_WITH", "person:awa-diallo", "agency:sn:", true},
		{"DelegationHeadingIt", "Roma, 4 maggio 2021 – Visita di una delegazione\n\nIl 3 maggio 2021 la Polizia di Stato ha ricevuto a Roma una delegazione.\n\nPartecipanti\nPer la Polizia di Stato:\n- il dott. Mario Rossi, Direttore centrale per la formazione;\n- la dott.ssa Anna Bianchi, Dirigente della sezione logistica.\n",
			"a person listed under a delegation's heading works for the body the heading names (Italian)", "AFFILIATED_WITH", "person:mario-rossi", "agency:it:state-police", true},
		{"AccessionEn", "Vienna, 4 May 2019 – Regional security\n\nThe ministers meeting in Vienna on 3 May 2019 welcomed Mongolia's accession to the OSCE and the cooperation it opens.\n",
			"a state's accession to a body makes it a member", "MEMBER_OF", "state:mn", "org:osce", true},
		{"AccessionFr", "Vienne, 4 mai 2019 – Sécurité régionale\n\nLes ministres réunis à Vienne le 3 mai 2019 ont salué l'adhésion de la Mongolie et du Japon à l'OSCE.\n",
			"the states whose accession to a body is named are members (French)", "MEMBER_OF", "state:jp", "org:osce", true},
		{"AccessionIt", "Vienna, 4 maggio 2019 – Sicurezza regionale\n\nI ministri riuniti a Vienna il 3 maggio 2019 hanno salutato l'adesione della Mongolia all'OSCE.\n",
			"a state's accession to a body makes it a member (Italian)", "MEMBER_OF", "state:mn", "org:osce", true},
		{"ParticipatingStateEn", "Vienna, 4 May 2019 – Regional security\n\nMongolia, a participating State of the OSCE, sent experts to Vienna on 3 May 2019.\n",
			"an OSCE participating State is a member", "MEMBER_OF", "state:mn", "org:osce", true},
		{"ParticipatingStatesFr", "Vienne, 4 mai 2019 – Sécurité régionale\n\nLes États participants de l'OSCE, à savoir le Kazakhstan et le Kirghizistan, ont envoyé des experts à Vienne le 3 mai 2019.\n",
			"the participating States of the OSCE are members (French)", "MEMBER_OF", "state:kz", "org:osce", true},
		{"FinancesItEn", "Mombasa, 4 May 2019 – Port security\n\nThe SEAPORT programme trains port officers in Kenya. The European Union finances it with a grant of 28 million euros.\n",
			"'finances it' after a programme: its funder", "FUNDED", "org:eu", "project:seaport", true},
		{"FinancesIsANoun", "Niamey, 4 mai 2019 – Gouvernance\n\nLe projet SEAPORT a été lancé à Niamey le 3 mai 2019. La Banque mondiale a examiné les finances publiques du Niger.\n",
			"'finances' after an article is a noun, not a verb of funding", "FUNDED", "unbody:worldbank", "project:seaport", false},
		{"ProseFundingAfterATreaty", "Posts from the Small Arms Control Programme feed\n\nBridgetown, 4 May 2019 – The states of the region discussed the Arms Trade Treaty. This work was possible thanks to funding from the government of Canada.\n",
			"a sentence of prose funding what a treaty frames does not say which project it funds", "FUNDED", "state:ca", "project:", false},
		{"ParticipleOfACommonNoun", "Suva, 4 May 2025 – Evidence across borders\n\nThe experts discussed the Boe Declaration Action Plan. Ms Tamihana described a joint operation implemented in 2024 by the Fiji Police Force and the Tonga Police.\n",
			"a participle after a common noun speaks of that noun, not of the plan named before", "IMPLEMENTS", "agency:fj:police-force", "roadmap:", false},
		{"PluralTrainingsFr", "Rabat, 24 mai 2022 – Formation\n\nUne série de formations spécialisées a été lancée à Rabat du 23 mai au 10 juin 2022. Les formations ont accueilli des participants du Bénin, du Mali et du Tchad.\n",
			"trainings in the plural with a place and dates are the meeting reported", "PARTICIPATED_IN", "state:ml", "meeting:2022-05-23", true},
		{"PluralCoursesIt", "Roma, 8 maggio 2019 – Formazione\n\nUna serie di corsi di polizia si è svolta a Roma dal 3 al 7 maggio 2019 per funzionari di Albania e Serbia.\n",
			"courses in the plural with a place and dates are the meeting reported (Italian)", "PARTICIPATED_IN", "state:rs", "meeting:2019-05-03", true},
		{"UNProgrammeHasNoUNParty", "Lima, 4 May 2019 – Small arms\n\nOn 3 May 2019 in Lima the states of the region reviewed the UN Programme of Action on Small Arms and its reporting.\n",
			"a UN body that names a programme of action is not party to it", "PARTY_TO", "unbody:un", "roadmap:programme-action-small-arms", false},
		{"UNBodyStrategyHasItsParty", "Vienna, 4 May 2019 – Strategy\n\nOn 3 May 2019 in Vienna the member states discussed the UNODC Strategy 2021-2025 and its funding.\n",
			"a UN body that names a strategy as its own is party to it", "PARTY_TO", "unbody:unodc", "roadmap:", true},
		{"FoundingTreatyAfterItsBody", "Bangkok, 10 March 2022 – Regional policing\n\nThailand, Cambodia and Laos signed the ASEANAPOL founding treaty in Bangkok on 9 March 2022. The three states will host its first meetings.\n",
			"a founding treaty written after its body founds it too (and reads without a reversed span)", "MEMBER_OF", "state:th", "org:aseanapol", true},
		{"DontOpensItsOwnFunder", "Douala, 4 mai 2019 – Formation\n\nL'Administration des douanes du Cameroun accueille la session du 3 mai 2019 à Douala, dont la Suède assure le financement.\n",
			"the host before 'dont' does not fund what the clause after it says the funder pays", "FUNDED", "agency:cm:customs", "meeting:", false},
		{"PossessiveMembers", "Lome, 4 May 2019 – Regional policing\n\nECOWAS's members, Ghana, Togo and Benin, met in Lome on 3 May 2019 to review their police cooperation.\n",
			"the states listed after a body's members in the possessive are its members", "MEMBER_OF", "state:tg", "org:ecowas", true},
		{"WhichFormTheBody", "Lomé, 4 mai 2019 – Police régionale\n\nLe Ghana, le Togo et le Bénin, qui forment la CEDEAO, se sont réunis à Lomé le 3 mai 2019.\n",
			"the states before a relative clause of membership are members", "MEMBER_OF", "state:bj", "org:ecowas", true},
		{"AdoptersTakePartInTheCeremony", "Quito, 10 novembre 2023 – Les ministres de sept pays ont signé jeudi 9 novembre 2023 à Quito le Traité de Quito. Le Pérou, la Bolivie et l'Équateur ont approuvé le document lors d'une cérémonie organisée dans la capitale.\n",
			"the states that adopt a document at the ceremony the sentence names take part in it", "PARTICIPATED_IN", "state:bo", "meeting:2023-11-09", true},
		{"PlenaryIsAMeeting", "Bridgetown, 24 November 2018 – The two units signed the agreement on the margins of the XLVIII Plenary of the Caribbean Financial Action Task Force (CFATF), held in Bridgetown from 19 to 23 November 2018.\n",
			"a plenary is a meeting", "HELD_UNDER", "meeting:2018-11-19", "org:cfatf", true},
		{"CodeAdoptedBy", "Mombasa, 5 March 2020 – Regional maritime security\n\nThe ministers recalled that the Nairobi Code of Conduct, whose aim is to curb smuggling at sea, was adopted in May 2012 by Kenya, Tanzania and Mozambique.\n",
			"a code of conduct adopted by a list of states binds each of them", "PARTY_TO", "state:tz", "roadmap:nairobi-code-conduct", true},
		{"SignedIt", "Mombasa, 5 March 2020 – Regional maritime security\n\nThe ministers recalled that the Nairobi Code of Conduct was adopted in May 2012 by Kenya and Tanzania. Somalia and Oman signed it shortly afterwards.\n",
			"those who sign 'it' after a roadmap was named are its parties", "PARTY_TO", "state:om", "roadmap:nairobi-code-conduct", true},
		{"ParticipantsOnTheLinesBelow", "Lomé, 27 juin 2017 – Un séminaire régional s'est ouvert le 26 juin 2017 à Lomé.\n\nTrente douaniers venus de trois pays prennent part au séminaire :\n- Bénin ;\n- Niger ;\n- Togo.\n",
			"a sentence that says who took part and ends on a colon lists them on the lines below", "PARTICIPATED_IN", "state:ne", "meeting:2017-06-26", true},
		{"HannoParlato", "Roma, 9 maggio 2024 – Il 6 e 7 maggio 2024 si è svolto a Roma il seminario \"Sport pulito\", dedicato alla corruzione nello sport. Dopo l'apertura del prefetto Mario Bianchi, hanno parlato il direttore dell'Ufficio, prefetto Luca Neri, e Anna Verdi, direttrice del settore Corruzione dell'UNODC.\n",
			"those who spoke after the opening took part", "PARTICIPATED_IN", "person:anna-verdi", "meeting:2024-05-06", true},
		{"LHannoOrganizzato", "Roma, 9 maggio 2024 – Il 6 e 7 maggio 2024 si è svolto a Roma il seminario \"Sport pulito\". L'hanno co-organizzato l'UNODC e la Polizia di Stato.\n",
			"in Italian the organisers may follow the verb, the meeting a clitic before it", "PARTICIPATED_IN", "agency:it:state-police", "meeting:2024-05-06", true},
		{"DispatchOfADigest", "NOTIZIARIO DI POLIZIA\n\nROMA, 15 gen 2024 - Si è chiusa oggi a Roma la riunione dei capi delle polizie del Mediterraneo, ospitata dalla Polizia di Stato.\n\nNAPOLI, 9 mag 2024 - Il 6 e 7 maggio si è svolto a Napoli il corso di formazione per funzionari tunisini, organizzato dalla Guardia di Finanza.\n",
			"the dateline of a later dispatch in a digest is when it was written, not when its event was held", "PARTICIPATED_IN", "agency:it:guardia-di-finanza", "meeting:2024-05-06", true},
		{"ProgrammeOfABody", "Colombo, 3 March 2020 – Two courses were delivered in February 2020 by the Global Port Security Programme (GPSP) of the United Nations Office on Drugs and Crime (UNODC), with the help of Sri Lanka Customs.\n",
			"the body a programme is 'of' leads it", "IMPLEMENTS", "unbody:unodc", "project:global-port-security-programme", true},
		{"DispatchDayIsTheEventsWhenNoOtherIsGiven", "NOTIZIARIO\n\n1. Partito il Programma\nRoma, 12 aprile 2018 — A Buenos Aires è stato avviato il Programma.\n\n2. Riunito l'Organismo\nRoma, 7 settembre 2018 — Il Ministero degli Affari Esteri ha ospitato la quarta riunione dell'Organismo di Accompagnamento del Programma.\n",
			"a dispatch's dateline dates its event when the dispatch gives no other day", "PARTICIPATED_IN", "agency:it:ministry-of-foreign-affairs", "meeting:2018-09-07", true},
		{"LabelledLineUnderAMeetingHeading", "RELEVÉ DE CONCLUSIONS\n\nPremière réunion de haut niveau du projet Sentinelle Méditerranée\nLieu et dates : La Valette (Malte), 21 et 22 février 2017\n\n1. Rappel\nLe projet a démarré en février 2016 ; Malte y participe.\n",
			"a labelled line of place and dates under a meeting heading says where and when it was held", "HELD_UNDER", "meeting:2017-02-21:valletta", "project:sentinelle-mediterranee", true},
		{"QualifiedDonorsLabel", "FICHE — Le projet Sentinelle Méditerranée de l'Organisation mondiale des douanes (OMD), 2019-2022\n\nObjet : aider les douanes à appliquer la Convention de Bâle sur les déchets dangereux.\nBailleurs cités par l'OMD : la Suède et la Norvège.\n",
			"a donors' label with words before its colon lists the funders of the document's project, not of the convention", "FUNDED", "state:no", "project:sentinelle-mediterranee", true},
		{"TheDocumentIsTheTreaty", "Lima, 10 mars 2022 – Sécurité régionale\n\nCinq ministres ont paraphé le 9 mars 2022 à Lima le traité constitutif de la Communauté Policière des Amériques (Ameripol). Le Pérou, la Bolivie et l'Équateur ont approuvé le document lors d'une cérémonie.\n",
			"'le document' after a named treaty is that treaty", "PARTY_TO", "state:bo", "roadmap:traite-constitutif", true},
		{"MembersAfterTheBody", "Bucarest, 21 gennaio 2014 – Cooperazione di polizia\n\nL'INTERPOL ha sede a Lione. Aderiscono all'INTERPOL Albania, Bulgaria e Grecia.\n",
			"in Italian the members may follow the verb and the body they join", "MEMBER_OF", "state:bg", "org:interpol", true},
		{"AmongThemWere", "Miami, 21 March 2024 – On 18 and 19 March 2024 the United States hosted in Miami a meeting of coast guard commanders. Several international organizations attended as well. Among them were INTERPOL and the European Union.\n",
			"those named after 'Among them were' took part", "PARTICIPATED_IN", "org:interpol", "meeting:2024-03-18", true},
		{"TheGatheringUnderAFramework", "Miami, 21 March 2024 – On 18 and 19 March 2024 the United States hosted in Miami a meeting of coast guard commanders. The gathering took place under the auspices of the Caribbean Basin Security Initiative (CBSI).\n",
			"'the gathering' is the meeting told, held under the framework it names", "HELD_UNDER", "meeting:2024-03-18", "project:caribbean-basin-security-initiative", true},
		{"DelegationLabel", "Miami, 21 March 2024 – On 18 and 19 March 2024 the United States hosted in Miami a meeting of coast guard commanders. Representatives of two departments made up the American delegation: the Department of State and the Department of Justice.\n",
			"the bodies listed after 'delegation:' took part", "PARTICIPATED_IN", "agency:us:department-of-justice", "meeting:2024-03-18", true},
		{"TrainingOnDaysWithoutAYear", "Panama, 6 décembre 2011 – Sécurité régionale\n\nOrganisée par INTERPOL, la formation se tient du 5 au 16 décembre à Panama.\n",
			"a training dated by days without their year is a meeting", "PARTICIPATED_IN", "org:interpol", "meeting:2011-12-05", true},
		{"TheActivityIsTheMeeting", "Bridgetown, 20 August 2024 – News\n\nCustoms officers from five countries completed a course organised by INTERPOL last week. The regional activity was held in Bridgetown from August 12 to 16, 2024.\n",
			"'the activity' is the meeting told, dated and placed by its sentence", "PARTICIPATED_IN", "org:interpol", "meeting:2024-08-12", true},
		{"MeetingWithABody", "Accra, 4 May 2019 – The Minister of Interior of Ghana, John Mensah, held a bilateral meeting with the Italian National Police in Rome on 3 May 2019.\n",
			"the body a meeting is held with takes part in it", "PARTICIPATED_IN", "agency:it:national-police", "meeting:2019-05-03", true},
		{"IncontroCon", "Roma, 4 maggio 2019 – Il ministro dell'Interno del Ghana, John Mensah, ha guidato a Roma il 3 maggio 2019 una delegazione per un incontro bilaterale di vertice con la Polizia di Stato.\n",
			"the body a meeting is held with takes part in it", "PARTICIPATED_IN", "agency:it:state-police", "meeting:2019-05-03", true},
		{"MeetingWouldEndWith", "Rome, 4 May 2019 – The regional meeting opened in Rome on 3 May 2019. The meeting would end with the adoption of a plan by the Italian National Police.\n",
			"what a meeting ends with is not whom it is held with", "PARTICIPATED_IN", "agency:it:national-police", "meeting:2019-05-03", false},
		{"WithHimWere", `Scheda – Cooperazione con il Ghana

Data: 3 maggio 2019

Precedenti: nell'aprile 2018 il ministro Mario Rossi guidò ad Accra una delegazione per un incontro bilaterale con la Polizia del Ghana. Con lui c'erano il prefetto Luca Bianchi, capo della Polizia di Stato, e il generale Paolo Verdi.

Seguiti: in una successiva visita ad Accra il ministro ha incontrato il capo della polizia.
`,
			"those who were with the head of a delegation took part in its meeting", "PARTICIPATED_IN", "person:paolo-verdi", "meeting:2018-04", true},
		{"AccompagneDe", `Fiche – Coopération avec le Ghana

Date : 3 mai 2019

Antécédents : en avril 2018, le ministre Jean Dupont a conduit à Accra une délégation pour une réunion bilatérale avec la Police du Ghana. Il était accompagné de M. Paul Martin, directeur de la Police nationale, et de M. Luc Bernard.

Suites : lors d'une visite ultérieure à Accra, le ministre a rencontré le chef de la police.
`,
			"those who were with the head of a delegation took part in its meeting", "PARTICIPATED_IN", "person:luc-bernard", "meeting:2018-04", true},
		{"LaterMeetingNounWith", "Roma, 4 maggio 2017 – Nell'aprile 2017 l'ammiraglio Mario Rossi guidò a Washington una delegazione per la grande fiera annuale delle marine, organizzata dalla Navy League, e per un incontro bilaterale con la Guardia Costiera statunitense.\n",
			"the meeting noun that says with whom may come after the first", "PARTICIPATED_IN", "agency:us:uscg", "meeting:2017-04", true},
		{"ReceivedBy", "Port-au-Prince, 20 janvier 2023 – Dossiers de sécurité\n\nLe mercredi 18 janvier 2023, le sous-commissaire Paul Martin a été reçu par Jean Dubois, directeur général de la Police nationale d'Haïti.\n",
			"one who is received by another meets him", "PARTICIPATED_IN", "person:jean-dubois", "meeting:2023-01-18", true},
		{"SiERiunito", "Roma, 4 marzo 2021 – Cooperazione di polizia\n\nNel febbraio 2021 il comitato tecnico si è riunito per la prima volta a Roma, alla presenza del prefetto Mario Rossi.\n",
			"a body that 'si è riunito' holds a meeting", "PARTICIPATED_IN", "person:mario-rossi", "meeting:2021-02", true},
		{"SEstReuni", "Paris, 4 mars 2021 – Coopération policière\n\nEn février 2021, le comité technique s'est réuni pour la première fois à Paris, en présence du préfet Jean Dupont.\n",
			"a body that 's'est réuni' holds a meeting", "PARTICIPATED_IN", "person:jean-dupont", "meeting:2021-02", true},
		{"GenericCoastGuardIsTheNamedOne", "Washington, 6 November 2013 – The U.S. Coast Guard and the Australian Customs Service have signed a memorandum of understanding in Washington on 5 November 2013. It was signed by Rear Adm. John Smith, assistant commandant for Coast Guard Intelligence.\n",
			"a state's generic coast guard is the one the document names in full", "AFFILIATED_WITH", "person:john-smith", "agency:us:uscg", true},
		{"AgreementWithAList", "Port-au-Prince, 3 février 2009 – Coopération policière\n\nLe gouvernement haïtien vient de parapher au Palais national un accord de coopération avec l'Argentine, le Brésil et le Chili.\n",
			"one who signs with several parties is bound to each", "MEMORANDUM", "state:br", "state:ht", true},
		{"EventUnderADatelineOfDays", "INVITO A PARTECIPARE\n«Giornate europee della polizia»\nMilano, 3-5 maggio 2024\n\nChe cos'è\nÈ un evento organizzato dalla Polizia di Stato per i cittadini della città.\n",
			"an event organised under a dateline of days is held on those days", "PARTICIPATED_IN", "agency:it:state-police", "meeting:2024-05-03:milan", true},
		{"JointlyWithUnderAFramework", "Bangkok, 4 June 2019 – A regional customs workshop was held in Bangkok from 20 to 29 May 2019. The workshop ran under the auspices of the WCO SAFE Project and was organised jointly with INTERPOL.\n",
			"whom a meeting under a project is organised jointly with takes part in the meeting", "PARTICIPATED_IN", "org:interpol", "meeting:2019-05-20", true},
		{"TitleEndingOnTheHeadOfANamedBody", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma il Dipartimento dei Vigili del Fuoco ha ricevuto una delegazione croata. Erano presenti il prefetto Renato Franceschelli, Capo Dipartimento, e il comandante Marco Ghimenti.\n",
			"a title ending on the bare head of the one body so named speaks of that body", "AFFILIATED_WITH", "person:renato-franceschelli", "agency:it:department-vigili-fuoco", true},
		{"FacilitatedTraining", "Port-Louis, 3 mars 2014 – Sécurité maritime\n\nEn février 2014, la Commission de l'océan Indien a facilité une session de formation destinée aux garde-côtes de Maurice.\n",
			"who facilitated a meeting organised it", "PARTICIPATED_IN", "org:ioc", "meeting:2014-02", true},
		{"OrganOfTheBodyBefore", "Lyon, 3 February 2017 – Among the agreements approved at the 85th INTERPOL General Assembly, held in Bali, Indonesia, in November 2016, was one concluded with the Gulf Cooperation Council.\n",
			"the General Assembly written after a body is that body's, held under it", "HELD_UNDER", "meeting:2016-11", "org:interpol", true},
		{"SeveralAgreementsInASentence", "Lyon, 3 February 2017 – At the same session INTERPOL signed a cooperation agreement with the World Customs Organization and a memorandum of understanding with the Gulf Cooperation Council.\n",
			"each agreement a sentence names with its own 'with' binds the signer to that body", "MEMORANDUM", "org:gcc", "org:interpol", true},
		{"DirectorateNamePastAConjunction", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma ha partecipato Rodolfo Ronconi, direttore centrale dell'immigrazione e della polizia delle frontiere.\n",
			"a directorate's name goes on past 'e della'", "AFFILIATED_WITH", "person:rodolfo-ronconi", "agency:it:central-directorate-immigration-police-borders", true},
		{"DirectorateOfAQualifiedForce", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma ha partecipato Francesco Cirillo, direttore centrale della polizia criminale.\n",
			"a director of a qualified police heads a directorate", "AFFILIATED_WITH", "person:francesco-cirillo", "agency:it:central-directorate-criminal-police", true},
		{"PortfolioInBracketsInsideATitle", "Delhi, 4 May 2019 – Also present were Amitabh Prasad, Joint Secretary (International Cooperation) of the Ministry of Defence of India, at the meeting in Delhi on 3 May 2019.\n",
			"a portfolio in brackets is part of the title, the body after it the person's", "AFFILIATED_WITH", "person:amitabh-prasad", "agency:in:ministry-of-defence", true},
		{"SecondTitleInApposition", "Lomé, 10 octobre 2014 – Le 9 octobre 2014 à Lomé, le Général Jean Kouassi, Directeur général de la police nationale de Côte d'Ivoire, président sortant du CCPAO, a transmis la présidence à M. Ali Traoré.\n",
			"a second title after the first, without article or name, gives a second body", "AFFILIATED_WITH", "person:jean-kouassi", "org:wapcco", true},
		{"NextPersonsTitleIsNoSecondTitle", "Montevideo, 7 aprile 2022 – Hanno partecipato il ministro Mario Rossi, l'ambasciatore Paolo Bianchi e Anna Verdi, presidente dell'Istituto Nazionale di Statistica.\n",
			"a title after another person's name is not the first person's", "AFFILIATED_WITH", "person:mario-rossi", "agency:it:national-institute", false},
		{"OperationsOwnMeeting", "Operation Simba partners meet\n\nNAIROBI, Kenya, 4-5 December 2018 - The Operation Simba Review Meeting gathered delegations from Kenya and Uganda in Nairobi.\n",
			"a meeting named after an operation is a meeting, dated by the dateline's days", "PARTICIPATED_IN", "state:ug", "meeting:2018-12-04", true},
		{"PronounIsTheProjectBefore", "Vienna, 4 May 2019 – About the project\n\nThe SEACOP project is a multi-agency initiative against trafficking by sea. The European Union funds it as part of the Global Illicit Flows Programme; UNODC implements it in collaboration with INTERPOL.\n",
			"'it' after a verb of funding is the project spoken of before", "FUNDED", "org:eu", "project:seacop", true},
		{"PronounThenCollaboration", "Vienna, 4 May 2019 – About the project\n\nThe SEACOP project is a multi-agency initiative against trafficking by sea. The European Union funds it as part of the Global Illicit Flows Programme; UNODC implements it in collaboration with INTERPOL.\n",
			"the partners of 'implements it in collaboration with' work on that project", "IMPLEMENTS", "org:interpol", "project:seacop", true},
		{"NumberedEditionIsAMeeting", "Cybercriminalité : des magistrats en formation à Dakar\n\nLa deuxième formation judiciaire régionale sur la cybercriminalité s'est ouverte ce lundi à Dakar. Elle réunit des magistrats venus du Bénin et du Togo.\n",
			"a numbered edition of a training is a meeting, even undated", "PARTICIPATED_IN", "state:bj", "meeting:dakar:training", true},
		{"StatesInProseUnderAttendanceHeading", "Actualités\n\nLe premier séminaire régional des gendarmeries s'est tenu le lundi 30 mai 2016 à Nouakchott.\n\nLes pays représentés\n\nCôté africain, la Mauritanie était entourée du Bénin, du Mali et du Niger.\n",
			"the states a sentence names under 'Les pays représentés' took part", "PARTICIPATED_IN", "state:bj", "meeting:2016-05-30", true},
		{"CoOrganisedWithEn", "Dushanbe, 12 August 2019 – A workshop on drug trafficking networks was held in Dushanbe from 11 to 13 August 2019. Co-organized with UNODC, it was opened on 11 August by Colonel Anvar Rahimov.\n",
			"whom a meeting is co-organised with takes part in it", "PARTICIPATED_IN", "unbody:unodc", "meeting:2019-08-11", true},
		{"CoOrganisedWithFr", "Douchanbé, 12 août 2019 – Un atelier sur les réseaux de trafic de drogue s'est tenu à Douchanbé du 11 au 13 août 2019. Coorganisé avec l'ONUDC, il a été ouvert le 11 août par le colonel Anvar Rahimov.\n",
			"whom a meeting is co-organised with takes part in it (French)", "PARTICIPATED_IN", "unbody:unodc", "meeting:2019-08-11", true},
		{"CoOrganisedWithIt", "Dushanbe, 12 agosto 2019 – Un seminario sulle reti del traffico di droga si è svolto a Dushanbe dall'11 al 13 agosto 2019. Co-organizzato con l'UNODC, è stato aperto l'11 agosto dal colonnello Anvar Rahimov.\n",
			"whom a meeting is co-organised with takes part in it (Italian)", "PARTICIPATED_IN", "unbody:unodc", "meeting:2019-08-11", true},
		{"NewCourseOnARelativeDayFr", "Rome, 12 août 2019 – Un cours pour vingt douaniers tunisiens a commencé hier à Rome. Il est organisé par la Guardia di Finanza et dure une semaine.\n",
			"a course introduced as new on a day relative to the release is a meeting of that day", "PARTICIPATED_IN", "agency:it:guardia-di-finanza", "meeting:2019-08-11:rome:training", true},
		{"DefiniteCourseOnARelativeDayFr", "Rome, 12 août 2019 – Le cours des douaniers tunisiens a commencé hier à Rome. Il est organisé par la Guardia di Finanza et dure une semaine.\n",
			"a course named definite on a relative day may be one spoken of before: no meeting of that day", "PARTICIPATED_IN", "agency:it:guardia-di-finanza", "meeting:2019-08-11:rome:training", false},
		{"FrameworkCueInsideATitle", "Dushanbe, 15 August 2014 – A workshop on drug trafficking networks was held in Dushanbe from 11 to 15 August 2014. It was opened by Colonel Anvar Rahimov, Deputy Director of the Drug Control Agency under the President of Tajikistan, and John Baker, UNODC Programme Coordinator.\n",
			"a body named clauses after 'under the' is no framework of the meeting", "HELD_UNDER", "meeting:2014-08-11", "unbody:unodc", false},
		{"BritishSpellingOfAName", "Tashkent, 4 March 2022 – A high-level conference on regional cooperation was held in Tashkent on 3 March 2022. The conference was organised by the Government of Uzbekistan and the Organisation for Security and Cooperation in Europe.\n",
			"a body's name in the other spelling ('Organisation', 'Centre') is the body", "PARTICIPATED_IN", "org:osce", "meeting:2022-03-03", true},
		{"TogetherWithTheOrganiserEn", "Tashkent, 4 March 2022 – A high-level conference on regional cooperation was held in Tashkent on 3 March 2022. The conference was organised by the Government of Uzbekistan together with INTERPOL and UNODC.\n",
			"those an organiser worked together with organised the meeting too", "PARTICIPATED_IN", "unbody:unodc", "meeting:2022-03-03", true},
		{"WithTheOrganiserFr", "Ouagadougou, 26 novembre 2016 – Une formation au renseignement pour des douaniers d'Afrique de l'Ouest s'est tenue du 21 au 25 novembre 2016 à Ouagadougou, organisée par l'OMD avec l'ONUDC.\n",
			"those an organiser worked with organised the meeting too (French)", "PARTICIPATED_IN", "unbody:unodc", "meeting:2016-11-21", true},
		{"WithTheOrganiserIt", "Roma, 20 novembre 2013 – Si è chiusa a Orvieto il 20 novembre 2013 la terza edizione del corso per venti funzionari doganali afghani, organizzato dalla Guardia di Finanza con l'UNODC.\n",
			"those an organiser worked with organised the meeting too (Italian)", "PARTICIPATED_IN", "unbody:unodc", "meeting:2013-11-20", true},
		{"TogetherWithTheImplementerIt", "Roma, 4 marzo 2025 – L'Italia sostiene il Programma di controllo dei container, attuato dall'UNODC insieme all'Organizzazione mondiale delle dogane, al quale il Ministero degli Affari Esteri ha destinato un contributo.\n",
			"whom the implementer works together with implements the programme too", "IMPLEMENTS", "org:wco", "project:", true},
		{"AlongsideAnotherEventIsNoOrganiser", "Roma, 4 marzo 2025 – Il corso, organizzato dalla Polizia di Stato a Roma il 3 marzo 2025, si è svolto insieme a un'esercitazione della Guardia Civil spagnola. Vi hanno partecipato agenti del Ghana.\n",
			"'insieme a' past the organiser's list and a verb names no partner", "PARTICIPATED_IN", "agency:es:guardia-civil", "meeting:", false},
		{"AlongsideIsNoPartner", "Roma, 4 marzo 2025 – Il progetto SAFE, attuato dall'Organizzazione Internazionale per le Migrazioni, è stato presentato ieri a Roma insieme al rapporto annuale di Europol sulla tratta. Il progetto è finanziato dall'Italia.\n",
			"what is presented 'insieme a' a project names no partner of its implementer", "IMPLEMENTS", "org:europol", "project:", false},
		{"TogetherWithTheImplementerStopsAtTheRelative", "Roma, 4 marzo 2025 – L'Italia sostiene il Programma di controllo dei container, attuato dall'UNODC insieme all'Organizzazione mondiale delle dogane, al quale il Ministero degli Affari Esteri ha destinato un contributo.\n",
			"the partners after 'insieme a' end at the relative clause after them", "IMPLEMENTS", "agency:it:ministry-of-foreign-affairs", "project:", false},
		{"TogetherWithTheImplementerEn", "Rome, 4 March 2025 – Italy supports the Container Control Programme, implemented by UNODC together with the World Customs Organization, to which the Ministry of Foreign Affairs gave a contribution.\n",
			"whom the implementer works together with implements the programme too (English)", "IMPLEMENTS", "org:wco", "project:", true},
		{"TechnicalSupportFr", "Niamey, 7 octobre 2022 – La CEDEAO, avec l'appui technique de l'ONUDC, a tenu à Niamey, du 3 au 6 octobre 2022, un atelier destiné aux magistrats.\n",
			"who gives a meeting technical support takes part in it", "PARTICIPATED_IN", "unbody:unodc", "meeting:2022-10-03", true},
		{"TechnicalSupportEn", "Niamey, 7 October 2022 – ECOWAS, with the technical support of UNODC, held a workshop for magistrates in Niamey from 3 to 6 October 2022.\n",
			"who gives a meeting technical support takes part in it (English)", "PARTICIPATED_IN", "unbody:unodc", "meeting:2022-10-03", true},
		{"TechnicalSupportIt", "Niamey, 7 ottobre 2022 – L'ECOWAS, con il supporto tecnico dell'UNODC, ha tenuto a Niamey dal 3 al 6 ottobre 2022 un seminario per magistrati.\n",
			"who gives a meeting technical support takes part in it (Italian)", "PARTICIPATED_IN", "unbody:unodc", "meeting:2022-10-03", true},
		{"StoodInForEn", "Port of Spain, 17 February 2005 – The regional conference was held in Port of Spain on 16 February 2005. The minister greeted the Acting Prime Minister, Lenny Smith, who represented Prime Minister Patrick Johnson, then away on official business.\n",
			"one another stood in for did not take part", "PARTICIPATED_IN", "person:patrick-johnson", "meeting:2005-02-16", false},
		{"CouldNotAttendFr", "Paris, 17 février 2005 – Le colloque régional s'est tenu à Paris le 16 février 2005. Le ministre Jean Dupont, retenu à Matignon, n'a pas pu participer et s'est fait représenter par le secrétaire général Paul Martin.\n",
			"one who could not attend did not take part (French)", "PARTICIPATED_IN", "person:jean-dupont", "meeting:2005-02-16", false},
		{"CouldNotAttendIt", "Roma, 17 febbraio 2005 – Il convegno regionale si è svolto a Roma il 16 febbraio 2005. Il Ministro Marco Bianchi, trattenuto a Palazzo Chigi, non ha potuto partecipare e ha delegato il Sottosegretario Paolo Verdi a rappresentarlo.\n",
			"one who could not attend did not take part (Italian)", "PARTICIPATED_IN", "person:marco-bianchi", "meeting:2005-02-16", false},
		{"DelegateAttendsIt", "Roma, 17 febbraio 2005 – Il convegno regionale si è svolto a Roma il 16 febbraio 2005. Il Ministro Marco Bianchi, trattenuto a Palazzo Chigi, non ha potuto partecipare e ha delegato il Sottosegretario Paolo Verdi a rappresentarlo.\n",
			"whom the absent one delegated takes part", "PARTICIPATED_IN", "person:paolo-verdi", "meeting:2005-02-16", true},
		{"ComponentRanACourse", "Accra, 4 June 2019 – In May 2019 the Maritime Component of the UNODC Programme for West Africa ran a training course in Accra. The ministers stressed the importance of cooperation.\n",
			"a course a project ran is held under it", "HELD_UNDER", "meeting:2019-05", "project:maritime-component", true},
		{"ComponentRanACourseNotItsParent", "Accra, 4 June 2019 – In May 2019 the Maritime Component of the UNODC Programme for West Africa ran a training course in Accra. The ministers stressed the importance of cooperation.\n",
			"the programme a component belongs to did not run the course", "HELD_UNDER", "meeting:2019-05", "project:programme-for-west-africa", false},
		{"ProgrammeNameEndsAtItsVerbFr", "Accra, 4 juin 2019 – En mai 2019, le projet AIRCOP et le Programme mondial contre la criminalité maritime ont organisé un atelier de formation à Accra. Les ministres ont souligné l'importance de la coopération.\n",
			"a programme's name ends before its verb, and the workshop it organised is held under it", "HELD_UNDER", "meeting:2019-05", "project:programme-mondial-contre-la-criminalite-maritime", true},
		{"ProgrammeNameEndsAtItsVerbIt", "Accra, 4 giugno 2019 – Nel maggio 2019 il Programma globale contro la criminalità marittima ha organizzato un corso di formazione ad Accra. I ministri hanno sottolineato l'importanza della cooperazione.\n",
			"a programme's name ends before its auxiliary (Italian)", "HELD_UNDER", "meeting:2019-05", "project:programma-globale-contro-la-criminalita-marittima", true},
		{"BodyLabelsItsLineEn", "Minutes of the working meeting held in Vienna on 3 June 2024\n\nAttendance\nEuropol: Anna Berg (Liaison Officer), Piet Janssen (Analyst)\nOSCE: Mark Ellis (Adviser)\n",
			"the persons of a line a body labels before its colon work for it", "AFFILIATED_WITH", "person:piet-janssen", "org:europol", true},
		{"BodyLabelsItsLineFr", "Compte rendu de la réunion de travail tenue à Dakar le 3 juin 2024\n\nPrésents\n- Police nationale du Sénégal : M. Mamadou Diallo (commissaire) ; Mme Awa Ndiaye (inspectrice)\n- ONUDC : M. Paul Martin (expert)\n",
			"the persons of a line a body labels before its colon work for it, past the state that says whose (French)", "AFFILIATED_WITH", "person:awa-ndiaye", "agency:sn:national-police", true},
		{"BodyLabelsItsLineIt", "Verbale della riunione tecnica svolta a Tirana il 3 giugno 2024\n\nSono presenti:\n- Ambasciata d'Italia a Tirana: dott. Marco Neri (esperto per la sicurezza)\n- Guardia di Finanza: ten. col. Luca Bruni (ufficiale di collegamento)\n",
			"the persons of a line a body labels before its colon work for it (Italian)", "AFFILIATED_WITH", "person:luca-bruni", "agency:it:guardia-di-finanza", true},
		{"MinutesEn", "MINUTES\n\nFourth meeting of the Joint Working Group on Customs Cooperation between Ghana and Togo\n\nDate: 12 March 2024\nVenue: Ministry of Finance, Accra\nChair: Mr Kwame Boateng\n\n1. ATTENDANCE\n\nGhanaian delegation\nAma Owusu, Head of the Risk Unit, Ghana Revenue Authority\nKofi Mensah, Deputy Commissioner, Ghana Revenue Authority\n\nObservers\nWCO: Jean Dupuis (Regional Adviser)\n",
			"the minutes' meeting is dated and placed by its labelled lines, and a name opening a line under the attendance heading took part", "PARTICIPATED_IN", "person:kofi-mensah", "meeting:2024-03-12:accra", true},
		{"MinutesFr", "COMPTE RENDU\n\nQuatrième réunion du Groupe de travail conjoint sur la coopération douanière entre le Ghana et le Togo\n\nDate : 12 mars 2024\nLieu : ministère des Finances, Lomé\nPrésidence : M. Kodjo Agbeko\n\n1. Présents\n\nDélégation togolaise\n- Afi Amegah, cheffe de la cellule de ciblage, Office togolais des recettes\n- Koffi Adjoa, commissaire adjoint, Office togolais des recettes\n\nObservateurs\n- OMD : M. Jean Dupuis (conseiller régional)\n",
			"the minutes' meeting is dated and placed by its labelled lines, and the person of a line an organisation labels took part (French)", "PARTICIPATED_IN", "person:jean-dupuis", "meeting:2024-03-12:lome", true},
		{"MinutesIt", "VERBALE\n\nQuarta riunione del Gruppo di lavoro congiunto sulla cooperazione doganale tra Italia e Albania\n\nData: 12 marzo 2024\nLuogo: Roma, Ministero dell'Economia\nPresiede: dott. Marco Neri\n\nSono presenti:\n\nper la parte italiana\n- Giulia Ferri, primo dirigente, Agenzia delle Dogane e dei Monopoli\n- Guardia di Finanza: ten. col. Luca Bruni (ufficiale di collegamento)\n",
			"the minutes' meeting is dated and placed by its labelled lines, and the person of a line a body labels took part (Italian)", "PARTICIPATED_IN", "person:luca-bruni", "meeting:2024-03-12:rome", true},
		{"OrganisedWithEn", "Rome, 12 May 2023 – The course on investigation techniques, held in Niamey and closed on 11 May 2023, was funded by Italy and organised with the Ministry of Justice of Niger.\n",
			"whom a meeting was organised with organised it, and did not fund it", "PARTICIPATED_IN", "agency:ne:ministry-of-justice", "meeting:2023-05-11", true},
		{"OrganisedWithFr", "Rome, 12 mai 2023 – Le cours sur les techniques d'enquête, tenu à Niamey et clos le 11 mai 2023, a été financé par l'Italie et organisé avec le ministère de la Justice du Niger.\n",
			"whom a meeting was organised with organised it, and did not fund it (French)", "FUNDED", "agency:ne:ministry-of-justice", "meeting:2023-05-11", false},
		{"OrganisedWithIt", "Roma, 12 maggio 2023 – Il corso sulle tecniche di indagine, tenuto a Niamey e concluso l'11 maggio 2023, è stato finanziato dalla Farnesina e organizzato con il Ministero della Giustizia del Niger.\n",
			"whom a meeting was organised with organised it, and did not fund it (Italian)", "FUNDED", "agency:ne:ministry-of-justice", "meeting:2023-05-11", false},
		{"OrganisedWithFinancialSupport", "Abidjan, 2 avril 2022 – Du 29 au 31 mars 2022, l'ONUDC a réuni à Abidjan des enquêteurs ivoiriens pour un atelier, organisé avec le soutien financier de l'Allemagne.\n",
			"'organisé avec le soutien financier de' names a funder, not an organiser", "FUNDED", "state:de", "meeting:2022-03-29", true},
		{"ReportBlocksEn", "UNODC Regional Office – Annual report 2024 (extract)\n\n3.1 Workshop on financial investigations\nDates: 12-14 March 2024\nVenue: Niamey (Niger)\nFunding: Kingdom of Denmark\n\n3.2 Training of judges in mutual legal assistance\nDates: 6-9 May 2024\nVenue: Nouakchott (Mauritania)\nFunding: Japan\n",
			"a numbered heading over its lines of dates and venue is a meeting of its own, funded as its lines say", "FUNDED", "state:jp", "meeting:2024-05-06", true},
		{"ReportBlocksFr", "Bureau régional de l'ONUDC – Rapport d'activités 2024 (extrait)\n\n3.1 Atelier sur les enquêtes financières\nDates : 12-14 mars 2024\nLieu : Niamey (Niger)\nFinancement : Royaume du Danemark\n\n3.2 Formation des magistrats à l'entraide judiciaire\nDates : 6-9 mai 2024\nLieu : Nouakchott (Mauritanie)\nFinancement : Japon\n",
			"a numbered heading over its lines of dates and place is a meeting of its own, a training too (French)", "FUNDED", "state:jp", "meeting:2024-05-06", true},
		{"ReportBlocksIt", "Direzione centrale – Relazione annuale 2024 (estratto)\n\na) Corso sulle indagini finanziarie\nDate: 12-14 marzo 2024\nLuogo: Roma\nFinanziamento: Unione europea\n\nb) Formazione dei formatori sui mercati della droga\nDate: 14-18 ottobre 2024\nLuogo: Napoli\nFinanziamento: Giappone\n",
			"a heading over its lines of dates and place is a meeting of its own, a training too (Italian)", "FUNDED", "state:jp", "meeting:2024-10-14", true},
		{"ProgrammeNamedAfterItsHeadFr", "Dakar, 3 mai 2024 – Le Programme Atlantique de l'ONUDC est mis en œuvre par le Bureau régional de Dakar. Les ministres ont souligné l'importance de la coopération.\n",
			"the capitalised word after a programme's head names it", "IMPLEMENTS", "org:bureau-regional-de-dakar", "project:programme-atlantique", true},
		{"ProgrammeNamedAfterItsHeadIt", "Roma, 3 maggio 2024 – Il Programma Adriatico dell'UNODC è attuato dall'Ufficio regionale di Vienna. I ministri hanno sottolineato l'importanza della cooperazione.\n",
			"the capitalised word after a programme's head names it (Italian)", "IMPLEMENTS", "agency:at:regional-office-vienna", "project:programma-adriatico", true},
		{"PlannedIsNoOrganising", "Rome, 3 May 2024 – A workshop on maritime security was held in Rome on 2 May 2024 by the Italian Coast Guard. Further trainings planned by UNODC will take place in Ghana next year.\n",
			"who plans later trainings did not organise the meeting reported", "PARTICIPATED_IN", "unbody:unodc", "meeting:2024-05-02", false},
	} {
		f := extractText(t, c.name+".txt", c.text)
		if got := hasEdgePrefix(f, c.kind, c.from, c.to); got != c.want {
			t.Errorf("%s: %s (%s %s -> %s: got %v):\n%s", c.name, c.why, c.kind, c.from, c.to, got, dumpEdges(f))
		}
	}
}

func TestMeetingAliasSaysTheKindOfSession(t *testing.T) {
	f := extractText(t, "session.txt", "Port-Louis, 3 mars 2014 – Sécurité maritime\n\nEn février 2014, la Commission de l'océan Indien a facilité une session de formation destinée aux garde-côtes de Maurice.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting && !slices.Contains(n.Aliases, "session de formation") {
			t.Errorf("the meeting should be known as the 'session de formation': %v", n.Aliases)
		}
	}
}

func TestMeetingAliasesLeaveOutTheBareNoun(t *testing.T) {
	f := extractText(t, "course.txt", "Tirana, 20 May 2019 – Activity 2: National analytical course\n\nTirana, 15-17 May 2019. A three-day course was organised by the OSCE Presence in Albania for twenty officers.\n")
	for _, n := range f.Nodes {
		if n.Kind == fixtures.KindMeeting && slices.Contains(n.Aliases, "course") {
			t.Errorf("'course' names no meeting beside 'analytical course': %v", n.Aliases)
		}
	}
}

func TestPartnersOfTheImplementer(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "London, 3 May 2019 - The regional workshop took place in Nairobi on 12 March as part of the AIRCOP project, which is implemented by UNODC in partnership with INTERPOL and the World Customs Organization. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – L'atelier régional s'est tenu à Nairobi le 12 mars dans le cadre du projet AIRCOP, mis en œuvre par l'ONUDC en partenariat avec INTERPOL et l'Organisation mondiale des douanes. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il seminario regionale si è svolto a Nairobi il 12 marzo nell'ambito del progetto AIRCOP, attuato dall'UNODC in collaborazione con INTERPOL e l'Organizzazione mondiale delle dogane. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, fixtures.EdgeImplements, []string{"unbody:unodc", "org:interpol", "org:wco"}, "project:aircop", "the implementer and its partners")
}

func TestContributionWithAnAmountFunds(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "London, 3 May 2019 - Japan contributed USD 1.2 million to the SEACOP project. Both sides stressed the importance of cooperation in the fight against terrorism."},
		{"fr", "Paris, 3 mai 2019 – Le Japon a contribué à hauteur de 1,2 million de dollars au projet SEACOP. Les deux parties ont souligné l'importance de la coopération dans la lutte contre le terrorisme."},
		{"it", "Roma, 3 maggio 2019 – Il Giappone ha contribuito con 1,2 milioni di dollari al progetto SEACOP. Le due parti hanno sottolineato l'importanza della cooperazione nella lotta contro il terrorismo."},
	}, fixtures.EdgeFunded, []string{"state:jp"}, "project:seacop", "a contribution of an amount to a project funds it")
}

func TestAdministrativeArrangementsAreMemoranda(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "London, 3 May 2019 - Spain and Morocco signed an administrative arrangement on police cooperation in Madrid on 12 March. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – L'Espagne et le Maroc ont signé un arrangement administratif sur la coopération policière. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – La Spagna e il Marocco hanno sottoscritto un accordo amministrativo sulla cooperazione di polizia. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, fixtures.EdgeMemorandum, []string{"state:es"}, "state:ma", "an administrative arrangement is a memorandum")
}

func TestParticipleOfAnAppositionIsNotTheThings(t *testing.T) {
	eachLanguage(t, []languageCase{
		{"en", "London, 3 May 2019 - The Regional Action Plan 2026-2028 was drawn up with the technical support of SEESAC, the centre for the control of small arms in south-eastern Europe managed by the United Nations Development Programme. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le Plan d'action régional 2026-2028 a été préparé avec l'appui technique du SEESAC, le centre pour le contrôle des armes légères en Europe du Sud-Est géré par le Programme des Nations unies pour le développement. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il Piano d'azione regionale 2026-2028 è stato predisposto con il supporto tecnico del SEESAC, il centro per il controllo delle armi leggere nell'Europa sud-orientale gestito dal Programma delle Nazioni Unite per lo Sviluppo. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, func(lang string, f *fixtures.Fixture) {
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeImplements && strings.HasPrefix(e.To, "roadmap:") {
				t.Errorf("%s: the UNDP manages the centre, not the plan: %s -> %s", lang, e.From, e.To)
			}
		}
	})
}

func TestFundingVerbsParity(t *testing.T) {
	wantEdges(t, []languageCase{
		{"en", "London, 3 May 2019 - Japan funded the regional workshop held in Colombo on 3 March. Both sides stressed the importance of cooperation."},
		{"en", "London, 3 May 2019 - The Government of Japan paid for the courses and the equipment of the regional workshop held in Colombo on 3 March. Both sides stressed the importance of cooperation."},
		{"fr", "Paris, 3 mai 2019 – Le Japon a pris en charge l'atelier régional tenu à Colombo le 3 mars. Les deux parties ont souligné l'importance de la coopération."},
		{"it", "Roma, 3 maggio 2019 – Il Giappone ha cofinanziato il seminario regionale svoltosi a Colombo il 3 marzo. Le due parti hanno sottolineato l'importanza della cooperazione."},
	}, fixtures.EdgeFunded, []string{"state:jp"}, "meeting:2019-03-03:colombo:", "verbs of paying for a meeting in the three languages")
}

// An organisation that names a roadmap as its own is party to it: written before the
// roadmap's head or after it with "of".
func TestOrganisationsOwnRoadmapMakesItAParty(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"en", "Abuja, 4 March 2021 – The workshop held in Abuja on 3 March 2021 supports the ECOWAS Counter-Terrorism Strategy and its action plan.\n"},
		{"fr", "Abuja, 4 mars 2021 – L'atelier tenu à Abuja le 3 mars 2021 s'inscrit dans la stratégie de lutte contre le terrorisme de la CEDEAO.\n"},
		{"it", "Abuja, 4 marzo 2021 – Il seminario tenuto ad Abuja il 3 marzo 2021 sostiene la Strategia antiterrorismo della CEDEAO e il suo piano d'azione.\n"},
	} {
		f := extractText(t, c.lang+"_owner.txt", c.text)
		if !hasEdgePrefix(f, fixtures.EdgePartyTo, "org:ecowas", "roadmap:") {
			t.Errorf("%s: ECOWAS is not party to its own strategy:\n%s", c.lang, dumpEdges(f))
		}
	}
}

// A hyphenated pair of state adjectives names both states: the parties of the document it
// qualifies, but no party of a border.
func TestHyphenatedPairsOfStates(t *testing.T) {
	for _, c := range []struct{ lang, text, a, b string }{
		{"en", "Rome, 4 March 2021 – On 3 March 2021 in Rome the ministers signed the Italian-Albanian Action Plan on police cooperation. Officers patrol the Kazakh-Kyrgyz border.\n", "state:it", "state:al"},
		{"fr", "Paris, 4 mars 2021 – Le 3 mars 2021 à Paris, les ministres ont adopté le Plan d'action franco-marocain sur la coopération policière. Des patrouilles surveillent la frontière germano-suisse.\n", "state:fr", "state:ma"},
		{"it", "Roma, 4 marzo 2021 – Il 3 marzo 2021 a Roma i ministri hanno sottoscritto il Piano d'azione bilaterale italo-tedesco sulla cooperazione di polizia. Le pattuglie controllano il confine franco-svizzero.\n", "state:it", "state:de"},
	} {
		f := extractText(t, c.lang+"_pairs.txt", c.text)
		for _, s := range []string{c.a, c.b} {
			if !hasEdgePrefix(f, fixtures.EdgePartyTo, s, "roadmap:") {
				t.Errorf("%s: %s is no party of the plan its adjective names:\n%s", c.lang, s, dumpEdges(f))
			}
		}
		for _, s := range []string{"state:kg", "state:ch"} {
			if hasNode(f, s) {
				t.Errorf("%s: a border's pair of states made %s an actor: %s", c.lang, s, nodeIDs(f))
			}
		}
	}
}

func TestSeatOfTheSigningIsNoParty(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 23 August 2017 - At the headquarters of the National Crime Agency, the Home Secretary, Amber Rudd, and the Spanish Interior Minister, Juan Zoido, signed today a memorandum of understanding."},
		{"fr", "Paris, 23 août 2017 – C'est au siège de la Direction générale de la Gendarmerie nationale (DGGN) que le ministre de l'Intérieur, Gérard Collomb, et le ministre espagnol de l'Intérieur, Juan Zoido, ont signé ce mercredi un arrangement administratif franco-espagnol."},
		{"it", "Roma, 23 agosto 2017 – Presso la sede del Dipartimento della Pubblica Sicurezza il ministro dell'Interno, Marco Minniti, e il ministro dell'Interno spagnolo, Juan Zoido, hanno firmato oggi un memorandum d'intesa."},
	}
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		found := false
		for _, e := range f.Edges {
			if e.Kind != fixtures.EdgeMemorandum {
				continue
			}
			found = true
			if !strings.Contains(e.From, "ministry") || !strings.Contains(e.To, "ministry") {
				t.Errorf("%s: the ministers' ministries are the parties, not the body where they signed: %s -> %s", lang, e.From, e.To)
			}
		}
		if !found {
			t.Errorf("%s: the ministers signed a memorandum:\n%s", lang, dumpEdges(f))
		}
	})
	f := extractText(t, "en.txt", "Tirana, 3 May 2023 - The headquarters of the Albanian State Police and the Carabinieri signed today in Tirana a memorandum of understanding on training. The memorandum provides for joint courses.")
	if !hasEdgePrefix(f, fixtures.EdgeMemorandum, "agency:al:state-police", "agency:it:carabinieri") {
		t.Errorf("a seat named as the subject, with no locative before it, is a party:\n%s", dumpEdges(f))
	}
}

func TestMembersOfTheConsortiumImplement(t *testing.T) {
	cases := []languageCase{
		{"en", "London, 3 May 2023 - The TRAIN project is funded by the European Commission and implemented by a consortium of eight partners. The consortium, led by the Italian Ministry of Justice, also includes the University of Padua and the Catholic University of the Sacred Heart."},
		{"fr", "Paris, 3 mai 2023 – Le projet TRAIN est financé par la Commission européenne et mis en œuvre par un consortium de huit partenaires. Le consortium, dirigé par le ministère italien de la Justice, comprend aussi l'Université de Padoue et l'Université catholique de Louvain."},
		{"it", "Roma, 3 maggio 2023 – Il progetto TRAIN è finanziato dalla Commissione europea ed è attuato da un consorzio di otto partner. Il consorzio, guidato dal Ministero della Giustizia italiano, comprende anche l'Università di Padova e l'Università Cattolica del Sacro Cuore."},
	}
	wantEdges(t, cases, fixtures.EdgeImplements, []string{"agency:it:ministry-of-justice"}, "project:train", "the consortium's leader and members implement its project")
	for _, text := range []string{
		"London, 3 May 2023 - The TRAIN project is implemented by a consortium of six partners. The consortium comprises six partners from four countries and reports to the European Commission.",
		"London, 3 May 2023 - The TRAIN project is implemented by a consortium of six partners. Italy also supports the SHIELD project. The consortium of the SHIELD project includes the Carabinieri and the Guardia Civil.",
	} {
		f := extractText(t, "en.txt", text)
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeImplements && e.To == "project:train" && e.From != "" {
				t.Errorf("neither a body after the list nor another project's consortium implements the project: %s -> %s", e.From, e.To)
			}
		}
	}
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		n := 0
		for _, e := range f.Edges {
			if e.Kind == fixtures.EdgeImplements && strings.Contains(e.From, "univ") && e.To == "project:train" {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: the universities the consortium includes implement its project:\n%s", lang, dumpEdges(f))
		}
	})
}

func TestSponsorLabelsNameFunders(t *testing.T) {
	cases := []languageCase{
		{"en", "Nagoya, 3 May 2023 - Regional Workshop on customs enforcement.\nVenue: Nagoya, Japan. Dates: 2 to 4 May 2023.\nSponsored by: the Government of Sweden\nParticipants: customs officers from ten countries."},
		{"fr", "Dakar, 3 mai 2023 – Atelier régional sur la lutte contre la fraude douanière.\nLieu : Dakar, Sénégal. Dates : du 2 au 4 mai 2023.\nPartenaires financiers : la Suède\nParticipants : des douaniers de dix pays."},
		{"it", "Roma, 3 maggio 2023 – Seminario regionale sulla lotta alla frode doganale.\nSede: Roma. Date: dal 2 al 4 maggio 2023.\nSponsor: la Svezia\nPartecipanti: doganieri di dieci Paesi."},
	}
	wantEdges(t, cases, fixtures.EdgeFunded, []string{"state:se"}, "meeting:2023-05-02", "a sponsor's label names who funds the meeting")
}

func TestUnnamedProjectEndsBeforeItsAuxiliary(t *testing.T) {
	cases := []languageCase{
		{"en", "Brussels, 3 May 2023 - The project was funded by Sweden. The partners welcomed it."},
		{"fr", "Bruxelles, 3 mai 2023 – Le projet a été financé par la Suède. Les partenaires ont salué l'initiative."},
		{"it", "Bruxelles, 3 maggio 2023 – Il progetto è finanziato dalla Svezia. I partner hanno accolto l'iniziativa."},
	}
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindProject && strings.Contains(n.Name, " ") {
				t.Errorf("%s: the project the text does not name is no longer than its noun before the verb: %q", lang, n.Name)
			}
		}
		if !hasEdgePrefix(f, fixtures.EdgeFunded, "state:se", "project:") {
			t.Errorf("%s: Sweden funds the project:\n%s", lang, dumpEdges(f))
		}
	})
}

func TestCoordinationAfterAnImplementerOrAnOrganiser(t *testing.T) {
	cases := []languageCase{
		{"en", "Rome, 3 May 2023 - Italy supports the Container Control Programme, implemented by the United Nations Office on Drugs and Crime (UNODC) in coordination with the World Customs Organization."},
		{"fr", "Rome, 3 mai 2023 – L'Italie soutient le Programme de contrôle des conteneurs, mis en œuvre par l'Office des Nations Unies contre la drogue et le crime (ONUDC) en coordination avec l'Organisation mondiale des douanes."},
		{"it", "Roma, 3 maggio 2023 – L'Italia sostiene il Programma di controllo dei container, attuato dall'Ufficio delle Nazioni Unite contro la droga e il crimine (UNODC) in coordinamento con l'Organizzazione mondiale delle dogane."},
	}
	wantEdges(t, cases, fixtures.EdgeImplements, []string{"unbody:unodc", "org:wco"}, "project:", "the body the implementer works in coordination with implements the programme with it")
	f := extractText(t, "en.txt", "Dakar, 3 May 2023 - A workshop on maritime crime was held in Dakar on 2 May 2023. The participants agreed to act in coordination with INTERPOL when tracing stolen vessels.")
	if hasEdgePrefix(f, fixtures.EdgeParticipatedIn, "org:interpol", "meeting:") {
		t.Errorf("acting in coordination with a body is no organising of the meeting:\n%s", dumpEdges(f))
	}
}

func TestProjectNamedAgainIsTheOneIntroduced(t *testing.T) {
	cases := []languageCase{
		{"en", "Cairo, 3 May 2023 - On 1 August 2019 the European Union and UNODC launched a three-year project to help Egypt and Libya dismantle smuggling networks. The project is funded by Sweden."},
		{"fr", "Le Caire, 3 mai 2023 – Le 1er août 2019, l'Union européenne et l'ONUDC ont lancé un nouveau projet pour aider l'Égypte et la Libye. Le projet est financé par la Suède."},
		{"it", "Il Cairo, 3 maggio 2023 – Il 1° agosto 2019 l'Unione europea e l'UNODC hanno avviato un nuovo progetto per aiutare l'Egitto e la Libia. Il progetto è finanziato dalla Svezia."},
	}
	want := map[string]string{"en": "three-year project", "fr": "nouveau projet", "it": "nuovo progetto"}
	eachLanguage(t, cases, func(lang string, f *fixtures.Fixture) {
		if got := namesOfKind(f, fixtures.KindProject); !slices.Contains(got, want[lang]) || !hasEdgePrefix(f, fixtures.EdgeFunded, "state:se", "project:") {
			t.Errorf("%s: the project named again is the one a sentence before introduced with its modifiers (%q): %v\n%s", lang, want[lang], got, dumpEdges(f))
		}
	})
}

func TestFunderInAnObjectRelativeClause(t *testing.T) {
	cases := []languageCase{
		{"en", "Ottawa, 3 May 2023 - The text supports the SHIELD project, which Canada funds with 9.9 million dollars. The partners welcomed the support."},
		{"fr", "Ottawa, 3 mai 2023 – Le texte accompagne le projet de Renforcement de l'Académie nationale de police (RANP), que le Canada finance à hauteur de 9,9 millions de dollars. Les partenaires ont salué ce soutien."},
		{"it", "Ottawa, 3 maggio 2023 – Il testo accompagna il progetto SHIELD, che il Canada finanzia con 9,9 milioni di dollari. I partner hanno accolto il sostegno."},
	}
	wantEdges(t, cases, fixtures.EdgeFunded, []string{"state:ca"}, "project:", "the subject of a relative clause whose object is the project funds it")
}

func TestProjectLookalikesStayOut(t *testing.T) {
	for _, c := range []languageCase{
		{"fr", "Abidjan, 3 mai 2023 – Un atelier s'est tenu à Abidjan le 2 mai à l'initiative de la Direction de la police des frontières (DPF). La DPF a remercié les participants."},
		{"fr", "Abidjan, 3 mai 2023 – Le chef de projet de l'ONUDC a présenté les activités financées par le Japon. Les participants ont salué le soutien."},
		{"en", "Pristina, 3 May 2023 - In 2019 the Carabinieri completed a two-year project on forensic training in Kosovo. This week the European Union announced new support for the police. The project financed by the European Union will be implemented by UNODC."},
	} {
		f := extractText(t, c.lang+".txt", c.text)
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindProject && (strings.Contains(n.Name, "Direction") || strings.Contains(n.Name, "chef") || strings.Contains(n.Name, "two-year")) {
				t.Errorf("%s: no such project: %q (a body after 'initiative of', a role's noun, a project two sentences back)", c.lang, n.Name)
			}
		}
	}
}

func TestObjectRelativeReadsTheSubjectBeforeTheVerb(t *testing.T) {
	f := extractText(t, "it.txt", "Ottawa, 3 maggio 2023 – Il testo accompagna il progetto SHIELD, che con la Guardia Civil finanzia l'acquisto di veicoli. I partner hanno accolto il sostegno.")
	if hasEdgePrefix(f, fixtures.EdgeFunded, "agency:es:guardia-civil", "project:") {
		t.Errorf("a body after 'con' is no subject:\n%s", dumpEdges(f))
	}
	f = extractText(t, "en.txt", "Ottawa, 3 May 2023 - The text supports the SHIELD project, which INTERPOL implements and Canada funds. The partners welcomed the support.")
	if hasEdgePrefix(f, fixtures.EdgeFunded, "org:interpol", "project:") || !hasEdgePrefix(f, fixtures.EdgeFunded, "state:ca", "project:") {
		t.Errorf("the funder is the subject right before the verb of funding:\n%s", dumpEdges(f))
	}
}
