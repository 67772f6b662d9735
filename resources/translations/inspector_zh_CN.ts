<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>EnterpriseDialog</name>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="35" />
      <source>Edit enterprise</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="35" />
      <source>New enterprise</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="42" />
      <source>18 characters; leave empty if the enterprise has none</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="49" />
      <source>county, city or development zone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="53" />
      <source>e.g. general manager, mine manager</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="65" />
      <source>Name *</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="66" />
      <source>Unified social credit code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="67" />
      <source>Sector</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="68" />
      <source>Region</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="69" />
      <source>Address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="70" />
      <source>Legal representative (person in charge)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="71" />
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="72" />
      <source>Contact phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="73" />
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="80" />
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="81" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="152" />
      <source>%1 of 18 characters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprise_dialog.py" line="163" />
      <source>Check character is correct</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>EnterpriseTableModel</name>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="98" />
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="99" />
      <source>Unified social credit code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="100" />
      <source>Sector</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="101" />
      <source>Region</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="102" />
      <source>Person in charge</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="103" />
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>EnterprisesPage</name>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="134" />
      <source>Search by any part of the name or credit code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="141" />
      <source>New…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="142" />
      <source>Edit…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="143" />
      <source>Import from Excel…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="227" />
      <source>No enterprises registered yet: add one, or import an Excel sheet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="230" />
      <source>%1 of %2 enterprises match</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="233" />
      <source>%1 enterprises</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="280" />
      <source>Saved: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="285" />
      <source>Import enterprises from Excel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="285" />
      <source>Excel workbooks (*.xlsx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="295" />
      <source>Imported: %1 added, %2 updated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/enterprises_page.py" line="298" />
      <source>, %1 rejected rows skipped</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>FindingEditor</name>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="58" />
      <source>Where exactly, e.g. No. 2 tank farm, east side</source>
      <translation>具体部位，如：2号罐区东侧</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="63" />
      <source>General hazard</source>
      <translation>一般事故隐患</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="64" />
      <source>Major hazard</source>
      <translation>重大事故隐患</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="66" />
      <source>Why the grade differs from the checklist's criterion</source>
      <translation>与检查表判定依据不一致的理由（必填）</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="74" />
      <source>Immediate measures: evacuate workers, stop work, stop using the equipment …</source>
      <translation>现场处理措施：撤出作业人员、暂时停产停业、停止使用相关设施设备……</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="77" />
      <source>Add photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="83" />
      <source>Spot</source>
      <translation>隐患部位</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="84" />
      <source>Problem</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="88" />
      <source>Grade</source>
      <translation>隐患等级</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="89" />
      <source>Rectify by</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="90" />
      <location filename="../../inspector/ui/runner/finding_editor.py" line="169" />
      <source>Immediate measures</source>
      <translation>现场处理措施</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="95" />
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="169" />
      <source>Immediate measures (required for a major hazard)</source>
      <translation>现场处理措施（重大事故隐患须填写）</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="203" />
      <source>same item</source>
      <translation>同一检查项</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="203" />
      <source>same spot</source>
      <translation>同一部位</translation>
    </message>
    <message numerus="yes">
      <location filename="../../inspector/ui/runner/finding_editor.py" line="206" />
      <source>Repeat hazard: found here %n time(s) before</source>
      <translation>
        <numerusform>重复隐患：该单位此前已发现 %n 次</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="252" />
      <source>Add photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/finding_editor.py" line="252" />
      <source>Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp *.tif *.tiff)</source>
      <translation>图片 (*.jpg *.jpeg *.png *.heic *.webp *.bmp *.tif *.tiff)</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="22" />
      <source>Welcome to Inspector</source>
      <translation>欢迎使用安全生产执法检查系统</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="27" />
      <source>Before the first inspection, tell us who uses this computer. These details are printed on every enforcement document.</source>
      <translation>首次使用前，请填写本机使用人的信息。这些信息将印在每一份执法文书上。</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="37" />
      <source>e.g. Zhang Wei</source>
      <translation>如：张伟</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="38" />
      <source>law-enforcement certificate number</source>
      <translation>行政执法证件号码</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="39" />
      <source>e.g. Bayingolin Emergency Management Bureau</source>
      <translation>如：巴音郭楞蒙古自治州应急管理局</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="40" />
      <source>e.g. 库</source>
      <translation>如：库</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="44" />
      <source>Inspector name</source>
      <translation>执法人员姓名</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="45" />
      <source>Certificate number</source>
      <translation>执法证号</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="46" />
      <source>Organisation</source>
      <translation>所在单位</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="47" />
      <source>Region abbreviation</source>
      <translation>地区简称</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="54" />
      <source>Start</source>
      <translation>开始使用</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/first_run.py" line="55" />
      <source>Quit</source>
      <translation>退出</translation>
    </message>
  </context>
  <context>
    <name>HomePage</name>
    <message>
      <location filename="../../inspector/ui/main_window.py" line="30" />
      <source>Welcome, %1</source>
      <translation>%1，您好</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/main_window.py" line="33" />
      <source>Certificate %1 · %2</source>
      <translation>执法证号 %1 · %2</translation>
    </message>
    <message numerus="yes">
      <location filename="../../inspector/ui/main_window.py" line="35" />
      <source>%n enterprise(s) registered</source>
      <translation>
        <numerusform>已登记 %n 家被检查单位</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../inspector/ui/main_window.py" line="36" />
      <source>Workspace: %1</source>
      <translation>工作区：%1</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="86" />
      <location filename="../../inspector/ui/import_dialog.py" line="160" />
      <source>Import enterprises from Excel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="115" />
      <source>Read the file again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="116" />
      <source>Choose another file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="117" />
      <source>Import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="118" />
      <source>Import good rows only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="119" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="148" />
      <source>File: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="160" />
      <source>Excel workbooks (*.xlsx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="176" />
      <source>File: %1 — sheet “%2”, headings on row %3</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="182" />
      <source>Rows read: %1 · to add: %2 · to update: %3 · unchanged: %4 · rejected: %5</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="190" />
      <source>Columns not used: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="199" />
      <source>Rows with problems are listed below. Correct them in the sheet and read it again, or import the good rows only.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="204" />
      <source>Nothing to import: every row is already in the register.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>InspectionsModel</name>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="26" />
      <source>Enterprise</source>
      <translation>被检查单位</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="26" />
      <source>Kind</source>
      <translation>检查类型</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="26" />
      <source>Checklists</source>
      <translation>检查表</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="26" />
      <source>Started</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="27" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="27" />
      <source>Failed</source>
      <translation>不合格</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="27" />
      <source>Major</source>
      <translation>重大隐患</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="52" />
      <source>Finished</source>
      <translation>已结束</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="52" />
      <source>In progress</source>
      <translation>进行中</translation>
    </message>
  </context>
  <context>
    <name>InspectionsPage</name>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="75" />
      <source>New inspection…</source>
      <translation>新建检查…</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="77" />
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/inspections_page.py" line="88" />
      <source>← All inspections</source>
      <translation>← 返回检查列表</translation>
    </message>
  </context>
  <context>
    <name>ItemPanel</name>
    <message>
      <location filename="../../inspector/ui/runner/item_panel.py" line="47" />
      <source>Pass [1]</source>
      <translation>合格 [1]</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/item_panel.py" line="48" />
      <source>Fail [2]</source>
      <translation>不合格 [2]</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/item_panel.py" line="49" />
      <source>Not applicable [3]</source>
      <translation>不适用 [3]</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/item_panel.py" line="87" />
      <source>How to check: %1</source>
      <translation>检查方法：%1</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/item_panel.py" line="88" />
      <source>Basis: %1</source>
      <translation>检查依据：%1</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/item_panel.py" line="89" />
      <source>Major-hazard criterion: %1</source>
      <translation>重大隐患判定依据：%1</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/item_panel.py" line="93" />
      <source>A failed answer needs a photo.</source>
      <translation>判为不合格时须拍照取证。</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/item_panel.py" line="103" />
      <source>limit %1</source>
      <translation>限值 %1</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../inspector/ui/main_window.py" line="52" />
      <source>Inspector — work-safety inspection</source>
      <translation>安全生产执法检查</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/main_window.py" line="59" />
      <source>Home</source>
      <translation>首页</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/main_window.py" line="61" />
      <source>Inspections</source>
      <translation>现场检查</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/main_window.py" line="62" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/main_window.py" line="87" />
      <source>Unfinished inspection</source>
      <translation>未完成的检查</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/main_window.py" line="88" />
      <source>The inspection of %1 started %2 is not finished. Continue it now?</source>
      <translation>%2 开始的对“%1”的检查尚未结束，是否继续？</translation>
    </message>
  </context>
  <context>
    <name>NewInspectionDialog</name>
    <message>
      <location filename="../../inspector/ui/new_inspection.py" line="32" />
      <source>New inspection</source>
      <translation>新建检查</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/new_inspection.py" line="66" />
      <source>e.g. production area, tank farm and warehouse</source>
      <translation>如：生产区、罐区及仓库</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/new_inspection.py" line="69" />
      <source>Enterprise</source>
      <translation>被检查单位</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/new_inspection.py" line="70" />
      <source>Checklists</source>
      <translation>检查表</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/new_inspection.py" line="71" />
      <source>Kind</source>
      <translation>检查类型</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/new_inspection.py" line="72" />
      <source>Inspectors (at least two)</source>
      <translation>执法人员（不少于两人）</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/new_inspection.py" line="73" />
      <source>Place inspected</source>
      <translation>检查场所</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/new_inspection.py" line="78" />
      <source>Start inspection</source>
      <translation>开始检查</translation>
    </message>
  </context>
  <context>
    <name>ProblemModel</name>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="62" />
      <source>Warning: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="73" />
      <source>Row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="73" />
      <source>Column</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/import_dialog.py" line="73" />
      <source>Problem</source>
      <translation>问题描述</translation>
    </message>
  </context>
  <context>
    <name>RunnerWidget</name>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="79" />
      <source>Finish inspection…</source>
      <translation>结束检查…</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="91" />
      <source>All [Ctrl+1]</source>
      <translation>全部 [Ctrl+1]</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="92" />
      <source>Unanswered [Ctrl+2]</source>
      <translation>未检查 [Ctrl+2]</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="93" />
      <source>Failed [Ctrl+3]</source>
      <translation>不合格 [Ctrl+3]</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="102" />
      <source>Find an item [Ctrl+F]</source>
      <translation>查找检查项 [Ctrl+F]</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="110" />
      <source>All sections</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="161" />
      <source>All answers saved</source>
      <translation>所有记录均已保存</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="232" />
      <source>Amend a finished inspection</source>
      <translation>更正已结束的检查</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="233" />
      <source>This inspection is finished. Why is it being changed? (recorded in the audit trail)</source>
      <translation>本次检查已结束。请说明更正理由（将记入执法痕迹）：</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="236" />
      <source>Not changed: an amendment needs a reason.</source>
      <translation>未修改：更正须填写理由。</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="302" />
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="307" />
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="318" />
      <source>Failed %1 · major %2</source>
      <translation>不合格 %1 · 重大隐患 %2</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="326" />
      <source>Finished</source>
      <translation>已结束</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="326" />
      <source>This inspection is already finished.</source>
      <translation>本次检查已经结束。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../inspector/ui/runner/runner.py" line="332" />
      <source>%n item(s) not answered</source>
      <translation>
        <numerusform>尚有 %n 项未检查</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../inspector/ui/runner/runner.py" line="334" />
      <source>%n failed item(s) without a recorded spot</source>
      <translation>
        <numerusform>%n 项不合格尚未填写隐患部位</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../inspector/ui/runner/runner.py" line="336" />
      <source>%n failed item(s) that need a photo have none</source>
      <translation>
        <numerusform>%n 项须拍照取证的不合格项没有照片</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../inspector/ui/runner/runner.py" line="338" />
      <source>%n major hazard(s) without immediate measures</source>
      <translation>
        <numerusform>%n 项重大事故隐患未填写现场处理措施</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="339" />
      <source>Finish the inspection now? Later changes will be recorded as amendments.</source>
      <translation>现在结束检查吗？结束后的修改将作为更正记入执法痕迹。</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="342" />
      <source>Finish inspection</source>
      <translation>结束检查</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="347" />
      <source>Inspection finished</source>
      <translation>检查已结束</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/runner/runner.py" line="352" />
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
    <name>SettingsPage</name>
    <message>
      <location filename="../../inspector/ui/settings_page.py" line="17" />
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/settings_page.py" line="25" />
      <source>Interface language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <location filename="../../inspector/ui/settings_page.py" line="33" />
      <source>Saved. The new language applies the next time the app starts.</source>
      <translation>已保存。新的界面语言将在下次启动时生效。</translation>
    </message>
  </context>
  <context>
    <name>SignDialog</name>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="60" />
      <source>Sign the document</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="64" />
      <source>Inspector 1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="64" />
      <source>Inspector 2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="77" />
      <source>Sign and issue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="78" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="99" />
      <source>%1 (certificate no. %2)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="110" />
      <source>Head of the inspected enterprise</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="112" />
      <source>name of the person who signs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="113" />
      <source>Refuses to sign</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="118" />
      <source>name (and unit) of the witness</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="123" />
      <source>The document will record that the head refused to sign, with the time and the witness.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="126" />
      <source>Witness</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="127" />
      <source>Time of refusal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="137" />
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="145" />
      <source>Digital signature</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="148" />
      <source>First digital signature of %1 on this computer: choose a PIN of 6 to 12 digits. It protects the new signing key; keep it to yourself.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="152" />
      <source>%1, enter your PIN to sign the PDF and the QR code digitally.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="164" />
      <source>PIN</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="166" />
      <source>PIN again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="221" />
      <source>%1 has not signed yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="224" />
      <source>Enter the witness of the refusal to sign.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="226" />
      <source>The head of the enterprise must sign, or tick the refusal and name a witness.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="229" />
      <source>Enter the PIN: 6 to 12 digits.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/sign_dialog.py" line="231" />
      <source>The two PINs are not the same.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SignaturePad</name>
    <message>
      <location filename="../../inspector/ui/signature_pad.py" line="33" />
      <source>Sign with the mouse, a pen or a finger</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/signature_pad.py" line="35" />
      <source>Clear</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../inspector/ui/signature_pad.py" line="169" />
      <source>Sign here</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>