# Messages of team work (src/team/): sync, review, CI.

# Talking to the remote (fetch and push through the person's git).
team-remote-no-git = svc runs git for fetch and push, and git could not be started: { $error }
team-remote-none = this workspace has no remote to sync with
team-remote-ambiguous = branch { $branch } has no upstream and there are several remotes ({ $remotes })
team-remote-failed = `git { $command }` failed: { $stderr }

# svc sync: why it stopped, and why a local step no longer applies.
team-sync-conflict = commit { $commit } ({ $subject }) and upstream both changed { $paths }
team-sync-unsigned = commit { $commit } is signed, and { $why }
team-sync-race = the remote moved on { $count ->
    [one] { $count } time
   *[other] { $count } times
} while svc was pushing
team-sync-unborn = branch { $branch } has no commits yet; a team's workspace is started with `git clone URL`
team-sync-after-refused = it follows a step of yours on the same case that was refused
team-sync-case-exists = a case { $case } exists upstream already
team-sync-author-signs = it must be signed, and only its author ({ $author }) can sign it again; they run svc sync
team-sync-upstream-changed = upstream changed { $paths } too
team-sync-person-gone = { $person } is no longer in people.toml
team-sync-not-utf8 = a commit that is not UTF-8
team-sync-empty-repository = the step would leave an empty repository

# Review by pull request: the case's branch.
team-review-would-overwrite = switching to { $branch } would overwrite uncommitted changes to { $files }; nothing was changed
team-review-diverged = { $branch } here and on { $remote } have diverged: each has commits the other lacks
team-review-other-case = this clone is on { $current }, the branch of case { $other }; a step on case { $case } does not belong there
team-review-other-case-new = this clone is on { $current }, the branch of case { $other }; a new case does not belong there
team-review-unborn = { $branch } has no commit yet to start a case branch from

# A step on a case's branch: what went wrong on the way, and what to do.
team-step-fetch-failed = warning: { $branch } could not be fetched from { $remote }, going on with what this clone has: { $error }
team-step-no-upstream = warning: { $error }; the case's branch is neither fetched nor pushed
team-step-not-pushed = warning: { $branch } is not pushed: { $error }
team-step-no-remote-yet = this workspace has no remote yet: { $branch } stays here, and `svc sync` pushes it once there is one
team-step-behind = warning: { $remote } refused { $branch } ({ $summary }): it has commits this clone lacks; `svc sync` brings them in and pushes
team-step-push-failed =
    warning: the step is committed on { $branch } here but not pushed: { $error }
    `svc sync` pushes it when { $remote } can be reached
team-step-no-branch-here = there is no branch { $branch } here: was the submission pushed?
team-step-no-branch-here-or-on = there is no branch { $branch } here or on { $remote }: was the submission pushed?
team-step-switch-back-failed = svc could not switch back ({ $error }): git switch { $branch }
