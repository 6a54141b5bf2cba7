#!/usr/bin/env python3
"""Real docs trees through handoff: does a team's docs folder, copied whole
into content/pages/<name>/, come out as pages that keep what GitHub shows?

    Benchmarks/realdocs.py [--handoff BIN] [--keep DIR] [--json FILE] [--flat]
                           [--limit NAME=VALUE] [--builds N] [--no-survey]
                           [--timeout S] NAME=SRC_DIR ...

For each tree: writes a minimal handbook into a temporary folder, copies
SRC_DIR as it is into content/pages/NAME/ (every file, symlinks kept as
symlinks, `.git` skipped), runs `handoff check --format json` once and
`handoff build` three times (time, peak memory, the three outputs compared
byte for byte), then compares every page FORMAT.md says should be built with
a reference render of its source by the `cmark-gfm` command (front matter
stripped; GFM extensions on; raw HTML kept):

  words of visible text, <a href> links, <del>, <pre>, <table>, <img>.

A page passes when ours has >= 99% of the reference's words and no count
below the reference's. Every reference <img> with a relative src naming a
file of the source tree must be an <img> in ours whose src resolves to a file
of the output. A source survey (on by default) counts what a migrating team
meets that is not plain CommonMark: template syntax, raw HTML tags, odd file
names, `/` and folder links, fragment letter case, encodings, sizes.

Standard library only, plus the `cmark-gfm` command (Debian package
cmark-gfm). The handoff binary is copied once at start, so rebuilds while
this runs do not change what is measured.
"""

import argparse
import collections
import filecmp
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse
import xml.etree.ElementTree as ET

# Where "ours" is in a built page. Read templates/layout.mustache,
# page.mustache and body.mustache when they change: today the layout puts the
# page template inside <main>; page.mustache prints
# `{{#showsTitle}}<h1>{{name}}</h1>{{/showsTitle}}` and then body.mustache's
# `<div class="prose">{{{html}}}</div>` (absent when the body is empty).
# Selectors: tag, .class, #id, descendant (space) and child (>) combinators;
# the first match in document order is taken.
OURS = {
    "body": "main > div.prose",   # the rendered Markdown body; none: ours is empty
    "title": "main > h1",         # the template's title, counted as ours, noted apart
}
# Links the theme adds that are not in the source: heading permalinks
# (<a class="anchor" href="#id" aria-hidden="true">). Counted apart, not as links.
PERMALINK_CLASSES = {"anchor"}

CMARK_FLAGS = ["--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink",
               "-e", "tasklist", "-e", "footnotes"]
WORDS_NEEDED = 0.99
COUNTED = ["links", "del", "pre", "table", "img"]
INDEX_NAMES = ("readme.md", "index.md", "_index.md")   # priority when a folder has several
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}
BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl",
         "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
         "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
         "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "img", "input"}
HIDDEN = {"script", "style"}

HANDBOOK_YAML = """title: realdocs
lifecycle: [discover]
severity:
  broken-link: warning
"""
STAGE = """---
name: Discover
question: What are we looking at?
output: A measured docs tree.
---
"""
ROLE = """---
name: Lead
purpose: Lead the one stage.
engagement:
  discover: lead
---
"""


# ---------------------------------------------------------------- HTML tree

