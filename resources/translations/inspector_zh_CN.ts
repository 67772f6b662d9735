<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Background</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>ChecklistTableModel</name>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目数</translation>
    </message>
    <message>
        <source>Major-hazard items</source>
        <translation>重大隐患条目</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>How to check: %1</source>
        <translation>检查方法：%1</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>检查依据：%1</translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message numerus="yes">
        <source>%n checklist(s) available</source>
        <translation>
            <numerusform>共 %n 份检查表可用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be loaded. Correct them and open this page again:</source>
        <translation>
            <numerusform>有 %n 个文件未能载入，请改正后重新打开本页：</numerusform>
        </translation>
    </message>
    <message>
        <source>stored snapshot</source>
        <translation>已保存的快照</translation>
    </message>
    <message>
        <source>ID %1 · effective %2 · file %3</source>
        <translation>编号 %1 · 施行日期 %2 · 文件 %3</translation>
    </message>
</context>
<context>
    <name>ColleagueDialog</name>
    <message>
        <source>Correct a colleague</source>
        <translation>更正同事信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Type a date such as 2026-11-20, or pick one from the calendar (Alt+Down)</source>
        <translation>输入日期，如 2026-11-20；或点右侧箭头从日历中选择</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页显示</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>没有文书</translation>
    </message>
    <message>
        <source>This PDF cannot be shown</source>
        <translation>无法显示此 PDF</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Print document</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>DocumentWindow</name>
    <message>
        <source>Sign and issue…</source>
        <translation>签署并签发…</translation>
    </message>
    <message>
        <source>%1 — draft, not yet issued</source>
        <translation>%1（样稿，尚未签发）</translation>
    </message>
    <message>
        <source>Read the draft with the enterprise&apos;s head, then sign and issue it.</source>
        <translation>请与被检查单位负责人一同核对样稿，确认无误后签署并签发。</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Documents:</source>
        <translation>执法文书：</translation>
    </message>
    <message>
        <source>Issued: open the stored PDF, or issue a correction</source>
        <translation>已签发：可打开存档的 PDF，或出具更正文书</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Issue a correction…</source>
        <translation>出具更正文书…</translation>
    </message>
    <message>
        <source>Sign and issue</source>
        <translation>签署并签发</translation>
    </message>
    <message>
        <source>Finish the inspection first</source>
        <translation>请先结束检查</translation>
    </message>
    <message>
        <source>Document not issued</source>
        <translation>文书未签发</translation>
    </message>
    <message>
        <source>%1 stays as it was issued. A correction gets a new number, states that it replaces %1, and is signed again. Issue a correction now?</source>
        <translation>%1 保持签发时的原样不变。更正文书使用新的编号，注明更正 %1，并需重新签名。现在出具更正文书吗？</translation>
    </message>
    <message>
        <source>Issue a correction</source>
        <translation>出具更正文书</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>%1, enter your PIN to sign.</source>
        <translation>%1，请输入 PIN 进行数字签名。</translation>
    </message>
    <message>
        <source>Re-check…</source>
        <translation>复查…</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <source>Edit enterprise</source>
        <translation>修改被检查单位</translation>
    </message>
    <message>
        <source>New enterprise</source>
        <translation>新增被检查单位</translation>
    </message>
    <message>
        <source>18 characters; leave empty if the enterprise has none</source>
        <translation>18位；没有统一社会信用代码的可不填</translation>
    </message>
    <message>
        <source>county, city or development zone</source>
        <translation>县（市）、区或开发区</translation>
    </message>
    <message>
        <source>e.g. general manager, mine manager</source>
        <translation>如：总经理、矿长</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>单位名称 *</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所属地区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Legal representative (person in charge)</source>
        <translation>法定代表人（负责人）</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 of 18 characters</source>
        <translation>已输入 %1 位，共 18 位</translation>
    </message>
    <message>
        <source>Check character is correct</source>
        <translation>校验位正确</translation>
    </message>
