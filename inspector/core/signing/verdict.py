"""What a verification found: valid, or invalid with the reasons, each in words a clerk understands."""

from __future__ import annotations

from dataclasses import dataclass, field

VALID = "valid"
UNKNOWN_SIGNER = "unknown_signer"  # the certificate belongs to no inspector the workspace knows
FILE_CHANGED = "file_changed"  # a byte of the PDF changed since it was signed
CONTENT_CHANGED = "content_changed"  # the document's content no longer hashes to what was signed
SIGNATURE_BROKEN = "signature_broken"  # the signature itself does not check out
NO_SIGNATURE = "no_signature"  # nothing to verify
MALFORMED = "malformed"  # not a PDF / not a payload of this system
NOT_ITS_INSPECTOR = "not_its_inspector"  # signed by a known inspector who is not one of the document's
NOT_AS_ISSUED = "not_as_issued"  # the signed bytes are not the file the workspace issued
SUPERSEDED = "superseded"  # intact, but a correction has replaced it: not a plain 有效

# ``inspector verify`` exits with these (documented in its --help).
EXIT_VALID, EXIT_INVALID, EXIT_USAGE, EXIT_SUPERSEDED = 0, 1, 2, 3

HEADLINES = {
    VALID: "有效",
    UNKNOWN_SIGNER: "签名人未知",
    FILE_CHANGED: "文件已被改动",
    CONTENT_CHANGED: "内容已被改动",
    SIGNATURE_BROKEN: "签名已损坏",
    NO_SIGNATURE: "没有数字签名",
    MALFORMED: "无法识别",
    NOT_ITS_INSPECTOR: "签名人不是本文书的执法人员",
    NOT_AS_ISSUED: "与签发的文书不符",
    SUPERSEDED: "已被更正",
}


@dataclass(frozen=True)
class Problem:
    reason: str
    message: str


@dataclass
class Verdict:
    """Problems make it invalid; notes say what was checked and found in order."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    number_text: str | None = None
    signers: list[str] = field(default_factory=list)  # "张伟（证号 65280019001）"
    qr_signer_id: str | None = None  # the inspector whose paper key signed the QR payload
    content_sha256: str | None = None  # the content hash the QR payload signed
    superseded_by: str | None = None  # the number of the correction that replaced the document
    # What a clerk compares with the paper copy (from the workspace's record), label → value, in order.
    particulars: list[tuple[str, str]] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        """Nothing wrong with the signatures and content (it may still have been superseded)."""
        return not self.problems

    @property
    def valid(self) -> bool:
        """Intact and still in force: the only verdict that prints 「有效」."""
        return not self.problems and not self.superseded_by

    @property
    def reason(self) -> str:
        if self.problems:
            return self.problems[0].reason
        return SUPERSEDED if self.superseded_by else VALID

    @property
    def exit_code(self) -> int:
        if self.problems:
            return EXIT_INVALID
        return EXIT_SUPERSEDED if self.superseded_by else EXIT_VALID

    @property
    def reasons(self) -> list[str]:
        return list(dict.fromkeys(p.reason for p in self.problems))

    def fail(self, reason: str, message: str) -> Verdict:
        self.problems.append(Problem(reason, message))
        return self

    def note(self, message: str) -> Verdict:
        self.notes.append(message)
        return self

    def merge(self, other: Verdict) -> Verdict:
        self.problems.extend(other.problems)
        self.notes.extend(other.notes)
        self.number_text = self.number_text or other.number_text
        self.superseded_by = self.superseded_by or other.superseded_by
        self.qr_signer_id = self.qr_signer_id or other.qr_signer_id
        self.content_sha256 = self.content_sha256 or other.content_sha256
        self.particulars = self.particulars or other.particulars
        self.signers.extend(s for s in other.signers if s not in self.signers)
        return self

    def headline(self) -> str:
        """「有效」, 「已被更正：已由（库）应急责改〔2026〕18号更正替代，本文书作废」 or 「无效：文件已被改动」."""
        if self.problems:
            return "无效：" + "、".join(HEADLINES[r] for r in self.reasons)
        if self.superseded_by:
            return f"{HEADLINES[SUPERSEDED]}：已由{self.superseded_by}更正替代，本文书作废"
        return HEADLINES[VALID]
