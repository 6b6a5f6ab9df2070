package htmltext

import (
	"errors"
	"strings"
	"testing"
)

const page = `<!DOCTYPE html>
<html lang="en"><head><title>UNICRI and Morocco hold a workshop in Rabat | UNICRI</title>
<style>body { color: red }</style>
<script>var tracking = "SCRIPT-TEXT";</script></head>
<body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">NAV-MENU News</a></li><li><a href="/about">About us</a></li></ul></nav>
<header class="site-header"><div class="logo">HEADER-LOGO</div></header>
<main><article>
<h1>UNICRI and Morocco hold a workshop in Rabat</h1>
<p>Rabat, 26 January 2023 &ndash; The United Nations Interregional Crime and Justice Research Institute (UNICRI)
organised a workshop in Rabat with the Ministry of the Interior of Morocco on the prevention of violent extremism.</p>
<p>The workshop, funded by the European Union, brought together representatives of the national police,
the judiciary and civil society organisations, who discussed the rehabilitation and reintegration of offenders.</p>
<p>Participants agreed on a roadmap for 2023 and 2024 and on a series of follow-up meetings to be held in Casablanca.</p>
<script>document.write("INLINE-SCRIPT")</script>
</article></main>
<footer class="footer"><p>FOOTER-TEXT Copyright 2023 UNICRI. All rights reserved. Privacy policy. Contact.</p></footer>
</body></html>`

func TestArticleDropsBoilerplate(t *testing.T) {
	p, err := Article([]byte(page), "https://unicri.org/news/rabat")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"organised a workshop in Rabat", "funded by the European Union", "follow-up meetings"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, p.Text)
		}
	}
	for _, junk := range []string{"SCRIPT-TEXT", "INLINE-SCRIPT", "NAV-MENU", "HEADER-LOGO", "FOOTER-TEXT", "color: red"} {
		if strings.Contains(p.Text, junk) {
			t.Errorf("text keeps %q:\n%s", junk, p.Text)
		}
	}
	if !strings.HasPrefix(p.Text, p.Title+"\n\n") || !strings.Contains(p.Title, "UNICRI and Morocco hold a workshop in Rabat") {
		t.Errorf("title %q, text starts %q", p.Title, p.Text[:min(80, len(p.Text))])
	}
	if !strings.Contains(p.Text, "\n\n") {
		t.Errorf("paragraphs are not separated:\n%s", p.Text)
	}
}

func TestArticleRefusesWhatIsNoPage(t *testing.T) {
	for name, tc := range map[string]struct {
		in   string
		want error
	}{
		"empty":    {"  \n ", ErrEmptyPage},
		"not utf8": {"<p>caf\xe9</p>", ErrNotUTF8},
		"no text":  {"<html><head><title>T</title></head><body><script>x()</script><style>p{}</style></body></html>", ErrNoArticle},
	} {
		if _, err := Article([]byte(tc.in), ""); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", name, err, tc.want)
		}
	}
}