</context>
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <source>Enterprise name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所属地区</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <source>Search by any part of the name or credit code</source>
        <translation>输入单位名称或统一社会信用代码的任意部分查找</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从Excel导入…</translation>
    </message>
    <message>
        <source>No enterprises registered yet: add one, or import an Excel sheet.</source>
        <translation>尚未登记被检查单位：请点“新增”，或从Excel表格导入。</translation>
    </message>
    <message>
        <source>%1 of %2 enterprises match</source>
        <translation>共 %2 家，符合条件的 %1 家</translation>
    </message>
    <message>
        <source>%1 enterprises</source>
        <translation>共 %1 家</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Import enterprises from Excel</source>
        <translation>从Excel导入被检查单位</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated</source>
        <translation>已导入：新增 %1 家，更新 %2 家</translation>
    </message>
    <message>
        <source>, %1 rejected rows skipped</source>
        <translation>，跳过有问题的 %1 行</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患台账</translation>
    </message>
    <message>
        <source>Re-check…</source>
        <translation>复查…</translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <source>Where exactly, e.g. No. 2 tank farm, east side</source>
        <translation>具体部位，如：2号罐区东侧</translation>
    </message>
    <message>
        <source>General hazard</source>
        <translation>一般事故隐患</translation>
    </message>
    <message>
        <source>Major hazard</source>
        <translation>重大事故隐患</translation>
    </message>
    <message>
        <source>Why the grade differs from the checklist&apos;s criterion</source>
        <translation>与检查表判定依据不一致的理由（必填）</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Spot</source>
        <translation>隐患部位</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Immediate measures</source>
        <translation>现场处理措施</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>Why is %1 removed? (kept in the audit trail; the file itself is kept)</source>
        <translation>为什么移除 %1？（理由记入执法痕迹；照片文件本身仍保留）</translation>
    </message>
    <message>
        <source>same item</source>
        <translation>同一检查项</translation>
    </message>
    <message>
        <source>Evacuate workers from the danger area</source>
        <translation>从危险区域内撤出作业人员</translation>
    </message>
    <message>
        <source>Suspend production or business</source>
        <translation>暂时停产停业</translation>
    </message>
    <message>
        <source>Stop using the facilities or equipment</source>
        <translation>停止使用相关设施、设备</translation>
    </message>
    <message>
        <source>Details of the measures ticked above (optional)</source>
        <translation>所选措施的具体要求（可不填）</translation>
    </message>
    <message>
        <source>For a major hazard: tick the measures ordered above; details of them here</source>
        <translation>重大事故隐患：请在上方勾选责令采取的措施，此处填写具体要求</translation>
    </message>
    <message>
        <source>same spot</source>
        <translation>同一部位</translation>
    </message>
    <message numerus="yes">
        <source>Repeat hazard: found here %n time(s) before</source>
        <translation>
            <numerusform>重复隐患：该单位此前已发现 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n photo(s) …</source>
        <translation>
            <numerusform>正在添加 %n 张照片…</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding photos was cancelled: none of them was added.</source>
        <translation>已取消添加照片：所选照片均未添加。</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) not added:</source>
        <translation>
            <numerusform>有 %n 张照片未添加：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <source>Finish inspection</source>
        <translation>结束检查</translation>
    </message>
    <message>
        <source>Finish the inspection now? Later changes will be recorded as amendments.</source>
        <translation>现在结束检查吗？结束后的修改将作为更正记入执法痕迹。</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>否，返回检查</translation>
    </message>
    <message>
        <source>Yes, finish</source>
        <translation>是，结束检查</translation>
    </message>
    <message>
        <source>Go to the item</source>
        <translation>转到该项</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) still open. Double-click one (or press Enter) to go to it.</source>
        <translation>
            <numerusform>还有 %n 个问题未处理。双击（或按回车）转到该项。</numerusform>
        </translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>failed, but no spot recorded</source>
        <translation>不合格，但未填写隐患部位</translation>
    </message>
    <message>
        <source>failed, and needs a photo</source>
        <translation>不合格，须拍照</translation>
    </message>
    <message>
        <source>major hazard without immediate measures</source>
        <translation>重大事故隐患，未填写现场处理措施</translation>
    </message>
    <message>
        <source>%1: %2. %3</source>
        <translation>%1：%2. %3</translation>
    </message>
    <message>
        <source>Items checked: %1 of %2
Failed: %3
Hazards recorded: %4, of which major: %5
Photos: %6</source>
        <translation>已检查：%1 / %2 项
