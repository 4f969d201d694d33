# Messages of the workspace checks: reading the workspace's files and forms (layout,
# schema, id, ref, dates), opening a workspace, naming a case, writing a document.

## Opening a workspace, naming a case, editing a form, writing a document

ws-open-not-found = not inside an svc workspace (no { $file } in { $folder } or any folder above it)
ws-open-unreadable = cannot read { $path }: { $error }
ws-lookup-not-found = no case matches `{ $query }`
ws-lookup-ambiguous = `{ $query }` matches { $count } cases: { $cases }
ws-edit-which-site = which site? the case has visit records for { $sites }
ws-output-not-a-file = { $path } is { $what }, not a file to write a document into
ws-output-folder = a folder
ws-output-socket = a socket
ws-output-block-device = a block device
ws-output-not-regular = not a regular file
ws-output-link-loop = { $path }: too many levels of symbolic links

## Reading a file (layout, schema)

ws-layout-unreadable-file = cannot read the file: { $error }
ws-layout-not-regular-file = not a regular file (a pipe, socket or device)
ws-layout-not-regular-file-hint = forms are plain files; remove this one
ws-layout-too-large = file is { $size } MiB; a form is at most 1 MiB
ws-layout-too-large-hint = keep large attachments (photos, scans) under attachments/ in the case folder
ws-schema-cut-character = the file ends in the middle of a character
ws-schema-cut-character-hint = the file was cut short while being written or copied; restore it from git or your editor
ws-schema-not-utf8 = the file is not UTF-8 (byte 0x{ $byte } at offset { $offset })
ws-schema-not-utf8-hint = save the file as UTF-8 (forms written in GBK must be converted, e.g. `iconv -f GBK -t UTF-8`)
ws-schema-merge-conflict = unresolved merge conflict
ws-schema-merge-conflict-hint = keep one side (or combine them), delete the <<<<<<< ======= >>>>>>> lines, then validate again
ws-schema-empty-file = the file is empty
ws-schema-empty-file-hint = fill in the form, or delete the file
ws-layout-link-outside = symbolic link leads out of the workspace (to { $target })
ws-layout-link = symbolic link (to { $target }); svc reads only plain files and folders
ws-layout-link-hint = replace the link with a copy of what it points to
ws-layout-not-a-form-syntax = svc reads only .toml, .yaml and .yml files
ws-schema-invalid-syntax = invalid { $language }: { $error }

## The shared files: svc.toml, people.toml, the catalog, customers/

