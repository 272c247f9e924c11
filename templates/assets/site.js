/* Casebook: remembers the language a reader picks, gives every code block a copy button (and a wrap button when its
   lines are longer than the block), and
   loads the search client on first use. */
(function () {
  "use strict";
  // copy buttons: the block's exact text to the clipboard, said to screen readers too
  var body = document.body, blocks = document.querySelectorAll("pre > code");
  if (blocks.length) {
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    body.appendChild(status);
    // which blocks have lines longer than themselves, all read before anything is added: one layout, not one per block
    var overflowing = Array.prototype.map.call(blocks, function (code) {
      return code.parentNode.scrollWidth > code.parentNode.clientWidth + 1;
    });
    Array.prototype.forEach.call(blocks, function (code, i) {
      var pre = code.parentNode, button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = body.getAttribute("data-copy");
      button.addEventListener("click", function () {
        var text = code.textContent;
        var done = function () {
          button.textContent = status.textContent = body.getAttribute("data-copied");
          setTimeout(function () { button.textContent = body.getAttribute("data-copy"); status.textContent = ""; }, 2000);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
        } else {
          fallback(text);
          done();
        }
      });
      var tools = document.createElement("span");
      tools.className = "code-tools";
      if (overflowing[i]) { // lines longer than the block: offer to wrap them
        var wrap = document.createElement("button");
        wrap.type = "button";
        wrap.className = "wrap";
        wrap.textContent = body.getAttribute("data-wrap");
        wrap.setAttribute("aria-pressed", "false");
        wrap.addEventListener("click", function () {
          wrap.setAttribute("aria-pressed", String(pre.classList.toggle("wrapped")));
        });
        tools.appendChild(wrap);
      }
      tools.appendChild(button);
      pre.classList.add("has-copy");
      pre.insertBefore(tools, code);
    });
  }
  function fallback(text) { // pages served over plain http have no clipboard API
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    body.removeChild(area);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-lang]") : null;
    if (!link) { return; }
    try { localStorage.setItem("casebook-lang", link.getAttribute("data-lang")); } catch (e) { /* private mode */ }
  });

  // the table of contents marks the section being read
  var toc = document.querySelectorAll(".toc a[href^='#']");
  if (toc.length && "IntersectionObserver" in window) {
    var byId = {};
    Array.prototype.forEach.call(toc, function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
    var observer = new IntersectionObserver(function (seen) {
      seen.forEach(function (e) {
        if (!e.isIntersecting || !byId[e.target.id]) { return; }
        Array.prototype.forEach.call(toc, function (a) { a.removeAttribute("aria-current"); });
        byId[e.target.id].setAttribute("aria-current", "true");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) { var h = document.getElementById(id); if (h) { observer.observe(h); } });
  }

  // light, dark or the system's choice, remembered
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    var modes = ["auto", "dark", "light"], labels = toggle.getAttribute("data-labels").split("|");
    var mode = function () { return document.documentElement.getAttribute("data-theme") || "auto"; };
    var show = function () {
      var i = modes.indexOf(mode());
      toggle.querySelector(".theme-label").textContent = labels[i];
      toggle.title = labels[i];
      toggle.setAttribute("aria-pressed", mode() === "auto" ? "false" : "true");
    };
    toggle.hidden = false;
    show();
    toggle.addEventListener("click", function () {
      var next = modes[(modes.indexOf(mode()) + 1) % modes.length];
      if (next === "auto") { document.documentElement.removeAttribute("data-theme"); } else { document.documentElement.setAttribute("data-theme", next); }
      try { if (next === "auto") { localStorage.removeItem("casebook-theme"); } else { localStorage.setItem("casebook-theme", next); } } catch (e) { /* private mode */ }
      show();
    });
  }

  // the phone menu: sections, pages and languages behind one button; Escape closes it
  var menuButton = document.querySelector(".menu-toggle"), menu = document.getElementById("site-menu");
  if (menuButton && menu) {
    var openMenu = function (open) {
      menu.classList.toggle("open", open);
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
    };
    menuButton.addEventListener("click", function () { openMenu(!menu.classList.contains("open")); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.classList.contains("open")) {
        openMenu(false);
        menuButton.focus();
      }
    });
  }

  // on the search page the language switch keeps the query
  if (body.classList.contains("kind-search") && /[?&]q=/.test(location.search)) {
    Array.prototype.forEach.call(document.querySelectorAll(".langs a[href]"), function (a) {
      a.setAttribute("href", a.getAttribute("href").split("?")[0] + location.search);
    });
  }

  var form = document.querySelector("form.search");
  if (!form) { return; }
  var input = form.querySelector("input[type=search]"), loaded = false;
  if (window.matchMedia && matchMedia("(pointer: coarse)").matches) { // no "/" key to press on a touch screen
    input.setAttribute("placeholder", input.getAttribute("data-touch-placeholder"));
  }
  function load() {
    if (loaded) { return; }
    loaded = true;
    var s = document.createElement("script");
    s.src = form.getAttribute("data-src");
    document.head.appendChild(s);
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", load);
  document.addEventListener("keydown", function (e) {
    var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); input.focus(); }
  });
  if (/[?&]q=/.test(location.search)) { load(); }
})();

// Collapsed blocks print open: paper cannot be clicked. Those opened for printing close again after.
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.collapsible:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

