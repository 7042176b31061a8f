<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="34" />
        <source>Send this message?</source>
        <translation>发送这封邮件？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="35" />
        <source>Send this invitation?</source>
        <translation>发送这份邀请？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="36" />
        <source>Save this draft?</source>
        <translation>保存这份草稿？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="37" />
        <source>Add this event?</source>
        <translation>添加这个日程？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="38" />
        <source>Move this event?</source>
        <translation>移动这个日程？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="60" />
        <source>Allow this action?</source>
        <translation>允许此操作？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="39" />
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="40" />
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="41" />
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="42" />
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="43" />
        <source>Message</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="44" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="45" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="46" />
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="47" />
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="48" />
        <source>Asked for</source>
        <translation>请求的时间</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="49" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="50" />
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="51" />
        <source>Attendees</source>
        <translation>参与者</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="52" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="53" />
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="54" />
        <source>Calendar data (.ics)</source>
        <translation>日历数据（.ics）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="81" />
        <source>Approve an action</source>
        <translation>批准操作</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="92" />
        <source>Hearth will only do this if you approve. This is exactly what it will do:</source>
        <translation>只有经你批准，Hearth 才会执行。以下就是它将要做的事：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="135" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="136" />
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>AttachImageButton</name>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="199" />
        <source>Add image…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="200" />
        <source>Attach images (or drop or paste them into the chat)</source>
        <translation>附加图片（也可以拖放或粘贴到聊天中）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="201" />
        <location filename="../../app/widgets/image_attachments.py" line="211" />
        <source>Attach images</source>
        <translation>附加图片</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="213" />
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="70" />
        <source>Attached image {name}</source>
        <translation>已附加图片 {name}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="74" />
        <source>Remove {name}</source>
        <translation>移除 {name}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="75" />
        <source>Remove image</source>
        <translation>移除图片</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="58" />
        <source>Actions you approved or denied</source>
        <translation>你批准或拒绝的操作</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="65" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="65" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="65" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="65" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="77" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="79" />
        <source>Remove the created event, or move it back</source>
        <translation>删除已创建的日程，或将其移回原处</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="81" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="82" />
        <source>Read the log of actions again</source>
        <translation>重新读取操作记录</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="121" />
        <source>denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="122" />
        <source>approved, in progress</source>
        <translation>已批准，进行中</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="123" />
        <source>approved, done</source>
        <translation>已批准，已完成</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="124" />
        <source>approved, failed</source>
        <translation>已批准，失败</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="125" />
        <source>approved, undone</source>
        <translation>已批准，已撤销</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="158" />
        <source>Undoing…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="163" />
        <source>Undone.</source>
        <translation>已撤销。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="171" />
        <source>Undo failed: {0}</source>
        <translation>撤销失败：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="176" />
        <source>Can't read the audit log: {0}</source>
        <translation>无法读取审计日志：{0}</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="108" />
        <source>‹ Previous</source>
        <translation>‹ 上一个</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="109" />
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="110" />
        <source>The week or month before</source>
        <translation>上一周或上个月</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="111" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="112" />
        <source>Back to the days from today</source>
        <translation>回到今天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="113" />
        <source>Next ›</source>
        <translation>下一个 ›</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="114" />
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="115" />
        <source>The week or month after</source>
        <translation>下一周或下个月</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="116" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="117" />
        <source>Show seven days</source>
        <translation>显示七天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="118" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="119" />
        <source>Show a month</source>
        <translation>显示一个月</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="125" />
        <source>Set up…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="126" />
        <source>Choose an .ics file or a CalDAV account</source>
        <translation>选择 .ics 文件或 CalDAV 账户</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="127" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="128" />
        <source>Read the calendar again</source>
        <translation>重新读取日历</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="135" />
        <source>Events</source>
        <translation>日程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="200" />
        <source>No calendar is set up: press Set up… to choose one.</source>
        <translation>尚未设置日历：点按“设置…”来选择一个。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="233" />
        <source>No events this month.</source>
        <translation>本月没有日程。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="235" />
        <source>No events this week.</source>
        <translation>本周没有日程。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="249" />
        <source>{0} (today)</source>
        <translation>{0}（今天）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="252" />
        <source>No events</source>
        <translation>没有日程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="266" />
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="205" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>CalendarSetupDialog</name>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="40" />
        <source>Set up the calendar</source>
        <translation>设置日历</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="43" />
        <source>Hearth's own calendar (in the data folder)</source>
        <translation>Hearth 自带的日历（位于数据文件夹中）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="44" />
        <source>A calendar file (.ics)</source>
        <translation>日历文件（.ics）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="45" />
        <source>A CalDAV account (Nextcloud, Fastmail…)</source>
        <translation>CalDAV 账户（Nextcloud、Fastmail…）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="52" />
        <source>/home/me/calendar.ics</source>
        <translation>/home/me/calendar.ics</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="53" />
        <source>Calendar file</source>
        <translation>日历文件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="54" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="64" />
        <source>https://dav.example.org/calendars/me/work/</source>
        <translation>https://dav.example.org/calendars/me/work/</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="68" />
        <source>kept in the system keyring</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="71" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="72" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="73" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="77" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="130" />
        <source>Choose a calendar file</source>
        <translation>选择日历文件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="130" />
        <source>Calendars (*.ics)</source>
        <translation>日历 (*.ics)</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="139" />
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="145" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_setup_dialog.py" line="158" />
        <source>Not working: {0}</source>
        <translation>不可用：{0}</translation>
    </message>
</context>
<context>
    <name>CalendarSetupService</name>
    <message numerus="yes">
        <location filename="../../app/services/calendar.py" line="92" />
        <source>Connected: %n event(s) in the next {0} days.</source>
        <translation><numerusform>已连接：未来 {0} 天内有 %n 个日程。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/services/calendar.py" line="94" />
        <source>The calendar can be read: %n event(s) in the next {0} days.</source>
        <translation><numerusform>可以读取日历：未来 {0} 天内有 %n 个日程。</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/services/calendar.py" line="96" />
        <source>The file doesn't exist yet: Hearth creates it with the first event.</source>
        <translation>该文件尚不存在：Hearth 会在添加第一个日程时创建它。</translation>
    </message>
