package graph

import "strings"

// Dates are ISO 8601 strings, possibly partial: "2024", "2024-04" or "2024-04-19". A partial
// date names a whole period, both on a fact and as a bound of a filter: a fact dated 2024
// lasts the whole year, to: "2024" is the end of 2024 and from: "2024-04" the start of
// April. A fact passes a filter [from, to] when its period overlaps the filter's.
//
// As strings, a date sorts before every date inside its period ("2024" < "2024-04-19"),
// and the date followed by dateEnd sorts after them all ("2024-04-19" < "2024"+dateEnd),
// so string comparisons, in Go and in Cypher alike, decide the overlap.

// dateEnd follows a date to make the end of the period it names: it sorts after every
// character of an ISO date.
const dateEnd = "\uffff"

// Overlaps reports whether the period of a possibly partial date d ("2022-03": the whole of
// March 2022) overlaps [from, to], whose partial bounds also name whole periods: from is
// the start of its period, to the end of its own. Nil bounds are open; a nil d is outside
// any bounded range.
func Overlaps(d, from, to *string) bool {
	if d == nil {
		return from == nil && to == nil
	}
	return (from == nil || *d+dateEnd >= *from) && (to == nil || *d <= *to+dateEnd)
}

// overlapsCypher is Overlaps in Cypher: the condition that the date expr overlaps
// [$from, $to], either of which may be null. The query's parameters must include from, to
// and dateEnd (see dateParams).
func overlapsCypher(expr string) string {
	return "(($from IS NULL OR " + expr + " + $dateEnd >= $from) AND ($to IS NULL OR " + expr + " <= $to + $dateEnd))"
}

// dateParams adds the parameters of overlapsCypher to params and returns it.
func dateParams(params map[string]any, from, to *string) map[string]any {
	params["from"], params["to"], params["dateEnd"] = from, to, dateEnd
	return params
}

// compareDates orders possibly partial dates as lists ordered by DATE ascending do: a partial
// date before the days it contains, undated last.
func compareDates(a, b *string) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return strings.Compare(*a, *b)
}
