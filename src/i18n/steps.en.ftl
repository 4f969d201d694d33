# Steps of the procedure: why one is refused, and what to do.

step-no-identity = git has no user.email here, so svc cannot tell who is acting
step-no-identity-hint = git config user.email you@example.com (the e-mail of your entry in people.toml)
step-unknown-person = nobody in people.toml has the e-mail { $email }
step-unknown-person-hint = ask an admin to add you to people.toml, or set git's user.email to the e-mail listed there
step-unreadable = case { $case }: case.toml cannot be read
step-fix-findings-hint = fix the findings above (svc validate shows them all), then try again
step-wrong-state = cannot { $action } case { $case }: it is { $state }; `{ $command }` applies to a case that is { $allowed }
step-wrong-state-hint = `svc show { $case }` shows where the case stands; `svc log { $case }` how it got there
step-role = { $person } may not { $action } case { $case } ({ $why })
step-role-hint = the roles are in people.toml; an admin changes them
step-role-assignees = only its assignees may: { $assignees }
step-role-nobody = nobody yet
step-role-takes = it takes the role { $roles }
step-or = { " " }or{ " " }
step-self-approval = { $person } may not approve their own submission (case { $case })
step-self-approval-hint = nobody approves their own submission: another person with the role must
step-uncommitted = { $path } is not as last committed ({ $differences }): svc owns this file, and a step acts on the case as committed
step-uncommitted-hint = nothing was changed; `git restore --staged --worktree -- { $path }` brings back the committed case.toml (the forms beside it are yours to edit)
step-rules = cannot { $action } case { $case }: { $count ->
    [one] 1 rule error must
   *[other] { $count } rule errors must
} be fixed first
