"""Checking a folder the system will write into, without creating anything."""

from __future__ import annotations

import os
from pathlib import Path


def folder_problem(folder: Path) -> str | None:
    """Why files could not be written into the folder, or None. Creates nothing."""
    folder = Path(folder).resolve()
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is None or not existing.is_dir():
        return f"{folder}: {existing} is not a folder"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"{folder}: {existing} is not writable"
    return None