不合格：%3 项
登记隐患：%4 项，其中重大事故隐患 %5 项
照片：%6 张</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Inspector</source>
        <translation>欢迎使用安全生产执法检查系统</translation>
    </message>
    <message>
        <source>Before the first inspection, tell us who uses this computer. These details are printed on every enforcement document.</source>
        <translation>首次使用前，请填写本机使用人的信息。这些信息将印在每一份执法文书上。</translation>
    </message>
    <message>
        <source>e.g. Zhang Wei</source>
        <translation>如：张伟</translation>
    </message>
    <message>
        <source>law-enforcement certificate number</source>
        <translation>行政执法证件号码</translation>
    </message>
    <message>
        <source>e.g. Bayingolin Emergency Management Bureau</source>
        <translation>如：巴音郭楞蒙古自治州应急管理局</translation>
    </message>
    <message>
        <source>e.g. 库</source>
        <translation>如：库</translation>
    </message>
    <message>
        <source>— ask the office —</source>
        <translation>— 请向办公室询问 —</translation>
    </message>
    <message>
        <source>Each laptop of the office needs its own number, so that two laptops working offline never issue the same document number.</source>
        <translation>办公室为每台电脑分配不同的编号，确保两台离线工作的电脑不会出具相同文号的文书。</translation>
    </message>
    <message>
        <source>Inspector name</source>
        <translation>执法人员姓名</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Region abbreviation</source>
        <translation>地区简称</translation>
    </message>
    <message>
        <source>Laptop number (from the office)</source>
        <translation>本机编号（由办公室分配）</translation>
    </message>
    <message>
        <source>the organisation, unless the office says otherwise</source>
        <translation>默认为所在单位，办公室另有规定的除外</translation>
    </message>
    <message>
        <source>e.g. 巴音郭楞蒙古自治州 (printed before 人民政府)</source>
        <translation>例如：巴音郭楞蒙古自治州（打印在“人民政府”之前）</translation>
    </message>
    <message>
        <source>e.g. 库尔勒市 (printed before 人民法院)</source>
        <translation>例如：库尔勒市（打印在“人民法院”之前）</translation>
    </message>
    <message>
        <source>For issuing documents (may be filled in later)</source>
        <translation>出具文书所需（可以以后再填）</translation>
    </message>
    <message>
        <source>Notices name the people&apos;s government for administrative reconsideration and the people&apos;s court for litigation. Ask the office; until they are set, documents cannot be issued (Settings → Office settings).</source>
        <translation>责令限期整改指令书须写明申请行政复议的人民政府和提起行政诉讼的人民法院。请向办公室询问；填写之前无法出具文书（设置 → 办公室设置）。</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>执法机关名称</translation>
    </message>
    <message>
        <source>Government for reconsideration</source>
        <translation>行政复议的人民政府</translation>
    </message>
    <message>
        <source>Court for litigation</source>
        <translation>行政诉讼的人民法院</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Field laptop (inspections, documents, export)</source>
        <translation>外业笔记本（检查、文书、导出）</translation>
    </message>
    <message>
        <source>Office (import from laptops, ledger, packages)</source>
        <translation>办公室（汇总各笔记本、台账、下发同步包）</translation>
    </message>
    <message>
        <source>Shown in the title; can be changed later only on purpose (Sync page).</source>
        <translation>显示在窗口标题中；以后只能在“同步”页面有意切换。</translation>
    </message>
    <message>
        <source>This workspace is</source>
        <translation>本工作区用于</translation>
    </message>
</context>
<context>
    <name>HazardPanel</name>
    <message>
        <source>Rectification started</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <source>Reported fixed…</source>
        <translation>企业报告已整改…</translation>
    </message>
    <message>
        <source>List for supervision…</source>
        <translation>挂牌督办…</translation>
    </message>
    <message>
        <source>Re-check…</source>
        <translation>复查…</translation>
    </message>
    <message>
        <source>Choose a hazard in the ledger to see its history.</source>
        <translation>在台账中选择一条隐患，查看其详情和整改过程。</translation>
    </message>
    <message>
        <source>Grade: %1 · Status: %2</source>
        <translation>等级：%1 · 状态：%2</translation>
    </message>
    <message>
        <source>Found %1 by %2 · deadline %3</source>
        <translation>%1 由 %2 检查发现 · 整改期限 %3</translation>
    </message>
    <message>
        <source>Overdue by %1 days</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <source>Under listed supervision</source>
        <translation>挂牌督办中</translation>
    </message>
    <message>
        <source>Listed supervision is suggested</source>
        <translation>建议挂牌督办</translation>
    </message>
    <message numerus="yes">
        <source>Repeat: %n earlier hazard(s)</source>
        <translation>
            <numerusform>重复隐患：此前已发现 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>整改过程</translation>
    </message>
    <message>
        <source>rectification started</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <source>reported fixed</source>
        <translation>企业报告已整改</translation>
    </message>
    <message>
        <source>listed for supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>closed after re-check</source>
        <translation>复查销号</translation>
    </message>
    <message>
        <source>not fixed at re-check</source>
        <translation>复查未整改</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome, %1</source>
        <translation>%1，您好</translation>
    </message>
    <message>
        <source>Certificate %1 · %2</source>
        <translation>执法证号 %1 · %2</translation>
    </message>
    <message>
        <source>New inspection…</source>
        <translation>新建检查…</translation>
    </message>
    <message>
        <source>Demo workspace: sample inspector, colleagues and enterprises, kept apart from real data. Documents issued here are not real.</source>
        <translation>演示工作区：示例执法人员、同事和企业，与真实数据分开保存。在此出具的文书不是真实文书。</translation>
    </message>
    <message>
        <source>Correct my details…</source>
        <translation>更正我的信息…</translation>
    </message>
    <message>
        <source>Office settings…</source>
        <translation>办公室设置…</translation>
    </message>
    <message>
        <source>Unfinished inspections</source>
        <translation>未完成的检查</translation>
    </message>
    <message>
        <source>the issuing body</source>
        <translation>执法机关名称</translation>
    </message>
    <message>
        <source>the region abbreviation of document numbers</source>
        <translation>文书编号的地区简称</translation>
    </message>
    <message>
        <source>the people&apos;s government for reconsideration</source>
        <translation>行政复议的人民政府</translation>
    </message>
    <message>
        <source>the people&apos;s court for litigation</source>
        <translation>行政诉讼的人民法院</translation>
    </message>
    <message>
        <source>Issuing documents needs these office settings: %1.</source>
        <translation>出具文书还需要以下办公室设置：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n enterprise(s) registered</source>
        <translation>
            <numerusform>已登记 %n 家被检查单位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s) this year</source>
        <translation>
            <numerusform>今年已检查 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open hazard(s)</source>
        <translation>
            <numerusform>待整改隐患 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>(major: %1)</source>
        <translation>（其中重大 %1 项）</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续检查</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Hazards due for re-check</source>
        <translation>待复查的隐患（回头看）</translation>
    </message>
    <message numerus="yes">
        <source>Never exported: %n record(s) to take to the office.</source>
        <translation>
            <numerusform>尚未导出过：共 %n 条记录待带回办公室。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not yet exported: %n record(s) changed since the last export.</source>
        <translation>
            <numerusform>尚未导出：自上次导出以来有 %n 条记录改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything has been exported.</source>
        <translation>所有改动均已导出。</translation>
    </message>
    <message numerus="yes">
        <source>Exported but not yet acknowledged by the office: %n record(s).</source>
        <translation>
            <numerusform>已导出、尚待办公室确认：%n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source> (listed)</source>
        <translation>（挂牌督办）</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import enterprises from Excel</source>
        <translation>从Excel导入被检查单位</translation>
    </message>
    <message>
        <source>Read the file again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import good rows only</source>
        <translation>仅导入无问题的行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>正在读取 %1 …</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>已取消读取。</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>File: %1 — sheet “%2”, headings on row %3</source>
        <translation>文件：%1 — 工作表“%2”，表头在第 %3 行</translation>
    </message>
    <message>
        <source>Rows read: %1 · to add: %2 · to update: %3 · unchanged: %4 · rejected: %5</source>
        <translation>共读取 %1 行 · 新增 %2 · 更新 %3 · 无变化 %4 · 有问题 %5</translation>
    </message>
    <message>
        <source>Columns not used: %1</source>
        <translation>未使用的列：%1</translation>
    </message>
    <message>
        <source>Rows with problems are listed below. Correct them in the sheet and read it again, or import the good rows only.</source>
        <translation>以下各行有问题。请在表格中改正后点“重新读取”，或只导入没有问题的行。</translation>
    </message>
    <message>
        <source>Nothing to import: every row is already in the register.</source>
        <translation>没有需要导入的内容：表中各行均已登记，信息也没有变化。</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n row(s) …</source>
        <translation>
            <numerusform>正在导入 %n 行…</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>已取消导入：未导入任何数据。</translation>
    </message>
    <message>
        <source>Not enough memory to import this sheet: nothing was imported.</source>
        <translation>内存不足，无法导入此表格：未导入任何数据。</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <source>Enterprise</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重大隐患</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <source>New inspection…</source>
        <translation>新建检查…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>← All inspections</source>
        <translation>← 返回检查列表</translation>
    </message>
    <message>
        <source>Finding not saved</source>
        <translation>隐患记录未保存</translation>
    </message>
    <message>
        <source>The open finding cannot be saved yet: %1
