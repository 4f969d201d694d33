//! 服务请求: the intake form (8.1, 5.1.1–5.1.2, 5.3.1).

use crate::forms::decode::{Sp, Timestamp};
use crate::{keywords, record};

keywords! {
    /// How the request reached the company.
    pub enum Channel ("request channel") {
        /// 电话 · phone
        Phone = "phone",
        /// 传真 · fax
        Fax = "fax",
        /// 电子邮件 · e-mail
        Email = "email",
        /// 来访 · a visit in person
        Visit = "visit",
        /// 网站 · the web site
        Web = "web",
        /// 计划 · a maintenance plan (opened by svc plan open)
        Plan = "plan",
    }
}

keywords! {
    /// How urgent a request is: it chooses the response targets (5.1.7).
    pub enum Priority ("priority") {
        /// 紧急 · urgent: the service is down
        Urgent = "urgent",
        /// 高 · high
        High = "high",
        /// 普通 · normal (the default)
        Normal = "normal",
        /// 低 · low
        Low = "low",
    }
}

record! {
    /// The customer's contact for the request.
    pub struct Contact ("the contact") {
        /// 联系人 · name
        pub name: Sp<String>,
        /// 电话 · phone
        pub phone: Sp<String>,
        /// 职务 · title or position
        pub title: Option<String>,
        /// 电子邮件 · e-mail
        pub email: Option<String>,
    }
}

record! {
    /// 服务请求 · Service request (8.1).
    pub struct Request ("the request") {
        /// 受理时间 · when the request was received (RFC 3339 with offset)
        pub received_at: Sp<Timestamp>,
        /// 受理方式 · channel: phone, fax, email, visit, web
        pub channel: Channel,
        /// 客户联系人 · the customer's contact
        pub contact: Contact,
        /// 故障描述 · the fault as the customer describes it
        pub fault: Sp<String>,
        /// 电话处理情况 · what was tried by phone (5.1.1)
        pub tried_by_phone: Sp<String>,
        /// 是否需要现场服务 · whether an on-site visit is needed
        pub onsite_needed: bool,
        /// 需要现场服务的原因 · why on-site service is needed
        pub onsite_reason: Option<Sp<String>>,
        /// 费用协商 · what was agreed about fees: warranty, billable or agreement:ID (8.1, 5.1.2)
        pub fee_arrangement: Option<Sp<String>>,
        /// 优先级 · priority: urgent, high, normal (the default) or low
        pub priority: Option<Priority>,
        /// 受理人 · who took the request (person id)
        pub received_by: Sp<String>,
        /// 备注 · remarks
        pub remarks: Option<String>,
    }
}
