package graph

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente/fixtures"
)

// Hit is one search result.
type Hit struct {
	Node  Node
	Score float64
}

// Limits of search text (search and nameContains): far beyond any name, well within what
// Lucene's query parser takes.
const (
	MaxSearchChars = 1000 // characters of the whole text
	MaxSearchWords = 16   // words (runs of letters and digits)
)

// searchQuery turns free text into a Lucene query that cannot inject syntax: the words
// (letters and digits only) must all match, the last one also as a prefix. field names the
// argument in the error: text without words, or longer than MaxSearchChars characters or
// MaxSearchWords words, is refused.
func searchQuery(field, text string) (string, error) {
	if n := utf8.RuneCountInString(text); n > MaxSearchChars {
		return "", inputf("%s is %d characters long; search text may have at most %d characters", field, n, MaxSearchChars)
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return "", inputf("%s %q has no words to look for", field, text)
	}
	if len(words) > MaxSearchWords {
		return "", inputf("%s has %d words; search text may have at most %d words", field, len(words), MaxSearchWords)
	}
	for i, w := range words {
		if i == len(words)-1 && len([]rune(w)) > 1 {
			words[i] = "(" + w + " OR " + w + "*)"
		}
	}
	return strings.Join(words, " AND "), nil
}

// Search finds nodes by name or alias, case- and accent-insensitive, best first.
func (s *Store) Search(ctx context.Context, text string, kinds []string, first int) ([]Hit, error) {
	q, err := searchQuery("search text", text)
	if err != nil {
		return nil, err
	}
	if err := within("first", first, 1, MaxPage); err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, `
		CALL db.index.fulltext.queryNodes($index, $q, {limit: $scan}) YIELD node, score
		WHERE (size($kinds) = 0 OR node.kind IN $kinds) AND `+acceptedNode("node")+`
		WITH node, score ORDER BY score DESC, node.id LIMIT $first
		RETURN `+nodeProjIn(ctx, "node")+` AS node, score`,
		map[string]any{"index": FulltextIndex, "q": q, "kinds": orEmpty(kinds), "first": first, "scan": first * 10})
	if err != nil {
		return nil, err
	}
	hits := make([]Hit, 0, len(recs))
	for _, r := range recs {
		n, _ := r.Get("node")
		score, _ := r.Get("score")
		hits = append(hits, Hit{Node: nodeFrom(n), Score: score.(float64)})
	}
	return hits, nil
}

// Filter narrows a list of nodes; nil fields do not filter.
type Filter struct {
	Kinds         []string // stored kinds
	Country       *string
	Subtype       *string
	Language      *string
	From, To      *string // on startDate (published for documents); see Overlaps
	NameContains  *string
	Participant   *string // took part in the node (a meeting)
	ParticipantIn *string // the node took part in this meeting
	HeldUnder     *string
	Funder        *string
	Party         *string
	Implementer   *string
	Mentions      *string // the node (a document) mentions this id
}

// Order sorts a list; ties are broken by id.
type Order struct {
	Field string // "name", "date" or "id"
	Desc  bool
}

