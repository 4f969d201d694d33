//! Fees (8.5, 9.1–9.3): charged only when the procedure allows, on a fee list the customer
//! signs, at catalog prices, adding up.

use super::{Context, state};
use crate::forms::config::RateKind;
use crate::forms::decode::Money;
use crate::forms::finding::Finding;
use crate::forms::{Cause, FeeArrangement, FeeItem, FeeList, FormKind, State};
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::case::Case;
use chrono::NaiveDate;

/// Whether a form has files that could not be read (their findings are reported already,
/// and a rule must not take the form for absent).
fn unreadable(case: &Case, form: FormKind) -> bool {
    let read = match form {
        FormKind::Visit => case.visits.len(),
        FormKind::Fees => usize::from(case.fees.is_some()),
        _ => return false,
    };
    case.files
        .get(&form)
        .is_some_and(|files| files.len() > read)
}

/// Whether the case's fee list charges anything.
pub fn charges(case: &Case) -> bool {
    case.fees.as_ref().is_some_and(|f| !f.items.is_empty())
}

/// The unit price of a fee item: the one written on the list, else the catalog's (a part's
/// or a rate's); `None` when neither is known.
pub fn unit_price(ws: &Workspace, item: &FeeItem) -> Option<Money> {
    item.unit_price.as_ref().map(|p| p.value).or_else(|| {
        ws.parts
            .get(&item.code.value)
            .map(|p| p.price.value)
            .or_else(|| ws.rates.get(&item.code.value).map(|r| r.price.value))
    })
}

/// What a fee list charges: the sum of unit price × quantity over its items (as 9.3 adds
/// them up); `None` when an item's price is unknown.
pub fn fee_total(ws: &Workspace, fees: &FeeList) -> Option<Money> {
    fees.items
        .iter()
        .map(|item| unit_price(ws, item).map(|p| Money(p.0.saturating_mul(i64::from(item.qty.0)))))
        .sum()
}

/// The day the service was given: the first visit, else the fee list's signature.
fn service_date(cx: &Context, case: &Case) -> NaiveDate {
    let offset = cx.ws.offset();
    case.visits
        .iter()
        .map(|v| v.arrived_at.value.with_timezone(&offset).date_naive())
        .min()
        .or_else(|| {
            case.fees
                .as_ref()
                .and_then(|f| f.signature.as_ref())
                .map(|s| s.date.value)
        })
        .unwrap_or_else(|| cx.today())
}

/// Why charging is allowed on this case (9.1), or `None` when it is not.
pub fn charge_ground(cx: &Context, case: &Case) -> Option<String> {
    let day = service_date(cx, case);
    let products = cx.products(case);
    if let Some(p) = products.iter().find(|p| p.warranty_end.value < day) {
        return Some(t!(
            "rule-9-1-ground-warranty",
            serial = &p.serial.value,
            model = &p.model,
            date = p.warranty_end.value.to_string()
        ));
    }
    if let Some(v) = case
        .visits
        .iter()
        .find(|v| v.cause.value != Cause::ProductDefect)
    {
        return Some(t!(
            "rule-9-1-ground-cause",
            site = &v.site.value,
            cause = v.cause.value.to_string()
        ));
    }
    if let Some(a) = cx.agreement(case)
        && a.charges_allowed
        && a.valid_from.value <= day
        && day <= a.valid_to.value
    {
        return Some(t!("rule-9-1-ground-agreement", agreement = &a.id.value));
    }
    None
}

/// 8.5: when the customer pays for the work (a billable case, or an agreement that allows
/// charges) the hardware repairs and software maintenance done appear on the fee list.
pub fn r8_5_work_on_fee_list(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(state) = state(case) else { return };
    if !state.reached(State::Serviced) {
        return;
    }
    let paying = match cx.arrangement(case) {
        Some(FeeArrangement::Billable) => true,
        Some(FeeArrangement::Agreement(_)) => cx.agreement(case).is_some_and(|a| a.charges_allowed),
        _ => false,
    };
    if !paying || charge_ground(cx, case).is_none() || unreadable(case, FormKind::Fees) {
        return;
    }
    let listed: Vec<&str> = case
        .fees
        .iter()
        .flat_map(|f| f.items.iter().map(|i| i.code.value.as_str()))
        .collect();
    for visit in &case.visits {
        for part in &visit.parts_replaced {
            if !listed.contains(&part.code.value.as_str()) {
                out.push(
                    Finding::error(
                        "8.5",
                        visit.at(part.code.span),
                        t!("rule-8-5-part-not-listed", part = &part.code.value),
                    )
                    .hint(t!("rule-8-5-part-not-listed-hint")),
                );
            }
        }
        if visit.software_maintenance == Some(true) {
            let software_listed = listed.iter().any(|code| {
                cx.ws
                    .rates
                    .get(*code)
                    .is_some_and(|r| r.kind == RateKind::Software)
            });
            if !software_listed {
                out.push(
                    Finding::error(
                        "8.5",
                        visit.at(visit.span),
                        t!("rule-8-5-software-not-listed", site = &visit.site.value),
                    )
                    .hint(t!("rule-8-5-software-not-listed-hint")),
                );
            }
        }
    }
}

