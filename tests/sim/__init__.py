"""Tests of the simulated Blink cloud against the real blinkpy."""
