# rules 检查的消息。