class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag, attrs=None, parent=None):
        self.tag, self.attrs, self.children, self.parent = tag, dict(attrs or {}), [], parent

    def elements(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.elements()


class TreeBuilder(html.parser.HTMLParser):
    """A forgiving tree: an end tag closes the nearest open element of its
    name (none open: ignored); void elements never open."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, [(k, v if v is not None else "") for k, v in attrs], self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, [(k, v if v is not None else "") for k, v in attrs], self.stack[-1])
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(text):
    b = TreeBuilder()
    b.feed(text)
    b.close()
    return b.root


def _parse_selector(sel):
    steps, comb = [], " "
    for tok in sel.replace(">", " > ").split():
        if tok == ">":
            comb = ">"
            continue
        m = re.fullmatch(r"([a-zA-Z0-9*]*)((?:[.#][\w-]+)*)", tok)
        if not m:
            raise ValueError("unsupported selector: " + sel)
        tag = m.group(1).lower() or "*"
        classes = re.findall(r"\.([\w-]+)", m.group(2))
        ids = re.findall(r"#([\w-]+)", m.group(2))
        steps.append((comb, tag, set(classes), ids[0] if ids else None))
        comb = " "
    return steps


def _simple(node, step):
    _, tag, classes, ident = step
    if not isinstance(node, Node) or node.tag == "#root":
        return False
    if tag != "*" and node.tag != tag:
        return False
    if classes and not classes <= set(node.attrs.get("class", "").split()):
        return False
    return ident is None or node.attrs.get("id") == ident


def _matches(node, steps):
    if not _simple(node, steps[-1]):
        return False
    if len(steps) == 1:
        return True
    comb, rest = steps[-1][0], steps[:-1]
    p = node.parent
    if comb == ">":
        return p is not None and _matches(p, rest)
    while p is not None:
        if _matches(p, rest):
            return True
        p = p.parent
    return False


def select_first(root, selector):
    steps = _parse_selector(selector)
    for el in root.elements():
        if _matches(el, steps):
            return el
    return None


def measure(nodes):
    """Words and counts over a list of nodes (elements or text)."""
    parts, counts, imgs, permalinks = [], collections.Counter(), [], 0
    hrefs = []

    def walk(n):
        nonlocal permalinks
        if isinstance(n, str):
            parts.append(n)
            return
        if n.tag in HIDDEN:
            return
        block = n.tag in BLOCK
        if block:
            parts.append(" ")
        if n.tag == "a" and "href" in n.attrs:
            if PERMALINK_CLASSES & set(n.attrs.get("class", "").split()):
                permalinks += 1
            else:
                counts["links"] += 1
                hrefs.append(n.attrs["href"])
        elif n.tag in ("del", "pre", "table"):
            counts[n.tag] += 1
        elif n.tag == "img":
            counts["img"] += 1
            imgs.append(n.attrs.get("src", ""))
        for c in n.children:
            walk(c)
        if block:
            parts.append(" ")

    for n in nodes:
        walk(n)
    m = {"words": len("".join(parts).split())}
    for k in COUNTED:
        m[k] = counts[k]
    return m, imgs, permalinks, hrefs


def ours_from_page(path):
    """(metrics, img srcs, info) of a built page's body (+ template title)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        root = parse_html(f.read())
    body = select_first(root, OURS["body"])
    title = select_first(root, OURS["title"])
    nodes = ([title] if title is not None else []) + ([body] if body is not None else [])
    m, imgs, permalinks, _ = measure(nodes)
    info = {"has_body": body is not None, "permalinks": permalinks,
            "title": " ".join(_text(title).split()) if title is not None else None}
    if title is not None:
        info["title_words"] = measure([title])[0]["words"]
    return m, imgs, info


def _text(node):
    out = []

    def walk(n):
        if isinstance(n, str):
            out.append(n)
        elif n.tag not in HIDDEN:
            for c in n.children:
                walk(c)
    walk(node)
    return "".join(out)


# ------------------------------------------------------------ source side

def split_front_matter(raw):
    """(front matter text or None, body bytes). Front matter only when the
    file starts with a `---` line (after a BOM) and a `---` or `...` line
    closes it."""
    data = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    lines = data.split(b"\n")
    if not lines or lines[0].rstrip(b"\r").rstrip() != b"---":
        return None, data
    for i in range(1, len(lines)):
        if lines[i].rstrip(b"\r").rstrip() in (b"---", b"..."):
            fm = b"\n".join(lines[1:i]).decode("utf-8", "replace")
            return fm, b"\n".join(lines[i + 1:])
    return None, data


def fm_keys(fm):
    return [m.group(1) for m in re.finditer(r"(?m)^([A-Za-z_][\w-]*)\s*:", fm or "")]


def is_draft(fm):
    return bool(fm and re.search(r"(?mi)^draft\s*:\s*['\"]?true['\"]?\s*(#.*)?$", fm))


def cmark(body, to="html"):
    args = ["cmark-gfm"] + CMARK_FLAGS + (["-t", to] if to != "html" else [])
    p = subprocess.run(args, input=body, capture_output=True)
    if p.returncode != 0:
        raise RuntimeError("cmark-gfm failed: " + p.stderr.decode(errors="replace"))
    return p.stdout.decode("utf-8", "replace")


def hidden_segment(rel):
    return any(s.startswith(".") for s in rel.split("/"))


def expected_pages(src):
    """Markdown sources FORMAT.md makes pages of: list of dicts, plus notes."""
    pages, notes = [], collections.defaultdict(list)
    by_folder = collections.defaultdict(list)
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        rel_dir = os.path.relpath(dirpath, src).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir
        for fn in sorted(filenames):
            rel = f"{rel_dir}/{fn}" if rel_dir else fn
            if not fn.endswith(".md"):
                continue
            if hidden_segment(rel):
                notes["hidden (path segment starts with '.')"].append(rel)
                continue
            if fn == "SUMMARY.md":
                notes["SUMMARY.md (not a page)"].append(rel)
                continue
            full = os.path.join(dirpath, fn)
            if os.path.islink(full) and not os.path.isfile(full):
                notes["dangling symlink"].append(rel)
                continue
            with open(full, "rb") as f:
                raw = f.read()
            fm, body = split_front_matter(raw)
            if is_draft(fm):
                notes["draft: true (not published)"].append(rel)
                continue
            is_index = fn.lower() == "readme.md" or fn in ("index.md", "_index.md")
            out = (f"{rel_dir}/index.html" if rel_dir else "index.html") if is_index \
                else rel[:-3] + ".html"
            page = {"src": rel, "out": out, "body": body, "dir": rel_dir}
            if is_index:
                by_folder[rel_dir].append(page)
            else:
                pages.append(page)
    for folder, cands in by_folder.items():
        cands.sort(key=lambda p: INDEX_NAMES.index(p["src"].rsplit("/", 1)[-1].lower()))
        pages.append(cands[0])
        for other in cands[1:]:
            notes["second folder page in one folder (invalid-id expected)"].append(
                f"{other['src']} (kept {cands[0]['src']})")
    pages.sort(key=lambda p: p["src"])
    return pages, {k: v for k, v in notes.items()}


def resolve_local(base_dir, url):
    """Relative URL -> normalised path relative to the tree root, or None if
    it is not a plain relative path (scheme, //, /, #, data:, empty)."""
    if not url or url.startswith(("#", "/")) or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url):
        return None
    path = urllib.parse.unquote(url.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    joined = os.path.normpath(os.path.join(base_dir, path)).replace(os.sep, "/")
    return joined


# ------------------------------------------------------------ processes

def run(cmd, cwd, timeout, log_prefix):
    """Runs cmd; returns exit code, wall seconds, peak RSS (MiB) of that
    child alone (os.wait4), stdout and stderr (bytes)."""
    so_path, se_path = log_prefix + ".stdout", log_prefix + ".stderr"
    with open(so_path, "wb") as so, open(se_path, "wb") as se:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=so, stderr=se)
        killer = threading.Timer(timeout, p.kill)
        killer.start()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        killer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
    with open(so_path, "rb") as f:
        out = f.read()
    with open(se_path, "rb") as f:
        err = f.read()
    return {"exit": p.returncode, "seconds": round(wall, 3), "peak_mib": round(ru.ru_maxrss / 1024, 1),
            "timed_out": wall >= timeout}, out, err


