# Messages of the history check (src/history/): what a commit did that the procedure does not allow.

## svc check: the history as a whole

history-commit = commit { $short }: { $message }
history-base-rewritten = the base { $short } is not an ancestor of HEAD: the history was rewritten since (a force-push or a rebase), so the commits after it mean nothing
history-base-rewritten-hint = check the whole history (svc check without --base), and protect the shared branch against force-pushes
history-second-root = a second root commit: history from outside the workspace, with shared files of its own
history-second-root-hint = a workspace has one first commit; work from elsewhere comes in as forms, committed on top
history-thread-stopped = a thread judging commits stopped

## Merges

history-merge-deleted-case = a merge deleted { $path }, which one side still had
history-merge-took-side = a merge took { $path } from one side over the steps the other side recorded on the case
history-merge-wrote-case = a merge wrote a case.toml that neither side had
history-merge-case-hint = a merge takes each case's steps from one side; a step is taken again with svc after merging

## Who changes what, and how much one commit holds

history-shared-not-admin = { $path } was changed by { $email }, who is not an admin
history-shared-not-admin-hint = people.toml, catalog/, calendar/, plans/, templates/ and svc.toml are changed only by an admin (role "admin" in people.toml as it stood before)
history-customers-not-csc = { $path } was changed by { $email }, who is neither CSC, its lead nor an admin
history-customers-not-csc-hint = customers' files (warranty ends and agreements decide what is charged, 9.1) are changed only by the CSC, its lead or an admin
history-step-outside = a step on case { $case } also changes { $paths }: a step's commit holds its own case's folder only
history-step-outside-hint = each step of the procedure is one commit of one case; the other changes were put in by hand
history-many-cases = one commit changes { $count } cases: { $cases }
history-many-cases-hint = each step of the procedure is one commit of one case

## Signatures

history-unsigned = `{ $action }` is not signed, but svc.toml asks for it to be (signed_actions)
history-unsigned-hint = svc signs the step when git's user.signingkey names the person's key; on a branch not yet merged, drop the commit and take the step again with svc
history-signature-unreadable = the signature of `{ $action }` cannot be read: { $why }
history-signature-unreadable-hint = steps are signed with SSH keys, as git does with gpg.format = ssh; on a branch not yet merged, drop the commit and take the step again with svc
history-signature-not-ssh = not an SSH signature ({ $error })
history-signature-namespace = made for "{ $namespace }", not for git's commits
history-signature-no-key = `{ $action }` is signed, but { $person } has no signing_key in people.toml at the commit's parent (the key was removed, or never listed)
history-signature-no-key-hint = an admin lists a person's public key as signing_key in people.toml before they take signed steps; on a branch not yet merged, drop the commit and take the step again with svc
history-signature-bad-key = { $person }'s signing_key in people.toml is not an OpenSSH public key
history-signature-bad-key-hint = an admin pastes the line of the person's .pub file as signing_key in people.toml
history-signature-wrong-key = `{ $action }` is signed with the key { $signed_by }, which is not { $person }'s signing_key in people.toml ({ $expected })
history-signature-wrong-key-hint = git's user.signingkey must name the key people.toml lists for the person (ssh-keygen -lf KEY shows its fingerprint); on a branch not yet merged, drop the commit and take the step again with svc
history-signature-mismatch = the signature of `{ $action }` does not match the commit: it was changed after it was signed
history-signature-mismatch-hint = a signed commit is never edited (amended, rebased, rewritten); on a branch not yet merged, drop the commit and take the step again with svc

## Signing a step

history-sign-no-key = svc.toml asks for `{ $action }` to be signed, but git has no user.signingkey here
history-sign-spawn = cannot run { $program } to sign the commit: { $error }
history-sign-failed = { $program } could not sign the commit: { $stderr }
history-sign-no-output = it ended with { $status } and wrote no signature

## A case's folder

