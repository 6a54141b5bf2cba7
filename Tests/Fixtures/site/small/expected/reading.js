/* handoff reading comforts, each an addition to a page that reads fine
   without it:
   - "On this page": the sections of a page with three or more, after its title;
   - a Copy button on each code block;
   - syntax highlighting of code blocks (highlight.js, shipped with the
     theme and loaded only on pages that hold code: no network needed). */
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main) return;
  var root = (document.querySelector("form.search") || document.body).getAttribute("data-root") || "";

  // On this page.
  var headings = Array.prototype.filter.call(main.querySelectorAll("h2, h3"), function (h) {
    return (h.id || h.querySelector("a.anchor[id]")) && !h.closest("nav, aside, .toc, .card, figure");
  });
  var title = main.querySelector("h1");
  if (headings.length >= 3 && title && !main.querySelector("nav.toc")) {
    var nav = document.createElement("nav");
    nav.className = "toc";
    nav.setAttribute("aria-label", "On this page");
    var heading = document.createElement("p");
    heading.className = "toc-title";
    heading.textContent = "On this page";
    nav.appendChild(heading);
    var list = document.createElement("ul");
    headings.forEach(function (h) {
      var id = h.id || h.querySelector("a.anchor[id]").id;
      var item = document.createElement("li");
      if (h.tagName === "H3") item.className = "toc-sub";
      var link = document.createElement("a");
      link.href = "#" + encodeURIComponent(id);
      link.textContent = h.textContent.trim();
      item.appendChild(link);
      list.appendChild(item);
    });
    nav.appendChild(list);
    var after = title.nextElementSibling && (title.nextElementSibling.classList.contains("lead") || title.nextElementSibling.classList.contains("lede")) ? title.nextElementSibling : title;
    after.parentNode.insertBefore(nav, after.nextSibling);
  }

  // Code blocks: a Copy button, and highlighting.
  var blocks = main.querySelectorAll("pre > code");
  if (!blocks.length) return;
  Array.prototype.forEach.call(blocks, function (code) {
    var pre = code.parentNode;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy the code");
    button.addEventListener("click", function () {
      var text = code.textContent;
      var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
      } else {
        fallback(text);
        done();
      }
    });
    pre.classList.add("has-copy");
    pre.insertBefore(button, code);
  });

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = root + "highlight.css";
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = root + "highlight.min.js";
  script.onload = function () {
    Array.prototype.forEach.call(blocks, function (code) {
      var language = (code.className.match(/language-([\w+-]+)/) || [])[1];
      if (!language || !window.hljs.getLanguage(language)) return;   // unknown or none: left as written
      window.hljs.highlightBlock(code);
    });
  };
  document.head.appendChild(script);
})();
