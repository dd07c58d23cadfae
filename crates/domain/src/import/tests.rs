use super::*;
use uuid::Uuid;

fn csv(text: &str) -> Result<Vec<Row>, Vec<RowError>> {
    parse(text.as_bytes(), Format::Csv)
}

fn known(code: &str) -> bool {
    matches!(code, "15-1252.00" | "11-1021.00")
}

const GOOD: &str =
    "employee_id,name,email,job_title,role_code,team,manager_employee_id,role_start_date,location
E1,Ada Obi,ada@example.com,CEO,11-1021.00,Leadership,,2020-01-01,London
E2,Bo Li,bo@example.com,Developer,15-1252.00,Engineering / Platform,E1,2021-03-04,Leeds
";

#[test]
fn parses_a_good_file() {
    let rows = csv(GOOD).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].line, 3);
    assert_eq!(rows[1].team.as_deref(), Some("Engineering / Platform"));
    assert_eq!(rows[1].manager_employee_id.as_deref(), Some("E1"));
    assert!(validate(&rows, &[], known).is_empty());
}

#[test]
fn header_is_case_insensitive_and_only_three_columns_are_required() {
    let rows = csv("Employee_ID, NAME ,Email\nE1,Ana,ana@x.org\n").unwrap();
    assert_eq!(rows[0].name, "Ana");
    assert_eq!(rows[0].role_code, None);
}

#[test]
fn unknown_and_missing_columns_are_reported() {
    let errs = csv("employee_id,name,salary\nE1,Ana,100\n").unwrap_err();
    assert!(
        errs.iter()
            .any(|e| e.field == "salary" && e.message.contains("unknown column"))
    );
    assert!(
        errs.iter()
            .any(|e| e.field == "email" && e.message.contains("missing"))
    );
}

#[test]
fn byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{GOOD}");
    assert_eq!(csv(&text).unwrap().len(), 2);
}

#[test]
fn utf16_is_refused_with_advice() {
    let errs = parse(&[0xFF, 0xFE, b'e', 0], Format::Csv).unwrap_err();
    assert!(errs[0].message.contains("UTF-8"));
}

#[test]
fn quoted_fields_with_commas_and_newlines_keep_line_numbers() {
    let text = "employee_id,name,email,job_title\nE1,\"Obi, Ada\",ada@x.org,\"Head of\nthings\"\nE2,Zoë Ñúñez,bad-email,Dev\n";
    let errs = csv(text).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].line, 4, "the second record starts on line 4");
    assert_eq!(errs[0].field, "email");
    let ok = csv("employee_id,name,email,job_title\nE1,\"Obi, Ada\",ada@x.org,\"Head of\nthings\"\nE2,Zoë Ñúñez,z@x.org,Dev\n")
        .unwrap();
    assert_eq!(ok[0].name, "Obi, Ada");
    assert_eq!(ok[1].name, "Zoë Ñúñez");
}

#[test]
fn every_bad_row_is_reported() {
    let text = "employee_id,name,email,role_start_date\nE1,,a@x.org,2020-01-01\nE2,Bo,b@x.org,01/02/2020\nE3,Cy,c@x.org,\n";
    let errs = csv(text).unwrap_err();
    assert_eq!(errs.len(), 2);
    assert_eq!((errs[0].line, errs[0].field.as_str()), (2, "name"));
    assert_eq!(
        (errs[1].line, errs[1].field.as_str()),
        (3, "role_start_date")
    );
}

#[test]
fn wrong_field_count_is_reported() {
    let errs = csv("employee_id,name,email\nE1,Ana\n").unwrap_err();
    assert_eq!(errs[0].field, "row");
}

#[test]
fn duplicates_unknown_manager_cycle_and_role_are_found() {
    let text = "employee_id,name,email,role_code,manager_employee_id
E1,A,a@x.org,15-1252.00,E3
E2,B,b@x.org,99-9999.99,E1
E3,C,c@x.org,,E2
E1,D,d@x.org,,
E5,E,a@x.org,,E9
";
    let rows = csv(text).unwrap();
    let errs = validate(&rows, &[], known);
    let has = |line: usize, field: &str, needle: &str| {
        errs.iter()
            .any(|e| e.line == line && e.field == field && e.message.contains(needle))
    };
    assert!(has(5, "employee_id", "more than once"), "{errs:#?}");
    assert!(has(6, "email", "more than once"));
    assert!(has(3, "role_code", "not in the role catalogue"));
    assert!(has(6, "manager_employee_id", "E9"));
    assert!(has(2, "manager_employee_id", "cycle"));
    assert!(has(3, "manager_employee_id", "cycle"));
    assert!(has(4, "manager_employee_id", "cycle"));
}

