package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/entente/entente/fixtures"
)

// Node returns the k-th node of a kind, without sources: the same value in every file
// that carries it.
func (g *Generator) Node(kind string, k int) fixtures.Node {
	r := g.nodeRand(kind, k)
	n := fixtures.Node{ID: g.ID(kind, k), Kind: kind, Aliases: []string{}, Properties: map[string]any{}}
	switch kind {
	case fixtures.KindState:
		s := g.gaz.States[k]
		n.Name, n.Country = s.Name, ptr(s.Code)
		n.Aliases = otherNames(s.Name, s.Names)
	case fixtures.KindUNBody:
		b := g.un[k]
		n.Name = b.Name
		n.Aliases = append(otherNames(b.Name, b.Names), b.Acronyms...)
	case fixtures.KindOrganization:
		if k < len(g.orgs) {
			b := g.orgs[k]
			n.Name = b.Name
			n.Aliases = append(otherNames(b.Name, b.Names), b.Acronyms...)
			if b.Country != "" {
				n.Country = ptr(b.Country)
			}
			break
		}
		t, reg := themes[r.IntN(len(themes))], regions[r.IntN(len(regions))]
		form := orgForms[r.IntN(len(orgForms))]
		n.Name = fmt.Sprintf("%s %s %s (%d)", reg.en, form.en, t.en, k)
		n.Aliases = []string{fmt.Sprintf("%s %s %s (%d)", form.fr, t.fr, reg.fr, k), fmt.Sprintf("%s %s %s (%d)", form.it, t.it, reg.it, k),
			acronym(reg.en, form.en, t.en) + fmt.Sprint(k)}
	case fixtures.KindAgency:
		s := g.gaz.States[g.agencyState(k)]
		a := g.agency[k%len(g.agency)]
		unit := k / len(g.agency)
		suffix := ""
		if unit > 0 {
			suffix = fmt.Sprintf(" – %s %d", []string{"Directorate", "Department", "Office", "Unit"}[unit%4], unit)
		}
		n.Name, n.Country = a.Name+suffix, ptr(s.Code)
		n.Aliases = otherNames(a.Name, a.Names)
		for i := range n.Aliases {
			n.Aliases[i] += suffix
		}
		n.Aliases = append(n.Aliases, a.Name+" of "+s.Name+suffix)
	case fixtures.KindPerson:
		first, last := firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))]
		n.Name = first.latin + " " + last.latin
		n.Aliases = []string{string([]rune(first.latin)[:1]) + ". " + last.latin, strings.ToUpper(last.latin) + " " + first.latin}
		if first.other != "" || last.other != "" {
			n.Aliases = append(n.Aliases, or(first.other, first.latin)+" "+or(last.other, last.latin))
		}
		if r.Float64() < 0.3 { // homonyms are common: a middle initial tells some apart
			n.Name = fmt.Sprintf("%s %c. %s", first.latin, 'A'+rune(r.IntN(26)), last.latin)
		}
		n.Properties["title"] = titles[r.IntN(len(titles))]
	case fixtures.KindProject:
		t, reg := themes[r.IntN(len(themes))], regions[r.IntN(len(regions))]
		acr := acronym(t.en, reg.en) + fmt.Sprint(k)
		n.Name = fmt.Sprintf("%s: %s in %s", acr, t.en, reg.en)
		n.Aliases = []string{acr, fmt.Sprintf("Progetto %s: %s in %s", acr, t.it, reg.it), fmt.Sprintf("Projet %s : %s en %s", acr, t.fr, reg.fr)}
		n.Properties["description"] = fmt.Sprintf("Strengthening %s in %s.", strings.ToLower(t.en), reg.en)
	case fixtures.KindRoadmap:
		t, reg := themes[r.IntN(len(themes))], regions[r.IntN(len(regions))]
		sub := roadmapTypes[r.IntN(len(roadmapTypes))]
		y := 2005 + r.IntN(18)
		start, end := fmt.Sprint(y), fmt.Sprint(y+1+r.IntN(5))
		if r.Float64() < 0.6 {
			start = fmt.Sprintf("%d-%02d-%02d", y, 1+r.IntN(12), 1+r.IntN(28))
		}
		n.Name = fmt.Sprintf("%s %s on %s %s–%s (%d)", reg.en, sub.en, t.en, start[:4], end, k)
		n.Aliases = []string{fmt.Sprintf("%s %s %s %s–%s (%d)", sub.fr, t.fr, reg.fr, start[:4], end, k),
			fmt.Sprintf("%s %s %s %s–%s (%d)", sub.it, t.it, reg.it, start[:4], end, k)}
		n.StartDate, n.EndDate = &start, &end
		n.Properties["subtype"] = sub.en
	case fixtures.KindMeeting:
		t := themes[r.IntN(len(themes))]
		sub := meetingTypes[r.IntN(len(meetingTypes))]
		s := g.gaz.States[r.IntN(len(g.gaz.States))]
		city := s.Name
		if ps := g.places[s.Code]; len(ps) > 0 {
			city = ps[r.IntN(len(ps))]
		}
		start := date(r)
		n.Name = fmt.Sprintf("%s on %s, %s %s (%d)", sub.en, t.en, city, start[:4], k)
		n.Aliases = []string{fmt.Sprintf("%s sur %s, %s %s (%d)", sub.fr, t.fr, city, start[:4], k),
			fmt.Sprintf("%s su %s, %s %s (%d)", sub.it, t.it, city, start[:4], k)}
		n.StartDate, n.Place, n.Country = &start, &city, ptr(s.Code)
		if len(start) == 10 && r.Float64() < 0.5 {
			end := start[:8] + fmt.Sprintf("%02d", min(28, atoi2(start[8:])+1+r.IntN(4)))
			n.EndDate = &end
		}
		n.Properties["subtype"] = strings.ToLower(sub.en)
	}
	return n
}

