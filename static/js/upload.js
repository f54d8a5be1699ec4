// Upload page: drop files on the zone (or choose them); list what will be sent.
(function () {
  "use strict";
  var zone = document.getElementById("dropzone");
  var input = document.getElementById("id_files");
  var list = document.getElementById("chosen");
  if (!zone || !input) return;

  function show() {
    list.textContent = "";
    Array.prototype.forEach.call(input.files, function (file) {
      var li = document.createElement("li");
      // The wording is the page's (data-file-format, translated in the template).
      li.textContent = (list.dataset.fileFormat || "%(name)s (%(kb)s KB)")
        .replace("%(kb)s", Math.ceil(file.size / 1024))
        .replace("%(name)s", function () { return file.name; });  // a function: "$&" in a name stays
      list.appendChild(li);
    });
  }
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
    }
  });
  input.addEventListener("change", show);
})();
