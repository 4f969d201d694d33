//! Structural rules: ids, references, the order of times, and what `case.toml` must record
//! for the state it claims (8.1, 8.2).

use super::{Context, state};
use crate::forms::config::Role;
use crate::forms::decode::{Sp, Timestamp};
use crate::forms::finding::{Finding, Location};
use crate::forms::{ApprovalKind, FeeArrangement, State};
use crate::t;
use crate::workspace::case::Case;
use crate::workspace::{Loaded, suggest};
use chrono::NaiveDate;

const CROCKFORD: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Whether an id has the shape PREFIX-YYYYMMDD-XXXXXX (Crockford base32).
pub fn well_formed_id(id: &str) -> Option<NaiveDate> {
    let mut parts = id.split('-');
    let (prefix, date, tail) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || prefix.is_empty()
        || !prefix.chars().all(|c| c.is_ascii_uppercase())
    {
        return None;
    }
    if tail.len() != 6 || !tail.chars().all(|c| CROCKFORD.contains(c)) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y%m%d")
        .ok()
        .filter(|_| date.len() == 8)
}

/// `layout`: no attachment is larger than `[attachments] max_mb` in `svc.toml` allows (20 MB
/// unless it says), so that a video or a disk image is not committed to git by accident.
pub fn attachment_sizes(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let limit = cx.ws.attachment_limit();
    for a in case.attachments.iter().filter(|a| a.bytes > limit.bytes()) {
        let why = match cx.ws.settings.as_ref().and_then(|s| s.attachments.as_ref()) {
            Some(set) if set.max_mb.is_some() => t!("rule-layout-limit-set"),
            _ => t!("rule-layout-limit-default"),
        };
        out.push(
            Finding::warning(
                "layout",
                Location::file(&a.file),
                t!(
                    "rule-layout-attachment-too-large",
                    name = &a.name,
                    size = crate::workspace::case::human_size(a.bytes),
                    limit = limit.0.to_string(),
                    why = why
                ),
            )
            .hint(t!(
                "rule-layout-attachment-too-large-hint",
                mb = a.bytes.div_ceil(1 << 20).to_string()
            )),
        );
    }
}

/// `id`: the folder is named after the case, the id is well formed and filed under its month.
pub fn id(_cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(file) = &case.file else { return };
    let id = &file.id;
    if id.value != case.folder_name() {
        out.push(
            Finding::error(
                "id",
                file.at(id.span),
                t!(
                    "rule-id-folder",
                    case = &id.value,
                    folder = case.folder_name().to_string()
                ),
            )
            .hint(t!("rule-id-folder-hint")),
        );
    }
    match well_formed_id(&id.value) {
        None => out.push(
            Finding::error(
                "id",
                file.at(id.span),
                t!("rule-id-malformed", case = &id.value),
            )
            .hint(t!("rule-id-malformed-hint")),
        ),
        Some(date) => {
            let expected = format!("{}/{}", date.format("%Y"), date.format("%m"));
            let parent = case
                .dir
                .parent()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            if !parent.ends_with(&expected) {
                out.push(
                    Finding::warning(
                        "id",
                        Location::file(&case.dir),
                        t!(
                            "rule-id-month",
                            case = &id.value,
                            folder = &parent,
                            month = &expected
                        ),
                    )
                    .hint(t!("rule-id-month-hint", month = &expected)),
                );
            }
        }
    }
}

fn person(
    cx: &Context,
    out: &mut Vec<Finding>,
    file: &Loaded<impl Sized>,
    id: &Sp<String>,
    what: fn() -> String,
) {
    // What the person is is worded only when they are not found.
    if cx.ws.people.contains_key(&id.value) {
        return;
    }
    out.extend(cx.ws.person_ref(file, id, &what()));
}

