package graph

// Lists page by key (keyset): a page starts right after the position of the last item the
// client saw, its sort value and id, not at an offset, so that items inserted or removed
// elsewhere while a client pages make it neither repeat nor skip items.

// MaxPage is the largest page any list or search returns.
const MaxPage = 100

// Key is the position of an item in a sorted list: its sort value (nil when it has none,
// as an undated item in date order) and its id, which breaks ties.
type Key struct {
	Value *string
	ID    string
}

// Page is one page of a sorted list.
type Page[T any] struct {
	Items []T
	Keys  []Key // the position of each item, to go on after it
	Total int   // the items that pass the filter, in all pages
	More  bool  // whether items follow this page
}

// keysetOrder is the ORDER BY of a list sorted by the Cypher expression key, then by id:
// items without a key (undated) come last in both directions.
func keysetOrder(key, id string, desc bool) string {
	dir := ""
	if desc {
		dir = " DESC"
	}
	return key + " IS NULL, " + key + dir + ", " + id
}

// keysetAfter is the condition that an item comes after the position ($afterValue,
// $afterID) in keysetOrder(key, id, desc).
func keysetAfter(key, id string, desc bool) string {
	op := " > "
	if desc {
		op = " < "
	}
	return "(CASE WHEN $afterValue IS NULL THEN " + key + " IS NULL AND " + id + " > $afterID" +
		" ELSE " + key + " IS NULL OR " + key + op + "$afterValue OR (" + key + " = $afterValue AND " + id + " > $afterID) END)"
}

// keysetParams adds the parameters of keysetAfter for the position after (nil: the start)
// and of a page of limit items (one more is read, to tell whether more follow).
func keysetParams(params map[string]any, after *Key, limit int) map[string]any {
	params["limit"] = limit + 1
	if after != nil {
		params["afterValue"], params["afterID"] = after.Value, after.ID
	}
	return params
}
