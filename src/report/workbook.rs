//! The monthly analysis (8.7) as tables, one sheet each in the workbook of
//! `svc report monthly --format xlsx`: the overview, by engineer, by customer, repeat
//! visits, response targets and their breaches, fault categories, fees, parts, travel,
//! suggestions and the case list. Labels are
//! the report's locale's; numbers, money, shares and times are native cells, times in the
//! workspace's time zone (the rows carry it).

use super::monthly::{CaseRow, Hours, Monthly, Tally};
use super::names::{fee_arrangement, in_locale};
use super::table::{Cell, Table};
use super::templates::{Locale, labels};
use crate::forms::FeeArrangement;
use crate::forms::decode::Timestamp;
use crate::rules::targets::Promise;
use serde_json::Value;

/// The report's labels, looked up by key.
struct Labels(Value);

impl Labels {
    fn get(&self, key: &str) -> String {
        self.0
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or(key)
            .to_owned()
    }
}

fn hours(h: Option<f64>) -> Cell {
    h.map_or(Cell::Empty, Cell::Hours)
}

fn share(s: Option<f64>) -> Cell {
    s.map_or(Cell::Empty, Cell::Share)
}

/// The tables of `report`, labelled in `locale`.
pub fn monthly_tables(report: &Monthly, locale: Locale) -> Vec<Table> {
    let l = Labels(labels(locale));
    vec![
        overview(report, &l),
        people(report, &l, locale, true),
        people(report, &l, locale, false),
        repeat_visits(report, &l, locale),
        targets(report, &l, locale),
        breaches(report, &l, locale),
        faults(report, &l),
        fees(report, &l, locale),
        parts(report, &l, locale),
        travel(report, &l),
        suggestions(report, &l, locale),
        case_table(&report.case_list, locale, &l.get("monthly_case_table")),
    ]
}

fn overview(report: &Monthly, l: &Labels) -> Table {
    let mut t = Table::new(
        &l.get("monthly_summary"),
        &[&l.get("monthly_summary"), &report.month],
    );
    let mut add = |label: String, cell: Cell| t.row(vec![Cell::Text(label), cell]);
    let c = &report.cases;
    add(l.get("monthly_received"), c.received.into());
    add(
        l.get("monthly_planned"),
        report.work.planned.received.into(),
    );
    add(
        l.get("monthly_corrective"),
        report.work.corrective.received.into(),
    );
    add(
        l.get("monthly_planned_completed"),
        report.work.planned.completed.into(),
    );
    add(
        l.get("monthly_resolved_remotely"),
        c.resolved_remotely.into(),
    );
    add(l.get("monthly_visited"), c.visited.into());
    add(l.get("monthly_closed"), c.closed.into());
    add(l.get("monthly_cancelled"), c.cancelled.into());
    for (state, count) in &c.open_by_state {
        add(
            format!(
                "{}: {}",
                l.get("monthly_open_by_state"),
                l.get(&format!("state_{state}"))
            ),
            count.as_u64().map_or(Cell::Empty, Cell::from),
        );
    }
    add(
        format!("{}: {}", l.get("monthly_open_by_state"), l.get("total")),
        c.open.into(),
    );
    add(
        l.get("monthly_first_time_fix"),
        share(report.first_time_fix_rate),
    );
    let times = |h: &Hours, name: &str| {
        [
            (format!("{name}: {}", l.get("count")), Cell::from(h.count)),
            (
                format!("{name}: {} ({})", l.get("median"), l.get("hours")),
                hours(h.median),
            ),
            (
                format!("{name}: {} ({})", l.get("p90"), l.get("hours")),
                hours(h.p90),
            ),
        ]
    };
    for (label, cell) in times(&report.response_hours, &l.get("monthly_response"))
        .into_iter()
        .chain(times(
            &report.resolution_hours,
            &l.get("monthly_resolution"),
        ))
    {
        add(label, cell);
    }
    let w = &report.work;
    for (key, kind) in [
        ("monthly_fee_warranty", &w.warranty),
        ("monthly_fee_billable", &w.billable),
        ("monthly_fee_agreement", &w.agreement),
        ("monthly_fee_unknown", &w.unknown),
    ] {
        add(
            format!("{}: {}", l.get(key), l.get("cases")),
            kind.cases.into(),
        );
        add(
            format!("{}: {}", l.get(key), l.get("monthly_fees_charged")),
            kind.charged.into(),
        );
    }
    add(l.get("monthly_fees_charged"), report.fees.charged.into());
    add(
        l.get("monthly_fees_collected"),
        report.fees.collected.into(),
    );
    let tr = &report.travel;
    add(l.get("monthly_trips"), tr.trips.into());
    add(l.get("monthly_travel_days"), tr.days.into());
    add(l.get("monthly_person_days"), tr.person_days.into());
    add(l.get("monthly_flights"), tr.flights.len().into());
    add(
        l.get("monthly_flights_approved"),
        tr.flights_approved.into(),
    );
    add(
        format!(
            "{}: {}",
            l.get("monthly_checkins"),
            l.get("monthly_compliance")
        ),
        share(report.checkins.compliance),
    );
    add(
        format!(
            "{}: {}",
            l.get("monthly_return"),
            l.get("monthly_compliance")
        ),
        share(report.return_to_work.compliance),
    );
    t
}

