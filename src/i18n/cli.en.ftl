# Messages of the command line.

# The words before a message on the terminal.
cli-error = error
cli-hint = hint
cli-warning = warning

# Shared by several commands.
cli-cannot-read = cannot read { $path }: { $error }
cli-cannot-write = cannot write { $path }: { $error }
cli-cannot-create = cannot create { $path }: { $error }
cli-cannot-make-workbook = cannot make the workbook: { $error }
cli-not-overwriting = not overwriting { $files }
cli-unreadable-cases = note: { $count ->
    [one] 1 case folder could not be read and is left out
   *[other] { $count } case folders could not be read and are left out
}; `svc validate` says why

# Errors every command may give (src/cli/error.rs).
cli-workspace-hint = run svc inside a workspace, name one with -C DIR, or create one with `svc init`
cli-case-did-you-mean = did you mean { $case }?
cli-case-list-hint = `svc list` shows every case
cli-case-ambiguous-hint = give more characters of the id

# Where a document goes (src/cli/output.rs).
cli-output-contradicts = --format { $format } contradicts -o { $file }, which names a .{ $named } file
cli-output-contradicts-hint = drop --format (the extension says it), or name the file for the format; the formats are { $formats }
cli-output-unknown-extension = svc cannot write a .{ $extension } file here; the formats are { $formats }
cli-output-unknown-extension-hint = name the file with one of those extensions, or say --format
cli-output-not-a-file-hint = name a file (or a pipe, or a terminal) with -o
cli-output-wrote = wrote { $path } ({ $what })
cli-output-binary-terminal = a workbook is a binary file and is not shown on a terminal
cli-output-binary-terminal-hint = name the file with -o, e.g. -o report.xlsx
cli-output-stdout = cannot write to standard output: { $error }

# svc new
cli-new-done = new { $case }: requested, in { $dir } (commit { $commit })
cli-reopen-done = new { $case }: requested, reopening { $old }, in { $dir } (commit { $commit })

# svc validate
cli-validate-summary = checked { $cases ->
    [one] 1 case
   *[other] { $cases } cases
}: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}

# svc check
cli-check-no-commit = no commit `{ $rev }`: { $error }
cli-check-no-commit-hint = name a branch, tag or commit id
cli-check-summary = checked the history and { $cases ->
    [one] 1 case
   *[other] { $cases } cases
}: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}

# svc log
cli-log-empty = { $case } has no recorded steps (its files were never committed by svc)

# svc schema
cli-schema-unknown = no form is called `{ $name }`
cli-schema-did-you-mean = did you mean `{ $name }`?
cli-schema-forms = the forms are: { $forms }

# svc status
cli-status-unshared = { $count ->
    [one] 1 commit here is
   *[other] { $count } commits here are
} not on { $upstream } yet: svc sync shares them
cli-status-nothing = Nothing awaits you. 暂无待办。

# svc templates
cli-templates-not-overwriting-hint = move those files away (or export to another folder) and run the command again
cli-templates-wrote = wrote { $count } templates; edit them in place: a file under the workspace's templates/ with a built-in's name (or with the locale before the extension, e.g. monthly.en.html) replaces it

# svc export
cli-export-json = cannot write JSON: { $error }
cli-export-what = { $count ->
    [one] 1 case
   *[other] { $count } cases
}

# svc edit
cli-edit-unknown-form = no form is called `{ $name }`; the forms are { $forms }
cli-edit-site-hint = name it with --site SITE
cli-edit-new = new { $form }: { $path }
cli-edit-unchanged = the new form was not changed; nothing was kept
cli-edit-valid = { $path } is valid; it is committed with the case's next step
cli-edit-reopen = { $count ->
    [one] 1 error
   *[other] { $count } errors
} in { $path }. Reopen the editor to fix { $count ->
    [one] it
   *[other] them
}? [Y/n]
cli-edit-kept = kept as it is; `svc validate` shows the errors again
cli-edit-cannot-start = cannot start the editor `{ $editor }`: { $error }
cli-edit-cannot-start-hint = set { $variable } to your editor, e.g. export EDITOR=nano
cli-edit-failed = the editor `{ $editor }` failed ({ $status }); the file is kept as it is