/// `ref`: every name a case uses resolves — customer, site, serial, people, catalog codes,
/// agreements.
pub fn refs(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(file) = &case.file else { return };
    let customer = cx.ws.customers.get(&file.customer.value);
    if customer.is_none() {
        out.push(
            Finding::error(
                "ref",
                file.at(file.customer.span),
                t!("rule-ref-customer", customer = &file.customer.value),
            )
            .hint_opt(suggest(
                &file.customer.value,
                cx.ws.customers.keys().map(String::as_str),
            )),
        );
    }
    let site_ok = |site: &Sp<String>| {
        customer.is_none_or(|c| c.sites.iter().any(|s| s.id.value == site.value))
    };
    let site_finding = |loaded: &Location, site: &Sp<String>| {
        let c = customer.map(|c| c.id.value.as_str()).unwrap_or_default();
        Finding::error(
            "ref",
            loaded.clone(),
            t!("rule-ref-site", site = &site.value, customer = c),
        )
        .hint_opt(
            customer
                .and_then(|c| suggest(&site.value, c.sites.iter().map(|s| s.id.value.as_str()))),
        )
    };
    let serial_finding = |loaded: Location, serial: &Sp<String>| -> Option<Finding> {
        let c = customer?;
        if c.products.iter().any(|p| p.serial.value == serial.value) {
            return None;
        }
        Some(
            Finding::error(
                "ref",
                loaded,
                t!(
                    "rule-ref-serial",
                    serial = &serial.value,
                    customer = &c.id.value
                ),
            )
            .hint_opt(suggest(
                &serial.value,
                c.products.iter().map(|p| p.serial.value.as_str()),
            )),
        )
    };
    if let Some(site) = &file.site
        && !site_ok(site)
    {
        out.push(site_finding(&file.at(site.span), site));
    }
    if let Some(serial) = &file.product {
        out.extend(serial_finding(file.at(serial.span), serial));
    }
    person(cx, out, file, &file.opened_by, || "opened_by".into());
    if let Some(by) = &file.assigned_by {
        person(cx, out, file, by, || "assigned_by".into());
    }
    for a in &file.assignees {
        person(cx, out, file, a, || t!("rule-ref-person-assignee"));
    }
    for a in &file.approvals {
        person(cx, out, file, &a.by, || t!("rule-ref-person-approver"));
    }
    for r in &file.rejections {
        person(cx, out, file, &r.by, || t!("rule-ref-person-rejected-by"));
    }
    for c in &file.checkins {
        person(cx, out, file, &c.by, || t!("rule-ref-person-checkin-by"));
    }
    if let Some(fee) = &file.fee {
        match FeeArrangement::parse(&fee.value) {
            None => out.push(
                Finding::error(
                    "schema",
                    file.at(fee.span),
                    t!("rule-schema-fee", fee = &fee.value),
                )
                .hint(t!("rule-schema-fee-hint")),
            ),
            Some(FeeArrangement::Agreement(id)) => {
                if let Some(c) = customer
                    && !c.agreements.iter().any(|a| a.id.value == id)
                {
                    out.push(
                        Finding::error(
                            "ref",
                            file.at(fee.span),
                            t!(
                                "rule-ref-agreement",
                                agreement = &id,
                                customer = &c.id.value
                            ),
                        )
                        .hint_opt(suggest(
                            &id,
                            c.agreements.iter().map(|a| a.id.value.as_str()),
                        )),
                    );
                }
            }
            Some(_) => {}
        }
    }
    if let Some(request) = &case.request {
        person(cx, out, request, &request.received_by, || {
            "received_by".into()
        });
    }
    if let Some(sheet) = &case.task_sheet {
        person(cx, out, sheet, &sheet.prepared_by, || "prepared_by".into());
        for e in &sheet.engineers {
            person(cx, out, sheet, e, || t!("rule-ref-person-engineer"));
        }
        for h in &sheet.helpers {
            person(cx, out, sheet, &h.person, || t!("rule-ref-person-helper"));
        }
        for site in sheet.sites.value.iter().filter(|s| !site_ok(s)) {
            out.push(site_finding(&sheet.at(site.span), site));
        }
        for part in &sheet.parts {
            out.extend(part_ref(cx, sheet, &part.code, false));
        }
    }
    for visit in &case.visits {
        if !site_ok(&visit.site) {
            out.push(site_finding(&visit.at(visit.site.span), &visit.site));
        }
        for e in &visit.engineers {
            person(cx, out, visit, e, || t!("rule-ref-person-engineer"));
        }
        for p in &visit.products {
            out.extend(serial_finding(visit.at(p.span), p));
        }
        for part in &visit.parts_replaced {
            out.extend(part_ref(cx, visit, &part.code, false));
        }
    }
    if let Some(fees) = &case.fees {
        for item in &fees.items {
            out.extend(part_ref(cx, fees, &item.code, true));
        }
    }
    if let Some(log) = &case.travel_log {
        for t in &log.travellers {
            person(cx, out, log, t, || t!("rule-ref-person-traveller"));
        }
    }
    if let Some(summary) = &case.summary {
        person(cx, out, summary, &summary.prepared_by, || {
            "prepared_by".into()
        });
    }
}

