"""scripts/develop (python -m scripts.devloop): the demo, its Home Assistant client and --check."""
