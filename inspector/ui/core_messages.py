"""Core's messages in the interface's language.

Core speaks Chinese (the language of the documents and of the law it checks). The Chinese interface shows
its messages as they are; the English interface looks each one up here by core's template (``{}`` for the
parts core fills in) and shows the English wording with the same parts. A message not in the catalogue is
shown as core wrote it. tests/ui/test_core_messages.py checks that every message of the modules the field
app shows is here.
"""

from __future__ import annotations

import re
from functools import cache

# core's template → English, with the same {} parts in the same order
CATALOGUE = {
    # profile
    "请填写姓名": "Enter the name",
    "姓名不能超过 20 个字": "A name has at most 20 characters",
    "执法证号应为 4–32 位数字或字母（可含“-”）": "A certificate number has 4–32 digits or letters (“-” allowed)",
    "地区简称应为 1–4 个汉字，例如“库”，用于文书编号（库）应急责改〔2026〕1号": (
        "The region abbreviation is 1–4 Chinese characters, e.g. “库”, as in document numbers "
        "（库）应急责改〔2026〕1号"
    ),
    "请填写所在单位，例如“××州应急管理局”": "Enter the organisation, e.g. “××州应急管理局”",
    "请填写本机编号（1–{}）：由办公室为每台电脑分配，互不相同": (
        "Enter this laptop's number (1–{}): the office gives each computer its own"
    ),
    "本工作区已完成首次设置": "This workspace is already set up",
    "执法证号 {} 已属于 {}": "Certificate number {} already belongs to {}",
    "本工作区尚未完成首次设置": "This workspace is not set up yet",
    "名册中没有这位同事": "This colleague is not in the roster",
    # office
    "请填写发文机关名称": "Enter the issuing body",
    "整改期限应为 1–365 天": "A rectification deadline is 1–365 days",
    # inspections and answers
    "请选择被检查单位": "Choose the enterprise inspected",
    "检查类型应为：{}": "The kind of inspection is one of: {}",
    "请至少选择一份检查表": "Choose at least one checklist",
    "执法人员不得少于两人（《行政处罚法》第四十二条）：请至少选择一名同事": (
        "At least two inspectors (Administrative Penalty Law, article 42): tick at least one colleague"
    ),
    "没有这次检查：{}": "No such inspection: {}",
    "检查已结束：如需修改，请填写更正理由（将记入执法痕迹）": (
        "The inspection is finished: to change it, give a reason (kept in the audit trail)"
    ),
    "结论应为 合格、不合格 或 不适用": "The answer is pass, fail or not applicable",
    "请填写{}的测量值（{}），或判为不适用": "Type the reading of {} ({}), or answer not applicable",
    "这次检查已经结束": "This inspection is already finished",
    "未知的执法人员 {}": "Unknown inspector {}",
    "{} 没有执法证号": "{} has no certificate number",
    "没有检查表快照 {}": "No checklist snapshot {}",
    "检查表中没有条目 {}": "The checklist has no item {}",
    "条目 {} 不是测量项，不能填写测量值": "Item {} is not a measurement: it takes no reading",
    # findings and photos
    "只有判为不合格的检查项才能登记隐患": "Only a failed item can have a hazard recorded",
    "隐患等级应为 一般 或 重大": "The grade is general or major",
    "本条默认为{}，改为{}须写明理由": "This item is {} by default: changing it to {} needs a reason",
    "请填写隐患部位": "Enter the spot",
    "请填写问题描述": "Describe the problem",
    "整改期限不能早于检查日期": "The deadline cannot be before the inspection",
    "请先保存隐患记录，再添加照片": "Save the finding first, then add photos",
    "这张照片已不在该隐患记录中": "This photo is no longer part of the finding",
    "整改期限应为日期（年-月-日）": "The deadline is a date (year-month-day)",
    "这个数据库没有工作区目录，无法保存照片": "This database has no workspace folder: photos cannot be kept",
    "找不到照片文件：{}": "Photo file not found: {}",
    "{} 不是可识别的图片文件": "{} is not an image file that can be read",
    # enterprises
    "缺少单位名称": "The enterprise name is missing",
    "单位名称不能超过 100 个字": "An enterprise name has at most 100 characters",
    "统一社会信用代码应为 18 位，实际为 {} 位": "A unified social credit code has 18 characters, not {}",
    "统一社会信用代码第 3–8 位应为 6 位数字的行政区划码": (
        "Characters 3–8 of a unified social credit code are the 6-digit region code"
    ),
    "统一社会信用代码校验位错误：第 18 位应为“{}”，实际为“{}”": (
        "Wrong check character: the 18th character should be “{}”, not “{}”"
    ),
    "统一社会信用代码第 {} 位“{}”不是允许的字符（不使用 I、O、Z、S、V）": (
        "Character {} (“{}”) is not allowed in a unified social credit code (no I, O, Z, S, V)"
    ),
    "登记管理部门和机构类别代码“{}”不在已知范围内，请核对": (
        "Registration authority and organisation type “{}” are not among the known ones: please check"
    ),
    "未知行业“{}”，应为：{}": "Unknown sector “{}”; expected one of: {}",
    "统一社会信用代码已登记为“{}”": "This unified social credit code is already registered as “{}”",
    "统一社会信用代码已属于已删除的单位“{}”": "This code belongs to “{}”, removed from the register",
    # enterprise sheets
    "有 {} 行有问题，未导入任何数据": "{} rows have problems: nothing was imported",
    "与第 {} 行的统一社会信用代码相同": "Same unified social credit code as row {}",
    "已登记 {} 家名为“{}”的单位，无法确定更新哪一家；请填写统一社会信用代码": (
        "{} registered enterprises are named “{}”: which one to update is unclear; give the credit code"
    ),
    "与第 {} 行对应同一家已登记单位“{}”": "Row {} is the same registered enterprise “{}”",
    "与第 {} 行的单位名称相同": "Same enterprise name as row {}",
    "已登记的“{}”统一社会信用代码为 {}，与本行不同；如确为同一单位，请先在单位名录中更正其代码": (
        "“{}” is registered with code {}, not this row's; if it is the same enterprise, correct its code in "
        "the register first"
    ),
    "“{}”中找不到表头行：每个工作表的前 {} 行中，应有一行至少包含两个可识别的列名，例如{}": (
        "No header row in “{}”: within the first {} rows of a sheet, one row should have at least two known "
        "column names, e.g. {}"
    ),
    "找不到文件“{}”": "File not found: “{}”",
    "“{}”是文件夹，应为 Excel 工作簿（.xlsx）": "“{}” is a folder; expected an Excel workbook (.xlsx)",
    "“{}”是旧版 Excel 97-2003 工作簿（.xls），无法读取；请在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入": (
        "“{}” is an old Excel 97-2003 workbook (.xls), which cannot be read: save it as .xlsx in Excel or WPS, "
        "then import it"
    ),
    "“{}”不是 Excel 工作簿；应为 .xlsx 文件，请在 Excel 或 WPS 中另存为 .xlsx": (
        "“{}” is not an Excel workbook; expected a .xlsx file (save it as .xlsx in Excel or WPS)"
    ),
    "“{}”工作表“{}”第 {} 行是表头，但没有单位名称列；应有一列名为{}之一": (
        "In “{}”, sheet “{}”, row {} is the header but has no enterprise name column; one column should be "
        "named one of {}"
    ),
    "“{}”无法作为 Excel 工作簿（.xlsx）读取：文件可能已损坏、已加密或并非 Excel 文件；请在 Excel 或 WPS 中打开，确认无误后另存为 .xlsx": (
        "“{}” cannot be read as an Excel workbook (.xlsx): it may be damaged, encrypted or not an Excel file; "
        "open it in Excel or WPS, check it, and save it as .xlsx"
    ),
    "读取“{}”时出错：{}": "Error reading “{}”: {}",
    # document numbers
    "未知的文书种类“{}”，应为：{}": "Unknown document kind “{}”; expected one of: {}",
    "设备编号序列不能为负数": "A laptop number cannot be negative",
    "本机尚未初始化（缺少设备标识），无法编号": "This laptop is not set up (no device identity): no numbers",
    "尚未设置地区简称，无法生成文书编号（办公室设置 → 地区简称）": (
        "No region abbreviation yet, so no document number (Office settings → Region abbreviation)"
    ),
    "本机 {} 年“{}”的编号段已用完，请由办公室在设置中为本机分配新的编号段": (
        "This laptop has used up its {} numbers for “{}”: the office must give it a new block in the settings"
    ),
    "编号段应为正整数，且起始号不大于终止号": "A block is positive whole numbers, its first not above its last",
    "编号段 {}–{} 与已出具的文书 {} 重叠": "Block {}–{} overlaps document {}, already issued",
    "编号段起始号 {} 已被本机使用过，请换一个起始号": "This laptop already used {} as a first number: choose another",
    "编号段 {}–{} 与本机已用的 {}–{} 号重叠": "Block {}–{} overlaps numbers {}–{} this laptop has used",
    "本机尚未初始化（缺少设备标识），请先完成首次设置": "This laptop is not set up yet: finish the first run",
    "{} 中没有记录 {}": "{} has no record {}",
    # documents
    "检查尚未结束：请先结束检查，再出具文书": "The inspection is not finished: finish it, then issue documents",
    "执法人员不得少于两人（《行政处罚法》第四十二条）：这次检查只登记了一名执法人员": (
        "At least two inspectors (Administrative Penalty Law, article 42): this inspection names only one"
    ),
    "请先在办公室设置中填写行政复议的人民政府和行政诉讼的人民法院": (
        "First fill in the people's government for reconsideration and the people's court for litigation "
        "in the office settings"
    ),
    "这次检查没有发现问题，不需要出具责令限期整改指令书": "No problem was found: no rectification notice is needed",
    "没有需要现场处理的隐患（未填写现场处理措施），不需要出具现场处理措施决定书": (
        "No hazard needed immediate measures (none recorded): no measures decision is needed"
    ),
    "{} 不是责令限期整改指令书或现场处理措施决定书": "{} is neither a rectification notice nor a measures decision",
    "没有这份文书：{}": "No such document: {}",
    "找不到这家单位此前的责令限期整改指令书：复查意见书须指明所复查的文书": (
        "No earlier rectification notice of this enterprise: a re-check opinion names the notice it checks"
    ),
    "没有要更正的文书：{}": "No document to correct: {}",
    "{} 不是{}，不能用它来更正": "{} is not a {}: it cannot be corrected with this",
    "{} 已被更正过，请更正最新的那一份": "{} was already corrected: correct the latest one",
    "{} 的签名重复": "{} signed twice",
    "{} 不是本次检查的执法人员，不能在文书上签名": "{} is not an inspector of this inspection and cannot sign",
    "签名角色 {} 没有对应的执法人员（本次检查共 {} 人）": "Signing role {} has no inspector (this inspection has {})",
    "不能更正 {}：它是对「{}」另一次检查出具的文书，而这次检查的是「{}」（{}）。更正只能替换同一次检查的文书；未作任何更改": (
        "{} cannot be corrected here: it was issued for another inspection of “{}”, and this inspection is of “{}” "
        "({}). A correction replaces only a document of the same inspection; nothing was changed"
    ),
    "第{}项问题（{}：{}）只写了现场处理措施「{}」，没有选定法定措施：请在该问题的记录中勾选要采取的措施（{}），"
    "文字只作为具体要求，再出具现场处理措施决定书": (
        "Problem {} ({}: {}) has immediate measures written as text only («{}») and no statutory measure chosen: "
        "tick the measures ordered in its finding ({}); the text is only their detail. Then issue the measures "
        "decision"
    ),
    "未知的现场处理措施“{}”，应为：{}": "Unknown immediate measure “{}”: expected one of {}",
    # signing keys
    "请输入签名 PIN（6–12 位数字）": "Enter the signing PIN (6–12 digits)",
    "签名 PIN 应为 6–12 位数字": "A signing PIN has 6–12 digits",
    "存储的私钥与证书不匹配": "The stored private key does not match its certificate",
    "本机没有 {} 的有效签名密钥，请先用 PIN 创建": "This laptop has no valid signing key of {}: create one with a PIN",
    "签名 PIN 不正确": "Wrong signing PIN",
    # added with the hardening, documents and ledger work
    "{} 声明的像素过多（可能是“解压炸弹”文件），已拒绝": (
        "{} declares too many pixels (possibly a “decompression bomb”) and was refused"
    ),
    "{} 太大，内存不足以读取": "{} is too large to read with the memory available",
    "{} 有 {} MB，超过了照片的上限 {} MB；请用相机或手机另存为较小的 JPEG 后再添加": (
        "{} is {} MB, over the photo limit of {} MB; save it as a smaller JPEG on the camera or phone and add it again"
    ),
    "{} 签发于{}，晚于这次复查（{}）：复查意见书不能引用复查之后签发的文书": (
        "{} was issued on {}, after this re-check ({}): a re-check opinion cannot cite a document issued after it"
    ),
    "签名 PIN 的最少位数应为 6–12": "The minimum number of PIN digits is 6–12",
    "{}不能超过 {} 个字（现有 {} 个字）": "{} has at most {} characters ({} now)",
    "联系电话“{}”格式不对：应为电话号码，如 0996-2021234、13899012345，多个号码用顿号或逗号分隔": (
        "The phone “{}” is not a phone number: e.g. 0996-2021234 or 13899012345, several separated by 、 or ,"
    ),
    "工作区 {} 正被另一个程序长时间写入，请稍后再试；本次改动未保存": (
        "Workspace {} is being written by another program for a long time; try again later. This change was not saved"
    ),
    "重复隐患的追溯期应为 1–120 个月": "The repeat window is 1–120 months",
    # the ledger: hazards, transitions, re-checks, queries, export
    "没有这条隐患：{}": "No such hazard: {}",
    "请填写企业的整改情况报告": "Enter the enterprise's report on what it fixed",
    "请填写挂牌督办单位（如 县安委办）": "Enter the supervising body (e.g. 县安委办)",
    "请填写挂牌督办的理由": "Enter the reason for listed supervision",
    "督办整改期限不能早于今天": "The supervised deadline cannot be before today",
    "销号须经复查：请通过复查确认整改情况": "A hazard is closed only by a re-check: confirm the rectification in a re-check",
    "退回待整改须经复查：请通过复查记录未整改的情况": (
        "A hazard goes back to open only by a re-check: record that it is not fixed in a re-check"
    ),
    "新的整改期限应晚于复查日期": "The new deadline must be after the re-check day",
    "这条隐患已复查销号，不能再变更；如再次发现，请在检查中登记新的隐患": (
        "This hazard is closed after re-check and cannot change; if it is found again, record a new hazard "
        "in an inspection"
    ),
    "只有待整改的隐患才能开始整改（现为{}）": "Only an open hazard can start rectification (it is {})",
    "企业已报告整改完成，等待复查": "The enterprise has already reported it fixed; it awaits a re-check",
    "这条隐患已挂牌督办；挂牌只在复查销号时解除": (
        "This hazard is already listed for supervision; the listing is lifted only when it is closed"
    ),
    "未知的操作“{}”，应为：{}": "Unknown step “{}”; expected one of: {}",
    "{}应为日期（年-月-日），而不是“{}”": "{} should be a date (year-month-day), not “{}”",
    "隐患“{}{}”已在另一次复查中销号：本次复查不能再对它作出结论，请放弃这份复查草稿后重新开始": (
        "The hazard “{}{}” was closed by another re-check: this re-check can no longer decide it; discard "
        "this draft re-check and start again"
    ),
    "{} 不是出具给这家单位的": "{} was not issued to this enterprise",
    "复查日期 {} 不能早于 {} 的出具日期 {}": "The re-check day {} cannot be before {} was issued ({})",
    "{} 所列的隐患都已复查销号：没有待复查的隐患": (
        "Every hazard listed in {} is already closed: there is nothing to re-check"
    ),
    "请填写放弃这次复查的理由（将记入执法痕迹）": (
        "Give a reason for discarding this re-check (kept in the audit trail)"
    ),
    "这次复查的整改复查意见书已经出具，不能放弃": (
        "The re-check opinion of this re-check has been issued: it cannot be discarded"
    ),
    "没有这次复查：{}": "No such re-check: {}",
    "这次复查已经结束，不能再修改": "This re-check is finished and can no longer change",
    "这条隐患不在本次复查中": "This hazard is not part of this re-check",
    "还有 {} 条隐患未填写复查结论（如：{}{}）": "Hazards without a re-check outcome yet: {} (e.g. {}{})",
    "{} 已被更正后的 {} 取代：复查请针对 {}": "{} has been replaced by the corrected {}: re-check against {}",
    "这家单位没有已出具的责令限期整改指令书：复查须针对一份指令书": (
        "This enterprise has no issued rectification notice: a re-check answers a notice"
    ),
    "这家单位还有一次未完成的复查（针对 {}，{}）：请先完成或放弃它": (
        "This enterprise has an unfinished re-check (of {}, {}): finish or discard it first"
    ),
    "未知的状态“{}”，应为：{}": "Unknown status “{}”; expected one of: {}",
    "未知的等级“{}”，应为 general 或 major": "Unknown grade “{}”; expected general or major",
    "搜索内容应包含文字或数字": "A search needs letters, characters or digits",
    "不能按“{}”排序，可用：{}": "Cannot sort by “{}”; possible: {}",
    "台账中没有这条隐患：{}": "The ledger has no such hazard: {}",
    "不能按“{}”统计，可用：{}": "Cannot count by “{}”; possible: {}",
    "{}：导出文件应以 .xlsx 结尾": "{}: the export file name should end in .xlsx",
    "{}：文件夹不存在": "{}: the folder does not exist",
    "请填写{}": "Enter {}",
    # sync: the conflicts to review (core.sync.review, core.sync.rules, core.sync.plan)
    "{}：办公室“{}”，现场“{}”，保留{}的": "{}: office “{}”, field “{}”, kept the {} version",
    "隐患的台账状态和挂牌督办以办公室的决定为准，其余以现场记录为准": (
        "The hazard's ledger status and listing follow the office's decision; the rest follows the field record"
    ),
    "隐患的现场事实以现场记录为准；双方各自改动的字段都已保留": (
        "The hazard's field facts follow the field record; what each side changed alone is kept"
    ),
    "登记信息以办公室为准": "The register follows the office",
    "现场查明的事实以现场记录为准": "Facts found on site follow the field record",
    "同一统一社会信用代码的企业已登记为另一编号：并入已登记的记录，登记信息以办公室为准": (
        "An enterprise with the same unified social credit code is registered under another id: merged into "
        "the registered record; the register follows the office"
    ),
}


