// help.html: the reference of the MG functions, one anchor per function (#WEIGHTSAVING ...), which
// is where each function's help URL in functions.json points. Generated at build time from
// FUNCTION_SPECS so it cannot drift from what the functions do.
import { FUNCTION_SPECS, FunctionSpec } from "../core/query/functions";
import { parseDataset, type Dataset } from "../core/model/dataset";
import { serialToIso } from "../core/model/dates";
import { answerExamples, type ExampleAnswer } from "./examples";
import bundled from "../data/dataset.json";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function signature(f: FunctionSpec): string {
  return `MG.${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

const RESULT_TEXT: Record<FunctionSpec["result"], string> = {
  number: "a number",
  date: "an Excel date (a serial number: format the cell as a date)",
  text: "text",
  any: "text or a number, as the field holds it",
  table: "a table that spills down and right from the cell, with a header row",
};

/** What an example gives on the bundled data, as a reader sees it in a cell. */
function describeAnswer(e: ExampleAnswer): string {
  const a = e.answer;
  if (!a) return "";
  if ("error" in a) return `<strong>${a.error === "not_available" ? "#N/A" : "#VALUE!"}</strong>: ${esc(a.message)}`;
  const v = a.value;
  if (Array.isArray(v)) return `a table of ${v.length - 1} row${v.length === 2 ? "" : "s"} under the header <code>${esc(v[0].join(", "))}</code>`;
  const isDate = typeof v === "number" && (e.spec.result === "date" || /"(?:implemented|released|date)"/.test(e.spec.example));
  return isDate ? `<code>${v}</code> (the Excel date ${serialToIso(v as number)})` : `<code>${esc(String(v))}</code>`;
}

function section(f: FunctionSpec, answers: Map<string, string>): string {
  const answered = answers.get(f.name) ? `${answers.get(f.name)} on the bundled data` : "";
  const params = f.params.length
    ? `<table><thead><tr><th scope="col">Argument</th><th scope="col">Needed</th><th scope="col">What to give</th></tr></thead><tbody>${f.params
        .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${p.optional ? "optional" : "required"}</td><td>${esc(p.description)}</td></tr>`)
        .join("")}</tbody></table>`
    : "<p>No arguments.</p>";
  return `<section id="${f.name}">
<h2><code>${esc(signature(f))}</code></h2>
<p>${esc(f.description)}</p>
${params}
<p>Returns ${RESULT_TEXT[f.result]}. Example: <code>${esc(f.example)}</code>${answered ? ` gives ${answered}` : ""}</p>
</section>`;
}

export function renderHelpPage(dataset: Dataset = parseDataset(bundled)): string {
  const answers = new Map(answerExamples(dataset).map((e) => [e.spec.name, describeAnswer(e)]));
  const toc = FUNCTION_SPECS.map((f) => `<li><a href="#${f.name}"><code>MG.${f.name}</code></a></li>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Magnesium Tracker: MG functions</title>
<link rel="icon" type="image/png" href="assets/icon-32.png" />
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
code { background: #f2f2f2; padding: 0 .2em; border-radius: 3px; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
section { border-top: 1px solid #ddd; margin-top: 1.5rem; }
section:target { background: #f3fbfb; }
a { color: #0f548c; }
@media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #eee; } a { color: #8ac6ff; } code { background: #333; } th, td { border-color: #444; } section { border-color: #444; } section:target { background: #13393b; } }
</style>
</head>
<body>
<main>
<h1>MG functions</h1>
<p>Every answer comes from a record of the Magnesium Tracker data, which keeps the sentence and the source it was
taken from: <code>=MG.FACT(subject, "evidence")</code> shows the sentence, <code>=MG.SOURCE(subject)</code> its URL.</p>
<h2 id="rules">Rules</h2>
<ul>
<li><strong>Subjects</strong> match by name or alias, ignoring case, punctuation and legal forms ("saic", "SAIC" and "SAIC Motor" are the same).
A subject matches a record it is the subject of or one of the organisations of (a co-developer, a partner).
A word that belongs to exactly one known name also matches ("Inovance"). <code>=MG.SUBJECTS()</code> lists the names.</li>
<li><strong>Several records</strong> fit: the subject's own records come before those it is only a party to, then the most recent is used
(records with a date of their own first; undated ones, ranked by their source's date, after them), unless arguments narrow the choice
(kind, unit, product, per). Equally recent records that disagree give <code>#N/A</code> listing them: no figure is picked at random.</li>
<li><strong>Unknown subject</strong>: <code>#N/A</code> naming the closest known subjects. <strong>Ambiguous</strong>: <code>#N/A</code> listing the candidates.</li>
<li><strong>No such fact</strong>: <code>#N/A</code> saying what the data holds instead. A number is never made up or converted silently:
percentages come back in percent units as reported (21.8 for 21.8%), capacities stated per day are not annualised.</li>
<li><strong>Bad argument</strong>: <code>#VALUE!</code> saying what is expected. Hover over the error cell to read the message.</li>
<li><strong>Dates</strong>: sources often give only a month. <code>MG.POLICYDATE</code> returns the 1st of that month; <code>=MG.FACT(subject, "date")</code>
gives the date as text at its real precision ("2024-11"). Tables show dates as ISO text at their real precision; a date filter keeps a
record whose month or year overlaps the range. A date argument is an Excel date or text ("2024", "2024-07"); a bare number such as 2024 is refused,
since Excel would read it as a day in 1905. <code>MG.POLICYDATE</code> skips matching policies whose date the source does not give.</li>
<li><strong>Tables</strong> spill at most 20,000 rows (Excel on the web refuses larger answers); narrow the arguments, or insert larger tables from the task pane.</li>
<li><strong>Ranges</strong> ("2.5 kg to 7 kg") answer their low end unless <code>bound</code> is "high". A qualifier ("over", "up to") is in <code>=MG.FACT(subject, "qualifier")</code>.</li>
</ul>
<h2>Functions</h2>
<ul>
${toc}
</ul>
${FUNCTION_SPECS.map((f) => section(f, answers)).join("\n")}
</main>
</body>
</html>
`;
}
