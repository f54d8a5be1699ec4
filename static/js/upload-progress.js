// Progress page: ask the JSON endpoint every second until the batch is done; a reload starts over
// from the server's state, so nothing is lost.
(function () {
  "use strict";
  var root = document.getElementById("progress");
  if (!root) return;
  var bar = document.getElementById("progress-bar");
  var percent = document.getElementById("progress-percent");
  var status = document.getElementById("progress-status");
  var stalled = document.getElementById("progress-stalled");
  var rows = document.querySelector("#progress-files tbody");

  function cell(text) {
    var td = document.createElement("td");
    td.textContent = text;
    return td;
  }
  function render(state) {
    bar.value = state.percent;
    percent.textContent = state.percent + " %";
    status.textContent = state.status_display;
    stalled.hidden = !state.stalled;
    rows.textContent = "";
    state.files.forEach(function (file) {
      var tr = document.createElement("tr");
      tr.dataset.status = file.status;
      tr.appendChild(cell(file.name));
      tr.appendChild(cell(file.status_display));
      var note = cell(file.error);
      file.speeches.forEach(function (speech) {
        var a = document.createElement("a");
        a.href = root.dataset.speechUrl + encodeURIComponent(speech.uid) + "/";
        // The quotes are the page's language's (data-title-format, translated in the template).
        a.textContent = (root.dataset.titleFormat || "%(title)s")
          .replace("%(title)s", function () { return speech.title; });
        note.appendChild(document.createTextNode(" "));
        note.appendChild(a);
      });
      tr.appendChild(note);
      rows.appendChild(tr);
    });
  }
  function poll() {
    fetch(root.dataset.url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (state) {
        render(state);
        if (!state.done) setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
