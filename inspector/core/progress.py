"""Progress of long work (a large import, a large file), and stopping it at the user's request.

Long core functions take ``progress(done, total)``: called every :data:`EVERY` steps, it may raise
:class:`Cancelled`, which the function lets through after undoing what it did (``total`` 0: unknown).
"""

from __future__ import annotations

from collections.abc import Callable

EVERY = 500  # steps (rows) between two calls

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Stopped at the user's request; nothing was changed."""

    def __init__(self, message: str = "已取消，未做任何更改"):
        super().__init__(message)


def ignore(done: int, total: int) -> None:
    """The progress of work nobody watches."""
