# 协作(src/team/)的消息:同步、评审、CI。

# 与远程仓库通信（通过本人的 git 执行 fetch 和 push）。
team-remote-no-git = svc 通过 git 执行 fetch 和 push，但无法启动 git：{ $error }
team-remote-none = 此工作区没有可同步的远程仓库
team-remote-ambiguous = 分支 { $branch } 没有设置上游，而远程仓库有多个（{ $remotes }）
team-remote-failed = `git { $command }` 执行失败：{ $stderr }

# svc sync：为何中止，以及本地步骤为何不再适用。
team-sync-conflict = 提交 { $commit }（{ $subject }）与上游都修改了 { $paths }
team-sync-unsigned = 提交 { $commit } 带有签名：{ $why }
team-sync-race = svc 推送期间，远程仓库先后更新了 { $count } 次
team-sync-unborn = 分支 { $branch } 还没有任何提交；团队的工作区应通过 `git clone URL` 建立
team-sync-after-refused = 它接在你对同一服务单的一个已被拒绝的步骤之后
team-sync-case-exists = 上游已存在服务单 { $case }
team-sync-author-signs = 它须带签名，只有其作者（{ $author }）才能重新签名；请由作者本人运行 svc sync
team-sync-upstream-changed = 上游也修改了 { $paths }
team-sync-person-gone = { $person } 已不在 people.toml 中
team-sync-not-utf8 = 提交不是 UTF-8 编码
team-sync-empty-repository = 此步骤会使仓库变为空

# 通过拉取请求评审：服务单的分支。
team-review-would-overwrite = 切换到 { $branch } 会覆盖对 { $files } 的未提交修改；未做任何改动
team-review-diverged = 本地与 { $remote } 上的 { $branch } 已经分叉：双方都有对方没有的提交
team-review-other-case = 此克隆当前在 { $current } 上，即服务单 { $other } 的分支；服务单 { $case } 的步骤不应在此执行
team-review-other-case-new = 此克隆当前在 { $current } 上，即服务单 { $other } 的分支；不应在此登记新服务单
team-review-unborn = { $branch } 还没有任何提交，无法从它建立服务单分支

# 在服务单分支上执行步骤：途中出了什么问题，以及该怎么做。
team-step-fetch-failed = 警告：无法从 { $remote } 获取 { $branch }，将按此克隆现有的内容继续：{ $error }
team-step-no-upstream = 警告：{ $error }；因此不会获取或推送服务单的分支
team-step-not-pushed = 警告：{ $branch } 未推送：{ $error }
team-step-no-remote-yet = 此工作区还没有远程仓库：{ $branch } 保留在本地，有了远程仓库后 `svc sync` 会推送它
team-step-behind = 警告：{ $remote } 拒绝了 { $branch }（{ $summary }）：它有此克隆没有的提交；`svc sync` 会先取回这些提交再推送
team-step-push-failed =
    警告：此步骤已在本地的 { $branch } 上提交，但未推送：{ $error }
    能连上 { $remote } 时，`svc sync` 会推送它
team-step-no-branch-here = 本地没有分支 { $branch }：提交的内容推送了吗？
team-step-no-branch-here-or-on = 本地和 { $remote } 上都没有分支 { $branch }：提交的内容推送了吗？
team-step-switch-back-failed = svc 无法切换回原分支（{ $error }）：请运行 git switch { $branch }
