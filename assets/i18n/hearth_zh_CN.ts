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
        <location filename="../../app/widgets/approval_dialog.py" line="82" />
        <source>Approve an action</source>
        <translation>批准操作</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="93" />
        <source>Hearth will only do this if you approve. This is exactly what it will do:</source>
        <translation>只有经你批准，Hearth 才会执行。以下就是它将要做的事：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="136" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../app/widgets/approval_dialog.py" line="137" />
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>AttachImageButton</name>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="200" />
        <source>Add image…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="201" />
        <source>Attach images (or drop or paste them into the chat)</source>
        <translation>附加图片（也可以拖放或粘贴到聊天中）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="202" />
        <location filename="../../app/widgets/image_attachments.py" line="212" />
        <source>Attach images</source>
        <translation>附加图片</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="214" />
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="71" />
        <source>Attached image {name}</source>
        <translation>已附加图片 {name}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="75" />
        <source>Remove {name}</source>
        <translation>移除 {name}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="76" />
        <source>Remove image</source>
        <translation>移除图片</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="60" />
        <source>Actions you approved or denied</source>
        <translation>你批准或拒绝的操作</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="67" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="67" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="67" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="67" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="79" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="81" />
        <source>Remove the created event, or move it back</source>
        <translation>删除已创建的日程，或将其移回原处</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="83" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="84" />
        <source>Read the log of actions again</source>
        <translation>重新读取操作记录</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="126" />
        <source>send mail</source>
        <translation>发送邮件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="127" />
        <source>send invitation</source>
        <translation>发送邀请</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="128" />
        <source>save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="129" />
        <source>create event</source>
        <translation>创建日程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="130" />
        <source>move event</source>
        <translation>移动日程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="131" />
        <source>delete event</source>
        <translation>删除日程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="137" />
        <source>denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="138" />
        <source>approved, in progress</source>
        <translation>已批准，进行中</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="139" />
        <source>approved, done</source>
        <translation>已批准，已完成</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="140" />
        <source>approved, failed</source>
        <translation>已批准，失败</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="141" />
        <source>approved, undone</source>
        <translation>已批准，已撤销</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="176" />
        <source>Undoing…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="181" />
        <source>Undone.</source>
        <translation>已撤销。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="189" />
        <source>Undo failed: {0}</source>
        <translation>撤销失败：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/audit_log_view.py" line="194" />
        <source>Can't read the audit log: {0}</source>
        <translation>无法读取审计日志：{0}</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="109" />
        <source>‹ Previous</source>
        <translation>‹ 上一个</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="110" />
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="111" />
        <source>The week or month before</source>
        <translation>上一周或上个月</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="112" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="113" />
        <source>Back to the days from today</source>
        <translation>回到今天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="114" />
        <source>Next ›</source>
        <translation>下一个 ›</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="115" />
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="116" />
        <source>The week or month after</source>
        <translation>下一周或下个月</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="117" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="118" />
        <source>Show seven days</source>
        <translation>显示七天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="119" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="120" />
        <source>Show a month</source>
        <translation>显示一个月</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="126" />
        <source>Set up…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="127" />
        <source>Choose an .ics file or a CalDAV account</source>
        <translation>选择 .ics 文件或 CalDAV 账户</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="128" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="129" />
        <source>Read the calendar again</source>
        <translation>重新读取日历</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="136" />
        <source>Events</source>
        <translation>日程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="201" />
        <source>No calendar is set up: press Set up… to choose one.</source>
        <translation>尚未设置日历：点按“设置…”来选择一个。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="234" />
        <source>No events this month.</source>
        <translation>本月没有日程。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="236" />
        <source>No events this week.</source>
        <translation>本周没有日程。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="250" />
        <source>{0} (today)</source>
        <translation>{0}（今天）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="253" />
        <source>No events</source>
        <translation>没有日程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="267" />
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/calendar_panel.py" line="206" />
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
        <location filename="../../app/services/calendar.py" line="93" />
        <source>Connected: %n event(s) in the next {0} days.</source>
        <translation><numerusform>已连接：未来 {0} 天内有 %n 个日程。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/services/calendar.py" line="95" />
        <source>The calendar can be read: %n event(s) in the next {0} days.</source>
        <translation><numerusform>可以读取日历：未来 {0} 天内有 %n 个日程。</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/services/calendar.py" line="97" />
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
        <location filename="../../app/controllers/chat.py" line="367" />
        <source>Link not opened</source>
        <translation>未打开链接</translation>
    </message>
    <message>
        <location filename="../../app/controllers/chat.py" line="368" />
        <source>Hearth doesn't open links of this kind:
{0}</source>
        <translation>Hearth 不会打开此类链接：
{0}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/chat.py" line="373" />
        <source>Open link?</source>
        <translation>打开链接？</translation>
    </message>
    <message>
        <location filename="../../app/controllers/chat.py" line="374" />
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
        <location filename="../../app/services/chat_session.py" line="269" />
        <source>Using {0}…</source>
        <translation>正在使用 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/services/chat_session.py" line="271" />
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../app/services/chat_session.py" line="271" />
        <source>denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/services/chat_session.py" line="265" />
        <source>Read {0} of {1} sections…</source>
        <translation>已读取 {0}/{1} 个部分…</translation>
    </message>
    <message>
        <location filename="../../app/services/chat_session.py" line="274" />
        <source>{0} done</source>
        <translation>{0} 已完成</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="94" />
        <source>Ask anything. Your words stay on this computer.</source>
        <translation>尽管问吧。你的内容只保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="102" />
        <source>Show the messages before these</source>
        <translation>显示更早的消息</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/chat_view.py" line="377" />
        <source>%n token(s)</source>
        <translation><numerusform>%n 个词元</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="379" />
        <source>{0:.1f} tokens/s</source>
        <translation>每秒 {0:.1f} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="382" />
        <source>model loaded in {0:.1f} s</source>
        <translation>模型加载用时 {0:.1f} 秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/chat_view.py" line="387" />
        <source>Show %n earlier message(s)</source>
        <translation><numerusform>显示更早的 %n 条消息</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="446" />
        <source>Writing…</source>
        <translation>正在撰写…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="448" />
        <source>Stopped. The answer is incomplete.</source>
        <translation>已停止。回答不完整。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="451" />
        <source>The answer failed.</source>
        <translation>回答失败。</translation>
    </message>
</context>
<context>
    <name>CitationView</name>
    <message>
        <location filename="../../app/widgets/documents_citations.py" line="61" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_citations.py" line="68" />
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_citations.py" line="111" />
        <source>{0} is no longer there: it was moved or deleted.</source>
        <translation>{0} 已不在原处：可能已被移动或删除。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_citations.py" line="120" />
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
        <location filename="../../app/widgets/documents_panel.py" line="58" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="59" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="60" />
        <source>Passages</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="61" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="62" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="81" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="83" />
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="85" />
        <source>Re-index</source>
        <translation>重新索引</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="87" />
        <source>Read changed files again and drop files that were deleted</source>
        <translation>重新读取已更改的文件，并移除已删除的文件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="89" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="91" />
        <source>Summarize</source>
        <translation>总结</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="185" />
        <source>Indexing is already running; wait for it or cancel it.</source>
        <translation>索引已在进行中，请等待完成或将其取消。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="162" />
        <source>Add documents</source>
        <translation>添加文档</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="55" />
        <source>Indexed documents</source>
        <translation>已索引的文档</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="82" />
        <source>Choose documents to index</source>
        <translation>选择要索引的文档</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="84" />
        <source>Index every document in a folder</source>
        <translation>索引一个文件夹中的所有文档</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="90" />
        <source>Take the selected documents out of the index</source>
        <translation>将所选文档移出索引</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="92" />
        <source>Summarize the selected document in a chat</source>
        <translation>在聊天中总结所选文档</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="95" />
        <source>Rebuild index</source>
        <translation>重建索引</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="97" />
        <source>Build a new index from your files; the old one stays where it was moved</source>
        <translation>根据你的文件建立新索引；旧索引仍保留在其被移至的位置</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="156" />
        <location filename="../../app/widgets/documents_panel.py" line="178" />
        <source>Indexing is already running; wait for it or stop it.</source>
        <translation>索引已在进行中，请等待完成或将其停止。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="162" />
        <source>Documents ({0})</source>
        <translation>文档 ({0})</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="168" />
        <source>Add a folder of documents</source>
        <translation>添加文档文件夹</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="240" />
        <source>Indexed</source>
        <translation>已索引</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="242" />
        <source>Old version kept: can't read</source>
        <translation>无法读取，已保留旧版本</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="242" />
        <source>Can't read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="244" />
        <source>Needs re-indexing</source>
        <translation>需要重新索引</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="259" />
        <source>Starting the indexer…</source>
        <translation>正在启动索引程序…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="266" />
        <source>{0} of {1} files, {2} passages {3}</source>
        <translation>已处理 {0}/{1} 个文件，{2} 个段落 {3}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="275" />
        <source>{0} indexed, {1} unchanged, {2} removed, {3} can't be read.</source>
        <translation>已索引 {0} 个，未更改 {1} 个，已移除 {2} 个，无法读取 {3} 个。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="282" />
        <source>{0} skipped.</source>
        <translation>已跳过 {0} 个。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="284" />
        <source>Stopped. </source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="292" />
        <source>Stopped before any file was read; nothing changed.</source>
        <translation>在读取任何文件之前已停止；没有任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/documents_panel.py" line="296" />
        <source>Stopped after {0} of {1} files. Files finished before the stop stay indexed; the rest are as they were.</source>
        <translation>已在处理 {0}/{1} 个文件后停止。停止前已完成的文件保持已索引状态；其余文件保持原样。</translation>
    </message>
</context>
<context>
    <name>DocumentsService</name>
    <message>
        <location filename="../../app/services/documents.py" line="117" />
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
        <location filename="../../app/widgets/image_attachments.py" line="171" />
        <location filename="../../app/widgets/image_attachments.py" line="172" />
        <source>Preparing image…</source>
        <translation>正在准备图片…</translation>
    </message>
</context>
<context>
    <name>ImageCanvas</name>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="91" />
        <source>No image</source>
        <translation>没有图片</translation>
    </message>
</context>
<context>
    <name>ImageDropOverlay</name>
    <message>
        <location filename="../../app/widgets/image_attachments.py" line="231" />
        <source>Drop images to attach them</source>
        <translation>拖放图片以附加</translation>
    </message>
</context>
<context>
    <name>ImageTaskService</name>
    <message>
        <location filename="../../app/services/images.py" line="328" />
        <source>Chart to table</source>
        <translation>图表转表格</translation>
    </message>
    <message>
        <location filename="../../app/services/images.py" line="333" />
        <source>Find: {0}</source>
        <translation>查找：{0}</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="137" />
        <source>Image: {name}</source>
        <translation>图片：{name}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="147" />
        <source>Find in the image, e.g. the cat</source>
        <translation>在图片中查找，例如：猫</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="148" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="149" />
        <source>Chart to table</source>
        <translation>图表转表格</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="150" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="186" />
        <source>Found: {label}</source>
        <translation>已找到：{label}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="190" />
        <source>Couldn't find {query} in the image.</source>
        <translation>在图片中找不到 {query}。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="199" />
        <source>Looking for {query}…</source>
        <translation>正在查找 {query}…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="206" />
        <source>Reading the chart…</source>
        <translation>正在读取图表…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="217" />
        <source>Chart read: check the numbers against the original.</source>
        <translation>图表已读取：请对照原图核对数字。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/image_viewer.py" line="228" />
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
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="59" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="64" />
        <source>Mail accounts</source>
        <translation>邮件账户</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="65" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="66" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="72" />
        <source>IMAP server</source>
        <translation>IMAP 服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="72" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="300" />
        <source>Maildir folder</source>
        <translation>Maildir 文件夹</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="72" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="302" />
        <source>mbox file</source>
        <translation>mbox 文件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="77" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="86" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="98" />
        <source>stored in the system keyring</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="89" />
        <source>empty: save drafts only</source>
        <translation>留空：仅保存草稿</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="100" />
        <source>Your Name &lt;you@example.org&gt;</source>
        <translation>你的姓名 &lt;you@example.org&gt;</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="102" />
        <source>only for a server with its own certificate</source>
        <translation>仅用于使用自有证书的服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="104" />
        <source>Allow unencrypted passwords to another computer (unsafe)</source>
        <translation>允许向其他电脑发送未加密的密码（不安全）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="106" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="107" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="108" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="135" />
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="135" />
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="135" />
        <source>None (this computer only)</source>
        <translation>无（仅限本机）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="150" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="151" />
        <source>Read mail from</source>
        <translation>读取邮件来源</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="155" />
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="157" />
        <source>From address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="159" />
        <source>IMAP (read only)</source>
        <translation>IMAP（只读）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="161" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="170" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="162" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="171" />
        <source>Security</source>
        <translation>安全性</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="163" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="172" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="164" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="173" />
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="165" />
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="174" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="166" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="168" />
        <source>SMTP (sending, always after your approval)</source>
        <translation>SMTP（发送，始终需经你批准）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="177" />
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="221" />
        <source>Remove account</source>
        <translation>移除账户</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="222" />
        <source>Remove the account “%1” and its stored passwords?</source>
        <translation>移除账户“%1”及其保存的密码？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="310" />
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="320" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="329" />
        <source>Works: </source>
        <translation>可用：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="329" />
        <source>Doesn't work: </source>
        <translation>不可用：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="337" />
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_accounts_dialog.py" line="341" />
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
        <location filename="../../app/widgets/mail_panel.py" line="78" />
        <source>Mail account</source>
        <translation>邮件账户</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="84" />
        <source>Messages to read</source>
        <translation>要读取的邮件数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="87" />
        <source>last </source>
        <translation>最近 </translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="88" />
        <source> messages</source>
        <translation> 封邮件</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="89" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="90" />
        <source>Read the newest messages and write the digest</source>
        <translation>读取最新邮件并撰写摘要</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="93" />
        <source>Accounts…</source>
        <translation>账户…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="94" />
        <source>Add, change or remove mail accounts</source>
        <translation>添加、更改或删除邮件账户</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="95" />
        <location filename="../../app/widgets/mail_panel.py" line="161" />
        <source>Choose an account and press Refresh.</source>
        <translation>请选择一个账户，然后点按“刷新”。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="102" />
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="103" />
        <source>The digest appears here.</source>
        <translation>摘要将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="104" />
        <location filename="../../app/widgets/mail_panel.py" line="106" />
        <source>Action items</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="159" />
        <location filename="../../app/widgets/mail_panel.py" line="192" />
        <source>No mail account yet: press Accounts… to add one.</source>
        <translation>还没有邮件账户：点按“账户…”来添加。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="217" />
        <source>From: %1</source>
        <translation>发件人：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/mail_panel.py" line="220" />
        <source>Action items (%n)</source>
        <translation><numerusform>待办事项（%n）</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/mail_panel.py" line="223" />
        <source>Digest of %n message(s).</source>
        <translation><numerusform>%n 封邮件的摘要。</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="240" />
        <source>(no summary)</source>
        <translation>（无摘要）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="242" />
        <source>Threads</source>
        <translation>邮件会话</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/mail_panel.py" line="247" />
        <source>%n message(s)</source>
        <translation><numerusform>%n 封邮件</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="248" />
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="254" />
        <source>Note: {0}</source>
        <translation>注意：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/mail_panel.py" line="277" />
        <source>Couldn't save the tick: %1</source>
        <translation>无法保存勾选状态：%1</translation>
    </message>
