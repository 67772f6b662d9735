"""整改复查意见书 (应急复查): the opinion after re-inspecting an earlier notice's problems."""

from __future__ import annotations

from inspector.core.documents.layout import cn_date
from inspector.core.documents.parts import Ctx, addressee, body, closing, header, numbered

ORIGINAL_WORDS = {"notice": "责令限期整改", "measures": "现场处理措施"}


def opinion(item: dict) -> str:
    verdict = "已整改" if item["rectified"] else "未整改"
    observed = item["observed"].rstrip("。")
    return f"{item['text']}。复查情况：{verdict}" + (f"，{observed}" if observed else "")


def story(ctx: Ctx) -> list:
    c = ctx.content
    original = c["original"]
    words = ORIGINAL_WORDS.get(original["kind"], original["title"])
    flow = [*header(ctx), addressee(ctx, "（被复查单位）")]
    flow.append(
        body(
            ctx,
            f"本机关于{cn_date(original['issued_on'])}作出了{words}的决定"
            f"[{original['number_text']}]，经对你单位整改情况进行复查，提出如下意见：",
        )
    )
    items = numbered(ctx, [opinion(item) for item in c["problems"]])
    flow += items[:-1]
    flow.append(closing(ctx, "被复查单位负责人（签名）：", enterprise_first=True, keep_with=items[-1:]))
    return flow
