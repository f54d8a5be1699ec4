// Speech page: "copy link" and "copy quote with its source" controls, opening at the first
// highlighted match, and stepping through the matches (上一处 / 下一处) when opened from a search.
(function () {
  "use strict";
  // The paragraph's text without the controls (¶, 引): what a reader means to quote.
  function paragraphText(paragraph) {
    var copy = paragraph.cloneNode(true);
    copy.querySelectorAll(".copy-link").forEach(function (control) { control.remove(); });
    return copy.textContent.trim();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-copy], a[data-quote]");
    if (!link || !(navigator.clipboard && window.isSecureContext)) return;  // plain link otherwise
    var url = new URL(link.getAttribute("href"), window.location.href);
    url.search = "";
    var text = url.href;
    if (link.hasAttribute("data-quote")) {
      var citation = document.querySelector("article.speech").getAttribute("data-citation");
      text = "“" + paragraphText(link.closest("p")) + "”\n——" + citation + "\n" + url.href;
    }
    event.preventDefault();
    navigator.clipboard.writeText(text).then(function () {
      link.classList.add("copied");
      history.replaceState(null, "", url.hash);
    });
  });

  var marks = Array.prototype.slice.call(document.querySelectorAll(".speech-body mark"));
  var nav = document.querySelector(".match-nav");
  var current = -1;

  function show(index, scroll) {
    if (current >= 0) {
      marks[current].classList.remove("current");
      var old = marks[current].closest("p");
      if (old) old.classList.remove("current-match");
    }
    current = (index + marks.length) % marks.length;
    var mark = marks[current];
    mark.classList.add("current");
    var paragraph = mark.closest("p");
    if (paragraph) paragraph.classList.add("current-match");
    if (scroll) mark.scrollIntoView({ block: "center" });
    if (nav) nav.querySelector(".match-current").textContent = String(current + 1);
  }

  // The sticky bar covers the top of the window: whatever a link lands on (scroll-margin in the
  // CSS) stops below the bar's real height, which on a phone may be two lines.
  function keepClearOf(bar) {
    function measure() {
      document.documentElement.style.setProperty("--match-bar", bar.getBoundingClientRect().height + "px");
    }
    measure();
    if (window.ResizeObserver) new ResizeObserver(measure).observe(bar);
  }

  if (!marks.length) return;
  // Opened at a paragraph (a search hit's link): count from the first match inside it.
  var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  var start = target ? marks.findIndex(function (m) { return target.contains(m); }) : 0;
  if (nav) {
    nav.hidden = false;
    nav.querySelector(".match-total").textContent = String(marks.length);
    keepClearOf(nav);
    if (target) target.scrollIntoView();  // again, now that the bar is there and its height known
    nav.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-step]");
      if (button) show(current + Number(button.getAttribute("data-step")), true);
    });
  }
  show(Math.max(start, 0), !target);
})();
