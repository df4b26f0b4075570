"""scripts/develop's helpers: a Home Assistant client, the scenario's verdicts, and the --check steps."""
