//! `compile()`, `exec()` and `eval()`: source text (or a code object) run in a new frame
//! with the given globals and locals, defaulting to the caller's globals and its
//! `locals()` (a snapshot in a function, as in 3.13+).
//!
//! CPython counterpart: `Python/bltinmodule.c` (`builtin_compile_impl`,
//! `builtin_exec_impl`, `builtin_eval_impl`) and `Python/pythonrun.c`
//! (`Py_CompileStringObject`).

use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{
    Py, PyErr, PyObject, PyRef, PyResult, ThreadState, exceptions, int, singletons, str as pystr,
    tuple,
};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

/// The mode `compile()` parses in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exec,
    Eval,
    Single,
    /// `func_type`: only with `PyCF_ONLY_AST`.
    FuncType,
}

/// Binds positional and keyword arguments to `params` (CPython's Argument Clinic).
fn bind<'a>(
    function: &str,
    params: &[&str],
    required: usize,
    args: Args<'a>,
    kwnames: KwNames<'_>,
) -> PyResult<Vec<Option<&'a PyRef>>> {
    let names = kwnames.map_or(&[][..], tuple::items);
    let positional = &args[..args.len() - names.len()];
    if positional.len() > params.len() {
        return Err(PyErr::type_error(format!(
            "{function}() takes at most {} arguments ({} given)",
            params.len(),
            args.len()
        )));
    }
    let mut bound: Vec<Option<&PyRef>> = vec![None; params.len()];
    for (slot, value) in bound.iter_mut().zip(positional) {
        *slot = Some(value);
    }
    for (name, value) in names.iter().zip(&args[positional.len()..]) {
        let name = pystr::to_rust_string(name);
        let Some(index) = params.iter().position(|param| *param == name) else {
            return Err(PyErr::type_error(format!(
                "{function}() got an unexpected keyword argument '{name}'"
            )));
        };
        if bound[index].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {function}() given by name ('{name}') and position ({})",
                index + 1
            )));
        }
        bound[index] = Some(value);
    }
    for (index, param) in params.iter().enumerate().take(required) {
        if bound[index].is_none() {
            return Err(PyErr::type_error(format!(
                "{function}() missing required argument '{param}' (pos {})",
                index + 1
            )));
        }
    }
    Ok(bound)
}

fn present(value: Option<&PyRef>) -> Option<&PyRef> {
    value.filter(|value| !singletons::is_none(value))
}

/// The source text of a `str`, `bytes`-like or other argument.
fn source_text(ts: &ThreadState, source: &PyObject, function: &str) -> PyResult<Vec<u8>> {
    if let Some(text) = pystr::as_str_payload(source) {
        return Ok(text.to_string_lossy().into_bytes());
    }
    if source.ob_type().name() == "bytes" || source.ob_type().name() == "bytearray" {
        let items = pyrite_objects::iterobject::collect(ts, source)?;
        return Ok(items
            .iter()
            .map(|item| int::as_i64(item).unwrap_or(0) as u8)
            .collect());
    }
    let what = if function == "compile" { "AST" } else { "code" };
    Err(PyErr::type_error(format!(
        "{function}() arg 1 must be a string, bytes or {what} object"
    )))
}

/// A `SyntaxError` instance for a compile-time error, with CPython's argument shape
/// `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
pub fn syntax_error(ts: &ThreadState, err: &pyrite_ast::SyntaxError, filename: &str) -> PyErr {
    let optional = |value: Option<i32>| match value {
        Some(value) => int::new(ts, i64::from(value)),
        None => singletons::none(),
    };
    let details = tuple::new(
        ts,
        vec![
            pystr::new(ts, filename).into_ref(),
            optional(err.lineno),
            optional(err.offset),
            err.text
                .as_ref()
                .map_or_else(singletons::none, |text| pystr::new(ts, text).into_ref()),
            optional(err.end_lineno),
            optional(err.end_offset),
        ],
    )
    .into_ref();
    let msg = pystr::new(ts, &err.msg).into_ref();
    let class = match err.kind {
        pyrite_ast::SyntaxErrorKind::SyntaxError => &exceptions::SYNTAX_ERROR_TYPE,
        pyrite_ast::SyntaxErrorKind::IndentationError => &exceptions::INDENTATION_ERROR_TYPE,
        pyrite_ast::SyntaxErrorKind::TabError => &exceptions::TAB_ERROR_TYPE,
    };
    let args = [msg, details];
    match pyrite_objects::abstract_api::call(ts, class.as_object(), &args, None) {
        Ok(exc) => PyErr::from_exception(exc),
        Err(err) => err,
    }
}

