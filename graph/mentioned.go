package graph

import "context"

// MentionedFiles maps every node that a document mentions to the files of those
// documents (Document.file), for measuring resolution against a corpus's gold.
func (s *Store) MentionedFiles(ctx context.Context) (map[string][]string, error) {
	recs, err := s.read(ctx, `
		MATCH (d:Document)-[:MENTIONS]->(n:Entity)
		WHERE d.file IS NOT NULL
		RETURN n.id, collect(DISTINCT d.file)`, nil)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(recs))
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		out[id] = strs(r.Values[1])
	}
	return out, nil
}
