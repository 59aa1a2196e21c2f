"""CPU time used by the system's processes, read from /proc (Linux).

On a VM whose host steals CPU, the wall-clock rate of one run says little against another's;
the CPU seconds each process spent on a podcast say where the time goes, and move much less.
"""

from __future__ import annotations

import os
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")
# Servers the services talk to, found by their command name: every PostgreSQL backend, Kafka's JVM.
SERVERS = {"postgres": "postgresql", "java": "kafka"}


def _seconds(stat: str) -> float:
    fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "; utime and stime are fields 14, 15
    return (int(fields[11]) + int(fields[12])) / _TICK


def cpu_seconds(pids: dict[str, int]) -> dict[str, float]:
    """CPU seconds so far of each named process, and of the servers (all their processes summed)."""
    used = dict.fromkeys([*pids, *SERVERS.values()], 0.0)
    names = {pid: name for name, pid in pids.items()}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        pid, comm = int(entry.name), stat[stat.index("(") + 1:stat.rindex(")")]
        name = names.get(pid) or SERVERS.get(comm)
        if name is not None:
            used[name] += _seconds(stat)
    return used


def spent(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    return {name: after[name] - before.get(name, 0.0) for name in after}