# svc ci
cli-ci-people-unreadable = people.toml cannot be read, so the code owners are unknown
cli-ci-people-unreadable-hint = `svc validate` says what is wrong with it
cli-ci-force-hint = run `svc ci init { $forge } --force` to replace them, or move them away
cli-ci-no-owners = warning: { $path } has no code owners: nobody in people.toml has the role for it
cli-ci-next = review the install step in { $path } and commit both files; then make `svc check` a required check of the target branch

# svc report case
cli-report-case-no-commit-hint = every svc step commits the case; take the first one (`svc new` does)
cli-report-case-uncommitted = { $case } is not committed yet, and the dossier is made from committed data
cli-report-case-uncommitted-hint = every svc step commits the case folder; `svc log` shows its steps
cli-report-case-left-out-hint = the dossier is made from commit { $commit }; uncommitted files are left out: { $files }
cli-report-case-dirty = note: { $dir } has uncommitted changes; the dossier covers commit { $commit } only
cli-report-case-what-claim = expense claim of { $case }, commit { $commit }
cli-report-case-what-dossier = dossier of { $case }, commit { $commit }

# svc init
cli-init-exists-hint = use the workspace as it is, or choose another folder
cli-init-occupied-hint = choose an empty folder
cli-init-no-admin-hint = name yourself: git config --global user.email you@example.com (and user.name), or svc init --admin "Name <you@example.com>"
cli-init-created = Created a workspace in { $dir } ({ $count } files).
cli-init-created-example = Created the sample company workspace in { $dir } ({ $count } files).
cli-init-repository = Initialised a git repository there.
cli-init-committed = Committed { $commit }.
cli-init-admin = You are its first admin: { $name } <{ $email }> (people.toml, id { $id }); only an admin changes people.toml, svc.toml and catalog/.
cli-init-next = Next: put your people in people.toml (the examples there are to be replaced), your customers in customers/, your prices in catalog/, and commit.