Leave anyway and lose what was typed there?</source>
        <translation>当前隐患记录尚不能保存：%1
仍要离开并放弃其中已填写的内容吗？</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>Pass [1]</source>
        <translation>合格 [1]</translation>
    </message>
    <message>
        <source>Fail [2]</source>
        <translation>不合格 [2]</translation>
    </message>
    <message>
        <source>Not applicable [3]</source>
        <translation>不适用 [3]</translation>
    </message>
    <message>
        <source>How to check: %1</source>
        <translation>检查方法：%1</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>检查依据：%1</translation>
    </message>
    <message>
        <source>Major-hazard criterion: %1</source>
        <translation>重大隐患判定依据：%1</translation>
    </message>
    <message>
        <source>A failed answer needs a photo.</source>
        <translation>判为不合格时须拍照取证。</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>限值 %1</translation>
    </message>
    <message>
        <source>Combined judgement %1: %2 of these %3 conditions failing together make a major hazard; %4 failing now.</source>
        <translation>综合判定 %1：以下 %3 项中有 %2 项同时不合格即判定为重大事故隐患；目前不合格 %4 项。</translation>
    </message>
</context>
<context>
    <name>LedgerFilters</name>
    <message>
        <source>Search enterprise, spot or hazard (1 character or more)</source>
        <translation>搜索单位、部位或隐患内容（可输入一个字）</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any grade</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Any sector</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>Any region</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>Any inspector</source>
        <translation>全部执法人员</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复隐患</translation>
    </message>
    <message>
        <source>Listed supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>One enterprise…</source>
        <translation>指定单位…</translation>
    </message>
    <message>
        <source>Show every enterprise&apos;s hazards</source>
        <translation>显示所有单位的隐患</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Found from</source>
        <translation>发现日期 从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>%1  ✕</source>
        <translation>%1  ✕</translation>
    </message>
