"""A tiny harness: time a candidate and its baseline in pairs, report the median ratio and its spread."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Result:
    name: str
    candidate: float  # seconds per run (median)
    baseline: float
    goal: float  # the ratio we aim to stay under
    note: str = ""
    ratios: list[float] = field(default_factory=list)  # one per paired round, when measured in pairs

    @property
    def ratio(self) -> float:
        if self.ratios:
            return statistics.median(self.ratios)
        return self.candidate / self.baseline if self.baseline else float("inf")

    @property
    def spread(self) -> tuple[float, float]:
        return (min(self.ratios), max(self.ratios)) if self.ratios else (self.ratio, self.ratio)

    def line(self) -> str:
        verdict = "ok" if self.ratio <= self.goal else "OVER GOAL"
        low, high = self.spread
        return (
            f"{self.name}: {self.ratio:.2f}× baseline [{low:.2f}–{high:.2f}] (goal ≤ {self.goal:g}×, {verdict}); "
            f"candidate {self.candidate * 1e3:.3f} ms, baseline {self.baseline * 1e3:.3f} ms"
            + (f" — {self.note}" if self.note else "")
        )


def compare(
    name: str,
    candidate: Callable[[], object],
    baseline: Callable[[], object],
    *,
    goal: float,
    rounds: int = 7,
    number: int = 1,
    note: str = "",
) -> Result:
    """Run both ``rounds`` times, interleaved so that machine noise hits both alike."""
    cand, base = [], []
    candidate(), baseline()  # warm up
    for _ in range(rounds):
        for fn, into in ((baseline, base), (candidate, cand)):
            start = time.perf_counter()
            for _ in range(number):
                fn()
            into.append((time.perf_counter() - start) / number)
    ratios = [c / b if b else float("inf") for c, b in zip(cand, base, strict=True)]
    return Result(name, statistics.median(cand), statistics.median(base), goal, note, ratios)
