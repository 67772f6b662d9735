"""The ledger's status and grade names in the interface's language (core keeps the Chinese ones for its
documents, spreadsheets and the command line)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_STATUS = {
    "open": QT_TRANSLATE_NOOP("LedgerLabels", "Open"),
    "in_progress": QT_TRANSLATE_NOOP("LedgerLabels", "Being rectified"),
    "rectified": QT_TRANSLATE_NOOP("LedgerLabels", "Reported fixed, awaiting re-check"),
    "verified": QT_TRANSLATE_NOOP("LedgerLabels", "Closed after re-check"),
}
_GRADE = {
    "general": QT_TRANSLATE_NOOP("LedgerLabels", "General hazard"),
    "major": QT_TRANSLATE_NOOP("LedgerLabels", "Major hazard"),
}


def status_label(status: str) -> str:
    return QCoreApplication.translate("LedgerLabels", _STATUS[status]) if status in _STATUS else status


def grade_label(grade: str) -> str:
    return QCoreApplication.translate("LedgerLabels", _GRADE[grade]) if grade in _GRADE else grade


def statuses() -> list[tuple[str, str]]:
    return [(key, status_label(key)) for key in _STATUS]


def grades() -> list[tuple[str, str]]:
    return [(key, grade_label(key)) for key in _GRADE]