</context>
<context>
    <name>LedgerLabels</name>
    <message>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>Being rectified</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Reported fixed, awaiting re-check</source>
        <translation>已整改待复查</translation>
    </message>
    <message>
        <source>Closed after re-check</source>
        <translation>已复查销号</translation>
    </message>
    <message>
        <source>General hazard</source>
        <translation>一般事故隐患</translation>
    </message>
    <message>
        <source>Major hazard</source>
        <translation>重大事故隐患</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <source>Spot</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>隐患内容</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>挂牌</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>%1 · overdue %2 d</source>
        <translation>%1 · 逾期 %2 天</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message numerus="yes">
        <source>%n hazard(s)</source>
        <translation>
            <numerusform>共 %n 条隐患</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出隐患台账</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the ledger…</source>
        <translation>正在导出隐患台账…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export cancelled: no file written.</source>
        <translation>已取消导出，未写入文件。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1 hazards exported to %2</source>
        <translation>已导出 %1 条隐患到 %2</translation>
    </message>
</context>
<context>
    <name>ListingDialog</name>
    <message>
        <source>List for supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>e.g. 县安委办</source>
        <translation>如：县安委办</translation>
    </message>
    <message>
        <source>Major hazard</source>
        <translation>重大事故隐患</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期未整改</translation>
    </message>
    <message>
        <source>Listing body</source>
        <translation>督办单位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>督办理由</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>督办整改期限</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — DEMO workspace (sample data)</source>
        <translation>%1 — 演示工作区（示例数据）</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>现场检查</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Unfinished inspection</source>
        <translation>未完成的检查</translation>
    </message>
    <message>
        <source>The inspection of %1 started %2 is not finished. Continue it now?</source>
        <translation>%2 开始的对“%1”的检查尚未结束，是否继续？</translation>
    </message>
    <message>
        <source>Read-only: the database or folder of this workspace (%1) cannot be written. You can look at everything, but nothing can be saved.</source>
        <translation>只读：本工作区（%1）的数据库或文件夹不可写。可以查看全部内容，但不能保存任何改动。</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>隐患台账</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Office workspace</source>
        <translation>办公室工作区</translation>
    </message>
    <message>
        <source>Field workspace</source>
        <translation>外业工作区</translation>
    </message>
    <message>
        <source>Inspector — work-safety inspection — %1</source>
        <translation>安全生产执法检查 — %1</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <source>Colleagues…</source>
        <translation>同事名单…</translation>
    </message>
    <message>
        <source>e.g. production area, tank farm and warehouse</source>
        <translation>如：生产区、罐区及仓库</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>被检查单位</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <source>Inspectors (at least two)</source>
        <translation>执法人员（不少于两人）</translation>
    </message>
    <message>
        <source>Place inspected</source>
        <translation>检查场所</translation>
    </message>
    <message>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <source>%1 (certificate %2)</source>
        <translation>%1（执法证号 %2）</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>同事名单</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %3, %n item(s))</source>
        <translation>
            <numerusform>%1（%2，%3，%n 项）</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the enterprise from the list (type part of its name, then pick it).</source>
        <translation>请从列表中选择被检查单位（输入名称的一部分，再从列表中点选）。</translation>
    </message>
    <message>
        <source>Type part of the name or credit code</source>
        <translation>输入单位名称或统一社会信用代码的一部分</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message>
        <source>Office settings</source>
        <translation>办公室设置</translation>
    </message>
    <message>
        <source>e.g. 巴音郭楞蒙古自治州 (printed before 人民政府)</source>
        <translation>例如 巴音郭楞蒙古自治州（打印在“人民政府”之前）</translation>
    </message>
    <message>
        <source>e.g. 库尔勒市 (printed before 人民法院)</source>
        <translation>例如 库尔勒市（打印在“人民法院”之前）</translation>
    </message>
    <message>
        <source>Print the number of major hazards on notices</source>
        <translation>在指令书上打印“其中重大事故隐患…项”</translation>
    </message>
    <message>
        <source>Require a passphrase of 12 or more characters instead</source>
        <translation>改为要求 12 个字以上的签名口令</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>执法机关名称</translation>
    </message>
    <message>
        <source>Region abbreviation</source>
        <translation>地区简称</translation>
    </message>
    <message>
        <source>Government for reconsideration</source>
        <translation>行政复议的人民政府</translation>
    </message>
    <message>
        <source>Court for litigation</source>
        <translation>行政诉讼的人民法院</translation>
    </message>
    <message>
        <source>Deadline of a general hazard (days)</source>
        <translation>一般事故隐患整改期限（天）</translation>
    </message>
    <message>
        <source>Deadline of a major hazard (days)</source>
        <translation>重大事故隐患整改期限（天）</translation>
    </message>
    <message>
        <source>Signing PIN: at least (digits)</source>
        <translation>签名 PIN 最少位数</translation>
    </message>
    <message>
        <source>Legal basis of immediate measures</source>
        <translation>现场处理措施的法律依据</translation>
    </message>
    <message>
        <source>Document font file</source>
        <translation>文书字体文件</translation>
    </message>
    <message>
        <source>Document numbers of this device</source>
        <translation>本机的文书编号</translation>
    </message>
    <message>
        <source>Each laptop needs its own series: series n numbers n×1000+1 … n×1000+999, unless a block is set below.</source>
        <translation>每台笔记本须使用各自的编号序列：序列 n 使用 n×1000+1 至 n×1000+999 号，除非在下方为其分配了编号段。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>First</source>
        <translation>起始号</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>终止号</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Set block</source>
        <translation>分配编号段</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>编号序列</translation>
    </message>
    <message>
        <source>Choose a Chinese TrueType font</source>
        <translation>选择中文 TrueType 字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>Documents are set in %1</source>
        <translation>文书使用字体：%1</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>照片 (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>View full size</source>
        <translation>查看原图</translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation>向右旋转</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>向左旋转</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>Warning: </source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列名</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>My details</source>
        <translation>我的信息</translation>
    </message>
    <message>
        <source>These details are printed on every document issued from now on. Documents already issued keep the details they were signed with.</source>
        <translation>这些信息将印在今后出具的每一份文书上。已出具的文书保持签署时的信息不变。</translation>
    </message>
    <message>
        <source>Each laptop of the office needs its own number, so that two laptops working offline never issue the same document number.</source>
        <translation>办公室为每台电脑分配不同的编号，确保两台离线工作的电脑不会出具相同文号的文书。</translation>
    </message>
    <message>
        <source>Inspector name</source>
        <translation>执法人员姓名</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Laptop number (from the office)</source>
        <translation>本机编号（由办公室分配）</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) were already numbered on this laptop (for example %1). They keep their numbers. These number blocks stay in use until they run out: %2. Laptop number %3 applies only to document kinds and years without a block yet. Change it?</source>
        <translation>
            <numerusform>本机已编号 %n 份文书（例如 %1），它们的文号保持不变。以下编号段继续使用，直至用完：%2。本机编号 %3 只适用于尚无编号段的文书种类和年度。确定修改吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the laptop number</source>
        <translation>修改本机编号</translation>
    </message>
