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

HEADLINES = {
    VALID: "有效",
    UNKNOWN_SIGNER: "签名人未知",
    FILE_CHANGED: "文件已被改动",
    CONTENT_CHANGED: "内容已被改动",
    SIGNATURE_BROKEN: "签名已损坏",
    NO_SIGNATURE: "没有数字签名",
    MALFORMED: "无法识别",
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

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def reason(self) -> str:
        return self.problems[0].reason if self.problems else VALID

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
        self.signers.extend(s for s in other.signers if s not in self.signers)
        return self

    def headline(self) -> str:
        """「有效」 or 「无效：文件已被改动」."""
        if self.valid:
            return HEADLINES[VALID]
        return "无效：" + "、".join(HEADLINES[r] for r in self.reasons)
