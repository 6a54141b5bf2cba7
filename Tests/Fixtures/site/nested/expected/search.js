/* handoff search: reads search-index.js (window.HANDOFF_SEARCH, loaded by a
   <script src>, so it works from file:// and under any sub-path) and lists
   matching pages under the search box. Without JavaScript the box stays hidden. */
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form || !window.HANDOFF_SEARCH) return;
  var root = form.getAttribute("data-root") || "";
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  var status = form.querySelector("[aria-live]");
  var docs = window.HANDOFF_SEARCH.map(function (d) {
    return { url: d[0], title: d[1], kind: d[2], text: d[3], t: d[1].toLowerCase(), x: d[3].toLowerCase() };
  });
  form.hidden = false;

  function find(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    var hits = [];
    docs.forEach(function (d) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = d.t.indexOf(terms[i]), inText = d.x.indexOf(terms[i]);
        if (inTitle < 0 && inText < 0) return;
        score += (inTitle === 0 ? 30 : inTitle > 0 ? 20 : 0) + (inText >= 0 ? 5 : 0);
      }
      hits.push({ doc: d, score: score, at: terms[0] });
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.doc.title < b.doc.title ? -1 : a.doc.title > b.doc.title ? 1 : 0); });
    return hits.slice(0, 20);
  }

  function snippet(hit) {
    var d = hit.doc, i = d.x.indexOf(hit.at);
    if (i < 0) return d.text.slice(0, 110) + (d.text.length > 110 ? "…" : "");
    var start = Math.max(0, i - 40);
    return (start > 0 ? "…" : "") + d.text.slice(start, start + 110) + (start + 110 < d.text.length ? "…" : "");
  }

  function show() {
    var hits = find(input.value);
    list.textContent = "";
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + hit.doc.url;
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = hit.doc.kind;
      var title = document.createElement("strong");
      title.textContent = hit.doc.title;
      var text = document.createElement("span");
      text.className = "search-snippet";
      text.textContent = snippet(hit);
      a.appendChild(kind);
      a.appendChild(title);
      a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = !input.value.trim();
    status.textContent = input.value.trim() ? hits.length + (hits.length === 1 ? " result" : " results") : "";
    if (input.value.trim() && !hits.length) {
      var none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "No page matches.";
      list.appendChild(none);
    }
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("input", show);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) window.location.href = first.href;
  });
  form.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (all.length) all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (at <= 0) input.focus(); else all[at - 1].focus();
    } else if (event.key === "Escape") {
      input.value = "";
      show();
      input.focus();
    }
  });
})();
