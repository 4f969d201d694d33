//! Structural rules: ids, references, the order of times, and what `case.toml` must record
//! for the state it claims (8.1, 8.2).

use super::{Context, state};
use crate::forms::config::Role;
use crate::forms::decode::{Sp, Timestamp};
use crate::forms::finding::{Finding, Location};
use crate::forms::{ApprovalKind, FeeArrangement, State};
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
        let said = match cx.ws.settings.as_ref().and_then(|s| s.attachments.as_ref()) {
            Some(set) if set.max_mb.is_some() => "as [attachments] max_mb in svc.toml sets it",
            _ => "svc's default; [attachments] max_mb in svc.toml sets another",
        };
        out.push(
            Finding::warning(
                "layout",
                Location::file(&a.file),
                format!(
                    "attachment `{}` is {}, larger than the {} MB an attachment may be ({said})",
                    a.name,
                    crate::workspace::case::human_size(a.bytes),
                    limit.0
                ),
            )
            .hint(format!(
                "git would keep every version of it for good: move it out of the workspace (to a file share) and note in the case's forms where it is, or raise the limit in svc.toml: [attachments] max_mb = {}",
                a.bytes.div_ceil(1 << 20)
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
                format!(
                    "case id {} differs from its folder name {}",
                    id.value,
                    case.folder_name()
                ),
            )
            .hint("the folder must be named after the case: rename the folder, or correct the id"),
        );
    }
    match well_formed_id(&id.value) {
        None => out.push(
            Finding::error("id", file.at(id.span), format!("case id \"{}\" is not of the form PREFIX-YYYYMMDD-XXXXXX", id.value))
                .hint("ids are made by `svc new`: prefix, opening date, six Crockford base32 characters (e.g. SR-20261127-K7F3Q2)"),
        ),
        Some(date) => {
            let expected = format!("{}/{}", date.format("%Y"), date.format("%m"));
            let parent = case.dir.parent().map(|p| p.to_string_lossy().replace('\\', "/")).unwrap_or_default();
            if !parent.ends_with(&expected) {
                out.push(
                    Finding::warning("id", Location::file(&case.dir), format!("case {} is filed under {parent}, not under its month {expected}", id.value))
                        .hint(format!("move the folder to cases/{expected}/")),
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
    what: &str,
) {
    out.extend(cx.ws.person_ref(file, id, what));
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
                format!(
                    "customer `{}` has no file customers/{}.toml",
                    file.customer.value, file.customer.value
                ),
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
            format!("site `{}` is not a site of customer {c}", site.value),
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
                format!(
                    "serial {} is not a product of customer {}",
                    serial.value, c.id.value
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
    person(cx, out, file, &file.opened_by, "opened_by");
    if let Some(by) = &file.assigned_by {
        person(cx, out, file, by, "assigned_by");
    }
    for a in &file.assignees {
        person(cx, out, file, a, "assignee");
    }
    for a in &file.approvals {
        person(cx, out, file, &a.by, "approver");
    }
    for r in &file.rejections {
        person(cx, out, file, &r.by, "rejected by");
    }
    for c in &file.checkins {
        person(cx, out, file, &c.by, "check-in by");
    }
    if let Some(fee) = &file.fee {
        match FeeArrangement::parse(&fee.value) {
            None => out.push(
                Finding::error(
                    "schema",
                    file.at(fee.span),
                    format!(
                        "fee arrangement \"{}\" is not warranty, billable or agreement:ID",
                        fee.value
                    ),
                )
                .hint("e.g. fee = \"warranty\", or fee = \"agreement:AG-2026-003\""),
            ),
            Some(FeeArrangement::Agreement(id)) => {
                if let Some(c) = customer
                    && !c.agreements.iter().any(|a| a.id.value == id)
                {
                    out.push(
                        Finding::error(
                            "ref",
                            file.at(fee.span),
                            format!(
                                "agreement {id} is not an agreement of customer {}",
                                c.id.value
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
        person(cx, out, request, &request.received_by, "received_by");
    }
    if let Some(sheet) = &case.task_sheet {
        person(cx, out, sheet, &sheet.prepared_by, "prepared_by");
        for e in &sheet.engineers {
            person(cx, out, sheet, e, "engineer");
        }
        for h in &sheet.helpers {
            person(cx, out, sheet, &h.person, "helper");
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
            person(cx, out, visit, e, "engineer");
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
            person(cx, out, log, t, "traveller");
        }
    }
    if let Some(summary) = &case.summary {
        person(cx, out, summary, &summary.prepared_by, "prepared_by");
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
    let list = if rates_too {
        "catalog/parts.toml or catalog/rates.toml"
    } else {
        "catalog/parts.toml"
    };
    Some(
        Finding::error(
            "ref",
            file.at(code.span),
            format!("code `{}` is not in {list}", code.value),
        )
        .hint_opt(suggest(&code.value, known)),
    )
}

/// A moment recorded in a case, with where it is written, for the order check.
struct Moment<'a> {
    at: Timestamp,
    what: &'a str,
    location: Location,
}

fn moment<'a, T>(file: &Loaded<T>, t: &Sp<Timestamp>, what: &'a str) -> Moment<'a> {
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
    let mut done_dates: Vec<(NaiveDate, &str, Location)> = Vec::new();
    let order = |a: &Moment, b: &Moment, out: &mut Vec<Finding>| {
        if b.at < a.at {
            out.push(
                Finding::error(
                    "dates",
                    b.location.clone(),
                    format!(
                        "{} ({}) is before {} ({})",
                        b.what,
                        b.at.format("%Y-%m-%d %H:%M"),
                        a.what,
                        a.at.format("%Y-%m-%d %H:%M")
                    ),
                )
                .hint(format!(
                    "{} cannot come before {}; correct whichever time is wrong",
                    b.what, a.what
                )),
            );
        }
    };
    let received = case
        .request
        .as_ref()
        .map(|r| moment(r, &r.received_at, "the request's receipt"));
    if let Some(file) = &case.file {
        moments.push(moment(file, &file.opened_at, "the case's opening"));
        if let Some(t) = &file.timeline {
            let steps = [
                (&t.accepted_at, "acceptance"),
                (&t.resolved_at, "resolution by phone"),
                (&t.assigned_at, "assignment"),
                (&t.submitted_at, "the task sheet's submission"),
                (&t.approved_at, "the task sheet's approval"),
                (&t.started_at, "the start of the trip"),
                (&t.completed_at, "completion"),
                (&t.handed_in_at, "handing in the records"),
                (&t.reviewed_at, "the review"),
                (&t.archived_at, "archiving"),
            ];
            let chain: Vec<Moment> = steps
                .iter()
                .filter_map(|(t, what)| t.as_ref().map(|t| moment(file, t, what)))
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
                moments.push(moment(file, c, "cancellation"));
            }
        }
        for a in &file.approvals {
            let m = moment(file, &a.at, "an approval");
            if let Some(received) = &received {
                order(received, &m, out);
            }
            // A signature comes after what it signs was handed in.
            let signed = file.timeline.as_ref().and_then(|t| match a.kind.value {
                ApprovalKind::TaskSheet => t
                    .submitted_at
                    .as_ref()
                    .map(|x| moment(file, x, "the task sheet's submission")),
                ApprovalKind::Review => t
                    .handed_in_at
                    .as_ref()
                    .map(|x| moment(file, x, "handing in the records")),
                ApprovalKind::Flight => None,
            });
            if let Some(signed) = &signed {
                order(signed, &m, out);
            }
            moments.push(m);
        }
        for c in &file.checkins {
            moments.push(moment(file, &c.at, "a check-in"));
        }
        for r in &file.rejections {
            moments.push(moment(file, &r.at, "a rejection"));
        }
    }
    let approved = super::task_sheet_approved_at(case);
    if let Some(sheet) = &case.task_sheet {
        if sheet.return_on.value < sheet.depart_on.value {
            out.push(
                Finding::error(
                    "dates",
                    sheet.at(sheet.return_on.span),
                    format!(
                        "planned return {} is before planned departure {}",
                        sheet.return_on.value, sheet.depart_on.value
                    ),
                )
                .hint("swap the dates, or correct the one that is wrong"),
            );
        }
        done_dates.push((
            sheet.prepared_on.value,
            "the task sheet's date",
            sheet.at(sheet.prepared_on.span),
        ));
        if let Some(adv) = &sheet.advance
            && let Some(on) = &adv.requested_on
        {
            done_dates.push((on.value, "the advance request", sheet.at(on.span)));
        }
    }
    let mut first_leg: Option<Moment> = None;
    if let Some(log) = &case.travel_log {
        for leg in &log.legs {
            done_dates.push((leg.date.value, "a leg", log.at(leg.date.span)));
        }
        if let Some(leg) = log.legs.iter().min_by_key(|l| l.date.value)
            && let Some(at) = end_of(leg.date.value)
        {
            first_leg = Some(Moment {
                at,
                what: "the first leg",
                location: log.at(leg.date.span),
            });
        }
        if let (Some(approved), Some(leg)) = (approved, &first_leg)
            && leg.at.date_naive() < approved.with_timezone(&offset).date_naive()
        {
            out.push(
                Finding::error("dates", leg.location.clone(), format!("the trip started ({}) before the task sheet was approved ({})", leg.at.date_naive(), approved.format("%Y-%m-%d %H:%M")))
                    .hint("7.2: nobody leaves before the task sheet is signed; correct the leg's date or the approval"),
            );
        }
        for d in &log.days {
            done_dates.push((d.date.value, "a day of the trip", log.at(d.date.span)));
        }
        for e in &log.expenses {
            done_dates.push((e.date.value, "an expense", log.at(e.date.span)));
        }
        if let Some(adv) = &log.advance_received {
            done_dates.push((adv.date.value, "the advance", log.at(adv.date.span)));
        }
        let last_left = case
            .visits
            .iter()
            .map(|v| moment(v, &v.left_at, "leaving the last site"))
            .max_by_key(|m| m.at);
        if let Some(home) = &log.back_home_at {
            let home = moment(log, home, "the return home");
            if let Some(left) = &last_left {
                order(left, &home, out);
            }
            if let Some(work) = &log.back_at_work_at {
                order(&home, &moment(log, work, "being back at work"), out);
            }
            moments.push(home);
        }
        if let Some(work) = &log.back_at_work_at {
            moments.push(moment(log, work, "being back at work"));
        }
    }
    let started = case.file.as_ref().and_then(|f| {
        let t = f.timeline.as_ref()?.started_at.as_ref()?;
        Some(moment(f, t, "the start of the trip"))
    });
    for visit in &case.visits {
        let arrived = moment(visit, &visit.arrived_at, "arrival on site");
        let left = moment(visit, &visit.left_at, "leaving the site");
        if left.at <= arrived.at {
            out.push(
                Finding::error(
                    "dates",
                    left.location.clone(),
                    format!(
                        "leaving the site ({}) is not after arriving ({})",
                        left.at.format("%Y-%m-%d %H:%M"),
                        arrived.at.format("%Y-%m-%d %H:%M")
                    ),
                )
                .hint("left_at must come after arrived_at"),
            );
        }
        if let Some(approved) = approved
            && arrived.at < approved
        {
            out.push(
                Finding::error(
                    "dates",
                    arrived.location.clone(),
                    format!(
                        "arrived on site ({}) before the task sheet was approved ({})",
                        arrived.at.format("%Y-%m-%d %H:%M"),
                        approved.format("%Y-%m-%d %H:%M")
                    ),
                )
                .hint("7.2: a visit happens only after the task sheet is signed"),
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
                    format!("arrived on site ({}) before the first leg of the trip ({})", arrived.at.format("%Y-%m-%d %H:%M"), leg.at.date_naive()),
                )
                .hint("8.4: the engineer travels, then arrives; correct the visit's arrival or the travel log's legs"),
            );
        }
        if let Some(c) = &visit.confirmation {
            if c.date.value < visit.arrived_at.value.date_naive() {
                out.push(
                    Finding::error(
                        "dates",
                        visit.at(c.date.span),
                        format!("confirmed on {} before the visit began", c.date.value),
                    )
                    .hint("the customer confirms the work after it is done"),
                );
            }
            done_dates.push((c.date.value, "the confirmation", visit.at(c.date.span)));
        }
        moments.push(arrived);
        moments.push(left);
    }
    if let Some(fees) = &case.fees {
        if let Some(s) = &fees.signature {
            done_dates.push((s.date.value, "the signature", fees.at(s.date.span)));
        }
        if let Some(p) = &fees.payment {
            done_dates.push((p.date.value, "the payment", fees.at(p.date.span)));
        }
    }
    if let Some(summary) = &case.summary {
        done_dates.push((
            summary.prepared_on.value,
            "the summary's date",
            summary.at(summary.prepared_on.span),
        ));
    }
    for m in moments.into_iter().filter(|m| !cx.has_come(m.at)) {
        out.push(
            Finding::error(
                "dates",
                m.location,
                format!(
                    "{} is recorded at {}, in the future",
                    m.what,
                    m.at.format("%Y-%m-%d %H:%M %:z")
                ),
            )
            .hint("record things when they have happened; check the date and the UTC offset"),
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
                format!("{what} is dated {date}, in the future"),
            )
            .hint("record things when they have happened"),
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
            Finding::error("8.1", Location::file(&case.dir), "case has no request form")
                .hint("8.1: every case starts with the request as received: request.toml (svc new writes it)"),
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
                format!("the request says fees are \"{}\" but case.toml records \"{}\"", agreed.value, recorded.value),
            )
            .hint("8.1, 5.1.2: one fee arrangement is agreed with the customer; correct whichever is wrong"),
        );
    }
    if state.reached(State::Accepted) && file.fee.is_none() {
        out.push(
            Finding::error("8.1", file.at(file.state.span), format!("case is {state} but no fee arrangement is recorded"))
                .hint("8.1: agree fees with the customer before accepting: `svc accept CASE --fee warranty|billable|agreement:ID`"),
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
                "case was resolved by phone but does not say how",
            )
            .hint("add resolution = \"…\" to case.toml: what was done on the phone"),
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
                format!("case is {state} but nobody is assigned"),
            )
            .hint("8.2: `svc assign CASE --to PERSON`"),
        );
    }
    for a in &file.assignees {
        if cx.ws.people.contains_key(&a.value) && !cx.ws.has_role(&a.value, Role::Engineer) {
            out.push(
                Finding::error(
                    "8.2",
                    file.at(a.span),
                    format!("assignee `{}` is not an engineer", a.value),
                )
                .hint("assign people whose roles in people.toml include \"engineer\""),
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
                        format!(
                            "assigned_via is \"{}\"; only the CSC or Sales assign engineers",
                            via.value
                        ),
                    )
                    .hint("assigned_via = \"csc\" or \"sales\" (8.2)"),
                );
            } else if cx.ws.people.contains_key(&by.value) && !cx.ws.has_role(&by.value, via.value)
            {
                out.push(
                    Finding::error(
                        "8.2",
                        file.at(by.span),
                        format!(
                            "`{}` assigned the case for {} but does not hold that role",
                            by.value, via.value
                        ),
                    )
                    .hint(
                        "5.1.3, 5.2.1: the CSC or the Sales Department assigns; check people.toml",
                    ),
                );
            }
        }
        _ => out.push(
            Finding::error(
                "8.2",
                file.at(file.state.span),
                format!("case is {state} but does not record who assigned it"),
            )
            .hint(
                "add assigned_by (person id) and assigned_via (\"csc\" or \"sales\") to case.toml",
            ),
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
                "case is cancelled but does not say why",
            )
            .hint("add cancel_reason = \"…\" to case.toml"),
        );
    }
}
