//! The ways to name `__main__` on the command line (`-c`, `-m`, `-`, stdin, `FILE`), with
//! `sys.argv`, `sys.path[0]` and the main module's globals as CPython 3.14 sets them
//! (expected texts taken from CPython's own runs).

use std::io::Write;
use std::process::{Command, Output, Stdio};

const SHOW: &str = "import sys; print(sys.argv, repr(sys.path[0]), sorted(globals()), __name__)";

fn pyrite(args: &[&str], stdin: Option<&str>, dir: &std::path::Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyrite starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    input
        .write_all(stdin.unwrap_or("").as_bytes())
        .expect("stdin is writable");
    drop(input);
    child.wait_with_output().expect("pyrite finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-main-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

const MAIN_GLOBALS: &str =
    "['__builtins__', '__doc__', '__loader__', '__name__', '__package__', '__spec__', 'sys']";

#[test]
fn command_sets_argv_and_empty_path0() {
    let dir = scratch_dir("c");
    let out = pyrite(&["-c", SHOW, "a", "b"], None, &dir);
    assert_eq!(
        text(&out.stdout),
        format!("['-c', 'a', 'b'] '' {MAIN_GLOBALS} __main__\n")
    );
    assert!(out.status.success());
}

#[test]
fn command_errors_name_string_as_file() {
    let dir = scratch_dir("cerr");
    let out = pyrite(&["-c", "1/0"], None, &dir);
    assert_eq!(
        text(&out.stderr),
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n\
         ZeroDivisionError: division by zero\n"
    );
    assert_eq!(out.status.code(), Some(1));
    let out = pyrite(&["-c", "x = ("], None, &dir);
    assert_eq!(
        text(&out.stderr),
        "  File \"<string>\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n"
    );
}

#[test]
fn stdin_program_explicit_and_implicit() {
    let dir = scratch_dir("stdin");
    let out = pyrite(&["-", "x"], Some(SHOW), &dir);
    assert_eq!(
        text(&out.stdout),
        format!("['-', 'x'] '' {MAIN_GLOBALS} __main__\n")
    );
    let out = pyrite(&[], Some(SHOW), &dir);
    assert_eq!(
        text(&out.stdout),
        format!("[''] '' {MAIN_GLOBALS} __main__\n")
    );
    let out = pyrite(&[], Some("print(__file__)"), &dir);
    assert!(text(&out.stderr).contains("File \"<stdin>\", line 1, in <module>"));
}

#[test]
fn module_runs_as_main_with_its_file_in_argv() {
    let dir = scratch_dir("m");
    std::fs::write(
        dir.join("modx.py"),
        "import sys\nprint(sys.argv[1:], __name__, repr(__package__), __file__ == sys.argv[0])\n",
    )
    .expect("write module");
    std::fs::create_dir_all(dir.join("pk")).expect("package dir");
    std::fs::write(dir.join("pk/__init__.py"), "print('init')\n").expect("write init");
    std::fs::write(
        dir.join("pk/__main__.py"),
        "import sys\nprint('main', __name__, __package__, sys.argv[0].endswith('__main__.py'))\n",
    )
    .expect("write main");
    let out = pyrite(&["-m", "modx", "1", "2"], None, &dir);
    assert_eq!(text(&out.stdout), "['1', '2'] __main__ '' True\n");
    let out = pyrite(&["-m", "pk"], None, &dir);
    assert_eq!(text(&out.stdout), "init\nmain __main__ pk True\n");
}

#[test]
fn module_errors_are_one_line_reports() {
    let dir = scratch_dir("merr");
    std::fs::create_dir_all(dir.join("nomain")).expect("package dir");
    std::fs::write(dir.join("nomain/__init__.py"), "").expect("write init");
    let cases = [
        ("nosuchmod", "No module named nosuchmod\n"),
        (
            "nosuch.sub",
            "Error while finding module specification for 'nosuch.sub' \
             (ModuleNotFoundError: No module named 'nosuch')\n",
        ),
        (
            "nomain",
            "No module named nomain.__main__; 'nomain' is a package and cannot be directly \
             executed\n",
        ),
    ];
    for (module, message) in cases {
        let out = pyrite(&["-m", module], None, &dir);
        let stderr = text(&out.stderr);
        assert!(
            stderr.ends_with(&format!(": {message}")),
            "{module}: {stderr}"
        );
        assert_eq!(out.status.code(), Some(1));
    }
}
