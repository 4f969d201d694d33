# svc serve: the web view's labels and messages.

## Starting and stopping.
serve-listening = serving { $root } — stop with Ctrl-C
serve-not-loopback = listening on { $address }, not only on this computer: anyone who reaches it sees the workspace{ $acting }
serve-not-loopback-acting = , and its buttons act as { $person }
serve-read-only-note = read-only: no buttons, every POST refused
serve-stopped = stopped

## The pages.
serve-title = Service centre
serve-nav-board = Board
serve-nav-me = What awaits me
serve-nav-report = Monthly report
serve-nav-away = Away this week
serve-language = Language
serve-read-only = read-only
serve-filter = Filter
serve-state = State
serve-any = any
serve-assignee = Assignee
serve-customer = Customer
serve-since = Opened since
serve-breached = Targets missed
serve-search = Search
serve-search-hint = case, customer, site, serial or fault
serve-apply = Apply
serve-clear = Clear
serve-no-cases = no case
serve-count = { $count ->
    [one] one case
   *[other] { $count } cases
}
serve-case = Case
serve-case-title = Title
serve-opened = Opened
serve-opened-by = Opened by
serve-assignees = Assignees
serve-targets = Targets
serve-findings = Findings
serve-errors = errors
serve-warnings = warnings
serve-site = Site
serve-product = Product
serve-warranty-end = warranty until
serve-fee = Fees
serve-resolution = Resolution
serve-cancel-reason = Cancelled
serve-holds = On hold
serve-approvals = Approvals
serve-approval-kind = What
serve-approval-by = By
serve-approval-role = Role
serve-approval-at = When
serve-approval-note = Note
serve-approval-covers = Covers
serve-approval-flights = Flights
serve-rejections = Sent back
serve-checkins = Check-ins
serve-forms = Forms
serve-printable = printable
serve-history = History
serve-history-when = When
serve-history-action = Step
serve-history-from = From → to
serve-history-to = To
serve-history-who = Who
serve-history-commit = Commit
serve-history-none = no step recorded yet
serve-attachments = Attachments
serve-none = none
serve-findings-none = no findings
serve-hint = hint
serve-steps = Steps
serve-note = Note
serve-reason = Reason
serve-fee-arrangement = Fee arrangement (warranty, billable or agreement:ID)
serve-engineers = Engineers
serve-via = Via (phone, fax or email)
serve-act-approve = Approve
serve-act-reject = Send back
serve-act-approve-flight = Approve flights
serve-act-accept = Accept
serve-act-assign = Assign
serve-act-checkin = Check in
serve-act-archive = Archive
serve-act-cancel = Cancel the case
serve-act-hold = Put on hold
serve-act-resume = Resume
serve-refused = Not done
serve-done = Done
serve-done-step = { $action } done (commit { $commit })
serve-commit = commit
serve-me-title = What awaits me
serve-me-nothing = nothing awaits you
serve-me-todo = To do
serve-away-title = Away this week
serve-away-week = { $from } to { $to }
serve-away-none = nobody is away this week
serve-away-when = When
serve-away-what = What
serve-away-who = Who
serve-away-where = Where
serve-error-title = Not shown
serve-back = Back to the board
serve-unknown = unknown

## The states.
serve-state-requested = Requested
serve-state-resolved-remotely = Resolved by phone
serve-state-accepted = Accepted
serve-state-assigned = Assigned
serve-state-pending-approval = Pending approval
serve-state-approved = Approved
serve-state-on-site = On site
serve-state-serviced = Serviced
serve-state-pending-review = Pending review
serve-state-reviewed = Reviewed
serve-state-archived = Archived
serve-state-cancelled = Cancelled

## What went wrong.
serve-forbidden = refused: this request did not come from this server's own page (its token or origin is missing or foreign)
serve-not-found = there is no such page
serve-not-allowed = this method is not allowed here
serve-too-large = the request is too large
serve-bad-request = the request could not be read
serve-failure = the page failed; the server goes on