</context>
<context>
    <name>RecheckDialog</name>
    <message>
        <source>Re-check — %1</source>
        <translation>复查 — %1</translation>
    </message>
    <message>
        <source>Re-check of %1</source>
        <translation>复查：%1</translation>
    </message>
    <message>
        <source>Start the re-check</source>
        <translation>开始复查</translation>
    </message>
    <message>
        <source>Inspectors (at least two)</source>
        <translation>执法人员（不少于两人）</translation>
    </message>
    <message>
        <source>Re-check on %1 of the hazards in %2</source>
        <translation>%1 复查 %2 所列隐患</translation>
    </message>
    <message>
        <source>Discard this re-check</source>
        <translation>放弃这次复查</translation>
    </message>
    <message>
        <source>The re-check, its outcomes and its visit are discarded. Why?</source>
        <translation>这次复查、已填写的复查结论及其复查检查记录将被放弃。请填写理由：</translation>
    </message>
    <message>
        <source>Spot</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>隐患内容</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Not rectified</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>What was seen at the re-check</source>
        <translation>复查时看到的情况</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>保存，下一条</translation>
    </message>
    <message>
        <source>Finish and issue the opinion…</source>
        <translation>完成复查，出具意见书…</translation>
    </message>
    <message>
        <source>Discard this re-check…</source>
        <translation>放弃这次复查…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>复查情况</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新的整改期限</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>not yet judged</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>not rectified, new deadline %1</source>
        <translation>未整改，新期限 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) recorded</source>
        <translation>
            <numerusform>已记录 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Choose rectified or not rectified.</source>
        <translation>请选择已整改或未整改。</translation>
    </message>
    <message>
        <source>Document not issued</source>
        <translation>文书未出具</translation>
    </message>
    <message>
        <source>Issued: %1</source>
        <translation>已出具：%1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Enterprise reports it fixed</source>
        <translation>企业报告已整改</translation>
    </message>
    <message>
        <source>What the enterprise did, as its report says</source>
        <translation>按企业整改报告填写所采取的措施</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>整改情况报告</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>RosterBox</name>
    <message>
        <source>Colleagues (the second inspector on a visit)</source>
        <translation>同事名单（现场检查的另一名执法人员）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Correct the colleague&apos;s name or certificate number</source>
        <translation>更正同事的姓名或执法证号</translation>
    </message>
    <message>
        <source>No longer on the team</source>
        <translation>已调离（不再列出）</translation>
    </message>
    <message>
        <source>%1 (certificate %2)</source>
        <translation>%1（执法证号 %2）</translation>
    </message>
    <message>
        <source>no longer on the team</source>
        <translation>已调离</translation>
    </message>
    <message>
        <source>Back on the team</source>
        <translation>恢复列出</translation>
    </message>
</context>
<context>
    <name>RunnerStatus</name>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Failed %1 · major %2</source>
        <translation>不合格 %1 · 重大隐患 %2</translation>
    </message>
