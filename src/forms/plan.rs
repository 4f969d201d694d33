//! Maintenance plans (`plans/<id>.toml`): preventive work the centre promises a customer —
//! a quarterly inspection of every NT-3600 it has installed, say — and the dates it falls
//! on. A plan says what it covers (a model, or serials), when (an RFC 5545 recurrence rule
//! from a first date), how long before each date its case is opened, and the work.
//!
//! [`Recurrence`] expands the rule into dates. Dates only: the rule is read with its start
//! at midnight of a zone without daylight saving, so no occurrence moves by a day, and a
//! rule that asks for hours, minutes or seconds is refused. What RFC 5545 says holds: a
//! day that a month lacks (`BYMONTHDAY=31` in April) is skipped, not moved.
//!
//! [`PlanLink`] is the `[plan]` table of a case opened for an occurrence: which plan and
//! which date. A case with one is preventive maintenance (预防性维护); every other case is
//! corrective.

use crate::forms::decode::Sp;
use crate::record;
use crate::t;
use chrono::{Datelike, Days, NaiveDate, TimeZone};

/// The folder of the plan files, relative to the workspace root.
pub const PLANS_DIR: &str = "plans";

/// How long before an occurrence its case is opened unless the plan says: two weeks.
pub const DEFAULT_LEAD_DAYS: u64 = 14;

/// The most occurrences one plan gives in one window: far more than any window asked for
/// needs (a daily plan over ten years), and a bound on what a hostile rule can cost.
const MAX_OCCURRENCES: u16 = 4000;

record! {
    /// `plans/<id>.toml`: a maintenance plan.
    pub struct Plan ("plans/<id>.toml") {
        /// 编号 · id (= file name)
        pub id: Sp<String>,
        /// 名称 · title, e.g. 广州电信 NT-3600 季度巡检
        pub title: String,
        /// 客户 · customer id
        pub customer: Sp<String>,
        /// 售后服务协议 · the agreement it is promised under (an agreement id of the customer)
        pub agreement: Option<Sp<String>>,
        /// 服务地点 · only the units at this site (a site id of the customer)
        pub site: Option<Sp<String>>,
        /// 型号 · covers every unit of this model the customer has installed
        pub model: Option<Sp<String>>,
        /// 序列号 · or covers these units (serials)
        pub serials: Vec<Sp<String>>,
        /// 重复规则 · recurrence (RFC 5545 RRULE), e.g. FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5
        pub rrule: Sp<String>,
        /// 首次日期 · the first date (DTSTART)
        pub start: Sp<NaiveDate>,
        /// 截止日期 · the last date, included (or UNTIL or COUNT in the rule)
        pub until: Option<Sp<NaiveDate>>,
        /// 提前开单 · how long before each date its case is opened, e.g. 14d or 2w (default 14d)
        pub lead: Option<Sp<String>>,
        /// 工作内容 · the work to do (the request's fault text)
        pub task: Sp<String>,
        /// 建议工程师 · suggested engineer (person id; shown only)
        pub engineer: Option<Sp<String>>,
    }
}

record! {
    /// `[plan]` in `case.toml`: the plan occurrence a preventive case was opened for.
    pub struct PlanLink ("[plan]") {
        /// 维护计划 · the plan's id
        pub id: Sp<String>,
        /// 计划日期 · the occurrence's date
        pub occurrence: Sp<NaiveDate>,
    }
}

/// Parse a lead time: a whole number of days (`14d`) or weeks (`2w`), at most ten years.
pub fn parse_lead(text: &str) -> Option<u64> {
    let text = text.trim();
    let (digits, per) = match text.strip_suffix('d') {
        Some(n) => (n, 1),
        None => (text.strip_suffix('w')?, 7),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 4 {
        return None;
    }
    let days = digits.parse::<u64>().ok()? * per;
    (days <= 3660).then_some(days)
}

impl Plan {
    /// The lead time in days (the default when not written or unreadable).
    pub fn lead_days(&self) -> u64 {
        self.lead
            .as_ref()
            .and_then(|l| parse_lead(&l.value))
            .unwrap_or(DEFAULT_LEAD_DAYS)
    }

    /// The plan's recurrence, or what is wrong with it.
    pub fn recurrence(&self) -> Result<Recurrence, String> {
        Recurrence::parse(
            &self.rrule.value,
            self.start.value,
            self.until.as_ref().map(|u| u.value),
        )
    }
}

/// A recurrence rule read and checked: its dates from a first date, up to a last one when
/// the plan gives it.
#[derive(Debug, Clone)]
pub struct Recurrence {
    set: rrule::RRuleSet,
    until: Option<NaiveDate>,
}

/// The moment a date stands for in the rule: its midnight, in a zone without daylight
/// saving (the dates are the workspace's local dates).
fn midnight(date: NaiveDate) -> chrono::DateTime<rrule::Tz> {
    rrule::Tz::UTC.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default())
}