</context>
<context>
    <name>ChartTableDialog</name>
    <message>
        <location filename="../../app/widgets/image_chart.py" line="176" />
        <source>Chart data: {title}</source>
        <translation>图表数据：{title}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_chart.py" line="178" />
        <source>Chart data</source>
        <translation>图表数据</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_chart.py" line="191" />
        <source>Read by the vision model: compare the plot with the original before use.</source>
        <translation>由视觉模型读取：使用前请与原图核对。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_chart.py" line="210" />
        <source>Copy CSV</source>
        <translation>复制 CSV</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_chart.py" line="212" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_chart.py" line="233" />
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <location filename="../../app/controllers/chat.py" line="366" />
        <source>Link not opened</source>
        <translation>未打开链接</translation>
    </message>
    <message>
        <location filename="../../app/controllers/chat.py" line="367" />
        <source>Hearth doesn't open links of this kind:
{0}</source>
        <translation>Hearth 不会打开此类链接：
{0}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/chat.py" line="372" />
        <source>Open link?</source>
        <translation>打开链接？</translation>
    </message>
    <message>
        <location filename="../../app/controllers/chat.py" line="373" />
        <source>Open this address in your browser?

{0}</source>
        <translation>在浏览器中打开此地址？

{0}</translation>
    </message>
</context>
<context>
    <name>ChatOptionsDialog</name>
    <message>
        <location filename="../../app/widgets/chat_options_dialog.py" line="54" />
        <source>Chat options</source>
        <translation>聊天选项</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_options_dialog.py" line="67" />
        <source>Lower is more focused and repeatable, higher more varied.</source>
        <translation>越低越集中、越可重复，越高越多样。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_options_dialog.py" line="69" />
        <source>the model's own</source>
        <translation>模型自带设置</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_options_dialog.py" line="70" />
        <source>Default ({0})</source>
        <translation>默认（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_options_dialog.py" line="81" />
        <source>Default ({0} tokens)</source>
        <translation>默认（{0} 个词元）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_options_dialog.py" line="87" />
        <source>{0} tokens</source>
        <translation>{0} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_options_dialog.py" line="91" />
        <source>How much of the chat the model reads at once. Larger remembers more but needs more memory; changing it reloads the model.</source>
        <translation>模型一次读取的聊天内容量。越大记住的内容越多，但需要更多内存；更改后会重新加载模型。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_options_dialog.py" line="95" />
        <source>Sent with every request of this chat; other chats keep their own.</source>
        <translation>随此聊天的每次请求一起发送；其他聊天保留各自的设置。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_options_dialog.py" line="59" />
        <location filename="../../app/widgets/chat_options_dialog.py" line="98" />
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_options_dialog.py" line="99" />
        <source>Context window</source>
        <translation>上下文窗口</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <location filename="../../app/services/chat_session.py" line="261" />
        <source>Using {0}…</source>
        <translation>正在使用 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/services/chat_session.py" line="263" />
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../app/services/chat_session.py" line="263" />
        <source>denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/services/chat_session.py" line="257" />
        <source>Read {0} of {1} sections…</source>
        <translation>已读取 {0}/{1} 个部分…</translation>
    </message>
    <message>
        <location filename="../../app/services/chat_session.py" line="266" />
        <source>{0} done</source>
        <translation>{0} 已完成</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="75" />
        <source>Ask anything. Your words stay on this computer.</source>
        <translation>尽管问吧。你的内容只保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="83" />
        <source>Show the messages before these</source>
        <translation>显示更早的消息</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/chat_view.py" line="289" />
        <source>%n token(s)</source>
        <translation><numerusform>%n 个词元</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="291" />
        <source>{0:.1f} tokens/s</source>
        <translation>每秒 {0:.1f} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="294" />
        <source>model loaded in {0:.1f} s</source>
        <translation>模型加载用时 {0:.1f} 秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/chat_view.py" line="299" />
        <source>Show %n earlier message(s)</source>
        <translation><numerusform>显示更早的 %n 条消息</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="344" />
        <source>Writing…</source>
        <translation>正在撰写…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="346" />
        <source>Stopped. The answer is incomplete.</source>
        <translation>已停止。回答不完整。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="349" />
        <source>The answer failed.</source>
        <translation>回答失败。</translation>
    </message>
</context>
<context>
    <name>CitationView</name>
    <message>
        <location filename="../../app/widgets/documents_citations.py" line="60" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_citations.py" line="67" />
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_citations.py" line="110" />
        <source>{0} is no longer there: it was moved or deleted.</source>
        <translation>{0} 已不在原处：可能已被移动或删除。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_citations.py" line="119" />
        <source>No program could open {0}.</source>
        <translation>没有可以打开 {0} 的程序。</translation>
    </message>
</context>
<context>
    <name>CodeBlockView</name>
    <message>
        <location filename="../../app/widgets/code_block.py" line="56" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/widgets/code_block.py" line="59" />
        <source>Copy this code</source>
        <translation>复制这段代码</translation>
    </message>
    <message>
        <location filename="../../app/widgets/code_block.py" line="60" />
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <location filename="../../app/widgets/code_block.py" line="65" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../app/widgets/composer.py" line="129" />
        <source>Message Hearth</source>
        <translation>给 Hearth 发消息</translation>
    </message>
    <message>
        <location filename="../../app/widgets/composer.py" line="130" />
        <source>Message to send</source>
        <translation>要发送的消息</translation>
    </message>
    <message>
        <location filename="../../app/widgets/composer.py" line="131" />
        <source>Enter sends, Shift+Enter adds a line, Esc stops</source>
        <translation>Enter 发送，Shift+Enter 换行，Esc 停止</translation>
    </message>
    <message>
        <location filename="../../app/widgets/composer.py" line="135" />
        <location filename="../../app/widgets/composer.py" line="184" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../app/widgets/composer.py" line="137" />
        <source>Send the message (Enter)</source>
        <translation>发送消息（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/composer.py" line="184" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="86" />
        <location filename="../../app/widgets/conversation_list.py" line="261" />
        <source>New chat</source>
        <translation>新建聊天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="89" />
        <source>Start a new chat ({0})</source>
        <translation>开始新的聊天（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="94" />
        <location filename="../../app/widgets/conversation_list.py" line="95" />
        <source>Search chats</source>
        <translation>搜索聊天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="105" />
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="230" />
        <source>Rename chat</source>
        <translation>重命名聊天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="230" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="245" />
        <source>Delete chat</source>
        <translation>删除聊天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="246" />
        <source>Delete “{0}” for good? This can't be undone.</source>
        <translation>永久删除“{0}”？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="277" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="278" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>DesktopController</name>
    <message>
        <location filename="../../app/controllers/desktop.py" line="41" />
        <source>Show or hide Hearth</source>
        <translation>显示或隐藏 Hearth</translation>
    </message>
    <message>
        <location filename="../../app/controllers/desktop.py" line="42" />
        <source>New chat</source>
        <translation>新建聊天</translation>
    </message>
    <message>
        <location filename="../../app/controllers/desktop.py" line="43" />
        <source>Quick ask…</source>
        <translation>快速提问…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/desktop.py" line="44" />
        <source>Ask about the screen…</source>
        <translation>询问屏幕内容…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/desktop.py" line="46" />
        <source>Quit Hearth</source>
        <translation>退出 Hearth</translation>
    </message>
    <message>
        <location filename="../../app/controllers/desktop.py" line="48" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