fn part_ref<T>(
    cx: &Context,
    file: &Loaded<T>,
    code: &Sp<String>,
    rates_too: bool,
) -> Option<Finding> {
    if cx.ws.parts.contains_key(&code.value) || (rates_too && cx.ws.rates.contains_key(&code.value))
    {
        return None;
    }
    let known: Vec<&str> = cx
        .ws
        .parts
        .keys()
        .chain(cx.ws.rates.keys().filter(|_| rates_too))
        .map(String::as_str)
        .collect();
    let message = if rates_too {
        t!("rule-ref-part-or-rate", code = &code.value)
    } else {
        t!("rule-ref-part", code = &code.value)
    };
    Some(Finding::error("ref", file.at(code.span), message).hint_opt(suggest(&code.value, known)))
}

/// A moment recorded in a case, with where it is written, for the order check.
struct Moment {
    at: Timestamp,
    /// What happened at that moment, worded only when a finding says it.
    what: Said,
    location: Location,
}

/// A wording, made when needed.
type Said = fn() -> String;

fn moment<T>(file: &Loaded<T>, t: &Sp<Timestamp>, what: Said) -> Moment {
    Moment {
        at: t.value,
        what,
        location: file.at(t.span),
    }
}

/// `dates`: times follow the procedure (received ≤ approved ≤ departed ≤ arrived ≤ left ≤
/// back) and nothing is recorded in the future.
pub fn dates(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let offset = cx.ws.offset();
    let end_of = |d: NaiveDate| {
        d.and_hms_opt(23, 59, 59)
            .and_then(|t| t.and_local_timezone(offset).single())
            .map(|t| t.fixed_offset())
    };
    let mut moments: Vec<Moment> = Vec::new();
    // Dates recorded as done (not planned), with where they are written.
    let mut done_dates: Vec<(NaiveDate, Said, Location)> = Vec::new();
    let order = |a: &Moment, b: &Moment, out: &mut Vec<Finding>| {
        if b.at < a.at {
            out.push(
                Finding::error(
                    "dates",
                    b.location.clone(),
                    t!(
                        "rule-dates-order",
                        what = (b.what)(),
                        at = b.at.format("%Y-%m-%d %H:%M").to_string(),
                        other = (a.what)(),
                        other_at = a.at.format("%Y-%m-%d %H:%M").to_string()
                    ),
                )
                .hint(t!(
                    "rule-dates-order-hint",
                    what = (b.what)(),
                    other = (a.what)()
                )),
            );
        }
    };
    let received = case
        .request
        .as_ref()
        .map(|r| moment(r, &r.received_at, || t!("rule-dates-what-receipt")));
    if let Some(file) = &case.file {
        moments.push(moment(file, &file.opened_at, || {
            t!("rule-dates-what-opening")
        }));
        if let Some(t) = &file.timeline {
            let steps: [(&Option<Sp<Timestamp>>, Said); 10] = [
                (&t.accepted_at, || t!("rule-dates-what-acceptance")),
                (&t.resolved_at, || t!("rule-dates-what-resolution")),
                (&t.assigned_at, || t!("rule-dates-what-assignment")),
                (&t.submitted_at, || t!("rule-dates-what-submission")),
                (&t.approved_at, || t!("rule-dates-what-approval")),
                (&t.started_at, || t!("rule-dates-what-start")),
                (&t.completed_at, || t!("rule-dates-what-completion")),
                (&t.handed_in_at, || t!("rule-dates-what-handing-in")),
                (&t.reviewed_at, || t!("rule-dates-what-review")),
                (&t.archived_at, || t!("rule-dates-what-archiving")),
            ];
            let chain: Vec<Moment> = steps
                .iter()
                .filter_map(|(t, what)| t.as_ref().map(|t| moment(file, t, *what)))
                .collect();
            if let Some(received) = &received {
                for m in &chain {
                    order(received, m, out);
                }
            }
            for pair in chain.windows(2) {
                order(&pair[0], &pair[1], out);
            }
            moments.extend(chain);
            if let Some(c) = &t.cancelled_at {
                moments.push(moment(file, c, || t!("rule-dates-what-cancellation")));
            }
        }
        for a in &file.approvals {
            let m = moment(file, &a.at, || t!("rule-dates-what-an-approval"));
            if let Some(received) = &received {
                order(received, &m, out);
            }
            // A signature comes after what it signs was handed in.
            let signed = file.timeline.as_ref().and_then(|t| match a.kind.value {
                ApprovalKind::TaskSheet => t
                    .submitted_at
                    .as_ref()
                    .map(|x| moment(file, x, || t!("rule-dates-what-submission"))),
                ApprovalKind::Review => t
                    .handed_in_at
                    .as_ref()
                    .map(|x| moment(file, x, || t!("rule-dates-what-handing-in"))),
                ApprovalKind::Flight => None,
            });
            if let Some(signed) = &signed {
                order(signed, &m, out);
            }
            moments.push(m);
        }
        for c in &file.checkins {
            moments.push(moment(file, &c.at, || t!("rule-dates-what-checkin")));
        }
        for r in &file.rejections {
            moments.push(moment(file, &r.at, || t!("rule-dates-what-rejection")));
        }
    }
    let approved = super::task_sheet_approved_at(case);
    if let Some(sheet) = &case.task_sheet {
        if sheet.return_on.value < sheet.depart_on.value {
            out.push(
                Finding::error(
                    "dates",
                    sheet.at(sheet.return_on.span),
                    t!(
                        "rule-dates-return-before-departure",
                        return_on = sheet.return_on.value.to_string(),
                        depart_on = sheet.depart_on.value.to_string()
                    ),
                )
                .hint(t!("rule-dates-return-before-departure-hint")),
            );
        }
        done_dates.push((
            sheet.prepared_on.value,
            || t!("rule-dates-what-sheet-date"),
            sheet.at(sheet.prepared_on.span),
        ));
        if let Some(adv) = &sheet.advance
            && let Some(on) = &adv.requested_on
        {
            done_dates.push((
                on.value,
                || t!("rule-dates-what-advance-request"),
                sheet.at(on.span),
            ));
        }
    }
    let mut first_leg: Option<Moment> = None;
    if let Some(log) = &case.travel_log {
        for leg in &log.legs {
            done_dates.push((
                leg.date.value,
                || t!("rule-dates-what-leg"),
                log.at(leg.date.span),
            ));
        }
        if let Some(leg) = log.legs.iter().min_by_key(|l| l.date.value)
            && let Some(at) = end_of(leg.date.value)
        {
            first_leg = Some(Moment {
                at,
                what: || t!("rule-dates-what-first-leg"),
                location: log.at(leg.date.span),
            });
        }
        if let (Some(approved), Some(leg)) = (approved, &first_leg)
            && leg.at.date_naive() < approved.with_timezone(&offset).date_naive()
        {
            out.push(
                Finding::error(
                    "dates",
                    leg.location.clone(),
                    t!(
                        "rule-dates-trip-before-approval",
                        started = leg.at.date_naive().to_string(),
                        approved = approved.format("%Y-%m-%d %H:%M").to_string()
                    ),
                )
                .hint(t!("rule-dates-trip-before-approval-hint")),
            );
        }
        for d in &log.days {
            done_dates.push((
                d.date.value,
                || t!("rule-dates-what-day"),
                log.at(d.date.span),
            ));
        }
        for e in &log.expenses {
            done_dates.push((
                e.date.value,
                || t!("rule-dates-what-expense"),
                log.at(e.date.span),
            ));
        }
        if let Some(adv) = &log.advance_received {
            done_dates.push((
                adv.date.value,
                || t!("rule-dates-what-advance"),
                log.at(adv.date.span),
            ));
        }
        let last_left = case
            .visits
            .iter()
            .map(|v| moment(v, &v.left_at, || t!("rule-dates-what-leaving-last-site")))
            .max_by_key(|m| m.at);
        if let Some(home) = &log.back_home_at {
            let home = moment(log, home, || t!("rule-dates-what-return-home"));
            if let Some(left) = &last_left {
                order(left, &home, out);
            }
            if let Some(work) = &log.back_at_work_at {
                order(
                    &home,
                    &moment(log, work, || t!("rule-dates-what-back-at-work")),
                    out,
                );
            }
            moments.push(home);
        }
        if let Some(work) = &log.back_at_work_at {
            moments.push(moment(log, work, || t!("rule-dates-what-back-at-work")));
        }
    }
    let started = case.file.as_ref().and_then(|f| {
        let t = f.timeline.as_ref()?.started_at.as_ref()?;
        Some(moment(f, t, || t!("rule-dates-what-start")))
    });
    for visit in &case.visits {
        let arrived = moment(visit, &visit.arrived_at, || t!("rule-dates-what-arrival"));
        let left = moment(visit, &visit.left_at, || t!("rule-dates-what-leaving"));
        if left.at <= arrived.at {
            out.push(
                Finding::error(
                    "dates",
                    left.location.clone(),
                    t!(
                        "rule-dates-left-before-arrival",
                        left = left.at.format("%Y-%m-%d %H:%M").to_string(),
                        arrived = arrived.at.format("%Y-%m-%d %H:%M").to_string()
                    ),
                )
                .hint(t!("rule-dates-left-before-arrival-hint")),
            );
        }
        if let Some(approved) = approved
            && arrived.at < approved
        {
            out.push(
                Finding::error(
                    "dates",
                    arrived.location.clone(),
                    t!(
                        "rule-dates-arrival-before-approval",
                        arrived = arrived.at.format("%Y-%m-%d %H:%M").to_string(),
                        approved = approved.format("%Y-%m-%d %H:%M").to_string()
                    ),
                )
                .hint(t!("rule-dates-arrival-before-approval-hint")),
            );
        }
        if let Some(started) = started.as_ref().filter(|s| arrived.at < s.at) {
            order(started, &arrived, out);
        } else if let Some(leg) = first_leg
            .as_ref()
            .filter(|l| arrived.at.date_naive() < l.at.date_naive())
        {
            out.push(
                Finding::error(
                    "dates",
                    arrived.location.clone(),
                    t!(
                        "rule-dates-arrival-before-leg",
                        arrived = arrived.at.format("%Y-%m-%d %H:%M").to_string(),
                        leg = leg.at.date_naive().to_string()
                    ),
                )
                .hint(t!("rule-dates-arrival-before-leg-hint")),
            );
        }
        if let Some(c) = &visit.confirmation {
            if c.date.value < visit.arrived_at.value.date_naive() {
                out.push(
                    Finding::error(
                        "dates",
                        visit.at(c.date.span),
                        t!(
                            "rule-dates-confirmed-early",
                            date = c.date.value.to_string()
                        ),
                    )
                    .hint(t!("rule-dates-confirmed-early-hint")),
                );
            }
            done_dates.push((
                c.date.value,
                || t!("rule-dates-what-confirmation"),
                visit.at(c.date.span),
            ));
        }
        moments.push(arrived);
        moments.push(left);
    }
    if let Some(fees) = &case.fees {
        if let Some(s) = &fees.signature {
            done_dates.push((
                s.date.value,
                || t!("rule-dates-what-signature"),
                fees.at(s.date.span),
            ));
        }
        if let Some(p) = &fees.payment {
            done_dates.push((
                p.date.value,
                || t!("rule-dates-what-payment"),
                fees.at(p.date.span),
            ));
        }
    }
    if let Some(summary) = &case.summary {
        done_dates.push((
            summary.prepared_on.value,
            || t!("rule-dates-what-summary-date"),
            summary.at(summary.prepared_on.span),
        ));
    }
    for m in moments.into_iter().filter(|m| !cx.has_come(m.at)) {
        out.push(
            Finding::error(
                "dates",
                m.location,
                t!(
                    "rule-dates-future-moment",
                    what = (m.what)(),
                    at = m.at.format("%Y-%m-%d %H:%M %:z").to_string()
                ),
            )
            .hint(t!("rule-dates-future-moment-hint")),
        );
    }
    for (date, what, location) in done_dates
        .into_iter()
        .filter(|(d, ..)| !cx.day_has_come(*d))
    {
        out.push(
            Finding::error(
                "dates",
                location,
                t!(
                    "rule-dates-future-date",
                    what = what(),
                    date = date.to_string()
                ),
            )
            .hint(t!("rule-dates-future-date-hint")),
        );
    }
}

