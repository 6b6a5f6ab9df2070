package text

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldKeepsOffsets(t *testing.T) {
	s := "L’Ufficio “ATLAS” – *best practices* Ouzbékistan, œuvre, Москва 2023"
	rs := []rune(s)
	f := Fold(rs)
	if len(f) != len(rs) {
		t.Fatalf("fold has %d bytes for %d code points", len(f), len(rs))
	}
	want := `l'ufficio "atlas" -  best practices  ouzbekistan, ouvre, xxxxxx 2023`
	if f != want {
		t.Errorf("fold\n got %q\nwant %q", f, want)
	}
}

func TestAnalyse(t *testing.T) {
	d, err := Analyse([]byte("Il 26 gennaio, il Min. Plén. Vincenzo CELESTE ha aperto i lavori della conferenza. Poi è intervenuto il direttore dell'Ufficio, con gli esperti della regione.\nTitolo\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Lang != "it" {
		t.Errorf("language %q, want it", d.Lang)
	}
	var sentences []string
	for _, s := range d.Sentences {
		sentences = append(sentences, d.Slice(s))
	}
	if len(sentences) != 3 || !strings.HasSuffix(sentences[0], "conferenza.") || sentences[2] != "Titolo" {
		t.Errorf("sentences: %q", sentences)
	}
	for _, tk := range d.Tokens {
		if d.TokenText(tk) == "CELESTE" && !tk.AllCaps {
			t.Error("CELESTE is not all caps")
		}
		if d.TokenFold(tk) == "ufficio" && !tk.Upper {
			t.Error("Ufficio is not capitalised")
		}
	}
}

func TestLanguages(t *testing.T) {
	for want, s := range map[string]string{
		"it": "Il Ministero dell'Interno ha firmato con la Tunisia un accordo per la cooperazione di polizia e per il controllo delle frontiere.",
		"fr": "Le ministère de l'Intérieur a signé avec la Tunisie un accord pour la coopération policière et le contrôle des frontières.",
		"en": "The Ministry of the Interior signed with Tunisia an agreement on police cooperation and on the control of the borders.",
		// Short texts with few of the commonest words: "vient", "aussi", "sur", "lors".
		"fr-short": "Le gouvernement vient de signer un accord avec le Chili. La cérémonie a aussi lancé un groupe de travail sur la sécurité, annoncé lors de la visite.",
		"it-short": "Il governo ha appena firmato un accordo con il Cile presso la sede dei carabinieri, dopo la visita nei giorni scorsi.",
		"en-short": "The government has just signed an agreement with Chile. It will also launch a working group, after a visit during the spring.",
	} {
		want = strings.TrimSuffix(want, "-short")
		d, err := Analyse([]byte(s))
		if err != nil || d.Lang != want {
			t.Errorf("%s: got %v %v", want, d.Lang, err)
		}
	}
	if _, err := Analyse([]byte("Der Innenminister hat mit Tunesien ein Abkommen über die polizeiliche Zusammenarbeit unterzeichnet.")); !errors.Is(err, ErrNoLanguage) {
		t.Errorf("German: %v, want ErrNoLanguage", err)
	}
}

func TestJoinedAndFoldTokens(t *testing.T) {
	d, err := Analyse([]byte("La guerre russo-ukrainienne et le Groupe Rome/Lyon des pays du G7 pour la sécurité."))
	if err != nil {
		t.Fatal(err)
	}
	for k, tk := range d.Tokens {
		if w := d.TokenFold(tk); (w == "ukrainienne" || w == "lyon") != d.Joined(k) {
			t.Errorf("%s: joined %v", w, d.Joined(k))
		}
	}
	if got := strings.Join(FoldTokens("Ministère de l’Intérieur (MI)"), " "); got != "ministere de l interieur ( mi )" {
		t.Errorf("FoldTokens: %q", got)
	}
	if !utf8.ValidString(d.Text) {
		t.Error("text not UTF-8")
	}
}

func TestCountTokens(t *testing.T) {
	texts := []string{"", "a", "L’Ufficio “ATLAS” – *best* 2023.", "Roma/Lione, dell'Ufficio -- a-b ;;\n\nx"}
	files, _ := filepath.Glob("../../testdata/loaders/*/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	for _, s := range texts {
		d := &Doc{Runes: []rune(s)}
		d.Fold = Fold(d.Runes)
		d.tokenise()
		if n := countTokens(d.Fold); n != len(d.Tokens) || cap(d.Tokens) != n {
			t.Errorf("%.40q: counted %d tokens, found %d (capacity %d)", s, n, len(d.Tokens), cap(d.Tokens))
		}
	}
}

func TestSliceIsTheTextOfTheCodePoints(t *testing.T) {
	d, err := Analyse([]byte("Il Ministro dell’Interno, Matteo PIANTEDOSI, e l’omologo « Fernando Grande-Marlaska » — €5 million. Москва"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range d.Tokens {
		if got, want := d.TokenText(tok), string(d.Runes[tok.Start:tok.End]); got != want {
			t.Errorf("token %v: %q, want %q", tok, got, want)
		}
	}
	for start := 0; start <= len(d.Runes); start++ {
		for end := start; end <= len(d.Runes); end += 7 {
			if got, want := d.Slice(Span{start, end}), string(d.Runes[start:end]); got != want {
				t.Fatalf("span %d-%d: %q, want %q", start, end, got, want)
			}
		}
	}
}

// TestSpacedDashIsAToken keeps a dash between spaces as a token that breaks names
// ("Actualités – Police"), while a hyphen still joins the words it stands between.
func TestSpacedDashIsAToken(t *testing.T) {
	d, err := Analyse([]byte("Actualités – Police de Haute-Savoie. Les policiers et les gendarmes sont dans la région pour une semaine."))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range d.Tokens {
		got = append(got, d.TokenFold(tok))
	}
	if want := "actualites - police de haute savoie"; strings.Join(got[:6], " ") != want {
		t.Errorf("tokens %q, want %q", strings.Join(got[:6], " "), want)
	}
	if n := countTokens(d.Fold); n != len(d.Tokens) {
		t.Errorf("countTokens %d, tokenise %d", n, len(d.Tokens))
	}
}

func TestFullStopInsideAQuotedTitle(t *testing.T) {
	d, err := Analyse([]byte("The seminar «Borders at sea. The role of the coastguards» opens today. It lasts two days.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 2 {
		t.Errorf("a full stop inside a quoted title ends no sentence: %d sentences", len(d.Sentences))
	}
}
