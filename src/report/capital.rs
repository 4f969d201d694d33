//! An amount in Chinese capital numerals (大写金额), as every Chinese receipt and fee list
//! carries it beside the figures: 人民币壹仟贰佰捌拾元整. The writing follows the usual rules
//! of financial documents: 零 once for any run of zeros inside the number (and between 元
//! and 分 when the 角 is zero), none at the end of a group; 万 and 亿 after their groups,
//! an all-zero 万 group left out; 拾 always with its digit (壹拾); 整 after 元 or 角 when
//! nothing smaller follows, never after 分.

use crate::forms::decode::Money;

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES: [&str; 4] = ["", "拾", "佰", "仟"];
const GROUPS: [&str; 3] = ["", "万", "亿"];

/// A group of up to four digits (0–9999) in capitals; `leading_zero` when a higher group
/// came before it, so that a gap (e.g. 0500) starts with 零.
fn group(n: u64, leading_zero: bool) -> String {
    let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    let mut started = false;
    for (i, d) in digits.iter().enumerate() {
        if *d == 0 {
            zero = started || leading_zero;
            continue;
        }
        if zero {
            out.push('零');
        }
        zero = false;
        started = true;
        out.push(DIGITS[*d as usize]);
        out.push_str(PLACES[3 - i]);
    }
    out
}

/// The yuan of `yuan` in capitals (no unit): `壹仟贰佰捌拾`, `零` for zero.
fn integer(yuan: u64) -> String {
    if yuan == 0 {
        return "零".to_owned();
    }
    let groups = [yuan % 10_000, yuan / 10_000 % 10_000, yuan / 100_000_000];
    let mut out = String::new();
    let mut higher = false;
    let mut gap = false;
    for g in (0..3).rev() {
        let n = groups[g];
        if n == 0 {
            gap = higher;
            continue;
        }
        let mut text = group(n, higher);
        // A zero group between two others, or a group below 1000 after a higher one,
        // reads with one 零 in front.
        if gap && !text.starts_with('零') {
            text.insert(0, '零');
        }
        out.push_str(&text);
        out.push_str(GROUPS[g]);
        higher = true;
        gap = false;
    }
    out
}

/// `money` in capital numerals, after `人民币`: 壹仟贰佰捌拾元整, 壹仟零伍元伍角,
/// 伍角整 … A negative amount is written with 负 first.
pub fn capital(money: Money) -> String {
    let fen_total = money.0.unsigned_abs();
    let (yuan, jiao, fen) = (fen_total / 100, fen_total / 10 % 10, fen_total % 10);
    let mut out = String::from("人民币");
    if money.0 < 0 {
        out.push('负');
    }
    if yuan == 0 && jiao == 0 && fen == 0 {
        out.push_str("零元整");
        return out;
    }
    if yuan > 0 {
        out.push_str(&integer(yuan));
        out.push('元');
    }
    match (jiao, fen) {
        (0, 0) => out.push('整'),
        (j, 0) => {
            out.push(DIGITS[j as usize]);
            out.push_str("角整");
        }
        (0, f) => {
            if yuan > 0 {
                out.push('零');
            }
            out.push(DIGITS[f as usize]);
            out.push('分');
        }
        (j, f) => {
            out.push(DIGITS[j as usize]);
            out.push('角');
            out.push(DIGITS[f as usize]);
            out.push('分');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yuan(text: &str) -> String {
        capital(Money::parse(text).expect("an amount"))
    }

    #[test]
    fn amounts_are_written_as_on_a_chinese_receipt() {
        // Written out by hand, as a cashier would.
        for (amount, expected) in [
            ("1280.00", "人民币壹仟贰佰捌拾元整"),
            ("1005.00", "人民币壹仟零伍元整"),
            ("1000.00", "人民币壹仟元整"),
            ("10.00", "人民币壹拾元整"),
            ("15.00", "人民币壹拾伍元整"),
            ("101.00", "人民币壹佰零壹元整"),
            ("110.00", "人民币壹佰壹拾元整"),
            ("1280.50", "人民币壹仟贰佰捌拾元伍角整"),
            ("1280.05", "人民币壹仟贰佰捌拾元零伍分"),
            ("1280.55", "人民币壹仟贰佰捌拾元伍角伍分"),
            ("0.50", "人民币伍角整"),
            ("0.05", "人民币伍分"),
            ("0.00", "人民币零元整"),
            ("10000.00", "人民币壹万元整"),
            ("100005.00", "人民币壹拾万零伍元整"),
            ("105000.00", "人民币壹拾万伍仟元整"),
            ("1000500.00", "人民币壹佰万零伍佰元整"),
            ("10000000.00", "人民币壹仟万元整"),
            ("100000000.00", "人民币壹亿元整"),
            ("1000010000.00", "人民币壹拾亿零壹万元整"),
            (
                "1234567890.12",
                "人民币壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分",
            ),
            ("60036.00", "人民币陆万零叁拾陆元整"),
            ("20010.30", "人民币贰万零壹拾元叁角整"),
        ] {
            assert_eq!(yuan(amount), expected, "{amount}");
        }
    }
}