/// `8.1`: an accepted case records the fee arrangement agreed with the customer (8.1,
/// 5.1.2); a case solved by phone says how.
pub fn r8_1_accepted(_cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let (Some(file), Some(state)) = (&case.file, state(case)) else {
        return;
    };
    if !case.has_file(crate::forms::FormKind::Request) {
        out.push(
            Finding::error("8.1", Location::file(&case.dir), t!("rule-8-1-no-request"))
                .hint(t!("rule-8-1-no-request-hint")),
        );
    }
    let agreed = case
        .request
        .as_ref()
        .and_then(|r| r.fee_arrangement.as_ref().map(|f| (r, f)));
    if let (Some((request, agreed)), Some(recorded)) = (agreed, &file.fee)
        && agreed.value != recorded.value
    {
        out.push(
            Finding::error(
                "8.1",
                request.at(agreed.span),
                t!(
                    "rule-8-1-fee-mismatch",
                    requested = &agreed.value,
                    recorded = &recorded.value
                ),
            )
            .hint(t!("rule-8-1-fee-mismatch-hint")),
        );
    }
    if state.reached(State::Accepted) && file.fee.is_none() {
        out.push(
            Finding::error(
                "8.1",
                file.at(file.state.span),
                t!("rule-8-1-no-fee", state = state.to_string()),
            )
            .hint(t!("rule-8-1-no-fee-hint")),
        );
    }
    if state == State::ResolvedRemotely
        && file
            .resolution
            .as_deref()
            .is_none_or(|r| r.trim().is_empty())
    {
        out.push(
            Finding::error(
                "8.1",
                file.at(file.state.span),
                t!("rule-8-1-no-resolution"),
            )
            .hint(t!("rule-8-1-no-resolution-hint")),
        );
    }
}

