import HandoffCLI

Handoff.run()
