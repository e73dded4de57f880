//! `nasss batch` streams: it writes scored rows while the input is still arriving, reports bad
//! rows by line among many good ones without stopping, and keeps line numbers right when it
//! looks ahead to tell JSON Lines from CSV.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

const HEADER: &str = "id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\n";
const LEVELS: [&str; 5] = ["simple", "complicated", "complex", "unknown", ""];

/// A CSV row for row number `n`, cycling through levels (blank included).
fn row(n: usize) -> String {
    let cells: Vec<&str> = (0..7).map(|d| LEVELS[(n / 5usize.pow(d)) % 5]).collect();
    format!("row-{n},{}\n", cells.join(","))
}

fn nasss(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_nasss"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nasss runs")
}

#[test]
fn scored_rows_come_out_before_the_input_ends() {
    let mut child = nasss(&["batch", "--input", "csv", "-"]);
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (first_row, got_first_row) = mpsc::channel();
    let reader = thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let header = lines.next().expect("a header").expect("text");
        let first = lines.next().expect("a row").expect("text");
        first_row.send(first).expect("the test waits");
        1 + lines.count() + usize::from(!header.is_empty())
    });
    // Enough rows to fill any output buffer; the input stays open until a row has come out.
    stdin.write_all(HEADER.as_bytes()).unwrap();
    for n in 0..20_000 {
        stdin.write_all(row(n).as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    let first = got_first_row
        .recv_timeout(Duration::from_secs(120))
        .expect("a scored row while the input is still open");
    assert!(first.starts_with("row-0,very_likely,"), "{first}");
    stdin.write_all(row(20_000).as_bytes()).unwrap();
    drop(stdin);
    let lines = reader.join().expect("reader thread");
    assert!(child.wait().expect("nasss ends").success());
    assert_eq!(lines, 1 + 20_001);
}

#[test]
fn bad_rows_among_many_are_reported_by_line_and_the_rest_written_in_order() {
    let mut input = String::from(HEADER);
    let mut bad_lines = Vec::new();
    let mut good_ids = Vec::new();
    for n in 0..30_000 {
        let line = n + 2;
        match n % 997 {
            0 => {
                input.push_str(&format!("bad-{n},simple,chaotic,simple,,,,\n"));
                bad_lines.push(line);
            }
            500 => {
                input.push_str(&format!("short-{n},simple\n"));
                bad_lines.push(line);
            }
            _ => {
                input.push_str(&row(n));
                good_ids.push(format!("row-{n}"));
            }
        }
    }
    let mut child = nasss(&["batch", "--input", "csv", "-"]);
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut stderr = String::new();
    let mut stderr_pipe = child.stderr.take().expect("stderr");
    let errors = thread::spawn(move || stderr_pipe.read_to_string(&mut stderr).map(|_| stderr));
    let output = child.wait_with_output().expect("nasss ends");
    writer.join().unwrap().unwrap();
    let stderr = errors.join().unwrap().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let reported: Vec<usize> = stderr
        .lines()
        .map(|line| {
            let rest = line.strip_prefix("<stdin>: line ").expect(line);
            rest[..rest.find(':').expect(line)].parse().expect(line)
        })
        .collect();
    assert_eq!(reported, bad_lines);
    let stdout = String::from_utf8(output.stdout).unwrap();
    let ids: Vec<&str> = stdout
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, good_ids);
}

#[test]
fn looking_ahead_for_json_lines_keeps_line_numbers() {
    let mut child = nasss(&["batch", "-"]);
    let mut stdin = child.stdin.take().expect("stdin");
    let input = "\n  \n{\"schema\": \"nasss-assessment/1\", \"title\": \"ok\"}\nnot json\n";
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    let output = child.wait_with_output().expect("nasss ends");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(
        stdout.lines().nth(1).unwrap().starts_with("ok,"),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("<stdin>: line 4, column "), "{stderr}");
}

#[test]
fn a_row_that_is_not_utf8_is_reported_and_the_rest_scored() {
    let mut child = nasss(&["batch", "--input", "csv", "-"]);
    let mut stdin = child.stdin.take().expect("stdin");
    let mut input = HEADER.as_bytes().to_vec();
    input.extend_from_slice(b"bad,simple,\xff\xfe,simple,simple,simple,simple,simple\n");
    input.extend_from_slice(row(0).as_bytes());
    stdin.write_all(&input).unwrap();
    drop(stdin);
    let output = child.wait_with_output().expect("nasss ends");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    // The bytes are read as Windows-1252 (said once), where they are `ÿþ`: not a level.
    assert_eq!(
        stderr,
        "<stdin>: line 2: The file is not UTF-8, so it was read as Windows-1252 (as Excel saves CSV on Windows): check that accented letters and quotation marks look right.\n\
         <stdin>: line 2: column `technology`: `ÿþ` is not a level (use simple, complicated, complex or unknown; blank means unknown)\n"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2);
}

#[test]
fn cells_and_ids_are_trimmed_as_before() {
    let mut child = nasss(&["batch", "--input", "csv", "-"]);
    let mut stdin = child.stdin.take().expect("stdin");
    let input = [
        " id , condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\n",
        "\u{a0}spaced\u{a0} , Simple ,simple,simple,simple,simple,simple,simple\n",
        "bad, chaotic ,simple,simple,simple,simple,simple,simple\n",
        "\"a, \"\"quoted\"\" id\",complex,complex,,,,,\n",
    ]
    .concat();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    let output = child.wait_with_output().expect("nasss ends");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        rows[1],
        "spaced,very_likely,very_likely,very_likely,0,0,7,0,,"
    );
    assert!(
        rows[2].starts_with("\"a, \"\"quoted\"\" id\",uncertain,"),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("<stdin>: line 3: column `condition`: `chaotic` is not a level"),
        "{stderr}"
    );
}
