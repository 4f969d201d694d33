//! Reports and printable forms, rendered from templates (design §7): the monthly analysis
//! of the service (8.7), the case dossier for the archive (7.10) and expense claims (7.9),
//! and each form as its paper original. Reports read committed data (HEAD or a given
//! revision) and are stamped with the commit they were made from.
//!
//! - [`templates`]: the tera engine: built-in templates compiled in, the workspace's own
//!   `templates/` overriding them, per-locale labels, errors that name template and line.
//! - [`monthly`]: the monthly analysis: what was received, visited, closed; response and
//!   resolution times; first-time fixes; fees; check-in compliance; suggestions.
//! - [`dossier`]: one case's dossier and printable forms.
//! - [`names`]: people, customers and fee arrangements named in the report's language.
//! - [`asset`]: a product's history: its cases, visits, parts swapped and repeat faults, and
//!   a part's hops from unit to unit.
//! - [`snapshot`]: the committed data a report reads (HEAD or a revision), and its stamp.
//! - [`capital`]: amounts in Chinese capital numerals (大写金额).
//! - [`charts`]: inline SVG charts for the HTML reports.
//! - [`table`]: tables of typed cells, written as an Excel workbook or as CSV.
//! - [`workbook`]: the monthly analysis as tables, one sheet each.
//! - [`away`]: who is away when: trips and site visits as events, and their iCalendar feed.
//! - [`ics`]: iCalendar text (RFC 5545): escaped, folded content lines.

pub mod asset;
pub mod away;
pub mod capital;
pub mod charts;
pub mod dossier;
pub mod ics;
pub mod monthly;
pub mod names;
pub mod pdf;
pub mod snapshot;
pub mod table;
pub mod templates;
pub mod workbook;
