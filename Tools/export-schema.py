#!/usr/bin/env python3
"""Writes Sources/HandbookPipeline/HandbookExport+Schema.swift: the JSON Schema of handoff export.
Run it after changing HandbookExport; the test that validates every fixture's export says when they differ."""
import json
S = {"type": "string"}
NS = {"type": ["string", "null"]}
A = lambda t: {"type": "array", "items": t}
def obj(props, defs_ref=None):
    return {"type": "object", "additionalProperties": False, "required": list(props.keys()), "properties": props}
ids = A(S)
schema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://handoff.dev/schema/export-1.json",
  "title": "handoff export",
  "description": "The whole checked handbook as handoff export prints it (format version 1).",
  "type": "object", "additionalProperties": False,
  "required": ["handoff_export","title","description","url","lifecycle","externals","risks","stages","roles","contracts","contexts","objects","pages","diagnostics","errors","warnings"],
  "$defs": {
    "duration": {"type": ["string", "null"], "pattern": "^[0-9]+[hdw]( [0-9]+[hdw])*$", "description": "A duration, largest unit first: 2w 3d, 36h."},
    "agent": obj({
      "name": S, "input": S, "output": S, "oversight": NS, "blast_radius": NS,
      "access": {"enum": ["read", "write"]},
      "delegation": {"enum": ["delegate", "coordinate", None]},
      "error_tolerance": {"enum": ["high", "low", None]},
      "tool_span": {"enum": ["single", "multiple", None]},
      "independence": {"enum": ["independent", "interdependent", None]},
      "confirmation": NS, "staging": NS, "source_of_truth": NS, "service_level": NS, "audit_trail": NS,
      "winter_tear": {"enum": ["specialist", "copilot"]},
      "reads": ids, "logs": A({"enum": ["contract-version", "freshness", "input-hash"]}), "synthesis": NS}),
    "role": obj({
      "id": S, "name": S, "purpose": S, "file": S, "address": S,
      "engagement": A(obj({"stage": S, "level": {"enum": ["lead", "support", "consult"]}})),
      "context_in": A(obj({"context": S, "from": S, "cadence": NS})),
      "context_out": A(obj({"context": S, "to": ids, "cadence": NS, "format": NS})),
      "agents": A({"$ref": "#/$defs/agent"}),
      "workflows": A(obj({"name": S, "stage": NS, "trigger": S, "steps": ids})),
      "risks": A({"$ref": "#/$defs/risk"})}),
    "risk": {"enum": ["value", "usability", "feasibility", "viability", "ethical"]},
    "contract": obj({
      "id": S, "name": S, "file": S, "address": S, "from": NS, "to": NS,
      "boundary": {"oneOf": [{"type": "null"}, obj({"from": S, "to": S})]},
      "carries": ids, "gates": ids,
      "trigger": obj({"acknowledge_within": {"$ref": "#/$defs/duration"}, "next_stage_within": {"$ref": "#/$defs/duration"}})}),
    "context": obj({
      "id": S, "name": S, "description": NS, "file": NS, "address": S,
      "producers": A(obj({"role": S, "to": ids, "cadence": NS})),
      "consumers": A(obj({"role": S, "from": S, "cadence": NS})),
      "contracts": ids}),
    "diagnostic": obj({"rule": S, "severity": {"enum": ["error", "warning"]}, "file": S,
                       "line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1}, "message": S, "notes": ids}),
  },
  "properties": {
    "handoff_export": {"const": 1},
    "title": S, "description": NS, "url": NS, "lifecycle": ids,
    "externals": A(obj({"id": S, "name": S, "engaged": ids})),
    "risks": A(obj({"risk": {"$ref": "#/$defs/risk"}, "owners": ids})),
    "stages": A(obj({"id": S, "name": S, "question": S, "output": S, "timebox": {"$ref": "#/$defs/duration"}, "file": S})),
    "roles": A({"$ref": "#/$defs/role"}),
    "contracts": A({"$ref": "#/$defs/contract"}),
    "contexts": A({"$ref": "#/$defs/context"}),
    "objects": A(obj({"id": S, "name": S, "definition": S, "file": S, "address": S, "producer": NS, "steward": NS, "consumers": ids, "enforced_by": NS})),
    "pages": A(obj({"id": S, "name": S, "file": S, "address": S, "description": NS})),
    "diagnostics": A({"$ref": "#/$defs/diagnostic"}),
    "errors": {"type": "integer", "minimum": 0}, "warnings": {"type": "integer", "minimum": 0},
  },
}
text = json.dumps(schema, indent=2, ensure_ascii=False)
import os
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "HandbookPipeline", "HandbookExport+Schema.swift"), "w").write(
 "/// `handoff schema`: the JSON Schema (2020-12) of `handoff export`, strict\n"
 "/// (every object closed, every field required, null where a value may be\n"
 "/// absent), so the test that validates every fixture's export fails when\n"
 "/// the two drift apart. Written by Tools/export-schema.py.\n"
 "extension HandbookExport {\n    public static let schema = #\"\"\"\n" + text + "\n\"\"\"#\n}\n")