# svc list
cli-list-unknown-person = `{ $person }` is not in people.toml
cli-list-unknown-customer = customer `{ $customer }` has no file customers/{ $customer }.toml
cli-list-none = no cases match
cli-list-errors = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}
cli-list-warnings = { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
cli-list-errors-warnings = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
cli-list-count = { $count ->
    [one] 1 case
   *[other] { $count } cases
}

# svc render
cli-render-unknown-form = unknown form `{ $form }`
cli-render-site-one-per-case = --site picks a visit record; the { $form } form has one per case
cli-render-what = { $number } { $form } of { $case }
cli-render-missing-hint = fill it in with `svc edit { $case } { $form }`
cli-render-unreadable-hint = fix the problems above (`svc validate { $case }` lists them all)
cli-render-which-visit-hint = e.g. svc render { $case } visit --site { $site }
cli-render-claim-hint = 7.9: an expense claim carries the field service records and the summary report, and is made from the travel log; fill in what is missing ({ $edits }), then hand it in with `svc submit { $case }`

# svc report monthly
cli-report-bad-month = `{ $text }` is not a month; write YYYY-MM, e.g. 2026-11
cli-report-template-hint = fix the template (or remove it to use the built-in one); `svc templates export DIR` writes the built-ins out for comparison
cli-report-workbook-template = a workbook is not made from a template; --template applies to md, html, csv and json
cli-report-workbook-template-hint = leave out --template, or choose another --format
cli-report-not-html = note: { $template } is not named .html, so its values are not HTML-escaped
cli-report-bad-rev-hint = name a commit, branch or tag: `git log --oneline` lists them
cli-report-no-commit-hint = commit the workspace first (every svc step does)
cli-report-reading = reading cases
cli-report-no-fonts = no fonts
cli-report-dirty = note: the working tree has uncommitted changes; the report covers commit { $commit } only
cli-report-what = monthly report { $month }, commit { $commit }

# svc sync
cli-sync-no-remote-hint = add the team's repository: git remote add origin URL (then svc sync)
cli-sync-no-git-hint = install git; svc uses it to reach remotes
cli-sync-push-hint = what upstream had is integrated here, your steps on top; nothing was pushed. If the branch is protected, steps reach it by pull request (review = "pull-request"); else run svc sync again
cli-sync-remote-hint = nothing was changed; check the network and your access to the remote, then run svc sync again
cli-sync-conflict-hint = nothing was changed; that commit was not made by svc, so svc cannot merge it: integrate it with git (git pull --rebase), then svc sync
cli-sync-unchanged-hint = nothing was changed
cli-sync-switch-hint = your steps are shared; switch back by hand (git switch main) when the files are out of the way
cli-sync-race-hint = your steps are integrated locally; run svc sync again
cli-sync-merged = { $branch } was merged into { $upstream }: back on { $local }
cli-sync-received = received { $count ->
    [one] 1 commit
   *[other] { $count } commits
} from { $upstream }
cli-sync-replayed = took again on top of { $upstream }: { $action } { $case } by { $actor } ({ $at }), the case had moved there
cli-sync-theirs = ; upstream, { $actor } took `{ $action }` ({ $from } -> { $to }) at { $at }
cli-sync-refused = refused: `{ $action }` of { $case } by { $actor } ({ $at }, { $from } -> { $to }) no longer applies{ $theirs }: { $why }
cli-sync-kept-form = kept in the work tree, uncommitted: { $path }
cli-sync-kept-commit = the refused commit is kept as { $commit }
cli-sync-retried = { $upstream } moved while pushing; integrated again and retried ({ $count ->
    [one] 1 time
   *[other] { $count } times
})
cli-sync-pushed = pushed { $count ->
    [one] 1 commit
   *[other] { $count } commits
} to { $upstream }
cli-sync-pushed-branch = pushed { $branch } to { $remote } (its pull request)
cli-sync-up-to-date = up to date with { $upstream }
cli-sync-refused-note = a refused step was not recorded: `svc show CASE` shows where the case stands now; take the step again if it still makes sense

# svc import
cli-import-bad-encoding = `{ $text }` is not an encoding svc reads; use utf-8, gbk or gb18030
cli-import-rules-hint = the rules are sheet, header_row, skip_rows, date_formats, [columns] and [fixed]; the README shows an example
cli-import-sheet-hint = save the sheet as .xlsx or .csv; `--sheet NAME` picks a sheet, `--encoding` a CSV's encoding
cli-import-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
} in { $file }; nothing was written
cli-import-errors-hint = fix the rows named above and import again
cli-import-fix-file-hint = fix the file (svc validate says where), then import again
cli-import-customer-files = the customers' files
cli-import-dry-run = nothing written: run again with --apply to write { $target } and commit
cli-import-nothing-to-commit = { $target }: every row is there already; nothing to commit
cli-import-not-allowed-products = { $person } is not csc, lead or admin; customers' files are changed only by the CSC (roles in people.toml)
cli-import-not-allowed-catalog = { $person } is not an admin; the catalog is changed only by an admin (role "admin" in people.toml)
cli-import-not-allowed-hint = ask someone with the role to import the sheet
cli-import-plan = { $what }: { $added } to add, { $changed } to change, { $same } the same; { $untouched } left alone (not in the sheet)
cli-import-uncommitted = { $path } has uncommitted changes; an import commits the file, and would take them along
cli-import-uncommitted-hint = commit or undo them first (git diff shows them)
cli-import-unknown-person = { $person } is not in people.toml
cli-import-no-author = cannot make the commit's author: { $error }
cli-import-done = imported { $name } into { $files }: { $added } added, { $changed } changed (commit { $commit })
cli-import-cannot-commit = cannot commit the import: { $error }