/// By engineer (`engineers`) or by customer.
fn people(report: &Monthly, l: &Labels, locale: Locale, engineers: bool) -> Table {
    let (name, who, groups) = if engineers {
        (
            l.get("monthly_by_engineer"),
            l.get("engineer"),
            &report.by_engineer,
        )
    } else {
        (
            l.get("monthly_by_customer"),
            l.get("customer"),
            &report.by_customer,
        )
    };
    let median = |key: &str| format!("{} {}", l.get(key), l.get("median"));
    let mut header = vec![l.get("id"), who];
    if !engineers {
        header.push(l.get("monthly_received"));
    }
    header.extend([
        l.get("monthly_visited"),
        median("monthly_response_hours"),
        median("monthly_resolution_hours"),
        l.get("monthly_first_time_fix"),
        l.get("monthly_fees_charged"),
        l.get("monthly_fees_collected"),
    ]);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = Table::new(&name, &header);
    for g in groups {
        let name = in_locale(&g.name, g.name_en.as_deref(), locale);
        let mut row = vec![Cell::from(g.id.as_str()), Cell::from(name)];
        if !engineers {
            row.push(g.received.into());
        }
        row.extend([
            g.visited.into(),
            hours(g.response_hours.median),
            hours(g.resolution_hours.median),
            share((g.completed > 0).then(|| g.fixed_first_time as f64 / g.completed as f64)),
            g.charged.into(),
            g.collected.into(),
        ]);
        t.row(row);
    }
    t
}

fn repeat_visits(report: &Monthly, l: &Labels, locale: Locale) -> Table {
    let mut t = Table::new(
        &l.get("sheet_repeat_visits"),
        &[
            &l.get("case"),
            &l.get("customer"),
            &l.get("serial"),
            &l.get("model"),
            &l.get("monthly_previous_case"),
            &l.get("monthly_days_between"),
        ],
    );
    for r in &report.repeat_visits {
        t.row(vec![
            r.case.as_str().into(),
            in_locale(&r.customer_name, r.customer_name_en.as_deref(), locale).into(),
            r.serial.as_str().into(),
            Cell::text_opt(r.model.as_deref()),
            r.previous_case.as_str().into(),
            r.days.into(),
        ]);
    }
    t
}

/// Response targets (5.1.7): by promise, then by customer, agreement and engineer.
fn targets(report: &Monthly, l: &Labels, locale: Locale) -> Table {
    let mut t = Table::new(
        &l.get("monthly_targets"),
        &[
            &l.get("monthly_targets_group"),
            &l.get("id"),
            &l.get("name"),
            &l.get("monthly_targets_met"),
            &l.get("monthly_targets_breached"),
            &l.get("monthly_targets_open"),
            &l.get("monthly_targets_median_margin"),
        ],
    );
    if report.targets.total == Tally::default() {
        // Nothing was due: the sheet says there is no data rather than list zeros.
        return t;
    }
    let mut add = |group: &str, id: Option<&str>, name: String, tally: &Tally| {
        t.row(vec![
            l.get(group).into(),
            Cell::text_opt(id),
            name.into(),
            tally.met.into(),
            tally.breached.into(),
            tally.open.into(),
            tally.median_margin.map_or(Cell::Empty, Cell::from),
        ]);
    };
    let r = &report.targets;
    for promise in Promise::ALL {
        let name = l.get(&format!("target_{}", promise.name()));
        add(
            "monthly_target_promise",
            Some(promise.name()),
            name,
            r.of(promise),
        );
    }
    add("monthly_target_promise", None, l.get("total"), &r.total);
    for g in &r.by_customer {
        let name = in_locale(&g.name, g.name_en.as_deref(), locale).to_owned();
        add("monthly_by_customer", Some(&g.id), name, &g.tally);
    }
    for a in &r.by_agreement {
        let name = match &a.id {
            Some(id) => fee_arrangement(&FeeArrangement::Agreement(id.clone()).to_string(), locale),
            None => l.get("monthly_targets_company"),
        };
        add(
            "monthly_targets_by_agreement",
            a.id.as_deref(),
            name,
            &a.tally,
        );
    }
    for g in &r.by_engineer {
        add("monthly_by_engineer", Some(&g.id), g.name.clone(), &g.tally);
    }
    t
}