/// The rule with its `UNTIL` in the zone of the start: a date (`UNTIL=20261231`) or a
/// floating time is read as that day's midnight or that time there.
fn utc_until(body: &str) -> String {
    body.split(';')
        .map(|part| match part.split_once('=') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("UNTIL") => {
                let value = value.trim();
                if value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()) {
                    format!("UNTIL={value}T000000Z")
                } else if !value.ends_with(['Z', 'z']) {
                    format!("UNTIL={value}Z")
                } else {
                    part.to_owned()
                }
            }
            _ => part.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

impl Recurrence {
    /// Read `rule` (the RRULE's value, with or without `RRULE:`) from `start`, ending at
    /// `until` (included) when given. The message says what is wrong, in the person's
    /// language with the rule's own words.
    pub fn parse(rule: &str, start: NaiveDate, until: Option<NaiveDate>) -> Result<Self, String> {
        let rule = rule.trim();
        let body = rule.strip_prefix("RRULE:").unwrap_or(rule);
        if body.is_empty() {
            return Err(t!("ws-plan-rrule-empty"));
        }
        if body.contains(['\n', '\r']) {
            return Err(t!("ws-plan-rrule-lines"));
        }
        for part in body.split(';') {
            let name = part.split('=').next().unwrap_or_default().trim();
            let name = name.to_ascii_uppercase();
            if matches!(
                name.as_str(),
                "BYHOUR" | "BYMINUTE" | "BYSECOND" | "DTSTART"
            ) {
                return Err(t!("ws-plan-rrule-part", part = name));
            }
            if name == "FREQ" {
                let freq = part.split('=').nth(1).unwrap_or_default().trim();
                if matches!(
                    freq.to_ascii_uppercase().as_str(),
                    "HOURLY" | "MINUTELY" | "SECONDLY"
                ) {
                    return Err(t!("ws-plan-rrule-freq", freq = freq));
                }
            }
        }
        let body = utc_until(body);
        let parsed: rrule::RRule<rrule::Unvalidated> = body
            .parse()
            .map_err(|e: rrule::RRuleError| t!("ws-plan-rrule-bad", error = e.to_string()))?;
        let set = parsed
            .build(midnight(start))
            .map_err(|e| t!("ws-plan-rrule-bad", error = e.to_string()))?;
        if let Some(until) = until
            && until < start
        {
            return Err(t!(
                "ws-plan-until-before-start",
                until = until.to_string(),
                start = start.to_string()
            ));
        }
        Ok(Recurrence { set, until })
    }

    /// The dates from `from` to `to`, both included, in order (at most a few thousand).
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let to = self.until.map_or(to, |u| u.min(to));
        if to < from {
            return Vec::new();
        }
        // `after` and `before` are inclusive in the rrule crate when `inclusive` is set;
        // the window is widened by a day on each side and filtered, whatever it does.
        let (Some(low), Some(high)) = (
            from.checked_sub_days(Days::new(1)),
            to.checked_add_days(Days::new(1)),
        ) else {
            return Vec::new();
        };
        self.set
            .clone()
            .after(midnight(low))
            .before(midnight(high))
            .all(MAX_OCCURRENCES)
            .dates
            .into_iter()
            .map(|d| d.date_naive())
            .filter(|d| *d >= from && *d <= to)
            .collect()
    }

    /// The first date on or after `from`, looking at most ten years ahead.
    pub fn next(&self, from: NaiveDate) -> Option<NaiveDate> {
        let mut low = from;
        for _ in 0..10 {
            let high = low.with_year(low.year() + 1)?;
            if let Some(first) = self.between(low, high).into_iter().next() {
                return Some(first);
            }
            low = high.checked_add_days(Days::new(1))?;
        }
        None
    }
}

