<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../workbench/ui/about.py" line="157"/>
        <source>not open yet</source>
        <translation>尚未打开</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="162"/>
        <source>{0} ({1} bytes)</source>
        <translation>{0}（{1} 字节）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="163"/>
        <location filename="../../workbench/ui/about.py" line="167"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="163"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="164"/>
        <source>Store</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="164"/>
        <source>Size on disk</source>
        <translation>磁盘占用</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="167"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="167"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="171"/>
        <location filename="../../workbench/ui/about.py" line="179"/>
        <source>Account Manager&apos;s Workbench</source>
        <translation>集团客户经理工作台</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="173"/>
        <location filename="../../workbench/ui/about.py" line="180"/>
        <source>Licences of what ships with the program:</source>
        <translation>随程序分发的组件及其许可证：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="178"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="182"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="183"/>
        <source>Copy all of this, for a support request</source>
        <translation>复制以上全部内容，用于技术支持请求</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="184"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="186"/>
        <location filename="../../workbench/ui/about.py" line="206"/>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="192"/>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="172"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="131"/>
        <source>Offer</source>
        <translation>方案编号</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="131"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="131"/>
        <source>Manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="131"/>
        <source>Discount</source>
        <translation>最大折扣</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="132"/>
        <source>Needs</source>
        <translation>审批级别</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="132"/>
        <source>Monthly</source>
        <translation>月费合计</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="132"/>
        <source>Over the term</source>
        <translation>合约期总额</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="132"/>
        <source>Asked</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="133"/>
        <source>Nothing waiting for approval.</source>
        <translation>没有待审批的方案。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="134"/>
        <source>&amp;Approve…</source>
        <translation>审批通过(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="135"/>
        <source>Approve the offer, with a comment (Ctrl+Shift+A)</source>
        <translation>审批通过该方案，可附意见 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="136"/>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="137"/>
        <source>Reject the offer, with the reason (Ctrl+Shift+R)</source>
        <translation>驳回该方案并说明原因 (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="138"/>
        <source>Open the &amp;customer</source>
        <translation>打开客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="164"/>
        <source>{0} waiting for your decision · {1} in all</source>
        <translation>{0} 个待您审批 · 共 {1} 个</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="199"/>
        <source>{0} · {1} · version {2}</source>
        <translation>{0} · {1} · 第 {2} 版</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="200"/>
        <source>Deepest discount {0} on one line; the manager may grant up to {1}: {2}.</source>
        <translation>单行最大折扣 {0}，客户经理权限为 {1}：{2}。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="203"/>
        <source>Rule: {0}</source>
        <translation>规则：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="207"/>
        <source>Waiting for HQ&apos;s decision.</source>
        <translation>等待总部审批。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="208"/>
        <source>Waiting for your team lead&apos;s decision.</source>
        <translation>等待营销主管审批。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="233"/>
        <source>{0} approved: it syncs to the manager&apos;s laptop.</source>
        <translation>{0} 已审批通过：同步后客户经理即可看到。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/approvals/view.py" line="234"/>
        <source>{0} rejected: it syncs to the manager&apos;s laptop.</source>
        <translation>{0} 已驳回：同步后客户经理即可看到。</translation>
    </message>
</context>
<context>
    <name>Authority</name>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="60"/>
        <source>within authority</source>
        <translation>权限内</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="61"/>
        <source>needs team lead</source>
        <translation>需主管审批</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="62"/>
        <source>needs HQ</source>
        <translation>需总部审批</translation>
    </message>
</context>
<context>
    <name>BackupWiring</name>
    <message>
        <location filename="../../workbench/ui/backups_wiring.py" line="58"/>
        <source>Restore from &amp;backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_wiring.py" line="76"/>
        <source>Backing up the store</source>
        <translation>正在备份数据文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_wiring.py" line="110"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_wiring.py" line="112"/>
        <source>Today&apos;s backup failed: {0}
The details are in the log file.</source>
        <translation>今天的备份失败：{0}
详情见日志文件。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_wiring.py" line="115"/>
        <source>Backed up</source>
        <translation>已备份</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_wiring.py" line="118"/>
        <source>Backed up today to {0}</source>
        <translation>今天已备份到 {0}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="85"/>
        <location filename="../../workbench/ui/backups_dialog.py" line="210"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="86"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="86"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="86"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="87"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="88"/>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="89"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="90"/>
        <source>&amp;Change folder…</source>
        <translation>更改文件夹(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="91"/>
        <source>Use the &amp;data folder</source>
        <translation>使用数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="92"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="106"/>
        <source>Reading the backups</source>
        <translation>正在读取备份</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="116"/>
        <source>Before an upgrade</source>
        <translation>升级前副本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="116"/>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="122"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="130"/>
        <source>No backup of this store yet.</source>
        <translation>此数据文件尚无备份。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="145"/>
        <source>Backups are kept in: {0}</source>
        <translation>备份保存在：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="151"/>
        <source>Folder for the backups</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="170"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="179"/>
        <source>Backed up: {0}</source>
        <translation>已备份：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="186"/>
        <source>Backing up the store</source>
        <translation>正在备份数据文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="197"/>
        <source>Replace the store with the backup of {0}? What was typed since is no longer in the store (the current store is kept beside it). The window reopens on the restored store.</source>
        <translation>用 {0} 的备份替换当前数据文件？此后录入的内容将不再在数据文件中（当前数据文件会保留在旁边）。窗口将重新打开恢复后的数据文件。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="205"/>
        <source>Whether the store holds changes not yet synced cannot be read.</source>
        <translation>无法读取当前数据文件中是否有尚未同步的更改。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/backups_dialog.py" line="207"/>
        <source>%n change(s) typed here are not synced and not in this backup: they will be lost from the store (the replaced store beside keeps them).</source>
        <translation>
            <numerusform>本机录入的 %n 项更改尚未同步，且不在此备份中：恢复后数据文件中将没有它们（保留在旁边被替换的数据文件中）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="212"/>
        <source>Restore anyway</source>
        <translation>仍然恢复</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="212"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/backups_dialog.py" line="214"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BuyingCentreView</name>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="190"/>
        <source>&amp;Add contact…</source>
        <translation>添加联系人(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="191"/>
        <source>Add a person of this customer</source>
        <translation>添加该客户的一位联系人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="193"/>
        <source>Inside supporter: guides us, tells us what really goes on.</source>
        <translation>内部支持者：为我们指路，告诉我们内部真实情况。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="194"/>
        <source>Uses the service every day; judges it by how it works.</source>
        <translation>每天使用业务，凭实际使用效果评价。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="195"/>
        <source>Checks the technical fit; can say no, cannot say yes alone.</source>
        <translation>把关技术是否适用；可以否决，但不能单独拍板。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="196"/>
        <source>Decides and signs; releases the budget.</source>
        <translation>拍板签字，批准预算。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="197"/>
        <source>Contacts whose buying role is not known yet: find out.</source>
        <translation>采购角色尚不明确的联系人：请尽快摸清。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="200"/>
        <source>Role unknown</source>
        <translation>角色未知</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="223"/>
        <source>Nobody yet</source>
        <translation>暂无</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/customers/buying_centre.py" line="225"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 位联系人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="228"/>
        <source>No economic buyer yet: who decides and signs?</source>
        <translation>尚未找到关键决策者：谁拍板、谁签字？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="230"/>
        <source>No coach yet: who inside supports us?</source>
        <translation>尚未发展教练：客户内部谁支持我们？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="258"/>
        <source>Delete the contact {0}? (Edit ▸ Undo brings it back.)</source>
        <translation>删除联系人“{0}”？（可通过“编辑 ▸ 撤销”恢复。）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="259"/>
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
</context>
<context>
    <name>CataloguePanel</name>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="71"/>
        <source>&amp;Find a product (Ctrl+F):</source>
        <translation>查找产品(&amp;F)（Ctrl+F）：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="72"/>
        <source>name, pinyin, code or category</source>
        <translation>名称、拼音、编码或类别</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="128"/>
        <source>No product matches “{0}”</source>
        <translation>没有与“{0}”匹配的产品</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="73"/>
        <source>&amp;Add to the offer (Enter)</source>
        <translation>加入报价(&amp;A)（Enter）</translation>
    </message>
</context>
<context>
    <name>ChangedBanner</name>
    <message>
        <location filename="../../workbench/ui/customers/changed_elsewhere.py" line="46"/>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/changed_elsewhere.py" line="47"/>
        <source>Show the record as stored now (what you typed here is dropped)</source>
        <translation>显示当前保存的记录（此处输入的内容将被放弃）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/changed_elsewhere.py" line="49"/>
        <source>This record is no longer on this laptop (deleted, or handed to another manager). What you typed stays here until you close the form.</source>
        <translation>此记录已不在本机（已删除或已移交给其他客户经理）。您输入的内容会保留在此，直到关闭表单。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/changed_elsewhere.py" line="52"/>
        <source>Someone changed this record while you were editing it (a sync or another window). Save keeps the changes you made here and theirs in the other fields; Reload shows theirs and drops yours.</source>
        <translation>您编辑期间此记录已被修改（同步或另一个窗口）。保存将保留您在此所改的内容及对方在其他字段的修改；重新载入则显示对方的版本并放弃您的修改。</translation>
    </message>
</context>
<context>
    <name>ConflictTexts</name>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="40"/>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="135"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="40"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="40"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="41"/>
        <source>Offer</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="41"/>
        <source>Offer version</source>
        <translation>方案版本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="42"/>
        <source>Proposal</source>
        <translation>建议书</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="42"/>
        <source>Stage move</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="47"/>
        <source>Same credit code</source>
        <translation>相同的信用代码</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="49"/>
        <source>Edited and deleted</source>
        <translation>一边修改一边删除</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="51"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="51"/>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="51"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="52"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="52"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="52"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="53"/>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="53"/>
        <source>Mobile lines</source>
        <translation>移动用户数</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="54"/>
        <source>Value grade</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="54"/>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="55"/>
        <source>Current provider</source>
        <translation>现有运营商</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="55"/>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="56"/>
        <source>Competitor&apos;s contract ends</source>
        <translation>竞争对手合同到期日</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="57"/>
        <source>Price sensitive</source>
        <translation>价格敏感</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="57"/>
        <source>Decides on references</source>
        <translation>看重案例</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="58"/>
        <source>Loyalty</source>
        <translation>忠诚度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="58"/>
        <source>Motive</source>
        <translation>信息化动机</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="58"/>
        <source>Shared with the team</source>
        <translation>团队共享</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="59"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="59"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="59"/>
        <source>Title</source>
        <translation>职务/标题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="60"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="60"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="60"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="61"/>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="61"/>
        <source>Buying role</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="62"/>
        <source>Behaviour style</source>
        <translation>行为风格</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="62"/>
        <source>Closeness</source>
        <translation>亲近度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="63"/>
        <source>Trust</source>
        <translation>信任度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="63"/>
        <source>Personal favour</source>
        <translation>人情</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="63"/>
        <source>Key person</source>
        <translation>关键人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="64"/>
        <source>Liaison</source>
        <translation>联络人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="64"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="64"/>
        <source>Care dates</source>
        <translation>关怀日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="65"/>
        <source>Time of the visit</source>
        <translation>拜访时间</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="65"/>
        <source>Duration (minutes)</source>
        <translation>时长(分钟)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="66"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="66"/>
        <source>Objective</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="66"/>
        <source>Outcome</source>
        <translation>拜访结果</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="67"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="67"/>
        <source>Follow-up date</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="68"/>
        <source>Follow-up done</source>
        <translation>已跟进</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="68"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="69"/>
        <source>Version number</source>
        <translation>版本号</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="69"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="83"/>
        <source>(a customer this laptop does not hold)</source>
        <translation>(本机没有该客户)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="95"/>
        <source>a customer of another team</source>
        <translation>另一团队的客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="96"/>
        <source>{0} ({1} contacts, {2} visits, {3} offers)</source>
        <translation>{0}({1} 位联系人、{2} 次拜访、{3} 个方案)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="103"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="103"/>
        <source>Kept, with the edit</source>
        <translation>保留(含修改)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="112"/>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="114"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="114"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="135"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="135"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="135"/>
        <source>★ Kept (provisional)</source>
        <translation>★ 保留值(暂定)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="136"/>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="136"/>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="136"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="136"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="140"/>
        <source>Open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="141"/>
        <source>Resolved by {0}</source>
        <translation>已由 {0} 处理</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflict_text.py" line="144"/>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="204"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="205"/>
        <source>Open conflicts</source>
        <translation>未解决的冲突</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="205"/>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="205"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="207"/>
        <source>No conflicts: everything the team typed merged cleanly.</source>
        <translation>没有冲突：团队录入的内容都已顺利合并。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="208"/>
        <source>Keep the provisional value (Ctrl+K)</source>
        <translation>保留暂定值(Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="209"/>
        <source>Take the other value (Ctrl+O)</source>
        <translation>采用另一个值(Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="255"/>
        <source>{0} open</source>
        <translation>{0} 个未解决</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="278"/>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="285"/>
        <source>Mark as seen</source>
        <translation>标记为已知悉</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="280"/>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="281"/>
        <source>Keep “{0}”, merge the other into it</source>
        <translation>保留“{0}”，把另一个并入</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="283"/>
        <source>Keep the record, with the edit</source>
        <translation>保留记录(含修改)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="283"/>
        <source>Delete it</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="286"/>
        <source>Keep this value</source>
        <translation>保留这个值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="286"/>
        <source>Take this value instead</source>
        <translation>改用这个值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="294"/>
        <source>★ Provisional winner (in force now)</source>
        <translation>★ 暂定值(当前生效)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="295"/>
        <source>The other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="298"/>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="299"/>
        <source>by {0}, {1}</source>
        <translation>{0}，{1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="303"/>
        <source>Take the other</source>
        <translation>采用另一个</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="307"/>
        <source>Until someone chooses, the provisional value is in force on every laptop.</source>
        <translation>在有人做出选择之前，所有电脑上都以暂定值为准。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="309"/>
        <source>Resolved by {0}, {1}</source>
        <translation>已由 {0} 于 {1} 处理</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/conflicts_view.py" line="335"/>
        <source>Could not settle it: {0}</source>
        <translation>无法处理：{0}</translation>
    </message>
</context>
<context>
    <name>ContactCard</name>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="85"/>
        <source>liaison</source>
        <translation>协议联系人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="80"/>
        <source>Key person</source>
        <translation>关键人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="86"/>
        <source>Liaison named in the service agreement</source>
        <translation>服务协议中指定的联系人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="90"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="90"/>
        <source>Edit this contact</source>
        <translation>编辑该联系人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="91"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="91"/>
        <source>Delete this contact (undoable)</source>
        <translation>删除该联系人（可撤销）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="104"/>
        <source>Style: {0}</source>
        <translation>处事风格：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="120"/>
        <source>up since the previous reading</source>
        <translation>较上次评分上升</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/buying_centre.py" line="121"/>
        <source>down since the previous reading</source>
        <translation>较上次评分下降</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="108"/>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="109"/>
        <source>Edit {0}</source>
        <translation>编辑联系人“{0}”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="111"/>
        <source>&amp;Name*:</source>
        <translation>姓名(&amp;N)*：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="111"/>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="111"/>
        <source>&amp;Department:</source>
        <translation>部门(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="112"/>
        <source>&amp;Mobile:</source>
        <translation>手机(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="112"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="112"/>
        <source>&amp;E-mail:</source>
        <translation>电子邮箱(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="113"/>
        <source>&amp;Birthday:</source>
        <translation>生日(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="113"/>
        <source>&amp;Care dates:</source>
        <translation>关怀日期(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="114"/>
        <source>Buying &amp;role:</source>
        <translation>采购角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="114"/>
        <source>Behaviour st&amp;yle:</source>
        <translation>处事风格(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="115"/>
        <source>C&amp;loseness (0–10):</source>
        <translation>亲近度（0–10）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="115"/>
        <source>Tr&amp;ust (0–10):</source>
        <translation>信任度（0–10）(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="116"/>
        <source>Personal &amp;favour (0–10):</source>
        <translation>人情（0–10）(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="116"/>
        <source>&amp;Key person:</source>
        <translation>关键人(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="117"/>
        <source>L&amp;iaison:</source>
        <translation>协议联系人(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="117"/>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="121"/>
        <source>one per line: label month-day, e.g. Birthday 3-15</source>
        <translation>每行一项：名称 月-日，例如“生日 3-15”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="122"/>
        <source>Key person: decides or sways the decision</source>
        <translation>关键人：拍板或能左右决策</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="123"/>
        <source>Liaison named in the service agreement</source>
        <translation>服务协议中指定的联系人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="124"/>
        <source>not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/contact_form.py" line="127"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ContractModel</name>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="178"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="178"/>
        <source>Contract ends</source>
        <translation>合同到期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="178"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="178"/>
        <source>Current provider</source>
        <translation>现运营商</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="179"/>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="155"/>
        <source>Loading the customer</source>
        <translation>正在加载客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="201"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="202"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="203"/>
        <source>Owner</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="204"/>
        <source>Value</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="205"/>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="220"/>
        <source>&amp;Profile</source>
        <translation>客户档案(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="223"/>
        <source>&amp;Buying centre ({0})</source>
        <translation>决策链（{0}）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="224"/>
        <source>&amp;Timeline ({0})</source>
        <translation>时间线（{0}）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="225"/>
        <source>O&amp;ffers ({0})</source>
        <translation>报价（{0}）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="233"/>
        <source>Choose a customer in the list to see everything about it here.</source>
        <translation>在列表中选择客户，即可在此查看其全部信息。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="236"/>
        <source>This customer was deleted. Edit ▸ Undo (Ctrl+Z) brings it back.</source>
        <translation>该客户已删除。“编辑 ▸ 撤销”（Ctrl+Z）可恢复。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="244"/>
        <source>&amp;Log visit…</source>
        <translation>记录拜访(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="245"/>
        <source>Record a visit, call or meeting with this customer</source>
        <translation>记录与该客户的拜访、电话或会面</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="246"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="247"/>
        <source>&amp;Move stage…</source>
        <translation>调整阶段(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="248"/>
        <source>Move the customer to another relationship stage (undoable)</source>
        <translation>将客户调整到其他关系阶段（可撤销）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="249"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="250"/>
        <source>Delete the customer (undoable)</source>
        <translation>删除该客户（可撤销）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="287"/>
        <source>Delete {0}? Its contacts and visits go with it; Edit ▸ Undo brings them back.</source>
        <translation>删除“{0}”？其联系人和拜访记录将一并删除；“编辑 ▸ 撤销”可全部恢复。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/detail.py" line="288"/>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="116"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="117"/>
        <source>Edit {0}</source>
        <translation>编辑客户“{0}”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="119"/>
        <source>&amp;Name*:</source>
        <translation>客户名称(&amp;N)*：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="119"/>
        <source>S&amp;hort name:</source>
        <translation>简称(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="120"/>
        <source>&amp;Credit code:</source>
        <translation>信用代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="120"/>
        <source>&amp;Industry*:</source>
        <translation>行业(&amp;I)*：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="121"/>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="121"/>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="122"/>
        <source>&amp;Employees:</source>
        <translation>员工人数(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="122"/>
        <source>Mo&amp;bile lines:</source>
        <translation>手机用户数(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="123"/>
        <source>Shared:</source>
        <translation>共享：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="123"/>
        <source>&amp;Value grade:</source>
        <translation>价值等级(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="124"/>
        <source>Churn ris&amp;k:</source>
        <translation>流失风险(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="124"/>
        <source>C&amp;urrent provider:</source>
        <translation>现运营商(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="125"/>
        <source>Com&amp;petitors:</source>
        <translation>竞争对手(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="125"/>
        <source>&amp;Their contract ends:</source>
        <translation>对方合同到期(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="126"/>
        <source>Price-&amp;sensitive:</source>
        <translation>价格敏感(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="127"/>
        <source>Decides on reference c&amp;ases:</source>
        <translation>看重成功案例(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="128"/>
        <source>&amp;Loyalty:</source>
        <translation>忠诚度(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="128"/>
        <source>&amp;Motive:</source>
        <translation>驱动因素(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="128"/>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="132"/>
        <source>18 characters (unified social credit code)</source>
        <translation>统一社会信用代码，18 位</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="133"/>
        <location filename="../../workbench/ui/customers/forms.py" line="134"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="135"/>
        <source>visible to the &amp;whole team</source>
        <translation>全团队可见(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="136"/>
        <source> (not a key industry)</source>
        <translation>（非重点行业）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="138"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="139"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="147"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="153"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="153"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="156"/>
        <source>Industry default</source>
        <translation>按行业默认</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/forms.py" line="156"/>
        <source>Industry default ({0})</source>
        <translation>按行业默认（{0}）</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../workbench/ui/customers/model.py" line="151"/>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/model.py" line="151"/>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/model.py" line="151"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/model.py" line="151"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/model.py" line="152"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/model.py" line="152"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/model.py" line="152"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/model.py" line="152"/>
        <source>Last visit</source>
        <translation>最近拜访</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../workbench/ui/customers/view.py" line="161"/>
        <source>Search customers: name, pinyin initials, contact, phone… (Ctrl+F)</source>
        <translation>搜索客户：名称、拼音首字母、联系人、电话…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/view.py" line="162"/>
        <source>Follow-up due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/view.py" line="163"/>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/view.py" line="165"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/view.py" line="167"/>
        <source>Everyone&apos;s</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/view.py" line="167"/>
        <source>Mine</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/view.py" line="242"/>
        <source>{0} customers</source>
        <translation>{0} 个客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/view.py" line="277"/>
        <source>New visit</source>
        <translation>新建拜访</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/view.py" line="277"/>
        <source>Choose the customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="157"/>
        <source>&lt;b style=&apos;font-size:15pt&apos;&gt;Dashboard&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;font-size:15pt&apos;&gt;数据看板&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="158"/>
        <source>&amp;Quiet after:</source>
        <translation>沉寂判定(&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="160"/>
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="161"/>
        <source>Whole &amp;team</source>
        <translation>整个团队(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="162"/>
        <source>Show the figures of every customer, not only yours</source>
        <translation>显示全部客户的数据，而不只是您的客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="163"/>
        <source>Pipeline: customers by stage, open offers</source>
        <translation>阶段漏斗：各阶段客户数与在谈方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="164"/>
        <source>Visits per week</source>
        <translation>每周拜访</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="165"/>
        <source>Offers by state</source>
        <translation>方案状态</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="166"/>
        <location filename="../../workbench/ui/dashboard/view.py" line="178"/>
        <source>Going quiet: no visit in {0} days</source>
        <translation>沉寂客户：{0} 天未拜访</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="167"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="167"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="167"/>
        <source>Last visit</source>
        <translation>最近拜访</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="174"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="181"/>
        <source>follow-ups overdue, at {0} customers</source>
        <translation>项跟进已逾期，涉及 {0} 个客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="184"/>
        <source>follow-ups due today ({0} customers with none overdue)</source>
        <translation>项跟进今日到期（其中 {0} 个客户无逾期）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="188"/>
        <source>win rate: {0} won of {1} decided</source>
        <translation>成交率：已定 {1} 个方案，成交 {0} 个</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="191"/>
        <source>in {0} open offers</source>
        <translation>{0} 个在谈方案合计</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="192"/>
        <source>customers going quiet</source>
        <translation>个客户趋于沉寂</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="195"/>
        <source>{0} offers · {1}</source>
        <translation>{0} 个方案 · {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="196"/>
        <source>Open the {0} customers at this stage</source>
        <translation>打开该阶段的 {0} 个客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="201"/>
        <source>{0} visits in the week of {1}: open the customers visited</source>
        <translation>{1} 这一周拜访 {0} 次：打开被拜访的客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="205"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="207"/>
        <source>Open the customers with an offer in this state</source>
        <translation>打开有此状态方案的客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="211"/>
        <source>Open these quiet customers</source>
        <translation>打开这些沉寂客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="220"/>
        <source>never visited</source>
        <translation>从未拜访</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="221"/>
        <source>{0} ({1} days ago)</source>
        <translation>{0}（{1} 天前）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="234"/>
        <source>No grade</source>
        <translation>未分级</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="234"/>
        <source>Grade {0}</source>
        <translation>{0} 级</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="237"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="237"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="238"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="238"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="238"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="239"/>
        <source>Won</source>
        <translation>已成交</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="239"/>
        <source>Lost</source>
        <translation>已丢单</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="262"/>
        <source>Loading the dashboard</source>
        <translation>正在加载数据看板</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="305"/>
        <source> (mine)</source>
        <translation>（我的）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="307"/>
        <source>Stage: {0}</source>
        <translation>阶段：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="309"/>
        <source>Visited in the week of {0}</source>
        <translation>{0} 这一周拜访过</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="311"/>
        <source>With an offer: {0}</source>
        <translation>有方案：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="313"/>
        <source>With an open offer</source>
        <translation>有在谈方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="315"/>
        <source>With an offer won or lost</source>
        <translation>有已成交或已丢单的方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="317"/>
        <source>Follow-up overdue</source>
        <translation>跟进已逾期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="319"/>
        <source>Follow-up due today</source>
        <translation>跟进今日到期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dashboard/view.py" line="321"/>
        <source>No visit in {0} days</source>
        <translation>{0} 天未拜访</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="174"/>
        <source>Approve offer {0}</source>
        <translation>审批通过报价 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="174"/>
        <source>Reject offer {0}</source>
        <translation>驳回报价 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="176"/>
        <source>{0} — version {1}</source>
        <translation>{0} — 第 {1} 版</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="177"/>
        <source>&amp;Comment (optional):</source>
        <translation>审批意见（可选）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="178"/>
        <source>&amp;Reason for rejecting (required):</source>
        <translation>驳回原因（必填）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="180"/>
        <source>&amp;Approve</source>
        <translation>通过(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="180"/>
        <source>&amp;Reject</source>
        <translation>驳回(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DrillFilter</name>
    <message>
        <location filename="../../workbench/ui/customers/drill.py" line="44"/>
        <source>Show every customer again (clear this filter)</source>
        <translation>重新显示全部客户（清除此筛选）</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../workbench/ui/sync/enrol_dialog.py" line="89"/>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/enrol_dialog.py" line="90"/>
        <source>Connect this laptop to your team&apos;s server to sync visits, customers and offers. Work goes on offline as before; nothing is sent until you connect.</source>
        <translation>将本机连接到团队服务器，以同步拜访、客户和报价。离线时照常工作；连接之前不会发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/enrol_dialog.py" line="92"/>
        <source>Server &amp;address</source>
        <translation>服务器地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/enrol_dialog.py" line="93"/>
        <source>One-time &amp;code</source>
        <translation>一次性登记码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/enrol_dialog.py" line="94"/>
        <source>This laptop&apos;s &amp;name</source>
        <translation>本机名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/enrol_dialog.py" line="95"/>
        <source>from your team lead or IT</source>
        <translation>由主管或信息部门提供</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/enrol_dialog.py" line="96"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/enrol_dialog.py" line="109"/>
        <source>Connecting to the team server</source>
        <translation>正在连接团队服务器</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/enrol_dialog.py" line="114"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>ErrorModel</name>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="160"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="160"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="160"/>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="160"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="160"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>FabeView</name>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="154"/>
        <source>Select a product to see its talking points (FABE).</source>
        <translation>选择一个产品，查看其 FABE 推介要点。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="158"/>
        <source>Feature</source>
        <translation>特性</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="159"/>
        <source>Advantage</source>
        <translation>优势</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="160"/>
        <source>Benefit</source>
        <translation>利益</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="163"/>
        <source> (your customer&apos;s industry)</source>
        <translation>（本客户所在行业）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="165"/>
        <source> [illustrative]</source>
        <translation>（示例）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="166"/>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="168"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/catalogue_panel.py" line="168"/>
        <source>no reference case yet</source>
        <translation>暂无成功案例</translation>
    </message>
</context>
<context>
    <name>FinishingDialog</name>
    <message>
        <location filename="../../workbench/ui/quitting.py" line="80"/>
        <source>Quitting</source>
        <extracomment>The longest a quit waits for background work that cannot be cancelled. Short reads (a page load) usually end within this: no dialog is shown for them. After the event loop: what a worker still gets before the process ends regardless.</extracomment>
        <translation>正在退出</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/quitting.py" line="81"/>
        <source>background work</source>
        <translation>后台任务</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/quitting.py" line="82"/>
        <source>Finishing before quitting: {0}…
The program quits in at most {1} s.</source>
        <translation>退出前正在完成：{0}…
程序最多 {1} 秒后退出。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/quitting.py" line="84"/>
        <source>Quit &amp;now</source>
        <translation>立即退出(&amp;N)</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="140"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="140"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="140"/>
        <source>Visited</source>
        <translation>拜访日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="140"/>
        <source>Follow-up</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="141"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="148"/>
        <source>(no next step noted)</source>
        <translation>（未填写下一步）</translation>
    </message>
</context>
<context>
    <name>FormTexts</name>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="19"/>
        <source>Visit</source>
        <translation>拜访信息</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="19"/>
        <source>SPIN notes</source>
        <translation>SPIN 提问记录</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="19"/>
        <source>Results</source>
        <translation>成果与后续</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="23"/>
        <source>&amp;Date and time</source>
        <translation>日期时间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="24"/>
        <source>D&amp;uration</source>
        <translation>时长(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="25"/>
        <source>&amp;Kind</source>
        <translation>拜访方式(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="26"/>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="27"/>
        <source>Contacts &amp;met</source>
        <translation>会见联系人(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="28"/>
        <source>&amp;Objective</source>
        <translation>拜访目的(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="29"/>
        <source>&amp;Situation</source>
        <translation>背景问题(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="30"/>
        <source>Pro&amp;blem</source>
        <translation>难点问题(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="31"/>
        <source>&amp;Implication</source>
        <translation>暗示问题(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="32"/>
        <source>N&amp;eed-payoff</source>
        <translation>需求-效益问题(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="33"/>
        <source>&amp;Needs found</source>
        <translation>发现的需求(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="34"/>
        <source>&amp;Competitor intelligence</source>
        <translation>竞争对手情报(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="35"/>
        <source>Ou&amp;tcome</source>
        <translation>拜访结果(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="36"/>
        <source>Ne&amp;xt step</source>
        <translation>下一步(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="37"/>
        <source>&amp;Follow up on</source>
        <translation>跟进日期(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="38"/>
        <source>Move st&amp;age to</source>
        <translation>阶段调整为(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="39"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="44"/>
        <source>Facts about their situation now: sites, lines, providers, contracts.</source>
        <translation>了解客户现状：网点、线路、运营商、合同。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="45"/>
        <source>Difficulties and dissatisfactions with what they have now.</source>
        <translation>客户对现有业务的困难和不满。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="46"/>
        <source>What those problems lead to: cost, risk, lost time; why they matter.</source>
        <translation>这些问题带来的后果：成本、风险、时间损失；为什么重要。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="47"/>
        <source>What solving them would be worth to the customer, in their words.</source>
        <translation>解决这些问题对客户的价值（用客户自己的话）。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="52"/>
        <source>e.g. the customer&apos;s head office</source>
        <translation>例如：客户总部</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="53"/>
        <source>What this visit was meant to achieve</source>
        <translation>本次拜访要达成的目标</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="54"/>
        <source>The needs found in this visit</source>
        <translation>本次拜访发现的需求</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="55"/>
        <source>Who serves them now, at what price, until when; what rivals offer</source>
        <translation>现由谁提供服务、价格多少、合同到何时；对手给了什么条件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="56"/>
        <source>What was agreed or decided</source>
        <translation>达成的共识或决定</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="57"/>
        <source>What happens next, and who does it</source>
        <translation>下一步做什么、由谁负责</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="58"/>
        <source>Why the relationship moved</source>
        <translation>关系阶段变化的原因</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="62"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="65"/>
        <source>No change</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="69"/>
        <source>{0} (current)</source>
        <translation>{0}（当前）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="72"/>
        <source>+1 da&amp;y</source>
        <translation>+1 天(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="75"/>
        <source>+1 &amp;week</source>
        <translation>+1 周(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="78"/>
        <source>key person</source>
        <translation>关键人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/form_texts.py" line="81"/>
        <source>No contacts recorded for this customer yet.</source>
        <translation>该客户尚未登记联系人。</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../workbench/ui/about.py" line="54"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/about.py" line="55"/>
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="166"/>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="168"/>
        <source>Customers with their contacts from an Excel (.xlsx) or CSV sheet, one row per contact. Check what each column is imported as; rows with a red cell are left out: write the error report, fix those cells in it and import it again.</source>
        <translation>从 Excel (.xlsx) 或 CSV 表格导入客户及其联系人，每个联系人一行。请核对每一列导入为什么；有红色单元格的行不会导入：生成错误报告，在报告中改正这些单元格后再导入一次。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="171"/>
        <source>No sheet chosen yet.</source>
        <translation>尚未选择表格。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="172"/>
        <source>&amp;Choose a sheet…</source>
        <translation>选择表格(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="173"/>
        <source>Only rows with errors</source>
        <translation>只显示有错误的行</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="174"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="175"/>
        <source>&amp;Update customers already stored</source>
        <translation>更新已有的客户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="176"/>
        <source>Write error &amp;report…</source>
        <translation>生成错误报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="177"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="190"/>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="191"/>
        <source>Errors ({0})</source>
        <translation>错误（{0}）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="196"/>
        <source>{0} rows read: {1} new customers, {2} to update, {3} unchanged; {4} new contacts, {5} to update.</source>
        <translation>已读取 {0} 行：新客户 {1} 个，需更新 {2} 个，无变化 {3} 个；新联系人 {4} 个，需更新 {5} 个。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="200"/>
        <source>{0} rows with errors ({1} errors) are left out.</source>
        <translation>有错误的 {0} 行（共 {1} 处错误）不会导入。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="208"/>
        <source>&amp;Import {0} customers</source>
        <translation>导入 {0} 个客户(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="208"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="218"/>
        <source>Choose the sheet to import</source>
        <translation>选择要导入的表格</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="219"/>
        <source>Sheets ({0})</source>
        <translation>表格 ({0})</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="241"/>
        <source>Reading the sheet</source>
        <translation>正在读取表格</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="256"/>
        <source>Checking the rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="298"/>
        <source>Choose the column under “Imported as”.</source>
        <translation>请在“导入为”一栏中选择对应的列。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="311"/>
        <source>Stopped: the sheet was not read to the end; nothing was written.</source>
        <translation>已停止：表格未读完，没有写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="313"/>
        <source>This file cannot be imported: {0}</source>
        <translation>此文件无法导入：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="318"/>
        <source>This file could not be read (the details are in the log).</source>
        <translation>无法读取此文件（详情见日志文件）。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="363"/>
        <source>Importing customers</source>
        <translation>正在导入客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="371"/>
        <source>Imported: {0} new customers, {1} updated; {2} new contacts, {3} updated.</source>
        <translation>已导入：新客户 {0} 个，更新 {1} 个；新联系人 {2} 个，更新 {3} 个。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="383"/>
        <source>Import stopped: nothing was written.</source>
        <translation>导入已停止：没有写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="385"/>
        <source>Nothing was imported: a customer of this sheet was changed meanwhile (in another window, or by a sync). The rows are checked again against what is stored now; then import again.</source>
        <translation>没有导入任何数据：此表格中的某个客户在此期间已被修改（在另一个窗口中，或经同步）。正在按当前保存的数据重新检查各行，之后请再导入一次。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="393"/>
        <source>Nothing was imported: {0}</source>
        <translation>没有导入任何数据：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="398"/>
        <source>Nothing was imported (the details are in the log).</source>
        <translation>没有导入任何数据（详情见日志文件）。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="406"/>
        <source>errors</source>
        <translation>错误报告</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="408"/>
        <source>Write the error report</source>
        <translation>生成错误报告</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="419"/>
        <source>Writing the error report</source>
        <translation>正在生成错误报告</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="425"/>
        <source>The error report is written to {0}: fix the red cells there (the last column says why) and import that file again.</source>
        <translation>错误报告已保存到 {0}：请在其中改正红色单元格（最后一列写明了原因），然后导入该文件。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/dialog.py" line="433"/>
        <source>The error report could not be written: {0}</source>
        <translation>无法保存错误报告：{0}</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../workbench/ui/offers/lines_model.py" line="119"/>
        <source>Line {0} ({1}): the net unit price {2} is below the price floor {3}; lower the discount to offer it</source>
        <translation>第 {0} 行（{1}）：净单价 {2} 低于底线价 {3}，降低优惠后才能报价</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/lines_model.py" line="193"/>
        <source>below the price floor</source>
        <translation>低于底线价</translation>
    </message>
</context>
<context>
    <name>ListExportButton</name>
    <message>
        <location filename="../../workbench/ui/importing/list_export.py" line="43"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/list_export.py" line="44"/>
        <source>Export the list as shown (the search, filters and order) to Excel</source>
        <translation>按当前所见导出列表（搜索、筛选和排序）到 Excel</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/list_export.py" line="48"/>
        <source>Export the list as shown</source>
        <translation>按所见导出列表</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/list_export.py" line="66"/>
        <source>Exporting the list</source>
        <translation>正在导出列表</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/list_export.py" line="74"/>
        <source>{0} customers exported to {1}</source>
        <translation>已导出 {0} 个客户到 {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/list_export.py" line="82"/>
        <source>Not exported: {0}</source>
        <translation>未导出：{0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="157"/>
        <source>Today</source>
        <extracomment>(key, page class &quot;module:Class&quot;); titles come from ``_page_title`` so they translate.</extracomment>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="157"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="157"/>
        <source>Pipeline</source>
        <translation>阶段看板</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="158"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="158"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="159"/>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="162"/>
        <source>Account Manager&apos;s Workbench</source>
        <translation>集团客户经理工作台</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="163"/>
        <source>Opening the store…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="164"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="165"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="166"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="167"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="168"/>
        <source>New &amp;visit…</source>
        <translation>新建拜访(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="169"/>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="170"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="171"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="172"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="173"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="174"/>
        <source>&amp;Language…</source>
        <translation>语言(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="175"/>
        <source>&amp;Price books…</source>
        <translation>价格目录(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="197"/>
        <source>Opening the store</source>
        <translation>正在打开数据库</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="232"/>
        <location filename="../../workbench/ui/sync/wiring.py" line="143"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="234"/>
        <source> · read-only</source>
        <translation> · 只读</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="243"/>
        <source>The store could not be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <location filename="../../workbench/ui/importing/mapping.py" line="47"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/mapping.py" line="47"/>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/mapping.py" line="47"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/mapping.py" line="48"/>
        <source>Values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/mapping.py" line="58"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>MoveStageDialog</name>
    <message>
        <location filename="../../workbench/ui/customers/stage_dialog.py" line="70"/>
        <source>Move stage</source>
        <translation>调整阶段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/stage_dialog.py" line="72"/>
        <source>{0} is now at: {1}</source>
        <translation>“{0}”当前阶段：{1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/stage_dialog.py" line="74"/>
        <source>&amp;New stage:</source>
        <translation>新阶段(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/stage_dialog.py" line="75"/>
        <source>&amp;Why (optional):</source>
        <translation>原因（选填）(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/stage_dialog.py" line="76"/>
        <source>e.g. first meeting with the IT director</source>
        <translation>例如：与信息中心主任首次会面</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/stage_dialog.py" line="87"/>
        <source>{0} (current)</source>
        <translation>{0}（当前）</translation>
    </message>
</context>
<context>
    <name>OfferBuilder</name>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="209"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="210"/>
        <source>Whole-offer &amp;discount (%):</source>
        <translation>整单折扣(&amp;D)（%）：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="211"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="212"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="212"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="212"/>
        <source>Term</source>
        <translation>协议期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="212"/>
        <source>Manual %</source>
        <translation>手动折扣 %</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="213"/>
        <source>List price</source>
        <translation>目录价</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="213"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="213"/>
        <source>Net unit</source>
        <translation>折后单价</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="213"/>
        <source>Monthly</source>
        <translation>月费</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="214"/>
        <source>One-off</source>
        <translation>一次性费用</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="214"/>
        <source>Rules / problems</source>
        <translation>规则 / 问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="219"/>
        <source>{} mobile lines</source>
        <translation>{} 个手机号码</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="221"/>
        <source>at risk of leaving</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="266"/>
        <location filename="../../workbench/ui/offers/builder.py" line="277"/>
        <source>Not saved: the offer has fields marked in red</source>
        <translation>未保存：报价中有标红的字段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="267"/>
        <source>Not saved: the offer is empty</source>
        <translation>未保存：报价为空</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="270"/>
        <source>Saving is not available here</source>
        <translation>此处无法保存</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="285"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="319"/>
        <source>Line {}: {}</source>
        <translation>第 {} 行：{}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="344"/>
        <source>• list price, no discount</source>
        <translation>• 目录价，无折扣</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="345"/>
        <source>Line {}: net {} (floor {}), {} off in all</source>
        <translation>第 {} 行：折后 {}（底线价 {}），共优惠 {}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/builder.py" line="350"/>
        <source>Select a line to see how it is priced.</source>
        <translation>选择一行，查看其定价依据。</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="91"/>
        <source>Offer for {0}</source>
        <translation>{0} 报价</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="97"/>
        <source>New offer — {0}</source>
        <translation>新建报价 — {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="99"/>
        <source>Offer {0} — {1}</source>
        <translation>报价 {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="101"/>
        <source>Version {0} ({1}, frozen): saving makes version {2}.</source>
        <translation>第 {0} 版（{1}，已冻结）：保存后将生成第 {2} 版。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="104"/>
        <source>Version {0} ({1}): saving replaces this version.</source>
        <translation>第 {0} 版（{1}）：保存将覆盖此版本。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="118"/>
        <source>It was priced on catalogue {0} / policy {1}; the books in force now are {2} / {3}.</source>
        <translation>该方案按产品目录 {0} / 定价政策 {1} 报价；当前生效的是 {2} / {3}。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="121"/>
        <source>Monthly total then {0}, re-priced now {1}; saving keeps the new prices.</source>
        <translation>原月费合计 {0}，按新目录为 {1}；保存后采用新价格。</translation>
    </message>
</context>
<context>
    <name>OfferState</name>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="30"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="31"/>
        <source>needs approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="32"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="33"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="34"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="35"/>
        <source>won</source>
        <translation>已成交</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/dialog.py" line="36"/>
        <source>lost</source>
        <translation>已丢单</translation>
    </message>
</context>
<context>
    <name>OffersTab</name>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="151"/>
        <source>Loading the offers</source>
        <translation>正在加载报价</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="232"/>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="234"/>
        <source>v{0}</source>
        <translation>第 {0} 版</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="237"/>
        <source>“{0}”</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="246"/>
        <source>Select an offer to see its history.</source>
        <translation>选择一个报价，查看其审批记录。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="284"/>
        <source>&amp;New offer…</source>
        <translation>新建报价(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="285"/>
        <source>Build a priced bundle offer for this customer</source>
        <translation>为该客户制作组合方案报价</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="286"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="287"/>
        <source>Open the offer to revise it (a sent offer gets a new version)</source>
        <translation>打开报价进行修改（已发送的报价将生成新版本）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="288"/>
        <source>Propos&amp;al…</source>
        <translation>建议书(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="289"/>
        <source>Preview, print or save the proposal sheet (PDF) of this offer</source>
        <translation>预览、打印或保存该方案的建议书 (PDF)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="290"/>
        <source>Mark &amp;sent</source>
        <translation>标记为已发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="291"/>
        <source>The offer went to the customer: its version is frozen</source>
        <translation>报价已交给客户：该版本将被冻结</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="292"/>
        <source>A&amp;pprove…</source>
        <translation>审批通过(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="293"/>
        <source>Approve the offer waiting for approval (team lead or HQ)</source>
        <translation>审批通过待审批的报价（营销主管或总部）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="294"/>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="295"/>
        <source>Reject the offer waiting for approval, with the reason</source>
        <translation>驳回待审批的报价，并说明原因</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="296"/>
        <source>&amp;Won…</source>
        <translation>成交(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="297"/>
        <source>The customer accepted the sent offer; optionally move the stage</source>
        <translation>客户接受了已发送的报价；可同时调整客户阶段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="298"/>
        <source>&amp;Lost…</source>
        <translation>丢单(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="299"/>
        <source>The customer declined the sent offer</source>
        <translation>客户拒绝了已发送的报价</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="300"/>
        <source>Approval history</source>
        <translation>审批记录</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="301"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="301"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="301"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="302"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="302"/>
        <source>Monthly</source>
        <translation>月费</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="302"/>
        <source>Term total</source>
        <translation>协议期总费用</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="303"/>
        <source>Authority</source>
        <translation>审批权限</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offers_tab.py" line="304"/>
        <source>No offers yet. New offer… builds one.</source>
        <translation>暂无报价。点击“新建报价…”即可制作。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offer_actions.py" line="169"/>
        <source>Mark as sent?</source>
        <extracomment>States from which an offer may be marked sent.</extracomment>
        <translation>标记为已提交？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/offer_actions.py" line="170"/>
        <source>Was this proposal handed to the client? Marking offer {0} as sent freezes version {1}: this proposal is kept exactly as it is.</source>
        <translation>这份建议书已交给客户了吗？将方案 {0} 标记为已提交后，第 {1} 版即被冻结：这份建议书将原样保存。</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../workbench/ui/customers/form_support.py" line="216"/>
        <source>set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/form_support.py" line="217"/>
        <source>Unticked: no date</source>
        <translation>不勾选：不设日期</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="234"/>
        <source>Offer {0} won</source>
        <translation>报价 {0} 成交</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="234"/>
        <source>Offer {0} lost</source>
        <translation>报价 {0} 丢单</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="237"/>
        <source>{0} — current stage: {1}</source>
        <translation>{0} — 当前阶段：{1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="239"/>
        <source>Move the customer to &amp;stage:</source>
        <translation>将客户调整到阶段(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="240"/>
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="241"/>
        <source>e.g. contract signed</source>
        <translation>例如：已签订合同</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="242"/>
        <source>e.g. a competitor&apos;s price</source>
        <translation>例如：竞争对手报价更低</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="244"/>
        <source>Mark &amp;won</source>
        <translation>标记成交(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="244"/>
        <source>Mark &amp;lost</source>
        <translation>标记丢单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="247"/>
        <source>No change</source>
        <translation>不变</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="181"/>
        <source>&amp;Owner:</source>
        <translation>客户经理(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="182"/>
        <source>All owners</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="183"/>
        <source>Mine</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="184"/>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="185"/>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="192"/>
        <source>Show or hide the dormant and lost customers</source>
        <translation>显示或隐藏休眠和流失客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="201"/>
        <source>{0} customers in the pipeline</source>
        <translation>看板中共 {0} 个客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="202"/>
        <source>&amp;Dormant/lost ({0})</source>
        <translation>休眠/流失（{0}）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="243"/>
        <source>Loading the pipeline</source>
        <translation>正在加载阶段看板</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="377"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="380"/>
        <source>&amp;Move to</source>
        <translation>调整到(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="392"/>
        <source>&amp;Next stage</source>
        <translation>下一阶段(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/board.py" line="392"/>
        <source>&amp;Previous stage</source>
        <translation>上一阶段(&amp;P)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="67"/>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="67"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="67"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="68"/>
        <source>Error</source>
        <translation>有错误</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="119"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="121"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/models.py" line="123"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>PriceBookEditor</name>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="135"/>
        <source>Price books</source>
        <translation>价格目录</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="136"/>
        <source>&amp;Book:</source>
        <translation>目录(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="140"/>
        <source>Catalogue</source>
        <translation>产品目录</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="140"/>
        <source>Pricing policy</source>
        <translation>价格政策</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="143"/>
        <source>Only headquarters can publish price books; you can read them here.</source>
        <translation>只有总部可以发布价格目录；您在此只能查看。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="144"/>
        <source>New &amp;version:</source>
        <translation>新版本号(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="145"/>
        <source>Valid &amp;from:</source>
        <translation>生效日期(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="146"/>
        <source>&amp;New version…</source>
        <translation>新建版本(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="147"/>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="148"/>
        <source>Discard &amp;edit</source>
        <translation>放弃修改(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="149"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="176"/>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="208"/>
        <source>open-ended</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="177"/>
        <source>{version}  ·  {start} – {end}</source>
        <translation>{version}  ·  {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="197"/>
        <source>No book of this kind is stored.</source>
        <translation>尚未保存此类目录。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="206"/>
        <source>Version {0}, valid {1} – {2}, published {3}</source>
        <translation>版本 {0}，有效期 {1} – {2}，发布于 {3}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="211"/>
        <source>{0} products</source>
        <translation>{0} 个产品</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="213"/>
        <source>{0} schemes</source>
        <translation>{0} 个方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pricebooks/editor.py" line="241"/>
        <source>Editing a new version: change the JSON, then publish.</source>
        <translation>正在编辑新版本：修改 JSON 后发布。</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="122"/>
        <source>Identity</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="122"/>
        <source>Location and scale</source>
        <translation>地址与规模</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="123"/>
        <source>Value and competition</source>
        <translation>价值与竞争</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="123"/>
        <source>Activity</source>
        <translation>客户动态</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="124"/>
        <source>Industry hints</source>
        <translation>行业特点</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="124"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="129"/>
        <source>Name:</source>
        <translation>客户名称：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="129"/>
        <source>Short name:</source>
        <translation>简称：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="130"/>
        <source>Credit code:</source>
        <translation>信用代码：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="130"/>
        <source>Industry:</source>
        <translation>行业：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="131"/>
        <source>Owner:</source>
        <translation>客户经理：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="131"/>
        <source>Shared with the team:</source>
        <translation>团队共享：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="132"/>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="132"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="133"/>
        <source>Employees:</source>
        <translation>员工人数：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="133"/>
        <source>Mobile lines:</source>
        <translation>手机用户数：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="134"/>
        <source>Value grade:</source>
        <translation>价值等级：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="134"/>
        <source>Churn risk:</source>
        <translation>流失风险：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="135"/>
        <source>Current provider:</source>
        <translation>现运营商：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="135"/>
        <source>Competitors:</source>
        <translation>竞争对手：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="136"/>
        <source>Competitor contract ends:</source>
        <translation>对方合同到期：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="137"/>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="137"/>
        <source>In this stage since:</source>
        <translation>进入本阶段：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="138"/>
        <source>Last visit:</source>
        <translation>最近拜访：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="138"/>
        <source>Next follow-up:</source>
        <translation>下次跟进：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="139"/>
        <source>Created:</source>
        <translation>创建日期：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="139"/>
        <source>Last changed:</source>
        <translation>最后修改：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="140"/>
        <source>Price-sensitive:</source>
        <translation>价格敏感：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="141"/>
        <source>Decides on reference cases:</source>
        <translation>看重成功案例：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="142"/>
        <source>Loyalty:</source>
        <translation>忠诚度：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="142"/>
        <source>Motive:</source>
        <translation>驱动因素：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="147"/>
        <source>What the seed material says about customers of this industry: a guide for the approach, not a fact. Change them with Edit when this customer differs.</source>
        <translation>以下是资料中对该行业客户的总体判断，仅供制定策略参考，并非事实。该客户情况不同时，可通过“编辑”修改。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="166"/>
        <source> (key industry)</source>
        <translation>（重点行业）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="168"/>
        <location filename="../../workbench/ui/customers/profile.py" line="216"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="168"/>
        <location filename="../../workbench/ui/customers/profile.py" line="216"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="197"/>
        <source>{0} (ended {1} days ago)</source>
        <translation>{0}（已于 {1} 天前到期）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="200"/>
        <source>{0} (in {1} days: an opportunity, prepare an offer)</source>
        <translation>{0}（{1} 天后到期：商机，请准备方案）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="203"/>
        <source>{0} (in {1} days)</source>
        <translation>{0}（{1} 天后到期）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="209"/>
        <source>{0} (overdue)</source>
        <translation>{0}（已逾期）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="220"/>
        <source>Yes: show reference cases</source>
        <translation>是：请展示成功案例</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="226"/>
        <source>set for this customer</source>
        <translation>本客户设定</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/profile.py" line="226"/>
        <source>industry default</source>
        <translation>行业默认</translation>
    </message>
</context>
<context>
    <name>ProposalLaunch</name>
    <message>
        <location filename="../../workbench/ui/proposals/launch.py" line="78"/>
        <source>This version was sent to the client: this is the proposal exactly as produced on {0}, it never changes. A revision makes a new version.</source>
        <translation>该版本已提交客户：以下为 {0} 生成的建议书原件，内容不会再改变。修改方案将生成新版本。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/launch.py" line="88"/>
        <source>Proposal {0} — {1}</source>
        <translation>方案建议书 {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/launch.py" line="98"/>
        <location filename="../../workbench/ui/proposals/launch.py" line="122"/>
        <source>The offer changed while the proposal was being prepared; try again.</source>
        <translation>生成建议书期间方案已被修改，请重试。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/launch.py" line="104"/>
        <location filename="../../workbench/ui/proposals/launch.py" line="129"/>
        <source>Preparing the proposal…</source>
        <translation>正在生成方案建议书…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/launch.py" line="125"/>
        <source>Not prepared.</source>
        <translation>未能生成。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/launch.py" line="139"/>
        <source>Proposal of version {0} ({1}, {2})</source>
        <translation>第 {0} 版建议书（{1}，{2}）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/launch.py" line="141"/>
        <source>as sent</source>
        <translation>已提交客户的原件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/launch.py" line="142"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/launch.py" line="147"/>
        <source>No proposal produced yet</source>
        <translation>尚未生成建议书</translation>
    </message>
</context>
<context>
    <name>ProposalPreview</name>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="242"/>
        <source>{0}%</source>
        <translation>{0}%</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="246"/>
        <source>Page {0} / {1}</source>
        <translation>第 {0} / {1} 页</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="272"/>
        <source>Save proposal as</source>
        <translation>建议书另存为</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="273"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="285"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="289"/>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="297"/>
        <source>Print proposal</source>
        <translation>打印方案建议书</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="336"/>
        <source>Printing the proposal</source>
        <translation>正在打印方案建议书</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="366"/>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="344"/>
        <location filename="../../workbench/ui/proposals/preview.py" line="368"/>
        <source>Not printed.</source>
        <translation>未打印。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="334"/>
        <source>Printing as page images…</source>
        <translation>正在以页面图像打印…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="348"/>
        <source>Printed 1 page to {0}: the proposal&apos;s own PDF, text and fonts kept.</source>
        <translation>已将 1 页打印到 {0}：即建议书本身的 PDF，文字和字体均保留。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="349"/>
        <source>Printed {1} pages to {0}: the proposal&apos;s own PDF, text and fonts kept.</source>
        <translation>已将 {1} 页打印到 {0}：即建议书本身的 PDF，文字和字体均保留。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="357"/>
        <source>Sent 1 page to the printer as an image ({0} dpi, no text layer).</source>
        <translation>已将 1 页以图像形式发送到打印机（{0} dpi，无文字层）。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="358"/>
        <source>Sent {1} pages to the printer as images ({0} dpi, no text layer).</source>
        <translation>已将 {1} 页以图像形式发送到打印机（{0} dpi，无文字层）。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="373"/>
        <source>Proposal preview — {0}</source>
        <translation>建议书预览 — {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="375"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小 (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="377"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大 (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="378"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="379"/>
        <source>Fit the page width to the window (Ctrl+0)</source>
        <translation>页面宽度适合窗口 (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="381"/>
        <source>1 page</source>
        <translation>共 1 页</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="381"/>
        <source>{0} pages</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="387"/>
        <source>The font lacks these characters; they will print as boxes: {0}</source>
        <translation>字体缺少以下字符，打印时将显示为方框：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="390"/>
        <source>This PDF cannot be shown: {0}</source>
        <translation>无法显示该 PDF：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="391"/>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="392"/>
        <source>Save the PDF exactly as shown (Ctrl+S)</source>
        <translation>按所见原样保存 PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="393"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="395"/>
        <source>Print (Ctrl+P). A printer gets the pages as images (up to {0} dpi, no text layer); Print to File (PDF) writes the proposal&apos;s own PDF, as Save as does.</source>
        <translation>打印 (Ctrl+P)。打印机收到的是页面图像（最高 {0} dpi，无文字层）；“打印到文件 (PDF)”与“另存为”一样写出建议书本身的 PDF。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="397"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/preview.py" line="398"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/language.py" line="106"/>
        <source>Preparing the sheet in English…</source>
        <translation>正在生成英文建议书…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/language.py" line="108"/>
        <source>Preparing the sheet in Chinese…</source>
        <translation>正在生成中文建议书…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/language.py" line="141"/>
        <source>The sheet is in English.</source>
        <translation>建议书为英文。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/language.py" line="143"/>
        <source>The sheet is in Chinese.</source>
        <translation>建议书为中文。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../workbench/ui/pipeline/reason.py" line="57"/>
        <source>Move stage</source>
        <translation>调整阶段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/reason.py" line="58"/>
        <source>Move {0} from “{1}” to “{2}”.</source>
        <translation>将“{0}”从“{1}”调整到“{2}”。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/reason.py" line="59"/>
        <source>&amp;Reason (optional):</source>
        <translation>原因（选填）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/reason.py" line="60"/>
        <source>e.g. first meeting with the IT director</source>
        <translation>例如：与信息中心主任首次会面</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/reason.py" line="61"/>
        <source>&amp;Move</source>
        <translation>调整(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/reason.py" line="62"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RefusalsDialog</name>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="69"/>
        <source>Refused changes</source>
        <translation>被拒绝的修改</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="70"/>
        <source>The team server refused these changes. Open the customer to fix what the reason says, then send again; or dismiss the change. Nothing here is lost.</source>
        <translation>团队服务器拒绝了以下修改。请打开客户按原因修正后重新发送，或忽略该修改。这里的内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="72"/>
        <source>Typed</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="72"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="72"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="73"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="73"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="74"/>
        <source>Show done</source>
        <translation>显示已处理</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="75"/>
        <source>&amp;Open customer</source>
        <translation>打开客户(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="76"/>
        <source>&amp;Send again</source>
        <translation>重新发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="77"/>
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="78"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="95"/>
        <source> (dismissed)</source>
        <translation>（已忽略）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/refusals_dialog.py" line="95"/>
        <source> (sent again)</source>
        <translation>（已重新发送）</translation>
    </message>
</context>
<context>
    <name>SchemeRow</name>
    <message>
        <location filename="../../workbench/ui/offers/schemes_panel.py" line="83"/>
        <source>Members:</source>
        <translation>成员数：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/schemes_panel.py" line="84"/>
        <source>Joined on:</source>
        <translation>入网日期：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/schemes_panel.py" line="85"/>
        <source>Opens Yinxuntong (free)</source>
        <translation>开通银讯通（免费）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/schemes_panel.py" line="86"/>
        <source>Already in tier 1</source>
        <translation>已参加第一档</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/schemes_panel.py" line="87"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>SchemesPanel</name>
    <message>
        <location filename="../../workbench/ui/offers/schemes_panel.py" line="134"/>
        <source>Prestore schemes</source>
        <translation>预存话费方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/schemes_panel.py" line="135"/>
        <source>Add a &amp;scheme</source>
        <translation>添加方案(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message>
        <location filename="../../workbench/ui/importing/wiring.py" line="35"/>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/wiring.py" line="36"/>
        <source>Export &amp;weekly report…</source>
        <translation>导出拜访周报(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>SheetLanguage</name>
    <message>
        <location filename="../../workbench/ui/proposals/language.py" line="77"/>
        <source>Sheet &amp;language:</source>
        <translation>建议书语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/language.py" line="79"/>
        <source>This sheet is kept exactly as it was produced, in its language.</source>
        <translation>此建议书按生成时的原样保存，语言不变。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/proposals/language.py" line="82"/>
        <source>The language of the sheet handed to the client (Chinese by default, whatever the window&apos;s language); Save as and Print use it.</source>
        <translation>交给客户的建议书所用语言（默认中文，与界面语言无关）；另存为和打印均使用此语言。</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../../workbench/ui/pipeline/column.py" line="107"/>
        <source>{0} more…</source>
        <extracomment>The board sets it once; columns carry the properties it matches (side, dropTarget).</extracomment>
        <translation>另有 {0} 个…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/column.py" line="108"/>
        <source>The most recently moved customers are shown; filter by owner or industry to narrow the column.</source>
        <translation>仅显示最近调整阶段的客户；可按客户经理或行业筛选以缩小范围。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/column.py" line="117"/>
        <source>Customers in this stage</source>
        <translation>本阶段客户数</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/column.py" line="118"/>
        <source>No customers</source>
        <translation>暂无客户</translation>
    </message>
</context>
<context>
    <name>StoreProblemDialog</name>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="72"/>
        <source>The store cannot be opened</source>
        <translation>无法打开数据文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="72"/>
        <source>The store is damaged</source>
        <translation>数据文件已损坏</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="75"/>
        <source>You can keep working, but what is saved from now on may be lost with the damaged file. Restoring puts the newest backup in its place; the damaged file is kept beside it.</source>
        <translation>您可以继续工作, 但此后保存的内容可能随损坏的文件一起丢失。恢复会用最新的备份替换它; 损坏的文件会保留在旁边。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="79"/>
        <source>Newest backup: {0}</source>
        <translation>最新备份：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="81"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="82"/>
        <source>Open with this &amp;passphrase</source>
        <translation>用此口令打开(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="83"/>
        <source>&amp;Restore the newest backup</source>
        <translation>恢复最新备份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="84"/>
        <source>&amp;Open another store…</source>
        <translation>打开其他数据文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="85"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="85"/>
        <source>&amp;Keep working</source>
        <translation>继续工作(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="115"/>
        <source>Open a store</source>
        <translation>打开数据文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/store_problem.py" line="116"/>
        <source>Stores (*.sqlite *.db);;All files (*)</source>
        <translation>数据文件 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="146"/>
        <source>Monthly recurring</source>
        <translation>月费</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="146"/>
        <location filename="../../workbench/ui/offers/summary.py" line="158"/>
        <source>One-off</source>
        <translation>一次性费用</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="147"/>
        <source>First-year cost</source>
        <translation>首年费用</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="147"/>
        <location filename="../../workbench/ui/offers/summary.py" line="158"/>
        <source>of which installation</source>
        <translation>其中安装调测费</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="148"/>
        <source>Total over the term</source>
        <translation>协议期总费用</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="148"/>
        <source>Savings against list</source>
        <translation>较目录价节省</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="149"/>
        <source>Effective discount</source>
        <translation>实际折扣</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="149"/>
        <source>Prestore (credit)</source>
        <translation>预存话费</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="150"/>
        <source>Rebate returned</source>
        <translation>累计月返还</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="154"/>
        <source>Totals</source>
        <translation>费用合计</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="155"/>
        <source>Gifts</source>
        <translation>赠品</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="156"/>
        <source>Payment and rebate schedule</source>
        <translation>缴费与返还计划</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="157"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="157"/>
        <source>Due</source>
        <translation>应缴</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="157"/>
        <source>Prestore</source>
        <translation>预存</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="157"/>
        <source>Rebate</source>
        <translation>返还</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="157"/>
        <source>Net</source>
        <translation>净支出</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="158"/>
        <source>Recurring</source>
        <translation>月费</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="159"/>
        <source>Free credit</source>
        <translation>可自由使用话费</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="159"/>
        <source>Minimum spend</source>
        <translation>最低消费</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="170"/>
        <source>Add products or a prestore scheme to price the offer.</source>
        <translation>请添加产品或预存话费方案以计算报价。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="177"/>
        <source>Within your authority</source>
        <translation>在您的价格优惠权限内</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="178"/>
        <source>Needs the team lead&apos;s approval</source>
        <translation>需主管审批</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="179"/>
        <source>Needs HQ approval</source>
        <translation>需总部审批</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="182"/>
        <location filename="../../workbench/ui/offers/summary.py" line="210"/>
        <source>No gifts</source>
        <translation>无赠品</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="197"/>
        <source>Not priced yet: the totals wait for the refused line, marked in red</source>
        <translation>暂未报价：合计待标红的被拒行修正后计算</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="199"/>
        <source>Not priced yet: the totals wait for the {0} refused lines, marked in red</source>
        <translation>暂未报价：合计待标红的 {0} 个被拒行修正后计算</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/summary.py" line="201"/>
        <source>Refused: fix the fields marked in red</source>
        <translation>已拒绝：请修正标红的字段</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../workbench/ui/sync/controller.py" line="95"/>
        <source>Syncing with the team server</source>
        <extracomment>Rows per pulled page in the window&apos;s sync. Parsing a page&apos;s JSON is one C call that holds the GIL: 14-28 ms for the engine&apos;s 2,000 rows (1-1.8 MB) on a quiet machine, up to 79 ms on a busy one, a stall the GUI thread feels whole. Half the page, half that wait.</extracomment>
        <translation>正在与团队服务器同步</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="50"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="51"/>
        <source>Push what was typed here and pull the team&apos;s changes (F9)</source>
        <translation>发送本机的修改并获取团队的更新（F9）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="52"/>
        <source>Refused…</source>
        <translation>被拒绝…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="53"/>
        <source>Changes the team server refused, with the reason</source>
        <translation>团队服务器拒绝的修改及原因</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="65"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="73"/>
        <source>This laptop&apos;s access to the team server was revoked or has expired: ask your team lead for a new code (Settings ▸ Team server…). Everything typed here is kept.</source>
        <translation>本机访问团队服务器的权限已被撤销或已过期：请向主管索取新的登记码（设置 ▸ 团队服务器…）。本机录入的内容都已保留。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="76"/>
        <source>Not connected to a team server (Settings ▸ Team server…)</source>
        <translation>未连接团队服务器（设置 ▸ 团队服务器…）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="82"/>
        <source>Syncing… {0} of {1} rows, about {2} s left</source>
        <translation>正在同步… 已收 {0} / {1} 行，约剩 {2} 秒</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="85"/>
        <source>Syncing… {0} of {1} rows</source>
        <translation>正在同步… 已收 {0} / {1} 行</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="87"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="89"/>
        <source>Offline: changes are kept and sent later</source>
        <translation>离线：修改已保存，稍后发送</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="91"/>
        <source>Sync failed: {0}</source>
        <translation>同步失败：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="92"/>
        <source>{0} to send</source>
        <translation>待发送 {0} 项</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="94"/>
        <source>{0} refused</source>
        <translation>被拒绝 {0} 项</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="96"/>
        <source>{0} conflicts</source>
        <translation>冲突 {0} 项</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/status_bar.py" line="97"/>
        <source>last sync {0}</source>
        <translation>上次同步 {0}</translation>
    </message>
</context>
<context>
    <name>SyncWiring</name>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="55"/>
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="56"/>
        <source>&amp;Team server…</source>
        <translation>团队服务器(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="57"/>
        <source>&amp;Refused changes…</source>
        <translation>被拒绝的修改(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="93"/>
        <source>Price book refused</source>
        <translation>价格目录被拒绝</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="153"/>
        <source>Offer {0} ({1}) approved by {2}</source>
        <translation>方案 {0}（{1}）已由 {2} 审批通过</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="154"/>
        <source>Offer {0} ({1}) rejected by {2}</source>
        <translation>方案 {0}（{1}）已被 {2} 驳回</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="157"/>
        <source>: “{0}”</source>
        <translation>：“{0}”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="159"/>
        <source> (and {0} more decisions)</source>
        <translation>（另有 {0} 个审批结果）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="166"/>
        <source>catalogue</source>
        <translation>产品目录</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="167"/>
        <source>pricing policy</source>
        <translation>定价政策</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="171"/>
        <source>Refused: the {0} from the team server failed its signature check and is not used; prices stay on catalogue {1} and policy {2}. Tell your IT department.</source>
        <translation>已拒绝：来自团队服务器的{0}未通过签名校验，不会使用；报价继续使用产品目录 {1} 和定价政策 {2}。请告知信息部门。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="175"/>
        <source>{0} {1} (from {2})</source>
        <translation>{0} {1}（{2} 起）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="177"/>
        <source>New price books from HQ: {0}.</source>
        <translation>总部发布了新的价格目录：{0}。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/sync/wiring.py" line="179"/>
        <source> {0} open offers were priced on older books: opening one shows it re-priced.</source>
        <translation> 有 {0} 个未提交的方案按旧目录报价：打开即可看到按新目录重新计算的价格。</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="72"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="76"/>
        <source>Visits and stage moves</source>
        <translation>拜访和阶段调整</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="77"/>
        <source>Visits only</source>
        <translation>仅拜访</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="78"/>
        <source>Stage moves only</source>
        <translation>仅阶段调整</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="117"/>
        <source>Nothing recorded yet. Log a visit to start the history.</source>
        <translation>暂无记录。记录一次拜访，开始积累客户历史。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="118"/>
        <source>{0}, {1}</source>
        <translation>{0}，{1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/customers/timeline.py" line="118"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次拜访</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/customers/timeline.py" line="119"/>
        <source>%n stage move(s)</source>
        <translation>
            <numerusform>%n 次阶段调整</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="128"/>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="134"/>
        <source>(deleted contact)</source>
        <translation>（已删除的联系人）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="136"/>
        <source>Met</source>
        <translation>会见</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="137"/>
        <source>Objective</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="138"/>
        <source>Situation</source>
        <translation>背景问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="139"/>
        <source>Problem</source>
        <translation>难点问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="140"/>
        <source>Implication</source>
        <translation>暗示问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="144"/>
        <source>Need-payoff</source>
        <translation>需求-效益问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="152"/>
        <source>Needs found</source>
        <translation>发现的需求</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="153"/>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="154"/>
        <source>Outcome</source>
        <translation>拜访结果</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="155"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="178"/>
        <source>Follow-up {0}: done ✓</source>
        <translation>跟进 {0}：已完成 ✓</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/customers/timeline.py" line="182"/>
        <source>Follow-up {0}: overdue by %n day(s)</source>
        <translation>
            <numerusform>跟进 {0}：已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="185"/>
        <source>Follow-up {0}: due today</source>
        <translation>跟进 {0}：今日到期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="188"/>
        <source>Follow-up {0}</source>
        <translation>跟进 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="198"/>
        <source>Stage: started at {0}</source>
        <translation>阶段：起始于{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="200"/>
        <source>Stage: {0} → {1}</source>
        <translation>阶段：{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="206"/>
        <source>by {0}</source>
        <translation>操作人：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="207"/>
        <source>reason: {0}</source>
        <translation>原因：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/customers/timeline.py" line="208"/>
        <source>recorded with a visit</source>
        <translation>随拜访记录</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="152"/>
        <source>&lt;b style=&apos;font-size:15pt&apos;&gt;Today&lt;/b&gt;&amp;nbsp;&amp;nbsp;{0}</source>
        <translation>&lt;b style=&apos;font-size:15pt&apos;&gt;今日&lt;/b&gt;&amp;nbsp;&amp;nbsp;{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="153"/>
        <source>Whole &amp;team</source>
        <translation>全团队(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="154"/>
        <source>Show the follow-ups and contracts of every customer, not only yours</source>
        <translation>显示所有客户的跟进和合同，而不只是您的客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="155"/>
        <source>&amp;Open customer</source>
        <translation>打开客户(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="156"/>
        <source>Open the selected customer (Enter)</source>
        <translation>打开所选客户（Enter）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="157"/>
        <source>Mark &amp;done</source>
        <translation>标记完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="158"/>
        <source>Mark the selected follow-up done (Space or Ctrl+D); Ctrl+Z undoes it</source>
        <translation>将所选跟进标记为完成（空格或 Ctrl+D）；Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="159"/>
        <source>&amp;Log visit…</source>
        <translation>记录拜访(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="160"/>
        <source>Log a visit at the selected customer</source>
        <translation>为所选客户记录拜访</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="161"/>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="162"/>
        <source>Mark follow-up done</source>
        <translation>标记跟进完成</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="163"/>
        <source>Log visit…</source>
        <translation>记录拜访…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="170"/>
        <location filename="../../workbench/ui/today/view.py" line="178"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="173"/>
        <source>Due today and overdue</source>
        <translation>今日到期及已逾期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="173"/>
        <source>Planned for the next {0} days</source>
        <translation>未来 {0} 天计划</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="174"/>
        <source>Competitor contracts ending in the next {0} days</source>
        <translation>未来 {0} 天内到期的对手合同</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="185"/>
        <source>Nothing due today, and nothing overdue.</source>
        <translation>今日没有到期事项，也没有逾期事项。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="187"/>
        <source>No follow-ups planned for the next {0} days.</source>
        <translation>未来 {0} 天没有计划的跟进。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="190"/>
        <source>No competitor contract ends in the next {0} days.</source>
        <translation>未来 {0} 天没有到期的对手合同。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="193"/>
        <source>{0} overdue</source>
        <translation>逾期 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="194"/>
        <source>{0} due today</source>
        <translation>今日到期 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="195"/>
        <source>{0} this week</source>
        <translation>本周 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="197"/>
        <source>1 contract ending</source>
        <translation>1 份合同将到期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="198"/>
        <source>{0} contracts ending</source>
        <translation>{0} 份合同将到期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="203"/>
        <source>{0} shown, more not listed</source>
        <translation>显示 {0} 条，其余未列出</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="205"/>
        <source>{0} shown of {1}</source>
        <translation>显示 {0} 条，共 {1} 条</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/view.py" line="227"/>
        <source>Loading today&apos;s agenda</source>
        <translation>正在加载今日日程</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="36"/>
        <source>1 day overdue</source>
        <translation>逾期 1 天</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="38"/>
        <source>{0} days overdue</source>
        <translation>逾期 {0} 天</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="40"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="42"/>
        <location filename="../../workbench/ui/today/models.py" line="50"/>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="43"/>
        <location filename="../../workbench/ui/today/models.py" line="51"/>
        <source>In {0} days</source>
        <translation>{0} 天后</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/today/models.py" line="48"/>
        <source>Ends today</source>
        <translation>今天到期</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="138"/>
        <source>Log a visit — {0}</source>
        <translation>记录拜访 — {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="141"/>
        <source>Stage now: {0}</source>
        <translation>当前阶段：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="142"/>
        <source>&amp;Save visit</source>
        <translation>保存拜访(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="143"/>
        <source>Save the visit (Ctrl+Enter)</source>
        <translation>保存拜访（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="144"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="145"/>
        <source>Close (Esc); what you typed is kept as a draft</source>
        <translation>关闭（Esc）；已填写的内容将保存为草稿</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="146"/>
        <source>Discard draft</source>
        <translation>丢弃草稿</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="148"/>
        <source>Restored your unsaved draft from {0}.</source>
        <translation>已恢复您在 {0} 未保存的草稿。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="201"/>
        <source>The draft could not be saved: {0}</source>
        <translation>草稿无法保存：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="204"/>
        <source>Draft saved at {0}</source>
        <translation>草稿已于 {0} 保存</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="292"/>
        <source>Visit not saved</source>
        <translation>拜访未保存</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="295"/>
        <source>This visit is not saved yet. Keep what you typed as a draft to finish later?</source>
        <translation>本次拜访尚未保存。是否将已填写的内容保存为草稿，稍后再完成？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="296"/>
        <source>&amp;Keep as draft</source>
        <translation>保存为草稿(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="298"/>
        <source>This visit is not saved, and the draft could not be stored ({0}). Discard what you typed?</source>
        <translation>本次拜访尚未保存，草稿也无法存储（{0}）。是否丢弃已填写的内容？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="300"/>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/visits/dialog.py" line="301"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WeeklyExportDialog</name>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="123"/>
        <source>Export weekly report</source>
        <translation>导出拜访周报</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="124"/>
        <source>&amp;Week of</source>
        <translation>周次(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="124"/>
        <source>W&amp;hose</source>
        <translation>范围(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="124"/>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="125"/>
        <source>F&amp;ile</source>
        <translation>文件(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="127"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="127"/>
        <source>The whole team</source>
        <translation>全组</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="129"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="129"/>
        <source>PDF page (.pdf)</source>
        <translation>PDF 文档 (.pdf)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="130"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="131"/>
        <source>&amp;Open the file</source>
        <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="132"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="133"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="160"/>
        <source>Monday {0} to Sunday {1}</source>
        <translation>周一 {0} 至 周日 {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="174"/>
        <source>team</source>
        <translation>全组</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="176"/>
        <source>weekly-report-{0}-{1}</source>
        <translation>周报-{0}-{1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="183"/>
        <source>Save the weekly report</source>
        <translation>保存拜访周报</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="197"/>
        <source>Say where to write the report.</source>
        <translation>请指定周报保存的位置。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="217"/>
        <source>Writing the weekly report</source>
        <translation>正在生成拜访周报</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="224"/>
        <source>Writing the report…</source>
        <translation>正在生成周报…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="237"/>
        <source>Written: {0} ({1} visits)</source>
        <translation>已保存：{0}（{1} 次拜访）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="239"/>
        <source>Written: {0} ({1} visits, {2} pages)</source>
        <translation>已保存：{0}（{1} 次拜访，共 {2} 页）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/importing/weekly_dialog.py" line="250"/>
        <source>The report could not be written there: {0}</source>
        <translation>无法在此保存周报：{0}</translation>
    </message>
</context>
<context>
    <name>_ActionDialog</name>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="115"/>
        <source>Not allowed: {0}</source>
        <translation>无权操作：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="132"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/outcome_dialog.py" line="133"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../workbench/ui/errors.py" line="26"/>
        <source>Nothing was lost: what you typed is still here; save again once it is fixed.</source>
        <translation>没有丢失任何内容：您输入的内容仍在，问题解决后请再次保存。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/errors.py" line="29"/>
        <source>Not saved: the disk is full. Free some space on the disk holding the store.</source>
        <translation>未保存：磁盘已满。请在存放数据库的磁盘上腾出空间。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/errors.py" line="32"/>
        <source>Not saved: the store is read-only. Make the store file and its folder writable.</source>
        <translation>未保存：数据库为只读。请让数据库文件及其文件夹可写。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/errors.py" line="35"/>
        <source>Not saved: another program holds the store (is the workbench open twice?). Close the other program.</source>
        <translation>未保存：另一个程序占用了数据库（是否打开了两个工作台？）。请关闭另一个程序。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/errors.py" line="88"/>
        <source>The details are in the log file.</source>
        <translation>详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/errors.py" line="90"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <location filename="../../workbench/ui/i18n.py" line="69"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/i18n.py" line="70"/>
        <source>Language of the program:</source>
        <translation>程序界面语言：</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../workbench/ui/labels.py" line="34"/>
        <source>Me</source>
        <translation>我</translation>
    </message>
</context>
<context>
    <name>lang</name>
    <message>
        <location filename="../../workbench/ui/labels.py" line="15"/>
        <source>en</source>
        <translation>zh</translation>
    </message>
</context>
<context>
    <name>pipeline</name>
    <message>
        <location filename="../../workbench/ui/pipeline/cards.py" line="276"/>
        <source>{0} · {1}</source>
        <extracomment>What a dragged card carries: &quot;customer id
from stage code&quot; (UTF-8).</extracomment>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/cards.py" line="281"/>
        <source>{0} d in stage</source>
        <translation>本阶段 {0} 天</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/cards.py" line="281"/>
        <source>{0} d</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/cards.py" line="284"/>
        <source>no follow-up</source>
        <translation>无跟进</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/cards.py" line="287"/>
        <source>follow-up {0} (overdue)</source>
        <translation>跟进 {0}(已逾期)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/cards.py" line="287"/>
        <source>overdue {0}</source>
        <translation>逾期 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/cards.py" line="289"/>
        <source>follow-up {0} (today)</source>
        <translation>跟进 {0}(今天)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/cards.py" line="289"/>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/cards.py" line="291"/>
        <source>follow-up {0}</source>
        <translation>跟进 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pipeline/cards.py" line="291"/>
        <source>due {0}</source>
        <translation>{0} 到期</translation>
    </message>
</context>
<context>
    <name>single_instance</name>
    <message>
        <location filename="../../workbench/ui/single_instance.py" line="151"/>
        <source>Already open</source>
        <extracomment>How long a second start tries to reach the first (which may still be starting).</extracomment>
        <translation>程序已打开</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/single_instance.py" line="152"/>
        <source>The workbench is already open on {0}, but it does not answer. Close it (or end it in the task manager) and start again.</source>
        <translation>工作台已在 {0} 上打开，但没有响应。请关闭它（或在任务管理器中结束它）后再启动。</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <location filename="../../workbench/ui/today/commands.py" line="27"/>
        <source>Follow-up done: {0}</source>
        <translation>跟进完成：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/undo.py" line="29"/>
        <source>{0} was changed meanwhile; the newer value is kept.</source>
        <translation>“{0}”在此期间已被修改，保留较新的值。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/undo.py" line="163"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/undo.py" line="179"/>
        <location filename="../../workbench/ui/undo.py" line="242"/>
        <source>Delete {0}</source>
        <translation>删除“{0}”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/undo.py" line="198"/>
        <source>Move stage</source>
        <translation>调整阶段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/undo.py" line="201"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/undo.py" line="201"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/undo.py" line="224"/>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/offers/state_undo.py" line="36"/>
        <source>Offer {0}: {1}</source>
        <translation>方案 {0}：{1}</translation>
    </message>
</context>
</TS>