</context>
<context>
    <name>MailService</name>
    <message>
        <location filename="../../app/services/mail.py" line="119" />
        <source>Stopped. No digest was written; nothing was changed.</source>
        <translation>已停止。未撰写摘要；没有任何更改。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/services/mail.py" line="124" />
        <source>Reading the last %n message(s)…</source>
        <translation><numerusform>正在读取最近 %n 封邮件…</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/services/mail.py" line="126" />
        <source>Writing the digest of %n message(s)…</source>
        <translation><numerusform>正在撰写 %n 封邮件的摘要…</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/services/mail.py" line="131" />
        <source>Finding the action items…</source>
        <translation>正在查找待办事项…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/services/mail.py" line="169" />
        <source>Mailbox: connected, %n message(s).</source>
        <translation><numerusform>邮箱：已连接，共 %n 封邮件。</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/services/mail.py" line="171" />
        <source>SMTP: login works.</source>
        <translation>SMTP：登录成功。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="87" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="157" />
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="136" />
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="141" />
        <source>Open Settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="158" />
        <source>Talk with the model</source>
        <translation>与模型交谈</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="181" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="184" />
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="186" />
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
        <location filename="../../app/widgets/message_sources.py" line="32" />
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_sources.py" line="41" />
        <source>Source [{0}]</source>
        <translation>来源 [{0}]</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../../app/widgets/message_view.py" line="346" />
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="346" />
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
        <location filename="../../app/widgets/model_picker.py" line="38" />
        <source>The model that answers in this chat</source>
        <translation>在此聊天中回答的模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="39" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="70" />
        <source>{0} — not downloaded</source>
        <translation>{0} — 未下载</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="70" />
        <source>{0} — Ollama unreachable</source>
        <translation>{0} — 无法连接 Ollama</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="73" />
        <source>Download a model…</source>
        <translation>下载模型…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="74" />
        <source>Manage models…</source>
        <translation>管理模型…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="82" />
        <source>can: {0}</source>
        <translation>能力：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="84" />
        <source>size: {0}</source>
        <translation>大小：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="86" />
        <source>context: {0} tokens</source>
        <translation>上下文：{0} 个词元</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="70" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="77" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="78" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="79" />
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="80" />
        <source>Quantisation</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="81" />
        <source>Can</source>
        <translation>能力</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="82" />
        <source>In memory</source>
        <translation>内存中</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="86" />
        <source>Pulled models</source>
        <translation>已下载的模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="99" />
        <source>Unload…</source>
        <translation>卸载…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="100" />
        <source>Free the memory the model holds now</source>
        <translation>释放该模型当前占用的内存</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="102" />
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="103" />
        <source>Delete the model from this computer</source>
        <translation>从这台电脑上删除该模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="105" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="148" />
        <source>Reading the models…</source>
        <translation>正在读取模型…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/models_dialog.py" line="174" />
        <source>%n model(s) downloaded</source>
        <translation><numerusform>已下载 %n 个模型</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/widgets/models_dialog.py" line="176" />
        <source>%n in memory</source>
        <translation><numerusform>内存中 %n 个</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="186" />
        <source>{0}% on the graphics card</source>
        <translation>{0}% 位于显卡上</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="188" />
        <source>context: {0} tokens</source>
        <translation>上下文：{0} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="192" />
        <source>unloads at {0}</source>
        <translation>{0} 卸载</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="211" />
        <source>Remove {0} from this computer? To use it again, you will have to download it again.</source>
        <translation>从这台电脑上移除 {0}？如需再次使用，必须重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="215" />
        <source>It frees {0} of disk space.</source>
        <translation>这将释放 {0} 磁盘空间。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="218" />
        <source>Remove {0}?</source>
        <translation>移除 {0}？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="220" />
        <source>Removing {0}…</source>
        <translation>正在移除 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="229" />
        <source>Unload {0} from memory? It frees {1}; the model loads again, which takes a moment, the next time it answers.</source>
        <translation>从内存中卸载 {0}？这将释放 {1}；下次回答时模型会重新加载，需要稍等片刻。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="232" />
        <source>Unload {0}?</source>
        <translation>卸载 {0}？</translation>
    </message>
    <message>
        <location filename="../../app/widgets/models_dialog.py" line="233" />
        <source>Unloading {0}…</source>
        <translation>正在卸载 {0}…</translation>
    </message>
</context>
<context>
    <name>PersonaEditorDialog</name>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="45" />
        <location filename="../../app/widgets/persona_editor.py" line="51" />
        <location filename="../../app/widgets/persona_editor.py" line="167" />
        <source>Personas</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="53" />
        <location filename="../../app/widgets/persona_editor.py" line="54" />
        <location filename="../../app/widgets/persona_editor.py" line="68" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="56" />
        <source>How should the assistant act? (system prompt)</source>
        <translation>助手应如何表现？（系统提示词）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="61" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="62" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="63" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="64" />
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="65" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="57" />
        <location filename="../../app/widgets/persona_editor.py" line="70" />
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="108" />
        <source>Give the new persona a name and a prompt, then Save.</source>
        <translation>为新角色输入名称和提示词，然后点按“保存”。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="124" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="136" />
        <source>Delete the persona “{0}”? Chats that use it keep their prompt.</source>
        <translation>删除角色“{0}”？使用该角色的聊天会保留其提示词。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="147" />
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="153" />
        <source>Restore the built-in personas to their original text? Your own stay.</source>
        <translation>将内置角色恢复为原始文本？你自己创建的角色会保留。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="162" />
        <source>Built-in personas restored.</source>
        <translation>已恢复内置角色。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_editor.py" line="177" />
        <source>{0} (edited)</source>
        <translation>{0}（已编辑）</translation>
    </message>
