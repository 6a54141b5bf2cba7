/* handoff search: full text over every page, ranked, with highlighted
   snippets, prefix matching as you type and one typo forgiven.

   Nothing is loaded until the search box is first used: then
   search-index.js (each page's address, title, kind and key fields) and the
   pages' text in shards (search/text-<n>.js), each by a <script src>, so it
   works from file:// and under any sub-path. Without JavaScript the box
   stays hidden. */
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var root = form.getAttribute("data-root") || "";
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  var status = form.querySelector("[aria-live]");
  form.hidden = false;

  var docs = null;          // [{url, title, kind, fields, text, ...lowercased}]
  var pendingShards = 0;
  var loading = false;
  var vocabulary = null;    // every word of the texts, built the first time a word is not found

  // Scores per place a term is found: the title (and address) above the fields above the body.
  var WEIGHT = { title: 10, address: 8, fields: 3, body: 1 };

  function load() {
    if (loading) return;
    loading = true;
    status.textContent = "Loading the search index…";
    window.HANDOFF_SEARCH_TEXT = function (shard, texts) {
      var size = window.HANDOFF_SEARCH.size;
      for (var i = 0; i < texts.length; i++) {
        var doc = docs[shard * size + i];
        if (doc) { doc.text = texts[i]; doc.lowText = texts[i].toLowerCase(); }
      }
      pendingShards -= 1;
      if (pendingShards === 0) { status.textContent = ""; show(); }
    };
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () {
      var index = window.HANDOFF_SEARCH;
      docs = index.docs.map(function (d) {
        var address = d[0].replace(/\.html$/, "").replace(/\//g, " ").replace(/[-_]/g, " ");
        return { url: d[0], title: d[1], kind: d[2], fields: d[3], text: "", lowTitle: d[1].toLowerCase(),
                 lowAddress: address.toLowerCase(), lowFields: d[3].toLowerCase(), lowText: "" };
      });
      pendingShards = index.shards;
      if (pendingShards === 0) { status.textContent = ""; show(); return; }
      for (var n = 0; n < index.shards; n++) {
        var shard = document.createElement("script");
        shard.src = root + "search/text-" + n + ".js";
        shard.onerror = fail;
        document.head.appendChild(shard);
      }
      show();
    };
    script.onerror = fail;
    document.head.appendChild(script);
  }

  function fail() { status.textContent = "The search index could not be loaded."; }

  function words(text) { return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean); }

  function isWordChar(c) { return /[\p{L}\p{N}]/u.test(c); }

  /* Where `term` starts a word in `text` (lowercased), from `from`; -1 if nowhere. */
  function wordStart(text, term, from) {
    var at = text.indexOf(term, from || 0);
    while (at >= 0) {
      if (at === 0 || !isWordChar(text.charAt(at - 1))) return at;
      at = text.indexOf(term, at + 1);
    }
    return -1;
  }

  function count(text, term) {
    var n = 0, at = wordStart(text, term, 0);
    while (at >= 0 && n < 20) { n += 1; at = wordStart(text, term, at + term.length); }
    return n;
  }

  /* Words of the texts at edit distance 1 from `term` (a letter added,
     dropped, changed, or two swapped), for a term found nowhere. */
  function nearWords(term) {
    if (term.length < 4) return [];
    if (!vocabulary) {
      vocabulary = {};
      docs.forEach(function (d) {
        [d.lowTitle, d.lowFields, d.lowText].forEach(function (t) { words(t).forEach(function (w) { vocabulary[w] = true; }); });
      });
    }
    var out = [];
    for (var word in vocabulary) {
      if (Math.abs(word.length - term.length) <= 1 && word !== term && oneEdit(word, term)) out.push(word);
      if (out.length >= 8) break;
    }
    return out;
  }

  function oneEdit(a, b) {
    if (a.length === b.length) {
      var diff = [];
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
      if (diff.length === 1) return true;
      return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
    }
    var long = a.length > b.length ? a : b, short = a.length > b.length ? b : a;
    for (var j = 0; j < long.length; j++) {
      if (long.slice(0, j) + long.slice(j + 1) === short) return true;
    }
    return false;
  }

  /* A term's best score in one page, or 0. */
  function score(doc, term) {
    var s = 0;
    if (wordStart(doc.lowTitle, term) >= 0) s += WEIGHT.title;
    if (wordStart(doc.lowAddress, term) >= 0) s += WEIGHT.address;
    if (wordStart(doc.lowFields, term) >= 0) s += WEIGHT.fields;
    var inBody = count(doc.lowText, term);
    if (inBody) s += WEIGHT.body * (1 + Math.log(inBody));
    return s;
  }

  function find(query) {
    var terms = words(query);
    if (!terms.length || !docs) return { hits: [], terms: [] };
    // Each term with what it may match: itself (at a word's start, so a
    // prefix matches as you type), else the words one typo away.
    var groups = terms.map(function (term) {
      var found = docs.some(function (d) { return score(d, term) > 0; });
      return found ? [{ word: term, weight: 1 }] : nearWords(term).map(function (w) { return { word: w, weight: 0.5 }; });
    });
    var hits = [];
    docs.forEach(function (doc) {
      var total = 0, matched = [];
      for (var i = 0; i < groups.length; i++) {
        var best = 0, bestWord = null;
        groups[i].forEach(function (g) {
          var s = score(doc, g.word) * g.weight;
          if (s > best) { best = s; bestWord = g.word; }
        });
        if (!best) return;
        total += best;
        matched.push(bestWord);
      }
      hits.push({ doc: doc, score: total, words: matched });
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.doc.title < b.doc.title ? -1 : a.doc.title > b.doc.title ? 1 : 0); });
    return { hits: hits.slice(0, 20), count: hits.length };
  }

  /* Text with each match (at a word's start) in <mark>, as DOM nodes. */
  function marked(text, words, into) {
    var low = text.toLowerCase(), at = 0;
    while (at < text.length) {
      var next = -1, length = 0;
      words.forEach(function (w) {
        var i = wordStart(low, w, at);
        if (i >= 0 && (next < 0 || i < next)) { next = i; length = w.length; }
      });
      if (next < 0) { into.appendChild(document.createTextNode(text.slice(at))); return; }
      if (next > at) into.appendChild(document.createTextNode(text.slice(at, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      into.appendChild(mark);
      at = next + length;
    }
  }

  /* About 160 characters around the first match in the body (else the fields). */
  function snippet(hit) {
    var sources = [hit.doc.text, hit.doc.fields];
    for (var s = 0; s < sources.length; s++) {
      var text = sources[s], low = text.toLowerCase(), first = -1;
      hit.words.forEach(function (w) { var i = wordStart(low, w); if (i >= 0 && (first < 0 || i < first)) first = i; });
      if (first >= 0) {
        var start = Math.max(0, first - 60);
        while (start > 0 && isWordChar(text.charAt(start - 1))) start -= 1;
        var piece = text.slice(start, start + 160);
        return (start > 0 ? "…" : "") + piece + (start + 160 < text.length ? "…" : "");
      }
    }
    return hit.doc.fields.slice(0, 160);
  }

  function show() {
    var query = input.value.trim();
    list.textContent = "";
    list.hidden = !query;
    if (!query) { status.textContent = ""; return; }
    if (!docs || pendingShards > 0) { status.textContent = "Loading the search index…"; return; }
    var found = find(query);
    found.hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + hit.doc.url;
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = hit.doc.kind;
      var title = document.createElement("strong");
      marked(hit.doc.title, hit.words, title);
      var text = document.createElement("span");
      text.className = "search-snippet";
      marked(snippet(hit), hit.words, text);
      a.appendChild(kind);
      a.appendChild(title);
      a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    });
    var n = found.count || 0;
    status.textContent = n + (n === 1 ? " page matches" : " pages match") + (n > found.hits.length ? ", the first " + found.hits.length + " shown" : "");
    if (!n) {
      var none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "No page matches.";
      list.appendChild(none);
    }
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load(); show(); });
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
