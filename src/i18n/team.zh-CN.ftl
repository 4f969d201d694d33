# 协作(src/team/)的消息:同步、评审、CI。