</context>
<context>
    <name>PersonaPicker</name>
    <message>
        <location filename="../../app/widgets/persona_picker.py" line="35" />
        <source>The persona (system prompt) of this chat</source>
        <translation>此聊天的角色（系统提示词）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_picker.py" line="36" />
        <source>Persona</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_picker.py" line="56" />
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../app/widgets/persona_picker.py" line="58" />
        <source>Edit personas…</source>
        <translation>编辑角色…</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="52" />
        <source>Download a model</source>
        <translation>下载模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="57" />
        <source>Model to download</source>
        <translation>要下载的模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="59" />
        <source>Ollama downloads the model once; it then runs on this computer.</source>
        <translation>Ollama 只需下载一次模型，之后它就在这台电脑上运行。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="71" />
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="97" />
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="114" />
        <source>Download failed: {0}</source>
        <translation>下载失败：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="117" />
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="124" />
        <source>{0} is ready.</source>
        <translation>{0} 已就绪。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="125" />
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
        <location filename="../../app/widgets/rewrite_dialog.py" line="88" />
        <location filename="../../app/widgets/rewrite_dialog.py" line="117" />
        <source>Rewrite</source>
        <translation>改写</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="95" />
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="99" />
        <source>Language, e.g. French</source>
        <translation>语言，例如：法语</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="100" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="102" />
        <source>What should change? e.g. make it a list</source>
        <translation>要做哪些修改？例如：改成列表</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="103" />
        <source>What should change</source>
        <translation>需要修改的地方</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="106" />
        <source>Type or paste the text to rewrite</source>
        <translation>输入或粘贴要改写的文本</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="111" />
        <source>The rewrite appears here</source>
        <translation>改写结果将显示在这里</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="118" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="119" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="120" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="121" />
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="123" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="126" />
        <source>Style:</source>
        <translation>风格：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="133" />
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="134" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="200" />
        <source>Type or paste some text to rewrite first.</source>
        <translation>请先输入或粘贴要改写的文本。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="205" />
        <source>Rewriting…</source>
        <translation>正在改写…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="212" />
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="217" />
        <source>Shorter</source>
        <translation>更简短</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="218" />
        <source>Simpler</source>
        <translation>更简单</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="219" />
        <source>More formal</source>
        <translation>更正式</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="220" />
        <source>Friendlier</source>
        <translation>更友好</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="221" />
        <source>Fix grammar</source>
        <translation>修正语法</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="222" />
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="223" />
        <source>Custom instruction</source>
        <translation>自定义指令</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="250" />
        <source>Done. Changes are marked: removed on the left, added on the right.</source>
        <translation>完成。修改已标出：左侧为删除内容，右侧为新增内容。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/rewrite_dialog.py" line="256" />
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
        <location filename="../../app/widgets/settings_dialog.py" line="33" />
        <source>Ollama server</source>
        <translation>Ollama 服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="34" />
        <source>Allow remote Ollama</source>
        <translation>允许远程 Ollama</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="35" />
        <source>Chat model</source>
        <translation>聊天模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="36" />
        <source>Fast model</source>
        <translation>快速模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="37" />
        <source>Vision model</source>
        <translation>视觉模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="38" />
        <source>Embedding model</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="39" />
        <source>Safety model</source>
        <translation>安全模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="40" />
        <source>Check with Llama Guard</source>
        <translation>使用 Llama Guard 检查</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="41" />
        <source>Context window (tokens)</source>
        <translation>上下文窗口（词元）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="42" />
        <source>Keep model loaded for</source>
        <translation>模型保持加载时长</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="43" />
        <source>Connect timeout (s)</source>
        <translation>连接超时（秒）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="44" />
        <source>Answer timeout (s)</source>
        <translation>回答超时（秒）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="45" />
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="46" />
        <source>Show thinking models' reasoning</source>
        <translation>显示思考型模型的推理过程</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="47" />
        <source>System prompt for new chats</source>
        <translation>新聊天的系统提示</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="48" />
        <source>Load the chat model at start</source>
        <translation>启动时加载聊天模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="49" />
        <source>Shared documents server</source>
        <translation>共享文档服务器</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="50" />
        <source>Passage search</source>
        <translation>段落检索方式</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="51" />
        <source>Sources per answer</source>
        <translation>每个回答的来源数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="52" />
        <source>Summary context limit</source>
        <translation>摘要上下文上限</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="53" />
        <source>Largest document (bytes)</source>
        <translation>最大文档（字节）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="54" />
        <source>Most pages per document</source>
        <translation>每个文档最多页数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="55" />
        <source>Most characters per document</source>
        <translation>每个文档最多字符数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="56" />
        <source>Largest unpacked Word file (bytes)</source>
        <translation>Word 文件解压后最大（字节）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="59" />
        <source>Reading time limit (s)</source>
        <translation>读取时间上限（秒）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="60" />
        <source>Passage length (characters)</source>
        <translation>段落长度（字符）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="61" />
        <source>Passage overlap (characters)</source>
        <translation>段落重叠（字符）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="62" />
        <source>Passages per embedding request</source>
        <translation>每次嵌入请求的段落数</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="63" />
        <source>Least similarity of a source</source>
        <translation>来源的最低相似度</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="64" />
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="68" />
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="69" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="70" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="91" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="119" />
        <source>Hearth talks only to the Ollama server named here. A server on another computer needs “Allow remote Ollama”.</source>
        <translation>Hearth 只与此处指定的 Ollama 服务器通信。若服务器在另一台电脑上，需要启用“允许远程 Ollama”。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="137" />
        <source>Set by {0} for this run only; saved only if you change it.</source>
        <translation>由 {0} 设置，仅本次运行有效；只有您更改后才会保存。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="183" />
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
        <location filename="../../app/controllers/transfer.py" line="45" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="56" />
        <source>Export chats</source>
        <translation>导出聊天</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="74" />
        <source>Import chats</source>
        <translation>导入聊天</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="74" />
        <source>Hearth export (*.json)</source>
        <translation>Hearth 导出文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="90" />
        <source>Exported {0} chat(s) to {1}</source>
        <translation>已将 {0} 个聊天导出到 {1}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="97" />
        <source>Imported {0} chat(s) with {1} message(s).</source>
        <translation>已导入 {0} 个聊天，共 {1} 条消息。</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="101" />
        <source>Skipped: {0}</source>
        <translation>已跳过：{0}</translation>
    </message>
    <message>
        <location filename="../../app/controllers/transfer.py" line="104" />
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
<context>
    <name>agents</name>
    <message>
        <location filename="../../agents/calendar/__init__.py" line="49" />
        <source>No calendar given: pass an .ics file or a CalDAV URL.</source>
        <translation>未指定日历：请提供一个 .ics 文件或 CalDAV 网址。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/__init__.py" line="63" />
        <source>Unknown calendar location {location!r}.</source>
        <translation>未知的日历位置 {location!r}。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/budget.py" line="89" />
        <source>…and {count} more like these.</source>
        <translation>……另有 {count} 条类似情况。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="78" />
        <source>The CalDAV address {url!r} isn't an http(s) URL.</source>
        <translation>CalDAV 地址 {url!r} 不是 http(s) 网址。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="121" />
        <source>The CalDAV server {url} refused the login while trying to {what}: check the user name and password.</source>
        <translation>CalDAV 服务器 {url} 在尝试{what}时拒绝了登录：请检查用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="131" />
        <source>The CalDAV server {url} has no such calendar or event ({what}).</source>
        <translation>CalDAV 服务器 {url} 上没有这个日历或日程（{what}）。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="140" />
        <source>The CalDAV server {url} failed to {what}: {problem}. Check that it is running and the address is right.</source>
        <translation>CalDAV 服务器 {url} 未能{what}：{problem}。请检查它是否在运行、地址是否正确。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="166" />
        <source>There is no calendar called {name!r} on {url}.</source>
        <translation>{url} 上没有名为 {name!r} 的日历。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="175" />
        <source>There is no calendar at {url}: create one first.</source>
        <translation>{url} 上没有日历：请先创建一个。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="180" />
        <source>find the calendar</source>
        <translation>查找日历</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="192" />
        <source>list events</source>
        <translation>列出日程</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="208" />
        <source>Skipped an event at {where}: it can't be read ({error_type}).</source>
        <translation>已跳过 {where} 处的一个日程：无法读取（{error_type}）。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="210" />
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="218" />
        <source>on the server</source>
        <translation>服务器上</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="233" />
        <source>find event {uid}</source>
        <translation>查找日程 {uid}</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="248" />
        <source>create the event</source>
        <translation>创建日程</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="260" />
        <source>'{summary}' repeats; change repeating events in your calendar app.</source>
        <translation>“{summary}”是重复日程；请在你的日历应用中修改重复日程。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="272" />
        <source>move the event</source>
        <translation>移动日程</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/caldav_store.py" line="278" />
        <source>delete the event</source>
        <translation>删除日程</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_file.py" line="229" />
        <source>The calendar file has no END:VCALENDAR line to add an event before.</source>
        <translation>日历文件中没有 END:VCALENDAR 行，无法在其前添加日程。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_file.py" line="263" />
        <source>Can't read the calendar file {path}: {problem}.</source>
        <translation>无法读取日历文件 {path}：{problem}。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_file.py" line="274" />
        <source>The calendar {path} is not a regular file (it is a {kind}): choose an .ics file.</source>
        <translation>日历 {path} 不是普通文件（它是{kind}）：请选择一个 .ics 文件。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_file.py" line="284" />
        <source>The calendar file {path} is too large ({size} MB, at most {limit} MB): split it or use a CalDAV server.</source>
        <translation>日历文件 {path} 过大（{size} MB，最多 {limit} MB）：请拆分它，或改用 CalDAV 服务器。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_file.py" line="298" />
        <source>The calendar file {path} grew past {limit} bytes.</source>
        <translation>日历文件 {path} 已超过 {limit} 字节。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_file.py" line="319" />
        <source>pipe (FIFO)</source>
        <translation>管道（FIFO）</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_file.py" line="320" />
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_file.py" line="322" />
        <source>socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_file.py" line="323" />
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_file.py" line="325" />
        <source>special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="79" />
        <source>The calendar file {path} isn't iCalendar (it has no BEGIN:VCALENDAR line): fix or replace it; Hearth won't change it until it can be read.</source>
        <translation>日历文件 {path} 不是 iCalendar 格式（没有 BEGIN:VCALENDAR 行）：请修复或替换它；在能读取之前，Hearth 不会更改它。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="101" />
        <source>The calendar file {name} is damaged ({problem}): Hearth shows what it can read and won't change the file.</source>
        <translation>日历文件 {name} 已损坏（{problem}）：Hearth 会显示能读取的内容，但不会更改该文件。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="123" />
        <source>the time zone {zone}</source>
        <translation>时区 {zone}</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="125" />
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="128" />
        <source>Skipped {name}: it is incomplete or too large.</source>
        <translation>已跳过 {name}：它不完整或过大。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="132" />
        <source>Skipped {name}: it changes offset more often than any real zone.</source>
        <translation>已跳过 {name}：它的时差变化比任何真实时区都频繁。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="144" />
        <source>Skipped {name}: it takes too long to work out.</source>
        <translation>已跳过 {name}：计算耗时过长。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="146" />
        <source>Skipped {name}: it isn't a valid VTIMEZONE.</source>
        <translation>已跳过 {name}：它不是有效的 VTIMEZONE。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="163" />
        <source>The event {uid!r} can't be read: {reason}.</source>
        <translation>无法读取日程 {uid!r}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="168" />
        <source>The event {uid!r} isn't valid iCalendar: {problem}.</source>
        <translation>日程 {uid!r} 不是有效的 iCalendar：{problem}。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="177" />
        <source>There is no event with id {uid!r} in {name}.</source>
        <translation>{name} 中没有 ID 为 {uid!r} 的日程。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="188" />
        <source>Hearth won't change the calendar file {path}: {problem}. Fix it in your calendar app first; nothing was changed.</source>
        <translation>Hearth 不会更改日历文件 {path}：{problem}。请先在你的日历应用中修复它；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="210" />
        <source>An event with id {uid!r} already exists.</source>
        <translation>ID 为 {uid!r} 的日程已存在。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="251" />
        <source>Can't write the calendar file {path}: {problem}. Nothing was changed.</source>
        <translation>无法写入日历文件 {path}：{problem}。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="281" />
        <source>it has no END:{kind} line</source>
        <translation>它缺少 END:{kind} 行</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="283" />
        <source>its parts are nested too deeply</source>
        <translation>它的各部分嵌套过深</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/ics_store.py" line="286" />
        <source>it isn't a VEVENT</source>
        <translation>它不是 VEVENT</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/invites.py" line="29" />
        <source>sender</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/invites.py" line="34" />
        <source>An invitation needs at least one attendee other than you.</source>
        <translation>邀请至少需要一位除你之外的参与者。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/invites.py" line="43" />
        <source>An invitation needs an organizer and at least one attendee.</source>
        <translation>邀请需要一位组织者和至少一位参与者。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="31" />
        <source>'{title}'</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="31" />
        <source>an event without a title</source>
        <translation>一个无标题的日程</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="32" />
        <source>{label} ({where})</source>
        <translation>{label}（{where}）</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="74" />
        <source>More than {limit:,} events in this range: only some are shown. Ask for a shorter range.</source>
        <translation>此范围内的日程超过 {limit:,} 个：只显示了一部分。请缩短时间范围。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="83" />
        <source>The calendar is too large to read in {seconds:g} s: only some events are shown. Ask for a shorter range.</source>
        <translation>日历太大，无法在 {seconds:g} 秒内读完：只显示了部分日程。请缩短时间范围。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="143" />
        <source>{name} uses an unknown time zone ({zone}): its times are read as {local}.</source>
        <translation>{name} 使用了未知时区（{zone}）：其时间按{local}读取。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="147" />
        <source>local time</source>
        <translation>本地时间</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="157" />
        <source>{name} ends before it starts: it is shown without a length.</source>
        <translation>{name} 的结束时间早于开始时间：显示时不带时长。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="176" />
        <source>Skipped {name}: {reason}.</source>
        <translation>已跳过 {name}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="185" />
        <source>it isn't valid iCalendar ({problem})</source>
        <translation>它不是有效的 iCalendar（{problem}）</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/listing.py" line="186" />
        <source>it isn't valid iCalendar</source>
        <translation>它不是有效的 iCalendar</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="66" />
        <source>The {name} contains a line break, which isn't allowed: use one line.</source>
        <translation>{name}包含换行符，这是不允许的：请只用一行。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="71" />
        <source>The {name} contains control characters: remove them.</source>
        <translation>{name}包含控制字符：请删除它们。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="77" />
        <source>The {name} is too long ({count} characters, at most {limit}).</source>
        <translation>{name}过长（{count} 个字符，最多 {limit} 个）。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="114" />
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="118" />
        <source>The {what} {value!r} contains a line break or control character.</source>
        <translation>{what} {value!r} 包含换行符或控制字符。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="130" />
        <source>The {what} {value!r} holds more than one address: give one per entry.</source>
        <translation>{what} {value!r} 包含多个地址：每项只填一个。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="140" />
        <source>The {what} {value!r} isn't a valid e-mail address.</source>
        <translation>{what} {value!r} 不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="149" />
        <source>attendee</source>
        <translation>参与者</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="154" />
        <source>Too many attendees ({count}, at most {limit}).</source>
        <translation>参与者过多（{count} 位，最多 {limit} 位）。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="232" />
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="234" />
        <source>The event needs a title.</source>
        <translation>日程需要一个标题。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="236" />
        <source>Event times need a timezone.</source>
        <translation>日程时间需要指定时区。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="238" />
        <source>The event must end after it starts.</source>
        <translation>日程的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="241" />
        <source>The event is longer than two weeks: check the dates.</source>
        <translation>日程长于两周：请检查日期。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="248" />
        <source>location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="249" />
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="251" />
        <source>organizer</source>
        <translation>组织者</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="303" />
        <source>it has no start time (DTSTART)</source>
        <translation>它没有开始时间（DTSTART）</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="312" />
        <source>it can't be read ({error_type}: {reason})</source>
        <translation>无法读取（{error_type}：{reason}）</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/model.py" line="324" />
        <source>its start {start!r} isn't a date or time</source>
        <translation>它的开始时间 {start!r} 不是日期或时间</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/recurrence.py" line="76" />
        <source>{name} repeats more than {limit} times in this range: only the first {limit} are shown.</source>
        <translation>{name} 在此范围内重复超过 {limit} 次：只显示前 {limit} 次。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/recurrence.py" line="128" />
        <source>its {name} list can't be read</source>
        <translation>无法读取它的 {name} 列表</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/recurrence.py" line="176" />
        <source>{name} repeats too often: Hearth stopped after {limit:,} repetitions, so some may be missing.</source>
        <translation>{name} 重复过于频繁：Hearth 在 {limit:,} 次重复后停止，因此可能缺少一些。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/recurrence.py" line="190" />
        <source>{name} has a repeat rule that takes too long to work out: Hearth stopped after {seconds:g} s, so some repetitions may be missing.</source>
        <translation>{name} 的重复规则计算耗时过长：Hearth 在 {seconds:g} 秒后停止，因此可能缺少部分重复。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/recurrence.py" line="199" />
        <source>its repeat rule can't be used ({problem})</source>
        <translation>它的重复规则无法使用（{problem}）</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/recurrence.py" line="220" />
        <source>its repeat rule can't be read ({problem})</source>
        <translation>无法读取它的重复规则（{problem}）</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/setup.py" line="63" />
        <source>The calendar setting {location!r} isn't ics:&lt;file&gt; or caldav:&lt;url&gt;: set the calendar up again in Calendar &gt; Set up.</source>
        <translation>日历设置 {location!r} 不是 ics:&lt;文件&gt; 或 caldav:&lt;网址&gt;：请在“日历 &gt; 设置”中重新设置日历。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/setup.py" line="99" />
        <source>Choose the .ics file of the calendar.</source>
        <translation>请选择日历的 .ics 文件。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/setup.py" line="102" />
        <source>{path!r} isn't a calendar file: choose an .ics file.</source>
        <translation>{path!r} 不是日历文件：请选择一个 .ics 文件。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/setup.py" line="105" />
        <source>{name} isn't an .ics file: choose one.</source>
        <translation>{name} 不是 .ics 文件：请选择一个 .ics 文件。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/setup.py" line="108" />
        <source>Unknown kind of calendar {kind!r}.</source>
        <translation>未知的日历类型 {kind!r}。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/setup.py" line="114" />
        <source>The CalDAV address must start with https:// (or http:// for a server on this computer), e.g. https://dav.example.org/calendars/alice/work/.</source>
        <translation>CalDAV 地址必须以 https:// 开头（本机服务器可用 http://），例如 https://dav.example.org/calendars/alice/work/。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/setup.py" line="120" />
        <source>Enter the CalDAV user name (one line).</source>
        <translation>请输入 CalDAV 用户名（一行）。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/setup.py" line="181" />
        <source>Couldn't store the password in the system keyring ({error_type}). Start or unlock your desktop's keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager) and try again.</source>
        <translation>无法将密码保存到系统钥匙串（{error_type}）。请启动或解锁桌面的钥匙串（GNOME Keyring、KWallet、macOS 钥匙串、Windows 凭据管理器）后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/slots.py" line="33" />
        <source>Working hours must end after they start.</source>
        <translation>工作时间的结束必须晚于开始。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/slots.py" line="82" />
        <source>A meeting needs a positive duration.</source>
        <translation>会议时长必须大于零。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/slots.py" line="84" />
        <source>The search range needs a timezone.</source>
        <translation>搜索范围需要指定时区。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/slots.py" line="91" />
        <source>A {duration} meeting doesn't fit in a working day ({start}–{end}).</source>
        <translation>{duration}的会议放不进一个工作日（{start}–{end}）。</translation>
    </message>
    <message>
        <location filename="../../agents/calendar/zones.py" line="47" />
        <source>Unknown timezone {name!r}: use an IANA name like Europe/Berlin.</source>
        <translation>未知时区 {name!r}：请使用 IANA 名称，例如 Europe/Berlin。</translation>
    </message>
    <message>
        <location filename="../../agents/cancel.py" line="32" />
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/agent.py" line="52" />
        <source>Loading {model}…</source>
        <translation>正在加载 {model}…</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="32" />
        <source>Violent Crimes</source>
        <translation>暴力犯罪</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="33" />
        <source>Non-Violent Crimes</source>
        <translation>非暴力犯罪</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="34" />
        <source>Sex-Related Crimes</source>
        <translation>性相关犯罪</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="35" />
        <source>Child Sexual Exploitation</source>
        <translation>儿童性剥削</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="36" />
        <source>Defamation</source>
        <translation>诽谤</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="37" />
        <source>Specialized Advice</source>
        <translation>专业建议</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="38" />
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="39" />
        <source>Intellectual Property</source>
        <translation>知识产权</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="40" />
        <source>Indiscriminate Weapons</source>
        <translation>大规模杀伤性武器</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="41" />
        <source>Hate</source>
        <translation>仇恨</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="42" />
        <source>Suicide &amp; Self-Harm</source>
        <translation>自杀与自残</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="43" />
        <source>Sexual Content</source>
        <translation>色情内容</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="44" />
        <source>Elections</source>
        <translation>选举</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="45" />
        <source>Code Interpreter Abuse</source>
        <translation>代码解释器滥用</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="75" />
        <source>{code} {name}</source>
        <translation>{code} {name}</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="108" />
        <source>Your message passed the safety check.</source>
        <translation>你的消息已通过安全检查。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="109" />
        <source>The answer passed the safety check.</source>
        <translation>回答已通过安全检查。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="113" />
        <source>Your message was blocked by the safety check (Llama Guard): {names}.</source>
        <translation>你的消息被安全检查（Llama Guard）拦截：{names}。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="117" />
        <source>The answer was blocked by the safety check (Llama Guard): {names}.</source>
        <translation>回答被安全检查（Llama Guard）拦截：{names}。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="122" />
        <source>Your message was blocked by the safety check (Llama Guard); it named no category.</source>
        <translation>你的消息被安全检查（Llama Guard）拦截；它没有指明类别。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="126" />
        <source>The answer was blocked by the safety check (Llama Guard); it named no category.</source>
        <translation>回答被安全检查（Llama Guard）拦截；它没有指明类别。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="130" />
        <source>Your message was held back because the safety check (Llama Guard) gave an answer Hearth could not read ({raw!r}). Try again, or turn the safety check off in Settings if it keeps happening.</source>
        <translation>你的消息被暂扣，因为安全检查（Llama Guard）给出了 Hearth 无法读懂的回复（{raw!r}）。请重试；如果一直如此，可在“设置”中关闭安全检查。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="136" />
        <source>The answer was held back because the safety check (Llama Guard) gave an answer Hearth could not read ({raw!r}). Try again, or turn the safety check off in Settings if it keeps happening.</source>
        <translation>回答被暂扣，因为安全检查（Llama Guard）给出了 Hearth 无法读懂的回复（{raw!r}）。请重试；如果一直如此，可在“设置”中关闭安全检查。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/guard.py" line="212" />
        <source>The safety check needs the model '{model}', which isn't downloaded: pull it with `ollama pull {model}` (or Pull model in Hearth), or turn the safety check off in Settings.</source>
        <translation>安全检查需要模型“{model}”，但它尚未下载：请用 `ollama pull {model}` 下载（或在 Hearth 中使用“下载模型”），或在“设置”中关闭安全检查。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="73" />
        <source>Helpful assistant</source>
        <translation>贴心助手</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="74" />
        <source>Concise</source>
        <translation>言简意赅</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="75" />
        <source>Patient teacher</source>
        <translation>耐心的老师</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="76" />
        <source>Coding partner</source>
        <translation>编程搭档</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="77" />
        <source>Translator</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="78" />
        <source>Pirate</source>
        <translation>海盗</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="131" />
        <source>A persona needs a name: type one.</source>
        <translation>角色需要一个名称：请输入。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="134" />
        <source>The persona name is too long ({count} characters, at most {limit}).</source>
        <translation>角色名称过长（{count} 个字符，最多 {limit} 个）。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="147" />
        <source>A persona needs a system prompt: say how the assistant should act.</source>
        <translation>角色需要系统提示词：请说明助手应如何表现。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="151" />
        <source>The system prompt is too long ({count:,} characters, at most {limit:,}): shorten it.</source>
        <translation>系统提示词过长（{count:,} 个字符，最多 {limit:,} 个）：请缩短。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="168" />
        <source>A persona must be a JSON object with id, name and prompt.</source>
        <translation>角色必须是包含 id、name 和 prompt 的 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="171" />
        <source>A persona has a missing or invalid id.</source>
        <translation>某个角色的 id 缺失或无效。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="173" />
        <source>The persona '{id}' needs a text name and a text prompt.</source>
        <translation>角色“{id}”需要文本形式的名称和提示词。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="232" />
        <source>The library already holds {limit} personas: delete some first.</source>
        <translation>角色库中已有 {limit} 个角色：请先删除一些。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="274" />
        <source>This is the last persona: add another before deleting it.</source>
        <translation>这是最后一个角色：请先添加另一个再删除它。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="306" />
        <source>That persona no longer exists: pick another one.</source>
        <translation>该角色已不存在：请选择另一个。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="312" />
        <source>There is already a persona called '{name}': choose another name.</source>
        <translation>已有名为“{name}”的角色：请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../agents/chat/personas.py" line="355" />
        <source>Hearth could not save the personas to {path} ({problem}). Check that the data folder is writable; your change was not saved.</source>
        <translation>Hearth 无法将角色保存到 {path}（{problem}）。请检查数据文件夹是否可写；你的更改未保存。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/answer.py" line="28" />
        <source>I couldn't find the answer in your documents. Try other words, or add the document that holds it (hearth index PATH, or Add in the Documents panel).</source>
        <translation>我在你的文档中找不到答案。请换个说法，或添加包含答案的文档（hearth index PATH，或在“文档”面板中点按“添加”）。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/answer.py" line="32" />
        <source>No documents are indexed yet: add some first (hearth index PATH, or Add in the Documents panel), then ask again.</source>
        <translation>还没有索引任何文档：请先添加一些（hearth index PATH，或在“文档”面板中点按“添加”），然后再提问。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/answer.py" line="139" />
        <source>Searching your documents…</source>
        <translation>正在搜索你的文档…</translation>
    </message>
    <message>
        <location filename="../../agents/documents/errors.py" line="66" />
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index.py" line="113" />
        <source>A passage is too long for the embedding model '{model}' even in parts: lower the passage length in Settings.</source>
        <translation>即使拆分后，段落对嵌入模型“{model}”来说仍然太长：请在“设置”中减小段落长度。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index.py" line="141" />
        <source>Ollama returned {vectors} embeddings for {passages} passages; check the embedding model '{model}'.</source>
        <translation>Ollama 为 {passages} 个段落返回了 {vectors} 个嵌入向量；请检查嵌入模型“{model}”。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index.py" line="344" />
        <source>earlier</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index.py" line="357" />
        <source>The Chroma server at {server} can't be used ({problem}). Check that it is running, or clear the server setting to use the built-in index.</source>
        <translation>无法使用位于 {server} 的 Chroma 服务器（{problem}）。请检查它是否在运行，或清空服务器设置以使用内置索引。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index.py" line="742" />
        <source>The document index was made by a newer version of Hearth ({problem}). Update Hearth to use it; nothing was changed.</source>
        <translation>文档索引由更新版本的 Hearth 创建（{problem}）。请更新 Hearth 后再使用；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index.py" line="757" />
        <source>The document index can't be opened because part of Hearth's installation is missing or broken ({error_type}: {problem}). Your index was not changed; reinstall Hearth.</source>
        <translation>无法打开文档索引，因为 Hearth 的部分安装文件缺失或损坏（{error_type}：{problem}）。你的索引未被更改；请重新安装 Hearth。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index.py" line="768" />
        <source>The document index can't be opened right now ({problem}). Nothing was changed: check the disk (free space, permissions) and that no other program holds it, then try again.</source>
        <translation>目前无法打开文档索引（{problem}）。未做任何更改：请检查磁盘（剩余空间、权限），并确认没有其他程序占用它，然后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index.py" line="778" />
        <source>now ({error_type}: {problem})</source>
        <translation>刚才（{error_type}：{problem}）</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index.py" line="794" />
        <source>The document index could not be opened, so it was moved aside {when}. Nothing was deleted: the old index is kept in {kept}. Rebuild the index from your files with `hearth index --rebuild` (or Rebuild in the Documents tab).</source>
        <translation>文档索引无法打开，因此{when}已被移到一旁。没有删除任何内容：旧索引保存在 {kept}。请用 `hearth index --rebuild`（或“文档”标签页中的“重建索引”）根据你的文件重建索引。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index_worker.py" line="133" />
        <source>Another Hearth process is already indexing this data folder: wait for it to finish (or close it), then try again.</source>
        <translation>另一个 Hearth 进程正在为此数据文件夹建立索引：请等它完成（或将其关闭）后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index_worker.py" line="150" />
        <source>The document index failed unexpectedly ({error_type}: {problem}). Nothing was deleted; try again, and if it keeps failing, rebuild the index with `hearth index --rebuild` (or Rebuild in the Documents tab).</source>
        <translation>文档索引意外出错（{error_type}：{problem}）。没有删除任何内容；请重试，如果仍然失败，请用 `hearth index --rebuild`（或“文档”标签页中的“重建索引”）重建索引。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/index_worker.py" line="430" />
        <source>The indexing process stopped unexpectedly (exit code {code}). The index stays consistent: run the same command again to resume.</source>
        <translation>索引进程意外停止（退出码 {code}）。索引仍保持一致：再次运行同一命令即可继续。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="115" />
        <source>reading took longer than {seconds:.0f} s, so it was stopped. Split the file or convert it to plain text, then add it again.</source>
        <translation>读取耗时超过 {seconds:.0f} 秒，已停止。请拆分文件或将其转换为纯文本，然后重新添加。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="129" />
        <source>it holds more than {limit:,} characters of text, over Hearth's memory cap. Split it into smaller files.</source>
        <translation>它包含超过 {limit:,} 个字符的文本，超出了 Hearth 的内存上限。请将其拆分为较小的文件。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="149" />
        <source>Hearth doesn't read '{suffix}' files. Supported: PDF, Word (.docx), Markdown, text and HTML.</source>
        <translation>Hearth 不读取“{suffix}”文件。支持的格式：PDF、Word（.docx）、Markdown、纯文本和 HTML。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="152" />
        <source>extensionless</source>
        <translation>无扩展名</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="172" />
        <source>{reason}.</source>
        <translation>{reason}。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="176" />
        <source>the file doesn't exist (was it moved or deleted?).</source>
        <translation>文件不存在（是否已被移动或删除？）。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="182" />
        <source>Hearth isn't allowed to read it (permission denied).</source>
        <translation>Hearth 无权读取它（权限被拒绝）。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="188" />
        <source>it can't be opened ({problem}).</source>
        <translation>无法打开它（{problem}）。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="230" />
        <source>the file is empty (0 bytes); there is nothing to read.</source>
        <translation>文件是空的（0 字节）；没有可读取的内容。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="237" />
        <source>the file is {size:,.0f} MB, over the {limit:,.0f} MB limit. Split it into smaller files.</source>
        <translation>文件大小为 {size:,.0f} MB，超过了 {limit:,.0f} MB 的上限。请将其拆分为较小的文件。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="253" />
        <source>it needs more memory than Hearth allows to read.</source>
        <translation>读取它所需的内存超出了 Hearth 的允许范围。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="259" />
        <source>its structure is nested too deeply to read safely (damaged or hostile).</source>
        <translation>它的结构嵌套过深，无法安全读取（已损坏或含恶意内容）。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="266" />
        <source>the file looks damaged or isn't a real {kind} file ({error_type}). Open it in its usual program and save it again.</source>
        <translation>文件似乎已损坏，或并非真正的 {kind} 文件（{error_type}）。请用常用的程序打开并重新保存它。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="275" />
        <source>it contains no text to read.</source>
        <translation>它不包含可读取的文本。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="299" />
        <source>it isn't a PDF (no PDF header). Check the file type.</source>
        <translation>它不是 PDF（没有 PDF 文件头）。请检查文件类型。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="313" />
        <source>the PDF is protected by a password. Open it, save an unprotected copy (e.g. Print to PDF), and add that copy.</source>
        <translation>该 PDF 受密码保护。请打开它，另存一份不受保护的副本（例如“打印为 PDF”），然后添加该副本。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="321" />
        <source>the PDF is protected by a password.</source>
        <translation>该 PDF 受密码保护。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="327" />
        <source>it has {count:,} pages, over the {limit:,}-page limit. Split it into smaller PDFs.</source>
        <translation>它有 {count:,} 页，超过了 {limit:,} 页的上限。请将其拆分为较小的 PDF。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="343" />
        <source>page {number} unpacks to more than Hearth allows (a compression bomb or an oversized page); refused.</source>
        <translation>第 {number} 页解压后超出了 Hearth 的允许范围（压缩炸弹或页面过大）；已拒绝。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="359" />
        <source>its {count} page(s) have no text layer (a scan or images). Run OCR on it (e.g. `ocrmypdf`) and add the result.</source>
        <translation>它的 {count} 页没有文字层（扫描件或图片）。请对其进行 OCR 识别（例如用 `ocrmypdf`），然后添加识别结果。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="377" />
        <source>it isn't a real Word file (not a .docx archive).</source>
        <translation>它不是真正的 Word 文件（不是 .docx 压缩包）。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="386" />
        <source>the archive holds {count:,} parts; refused as unsafe.</source>
        <translation>该压缩包包含 {count:,} 个部分；因不安全而拒绝。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="394" />
        <source>it would unpack to {unpacked:,.0f} MB (from {packed:,.1f} MB): a compression bomb or an oversized file; refused.</source>
        <translation>它解压后将达到 {unpacked:,.0f} MB（压缩时为 {packed:,.1f} MB）：是压缩炸弹或文件过大；已拒绝。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="403" />
        <source>it isn't a Word document (no word/document.xml).</source>
        <translation>它不是 Word 文档（没有 word/document.xml）。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="491" />
        <source>it isn't text (binary data under a text file name). Open it in the program that made it and export it as text or PDF.</source>
        <translation>它不是文本（带有文本文件名的二进制数据）。请用创建它的程序打开，并导出为文本或 PDF。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/loaders.py" line="502" />
        <source>it isn't text (too many control characters for a text file).</source>
        <translation>它不是文本（控制字符太多，不像文本文件）。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="31" />
        <source>Supported: PDF, Word (.docx), Markdown, text and HTML.</source>
        <translation>支持的格式：PDF、Word（.docx）、Markdown、纯文本和 HTML。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="98" />
        <source>{path}: it is now {kind}; skipped.</source>
        <translation>{path}：它现在是{kind}；已跳过。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="119" />
        <source>{path}: {reason}.</source>
        <translation>{path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="125" />
        <source>{path}: no such file or folder.</source>
        <translation>{path}：没有这个文件或文件夹。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="131" />
        <source>{path}: it can't be opened ({problem}).</source>
        <translation>{path}：无法打开（{problem}）。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="150" />
        <source>{path}: it is {kind}, not a regular file; skipped.</source>
        <translation>{path}：它是{kind}，不是普通文件；已跳过。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="163" />
        <source>{name}: Hearth doesn't read this kind of file. {supported}</source>
        <translation>{name}：Hearth 不读取这种文件。{supported}</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="193" />
        <source>{path}: folder not read ({problem}); skipped.</source>
        <translation>{path}：未读取该文件夹（{problem}）；已跳过。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="219" />
        <source>{path}: it is {kind}; skipped.</source>
        <translation>{path}：它是{kind}；已跳过。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="230" />
        <source>{path}: not read ({problem}).</source>
        <translation>{path}：未读取（{problem}）。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="245" />
        <source>{path}: {reason}; skipped.</source>
        <translation>{path}：{reason}；已跳过。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="251" />
        <source>{path}: a link to nothing; skipped.</source>
        <translation>{path}：链接指向的目标不存在；已跳过。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="267" />
        <source>{path}: a link to {kind}, not a file; skipped.</source>
        <translation>{path}：链接指向{kind}，而不是文件；已跳过。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="279" />
        <source>{path}: a link to {target}, outside the chosen folder; not followed. Add that file or folder itself to index it.</source>
        <translation>{path}：链接指向所选文件夹之外的 {target}；未跟随。如需索引，请直接添加该文件或文件夹。</translation>
    </message>
    <message>
        <location filename="../../agents/documents/scan.py" line="289" />
        <source>permission denied</source>
        <translation>权限被拒绝</translation>
    </message>
    <message>
        <location filename="../../agents/documents/summarize.py" line="163" />
        <source>Read {document}</source>
        <translation>已读取 {document}</translation>
    </message>
    <message>
        <location filename="../../agents/documents/summarize.py" line="181" />
        <source>Writing the summary…</source>
        <translation>正在撰写摘要…</translation>
    </message>
    <message>
        <location filename="../../agents/documents/summarize.py" line="199" />
        <source>Reading {count} sections of {document}…</source>
        <translation>正在阅读 {document} 的 {count} 个部分…</translation>
    </message>
    <message>
        <location filename="../../agents/documents/summarize.py" line="222" />
        <source>Combining notes ({count} groups)…</source>
        <translation>正在合并笔记（{count} 组）…</translation>
    </message>
    <message>
        <location filename="../../agents/events.py" line="208" />
        <source>{name}, page {page}</source>
        <translation>{name}，第 {page} 页</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="70" />
        <source>it is {size:,} bytes, over the {limit:,}-byte limit</source>
        <translation>它有 {size:,} 字节，超过了 {limit:,} 字节的上限</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="79" />
        <source>a regular file</source>
        <translation>普通文件</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="80" />
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="81" />
        <source>a FIFO (named pipe)</source>
        <translation>FIFO（命名管道）</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="82" />
        <source>a character device</source>
        <translation>字符设备</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="83" />
        <source>a block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="84" />
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="85" />
        <source>a symbolic link</source>
        <translation>符号链接</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="87" />
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="102" />
        <source>it is a symlink that loops back on itself</source>
        <translation>它是一个循环指向自身的符号链接</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="132" />
        <source>it is a link to {target}, outside the chosen folder</source>
        <translation>它是指向所选文件夹之外 {target} 的链接</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="137" />
        <source>it is {kind}, not a regular file</source>
        <translation>它是{kind}，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../agents/files.py" line="146" />
        <source>it was replaced by something else while Hearth opened it</source>
        <translation>在 Hearth 打开它时，它被替换成了别的东西</translation>
    </message>
    <message>
        <location filename="../../agents/images/chart.py" line="144" />
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../agents/images/errors.py" line="44" />
        <source>Can't use the image '{name}': {reason}</source>
        <translation>无法使用图片“{name}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../agents/images/grounding.py" line="73" />
        <source>Couldn't find {query} in the image.</source>
        <translation>在图片中找不到 {query}。</translation>
    </message>
    <message>
        <location filename="../../agents/images/grounding.py" line="75" />
        <source>Found {what} at x {x0:.0%}–{x1:.0%}, y {y0:.0%}–{y1:.0%} of the image.</source>
        <translation>在图片的 x {x0:.0%}–{x1:.0%}、y {y0:.0%}–{y1:.0%} 处找到了{what}。</translation>
    </message>
    <message>
        <location filename="../../agents/images/grounding.py" line="178" />
        <source>position in the image</source>
        <translation>图中位置</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="130" />
        <source>the file is empty (0 bytes). Pick the image again.</source>
        <translation>文件是空的（0 字节）。请重新选择图片。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="158" />
        <source>very long image ({width}x{height}): shrunk to {new_width}x{new_height}, so small details may be unreadable; crop it into parts for a closer look</source>
        <translation>图片非常长（{width}x{height}）：已缩小到 {new_width}x{new_height}，细小的内容可能无法辨认；如需细看，请将其裁剪成几部分</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="171" />
        <source>it is too large to open on this computer.</source>
        <translation>它太大了，无法在这台电脑上打开。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="227" />
        <source>the file doesn't exist ({path}).</source>
        <translation>文件不存在（{path}）。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="231" />
        <source>Hearth isn't allowed to read the file.</source>
        <translation>Hearth 无权读取该文件。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="237" />
        <source>the file couldn't be read ({problem}).</source>
        <translation>无法读取该文件（{problem}）。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="242" />
        <source>the file is {size:.0f} MB, more than the {limit:.0f} MB Hearth accepts. Save a smaller copy and try again.</source>
        <translation>文件大小为 {size:.0f} MB，超过了 Hearth 接受的 {limit:.0f} MB。请另存一份较小的副本后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="266" />
        <source>a block of data in it unpacks to more than Hearth allows (a decompression bomb, or a damaged file).</source>
        <translation>其中一段数据解压后超出了 Hearth 的允许范围（解压炸弹或文件已损坏）。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="276" />
        <source>it says it has no pixels.</source>
        <translation>它声称自己没有像素。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="285" />
        <source>it declares {width} x {height} pixels</source>
        <translation>它声明有 {width} x {height} 像素</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="287" />
        <source>it declares too many pixels</source>
        <translation>它声明的像素过多</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="289" />
        <source>{declared}, more than the {limit:.0f} megapixels Hearth opens (it may be a decompression bomb). Resize it first if it is a real picture.</source>
        <translation>{declared}，超过了 Hearth 可打开的 {limit:.0f} 百万像素（可能是解压炸弹）。如果这是真实的图片，请先缩小尺寸。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="298" />
        <source>the file is damaged ({problem}). Open and save it again in an image editor.</source>
        <translation>文件已损坏（{problem}）。请在图片编辑器中打开并重新保存。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="317" />
        <source>it starts like a {format} image but the rest is damaged. Open and save it again in an image editor, or get a new copy.</source>
        <translation>它的开头像 {format} 图片，但其余部分已损坏。请在图片编辑器中打开并重新保存，或获取一份新的副本。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="323" />
        <source>it is a PDF document: add it as a document instead.</source>
        <translation>它是 PDF 文档：请将其作为文档添加。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="325" />
        <source>it is a ZIP archive (or an Office document), not an image.</source>
        <translation>它是 ZIP 压缩包（或 Office 文档），不是图片。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="327" />
        <source>it is a HEIC photo, which Hearth can't read yet. Export it as JPEG or PNG.</source>
        <translation>它是 HEIC 照片，Hearth 暂时无法读取。请导出为 JPEG 或 PNG。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="329" />
        <source>it is an AVIF image, which this installation can't read. Export it as PNG.</source>
        <translation>它是 AVIF 图片，当前安装无法读取。请导出为 PNG。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="332" />
        <source>it is an SVG drawing; export it as PNG first.</source>
        <translation>它是 SVG 矢量图；请先导出为 PNG。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="334" />
        <source>it is text, not an image, whatever its name says.</source>
        <translation>它是文本而不是图片，不管文件名怎么写。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="335" />
        <source>its content is not an image format Hearth can open ({formats}).</source>
        <translation>它的内容不是 Hearth 能打开的图片格式（{formats}）。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="351" />
        <source>multi-page TIFF: first page used</source>
        <translation>多页 TIFF：使用了第一页</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="354" />
        <source>animated {format}: first frame used</source>
        <translation>动态 {format}：使用了第一帧</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="373" />
        <source>named .{suffix} but it is really a {format} image (read as {format})</source>
        <translation>扩展名为 .{suffix}，但实际上是 {format} 图片（已按 {format} 读取）</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="388" />
        <source>it is cut off (truncated)</source>
        <translation>它被截断了</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="388" />
        <source>it is damaged</source>
        <translation>它已损坏</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="393" />
        <source>{detail}: the file may not have finished downloading or copying. Get a complete copy and try again.</source>
        <translation>{detail}：文件可能没有下载或复制完整。请获取完整的副本后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="412" />
        <source>the photo's orientation data is unreadable: shown as stored</source>
        <translation>照片的方向数据无法读取：按存储的方向显示</translation>
    </message>
    <message>
        <location filename="../../agents/images/intake.py" line="435" />
        <source>transparent areas shown on white</source>
        <translation>透明区域以白色显示</translation>
    </message>
    <message>
        <location filename="../../agents/images/intent.py" line="207" />
        <source>Reading your request…</source>
        <translation>正在理解你的请求…</translation>
    </message>
    <message>
        <location filename="../../agents/images/store.py" line="72" />
        <source>The stored image {image}… is damaged (its content changed on disk). Attach the picture again.</source>
        <translation>已保存的图片 {image}… 已损坏（其内容在磁盘上被更改）。请重新附加该图片。</translation>
    </message>
    <message>
        <location filename="../../agents/images/store.py" line="91" />
        <source>The image {image}… is no longer in Hearth's data folder ({directory}). Attach the picture again.</source>
        <translation>图片 {image}… 已不在 Hearth 的数据文件夹中（{directory}）。请重新附加该图片。</translation>
    </message>
    <message>
        <location filename="../../agents/images/store.py" line="115" />
        <source>'{sha256}' is not an image reference Hearth made.</source>
        <translation>“{sha256}”不是 Hearth 生成的图片引用。</translation>
    </message>
    <message>
        <location filename="../../agents/images/tasks.py" line="82" />
        <source>Attach an image first, then ask again.</source>
        <translation>请先附加一张图片，然后再提问。</translation>
    </message>
    <message>
        <location filename="../../agents/images/tasks.py" line="92" />
        <source>Looking for {query}…</source>
        <translation>正在查找 {query}…</translation>
    </message>
    <message>
        <location filename="../../agents/images/tasks.py" line="114" />
        <source>Reading the chart…</source>
        <translation>正在读取图表…</translation>
    </message>
    <message>
        <location filename="../../agents/images/tasks.py" line="129" />
        <source>{table}
Check the numbers against the chart: they were read from the picture.</source>
        <translation>{table}
请对照图表核对这些数字：它们是从图片中读出来的。</translation>
    </message>
    <message>
        <location filename="../../agents/images/vision.py" line="105" />
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../agents/images/vision.py" line="106" />
        <source>Try again, or crop the image to the part that matters.</source>
        <translation>请重试，或把图片裁剪到关键部分。</translation>
    </message>
    <message>
        <location filename="../../agents/images/vision.py" line="207" />
        <source>Reading the image with {model}…</source>
        <translation>正在用 {model} 读取图片…</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="52" />
        <source>Ollama isn't running at {host}: start it with `ollama serve` (install it from ollama.com if needed).</source>
        <translation>Ollama 没有在 {host} 运行：请用 `ollama serve` 启动它（如有需要，请先从 ollama.com 安装）。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="64" />
        <source>The model '{model}' isn't downloaded yet: pull it with `ollama pull {model}` (or use Pull model in Hearth).</source>
        <translation>模型“{model}”尚未下载：请用 `ollama pull {model}` 下载（或在 Hearth 中使用“下载模型”）。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="77" />
        <source>The answer ended before Ollama finished it (the server may have stopped). What arrived was kept; press Retry to ask again.</source>
        <translation>回答在 Ollama 完成之前就结束了（服务器可能已停止）。已收到的内容已保留；点按“重试”可再问一次。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="92" />
        <source>'{model}'</source>
        <translation>“{model}”</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="92" />
        <source>the model</source>
        <translation>该模型</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="101" />
        <source>{name} can't use tools: choose a model with tool support, such as llama3.2.</source>
        <translation>{name}不能使用工具：请选择支持工具的模型，例如 llama3.2。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="110" />
        <source>{name} is not a chat model (it only makes embeddings): choose a chat model such as llama3.2.</source>
        <translation>{name}不是聊天模型（它只生成嵌入向量）：请选择聊天模型，例如 llama3.2。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="120" />
        <source>{name} can't see images: use a vision model such as llama3.2-vision.</source>
        <translation>{name}看不了图片：请使用视觉模型，例如 llama3.2-vision。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="129" />
        <source>{name} needs more memory than this computer has free ({text}). Close other programs, or choose a smaller model such as llama3.2:1b.</source>
        <translation>{name}需要的内存超过了这台电脑的可用内存（{text}）。请关闭其他程序，或选择较小的模型，例如 llama3.2:1b。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="140" />
        <source>Ollama is busy with other requests: wait a moment and try again.</source>
        <translation>Ollama 正忙于处理其他请求：请稍候再试。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="146" />
        <source>Ollama stopped with an error while answering ({text}). What arrived was kept; press Retry, or check Ollama's log if it happens again.</source>
        <translation>Ollama 在回答时出错停止（{text}）。已收到的内容已保留；请点按“重试”，如果再次发生，请查看 Ollama 的日志。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="156" />
        <source>Ollama refused the request: {text}. Check the model and settings.</source>
        <translation>Ollama 拒绝了请求：{text}。请检查模型和设置。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="164" />
        <source>Ollama reported an error: {text}. Try again; if it persists, restart Ollama.</source>
        <translation>Ollama 报告了一个错误：{text}。请重试；如果问题持续，请重启 Ollama。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="173" />
        <source>Ollama at {host} stopped answering (timed out). A large model may still be loading: try again, or raise the read timeout in Settings.</source>
        <translation>{host} 上的 Ollama 停止了响应（超时）。大型模型可能仍在加载：请重试，或在“设置”中调高读取超时。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="185" />
        <source>The connection to Ollama at {host} dropped mid-answer (did the server stop?). What arrived was kept; press Retry.</source>
        <translation>与 {host} 上 Ollama 的连接在回答中途断开（服务器是否已停止？）。已收到的内容已保留；请点按“重试”。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="195" />
        <source>Couldn't talk to Ollama at {host} ({problem}). Check that it is running with `ollama serve`.</source>
        <translation>无法与 {host} 上的 Ollama 通信（{problem}）。请检查它是否已通过 `ollama serve` 运行。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/errors.py" line="205" />
        <source>Unexpected problem talking to Ollama: {problem}. Try again.</source>
        <translation>与 Ollama 通信时出现意外问题：{problem}。请重试。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/models.py" line="24" />
        <source>chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../agents/llm/models.py" line="25" />
        <source>tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../agents/llm/models.py" line="26" />
        <source>vision</source>
        <translation>视觉</translation>
    </message>
    <message>
        <location filename="../../agents/llm/models.py" line="27" />
        <source>embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <location filename="../../agents/llm/models.py" line="28" />
        <source>thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <location filename="../../agents/llm/models.py" line="73" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../agents/llm/ollama_service.py" line="138" />
        <source>Hearth only talks to an Ollama on this computer, but the host is {host}. To use it anyway, turn on 'Allow remote Ollama' in Settings (or set HEARTH_ALLOW_REMOTE_OLLAMA=1).</source>
        <translation>Hearth 只与这台电脑上的 Ollama 通信，但当前主机是 {host}。如果仍要使用，请在“设置”中开启“允许远程 Ollama”（或设置 HEARTH_ALLOW_REMOTE_OLLAMA=1）。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/ollama_service.py" line="254" />
        <source>No Llama 3.2 model both sees images and uses tools: describe the image first, then act on the description.</source>
        <translation>没有哪个 Llama 3.2 模型既能看图又能使用工具：请先描述图片，再根据描述行动。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/ollama_service.py" line="321" />
        <source>There is no model called '{model}' in Ollama's library: check the name.</source>
        <translation>Ollama 的模型库中没有名为“{model}”的模型：请检查名称。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/ollama_service.py" line="480" />
        <source>'{model}' can't see images: use a vision model such as {vision} (pull it with `ollama pull {vision}`).</source>
        <translation>“{model}”看不了图片：请使用视觉模型，例如 {vision}（用 `ollama pull {vision}` 下载）。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/ollama_service.py" line="487" />
        <source>'{model}' can't use tools: choose a model with tool support such as llama3.2.</source>
        <translation>“{model}”不能使用工具：请选择支持工具的模型，例如 llama3.2。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/ollama_service.py" line="492" />
        <source>'{model}' doesn't make embeddings: use {embed}.</source>
        <translation>“{model}”不生成嵌入向量：请使用 {embed}。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/ollama_service.py" line="497" />
        <source>'{model}' can't chat (it only makes embeddings): choose a chat model.</source>
        <translation>“{model}”不能聊天（它只生成嵌入向量）：请选择聊天模型。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/structured.py" line="36" />
        <source>Try again, or choose a larger model in Settings.</source>
        <translation>请重试，或在“设置”中选择更大的模型。</translation>
    </message>
    <message>
        <location filename="../../agents/llm/structured.py" line="161" />
        <source>The model ({model}) didn't give a usable {what} after {attempts} tries (last problem: {problem}). {advice}</source>
        <translation>模型（{model}）尝试 {attempts} 次后仍未给出可用的{what}（最后一个问题：{problem}）。{advice}</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="86" />
        <source>An account name needs 1 to 64 characters on one line.</source>
        <translation>账户名称需要 1 到 64 个字符，且只占一行。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="91" />
        <source>Unknown mailbox kind '{kind}': use imap, maildir or mbox.</source>
        <translation>未知的邮箱类型“{kind}”：请使用 imap、maildir 或 mbox。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="97" />
        <source>Account '{name}': IMAP needs a server and a username.</source>
        <translation>账户“{name}”：IMAP 需要服务器和用户名。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="104" />
        <source>Account '{name}': give the {kind} location.</source>
        <translation>账户“{name}”：请提供 {kind} 的位置。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="111" />
        <source>Account fields must be single lines.</source>
        <translation>账户字段必须只占一行。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="141" />
        <source>{protocol} security must be one of: {choices}.</source>
        <translation>{protocol} 安全设置必须是以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="152" />
        <source>The {protocol} port must be between 1 and 65535.</source>
        <translation>{protocol} 端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="187" />
        <source>There is no mail account called '{name}' (accounts: {known}). Add one in Mail &gt; Accounts.</source>
        <translation>没有名为“{name}”的邮件账户（现有账户：{known}）。请在“邮件 &gt; 账户”中添加。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="228" />
        <source>The keyring package is missing: reinstall Hearth.</source>
        <translation>缺少 keyring 软件包：请重新安装 Hearth。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="258" />
        <source>Couldn't read the password from the system keyring ({error_type}). Start or unlock your desktop's keyring and try again.</source>
        <translation>无法从系统钥匙串读取密码（{error_type}）。请启动或解锁桌面的钥匙串后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/accounts.py" line="273" />
        <source>No password is stored for {key}. Store it with `hearth mail password {key}` or in Mail &gt; Accounts.</source>
        <translation>没有为 {key} 保存密码。请用 `hearth mail password {key}` 或在“邮件 &gt; 账户”中保存。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="75" />
        <source>The {field} contains a line break, which a mail header can't hold (it could be used to add hidden recipients or headers). Remove the line break and try again.</source>
        <translation>{field}包含换行符，而邮件头中不能有换行（它可能被用来添加隐藏的收件人或邮件头）。请删除换行符后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="92" />
        <source>The {field} is empty: give an e-mail address.</source>
        <translation>{field}为空：请填写电子邮件地址。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="98" />
        <source>The {field} '{text}' holds more than one address: give one per entry.</source>
        <translation>{field}“{text}”包含多个地址：每项只填一个。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="109" />
        <source>The {field} '{text}' isn't a valid e-mail address (expected name@domain).</source>
        <translation>{field}“{text}”不是有效的电子邮件地址（应为 name@domain 形式）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="118" />
        <source>The {field} '{text}' isn't a valid e-mail address.</source>
        <translation>{field}“{text}”不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="131" />
        <source>The {field} '{text}' isn't a valid e-mail address ({problem}).</source>
        <translation>{field}“{text}”不是有效的电子邮件地址（{problem}）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="149" />
        <source>sender address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="150" />
        <source>recipient address</source>
        <translation>收件人地址</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="151" />
        <source>copy (Cc) address</source>
        <translation>抄送（Cc）地址</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="154" />
        <source>The message has no recipient: add at least one address.</source>
        <translation>邮件没有收件人：请至少添加一个地址。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="159" />
        <source>More than {limit} recipients: split the message.</source>
        <translation>收件人超过 {limit} 位：请拆分邮件。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="164" />
        <source>subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="168" />
        <source>The subject is longer than {limit} characters: shorten it.</source>
        <translation>主题超过 {limit} 个字符：请缩短。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="176" />
        <source>The message text is larger than 5 MB: attach it as a file instead.</source>
        <translation>邮件正文超过 5 MB：请改为以附件形式发送。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="182" />
        <source>'{value}' isn't a Message-ID (expected &lt;id@host&gt;).</source>
        <translation>“{value}”不是 Message-ID（应为 &lt;id@host&gt; 形式）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="207" />
        <source>More than {limit} attachments: send fewer at once.</source>
        <translation>附件超过 {limit} 个：请分开发送。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="216" />
        <source>The attachments add up to {total} MB; the limit is 20 MB.</source>
        <translation>附件合计 {total} MB；上限为 20 MB。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="222" />
        <source>attachment name</source>
        <translation>附件名称</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="223" />
        <source>attachment type</source>
        <translation>附件类型</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="227" />
        <source>'{name}' isn't a usable attachment name.</source>
        <translation>“{name}”不是可用的附件名称。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="246" />
        <source>'{value}' isn't a MIME type (expected type/subtype).</source>
        <translation>“{value}”不是 MIME 类型（应为 type/subtype 形式）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/compose.py" line="264" />
        <source>The {name} header is malformed ({defect}).</source>
        <translation>{name} 邮件头格式错误（{defect}）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/digest.py" line="102" />
        <source>{item} ({who})</source>
        <translation>{item}（{who}）</translation>
    </message>
    <message>
        <location filename="../../agents/mail/digest.py" line="104" />
        <source>{item} due {date}</source>
        <translation>{item}，截止 {date}</translation>
    </message>
    <message>
        <location filename="../../agents/mail/digest.py" line="396" />
        <source>The mailbox has no messages.</source>
        <translation>邮箱中没有邮件。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/digest.py" line="407" />
        <source>1 action item from the model couldn't be read and was left out.</source>
        <translation>模型给出的 1 个待办事项无法读取，已略去。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/digest.py" line="409" />
        <source>{count} action items from the model couldn't be read and were left out.</source>
        <translation>模型给出的 {count} 个待办事项无法读取，已略去。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/digest.py" line="421" />
        <source>The {count} oldest messages didn't fit the model's context window and were left out of the summary; ask for fewer messages or raise the context size in Settings.</source>
        <translation>最早的 {count} 封邮件超出了模型的上下文窗口，未纳入摘要；请减少邮件数量，或在“设置”中调大上下文大小。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/digest.py" line="429" />
        <source>Some messages were very large; only their beginning was read.</source>
        <translation>有些邮件非常大；只读取了开头部分。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/digest.py" line="483" />
        <source>list of action items</source>
        <translation>待办事项列表</translation>
    </message>
    <message>
        <location filename="../../agents/mail/digest.py" line="484" />
        <source>None are listed: refresh to try again, or choose a larger chat model in Settings.</source>
        <translation>未列出任何事项：请刷新重试，或在“设置”中选择更大的聊天模型。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/files.py" line="36" />
        <source>a FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <location filename="../../agents/mail/files.py" line="37" />
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../agents/mail/files.py" line="54" />
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <location filename="../../agents/mail/files.py" line="86" />
        <source>it is {kind}, not a mail file</source>
        <translation>它是{kind}，不是邮件文件</translation>
    </message>
    <message>
        <location filename="../../agents/mail/files.py" line="95" />
        <source>it is a link to a file outside the mailbox</source>
        <translation>它是指向邮箱之外文件的链接</translation>
    </message>
    <message>
        <location filename="../../agents/mail/files.py" line="135" />
        <source>Skipped {name}: it is a link to a folder outside the mailbox.</source>
        <translation>已跳过 {name}：它是指向邮箱之外文件夹的链接。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="96" />
        <source>There is no message with id {id} among the newest messages of {where} (up to {limit:,} are looked at).</source>
        <translation>在{where}的最新邮件中没有 ID 为 {id} 的邮件（最多查看 {limit:,} 封）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="188" />
        <source>the Maildir {path}</source>
        <translation>Maildir {path}</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="192" />
        <source>The Maildir folder {path} doesn't exist: check the path.</source>
        <translation>Maildir 文件夹 {path} 不存在：请检查路径。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="197" />
        <source>{path} isn't a Maildir (it has no cur/ and new/ folders). Give the folder that contains them, or use --mbox for a single mailbox file.</source>
        <translation>{path} 不是 Maildir（没有 cur/ 和 new/ 文件夹）。请提供包含它们的文件夹；如果是单个邮箱文件，请使用 --mbox。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="211" />
        <source>Couldn't list {where}: {problem}.</source>
        <translation>无法列出{where}：{problem}。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="241" />
        <source>the mbox file {path}</source>
        <translation>mbox 文件 {path}</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="246" />
        <source>The mbox file {path} doesn't exist: check the path.</source>
        <translation>mbox 文件 {path} 不存在：请检查路径。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="253" />
        <source>{path} isn't an mbox file (it doesn't start with a 'From ' line). For a folder of messages use --maildir.</source>
        <translation>{path} 不是 mbox 文件（它不是以“From ”行开头）。如果是邮件文件夹，请使用 --maildir。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="271" />
        <source>{path} can't be read as an mbox file: {reason}.</source>
        <translation>无法将 {path} 作为 mbox 文件读取：{reason}。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="280" />
        <source>Couldn't read {where}: {problem}.</source>
        <translation>无法读取{where}：{problem}。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="306" />
        <source>Only the end of {where} was read: it is that large.</source>
        <translation>只读取了{where}的末尾部分：它太大了。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/local.py" line="314" />
        <source>the message at byte {offset:,} of {where}</source>
        <translation>{where}中第 {offset:,} 字节处的邮件</translation>
    </message>
    <message>
        <location filename="../../agents/mail/net.py" line="37" />
        <source>The CA certificate file {path} doesn't exist: check the path.</source>
        <translation>CA 证书文件 {path} 不存在：请检查路径。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/net.py" line="44" />
        <source>{path} isn't a PEM certificate file ({problem}): export the server's CA as PEM.</source>
        <translation>{path} 不是 PEM 证书文件（{problem}）：请将服务器的 CA 导出为 PEM 格式。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/net.py" line="60" />
        <source>The {protocol} server {host} would get your password unencrypted. Use SSL/TLS or STARTTLS; only if the server is on a network you trust, turn on 'allow unencrypted' (--allow-unencrypted).</source>
        <translation>{protocol} 服务器 {host} 将以未加密方式收到你的密码。请使用 SSL/TLS 或 STARTTLS；只有当服务器位于你信任的网络中时，才开启“允许未加密”（--allow-unencrypted）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/net.py" line="75" />
        <source>The {protocol} server {host}:{port} presented a certificate that can't be verified ({problem}). If it is your own server with a self-signed certificate, give its CA certificate file (--ca-file or in the account settings).</source>
        <translation>{protocol} 服务器 {host}:{port} 出示的证书无法验证（{problem}）。如果这是你自己使用自签名证书的服务器，请提供其 CA 证书文件（--ca-file 或在账户设置中）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/net.py" line="89" />
        <source>The TLS handshake with the {protocol} server {host}:{port} failed ({problem}). Check that the port matches the security setting (SSL/TLS: 993/465; STARTTLS: 143/587).</source>
        <translation>与 {protocol} 服务器 {host}:{port} 的 TLS 握手失败（{problem}）。请检查端口是否与安全设置相符（SSL/TLS：993/465；STARTTLS：143/587）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/net.py" line="102" />
        <source>The {protocol} server name {host} can't be found: check the spelling and the network.</source>
        <translation>找不到 {protocol} 服务器名称 {host}：请检查拼写和网络。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/net.py" line="112" />
        <source>The {protocol} server {host}:{port} didn't answer in time: check the port and the network, then try again.</source>
        <translation>{protocol} 服务器 {host}:{port} 没有及时响应：请检查端口和网络后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/net.py" line="123" />
        <source>Nothing is listening at {host}:{port} ({protocol}): check the server name and port.</source>
        <translation>{host}:{port}（{protocol}）上没有服务在监听：请检查服务器名称和端口。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/net.py" line="133" />
        <source>The connection to the {protocol} server {host}:{port} failed ({error_type}: {problem}). Check the server settings and the network, then try again.</source>
        <translation>连接 {protocol} 服务器 {host}:{port} 失败（{error_type}：{problem}）。请检查服务器设置和网络后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="68" />
        <source>The account '{account}' has no SMTP server, so it can only save drafts. Add the SMTP server in Mail &gt; Accounts to send.</source>
        <translation>账户“{account}”没有 SMTP 服务器，因此只能保存草稿。如需发送，请在“邮件 &gt; 账户”中添加 SMTP 服务器。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="102" />
        <source>'{value}' isn't [USER@]HOST:PORT (for example smtp.example.org:587).</source>
        <translation>“{value}”不是 [USER@]HOST:PORT 格式（例如 smtp.example.org:587）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="153" />
        <source>No SMTP server is set up, so Hearth can't send. The message can be saved as a draft instead; add an SMTP server in Mail &gt; Accounts to send.</source>
        <translation>尚未设置 SMTP 服务器，因此 Hearth 无法发送。可以改为将邮件保存为草稿；如需发送，请在“邮件 &gt; 账户”中添加 SMTP 服务器。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="164" />
        <source>{problem} Nothing was sent; the message was saved as {draft}.</source>
        <translation>{problem}未发送任何邮件；该邮件已保存为 {draft}。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="173" />
        <source>The SMTP server took the message but refused these recipients: {recipients}. The others will get it; check the refused addresses.</source>
        <translation>SMTP 服务器接收了邮件，但拒绝了这些收件人：{recipients}。其他人会收到邮件；请检查被拒绝的地址。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="184" />
        <source>No SMTP server is set up.</source>
        <translation>尚未设置 SMTP 服务器。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="203" />
        <source>Couldn't save the draft in {folder} ({problem}): check that the folder is writable.</source>
        <translation>无法将草稿保存到 {folder}（{problem}）：请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="270" />
        <source>The SMTP server {host} refused the login for {username}. Check the username and the stored password (`hearth mail password {key}`).</source>
        <translation>SMTP 服务器 {host} 拒绝了 {username} 的登录。请检查用户名和已保存的密码（`hearth mail password {key}`）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="281" />
        <source>The SMTP server {host} doesn't support what Hearth asked ({problem}). Check the security setting (SSL/TLS on 465, STARTTLS on 587).</source>
        <translation>SMTP 服务器 {host} 不支持 Hearth 的请求（{problem}）。请检查安全设置（SSL/TLS 用 465，STARTTLS 用 587）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="292" />
        <source>The SMTP server refused every recipient ({who}): check the addresses.</source>
        <translation>SMTP 服务器拒绝了所有收件人（{who}）：请检查地址。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="297" />
        <source>The SMTP server refused the sender address {sender!r}: use the address of this account.</source>
        <translation>SMTP 服务器拒绝了发件人地址 {sender!r}：请使用此账户的地址。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="309" />
        <source>The SMTP server {host} answered {code} ({answer}). Try again later or check the account settings.</source>
        <translation>SMTP 服务器 {host} 返回了 {code}（{answer}）。请稍后重试，或检查账户设置。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="320" />
        <source>The SMTP server {host}:{port} closed the connection. Check the port and security setting (SSL/TLS on 465, STARTTLS on 587), then try again.</source>
        <translation>SMTP 服务器 {host}:{port} 关闭了连接。请检查端口和安全设置（SSL/TLS 用 465，STARTTLS 用 587）后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/outbox.py" line="331" />
        <source>Sending failed ({error_type}: {problem}).</source>
        <translation>发送失败（{error_type}：{problem}）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/parse.py" line="79" />
        <source>the mail parser failed on it ({error_type})</source>
        <translation>邮件解析器处理它时出错（{error_type}）</translation>
    </message>
    <message>
        <location filename="../../agents/mail/reading.py" line="60" />
        <source>… and {count} more like these.</source>
        <translation>……另有 {count} 条类似情况。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/reading.py" line="67" />
        <source>Ask for at least one message.</source>
        <translation>请至少请求一封邮件。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/reading.py" line="89" />
        <source>There is no message with id {id} in {where}.</source>
        <translation>{where}中没有 ID 为 {id} 的邮件。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="83" />
        <source>'{url}' isn't an IMAP URL: write imaps://USER@HOST[:PORT][/FOLDER] (or imap:// for STARTTLS).</source>
        <translation>“{url}”不是 IMAP 网址：请写成 imaps://USER@HOST[:PORT][/FOLDER]（STARTTLS 用 imap://）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="92" />
        <source>Don't put the password in the URL (it would end up in your shell history): store it with `hearth mail password imap://USER@HOST`.</source>
        <translation>不要把密码写在网址里（它会留在你的 shell 历史记录中）：请用 `hearth mail password imap://USER@HOST` 保存。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="100" />
        <source>The IMAP URL '{url}' has no user name: write imaps://USER@HOST.</source>
        <translation>IMAP 网址“{url}”中没有用户名：请写成 imaps://USER@HOST。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="107" />
        <source>The port in '{url}' isn't a number between 1 and 65535.</source>
        <translation>“{url}”中的端口不是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="150" />
        <source>the IMAP folder {folder} on {host}</source>
        <translation>{host} 上的 IMAP 文件夹 {folder}</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="223" />
        <source>The IMAP server {host}:{port} doesn't offer STARTTLS, so the password would travel unencrypted. Use imaps:// (port 993), or, only on a network you trust, --allow-unencrypted.</source>
        <translation>IMAP 服务器 {host}:{port} 不提供 STARTTLS，密码将以未加密方式传输。请使用 imaps://（端口 993）；只有在你信任的网络中，才可使用 --allow-unencrypted。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="256" />
        <source>The IMAP server {host} refused the login for {username} ({answer}). Check the username and the stored password (`hearth mail password {key}`).</source>
        <translation>IMAP 服务器 {host} 拒绝了 {username} 的登录（{answer}）。请检查用户名和已保存的密码（`hearth mail password {key}`）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="270" />
        <source>The IMAP server {host} has no folder '{folder}' ({answer}). Check the folder name (INBOX is the usual one).</source>
        <translation>IMAP 服务器 {host} 上没有文件夹“{folder}”（{answer}）。请检查文件夹名称（通常是 INBOX）。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="310" />
        <source>The IMAP server {host} refused a request ({answer}). Try again later.</source>
        <translation>IMAP 服务器 {host} 拒绝了一个请求（{answer}）。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="362" />
        <source>Skipped the message with UID {uid}: {reason}.</source>
        <translation>已跳过 UID 为 {uid} 的邮件：{reason}。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="397" />
        <source>The IMAP server {host}:{port} answered in a way Hearth didn't expect ({answer}). Check that this is an IMAP port and try again.</source>
        <translation>IMAP 服务器 {host}:{port} 的响应出乎 Hearth 的意料（{answer}）。请检查这是否是 IMAP 端口，然后重试。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="469" />
        <source>Give one mailbox: --maildir, --mbox, --imap or --account, not several.</source>
        <translation>请只指定一个邮箱：--maildir、--mbox、--imap 或 --account，不能同时指定多个。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="486" />
        <source>Accounts live in the data folder: give the data folder too.</source>
        <translation>账户保存在数据文件夹中：请同时指定数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../agents/mail/sources.py" line="494" />
        <source>Say which mailbox to read: --maildir DIR, --mbox FILE, --imap imaps://USER@HOST or --account NAME (add accounts in the window under Mail &gt; Accounts).</source>
        <translation>请指定要读取的邮箱：--maildir DIR、--mbox FILE、--imap imaps://USER@HOST 或 --account NAME（可在窗口的“邮件 &gt; 账户”中添加账户）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="48" />
        <source>Ollama server URL; OLLAMA_HOST overrides it for one run (never saved).</source>
        <translation>Ollama 服务器网址；OLLAMA_HOST 可在单次运行中覆盖它（不会保存）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="52" />
        <source>Allow an Ollama server that is not on this computer (off: loopback only); HEARTH_ALLOW_REMOTE_OLLAMA=1 allows it for one run.</source>
        <translation>允许使用不在这台电脑上的 Ollama 服务器（关闭：仅限本机回环地址）；HEARTH_ALLOW_REMOTE_OLLAMA=1 可在单次运行中允许。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="57" />
        <source>Model for chat, rewriting, summaries and tools.</source>
        <translation>用于聊天、改写、摘要和工具的模型。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="58" />
        <source>Smaller, faster text model.</source>
        <translation>更小、更快的文本模型。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="59" />
        <source>Model that answers about images.</source>
        <translation>回答图片相关问题的模型。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="60" />
        <source>Embedding model for documents.</source>
        <translation>用于文档的嵌入模型。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="61" />
        <source>Safety model (Llama Guard).</source>
        <translation>安全模型（Llama Guard）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="62" />
        <source>Check messages and answers with Llama Guard.</source>
        <translation>用 Llama Guard 检查消息和回答。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="64" />
        <source>Context window sent with every request (tokens).</source>
        <translation>每次请求发送的上下文窗口（词元）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="66" />
        <source>Per-model context window overrides.</source>
        <translation>按模型覆盖的上下文窗口。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="67" />
        <source>Load the chat model as soon as Ollama is found.</source>
        <translation>一旦找到 Ollama 就加载聊天模型。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="68" />
        <source>How long Ollama keeps a model loaded after use.</source>
        <translation>使用后 Ollama 将模型保留在内存中的时长。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="70" />
        <source>Seconds to wait for a connection to Ollama.</source>
        <translation>等待连接 Ollama 的秒数。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="73" />
        <source>Seconds to wait for the next piece of an answer.</source>
        <translation>等待回答下一部分的秒数。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="76" />
        <source>Sampling temperature; empty: the model's own.</source>
        <translation>采样温度；留空：使用模型自身的设置。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="80" />
        <source>Let thinking models (qwen3, deepseek-r1, gpt-oss…) reason before they answer and show the reasoning, collapsed, above the answer; off: they are asked to answer without it and none is shown. Other models are unaffected.</source>
        <translation>让思考型模型（qwen3、deepseek-r1、gpt-oss…）在回答前先推理，并将推理过程折叠显示在回答上方；关闭：要求它们不经推理直接回答，也不显示推理。其他模型不受影响。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="87" />
        <source>A shared Chroma server for documents (http://host:8000); empty: this computer.</source>
        <translation>用于文档的共享 Chroma 服务器（http://host:8000）；留空：使用这台电脑。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="90" />
        <source>How passages are found: `hybrid` (keywords and meaning), `vector` or `mmr`.</source>
        <translation>查找段落的方式：`hybrid`（关键词加语义）、`vector` 或 `mmr`。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="92" />
        <source>How many passages an answer may cite.</source>
        <translation>一个回答最多可引用的段落数。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="94" />
        <source>Largest context window a document summary may use (tokens).</source>
        <translation>文档摘要可使用的最大上下文窗口（词元）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="96" />
        <source>Larger documents are refused (bytes).</source>
        <translation>超过此大小的文档会被拒绝（字节）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="98" />
        <source>Longer documents are refused (pages).</source>
        <translation>超过此页数的文档会被拒绝（页）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="101" />
        <source>Text read per document (characters).</source>
        <translation>每个文档读取的文本量（字符）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="104" />
        <source>Word files unpacking to more are refused (bytes).</source>
        <translation>解压后超过此大小的 Word 文件会被拒绝（字节）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="107" />
        <source>Time limit to read a document (s).</source>
        <translation>读取一个文档的时间上限（秒）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="109" />
        <source>Passage length for new indexing.</source>
        <translation>新建索引时的段落长度。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="111" />
        <source>Overlap of passages (at most half).</source>
        <translation>段落之间的重叠（最多一半）。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="113" />
        <source>Passages per embedding request.</source>
        <translation>每次嵌入请求的段落数。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="116" />
        <source>How close in meaning (cosine, 0 to 1) a passage must be to a question to be cited; below it only shared keywords keep a passage.</source>
        <translation>段落与问题在语义上需要多接近（余弦相似度，0 到 1）才会被引用；低于此值时，只有包含共同关键词的段落才会保留。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="125" />
        <source>Which calendar Hearth shows and its tools use: ics:&lt;file&gt; or caldav:&lt;URL with the user name&gt;; empty: calendar.ics in the data folder. Set it up in Calendar &gt; Set up; a CalDAV password is kept in the system keyring, never here.</source>
        <translation>Hearth 显示及其工具使用的日历：ics:&lt;文件&gt; 或 caldav:&lt;带用户名的网址&gt;；留空：数据文件夹中的 calendar.ics。请在“日历 &gt; 设置”中设置；CalDAV 密码保存在系统钥匙串中，绝不会保存在这里。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="133" />
        <source>Colours: system (light or dark as the desktop is), light or dark.</source>
        <translation>配色：跟随系统（随桌面的浅色或深色）、浅色或深色。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="139" />
        <source>Default system prompt for new chats.</source>
        <translation>新聊天的默认系统提示词。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="191" />
        <source>The setting {name} has a value of the wrong kind ({value}); Hearth uses the default ({default}). Change it in Settings.</source>
        <translation>设置项 {name} 的值类型不对（{value}）；Hearth 使用默认值（{default}）。请在“设置”中修改。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="222" />
        <source>The setting {name} was {value}, outside {low} to {high}; Hearth uses {bounded}. Change it in Settings.</source>
        <translation>设置项 {name} 的值为 {value}，超出了 {low} 到 {high} 的范围；Hearth 使用 {bounded}。请在“设置”中修改。</translation>
    </message>
    <message>
        <location filename="../../agents/settings.py" line="301" />
        <source>The settings file was damaged ({problem}); it is kept as {name} and Hearth uses the default settings. Set them again in Settings.</source>
        <translation>设置文件已损坏（{problem}）；它已另存为 {name}，Hearth 将使用默认设置。请在“设置”中重新设置。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="272" />
        <source>This build of Python's SQLite has no FTS5 trigram search (SQLite {version}; 3.34 or newer with FTS5 is needed). Install Hearth from its official package, which brings a suitable SQLite.</source>
        <translation>此 Python 所带的 SQLite 不支持 FTS5 三元组搜索（SQLite {version}；需要 3.34 或更新版本并带有 FTS5）。请通过官方安装包安装 Hearth，它自带合适的 SQLite。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="531" />
        <source>Hearth can't create its chat database {path} ({problem}). Check that the folder is writable, or start Hearth with --data-dir.</source>
        <translation>Hearth 无法创建聊天数据库 {path}（{problem}）。请检查该文件夹是否可写，或使用 --data-dir 启动 Hearth。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="543" />
        <source>open the chat database</source>
        <translation>打开聊天数据库</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="603" />
        <source>read the chat database</source>
        <translation>读取聊天数据库</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="617" />
        <source>create a conversation</source>
        <translation>创建对话</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="647" />
        <source>read a conversation</source>
        <translation>读取对话</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="652" />
        <source>list conversations</source>
        <translation>列出对话</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="675" />
        <source>update a conversation</source>
        <translation>更新对话</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="713" />
        <source>save the chat's options</source>
        <translation>保存聊天选项</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="731" />
        <source>delete a conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="778" />
        <source>save a message</source>
        <translation>保存消息</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="788" />
        <source>That message belongs to another conversation. Reopen the conversation to see what is saved.</source>
        <translation>该消息属于另一个对话。请重新打开对话查看已保存的内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="850" />
        <source>update a message</source>
        <translation>更新消息</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="866" />
        <source>delete a message</source>
        <translation>删除消息</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="883" />
        <source>read messages</source>
        <translation>读取消息</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="923" />
        <source>choose a version</source>
        <translation>选择版本</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="973" />
        <source>search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1076" />
        <source>recover interrupted answers</source>
        <translation>恢复中断的回答</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1086" />
        <source>check the chat database</source>
        <translation>检查聊天数据库</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1145" />
        <source>The chat database {path} was saved by a newer version of Hearth (schema {version}; this version knows up to {known}). Update Hearth to open it. The file has not been changed.</source>
        <translation>聊天数据库 {path} 由更新版本的 Hearth 保存（架构版本 {version}；此版本最高只支持 {known}）。请更新 Hearth 后再打开。该文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1159" />
        <source>{path} is not a Hearth chat database. Hearth has not changed it. Move it out of the data folder (or start Hearth with --data-dir) and start Hearth again.</source>
        <translation>{path} 不是 Hearth 聊天数据库。Hearth 未更改它。请将它移出数据文件夹（或使用 --data-dir 启动 Hearth），然后重新启动 Hearth。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1185" />
        <source>clean up after deleting</source>
        <translation>删除后清理</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1221" />
        <source>That conversation no longer exists (it may have been deleted). Pick another conversation or start a new one.</source>
        <translation>该对话已不存在（可能已被删除）。请选择另一个对话或开始新的对话。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1235" />
        <source>That message no longer exists (it may have been deleted). Reopen the conversation to see what is saved.</source>
        <translation>该消息已不存在（可能已被删除）。请重新打开对话查看已保存的内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1250" />
        <source>Hearth could not {action}: the chat store is closed.</source>
        <translation>Hearth 无法{action}：聊天存储已关闭。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1278" />
        <source>Hearth could not {action}: the chat database {path} is damaged or is not a Hearth database ({text}). Hearth has not deleted it. Quit Hearth, move the file aside (for example rename it to '{name}.damaged'), and start Hearth again to begin a new chat history; keep the old file if you want to try to recover it.</source>
        <translation>Hearth 无法{action}：聊天数据库 {path} 已损坏或不是 Hearth 数据库（{text}）。Hearth 没有删除它。请退出 Hearth，把该文件移到一旁（例如重命名为“{name}.damaged”），然后重新启动 Hearth 以开始新的聊天记录；如果想尝试恢复，请保留旧文件。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1293" />
        <source>Hearth could not {action}: the disk holding {path} is full. Free some space and try again; nothing saved before was lost.</source>
        <translation>Hearth 无法{action}：存放 {path} 的磁盘已满。请释放一些空间后重试；之前保存的内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1303" />
        <source>Hearth could not {action}: it cannot write to {path} ({text}). Check the file's permissions, or start Hearth with --data-dir.</source>
        <translation>Hearth 无法{action}：无法写入 {path}（{text}）。请检查文件权限，或使用 --data-dir 启动 Hearth。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/chat_store.py" line="1313" />
        <source>Hearth could not {action} ({text}). The chat database is {path}.</source>
        <translation>Hearth 无法{action}（{text}）。聊天数据库位于 {path}。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/errors.py" line="53" />
        <source>Hearth is already running with this data folder ({folder}). Switch to that window, or start with --data-dir for a separate profile.</source>
        <translation>Hearth 已在使用此数据文件夹运行（{folder}）。请切换到那个窗口，或使用 --data-dir 以独立的配置启动。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/instance_lock.py" line="65" />
        <source>Hearth can't create its lock file {path} ({problem}). Check that the data folder is writable, or start with --data-dir.</source>
        <translation>Hearth 无法创建锁文件 {path}（{problem}）。请检查数据文件夹是否可写，或使用 --data-dir 启动。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/instance_lock.py" line="85" />
        <source>Hearth can't lock {path} ({problem}). If the data folder is on a network drive, start with --data-dir pointing to a local folder.</source>
        <translation>Hearth 无法锁定 {path}（{problem}）。如果数据文件夹位于网络驱动器上，请使用指向本地文件夹的 --data-dir 启动。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="195" />
        <source>There is no chat with the id '{id}'. List the chats and their ids with `hearth export --list`.</source>
        <translation>没有 ID 为“{id}”的聊天。可用 `hearth export --list` 列出聊天及其 ID。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="288" />
        <source>Hearth could not write {path} ({problem}). Choose a folder you can write to, with enough free space.</source>
        <translation>Hearth 无法写入 {path}（{problem}）。请选择一个可写且空间充足的文件夹。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="610" />
        <source>{name} is not a Hearth chat export: its data is nested far deeper than an export ever is. Nothing was imported.</source>
        <translation>{name} 不是 Hearth 聊天导出文件：它的数据嵌套深度远超任何导出文件。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="624" />
        <source>{name} is not a Hearth chat export (it is not UTF-8 text). Nothing was imported.</source>
        <translation>{name} 不是 Hearth 聊天导出文件（它不是 UTF-8 文本）。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="632" />
        <source>{name} is damaged or incomplete (invalid JSON at line {line}, column {column}: {problem}); it may have been cut short while copying. Export the chats again. Nothing was imported.</source>
        <translation>{name} 已损坏或不完整（第 {line} 行第 {column} 列的 JSON 无效：{problem}）；可能在复制时被截断了。请重新导出聊天。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="645" />
        <source>{name} is not a valid Hearth chat export (it holds a number too long to read). Nothing was imported.</source>
        <translation>{name} 不是有效的 Hearth 聊天导出文件（其中有一个过长而无法读取的数字）。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="654" />
        <source>{name} is not a Hearth chat export (use a .json file made by `hearth export --format json`; Markdown exports can't be imported). Nothing was imported.</source>
        <translation>{name} 不是 Hearth 聊天导出文件（请使用由 `hearth export --format json` 生成的 .json 文件；Markdown 导出无法导入）。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="665" />
        <source>{name} has no valid format version. Nothing was imported.</source>
        <translation>{name} 没有有效的格式版本。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="671" />
        <source>{name} uses export format version {version}, which this Hearth can't read (it was made by a newer Hearth: update Hearth to import it). Nothing was imported.</source>
        <translation>{name} 使用的导出格式版本为 {version}，此版本的 Hearth 无法读取（它由更新版本的 Hearth 生成：请更新 Hearth 后再导入）。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="679" />
        <source>{name} uses export format version {version}, which this Hearth can't read. Nothing was imported.</source>
        <translation>{name} 使用的导出格式版本为 {version}，此版本的 Hearth 无法读取。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="689" />
        <source>{name} was changed after it was exported (its checksum doesn't match), so Hearth won't trust it. Export the chats again from the original. Nothing was imported.</source>
        <translation>{name} 在导出后被修改过（校验和不匹配），因此 Hearth 不信任它。请从原处重新导出聊天。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="721" />
        <source>{name} is not a valid Hearth chat export: {problem}. Nothing was imported.</source>
        <translation>{name} 不是有效的 Hearth 聊天导出文件：{problem}。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="744" />
        <source>{name} is too large to import ({size:.1f} GiB, at most {limit:.0f} GiB). Nothing was imported.</source>
        <translation>{name} 太大，无法导入（{size:.1f} GiB，最多 {limit:.0f} GiB）。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="755" />
        <source>{name} can't be imported: {reason}. Nothing was imported.</source>
        <translation>无法导入 {name}：{reason}。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="764" />
        <source>Hearth could not read {path} ({problem}). Nothing was imported.</source>
        <translation>Hearth 无法读取 {path}（{problem}）。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="853" />
        <source>chat '{title}': already here (identical chat)</source>
        <translation>聊天“{title}”：已存在（完全相同的聊天）</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="855" />
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="881" />
        <source>{count} picture(s) that were already missing when exported (their attachments are kept)</source>
        <translation>{count} 张图片在导出时就已缺失（它们的附件记录仍保留）</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="904" />
        <source>The import failed while saving ({detail}). Everything it had added was removed again; your chats are as they were.</source>
        <translation>导入在保存时失败（{detail}）。已添加的内容都已移除；你的聊天保持原样。</translation>
    </message>
    <message>
        <location filename="../../agents/storage/transfer.py" line="963" />
        <source>persona '{name}': already here</source>
        <translation>角色“{name}”：已存在</translation>
    </message>
    <message>
        <location filename="../../agents/tools/agent.py" line="236" />
        <source>The model kept working without finishing after {count} steps.</source>
        <translation>模型在 {count} 步之后仍在继续，没有完成。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/agent.py" line="264" />
        <source>The model could not make a valid tool call ({problem}).</source>
        <translation>模型未能发出有效的工具调用（{problem}）。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/agent.py" line="308" />
        <source>The model repeated the same {tool} call instead of finishing.</source>
        <translation>模型反复发出同样的 {tool} 调用，而没有完成任务。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/agent.py" line="586" />
        <source>Nothing to do: say what you want done.</source>
        <translation>没有要做的事：请说明你想做什么。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/agent.py" line="613" />
        <source>The model kept calling tools without finishing.</source>
        <translation>模型一直在调用工具，没有完成任务。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/agent.py" line="624" />
        <source>{failure} The request was stopped; anything not approved was not done. Try a simpler, more explicit request, or a larger model than {model}.</source>
        <translation>{failure}请求已停止；任何未经批准的操作都没有执行。请尝试更简单、更明确的请求，或使用比 {model} 更大的模型。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/audit.py" line="66" />
        <source>[{count} characters, sha256 {digest}]</source>
        <translation>[{count} 个字符，sha256 {digest}]</translation>
    </message>
    <message>
        <location filename="../../agents/tools/audit.py" line="123" />
        <source>The audit log {path} was written by a newer Hearth: update Hearth.</source>
        <translation>审计日志 {path} 由更新版本的 Hearth 写入：请更新 Hearth。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/audit.py" line="141" />
        <source>Can't open the audit log {path}: {problem}.</source>
        <translation>无法打开审计日志 {path}：{problem}。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/audit.py" line="150" />
        <source>Can't write the audit log {path}: {problem}.</source>
        <translation>无法写入审计日志 {path}：{problem}。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/audit.py" line="205" />
        <source>There is no audit entry {id}.</source>
        <translation>没有编号为 {id} 的审计条目。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/audit.py" line="224" />
        <source>'{summary}' can't be undone (it is {outcome}).</source>
        <translation>“{summary}”无法撤销（其状态为 {outcome}）。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/audit.py" line="252" />
        <source>Unknown undo step {op!r}.</source>
        <translation>未知的撤销步骤 {op!r}。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/create_event.py" line="89" />
        <source>create_event needs a calendar.</source>
        <translation>create_event 需要一个日历。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/create_event.py" line="103" />
        <source>start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../agents/tools/create_event.py" line="105" />
        <source>end</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../agents/tools/find_free_slot.py" line="33" />
        <source>find_free_slot needs a calendar.</source>
        <translation>find_free_slot 需要一个日历。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/find_free_slot.py" line="44" />
        <source>earliest start</source>
        <translation>最早开始时间</translation>
    </message>
    <message>
        <location filename="../../agents/tools/find_free_slot.py" line="46" />
        <source>latest end</source>
        <translation>最晚结束时间</translation>
    </message>
    <message>
        <location filename="../../agents/tools/list_events.py" line="32" />
        <source>list_events needs a calendar.</source>
        <translation>list_events 需要一个日历。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/mail_args.py" line="38" />
        <source>No sender address is set: pass --from ADDRESS or set up a mail account.</source>
        <translation>未设置发件人地址：请传入 --from ADDRESS，或设置一个邮件账户。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/move_event.py" line="35" />
        <source>move_event needs a calendar.</source>
        <translation>move_event 需要一个日历。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/move_event.py" line="41" />
        <source>new start</source>
        <translation>新的开始时间</translation>
    </message>
    <message>
        <location filename="../../agents/tools/move_event.py" line="42" />
        <source>new end</source>
        <translation>新的结束时间</translation>
    </message>
    <message>
        <location filename="../../agents/tools/read_message.py" line="25" />
        <source>read_message needs a mail source.</source>
        <translation>read_message 需要一个邮件来源。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/registry.py" line="75" />
        <source>Unknown tool(s): {tools}.</source>
        <translation>未知的工具：{tools}。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/registry.py" line="86" />
        <source>Unknown task {task!r}: choose one of {tasks}.</source>
        <translation>未知的任务 {task!r}：请从以下选择：{tasks}。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/save_draft.py" line="16" />
        <source>save_draft needs an outbox.</source>
        <translation>save_draft 需要一个发件箱。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/search_mail.py" line="28" />
        <source>search_mail needs a mail source.</source>
        <translation>search_mail 需要一个邮件来源。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/send_invite.py" line="34" />
        <source>send_invite needs a calendar and an outbox.</source>
        <translation>send_invite 需要一个日历和一个发件箱。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/send_invite.py" line="40" />
        <source>No sender address is set: pass --from ADDRESS.</source>
        <translation>未设置发件人地址：请传入 --from ADDRESS。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/send_mail.py" line="16" />
        <source>send_mail needs an outbox.</source>
        <translation>send_mail 需要一个发件箱。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/when.py" line="61" />
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../agents/tools/when.py" line="63" />
        <source>like 2026-11-26T15:00 or 'tomorrow 15:00'</source>
        <translation>例如 2026-11-26T15:00 或“tomorrow 15:00”</translation>
    </message>
    <message>
        <location filename="../../agents/tools/when.py" line="67" />
        <source>The {what} is empty: give a date and time {example}.</source>
        <translation>{what}为空：请给出日期和时间，{example}。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/when.py" line="72" />
        <source>The {what} is too long to be a time: write it {example}.</source>
        <translation>{what}太长，不像是时间：请写成{example}。</translation>
    </message>
    <message>
        <location filename="../../agents/tools/when.py" line="86" />
        <source>Can't read the {what} {raw!r}: write it {example}.</source>
        <translation>无法读取{what} {raw!r}：请写成{example}。</translation>
    </message>
    <message>
        <location filename="../../agents/turns/guarding.py" line="55" />
        <source>Checking your message…</source>
        <translation>正在检查你的消息…</translation>
    </message>
    <message>
        <location filename="../../agents/turns/guarding.py" line="59" />
        <source>Writing the answer; it shows once the safety check has read it…</source>
        <translation>正在撰写回答；安全检查读过之后就会显示…</translation>
    </message>
    <message>
        <location filename="../../agents/turns/guarding.py" line="70" />
        <source>Checking the answer…</source>
        <translation>正在检查回答…</translation>
    </message>
    <message>
        <location filename="../../agents/turns/router.py" line="190" />
        <source>Your documents aren't available here: ask in the Hearth window.</source>
        <translation>这里无法使用你的文档：请在 Hearth 窗口中提问。</translation>
    </message>
    <message>
        <location filename="../../agents/turns/router.py" line="199" />
        <source>Mail and calendar aren't available here: use `hearth agent`.</source>
        <translation>这里无法使用邮件和日历：请使用 `hearth agent`。</translation>
    </message>
    <message>
        <location filename="../../agents/turns/router.py" line="220" />
        <source>Choose how to rewrite the text (shorter, formal, translate…).</source>
        <translation>请选择改写方式（更简短、更正式、翻译……）。</translation>
    </message>
    <message>
        <location filename="../../agents/writing/rewrite.py" line="245" />
        <source>There is no text to rewrite: type or paste some first.</source>
        <translation>没有要改写的文本：请先输入或粘贴一些内容。</translation>
    </message>
    <message>
        <location filename="../../agents/writing/rewrite.py" line="248" />
        <source>The text is too long to rewrite at once ({count:,} characters, at most {limit:,}): rewrite it a chapter at a time.</source>
        <translation>文本太长，无法一次改写（{count:,} 个字符，最多 {limit:,} 个）：请一次改写一章。</translation>
    </message>
    <message>
        <location filename="../../agents/writing/rewrite.py" line="266" />
        <source>Rewriting part {part} of {count}…</source>
        <translation>正在改写第 {part} 部分，共 {count} 部分…</translation>
    </message>
    <message>
        <location filename="../../agents/writing/rewrite.py" line="322" />
        <source>The model returned an empty rewrite. Press Retry, or try another style.</source>
        <translation>模型返回了空的改写结果。请点按“重试”，或换一种风格。</translation>
    </message>
    <message>
        <location filename="../../agents/writing/styles.py" line="121" />
        <source>Translation needs a target language: give one, e.g. --lang French.</source>
        <translation>翻译需要目标语言：请指定一种，例如 --lang French。</translation>
    </message>
    <message>
        <location filename="../../agents/writing/styles.py" line="125" />
        <source>The language name is too long ({count} characters): give just the language, e.g. 'German'.</source>
        <translation>语言名称过长（{count} 个字符）：只需写出语言，例如“German”。</translation>
    </message>
    <message>
        <location filename="../../agents/writing/styles.py" line="133" />
        <source>A custom rewrite needs an instruction: say what to do with the text, e.g. --instruction 'turn it into a bulleted list'.</source>
        <translation>自定义改写需要一条指令：请说明如何处理文本，例如 --instruction 'turn it into a bulleted list'。</translation>
    </message>
    <message>
        <location filename="../../agents/writing/styles.py" line="140" />
        <source>The instruction is too long ({count} characters, at most {limit}): make it shorter.</source>
        <translation>指令过长（{count} 个字符，最多 {limit} 个）：请缩短。</translation>
    </message>
    <message>
        <location filename="../../agents/writing/styles.py" line="170" />
        <source>There is no rewrite style '{name}': choose one of {choices}.</source>
        <translation>没有名为“{name}”的改写风格：请从以下选择：{choices}。</translation>
    </message>
    <message>
        <location filename="../../app/services/chat_session.py" line="139" />
        <source>That conversation no longer exists: start a new chat.</source>
        <translation>该对话已不存在：请开始新的聊天。</translation>
    </message>
    <message>
        <location filename="../../app/services/images.py" line="133" />
        <source>Couldn't save the image in Hearth's data folder: {problem}</source>
        <translation>无法将图片保存到 Hearth 的数据文件夹：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/services/images.py" line="135" />
        <source>Couldn't read the image: {problem}</source>
        <translation>无法读取图片：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/services/images.py" line="213" />
        <source>Couldn't read the dropped or pasted data: {problem}</source>
        <translation>无法读取拖放或粘贴的数据：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/services/jobs.py" line="51" />
        <source>Unexpected problem ({error_type}: {problem}). Try again.</source>
        <translation>出现意外问题（{error_type}：{problem}）。请重试。</translation>
    </message>
</context>
</TS>