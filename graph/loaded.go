package graph

import "context"

// LabelLoadedFixture marks a fixture file that was imported, by the SHA-256 of its bytes,
// so that `entente run` does not import the same files again at every start.
const LabelLoadedFixture = "LoadedFixture"

// LoadedFixtures returns the digests of the fixtures recorded by ImportFile. One round trip.
func (s *Store) LoadedFixtures(ctx context.Context) (map[string]bool, error) {
	recs, err := s.read(ctx, "MATCH (l:LoadedFixture) RETURN l.sha256", nil)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(recs))
	for _, r := range recs {
		out[str(r.Values[0])] = true
	}
	return out, nil
}

// markLoaded records, in the import's transaction, that the fixture with this digest was
// imported from file.
func (t *Tx) markLoaded(ctx context.Context, digest, file string) error {
	_, err := t.run(ctx, `
		MERGE (l:LoadedFixture {sha256: $digest})
		SET l.file = $file, l.loadedAt = datetime()`, map[string]any{"digest": digest, "file": file})
	return err
}
