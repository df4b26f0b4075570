"""End to end: Home Assistant's harness, the real config flow and blinkpy over HTTPS to the simulator."""