</context>
<context>
    <name>RunnerWidget</name>
    <message>
        <source>Finish inspection…</source>
        <translation>结束检查…</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Change a finished inspection, with a reason kept in the audit trail</source>
        <translation>修改已结束的检查，更正理由记入执法痕迹</translation>
    </message>
    <message>
        <source>All [Ctrl+1]</source>
        <translation>全部 [Ctrl+1]</translation>
    </message>
    <message>
        <source>Unanswered [Ctrl+2]</source>
        <translation>未检查 [Ctrl+2]</translation>
    </message>
    <message>
        <source>Failed [Ctrl+3]</source>
        <translation>不合格 [Ctrl+3]</translation>
    </message>
    <message>
        <source>Find an item [Ctrl+F]</source>
        <translation>查找检查项 [Ctrl+F]</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All answers saved</source>
        <translation>所有记录均已保存</translation>
    </message>
    <message>
        <source>Amend a finished inspection</source>
        <translation>更正已结束的检查</translation>
    </message>
    <message>
        <source>This inspection is finished. Why is it being changed? (recorded in the audit trail)</source>
        <translation>本次检查已结束。请说明更正理由（将记入执法痕迹）：</translation>
    </message>
    <message>
        <source>Not changed: an amendment needs a reason.</source>
        <translation>未修改：更正须填写理由。</translation>
    </message>
    <message>
        <source>Amending: %1</source>
        <translation>更正中：%1</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>This inspection is already finished.</source>
        <translation>本次检查已经结束。</translation>
    </message>
    <message>
        <source>Inspection finished</source>
        <translation>检查已结束</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Office settings…</source>
        <translation>办公室设置…</translation>
    </message>
    <message>
        <source>Issuing body, region abbreviation, government and court, deadlines, document numbers</source>
        <translation>发文机关、地区简称、复议机关和人民法院、整改期限、文书编号</translation>
    </message>
    <message>
        <source>My details…</source>
        <translation>我的信息…</translation>
    </message>
    <message>
        <source>Name, certificate number, organisation and laptop number, printed on every document</source>
        <translation>姓名、执法证号、所在单位和本机编号，印在每一份文书上</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办公室</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Saved. The new language applies the next time the app starts.</source>
        <translation>已保存。新的界面语言将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign the document</source>
        <translation>签署文书</translation>
    </message>
    <message>
        <source>Inspector 1</source>
        <translation>执法人员一</translation>
    </message>
    <message>
        <source>Inspector 2</source>
        <translation>执法人员二</translation>
    </message>
    <message>
        <source>Sign and issue</source>
        <translation>签署并签发</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 (certificate no. %2)</source>
        <translation>%1（证号 %2）</translation>
    </message>
    <message>
        <source>Head of the inspected enterprise</source>
        <translation>被检查单位负责人</translation>
    </message>
    <message>
        <source>name of the person who signs</source>
        <translation>签字人姓名</translation>
    </message>
    <message>
        <source>Refuses to sign</source>
        <translation>拒绝签字</translation>
    </message>
    <message>
        <source>name (and unit) of the witness</source>
        <translation>见证人姓名（及单位）</translation>
    </message>
    <message>
        <source>The document will record that the head refused to sign, with the time and the witness.</source>
        <translation>文书上将注明“被检查单位负责人拒绝签字”，并记录时间和见证人。</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Time of refusal</source>
        <translation>拒签时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Digital signature</source>
        <translation>数字签名</translation>
    </message>
    <message>
        <source>First digital signature of %1 on this computer: choose a PIN of 6 to 12 digits (or a passphrase of 12 or more characters, if your office requires one). It protects the new signing key; keep it to yourself.</source>
        <translation>%1 首次在本机进行数字签名：请设定 6–12 位数字的 PIN（如单位要求，则设定 12 个字以上的口令）。它保护新建的签名密钥，请勿告诉他人。</translation>
    </message>
    <message>
        <source>Enter the PIN: 6 to 12 digits, or a passphrase of 12 to 64 characters.</source>
        <translation>请输入 PIN：6–12 位数字，或 12–64 个字的口令。</translation>
    </message>
    <message>
        <source>%1, enter your PIN to sign the PDF and the QR code digitally.</source>
        <translation>%1，请输入 PIN，对 PDF 文件和二维码进行数字签名。</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <source>%1 has not signed yet.</source>
        <translation>%1 尚未签名。</translation>
    </message>
    <message>
        <source>Enter the witness of the refusal to sign.</source>
        <translation>请填写拒签的见证人。</translation>
    </message>
    <message>
        <source>The head of the enterprise must sign, or tick the refusal and name a witness.</source>
        <translation>被检查单位负责人须签名；如拒绝签字，请勾选“拒绝签字”并填写见证人。</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign with the mouse, a pen or a finger</source>
        <translation>可用鼠标、手写笔或手指签名</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>This workspace is already open: %1.
Close it there first, or open another workspace.</source>
        <translation>本工作区已在别处打开：%1。
