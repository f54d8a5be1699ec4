// Speech page: "copy link" controls, and opening at the first highlighted match.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-copy]");
    if (!link) return;
    var url = new URL(link.getAttribute("href"), window.location.href);
    url.search = "";
    if (navigator.clipboard && window.isSecureContext) {
      event.preventDefault();
      navigator.clipboard.writeText(url.href).then(function () {
        link.classList.add("copied");
        history.replaceState(null, "", url.hash);
      });
    }
  });
  var first = document.querySelector(".speech-body mark");
  if (first && !window.location.hash) {
    var paragraph = first.closest("p");
    if (paragraph) paragraph.classList.add("current-match");
    first.scrollIntoView({ block: "center" });
  }
})();
