package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/server"
)

// backupQueries are asked of the API before a backup and after its restore.
var backupQueries = []string{
	`{ search(text: "gambacurta") { node { id name ... on Person { title affiliations { actor { name } } meetings { role meeting { name startDate } } } } } }`,
	`{ meetings(filter: {from: "2023-01-26", to: "2023-01-27", country: "MA"}) { totalCount edges { node { id name participants(role: PARTICIPANT) { participant { id } sources { document { id } text start end } } } } } }`,
	`{ node(id: "project:atlas") { name confidence aliases sources { document { id } text reference } ... on Project { funders { funder { name } } implementers { role implementer { name } } partOf { node { name } } } } }`,
	`{ timeline(id: "state:uz") { date precision kind node { name } } }`,
	// Which of several shortest paths comes first follows Neo4j's storage order, which a
	// restore does not keep: only the length is compared.
	`{ shortestPath(from: "state:ma", to: "state:uz") { length } }`,
	`{ shortestPath(from: "person:stefano-gambacurta", to: "unbody:unicri") { length nodes { id } edges { id kind confidence sources { text } } } }`,
	`{ node(id: "org:backup-dup") { id name aliases } }`,
	`{ actors(first: 100) { totalCount edges { cursor node { id kind name confidence } } } }`,
	`{ documents(first: 100) { totalCount edges { node { id name } } } }`,
	`{ centrality(measure: BETWEENNESS, top: 5) { score node { id } } }`,
	`{ coParticipants(id: "unbody:unicri") { weight node { id } meetings { id } } }`,
}

// answers asks every query of backupQueries and returns the answers.
func answers(t *testing.T, url string) []string {
	t.Helper()
	var out []string
	for _, q := range backupQueries {
		body, _ := json.Marshal(map[string]any{"query": q})
		resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || strings.Contains(string(b), `"errors"`) {
			t.Fatalf("%s: %d %s", q, resp.StatusCode, b)
		}
		out = append(out, string(b))
	}
	return out
}

// `entente backup` of the seed graph with curations, the database wiped, `entente restore`:
// the API answers the same; a second restore is refused (not empty) unless -force.
func TestBackupRestoreCommandsKeepAPIAnswers(t *testing.T) {
	store := graphtest.Open(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := loadFixtures(ctx, store, zerolog.Nop(), []string{"../../fixtures"}, true); err != nil {
		t.Fatal(err)
	}
	if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "org:backup-dup", Kind: "UNBody", Name: "Backup Duplicate"}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.MergeNodes(ctx, "unbody:unicri", "org:backup-dup"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Options{Store: store, Log: zerolog.Nop()}))
	defer srv.Close()
	before := answers(t, srv.URL)

	file := filepath.Join(t.TempDir(), "seed.backup.gz")
	began := time.Now()
	if err := runBackup(ctx, []string{file}); err != nil {
		t.Fatal(err)
	}
	took := time.Since(began)
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("backup of the seed graph: %d bytes in %v (command, with connecting)", st.Size(), took)
	if err := runRestore(ctx, []string{"-check", file}); err != nil {
		t.Fatal(err)
	}
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _, err := store.Counts(ctx); err != nil || n != 0 {
		t.Fatalf("the wiped graph has %d nodes (%v)", n, err)
	}
	began = time.Now()
	if err := runRestore(ctx, []string{file}); err != nil {
		t.Fatal(err)
	}
	t.Logf("restore of the seed graph: %v", time.Since(began))
	after := answers(t, srv.URL)
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("%s\nbefore the backup: %s\nafter the restore: %s", backupQueries[i], before[i], after[i])
		}
	}
	err = runRestore(ctx, []string{file})
	if err == nil || !strings.Contains(err.Error(), "not empty") || !strings.Contains(err.Error(), "-force") {
		t.Fatalf("a restore into the restored graph: %v, want a refusal naming -force", err)
	}
	if err := runRestore(ctx, []string{"-force", file}); err != nil {
		t.Fatal(err)
	}
	if got := answers(t, srv.URL); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Error("the API answers differently after a restore with -force")
	}
}
