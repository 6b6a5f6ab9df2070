package graph

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Property values in a backup (backup.go) are JSON, written canonically (map keys sorted,
// no spaces) so that the same graph gives the same bytes, and typed so that a restore
// stores exactly what was read: a string, a boolean and a list are themselves; an integer
// is a JSON number without a point or exponent, a float one with either (1.0, 2.5e-07);
// anything else is an object of one tagged member: {"$float":"NaN"|"+Inf"|"-Inf"},
// {"$datetime":"RFC 3339 with nanoseconds"} (a zone name, if it had one, in "zone"),
// {"$date":"2006-01-02"}, {"$localdatetime":"2006-01-02T15:04:05.999999999"},
// {"$localtime":"15:04:05.999999999"}, {"$time":"15:04:05.999999999Z07:00"},
// {"$duration":[months,days,seconds,nanoseconds]}, {"$point":[srid,x,y(,z)]},
// {"$bytes":"base64"}.

// encodeProps writes a property map canonically, its keys sorted.
func encodeProps(buf *bytes.Buffer, props map[string]any) error {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	buf.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		writeString(buf, k)
		buf.WriteByte(':')
		if err := encodeValue(buf, props[k]); err != nil {
			return fmt.Errorf("property %q: %w", k, err)
		}
	}
	buf.WriteByte('}')
	return nil
}

// writeString writes s as a JSON string (HTML characters are not escaped).
func writeString(buf *bytes.Buffer, s string) {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s)               // a string always encodes
	buf.Truncate(buf.Len() - 1) // Encode's newline
}

// encodeValue writes one property value (see the comment above).
func encodeValue(buf *bytes.Buffer, v any) error {
	tagged := func(tag string, write func()) {
		buf.WriteString(`{"$` + tag + `":`)
		write()
	}
	switch x := v.(type) {
	case string:
		writeString(buf, x)
	case bool:
		buf.WriteString(strconv.FormatBool(x))
	case int64:
		buf.WriteString(strconv.FormatInt(x, 10))
	case float64:
		switch {
		case math.IsNaN(x):
			buf.WriteString(`{"$float":"NaN"}`)
		case math.IsInf(x, 1):
			buf.WriteString(`{"$float":"+Inf"}`)
		case math.IsInf(x, -1):
			buf.WriteString(`{"$float":"-Inf"}`)
		default:
			s := strconv.FormatFloat(x, 'g', -1, 64)
			if !strings.ContainsAny(s, ".e") {
				s += ".0"
			}
			buf.WriteString(s)
		}
	case []any:
		buf.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := encodeValue(buf, e); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case []byte:
		tagged("bytes", func() { writeString(buf, base64.StdEncoding.EncodeToString(x)) })
		buf.WriteByte('}')
	case time.Time:
		tagged("datetime", func() { writeString(buf, x.Format(time.RFC3339Nano)) })
		if zone, _ := x.Zone(); zone != "Offset" && x.Location().String() != "" {
			buf.WriteString(`,"zone":`)
			writeString(buf, x.Location().String())
		}
		buf.WriteByte('}')
	case dbtype.Date:
		tagged("date", func() { writeString(buf, time.Time(x).Format("2006-01-02")) })
		buf.WriteByte('}')
	case dbtype.LocalDateTime:
		tagged("localdatetime", func() { writeString(buf, time.Time(x).Format("2006-01-02T15:04:05.999999999")) })
		buf.WriteByte('}')
	case dbtype.LocalTime:
		tagged("localtime", func() { writeString(buf, time.Time(x).Format("15:04:05.999999999")) })
		buf.WriteByte('}')
	case dbtype.Time:
		tagged("time", func() { writeString(buf, time.Time(x).Format("15:04:05.999999999Z07:00")) })
		buf.WriteByte('}')
	case dbtype.Duration:
		fmt.Fprintf(buf, `{"$duration":[%d,%d,%d,%d]}`, x.Months, x.Days, x.Seconds, x.Nanos)
	case dbtype.Point2D:
		fmt.Fprintf(buf, `{"$point":[%d,`, x.SpatialRefId)
		for i, f := range []float64{x.X, x.Y} {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := encodeValue(buf, f); err != nil {
				return err
			}
		}
		buf.WriteString("]}")
	case dbtype.Point3D:
		fmt.Fprintf(buf, `{"$point":[%d,`, x.SpatialRefId)
		for i, f := range []float64{x.X, x.Y, x.Z} {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := encodeValue(buf, f); err != nil {
				return err
			}
		}
		buf.WriteString("]}")
	default:
		return fmt.Errorf("a value of type %T cannot be backed up", v)
	}
	return nil
}

