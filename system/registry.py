"""The services this system can run, and the bootstrap module that builds each.

Modules are imported only when their service is asked for, so `dailycast serve notifier` loads
none of the other services (nor their SDKs).
"""

from __future__ import annotations

import importlib
from types import ModuleType

BOOTSTRAPS: dict[str, str] = {
    "api": "services.api.bootstrap",
    "scriptgen": "services.scriptgen.bootstrap",
    "tts": "services.tts.bootstrap",
    "notifier": "services.notifier.bootstrap",
}
SERVICES: tuple[str, ...] = tuple(BOOTSTRAPS)
# Each worker's ops HTTP port (/livez, /readyz, /metrics) unless DAILYCAST_OPS_PORT says otherwise.
OPS_PORTS: dict[str, int] = {"scriptgen": 8101, "tts": 8102, "notifier": 8103}


def bootstrap(name: str) -> ModuleType:
    """The module whose `build(resources, ...)` makes the service, and whose PORTS name its ports."""
    if name not in BOOTSTRAPS:
        raise ValueError(f"no such service: {name} (choose from {', '.join(SERVICES)})")
    return importlib.import_module(BOOTSTRAPS[name])
