/* Casebook: remembers the language a reader picks, and loads the search client on first use. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-lang]") : null;
    if (!link) { return; }
    try { localStorage.setItem("casebook-lang", link.getAttribute("data-lang")); } catch (e) { /* private mode */ }
  });

  var form = document.querySelector("form.search");
  if (!form) { return; }
  var input = form.querySelector("input[type=search]"), loaded = false;
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