history-case-toml-removed = case { $case }: its case.toml was removed (by { $person }); no step of the procedure removes a case
history-case-deleted = case { $case }: the case was deleted (by { $person }); no step of the procedure removes a case
history-case-removed-hint = a case is kept with all its records (7.10); bring it back from the commit before this one (git checkout <commit>^ -- <folder>)
history-frozen = case { $case } is { $state }: its records are frozen, but { $paths } changed (by { $person })
history-frozen-hint = what is reviewed or archived stays as it was; bring the files back from the commit before this one (git checkout <commit>^ -- <file>)
history-form-removed = { $file } was removed from case { $case }, which is { $state } and needs its { $form } (by { $person })
history-form-removed-hint = the records a case's state rests on are kept; bring the file back from the commit before this one (git checkout <commit>^ -- <file>)
history-sheet-changed = { $file } was changed by { $person } after { $approver }'s signature of { $at } (case { $case }): a change after a signature needs a new one
history-sheet-changed-hint = the changed task sheet goes back for signature with svc submit, which dismisses the old one (7.2)

## case.toml changed in a commit svc did not make

history-merge-wrote-keys = a merge wrote case.toml's { $keys }
history-case-written-by-hand = case.toml was written in a commit svc did not make: cases are opened with svc new
history-state-changed-by-hand = case.toml's state changed from { $from } to { $to } in a commit svc did not make
history-keys-changed-by-hand = case.toml's { $keys } changed in a commit svc did not make
history-by-hand-hint = steps of the procedure are taken with svc commands, which record who took them
history-no-longer-toml = it is no longer valid TOML

## A step's commit: what its trailers say it is

history-trailers-disagree = its trailers say { $from } -> { $to }, but case.toml went from { $before } to { $after }
history-trailers-disagree-hint = the commit's message or case.toml was edited by hand
history-not-a-step = { $action } from { $from } to { $to } is not a step of the procedure
history-not-a-step-hint = see the transition table: svc's README
history-extra-keys = `{ $action }` also changes { $keys } in case.toml, which that step never does
history-extra-keys-hint = each field of case.toml is changed only by the step that owns it; this one was edited by hand

## A step's commit: who took it

history-no-people = { $action } was taken by { $email }, but no people.toml is committed to say who that is
history-no-people-hint = steps are judged by the people.toml the history holds: commit the shared files first (git add svc.toml people.toml customers catalog, then git commit)
history-not-in-people = { $action } was taken by { $email }, who is not in people.toml
history-not-in-people-hint = every step is taken by a person listed in people.toml
history-actor-mismatch = the trailers name { $actor } but the commit is by { $person }
history-actor-mismatch-hint = the commit's message was edited by hand
history-not-assigned = { $person } took `{ $action }` but is not assigned to the case
history-not-assigned-hint = only the case's assignees take this step
history-without-role = { $person } took `{ $action }` without the role { $roles } (people.toml at the commit's parent)
history-without-role-hint = roles are granted in people.toml by an admin, before the step
history-self-approval = { $person } approved their own submission
history-self-approval-hint = nobody approves their own submission (7.2, 5.1.6)

## A step's commit: what it records

history-approval-unexplained = an approval was added that `{ $action }` by { $person } does not explain
history-approval-unexplained-hint = approvals are recorded only by svc approve, one per commit, by the approver
history-approval-covers = { $person }'s approval names other content than the commit holds: it covers { $covers }
history-approval-covers-nothing = nothing
history-approval-covers-hint = svc records what an approval covers from the forms it commits; this one was written by hand
history-approval-removed = `{ $action }` by { $person } removes an approval, which that step never does
history-approval-removed-hint = approvals are dismissed only by svc reject, or by svc submit sending a changed task sheet back for signature
history-checkins = one `checkin` records one check-in by its author; this one records { $count }
history-checkins-hint = a check-in is recorded with svc checkin, one per contact with the company (7.5)
history-time = `{ $action }` records { $what } at { $at }, but its commit is dated { $time }
history-time-missing = `{ $action }` records { $what } at no time, but its commit is dated { $time }
history-time-the-approval = the approval
history-time-the-checkin = the check-in
history-waits-and-changes = a `{ $action }` by { $person } changes the re-assignments or the holds of case.toml as no step does
history-waits-and-changes-hint = svc assign records one re-assignment, svc hold begins one wait and svc resume ends it, each by its author; nothing else changes them
history-time-the-reassignment = the re-assignment
history-time-the-hold = the hold
history-time-the-resumption = the resumption
history-time-the-rejection = the rejection
history-time-hint = svc records a step at its commit's time; the time in case.toml or the commit's date was set by hand
history-too-early = `{ $action }` is dated { $at }, before the case became { $state } ({ $since })
history-too-early-hint = a step never precedes the step before it; the commit's date was set by hand (git commit --date, --amend)
