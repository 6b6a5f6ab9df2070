package text

// Stop words that tell the three languages apart; words shared by two of them
// (la, le, in, a) are left out; "de" stands in Italian only in names.
var stopWords = map[string]map[string]bool{
	"it": set("il lo gli della delle degli dello dei del di che e per con non sono nel nella alla alle ai agli una uno ha hanno anche come questo questa tra sul sulla essere stato stata dell all nell sull piu nei negli dal dalla dai sui ed gia presso dopo suo sua cui dove nonche quale"),
	"fr": set("les des du et est une pour que qui dans sur au aux par avec ont ete cette ces son sont leur nous plus entre d qu aussi ainsi mais pas ils elle lors depuis chez apres aupres sous dont tres vient etait de"),
	"en": set("the of and to is for on with by that was were at from as this are has have an be which its their between will would also been after who during into not but they he she"),
}

// stopWordLangs maps each stop word to its languages, so a word is looked up once.
var stopWordLangs = func() map[string][]string {
	m := map[string][]string{}
	for _, lang := range []string{"it", "fr", "en"} {
		for w := range stopWords[lang] {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// DetectLanguage returns it, fr or en when the stop words of one language are
// clearly the most frequent, and "" otherwise (too short, or another language).
func DetectLanguage(d *Doc) string {
	counts := map[string]int{}
	words := 0
	for _, t := range d.Tokens {
		if t.Kind != Word {
			continue
		}
		words++
		w := d.Fold[t.Start:t.End]
		for _, lang := range stopWordLangs[w] {
			counts[lang]++
		}
		if words > 20000 {
			break
		}
	}
	best, second := "", 0
	for _, lang := range []string{"it", "fr", "en"} {
		switch c := counts[lang]; {
		case best == "" || c > counts[best]:
			if best != "" {
				second = counts[best]
			}
			best = lang
		case c > second:
			second = c
		}
	}
	c := counts[best]
	if c < 2 || c*100 < words*8 || c*5 < second*6 {
		return ""
	}
	return best
}