# svc show
cli-show-findings-none = Findings 检查结果: none
cli-show-findings = Findings 检查结果 ({ $count }):
cli-show-attachments = Attachments 附件 ({ $count }):
cli-show-unreadable = { $case } ({ $dir }): case.toml cannot be read
cli-show-unknown = (unknown)
cli-show-product = { $model }, warranty to 保修至 { $warranty_end }
cli-show-opened = { $time } by { $person }
cli-show-assigned-via = { " " }(assigned via { $via })
cli-show-approval = { $person } as { $role } at { $time }
cli-show-rejection = { $kind } { $time } by { $person } — { $reason }
cli-show-reassignment = { $time } by { $person }: { $from } → { $to } — { $reason }
cli-show-hold = { $from } to { $until }, by { $person } — { $reason }
cli-show-hold-open = since { $from }, by { $person } — { $reason } (still waiting)
cli-show-checkin = { $time } via { $via } by { $person }
cli-show-request = received { $time } via { $channel }, contact { $contact } { $phone }
cli-show-fault = fault: { $fault }
cli-show-request-unreadable = cannot be read (see the findings)
cli-show-task-sheet = { $depart } to { $back }, sites { $sites }, prepared by { $person }
cli-show-legs = legs: { $legs }
cli-show-advance = advance: { $amount } ({ $purpose })
cli-show-confirmed = , confirmed by { $name }
cli-show-visit = { $site } { $arrived } – { $left }, cause { $cause }, { $outcome }
cli-show-resolved = resolved 已解决
cli-show-not-resolved = not resolved 未解决
cli-show-paid = , paid { $amount } by { $method }
cli-show-fees = { $count ->
    [one] 1 item
   *[other] { $count } items
}, total { $total }
cli-show-travel-log = { $count ->
    [one] 1 leg
   *[other] { $count } legs
}, back home { $home }
cli-show-summary = { $outcome } ({ $category }), { $count ->
    [one] 1 suggestion
   *[other] { $count } suggestions
}

# A command line that cannot be read (src/cli/usage.rs).
cli-parse-unknown-argument = unexpected argument '{ $arg }' found
cli-parse-unknown-subcommand = unrecognized subcommand '{ $name }'
cli-parse-missing-value = a value is required for '{ $arg }' but none was supplied
cli-parse-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-parse-missing-required = the following required arguments were not provided: { $args }
cli-parse-missing-subcommand = '{ $command }' requires a subcommand but one was not provided
cli-parse-conflict = the argument '{ $arg }' cannot be used with { $with }
cli-parse-repeated = the argument '{ $arg }' cannot be used multiple times
cli-parse-no-equals = an equals sign is needed when giving a value to '{ $arg }'
cli-parse-too-many = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-parse-value-count = '{ $arg }' takes { $expected ->
    [one] 1 value
   *[other] { $expected } values
}, but { $actual ->
    [one] 1 was
   *[other] { $actual } were
} given
cli-parse-possible-values = possible values: { $values }
cli-parse-similar-subcommand = a similar subcommand exists: '{ $name }'
cli-parse-similar-argument = a similar argument exists: '{ $name }'
cli-parse-similar-value = a similar value exists: '{ $name }'
cli-parse-as-value = to pass '{ $arg }' as a value, use '-- { $arg }'
cli-parse-no-such-date = there is no such date
cli-parse-not-a-date = not a date (write YYYY-MM-DD)
cli-parse-not-a-number = not a whole number
cli-parse-number-too-large = the number is too large
cli-parse-usage = Usage: { $usage }
cli-parse-more = For more information, try '{ $flag }'.

# The response targets of a case (svc show, 5.1.7).
cli-show-target-met = { $promise } within { $within }: due { $due }, met { $met }, { $margin } to spare
cli-show-target-late = { $promise } within { $within }: due { $due }, met { $met }, { $late } late
cli-show-target-overdue = { $promise } within { $within }: due { $due }, not met, { $late } overdue
cli-show-target-running = { $promise } within { $within }: due { $due }, { $left } left
cli-show-target-paused = { $promise } within { $within }: paused since { $since }, { $left } left
cli-show-targets = { $whose }, { $hours }

