//! "Did you mean" suggestions for `NameError`: the closest name in the failing frame's
//! locals, globals and builtins by a weighted Levenshtein distance, and "Did you forget
//! to import" for standard-library module names.
//!
//! CPython counterpart: `Python/suggestions.c` (`_Py_CalculateSuggestions`,
//! `levenshtein_distance`) and `Lib/traceback.py` (`_compute_suggestion_error`,
//! `TracebackException.__init__`'s NameError branch); the module list is
//! `sys.stdlib_module_names` of CPython 3.14.2.

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// `sys.stdlib_module_names` (CPython 3.14.2).
pub static STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__",
    "_abc",
    "_aix_support",
    "_android_support",
    "_apple_support",
    "_ast",
    "_ast_unparse",
    "_asyncio",
    "_bisect",
    "_blake2",
    "_bz2",
    "_codecs",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_collections",
    "_collections_abc",
    "_colorize",
    "_compat_pickle",
    "_contextvars",
    "_csv",
    "_ctypes",
    "_curses",
    "_curses_panel",
    "_datetime",
    "_dbm",
    "_decimal",
    "_elementtree",
    "_frozen_importlib",
    "_frozen_importlib_external",
    "_functools",
    "_gdbm",
    "_hashlib",
    "_heapq",
    "_hmac",
    "_imp",
    "_interpchannels",
    "_interpqueues",
    "_interpreters",
    "_io",
    "_ios_support",
    "_json",
    "_locale",
    "_lsprof",
    "_lzma",
    "_markupbase",
    "_md5",
    "_multibytecodec",
    "_multiprocessing",
    "_opcode",
    "_opcode_metadata",
    "_operator",
    "_osx_support",
    "_overlapped",
    "_pickle",
    "_posixshmem",
    "_posixsubprocess",
    "_py_abc",
    "_py_warnings",
    "_pydatetime",
    "_pydecimal",
    "_pyio",
    "_pylong",
    "_pyrepl",
    "_queue",
    "_random",
    "_remote_debugging",
    "_scproxy",
    "_sha1",
    "_sha2",
    "_sha3",
    "_signal",
    "_sitebuiltins",
    "_socket",
    "_sqlite3",
    "_sre",
    "_ssl",
    "_stat",
    "_statistics",
    "_string",
    "_strptime",
    "_struct",
    "_suggestions",
    "_symtable",
    "_sysconfig",
    "_thread",
    "_threading_local",
    "_tkinter",
    "_tokenize",
    "_tracemalloc",
    "_types",
    "_typing",
    "_uuid",
    "_warnings",
    "_weakref",
    "_weakrefset",
    "_winapi",
    "_wmi",
    "_zoneinfo",
    "_zstd",
    "abc",
    "annotationlib",
    "antigravity",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "cProfile",
    "calendar",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codeop",
    "collections",
    "colorsys",
    "compileall",
    "compression",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "csv",
    "ctypes",
    "curses",
    "dataclasses",
    "datetime",
    "dbm",
    "decimal",
    "difflib",
    "dis",
    "doctest",
    "email",
    "encodings",
    "ensurepip",
    "enum",
    "errno",
    "faulthandler",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "gc",
    "genericpath",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "idlelib",
    "imaplib",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "mailbox",
    "marshal",
    "math",
    "mimetypes",
    "mmap",
    "modulefinder",
    "msvcrt",
    "multiprocessing",
    "netrc",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posix",
    "posixpath",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py_compile",
    "pyclbr",
    "pydoc",
    "pydoc_data",
    "pyexpat",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtplib",
    "socket",
    "socketserver",
    "sqlite3",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "ssl",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "symtable",
    "sys",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "tempfile",
    "termios",
    "textwrap",
    "this",
    "threading",
    "time",
    "timeit",
    "tkinter",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "turtledemo",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uuid",
    "venv",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "winreg",
    "winsound",
    "wsgiref",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
];

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted edit distance, or `max_cost + 1` once it is known to exceed `max_cost`.
fn distance(a: &[char], b: &[char], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &b_char) in b.iter().enumerate() {
        let mut diagonal = b_index * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (index, &a_char) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(b_char, a_char);
            diagonal = row[index];
            let insert_delete = result.min(diagonal) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `wrong`, if close enough (`_compute_suggestion_error`).
pub fn closest<'a>(candidates: &'a [String], wrong: &str) -> Option<&'a str> {
    if candidates.len() > MAX_CANDIDATE_ITEMS {
        return None;
    }
    let wrong_chars: Vec<char> = wrong.chars().collect();
    if wrong_chars.len() > MAX_STRING_SIZE {
        return None;
    }
    let mut best_distance = wrong_chars.len();
    let mut suggestion: Option<&str> = None;
    for candidate in candidates {
        if candidate == wrong {
            continue;
        }
        let chars: Vec<char> = candidate.chars().collect();
        // No more than a third of the characters may change, and a match must beat the
        // best so far.
        let max_distance = ((chars.len() + wrong_chars.len() + 3) * MOVE_COST / 6)
            .min(best_distance.saturating_sub(1));
        let current = distance(&wrong_chars, &chars, max_distance);
        if current > max_distance {
            continue;
        }
        if suggestion.is_none() || current < best_distance {
            suggestion = Some(candidate);
            best_distance = current;
        }
    }
    suggestion
}

/// The text CPython appends to a `NameError`'s line for `wrong` given the frame's names.
pub fn name_error_suffix(candidates: &[String], wrong: &str) -> String {
    let suggestion = closest(candidates, wrong);
    let mut suffix = String::new();
    if let Some(suggestion) = suggestion {
        suffix.push_str(&format!(". Did you mean: '{suggestion}'?"));
    }
    if STDLIB_MODULE_NAMES.contains(&wrong) {
        if suggestion.is_some() {
            suffix.push_str(&format!(" Or did you forget to import '{wrong}'?"));
        } else {
            suffix.push_str(&format!(". Did you forget to import '{wrong}'?"));
        }
    }
    suffix
}

#[cfg(test)]
mod tests {
    use super::*;

    // From the oracle: `prnt` suggests `print`; `vlaue` with `valeu` in scope suggests
    // nothing; `math` is a standard-library module.
    #[test]
    fn suggestions_like_cpython() {
        let names: Vec<String> = ["valeu", "print", "len"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(closest(&names, "prnt"), Some("print"));
        assert_eq!(closest(&names, "vlaue"), None);
        assert_eq!(
            name_error_suffix(&names, "math"),
            ". Did you forget to import 'math'?"
        );
    }
}
