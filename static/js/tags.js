// Reader tags on the speech page: suggestions while typing, add and remove without a reload.
// The forms work without this file (they post and come back); names are only ever set as text.
(function () {
  "use strict";
  var script = document.currentScript;
  var suggestUrl = script && script.dataset.suggest;

  function csrf(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(url, form, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin", body: body,
      headers: {"X-CSRFToken": csrf(form), "Accept": "application/json"}
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || response.status); }
        return data;
      });
    });
  }

  function chip(bar, tag, token) {
    var li = document.createElement("li");
    li.className = "tag-chip" + (tag.public ? "" : " private");
    var link = document.createElement("a");
    link.href = tag.url;
    link.textContent = tag.name;
    li.appendChild(link);
    if (!tag.public) {
      var note = document.createElement("span");
      note.className = "tag-private";
      note.textContent = " " + (bar.dataset.privateLabel || "仅自己可见");
      li.appendChild(note);
    }
    if (tag.removable) {
      var form = document.createElement("form");
      form.className = "tag-remove";
      form.method = "post";
      var hidden = document.createElement("input");
      hidden.type = "hidden"; hidden.name = "csrfmiddlewaretoken"; hidden.value = token;
      var name = document.createElement("input");
      name.type = "hidden"; name.name = "name"; name.value = tag.name;
      var button = document.createElement("button");
      button.type = "submit"; button.textContent = "×";
      button.setAttribute("aria-label", (bar.dataset.removeLabel || "去掉标签") + " " + tag.name);
      form.append(hidden, name, button);
      li.appendChild(form);
    }
    return li;
  }

  function render(bar, data, token) {
    var list = bar.querySelector(".tag-chips");
    list.replaceChildren.apply(list, data.tags.map(function (tag) { return chip(bar, tag, token); }));
  }

  function suggest(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var text = input.value.trim();
    if (!suggestUrl || !list || !text) { return; }
    fetch(suggestUrl + "?q=" + encodeURIComponent(text), {credentials: "same-origin"})
      .then(function (response) { return response.json(); })
      .then(function (data) {
        list.replaceChildren.apply(list, data.tags.map(function (tag) {
          var option = document.createElement("option");
          option.value = tag.name;
          return option;
        }));
      }).catch(function () { /* suggestions are a help, not a requirement */ });
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches(".section-tags input[name=name]")) { return; }
    clearTimeout(input._suggestTimer);
    input._suggestTimer = setTimeout(function () { suggest(input); }, 150);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var bar = form.closest && form.closest(".section-tags");
    if (!bar) { return; }
    event.preventDefault();
    var adding = !form.classList.contains("tag-remove");
    var token = csrf(form);
    var error = bar.querySelector(".tag-error");
    post(adding ? bar.dataset.api : bar.dataset.apiRemove, form, new FormData(form))
      .then(function (data) {
        render(bar, data, token);
        if (error) { error.textContent = ""; }
        if (adding) { form.reset(); }
      })
      .catch(function (problem) { if (error) { error.textContent = problem.message; } });
  });
})();
