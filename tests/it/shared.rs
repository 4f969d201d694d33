//! The shared files are validated as strictly as the forms, each problem a finding in the
//! file that has it (not a cascade of findings elsewhere): people's ids, e-mails and roles,
//! the catalog's codes, customers' serials and warranty dates, the settings' locale, shared
//! files written in the wrong syntax, a `cases` that is not a folder — and values the
//! decoder must read for what they are (money with spaces, a leap second, an integer too
//! large for its field).

use crate::common::{CASE, Fixture, seen};

/// An expected error in any file of the workspace.
fn error(rule: &str, file: &str, line: u32, column: u32, message: &str) -> String {
    format!("error[{rule}] {file}:{line}:{column}: {message}")
}

/// A person appended to people.toml (lines 43 on in the fixture).
fn add_person(f: &Fixture, id: &str, email: &str, roles: &str) {
    let people = f.read("people.toml");
    f.write(
        "people.toml",
        &format!(
            "{people}\n[[person]]\nid = \"{id}\"\nname = \"新人\"\nemail = \"{email}\"\ndepartment = \"客户服务中心\"\nroles = {roles}\n"
        ),
    );
}

/// The line of people.toml where the appended person's key is written.
fn appended(f: &Fixture, key: &str) -> u32 {
    let people = f.read("people.toml");
    let start = people.rfind("[[person]]").expect("the appended person");
    let before = people[..start].lines().count() as u32;
    let offset = people[start..]
        .lines()
        .position(|l| l.starts_with(&format!("{key} = ")))
        .expect("the key") as u32;
    before + offset + 1
}

#[test]
fn a_person_id_of_unsafe_characters_is_a_finding() {
    let f = Fixture::new();
    add_person(&f, "Ma Lin!", "ma.lin@example.com", "[\"engineer\"]");
    let line = appended(&f, "id");
    assert_eq!(
        seen(&f),
        [error(
            "id",
            "people.toml",
            line,
            6,
            "person id `Ma Lin!` is not of the characters an id is made of"
        )]
    );
}

#[test]
fn a_person_listed_twice_is_a_finding() {
    let f = Fixture::new();
    add_person(&f, "li.na", "li.na2@example.com", "[\"engineer\"]");
    let line = appended(&f, "id");
    assert_eq!(
        seen(&f),
        [error(
            "id",
            "people.toml",
            line,
            6,
            "person `li.na` is listed twice"
        )]
    );
}

#[test]
fn an_e_mail_that_is_no_address_is_a_finding() {
    let f = Fixture::new();
    add_person(&f, "ma.lin", "ma.lin(at)example.com", "[\"engineer\"]");
    let line = appended(&f, "email");
    assert_eq!(
        seen(&f),
        [error(
            "schema",
            "people.toml",
            line,
            9,
            "`ma.lin`'s e-mail \"ma.lin(at)example.com\" is not an e-mail address"
        )]
    );
}

#[test]
fn an_e_mail_used_twice_ignoring_case_is_a_finding() {
    // git finds the person by e-mail whatever its case: two entries would be one person.
    let f = Fixture::new();
    add_person(&f, "ma.lin", "Li.Na@Example.COM", "[\"engineer\"]");
    let line = appended(&f, "email");
    assert_eq!(
        seen(&f),
        [error(
            "id",
            "people.toml",
            line,
            9,
            "e-mail Li.Na@Example.COM is also `li.na`'s: svc could not tell who is acting"
        )]
    );
}

#[test]
fn a_person_without_roles_or_with_an_unknown_one_is_a_finding() {
    let f = Fixture::new();
    add_person(&f, "ma.lin", "ma.lin@example.com", "[]");
    let start = appended(&f, "id") - 1;
    assert_eq!(
        seen(&f),
        [error(
            "schema",
            "people.toml",
            start,
            1,
            "`ma.lin` has no roles"
        )]
    );
    let people = f.read("people.toml");
    f.write(
        "people.toml",
        &people.replace("roles = []", "roles = [\"boss\"]"),
    );
    let line = appended(&f, "roles");
    assert_eq!(
        seen(&f),
        [error(
            "schema",
            "people.toml",
            line,
            10,
            "unknown role \"boss\""
        )]
    );
}

#[test]
fn a_catalog_code_empty_or_used_twice_is_a_finding() {
    let f = Fixture::new();
    let parts = f.read("catalog/parts.toml");
    let lines = parts.lines().count() as u32;
    f.write(
        "catalog/parts.toml",
        &format!("{parts}\n[[part]]\ncode = \"\"\nname = \"无编码\"\nunit = \"个\"\nprice = \"1.00\"\n\n[[part]]\ncode = \"P-PSU-48V\"\nname = \"重复\"\nunit = \"个\"\nprice = \"2.00\"\n"),
    );
    assert_eq!(
        seen(&f),
        [
            error(
                "id",
                "catalog/parts.toml",
                lines + 3,
                8,
                "a catalog code is empty"
            ),
            error(
                "id",
                "catalog/parts.toml",
                lines + 9,
                8,
                "catalog code `P-PSU-48V` is used twice"
            ),
        ]
    );
}

#[test]
fn a_serial_under_two_customers_is_a_finding() {
    let f = Fixture::new();
    f.write(
        "customers/zz-other.toml",
        "id = \"zz-other\"\nname = \"另一客户\"\n\n[[sites]]\nid = \"sz\"\nname = \"机房\"\ncity = \"深圳\"\n\n[[products]]\nserial = \"NT3600-2021-00017\"\nmodel = \"NT-3600 OLT\"\nsite = \"sz\"\nwarranty_end = 2030-01-01\n",
    );
    assert_eq!(
        seen(&f),
        [error(
            "id",
            "customers/zz-other.toml",
            10,
            10,
            "serial NT3600-2021-00017 is also a product of customer `gd-telecom`"
        )]
    );
}

