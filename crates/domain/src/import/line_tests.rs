//! Physical line numbers for every file shape, and the bounds on what a report holds.

use super::*;
use rstest::rstest;

const HEADER: &str = "employee_id,name,email";

/// Join `lines` with `eol`; a `⏎` inside a line is a line break within a quoted field.
fn file(lines: &[&str], eol: &str, bom: bool) -> Vec<u8> {
    let mut text = if bom {
        "\u{feff}".to_string()
    } else {
        String::new()
    };
    text.push_str(&lines.join(eol).replace('⏎', eol));
    text.push_str(eol);
    text.into_bytes()
}

fn check_csv(bytes: &[u8]) -> Report {
    check(bytes, Format::Csv, &[], |_| true).expect_err("the file has a problem")
}

#[rstest]
#[case::plain(&[HEADER, "E1,Ann,a@x.org", "E2,Bo,bad"], 3)]
#[case::blank_lines(&[HEADER, "", "E1,Ann,a@x.org", "", "", "E2,Bo,bad"], 6)]
#[case::blank_before_header(&["", HEADER, "E2,Bo,bad"], 3)]
#[case::spaces_only_line(&[HEADER, "   ", "E2,Bo,bad"], 3)]
#[case::quoted_line_break(&[HEADER, "E1,\"Ann⏎Obi\",a@x.org", "E2,Bo,bad"], 4)]
#[case::two_quoted_line_breaks(&[HEADER, "E1,\"A⏎n⏎n\",a@x.org", "", "E2,Bo,bad"], 6)]
#[case::quoted_header(&["\"employee_id\",\"na⏎me\",email", "E2,Bo,bad"], 0)]
#[case::escaped_quotes(&[HEADER, "E1,\"Ann \"\"the\"\"⏎Obi\",a@x.org", "E2,Bo,bad"], 4)]
fn a_bad_row_is_reported_on_its_physical_line(
    #[case] lines: &[&str],
    #[case] expected: usize,
    #[values("\n", "\r\n", "\r")] eol: &str,
    #[values(false, true)] bom: bool,
) {
    let report = check_csv(&file(lines, eol, bom));
    if expected == 0 {
        // A line break inside a header name makes an unknown column on line 1.
        assert_eq!(report.problems[0].line, 1, "{report:?}");
        assert!(report.problems[0].field.starts_with("na"), "{report:?}");
        return;
    }
    assert_eq!(report.total, 1, "{eol:?} bom={bom}: {report:?}");
    let e = &report.problems[0];
    assert_eq!(
        (e.line, e.field.as_str()),
        (expected, "email"),
        "{eol:?} bom={bom}"
    );
}

#[rstest]
fn a_file_without_a_final_line_break_counts_the_same(#[values("\n", "\r\n", "\r")] eol: &str) {
    let text = [HEADER, "", "E1,Ann,a@x.org", "E2,Bo,bad"].join(eol);
    let report = check_csv(text.as_bytes());
    assert_eq!(report.problems[0].line, 4);
}

#[rstest]
fn a_duplicate_names_both_physical_lines(
    #[values("\n", "\r\n", "\r")] eol: &str,
    #[values(false, true)] bom: bool,
) {
    let bytes = file(&[HEADER, "E1,Ann,a@x.org", "", "E1,Bo,b@x.org"], eol, bom);
    let report = check_csv(&bytes);
    assert_eq!(report.total, 1, "{report:?}");
    let e = &report.problems[0];
    assert_eq!((e.line, e.field.as_str()), (4, "employee_id"));
    assert!(
        e.message.ends_with("(also on line 2)"),
        "{eol:?}: {}",
        e.message
    );
}

#[rstest]
#[case::mid_file(&[HEADER, "E1,Ann,a@x.org", "E2,\"Bo,b@x.org", "E3,Cy,c@x.org"], 3, 3)]
#[case::after_a_closed_multiline_field(&[HEADER, "E1,\"A⏎nn\",a@x.org", "E2,Bo,\"b@x.org"], 4, 4)]
#[case::opening_on_a_later_line(&[HEADER, "E1,\"A⏎nn\",\"a@x.org"], 2, 3)]
fn an_unclosed_quote_is_reported_where_it_opens(
    #[case] lines: &[&str],
    #[case] record_line: usize,
    #[case] quote_line: usize,
    #[values("\n", "\r\n", "\r")] eol: &str,
) {
    let report = check_csv(&file(lines, eol, false));
    let e = report
        .problems
        .iter()
        .find(|e| e.field == "row")
        .unwrap_or_else(|| panic!("{report:?}"));
    assert_eq!(e.line, record_line);
    assert!(
        e.message
            .starts_with(&format!("unclosed quote starting on line {quote_line}")),
        "{}",
        e.message
    );
    assert!(!e.message.contains("fields"), "{}", e.message);
}

#[test]
fn an_unclosed_quote_in_the_header_is_a_header_problem() {
    let report = check_csv(b"employee_id,\"name,email\nE1,A,a@x.org\n");
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].field, "header");
    assert!(
        report.problems[0]
            .message
            .contains("unclosed quote starting on line 1")
    );
}