// On a phone the table of contents folds under its title, so the article starts on the first screen; beside the
// article (wide screens) it stays open. Without a script it is open everywhere.
(function () {
  var fold = document.querySelector(".toc-fold");
  if (!fold || !window.matchMedia) { return; }
  var wide = matchMedia("(min-width: 63.5rem)");
  function place() { fold.open = wide.matches; }
  place();
  if (wide.addEventListener) { wide.addEventListener("change", place); }
})();

// "Back to top" appears once the reader is two screens down a page.
(function () {
  var link = document.querySelector(".to-top");
  if (!link) { return; }
  var shown = false;
  function update() {
    var far = window.scrollY > 2 * window.innerHeight;
    if (far !== shown) { shown = far; link.hidden = !far; }
  }
  window.addEventListener("scroll", update, { passive: true });
  update();
})();

// Arriving from a search result (?h=words), the words are marked in the article, as the excerpt marked them.
(function () {
  var match = /[?&]h=([^&#]*)/.exec(location.search), prose = document.querySelector(".prose");
  if (!match || !prose) { return; }
  var words;
  try { words = decodeURIComponent(match[1].replace(/\+/g, " ")).toLowerCase().split(" "); } catch (e) { return; }
  words = words.filter(function (w, i) { return w.length > 1 && words.indexOf(w) === i; }).slice(0, 20);
  if (!words.length) { return; }
  var alnum = /[a-z0-9_]/, left = 300, walker = document.createTreeWalker(prose, NodeFilter.SHOW_TEXT), nodes = [];
  for (var n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push(n); }
  nodes.forEach(function (node) {
    if (left <= 0 || node.parentNode.closest("mark, script, style")) { return; }
    var text = node.nodeValue, folded = text.toLowerCase(), ranges = [];
    words.forEach(function (w) {
      for (var at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + w.length)) {
        // an ASCII word counts only where it stands alone, not inside a longer word
        var before = at > 0 && alnum.test(folded[at - 1]) && alnum.test(w[0]);
        var after = at + w.length < folded.length && alnum.test(folded[at + w.length]) && alnum.test(w[w.length - 1]);
        if (!before && !after) { ranges.push([at, at + w.length]); }
      }
    });
    if (!ranges.length) { return; }
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var frag = document.createDocumentFragment(), at = 0;
    ranges.forEach(function (r) {
      if (r[0] < at || left <= 0) { return; }
      frag.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.className = "search-hit";
      mark.textContent = text.slice(r[0], r[1]);
      frag.appendChild(mark);
      at = r[1];
      left--;
    });
    frag.appendChild(document.createTextNode(text.slice(at)));
    node.parentNode.replaceChild(frag, node);
  });
  // a result that links to no heading (its words are in the body) brings the first of them into view
  var first = prose.querySelector("mark.search-hit");
  if (!location.hash && first && first.getBoundingClientRect().bottom > window.innerHeight) {
    first.scrollIntoView({ block: "center" });
  }
})();

/* Content tabs: each set of panels (all readable without script, each under its label) becomes an ARIA tab
   list. Arrow keys, Home and End move between tabs; the label chosen is remembered, across pages and for
   every set that has a tab of that label. */
(function () {
  "use strict";
  var sets = document.querySelectorAll(".tabs"), KEY = "casebook-tabs", chosen = [];
  if (!sets.length) { return; }
  try { chosen = JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { chosen = []; }
  var all = [];
  Array.prototype.forEach.call(sets, function (set) {
    var panels = Array.prototype.filter.call(set.children, function (c) { return c.classList.contains("tab-panel"); });
    var list = document.createElement("div"), tabs = [];
    list.setAttribute("role", "tablist");
    panels.forEach(function (panel, i) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = panel.id + "-tab";
      tab.textContent = panel.getAttribute("data-label");
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      tab.addEventListener("click", function () { choose(tab.textContent); });
      tab.addEventListener("keydown", function (e) {
        var to = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : e.key === "Home" ? 0
          : e.key === "End" ? tabs.length - 1 : null;
        if (to === null) { return; }
        e.preventDefault();
        var next = tabs[(to + tabs.length) % tabs.length];
        choose(next.textContent);
        next.focus();
      });
      tabs.push(tab);
      list.appendChild(tab);
    });
    set.insertBefore(list, set.firstChild);
    set.classList.add("tabs-ready");
    all.push({ tabs: tabs, panels: panels });
  });
  function show(entry, label) {
    var at = -1;
    entry.tabs.forEach(function (t, i) { if (at < 0 && t.textContent === label) { at = i; } });
    if (at < 0) { return false; }
    entry.tabs.forEach(function (t, i) {
      t.setAttribute("aria-selected", String(i === at));
      t.tabIndex = i === at ? 0 : -1;
      entry.panels[i].hidden = i !== at;
    });
    return true;
  }
  function choose(label) {
    all.forEach(function (entry) { show(entry, label); });
    chosen = [label].concat(chosen.filter(function (l) { return l !== label; })).slice(0, 20);
    try { localStorage.setItem(KEY, JSON.stringify(chosen)); } catch (e) { /* private mode */ }
  }
  all.forEach(function (entry) {
    // the most recently chosen label this set has, else its first tab
    for (var i = 0; i < chosen.length; i++) { if (show(entry, chosen[i])) { return; } }
    show(entry, entry.tabs[0].textContent);
  });
})();
