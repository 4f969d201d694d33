//! 出差工作日志: the trip as it happened (8.6, 7.3, 7.8). The check-ins with the company
//! (7.5) are not written here: `svc checkin` records each in case.toml, the one place they
//! are kept, and the printed log lists them from there.

use super::Transport;
use crate::forms::decode::{Money, Sp, Timestamp};
use crate::{keywords, record};
use chrono::NaiveDate;

record! {
    /// A leg travelled.
    pub struct Leg ("a leg") {
        /// 日期 · date
        pub date: Sp<NaiveDate>,
        /// 出发地 · from
        pub from: String,
        /// 目的地 · to
        pub to: String,
        /// 交通方式 · mode: flight, train, bus, car, ship, other
        pub mode: Sp<Transport>,
        /// 费用 · cost
        pub cost: Option<Sp<Money>>,
    }
}

record! {
    /// A day of the trip.
    pub struct Day ("a day") {
        /// 日期 · date
        pub date: Sp<NaiveDate>,
        /// 地点 · place
        pub place: String,
        /// 工作内容 · work done
        pub work: String,
    }
}

keywords! {
    /// What an expense was for.
    pub enum ExpenseCategory ("expense category") {
        /// 交通 · transport
        Transport = "transport",
        /// 住宿 · lodging
        Lodging = "lodging",
        /// 餐费 · meals
        Meals = "meals",
        /// 出差补助 · allowance
        Allowance = "allowance",
        /// 其他 · other
        Other = "other",
    }
}

record! {
    /// An expense.
    pub struct Expense ("an expense") {
        /// 日期 · date
        pub date: Sp<NaiveDate>,
        /// 类别 · category: transport, lodging, meals, allowance, other
        pub category: ExpenseCategory,
        /// 金额 · amount
        pub amount: Sp<Money>,
        /// 票据 · receipt number
        pub receipt: Option<String>,
    }
}

record! {
    /// The cash advance received (7.3).
    pub struct ReceivedAdvance ("the advance received") {
        /// 金额 · amount
        pub amount: Sp<Money>,
        /// 日期 · date received
        pub date: Sp<NaiveDate>,
    }
}

record! {
    /// 出差工作日志 · Travel work log (8.6).
    pub struct TravelLog ("the travel log") {
        /// 出差人员 · travellers (person ids)
        pub travellers: Vec<Sp<String>>,
        /// 行程 · legs travelled
        pub legs: Vec<Leg>,
        /// 返回所在城市时间 · arrival back in the home city (7.8)
        pub back_home_at: Option<Sp<Timestamp>>,
        /// 回公司上班时间 · back at work (7.8)
        pub back_at_work_at: Option<Sp<Timestamp>>,
        /// 每日工作 · the days
        pub days: Vec<Day>,
        /// 费用 · expenses
        pub expenses: Vec<Expense>,
        /// 借款 · advance received (7.3)
        pub advance_received: Option<ReceivedAdvance>,
    }
}
