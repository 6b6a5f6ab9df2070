package extract

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente/loaders/text"
)

// Date precision.
const (
	precYear = iota + 1
	precMonth
	precDay
)

// dateMention is a date or a period read in the text. From and To are ISO dates
// (possibly partial); a day and month without a year has From empty and Partial set.
type dateMention struct {
	start, end int    // code points
	from, to   string // ISO
	prec       int
	relative   int    // days from the publication date, for "oggi", "ieri"...
	isRelative bool   // the date is relative to the publication date
	partial    string // "18 et 7 novembre" when the year is not written
	pday, pend int    // a date without its year: first and last day
	pmonth     int    // a date without its year: month
	weekday    int    // a day named by its weekday ("on Monday"): time.Weekday+1, 0 when not
	forward    bool   // the document speaks of days after its publication: no year before it
}

// isRange reports whether the mention is a period of days written in full, its year
// possibly left out: "dal 9 al 13 marzo" says more of a meeting than "oggi".
func (dm dateMention) isRange() bool {
	return !dm.isRelative && (dm.to != "" && dm.prec == precDay || dm.pend > dm.pday)
}

var datePatterns = func() []*regexp.Regexp {
	names := make([]string, 0, len(months))
	for m := range months {
		names = append(names, m)
	}
	sort.Slice(names, func(i, j int) bool {
		return len(names[i]) > len(names[j]) || len(names[i]) == len(names[j]) && names[i] < names[j]
	})
	m := `(` + strings.Join(names, "|") + `)\.?`
	d := `(\d{1,2})(?:\s?er|°|st|nd|rd|th)?`
	days := make([]string, 0, len(weekdayNumbers))
	for w := range weekdayNumbers {
		days = append(days, w)
	}
	sort.Slice(days, func(i, j int) bool {
		return len(days[i]) > len(days[j]) || len(days[i]) == len(days[j]) && days[i] < days[j]
	})
	w := `(?:(?:` + strings.Join(days, "|") + `)\s+)?` // "du mardi 21 au mercredi 22 octobre": the second day's weekday
	return []*regexp.Regexp{
		// 0: 30 gennaio - 2 febbraio 2023
		regexp.MustCompile(`\b` + d + `\s+` + m + `\s*(?:al|au|to|-|e|et|and)\s*` + w + d + `\s+` + m + `\s+(\d{4})\b`),
		// 1: dal 25 al 28 gennaio 2022, 26 e 27 gennaio 2023, les 18 et 7 novembre, da domenica 14 a martedì 16 maggio,
		// entre le 3 et le 5 mars, tra il 3 e il 5 marzo
		regexp.MustCompile(`\b` + d + `\s*(?:al|all'|au|a|to|-|e|et|and)\s*(?:(?:le|il|the)\s+)?` + w + d + `\s+` + m + `(?:\s+(\d{4}))?\b`),
		// 2: 26 gennaio 2023, 6 fevrier 2024, the 3rd of March
		regexp.MustCompile(`\b` + d + `(?:\s+of)?\s+` + m + `(?:\s+(\d{4}))?\b`),
		// 3: January 26, 2023; October 3-4, 2023; September 4 (no year)
		regexp.MustCompile(`\b` + m + `\s+` + d + `(?:\s*(?:-|to|and)\s*(\d{1,2}))?(?:,?\s+(\d{4}))?\b`),
		// 4: 19/04/2024, 19.04.2024, 19-04-2024
		regexp.MustCompile(`\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b`),
		// 5: 2024-04-19
		regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`),
		// 6: marzo 2022, ottobre del 2022
		regexp.MustCompile(`\b` + m + `\s+(?:del\s+|de\s+|of\s+)?((?:19|20)\d{2})\b`),
		// 7: 2024-2025
		regexp.MustCompile(`\b((?:19|20)\d{2})\s*[-/]\s*((?:19|20)\d{2})\b`),
		// 8: nel 2018, in 2011, en 2024
		regexp.MustCompile(`\b(?:nel|in|en|del|of|since|dal|dans|au|dell|anno|year|annee|fin|end)\s+((?:19|20)\d{2})\b`),
		// 9: oggi, hier...
		regexp.MustCompile(`\b(oggi|today|aujourd'hui|ieri|yesterday|hier|domani|tomorrow|demain)\b`),
	}
}()

// anchoredPatterns are datePatterns anchored at the start of the text: datesIn tries
// them only at the words a match can start with (patternWords).
var anchoredPatterns = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(datePatterns))
	for i, re := range datePatterns {
		out[i] = anchor(re)
	}
	return out
}()

