package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/entente/entente/loaders/text"
)

func TestMoney(t *testing.T) {
	for in, want := range map[string]struct {
		amount   float64
		currency string
	}{
		"con un contributo di 1,5 milioni di euro": {1.5e6, "EUR"},
		"funded with EUR 1.2 million by the EU":    {1.2e6, "EUR"},
		"un financement de 2 millions d'euros":     {2e6, "EUR"},
		"a grant of $3 million":                    {3e6, "USD"},
		"per un importo di € 500.000":              {5e5, "EUR"},
		"USD 250,000 from the Government of Japan": {250000, "USD"},
	} {
		rs := []rune(in)
		fold := text.Fold(rs)
		a, c, ok := money(fold, rs, 0, len(fold))
		if !ok || a != want.amount || c != want.currency {
			t.Errorf("%q: got %v %q %v, want %v %q", in, a, c, ok, want.amount, want.currency)
		}
	}
	if _, _, ok := money("oltre 30 autorita nel 2023", []rune("oltre 30 autorita nel 2023"), 0, 26); ok {
		t.Error("an amount without a currency")
	}
}

// checkMoneyAtStarts checks that trying moneyRE only where an amount can start finds
// what moneyRE finds trying every character, and nothing in text without a digit.
func checkMoneyAtStarts(t *testing.T, w string) {
	t.Helper()
	want := moneyRE.FindAllStringSubmatchIndex(w, 10)
	got := findAllAt(moneyAnchored, w, moneyStarts(w), 10)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("on %q: got %v, want %v", w, got, want)
	}
	if want != nil && !strings.ContainsAny(w, "0123456789") {
		t.Errorf("on %q: an amount without a digit", w)
	}
}

var moneySamples = []string{"eur 1.2 million", "ceur 5", "$ 3 million", "us$ 40 000 dollars", "x$5", "12eur 5", "a 1,5 milioni di euro",
	"0,5 mln d'euros e 3 bn of dollars", "chf1000", "500.000.000 yen", "$$$ 1"}

func TestMoneyAtStarts(t *testing.T) {
	for _, w := range moneySamples {
		checkMoneyAtStarts(t, w)
		checkMoneyAtStarts(t, w[1:]) // a span may start inside a word
	}
	for _, fold := range testDocumentFolds(t) {
		for i := 0; i < len(fold); i += 97 {
			checkMoneyAtStarts(t, fold[i:min(len(fold), i+400)])
		}
	}
}

func FuzzMoneyAtStarts(f *testing.F) {
	for _, w := range moneySamples {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMoneyAtStarts(t, text.Fold([]rune(s)))
	})
}
