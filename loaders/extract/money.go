package extract

import (
	"regexp"
	"strconv"
	"strings"
)

// An amount of money as written: "EUR 1.2 million", "€ 500.000", "1,5 milioni di euro",
// "2 millions d'euros", "USD 3 million", "$3 million" (matched on the fold, where "€",
// "£" and "$" are all "$" and the currency is read from the original text).
var moneyRE = regexp.MustCompile(`(?:\b(eur|euro|usd|us\$|gbp|chf|jpy|cad|aud|nok|sek|dkk)\s*|\$\s*)?\b(\d{1,3}(?:[.,' ]\d{3})+|\d+(?:[.,]\d+)?)\s*(milioni|millions|million|miliardi|milliards|billion|mila|thousand|mln|mn|m|bn)?\b\s*(?:(?:di|d'|de|of)\s*)?(euro|euros|dollari|dollars|dollar|usd|eur|sterline|pounds|francs|yen)?\b`)

// moneyAnchored is moneyRE anchored at the start of the text: an amount starts at a
// currency word, a "$" or a number, so money tries it only at word starts and "$".
var moneyAnchored = anchor(moneyRE)

// moneyStarts returns where an amount can start in w: at word starts and at "$".
func moneyStarts(w string) []int {
	var starts []int
	for i := 0; i < len(w); i++ {
		if w[i] == '$' || isWordByte(w[i]) && (i == 0 || !isWordByte(w[i-1])) {
			starts = append(starts, i)
		}
	}
	return starts
}

var currencyWords = map[string]string{"eur": "EUR", "euro": "EUR", "euros": "EUR", "usd": "USD", "us$": "USD",
	"dollari": "USD", "dollars": "USD", "dollar": "USD", "gbp": "GBP", "sterline": "GBP", "pounds": "GBP",
	"chf": "CHF", "francs": "CHF", "jpy": "JPY", "yen": "JPY", "cad": "CAD", "aud": "AUD", "nok": "NOK", "sek": "SEK",
	"dkk": "DKK"}

var multipliers = map[string]float64{"milioni": 1e6, "millions": 1e6, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
	"miliardi": 1e9, "milliards": 1e9, "billion": 1e9, "bn": 1e9, "mila": 1e3, "thousand": 1e3}

// money reads the first amount with a currency in fold[start:end]; runes give the symbol.
func money(fold string, runes []rune, start, end int) (amount float64, currency string, ok bool) {
	w := fold[start:end]
	if !strings.ContainsAny(w, "0123456789") {
		return 0, "", false // every amount has a number
	}
	for _, loc := range findAllAt(moneyAnchored, w, moneyStarts(w), 10) {
		g := func(k int) string {
			if loc[2*k] < 0 {
				return ""
			}
			return fold[start+loc[2*k] : start+loc[2*k+1]]
		}
		cur := currencyWords[g(1)]
		if cur == "" {
			cur = currencyWords[g(4)]
		}
		if cur == "" && fold[start+loc[0]] == '$' {
			cur = map[rune]string{'€': "EUR", '£': "GBP", '$': "USD"}[runes[start+loc[0]]]
		}
		if cur == "" {
			continue
		}
		n, err := parseNumber(g(2))
		if err != nil {
			continue
		}
		if m := multipliers[g(3)]; m > 0 {
			n *= m
		}
		return n, cur, true
	}
	return 0, "", false
}

// parseNumber reads "1.200.000", "1,200,000", "1,5", "1.5": a separator followed by
// exactly three digits groups thousands, otherwise it is the decimal mark.
func parseNumber(s string) (float64, error) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "'", "")
	if i := strings.LastIndexAny(s, ".,"); i >= 0 && len(s)-i-1 != 3 {
		s = strings.NewReplacer(".", "", ",", "").Replace(s[:i]) + "." + s[i+1:]
	} else {
		s = strings.NewReplacer(".", "", ",", "").Replace(s)
	}
	return strconv.ParseFloat(s, 64)
}
