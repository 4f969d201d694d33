# Messages of the rules checks.

## Shared by several rules

rule-approval-no-covers = { $person }'s { $kind } approval of { $at } names no content it covers (`covers`)
rule-approval-no-covers-hint = svc records what each approval covers; an approval written by hand, or by an older svc, is taken again with svc approve

## layout

rule-layout-attachment-too-large = attachment `{ $name }` is { $size }, larger than the { $limit } MB an attachment may be ({ $why })
rule-layout-limit-set = as [attachments] max_mb in svc.toml sets it
rule-layout-limit-default = svc's default; [attachments] max_mb in svc.toml sets another
rule-layout-attachment-too-large-hint = git would keep every version of it for good: move it out of the workspace (to a file share) and note in the case's forms where it is, or raise the limit in svc.toml: [attachments] max_mb = { $mb }

## id

rule-id-duplicate = case id { $case } is also used by { $others }
rule-id-duplicate-hint = case ids must be unique; give one of the cases a new id with `svc new` and move its forms
rule-id-folder = case id { $case } differs from its folder name { $folder }
rule-id-folder-hint = the folder must be named after the case: rename the folder, or correct the id
rule-id-malformed = case id "{ $case }" is not of the form PREFIX-YYYYMMDD-XXXXXX
rule-id-malformed-hint = ids are made by `svc new`: prefix, opening date, six Crockford base32 characters (e.g. SR-20261127-K7F3Q2)
rule-id-month = case { $case } is filed under { $folder }, not under its month { $month }
rule-id-month-hint = move the folder to cases/{ $month }/

## ref (and the fee arrangement's schema)

rule-ref-customer = customer `{ $customer }` has no file customers/{ $customer }.toml
rule-ref-site = site `{ $site }` is not a site of customer { $customer }
rule-ref-serial = serial { $serial } is not a product of customer { $customer }
rule-ref-agreement = agreement { $agreement } is not an agreement of customer { $customer }
rule-ref-part = code `{ $code }` is not in catalog/parts.toml
rule-ref-part-or-rate = code `{ $code }` is not in catalog/parts.toml or catalog/rates.toml
rule-ref-person-assignee = assignee
rule-ref-person-approver = approver
rule-ref-person-rejected-by = rejected by
rule-ref-person-checkin-by = check-in by
rule-ref-person-engineer = engineer
rule-ref-person-helper = helper
rule-ref-person-traveller = traveller
rule-schema-fee = fee arrangement "{ $fee }" is not warranty, billable or agreement:ID
rule-schema-fee-hint = e.g. fee = "warranty", or fee = "agreement:AG-2026-003"

## dates

rule-dates-order = { $what } ({ $at }) is before { $other } ({ $other_at })
rule-dates-order-hint = { $what } cannot come before { $other }; correct whichever time is wrong
rule-dates-return-before-departure = planned return { $return_on } is before planned departure { $depart_on }
rule-dates-return-before-departure-hint = swap the dates, or correct the one that is wrong
rule-dates-trip-before-approval = the trip started ({ $started }) before the task sheet was approved ({ $approved })
rule-dates-trip-before-approval-hint = 7.2: nobody leaves before the task sheet is signed; correct the leg's date or the approval
rule-dates-left-before-arrival = leaving the site ({ $left }) is not after arriving ({ $arrived })
rule-dates-left-before-arrival-hint = left_at must come after arrived_at
rule-dates-arrival-before-approval = arrived on site ({ $arrived }) before the task sheet was approved ({ $approved })
rule-dates-arrival-before-approval-hint = 7.2: a visit happens only after the task sheet is signed
rule-dates-arrival-before-leg = arrived on site ({ $arrived }) before the first leg of the trip ({ $leg })
rule-dates-arrival-before-leg-hint = 8.4: the engineer travels, then arrives; correct the visit's arrival or the travel log's legs
rule-dates-confirmed-early = confirmed on { $date } before the visit began
rule-dates-confirmed-early-hint = the customer confirms the work after it is done
rule-dates-future-moment = { $what } is recorded at { $at }, in the future
rule-dates-future-moment-hint = record things when they have happened; check the date and the UTC offset
rule-dates-future-date = { $what } is dated { $date }, in the future
rule-dates-future-date-hint = record things when they have happened
# What the times and dates of a case record (the $what of the messages above).
rule-dates-what-receipt = the request's receipt
rule-dates-what-opening = the case's opening
rule-dates-what-acceptance = acceptance
rule-dates-what-resolution = resolution by phone
rule-dates-what-assignment = assignment
rule-dates-what-submission = the task sheet's submission
rule-dates-what-approval = the task sheet's approval
rule-dates-what-start = the start of the trip
rule-dates-what-completion = completion
rule-dates-what-handing-in = handing in the records
rule-dates-what-review = the review
rule-dates-what-archiving = archiving
rule-dates-what-cancellation = cancellation
rule-dates-what-an-approval = an approval
rule-dates-what-checkin = a check-in
rule-dates-what-rejection = a rejection
rule-dates-what-sheet-date = the task sheet's date
rule-dates-what-advance-request = the advance request
rule-dates-what-leg = a leg
rule-dates-what-first-leg = the first leg
rule-dates-what-day = a day of the trip
rule-dates-what-expense = an expense
rule-dates-what-advance = the advance
rule-dates-what-leaving-last-site = leaving the last site
rule-dates-what-return-home = the return home
rule-dates-what-back-at-work = being back at work
rule-dates-what-arrival = arrival on site
rule-dates-what-leaving = leaving the site
rule-dates-what-confirmation = the confirmation
rule-dates-what-signature = the signature
rule-dates-what-payment = the payment
rule-dates-what-summary-date = the summary's date

