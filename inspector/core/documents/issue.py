"""Issuing a document: number, content and signatures in one transaction; then the signed PDF.

    doc = issue(store, "notice", inspection_id, signatures={...}, signer=signer)

1. One transaction takes the number (:func:`numbering.take_number`), stores the content with its
   SHA-256 and the handwritten signatures. A crash rolls all of it back: no number is skipped.
2. Then the PDF is rendered from the stored content (with the signer's QR), signed by the signer's
   hook, and stored with its SHA-256. A crash here leaves a document without PDF; the next call for
   it renders the same content again and completes it.

An issued document is never changed: asking again returns it as stored. A correction is a new
document with a new number that names the one it replaces (``replaces=``).
"""

from __future__ import annotations

import hashlib
import json
from typing import Protocol, runtime_checkable

from inspector.core import canonical, clock
from inspector.core.documents import content as contents
from inspector.core.documents import numbering, registry
from inspector.core.documents.fonts import document_font
from inspector.core.documents.layout import QrMark, qr_drawing
from inspector.core.documents.render import render, render_detailed
from inspector.core.documents.signatures import Signature, collect, from_rows, to_row
from inspector.core.store import SYSTEM_ACTOR, Store, audit, checkpoints


@runtime_checkable
class Signer(Protocol):
    """What the signing side provides (``inspector.core.signing.signer_for`` returns one).

    ``qr_drawing(qr_text)`` is optional: without it the QR is drawn here from ``qr_text``.
    """

    def payload_for(self, content_sha256: str, number_text: str) -> tuple[str, str]:
        """The QR text and the short code printed beside it."""
        ...

    def sign_pdf(self, pdf_bytes: bytes, role: str = "inspector1") -> bytes:
        """The PDF with a digital (PAdES) signature added, in the field named ``role``."""
        ...


class IssueError(contents.DocumentError):
    pass


def current(store: Store, kind: str, inspection_id: str, pdf: bool = True) -> dict | None:
    """The document of this kind for the inspection that no correction has replaced yet.

    ``pdf=False`` leaves the PDF bytes out (for lists and buttons).
    """
    columns = "d.*" if pdf else "d.id, d.kind, d.number_text, d.issued_at, d.replaces_id, d.pdf_sha256"
    return store.row(
        f"SELECT {columns} FROM documents d WHERE d.kind=? AND d.inspection_id=? AND d.deleted_at IS NULL"
        f" AND {registry.NOT_REPLACED}"
        " ORDER BY d.issued_at DESC, d.number_seq DESC, d.number_text DESC LIMIT 1",
        [kind, inspection_id],
    )


def of_inspection(store: Store, inspection_id: str) -> list[dict]:
    """Every document issued for an inspection (without the PDF bytes), oldest first."""
    return store.rows(
        "SELECT id, kind, number_text, issued_at, issued_by, content_sha256, pdf_sha256, replaces_id"
        " FROM documents WHERE inspection_id=? AND deleted_at IS NULL ORDER BY issued_at, number_seq, number_text",
        [inspection_id],
    )


find = registry.find


def signatures_of(store: Store, document_id: str) -> dict[str, Signature]:
    return from_rows(store.rows("SELECT * FROM signatures WHERE document_id=? ORDER BY role", [document_id]))


def qr_for(signer: Signer | None, content_sha256: str, number_text: str) -> QrMark | None:
    if signer is None:
        return None
    qr_text, code = signer.payload_for(content_sha256, number_text)
    maker = getattr(signer, "qr_drawing", None)
    drawing = maker(qr_text) if callable(maker) else qr_drawing(qr_text)
    return QrMark(drawing, f"核验码：{code}" if code else "", qr_text)


def render_document(store: Store, document: dict, signer: Signer | None = None) -> bytes:
    """The unsigned PDF of a stored document, from its stored content and signatures alone."""
    content = json.loads(document["content"])
    qr = qr_for(signer, document["content_sha256"], document["number_text"])
    sigs = signatures_of(store, document["id"])
    return render(content, sigs, qr, document_font(store), document["issued_at"])


def signer_role(document: dict, signer: Signer) -> str:
    """``inspectorN`` for the signer's position among the document's inspectors (1 if not among them)."""
    people = json.loads(document["content"])["inspectors"]
    wanted = getattr(signer, "inspector_id", None)
    position = next((i for i, p in enumerate(people, start=1) if p["id"] == wanted), 1)
    return f"inspector{position}"


def _with_names(content: dict, sigs: dict[str, Signature]) -> dict[str, Signature]:
    """Inspector signatures go to the box of the inspector who signed (by ``signer_id`` when given,
    else by role position) and carry that inspector's name and id as recorded for the inspection."""
    people = content["inspectors"]
    position = {p["id"]: n for n, p in enumerate(people, start=1)}
    placed: dict[str, Signature] = {}
    for role, sig in sigs.items():
        if role.startswith("inspector"):
            if sig.signer_id:
                if sig.signer_id not in position:
                    who = sig.signer_name or sig.signer_id
                    raise IssueError(f"{who} 不是本次检查的执法人员，不能在文书上签名")
                n = position[sig.signer_id]
            else:
                n = int(role.removeprefix("inspector"))
                if n > len(people):
                    raise IssueError(f"签名角色 {role} 没有对应的执法人员（本次检查共 {len(people)} 人）")
            role = f"inspector{n}"
            person = people[n - 1]
            sig.role, sig.signer_name, sig.signer_id = role, person["name"], person["id"]
        if role in placed:
            raise IssueError(f"{placed[role].signer_name or role} 的签名重复")
        placed[role] = sig
    return dict(sorted(placed.items()))


