"""现场处理措施决定书 (应急现决): immediate measures when a major hazard cannot wait."""

from __future__ import annotations

from inspector.core.documents.layout import cn_date
from inspector.core.documents.parts import Ctx, addressee, appeal_text, body, closing, header, numbered
from inspector.core.documents.wording import problem_text


def story(ctx: Ctx) -> list:
    c = ctx.content
    flow = [*header(ctx), addressee(ctx)]
    flow.append(
        body(ctx, f"本机关于{cn_date(c['checked_on'])}现场检查时，发现你单位有下列违法违规行为和事故隐患：")
    )
    flow += numbered(ctx, [problem_text(p) for p in c["problems"]])
    flow.append(
        body(
            ctx,
            f"以上存在的问题无法保证安全生产，依据{c['office']['measures_basis']}的规定，"
            "现作出如下现场处理决定：",
        )
    )
    flow += numbered(ctx, c["measures"], last="。", sep="；")
    flow.append(closing(ctx, "被检查单位负责人（签名）：", keep_with=[body(ctx, appeal_text(c, "决定"))]))
    return flow