## 8.1, 8.2, state

rule-8-1-no-request = case has no request form
rule-8-1-no-request-hint = 8.1: every case starts with the request as received: request.toml (svc new writes it)
rule-8-1-fee-mismatch = the request says fees are "{ $requested }" but case.toml records "{ $recorded }"
rule-8-1-fee-mismatch-hint = 8.1, 5.1.2: one fee arrangement is agreed with the customer; correct whichever is wrong
rule-8-1-no-fee = case is { $state } but no fee arrangement is recorded
rule-8-1-no-fee-hint = 8.1: agree fees with the customer before accepting: `svc accept CASE --fee warranty|billable|agreement:ID`
rule-8-1-no-resolution = case was resolved by phone but does not say how
rule-8-1-no-resolution-hint = add resolution = "…" to case.toml: what was done on the phone
rule-8-2-nobody = case is { $state } but nobody is assigned
rule-8-2-nobody-hint = 8.2: `svc assign CASE --to PERSON`
rule-8-2-not-engineer = assignee `{ $person }` is not an engineer
rule-8-2-not-engineer-hint = assign people whose roles in people.toml include "engineer"
rule-8-2-via = assigned_via is "{ $via }"; only the CSC or Sales assign engineers
rule-8-2-via-hint = assigned_via = "csc" or "sales" (8.2)
rule-8-2-role-not-held = `{ $person }` assigned the case for { $via } but does not hold that role
rule-8-2-role-not-held-hint = 5.1.3, 5.2.1: the CSC or the Sales Department assigns; check people.toml
rule-8-2-no-assigner = case is { $state } but does not record who assigned it
rule-8-2-no-assigner-hint = add assigned_by (person id) and assigned_via ("csc" or "sales") to case.toml
rule-state-no-cancel-reason = case is cancelled but does not say why
rule-state-no-cancel-reason-hint = add cancel_reason = "…" to case.toml

## 7.1–7.4: before the trip