请先在那里关闭，或打开另一个工作区。</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>by region</source>
        <translation>按地区</translation>
    </message>
    <message>
        <source>by sector</source>
        <translation>按行业</translation>
    </message>
    <message>
        <source>by inspector</source>
        <translation>按执法人员</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>A4 summary (PDF)…</source>
        <translation>A4 统计表 (PDF)…</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Rectification rate</source>
        <translation>整改率</translation>
    </message>
    <message>
        <source>Due %1 · closed %2 (%3) · closed on time %4 (%5)</source>
        <translation>应整改 %1 · 已销号 %2（%3） · 按期整改 %4（%5）</translation>
    </message>
    <message>
        <source>Rectification rate (%)</source>
        <translation>整改率（%）</translation>
    </message>
    <message>
        <source>Hazards by status and grade</source>
        <translation>隐患状态与等级</translation>
    </message>
    <message>
        <source>Overdue hazards by days overdue</source>
        <translation>逾期隐患（按逾期天数）</translation>
    </message>
    <message>
        <source>closed on time ÷ due</source>
        <translation>按期整改率</translation>
    </message>
    <message>
        <source>closed ÷ due</source>
        <translation>销号率</translation>
    </message>
    <message>
        <source>hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>A4 summary</source>
        <translation>A4 统计表</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Signing PIN</source>
        <translation>签名 PIN</translation>
    </message>
    <message>
        <source>The bundle is signed with your key. Enter your signing PIN:</source>
        <translation>同步包用您的密钥签名。请输入签名 PIN：</translation>
    </message>
    <message>
        <source>Switch workspace kind…</source>
        <translation>切换工作区类型…</translation>
    </message>
    <message>
        <source>Export to a folder (USB stick)…</source>
        <translation>导出到文件夹（U 盘）…</translation>
    </message>
    <message>
        <source>Everything (not only what changed since the last export)</source>
        <translation>全部导出（不只是上次导出以来的改动）</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>Trust signing keys not seen before (each is recorded)</source>
        <translation>信任首次出现的签名密钥（逐一记录）</translation>
    </message>
    <message>
        <source>Dry run: only say what would happen</source>
        <translation>试运行：只说明将会怎样，不写入</translation>
    </message>
    <message>
        <source>…or drop bundle files or a folder here.</source>
        <translation>……或把同步包文件或文件夹拖到这里。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Build package…</source>
        <translation>制作同步包…</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>What each side said</source>
        <translation>双方的内容</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>适用规则</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>标记为已复核</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Package for a laptop</source>
        <translation>为外业笔记本制作同步包</translation>
    </message>
    <message>
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Office workspace</source>
        <translation>办公室工作区</translation>
    </message>
    <message>
        <source>Field workspace</source>
        <translation>外业工作区</translation>
    </message>
    <message numerus="yes">
        <source>Never exported: %n record(s) to take to the office.</source>
        <translation>
            <numerusform>尚未导出过：共 %n 条记录待带回办公室。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) changed since the last export: not yet exported.</source>
        <translation>
            <numerusform>自上次导出以来有 %n 条记录改动，尚未导出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything has been exported.</source>
        <translation>所有改动均已导出。</translation>
    </message>
    <message>
        <source>Last export: %1.</source>
        <translation>上次导出：%1。</translation>
    </message>
    <message numerus="yes">
        <source>Exported but not yet acknowledged by the office: %n record(s).</source>
        <translation>
            <numerusform>已导出、尚待办公室确认：%n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>地区：%1</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts to review: %n</source>
        <translation>
            <numerusform>待复核的冲突：%n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>No laptop has sent a bundle yet.</source>
        <translation>还没有笔记本交来同步包。</translation>
    </message>
    <message>
        <source>Laptops (number · label · inspector · trusted key · audit entries held):</source>
        <translation>笔记本（本机编号 · 名称 · 执法人员 · 已信任的密钥 · 已汇总的审计记录条数）：</translation>
    </message>
    <message>
        <source>number used by another laptop</source>
        <translation>编号与另一台笔记本重复</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported: audit entries %1–%2, %3 record(s), %4 photo(s)</source>
        <translation>已导出：审计记录第 %1–%2 条，%3 条记录，%4 张照片</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <source>Bundles (*.zip)</source>
        <translation>同步包 (*.zip)</translation>
    </message>
    <message>
        <source>Import a folder of bundles</source>
        <translation>导入同步包所在的文件夹</translation>
    </message>
    <message>
        <source>No bundle (*.zip) found.</source>
        <translation>没有找到同步包（*.zip）。</translation>
    </message>
    <message>
        <source>Save package</source>
        <translation>保存同步包</translation>
    </message>
    <message>
        <source>Package failed</source>
        <translation>制作同步包失败</translation>
    </message>
    <message>
        <source>Package for %1: %2 enterprise(s), %3 hazard(s) due for re-check</source>
        <translation>为 %1 制作的同步包：%2 家企业，%3 条待复查隐患</translation>
    </message>
    <message>
        <source>Switch workspace kind</source>
        <translation>切换工作区类型</translation>
    </message>
    <message>
        <source>This workspace is a %1. Make it a %2? Only do this when the office told you to.</source>
        <translation>本工作区现在是%1。要改为%2吗？只有在办公室要求时才这样做。</translation>
    </message>
</context>
</TS>
