# Messages of importing spreadsheets (src/workspace/import/).

## Reading the file (a workbook or a CSV file)

import-sheet-format = svc reads .xlsx, .xlsm, .xls, .ods and .csv files, not .{ $ext }
import-sheet-unreadable = cannot read the file: { $error }
import-sheet-no-sheets = the workbook has no sheets
import-sheet-no-such-sheet = the workbook has no sheet `{ $sheet }` (it has: { $sheets })
import-sheet-not-utf8 = the file is not UTF-8 (byte 0x{ $byte } at offset { $offset })

## The workspace's rules for a sheet (import/<kind>.toml, --rules)

import-rules-unknown-field = `{ $field }` is not a field of { $kind }; the fields are { $fields }
import-rules-header-row-zero = header_row counts from 1

## The header and the columns

import-header-row-not-in-sheet = the rules' header_row { $row } is not in the sheet
import-header-row-not-in-sheet-hint = set header_row to the row of the column headers
import-no-header = no header row names the columns: none of the first 20 rows names the { $key } and another field
import-no-header-hint = give the columns headers such as { $names }, or say which is which in rules (header_row, [columns])
import-rules-column-not-in-header = the rules put { $key } in the column `{ $column }`, which the header row does not have
import-rules-column-not-in-header-hint = name the column by its header's text or its letter
import-no-column = no column for { $key } (a header such as { $headers })
import-no-column-hint = add the column, or rename its header

## One cell or row

import-formula-error = { $key } is the formula error { $error }
import-formula-error-hint = fix the formula, or type the value
import-empty-cell = no { $key }
import-empty-cell-hint = fill in the cell, or delete the row
import-code-with-space = the code `{ $code }` has a space in it
import-code-with-space-hint = a code is one word (letters, digits, - and _)
import-bad-price = price: { $error }
import-bad-price-hint = write the amount in yuan with at most two decimals, e.g. 1280.00
import-money-none = no amount
import-money-negative = `{ $text }` is negative; a price is never below zero
import-money-not-an-amount = `{ $text }` is not an amount
import-money-decimals = `{ $text }` has more than two decimals; money is kept to the fen
import-not-a-date = { $key }: `{ $text }` is not a date
import-not-a-date-hint = write it as 2026-04-09 (or format the cell as a date)
import-not-a-rate-kind = `{ $text }` is not a kind of charge
import-not-a-rate-kind-hint = one of hardware (硬件), software (软件), labour (人工), travel (差旅)
import-duplicate-row = the { $key } { $code } is also on row { $row }
import-duplicate-row-hint = keep one row per { $key }

## The files the rows go into (catalog/, customers/)

import-file-not-toml = { $file } is not valid TOML: { $error }
import-file-not-tables = { $file }: `{ $array }` is not a list of [[{ $array }]] tables
import-fix-shared-file-hint = fix the file (svc validate says where), then import again
import-fix-file-hint = fix the file, then import again
import-no-customer = no customer `{ $customer }` (by id or name) in customers/
import-no-customer-hint = add the customer's file first (customers/<id>.toml), or write its id
import-serial-elsewhere = { $serial } is installed at { $other } (customers/{ $other }.toml), not { $customer }
import-serial-elsewhere-hint = a product moves to another customer by hand, in both files
import-no-site = customer { $customer } has no site `{ $site }`
import-no-site-hint = one of: { $sites } (by id or name); add the site to customers/{ $customer }.toml first
import-bad-customer-id = `{ $id }` cannot be a customer id (it names the file customers/<id>.toml)
import-bad-customer-id-hint = use letters, digits, - and _ (e.g. hn-unicom)
import-unknown-salesperson = no one called `{ $name }` in people.toml
import-unknown-salesperson-hint = write the salesperson's id or name as people.toml has it
