package extract

import (
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
)

// Misfires a read-only review of the stop's rules found, each in the words of a probe it
// invented: the rules must leave these facts as they were.
func TestReviewedMisfires(t *testing.T) {
	for _, c := range []struct {
		name, text, kind, from, to string
		want                       bool
	}{
		{"FrameworkOfABodyAfterItsOrgan", "Vienna, 3 May 2024 – The meeting took place in Vienna on 2 May 2024 under the Italian Chairmanship of the Organization for Security and Co-operation in Europe. Delegations from Albania and Kosovo attended.\n",
			"HELD_UNDER", "meeting:2024-05-02", "org:osce", true},
		{"UNOfficeHasNoMemberStates", "Vienna, 3 May 2024 – The Anti-Smuggling Task Force, supported by UNODC, met in Vienna. UNODC provides the secretariat of the task force, and UNODC experts chaired the session.\n\nMembers\n\n- Austria\n- Hungary\n- Slovakia\n",
			"MEMBER_OF", "state:at", "unbody:unodc", false},
		{"ObserverRowIsNoMember", "SARPCCO – About us\n\nSARPCCO met in Lusaka on 2 May 2024. Both sides stressed the importance of cooperation.\n\nMembership\n\n| Country | Status |\n|---|---|\n| Zambia | Member |\n| Malawi | Member |\n| Kenya | Observer |\n",
			"MEMBER_OF", "state:ke", "org:sarpcco", false},
		{"ProgrammeOfABodyIsNoMembership", "Accra, 3 May 2024 – Ghana and Togo are part of the European Union programme on port security, which trains customs officers. Officers met in Accra.\n",
			"MEMBER_OF", "state:gh", "org:eu", false},
		{"PossessiveAfterKnownAs", "Accra, 3 May 2024 – The Ghana Police Service, known as Ghana's largest security agency, hosted a workshop in Accra on 2 May 2024 with INTERPOL. Officers from Togo and Ghana attended.\n",
			"PARTICIPATED_IN", "state:gh", "meeting:2024-05-02", true},
		{"HostileGroupIsNoBody", "Roma, 3 maggio 2024 – Il gruppo terroristico «Ansar», che unisce combattenti di Mali e Niger, è stato al centro della riunione di Roma. Le due parti hanno sottolineato l'importanza della cooperazione.\n",
			"MEMBER_OF", "state:ml", "org:", false},
		{"PreventedIsNoAbsence", "Dakar, 3 mai 2024 – Le ministre Amadou Diallo, qui a salué l'opération ayant empêché un trafic de cocaïne, a ouvert le 2 mai 2024 à Dakar une réunion régionale sur la sécurité maritime.\n",
			"PARTICIPATED_IN", "person:amadou-diallo", "meeting:2024-05-02", true},
		{"AnotherCouldNotAttend", "Accra, 3 May 2024 – A regional meeting was held in Accra on 2 May 2024. Minister Kwame Mensah said the Malian delegation could not attend, and opened the meeting.\n",
			"PARTICIPATED_IN", "person:kwame-mensah", "meeting:2024-05-02", true},
		{"RepresentedByIsPresent", "Accra, 3 May 2024 – A regional meeting on maritime security was held in Accra on 2 May 2024. Ghana was represented by Minister Kwame Mensah and Togo by Colonel Koffi Adjo. UNODC organised the meeting.\n",
			"PARTICIPATED_IN", "person:kwame-mensah", "meeting:2024-05-02", true},
		{"HeadlineAfterALabelIsNoPerson", "Europol: Major Cocaine Seizure\nThe Hague, 3 May 2024 – Europol supported an operation against cocaine trafficking in the port of Rotterdam.\n",
			"AFFILIATED_WITH", "person:cocaine-seizure", "org:europol", false},
		{"LabelOfAMeetingLineIsNoEmployer", "The Hague, 3 May 2024 – News in brief.\n\nEuropol: Director Catherine De Bolle meets INTERPOL Secretary General Valdecy Urquiza in The Hague.\n",
			"AFFILIATED_WITH", "person:valdecy-urquiza", "org:europol", false},
		{"ApologiesAreNoAttendance", "Minutes of the working meeting held in Vienna on 3 June 2024\n\nAttendance\nAnna Berg, Analyst, Europol\nMark Ellis, Adviser, OSCE\n\nApologies\nMaria Kovacs, Liaison Officer, Frontex\n",
			"PARTICIPATED_IN", "person:maria-kovacs", "meeting:2024-06-03", false},
		{"FutureCourseIsNoMeeting", "Dakar, 3 mai 2024 – Le ministre de l'Intérieur a annoncé hier qu'un cours sur la cybercriminalité sera proposé aux policiers l'an prochain. Les deux parties ont souligné l'importance de la coopération.\n",
			"PARTICIPATED_IN", "", "meeting:2024-05-02", false},
		{"PlanCarriedOutWithSupport", "Tirana, 3 May 2024 – The ministers adopted the Regional Action Plan 2024-2026 in Tirana. The Regional Action Plan will be carried out with the support of the International Organization for Migration.\n",
			"IMPLEMENTS", "unbody:iom", "roadmap:", true},
		{"ProseBelowADelegationKeepsItsState", "Chisinau, 14 November 2024 – The second meeting of the joint working group took place in Chisinau on 13 November 2024.\nParticipants:\nMoldovan delegation\n- Ion Rusu, Head of Unit, Border Police\nRomanian delegation\n- Andrei Popescu, Deputy Inspector General, Border Police\nThe Guardia di Finanza liaison officer presented the results of the joint patrols.\n",
			"PART_OF", "agency:it:guardia-di-finanza", "state:it", true},
		{"LabelledLineWithLowerCaseTitles", "Roma, 3 giugno 2024 – Verbale della riunione tecnica svolta a Roma il 3 giugno 2024.\n\nSono presenti:\n- Guardia di Finanza: ten. col. Sandro Pace, ufficiale di collegamento presso Europol\n- Polizia di Stato: dott.ssa Giulia Neri, primo dirigente\n",
			"AFFILIATED_WITH", "person:sandro-pace", "agency:it:guardia-di-finanza", true},
		{"OrganOnAWrappedLine", "Vienna, 3 May 2024 – A workshop on border security was organised in Vienna on 2 May 2024 by the Secretariat of\nthe OSCE together with the Council of Europe. The ministers stressed the importance of cooperation.\n",
			"PART_OF", "org:osce-secretariat", "org:osce", true},
		{"ProseBelowApologies", "Minutes of the working meeting held in Vienna on 3 June 2024\n\nApologies:\n- Maria Kovacs, Frontex\n\nThe meeting was opened by Chair John Smith, who welcomed the participants.\n",
			"PARTICIPATED_IN", "person:john-smith", "meeting:2024-06-03", true},
		{"SpeakerIsNotTheAbsentOne", "Niamey, 3 May 2024 – A regional workshop was held in Niamey on 2 May 2024. The meeting was opened by Anna Berg, Head of the EU Delegation, who recalled that the delegations of Niger and Chad, although invited, did not attend.\n",
			"PARTICIPATED_IN", "person:anna-berg", "meeting:2024-05-02", true},
		{"AbsentInARelativeClause", "Roma, 3 maggio 2024 – Il seminario si è svolto a Roma il 2 maggio 2024. Il Ministro Luigi Bianchi, che non ha potuto partecipare, ha inviato un messaggio ai partecipanti.\n",
			"PARTICIPATED_IN", "person:luigi-bianchi", "meeting:2024-05-02", false},
		{"CoordinationPastAPlace", "Vienna, 3 May 2024 – A workshop on border security was organised by the OSCE Secretariat in Vienna on 2 May 2024, in coordination with UNODC and INTERPOL.\n",
			"PARTICIPATED_IN", "org:interpol", "meeting:2024-05-02", true},
	} {
		f := extractText(t, c.name+".txt", c.text)
		got := hasEdgePrefix(f, c.kind, c.from, c.to)
		if c.kind == fixtures.EdgeParticipatedIn && c.from == "" {
			got = false
			for _, n := range f.Nodes {
				got = got || n.Kind == fixtures.KindMeeting
			}
		}
		if got != c.want {
			t.Errorf("%s: %s %s -> %s: got %v:\n%s", c.name, c.kind, c.from, c.to, got, dumpEdges(f))
		}
	}
}

