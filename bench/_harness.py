"""A tiny harness: time a candidate and its baseline alternately, report the ratio of medians."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    name: str
    candidate: float  # seconds per run (median)
    baseline: float
    goal: float  # the ratio we aim to stay under
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.candidate / self.baseline if self.baseline else float("inf")

    def line(self) -> str:
        verdict = "ok" if self.ratio <= self.goal else "OVER GOAL"
        return (
            f"{self.name}: {self.ratio:.2f}× baseline (goal ≤ {self.goal:g}×, {verdict}); "
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
    return Result(name, statistics.median(cand), statistics.median(base), goal, note)