// List returns the page of the nodes with label that pass the filter: at most limit of them,
// in order o, after the position after (nil: from the start). label is one of the kinds or
// "Document"; the clauses below come from this code only and every value is a parameter.
func (s *Store) List(ctx context.Context, label string, f Filter, o Order, after *Key, limit int) (*Page[Node], error) {
	if !fixtures.Contains(append([]string{KindDocument, LabelEntity}, fixtures.NodeKinds...), label) {
		return nil, inputf("cannot list %q", label)
	}
	if err := within("first", limit, 0, MaxPage); err != nil {
		return nil, err
	}
	params := keysetParams(map[string]any{}, after, limit)
	where := []string{acceptedNode("n")}
	add := func(clause, name string, v any) {
		where = append(where, clause)
		params[name] = v
	}
	if len(f.Kinds) > 0 {
		add("n.kind IN $kinds", "kinds", f.Kinds)
	}
	if f.Country != nil {
		add("n.country = $country", "country", strings.ToUpper(*f.Country))
	}
	if f.Subtype != nil {
		add("toLower(n.subtype) = toLower($subtype)", "subtype", *f.Subtype)
	}
	if f.Language != nil {
		add("n.language = $language", "language", *f.Language)
	}
	dateProp := "n.startDate"
	if label == KindDocument {
		dateProp = "n.published"
	}
	if f.From != nil || f.To != nil {
		where = append(where, overlapsCypher(dateProp))
		dateParams(params, f.From, f.To)
	}
	rels := []struct {
		v      *string
		name   string
		clause string
	}{
		{f.Participant, "participant", acceptedExists("(x:Entity {id: $participant})-[r:PARTICIPATED_IN]->(n)")},
		{f.ParticipantIn, "participantIn", acceptedExists("(n)-[r:PARTICIPATED_IN]->(x:Entity {id: $participantIn})")},
		{f.HeldUnder, "heldUnder", acceptedExists("(n)-[r:HELD_UNDER]->(x:Entity {id: $heldUnder})")},
		{f.Funder, "funder", acceptedExists("(x:Entity {id: $funder})-[r:FUNDED]->(n)")},
		{f.Party, "party", acceptedExists("(x:Entity {id: $party})-[r:PARTY_TO]->(n)")},
		{f.Implementer, "implementer", acceptedExists("(x:Entity {id: $implementer})-[r:IMPLEMENTS]->(n)")},
		{f.Mentions, "mentions", acceptedExists("(n)-[r:MENTIONS]->(x:Entity {id: $mentions})")},
	}
	for _, r := range rels {
		if r.v != nil {
			add(r.clause, r.name, *r.v)
		}
	}
	// Both labels, so that the planner may use the :Entity indexes (country, kind, name).
	match := "MATCH (n:" + label + ":" + LabelEntity + ")"
	if label == LabelEntity {
		match = "MATCH (n:" + LabelEntity + ")"
	}
	if f.NameContains != nil {
		q, err := searchQuery("nameContains", *f.NameContains)
		if err != nil {
			return nil, err
		}
		match = "CALL db.index.fulltext.queryNodes($index, $q) YIELD node AS n"
		params["index"], params["q"] = FulltextIndex, q
		where = append(where, "n:"+label)
	}
	sortKey := map[string]string{"name": "toLower(n.name)", "date": dateProp, "id": "n.id"}[o.Field]
	if sortKey == "" {
		sortKey = "toLower(n.name)"
	}
	cond, pageCond := whereCypher(where), whereCypher(where)
	if after != nil {
		pageCond = whereCypher(append(where, keysetAfter(sortKey, "n.id", o.Desc)))
	}
	recs, err := s.read(ctx, `
		CALL () { `+match+cond+` RETURN count(n) AS total }
		RETURN total, COLLECT { `+match+pageCond+` WITH n, `+sortKey+` AS key ORDER BY `+keysetOrder("key", "n.id", o.Desc)+`
			LIMIT $limit RETURN {node: `+nodeProjIn(ctx, "n")+`, key: key} } AS page`,
		params)
	if err != nil {
		return nil, err
	}
	total, _ := recs[0].Get("total")
	rows, _ := recs[0].Get("page")
	page := &Page[Node]{Total: int(total.(int64))}
	for i, x := range rows.([]any) {
		if i == limit {
			page.More = true
			break
		}
		row := x.(map[string]any)
		n := nodeFrom(row["node"])
		page.Items = append(page.Items, n)
		page.Keys = append(page.Keys, Key{Value: optStr(row["key"]), ID: n.ID})
	}
	return page, nil
}

// Memoranda returns the page of MEMORANDUM edges, optionally of one party and by date: at
// most limit of them, by date (undated last) and key, after the position after (nil: from
// the start).
func (s *Store) Memoranda(ctx context.Context, party, from, to *string, after *Key, limit int) (*Page[Edge], error) {
	if err := within("first", limit, 0, MaxPage); err != nil {
		return nil, err
	}
	params := keysetParams(dateParams(map[string]any{"party": party}, from, to), after, limit)
	match := `MATCH (a:Entity)-[r:MEMORANDUM]->(b:Entity)
		WHERE ` + acceptedEdge("r") + ` AND ` + acceptedNode("a") + ` AND ` + acceptedNode("b") + `
		  AND ($party IS NULL OR $party IN [a.id, b.id]) AND ` + overlapsCypher("r.date")
	pageMatch := match
	if after != nil {
		pageMatch += " AND " + keysetAfter("r.date", "r.key", false)
	}
	recs, err := s.read(ctx, `
		CALL () { `+match+` RETURN count(r) AS total }
		RETURN total, COLLECT { `+pageMatch+` WITH r, a, b ORDER BY `+keysetOrder("r.date", "r.key", false)+`
			LIMIT $limit RETURN `+edgeProjFrom("r", "a.id", "b.id")+` } AS page`,
		params)
	if err != nil {
		return nil, err
	}
	total, _ := recs[0].Get("total")
	rows, _ := recs[0].Get("page")
	page := &Page[Edge]{Total: int(total.(int64))}
	for i, x := range rows.([]any) {
		if i == limit {
			page.More = true
			break
		}
		e := edgeOf(x)
		page.Items = append(page.Items, e)
		page.Keys = append(page.Keys, Key{Value: e.Date, ID: e.ID})
	}
	return page, nil
}

// acceptedExists is the condition that pattern, whose relationship is r and whose other
// node is x, exists with r and x ACCEPTED.
func acceptedExists(pattern string) string {
	return "EXISTS { MATCH " + pattern + " WHERE " + acceptedEdge("r") + " AND " + acceptedNode("x") + " }"
}

// whereCypher joins conditions into a WHERE clause, or nothing when there are none.
func whereCypher(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// orEmpty gives Cypher an empty list instead of null.
func orEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