def tree_files(root):
    files = {}
    for dirpath, _, filenames in os.walk(root):
        for fn in filenames:
            full = os.path.join(dirpath, fn)
            files[os.path.relpath(full, root)] = full
    return files


def compare_outputs(dirs):
    base = tree_files(dirs[0])
    result = {"identical": True, "differing": [], "only_in": {}}
    for i, d in enumerate(dirs[1:], 2):
        other = tree_files(d)
        only = sorted(set(base) ^ set(other))
        if only:
            result["identical"] = False
            result["only_in"][f"1 vs {i}"] = only[:50]
        for rel in sorted(set(base) & set(other)):
            if not filecmp.cmp(base[rel], other[rel], shallow=False):
                result["identical"] = False
                if rel not in result["differing"]:
                    result["differing"].append(rel)
    return result


# ------------------------------------------------------------ survey

HTML_TAG = re.compile(r"""<([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>""")
HTML_ELEMENTS = set("""a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption
cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font
footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map
mark menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp
script section select small source span strike strong style sub summary sup svg table tbody td template textarea
tfoot th thead time title tr track tt u ul var video wbr center""".split())
ATTR = re.compile(r"""([A-Za-z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
FOREIGN = {
    "liquid_tag {% %}": re.compile(r"\{%-?\s*.*?-?%\}", re.S),
    "liquid_output {{ }}": re.compile(r"\{\{-?\s*[A-Za-z_][^{}<>%#]*?-?\}\}"),
    "hugo_shortcode {{< >}} / {{% %}}": re.compile(r"\{\{[<%].*?[>%]\}\}", re.S),
    "mdbook {{#include}}": re.compile(r"\{\{#include\s"),
    "mdbook {{#rustdoc_include}}": re.compile(r"\{\{#rustdoc_include\s"),
    "mdbook {{#other}}": re.compile(r"\{\{#(?!include\s|rustdoc_include\s)[a-z_]+"),
}
GITHUB_FILE = re.compile(r"^https?://github\.com/([^/]+/[^/]+)/(?:blob|tree|raw)/[^/]+/([^?#]*)")
ALERT = re.compile(r"(?mi)^\s*>\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]")
FOOTNOTE_DEF = re.compile(r"(?m)^\[\^[^\]]+\]:")


def strip_code(md):
    """Markdown text without fenced/indented code blocks and code spans (rough)."""
    out, fence = [], None
    for line in md.split("\n"):
        m = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        if line.startswith("    ") or line.startswith("\t"):
            continue
        out.append(line)
    return re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", "\n".join(out), flags=re.S)


def slugify(text):
    """GitHub's heading anchor: lowercase, punctuation dropped, spaces to '-'."""
    text = text.strip().lower()
    text = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LNM")
    return text.replace(" ", "-")


def heading_text(el):
    parts = []
    for n in el.iter():
        if n.tag.endswith("html_inline"):
            continue
        if n.tag.endswith(("text", "code")) and n.text:
            parts.append(n.text)
        elif n.tag.endswith(("softbreak", "linebreak")):
            parts.append(" ")
    return "".join(parts)


def local(tag):
    return tag.rsplit("}", 1)[-1]


class SourceDoc:
    """One Markdown file's AST (cmark-gfm -t xml) and what we need from it."""

    def __init__(self, rel, body):
        self.rel, self.dir = rel, rel.rsplit("/", 1)[0] if "/" in rel else ""
        xml = cmark(body, "xml")
        xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
        # cmark-gfm 0.29's XML writer names footnote nodes "<unknown>" in brackets
        xml = xml.replace("</<unknown>>", "</unknown>").replace("<<unknown>", "<unknown")
        xml = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", xml)   # e.g. a form feed in a body
        self.xml_error = None
        try:
            self.root = ET.fromstring(xml)
        except ET.ParseError as e:
            self.xml_error = str(e)
            self.root = ET.fromstring("<document/>")
        self.anchors, self.raw_tags, self.raw_html_attrs = set(), collections.Counter(), []
        self.links, self.images, self.html_imgs, self.picture, self.html_comments = [], [], [], 0, 0
        seen = collections.Counter()
        for el in self.root.iter():
            t = local(el.tag)
            if t == "heading":
                slug = slugify(heading_text(el))
                n = seen[slug]
                seen[slug] += 1
                self.anchors.add(slug if n == 0 else f"{slug}-{n}")
            elif t == "link":
                self.links.append(el.get("destination", ""))
            elif t == "image":
                self.images.append(el.get("destination", ""))
            elif t in ("html_block", "html_inline") and el.text:
                self.html_comments += el.text.count("<!--")
                for m in HTML_TAG.finditer(el.text):
                    name = m.group(1).lower()
                    self.raw_tags[name] += 1
                    attrs = {a.group(1).lower(): (a.group(2) or a.group(3) or a.group(4) or "")
                             for a in ATTR.finditer(m.group(2) or "")}
                    for key in ("id", "name"):
                        if key in attrs and (key == "id" or name == "a"):
                            self.anchors.add(attrs[key])
                    if name == "a" and "href" in attrs:
                        self.links.append(attrs["href"])
                    if name == "img":
                        self.html_imgs.append(attrs.get("src", ""))
                    if name == "picture":
                        self.picture += 1
                if re.match(r"\s*<h[1-6][\s>]", el.text, re.I):
                    inner = re.sub(r"<[^>]+>", "", el.text)
                    self.anchors.add(slugify(inner))


def survey(src, pages):
    s = collections.Counter()
    ex = collections.defaultdict(list)

    def note(key, example, n=1):
        s[key] += n
        if len(ex[key]) < 5:
            ex[key].append(example)

    tags = collections.Counter()
    gh_repos = collections.Counter()
    fm_fields = collections.Counter()
    foreign_files = collections.Counter()
    max_depth = 0
    docs = {}
    lower_paths = collections.defaultdict(list)
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        for d in dirnames:
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                note("symlinked folders", os.path.relpath(full, src))
        for fn in sorted(filenames):
            full = os.path.join(dirpath, fn)
            rel = os.path.relpath(full, src).replace(os.sep, "/")
            lower_paths[rel.lower()].append(rel)
            depth = rel.count("/")
            max_depth = max(max_depth, depth)
            if os.path.islink(full):
                target = os.path.realpath(full)
                inside = target.startswith(os.path.realpath(src) + os.sep)
                note("symlinks (files)" + ("" if inside else ", leaving the tree"), rel + " -> " + os.readlink(full))
                continue
            size = os.path.getsize(full)
            if size > 1 << 20:
                note("Markdown files over 1 MiB" if fn.endswith(".md") else "other files over 1 MiB",
                     f"{rel} ({size / (1 << 20):.1f} MiB)")
            if re.search(r"[^A-Za-z0-9._/-]", rel):
                note("paths with spaces or other characters outside [A-Za-z0-9._-]", rel)
            if " " in rel:
                note("paths with spaces", rel)
            low = fn.lower()
            if low.endswith((".markdown", ".mdx", ".mdown")) or (low.endswith(".md") and not fn.endswith(".md")):
                note("Markdown-like files not ending in .md (not pages)", rel)
            if not fn.endswith(".md"):
                continue
            if hidden_segment(rel):
                note("Markdown files under a path segment starting with '.' (not pages)", rel)
            if depth >= 5:
                note("Markdown files 5 or more folders deep", rel)
            with open(full, "rb") as f:
                raw = f.read()
            if raw.startswith(b"\xef\xbb\xbf"):
                note("files with a UTF-8 BOM", rel)
            if b"\r\n" in raw:
                note("files with CRLF line endings", rel)
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as e:
                note("files that are not UTF-8", f"{rel} (byte {e.start})")
            if not raw.strip():
                note("empty Markdown files", rel)
            fm, body = split_front_matter(raw)
            if fm is None:
                note("Markdown files without front matter", rel)
            else:
                for k in fm_keys(fm):
                    fm_fields[k] += 1
                if not re.search(r"(?m)^(name|title)\s*:", fm):
                    note("front matter without name/title", rel)
            text = body.decode("utf-8", "replace")
            nocode = strip_code(text)
            for key, rx in FOREIGN.items():
                total = len(rx.findall(text))
                outside = len(rx.findall(nocode))
                if total:
                    s[f"template: {key} (occurrences)"] += total
                    s[f"template: {key} (outside code)"] += outside
                    foreign_files[key] += 1
                    if len(ex[f"template: {key} (occurrences)"]) < 3:
                        ex[f"template: {key} (occurrences)"].append(f"{rel}: {rx.search(text).group(0)[:60]}")
            for m in ALERT.finditer(nocode):
                note("GitHub alerts > [!TYPE]", f"{rel}: {m.group(1)}")
            for m in FOOTNOTE_DEF.finditer(nocode):
                note("footnote definitions", rel)
            if fn == "SUMMARY.md":
                note("SUMMARY.md files", rel)
            docs[rel] = SourceDoc(rel, body)
            if docs[rel].xml_error:
                note("survey: cmark-gfm XML not parsed (file not surveyed)", f"{rel}: {docs[rel].xml_error}")
    for low, rels in lower_paths.items():
        if len(rels) > 1:
            note("paths differing only in letter case", " | ".join(rels))
    for k, n in foreign_files.items():
        s[f"template: {k} (files)"] = n

    def exists(rel):
        return rel is not None and not rel.startswith("..") and os.path.lexists(os.path.join(src, rel))

    for rel, d in docs.items():
        tags.update(d.raw_tags)
        s["markdown images ![]()"] += len(d.images)
        s["HTML <img> in raw HTML"] += len(d.html_imgs)
        s["HTML <picture>"] += d.picture
        s["HTML comments <!-- -->"] += d.html_comments
        for url in d.images + d.html_imgs:
            if url.startswith("/"):
                note("images with a src starting with '/'", f"{rel}: {url}")
            elif url.lower().startswith("data:"):
                s["images with a data: URI (inline base64)"] += 1
            elif re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", url):
                s["images with an absolute URL"] += 1
            else:
                target = resolve_local(d.dir, url)
                if exists(target):
                    s["images with a relative src to a file of the tree"] += 1
                else:
                    note("images with a relative src to a missing file", f"{rel}: {url}")
        for url in d.links:
            s["links (Markdown and <a href>)"] += 1
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", url):
                s["links: absolute URL"] += 1
                m = GITHUB_FILE.match(url)
                if m and exists(urllib.parse.unquote(m.group(2)).rstrip("/") or "."):
                    gh_repos[m.group(1).lower()] += 1
                continue
            path, _, frag = url.partition("#")
            path = urllib.parse.unquote(path.split("?", 1)[0])
            if url.startswith("/"):
                # FORMAT.md: the page's folder, then each folder above it up to the root
                base, found = d.dir, None
                while True:
                    cand = os.path.normpath(os.path.join(base, path.lstrip("/"))).replace(os.sep, "/")
                    if exists(cand):
                        found = cand
                        break
                    if not base:
                        break
                    base = base.rsplit("/", 1)[0] if "/" in base else ""
                note("links starting with '/'", f"{rel}: {url}")
                if found:
                    s["links starting with '/': found by the folder-upward lookup"] += 1
                else:
                    note("links starting with '/': no file in the tree (site paths, other repos)", f"{rel}: {url}")
                target = found
            elif not path:
                target = rel
            else:
                target = os.path.normpath(os.path.join(d.dir, path)).replace(os.sep, "/")
                if target.startswith("../") or target == "..":
                    note("links: relative, leaving the tree (../ above its root)", f"{rel}: {url}")
                    continue
                if not exists(target):
                    if target.endswith(".html") and exists(target[:-5] + ".md"):
                        note("links: relative, to X.html where X.md exists (a site address)", f"{rel}: {url}")
                    elif re.fullmatch(r"[^/\s]+@[^/\s]+\.[a-z]+", path):
                        note("links: a bare e-mail address (no mailto:), read as a relative path", f"{rel}: {url}")
                    elif "{{" in url or "{%" in url:
                        note("links: with template syntax in the address", f"{rel}: {url}")
                    elif re.match(r"^[\s\u200b\ufeff]+[a-z]+:", url):
                        note("links: absolute URL behind invisible characters (read as relative)", f"{rel}: {url!r}")
                    else:
                        note("links: relative, to a missing file", f"{rel}: {url}")
                    continue
            if target and hidden_segment(target):
                note("links into a path with a segment starting with '.' (not pages)", f"{rel}: {url}")
            if target and os.path.isdir(os.path.join(src, target)):
                folder_pages = [n for n in os.listdir(os.path.join(src, target))
                                if n.lower() == "readme.md" or n in ("index.md", "_index.md")]
                note("links to a folder" + (" with a README/index" if folder_pages else " without a README/index"),
                     f"{rel}: {url}")
                if folder_pages and frag:
                    target = f"{target}/{sorted(folder_pages)[0]}".lstrip("/")
            if frag and target in docs:
                anchors = docs[target].anchors
                frag_d = urllib.parse.unquote(frag)
                if frag_d in anchors:
                    s["links with a fragment: exact anchor"] += 1
                elif frag_d.lower() in {a.lower() for a in anchors}:
                    note("links with a fragment matching only when case is ignored", f"{rel}: {url}")
                elif not frag_d.startswith(("fn-", "fnref-", "L")) or target != rel:
                    note("links with a fragment naming no heading/anchor", f"{rel}: {url}")
    # files other than Markdown that sit where a page will be built
    page_addresses = {p["out"] for p in pages}
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = [d for d in dirnames if d != ".git"]
        rel_dir = os.path.relpath(dirpath, src).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir
        page_addresses.add(f"{rel_dir}/index.html" if rel_dir else "index.html")   # folder page or generated index
    for dirpath, _, filenames in os.walk(src):
        for fn in filenames:
            rel = os.path.relpath(os.path.join(dirpath, fn), src).replace(os.sep, "/")
            if rel in page_addresses:
                note("files (not Markdown) at a page's address", rel)
    for repo, n in gh_repos.most_common(3):
        note("links: absolute github.com blob/tree URL naming a path of this tree", f"{repo} ({n})", n)
    pub = {p["src"] for p in pages}
    s["max folder depth (files)"] = max_depth
    return {"counts": dict(sorted(s.items())), "examples": {k: v for k, v in sorted(ex.items())},
            "raw_html_tags": dict(tags.most_common()),
            "front_matter_fields": dict(fm_fields.most_common(20)),
            "markdown_files": len(docs), "pages_expected": len(pub)}


# ------------------------------------------------------------ per tree

def write_handbook(root, pages_rel, src):
    c = os.path.join(root, "content")
    os.makedirs(os.path.join(c, "stages"))
    os.makedirs(os.path.join(c, "roles"))
    os.makedirs(os.path.join(c, "pages"))
    for rel, text in (("handbook.yaml", HANDBOOK_YAML), ("stages/discover.md", STAGE), ("roles/lead.md", ROLE)):
        with open(os.path.join(c, rel), "w") as f:
            f.write(text)
    shutil.copytree(src, os.path.join(c, pages_rel), symlinks=True, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".git"))
    return c


