package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/server"
	"github.com/entente/entente/server/auth"
)

// metricsServer serves the API over an empty test graph with reads open and /metrics
// closed (as on a public address), and returns a reader key's Authorization header.
func metricsServer(t *testing.T, o server.Options) (*httptest.Server, string) {
	t.Helper()
	token, line, err := auth.New(auth.Reader, "prometheus")
	if err != nil {
		t.Fatal(err)
	}
	keys, err := auth.Load("", line)
	if err != nil {
		t.Fatal(err)
	}
	o.Store, o.Log = graphtest.Open(t), zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
	o.Access = &server.Access{Keys: keys, OpenReads: true}
	srv := httptest.NewServer(server.New(o))
	t.Cleanup(srv.Close)
	return srv, "Bearer " + token
}

// scrape reads /metrics with the Authorization header auth ("" for none).
func scrape(t *testing.T, base, authorization string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", base+"/metrics", nil)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// sample is the value of the series written exactly as series (name{labels sorted}) in a
// scrape, -1 when it is absent.
func sample(body, series string) float64 {
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), series+" "); ok {
			f, err := strconv.ParseFloat(strings.Fields(v)[0], 64)
			if err == nil {
				return f
			}
		}
	}
	return -1
}

func TestMetricsNeedAKeyAwayFromLoopback(t *testing.T) {
	srv, key := metricsServer(t, server.Options{})
	if status, _ := scrape(t, srv.URL, ""); status != http.StatusUnauthorized {
		t.Errorf("/metrics without a key: %d, want 401", status)
	}
	status, body := scrape(t, srv.URL, key)
	if status != http.StatusOK {
		t.Fatalf("/metrics with a reader key: %d", status)
	}
	for _, name := range []string{"entente_build_info{", "entente_neo4j_pool_max_connections ", "entente_rate_limited_total{",
		"entente_import_rows_total{", "go_goroutines ", "entente_neo4j_transactions_in_flight "} {
		if !strings.Contains(body, "\n"+name) {
			t.Errorf("/metrics has no %s", name)
		}
	}
	if !strings.Contains(body, `goversion="go`) {
		t.Errorf("entente_build_info has no Go version")
	}
}

// TestMetricsCountOperationsAndOutcomes checks the labels of the GraphQL counter: the
// operation's name, anonymous, unknown when no operation was reached, and the outcome code.
func TestMetricsCountOperationsAndOutcomes(t *testing.T) {
	srv, key := metricsServer(t, server.Options{})
	_, before := scrape(t, srv.URL, key)
	for range 3 {
		if r := post(t, srv.URL, "", "", `query CountMe { meetings { totalCount } }`, nil); r.status != 200 || r.code() != "" {
			t.Fatalf("CountMe: %d %s", r.status, r.code())
		}
	}
	post(t, srv.URL, "", "", `{ __typename }`, nil)
	post(t, srv.URL, "", "", `query Broken { nosuchfield }`, nil)
	post(t, srv.URL, "", "", `mutation Write($id: ID!) { upsertNode(input: {id: $id, kind: STATE, name: "Atlantis"}) { id } }`, map[string]any{"id": "state:zz"})
	post(t, srv.URL, "", "", `query {`, nil)
	_, after := scrape(t, srv.URL, key)
	delta := func(series string) float64 { return sample(after, series) - max(0, sample(before, series)) }
	for series, want := range map[string]float64{
		`entente_graphql_requests_total{code="OK",operation="CountMe",type="query"}`:                          3,
		`entente_graphql_requests_total{code="OK",operation="anonymous",type="query"}`:                        1,
		`entente_graphql_requests_total{code="GRAPHQL_VALIDATION_FAILED",operation="unknown",type="unknown"}`: 1,
		`entente_graphql_requests_total{code="UNAUTHENTICATED",operation="Write",type="mutation"}`:            1,
		`entente_graphql_requests_total{code="GRAPHQL_PARSE_FAILED",operation="unknown",type="unknown"}`:      1,
		`entente_graphql_request_duration_seconds_count{operation="CountMe",type="query"}`:                    3,
		`entente_http_requests_total{handler="graphql",method="POST",status="401"}`:                           1,
		`entente_http_requests_total{handler="metrics",method="GET",status="200"}`:                            1,
		`entente_http_request_duration_seconds_count{handler="graphql"}`:                                      7,
	} {
		if got := delta(series); got != want {
			t.Errorf("%s went up by %v, want %v", series, got, want)
		}
	}
	if got := delta(`entente_neo4j_statement_duration_seconds_count{mode="read",outcome="ok"}`); got < 3 {
		t.Errorf("Neo4j read statements went up by %v, want at least 3 (one per CountMe)", got)
	}
	if strings.Contains(after, "nosuchfield") || strings.Contains(after, "totalCount") {
		t.Error("query text leaked into the metrics")
	}
}

