package extract

import (
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