/// The promises broken (5.1.7), with the engineer's reason when given.
fn breaches(report: &Monthly, l: &Labels, locale: Locale) -> Table {
    let mut t = Table::new(
        &l.get("sheet_target_breaches"),
        &[
            &l.get("case"),
            &l.get("customer"),
            &l.get("customer_id"),
            &l.get("monthly_target_promise"),
            &l.get("monthly_target_within"),
            &l.get("monthly_target_due"),
            &l.get("monthly_target_met_at"),
            &l.get("monthly_target_late"),
            &l.get("monthly_target_delay_reason"),
        ],
    );
    let time = |ts: &Timestamp| Cell::Time(ts.naive_local());
    for b in &report.targets.breaches {
        t.row(vec![
            b.case.as_str().into(),
            in_locale(&b.customer_name, b.customer_name_en.as_deref(), locale).into(),
            b.customer.as_str().into(),
            l.get(&format!("target_{}", b.promise.name())).into(),
            format!(
                "{} {}",
                b.within,
                l.get(&format!("target_hours_{}", b.hours.as_str()))
            )
            .into(),
            time(&b.due),
            b.met_at.as_ref().map_or(Cell::Empty, time),
            b.late.into(),
            Cell::text_opt(b.delay_reason.as_deref()),
        ]);
    }
    t
}

fn faults(report: &Monthly, l: &Labels) -> Table {
    let mut t = Table::new(
        &l.get("sheet_faults"),
        &[
            &l.get("model"),
            &l.get("monthly_fault_category"),
            &l.get("count"),
        ],
    );
    for f in &report.faults {
        t.row(vec![
            f.model.as_str().into(),
            l.get(&format!("fault_{}", f.category)).into(),
            f.count.into(),
        ]);
    }
    t
}

fn fees(report: &Monthly, l: &Labels, locale: Locale) -> Table {
    let mut t = Table::new(
        &l.get("monthly_fees"),
        &[
            &l.get("id"),
            &l.get("customer"),
            &l.get("monthly_fees_charged"),
            &l.get("monthly_fees_collected"),
        ],
    );
    for c in &report.fees.by_customer {
        t.row(vec![
            c.customer.as_str().into(),
            in_locale(&c.name, c.name_en.as_deref(), locale).into(),
            c.charged.into(),
            c.collected.into(),
        ]);
    }
    t
}

fn parts(report: &Monthly, l: &Labels, locale: Locale) -> Table {
    let mut t = Table::new(
        &l.get("monthly_parts"),
        &[
            &l.get("monthly_part_code"),
            &l.get("monthly_part_name"),
            &l.get("monthly_quantity"),
        ],
    );
    for p in &report.parts {
        let name = match (&p.name_en, locale) {
            (Some(en), Locale::En) => en.as_str(),
            _ => p.name.as_str(),
        };
        t.row(vec![p.code.as_str().into(), name.into(), p.qty.into()]);
    }
    t
}

fn travel(report: &Monthly, l: &Labels) -> Table {
    let mut t = Table::new(
        &l.get("monthly_travel"),
        &[
            &l.get("case"),
            &l.get("date"),
            &l.get("monthly_flight_route"),
            &l.get("monthly_flights_approved"),
            &l.get("monthly_flight_approved_by"),
            &l.get("monthly_flight_approver_id"),
        ],
    );
    for f in &report.travel.flights {
        t.row(vec![
            f.case.as_str().into(),
            Cell::Date(f.date),
            format!("{} → {}", f.from, f.to).into(),
            l.get(if f.approved { "yes" } else { "no" }).into(),
            Cell::text_opt(f.approved_by_name.as_deref()),
            Cell::text_opt(f.approved_by.as_deref()),
        ]);
    }
    t
}