def ratio(a, b):
    return 1.0 if b == 0 else a / b


def compare_tree(name, src, binary, work, timeout, do_survey, builds=3, flat=False, limits=()):
    t0 = time.monotonic()
    report = {"name": name, "src": src}
    root = os.path.join(work, name)
    pages_rel = "pages" if flat else f"pages/{name}"   # under content/ and under the output
    report["pages_folder"] = "content/" + pages_rel
    content = write_handbook(root, pages_rel, src)
    logs = os.path.join(root, "logs")
    os.makedirs(logs)

    # check
    extra = [a for lim in limits for a in ("--limit", lim)]
    report["limits"] = list(limits)
    res, out, err = run([binary, "check", "--content", "content", "--format", "json"] + extra, root, timeout,
                        os.path.join(logs, "check"))
    check = dict(res)
    try:
        j = json.loads(out.decode("utf-8", "replace"))
        diags = j.get("diagnostics", [])
        by_rule = collections.Counter((d.get("rule"), d.get("severity")) for d in diags)
        check.update(errors=j.get("errors"), warnings=j.get("warnings"), files=j.get("files"),
                     by_rule={f"{r} ({sv})": n for (r, sv), n in by_rule.most_common()},
                     first=[f"{d.get('file')}:{d.get('line')}:{d.get('column')}: {d.get('severity')}: "
                            f"{d.get('message')} [{d.get('rule')}]"
                            for d in sorted(diags, key=lambda d: d.get("severity") != "error")[:10]])
    except ValueError:
        check.update(unparsed_stdout=out.decode("utf-8", "replace")[:2000])
    check["stderr"] = err.decode("utf-8", "replace")[-2000:]
    report["check"] = check

    # builds
    outs, runs = [], []
    for i in range(1, builds + 1):
        o = os.path.join(root, f"out{i}")
        res, out, err = run([binary, "build", "--content", "content", "--output", o] + extra, root, timeout,
                            os.path.join(logs, f"build{i}"))
        res["stderr_tail"] = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        res["output_files"] = len(tree_files(o)) if os.path.isdir(o) else 0
        runs.append(res)
        outs.append(o)
        if i == 1 and res["exit"] != 0 and not os.path.isdir(o):
            break   # nothing written: two more failures say nothing new
    report["builds"] = runs
    built = [o for o in outs if os.path.isdir(o)]
    report["outputs_compared"] = compare_outputs(built) if len(built) > 1 else None
    out1 = outs[0]
    have_out = os.path.isdir(out1)

    # pages
    pages, notes = expected_pages(src)
    report["source_notes"] = {k: {"count": len(v), "examples": v[:5]} for k, v in notes.items()}
    per_page, missing, unresolved_imgs = [], [], []
    tot_ours, tot_ref = collections.Counter(), collections.Counter()
    title_words = ref_broken_links = 0
    for p in pages:
        ref_html = cmark(p["body"])
        ref_m, ref_imgs, _, ref_hrefs = measure([parse_html(ref_html)])
        # reference links to a relative path naming no file of the tree (GitHub: a 404;
        # a site generator may unlink them, which shows here as fewer links)
        broken = 0
        for h in ref_hrefs:
            t = resolve_local(p["dir"], h)
            if t is not None and (t.startswith("..") or not os.path.lexists(os.path.join(src, t))):
                broken += 1
        ref_broken_links += broken
        tot_ref.update(ref_m)
        out_path = os.path.join(out1, pages_rel, p["out"])
        row = {"src": p["src"], "out": p["out"], "ref": ref_m, "ref_links_to_missing_files": broken}
        if have_out and os.path.isfile(out_path):
            ours_m, ours_imgs, info = ours_from_page(out_path)
            tot_ours.update(ours_m)
            title_words += info.get("title_words", 0)
            row["ours"] = ours_m
            row["info"] = info
            counts_ok = all(ours_m[k] >= ref_m[k] for k in COUNTED)
            row["pass"] = ratio(ours_m["words"], ref_m["words"]) >= WORDS_NEEDED and counts_ok
            # the same without the template's <h1> (a title can hide a lost word)
            row["pass_body_only"] = counts_ok and ratio(ours_m["words"] - info.get("title_words", 0),
                                                        ref_m["words"]) >= WORDS_NEEDED
        else:
            row["ours"] = None
            row["pass"] = row["pass_body_only"] = False
            missing.append(p["out"])
            ours_imgs = []
        # images: reference relative srcs naming files of the tree
        page_dir_out = os.path.dirname(out_path)
        ours_targets = collections.Counter()
        for s_ in ours_imgs:
            if s_ and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", s_):
                if s_.startswith("/"):
                    t = os.path.normpath(os.path.join(out1, urllib.parse.unquote(s_.split("?")[0].split("#")[0]).lstrip("/")))
                else:
                    t = os.path.normpath(os.path.join(page_dir_out, urllib.parse.unquote(s_.split("?")[0].split("#")[0])))
                if os.path.isfile(t):
                    ours_targets[os.path.relpath(t, out1)] += 1
        for s_ in ref_imgs:
            target = resolve_local(p["dir"], s_)
            if target is None or target.startswith("..") or not os.path.isfile(os.path.join(src, target)):
                continue
            want = f"{pages_rel}/{target}"
            row.setdefault("images_checked", 0)
            row["images_checked"] += 1
            if ours_targets[want] > 0:
                ours_targets[want] -= 1
            else:
                unresolved_imgs.append({"page": p["src"], "src": s_, "want": want,
                                        "ours": [x for x in ours_imgs][:5]})
        per_page.append(row)

    def score(r):
        if r["ours"] is None:
            return -1.0
        return min([ratio(r["ours"]["words"], r["ref"]["words"])] +
                   [ratio(r["ours"][k], r["ref"][k]) for k in COUNTED])

    found = [r for r in per_page if r["ours"] is not None]
    worst = sorted(found, key=lambda r: (score(r), -r["ref"]["words"]))[:10]
    # pages built that the source does not account for (drafts, SUMMARY.md, extras)
    # (a folder without README/index/_index gets a generated index.html: counted apart;
    # an .html file of the source tree is an asset published as it is: not counted)
    unexpected, folder_indexes = [], []
    if have_out and os.path.isdir(os.path.join(out1, pages_rel)):
        want = {p["out"] for p in pages}
        for rel in sorted(tree_files(os.path.join(out1, pages_rel))):
            rel = rel.replace(os.sep, "/")
            if not rel.endswith(".html") or rel in want or os.path.lexists(os.path.join(src, rel)):
                continue
            folder = rel[:-len("index.html")].rstrip("/")
            if rel.rsplit("/", 1)[-1] == "index.html" and (not folder or os.path.isdir(os.path.join(src, folder))):
                folder_indexes.append(rel)
            else:
                unexpected.append(rel)
    drafts = [d[:-3] + ".html" for d in notes.get("draft: true (not published)", [])]
    summaries = [d[:-3] + ".html" for d in notes.get("SUMMARY.md (not a page)", [])]
    report["pages"] = {
        "expected": len(pages), "found": len(found), "passing": sum(r["pass"] for r in per_page),
        "passing_body_only": sum(r["pass_body_only"] for r in per_page),
        "totals": {"ours": {k: tot_ours[k] for k in ["words"] + COUNTED},
                   "ref": {k: tot_ref[k] for k in ["words"] + COUNTED}},
        "title_words_in_ours": title_words,
        "ref_links_to_missing_files": ref_broken_links,
        "permalinks_in_ours": sum(r.get("info", {}).get("permalinks", 0) for r in per_page),
        "pages_without_body_div": [r["out"] for r in found if not r["info"]["has_body"]][:50],
        "missing": missing,
        "worst": [{"src": r["src"], "ours": r["ours"], "ref": r["ref"], "score": round(score(r), 3),
                   "ref_links_to_missing_files": r["ref_links_to_missing_files"]} for r in worst],
        "images_checked": sum(r.get("images_checked", 0) for r in per_page),
        "images_unresolved": unresolved_imgs,
        "generated_folder_indexes": len(folder_indexes),
        "unexpected_html": sorted(unexpected)[:200],
        "unexpected_html_count": len(unexpected),
        "drafts_published": [d for d in drafts if d in unexpected],
        "summary_published": [d for d in summaries if d in unexpected],
    }
    report["per_page"] = per_page
    if do_survey:
        report["survey"] = survey(src, pages)
    report["seconds"] = round(time.monotonic() - t0, 1)
    return report