func TestStatesBodyDefinedByAcronymIsNoOrganisation(t *testing.T) {
	for _, doc := range []string{
		"Niamey, 3 mai 2024 – Le Conseil national de sécurité (CNS) du Niger a reçu une délégation de l'ONUDC. Les deux parties ont souligné l'importance de la coopération.\n",
		"Moroni, 3 mai 2024 – Le gouvernement de l'Union des Comores (UC) a accueilli une mission d'INTERPOL à Moroni. Les deux parties ont souligné l'importance de la coopération.\n",
	} {
		f := extractText(t, "defined.txt", doc)
		for _, n := range f.Nodes {
			if n.Kind == fixtures.KindOrganization && n.ID != "org:interpol" {
				t.Errorf("a state's body or the state itself is no organisation: %s", n.ID)
			}
		}
	}
}

func TestDeadlineIsNoMeetingDay(t *testing.T) {
	for _, doc := range []string{
		"Dakar, 3 April 2024 – UNODC opens applications for its regional programme.\n\nTraining of trainers\nApplication deadline: 30 April 2024\nVenue: Dakar\n\nApplications go to the regional office.\n",
		"Dakar, 3 avril 2024 – L'ONUDC annonce une nouvelle session de son programme régional.\n\nFormation des formateurs\nDate limite de candidature : 30 avril 2024\nLieu : Dakar\n\nLes candidatures doivent être adressées au bureau régional.\n",
		"Dakar, 3 aprile 2024 – L'UNODC apre le candidature per il suo programma regionale.\n\nFormazione dei formatori\nScadenza delle candidature: 30 aprile 2024\nLuogo: Dakar\n\nLe candidature vanno inviate all'ufficio regionale.\n",
	} {
		f := extractText(t, "deadline.txt", doc)
		for _, n := range f.Nodes {
			if strings.HasPrefix(n.ID, "meeting:2024-04-30") {
				t.Errorf("a deadline is no meeting's day: %s", n.ID)
			}
		}
	}
}
