package extract

// wordClass is a set of word lists. The lists that rules look up at every token are
// classes: each token's classes are read once per document (run.classes), so that
// such a rule tests a bit instead of looking the word up.
type wordClass uint16

// Classes of words.
const (
	classParticipantGroup wordClass = 1 << iota
	classOriginWord
	classAgencyHead
	classOrganisationHead
	classProjectHead
	classActionHead
	classSigningNoun
	classYearPlanHead
	classFundingVerb
	classSkippable
)

// classLists are the word lists of the classes. They are read when an Extractor is
// built, after the package's init functions complete the lists.
var classLists = []struct {
	class wordClass
	list  map[string]bool
}{
	{classParticipantGroup, participantGroups},
	{classOriginWord, originWords},
	{classAgencyHead, agencyHeads},
	{classOrganisationHead, organisationHeads},
	{classProjectHead, projectHeads},
	{classActionHead, actionHeads},
	{classSigningNoun, signingNouns},
	{classYearPlanHead, yearPlanHeads},
	{classFundingVerb, fundingVerbs},
	{classSkippable, skippable},
}

// wordClasses maps each word of classLists to its classes.
func wordClasses() map[string]wordClass {
	out := map[string]wordClass{}
	for _, c := range classLists {
		for w, in := range c.list {
			if in {
				out[w] |= c.class
			}
		}
	}
	return out
}

// tokenClasses returns the classes of each token of the document.
func (r *run) tokenClasses() []wordClass {
	out := make([]wordClass, len(r.d.Tokens))
	for i := range out {
		out[i] = r.x.classes[r.fold(i)]
	}
	return out
}

// is reports whether token i is a word of a class.
func (r *run) is(i int, c wordClass) bool { return r.classes[i]&c != 0 }
