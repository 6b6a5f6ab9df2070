package graph

import (
	"slices"
	"testing"
)

// The months locked for a meeting are those its dates span, across a year's end, at most
// the limit given.
func TestMonthsOf(t *testing.T) {
	for _, c := range []struct {
		lo, hi string
		max    int
		want   []string
	}{
		{"2019-06", "2019-06~", 24, []string{"2019-06"}},
		{"2019-06-10", "2019-06-12~", 24, []string{"2019-06"}},
		{"2019-12-30", "2020-01-02~", 24, []string{"2019-12", "2020-01"}},
		{"2019-11", "2020-02~", 24, []string{"2019-11", "2019-12", "2020-01", "2020-02"}},
		{"2019-01-01", "2030-01-01~", 3, []string{"2019-01", "2019-02", "2019-03"}},
	} {
		if got := monthsOf(c.lo, c.hi, c.max); !slices.Equal(got, c.want) {
			t.Errorf("monthsOf(%s, %s, %d) = %v, want %v", c.lo, c.hi, c.max, got, c.want)
		}
	}
}
