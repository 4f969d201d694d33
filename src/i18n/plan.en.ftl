# Planned maintenance: plans/<id>.toml, svc plan, rule 8.1-plan.

## The plan files.
ws-plan-not-folder = plans is not a folder
ws-plan-not-folder-hint = plans/ holds the maintenance plans, one file plans/<id>.toml each
ws-plan-ignored = { $file } is not read: a plan is a TOML file, plans/<id>.toml
ws-plan-ignored-hint = rename it to plans/<id>.toml, or move it out of plans/
ws-plan-id-name = plan id { $id } differs from the file's name, { $file }
ws-plan-id-name-hint = a plan is named after its id: write id = "{ $stem }", or rename the file; until then svc does not use it
ws-plan-id-chars = plan id "{ $id }" is not made of lowercase letters, digits, dots, dashes and underscores
ws-plan-id-chars-hint = the id is written in case ids' history and in file names: e.g. gzdx-nt3600-quarterly
ws-plan-rrule = the recurrence cannot be used: { $why }
ws-plan-rrule-hint = write an RFC 5545 RRULE of dates, e.g. rrule = "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5" (quarterly on the 5th), with the first date in start
ws-plan-rrule-empty = the RRULE is empty
ws-plan-rrule-lines = the RRULE is written on more than one line
ws-plan-rrule-part = { $part } is not for plans: a plan's occurrences are dates, and the first one is start
ws-plan-rrule-freq = FREQ={ $freq } repeats within a day; a plan's occurrences are dates (DAILY, WEEKLY, MONTHLY or YEARLY)
ws-plan-rrule-bad = { $error }
ws-plan-until-before-start = the last date { $until } is before the first, { $start }
ws-plan-lead = `{ $lead }` is not a lead time
ws-plan-lead-hint = write a whole number of days or weeks: 14d, 2w (default 14d)
ws-plan-covers-nothing = the plan covers nothing: it names neither a model nor serials
ws-plan-covers-both = the plan names a model and serials; it covers one or the other
ws-plan-covers-hint = write model = "NT-3600" for every unit of that model the customer has installed, or serials = ["…"] for those units
ws-plan-no-task = the plan does not say the work to do
ws-plan-no-task-hint = task = "…" is what the engineer does at each occurrence; it becomes the case's request
ws-plan-engineer = the plan's engineer
ws-plan-no-customer = the plan's customer { $customer } has no file in customers/
ws-plan-no-agreement = customer { $customer } has no agreement { $agreement }
ws-plan-no-site = customer { $customer } has no site { $site }
ws-plan-no-serial = customer { $customer } lists no product with serial { $serial }
ws-plan-no-model = customer { $customer } lists no { $model } for the plan to cover
ws-plan-no-model-hint = check the model as the customer's file writes it (products' model); the plan opens no case until there is such a unit

## Rule 8.1-plan.
rule-plan-twice = a second case for { $plan } on { $date }, unit { $serial }: also { $others }
rule-plan-twice-hint = one occurrence is one case: cancel the extra one (svc cancel … --reason "duplicate of …"), keep the other
rule-plan-unknown = the case was opened for plan { $plan }, which is not in plans/
rule-plan-unknown-hint = a plan retired since leaves its cases as they are; if it was renamed, its file keeps the old id

## Opening a planned case.
step-role-plan = planned cases are opened by the Customer Service Centre (role csc)
step-plan-note = Planned maintenance { $plan }, { $date }.

## svc plan.
cli-plan-none = the workspace has no maintenance plans (plans/<id>.toml)
cli-plan-none-hint = a plan says what it covers, when (an RRULE) and the work: see "Planned maintenance" in the README
cli-plan-count = { $count ->
    [one] one plan
   *[other] { $count } plans
}
cli-plan-within = `{ $within }` is not a span of days
cli-plan-within-hint = write a whole number of days or weeks: 30d, 2w
cli-plan-due-none = nothing due up to { $to }: every occurrence has its case
cli-plan-due-count = { $due } due ({ $overdue } overdue), { $opened } opened, up to { $to }
cli-plan-opened = opened { $case } for { $plan } on { $date }, unit { $serial } (commit { $commit })
cli-plan-would-open = would open { $case } for { $plan } on { $date }, unit { $serial }
cli-plan-nothing-to-open = nothing to open up to { $to }: every occurrence due has its case
cli-plan-opened-count = { $count ->
    [one] opened one case
   *[other] opened { $count } cases
}
cli-plan-would-count = { $count ->
    [one] would open one case (dry run: nothing written)
   *[other] would open { $count } cases (dry run: nothing written)
}
cli-plan-every = every { $rule }
cli-plan-covers-model = every { $model }
cli-plan-state-due = due
cli-plan-state-overdue = overdue

## svc sync.
cli-sync-duplicate = { $case } ({ $plan }, { $occurrence }) was already opened upstream ({ $upstream }) by { $opened_by } at { $opened_at }: your opening of the same occurrence is dropped as a duplicate, and upstream's case stands
cli-plan-role = { $person } may not open planned cases: it takes the role csc (8.1)

## svc calendar.
report-away-maintenance = Planned maintenance
report-away-not-opened = not opened yet (svc plan open)
report-away-plan = Maintenance plan { $plan }, unit { $unit }.

## svc show.
cli-show-plan = { $plan } { $title }, { $date } (planned maintenance)

## svc check.
history-plan-role = { $person } opened a preventive case (with [plan]) without the role csc
history-plan-role-hint = planned cases are opened by the Customer Service Centre with svc plan open; cancel this one, and let a person of the CSC open the occurrence
