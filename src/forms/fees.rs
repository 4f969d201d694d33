//! 服务费清单: what the customer is charged, signs and pays on site (8.5, 9.1–9.3).

use crate::forms::decode::{Money, Quantity, Sp};
use crate::{keywords, record};
use chrono::NaiveDate;

record! {
    /// One charge.
    pub struct FeeItem ("a fee item") {
        /// 收费项目编码 · rate or part code from the catalog
        pub code: Sp<String>,
        /// 数量 · quantity
        pub qty: Quantity,
        /// 单价 · unit price (defaults to the catalog's, 9.3)
        pub unit_price: Option<Sp<Money>>,
        /// 调价原因 · why the price differs from the catalog (9.3)
        pub override_reason: Option<String>,
        /// 备注 · note
        pub note: Option<String>,
    }
}

record! {
    /// The customer's signature (9.2).
    pub struct Signature ("the signature") {
        /// 客户签字人 · name
        pub name: String,
        /// 日期 · date
        pub date: Sp<NaiveDate>,
    }
}

keywords! {
    /// How the fees were collected.
    pub enum PaymentMethod ("payment method") {
        /// 现金 · cash
        Cash = "cash",
        /// 转账 · bank transfer
        Transfer = "transfer",
        /// 刷卡 · card
        Card = "card",
        /// 微信 · WeChat Pay
        Wechat = "wechat",
        /// 支付宝 · Alipay
        Alipay = "alipay",
    }
}

record! {
    /// The collection of the fees on site (9.2).
    pub struct Payment ("the payment") {
        /// 收费方式 · method: cash, transfer, card, wechat, alipay
        pub method: PaymentMethod,
        /// 收费金额 · amount collected
        pub amount: Sp<Money>,
        /// 收据号 · receipt number
        pub receipt: String,
        /// 收费日期 · date
        pub date: Sp<NaiveDate>,
    }
}

record! {
    /// 服务费清单 · Service fee list (8.5, 9).
    pub struct FeeList ("the fee list") {
        /// 收费项目 · the charges
        pub items: Vec<FeeItem>,
        /// 合计 · stated total (must match the items, 9.3)
        pub total: Option<Sp<Money>>,
        /// 客户签字 · the customer's signature (9.2)
        pub signature: Option<Signature>,
        /// 收费记录 · payment collected (9.2)
        pub payment: Option<Payment>,
    }
}