#[test]
fn self_management_is_refused() {
    let rows = csv("employee_id,name,email,manager_employee_id\nE1,A,a@x.org,E1\n").unwrap();
    let errs = validate(&rows, &[], known);
    assert!(errs.iter().any(|e| e.message.contains("themselves")));
}

fn existing(emp: &str, email: &str, manager: Option<&str>) -> Existing {
    Existing {
        id: Uuid::now_v7(),
        employee_id: emp.into(),
        name: "Old".into(),
        email: email.into(),
        job_title: String::new(),
        role_code: None,
        team: None,
        manager_employee_id: manager.map(Into::into),
        role_start_date: None,
        location: String::new(),
        active: true,
    }
}

#[test]
fn cycle_through_existing_people_is_found() {
    let ex = vec![existing("M1", "m1@x.org", Some("N1"))];
    let rows = csv("employee_id,name,email,manager_employee_id\nN1,N,n@x.org,M1\n").unwrap();
    let errs = validate(&rows, &ex, known);
    assert!(
        errs.iter()
            .any(|e| e.line == 2 && e.message.contains("cycle")),
        "{errs:?}"
    );
}

#[test]
fn email_owned_by_someone_else_conflicts() {
    let ex = vec![existing("X1", "taken@x.org", None)];
    let rows = csv("employee_id,name,email\nN1,N,taken@x.org\n").unwrap();
    let errs = validate(&rows, &ex, known);
    assert!(
        errs.iter()
            .any(|e| e.field == "email" && e.message.contains("X1"))
    );
}

#[test]
fn json_is_parsed_and_unknown_keys_reported() {
    let ok = parse(
        br#"[{"employee_id":"E1","name":"A","email":"a@x.org","role_start_date":"2020-02-02"}]"#,
        Format::Json,
    )
    .unwrap();
    assert_eq!(ok[0].role_start_date.map(|d| d.year()), Some(2020));
    let errs = parse(
        br#"[{"employee_id":"E1","name":"A","email":"a@x.org","age":3},{"name":"B"}]"#,
        Format::Json,
    )
    .unwrap_err();
    assert!(errs.iter().any(|e| e.record == Some(1) && e.field == "age"));
    assert!(
        errs.iter()
            .any(|e| (e.line, e.record) == (1, Some(2)) && e.field == "employee_id")
    );
    assert!(parse(b"{\"a\":1}", Format::Json).is_err());
    assert!(parse(b"[1,", Format::Json).is_err());
}

#[test]
fn plan_is_idempotent_and_detects_role_changes() {
    let rows = csv(GOOD).unwrap();
    let first = plan(&rows, &[], false);
    assert_eq!(first.creates.len(), 2);
    assert_eq!(first.creates[0].employee_id, "E1", "manager first");
    let stored: Vec<Existing> = rows
        .iter()
        .map(|r| Existing {
            id: Uuid::now_v7(),
            employee_id: r.employee_id.clone(),
            name: r.name.clone(),
            email: r.email.clone(),
            job_title: r.job_title.clone(),
            role_code: r.role_code.clone(),
            team: r.team.clone(),
            manager_employee_id: r.manager_employee_id.clone(),
            role_start_date: r.role_start_date,
            location: r.location.clone(),
            active: true,
        })
        .collect();
    let again = plan(&rows, &stored, false);
    assert_eq!(
        (again.creates.len(), again.updates.len(), again.unchanged),
        (0, 0, 2)
    );
    let mut changed = rows.clone();
    changed[1].role_code = Some("11-1021.00".into());
    changed[1].location = "York".into();
    let p = plan(&changed, &stored, false);
    assert_eq!(p.updates.len(), 1);
    assert!(p.updates[0].role_changed);
    assert_eq!(p.updates[0].changed, vec!["role_code", "location"]);
}

#[test]
fn missing_people_are_deactivated_only_when_asked() {
    let ex = vec![existing("OLD", "old@x.org", None)];
    let rows = csv("employee_id,name,email\nN1,N,n@x.org\n").unwrap();
    assert!(plan(&rows, &ex, false).deactivate.is_empty());
    assert_eq!(plan(&rows, &ex, true).deactivate, vec![ex[0].id]);
}

#[test]
fn empty_and_header_only_files_are_refused() {
    assert!(csv("").is_err());
    assert!(csv("employee_id,name,email\n").is_err());
    assert!(parse(b"[]", Format::Json).is_err());
}

#[test]
fn team_paths_are_normalised() {
    assert_eq!(
        normalise_team(" Eng/ Platform >Core "),
        Some("Eng / Platform / Core".into())
    );
    assert_eq!(normalise_team(" / "), None);
}
