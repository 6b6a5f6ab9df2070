// Package text prepares a document for recognition: it normalises the text to NFC,
// builds an ASCII "fold" of the same length in code points (lower case, accents
// removed, typographic quotes and dashes made plain, emphasis markers blanked),
// detects the language and splits sentences and tokens.
//
// Every offset in this package counts Unicode code points into Doc.Text, so a span
// [start, end) found on the fold is the same span of the original text.
package text

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Errors returned by Analyse for input that is not a usable document.
var (
	ErrEmpty       = errors.New("the document is empty")
	ErrNotUTF8     = errors.New("the document is not valid UTF-8 text")
	ErrBinary      = errors.New("the document looks binary (control characters), not text")
	ErrNoLanguage  = errors.New("the document's language is not Italian, French or English")
	ErrUnsupported = errors.New("unsupported document")
)

// Doc is an analysed document.
type Doc struct {
	Text      string  // the NFC text; offsets count code points into it
	Runes     []rune  // Text as code points
	Fold      string  // ASCII, one byte per code point of Text
	Lang      string  // it, fr or en
	Tokens    []Token // words, numbers and punctuation, in order
	Sentences []Span  // sentences and headings, in order; each covers whole tokens
	offsets   []int32 // where each code point starts in Text, then len(Text); nil when not computed
}

// Span is a half-open range [Start, End) of code points.
type Span struct{ Start, End int }

// TokenKind tells words, numbers and punctuation apart.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
)

// Token is one word, number or punctuation mark.
type Token struct {
	Start, End int
	Kind       TokenKind
	Upper      bool // the first letter is upper case
	AllCaps    bool // two or more letters, all upper case
	Sentence   int  // index in Doc.Sentences
}

