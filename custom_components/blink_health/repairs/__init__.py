"""Repairs, in one place: which issues exist, raising and clearing them, and their fix flows.

`issues.py` (cameras, Sync Modules offline, the account) and `storage.py` (local storage) say
which issues the latest poll calls for, `tracker.py` writes them to Home Assistant's issue
registry, `flows.py` and `reading_flows.py` hold the fix flows, and `dispatch.py` picks the one
Home Assistant opens for an issue through `async_create_fix_flow`.
"""

from .dispatch import async_create_fix_flow
from .tracker import async_remove_entry_issues

__all__ = ["async_create_fix_flow", "async_remove_entry_issues"]
