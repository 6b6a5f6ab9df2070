// Package pdftest writes small PDF files for tests: pages of text in Helvetica (a standard
// font, not embedded, WinAnsi encoding), a page with an image and no text, and a file that
// needs a password to open. Written by hand after the PDF 1.7 specification (ISO 32000-1):
// a header, numbered objects, a cross-reference table with each object's byte offset, a
// trailer.
package pdftest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Page is one page of text (at most 64 lines): its lines from the top, "" for a blank line between paragraphs.
type Page []string

// Text writes a PDF of the pages, with title (when not "") as its Title metadata.
func Text(title string, pages ...Page) []byte {
	w := newWriter()
	font := w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for _, p := range pages {
		var c bytes.Buffer
		c.WriteString("BT /F1 10 Tf 12 TL 72 760 Td\n")
		for _, line := range p {
			if line != "" {
				c.WriteString(literal(line))
				c.WriteString(" Tj ")
			}
			c.WriteString("T*\n")
		}
		c.WriteString("ET")
		w.page(fmt.Sprintf("/Font << /F1 %d 0 R >>", font), c.String())
	}
	return w.finish(title, "")
}

// ImageOnly writes a PDF of pages that each show a grey image and hold no text, as a
// scanned document not yet OCRed does.
func ImageOnly(pages int) []byte {
	w := newWriter()
	pixels := bytes.Repeat([]byte{0x40, 0xc0}, 32)
	img := w.add(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream", len(pixels), pixels))
	for range pages {
		w.page(fmt.Sprintf("/XObject << /Im1 %d 0 R >>", img), "q 400 0 0 500 100 200 cm /Im1 Do Q")
	}
	return w.finish("", "")
}

// Locked writes a one-page PDF encrypted with the standard security handler (RC4, 40 bits)
// whose user password is not empty: it cannot be opened without it. (Its keys are not
// computed from any password: no password opens it, which is all a reader needs to refuse it.)
func Locked() []byte {
	w := newWriter()
	font := w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	w.page(fmt.Sprintf("/Font << /F1 %d 0 R >>", font), "BT /F1 11 Tf 72 770 Td (secret) Tj ET")
	key := strings.Repeat("5a", 32)
	enc := w.add("<< /Filter /Standard /V 1 /R 2 /O <" + key + "> /U <" + strings.Repeat("a7", 32) + "> /P -44 >>")
	return w.finish("", fmt.Sprintf("/Encrypt %d 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]", enc))
}

// writer numbers objects as they are added: 1 the catalog, 2 the page tree.
type writer struct {
	objs []string // bodies, object i+1 at index i
	kids []int    // the pages' objects
}

func newWriter() *writer { return &writer{objs: []string{"", ""}} }

func (w *writer) add(body string) int {
	w.objs = append(w.objs, body)
	return len(w.objs)
}

// page adds a US Letter page with its resources and content stream.
func (w *writer) page(resources, content string) {
	c := w.add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	w.kids = append(w.kids, w.add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << %s >> /Contents %d 0 R >>", resources, c)))
}

// finish writes the file: the catalog and page tree, the objects, the cross-reference
// table and the trailer (with extra entries, such as /Encrypt).
func (w *writer) finish(title, extra string) []byte {
	w.objs[0] = "<< /Type /Catalog /Pages 2 0 R >>"
	refs := make([]string, len(w.kids))
	for i, k := range w.kids {
		refs[i] = fmt.Sprintf("%d 0 R", k)
	}
	w.objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(refs, " "), len(w.kids))
	info := 0
	if title != "" {
		info = w.add("<< /Title " + textString(title) + " /Producer (entente pdftest) >>")
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(w.objs))
	for i, body := range w.objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(w.objs)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R", len(w.objs)+1)
	if info != 0 {
		fmt.Fprintf(&b, " /Info %d 0 R", info)
	}
	if extra != "" {
		b.WriteString(" " + extra)
	}
	fmt.Fprintf(&b, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// winAnsi is the WinAnsiEncoding code of the characters above Latin-1 that it has.
var winAnsi = map[rune]byte{'€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, 'Œ': 0x8c, '‘': 0x91, '’': 0x92,
	'“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Ÿ': 0x9f}

// literal is a PDF literal string of s in WinAnsiEncoding ("?" for what it cannot encode).
func literal(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r >= 0xa0 && r <= 0xff:
			fmt.Fprintf(&b, "\\%03o", r)
		case winAnsi[r] != 0:
			fmt.Fprintf(&b, "\\%03o", winAnsi[r])
		default:
			b.WriteByte('?')
		}
	}
	b.WriteByte(')')
	return b.String()
}

// textString is a PDF text string of s: UTF-16BE with a byte order mark, in hexadecimal.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<feff")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04x", u)
	}
	b.WriteByte('>')
	return b.String()
}

// report is what Report writes, paragraph after paragraph; {page} is the page's number,
// {tag} the tag.
var report = []string{
	"Meeting report {tag}, page {page}",
	"On {page} March 2023 the United Nations Interregional Crime and Justice Research Institute (UNICRI) held a workshop in Rabat with the Ministry of the Interior of Morocco on the rehabilitation of violent extremist offenders. The workshop was funded by the European Union.",
	"Representatives of the General Directorate for National Security of Morocco, of the Ministry of Justice of Morocco and of INTERPOL took part in the workshop. The participants discussed legal frameworks, inter-agency coordination mechanisms, available resources such as existing training, human resources, expertise and equipment, international cooperation and future actions.",
	"The sessions included plenary meetings with the relevant agencies and departments, as well as bilateral meetings to address urgent questions and specific needs. While the intervention of UNICRI focused on the project and its phases of implementation, the national authorities presented their legal and operational frameworks, highlighting their roles and mandates in chemical security.",
	"The consultations contributed to the identification of common objectives and actions to strengthen national, regional and international cooperation, to share knowledge and to build capacities for the prevention of attacks with chemical weapons. The participants expressed their appreciation for the structure and topics of the seminar.",
	"As a next step, UNICRI will complete the training programmes on intelligence-led operations developed for officials of the security, law enforcement and intelligence services, and will prepare the training of trainers to be held in the third quarter of 2023.",
}

// Report returns pages of a meeting report in English, about 490 words (60 lines) a page,
// its paragraphs wrapped at 90 characters; tag (in the first line of each page) makes reports
// of the same length differ.
func Report(pages int, tag string) []Page {
	out := make([]Page, pages)
	for i := range out {
		fill := strings.NewReplacer("{page}", strconv.Itoa(i+1), "{tag}", tag)
		var p Page
		for range 2 {
			for _, para := range report {
				p = append(p, wrap(fill.Replace(para), 90)...)
				p = append(p, "")
			}
		}
		out[i] = p
	}
	return out
}

// wrap breaks s into lines of at most width characters, at spaces.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}
