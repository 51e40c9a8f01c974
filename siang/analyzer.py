"""One Thai analyzer per process, loaded on first use, off the event loop.

`AnalyzerProvider` is what the app's runtime holds as `analyzer` (and the worker holds likewise):
`await provider()` gives the loaded `nlp.pipeline.ThaiAnalyzer`. The first call loads
it in a worker thread (`asyncio.to_thread`, about a second) so the event loop keeps serving; calls
that arrive meanwhile wait for that same load instead of starting their own. `get_analyzer()` is
the synchronous door for scripts and the CLI.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from siang.collector import freeze_long_lived

if TYPE_CHECKING:
    from nlp.pipeline import ThaiAnalyzer

_lock = threading.Lock()
_analyzers: dict[Path | None, ThaiAnalyzer] = {}


def get_analyzer(model_path: Path | None = None) -> ThaiAnalyzer:
    """The process's analyzer for `model_path` (the shipped model by default), loaded once."""
    analyzer = _analyzers.get(model_path)
    if analyzer is not None:
        return analyzer
    with _lock:  # one thread loads; the others wait here and then find it ready
        analyzer = _analyzers.get(model_path)
        if analyzer is None:
            from nlp.pipeline import ThaiAnalyzer

            analyzer = ThaiAnalyzer.load(model_path)
            _analyzers[model_path] = analyzer
            # The model lives as long as the process: keep the collector off its objects (no
            # collection first: this runs beside a serving event loop).
            freeze_long_lived(collect_first=False)
    return analyzer


class AnalyzerProvider:
    """`await provider()` → the loaded analyzer; loads it in a thread the first time."""

    def __init__(self, model_path: Path | None = None) -> None:
        self.model_path = model_path

    @property
    def loaded(self) -> bool:
        return self.model_path in _analyzers

    async def __call__(self) -> ThaiAnalyzer:
        analyzer = _analyzers.get(self.model_path)
        if analyzer is not None:
            return analyzer
        return await asyncio.to_thread(get_analyzer, self.model_path)