# ------------------------------------------------------------ printing

def fmt_run(r):
    s = f"exit {r['exit']}, {r['seconds']:.2f} s, {r['peak_mib']:.0f} MiB"
    return s + (" TIMED OUT" if r.get("timed_out") else "")


def print_report(r, out=sys.stdout):
    w = lambda *a: print(*a, file=out)
    c = r["check"]
    w(f"== {r['name']}  ({r['src']} -> {r['pages_folder']})")
    w(f"check: {fmt_run(c)}; {c.get('errors')} errors, {c.get('warnings')} warnings, {c.get('files')} files")
    for k, n in (c.get("by_rule") or {}).items():
        w(f"    {n:6d}  {k}")
    if c.get("errors"):
        for d in c.get("first", []):
            w("    " + d)
    if "unparsed_stdout" in c:
        w("    (stdout is not JSON) " + c["unparsed_stdout"][:500])
        w("    stderr: " + c["stderr"][-500:])
    for i, b in enumerate(r["builds"], 1):
        w(f"build {i}: {fmt_run(b)}, {b['output_files']} files"
          + ("" if b["exit"] == 0 else "  | " + " / ".join(b["stderr_tail"])))
    oc = r["outputs_compared"]
    if oc is not None:
        w("outputs: " + ("identical" if oc["identical"] else
                         f"DIFFER in {len(oc['differing'])} files: {', '.join(oc['differing'][:10])}"
                         + (f"; only in one: {oc['only_in']}" if oc["only_in"] else "")))
    p = r["pages"]
    w(f"pages: expected {p['expected']}, found {p['found']}, passing {p['passing']} "
      f"({p['passing_body_only']} without the template <h1>), "
      f"missing {len(p['missing'])}; also built: {p['generated_folder_indexes']} folder indexes, "
      f"{p['unexpected_html_count']} other .html" + (": " + ", ".join(p["unexpected_html"][:5]) if p["unexpected_html"] else ""))
    t = p["totals"]
    w("            " + "".join(f"{k:>9}" for k in ["words"] + COUNTED))
    w("    ours    " + "".join(f"{t['ours'][k]:>9}" for k in ["words"] + COUNTED))
    w("    ref     " + "".join(f"{t['ref'][k]:>9}" for k in ["words"] + COUNTED))
    w(f"    (ours includes {p['title_words_in_ours']} words of template <h1> titles; "
      f"{p['permalinks_in_ours']} heading permalinks not counted as links; "
      f"ref has {p['ref_links_to_missing_files']} links to relative paths naming no file)")
    if p["found"]:
        w("worst pages (ours/ref):")
        for x in p["worst"]:
            w(f"    {x['score']:6.3f}  {x['src'][:60]:60}  " +
              " ".join(f"{k} {x['ours'][k]}/{x['ref'][k]}" for k in ["words"] + COUNTED)
              + (f" (ref: {x['ref_links_to_missing_files']} to missing files)" if x["ref_links_to_missing_files"] else ""))
    if p["missing"]:
        w(f"missing ({len(p['missing'])}): " + ", ".join(p["missing"][:10]) + (" ..." if len(p["missing"]) > 10 else ""))
    w(f"images: {p['images_checked']} relative to tree files, {len(p['images_unresolved'])} unresolved in ours"
      + ("" if not p["images_unresolved"] else ": " + ", ".join(
          f"{u['page']} -> {u['src']}" for u in p["images_unresolved"][:5])))
    for key in ("drafts_published", "summary_published"):
        if p[key]:
            w(f"{key.replace('_', ' ')}: {', '.join(p[key][:10])}")
    for k, v in r["source_notes"].items():
        w(f"source: {v['count']} {k}")
    if "survey" in r:
        sv = r["survey"]
        w(f"survey: {sv['markdown_files']} Markdown files")
        for k, n in sv["counts"].items():
            w(f"    {n:6d}  {k}")
        tags = sv["raw_html_tags"]
        known = [(k, n) for k, n in tags.items() if k in HTML_ELEMENTS]
        other = [(k, n) for k, n in tags.items() if k not in HTML_ELEMENTS]
        w("    raw HTML tags: " + (", ".join(f"{k} {n}" for k, n in known) or "none"))
        if other:
            w("    raw HTML, not HTML element names: " + ", ".join(f"<{k}> {n}" for k, n in other[:25])
              + (f" (+{len(other) - 25} more)" if len(other) > 25 else ""))
        if sv["front_matter_fields"]:
            w("    front matter fields: " + ", ".join(f"{k} {n}" for k, n in sv["front_matter_fields"].items()))
    w(f"({r['seconds']} s)")
    w("")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--handoff", help="binary (default: .build/release/handoff, else .build/debug/handoff)")
    ap.add_argument("--keep", metavar="DIR", help="keep handbooks, outputs and logs in DIR (must not exist or be empty)")
    ap.add_argument("--json", metavar="FILE", help="write the whole report, per page, as JSON")
    ap.add_argument("--no-survey", action="store_true", help="skip the source survey")
    ap.add_argument("--flat", action="store_true",
                    help="copy each tree into content/pages/ itself, not content/pages/NAME/ "
                         "(for flat trees a handoff without page folders can build)")
    ap.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                    help="passed to handoff check and build (repeatable), e.g. file-bytes=4000000")
    ap.add_argument("--builds", type=int, default=3, help="builds per tree (default 3)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per handoff run (default 900)")
    ap.add_argument("trees", nargs="+", metavar="NAME=SRC_DIR")
    a = ap.parse_args()

    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = a.handoff
    if not binary:
        for cand in (".build/release/handoff", ".build/debug/handoff"):
            if os.path.isfile(os.path.join(repo, cand)):
                binary = os.path.join(repo, cand)
                break
    if not binary or not os.path.isfile(binary):
        sys.exit("realdocs: no handoff binary (build one, or pass --handoff BIN)")
    if not shutil.which("cmark-gfm"):
        sys.exit("realdocs: the cmark-gfm command is missing (apt-get install cmark-gfm)")
    trees = []
    for t in a.trees:
        name, sep, src = t.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name) or not os.path.isdir(src):
            sys.exit(f"realdocs: '{t}' is not NAME=SRC_DIR with an existing folder")
        trees.append((name, os.path.abspath(src)))

    if a.keep:
        os.makedirs(a.keep, exist_ok=True)
        if os.listdir(a.keep):
            sys.exit(f"realdocs: --keep {a.keep} is not empty")
        work = os.path.abspath(a.keep)
    else:
        work = tempfile.mkdtemp(prefix="realdocs-")
    copy = os.path.join(work, "handoff")
    shutil.copy2(binary, copy)
    os.chmod(copy, 0o755)
    version = subprocess.run([copy, "--version"], capture_output=True, text=True).stdout.strip()
    st = os.stat(binary)
    header = {"binary": binary, "binary_mtime": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(st.st_mtime)),
              "version": version, "cmark_gfm": subprocess.run(["cmark-gfm", "--version"], capture_output=True,
                                                               text=True).stdout.splitlines()[0],
              "loadavg_at_start": os.getloadavg(), "cpus": os.cpu_count()}
    print(f"handoff: {binary} ({header['binary_mtime']}), {version}; {header['cmark_gfm']}; "
          f"load {header['loadavg_at_start'][0]:.1f} on {header['cpus']} cpus\n")
    reports = []
    try:
        for name, src in trees:
            r = compare_tree(name, src, copy, work, a.timeout, not a.no_survey, a.builds, a.flat, a.limit)
            print_report(r)
            sys.stdout.flush()
            reports.append(r)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    if a.json:
        for r in reports:
            for row in r["per_page"]:
                row.pop("body", None)
        with open(a.json, "w") as f:
            json.dump({"header": header, "trees": reports}, f, indent=1, ensure_ascii=False)
        print(f"report: {a.json}")
    failing = [r["name"] for r in reports if r["pages"]["passing"] < r["pages"]["expected"]]
    sys.exit(1 if failing else 0)


if __name__ == "__main__":
    main()