var relativeDays = map[string]int{"oggi": 0, "today": 0, "aujourd'hui": 0, "ieri": -1, "yesterday": -1, "hier": -1, "domani": 1, "tomorrow": 1, "demain": 1}

// findDates reads every date in the fold. Every date but a relative one has digits,
// so the patterns only run on windows of text around numbers (fast on long documents).
func findDates(fold string) []dateMention {
	var out []dateMention
	for _, w := range digitWindows(fold) {
		out = append(out, datesIn(fold[w[0]:w[1]], w[0])...)
	}
	for _, dw := range dayWordsIn(fold) {
		if days, ok := relativeDays[dw.word]; ok {
			out = append(out, dateMention{start: dw.at, end: dw.at + len(dw.word), isRelative: true, relative: days})
		} else if dm, ok := weekdayDate(fold, dw.at, dw.word); ok {
			out = append(out, dm)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// weekdayDate reads a day named by its weekday alone ("on Monday", "giovedì"), not one
// that precedes a date ("jeudi 9 mars 2023"): the last such day up to the publication
// date.
func weekdayDate(fold string, at int, word string) (dateMention, bool) {
	wd, ok := weekdayNumbers[word]
	from := at + len(word)
	rest := strings.TrimLeft(fold[from:], " ,")
	next, _, _ := strings.Cut(rest, " ")
	_, month := months[strings.TrimRight(next, ".,")]
	if !ok || rest != "" && rest[0] >= '0' && rest[0] <= '9' || month {
		return dateMention{}, false // "jeudi 9 mars", "Monday, March 4th": the date says the day
	}
	return dateMention{start: at, end: from, isRelative: true, weekday: int(wd) + 1}, true
}

// dayWords are the words that name a day without a date, relative days and weekdays,
// by their first part (up to an apostrophe: "aujourd" for "aujourd'hui"), so that one
// pass over the words of the fold finds them all.
var dayWords = func() map[string][]string {
	m := map[string][]string{}
	add := func(w string) {
		first := w
		if i := strings.IndexFunc(w, func(r rune) bool { return r > 127 || !isWordByte(byte(r)) }); i >= 0 {
			first = w[:i]
		}
		m[first] = append(m[first], w)
	}
	for w := range relativeDays {
		add(w)
	}
	for w := range weekdayNumbers {
		add(w)
	}
	return m
}()

// namedDay is a word of dayWords and where it stands.
type namedDay struct {
	at   int
	word string
}

// dayWordsIn returns where the words of dayWords stand in fold as whole words, in order.
func dayWordsIn(fold string) []namedDay {
	var out []namedDay
	for i := 0; i < len(fold); {
		for i < len(fold) && !isWordByte(fold[i]) {
			i++
		}
		j := i
		for j < len(fold) && isWordByte(fold[j]) {
			j++
		}
		for _, w := range dayWords[fold[i:j]] {
			if end := i + len(w); strings.HasPrefix(fold[i:], w) && (end == len(fold) || !isWordByte(fold[end])) {
				out = append(out, namedDay{i, w})
			}
		}
		i = j
	}
	return out
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// digitWindows returns the merged stretches of text around runs of digits, widened to
// word boundaries on the same line.
func digitWindows(fold string) [][2]int {
	var ws [][2]int
	for i := 0; i < len(fold); i++ {
		if fold[i] < '0' || fold[i] > '9' {
			continue
		}
		j := i
		for j < len(fold) && fold[j] >= '0' && fold[j] <= '9' {
			j++
		}
		s, e := max(0, i-18), min(len(fold), j+26)
		for s > 0 && isWordByte(fold[s-1]) {
			s--
		}
		for e < len(fold) && isWordByte(fold[e]) {
			e++
		}
		if n := len(ws); n > 0 && s <= ws[n-1][1] {
			ws[n-1][1] = e
		} else {
			ws = append(ws, [2]int{s, e})
		}
		i = j
	}
	return ws
}

// wordKinds is a set of kinds of word of a date window, as the date patterns read them.
type wordKinds uint8

// Kinds of word for the date patterns.
const (
	dayWord    wordKinds = 1 << iota // starts with one or two digits: "7", "1er"
	yearWord                         // four digits
	monthWord                        // a month name
	letterWord                       // any other word that starts with a letter
)

// patternWords says, for each date pattern, the kinds of word its matches start with
// (every pattern starts with \b and a word character) and those it cannot match
// without, which come after the first word, as read off the patterns above.
var patternWords = []patternWordKinds{
	0: {starts: dayWord, needs: monthWord | yearWord},
	1: {starts: dayWord, needs: monthWord},
	2: {starts: dayWord, needs: monthWord},
	3: {starts: monthWord, needs: dayWord},
	4: {starts: dayWord, needs: yearWord},
	5: {starts: yearWord},
	6: {starts: monthWord, needs: yearWord},
	7: {starts: yearWord},
	8: {starts: letterWord | monthWord, needs: yearWord},
}

// patternWordKinds are the kinds of word a date pattern starts with and those it needs.
type patternWordKinds struct{ starts, needs wordKinds }

// dateWord is where a word of a window starts and its kind (0 for other words).
type dateWord struct {
	at   int
	kind wordKinds
}

// startsIn appends to starts where a match of the pattern can start in the window: at
// the words of a kind it starts with that the words of every kind it needs follow.
func (pw patternWordKinds) startsIn(words []dateWord, starts []int) []int {
	n := len(starts)
	var after wordKinds // the kinds of the words after the k-th
	for k := len(words) - 1; k >= 0; k-- {
		if words[k].kind&pw.starts != 0 && after&pw.needs == pw.needs {
			starts = append(starts, words[k].at)
		}
		after |= words[k].kind
	}
	slices.Reverse(starts[n:])
	return starts
}

// dateWords appends the words of a window to words, with their kinds; has is all of them.
func dateWords(w string, words []dateWord) (_ []dateWord, has wordKinds) {
	for i := 0; i < len(w); {
		for i < len(w) && !isWordByte(w[i]) {
			i++
		}
		j := i
		for j < len(w) && isWordByte(w[j]) {
			j++
		}
		if j == i {
			break
		}
		word := w[i:j]
		digits := 0
		for digits < len(word) && word[digits] >= '0' && word[digits] <= '9' {
			digits++
		}
		var kind wordKinds
		switch _, month := months[word]; {
		case digits == 1 || digits == 2:
			kind = dayWord
		case digits == 4 && len(word) == 4:
			kind = yearWord
		case month:
			kind = monthWord
		case digits == 0:
			kind = letterWord
		}
		words = append(words, dateWord{i, kind})
		has |= kind
		i = j
	}
	return words, has
}

// datesIn reads the dates of one window, earlier patterns first, without overlaps.
func datesIn(w string, offset int) []dateMention {
	var out []dateMention
	taken := func(s, e int) bool {
		for _, x := range out {
			if s < x.end && e > x.start {
				return true
			}
		}
		return false
	}
	var buf [32]dateWord
	var starts [32]int
	words, has := dateWords(w, buf[:0])
	for pi, pw := range patternWords {
		if has&pw.needs != pw.needs {
			continue
		}
		for _, loc := range findAllAt(anchoredPatterns[pi], w, pw.startsIn(words, starts[:0]), 50) {
			if taken(loc[0]+offset, loc[1]+offset) {
				continue
			}
			g := func(k int) string {
				if loc[2*k] < 0 {
					return ""
				}
				return w[loc[2*k]:loc[2*k+1]]
			}
			dm := dateMention{start: loc[0] + offset, end: loc[1] + offset}
			if parseDate(pi, g, &dm) {
				out = append(out, dm)
			}
		}
	}
	return out
}

func parseDate(pattern int, g func(int) string, dm *dateMention) bool {
	num := func(k int) int { n, _ := strconv.Atoi(g(k)); return n }
	switch pattern {
	case 0:
		dm.from, dm.to, dm.prec = iso(num(5), months[g(2)], num(1)), iso(num(5), months[g(4)], num(3)), precDay
	case 1:
		d1, d2, m := num(1), num(2), months[g(3)]
		if d2 < d1 {
			d1, d2 = d2, d1
		}
		if g(4) == "" {
			dm.partial, dm.pday, dm.pend, dm.pmonth = g(0), d1, d2, m
			return true
		}
		dm.from, dm.to, dm.prec = iso(num(4), m, d1), iso(num(4), m, d2), precDay
	case 2:
		if g(3) == "" {
			dm.partial, dm.pday, dm.pmonth = g(0), num(1), months[g(2)]
			return true
		}
		dm.from, dm.prec = iso(num(3), months[g(2)], num(1)), precDay
	case 3:
		if g(4) == "" {
			dm.partial, dm.pday, dm.pend, dm.pmonth = g(0), num(2), num(3), months[g(1)]
			return true
		}
		dm.from, dm.prec = iso(num(4), months[g(1)], num(2)), precDay
		if g(3) != "" {
			dm.to = iso(num(4), months[g(1)], num(3))
		}
	case 4:
		dm.from, dm.prec = iso(num(3), num(2), num(1)), precDay
	case 5:
		dm.from, dm.prec = iso(num(1), num(2), num(3)), precDay
	case 6:
		dm.from, dm.prec = fmt.Sprintf("%04d-%02d", num(2), months[g(1)]), precMonth
	case 7:
		if num(2) <= num(1) {
			return false
		}
		dm.from, dm.to, dm.prec = g(1), g(2), precYear
	case 8:
		dm.from, dm.prec = g(1), precYear
	case 9:
		dm.isRelative, dm.relative = true, relativeDays[g(1)]
		return true
	}
	if dm.from == "" || (dm.to == "" && pattern == 0) {
		return false
	}
	if dm.to == dm.from {
		dm.to = ""
	}
	return true
}

// iso formats a calendar date, or "" when it does not exist.
func iso(y, m, d int) string {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1900 || y > 2100 || t.Day() != d || int(t.Month()) != m {
		return ""
	}
	return t.Format("2006-01-02")
}

// resolve fills in a relative date, or a day and month written without their year
// ("dal 12 al 14 ottobre"), from the publication date: the year is the publication's,
// the year before when that would put the date more than two months after it, unless the
// document names days after its publication (a schedule: "puis en février 2023").
func (dm dateMention) resolve(published string) (from, to string, ok bool) {
	if !dm.isRelative && dm.pmonth == 0 {
		return dm.from, dm.to, dm.from != ""
	}
	t, err := time.Parse("2006-01-02", published)
	if err != nil {
		return "", "", false
	}
	if dm.weekday > 0 {
		back := (int(t.Weekday()) - (dm.weekday - 1) + 7) % 7
		return t.AddDate(0, 0, -back).Format("2006-01-02"), "", true
	}
	if dm.isRelative {
		return t.AddDate(0, 0, dm.relative).Format("2006-01-02"), "", true
	}
	y := t.Year()
	if from = iso(y, dm.pmonth, dm.pday); from != "" && !dm.forward && from > t.AddDate(0, 2, 0).Format("2006-01-02") {
		y--
		from = iso(y, dm.pmonth, dm.pday)
	}
	if dm.pend > dm.pday {
		to = iso(y, dm.pmonth, dm.pend)
	}
	return from, to, from != ""
}

// datelineLead reports whether the text before a date on one of the first or last lines
// makes it a dateline: nothing, a place and a comma ("Roma, "), a dash after a place
// ("Vienna, Austria - "), or a weekday ("Sat ").
func datelineLead(before string) bool {
	fields := strings.Fields(before)
	if len(fields) == 0 {
		return true
	}
	if f := fields[0]; len(f) <= 3 && (strings.HasSuffix(f, ".") || strings.HasSuffix(f, ")")) && isNumber(f[:len(f)-1]) {
		return false // "2. Osh, 10-12 June 2019": an item of a list, not a dateline
	}
	for _, f := range fields {
		if strings.HasSuffix(f, ":") {
			return false // "Quando: martedì 3 marzo 2020": a field of an agenda, the meeting's day
		}
		if _, ok := meetingHeads[f]; ok {
			return false // "Relevé de la séance du mardi 19 février 2019": the meeting's day
		}
	}
	last := fields[len(fields)-1]
	switch {
	case len(fields) <= 4 && (strings.HasSuffix(before, ",") || strings.HasSuffix(before, ", le")):
		return true
	case len(fields) <= 5 && (last == "-" || last == "--"):
		return true
	case len(fields) <= 6 && weekdays[strings.TrimSuffix(last, ",")]:
		return true
	}
	return false
}

// publishedDate finds a dateline: a full date alone on one of the first or last
// lines, or after a place at the start of a line ("Bishkek, 15 September 2023"). It
// returns the date, where it starts (-1 when there is none) and whether it stands alone
// on its line, perhaps after its weekday ("Lunedì 9 giugno 2014").
func publishedDate(d *text.Doc, dates []dateMention) (string, int, bool) {
	var lines []text.Span
	start := 0
	for i := 0; i <= len(d.Fold); i++ {
		if i == len(d.Fold) || d.Fold[i] == '\n' {
			if strings.TrimSpace(d.Fold[start:i]) != "" {
				lines = append(lines, text.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	var candidates []text.Span
	for i, l := range lines {
		if i < 3 || i >= len(lines)-2 {
			candidates = append(candidates, l)
		}
	}
	for _, l := range candidates {
		for _, dm := range dates {
			if dm.prec != precDay || dm.start < l.Start || dm.end > l.End {
				continue
			}
			before := strings.TrimSpace(d.Fold[l.Start:dm.start])
			if datelineLead(before) {
				alone := strings.TrimSpace(d.Fold[dm.end:l.End]) == "" && (before == "" || weekdays[strings.TrimSuffix(before, ",")])
				return dm.from, dm.start, alone
			}
		}
	}
	return "", -1, false
}
