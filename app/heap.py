"""When Python's cyclic garbage collector runs: rarely while Hearth starts, then over a
frozen heap.

Starting allocates a lot and frees little (modules, classes, widgets). With Python's
default thresholds the collector walks those young objects every 700 allocations and
the whole heap each time it grows by a quarter: 100-250 ms of a ``hearth ask`` and
70-100 ms of the window's start on the 2-core test machine, for almost nothing freed.
And a full collection walks every object while holding the GIL: with LangChain loaded
(~100,000 objects) that is 100-200 ms in which the window can't paint.

So Hearth starts with large thresholds (:func:`start_up`); once the window is built,
and again after the background loading (app/preload.py), everything alive is moved to
the collector's permanent generation, which later collections skip (:func:`settle`).
Command-line commands keep the large thresholds: no window waits on them.
"""

from __future__ import annotations

import gc

START_THRESHOLDS = (50_000, 20, 100)
"""Young objects between collections, and how many young collections make an older one."""

_DEFAULT_THRESHOLDS = gc.get_threshold()


def start_up() -> None:
    """Collects rarely while starting (a process that builds much and frees little)."""
    gc.set_threshold(*START_THRESHOLDS)


def settle() -> None:
    """Freezes what is alive now (later collections skip it) and collects at Python's
    usual pace from here on."""
    gc.freeze()
    gc.set_threshold(*_DEFAULT_THRESHOLDS)
    gc.enable()
