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

# The note a step's commit records when the person gave none (in the workspace's language).
note-new = Request recorded.
note-resolve = Solved by phone; no visit needed.
note-accept = On-site service accepted and fees agreed with the customer.
note-assign = Engineers assigned.
note-submit-task-sheet = Task sheet submitted for signature.
note-submit-again = Task sheet changed after its signature; submitted again for signature.
note-submit-records = Travel log and summary report handed in for review.
note-approve-task-sheet = Task sheet signed.
note-approve-one-of-two = Task sheet signed; another signature is needed.
note-review = Records reviewed.
note-approve-flight = Flights approved.
note-reject = Sent back.
note-start = Set off for the site.
note-checkin = Checked in with the company.
note-complete = Work on site completed; records filled in.
note-archive = Records archived.
note-cancel = Cancelled.

# The repository refused or failed, and what to do.
store-not-a-repository = the workspace is not in a git repository
store-not-a-repository-hint = `svc init` makes the workspace a git repository
store-detached = HEAD is detached (not on a branch); svc records steps on a branch
store-detached-hint = check out the workspace's branch first: git switch main
store-busy = a git { $what } is in progress
store-busy-hint = finish or abort it first (git merge --abort, git rebase --abort…)
store-locked = another svc is working on this workspace ({ $holder })
store-locked-hint = wait for it to finish, then try again
store-moved = the branch { $branch } moved while svc was committing; nothing was changed
store-moved-hint = try again
store-ref-locked = git's lock on the branch { $branch } is held by another git process ({ $lock }); the step is kept and the next svc command finishes it once the lock is released
store-ref-locked-hint = wait for the other git to finish, then run any svc command; if no git is running, remove { $lock }
store-dirty = uncommitted changes to { $paths } would be overwritten
store-dirty-hint = nothing was changed; take the step those edits belong to (or move them aside), then try again
store-refused = the step's commit would not pass svc check ({ $count ->
    [one] 1 finding
   *[other] { $count } findings
}); nothing was changed
store-refused-hint = svc check shows the same findings once committed; fix them first

# What awaits a person (svc status).
todo-accept = accept (svc accept { $case } --fee …) or resolve by phone (svc resolve { $case } --note …)
todo-assign = assign engineers: svc assign { $case } --to PERSON
todo-task-sheet = fill in the task sheet (svc edit { $case } task-sheet) and submit it (svc submit { $case })
todo-sign = sign the task sheet: svc approve { $case }
todo-sign-for-sales = sign the task sheet for Sales: svc approve { $case }
todo-start = set off: svc start { $case }
todo-checkin = check in with the company (svc checkin { $case } --via phone){ $last }
todo-last-contact = { " " }(last contact { $when })
todo-overdue = OVERDUE: { $todo }
todo-complete = record the visits and complete: svc complete { $case }
todo-hand-in = hand in the travel log and summary: svc submit { $case }
todo-review = review the records: svc approve { $case } (or svc reject { $case } --reason …)
todo-archive = archive: svc archive { $case }
todo-approve-flight = approve the trip's flights (7.4): svc approve { $case } --flight

# What a step refuses in what the person gave it: a missing option, an unknown person or
# customer, a text svc will not record.
step-case-toml-uneditable = case { $case }: case.toml cannot be edited: { $error }
step-case-toml-uneditable-hint = fix the file by hand
step-needs = { $action } needs { $what }
step-needs-hint = give it with { $flag } "…"
step-needs-resolution = a note of how it was solved by phone
step-needs-reason = a reason
step-accept-needs-fee = accept needs the fee arrangement agreed with the customer (8.1, 5.1.2)
step-fee-hint = --fee warranty, --fee billable or --fee agreement:ID
step-not-a-fee = "{ $fee }" is not a fee arrangement
step-not-an-agreement = agreement { $agreement } is not an agreement of customer { $customer }
step-not-an-agreement-hint = the customer's agreements are in its file under customers/
step-assign-needs-engineer = assign needs at least one engineer
step-assign-needs-engineer-hint = --to PERSON (repeat for more)
step-not-in-people = `{ $person }` is not in people.toml
step-not-in-people-hint = assign people listed in people.toml
step-not-an-engineer = `{ $person }` is not an engineer
step-not-an-engineer-hint = 8.2: assign people whose roles include "engineer"
step-not-sales = `{ $person }` is not sales staff; Sales assigns its own people (5.2.1)
step-not-sales-hint = the CSC assigns other engineers
step-signed-already = { $person } has already signed the task sheet of { $case }
step-signed-already-hint = the other signature is still missing
step-signed-as = the task sheet of { $case } is already signed as { $roles }
step-signed-as-hint = nothing left to sign for you
step-and = { " " }and{ " " }
step-no-flight = the task sheet of { $case } plans no flight
step-no-flight-hint = 7.4: add the flight leg (mode = "flight") to the task sheet first
step-flights-approved = the flights of { $case } are approved already
step-flights-approved-hint = an approval covers the flights it names; a new flight, added to the task sheet and submitted again, needs a new one
step-checkin-needs-via = checkin needs the channel
step-checkin-needs-via-hint = --via phone, --via fax or --via email (7.5)
step-no-customer = customer `{ $customer }` has no file customers/{ $customer }.toml
step-no-customer-hint = add the customer's file first
step-request-needs-fault = a request needs the fault as the customer describes it
step-case-exists = { $path } already exists
step-case-exists-hint = a case id is used once
step-role-new = it takes the role csc, sales or engineer (8.1, 5.3.1)
step-differs-never-committed = the case was never committed
step-differs-deleted = it was deleted
step-differs-edited = its text was edited
step-differs-staged = a different version is staged
step-hidden-char = the { $what } holds the control or invisible character { $char }, which svc does not record
step-hidden-char-hint = write the { $what } as plain text
step-trailer-line = the { $what } holds the line `{ $line }`, which reads as one of svc's own trailers
step-trailer-line-hint = svc writes the Svc-… lines of a step itself; reword that line
# The texts a person gives a step (the $what above).
step-field-note = note
step-field-reason = reason
step-field-fault = fault
step-field-title = title
step-field-contact = contact
step-field-phone = phone

## Re-assigning, holding and resuming, reopening (5.1.3, 5.1.7)
note-reassign = Engineers changed.
note-hold = Waiting on the customer: the clocks stop.
note-resume = No longer waiting on the customer: the clocks run again.
step-needs-reassign-reason = a reason for changing the engineers
step-needs-hold-reason = a reason: what the case waits for
step-assigned-already = { $case } is already assigned to { $people }: nothing would change
step-assigned-already-hint = name the engineers it should have now with --to, one --to each
step-held-already = { $case } has been waiting on the customer since { $since } ({ $reason })
step-held-already-hint = end that wait first: svc resume { $case }
step-not-held = { $case } is not waiting on the customer
step-not-held-hint = svc hold { $case } --reason "…" records a wait; svc resume ends it
step-reopen-not-closed = { $case } is { $state }: only a finished case is reopened
step-reopen-not-closed-hint = a case still open goes on as it is; a case is reopened once it is archived, solved by phone or reviewed
step-reopen-needs-reason = svc reopen needs a reason: what came back
step-reopen-needs-reason-hint = give it with --reason "…"
step-reopened-by = reopens { $case }
