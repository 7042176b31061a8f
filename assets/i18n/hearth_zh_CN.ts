<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="35" />
        <source>Ask anything. Your words stay on this computer.</source>
        <translation>尽管问吧。你的内容只保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="96" />
        <source>Writing…</source>
        <translation>正在撰写…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="98" />
        <source>Stopped. The answer is incomplete.</source>
        <translation>已停止。回答不完整。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/chat_view.py" line="101" />
        <source>The answer failed.</source>
        <translation>回答失败。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../app/widgets/composer.py" line="44" />
        <source>Message Hearth (Enter to send, Shift+Enter for a new line)</source>
        <translation>给 Hearth 发消息（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/composer.py" line="49" />
        <location filename="../../app/widgets/composer.py" line="80" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../app/widgets/composer.py" line="80" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="40" />
        <location filename="../../app/widgets/conversation_list.py" line="135" />
        <source>New chat</source>
        <translation>新建聊天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="42" />
        <source>Start a new chat (Ctrl+N)</source>
        <translation>开始新的聊天（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="46" />
        <source>Search chats</source>
        <translation>搜索聊天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="105" />
        <source>Rename chat</source>
        <translation>重命名聊天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="105" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="119" />
        <source>Delete chat</source>
        <translation>删除聊天</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="120" />
        <source>Delete “{0}” for good? This can't be undone.</source>
        <translation>永久删除“{0}”？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="151" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/conversation_list.py" line="152" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="98" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="112" />
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="133" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="136" />
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="152" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="153" />
        <source>&amp;New chat</source>
        <translation>新建聊天(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="157" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="161" />
        <source>&amp;Download a model…</source>
        <translation>下载模型(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="165" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="169" />
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="170" />
        <source>&amp;Stop answer</source>
        <translation>停止回答(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="173" />
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="177" />
        <source>&amp;Find in chats</source>
        <translation>在聊天中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="181" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="182" />
        <source>&amp;About Hearth</source>
        <translation>关于 Hearth(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="323" />
        <location filename="../../app/main_window.py" line="353" />
        <source>Download {0}</source>
        <translation>下载 {0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="351" />
        <source>The model {0} isn't downloaded yet.</source>
        <translation>模型 {0} 尚未下载。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="368" />
        <source>Hearth keeps trying; your chats stay readable.</source>
        <translation>Hearth 会自动重试；你的聊天记录仍可查看。</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="370" />
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="419" />
        <source>Link not opened</source>
        <translation>未打开链接</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="420" />
        <source>Hearth doesn't open links of this kind:
{0}</source>
        <translation>Hearth 不会打开此类链接：
{0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="425" />
        <source>Open link?</source>
        <translation>打开链接？</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="426" />
        <source>Open this address in your browser?

{0}</source>
        <translation>在浏览器中打开此地址？

{0}</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="439" />
        <source>About Hearth</source>
        <translation>关于 Hearth</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="441" />
        <source>Hearth {0}
A private assistant: everything stays on this computer.

Ollama: {1}
Data folder: {2}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../../app/widgets/message_view.py" line="39" />
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="39" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="58" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/widgets/message_view.py" line="62" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="33" />
        <source>The model that answers in this chat</source>
        <translation>在此聊天中回答的模型</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="55" />
        <source>{0} — not downloaded</source>
        <translation>{0} — 未下载</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="57" />
        <source>Download a model…</source>
        <translation>下载模型…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="65" />
        <source>can: {0}</source>
        <translation>能力：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="67" />
        <source>size: {0}</source>
        <translation>大小：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/model_picker.py" line="69" />
        <source>context: {0} tokens</source>
        <translation>上下文：{0} 个词元</translation>
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
        <location filename="../../app/widgets/pull_dialog.py" line="57" />
        <source>Ollama downloads the model once; it then runs on this computer.</source>
        <translation>Ollama 只需下载一次模型，之后它就在这台电脑上运行。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="68" />
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="91" />
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="116" />
        <source>Download failed: {0}</source>
        <translation>下载失败：{0}</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="119" />
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="130" />
        <source>{0} is ready.</source>
        <translation>{0} 已就绪。</translation>
    </message>
    <message>
        <location filename="../../app/widgets/pull_dialog.py" line="132" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="50" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="73" />
        <source>Hearth talks only to the Ollama server named here. A server on another computer needs “Allow remote Ollama”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/widgets/settings_dialog.py" line="104" />
        <source>model default</source>
        <translation>模型默认值</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="27" />
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="40" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="47" />
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="48" />
        <source>Ollama {0} is running</source>
        <translation>Ollama {0} 正在运行</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="54" />
        <source>Ollama unreachable</source>
        <translation>无法连接 Ollama</translation>
    </message>
    <message>
        <location filename="../../app/widgets/status_indicator.py" line="58" />
        <source>The first answer waits for the model to load.</source>
        <translation>第一个回答需要等待模型加载。</translation>
    </message>
</context>
</TS>