rule-7-1-no-task-sheet = case is { $state } but has no task sheet
rule-7-1-no-task-sheet-hint = 8.3: the engineer fills in the task sheet before submitting: `svc edit { $case } task-sheet`
rule-7-1-not-stated = the task sheet does not state { $what }
rule-7-1-not-stated-hint = 7.1: before the trip the engineer must know the task, the fault and the customer; fill it in
rule-7-1-what-situation = the customer's situation
rule-7-1-what-fault = the fault in detail
rule-7-1-what-tasks = the tasks
rule-7-1-what-sites = the sites to visit
rule-7-1-what-engineers = the engineers
rule-7-1-engineer-not-assigned = engineer `{ $person }` on the task sheet is not assigned to the case
rule-7-1-engineer-not-assigned-hint = 8.2: only assigned engineers go; assign them first, or correct the task sheet
rule-7-2-wrong-role = a task sheet is signed as { $role }, not as lead or sales-lead
rule-7-2-wrong-role-hint = 7.2, 5.2.2: task sheets are signed by the CSC lead (role "lead") or the sales lead (role "sales-lead")
rule-7-2-role-not-held = `{ $person }` signed the task sheet as { $role } but does not hold that role
rule-7-2-role-not-held-hint = check the roles in people.toml
rule-7-2-changed = { $files } changed after { $person }'s signature of { $at }: the signature covers an earlier version
rule-7-2-changed-hint = a change after a signature needs a new one: `svc submit { $case }` sends the task sheet back for signature, or restore the signed version
rule-7-2-own-sheet = `{ $person }` signed their own task sheet
rule-7-2-own-sheet-hint = nobody approves their own submission; another lead must sign
rule-7-2-not-signed = case is { $state } but its task sheet is not signed by { $who }
rule-7-2-not-signed-hint = 7.2: without the signature the service is invalid; `svc approve CASE` by the lead
rule-7-2-who-lead = the CSC lead (5.1.4)
rule-7-2-who-sales-lead = the sales lead, since Sales assigned the case (5.2.2)
rule-7-3-requested-early = cash advance requested on { $date }, before the task sheet was approved on { $approved }
rule-7-3-received-early = cash advance received on { $date }, before the task sheet was approved on { $approved }
rule-7-3-requested-unapproved = cash advance requested on { $date }, but the task sheet is not approved
rule-7-3-received-unapproved = cash advance received on { $date }, but the task sheet is not approved
rule-7-3-hint = 7.3: an advance may only be requested with the signed task sheet
rule-7-4-not-manager = flight approved by `{ $person }`, who is not a manager
rule-7-4-not-manager-hint = 7.4: flights are approved by the factory's general manager or the marketing VP (role "manager")
rule-7-4-no-approval = flight on { $date } has no manager's approval
rule-7-4-not-among-approved = the flight { $flight } is not among the flights a manager approved
rule-7-4-late = flight on { $date } was approved only after the leg
rule-7-4-hint = 7.4: ask the general manager or the marketing VP: `svc approve { $case } --flight`

## 7.5–7.9, 8.6, 5.1.6: on the road and after it

