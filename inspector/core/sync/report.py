"""What an import did (or would do): counts by kind of record, conflicts, warnings, the refusal."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

TITLES = {
    "inspectors": "执法人员",
    "inspector_keys": "证书",
    "enterprises": "企业",
    "checklist_snapshots": "检查表",
    "number_blocks": "编号段",
    "inspections": "检查",
    "inspection_checklists": "检查所用检查表",
    "inspection_inspectors": "检查人员",
    "answers": "检查项结论",
    "findings": "问题",
    "hazards": "隐患",
    "media": "照片",
    "finding_media": "问题照片",
    "documents": "文书",
    "signatures": "签名",
    "rechecks": "复查",
    "hazard_transitions": "隐患状态变化",
    "recheck_items": "复查结论",
    "ledger_media": "台账照片",
}


@dataclass
class ImportReport:
    file: str
    bundle_id: str = ""
    ok: bool = True
    reason: str = ""  # the refusal's code
    message: str = ""
    dry_run: bool = False
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    conflicts: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not self.ok:
            return f"拒绝导入：{self.message}"
        if self.message:
            return self.message
        verb = "将" if self.dry_run else "已"

        def part(counter: Counter) -> str:
            return "，".join(f"{n} 条{TITLES.get(t, t)}" for t, n in sorted(counter.items()) if n)

        pieces = []
        if self.added:
            pieces.append(f"{verb}新增 {part(self.added)}")
        if self.updated:
            pieces.append(f"{verb}更新 {part(self.updated)}")
        if self.deleted:
            pieces.append(f"{verb}删除 {part(self.deleted)}")
        if not pieces:
            pieces.append("没有新内容")
        if self.conflicts:
            pieces.append(f"{len(self.conflicts)} 处冲突待复核")
        skipped = sum(self.skipped.values())
        if skipped:
            pieces.append(f"{skipped} 条相同、已跳过")
        return "；".join(pieces)

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "bundle_id": self.bundle_id,
            "ok": self.ok,
            "reason": self.reason,
            "summary": self.summary(),
            "dry_run": self.dry_run,
            "added": dict(self.added),
            "updated": dict(self.updated),
            "skipped": dict(self.skipped),
            "deleted": dict(self.deleted),
            "conflicts": len(self.conflicts),
            "warnings": self.warnings,
        }