def _enterprise_name(store: Store, inspection_id: str) -> str:
    row = store.row(
        "SELECT e.name FROM inspections i JOIN enterprises e ON e.id = i.enterprise_id WHERE i.id=?",
        [inspection_id],
    )
    return row["name"] if row else "（未知单位）"


def replaced(store: Store, kind: str, inspection_id: str, replaces: str) -> dict:
    """The document a correction of ``kind`` for this inspection may replace, or an error saying why not:
    it must exist, be of the same kind, belong to this inspection and not be replaced already."""
    old = find(store, replaces)
    if old is None:
        raise IssueError(f"没有要更正的文书：{replaces}")
    if old["kind"] != kind:
        raise IssueError(f"{old['number_text']} 不是{numbering.KIND_TITLES[kind]}，不能用它来更正")
    if old["inspection_id"] != inspection_id:
        mine = current(store, kind, inspection_id, pdf=False)
        this = (
            f"本次检查的{numbering.KIND_TITLES[kind]}为 {mine['number_text']}"
            if mine
            else "本次检查尚未出具此类文书"
        )
        raise IssueError(
            f"不能更正 {old['number_text']}：它是对「{_enterprise_name(store, old['inspection_id'])}」"
            f"另一次检查出具的文书，而这次检查的是「{_enterprise_name(store, inspection_id)}」（{this}）。"
            "更正只能替换同一次检查的文书；未作任何更改"
        )
    if registry.replaced_by(store, old["id"]):
        raise IssueError(f"{old['number_text']} 已被更正过，请更正最新的那一份")
    return old


def _issuer(store: Store, signer: Signer | None) -> str | None:
    chosen = getattr(signer, "inspector_id", None) or (store.actor if store.actor != SYSTEM_ACTOR else None)
    return chosen if chosen and store.get("inspectors", chosen) else None


def _create(store: Store, kind: str, inspection_id: str, sigs, replaces, signer, options) -> dict:
    with store.transaction():
        found = current(store, kind, inspection_id)
        if found and replaces is None:
            return found
        old = replaced(store, kind, inspection_id, replaces) if replaces is not None else None
        content = contents.build(store, kind, inspection_id, **options)
        sigs = _with_names(content, sigs)
        now = clock.now()
        year = now.astimezone().year
        while True:  # a number another device's document already holds here is used: skip it
            number = numbering.take_number(store, kind, year, content["office"]["region_abbr"])
            if not store.row("SELECT 1 FROM documents WHERE number_text=?", [number.text]):
                break
        content["number"] = {"text": number.text, "year": number.year, "seq": number.seq}
        content["issued_on"] = now.astimezone().date().isoformat()
        if old:
            content["replaces"] = {"id": old["id"], "number_text": old["number_text"]}
        content["audit_head"] = audit.head(store.conn)  # anchors the trail: signed with the content
        document = store.insert(
            "documents",
            {
                "kind": kind,
                "inspection_id": inspection_id,
                "number_year": number.year,
                "number_seq": number.seq,
                "number_text": number.text,
                "issued_at": clock.utc_iso(now),
                "issued_by": _issuer(store, signer),
                "content": canonical.dumps(content),
                "content_sha256": canonical.digest(content),
                "replaces_id": old["id"] if old else None,
            },
            action="issue",
        )
        for sig in sigs.values():
            store.insert("signatures", to_row(sig, document["id"]), action="sign")
    return store.get("documents", document["id"])


def complete(store: Store, document: dict, signer: Signer | None = None) -> dict:
    """Render, sign and store the PDF of a document that has none yet; a stored PDF is never changed."""
    if document["pdf"] is not None:
        return document
    pdf = render_document(store, document, signer)
    if signer is not None:
        pdf = signer.sign_pdf(pdf, role=signer_role(document, signer))
    with store.transaction():
        fresh = store.get("documents", document["id"])
        if fresh["pdf"] is not None:
            return fresh
        return store.update(
            "documents", document["id"], {"pdf": pdf, "pdf_sha256": hashlib.sha256(pdf).hexdigest()}, "pdf"
        )


def issue(
    store: Store,
    kind: str,
    inspection_id: str,
    *,
    signatures=None,
    replaces: str | None = None,
    signer: Signer | None = None,
    **options,
) -> dict:
    """Issue the ``kind`` document of an inspection (or return the one already issued) with its PDF.

    ``signatures``: ``{role: Signature | dict}``; ``replaces``: id or number of the document this one
    corrects; ``options`` go to the content builder (e.g. ``original_id=``/``outcomes=`` for a recheck).
    """
    sigs = collect(signatures)  # (an unknown kind is refused by the content builder)
    document = _create(store, kind, inspection_id, sigs, replaces, signer, options)
    document = complete(store, document, signer)
    checkpoints.take_for(store, signer, f"issue {document['number_text']}")
    return document


class _DryRun(Exception):
    pass


def check_issuable(
    store: Store, kind: str, inspection_id: str, replaces: str | None = None, **options
) -> None:
    """Raise what issuing would raise (content, office settings, number block, the document a correction
    replaces) and keep nothing.

    Called before anyone signs, so three people never sign on a laptop that then cannot issue.
    """
    try:
        with store.transaction():
            if replaces is not None:
                replaced(store, kind, inspection_id, replaces)
            content = contents.build(store, kind, inspection_id, **options)
            numbering.take_number(store, kind, numbering.current_year(), content["office"]["region_abbr"])
            raise _DryRun  # roll back the number taken
    except _DryRun:
        return


def preview(store: Store, kind: str, inspection_id: str, signatures=None, **options) -> bytes:
    """An unnumbered draft (marked 样稿) to look at before issuing; nothing is stored."""
    content = contents.build(store, kind, inspection_id, **options)
    content["issued_on"] = None
    sigs = _with_names(content, collect(signatures))
    return render_detailed(content, sigs, font=document_font(store)).pdf
