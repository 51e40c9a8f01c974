"""Keep Python's cyclic garbage collector off the long-lived objects of a server process.

A full (generation 2) collection walks every tracked object. In the web process and the worker
that is mostly what start-up built and never frees (modules, the app, routes, the Thai model's
tables), and walking it stalled every request in flight for 170-220 ms a few times a minute
under load (measured with bench/webhook_latency.py). `gc.freeze()` moves everything alive now
into a permanent generation the collector skips; what requests create is still collected.
"""

from __future__ import annotations

import gc


def freeze_long_lived(*, collect_first: bool = True) -> None:
    """Let the collector ignore every object alive now (after start-up or a model load)."""
    if collect_first:
        gc.collect()  # garbage from start-up is freed now, not frozen with the rest
    gc.freeze()
