package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
)

// serve mounts Handler as server/server.go does, behind a request-scoped logger like the
// service's middleware puts in the context.
func serve(t *testing.T, store *graph.Store) *httptest.Server {
	t.Helper()
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.InfoLevel)
	mux := http.NewServeMux()
	for _, pattern := range Patterns {
		mux.Handle(pattern, Handler(store))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r.WithContext(log.WithContext(r.Context())))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, srv *httptest.Server, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// smallFixture is a seven-node graph with names that need escaping:
//
//	person:rossi -AFFILIATED_WITH-> agency:it:mae -PART_OF-> state:it
//	agency:it:mae, org:rcc -PARTICIPATED_IN-> meeting:jumbo -HELD_UNDER-> org:rcc
//	agency:it:mae -MEMORANDUM (2020, 2022)-> org:rcc;  org:lonely has no edge.
func smallFixture() *fixtures.Fixture {
	src := []fixtures.Source{{Reference: "test"}}
	node := func(id, kind, name string, country *string) fixtures.Node {
		return fixtures.Node{ID: id, Kind: kind, Name: name, Country: country, Sources: src}
	}
	edge := func(kind, from, to string, role, date *string) fixtures.Edge {
		return fixtures.Edge{Kind: kind, From: from, To: to, Role: role, Date: date, Sources: src}
	}
	f := &fixtures.Fixture{Format: fixtures.Format,
		Nodes: []fixtures.Node{
			node("state:it", "State", "Italia", ptr("IT")),
			node("agency:it:mae", "Agency", `Ministero degli Affari Esteri e della Cooperazione "MAECI" & co.`, ptr("IT")),
			node("org:rcc", "Organization", "Regional Cooperation Council <RCC>", nil),
			node("meeting:jumbo", "Meeting", "Conférence JUMBO — l'Europe du Sud-Est", nil),
			node("person:rossi", "Person", "Dott.ssa Chiara D'Ànnunzio", nil),
			node("org:lonely", "Organization", "Lonely & Co", nil),
		},
		Edges: []fixtures.Edge{
			edge("PART_OF", "agency:it:mae", "state:it", nil, nil),
			edge("AFFILIATED_WITH", "person:rossi", "agency:it:mae", nil, nil),
			edge("PARTICIPATED_IN", "agency:it:mae", "meeting:jumbo", ptr("organiser"), nil),
			edge("PARTICIPATED_IN", "org:rcc", "meeting:jumbo", ptr("host"), nil),
			edge("HELD_UNDER", "meeting:jumbo", "org:rcc", nil, nil),
			edge("MEMORANDUM", "agency:it:mae", "org:rcc", nil, ptr("2020")),
			edge("MEMORANDUM", "agency:it:mae", "org:rcc", nil, ptr("2022-05")),
		},
	}
	f.Nodes[3].StartDate = ptr("2023-10")
	f.Nodes[4].Aliases = []string{"Chiara D'Annunzio", "C. D'Ànnunzio"}
	return f
}

