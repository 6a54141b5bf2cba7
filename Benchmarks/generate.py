#!/usr/bin/env python3
"""Generates a synthetic handbook of about SIZE content files, and a Hugo
site with the same Markdown bodies as plain pages, for the benchmark.

    generate.py SIZE OUT      -> OUT/content (handoff), OUT/hugo (Hugo)

Shares: 10% roles, 40% contracts, 20% context descriptions, the rest free
pages; 6 lifecycle stages. Every context flow is declared on both sides and
every contract's ends are engaged, so the handbook checks clean. Bodies are
2-4 KB: headings, paragraphs, a table, a task list, links between files (some
with anchors). Deterministic: the same SIZE gives the same bytes.
"""
import os, random, sys

size, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(size)
stages = ["discover", "decide", "build", "test", "ship", "evaluate"]
n_roles = max(6, size // 10)
n_contracts = max(6, size * 4 // 10)
n_docs = max(1, size * 2 // 10)
n_pages = max(1, size - len(stages) - n_roles - n_contracts - n_docs)
words = ("handoff context brief pipeline quality review owner gate metric schema release stage "
         "customer evidence decision risk budget signal team data product analysis rollout").split()

def sentence(k=12):
    return " ".join(rng.choice(words) for _ in range(k)).capitalize() + "."

def body(links):
    """2-4 KB of Markdown: headings, paragraphs, a table, a task list, links."""
    parts = ["## Overview", " ".join(sentence() for _ in range(6)), "## How it works"]
    parts.append(" ".join(sentence() for _ in range(5)) + " See " + ", ".join(links) + ".")
    parts.append("| Step | Owner | Gate |\n|---|---|---|\n" + "\n".join(
        f"| {sentence(3)} | {rng.choice(words)} | at least {rng.randint(2, 9)} checks |" for _ in range(5)))
    parts.append("## Checklist\n\n" + "\n".join(f"- [{rng.choice([' ', 'x'])}] {sentence(6)}" for _ in range(5)))
    parts.append("## Notes\n\n" + "\n\n".join(" ".join(sentence() for _ in range(4)) for _ in range(rng.randint(2, 6))))
    return "\n\n".join(parts) + "\n"

files = {}
files["handbook.yaml"] = "title: Synthetic Handbook\ndescription: Generated for the benchmark.\nlifecycle: [%s]\nexternal:\n  leadership: Leadership\n" % ", ".join(stages)
for s in stages:
    files[f"stages/{s}.md"] = f"---\nname: {s.capitalize()}\nquestion: {sentence(8)[:-1]}?\noutput: {sentence(8)}\n---\n" + body(["[principles](../pages/page-0.md#overview)"])

roles = [f"role-{i}" for i in range(n_roles)]
flows_out = {r: [] for r in roles}
flows_in = {r: [] for r in roles}
contracts = []
for k in range(n_contracts):
    a, b = rng.sample(roles, 2)
    s = rng.randrange(len(stages) - 1)
    ctx = f"ctx-{k}"
    flows_out[a].append((ctx, b))
    flows_in[b].append((ctx, a))
    contracts.append((k, a, b, stages[s], stages[s + 1], ctx))
for i, r in enumerate(roles):
    lead = stages[i % len(stages)]
    outs = "".join(f"  - context: {c}\n    to: [{t}]\n    cadence: per cycle\n" for c, t in flows_out[r]) or "  - context: notes-" + r + "\n    to: [leadership]\n"
    ins = "".join(f"  - context: {c}\n    from: {f}\n" for c, f in flows_in[r]) or "  - context: strategy\n    from: leadership\n"
    engagement = "".join(f"  {s}: {'lead' if s == lead else 'support'}\n" for s in stages)
    agents = "".join(f"""  - name: Agent {j}
    input: {sentence(5)}
    output: {sentence(5)}
    oversight: {sentence(6)}
    blast_radius: {sentence(5)}
    delegation: coordinate
""" for j in range(2))
    files[f"roles/{r}.md"] = (f"---\nname: Role {i}\npurpose: {sentence(10)}\nengagement:\n{engagement}context_in:\n{ins}context_out:\n{outs}"
        f"agents:\n{agents}workflows:\n  - name: Cycle\n    stage: {lead}\n    trigger: {sentence(6)}\n    steps: [Gather, Decide, Hand off]\n---\n"
        + body([f"[role {(i + 1) % n_roles}](role-{(i + 1) % n_roles}.md#context-in)", f"[a page](../pages/page-{i % n_pages}.md)"]))
for k, a, b, s1, s2, ctx in contracts:
    files[f"contracts/contract-{k}.md"] = (f"---\nname: Contract {k}\nfrom: {a}\nto: {b}\nboundary: {s1} -> {s2}\ncarries: [{ctx}]\n"
        f"required:\n  evidence: At least {rng.randint(2, 5)} data points\ngates:\n  - Evidence has {rng.randint(2, 9)} sources\n  - Owner named in the brief\n"
        f"trigger:\n  acknowledge_within: {rng.randint(1, 48)}h\n---\n" + body([f"[sender](../roles/{a}.md#agents)", f"[receiver](../roles/{b}.md)"]))
for d in range(n_docs):
    files[f"contexts/ctx-{d}.md"] = f"---\nname: Context {d}\ndescription: {sentence(8)}\n---\n" + body([f"[contract](../contracts/contract-{d % n_contracts}.md#gates)"])
for p in range(n_pages):
    files[f"pages/page-{p}.md"] = f"---\nname: Page {p}\norder: {p}\n---\n" + body([f"[next](page-{(p + 1) % n_pages}.md#overview)", f"[a role](../roles/role-{p % n_roles}.md)"])

for path, text in files.items():
    full = os.path.join(out, "content", path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)
    # Hugo: the same body as a plain page.
    if path.endswith(".md"):
        hugo = os.path.join(out, "hugo", "content", path)
        os.makedirs(os.path.dirname(hugo), exist_ok=True)
        body_text = text.split("\n---\n", 1)[1]
        with open(hugo, "w") as f:
            f.write(f"---\ntitle: \"{os.path.basename(path)[:-3]}\"\n---\n" + body_text)
os.makedirs(os.path.join(out, "hugo", "layouts", "_default"), exist_ok=True)
with open(os.path.join(out, "hugo", "config.toml"), "w") as f:
    f.write('baseURL = "http://example.org/"\ntitle = "Synthetic"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = false\n')
with open(os.path.join(out, "hugo", "layouts", "_default", "single.html"), "w") as f:
    f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n")
with open(os.path.join(out, "hugo", "layouts", "_default", "list.html"), "w") as f:
    f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n")
md = sum(1 for p in files if p.endswith(".md"))
print(f"{md} Markdown files ({n_roles} roles, {n_contracts} contracts, {n_docs} contexts, {n_pages} pages, 6 stages)", file=sys.stderr)