// agencyState is the index of the state an agency belongs to: hubs of the state power law
// have more agencies. It depends on k only.
func (g *Generator) agencyState(k int) int {
	r := rand.New(rand.NewPCG(g.o.Seed^0x5eed, uint64(k)))
	return g.pick(r, fixtures.KindState)
}

// otherNames lists every name in names but canonical, once, in language order.
func otherNames(canonical string, names map[string][]string) []string {
	seen := map[string]bool{canonical: true}
	out := []string{}
	for _, lang := range []string{"en", "it", "fr"} {
		for _, n := range names[lang] {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// acronym is the upper-case initials of the words of s longer than three letters.
func acronym(parts ...string) string {
	var b strings.Builder
	for _, w := range strings.Fields(strings.Join(parts, " ")) {
		if len(w) > 3 {
			b.WriteString(strings.ToUpper(w[:1]))
		}
	}
	return b.String()
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// tri is a phrase in English, French and Italian.
type tri struct{ en, fr, it string }

var themes = []tri{
	{"Counter-Terrorism", "la lutte contre le terrorisme", "la lotta al terrorismo"},
	{"Border Management", "la gestion des frontières", "la gestione delle frontiere"},
	{"Cybercrime", "la cybercriminalité", "la criminalità informatica"},
	{"Trafficking in Persons", "la traite des personnes", "la tratta di esseri umani"},
	{"Maritime Security", "la sûreté maritime", "la sicurezza marittima"},
	{"Money Laundering", "le blanchiment d'argent", "il riciclaggio di denaro"},
	{"Small Arms Control", "le contrôle des armes légères", "il controllo delle armi leggere"},
	{"Violent Extremism", "l'extrémisme violent", "l'estremismo violento"},
	{"Judicial Cooperation", "la coopération judiciaire", "la cooperazione giudiziaria"},
	{"Migrant Smuggling", "le trafic de migrants", "il traffico di migranti"},
	{"Drug Trafficking", "le trafic de drogues", "il traffico di stupefacenti"},
	{"Critical Infrastructure", "les infrastructures critiques", "le infrastrutture critiche"},
	{"Nuclear Security", "la sécurité nucléaire", "la sicurezza nucleare"},
	{"Police Training", "la formation policière", "la formazione delle forze di polizia"},
	{"Foreign Terrorist Fighters", "les combattants terroristes étrangers", "i combattenti terroristi stranieri"},
	{"Prison Radicalisation", "la radicalisation en prison", "la radicalizzazione in carcere"},
}

var regions = []tri{
	{"Sahel", "Sahel", "Sahel"}, {"Western Balkans", "Balkans occidentaux", "Balcani occidentali"},
	{"Mediterranean", "Méditerranée", "Mediterraneo"}, {"Horn of Africa", "Corne de l'Afrique", "Corno d'Africa"},
	{"Central Asia", "Asie centrale", "Asia centrale"}, {"Gulf of Guinea", "Golfe de Guinée", "Golfo di Guinea"},
	{"Maghreb", "Maghreb", "Maghreb"}, {"Lake Chad Basin", "bassin du lac Tchad", "bacino del lago Ciad"},
	{"South-East Europe", "Europe du Sud-Est", "Europa sud-orientale"}, {"Middle East", "Moyen-Orient", "Medio Oriente"},
	{"West Africa", "Afrique de l'Ouest", "Africa occidentale"}, {"Eastern Partnership", "Partenariat oriental", "Partenariato orientale"},
}

var orgForms = []tri{
	{"Network on", "Réseau sur", "Rete su"}, {"Forum on", "Forum sur", "Forum su"},
	{"Centre for", "Centre pour", "Centro per"}, {"Initiative on", "Initiative sur", "Iniziativa su"},
	{"Working Group on", "Groupe de travail sur", "Gruppo di lavoro su"},
}

var roadmapTypes = []tri{
	{"Action Plan", "Plan d'action", "Piano d'azione"}, {"Roadmap", "Feuille de route", "Tabella di marcia"},
	{"Strategy", "Stratégie", "Strategia"}, {"Declaration", "Déclaration", "Dichiarazione"},
	{"Compact", "Pacte", "Patto"},
}

var meetingTypes = []tri{
	{"Workshop", "Atelier", "Seminario"}, {"Conference", "Conférence", "Conferenza"},
	{"Meeting", "Réunion", "Riunione"}, {"Training", "Formation", "Formazione"},
	{"Exercise", "Exercice", "Esercitazione"}, {"Study Visit", "Visite d'étude", "Visita di studio"},
	{"Signing Ceremony", "Cérémonie de signature", "Cerimonia di firma"},
}

var titles = []string{"Director", "Director-General", "Minister", "Ambassador", "Commissioner", "Prefetto",
	"Questore", "Procureur de la République", "Directeur général", "Head of Unit", "Programme Officer",
	"Colonel", "Commissario", "Chef de division", "Special Representative", "Under-Secretary-General"}

// name is a given name or surname in Latin script, with its form in another script when it has one.
type name struct{ latin, other string }

var firstNames = []name{
	{"Marco", ""}, {"Giulia", ""}, {"Francesca", ""}, {"Luca", ""}, {"Alessandro", ""}, {"Chiara", ""},
	{"Jean", ""}, {"Amélie", ""}, {"François", ""}, {"Hélène", ""}, {"Étienne", ""}, {"Zoé", ""},
	{"John", ""}, {"Sarah", ""}, {"Michael", ""}, {"Emily", ""}, {"David", ""}, {"Catherine", ""},
	{"Mohammed", "محمد"}, {"Fatima", "فاطمة"}, {"Youssef", "يوسف"}, {"Amina", "أمينة"}, {"Karim", "كريم"},
	{"Olena", "Олена"}, {"Oleksandr", "Олександр"}, {"Dmitri", "Дмитрий"}, {"Natalia", "Наталья"},
	{"Ayşe", ""}, {"Mehmet", ""}, {"Jürgen", ""}, {"Søren", ""}, {"José", ""}, {"María", ""},
	{"Aïssatou", ""}, {"Mamadou", ""}, {"Kwame", ""}, {"Nguyễn", ""}, {"Wei", "伟"}, {"Yuki", "由紀"},
}

var lastNames = []name{
	{"Rossi", ""}, {"Bianchi", ""}, {"Esposito", ""}, {"Ferrari", ""}, {"Romano", ""}, {"Colombo", ""},
	{"Martin", ""}, {"Bernard", ""}, {"Dubois", ""}, {"Lefèvre", ""}, {"Moreau", ""}, {"Girard", ""},
	{"Smith", ""}, {"Johnson", ""}, {"Brown", ""}, {"Taylor", ""}, {"Wilson", ""}, {"O'Connor", ""},
	{"Benali", "بن علي"}, {"El Amrani", "العمراني"}, {"Haddad", "حداد"}, {"Mansour", "منصور"}, {"Khalil", "خليل"},
	{"Shevchenko", "Шевченко"}, {"Kovalenko", "Коваленко"}, {"Ivanov", "Иванов"}, {"Petrova", "Петрова"},
	{"Yılmaz", ""}, {"Öztürk", ""}, {"Müller", ""}, {"Schröder", ""}, {"García", ""}, {"Fernández", ""},
	{"Diallo", ""}, {"Traoré", ""}, {"Mensah", ""}, {"Ndiaye", ""}, {"Zhang", "张"}, {"Tanaka", "田中"},
	{"Kowalski", ""}, {"Nowak", ""}, {"Papadopoulos", "Παπαδόπουλος"}, {"Novák", ""}, {"Horvat", ""},
}