# Set by app.install_translators: "en" shows core's messages in English; otherwise (Chinese, or a test that
# installs no translator) they are shown as core wrote them.
_language = {"lang": None}


def set_language(lang: str | None) -> None:
    _language["lang"] = lang


# Chinese words core fills into its messages, in English
PARTS = {
    "重大事故隐患": "a major hazard",
    "一般事故隐患": "a general hazard",
    "新的整改期限": "the new deadline",
    "督办整改期限": "the supervised deadline",
    "待整改": "open",
    "整改中": "being rectified",
    "已整改待复查": "reported fixed",
    "已复查销号": "closed",
}
PARTS = {"重大事故隐患": "a major hazard", "一般事故隐患": "a general hazard"}
# … and in a conflict to review: the two sides, the columns' labels (core.sync.review.COLUMN_LABELS), the values
PARTS.update(
    {
        "办公室": "office's",
        "现场": "field's",
        "是": "yes",
        "否": "no",
        "待整改": "open",
        "整改中": "in progress",
        "已整改待复查": "rectified, to re-check",
        "已复查销号": "verified and closed",
        "未结束": "not finished",
        "已结束": "finished",
        "编号": "Id",
        "名称": "Name",
        "统一社会信用代码": "Unified social credit code",
        "行业": "Sector",
        "所属区域": "Region",
        "地址": "Address",
        "主要负责人": "Legal representative",
        "职务": "Title",
        "联系电话": "Phone",
        "备注": "Notes",
        "执法证号": "Certificate number",
        "所在单位": "Organisation",
        "在岗": "Active",
        "类型": "Kind",
        "检查场所": "Place inspected",
        "状态": "Status",
        "开始时间": "Started",
        "结束时间": "Finished",
        "结论": "Answer",
        "测量值": "Reading",
        "说明": "Note",
        "隐患部位": "Spot",
        "问题描述": "Description",
        "依据": "Basis",
        "隐患等级": "Grade",
        "默认等级": "Default grade",
        "改变等级的理由": "Reason for the grade",
        "重大隐患判定标准": "Major hazard criterion",
        "整改期限": "Deadline",
        "现场处理措施": "Immediate measures",
        "挂牌督办": "Listed for supervision",
        "督办期限": "Supervision deadline",
        "整改完成时间": "Rectified at",
        "复查销号时间": "Verified at",
        "照片说明": "Caption",
        "复查日期": "Re-checked on",
        "已整改": "Rectified",
        "新的整改期限": "New deadline",
        "理由": "Reason",
        "删除时间": "Deleted at",
        "创建时间": "Created at",
        "来源设备": "Origin device",
        "企业编号": "Enterprise id",
        "检查编号": "Inspection id",
        "问题编号": "Finding id",
        "隐患编号": "Hazard id",
        "复查编号": "Re-check id",
        "文书编号": "Document id",
        "检查项": "Checklist item",
        "签发时间": "Issued at",
        "文号": "Document number",
        "签名人": "Signer",
        "原状态": "From status",
        "新状态": "To status",
        "时间": "Time",
        "督办机关": "Listing body",
        "顺序": "Position",
    }
)


@cache
def _patterns() -> list[tuple[re.Pattern, str]]:
    found = []
    for chinese, english in CATALOGUE.items():
        pattern = "".join(
            "(.+?)" if part == "{}" else re.escape(part) for part in re.split(r"(\{\})", chinese)
        )
        found.append((re.compile(pattern, re.S), english))
    return found


def english(message: str) -> str:
    """Core's Chinese message in English, or as it is when the catalogue does not know it."""
    for pattern, text in _patterns():
        match = pattern.fullmatch(message)
        if match:
            pieces = text.split("{}")
            parts = [PARTS.get(g, g) for g in match.groups()]
            return pieces[0] + "".join(g + p for g, p in zip(parts, pieces[1:], strict=True))
    return message


def is_english() -> bool:
    return _language["lang"] == "en"


def core_text(error: BaseException | str) -> str:
    """What to show for a core error in the interface's language (Chinese shows core's own words)."""
    message = str(error)
    return english(message) if _language["lang"] == "en" else message