ws-layout-missing = { $file } is missing
ws-layout-missing-hint = `svc init` writes a starter version of every shared file
ws-layout-other-syntax-beside = { $file } is not read: svc reads { $toml }, which is beside it
ws-layout-other-syntax = { $file } is not read: svc reads { $toml } (shared files are TOML)
ws-layout-other-syntax-hint = write its content as TOML in { $toml }, and remove { $file }
ws-layout-cases-file = cases is a file, not the folder that holds the cases
ws-layout-cases-file-hint = move it aside; svc keeps each case in cases/<yyyy>/<mm>/<case-id>/
ws-schema-locale = locale "{ $locale }" is not one svc writes
ws-schema-locale-hint = the reports are written in zh-CN or en
ws-schema-timezone = time zone "{ $timezone }" is not an offset
ws-schema-timezone-hint = write it as +08:00
ws-schema-clock = clock "{ $clock }" is not a moment
ws-schema-clock-hint = write it as 2026-11-26T18:00:00+08:00, or leave it out to run on real time
ws-schema-time-of-day = "{ $time }" is not a time of day
ws-schema-time-of-day-hint = write it as HH:MM, e.g. 08:30
ws-schema-id-prefix = id prefix "{ $prefix }" must be capital letters
ws-schema-id-prefix-hint = e.g. "SR"
ws-schema-action = "{ $action }" is not an action of the procedure
ws-schema-action-hint = the actions are { $actions }
ws-id-person-twice = person `{ $id }` is listed twice
ws-id-person-twice-hint = give each person one entry with a unique id
ws-id-person-id = person id `{ $id }` is not of the characters an id is made of
ws-id-person-id-hint = an id is lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit, e.g. li.na
ws-schema-email = `{ $id }`'s e-mail "{ $email }" is not an e-mail address
ws-schema-email-hint = write the address git's user.email gives on the person's desk, e.g. li.na@example.com
ws-schema-no-roles = `{ $id }` has no roles
ws-schema-no-roles-hint = roles: csc, lead, sales, sales-lead, engineer, manager, admin (one at least)
ws-schema-signing-key = `{ $id }`'s signing_key is not an OpenSSH public key
ws-schema-signing-key-hint = paste the line of the key's .pub file, e.g. "ssh-ed25519 AAAA… li.na@example.com"
ws-id-email-shared = e-mail { $email } is also `{ $other }`'s: svc could not tell who is acting
ws-id-code-empty = a catalog code is empty
ws-id-code-empty-hint = give each part and rate a code, e.g. "P-PSU-48V"
ws-id-code-twice = catalog code `{ $code }` is used twice
ws-id-code-twice-hint = part and rate codes share one namespace: give each a unique code
ws-layout-no-customers = the customers/ folder is missing
ws-layout-no-customers-hint = add one file per customer: customers/<id>.toml
ws-layout-customer-yaml = { $file } is not read: a customer's file is TOML
ws-layout-customer-yaml-hint = write it as customers/<id>.toml; its warranty ends and agreements decide what is charged (9.1)
ws-layout-customer-ignored = svc reads only customers/<id>.toml files; this one is ignored
ws-id-customer-file-name = customer id `{ $id }` differs from its file name `{ $file_id }.toml`
ws-id-customer-file-name-hint = rename the file to { $id }.toml, or set id = "{ $file_id }"
ws-id-site-twice = site `{ $site }` is listed twice
ws-ref-unknown-site = product { $serial } stands at unknown site `{ $site }`
ws-dates-warranty-before-install = product { $serial }'s warranty ends ({ $warranty_end }) before it was installed ({ $installed })
ws-dates-warranty-before-install-hint = the warranty end decides whether a repair is charged (9.1): correct whichever date is wrong
ws-dates-agreement-reversed = agreement { $agreement } ends ({ $end }) before it starts ({ $start })
ws-id-serial-elsewhere = serial { $serial } is also a product of customer `{ $customer }`
ws-id-serial-elsewhere-hint = a serial names one product: keep it under the customer it is installed at
ws-id-serial-twice = serial { $serial } is listed twice
# `what`: who the id should name, as the caller says it (a field name, or one of these).
ws-ref-person = { $what } `{ $id }` is not in people.toml
ws-ref-salesperson = salesperson
ws-ref-signer = signer
ws-did-you-mean = did you mean `{ $close }`?

## The working calendar: [workday] in svc.toml, calendar/<year>.toml

ws-layout-workday-order = [workday] { $later } { $later_time } must be later than { $earlier } { $earlier_time }
ws-layout-workday-overlap = [workday] { $later } { $later_time } must not be earlier than { $earlier } { $earlier_time }
ws-layout-workday-order-hint = a working day runs morning_start < morning_end ≤ afternoon_start < afternoon_end, e.g. 08:30, 12:00, 14:00, 17:30 (morning_end is 12:00 and afternoon_end 17:30 unless written); until then svc counts those default hours
ws-schema-year = { $found } is not a year
ws-schema-year-hint = write the year as a number, e.g. year = 2026
ws-calendar-not-folder = calendar is not a folder svc can read
ws-calendar-not-folder-hint = keep the holiday calendars as calendar/<year>.toml, one file a year
ws-calendar-file-name = { $file } is not read: a calendar file is named after its year
ws-calendar-not-toml = { $file } is not read: calendar files are TOML
ws-calendar-ignored = { $file } is ignored: svc reads only calendar/<year>.toml files
ws-calendar-file-name-hint = name each year's file after it, e.g. calendar/2026.toml (year = 2026 inside)
ws-calendar-year-mismatch = year { $year } differs from the file's name, { $file }
ws-calendar-year-mismatch-hint = a calendar file holds one year and is named after it: rename the file to { $year }.toml, or correct the year; until then svc does not use it
ws-calendar-outside-year = { $date } is not in { $year }
ws-calendar-outside-year-hint = calendar/{ $year }.toml holds the days of { $year } only; a holiday across the new year is written in both years' files, each with its own days
ws-calendar-reversed = holiday { $name } ends on { $to }, before it begins on { $from }
ws-calendar-reversed-hint = from is the first day off and to the last (the same day for a one-day holiday)
ws-calendar-overlap = holiday { $name } ({ $from } to { $to }) overlaps { $other } ({ $other_from } to { $other_to })
ws-calendar-overlap-hint = each day off belongs to one holiday: correct the days as the State Council's notice gives them
ws-calendar-workday-in-holiday = make-up working day { $date } is inside the holiday { $name } ({ $from } to { $to })
ws-calendar-workday-in-holiday-hint = a make-up working day (调休上班) is a weekend day worked in exchange for days off; correct its date or the holiday's days
ws-calendar-workday-not-weekend = make-up working day { $date } is not a Saturday or Sunday: it is a working day anyway
ws-calendar-workday-not-weekend-hint = list under [[workdays]] only the weekend days that are worked; check the date
ws-calendar-missing-year = { $file } is missing: { $year } counts weekends only
ws-calendar-missing-year-hint = add { $year }'s public holidays and make-up working days in { $file } (the State Council publishes them for the year ahead); until then the return to work (7.8) and other working time know Saturdays and Sundays only

