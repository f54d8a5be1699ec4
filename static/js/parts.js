// A long speech is shown a part at a time: a link to a paragraph in another part (a search hit,
// a shared permalink) asks the server which part holds it.
(function () {
  var id = decodeURIComponent(location.hash.slice(1));
  if (!id || document.getElementById(id)) return;
  var params = new URLSearchParams(location.search);
  if (params.has("section")) return;
  params.delete("part");
  params.set("section", id);
  location.replace(location.pathname + "?" + params.toString());
})();