#[test]
fn a_warranty_ending_before_the_installation_is_a_finding() {
    let f = Fixture::new();
    f.edit(
        "customers/gd-telecom.toml",
        "installed_on = 2021-05-10",
        "installed_on = 2024-06-01",
    );
    let line = f
        .read("customers/gd-telecom.toml")
        .lines()
        .position(|l| l == "warranty_end = 2024-05-09")
        .expect("the warranty end") as u32
        + 1;
    assert_eq!(
        seen(&f),
        [error(
            "dates",
            "customers/gd-telecom.toml",
            line,
            16,
            "product NT3600-2021-00017's warranty ends (2024-05-09) before it was installed (2024-06-01)"
        )]
    );
}

#[test]
fn an_unknown_locale_is_a_finding() {
    let f = Fixture::new();
    f.edit("svc.toml", "locale = \"zh-CN\"", "locale = \"fr-FR\"");
    assert_eq!(
        seen(&f),
        [error(
            "schema",
            "svc.toml",
            3,
            10,
            "locale \"fr-FR\" is not one svc writes"
        )]
    );
}

#[test]
fn a_shared_file_in_yaml_beside_or_instead_of_its_toml_is_a_finding() {
    let f = Fixture::new();
    f.write("people.yaml", "person: []\n");
    f.write("catalog/parts.yml", "part: []\n");
    assert_eq!(
        seen(&f),
        [
            error(
                "layout",
                "catalog/parts.yml",
                0,
                0,
                "catalog/parts.yml is not read: svc reads catalog/parts.toml, which is beside it"
            ),
            error(
                "layout",
                "people.yaml",
                0,
                0,
                "people.yaml is not read: svc reads people.toml, which is beside it"
            ),
        ]
    );
    // Instead of it: the TOML file is missing, and the YAML one is why.
    let f = Fixture::shared_only();
    let people = f.read("people.toml");
    f.remove("people.toml");
    f.write("people.yaml", &people);
    assert_eq!(
        seen(&f),
        [
            error("layout", "people.toml", 0, 0, "people.toml is missing"),
            error(
                "layout",
                "people.yaml",
                0,
                0,
                "people.yaml is not read: svc reads people.toml (shared files are TOML)"
            ),
        ]
    );
    // A customer in YAML is not read either: its warranty ends would decide nothing.
    let f = Fixture::shared_only();
    f.write("customers/zz.yaml", "id: zz\n");
    assert_eq!(
        seen(&f),
        [error(
            "layout",
            "customers/zz.yaml",
            0,
            0,
            "customers/zz.yaml is not read: a customer's file is TOML"
        )]
    );
}

#[test]
fn cases_that_is_not_a_folder_is_a_finding() {
    let f = Fixture::shared_only();
    f.write("cases", "not a folder\n");
    assert_eq!(
        seen(&f),
        [error(
            "layout",
            "cases",
            0,
            0,
            "cases is a file, not the folder that holds the cases"
        )]
    );
}

#[test]
fn money_with_spaces_is_a_finding() {
    let f = Fixture::new();
    f.edit(
        &format!("{CASE}/fees.toml"),
        "unit_price = \"300.00\"",
        "unit_price = \" 300.00\"",
    );
    assert_eq!(
        seen(&f),
        [error(
            "schema",
            &format!("{CASE}/fees.toml"),
            10,
            14,
            "\" 300.00\" has spaces in it; write the amount alone, e.g. \"180.00\""
        )]
    );
}

#[test]
fn a_leap_second_is_a_finding() {
    let f = Fixture::new();
    f.edit(
        &format!("{CASE}/visits/01-gz-tianhe.toml"),
        "left_at = 2026-10-14T18:00:00+08:00",
        "left_at = 2026-10-14T23:59:60+08:00",
    );
    let found = seen(&f);
    assert_eq!(
        found,
        [error(
            "schema",
            &format!("{CASE}/visits/01-gz-tianhe.toml"),
            3,
            11,
            "2026-10-14T23:59:60+08:00 is a leap second (:60), which is no time svc records"
        )]
    );
}

#[test]
fn an_integer_too_large_is_reported_as_what_it_is() {
    let f = Fixture::new();
    f.edit(
        &format!("{CASE}/visits/01-gz-tianhe.toml"),
        "code = \"P-PSU-48V\"\nqty = 1",
        "code = \"P-PSU-48V\"\nqty = 99999999999999999999",
    );
    assert_eq!(
        seen(&f),
        [error(
            "schema",
            &format!("{CASE}/visits/01-gz-tianhe.toml"),
            14,
            7,
            "quantity 99999999999999999999 is too large"
        )]
    );
    // Where a yes or no is asked, the number is named for what it is.
    let f = Fixture::new();
    f.edit(
        &format!("{CASE}/visits/01-gz-tianhe.toml"),
        "resolved = true",
        "resolved = 123456789012345678901234567890",
    );
    assert_eq!(
        seen(&f),
        [error(
            "schema",
            &format!("{CASE}/visits/01-gz-tianhe.toml"),
            10,
            12,
            "expected true or false, found a whole number too large to read (more than 64 bits)"
        )]
    );
}
