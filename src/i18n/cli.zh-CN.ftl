# 命令行的消息。

# 终端上消息前的字样。
cli-error = 错误
cli-hint = 提示
