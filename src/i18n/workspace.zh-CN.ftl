# workspace 检查的消息。