# A step on a case's branch (review = "pull-request").
cli-review-would-overwrite-hint = commit them, put them aside (git stash) or undo them, then try again
cli-review-diverged-hint = `git log --oneline { $branch }...{ $remote }/{ $branch }` shows both sides; bring them together with git (git switch { $branch }, git pull) and try again
cli-review-other-case-hint = go back first: git switch { $branch }
cli-review-unborn-hint = a case branch starts from a commit: commit first
cli-review-pushed = pushed { $branch } to { $remote }
cli-review-open-url = open the pull request: { $url }
cli-review-open = open a pull request from { $branch } into { $target }
cli-review-open-on = open a pull request on { $remote } from { $branch } into { $target }
cli-review-rejected = the pull request from { $branch } stays open: the case is back with its submitter, who submits again on that branch
cli-review-merge = merging the pull request from { $branch } into { $target } brings the approval to { $target }
cli-review-merge-on = merging the pull request from { $branch } into { $target } on { $remote } brings the approval to { $target }

# svc calendar: who is away when.
cli-calendar-backwards = the last day { $to } comes before the first day { $from }
cli-calendar-backwards-hint = give the first day with --from and the last with --to, e.g. --from 2026-11-16 --to 2026-11-30
cli-calendar-none = nobody is away from { $from } to { $to }
cli-calendar-count = { $count ->
    [one] 1 trip or visit
   *[other] { $count } trips and visits
} from { $from } to { $to }
cli-calendar-what = { $count ->
    [one] 1 trip or visit
   *[other] { $count } trips and visits
}

# A product's history (svc asset).
cli-asset-unknown = no product or part with serial { $serial }
cli-asset-unknown-hint = the closest serials svc knows: { $serials }
cli-asset-unknown-none-hint = svc knows the serials of the products in customers/*.toml and those the visit records' parts_replaced took out or put in
cli-asset-customer = customer: { $customer }
cli-asset-site = site: { $site } ({ $city })
cli-asset-installed = installed on { $date }
cli-asset-warranty-today = today ({ $today }): { $status }
cli-asset-in-warranty = in warranty until { $end }
cli-asset-out-of-warranty = out of warranty since { $since }
cli-asset-carried = customers/{ $customer }.toml does not list this serial: it took the place of { $old } and carries its listing until the CSC records it there with its own warranty end
cli-asset-a-part = a part moved on visits (not a unit)
cli-asset-unlisted = named by cases, but no customer lists it and no visit moved it
cli-asset-replaces = replaced { $old } on { $date } (case { $case })
cli-asset-replaced-by = replaced by { $new } on { $date } (case { $case }); the unit in its place now is { $now }
cli-asset-taken-out = taken out of service on { $date } (case { $case }), nothing recorded in its place
cli-asset-no-cases = No cases.
cli-asset-cases = { $count ->
    [one] 1 case:
   *[other] { $count } cases:
}
cli-asset-case = { $case }  opened { $date }  { $state }
cli-asset-case-before = on { $serial }, the unit before this one
cli-asset-repeat = repeat fault: first visit { $days } days after a visit of { $previous }
cli-asset-resolved = resolved
cli-asset-not-resolved = not resolved
cli-asset-part-named = { $code } ({ $name }) × { $qty }, out → in: { $serials }
cli-asset-part = { $code } × { $qty }, out → in: { $serials }
cli-asset-part-named-no-serials = { $code } ({ $name }) × { $qty }, no serials recorded
cli-asset-part-no-serials = { $code } × { $qty }, no serials recorded
cli-asset-repeats = { $count ->
    [one] 1 repeat fault
   *[other] { $count } repeat faults
}, as the monthly report counts them (a first visit within { $days } days after another case's visit to the same serial):
cli-asset-repeat-line = { $case }: { $days } days after { $previous } ({ $serial })
cli-asset-hops = { $count ->
    [one] 1 move:
   *[other] { $count } moves:
}
cli-asset-hop = { $date }  { $moved } ({ $part }) — visit { $visit } of { $case }, { $site }
cli-asset-hop-in-for = into { $units } in place of { $other }
cli-asset-hop-in = into { $units }
cli-asset-hop-out-by = out of { $units }, replaced by { $other }
cli-asset-hop-out = out of { $units }