fn suggestions(report: &Monthly, l: &Labels, locale: Locale) -> Table {
    let mut t = Table::new(
        &l.get("monthly_suggestions"),
        &[
            &l.get("customer"),
            &l.get("product"),
            &l.get("serial"),
            &l.get("case"),
            &l.get("monthly_suggestions"),
        ],
    );
    for s in &report.suggestions {
        t.row(vec![
            in_locale(&s.customer_name, s.customer_name_en.as_deref(), locale).into(),
            s.product.as_str().into(),
            Cell::text_opt(s.serial.as_deref()),
            s.case.as_str().into(),
            s.text.as_str().into(),
        ]);
    }
    t
}

/// The case list: one row per case with its key facts, headed in the labels' language
/// (the monthly report's last sheet, and `svc export cases`).
pub fn case_table(rows: &[CaseRow], locale: Locale, name: &str) -> Table {
    let l = Labels(labels(locale));
    let header: Vec<String> = [
        "case",
        "title",
        "customer_id",
        "customer",
        "serial",
        "model",
        "state",
        "monthly_received_at",
        "monthly_arrived_at",
        "monthly_completed_at",
        "monthly_closed_at",
        "monthly_response_hours",
        "monthly_resolution_hours",
        "monthly_fee_arrangement",
        "monthly_fees_charged",
        "monthly_fees_collected",
        "engineers",
        "engineer_ids",
        "monthly_visits",
        "first_time_fix",
        "monthly_fault_category",
        "monthly_outcome",
        "monthly_repeat_visits",
    ]
    .iter()
    .map(|key| l.get(key))
    .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = Table::new(name, &header);
    let time = |ts: Option<&Timestamp>| ts.map_or(Cell::Empty, |t| Cell::Time(t.naive_local()));
    let yes_no = |b: bool| Cell::from(l.get(if b { "yes" } else { "no" }));
    let named = |prefix: &str, key: Option<&str>| {
        key.map_or(Cell::Empty, |k| Cell::from(l.get(&format!("{prefix}{k}"))))
    };
    for c in rows {
        t.row(vec![
            c.case.as_str().into(),
            c.title.as_str().into(),
            c.customer.as_str().into(),
            in_locale(&c.customer_name, c.customer_name_en.as_deref(), locale).into(),
            Cell::text_opt(c.serial.as_deref()),
            Cell::text_opt(c.model.as_deref()),
            l.get(&format!("state_{}", c.state.as_str())).into(),
            time(Some(&c.received_at)),
            time(c.first_arrival_at.as_ref()),
            time(c.completed_at.as_ref()),
            time(c.closed_at.as_ref()),
            hours(c.response_hours),
            hours(c.resolution_hours),
            c.fee
                .as_deref()
                .map_or(Cell::Empty, |f| fee_arrangement(f, locale).into()),
            c.charged.map_or(Cell::Empty, Cell::from),
            c.collected.map_or(Cell::Empty, Cell::from),
            c.engineer_names.join(", ").into(),
            c.engineers.join(" ").into(),
            c.visits.into(),
            c.first_time_fix.map_or(Cell::Empty, yes_no),
            named("fault_", c.fault_category.as_deref()),
            named("outcome_", c.outcome.as_deref()),
            yes_no(c.repeat),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_the_sheets_use_is_in_both_languages() {
        for locale in [Locale::ZhCn, Locale::En] {
            let l = Labels(labels(locale));
            for key in [
                "monthly_summary",
                "monthly_by_engineer",
                "monthly_by_customer",
                "monthly_repeat_visits",
                "monthly_targets",
                "monthly_targets_group",
                "monthly_targets_met",
                "monthly_targets_breached",
                "monthly_targets_open",
                "monthly_targets_median_margin",
                "monthly_targets_by_agreement",
                "monthly_targets_company",
                "sheet_target_breaches",
                "name",
                "monthly_target_promise",
                "monthly_target_within",
                "monthly_target_due",
                "monthly_target_met_at",
                "monthly_target_late",
                "monthly_target_delay_reason",
                "target_respond",
                "target_arrive",
                "target_resolve",
                "target_hours_working",
                "target_hours_calendar",
                "monthly_faults",
                "sheet_repeat_visits",
                "sheet_faults",
                "monthly_fees",
                "monthly_parts",
                "monthly_travel",
                "monthly_suggestions",
                "monthly_case_table",
                "monthly_arrived_at",
                "monthly_completed_at",
                "monthly_closed_at",
                "monthly_fee_arrangement",
                "monthly_visits",
                "monthly_outcome",
                "yes",
                "no",
                "id",
                "customer_id",
                "engineer_ids",
                "monthly_flight_approver_id",
                "first_time_fix",
                "title",
                "product",
            ] {
                assert_ne!(l.get(key), key, "{key} in {locale:?}");
            }
        }
    }
}
