"""Home Assistant custom integrations."""
