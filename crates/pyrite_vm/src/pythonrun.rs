//! Running a program's code object as `__main__`, and what happens when an exception
//! escapes it: `SystemExit` gives the exit status, anything else prints CPython's
//! top-level traceback and exits with status 1.
//!
//! CPython counterpart: `Python/pythonrun.c` (`_PyRun_SimpleFileObject`,
//! `run_eval_code_obj`, `_Py_HandleSystemExit`, `PyErr_Display`) and the formatting of
//! `Lib/traceback.py` (`StackSummary.format_frame_summary`, the PEP 657 caret lines,
//! `TracebackException.format_exception_only`, chained exceptions).

use std::io::Write;

use pyrite_bytecode::linetable::Position;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyRef, ThreadState, exceptions, str as pystr};

/// What running a program ended with.
pub enum Outcome {
    /// The process exit status.
    Exit(u8),
}

/// Prints an unraisable error (CPython's default `sys.unraisablehook`):
/// `Exception ignored while calling ... <object>:`, then the traceback.
pub fn print_unraisable(ts: &ThreadState, err: PyErr, context: &str, object: Option<&PyObject>) {
    let exc = err.into_exception(ts);
    let mut text = match object.map(|object| object.repr(ts)) {
        Some(Ok(repr)) => format!("{context} {}:\n", pystr::to_rust_string(&repr)),
        _ => format!("{context}:\n"),
    };
    let mut print_context = PrintContext {
        group_depth: 0,
        need_close: false,
        seen: Vec::new(),
    };
    format_exception(ts, &exc, &mut print_context, &mut text);
    flush_stdout(ts);
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// Writes the traceback of an uncaught exception to stderr, CPython's way.
pub fn print_exception(ts: &ThreadState, exc: &PyObject) {
    let mut text = String::new();
    let mut context = PrintContext {
        group_depth: 0,
        need_close: false,
        seen: Vec::new(),
    };
    format_exception(ts, exc, &mut context, &mut text);
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// `traceback._ExceptionPrintContext`: how deep in exception groups the output is.
struct PrintContext {
    group_depth: usize,
    need_close: bool,
    seen: Vec<*const PyObject>,
}

/// `TracebackException`'s limits on printed groups.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Writes `text` with the group margin in front of every line.
    fn emit(&self, text: &str, margin: char, out: &mut String) {
        let mut prefix = self.indent();
        if self.group_depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

fn is_group(ts: &ThreadState, exc: &PyObject) -> bool {
    pyrite_objects::exception_group::is_group(ts, exc)
        && pyrite_objects::exception_group::parts(exc).is_some()
}

/// `TracebackException.format`: the chain of causes and contexts, oldest first, each
/// exception group drawn as a box around its members.
fn format_exception(
    ts: &ThreadState,
    exc: &PyObject,
    context: &mut PrintContext,
    out: &mut String,
) {
    let mut chain: Vec<(Option<&str>, PyRef)> = Vec::new();
    let mut current = Some(exc.new_ref());
    while let Some(exc) = current.take() {
        context.seen.push(exc.as_ptr());
        let mut next = None;
        let mut next_message = None;
        if let Some(data) = exceptions::data(&exc) {
            let cause = data.cause.borrow().clone();
            let implicit = data.context.borrow().clone();
            if let Some(cause) = cause {
                if !context.seen.contains(&cause.as_ptr()) {
                    next = Some(cause);
                    next_message = Some(
                        "\nThe above exception was the direct cause of the following exception:\n\n",
                    );
                }
            } else if let Some(implicit) = implicit
                && !data.suppress_context.get()
                && !context.seen.contains(&implicit.as_ptr())
            {
                next = Some(implicit);
                next_message = Some(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        chain.push((next_message, exc));
        current = next;
    }
    for (message, exc) in chain.into_iter().rev() {
        if let Some(message) = message {
            context.emit(message, '|', out);
        }
        if !is_group(ts, &exc) {
            let frames = traceback_frames(&exc, traceback_limit(ts));
            if !frames.is_empty() {
                context.emit("Traceback (most recent call last):\n", '|', out);
                context.emit(&frames, '|', out);
            }
            context.emit(&exception_only_with_notes(ts, &exc), '|', out);
            continue;
        }
        if context.group_depth > MAX_GROUP_DEPTH {
            context.emit(
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                '|',
                out,
            );
            continue;
        }
        let toplevel = context.group_depth == 0;
        if toplevel {
            context.group_depth += 1;
        }
        let frames = traceback_frames(&exc, traceback_limit(ts));
        if !frames.is_empty() {
            context.emit(
                "Exception Group Traceback (most recent call last):\n",
                if toplevel { '+' } else { '|' },
                out,
            );
            context.emit(&frames, '|', out);
        }
        context.emit(&exception_only_with_notes(ts, &exc), '|', out);
        let members = pyrite_objects::exception_group::parts(&exc)
            .map(|(_, members)| pyrite_objects::tuple::items(&members).to_vec())
            .unwrap_or_default();
        let shown = if members.len() <= MAX_GROUP_WIDTH {
            members.len()
        } else {
            MAX_GROUP_WIDTH + 1
        };
        context.need_close = false;
        for index in 0..shown {
            let last = index + 1 == shown;
            if last {
                context.need_close = true;
            }
            let truncated = index >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_owned()
            } else {
                (index + 1).to_string()
            };
            out.push_str(&context.indent());
            out.push_str(if index == 0 { "+-" } else { "  " });
            out.push_str(&format!("+---------------- {title} ----------------\n"));
            context.group_depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                context.emit(
                    &format!(
                        "and {remaining} more exception{}\n",
                        if remaining > 1 { "s" } else { "" }
                    ),
                    '|',
                    out,
                );
            } else {
                format_exception(ts, &members[index], context, out);
            }
            if last && context.need_close {
                out.push_str(&context.indent());
                out.push_str("+------------------------------------\n");
                context.need_close = false;
            }
            context.group_depth -= 1;
        }
        if toplevel {
            context.group_depth = 0;
        }
    }
}

/// The frame lines of `exc`'s traceback (without the header), recursion runs cut.
/// `sys.tracebacklimit`: how many entries (the outermost) each traceback shows; a
/// negative limit shows none.
fn traceback_limit(ts: &ThreadState) -> Option<usize> {
    let sys = crate::import::sys_modules_get(ts, "sys").ok().flatten()?;
    let limit = pyrite_objects::attrs::lookup_attr(ts, &sys, &pystr::intern(ts, "tracebacklimit"))
        .ok()
        .flatten()?;
    let limit = pyrite_objects::int::as_i64(&limit)?;
    Some(usize::try_from(limit).unwrap_or(0))
}

fn traceback_frames(exc: &PyObject, limit: Option<usize>) -> String {
    let mut out = String::new();
    let traceback = exceptions::data(exc).and_then(|data| data.traceback.borrow().clone());
    if let Some(traceback) = traceback {
        // Runs of the same frame line (recursion) are cut after three, as
        // `StackSummary.format` does (`_RECURSIVE_CUTOFF`).
        const RECURSIVE_CUTOFF: usize = 3;
        let mut last: Option<(PyRef, Option<i32>)> = None;
        let mut count = 0;
        let repeated = |count: usize, out: &mut String| {
            if count > RECURSIVE_CUTOFF {
                let more = count - RECURSIVE_CUTOFF;
                out.push_str(&format!(
                    "  [Previous line repeated {more} more time{}]\n",
                    if more > 1 { "s" } else { "" }
                ));
            }
        };
        let entries = pyrite_objects::traceback::entries(&traceback);
        for entry in entries.iter().take(limit.unwrap_or(usize::MAX)) {
            let Some(tb) = entry.downcast_ref::<pyrite_objects::traceback::Traceback>() else {
                continue;
            };
            let same = last
                .as_ref()
                .is_some_and(|(code, line)| code.is(&tb.code) && *line == tb.lineno);
            if !same {
                repeated(count, &mut out);
                last = Some((tb.code.clone(), tb.lineno));
                count = 0;
            }
            count += 1;
            if count > RECURSIVE_CUTOFF {
                continue;
            }
            format_frame(tb, &mut out);
        }
        repeated(count, &mut out);
    }
    out
}

/// `format_exception_only`: the `Type: message` line, then the `__notes__`.
fn exception_only_with_notes(ts: &ThreadState, exc: &PyObject) -> String {
    let mut text = exception_only(ts, exc);
    text.push('\n');
    let notes = pyrite_objects::attrs::lookup_attr(ts, exc, &pystr::intern(ts, "__notes__"))
        .ok()
        .flatten();
    if let Some(notes) = notes {
        let is_sequence = notes.payload_is::<pyrite_objects::list::List>()
            || notes.payload_is::<pyrite_objects::tuple::Tuple>();
        if is_sequence {
            let items = pyrite_objects::iterobject::collect(ts, &notes).unwrap_or_default();
            for note in items {
                let note = match note.str(ts) {
                    Ok(text) => pystr::to_rust_string(&text),
                    Err(_) => "<note str() failed>".to_owned(),
                };
                for line in note.split('\n') {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        } else {
            let shown = match notes.repr(ts) {
                Ok(text) => pystr::to_rust_string(&text),
                Err(_) => "<__notes__ repr() failed>".to_owned(),
            };
            text.push_str(&shown);
            text.push('\n');
        }
    }
    text
}

/// The `Type: message` line of an error that is not raised further (`-m`'s report).
pub fn exception_only_line(ts: &ThreadState, mut err: PyErr) -> String {
    let exc = err.normalize(ts);
    exception_only(ts, &exc)
}

/// `TracebackException.format_exception_only`'s last line.
pub fn exception_only(ts: &ThreadState, exc: &PyObject) -> String {
    let ty = exc.ob_type();
    let mut name = ty.name().to_owned();
    if ty.is_heap_type() {
        let get = |key: &str| {
            pyrite_objects::attrs::get_attr_str(ts, ty.as_object(), key)
                .ok()
                .map(|value| pystr::to_rust_string(&value))
        };
        if let Some(qualname) = get("__qualname__") {
            name = qualname;
        }
        if let Some(module) = get("__module__")
            && module != "__main__"
            && module != "builtins"
        {
            name = format!("{module}.{name}");
        }
    }
    let syntax_location = syntax_error_location(ts, exc);
    let message = match &syntax_location {
        // A SyntaxError shows its location above and just its `msg` here.
        Some((_, msg)) => msg.clone(),
        None => match exc.str(ts) {
            Ok(text) => pystr::to_rust_string(&text),
            Err(_) => "<exception str() failed>".to_owned(),
        },
    };
    let location = syntax_location.map(|(lines, _)| lines).unwrap_or_default();
    let suggestion = exceptions::data(exc)
        .and_then(|data| data.suggestion.borrow().clone())
        .or_else(|| attribute_suggestion(ts, exc))
        .unwrap_or_default();
    if message.is_empty() {
        format!("{location}{name}{suggestion}")
    } else {
        format!("{location}{name}: {message}{suggestion}")
    }
}

/// For a `SyntaxError` with a location: the `File` line, the source line and its carets
/// (`TracebackException._format_syntax_error`), and the bare `msg`.
fn syntax_error_location(ts: &ThreadState, exc: &PyObject) -> Option<(String, String)> {
    if !exc.ob_type().is_subtype(ts, &exceptions::SYNTAX_ERROR_TYPE) {
        return None;
    }
    let attribute = |name: &str| {
        pyrite_objects::attrs::get_attr_str(ts, exc, name)
            .ok()
            .filter(|value| !pyrite_objects::singletons::is_none(value))
    };
    let text_of = |name: &str| {
        attribute(name)
            .filter(|value| value.payload_is::<pystr::Str>())
            .map(|value| pystr::to_rust_string(&value))
    };
    let int_of = |name: &str| attribute(name).and_then(|value| pyrite_objects::int::as_i64(&value));
    let msg = text_of("msg")?;
    let filename = text_of("filename");
    let lineno = int_of("lineno").and_then(|v| i32::try_from(v).ok());
    let location = format_syntax_error_location(
        filename.as_deref(),
        lineno,
        int_of("offset").and_then(|v| i32::try_from(v).ok()),
        text_of("text").as_deref(),
        int_of("end_lineno").and_then(|v| i32::try_from(v).ok()),
        int_of("end_offset").and_then(|v| i32::try_from(v).ok()),
    );
    Some((location, msg))
}

/// The location lines of a `SyntaxError` report: `  File "...", line N`, the source
/// line without its indentation, and carets under the offending span.
pub fn format_syntax_error_location(
    filename: Option<&str>,
    lineno: Option<i32>,
    offset: Option<i32>,
    text: Option<&str>,
    end_lineno: Option<i32>,
    end_offset: Option<i32>,
) -> String {
    let mut out = String::new();
    if let Some(lineno) = lineno {
        let filename = filename.unwrap_or("<string>");
        out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
    }
    let Some(text) = text else {
        return out;
    };
    let rtext = text.trim_end_matches('\n');
    let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
    let spaces = rtext.chars().count() - ltext.chars().count();
    out.push_str(&format!("    {ltext}\n"));
    if let Some(offset) = offset {
        let len = rtext.chars().count() as i32;
        let mut offset = offset;
        let mut end_offset = if lineno == end_lineno {
            end_offset.filter(|&e| e != 0).unwrap_or(offset)
        } else {
            len + 1
        };
        let text_len = text.chars().count() as i32;
        if offset > text_len {
            offset = len + 1;
        }
        if end_offset > text_len {
            end_offset = len + 1;
        }
        if offset >= end_offset || end_offset < 0 {
            end_offset = offset + 1;
        }
        let colno = offset - 1 - spaces as i32;
        let end_colno = end_offset - 1 - spaces as i32;
        if colno >= 0 {
            let caretspace: String = ltext
                .chars()
                .take(colno as usize)
                .map(|c| if c.is_whitespace() { c } else { ' ' })
                .collect();
            let carets = "^".repeat((end_colno - colno).max(0) as usize);
            out.push_str(&format!("    {caretspace}{carets}\n"));
        }
    }
    out
}

/// The names `dir(object)` would list (instance dict, the classes' dicts along the MRO,
/// a module's namespace), sorted.
fn dir_names(ts: &ThreadState, object: &PyObject) -> Vec<String> {
    let mut names = Vec::new();
    let mut add = |mapping: PyRef| {
        if let Some(dict) = mapping.downcast_ref::<pyrite_objects::dict::Dict>() {
            for (key, _) in dict.items() {
                names.push(pystr::to_rust_string(&key));
            }
        }
    };
    if let Some(dict) = pyrite_objects::attrs::instance_dict(ts, object, false) {
        add(dict);
    }
    let ty = pyrite_objects::typeobject::as_type(object).unwrap_or(object.ob_type());
    if let Some(mro) = ty.mro(ts) {
        for class in pyrite_objects::tuple::items(&mro) {
            if let Some(class) = pyrite_objects::typeobject::as_type(class) {
                add(class.dict(ts));
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// "Did you mean" for an `AttributeError` (`traceback.py`'s `_compute_suggestion_error`):
/// the closest of `dir(obj)`, hiding underscored names unless the missing one has one.
fn attribute_suggestion(ts: &ThreadState, exc: &PyObject) -> Option<String> {
    let (object, name) = exceptions::data(exc)?.attribute_target.borrow().clone()?;
    let wrong = pystr::to_rust_string(&name);
    let mut candidates = dir_names(ts, &object);
    if !wrong.starts_with('_') {
        candidates.retain(|candidate| !candidate.starts_with('_'));
    }
    crate::suggestions::closest(&candidates, &wrong)
        .map(|suggestion| format!(". Did you mean: '{suggestion}'?"))
}

thread_local! {
    /// The source of code typed at the interactive prompt, by code object (CPython's
    /// `linecache._interactive_cache`, keyed as `linecache._make_key` does: file name,
    /// qualified name, first line).
    static INTERACTIVE_SOURCES: std::cell::RefCell<
        std::collections::HashMap<(String, String, i32), std::rc::Rc<str>>,
    > = std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Remembers `source` as the text of `code` and the code objects nested in it, so that
/// tracebacks through them show their lines (`linecache._register_code`).
pub fn register_interactive_source(code: &pyrite_bytecode::code::CodeObject, source: &str) {
    fn walk(
        code: &pyrite_bytecode::code::CodeObject,
        source: &std::rc::Rc<str>,
        sources: &mut std::collections::HashMap<(String, String, i32), std::rc::Rc<str>>,
    ) {
        sources.insert(interactive_key(code), source.clone());
        for constant in &code.co_consts {
            if let pyrite_bytecode::code::Constant::Code(inner) = constant {
                walk(inner, source, sources);
            }
        }
    }
    let source: std::rc::Rc<str> = source.into();
    INTERACTIVE_SOURCES.with(|sources| walk(code, &source, &mut sources.borrow_mut()));
}

fn interactive_key(code: &pyrite_bytecode::code::CodeObject) -> (String, String, i32) {
    (
        code.co_filename.to_string_lossy().into_owned(),
        code.co_qualname.to_string_lossy().into_owned(),
        code.co_firstlineno,
    )
}

fn interactive_source(code: &pyrite_bytecode::code::CodeObject) -> Option<String> {
    INTERACTIVE_SOURCES.with(|sources| {
        sources
            .borrow()
            .get(&interactive_key(code))
            .map(|text| text.to_string())
    })
}

/// The text of a file, if it can be read (CPython's `linecache`, which also asks zip
/// importers for their members' source).
fn source_text(filename: &str) -> Option<String> {
    let text = std::fs::read(filename)
        .ok()
        .or_else(|| crate::zipimport::read_member_path(std::path::Path::new(filename)))?;
    Some(String::from_utf8_lossy(&text).into_owned())
}

fn format_frame(tb: &pyrite_objects::traceback::Traceback, out: &mut String) {
    let Some(code) = tb.code.downcast_ref::<pyrite_objects::code::Code>() else {
        return;
    };
    let filename = code.code.co_filename.to_string_lossy().into_owned();
    let name = code.code.co_name.to_string_lossy().into_owned();
    let position = match usize::try_from(tb.lasti) {
        Ok(lasti) => code.position_at(lasti / 2),
        Err(_) => Position::default(),
    };
    // `_walk_tb_with_full_positions`: the traceback's line when the position has none.
    let Some(line) = position.line.or(tb.lineno) else {
        out.push_str(&format!("  File \"{filename}\", line None, in {name}\n"));
        return;
    };
    out.push_str(&format!("  File \"{filename}\", line {line}, in {name}\n"));
    let Some(text) = interactive_source(&code.code).or_else(|| source_text(&filename)) else {
        return;
    };
    let lines: Vec<&str> = text.lines().collect();
    let span = crate::frame_summary::Span {
        line,
        end_line: position.end_line.unwrap_or(line),
        column: position.column,
        end_column: position.end_column,
    };
    out.push_str(&crate::frame_summary::format_source(&span, |n| {
        usize::try_from(n - 1)
            .ok()
            .and_then(|index| lines.get(index))
            .map(|line| (*line).to_owned())
            .unwrap_or_default()
    }));
}

/// Runs `code` as the `__main__` module and turns its end into an exit status.
pub fn run_main(
    ts: &ThreadState,
    code: pyrite_objects::Py<pyrite_objects::code::Code>,
    globals: PyRef,
) -> Outcome {
    let result = crate::ceval::run_code(ts, code, globals);
    let outcome = match result {
        Ok(_) => Outcome::Exit(0),
        Err(err) => handle_uncaught(ts, err),
    };
    flush_stdout(ts);
    outcome
}

fn flush_stdout(_ts: &ThreadState) {
    let _ = std::io::stdout().flush();
}

/// `SystemExit` gives the status; anything else prints its traceback (status 1).
pub fn handle_uncaught(ts: &ThreadState, err: PyErr) -> Outcome {
    let exc = err.into_exception(ts);
    flush_stdout(ts);
    if exceptions::kind_of_type(exc.ob_type()) == ExceptionKind::SystemExit {
        let code = exceptions::args_of(&exc);
        let code = match code.as_slice() {
            [] => None,
            [code] => Some(code.clone()),
            _ => exceptions::data(&exc).map(|data| data.args.borrow().clone()),
        };
        return match code {
            None => Outcome::Exit(0),
            Some(code) if pyrite_objects::singletons::is_none(&code) => Outcome::Exit(0),
            Some(code) => match pyrite_objects::int::as_i64(&code) {
                Some(status) => Outcome::Exit((status & 0xff) as u8),
                None => {
                    let text = code
                        .str(ts)
                        .map(|text| pystr::to_rust_string(&text))
                        .unwrap_or_default();
                    let mut stderr = std::io::stderr().lock();
                    let _ = writeln!(stderr, "{text}");
                    Outcome::Exit(1)
                }
            },
        };
    }
    if !call_user_excepthook(ts, &exc) {
        print_exception(ts, &exc);
    }
    Outcome::Exit(1)
}

/// `PyErr_Print` for an exception that does not end the process (the interactive
/// loop, or a program run with `-i`): `sys.last_exc` and the older `sys.last_type`,
/// `last_value`, `last_traceback` are set, then `sys.excepthook` prints it.
pub fn print_error_keeping_going(ts: &ThreadState, exc: &PyObject) {
    flush_stdout(ts);
    if let Ok(sys) = crate::import::import_module(ts, &pystr::intern(ts, "sys")) {
        let traceback = exceptions::data(exc)
            .and_then(|data| data.traceback.borrow().clone())
            .unwrap_or_else(pyrite_objects::singletons::none);
        let values = [
            ("last_exc", exc.new_ref()),
            ("last_type", exc.ob_type().as_object().new_ref()),
            ("last_value", exc.new_ref()),
            ("last_traceback", traceback),
        ];
        for (name, value) in values {
            let _ =
                pyrite_objects::attrs::set_attr(ts, &sys, &pystr::intern(ts, name), Some(&value));
        }
    }
    if !call_user_excepthook(ts, exc) {
        print_exception(ts, exc);
    }
}

/// Calls `sys.excepthook(type, value, traceback)` if a program replaced it (CPython's
/// `_PyErr_PrintEx`); `false` when the built-in printer should run instead.
fn call_user_excepthook(ts: &ThreadState, exc: &PyObject) -> bool {
    let Ok(sys) = crate::import::import_module(ts, &pystr::intern(ts, "sys")) else {
        return false;
    };
    let Ok(hook) = pyrite_objects::attrs::get_attr_str(ts, &sys, "excepthook") else {
        return false;
    };
    if hook
        .downcast_ref::<pyrite_objects::descr::BuiltinFunction>()
        .is_some_and(|function| function.name == "excepthook")
    {
        return false;
    }
    let traceback = exceptions::data(exc)
        .and_then(|data| data.traceback.borrow().clone())
        .unwrap_or_else(pyrite_objects::singletons::none);
    let args = [
        exc.ob_type().as_object().new_ref(),
        exc.new_ref(),
        traceback,
    ];
    match pyrite_objects::abstract_api::call(ts, &hook, &args, None) {
        Ok(_) => {
            flush_stdout(ts);
            true
        }
        Err(err) => {
            let hook_exc = err.into_exception(ts);
            let mut stderr = std::io::stderr().lock();
            let _ = stderr.write_all(b"Error in sys.excepthook:\n");
            drop(stderr);
            print_exception(ts, &hook_exc);
            let _ = std::io::stderr().write_all(b"\nOriginal exception was:\n");
            false
        }
    }
}