/// `8.2`: the assignees of an assigned case are engineers, assigned by the CSC (5.1.3) or by
/// Sales for its own staff (5.2.1).
pub fn r8_2_assigned(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let (Some(file), Some(state)) = (&case.file, state(case)) else {
        return;
    };
    if !state.reached(State::Assigned) {
        return;
    }
    if file.assignees.is_empty() {
        out.push(
            Finding::error(
                "8.2",
                file.at(file.state.span),
                t!("rule-8-2-nobody", state = state.to_string()),
            )
            .hint(t!("rule-8-2-nobody-hint")),
        );
    }
    for a in &file.assignees {
        if cx.ws.people.contains_key(&a.value) && !cx.ws.has_role(&a.value, Role::Engineer) {
            out.push(
                Finding::error(
                    "8.2",
                    file.at(a.span),
                    t!("rule-8-2-not-engineer", person = &a.value),
                )
                .hint(t!("rule-8-2-not-engineer-hint")),
            );
        }
    }
    match (&file.assigned_by, &file.assigned_via) {
        (Some(by), Some(via)) => {
            if !matches!(via.value, Role::Csc | Role::Sales) {
                out.push(
                    Finding::error(
                        "8.2",
                        file.at(via.span),
                        t!("rule-8-2-via", via = via.value.to_string()),
                    )
                    .hint(t!("rule-8-2-via-hint")),
                );
            } else if cx.ws.people.contains_key(&by.value) && !cx.ws.has_role(&by.value, via.value)
            {
                out.push(
                    Finding::error(
                        "8.2",
                        file.at(by.span),
                        t!(
                            "rule-8-2-role-not-held",
                            person = &by.value,
                            via = via.value.to_string()
                        ),
                    )
                    .hint(t!("rule-8-2-role-not-held-hint")),
                );
            }
        }
        _ => out.push(
            Finding::error(
                "8.2",
                file.at(file.state.span),
                t!("rule-8-2-no-assigner", state = state.to_string()),
            )
            .hint(t!("rule-8-2-no-assigner-hint")),
        ),
    }
}

/// `state`: a cancelled case says why.
pub fn cancelled(_cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(file) = &case.file else { return };
    if file.state.value == State::Cancelled
        && file
            .cancel_reason
            .as_deref()
            .is_none_or(|r| r.trim().is_empty())
    {
        out.push(
            Finding::error(
                "state",
                file.at(file.state.span),
                t!("rule-state-no-cancel-reason"),
            )
            .hint(t!("rule-state-no-cancel-reason-hint")),
        );
    }
}