func TestMetricsCountRateLimitRefusals(t *testing.T) {
	srv, key := metricsServer(t, server.Options{RateLimit: 0.01, RateBurst: 1})
	_, before := scrape(t, srv.URL, key)
	refused := 0
	for range 4 {
		if r := post(t, srv.URL, "", "", `{ __typename }`, nil); r.status == http.StatusTooManyRequests {
			refused++
		}
	}
	_, after := scrape(t, srv.URL, key)
	series := `entente_rate_limited_total{caller="address"}`
	if got := sample(after, series) - sample(before, series); refused != 3 || got != float64(refused) {
		t.Errorf("%d requests refused, %s went up by %v", refused, series, got)
	}
	if got := sample(after, `entente_graphql_requests_total{code="RATE_LIMITED",operation="unknown",type="unknown"}`); got < 3 {
		t.Errorf("refusals counted as RATE_LIMITED operations: %v", got)
	}
}

// prometheusBinary finds Debian's prometheus, skipping the test without it, or failing it
// when ENTENTE_REQUIRE_NETWORKX=1 (CI: every checker must run).
func prometheusBinary(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("prometheus")
	if err != nil {
		why := "prometheus is not installed: apt-get install prometheus (Debian, Ubuntu) | dnf install golang-github-prometheus | brew install prometheus"
		if os.Getenv("ENTENTE_REQUIRE_NETWORKX") == "1" {
			t.Fatal(why + " (ENTENTE_REQUIRE_NETWORKX=1: every checker must run)")
		}
		t.Skip(why)
	}
	return bin
}

// freePort is a TCP port on 127.0.0.1 that nothing listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestPrometheusScrapesMetrics starts a real Prometheus on a free loopback port, scraping
// the test server every second with a reader key, and reads the request counter of an
// operation back through Prometheus' HTTP API.
func TestPrometheusScrapesMetrics(t *testing.T) {
	bin := prometheusBinary(t)
	srv, key := metricsServer(t, server.Options{})
	const sent = 5
	for range sent {
		if r := post(t, srv.URL, "", "", `query PromProbe { meetings { totalCount } }`, nil); r.status != 200 {
			t.Fatalf("PromProbe: %d", r.status)
		}
	}
	dir := t.TempDir()
	target := strings.TrimPrefix(srv.URL, "http://")
	config := fmt.Sprintf(`global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: entente
    metrics_path: /metrics
    authorization:
      type: Bearer
      credentials: %q
    static_configs:
      - targets: [%q]
`, strings.TrimPrefix(key, "Bearer "), target)
	if err := os.WriteFile(filepath.Join(dir, "prometheus.yml"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	var logs bytes.Buffer
	cmd := exec.Command(bin, "--config.file="+filepath.Join(dir, "prometheus.yml"), "--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+addr, "--log.level=warn")
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("prometheus said:\n%s", logs.String())
		}
	})
	query := func(q string) (float64, bool) {
		resp, err := http.Get("http://" + addr + "/api/v1/query?query=" + url.QueryEscape(q))
		if err != nil {
			return 0, false
		}
		defer resp.Body.Close()
		var out struct {
			Status string
			Data   struct {
				Result []struct {
					Value [2]any
				}
			}
		}
		if json.NewDecoder(resp.Body).Decode(&out) != nil || out.Status != "success" || len(out.Data.Result) != 1 {
			return 0, false
		}
		s, _ := out.Data.Result[0].Value[1].(string)
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	series := `entente_graphql_requests_total{job="entente",operation="PromProbe",type="query",code="OK"}`
	for {
		if v, ok := query(series); ok {
			if v < sent {
				t.Fatalf("Prometheus has %s = %v, want at least %d", series, v, sent)
			}
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("Prometheus never had %s", series)
		case <-time.After(250 * time.Millisecond):
		}
	}
	if v, ok := query(`up{job="entente"}`); !ok || v != 1 {
		t.Errorf(`up{job="entente"} = %v (%v), want 1: the scrape with the key failed`, v, ok)
	}
	if v, ok := query(`sum(entente_neo4j_statement_duration_seconds_count{job="entente",mode="read"})`); !ok || v < sent {
		t.Errorf("Neo4j read statements seen by Prometheus: %v (%v), want at least %d", v, ok, sent)
	}
}
