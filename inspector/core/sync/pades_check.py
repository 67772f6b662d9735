"""Every document in a bundle: its PAdES signatures hold and each is by one of its own inspectors.

"Its own inspectors" are those of the document's inspection (or a re-check's visit) and its issuer; their
certificates come from the bundle and from this workspace. Loaded only when a bundle holds PDFs.
"""

from __future__ import annotations

from io import BytesIO

from cryptography import x509

from inspector.core.signing.certs import key_id


def _people(store, records: dict, document: dict) -> set[str]:
    people = {document.get("issued_by")} if document.get("issued_by") else set()
    inspection_id = document.get("inspection_id")
    for row in records.get("inspection_inspectors", []):
        if row["inspection_id"] == inspection_id:
            people.add(row["inspector_id"])
    for (person,) in store.conn.execute(
        "SELECT inspector_id FROM inspection_inspectors WHERE inspection_id=? ORDER BY id", [inspection_id]
    ):
        people.add(person)
    return people


def _certs(store, records: dict, people: set[str]) -> dict[str, x509.Certificate]:
    pems = [r["cert_pem"] for r in records.get("inspector_keys", []) if r["inspector_id"] in people]
    for person in sorted(people):
        pems += [
            r[0]
            for r in store.conn.execute(
                "SELECT cert_pem FROM inspector_keys WHERE inspector_id=? ORDER BY id", [person]
            )
        ]
    found = {}
    for pem in pems:
        cert = x509.load_pem_x509_certificate(pem.encode())
        found[key_id(cert.public_key())] = cert
    return found


def check(store, records: dict, documents: list[dict]) -> tuple[list[str], list[str]]:
    """(problems, numbers of documents without any signature)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    from inspector.core.signing.pades import asn1_cert

    usage = KeyUsageConstraints(
        key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False
    )
    problems, unsigned = [], []
    for document in sorted(documents, key=lambda d: d["id"]):
        number = document.get("number_text", document["id"])
        try:
            reader = PdfFileReader(BytesIO(document["pdf"]), strict=False)
            signatures = reader.embedded_signatures
        except Exception as exc:  # a PDF that does not parse is a damaged one
            problems.append(f"文书 {number} 的 PDF 已损坏：{exc}")
            continue
        if not signatures:
            unsigned.append(number)
            continue
        certs = _certs(store, records, _people(store, records, document))
        context = ValidationContext(
            trust_roots=[asn1_cert(c) for c in certs.values()],
            allow_fetching=False,
            revocation_mode="soft-fail",
        )
        for position, embedded in enumerate(signatures):
            try:
                status = validate_pdf_signature(embedded, context, key_usage_settings=usage)
            except Exception as exc:
                problems.append(f"文书 {number} 的签名 {embedded.field_name} 已损坏：{exc}")
                continue
            signer = x509.load_der_x509_certificate(status.signing_cert.dump())
            last = position == len(signatures) - 1
            if not (status.intact and status.valid):
                problems.append(f"文书 {number} 的签名 {embedded.field_name} 与文件内容不符：PDF 被改动")
            elif key_id(signer.public_key()) not in certs or not status.trusted:
                problems.append(f"文书 {number} 的签名 {embedded.field_name} 不是该文书的执法人员所签")
            elif last and status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
                problems.append(f"文书 {number} 签名之后又被追加了未签名的修改")
    return problems, unsigned
