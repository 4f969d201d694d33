# 打印(src/report/)的消息:模板、案卷、PDF。
