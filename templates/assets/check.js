/* The check page: runs the validator (compiled from Casebook's Java by TeaVM) on the files the
   reader pastes or drops. Nothing is sent anywhere and nothing is stored. */
const form = document.getElementById("checker");
const list = document.getElementById("findings");
const status = document.querySelector(".checker-status");
const rules = JSON.parse(form.dataset.rules);
const areas = Array.from(form.querySelectorAll("textarea[data-file]"));
let checker = null;
let timer = 0;

function load() {
  if (!checker) {
    status.textContent = form.dataset.loading;
    checker = import(form.dataset.bundle);
    checker.then(({ check }) => {
      // one small check while the reader is still reading: the rule catalog and LiteLLM's facts are read
      // on first use, so the first real findings do not wait for them
      check("config.yaml\u0000type: llm\nprovider: litellm_llm\nmodels: []\n", "", form.dataset.lang);
      form.dataset.ready = "true";
      if (status.textContent === form.dataset.loading) status.textContent = "";
    });
  }
  return checker;
}

/** A rule's text with its `code` spans as code elements (text nodes only: nothing is parsed as HTML). */
function prose(tag, cls, text) {
  const e = el(tag, cls);
  text.split("`").forEach((part, i) => e.append(i % 2 ? el("code", "", part) : document.createTextNode(part)));
  return e;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}


/** The line of the finding with its column marked, from the text the reader pasted. */
function excerpt(f) {
  const area = areas.find((a) => a.dataset.file === f.file);
  const text = area ? area.value.split("\n")[f.line - 1] : undefined;
  if (text === undefined) return null;
  const pre = el("pre", "finding-line");
  const at = Math.min(Math.max(f.column - 1, 0), text.length);
  pre.append(document.createTextNode(text.slice(0, at)), el("mark", "", text.slice(at) || " "));
  return pre;
}

function show(found) {
  list.replaceChildren();
  for (const f of found) {
    const item = el("li", "finding finding-" + f.severity);
    const head = el("p", "finding-head");
    head.append(el("code", "", f.file + ":" + f.line + ":" + f.column), " ", el("span", "severity severity-" + f.severity, f.severity), " ");
    const rule = rules[f.rule];
    if (rule) {
      const a = el("a", "", f.rule);
      a.href = rule.u;
      head.append(a, " ", el("span", "finding-title", rule.t));
    } else {
      head.append(el("code", "", f.rule));
    }
    item.append(head, prose("p", "finding-message", f.message));
    if (f.fix) item.append(prose("p", "finding-hint", f.fix));
    const line = excerpt(f);
    if (line) item.append(line);
    if (rule && rule.a.length) {
      const shown = el("p", "finding-articles", form.dataset.demonstrated + " ");
      rule.a.forEach(([title, href], i) => {
        const a = el("a", "", title);
        a.href = href;
        shown.append(i ? ", " : "", a);
      });
      item.append(shown);
    }
    list.append(item);
  }
  status.textContent = found.length === 1 ? form.dataset.countOne
    : found.length ? form.dataset.count.replace("{n}", found.length) : form.dataset.none;
}

function files() {
  return areas.filter((a) => a.value.trim()).map((a) => a.dataset.file + "\u0000" + a.value).join("\u0000");
}

function environment() {
  return ["wren_ai_service_version", "deployment", "host_os"]
    .map((name) => [name, form.elements[name].value.trim()]).filter(([, v]) => v)
    .map(([k, v]) => k + "=" + v).join("\u0000");
}

async function run() {
  const given = files();
  if (!given) { list.replaceChildren(); status.textContent = ""; return; }
  const { check } = await load();
  const started = performance.now();
  // the findings as casebook validate --format json gives them
  const found = JSON.parse(check(given, environment(), form.dataset.lang));
  form.dataset.ms = (performance.now() - started).toFixed(1); // read by the browser test's timing report
  form.dataset.checks = String(+(form.dataset.checks || 0) + 1);
  show(found);
}

function later() {
  clearTimeout(timer);
  timer = setTimeout(run, 150);
}

/** The box a file belongs in, by its name. */
function boxFor(fileName) {
  const name = fileName.toLowerCase();
  return name.startsWith(".env") || name.endsWith(".env") ? areas[1]
    : /compose/.test(name) ? areas[2] : /litellm|proxy/.test(name) ? areas[3] : areas[0];
}

form.addEventListener("input", later);
form.addEventListener("change", (e) => {
  if (e.target.name !== "drop") { later(); return; }
  // dropped or chosen files fill the box their name belongs to
  for (const file of e.target.files) {
    const area = boxFor(file.name);
    file.text().then((text) => { area.value = text; later(); });
  }
});
form.addEventListener("submit", (e) => e.preventDefault());
// a "try it" link carries files in the fragment: #file=config.yaml&text=…
if (location.hash.length > 1) {
  const params = new URLSearchParams(location.hash.slice(1));
  const names = params.getAll("file"), texts = params.getAll("text");
  names.forEach((name, i) => { boxFor(name).value = texts[i] || ""; });
  if (names.length) run();
}
load(); // the page exists to check: fetch the checker at once, in the background
