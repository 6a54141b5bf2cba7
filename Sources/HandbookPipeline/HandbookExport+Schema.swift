/// `handoff schema`: the JSON Schema (2020-12) of `handoff export`, strict
/// (every object closed, every field required, null where a value may be
/// absent), so the test that validates every fixture's export fails when
/// the two drift apart. Written by Tools/export-schema.py.
extension HandbookExport {
    public static let schema = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://handoff.dev/schema/export-1.json",
  "title": "handoff export",
  "description": "The whole checked handbook as handoff export prints it (format version 1).",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "handoff_export",
    "title",
    "description",
    "url",
    "lifecycle",
    "externals",
    "risks",
    "stages",
    "roles",
    "contracts",
    "contexts",
    "objects",
    "pages",
    "diagnostics",
    "errors",
    "warnings"
  ],
  "$defs": {
    "duration": {
      "type": [
        "string",
        "null"
      ],
      "pattern": "^[0-9]+[hdw]( [0-9]+[hdw])*$",
      "description": "A duration, largest unit first: 2w 3d, 36h."
    },
    "agent": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "input",
        "output",
        "oversight",
        "blast_radius",
        "access",
        "delegation",
        "error_tolerance",
        "tool_span",
        "independence",
        "confirmation",
        "staging",
        "source_of_truth",
        "service_level",
        "audit_trail",
        "winter_tear",
        "reads",
        "logs",
        "synthesis"
      ],
      "properties": {
        "name": {
          "type": "string"
        },
        "input": {
          "type": "string"
        },
        "output": {
          "type": "string"
        },
        "oversight": {
          "type": [
            "string",
            "null"
          ]
        },
        "blast_radius": {
          "type": [
            "string",
            "null"
          ]
        },
        "access": {
          "enum": [
            "read",
            "write"
          ]
        },
        "delegation": {
          "enum": [
            "delegate",
            "coordinate",
            null
          ]
        },
        "error_tolerance": {
          "enum": [
            "high",
            "low",
            null
          ]
        },
        "tool_span": {
          "enum": [
            "single",
            "multiple",
            null
          ]
        },
        "independence": {
          "enum": [
            "independent",
            "interdependent",
            null
          ]
        },
        "confirmation": {
          "type": [
            "string",
            "null"
          ]
        },
        "staging": {
          "type": [
            "string",
            "null"
          ]
        },
        "source_of_truth": {
          "type": [
            "string",
            "null"
          ]
        },
        "service_level": {
          "type": [
            "string",
            "null"
          ]
        },
        "audit_trail": {
          "type": [
            "string",
            "null"
          ]
        },
        "winter_tear": {
          "enum": [
            "specialist",
            "copilot"
          ]
        },
        "reads": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "logs": {
          "type": "array",
          "items": {
            "enum": [
              "contract-version",
              "freshness",
              "input-hash"
            ]
          }
        },
        "synthesis": {
          "type": [
            "string",
            "null"
          ]
        }
      }
    },
    "role": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "name",
        "purpose",
        "file",
        "address",
        "engagement",
        "context_in",
        "context_out",
        "agents",
        "workflows",
        "risks"
      ],
      "properties": {
        "id": {
          "type": "string"
        },
        "name": {
          "type": "string"
        },
        "purpose": {
          "type": "string"
        },
        "file": {
          "type": "string"
        },
        "address": {
          "type": "string"
        },
        "engagement": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "stage",
              "level"
            ],
            "properties": {
              "stage": {
                "type": "string"
              },
              "level": {
                "enum": [
                  "lead",
                  "support",
                  "consult"
                ]
              }
            }
          }
        },
        "context_in": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "context",
              "from",
              "cadence"
            ],
            "properties": {
              "context": {
                "type": "string"
              },
              "from": {
                "type": "string"
              },
              "cadence": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          }
        },
        "context_out": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "context",
              "to",
              "cadence",
              "format"
            ],
            "properties": {
              "context": {
                "type": "string"
              },
              "to": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "cadence": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "format": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          }
        },
        "agents": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/agent"
          }
        },
        "workflows": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name",
              "stage",
              "trigger",
              "steps"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "stage": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "trigger": {
                "type": "string"
              },
              "steps": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          }
        },
        "risks": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/risk"
          }
        }
      }
    },
    "risk": {
      "enum": [
        "value",
        "usability",
        "feasibility",
        "viability",
        "ethical"
      ]
    },
    "contract": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "name",
        "file",
        "address",
        "from",
        "to",
        "boundary",
        "carries",
        "gates",
        "trigger"
      ],
      "properties": {
        "id": {
          "type": "string"
        },
        "name": {
          "type": "string"
        },
        "file": {
          "type": "string"
        },
        "address": {
          "type": "string"
        },
        "from": {
          "type": [
            "string",
            "null"
          ]
        },
        "to": {
          "type": [
            "string",
            "null"
          ]
        },
        "boundary": {
          "oneOf": [
            {
              "type": "null"
            },
            {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "from",
                "to"
              ],
              "properties": {
                "from": {
                  "type": "string"
                },
                "to": {
                  "type": "string"
                }
              }
            }
          ]
        },
        "carries": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "gates": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "trigger": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "acknowledge_within",
            "next_stage_within"
          ],
          "properties": {
            "acknowledge_within": {
              "$ref": "#/$defs/duration"
            },
            "next_stage_within": {
              "$ref": "#/$defs/duration"
            }
          }
        }
      }
    },
    "context": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "name",
        "description",
        "file",
        "address",
        "producers",
        "consumers",
        "contracts"
      ],
      "properties": {
        "id": {
          "type": "string"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": [
            "string",
            "null"
          ]
        },
        "file": {
          "type": [
            "string",
            "null"
          ]
        },
        "address": {
          "type": "string"
        },
        "producers": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "role",
              "to",
              "cadence"
            ],
            "properties": {
              "role": {
                "type": "string"
              },
              "to": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "cadence": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          }
        },
        "consumers": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "role",
              "from",
              "cadence"
            ],
            "properties": {
              "role": {
                "type": "string"
              },
              "from": {
                "type": "string"
              },
              "cadence": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          }
        },
        "contracts": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "diagnostic": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "rule",
        "severity",
        "file",
        "line",
        "column",
        "message",
        "notes"
      ],
      "properties": {
        "rule": {
          "type": "string"
        },
        "severity": {
          "enum": [
            "error",
            "warning"
          ]
        },
        "file": {
          "type": "string"
        },
        "line": {
          "type": "integer",
          "minimum": 1
        },
        "column": {
          "type": "integer",
          "minimum": 1
        },
        "message": {
          "type": "string"
        },
        "notes": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    }
  },
  "properties": {
    "handoff_export": {
      "const": 1
    },
    "title": {
      "type": "string"
    },
    "description": {
      "type": [
        "string",
        "null"
      ]
    },
    "url": {
      "type": [
        "string",
        "null"
      ]
    },
    "lifecycle": {
      "type": "array",
      "items": {
        "type": "string"
      }
    },
    "externals": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "name",
          "engaged"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "engaged": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      }
    },
    "risks": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "risk",
          "owners"
        ],
        "properties": {
          "risk": {
            "$ref": "#/$defs/risk"
          },
          "owners": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      }
    },
    "stages": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "name",
          "question",
          "output",
          "timebox",
          "file"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "question": {
            "type": "string"
          },
          "output": {
            "type": "string"
          },
          "timebox": {
            "$ref": "#/$defs/duration"
          },
          "file": {
            "type": "string"
          }
        }
      }
    },
    "roles": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/role"
      }
    },
    "contracts": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/contract"
      }
    },
    "contexts": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/context"
      }
    },
    "objects": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "name",
          "definition",
          "file",
          "address",
          "producer",
          "steward",
          "consumers",
          "enforced_by"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "definition": {
            "type": "string"
          },
          "file": {
            "type": "string"
          },
          "address": {
            "type": "string"
          },
          "producer": {
            "type": [
              "string",
              "null"
            ]
          },
          "steward": {
            "type": [
              "string",
              "null"
            ]
          },
          "consumers": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "enforced_by": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      }
    },
    "pages": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "name",
          "file",
          "address",
          "description"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "file": {
            "type": "string"
          },
          "address": {
            "type": "string"
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      }
    },
    "diagnostics": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/diagnostic"
      }
    },
    "errors": {
      "type": "integer",
      "minimum": 0
    },
    "warnings": {
      "type": "integer",
      "minimum": 0
    }
  }
}
"""#
}