#[rstest]
#[case::lf("\n")]
#[case::crlf("\r\n")]
#[case::cr("\r")]
fn json_records_are_reported_on_their_line_with_their_index(#[case] eol: &str) {
    let text = [
        "[",
        r#"  {"employee_id": "E1", "name": "Ann", "email": "a@x.org"},"#,
        "",
        r#"  {"employee_id": "E2", "name": "Bo","#,
        r#"   "email": "bad"},"#,
        r#"  {"employee_id": "E1", "name": "Cy", "email": "c@x.org"}"#,
        "]",
    ]
    .join(eol);
    let report = check(text.as_bytes(), Format::Json, &[], |_| true).unwrap_err();
    assert_eq!(report.total, 2, "{report:?}");
    let email = &report.problems[0];
    assert_eq!(
        (email.line, email.record, email.field.as_str()),
        (4, Some(2), "email")
    );
    assert_eq!(email.place(), "line 4 (record 2)");
    let dup = &report.problems[1];
    assert_eq!((dup.line, dup.record), (6, Some(3)));
    assert!(
        dup.message.ends_with("(also on line 2, record 1)"),
        "{}",
        dup.message
    );
}

#[test]
fn minified_json_gives_each_record_its_index() {
    let text = r#"[{"employee_id":"E1","name":"A","email":"a@x.org"},{"employee_id":"E2","name":"B","email":"x"}]"#;
    let report = check(text.as_bytes(), Format::Json, &[], |_| true).unwrap_err();
    assert_eq!(report.problems[0].place(), "line 1 (record 2)");
}

#[test]
fn too_many_columns_is_one_problem_naming_the_limit() {
    let header = vec!["x"; 200_000].join(",");
    let text = format!("{header}\n{}\n", vec!["1"; 200_000].join(","));
    let report = check_csv(text.as_bytes());
    assert_eq!(report.total, 1, "one problem, not one per column");
    let e = &report.problems[0];
    assert_eq!((e.line, e.field.as_str()), (1, "header"));
    assert_eq!(
        e.message,
        format!("has 200,000 columns; at most {MAX_COLUMNS} are allowed")
    );
}

#[test]
fn a_row_with_too_many_fields_is_one_problem() {
    let text = format!("{HEADER}\nE1,A,a@x.org{}\n", ",".repeat(200_000));
    let report = check_csv(text.as_bytes());
    assert_eq!(report.total, 1);
    assert_eq!(
        report.problems[0].message,
        "has 200,003 fields but the header has 3"
    );
}

#[test]
fn an_overlong_cell_is_reported_not_echoed() {
    let long = "n".repeat(50_000);
    for cell in [long.clone(), format!("\"{long}\"")] {
        let text = format!("{HEADER}\nE1,{cell},a@x.org\n");
        let report = check_csv(text.as_bytes());
        let e = &report.problems[0];
        assert_eq!((e.line, e.field.as_str()), (2, "name"));
        assert_eq!(e.message, format!("is longer than {MAX_CELL_BYTES} bytes"));
    }
    let text = format!("{HEADER}\nE1,Ann,{}@x.org\n", "a".repeat(900));
    let report = check_csv(text.as_bytes());
    assert!(report.problems[0].message.len() < 120, "value echo is cut");
}

#[test]
fn a_long_report_lists_the_first_problems_and_counts_the_rest() {
    let mut text = format!("{HEADER},role_start_date\n");
    for i in 0..3_000 {
        text.push_str(&format!("E{i},N{i},bad{i},\n"));
    }
    for i in 3_000..4_000 {
        text.push_str(&format!("E{i},,p{i}@x.org,2020-13-01\n"));
    }
    let report = check_csv(text.as_bytes());
    assert_eq!(report.total, 5_000);
    assert_eq!(report.problems.len(), REPORT_LIMIT);
    assert_eq!(report.problems[0].line, 2);
    assert_eq!(report.problems[99].line, 101, "the first hundred, by line");
    assert_eq!(report.unlisted(), 4_900);
    let counts: Vec<(&str, usize)> = report
        .more
        .iter()
        .map(|m| (m.field.as_str(), m.count))
        .collect();
    assert_eq!(
        counts,
        vec![
            ("email", 2_900),
            ("name", 1_000),
            ("role_start_date", 1_000)
        ]
    );
    let sentence = report.more_sentence().unwrap();
    assert!(
        sentence.starts_with("and 4,900 more: 2,900 × email: "),
        "{sentence}"
    );
    assert!(
        !sentence.contains("bad3"),
        "kinds carry no values: {sentence}"
    );
}

#[rstest]
#[case(0, "0")]
#[case(999, "999")]
#[case(4_812, "4,812")]
#[case(1_000_000, "1,000,000")]
fn counts_have_thousands_separators(#[case] n: usize, #[case] shown: &str) {
    assert_eq!(thousands(n), shown);
}
