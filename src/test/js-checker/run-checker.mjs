// Runs the TeaVM-compiled validator on a JSON list of {files, env, lang} and writes its answers:
// node run-checker.mjs <checker.js> <cases.json> <results.json>
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [bundle, casesFile, resultsFile] = process.argv.slice(2);
const { check } = await import(pathToFileURL(bundle).href);
const cases = JSON.parse(readFileSync(casesFile, "utf8"));
const times = [];
const failures = [];
const results = cases.map((c, i) => {
  const start = performance.now();
  let out;
  try {
    out = check(c.files, c.env, c.lang);
  } catch (e) {
    failures.push(`case ${i} (${c.lang}, ${JSON.stringify(c.files.slice(0, 60))}): ${e.stack}`);
    out = "";
  }
  times.push(performance.now() - start);
  return out;
});
if (failures.length) {
  console.log(failures.slice(0, 3).join("\n"));
  process.exit(1);
}
writeFileSync(resultsFile, JSON.stringify(results));
const later = times.slice(1).sort((a, b) => a - b);
console.log(`first check ${times[0].toFixed(0)} ms, later median ${later[later.length >> 1].toFixed(1)} ms, worst ${later[later.length - 1].toFixed(1)} ms`);
