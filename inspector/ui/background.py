"""Long work off the GUI thread: a progress bar with a Cancel button, and the window never freezes.

``run(parent, label, work)`` calls ``work(progress)`` in a thread and waits for it in a local event
loop (the window keeps painting and answering), then returns its result or raises its exception.
``progress(done, total)`` moves the bar (``total`` 0: a busy bar) and raises
:class:`~inspector.core.progress.Cancelled` once Cancel was pressed; core functions undo their work
and let it through. A SQLite connection belongs to the thread that opened it: work that needs the
database opens its own store (:func:`with_store`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from inspector.core.progress import Cancelled, Progress
from inspector.core.store import Store

SHOW_AFTER_MS = 300  # quick work never flashes a dialog


class Job(QThread):
    """Runs ``work(progress)`` once; ``done`` carries (result, exception) back to the GUI thread."""

    progressed = Signal(int, int)
    done = Signal(object, object)

    def __init__(self, work: Callable[[Progress], object], parent=None):
        super().__init__(parent)
        self._work = work
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled:
            raise Cancelled()
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result, error = self._work(self._progress), None
        except BaseException as exc:  # handed to the GUI thread, raised there
            result, error = None, exc
        self.done.emit(result, error)


def run(parent: QWidget | None, label: str, work: Callable[[Progress], object]) -> object:
    """``work(progress)`` in a thread behind a modal progress dialog with Cancel; its result or error."""
    cancel = QCoreApplication.translate("Background", "Cancel")
    dialog = QProgressDialog(label, cancel, 0, 0, parent, objectName="progress_dialog")
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)  # starts the timer that shows it if the work takes longer than SHOW_AFTER_MS
    job = Job(work)
    outcome: dict = {}
    loop = QEventLoop()

    def finished(result, error) -> None:
        outcome.update(result=result, error=error)
        loop.quit()

    def moved(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    job.done.connect(finished)
    job.progressed.connect(moved)
    dialog.canceled.connect(job.cancel)
    dialog.canceled.connect(
        lambda: dialog.setLabelText(QCoreApplication.translate("Background", "Stopping…"))
    )
    job.start()
    if not outcome:
        loop.exec()
    job.wait()
    dialog.close()
    dialog.deleteLater()
    if outcome["error"] is not None:
        raise outcome["error"]
    return outcome["result"]


def with_store(store: Store, work: Callable[[Store, Progress], object]) -> Callable[[Progress], object]:
    """``work`` given a store of its own, opened (and closed) in the worker thread.

    A store without a workspace folder (opened from a bare file) cannot be opened twice: the work then
    uses it as it is, so it must run where the store was opened (the caller checks :func:`can_move`).
    """

    def in_thread(progress: Progress) -> object:
        own = Store.open(store.workspace)
        try:
            return work(own, progress)
        finally:
            own.close()

    return in_thread


def can_move(store: Store) -> bool:
    return store.workspace is not None
