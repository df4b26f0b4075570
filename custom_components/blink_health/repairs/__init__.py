"""Repairs, in one place: which issues exist, raising and clearing them, and their fix flows.

`issues.py` says which issues the latest poll calls for, `tracker.py` writes them to Home
Assistant's issue registry, and `flows.py` holds the fix flows Home Assistant opens for them
through `async_create_fix_flow`.
"""

from .flows import async_create_fix_flow
from .tracker import async_remove_entry_issues

__all__ = ["async_create_fix_flow", "async_remove_entry_issues"]
