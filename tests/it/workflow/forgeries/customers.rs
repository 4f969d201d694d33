//! Class 7: customers' files (their warranty ends and agreements decide what is charged,
//! 9.1) are changed only by the CSC, its lead or an admin, and the workspace's templates
//! only by an admin: an engineer extending a warranty, a salesperson writing in an
//! agreement, a customer added by an engineer or by someone unknown, a template changed by
//! the lead are caught; the CSC's and the leads' own changes pass.

use super::*;

/// What `svc check` says of a customer's file changed by `email`.
fn not_csc(path: &str, email: &str) -> String {
    format!("{path} was changed by {email}, who is neither CSC, its lead nor an admin")
}

const CUSTOMER: &str = "customers/example-customer.toml";

/// The warranty of the example customer's OLT extended by two years.
fn extend_warranty(ws: &Ws) {
    ws.edit(
        CUSTOMER,
        "warranty_end = 2028-02-29",
        "warranty_end = 2030-02-28",
    );
    ws.git(&["add", "-A"]);
}

#[test]
fn an_engineer_extending_a_warranty_is_caught() {
    let ws = Ws::init();
    extend_warranty(&ws);
    let forged = ws.git_commit_as("wang.qiang", "延长保修");
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            not_csc(CUSTOMER, "wang.qiang@example.com")
        )],
    );
    assert_eq!(files(&findings, &forged), vec![CUSTOMER.to_string()]);
}

#[test]
fn a_salesperson_writing_in_an_agreement_is_caught() {
    let ws = Ws::init();
    let text = ws.read(CUSTOMER);
    ws.write(
        CUSTOMER,
        &format!(
            "{text}\n[[agreements]]\nid = \"AG-2026-009\"\nsigned_on = 2026-11-01\nvalid_from = 2026-11-01\nvalid_to = 2027-10-31\ncharges_allowed = true\nterms = \"现场服务按次收费\"\nsigned_by = \"chen.jie\"\n"
        ),
    );
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("chen.jie", "补签协议");
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            not_csc(CUSTOMER, "chen.jie@example.com")
        )],
    );
}

#[test]
fn a_customer_added_by_an_engineer_is_caught() {
    let ws = Ws::init();
    let path = "customers/new-customer.toml";
    ws.write(
        path,
        &ws.read(CUSTOMER)
            .replace("id = \"example-customer\"", "id = \"new-customer\""),
    );
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("wang.qiang", "新客户");
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            not_csc(path, "wang.qiang@example.com")
        )],
    );
    assert_eq!(files(&findings, &forged), vec![path.to_string()]);
}

#[test]
fn a_customer_changed_by_someone_outside_people_toml_is_caught() {
    let ws = Ws::init();
    extend_warranty(&ws);
    let forged = commit_by_stranger(&ws, "代理商", "agent@reseller.example", "延长保修");
    caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {}",
            short(&forged),
            not_csc(CUSTOMER, "agent@reseller.example")
        )],
    );
}

#[test]
fn the_csc_role_granted_in_the_same_commit_does_not_count() {
    // Roles are those of people.toml before the commit: both changes are reported.
    let ws = Ws::init();
    ws.edit(
        "people.toml",
        "email = \"wang.qiang@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\"]",
        "email = \"wang.qiang@example.com\"\ndepartment = \"市场部客户服务中心\"\nroles = [\"engineer\", \"csc\"]",
    );
    extend_warranty(&ws);
    let forged = ws.git_commit_as("wang.qiang", "兼任客服,延长保修");
    let short = short(&forged);
    let findings = caught(
        &ws,
        &forged,
        &[
            format!(
                "commit {short}: {}",
                not_csc(CUSTOMER, "wang.qiang@example.com")
            ),
            format!(
                "commit {short}: people.toml was changed by wang.qiang@example.com, who is not an admin"
            ),
        ],
    );
    assert_eq!(
        files(&findings, &forged),
        vec![CUSTOMER.to_string(), "people.toml".to_string()]
    );
}

#[test]
fn a_template_changed_by_the_lead_is_caught() {
    // The admin adds the centre's own monthly report; the CSC lead rewrites it.
    let ws = Ws::init();
    let path = "templates/monthly.md";
    ws.write(
        path,
        "# {{ report.month }}\n\n收到 {{ report.cases.received }} 单\n",
    );
    ws.git(&["add", "-A"]);
    let added = ws.git_commit_as("zhao.min", "月报模板");
    ws.edit(path, "收到", "本月收到");
    ws.git(&["add", "-A"]);
    let forged = ws.git_commit_as("li.na", "改月报模板");
    let findings = caught(
        &ws,
        &forged,
        &[format!(
            "commit {}: {path} was changed by li.na@example.com, who is not an admin",
            short(&forged)
        )],
    );
    assert_eq!(files(&findings, &forged), vec![path.to_string()]);
    assert!(about(&findings, &added).is_empty());
}

#[test]
fn customers_changed_by_the_csc_and_the_leads_pass() {
    let ws = Ws::with_staff();
    // The admin (csc), the CSC lead (csc, lead), and zhou.wei, an engineer who is a lead.
    for (person, end) in [
        ("zhao.min", "2028-06-30"),
        ("li.na", "2028-12-31"),
        ("zhou.wei", "2029-02-28"),
    ] {
        let text = ws.read(CUSTOMER);
        let at = text.find("warranty_end = ").expect("a warranty end");
        let line_end = at + text[at..].find('\n').expect("a line");
        ws.write(
            CUSTOMER,
            &format!("{}warranty_end = {end}{}", &text[..at], &text[line_end..]),
        );
        ws.git(&["add", "-A"]);
        ws.git_commit_as(person, "保修期更正");
    }
    passes(&ws);
}