## Case folders (layout)

ws-layout-file-outside-case = file outside any case folder; svc ignores it
ws-layout-file-outside-case-hint = case files live in cases/<yyyy>/<mm>/<case-id>/
ws-layout-folder-not-date = folder is not a year or month; svc ignores it
ws-layout-folder-not-date-hint = case folders live in cases/<yyyy>/<mm>/<case-id>/
ws-layout-cannot-read = cannot read: { $error }
ws-layout-case-folder-unreadable = cannot read the case folder: { $error }
ws-layout-unknown-folder = unknown folder in a case; svc ignores it
ws-layout-unknown-folder-hint = visit records go in visits/, anything else in attachments/
ws-layout-unknown-file = `{ $name }` is not a form svc knows; it is ignored
ws-layout-unknown-file-hint = forms are { $forms } (.toml, .yaml or .yml); put other files in attachments/
ws-layout-no-case-toml = case folder has no case.toml
ws-layout-no-case-toml-hint = create cases with `svc new`, which writes case.toml
ws-layout-two-files = two files for the { $form } form: { $first } and this one
ws-layout-two-files-hint = keep one of them (TOML or YAML), delete the other
ws-layout-attachment-not-file = attachment `{ $name }` is not a regular file (a pipe, socket or device); svc ignores it
ws-layout-attachment-not-file-hint = remove it: attachments are plain files (photos, scans)
ws-layout-attachment-not-utf8 = the name of attachment `{ $name }` is not UTF-8 (U+FFFD marks the bytes that are not)
ws-layout-attachment-hidden = the name of attachment `{ $name }` holds the control or invisible character { $character }
ws-layout-attachment-name-hint = rename the file with letters, digits and punctuation that show as they are: other computers and tools show such a name differently, or cannot check it out
ws-layout-not-a-visit = not a visit record (.toml, .yaml or .yml); svc ignores it
ws-layout-not-a-visit-hint = put photos and scans in attachments/

## The shape of a form (schema)

ws-schema-form-unreadable = the form could not be read
ws-schema-expected = expected { $what }, found { $found }
ws-schema-unknown-key = unknown key `{ $key }` in { $what }
ws-schema-unknown-key-hint = the keys of { $what } are: { $keys }
ws-schema-retired-key = `{ $key }` is no longer part of { $what }
ws-schema-retired-checkins-hint = check-ins are recorded with `svc checkin CASE --via phone|fax|email` at the time they happen, in case.toml (7.5), and the printed log lists them from there: record each with svc checkin and remove this list
ws-schema-missing-key = missing key `{ $key }` in { $what }
ws-schema-missing-key-hint = add `{ $key }`: { $description }
ws-schema-unknown-keyword = unknown { $what } "{ $value }"
ws-schema-unknown-keyword-hint = did you mean "{ $close }"? (one of: { $words })
ws-schema-keyword-choices = one of: { $words }
# A word given on the command line (`svc new --channel phnoe`).
ws-arg-unknown-keyword = unknown { $what } `{ $value }`: expected one of { $words }
ws-schema-quantity-too-large = quantity { $quantity } is too large
ws-schema-quantity-too-small = quantity must be at least 1, found { $quantity }
ws-schema-quantity-too-small-hint = remove the line instead of writing a zero or negative quantity
ws-schema-megabytes-too-large = { $size } MB is too large
ws-schema-megabytes-too-small = a size must be at least 1 MB, found { $size }
ws-schema-megabytes-hint = write the size in whole megabytes, e.g. 20
ws-schema-score = expected a score from 1 to 5, found { $found }
ws-schema-score-hint = 1 = very dissatisfied … 5 = very satisfied
ws-schema-money-spaces = "{ $text }" has spaces in it; write the amount alone, e.g. "180.00"
ws-schema-money-not-amount = "{ $text }" is not an amount of money
ws-schema-money-decimals = "{ $text }" has more than two decimals
ws-schema-money-decimal-point = "{ $text }" ends with a decimal point
ws-schema-money-too-large = "{ $text }" is too large
ws-schema-money-hint = write money as a string with at most two decimals, e.g. "180.00"
ws-schema-money-negative = amount "{ $amount }" is negative
ws-schema-money-negative-hint = amounts are never negative; record a refund as a note
ws-schema-money-number = money written as a number ({ $found }) may be rounded
ws-schema-date-hint = write a date as YYYY-MM-DD, e.g. 2026-11-27
ws-schema-date-not-in-calendar = { $date } is not a day of the calendar
ws-schema-date-invalid = "{ $date }" is not a date
ws-schema-time-hint = write a time as date, time and offset: 2026-11-27T09:30:00+08:00
ws-schema-time-leap-second = { $time } is a leap second (:60), which is no time svc records
ws-schema-time-leap-second-hint = write :59, or the next minute's :00
ws-schema-time-no-time-of-day = { $time } has no time of day
ws-schema-time-no-offset = { $time } has no UTC offset
ws-schema-time-invalid = "{ $time }" is not a valid date and time

