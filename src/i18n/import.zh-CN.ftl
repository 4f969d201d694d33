# 导入表格(src/workspace/import/)的消息。
