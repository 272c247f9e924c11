/* The check page: runs the validator (compiled from Casebook's Java by TeaVM) on the files the
   reader pastes or drops. Nothing is sent anywhere and nothing is stored. */
const form = document.getElementById("checker");
const list = document.getElementById("findings");
const status = document.querySelector(".checker-status");
const rules = JSON.parse(form.dataset.rules);
const areas = Array.from(form.querySelectorAll("textarea[data-file]"));
let checker = null;
let timer = 0;
let sequence = 0;

/** name, text, name, text… as their lengths, a colon and themselves: any text, NUL included, stays whole. */
function frame(strings) {
  return strings.map((s) => s.length + ":" + s).join("");
}

/**
 * The checker, in a module worker when the browser has one (a large config is then checked off the
 * page's thread), else on the page. Either way: a function from (files, environment, lang) to the
 * findings' JSON.
 */
function load() {
  if (!checker) {
    status.textContent = form.dataset.loading;
    checker = startWorker().catch(onPage);
    checker.then((check) => check(frame(["config.yaml", "type: llm\nprovider: litellm_llm\nmodels: []\n"]), "", form.dataset.lang))
      .then(() => {
        // the first check read the rule catalog and LiteLLM's facts, so the reader's findings do not wait for them
        form.dataset.ready = "true";
        if (status.textContent === form.dataset.loading) status.textContent = "";
      });
  }
  return checker;
}

/** The checker on the page's own thread. */
function onPage() {
  return import(form.dataset.bundle).then(({ check }) => async (...args) => check(...args));
}

function startWorker() {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(form.dataset.worker, { type: "module" });
    } catch (error) {
      reject(error);
      return;
    }
    const waiting = new Map();
    let next = 0;
    worker.onmessage = (event) => {
      const { id, found, error } = event.data;
      const promise = waiting.get(id);
      waiting.delete(id);
      if (promise) error === undefined ? promise.resolve(found) : promise.reject(new Error(error));
    };
    worker.onerror = (event) => {
      // a worker that cannot run (no module workers, a blocked script): the page checks from now on,
      // starting with what was waiting
      event.preventDefault();
      worker.terminate();
      checker = onPage();
      waiting.forEach((promise) => checker.then((check) => check(...promise.args)).then(promise.resolve, promise.reject));
      waiting.clear();
    };
    resolve((files, environment, lang) => new Promise((ok, fail) => {
      const id = ++next;
      waiting.set(id, { resolve: ok, reject: fail, args: [files, environment, lang] });
      worker.postMessage({ id, bundle: new URL(form.dataset.bundle, location.href).href, files, environment, lang });
    }));
  });
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


/** The line of the finding with its column marked, from the text the reader pasted (split once per file). */
function excerpt(f, lines) {
  const text = (lines.get(f.file) || [])[f.line - 1];
  if (text === undefined) return null;
  const pre = el("pre", "finding-line");
  const at = Math.min(Math.max(f.column - 1, 0), text.length);
  pre.append(document.createTextNode(text.slice(0, at)), el("mark", "", text.slice(at) || " "));
  return pre;
}

const RANK = { error: 0, warning: 1, note: 2 };

function show(found) {
  // errors first, then warnings, then notes; in file and line order within each (the sort is stable)
  found.sort((a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3));
  list.replaceChildren();
  const lines = new Map(areas.map((a) => [a.dataset.file, a.value.split("\n")]));
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
    const line = excerpt(f, lines);
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
  return frame(areas.filter((a) => a.value.trim()).flatMap((a) => [a.dataset.file, a.value]));
}

// the options that say where the files run, as casebook validate has them
const OPTIONS = ["wren_ai_service_version", "litellm_version", "deployment", "host_os"];

function environment() {
  return frame(OPTIONS.map((name) => [name, form.elements[name].value.trim()]).filter(([, v]) => v).flat());
}

async function run() {
  const id = ++sequence;
  const given = files();
  if (!given) { list.replaceChildren(); status.textContent = ""; return; }
  const check = await load();
  const started = performance.now();
  let found;
  try {
    // the findings as casebook validate --format json gives them
    found = JSON.parse(await check(given, environment(), form.dataset.lang));
  } catch (error) {
    if (id !== sequence) return;
    list.replaceChildren(); // never findings of an earlier text under this one
    status.textContent = form.dataset.failed;
    return;
  }
  if (id !== sequence) return; // a newer edit is being checked: its findings will show
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
  // where the files run, when the link says (a content tab's environment)
  OPTIONS.filter((key) => params.has(key)).forEach((key) => { form.elements[key].value = params.get(key); });
  if (names.length) run();
}
load(); // the page exists to check: fetch the checker at once, in the background