</context>
<context>
    <name>DocumentsController</name>
    <message>
        <location filename="../../app/controllers/documents.py" line="41" />
        <location filename="../../app/controllers/documents.py" line="47" />
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../app/controllers/documents.py" line="42" />
        <source>Your indexed documents: add, re-index, remove</source>
        <translation>你已索引的文档：添加、重新索引、移除</translation>
    </message>
    <message>
        <location filename="../../app/controllers/documents.py" line="48" />
        <source>Answer only from your documents, with numbered sources.</source>
        <translation>仅根据你的文档回答，并附带编号来源。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/documents.py" line="107" />
        <source>Summarize {0}</source>
        <translation>总结 {0}</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="57" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="58" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="59" />
        <source>Passages</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="60" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="61" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="80" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="82" />
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="84" />
        <source>Re-index</source>
        <translation>重新索引</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="86" />
        <source>Read changed files again and drop files that were deleted</source>
        <translation>重新读取已更改的文件，并移除已删除的文件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="88" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="90" />
        <source>Summarize</source>
        <translation>总结</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="184" />
        <source>Indexing is already running; wait for it or cancel it.</source>
        <translation>索引已在进行中，请等待完成或将其取消。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="161" />
        <source>Add documents</source>
        <translation>添加文档</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="54" />
        <source>Indexed documents</source>
        <translation>已索引的文档</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="81" />
        <source>Choose documents to index</source>
        <translation>选择要索引的文档</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="83" />
        <source>Index every document in a folder</source>
        <translation>索引一个文件夹中的所有文档</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="89" />
        <source>Take the selected documents out of the index</source>
        <translation>将所选文档移出索引</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="91" />
        <source>Summarize the selected document in a chat</source>
        <translation>在聊天中总结所选文档</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="94" />
        <source>Rebuild index</source>
        <translation>重建索引</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="96" />
        <source>Build a new index from your files; the old one stays where it was moved</source>
        <translation>根据你的文件建立新索引；旧索引仍保留在其被移至的位置</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="155" />
        <location filename="../../app/widgets/documents_panel.py" line="177" />
        <source>Indexing is already running; wait for it or stop it.</source>
        <translation>索引已在进行中，请等待完成或将其停止。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="161" />
        <source>Documents ({0})</source>
        <translation>文档 ({0})</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="167" />
        <source>Add a folder of documents</source>
        <translation>添加文档文件夹</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="237" />
        <source>Indexed</source>
        <translation>已索引</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="239" />
        <source>Old version kept: can't read</source>
        <translation>无法读取，已保留旧版本</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="239" />
        <source>Can't read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="241" />
        <source>Needs re-indexing</source>
        <translation>需要重新索引</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="256" />
        <source>Starting the indexer…</source>
        <translation>正在启动索引程序…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="263" />
        <source>{0} of {1} files, {2} passages {3}</source>
        <translation>已处理 {0}/{1} 个文件，{2} 个段落 {3}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="272" />
        <source>{0} indexed, {1} unchanged, {2} removed, {3} can't be read.</source>
        <translation>已索引 {0} 个，未更改 {1} 个，已移除 {2} 个，无法读取 {3} 个。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="279" />
        <source>{0} skipped.</source>
        <translation>已跳过 {0} 个。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="281" />
        <source>Stopped. </source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="289" />
        <source>Stopped before any file was read; nothing changed.</source>
        <translation>在读取任何文件之前已停止；没有任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="293" />
        <source>Stopped after {0} of {1} files. Files finished before the stop stay indexed; the rest are as they were.</source>
        <translation>已在处理 {0}/{1} 个文件后停止。停止前已完成的文件保持已索引状态；其余文件保持原样。</translation>
    </message>
</context>
<context>
    <name>DocumentsService</name>
    <message>
        <location filename="../../app/services/documents.py" line="116" />
        <source>The document index could not be opened, so it was moved aside and kept in {0}. Nothing was deleted. Rebuild builds a new index from your files.</source>
        <translation>无法打开文档索引，因此已将其移开并保留在 {0}。没有删除任何内容。“重建索引”会根据你的文件建立新索引。</translation>
    </message>
