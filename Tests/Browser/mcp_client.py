"""handoff mcp under a real MCP client (PyPI's mcp, stdio): initialise,
list the tools and resources, call each tool, read a twin, then a hostile
round (an unknown tool, wrong argument types, a 10 MB argument, an unknown
id), and a handbook edited while the server runs. Prints one line per
result for the test to compare.

Usage: python3 mcp_client.py HANDOFF_BINARY CONTENT_FOLDER
"""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

binary, content = sys.argv[1:3]


def attr(obj, snake):
    """The client's models are snake_case in newer releases, camelCase in older ones."""
    if hasattr(obj, snake):
        return getattr(obj, snake)
    parts = snake.split("_")
    return getattr(obj, parts[0] + "".join(p.capitalize() for p in parts[1:]))


def data(result):
    return attr(result, "structured_content")


def first_text(result):
    return result.content[0].text if result.content else ""


async def main():
    params = StdioServerParameters(command=binary, args=["mcp", "--content", content])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            print("server:", attr(init, "server_info").name, "tools" if init.capabilities.tools is not None else "", "resources" if init.capabilities.resources is not None else "")
            tools = await session.list_tools()
            print("tools:", ", ".join(sorted(t.name for t in tools.tools)))

            roles = await session.call_tool("list_roles", {})
            listed = data(roles)
            print("list_roles:", len(listed["roles"]), "roles, first", listed["roles"][0]["id"], "| text is the same JSON:", json.loads(first_text(roles)) == listed)
            role = data(await session.call_tool("get_role", {"id": "qa"}))
            print("get_role qa:", role["name"], "| engaged in", [e["stage"] for e in role["engagement"]],
                  "| sends", [c["id"] for c in role["contracts_sent"]], "| receives", [c["id"] for c in role["contracts_received"]])
            need = data(await session.call_tool("what_do_i_need", {"role": "qa", "stage": "test"}))
            print("what_do_i_need qa test:", [(n["context"], n["from"], n["contract"], len(n["gates"]), n["acknowledge_within"]) for n in need["needs"]])
            who = data(await session.call_tool("who_consumes", {"context": "quality-report"}))
            print("who_consumes quality-report:", [p["role"] for p in who["producers"]], "->", [(c["role"], c["cadence"]) for c in who["consumers"]])
            check = data(await session.call_tool("check", {}))
            print("check:", check["errors"], "errors,", check["warnings"], "warnings in", check["files"], "files")
            explain = data(await session.call_tool("explain", {"rule": "vague-gate"}))
            print("explain vague-gate:", explain["text"].splitlines()[0])
            found = data(await session.call_tool("search", {"query": "rollback"}))
            print("search rollback:", [r["path"] for r in found["results"][:3]])

            resources = await session.list_resources()
            uris = sorted(str(r.uri) for r in resources.resources)
            print("resources:", len(uris), "including", "handoff://roles/pm" in uris)
            page = await session.read_resource("handoff://roles/pm")
            print("read handoff://roles/pm:", page.contents[0].text.splitlines()[0])

            # Hostile round: every one an error result, and the server still answers after it.
            for name, arguments in [("no_such_tool", {}), ("get_role", {"id": 42}), ("get_role", {}), ("get_role", {"id": "x" * 10_000_000}),
                                    ("get_role", {"id": "qaa"}), ("what_do_i_need", {"role": "qa", "stage": "tset"})]:
                result = await session.call_tool(name, arguments)
                shown = {k: (v if not isinstance(v, str) or len(v) < 20 else "%d characters" % len(v)) for k, v in arguments.items()}
                print("hostile %s %s: error=%s %s" % (name, shown, attr(result, "is_error"), first_text(result)[:100]))
            try:
                await session.read_resource("handoff://roles/nobody")
                print("read unknown resource: no error")
            except Exception as error:  # the server answers with a JSON-RPC error
                print("read unknown resource: error", str(error)[:80])

            # An edit while the server runs: the next answer follows it.
            path = content + "/roles/qa.md"
            text = open(path).read()
            open(path, "w").write(text.replace("name: QA / Data Quality", "name: QA and Data Quality"))
            role = data(await session.call_tool("get_role", {"id": "qa"}))
            print("after an edit:", role["name"])
            # A handbook.yaml with an error: the check says so.
            settings = open(content + "/handbook.yaml").read()
            open(content + "/handbook.yaml", "w").write("title: [unclosed\n")
            checked = data(await session.call_tool("check", {}))
            print("broken handbook.yaml: check says", [d["rule"] for d in checked["diagnostics"]][:1])
            # A folder that is no handbook any more: an error result, not a crash.
            import os
            os.remove(content + "/handbook.yaml")
            broken = await session.call_tool("list_roles", {})
            print("no handbook.yaml: error=%s" % attr(broken, "is_error"), first_text(broken).replace(content, "CONTENT"))
            open(content + "/handbook.yaml", "w").write(settings)
            print("still answers:", attr(await session.call_tool("explain", {"rule": "vague-gate"}), "is_error") is not True)


asyncio.run(main())
