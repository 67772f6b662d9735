"""The enforcement documents of one inspection: issue (sign, number, PDF) and show them.

A finished inspection offers its record, the rectification notice when hazards were found, and the
measures decision when a hazard needed immediate measures. An issued document opens as stored.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core import profile, signing
from inspector.core.capture import inspections
from inspector.core.documents import KIND_TITLES, DocumentError, content, current, issue, preview
from inspector.core.documents.issue import check_issuable, complete
from inspector.core.register import enterprises
from inspector.core.store import Store
from inspector.ui.core_messages import core_text
from inspector.ui.document_view import DocumentView
from inspector.ui.sign_dialog import SignDialog

KINDS = ("record", "notice", "measures")


class DocumentWindow(QDialog):
    """An issued document, or the unnumbered draft (样稿) that people read before they sign."""

    def __init__(self, document: dict, parent=None, on_sign=None):
        super().__init__(parent)
        self.view = DocumentView(parent=self)
        self.sign_button = QPushButton(self.tr("Sign and issue…"), objectName="sign_and_issue")
        self.sign_button.setStyleSheet("font-weight: bold; padding: 4px 16px;")
        self.sign_button.setVisible(on_sign is not None)
        if on_sign is not None:
            self.sign_button.clicked.connect(on_sign)
        bar = QHBoxLayout()
        self.hint = QLabel(objectName="hint")
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.resize(900, 720)
        self.show_document(document, draft=on_sign is not None)

    def show_document(self, document: dict, draft: bool = False) -> None:
        title = KIND_TITLES[document["kind"]]
        if draft:
            self.setWindowTitle(self.tr("%1 — draft, not yet issued").replace("%1", title))
            self.hint.setText(self.tr("Read the draft with the enterprise's head, then sign and issue it."))
            self.view.set_pdf(document["pdf"])
        else:
            self.setWindowTitle(f"{title} {document['number_text']}")
            self.view.set_pdf(document["pdf"], document["number_text"])
            self.hint.setText("")
            self.sign_button.hide()


class DocumentsPanel(QWidget):
    recheckWanted = Signal(str)  # an issued notice's id: re-check its hazards

    def __init__(self, store: Store, inspection_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.inspection_id = inspection_id
        self.window: DocumentWindow | None = None
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Documents:")))
        for kind in KINDS:
            button = QPushButton(KIND_TITLES[kind], objectName=f"doc_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.show_kind(k))
            self.buttons[kind] = button
            row.addWidget(button)
        self.refresh()

    def refresh(self) -> None:
        inspection = inspections.get(self.store, self.inspection_id)
        finished = inspection["status"] == "finished"
        wanted = content.needed(self.store, self.inspection_id)
        for kind, button in self.buttons.items():
            document = current(self.store, kind, self.inspection_id, pdf=False)
            button.setVisible(wanted[kind] or document is not None)
            button.setEnabled(finished)
            if document is not None:
                button.setText(f"{KIND_TITLES[kind]} {document['number_text']}")
                button.setToolTip(self.tr("Issued: open the stored PDF, or issue a correction"))
                menu = QMenu(button)
                menu.addAction(self.tr("Open"), lambda k=kind: self.open_kind(k))
                menu.addAction(self.tr("Issue a correction…"), lambda k=kind: self.correct(k))
                if kind == "notice":
                    menu.addAction(self.tr("Re-check…"), lambda d=document["id"]: self.recheckWanted.emit(d))
                button.setMenu(menu)
            else:
                button.setMenu(None)
                button.setText(KIND_TITLES[kind])
                button.setToolTip(
                    self.tr("Sign and issue") if finished else self.tr("Finish the inspection first")
                )

    def show_kind(self, kind: str) -> None:
        """An issued document opens as stored; otherwise its draft, to read before signing."""
        if current(self.store, kind, self.inspection_id, pdf=False) is not None:
            self.open_kind(kind)
            return
        try:
            check_issuable(self.store, kind, self.inspection_id)
            draft = preview(self.store, kind, self.inspection_id)
        except (DocumentError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Document not issued"), core_text(exc))
            return
        window = DocumentWindow(
            {"kind": kind, "pdf": draft}, self, on_sign=lambda: self._sign_from(window, kind)
        )
        self.window = window
        window.show()

    def _sign_from(self, window: DocumentWindow, kind: str) -> None:
        document = self.open_kind(kind, show=False)
        if document is not None:
            window.show_document(document)

    def open_kind(self, kind: str, show: bool = True) -> dict | None:
        """The issued document of this kind (issuing it first if need be), shown in its window."""
        document = current(self.store, kind, self.inspection_id)
        if document is not None and document.get("pdf"):
            return self._show_issued(document, show)
        return self._issue(kind, pending=document, show=show)

    def correct(self, kind: str) -> dict | None:
        """An issued document is never changed: a correction is a new document naming the one it replaces."""
        old = current(self.store, kind, self.inspection_id, pdf=False)
        if old is None:
            return None
        question = self.tr(
            "%1 stays as it was issued. A correction gets a new number, states that it replaces %1, and is "
            "signed again. Issue a correction now?"
        ).replace("%1", old["number_text"])
        if QMessageBox.question(self, self.tr("Issue a correction"), question) != QMessageBox.Yes:
            return None
        return self._issue(kind, replaces=old["id"])

    def _issue(self, kind: str, pending: dict | None = None, replaces: str | None = None, show: bool = True):
        try:
            document = self._sign_and_issue(kind, pending, replaces)
        except (DocumentError, signing.PinError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Document not issued"), core_text(exc))
            return None
        if document is None:
            return None
        self.refresh()
        return self._show_issued(document, show)

    def _show_issued(self, document: dict, show: bool) -> dict:
        if show:
            self.window = DocumentWindow(document, self)
            self.window.show()
        return document

    def _sign_and_issue(self, kind: str, pending: dict | None, replaces: str | None = None) -> dict | None:
        me = profile.profile(self.store)
        if pending is not None:  # numbered and stored, PDF not yet made (e.g. after a crash): finish it
            return complete(self.store, pending, self._signer(me, self._ask_pin(me)))
        # before anyone signs: the content, the number, and that a correction replaces this inspection's own
        check_issuable(self.store, kind, self.inspection_id, replaces=replaces)
        people = inspections.inspectors_of(self.store, self.inspection_id)
        people.sort(key=lambda p: p["inspector_id"] != me["id"])
        enterprise = enterprises.get(
            self.store, inspections.get(self.store, self.inspection_id)["enterprise_id"]
        )
        unlocked: dict = {}
        dialog = SignDialog(
            [{"id": p["inspector_id"], "name": p["name"], "cert_no": p["cert_no"]} for p in people],
            enterprise["legal_rep"],
            first_use=not signing.has_key(self.store, me["id"]),
            # checking the PIN unlocks the keys: keep the signer rather than unlock them twice
            check_pin=lambda pin: unlocked.update(signer=self._signer(me, pin)),
            parent=self,
        )
        try:
            if dialog.exec() != QDialog.Accepted:
                return None
            return issue(
                self.store,
                kind,
                self.inspection_id,
                signatures=dialog.signatures(),
                signer=unlocked.get("signer") or self._signer(me, dialog.pin()),
                replaces=replaces,
            )
        finally:  # unlocked for this one signing only: nothing keeps the keys or the PIN afterwards
            unlocked.clear()
            dialog.pin_edit.clear()
            dialog.pin_confirm.clear()
            dialog.deleteLater()

    def _signer(self, me: dict, pin: str | None):
        return signing.signer_for(self.store, me["id"], pin)

    def _ask_pin(self, me: dict) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        pin, ok = QInputDialog.getText(
            self,
            self.tr("PIN"),
            self.tr("%1, enter your PIN to sign.").replace("%1", me["name"]),
            QLineEdit.Password,
        )
        return pin if ok else None