</context>
<context>
    <name>DropChoiceMenu</name>
    <message>
        <location filename="../../app/widgets/documents_drop.py" line="49" />
        <source>Summarize {0}</source>
        <translation>总结 {0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_drop.py" line="49" />
        <source>Summarize</source>
        <translation>总结</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_drop.py" line="52" />
        <source>Ask about it (add to my documents)</source>
        <translation>就此提问（添加到我的文档）</translation>
    </message>
</context>
<context>
    <name>ImageAttachmentStrip</name>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="170" />
        <location filename="../../app/widgets/image_attachments.py" line="171" />
        <source>Preparing image…</source>
        <translation>正在准备图片…</translation>
    </message>
</context>
<context>
    <name>ImageCanvas</name>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="90" />
        <source>No image</source>
        <translation>没有图片</translation>
    </message>
</context>
<context>
    <name>ImageDropOverlay</name>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="230" />
        <source>Drop images to attach them</source>
        <translation>拖放图片以附加</translation>
    </message>
</context>
<context>
    <name>ImageTaskService</name>
    <message>
        <location filename="../../app/services/images.py" line="323" />
        <source>Chart to table</source>
        <translation>图表转表格</translation>
    </message>
    <message>
        <location filename="../../app/services/images.py" line="328" />
        <source>Find: {0}</source>
        <translation>查找：{0}</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="136" />
        <source>Image: {name}</source>
        <translation>图片：{name}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="146" />
        <source>Find in the image, e.g. the cat</source>
        <translation>在图片中查找，例如：猫</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="147" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="148" />
        <source>Chart to table</source>
        <translation>图表转表格</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="149" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="185" />
        <source>Found: {label}</source>
        <translation>已找到：{label}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="189" />
        <source>Couldn't find {query} in the image.</source>
        <translation>在图片中找不到 {query}。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="198" />
        <source>Looking for {query}…</source>
        <translation>正在查找 {query}…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="205" />
        <source>Reading the chart…</source>
        <translation>正在读取图表…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="216" />
        <source>Chart read: check the numbers against the original.</source>
        <translation>图表已读取：请对照原图核对数字。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="227" />
        <source>Stopped. Nothing was kept from that task.</source>
        <translation>已停止。该任务的内容均未保留。</translation>
    </message>
</context>
<context>
    <name>ImagesController</name>
    <message>
        <location filename="../../app/controllers/images.py" line="41" />
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/images.py" line="41" />
        <source>Find something in the attached image</source>
        <translation>在附加的图片中查找某样东西</translation>
    </message>
    <message>
        <location filename="../../app/controllers/images.py" line="45" />
        <location filename="../../app/controllers/images.py" line="93" />
        <source>Chart to table</source>
        <translation>图表转表格</translation>
    </message>
    <message>
        <location filename="../../app/controllers/images.py" line="45" />
        <source>Read the attached chart into a table</source>
        <translation>把附加的图表读成表格</translation>
    </message>
    <message>
        <location filename="../../app/controllers/images.py" line="78" />
        <source>Find in the image</source>
        <translation>在图片中查找</translation>
    </message>
    <message>
        <location filename="../../app/controllers/images.py" line="79" />
        <source>What should Hearth find?</source>
        <translation>要让 Hearth 找什么？</translation>
    </message>
    <message>
        <location filename="../../app/controllers/images.py" line="88" />
        <source>Find: {0}</source>
        <translation>查找：{0}</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <location filename="../../app/widgets/job_bar.py" line="36" />
        <source>%v of %m</source>
        <translation>%v/%m</translation>
    </message>
    <message>
        <location filename="../../app/widgets/job_bar.py" line="41" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/widgets/job_bar.py" line="42" />
        <source>Stop this job; nothing half-done is kept</source>
        <translation>停止此任务；不会保留任何未完成的内容</translation>
    </message>
    <message>
        <location filename="../../app/widgets/job_bar.py" line="98" />
        <source>attempt {0} of {1}</source>
        <translation>第 {0}/{1} 次尝试</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/job_bar.py" line="100" />
        <source>%n token(s)</source>
        <translation><numerusform>%n 个词元</numerusform></translation>
    </message>
</context>
<context>
    <name>MailAccountsDialog</name>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="58" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="63" />
        <source>Mail accounts</source>
        <translation>邮件账户</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="64" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="65" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="71" />
        <source>IMAP server</source>
        <translation>IMAP 服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="71" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="299" />
        <source>Maildir folder</source>
        <translation>Maildir 文件夹</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="71" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="301" />
        <source>mbox file</source>
        <translation>mbox 文件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="76" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="85" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="97" />
        <source>stored in the system keyring</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="88" />
        <source>empty: save drafts only</source>
        <translation>留空：仅保存草稿</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="99" />
        <source>Your Name &lt;you@example.org&gt;</source>
        <translation>你的姓名 &lt;you@example.org&gt;</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="101" />
        <source>only for a server with its own certificate</source>
        <translation>仅用于使用自有证书的服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="103" />
        <source>Allow unencrypted passwords to another computer (unsafe)</source>
        <translation>允许向其他电脑发送未加密的密码（不安全）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="105" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="106" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="107" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="134" />
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="134" />
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="134" />
        <source>None (this computer only)</source>
        <translation>无（仅限本机）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="149" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="150" />
        <source>Read mail from</source>
        <translation>读取邮件来源</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="154" />
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="156" />
        <source>From address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="158" />
        <source>IMAP (read only)</source>
        <translation>IMAP（只读）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="160" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="169" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="161" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="170" />
        <source>Security</source>
        <translation>安全性</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="162" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="171" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="163" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="172" />
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="164" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="173" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="165" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="167" />
        <source>SMTP (sending, always after your approval)</source>
        <translation>SMTP（发送，始终需经你批准）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="176" />
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="220" />
        <source>Remove account</source>
        <translation>移除账户</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="221" />
        <source>Remove the account “%1” and its stored passwords?</source>
        <translation>移除账户“%1”及其保存的密码？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="309" />
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="319" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="328" />
        <source>Works: </source>
        <translation>可用：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="328" />
        <source>Doesn't work: </source>
        <translation>不可用：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="336" />
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="340" />
        <source>Not saved: </source>
        <translation>未保存：</translation>
    </message>
</context>
<context>
    <name>MailCalendarController</name>
    <message>
        <location filename="../../app/controllers/mail_calendar.py" line="57" />
        <source>Mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../app/controllers/mail_calendar.py" line="58" />
        <source>A digest of your recent mail</source>
        <translation>你最近邮件的摘要</translation>
    </message>
    <message>
        <location filename="../../app/controllers/mail_calendar.py" line="67" />
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../app/controllers/mail_calendar.py" line="68" />
        <source>Upcoming events, and every action you approved or denied</source>
        <translation>近期日程，以及你批准或拒绝的每项操作</translation>
    </message>
    <message>
        <location filename="../../app/controllers/mail_calendar.py" line="74" />
        <source>Mail &amp;&amp; calendar</source>
        <translation>邮件 &amp;&amp; 日历</translation>
    </message>
    <message>
        <location filename="../../app/controllers/mail_calendar.py" line="77" />
        <source>Let Hearth read your mail and calendar and propose drafts, invitations and events. Nothing is sent or changed until you approve it.</source>
        <translation>让 Hearth 读取你的邮件和日历，并提议草稿、邀请和日程。在你批准之前，不会发送或更改任何内容。</translation>
    </message>
</context>
<context>
    <name>MailPanel</name>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="77" />
        <source>Mail account</source>
        <translation>邮件账户</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="83" />
        <source>Messages to read</source>
        <translation>要读取的邮件数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="86" />
        <source>last </source>
        <translation>最近 </translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="87" />
        <source> messages</source>
        <translation> 封邮件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="88" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="89" />
        <source>Read the newest messages and write the digest</source>
        <translation>读取最新邮件并撰写摘要</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="92" />
        <source>Accounts…</source>
        <translation>账户…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="93" />
        <source>Add, change or remove mail accounts</source>
        <translation>添加、更改或删除邮件账户</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="94" />
        <location filename="../../app/widgets/mail_panel.py" line="160" />
        <source>Choose an account and press Refresh.</source>
        <translation>请选择一个账户，然后点按“刷新”。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="101" />
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="102" />
        <source>The digest appears here.</source>
        <translation>摘要将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="103" />
        <location filename="../../app/widgets/mail_panel.py" line="105" />
        <source>Action items</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="158" />
        <location filename="../../app/widgets/mail_panel.py" line="191" />
        <source>No mail account yet: press Accounts… to add one.</source>
        <translation>还没有邮件账户：点按“账户…”来添加。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="216" />
        <source>From: %1</source>
        <translation>发件人：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/mail_panel.py" line="219" />
        <source>Action items (%n)</source>
        <translation><numerusform>待办事项（%n）</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/mail_panel.py" line="222" />
        <source>Digest of %n message(s).</source>
        <translation><numerusform>%n 封邮件的摘要。</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="239" />
        <source>(no summary)</source>
        <translation>（无摘要）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/mail_panel.py" line="245" />
        <source>%n message(s)</source>
        <translation><numerusform>%n 封邮件</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="246" />
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="274" />
        <source>Couldn't save the tick: %1</source>
        <translation>无法保存勾选状态：%1</translation>
    </message>
</context>
<context>
    <name>MailService</name>
    <message>
        <location filename="../../app/services/mail.py" line="118" />
        <source>Stopped. No digest was written; nothing was changed.</source>
        <translation>已停止。未撰写摘要；没有任何更改。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/services/mail.py" line="123" />
        <source>Reading the last %n message(s)…</source>
        <translation><numerusform>正在读取最近 %n 封邮件…</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/services/mail.py" line="125" />
        <source>Writing the digest of %n message(s)…</source>
        <translation><numerusform>正在撰写 %n 封邮件的摘要…</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/services/mail.py" line="130" />
        <source>Finding the action items…</source>
        <translation>正在查找待办事项…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/services/mail.py" line="168" />
        <source>Mailbox: connected, %n message(s).</source>
        <translation><numerusform>邮箱：已连接，共 %n 封邮件。</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/services/mail.py" line="170" />
        <source>SMTP: login works.</source>
        <translation>SMTP：登录成功。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="85" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="155" />
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="134" />
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="139" />
        <source>Open Settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="156" />
        <source>Talk with the model</source>
        <translation>与模型交谈</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="179" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="182" />
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="184" />
        <source>Persona:</source>
        <translation>角色：</translation>
    </message>
</context>
<context>
    <name>MenuController</name>
    <message>
        <location filename="../../app/controllers/menus.py" line="34" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="35" />
        <source>&amp;New chat</source>
        <translation>新建聊天(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="36" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="37" />
        <source>&amp;Download a model…</source>
        <translation>下载模型(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="38" />
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="41" />
        <source>Export this chat as &amp;Markdown…</source>
        <translation>将此聊天导出为 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="42" />
        <source>Export this chat as &amp;JSON…</source>
        <translation>将此聊天导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="43" />
        <source>Export &amp;all chats…</source>
        <translation>导出所有聊天(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="46" />
        <source>&amp;Import chats…</source>
        <translation>导入聊天(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="48" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="49" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="55" />
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="57" />
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="58" />
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="59" />
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="61" />
        <source>&amp;Stop answer</source>
        <translation>停止回答(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="62" />
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="65" />
        <source>Re&amp;write what I typed…</source>
        <translation>改写我输入的内容(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="69" />
        <source>Chat &amp;options…</source>
        <translation>聊天选项(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="70" />
        <source>&amp;Personas…</source>
        <translation>角色(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="71" />
        <source>&amp;Find in chats</source>
        <translation>在聊天中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="72" />
        <source>&amp;Mode</source>
        <translation>模式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="77" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="78" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="79" />
        <source>&amp;About Hearth</source>
        <translation>关于 Hearth(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="130" />
        <source>About Hearth</source>
        <translation>关于 Hearth</translation>
    </message>
    <message>
        <location filename="../../app/controllers/menus.py" line="132" />
        <source>Hearth {0}
A private assistant: everything stays on this computer.

Ollama: {1}
Data folder: {2}</source>
        <translation>Hearth {0}
私人助手：所有内容都保存在这台电脑上。

Ollama：{1}
数据文件夹：{2}</translation>
    </message>
</context>
<context>
    <name>MessageImageThumbnail</name>
    <message>
        <location filename="../../app/widgets/image_thumbnail.py" line="50" />
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_thumbnail.py" line="59" />
        <source>Image missing</source>
        <translation>图片缺失</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_thumbnail.py" line="63" />
        <source>{name} is no longer in Hearth's data folder.</source>
        <translation>{name} 已不在 Hearth 的数据文件夹中。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_thumbnail.py" line="71" />
        <source>{name}: click to open</source>
        <translation>{name}：点击打开</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_thumbnail.py" line="72" />
        <source>Image {name}</source>
        <translation>图片 {name}</translation>
    </message>
</context>
<context>
    <name>MessageSources</name>
    <message>
        <location filename="../../app/widgets/message_sources.py" line="39" />
        <source>Source [{0}]</source>
        <translation>来源 [{0}]</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../../app/widgets/message_view.py" line="342" />
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="342" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="226" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="229" />
        <source>Copy this message's text</source>
        <translation>复制这条消息的文字</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="231" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="234" />
        <source>Write a new answer; this one stays</source>
        <translation>撰写新的回答；当前回答会保留</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="236" />
        <source>Rewrite…</source>
        <translation>改写…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="240" />
        <source>Make it shorter, simpler, more formal, translated…</source>
        <translation>让它更简短、更简单、更正式，或翻译…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="249" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="252" />
        <source>Change this message and send it as a new version</source>
        <translation>修改这条消息并作为新版本发送</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="282" />
        <source>Previous version</source>
        <translation>上一版本</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="286" />
        <source>Next version</source>
        <translation>下一版本</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="308" />
        <source>Version {0} of {1}</source>
        <translation>第 {0}/{1} 版</translation>
    </message>
</context>
<context>
    <name>ModeChoice</name>
    <message>
        <location filename="../../app/widgets/composer.py" line="60" />
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../app/widgets/composer.py" line="66" />
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/composer.py" line="67" />
        <source>Talk with the model; nothing else is read.</source>
        <translation>与模型对话；不读取其他任何内容。</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="37" />
        <source>The model that answers in this chat</source>
        <translation>在此聊天中回答的模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="38" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="69" />
        <source>{0} — not downloaded</source>
        <translation>{0} — 未下载</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="69" />
        <source>{0} — Ollama unreachable</source>
        <translation>{0} — 无法连接 Ollama</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="72" />
        <source>Download a model…</source>
        <translation>下载模型…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="73" />
        <source>Manage models…</source>
        <translation>管理模型…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="81" />
        <source>can: {0}</source>
        <translation>能力：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="83" />
        <source>size: {0}</source>
        <translation>大小：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="85" />
        <source>context: {0} tokens</source>
        <translation>上下文：{0} 个词元</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="69" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="76" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="77" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="78" />
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="79" />
        <source>Quantisation</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="80" />
        <source>Can</source>
        <translation>能力</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="81" />
        <source>In memory</source>
        <translation>内存中</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="85" />
        <source>Pulled models</source>
        <translation>已下载的模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="98" />
        <source>Unload…</source>
        <translation>卸载…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="99" />
        <source>Free the memory the model holds now</source>
        <translation>释放该模型当前占用的内存</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="101" />
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="102" />
        <source>Delete the model from this computer</source>
        <translation>从这台电脑上删除该模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="104" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="147" />
        <source>Reading the models…</source>
        <translation>正在读取模型…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/models_dialog.py" line="173" />
        <source>%n model(s) downloaded</source>
        <translation><numerusform>已下载 %n 个模型</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/models_dialog.py" line="175" />
        <source>%n in memory</source>
        <translation><numerusform>内存中 %n 个</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="185" />
        <source>{0}% on the graphics card</source>
        <translation>{0}% 位于显卡上</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="187" />
        <source>context: {0} tokens</source>
        <translation>上下文：{0} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="191" />
        <source>unloads at {0}</source>
        <translation>{0} 卸载</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="210" />
        <source>Remove {0} from this computer? To use it again, you will have to download it again.</source>
        <translation>从这台电脑上移除 {0}？如需再次使用，必须重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="214" />
        <source>It frees {0} of disk space.</source>
        <translation>这将释放 {0} 磁盘空间。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="217" />
        <source>Remove {0}?</source>
        <translation>移除 {0}？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="219" />
        <source>Removing {0}…</source>
        <translation>正在移除 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="228" />
        <source>Unload {0} from memory? It frees {1}; the model loads again, which takes a moment, the next time it answers.</source>
        <translation>从内存中卸载 {0}？这将释放 {1}；下次回答时模型会重新加载，需要稍等片刻。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="231" />
        <source>Unload {0}?</source>
        <translation>卸载 {0}？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="232" />
        <source>Unloading {0}…</source>
        <translation>正在卸载 {0}…</translation>
    </message>
</context>
<context>
    <name>PersonaEditorDialog</name>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="44" />
        <location filename="../../app/widgets/persona_editor.py" line="50" />
        <location filename="../../app/widgets/persona_editor.py" line="166" />
        <source>Personas</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="52" />
        <location filename="../../app/widgets/persona_editor.py" line="53" />
        <location filename="../../app/widgets/persona_editor.py" line="67" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="55" />
        <source>How should the assistant act? (system prompt)</source>
        <translation>助手应如何表现？（系统提示词）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="60" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="61" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="62" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="63" />
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="64" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="56" />
        <location filename="../../app/widgets/persona_editor.py" line="69" />
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="107" />
        <source>Give the new persona a name and a prompt, then Save.</source>
        <translation>为新角色输入名称和提示词，然后点按“保存”。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="123" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="135" />
        <source>Delete the persona “{0}”? Chats that use it keep their prompt.</source>
        <translation>删除角色“{0}”？使用该角色的聊天会保留其提示词。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="146" />
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="152" />
        <source>Restore the built-in personas to their original text? Your own stay.</source>
        <translation>将内置角色恢复为原始文本？你自己创建的角色会保留。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="161" />
        <source>Built-in personas restored.</source>
        <translation>已恢复内置角色。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="176" />
        <source>{0} (edited)</source>
        <translation>{0}（已编辑）</translation>
    </message>
</context>
<context>
    <name>PersonaPicker</name>
    <message>
        <location filename="../../app/widgets/persona_picker.py" line="34" />
        <source>The persona (system prompt) of this chat</source>
        <translation>此聊天的角色（系统提示词）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_picker.py" line="35" />
        <source>Persona</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_picker.py" line="55" />
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_picker.py" line="57" />
        <source>Edit personas…</source>
        <translation>编辑角色…</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="51" />
        <source>Download a model</source>
        <translation>下载模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="56" />
        <source>Model to download</source>
        <translation>要下载的模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="58" />
        <source>Ollama downloads the model once; it then runs on this computer.</source>
        <translation>Ollama 只需下载一次模型，之后它就在这台电脑上运行。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="70" />
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="96" />
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="113" />
        <source>Download failed: {0}</source>
        <translation>下载失败：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="116" />
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="123" />
        <source>{0} is ready.</source>
        <translation>{0} 已就绪。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="124" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QuickAsk</name>
    <message>
        <location filename="../../app/widgets/quick_ask.py" line="52" />
        <source>Quick ask</source>
        <translation>快速提问</translation>
    </message>
    <message>
        <location filename="../../app/widgets/quick_ask.py" line="59" />
        <source>Ask Hearth… (Enter asks, Esc stops or closes)</source>
        <translation>问问 Hearth…（Enter 提问，Esc 停止或关闭）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/quick_ask.py" line="60" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../app/widgets/quick_ask.py" line="65" />
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../app/widgets/quick_ask.py" line="69" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/widgets/quick_ask.py" line="72" />
        <source>Open in Hearth</source>
        <translation>在 Hearth 中打开</translation>
    </message>
    <message>
        <location filename="../../app/widgets/quick_ask.py" line="104" />
        <source>Writing…</source>
        <translation>正在撰写…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/quick_ask.py" line="146" />
        <source>Stopped. The answer is incomplete.</source>
        <translation>已停止。回答不完整。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/quick_ask.py" line="148" />
        <source>The answer failed.</source>
        <translation>回答失败。</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <location filename="../../app/widgets/reasoning_block.py" line="20" />
        <location filename="../../app/widgets/reasoning_block.py" line="26" />
        <source>Reasoning</source>
        <translation>推理过程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/reasoning_block.py" line="36" />
        <source>The model's reasoning</source>
        <translation>模型的推理过程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/reasoning_block.py" line="67" />
        <source>Hide the model's reasoning</source>
        <translation>隐藏模型的推理过程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/reasoning_block.py" line="69" />
        <source>Show how the model reasoned before it answered</source>
        <translation>显示模型在回答前的推理过程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/reasoning_block.py" line="71" />
        <source>Expanded</source>
        <translation>已展开</translation>
    </message>
    <message>
        <location filename="../../app/widgets/reasoning_block.py" line="71" />
        <source>Collapsed</source>
        <translation>已折叠</translation>
    </message>
</context>
<context>
    <name>RewriteDialog</name>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="87" />
        <location filename="../../app/widgets/rewrite_dialog.py" line="116" />
        <source>Rewrite</source>
        <translation>改写</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="94" />
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="98" />
        <source>Language, e.g. French</source>
        <translation>语言，例如：法语</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="99" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="101" />
        <source>What should change? e.g. make it a list</source>
        <translation>要做哪些修改？例如：改成列表</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="102" />
        <source>What should change</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="105" />
        <source>Type or paste the text to rewrite</source>
        <translation>输入或粘贴要改写的文本</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="110" />
        <source>The rewrite appears here</source>
        <translation>改写结果将显示在这里</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="117" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="118" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="119" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="120" />
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="122" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="125" />
        <source>Style:</source>
        <translation>风格：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="132" />
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="133" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="199" />
        <source>Type or paste some text to rewrite first.</source>
        <translation>请先输入或粘贴要改写的文本。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="204" />
        <source>Rewriting…</source>
        <translation>正在改写…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="211" />
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="216" />
        <source>Shorter</source>
        <translation>更简短</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="217" />
        <source>Simpler</source>
        <translation>更简单</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="218" />
        <source>More formal</source>
        <translation>更正式</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="219" />
        <source>Friendlier</source>
        <translation>更友好</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="220" />
        <source>Fix grammar</source>
        <translation>修正语法</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="221" />
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="222" />
        <source>Custom instruction</source>
        <translation>自定义指令</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="249" />
        <source>Done. Changes are marked: removed on the left, added on the right.</source>
        <translation>完成。修改已标出：左侧为删除内容，右侧为新增内容。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="255" />
        <source>Stopped. Press Retry or Rewrite to try again.</source>
        <translation>已停止。点按“重试”或“改写”再试一次。</translation>
    </message>
</context>
<context>
    <name>ScreenGrab</name>
    <message>
        <location filename="../../app/widgets/screen_grab.py" line="38" />
        <source>Drag over what to ask about (Esc cancels)</source>
        <translation>拖选要询问的区域（Esc 取消）</translation>
    </message>
</context>
<context>
    <name>ServerController</name>
    <message>
        <location filename="../../app/controllers/server.py" line="94" />
        <source>The model {0} isn't downloaded yet.</source>
        <translation>模型 {0} 尚未下载。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/server.py" line="86" />
        <source>Download {0}</source>
        <translation>下载 {0}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/server.py" line="89" />
        <source>Safety checks are on, but Llama Guard ({0}) isn't downloaded: messages can't be checked until it is.</source>
        <translation>已开启安全检查，但 Llama Guard（{0}）尚未下载：下载前无法检查消息。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/server.py" line="81" />
        <source>Hearth keeps trying; your chats stay readable.</source>
        <translation>Hearth 会自动重试；你的聊天记录仍可查看。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/server.py" line="82" />
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="32" />
        <source>Ollama server</source>
        <translation>Ollama 服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="33" />
        <source>Allow remote Ollama</source>
        <translation>允许远程 Ollama</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="34" />
        <source>Chat model</source>
        <translation>聊天模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="35" />
        <source>Fast model</source>
        <translation>快速模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="36" />
        <source>Vision model</source>
        <translation>视觉模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="37" />
        <source>Embedding model</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="38" />
        <source>Safety model</source>
        <translation>安全模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="39" />
        <source>Check with Llama Guard</source>
        <translation>使用 Llama Guard 检查</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="40" />
        <source>Context window (tokens)</source>
        <translation>上下文窗口（词元）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="41" />
        <source>Keep model loaded for</source>
        <translation>模型保持加载时长</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="42" />
        <source>Connect timeout (s)</source>
        <translation>连接超时（秒）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="43" />
        <source>Answer timeout (s)</source>
        <translation>回答超时（秒）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="44" />
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="45" />
        <source>Show thinking models' reasoning</source>
        <translation>显示思考型模型的推理过程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="46" />
        <source>System prompt for new chats</source>
        <translation>新聊天的系统提示</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="47" />
        <source>Load the chat model at start</source>
        <translation>启动时加载聊天模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="48" />
        <source>Shared documents server</source>
        <translation>共享文档服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="49" />
        <source>Passage search</source>
        <translation>段落检索方式</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="50" />
        <source>Sources per answer</source>
        <translation>每个回答的来源数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="51" />
        <source>Summary context limit</source>
        <translation>摘要上下文上限</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="52" />
        <source>Largest document (bytes)</source>
        <translation>最大文档（字节）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="53" />
        <source>Most pages per document</source>
        <translation>每个文档最多页数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="54" />
        <source>Most characters per document</source>
        <translation>每个文档最多字符数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="55" />
        <source>Largest unpacked Word file (bytes)</source>
        <translation>Word 文件解压后最大（字节）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="58" />
        <source>Reading time limit (s)</source>
        <translation>读取时间上限（秒）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="59" />
        <source>Passage length (characters)</source>
        <translation>段落长度（字符）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="60" />
        <source>Passage overlap (characters)</source>
        <translation>段落重叠（字符）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="61" />
        <source>Passages per embedding request</source>
        <translation>每次嵌入请求的段落数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="62" />
        <source>Least similarity of a source</source>
        <translation>来源的最低相似度</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="63" />
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="67" />
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="68" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="69" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="90" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="118" />
        <source>Hearth talks only to the Ollama server named here. A server on another computer needs “Allow remote Ollama”.</source>
        <translation>Hearth 只与此处指定的 Ollama 服务器通信。若服务器在另一台电脑上，需要启用“允许远程 Ollama”。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="136" />
        <source>Set by {0} for this run only; saved only if you change it.</source>
        <translation>由 {0} 设置，仅本次运行有效；只有您更改后才会保存。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="182" />
        <source>model default</source>
        <translation>模型默认值</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../app/shortcuts.py" line="29" />
        <source>Anywhere</source>
        <translation>任意位置</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="30" />
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="31" />
        <source>Mode of the next message</source>
        <translation>下一条消息的模式</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="32" />
        <source>Chat list and search</source>
        <translation>聊天列表和搜索</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="33" />
        <source>Message box</source>
        <translation>消息框</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="34" />
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="35" />
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="68" />
        <source>New chat</source>
        <translation>新建聊天</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="69" />
        <source>Search chats</source>
        <translation>搜索聊天</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="70" />
        <source>Stop the answer being written</source>
        <translation>停止正在撰写的回答</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="71" />
        <source>Write the last answer again</source>
        <translation>重新撰写上一个回答</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="72" />
        <source>Rewrite what you typed</source>
        <translation>改写你输入的内容</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="74" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="76" />
        <source>List the keyboard shortcuts</source>
        <translation>列出键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="77" />
        <source>Quit Hearth</source>
        <translation>退出 Hearth</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="79" />
        <source>Show the chat</source>
        <translation>显示聊天</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="80" />
        <source>Show Documents</source>
        <translation>显示文档</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="81" />
        <source>Show Mail</source>
        <translation>显示邮件</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="82" />
        <source>Show Calendar</source>
        <translation>显示日历</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="85" />
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="88" />
        <source>Larger text (where + needs Shift)</source>
        <translation>放大文字（+ 需按 Shift 时）</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="91" />
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="93" />
        <source>Text at 100%</source>
        <translation>文字恢复 100%</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="97" />
        <source>Chat</source>
        <extracomment>The key that turns each mode on.</extracomment>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="99" />
        <source>Answer from your documents</source>
        <translation>根据你的文档回答</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="101" />
        <source>Mail and calendar</source>
        <translation>邮件和日历</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="107" />
        <source>From the search box: to the results</source>
        <translation>从搜索框：转到搜索结果</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="113" />
        <source>Walk the list (the chat shows, the focus stays)</source>
        <translation>浏览列表（显示聊天，焦点保持在列表中）</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="119" />
        <source>Open the chat or result: a result opens at the match</source>
        <translation>打开聊天或搜索结果：结果会定位到匹配处</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="123" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="125" />
        <source>New line</source>
        <translation>换行</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="129" />
        <source>Move through a message's links and buttons</source>
        <translation>在消息的链接和按钮之间移动</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="135" />
        <source>Follow the link or press the button</source>
        <translation>打开链接或按下按钮</translation>
    </message>
    <message>
        <location filename="../../app/shortcuts.py" line="141" />
        <source>Leave a message being edited as it was</source>
        <translation>放弃编辑，保留原消息</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/widgets/shortcuts_dialog.py" line="34" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../app/widgets/shortcuts_dialog.py" line="39" />
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../app/widgets/shortcuts_dialog.py" line="39" />
        <source>Does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="35" />
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="36" />
        <source>Look for the Ollama server again now</source>
        <translation>立即重新查找 Ollama 服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="52" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="57" />
        <source>The answer waits for this step.</source>
        <translation>回答需要等待这一步完成。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="61" />
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="66" />
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="66" />
        <source>Connected to {0}</source>
        <translation>已连接到 {0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="67" />
        <source>Ollama {0} is running</source>
        <translation>Ollama {0} 正在运行</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="55" />
        <source>Ollama unreachable</source>
        <translation>无法连接 Ollama</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="62" />
        <source>The first answer waits for the model to load.</source>
        <translation>第一个回答需要等待模型加载。</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <location filename="../../app/controllers/transfer.py" line="44" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="55" />
        <source>Export chats</source>
        <translation>导出聊天</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="73" />
        <source>Import chats</source>
        <translation>导入聊天</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="73" />
        <source>Hearth export (*.json)</source>
        <translation>Hearth 导出文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="89" />
        <source>Exported {0} chat(s) to {1}</source>
        <translation>已将 {0} 个聊天导出到 {1}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="96" />
        <source>Imported {0} chat(s) with {1} message(s).</source>
        <translation>已导入 {0} 个聊天，共 {1} 条消息。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="100" />
        <source>Skipped: {0}</source>
        <translation>已跳过：{0}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="103" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
</context>
<context>
    <name>VersionEditor</name>
    <message>
        <location filename="../../app/widgets/message_view.py" line="121" />
        <source>Edit your message</source>
        <translation>编辑你的消息</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="126" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="127" />
        <source>Send as a new version; the earlier one stays (Enter)</source>
        <translation>作为新版本发送；之前的版本会保留（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="129" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="130" />
        <source>Keep the message as it is (Esc)</source>
        <translation>保持消息不变（Esc）</translation>
    </message>
</context>
</TS>