// Analyse checks, normalises and analyses raw document bytes.
func Analyse(raw []byte) (*Doc, error) {
	if !utf8.Valid(raw) {
		return nil, ErrNotUTF8
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	if looksBinary(raw) {
		return nil, ErrBinary
	}
	d := &Doc{Text: norm.NFC.String(strings.TrimPrefix(string(raw), "\ufeff"))}
	d.Runes = []rune(d.Text)
	d.offsets = byteOffsets(d.Text, len(d.Runes))
	d.Fold = Fold(d.Runes)
	d.tokenise()
	d.Lang = DetectLanguage(d)
	if d.Lang == "" {
		return d, ErrNoLanguage
	}
	return d, nil
}

// looksBinary reports whether more than a few of the first 64 KiB are control characters.
func looksBinary(raw []byte) bool {
	if len(raw) > 1<<16 {
		raw = raw[:1<<16]
	}
	bad, n := 0, 0
	for len(raw) > 0 {
		r, size := utf8.DecodeRune(raw)
		raw = raw[size:]
		n++
		if r == 0 || (r < 32 && r != '\n' && r != '\r' && r != '\t' && r != '\f') || r == utf8.RuneError {
			bad++
		}
	}
	return bad > 0 && bad*100 > n
}

// Fold maps each code point to one ASCII byte: letters lower case without accents,
// typographic quotes, apostrophes and dashes to their ASCII forms, emphasis
// asterisks and other symbols to spaces, letters of other scripts to 'x'.
func Fold(rs []rune) string {
	b := make([]byte, len(rs))
	for i, r := range rs {
		if r < rune(len(foldTable)) {
			b[i] = foldTable[r]
		} else {
			b[i] = foldRune(r)
		}
	}
	return string(b)
}

// foldTable is foldRune of the code points up to the general punctuation and currency
// signs (Latin letters, quotes, dashes, "€"), computed once.
var foldTable = func() (t [0x2100]byte) {
	for r := range t {
		t[r] = foldRune(rune(r))
	}
	return t
}()

var special = map[rune]byte{
	'’': '\'', '‘': '\'', 'ʼ': '\'', '`': '\'', '´': '\'', '′': '\'',
	'“': '"', '”': '"', '«': '"', '»': '"', '„': '"', '″': '"',
	'–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
	'œ': 'o', 'Œ': 'o', 'æ': 'a', 'Æ': 'a', 'ß': 's', 'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l',
	'đ': 'd', 'Đ': 'd', 'ı': 'i', '…': '.', '*': ' ', '_': ' ', '€': '$', '£': '$',
}

func foldRune(r rune) byte {
	if r < 128 {
		switch {
		case r >= 'A' && r <= 'Z':
			return byte(r) + 'a' - 'A'
		case r == '\t' || r == '\r' || r == '\f' || r == '\v':
			return ' '
		case r < 32 && r != '\n':
			return ' '
		case r == '*' || r == '_' || r == '`':
			return special[r]
		}
		return byte(r)
	}
	if b, ok := special[r]; ok {
		return b
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	if unicode.IsLetter(r) {
		var buf [8]byte
		n := utf8.EncodeRune(buf[:], r)
		if d := norm.NFD.Bytes(buf[:n])[0]; d < 128 {
			if d >= 'A' && d <= 'Z' {
				return d + 'a' - 'A'
			}
			return d
		}
		return 'x'
	}
	if unicode.IsDigit(r) {
		return '0'
	}
	return ' '
}

// Slice returns the text of a span.
func (d *Doc) Slice(s Span) string { return d.text(s.Start, s.End) }

// TokenText returns the original text of a token.
func (d *Doc) TokenText(t Token) string { return d.text(t.Start, t.End) }

// text returns code points [start, end) of the text, copied from Text: a copy, so that
// what is kept of a document (names, quotes) does not keep all of its text. Keep it
// small enough to inline: a copy only compared is then made on the stack.
func (d *Doc) text(start, end int) string {
	if d.offsets == nil {
		return string(d.Runes[start:end])
	}
	return strings.Clone(d.Text[d.offsets[start]:d.offsets[end]])
}

// byteOffsets returns where each of the n code points of s starts, then len(s); nil
// for a text too long for 32-bit offsets.
func byteOffsets(s string, n int) []int32 {
	if len(s) > math.MaxInt32 {
		return nil
	}
	offsets := make([]int32, 0, n+1)
	for i := range s {
		offsets = append(offsets, int32(i))
	}
	return append(offsets, int32(len(s)))
}

// TokenFold returns the folded text of a token.
func (d *Doc) TokenFold(t Token) string { return d.Fold[t.Start:t.End] }

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// tokenise splits the fold into tokens and sentences. Apostrophes, hyphens and
// slashes separate words but are not tokens (see Joined).
func (d *Doc) tokenise() {
	f := d.Fold
	d.Tokens = make([]Token, 0, countTokens(f))
	sentStart, sentence := -1, 0
	closeSentence := func(end int) {
		if sentStart >= 0 {
			d.Sentences = append(d.Sentences, Span{sentStart, end})
			sentence++
			sentStart = -1
		}
	}
	for i := 0; i < len(f); {
		c := f[i]
		switch {
		case c == '\n':
			closeSentence(d.lastEnd())
			i++
			continue
		case c == ' ' || c == '\'' || c == '-' && !spacedDash(f, i) || c == '/':
			i++
			continue
		}
		j := i + 1
		kind := Punct
		if isWordByte(c) {
			for j < len(f) && isWordByte(f[j]) {
				j++
			}
			kind = Word
			if allDigits(f[i:j]) {
				kind = Number
			}
		}
		t := Token{Start: i, End: j, Kind: kind, Sentence: sentence}
		if kind == Word {
			t.Upper, t.AllCaps = caps(d.Runes[i:j])
		}
		if sentStart < 0 {
			sentStart = i
		}
		d.Tokens = append(d.Tokens, t)
		i = j
		if kind == Punct && (c == '.' || c == '!' || c == '?' || c == ';') && d.endsSentence(len(d.Tokens)-1) {
			closeSentence(j)
		}
	}
	closeSentence(d.lastEnd())
}

// spacedDash reports whether the dash at i stands between spaces ("Actualités – Police",
// "Roma – Il Ministro"): a break between two phrases, a token of its own, unlike the
// hyphen that joins "Haute-Savoie".
func spacedDash(f string, i int) bool {
	return (i == 0 || f[i-1] == ' ' || f[i-1] == '\n') && (i+1 == len(f) || f[i+1] == ' ' || f[i+1] == '\n')
}

// countTokens counts the tokens tokenise finds in a fold, so that they are allocated once.
func countTokens(f string) int {
	n := 0
	for i := 0; i < len(f); i++ {
		switch c := f[i]; {
		case c == '\n' || c == ' ' || c == '\'' || c == '-' && !spacedDash(f, i) || c == '/':
		case !isWordByte(c) || i == 0 || !isWordByte(f[i-1]):
			n++
		}
	}
	return n
}

func (d *Doc) lastEnd() int {
	if len(d.Tokens) == 0 {
		return 0
	}
	return d.Tokens[len(d.Tokens)-1].End
}

// endsSentence decides whether the punctuation token k ends a sentence: a full stop
// after an abbreviation or an initial, or before a lower-case word or digit, does not.
func (d *Doc) endsSentence(k int) bool {
	t := d.Tokens[k]
	c := d.Fold[t.Start]
	if c == ';' {
		return false // semicolons separate list items, not sentences
	}
	if c != '.' {
		return true
	}
	if d.insideTitleQuotes(t.Start) {
		return false // «La Convenzione di Palermo. Il ruolo dell'Italia»: one title
	}
	if k > 0 {
		p := d.Tokens[k-1]
		if p.End == t.Start && p.Kind == Word {
			w := d.Fold[p.Start:p.End]
			if abbreviations[w] || (p.End-p.Start == 1 && p.Upper) {
				return false
			}
		}
	}
	// Look at the next non-space character.
	for i := t.End; i < len(d.Fold); i++ {
		switch n := d.Fold[i]; {
		case n == ' ':
			continue
		case n == '\n':
			return true
		case n >= '0' && n <= '9':
			return false
		case n >= 'a' && n <= 'z':
			r := d.Runes[i]
			return unicode.IsUpper(r)
		default:
			return true
		}
	}
	return true
}

// maxQuotedTitle bounds the code points of a quoted title read as one phrase.
const maxQuotedTitle = 200

// insideTitleQuotes reports whether the code point at i stands between typographic
// opening and closing quotes (« », “ ”) of one short line: the title of an event or a
// document, whose full stops end no sentence.
func (d *Doc) insideTitleQuotes(i int) bool {
	open := -1
	for k := i - 1; k >= 0 && i-k <= maxQuotedTitle && d.Runes[k] != '\n'; k-- {
		if r := d.Runes[k]; r == '»' || r == '”' {
			return false
		} else if r == '«' || r == '“' {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	closing := map[rune]rune{'«': '»', '“': '”'}[d.Runes[open]]
	for k := i + 1; k < len(d.Runes) && k-open <= maxQuotedTitle && d.Runes[k] != '\n'; k++ {
		if d.Runes[k] == closing {
			return true
		}
	}
	return false
}

var abbreviations = set("mr mrs ms dr prof sig dott dottssa on gen col amb min plen st no nr art ca vs etc cf p pp ing avv mons sen mme mlle m ms jr sr lt capt cpt dip dipt dept uff dir div sez serv pol brig maj sgt insp supt cmdr adm hon")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func caps(rs []rune) (upper, all bool) {
	letters, uppers := 0, 0
	for i, r := range rs {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			uppers++
			if i == 0 {
				upper = true
			}
		}
	}
	return upper, letters >= 2 && uppers == letters
}

// Joined reports whether token k is joined to the word before it by a hyphen or a
// slash, as in "russo-ukrainienne" or "Roma/Lione".
func (d *Doc) Joined(k int) bool {
	s := d.Tokens[k].Start
	return s >= 2 && (d.Fold[s-1] == '-' || d.Fold[s-1] == '/') && isWordByte(d.Fold[s-2])
}

// FoldTokens folds a phrase and splits it into tokens the way Analyse does.
func FoldTokens(s string) []string {
	f := Fold([]rune(norm.NFC.String(s)))
	var out []string
	for i := 0; i < len(f); {
		c := f[i]
		if c == ' ' || c == '\n' || c == '\'' || c == '-' || c == '/' {
			i++
			continue
		}
		j := i + 1
		if isWordByte(c) {
			for j < len(f) && isWordByte(f[j]) {
				j++
			}
		}
		out = append(out, f[i:j])
		i = j
	}
	return out
}

// FoldTokensWords is FoldTokens without punctuation.
func FoldTokensWords(s string) []string {
	var out []string
	for _, t := range FoldTokens(s) {
		if isWordByte(t[0]) {
			out = append(out, t)
		}
	}
	return out
}
