// Progressive help only: every page works without this file.
// "Open all" / "Close all" buttons for lists of folded events.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-toggle-all]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var scope = document.getElementById(button.getAttribute("data-toggle-all"));
      if (!scope) return;
      var items = scope.querySelectorAll("details");
      var open = !Array.prototype.every.call(items, function (d) { return d.open; });
      items.forEach(function (d) { d.open = open; });
    });
  });
  // a link to an event (#ev-...) opens it
  function openTarget() {
    if (!location.hash) return;
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el && el.tagName === "DETAILS") { el.open = true; }
    while (el) { if (el.tagName === "DETAILS") el.open = true; el = el.parentElement; }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
});