rule-7-5-short-checkins = { $count ->
    [one] 1 check-in
   *[other] { $count } check-ins
} from { $from } to { $to }; { $needed } needed while travelling
rule-7-5-short-checkins-hint = 7.5: contact the company twice a week by phone, fax or e-mail; record it with `svc checkin { $case } --via phone`
rule-7-5-more-weeks = { $count ->
    [one] 1 more week
   *[other] { $count } more weeks
} with too few check-ins, from { $from } to { $to }
rule-7-6-file-name = visit record for site `{ $site }` is in a file named for `{ $named }`
rule-7-6-file-name-hint = name visit records visits/<nn>-<site>, e.g. visits/01-{ $site }.toml
rule-7-6-no-visit = no visit record for site `{ $site }`
rule-7-6-no-visit-hint = 7.6: keep a record for each site: `svc edit { $case } visit` (visits/NN-{ $site }.toml)
rule-7-6-no-visits = case is { $state } but has no visit record
rule-7-6-no-visits-hint = 8.5: fill in a field service record for each site
rule-7-7-no-confirmation = visit record for `{ $site }` has no customer confirmation ({ $why })
rule-7-7-no-confirmation-hint = 7.7: add a [confirmation] table with the customer's name, title and date
rule-7-7-why-fees = fees are charged on this case
rule-7-7-why-settings = svc.toml requires it
rule-7-8-no-back-at-work = the travel log does not say when its traveller was back at work
rule-7-8-no-back-at-work-hint = add back_at_work_at
rule-7-8-late = back at work { $back } after arriving home { $arrived }; due { $due } ({ $deadline })
rule-7-8-late-hint = 7.8: morning arrival → work that afternoon; afternoon arrival → work on time the next day
rule-7-8-due-afternoon = the same afternoon
rule-7-8-due-morning = the next working morning
rule-7-8-due-morning-after = the next working morning after { $holiday }
rule-7-9-no-visits = an expense claim needs the field service records, and this case has none
rule-7-9-no-visits-hint = 8.5: fill in a visit record for each site first
rule-7-9-no-summary = an expense claim needs the service summary report, and this case has none
rule-7-9-no-summary-hint = 8.6: `svc edit CASE summary` first
rule-8-6-no-travel-log = case is { $state } but has no travel work log (出差工作日志)
rule-8-6-no-summary = case is { $state } but has no service summary report (服务总结报告)
rule-8-6-hint = 8.6: `svc edit { $case } { $form }`
rule-5-1-6-wrong-role = `{ $person }` reviewed the records as { $role }, which may not review this case
rule-5-1-6-wrong-role-hint = 5.1.6, 5.2.4: the CSC reviews (Sales for cases it assigned)
rule-5-1-6-own-records = `{ $person }` reviewed their own records
rule-5-1-6-own-records-hint = nobody approves their own submission
rule-5-1-6-changed = { $files } changed after { $person }'s review of { $at }: a reviewed case is frozen
rule-5-1-6-changed-hint = what is reviewed stays as reviewed: restore the forms as they were at the review (git log shows the review's commit)
rule-5-1-6-no-review = case is { $state } but no review is recorded
rule-5-1-6-no-review-hint = 5.1.6: the CSC reviews the records: `svc approve CASE` in pending-review

## 8.5, 9.1–9.3: fees

rule-9-1-ground-warranty = { $serial } ({ $model }) was out of warranty since { $date }
rule-9-1-ground-cause = the fault at { $site } was caused by { $cause }
rule-9-1-ground-agreement = agreement { $agreement } allows charges
rule-8-5-part-not-listed = part { $part } was replaced on a billable case but is not on the fee list
rule-8-5-part-not-listed-hint = 8.5: hardware repair fees go on the fee list (fees.toml) for the customer to confirm
rule-8-5-software-not-listed = software maintenance at { $site } on a billable case is not on the fee list
rule-8-5-software-not-listed-hint = 8.5: add the software maintenance rate to fees.toml
rule-9-1-not-allowed = fees charged on { $date } although the fault is a product defect
rule-9-1-not-allowed-in-warranty = fees charged on { $date } although { $serial } is under warranty until { $until } and the fault is a product defect
rule-9-1-not-allowed-hint = 9.1: charge only out of warranty, for faults not caused by the product's quality, or as an agreement allows; remove the charges or correct the visit's cause
rule-9-2-no-signature = the fee list has charges but no customer signature
rule-9-2-no-signature-hint = 9.2: the customer signs the fee list before fees are collected; add [signature] name and date
rule-9-2-no-payment = the fee list has charges but no record of their collection
rule-9-2-no-payment-hint = 9.2: fees are collected on site; add [payment] method, amount, receipt and date
rule-9-3-price-differs = unit price { $price } for { $code } differs from the catalog's { $catalog }
rule-9-3-price-differs-hint = 9.3: charge the catalog price, or give override_reason for the difference
rule-9-3-total-differs = stated total { $stated } differs from the items' sum { $total }
rule-9-3-total-differs-hint = correct the total to "{ $total }", or remove it and let svc add up
rule-9-3-collected-differs = collected { $collected } but the fee list adds up to { $total }
rule-9-3-collected-differs-hint = collect what the customer signed for; correct the amount or the items

# Response targets (5.1.7, src/rules/targets.rs).
target-respond = respond
target-arrive = on site
target-resolve = resolve
target-source-agreement = agreement { $agreement }
target-source-company = the company's targets ([targets] in svc.toml)
target-working-hours = working hours
target-calendar-hours = round the clock
target-minutes = { $minutes } min
target-hours = { $hours } h
target-hours-minutes = { $hours } h { $minutes } min
rule-5-1-7-late = "{ $promise } within { $within }" ({ $hours }, { $whose }) was due { $due } and met { $met }, { $late } late
rule-5-1-7-overdue = "{ $promise } within { $within }" ({ $hours }, { $whose }) was due { $due } and is not met yet
rule-5-1-7-hint = the engineer says why in summary.toml's delay_reason; the monthly report counts the breach
rule-5-1-7-reason = the reason recorded: { $reason }
target-flag-overdue = { $promise } overdue since { $due }
target-flag-soon = { $promise } due { $due } (in { $left })
target-flag-late = { $promise } { $late } late
target-flag-paused = { $promise } paused ({ $left } left)
target-hold-runs-on = { $whose }: the clocks do not stop while a case waits on the customer (pause_on_customer is not set); the hold is recorded and the clocks run on

# The fee arrangement against the warranty (5.1.2).
rule-5-1-2-warranty-ended = accepted as warranty work on { $accepted }, but the warranty of { $serial } ended on { $end }
rule-5-1-2-billable-in-warranty = accepted as billable work on { $accepted }, while { $serial } is in warranty until { $end }
rule-5-1-2-hint = check the fee arrangement with the customer: charges apply out of warranty, or in warranty only to faults the product did not cause (9.1)

# Rule asset: a new case on a unit a visit replaced.
rule-asset-replaced = { $serial } was replaced by { $new } on { $date } (case { $case }); the unit at this site is now { $now }
rule-asset-replaced-hint = the engineer will find { $now } there: list it in the visit record's products, and in customers/{ $customer }.toml with its warranty end if it is not there yet; `svc asset { $serial }` shows the unit's history
rule-asset-removed = { $serial } was taken out of service on { $date } (case { $case }), and nothing was recorded in its place
rule-asset-removed-hint = ask the customer which unit stands there now; `svc asset { $serial }` shows the unit's history
