"""责令限期整改指令书 (应急责改): the rectification notice."""

from __future__ import annotations

from inspector.core.documents.layout import cn_date
from inspector.core.documents.parts import (
    Ctx,
    OnFirstPage,
    addressee,
    appeal_text,
    body,
    closing,
    header,
    numbered,
)
from inspector.core.documents.wording import problem_text


def deadline_sentence(groups: list[dict]) -> str:
    """现责令你单位对上述第1、3项问题于…前整改完毕；第2项问题于…前整改完毕，"""
    parts = [
        f"第{'、'.join(str(n) for n in g['items'])}项问题于{cn_date(g['deadline'])}前整改完毕" for g in groups
    ]
    return "现责令你单位对上述" + "；".join(parts) + "，"


def story(ctx: Ctx) -> list:
    c = ctx.content
    flow = [*header(ctx), addressee(ctx), body(ctx, "经查，你单位存在下列问题：")]
    flow += numbered(ctx, [problem_text(p) for p in c["problems"]])
    if c["office"]["print_major_count"]:
        flow.append(body(ctx, f"其中重大事故隐患{c['major_count']}项。"))
    flow.append(OnFirstPage(body(ctx, "（此栏不够，可另附页）")))
    flow.append(
        body(
            ctx,
            deadline_sentence(c["deadline_groups"])
            + "达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。",
        )
    )
    flow.append(
        body(ctx, "整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。")
    )
    flow.append(closing(ctx, "被检查单位负责人（签名）：", keep_with=[body(ctx, appeal_text(c, "指令"))]))
    return flow