# What a value was expected to be ("expected { $what }, …").
ws-schema-expect-list = a list
ws-schema-expect-list-hint = write a list as [a, b] in TOML, or one `- item` a line in YAML
ws-schema-expect-text = text
ws-schema-expect-text-hint = put the text in double quotes
ws-schema-expect-bool = true or false
ws-schema-expect-whole-number = a whole number
ws-schema-expect-megabytes = a whole number of megabytes
ws-schema-expect-money = an amount of money
ws-schema-expect-date = a date
ws-schema-expect-time = a date and time
ws-schema-expect-table = a table ({ $what })

# What a value was found to be ("…, found { $found }"), as the tree describes it.
ws-value-null = an empty value
ws-value-bool = a boolean
ws-value-int = an integer
ws-value-big-int = a whole number too large to read (more than 64 bits)
ws-value-float = a floating-point number
ws-value-string = a string
ws-value-datetime = a date-time
ws-value-list = a list
ws-value-table = a table

# The records of the forms, as their declarations name them (`record!`); file names and
# sections (svc.toml, [company]) are said as written and are not here.
ws-form-approval = an approval
ws-form-approval-covers = what an approval covers
ws-form-rejection = a rejection
ws-form-checkin = a check-in
ws-form-reassignment = a re-assignment
ws-form-hold = a hold
ws-form-timeline = the timeline
ws-form-person = a person
ws-form-customer-contact = a contact
ws-form-site = a site
ws-form-product = a product
ws-form-agreement = an agreement
ws-form-customer = a customer file
ws-form-part = a part
ws-form-rate = a rate
ws-form-fee-item = a fee item
ws-form-signature = the signature
ws-form-payment = the payment
ws-form-fee-list = the fee list
ws-form-contact = the contact
ws-form-request = the request
ws-form-summary = the summary
ws-form-helper = a helper
ws-form-planned-leg = a planned leg
ws-form-part-to-bring = a part to bring
ws-form-advance = the advance
ws-form-task-sheet = the task sheet
ws-form-leg = a leg
ws-form-day = a day
ws-form-expense = an expense
ws-form-advance-received = the advance received
ws-form-travel-log = the travel log
ws-form-replaced-part = a replaced part
ws-form-confirmation = the confirmation
ws-form-visit = the visit record
ws-form-holiday = a holiday
ws-form-make-up-day = a make-up working day

# The sets of words of the forms (`keywords!`).
ws-word-state = state
ws-word-approval-kind = approval kind
ws-word-role = role
ws-word-review-mode = review mode
ws-word-forge = forge
ws-word-paper = paper
ws-form-targets = response targets
ws-word-hours = hours
ws-word-priority = priority
ws-word-rate-kind = rate kind
ws-word-payment-method = payment method
ws-word-transport = mode of transport
ws-word-checkin-channel = check-in channel
ws-word-request-channel = request channel
ws-word-outcome = outcome
ws-word-fault-category = fault category
ws-word-expense-category = expense category
ws-word-cause = cause

# Response targets (5.1.7).
ws-schema-allowance = `{ $allowance }` is not a time allowed
ws-schema-allowance-hint = write a whole number and a unit: 30m, 4h, 1h30m or 2d (a day is 24 hours round the clock, a working day's hours in working time)