func openSmall(t *testing.T) *httptest.Server {
	t.Helper()
	store := graphtest.Open(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := store.Import(ctx, smallFixture(), nil); err != nil {
		t.Fatal(err)
	}
	return serve(t, store)
}

func TestHandlerFormats(t *testing.T) {
	srv := openSmall(t)
	for _, tc := range []struct {
		path, contentType, filename string
		check                       func(t *testing.T, body []byte)
	}{
		{"/export/graphml", "application/graphml+xml; charset=utf-8", "entente-graph.graphml", func(t *testing.T, body []byte) {
			var doc graphmlIn
			if err := xml.Unmarshal(body, &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Graph.Nodes) != 6 || len(doc.Graph.Edges) != 7 {
				t.Errorf("%d nodes, %d edges, want 6 and 7", len(doc.Graph.Nodes), len(doc.Graph.Edges))
			}
		}},
		{"/export/gexf", "application/gexf+xml; charset=utf-8", "entente-graph.gexf", func(t *testing.T, body []byte) {
			var doc gexfIn
			if err := xml.Unmarshal(body, &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Graph.Nodes.Count != 6 || doc.Graph.Edges.Count != 7 || len(doc.Graph.Edges.Edges) != 7 {
				t.Errorf("%d nodes, %d edges, want 6 and 7", doc.Graph.Nodes.Count, doc.Graph.Edges.Count)
			}
		}},
		{"/export/cytoscape", "application/json; charset=utf-8", "entente-graph.cytoscape.json", func(t *testing.T, body []byte) {
			var g CytoscapeGraph
			if err := json.Unmarshal(body, &g); err != nil {
				t.Fatal(err)
			}
			if len(g.Elements.Nodes) != 6 || len(g.Elements.Edges) != 7 || g.Data.Truncated {
				t.Errorf("%d nodes, %d edges, truncated %v", len(g.Elements.Nodes), len(g.Elements.Edges), g.Data.Truncated)
			}
			for _, n := range g.Elements.Nodes {
				if n.Data.ID == "person:rossi" && (n.Data.Name != "Dott.ssa Chiara D'Ànnunzio" || len(n.Data.Aliases) != 2 || len(n.Data.Sources) != 1) {
					t.Errorf("person:rossi: %+v", n.Data)
				}
			}
		}},
		{"/export/nodes.csv", "text/csv; charset=utf-8; header=present", "entente-graph.nodes.csv", func(t *testing.T, body []byte) {
			if rows := strings.Count(string(body), "\n"); rows != 7 {
				t.Errorf("%d lines, want a header and 6 nodes:\n%s", rows, body)
			}
			if !strings.Contains(string(body), `"Ministero degli Affari Esteri e della Cooperazione ""MAECI"" & co."`) {
				t.Errorf("quotes not doubled:\n%s", body)
			}
		}},
		{"/export/edges.csv", "text/csv; charset=utf-8; header=present", "entente-graph.edges.csv", func(t *testing.T, body []byte) {
			if rows := strings.Count(string(body), "\n"); rows != 8 {
				t.Errorf("%d lines, want a header and 7 edges:\n%s", rows, body)
			}
		}},
		{"/export/csv", "application/zip", "entente-graph.csv.zip", func(t *testing.T, body []byte) {
			zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
			if err != nil {
				t.Fatal(err)
			}
			if len(zr.File) != 3 || zr.File[0].Name != "nodes.csv" || zr.File[1].Name != "edges.csv" || zr.File[2].Name != "sources.csv" {
				t.Errorf("zip: %v", zr.File)
			}
		}},
		{"/export/csv/nodes", "text/csv; charset=utf-8; header=present", "entente-graph.nodes.csv", func(t *testing.T, body []byte) {
			if rows := strings.Count(string(body), "\n"); rows != 7 || !strings.HasPrefix(string(body), "id,label,kind,") {
				t.Errorf("%d lines, want a header and 6 nodes:\n%s", rows, body)
			}
		}},
		{"/export/csv/edges", "text/csv; charset=utf-8; header=present", "entente-graph.edges.csv", func(t *testing.T, body []byte) {
			if rows := strings.Count(string(body), "\n"); rows != 8 || !strings.HasPrefix(string(body), "id,source,target,") {
				t.Errorf("%d lines, want a header and 7 edges:\n%s", rows, body)
			}
		}},
		{"/export/csv/sources?around=org:rcc", "text/csv; charset=utf-8; header=present", "entente-org-rcc-d1.sources.csv", func(t *testing.T, body []byte) {
			if !strings.HasPrefix(string(body), "element,id,document,start,end,text,reference\n") {
				t.Errorf("header:\n%s", body)
			}
			if !strings.Contains(string(body), "\nnode,org:rcc,,,,,test\n") || !strings.Contains(string(body), "\nedge,HELD_UNDER|meeting:jumbo|org:rcc,,,,,test\n") {
				t.Errorf("sources of org:rcc and of the HELD_UNDER edge missing:\n%s", body)
			}
		}},
		{"/export/graphml?around=agency:it:mae&depth=1&edgeKinds=PARTICIPATED_IN,PART_OF", "application/graphml+xml; charset=utf-8",
			"entente-agency-it-mae-d1.graphml", func(t *testing.T, body []byte) {
				var doc graphmlIn
				if err := xml.Unmarshal(body, &doc); err != nil {
					t.Fatal(err)
				}
				var ids []string
				for _, n := range doc.Graph.Nodes {
					ids = append(ids, ParseGraphMLID(n.ID))
				}
				if strings.Join(ids, ",") != "agency:it:mae,meeting:jumbo,state:it" || len(doc.Graph.Edges) != 2 {
					t.Errorf("nodes %v and %d edges, want agency:it:mae, meeting:jumbo, state:it and 2", ids, len(doc.Graph.Edges))
				}
			}},
		{"/export/cytoscape?around=agency:it:mae&depth=2&limit=3", "application/json; charset=utf-8", "entente-agency-it-mae-d2.cytoscape.json",
			func(t *testing.T, body []byte) {
				var g CytoscapeGraph
				if err := json.Unmarshal(body, &g); err != nil {
					t.Fatal(err)
				}
				if len(g.Elements.Nodes) != 3 || !g.Data.Truncated {
					t.Errorf("%d nodes, truncated %v; want 3 and true", len(g.Elements.Nodes), g.Data.Truncated)
				}
			}},
		{"/export/gexf?kinds=ORGANIZATION,Meeting&edgeKinds=held_under", "application/gexf+xml; charset=utf-8", "entente-graph.gexf",
			func(t *testing.T, body []byte) {
				var doc gexfIn
				if err := xml.Unmarshal(body, &doc); err != nil {
					t.Fatal(err)
				}
				if doc.Graph.Nodes.Count != 3 || doc.Graph.Edges.Count != 1 || doc.Graph.Edges.Edges[0].Label != "HELD_UNDER" {
					t.Errorf("%d nodes, %d edges; want the 3 organizations and meetings and the HELD_UNDER edge", doc.Graph.Nodes.Count, doc.Graph.Edges.Count)
				}
			}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, body := get(t, srv, tc.path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != tc.contentType {
				t.Errorf("Content-Type %q, want %q", ct, tc.contentType)
			}
			disp, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
			if err != nil || disp != "attachment" || params["filename"] != tc.filename {
				t.Errorf("Content-Disposition %q, want attachment; filename=%s", resp.Header.Get("Content-Disposition"), tc.filename)
			}
			wantTruncated := strings.Contains(tc.path, "limit=3")
			if got := resp.Header.Get("X-Entente-Truncated"); got != fmt.Sprint(wantTruncated) {
				t.Errorf("X-Entente-Truncated %q, want %v", got, wantTruncated)
			}
			tc.check(t, body)
		})
	}
}

func TestHandlerHead(t *testing.T) {
	srv := openSmall(t)
	req, _ := http.NewRequest(http.MethodHead, srv.URL+"/export/gexf", nil)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(body) != 0 || resp.ContentLength <= 0 {
		t.Errorf("HEAD: status %d, %d body bytes, Content-Length %d", resp.StatusCode, len(body), resp.ContentLength)
	}
}

func TestHandlerErrors(t *testing.T) {
	srv := openSmall(t)
	for _, tc := range []struct {
		path   string
		status int
		says   string
	}{
		{"/export/pdf", 400, `unknown export format "pdf"`},
		{"/export/graphml?around=agency:it:mae&depth=0", 400, "depth must be an integer between 1 and 3"},
		{"/export/graphml?around=agency:it:mae&depth=two", 400, "depth must be an integer"},
		{"/export/graphml?around=agency:it:mae&depth=9", 400, "depth must be an integer between 1 and 3"},
		{"/export/graphml?around=agency:it:mae&limit=100000", 400, "limit must be an integer between 1 and 2000"},
		{"/export/graphml?depth=2", 400, "give around=ID too"},
		{"/export/graphml?around=", 400, "around must be a node id"},
		{"/export/gexf?edgeKinds=PARTICIPATED_IN,KNOWS", 400, `unknown edge kind "KNOWS"`},
		{"/export/gexf?kinds=Planet", 400, `unknown node kind "Planet"`},
		{"/export/gexf?around=state:it&kinds=State", 400, "kinds applies to whole-graph exports"},
		{"/export/gexf?arround=state:it", 400, `unknown parameter "arround"`},
		{"/export/csv?around=state:xx", 404, `no node with id "state:xx"`},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, body := get(t, srv, tc.path)
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			var e struct{ Error string }
			if err := json.Unmarshal(body, &e); err != nil || !strings.Contains(e.Error, tc.says) {
				t.Errorf("body %s, want an error saying %q", body, tc.says)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		err    error
		status int
	}{
		{&graph.NotFoundError{ID: "x"}, 404},
		{fmt.Errorf("wrapped: %w", &graph.InputError{Msg: "bad"}), 400},
		{fmt.Errorf("%w: dial tcp: refused", graph.ErrUnavailable), 503},
		{fmt.Errorf("%w: Neo.ClientError.Transaction.TransactionTimedOut", graph.ErrTimeout), 504},
		{errors.New("boom"), 500},
	} {
		if status, code, msg := classify(tc.err); status != tc.status || code == "" || strings.Contains(msg, "refused") || strings.Contains(msg, "boom") {
			t.Errorf("classify(%v) = %d %q, want %d without internal details", tc.err, status, msg, tc.status)
		}
	}
}