/// The stable suffix of a planned case's id: six Crockford base32 characters of the
/// 64-bit FNV-1a hash of the plan id, the date and the unit, each ended by a zero byte. The
/// same on every clone and in every version of svc: changing it would open every
/// occurrence again.
pub fn stable_suffix(plan: &str, date: NaiveDate, unit: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let date = date.format("%Y-%m-%d").to_string();
    for part in [plan, date.as_str(), unit] {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    (0..6)
        .map(|i| ALPHABET[((hash >> (5 * i)) & 31) as usize] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    fn dates(rule: &str, start: &str, until: Option<&str>, from: &str, to: &str) -> Vec<String> {
        Recurrence::parse(rule, date(start), until.map(date))
            .expect("a rule")
            .between(date(from), date(to))
            .into_iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn monthly_on_the_fifth() {
        assert_eq!(
            dates(
                "FREQ=MONTHLY;BYMONTHDAY=5",
                "2026-01-05",
                None,
                "2026-01-01",
                "2026-04-30"
            ),
            ["2026-01-05", "2026-02-05", "2026-03-05", "2026-04-05"]
        );
    }

    #[test]
    fn quarterly_from_a_start_in_january() {
        assert_eq!(
            dates(
                "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5",
                "2026-01-05",
                None,
                "2026-01-01",
                "2027-01-31"
            ),
            [
                "2026-01-05",
                "2026-04-05",
                "2026-07-05",
                "2026-10-05",
                "2027-01-05"
            ]
        );
    }

    #[test]
    fn a_window_inside_the_plan_gives_only_its_dates_both_ends_included() {
        assert_eq!(
            dates(
                "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5",
                "2026-01-05",
                None,
                "2026-04-05",
                "2026-10-05"
            ),
            ["2026-04-05", "2026-07-05", "2026-10-05"]
        );
    }

    #[test]
    fn an_end_date_ends_it() {
        assert_eq!(
            dates(
                "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5",
                "2026-01-05",
                Some("2026-07-05"),
                "2026-01-01",
                "2027-12-31"
            ),
            ["2026-01-05", "2026-04-05", "2026-07-05"]
        );
        assert_eq!(
            dates(
                "FREQ=MONTHLY;INTERVAL=3;UNTIL=20260601",
                "2026-01-05",
                None,
                "2026-01-01",
                "2027-12-31"
            ),
            ["2026-01-05", "2026-04-05"]
        );
    }

    #[test]
    fn a_count_ends_it() {
        assert_eq!(
            dates(
                "FREQ=WEEKLY;COUNT=3",
                "2026-11-02",
                None,
                "2026-01-01",
                "2027-12-31"
            ),
            ["2026-11-02", "2026-11-09", "2026-11-16"]
        );
    }

    #[test]
    fn the_thirty_first_is_skipped_in_months_without_one() {
        assert_eq!(
            dates(
                "FREQ=MONTHLY;BYMONTHDAY=31",
                "2026-01-31",
                None,
                "2026-01-01",
                "2026-06-30"
            ),
            ["2026-01-31", "2026-03-31", "2026-05-31"]
        );
    }

    #[test]
    fn the_next_date_is_found_past_a_year_without_one() {
        let r =
            Recurrence::parse("FREQ=YEARLY;INTERVAL=2", date("2026-03-01"), None).expect("a rule");
        assert_eq!(r.next(date("2026-03-02")), Some(date("2028-03-01")));
    }

    #[test]
    fn a_bad_rule_says_what_is_wrong() {
        for (rule, word) in [
            ("FREQ=FORTNIGHTLY", "FORTNIGHTLY"),
            ("FREQ=HOURLY", "HOURLY"),
            ("FREQ=DAILY;BYHOUR=9", "BYHOUR"),
            ("FREQ=MONTHLY;BYMONTHDAY=32", "32"),
            ("", "RRULE"),
        ] {
            let e = Recurrence::parse(rule, date("2026-01-05"), None).expect_err(rule);
            assert!(e.contains(word), "{rule}: {e}");
        }
        let e = Recurrence::parse("FREQ=DAILY", date("2026-01-05"), Some(date("2026-01-01")))
            .expect_err("until before start");
        assert!(e.contains("2026-01-01"), "{e}");
    }

    #[test]
    fn lead_times_are_days_or_weeks() {
        assert_eq!(parse_lead("14d"), Some(14));
        assert_eq!(parse_lead("2w"), Some(14));
        for bad in ["", "d", "14", "1h", "-3d", "99999d", "14 d"] {
            assert_eq!(parse_lead(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_suffix_is_fixed_by_its_inputs() {
        let a = stable_suffix("gzdx-nt3600", date("2026-11-05"), "NT36-2024-0117");
        assert_eq!(a.len(), 6);
        assert_eq!(
            a,
            stable_suffix("gzdx-nt3600", date("2026-11-05"), "NT36-2024-0117")
        );
        assert_ne!(
            a,
            stable_suffix("gzdx-nt3600", date("2026-11-06"), "NT36-2024-0117")
        );
        // Written out: the suffix is part of case ids on every clone, for ever.
        assert_eq!(stable_suffix("p", date("2026-01-05"), "S1"), "BKQEQ3");
    }
}
