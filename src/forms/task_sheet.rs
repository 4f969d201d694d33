//! 客户服务任务书: the work order the engineer prepares and the CSC lead signs (8.3, 7.1–7.4).

use super::Transport;
use crate::forms::decode::{Money, Quantity, Sp};
use crate::record;
use chrono::NaiveDate;

record! {
    /// A helper from another department (8.3).
    pub struct Helper ("a helper") {
        /// 人员 · person id
        pub person: Sp<String>,
        /// 协助内容 · what they help with
        pub role: String,
    }
}

record! {
    /// A planned leg of the trip.
    pub struct PlannedLeg ("a planned leg") {
        /// 日期 · date
        pub date: Sp<NaiveDate>,
        /// 出发地 · from
        pub from: String,
        /// 目的地 · to
        pub to: String,
        /// 交通方式 · mode: flight, train, bus, car, ship, other
        pub mode: Sp<Transport>,
    }
}

record! {
    /// A part to bring.
    pub struct PartToBring ("a part to bring") {
        /// 备件编码 · catalog code
        pub code: Sp<String>,
        /// 数量 · quantity
        pub qty: Quantity,
    }
}

record! {
    /// The cash advance requested with the signed task sheet (7.3).
    pub struct Advance ("the advance") {
        /// 借款金额 · amount
        pub amount: Sp<Money>,
        /// 用途 · purpose
        pub purpose: String,
        /// 申请日期 · date requested: on or after the task sheet's approval (7.3)
        pub requested_on: Option<Sp<NaiveDate>>,
    }
}

record! {
    /// 客户服务任务书 · Customer service task sheet (8.3).
    pub struct TaskSheet ("the task sheet") {
        /// 填写人 · prepared by (person id)
        pub prepared_by: Sp<String>,
        /// 填写日期 · prepared on
        pub prepared_on: Sp<NaiveDate>,
        /// 服务人员 · engineers (person ids)
        pub engineers: Vec<Sp<String>>,
        /// 其他部门协助人员 · helpers from other departments (8.3)
        pub helpers: Vec<Helper>,
        /// 客户情况 · the customer's situation (5.3.2, 7.1)
        pub customer_situation: Sp<String>,
        /// 故障详情 · the fault in detail (5.3.2, 7.1)
        pub fault_detail: Sp<String>,
        /// 工作任务 · the tasks (7.1)
        pub tasks: Sp<Vec<String>>,
        /// 服务地点 · sites to visit (site ids of the customer)
        pub sites: Sp<Vec<Sp<String>>>,
        /// 计划出发日期 · planned departure
        pub depart_on: Sp<NaiveDate>,
        /// 计划返回日期 · planned return
        pub return_on: Sp<NaiveDate>,
        /// 行程 · planned legs with their transport
        pub legs: Vec<PlannedLeg>,
        /// 携带工具 · tools to bring
        pub tools: Vec<String>,
        /// 携带备件 · parts to bring
        pub parts: Vec<PartToBring>,
        /// 借款 · cash advance requested (7.3)
        pub advance: Option<Advance>,
    }
}