// decodeProps reads a property map written by encodeProps.
func decodeProps(raw json.RawMessage) (map[string]any, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("properties: %w", err)
	}
	if m == nil {
		return nil, fmt.Errorf("properties: not an object")
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		x, err := decodeValue(v)
		if err != nil {
			return nil, fmt.Errorf("property %q: %w", k, err)
		}
		out[k] = x
	}
	return out, nil
}

// decodeValue reads one value written by encodeValue.
func decodeValue(raw json.RawMessage) (any, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, fmt.Errorf("empty value")
	}
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case 't', 'f':
		var b bool
		err := json.Unmarshal(raw, &b)
		return b, err
	case '[':
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, err
		}
		out := make([]any, len(list))
		for i, e := range list {
			x, err := decodeValue(e)
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	case '{':
		return decodeTagged(raw)
	case 'n':
		return nil, fmt.Errorf("null is not a property value")
	}
	s := string(raw)
	if strings.ContainsAny(s, ".eE") {
		return strconv.ParseFloat(s, 64)
	}
	return strconv.ParseInt(s, 10, 64)
}

// decodeTagged reads the tagged objects of encodeValue.
func decodeTagged(raw json.RawMessage) (any, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	str := func(key string) (string, error) {
		var s string
		err := json.Unmarshal(m[key], &s)
		return s, err
	}
	nums := func(key string, n ...int) ([]json.Number, error) {
		d := json.NewDecoder(bytes.NewReader(m[key]))
		d.UseNumber()
		var list []json.Number
		if err := d.Decode(&list); err != nil {
			return nil, err
		}
		for _, want := range n {
			if len(list) == want {
				return list, nil
			}
		}
		return nil, fmt.Errorf("$%s: %d numbers", key, len(list))
	}
	for tag := range m {
		if tag == "zone" {
			continue
		}
		switch tag {
		case "$float":
			s, err := str(tag)
			if err != nil {
				return nil, err
			}
			switch s {
			case "NaN":
				return math.NaN(), nil
			case "+Inf":
				return math.Inf(1), nil
			case "-Inf":
				return math.Inf(-1), nil
			}
			return nil, fmt.Errorf("$float %q", s)
		case "$bytes":
			s, err := str(tag)
			if err != nil {
				return nil, err
			}
			return base64.StdEncoding.DecodeString(s)
		case "$datetime":
			s, err := str(tag)
			if err != nil {
				return nil, err
			}
			t, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				return nil, err
			}
			if _, ok := m["zone"]; ok {
				name, err := str("zone")
				if err != nil {
					return nil, err
				}
				loc, err := time.LoadLocation(name)
				if err != nil {
					return nil, err
				}
				return t.In(loc), nil
			}
			_, offset := t.Zone()
			return t.In(time.FixedZone("Offset", offset)), nil
		case "$date", "$localdatetime", "$localtime", "$time":
			s, err := str(tag)
			if err != nil {
				return nil, err
			}
			layout := map[string]string{"$date": "2006-01-02", "$localdatetime": "2006-01-02T15:04:05.999999999",
				"$localtime": "15:04:05.999999999", "$time": "15:04:05.999999999Z07:00"}[tag]
			t, err := time.Parse(layout, s)
			if err != nil {
				return nil, err
			}
			switch tag {
			case "$date":
				return dbtype.Date(t), nil
			case "$localdatetime":
				return dbtype.LocalDateTime(t), nil
			case "$localtime":
				return dbtype.LocalTime(t), nil
			}
			return dbtype.Time(t), nil
		case "$duration":
			list, err := nums(tag, 4)
			if err != nil {
				return nil, err
			}
			var v [4]int64
			for i, n := range list {
				if v[i], err = n.Int64(); err != nil {
					return nil, err
				}
			}
			return dbtype.Duration{Months: v[0], Days: v[1], Seconds: v[2], Nanos: int(v[3])}, nil
		case "$point":
			list, err := nums(tag, 3, 4)
			if err != nil {
				return nil, err
			}
			srid, err := list[0].Int64()
			if err != nil {
				return nil, err
			}
			f := make([]float64, len(list)-1)
			for i, n := range list[1:] {
				if f[i], err = n.Float64(); err != nil {
					return nil, err
				}
			}
			if len(f) == 2 {
				return dbtype.Point2D{SpatialRefId: uint32(srid), X: f[0], Y: f[1]}, nil
			}
			return dbtype.Point3D{SpatialRefId: uint32(srid), X: f[0], Y: f[1], Z: f[2]}, nil
		}
		return nil, fmt.Errorf("unknown value tag %q", tag)
	}
	return nil, fmt.Errorf("an object without a value tag")
}