/// What to look at twice when a case is accepted on `day` with the fee arrangement `fee`
/// (5.1.2): warranty work for a product whose warranty has ended, billable work for one still
/// in warranty (charged in warranty only for faults the product did not cause, 9.1). Said at
/// the step, not kept as findings: billable work in warranty is often right.
pub fn warranty_notices(
    cx: &Context,
    case: &Case,
    fee: &FeeArrangement,
    day: NaiveDate,
) -> Vec<String> {
    let mut out = Vec::new();
    for product in cx.products(case) {
        let end = product.warranty_end.value;
        match fee {
            FeeArrangement::Warranty if end < day => out.push(t!(
                "rule-5-1-2-warranty-ended",
                serial = &product.serial.value,
                end = end.to_string(),
                accepted = day.to_string()
            )),
            FeeArrangement::Billable if end >= day => out.push(t!(
                "rule-5-1-2-billable-in-warranty",
                serial = &product.serial.value,
                end = end.to_string(),
                accepted = day.to_string()
            )),
            _ => {}
        }
    }
    out
}

/// 9.1: charge only when out of warranty on the service date, when the fault is not the
/// product's own defect, or when an after-sales agreement allows it.
pub fn r9_1_charges_allowed(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(fees) = &case.fees else { return };
    let Some(first) = fees.items.first() else {
        return;
    };
    if charge_ground(cx, case).is_some() || unreadable(case, FormKind::Visit) || case.file.is_none()
    {
        return;
    }
    let day = service_date(cx, case);
    let message = match cx.products(case).first() {
        Some(p) => t!(
            "rule-9-1-not-allowed-in-warranty",
            date = day.to_string(),
            serial = &p.serial.value,
            until = p.warranty_end.value.to_string()
        ),
        None => t!("rule-9-1-not-allowed", date = day.to_string()),
    };
    out.push(
        Finding::error("9.1", fees.at(first.span), message).hint(t!("rule-9-1-not-allowed-hint")),
    );
}

/// 9.2: a fee list with charges carries the customer's signature, and once the work is
/// done, the record of the collection.
pub fn r9_2_signed_and_collected(_cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(fees) = &case.fees else { return };
    if fees.items.is_empty() {
        return;
    }
    if fees.signature.is_none() {
        out.push(
            Finding::error("9.2", fees.at(fees.span), t!("rule-9-2-no-signature"))
                .hint(t!("rule-9-2-no-signature-hint")),
        );
    }
    if fees.payment.is_none() && state(case).is_some_and(|s| s.reached(State::Serviced)) {
        out.push(
            Finding::error("9.2", fees.at(fees.span), t!("rule-9-2-no-payment"))
                .hint(t!("rule-9-2-no-payment-hint")),
        );
    }
}

/// 9.3: unit prices are the catalog's unless a reason is given, and the totals add up.
pub fn r9_3_prices_and_totals(cx: &Context, case: &Case, out: &mut Vec<Finding>) {
    let Some(fees) = &case.fees else { return };
    let mut total = Money(0);
    let mut complete = true;
    for item in &fees.items {
        let catalog = cx
            .ws
            .parts
            .get(&item.code.value)
            .map(|p| p.price.value)
            .or_else(|| cx.ws.rates.get(&item.code.value).map(|r| r.price.value));
        let price = match (&item.unit_price, catalog) {
            (Some(given), Some(catalog)) => {
                if given.value != catalog
                    && item
                        .override_reason
                        .as_deref()
                        .is_none_or(|r| r.trim().is_empty())
                {
                    out.push(
                        Finding::error(
                            "9.3",
                            fees.at(given.span),
                            t!(
                                "rule-9-3-price-differs",
                                price = given.value.to_string(),
                                code = &item.code.value,
                                catalog = catalog.to_string()
                            ),
                        )
                        .hint(t!("rule-9-3-price-differs-hint")),
                    );
                }
                Some(given.value)
            }
            (Some(given), None) => Some(given.value),
            (None, catalog) => catalog,
        };
        match price {
            Some(price) => total = total + Money(price.0.saturating_mul(i64::from(item.qty.0))),
            None => complete = false,
        }
    }
    if !complete {
        return;
    }
    if let Some(stated) = &fees.total
        && stated.value != total
    {
        out.push(
            Finding::error(
                "9.3",
                fees.at(stated.span),
                t!(
                    "rule-9-3-total-differs",
                    stated = stated.value.to_string(),
                    total = total.to_string()
                ),
            )
            .hint(t!("rule-9-3-total-differs-hint", total = total.to_string())),
        );
    }
    if let Some(payment) = &fees.payment
        && payment.amount.value != total
    {
        out.push(
            Finding::error(
                "9.3",
                fees.at(payment.amount.span),
                t!(
                    "rule-9-3-collected-differs",
                    collected = payment.amount.value.to_string(),
                    total = total.to_string()
                ),
            )
            .hint(t!("rule-9-3-collected-differs-hint")),
        );
    }
}
