# Messages of printing (src/report/): templates, dossiers, PDF.

## Templates: a workspace's own, --template FILE, the built-ins

report-template-error-at-line = template { $template }, line { $line }: { $message }
report-template-error = template { $template }: { $message }
# Said after the template engine's own message, naming the text it is about.
report-template-error-at = {" "}(at `{ $at }`)
report-unknown-locale = unknown locale `{ $text }` (use zh-CN or en)
report-template-folder-unreadable = cannot read the folder: { $error }
report-no-such-template = no such template (built-in templates: { $templates })
report-template-file-unreadable = cannot read the file: { $error }
report-template-not-a-file = not a regular file
report-template-too-large = the file is larger than 1 MiB
report-template-not-utf8 = the file is not UTF-8 (at byte { $offset })

## PDF: typesetting and fonts

report-pdf-date-out-of-range = the printing date is out of range
report-pdf-failed = typesetting failed
# After the typesetter's message: each of its hints, then how many errors follow.
report-pdf-hint = ; hint: { $hint }
report-pdf-more-errors = {" "}(and { $count } more)
report-font-none = no font on this machine writes Chinese, and a PDF without one would print empty boxes
report-font-not-found = font `{ $font }` is neither a font file, a folder of fonts, nor a family installed here
report-font-not-cjk = `{ $font }` holds no font that writes Chinese
report-font-install-hint = install a CJK font — fonts-noto-cjk (Debian, Ubuntu), google-noto-sans-cjk-fonts (Fedora), noto-fonts-cjk (Arch) — or name a font file or folder with --font or `font` under [print] in svc.toml

## A form or dossier that cannot be made

report-form-missing = { $case } has no { $form ->
        [request] service request (客户服务请求, `request`)
        [task-sheet] customer service task sheet (客户服务任务书, `task-sheet`)
        [visit] field service record (现场服务记录, `visit`)
        [fees] service fee list (服务费清单, `fees`)
        [travel-log] travel work log (出差工作日志, `travel-log`)
       *[summary] service summary report (服务总结报告, `summary`)
    } yet
report-form-unreadable = { $case }: the { $form } form cannot be read ({ $count } problem(s))
report-which-visit = { $case } has { $count } visit records ({ $sites }); name one with --site
report-no-such-visit = { $case } has no visit record for `{ $site }` (its visit records: { $sites })
report-claim-refused = no expense claim for { $case } without { $forms } (7.9)
# The forms an expense claim is made with, as $forms above lists them.
report-claim-form = { $form ->
        [request] the service request (客户服务请求)
        [task-sheet] the customer service task sheet (客户服务任务书)
        [visit] the field service records (现场服务记录)
        [fees] the service fee list (服务费清单)
        [travel-log] the travel work log (出差工作日志)
       *[summary] the service summary report (服务总结报告)
    }
report-list-comma = {", "}
report-list-and = { $rest } and { $last }
report-claim-no-travel-log = an expense claim is made from the travel log's legs and expenses, and this case has none
report-claim-no-travel-log-hint = 8.6: `svc edit { $case } travel-log` first

## Who is away when (svc calendar): the iCalendar feed's words

report-away-planned-trip = Trip (planned)
report-away-trip = Trip
report-away-visit = Site visit
report-away-calendar-name = { $whose } · trips and site visits
report-away-case = Case: { $case }
report-away-customer = Customer: { $customer }
report-away-people = Who: { $people }
report-away-fault = Fault: { $fault }
report-away-as-planned = As the task sheet plans it; no travel log yet.
report-away-clash = { $person } is away then: { $kind } of { $case }, { $from } to { $to }