/// Parses and compiles `source` into a code object (`Py_CompileStringObject`).
/// Compiles one statement typed at the interactive prompt ('single' mode: expression
/// statements show their value through `sys.displayhook`).
pub fn compile_single(
    ts: &ThreadState,
    source: &[u8],
    filename: &str,
    optimize: i32,
) -> PyResult<Py<pyrite_objects::code::Code>> {
    compile_source(ts, source, filename, Mode::Single, optimize)
}

fn compile_source(
    ts: &ThreadState,
    source: &[u8],
    filename: &str,
    mode: Mode,
    optimize: i32,
) -> PyResult<Py<pyrite_objects::code::Code>> {
    let module = parse_source(ts, source, filename, mode)?;
    compile_tree(ts, &module, filename, optimize)
}

/// Parses `source` into a tree, issuing the parser's warnings.
fn parse_source(
    ts: &ThreadState,
    source: &[u8],
    filename: &str,
    mode: Mode,
) -> PyResult<pyrite_ast::Mod> {
    use pyrite_parser::ParseError;
    if source.contains(&0) {
        return Err(PyErr::new(
            ExceptionKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    let start = match mode {
        Mode::Exec => pyrite_parser::parser::StartRule::File,
        Mode::Eval => pyrite_parser::parser::StartRule::Eval,
        Mode::Single => pyrite_parser::parser::StartRule::Single,
        Mode::FuncType => pyrite_parser::parser::StartRule::FuncType,
    };
    let parsed = match pyrite_parser::parse_with_warnings(source, filename, start) {
        Ok(parsed) => {
            issue_syntax_warnings(
                ts,
                parsed.warnings.iter().map(|w| (w.lineno, w.msg.as_str())),
                filename,
            )?;
            Ok(parsed.module)
        }
        Err((err, warnings)) => {
            issue_syntax_warnings(
                ts,
                warnings.iter().map(|w| (w.lineno, w.msg.as_str())),
                filename,
            )?;
            Err(err)
        }
    };
    match parsed {
        Ok(module) => Ok(module),
        Err(ParseError::Syntax(err)) => Err(syntax_error(ts, &err, filename)),
        Err(ParseError::Value(msg)) => Err(PyErr::new(ExceptionKind::ValueError, msg)),
        Err(ParseError::Memory(msg)) => Err(PyErr::new(ExceptionKind::MemoryError, msg)),
    }
}

/// Compiles a tree into a code object, issuing the compiler's warnings.
fn compile_tree(
    ts: &ThreadState,
    module: &pyrite_ast::Mod,
    filename: &str,
    optimize: i32,
) -> PyResult<Py<pyrite_objects::code::Code>> {
    use pyrite_compiler::codegen::CompileError;
    let compiled = match pyrite_compiler::compile::compile_file(module, filename, optimize) {
        Ok(compiled) => compiled,
        Err(CompileError::Syntax(err)) => return Err(syntax_error(ts, &err, filename)),
        Err(CompileError::Recursion) => {
            return Err(PyErr::new(
                ExceptionKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
            ));
        }
        Err(CompileError::Assemble(msg)) => {
            return Err(PyErr::new(ExceptionKind::SystemError, msg));
        }
    };
    issue_syntax_warnings(
        ts,
        compiled
            .warnings
            .iter()
            .map(|(lineno, msg)| (*lineno, msg.as_str())),
        filename,
    )?;
    pyrite_objects::code::new(ts, compiled.code)
}

/// Issues the parser's and compiler's `SyntaxWarning`s through `warnings`; one that a
/// filter turns into an error fails the compile with a `SyntaxError` at its line, as
/// CPython's compiler does (without the warning's note that the escape will fail).
fn issue_syntax_warnings<'a>(
    ts: &ThreadState,
    warnings: impl Iterator<Item = (i32, &'a str)>,
    filename: &str,
) -> PyResult<()> {
    for (lineno, msg) in warnings {
        let issued = pyrite_objects::warnings::warn_explicit(
            ts,
            ExceptionKind::SyntaxWarning,
            msg,
            filename,
            lineno,
        );
        if let Err(err) = issued {
            if !err.matches(ExceptionKind::SyntaxWarning) {
                return Err(err);
            }
            let error = pyrite_ast::SyntaxError {
                kind: pyrite_ast::SyntaxErrorKind::SyntaxError,
                msg: msg.replace(" Such sequences will not work in the future.", ""),
                lineno: Some(lineno),
                offset: None,
                end_lineno: None,
                end_offset: None,
                text: None,
                location_in_args: false,
            };
            return Err(syntax_error(ts, &error, filename));
        }
    }
    Ok(())
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn builtin_compile(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let bound = bind(
        "compile",
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
        args,
        kwnames,
    )?;
    let (Some(source), Some(filename), Some(mode)) = (bound[0], bound[1], bound[2]) else {
        return Err(PyErr::type_error("compile() missing required argument"));
    };
    let mode = match pystr::as_str_payload(mode).map(|mode| mode.to_string_lossy()) {
        Some(mode) if mode == "exec" => Mode::Exec,
        Some(mode) if mode == "eval" => Mode::Eval,
        Some(mode) if mode == "single" => Mode::Single,
        Some(mode) if mode == "func_type" => Mode::FuncType,
        Some(_) => {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
        None => {
            return Err(PyErr::type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                mode.ob_type().name()
            )));
        }
    };
    let flags = match bound[3] {
        Some(flags) => int::as_i64(flags).unwrap_or(0),
        None => 0,
    };
    let only_ast = flags & crate::ast::PYCF_ONLY_AST != 0;
    if mode == Mode::FuncType && !only_ast {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "compile() mode 'func_type' requires flag PyCF_ONLY_AST",
        ));
    }
    let optimize = match bound[5] {
        Some(optimize) => int::as_i64(optimize).unwrap_or(-1),
        None => -1,
    };
    let filename = match pystr::as_str_payload(filename) {
        Some(filename) => filename.to_string_lossy(),
        None => {
            return Err(PyErr::type_error(format!(
                "compile() argument 'filename' must be str, not {}",
                filename.ob_type().name()
            )));
        }
    };
    if source.payload_is::<pyrite_objects::code::Code>() {
        return Err(PyErr::type_error(
            "compile() arg 1 must be a string, bytes or AST object",
        ));
    }
    let optimized_ast = flags & crate::ast::PYCF_OPTIMIZED_AST == crate::ast::PYCF_OPTIMIZED_AST;
    let debug_value = optimized_ast.then_some(optimize <= 0);
    if crate::ast::is_ast(ts, source) {
        let root = match mode {
            Mode::Exec => crate::ast_convert::RootKind::Module,
            Mode::Eval => crate::ast_convert::RootKind::Expression,
            Mode::Single => crate::ast_convert::RootKind::Interactive,
            Mode::FuncType => crate::ast_convert::RootKind::FunctionType,
        };
        let module = crate::ast_convert::object_to_mod(ts, source, root)?;
        crate::ast_validate::validate_mod(&module)
            .map_err(|msg| PyErr::new(ExceptionKind::ValueError, msg))?;
        if only_ast {
            return crate::ast_convert::mod_to_object(ts, &module, debug_value);
        }
        let code = compile_tree(ts, &module, &filename, optimize.max(0) as i32)?;
        return Ok(code.into_ref());
    }
    let text = source_text(ts, source, "compile")?;
    if only_ast {
        let module = parse_source(ts, &text, &filename, mode)?;
        return crate::ast_convert::mod_to_object(ts, &module, debug_value);
    }
    let code = compile_source(ts, &text, &filename, mode, optimize.max(0) as i32)?;
    Ok(code.into_ref())
}

/// The globals and locals `exec`/`eval` run with: the caller's when not given.
fn namespaces(
    ts: &ThreadState,
    function: &str,
    globals: Option<&PyRef>,
    locals: Option<&PyRef>,
) -> PyResult<(PyRef, PyRef)> {
    let caller = pyrite_vm::frame::current(ts);
    let (globals, locals) = match (globals, locals) {
        (None, locals) => {
            let Some(caller) = caller else {
                return Err(PyErr::new(
                    ExceptionKind::SystemError,
                    "globals and locals cannot be NULL",
                ));
            };
            let locals = match locals {
                Some(locals) => locals.clone(),
                None => pyrite_vm::framelocalsproxy::locals_of(ts, caller)?,
            };
            (caller.globals.clone(), locals)
        }
        (Some(globals), locals) => (
            globals.clone(),
            locals.cloned().unwrap_or_else(|| globals.clone()),
        ),
    };
    if !globals.payload_is::<Dict>() {
        return Err(PyErr::type_error(if function == "exec" {
            format!(
                "exec() globals must be a dict, not {}",
                globals.ob_type().name()
            )
        } else {
            "globals must be a real dict; try eval(expr, {}, mapping)".to_owned()
        }));
    }
    if locals.ob_type().mapping.subscript.get().is_none() {
        return Err(PyErr::type_error(if function == "exec" {
            format!(
                "locals must be a mapping or None, not {}",
                locals.ob_type().name()
            )
        } else {
            "locals must be a mapping".to_owned()
        }));
    }
    if let Some(dict) = globals.downcast_ref::<Dict>() {
        let key = pystr::intern(ts, "__builtins__");
        if dict.get_item(ts, &key)?.is_none() {
            let builtins = match caller {
                Some(caller) => caller.builtins.clone(),
                None => pyrite_objects::dict::new(ts).into_ref(),
            };
            dict.set_item(ts, key, builtins)?;
        }
    }
    Ok((globals, locals))
}

/// The cells `exec(code, closure=...)` puts in the code's free variables.
fn closure_cells(source: &PyObject, closure: Option<&PyRef>) -> PyResult<Option<Vec<PyRef>>> {
    let Some(code) = source.downcast_ref::<pyrite_objects::code::Code>() else {
        if closure.is_some() {
            return Err(PyErr::type_error(
                "closure can only be used when source is a code object",
            ));
        }
        return Ok(None);
    };
    let free = code.code.freevars().len();
    if free == 0 {
        if closure.is_some() {
            return Err(PyErr::type_error(
                "cannot use a closure with this code object",
            ));
        }
        return Ok(None);
    }
    let cells = closure
        .filter(|closure| closure.payload_is::<tuple::Tuple>())
        .map(|closure| tuple::items(closure).to_vec())
        .filter(|cells| cells.len() == free);
    match cells {
        Some(cells) => Ok(Some(cells)),
        None => Err(PyErr::type_error(format!(
            "code object requires a closure of exactly length {free}"
        ))),
    }
}

fn run(
    ts: &ThreadState,
    function: &str,
    mode: Mode,
    source: &PyObject,
    globals: Option<&PyRef>,
    locals: Option<&PyRef>,
    closure: Option<&PyRef>,
) -> PyResult {
    let (globals, locals) = namespaces(ts, function, globals, locals)?;
    let cells = closure_cells(source, closure)?;
    let code = match source.downcast_ref::<pyrite_objects::code::Code>() {
        Some(code) => code.new_ref(),
        None => {
            let mut text = source_text(ts, source, function)?;
            if mode == Mode::Eval {
                let skip = text
                    .iter()
                    .take_while(|&&byte| byte == b' ' || byte == b'\t')
                    .count();
                text.drain(..skip);
            }
            compile_source(ts, &text, "<string>", mode, 0)?
        }
    };
    pyrite_vm::ceval::run_code_with_locals(ts, code, globals, locals, cells.as_deref())
}

/// `exec(source, globals=None, locals=None, *, closure=None)`.
pub fn builtin_exec(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let bound = bind(
        "exec",
        &["source", "globals", "locals", "closure"],
        1,
        args,
        kwnames,
    )?;
    let source = bound[0].ok_or_else(|| PyErr::type_error("exec() missing argument"))?;
    run(
        ts,
        "exec",
        Mode::Exec,
        source,
        present(bound[1]),
        present(bound[2]),
        present(bound[3]),
    )?;
    Ok(singletons::none())
}

/// `eval(source, globals=None, locals=None)`.
pub fn builtin_eval(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let bound = bind("eval", &["source", "globals", "locals"], 1, args, kwnames)?;
    let source = bound[0].ok_or_else(|| PyErr::type_error("eval() missing argument"))?;
    run(
        ts,
        "eval",
        Mode::Eval,
        source,
        present(bound[1]),
        present(bound[2]),
        None,
    )
}
