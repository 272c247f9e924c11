/* Casebook: remembers the language a reader picks, so the root page sends them there next time. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-lang]") : null;
    if (!link) { return; }
    try { localStorage.setItem("casebook-lang", link.getAttribute("data-lang")); } catch (e) { /* private mode */ }
  });
})();
