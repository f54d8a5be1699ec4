// Notes on the speech page: highlight each note's words, put its card beside its paragraph, and
// let a signed-in reader select words inside one paragraph and write a note on them.
// The server renders every note as a list (readable without script); this only rearranges it.
(function () {
  "use strict";
  // Deleting asks first (speech page and the edit page).
  document.addEventListener("submit", function (event) {
    var form = event.target.closest(".note-delete");
    if (form && !window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
  });
  var panel = document.getElementById("notes");
  var body = document.querySelector(".speech-body");
  if (!panel || !body) return;

  // The paragraph's own text nodes, without the ¶/引 controls after it.
  function textNodes(paragraph) {
    var walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest(".copy-link") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  // Wrap [start, end) of the paragraph's text in spans (one per text node it crosses).
  function highlight(paragraph, start, end, id) {
    var offset = 0;
    var first = null;
    textNodes(paragraph).forEach(function (node) {
      var from = Math.max(start - offset, 0);
      var to = Math.min(end - offset, node.data.length);
      offset += node.data.length;
      if (from >= to) return;
      var piece = node;
      if (from > 0) piece = piece.splitText(from);
      if (to - from < piece.data.length) piece.splitText(to - from);
      var span = document.createElement("span");
      span.className = "note-hl";
      span.setAttribute("data-note", id);
      piece.parentNode.insertBefore(span, piece);
      span.appendChild(piece);
      first = first || span;
    });
    return first;
  }

  // A column beside the paragraph (CSS puts it in the margin on wide screens, below on narrow).
  function marginOf(paragraph) {
    var wrap = paragraph.parentElement;
    if (!wrap.classList.contains("noted")) {
      wrap = document.createElement("div");
      wrap.className = "noted";
      paragraph.parentNode.insertBefore(wrap, paragraph);
      wrap.appendChild(paragraph);
      var margin = document.createElement("ol");
      margin.className = "note-margin";
      wrap.appendChild(margin);
    }
    return wrap.querySelector(".note-margin");
  }

  panel.querySelectorAll(".note-card[data-paragraph]").forEach(function (card) {
    var id = card.getAttribute("data-note");
    var paragraph = document.getElementById(card.getAttribute("data-section") + "-p" + card.getAttribute("data-paragraph"));
    if (!paragraph) return;
    var mark = highlight(paragraph, Number(card.getAttribute("data-start")), Number(card.getAttribute("data-end")), id);
    if (!mark) return;
    marginOf(paragraph).appendChild(card);
    card.classList.add("placed");
    body.classList.add("has-notes");
  });

  function activate(id) {
    document.querySelectorAll(".note-card.active, .note-hl.active").forEach(function (el) { el.classList.remove("active"); });
    document.querySelectorAll('[data-note="' + id + '"]').forEach(function (el) { el.classList.add("active"); });
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest(".note-hl, .note-card");
    if (target) activate(target.getAttribute("data-note"));
  });
  if (window.location.hash.indexOf("#note-") === 0) activate(window.location.hash.slice(6));

  // --- writing a note (signed-in readers only: the form is only there for them) ---
  var form = panel.querySelector("form.note-new");
  var start = panel.querySelector(".note-start");
  if (!form || !start) return;
  var pending = null;

  // Offset of the point (node, offset) in the paragraph's text, or -1 when it is outside.
  function offsetIn(paragraph, node, offset) {
    if (!paragraph.contains(node)) return -1;
    var range = document.createRange();
    range.setStart(paragraph, 0);
    range.setEnd(node, offset);
    var before = range.cloneContents();
    before.querySelectorAll(".copy-link").forEach(function (control) { control.remove(); });
    return before.textContent.length;
  }

  function paragraphOf(node) {
    var element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    var paragraph = element && element.closest(".speech-body p[id]");
    return paragraph && /-p\d+$/.test(paragraph.id) ? paragraph : null;
  }

  function selectedWords() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    var paragraph = paragraphOf(range.startContainer);
    if (!paragraph) return null;
    var text = textNodes(paragraph).map(function (n) { return n.data; }).join("").replace(/\s+$/, "");
    var from = offsetIn(paragraph, range.startContainer, range.startOffset);
    var to = text.length;
    if (paragraph.contains(range.endContainer)) {
      to = Math.min(offsetIn(paragraph, range.endContainer, range.endOffset), text.length);
    } else {
      // A triple click ends at the start of the next paragraph: that is this paragraph to its end.
      // Ending inside another paragraph is a selection across paragraphs, which a note cannot take.
      var other = paragraphOf(range.endContainer);
      if (other && offsetIn(other, range.endContainer, range.endOffset) > 0) return null;
    }
    if (from < 0 || to <= from) return null;
    var match = paragraph.id.match(/^(.*)-p(\d+)$/);
    return { section: match[1], index: match[2], start: from, end: to, exact: text.slice(from, to) };
  }

  function place(button, rect) {
    button.hidden = false;
    button.style.top = (window.scrollY + rect.bottom + 6) + "px";
    button.style.left = Math.max(8, window.scrollX + rect.left) + "px";
  }

  function onSelection() {
    if (!form.hidden) return;
    pending = selectedWords();
    if (!pending || !pending.exact.trim()) { start.hidden = true; return; }
    place(start, window.getSelection().getRangeAt(0).getBoundingClientRect());
  }
  document.addEventListener("mouseup", function () { window.setTimeout(onSelection, 0); });
  document.addEventListener("keyup", function (event) { if (event.shiftKey || event.key === "Shift") onSelection(); });
  document.addEventListener("touchend", function () { window.setTimeout(onSelection, 0); });

  start.addEventListener("click", function () {
    if (!pending) return;
    ["section", "start", "end", "exact"].forEach(function (name) { form.elements[name].value = pending[name]; });
    form.elements.paragraph.value = pending.index;
    form.querySelector(".note-quote").textContent = pending.exact;
    form.querySelector(".note-error").textContent = "";
    start.hidden = true;
    form.hidden = false;
    form.elements.body.focus();
  });
  form.querySelector(".note-cancel").addEventListener("click", function () { form.hidden = true; });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(form);
    fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken"), "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (result) {
      if (!result.ok) { form.querySelector(".note-error").textContent = result.json.error || ""; return; }
      var id = result.json.id.split("/").pop();
      window.location.hash = "note-" + id;
      window.location.reload();  // the server draws the note, as every later visit will
    }).catch(function () {
      form.querySelector(".note-error").textContent = form.getAttribute("data-failed") || "";
    });
  });
})();
