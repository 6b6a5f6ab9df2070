// Package htmltext reads the article of an HTML page as plain text, for the extractor:
// menus, headers, footers, scripts, styles and other boilerplate are dropped by
// readability (a Go port of Mozilla's Readability.js over golang.org/x/net/html), and the
// article is rendered as its innerText, paragraphs separated by blank lines.
package htmltext

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
)

// Errors returned by Article.
var (
	ErrNotUTF8    = errors.New("the page is not valid UTF-8")
	ErrNoArticle  = errors.New("no article text was found in the page")
	ErrEmptyPage  = errors.New("the page is empty")
	errParseFault = errors.New("the page could not be read as HTML")
)

// Page is the article read from an HTML page.
type Page struct {
	Title string // the page's title (its article's heading or <title>); "" when it has none
	Text  string // the title, a blank line, then the article's text; paragraphs separated by blank lines
}

// Article reads the article of an HTML page in UTF-8; pageURL (may be "") is where it
// was published, which resolves its relative links.
func Article(page []byte, pageURL string) (*Page, error) {
	if len(bytes.TrimSpace(page)) == 0 {
		return nil, ErrEmptyPage
	}
	if !utf8.Valid(page) {
		return nil, ErrNotUTF8
	}
	var u *url.URL
	if pageURL != "" {
		if parsed, err := url.Parse(pageURL); err == nil {
			u = parsed
		}
	}
	a, err := readability.FromReader(bytes.NewReader(page), u)
	if err != nil {
		return nil, errParseFault
	}
	if a.Node == nil {
		return nil, ErrNoArticle
	}
	var b strings.Builder
	if err := a.RenderText(&b); err != nil {
		return nil, ErrNoArticle
	}
	body := strings.TrimSpace(b.String())
	if body == "" {
		return nil, ErrNoArticle
	}
	title := strings.Join(strings.Fields(a.Title()), " ")
	text := body
	if title != "" && !strings.HasPrefix(body, title) {
		text = title + "\n\n" + body
	}
	return &Page{Title: title, Text: text}, nil
}
