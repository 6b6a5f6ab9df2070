// Loads a Cytoscape.js export (a file named on the command line) into a headless
// Cytoscape.js instance, as a page would with cy.json(), and prints what it holds as JSON.
// Cytoscape.js refuses duplicate ids and edges whose ends are missing.
const fs = require("fs");
const cytoscape = require("cytoscape");

const exported = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const cy = cytoscape({ headless: true, styleEnabled: false });
cy.json(exported);
const degrees = {};
cy.nodes().forEach((n) => { degrees[n.id()] = n.degree(false); });
process.stdout.write(JSON.stringify({
  version: cytoscape.version,
  nodes: cy.nodes().length,
  edges: cy.edges().length,
  truncated: cy.data("truncated"),
  kinds: cy.nodes().map((n) => n.data("kind")).filter((k, i, a) => a.indexOf(k) === i).sort(),
  degrees,
}));
