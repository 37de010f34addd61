//! Running a program: a source file compiled by Pyrite's compiler, or a `.pyc` file's
//! module code object, as `__main__`.
//!
//! CPython counterpart: `Modules/main.c` (`pymain_run_file`), `Python/pythonrun.c`
//! (`_PyRun_SimpleFileObject`, `maybe_pyc_file`, `run_pyc_file`): a file whose name ends
//! in `.pyc` is unmarshalled after its 16-byte header and run directly; any other file is
//! compiled with its absolute path as `co_filename`.

use std::path::Path;
use std::process::ExitCode;

use pyrite_objects::{PyErr, ThreadState, with_gil};
use pyrite_vm::pythonrun::{self, Outcome};

/// The interpreter runs on a thread with a large stack: Python calls recurse natively
/// (up to the recursion limit) and deep recursion must end in `RecursionError`, not a
/// native stack overflow.
const INTERPRETER_STACK_SIZE: usize = 512 << 20;

/// Whether `path` names a compiled file (CPython's `maybe_pyc_file`: the extension or
/// the magic number).
pub fn is_pyc_file(path: &str) -> bool {
    if path.ends_with(".pyc") {
        return true;
    }
    let mut magic = [0u8; 2];
    std::fs::File::open(path)
        .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut magic))
        .is_ok_and(|()| magic == pyrite_bytecode::pyc::MAGIC_NUMBER[..2])
}

/// Runs a `.pyc` file as `__main__` with `sys.argv = [path, *args]`.
pub fn run_pyc_file(path: &str, args: &[String]) -> ExitCode {
    let mut argv = vec![path.to_owned()];
    argv.extend_from_slice(args);
    let path = path.to_owned();
    run_on_interpreter_thread(argv, move |ts, argv| run_pyc_in(ts, &path, argv))
}

/// What `__main__` is made of (CPython's `pymain_run_python` choices).
pub enum MainProgram {
    /// `FILE`: compiled with its absolute path as `co_filename`.
    File(String),
    /// `-c CMD`: compiled as `<string>`.
    Command(String),
    /// `-` or a redirected stdin: the whole of stdin, compiled as `<stdin>`.
    Stdin { explicit: bool },
    /// `-m MODULE`: the module's file, found on `sys.path`, run as `__main__`.
    Module(String),
    /// No program (or `-`) with stdin interactive (a terminal, or `-i`): the
    /// interactive loop reads stdin (`repl.rs`).
    Interactive { explicit: bool },
}

/// How the start-up and the end of a run go (the `PyConfig` fields that matter
/// after the command line is parsed).
#[derive(Clone, Copy)]
pub struct RunOptions {
    pub optimize: u8,
    /// Import `site` at start-up (no `-S`).
    pub site_import: bool,
    /// `-i` or `PYTHONINSPECT`: enter the interactive loop after the program, and a
    /// `SystemExit` from the program does not exit.
    pub inspect: bool,
    /// `isatty(stdin)` or `-i` (CPython's `stdin_is_interactive`).
    pub stdin_interactive: bool,
    /// `-q`: no version banner.
    pub quiet: bool,
    /// No `-E`/`-I`: environment variables count (`PYTHONINSPECT`, `PYTHONSTARTUP`).
    pub use_environment: bool,
}

/// Whether `site` is imported at start-up (set once from the command line).
static SITE_IMPORT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Compiles the program and runs it as `__main__` with `sys.argv` as CPython sets it.
pub fn run_program(program: MainProgram, args: &[String], options: RunOptions) -> ExitCode {
    SITE_IMPORT.store(options.site_import, std::sync::atomic::Ordering::Relaxed);
    let argv0 = match &program {
        MainProgram::File(path) => path.clone(),
        MainProgram::Command(_) => "-c".to_owned(),
        MainProgram::Stdin { explicit: true } | MainProgram::Interactive { explicit: true } => {
            "-".to_owned()
        }
        MainProgram::Stdin { explicit: false } | MainProgram::Interactive { explicit: false } => {
            String::new()
        }
        MainProgram::Module(_) => "-m".to_owned(),
    };
    let mut argv = vec![argv0];
    argv.extend_from_slice(args);
    run_on_interpreter_thread(argv, move |ts, argv| {
        run_program_in(ts, program, argv, options)
    })
}

/// Records whether `site` is imported at start-up, for runs that do not go through
/// [`run_program`] (`.pyc` files).
pub fn set_site_import(site_import: bool) {
    SITE_IMPORT.store(site_import, std::sync::atomic::Ordering::Relaxed);
}

fn run_on_interpreter_thread(
    argv: Vec<String>,
    body: impl FnOnce(&ThreadState, &[String]) -> u8 + Send + 'static,
) -> ExitCode {
    let worker = std::thread::Builder::new()
        .name("main".to_owned())
        .stack_size(INTERPRETER_STACK_SIZE)
        .spawn(move || with_gil(|ts| body(ts, &argv)));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(status)) => ExitCode::from(status),
        _ => ExitCode::from(1),
    }
}

/// The source text, `co_filename`, `__file__` and `sys.path[0]` of a program.
struct MainSource {
    source: Vec<u8>,
    filename: String,
    file: Option<String>,
    path0: String,
    package: Option<String>,
}

fn read_main_source(program: &MainProgram) -> Result<MainSource, u8> {
    let current_dir = || {
        std::env::current_dir()
            .map(|dir| dir.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    match program {
        MainProgram::File(path) => {
            let source = std::fs::read(path).map_err(|err| {
                eprintln!("pyrite: can't open file '{path}': {err}");
                2
            })?;
            // like python3: `__file__` and `co_filename` are the absolute path
            let filename = std::path::absolute(path)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| path.to_owned());
            let path0 = Path::new(&filename)
                .parent()
                .map(|dir| dir.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(MainSource {
                source,
                file: Some(filename.clone()),
                filename,
                path0,
                package: None,
            })
        }
        MainProgram::Command(command) => Ok(MainSource {
            source: command.clone().into_bytes(),
            filename: "<string>".to_owned(),
            file: None,
            path0: String::new(),
            package: None,
        }),
        MainProgram::Stdin { .. } => {
            let mut source = Vec::new();
            if let Err(err) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut source) {
                eprintln!("pyrite: can't read <stdin>: {err}");
                return Err(2);
            }
            Ok(MainSource {
                source,
                filename: "<stdin>".to_owned(),
                file: None,
                path0: String::new(),
                package: None,
            })
        }
        MainProgram::Module(_) => Ok(MainSource {
            source: Vec::new(),
            filename: String::new(),
            file: None,
            path0: current_dir(),
            package: None,
        }),
        MainProgram::Interactive { .. } => Ok(MainSource {
            source: Vec::new(),
            filename: "<stdin>".to_owned(),
            file: None,
            path0: String::new(),
            package: None,
        }),
    }
}

/// `-m`: finds the module (importing its parent packages) the way `runpy` does and
/// reads its source; errors print CPython's one-line reports.
fn find_main_module(ts: &ThreadState, name: &str, main: &mut MainSource) -> Result<(), u8> {
    let executable = std::env::current_exe()
        .map(|path| path.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "pyrite".to_owned());
    match pyrite_vm::import::find_main_module(ts, name) {
        Ok(found) => {
            main.source = found.source;
            main.filename = found.filename.clone();
            main.file = Some(found.filename);
            main.package = Some(found.package);
            Ok(())
        }
        Err(pyrite_vm::import::MainModuleError::NotFound(what)) => {
            eprintln!("{executable}: No module named {what}");
            Err(1)
        }
        Err(pyrite_vm::import::MainModuleError::Package(package)) => {
            eprintln!(
                "{executable}: No module named {package}.__main__; '{package}' is a package and \
                 cannot be directly executed"
            );
            Err(1)
        }
        Err(pyrite_vm::import::MainModuleError::Raised(err)) => {
            let text = pyrite_vm::pythonrun::exception_only_line(ts, err);
            eprintln!(
                "{executable}: Error while finding module specification for '{name}' ({text})"
            );
            Err(1)
        }
    }
}

fn run_program_in(
    ts: &ThreadState,
    program: MainProgram,
    argv: &[String],
    options: RunOptions,
) -> u8 {
    let optimize = options.optimize;
    let mut main = match read_main_source(&program) {
        Ok(main) => main,
        Err(status) => return status,
    };
    // The runtime comes first so that the compiler's warnings go through `warnings`.
    let runtime = pyrite_modules::init(ts, argv);
    apply_warnoptions(ts, &runtime);
    if let MainProgram::Interactive { .. } = program {
        setup_imports(ts, &runtime, &main.path0, optimize);
        let status = run_interactive_stdin(ts, &runtime, options);
        finalize(ts, runtime);
        return status;
    }
    let early_code = if let MainProgram::Module(_) = program {
        None
    } else {
        match compile_source(&main.source, &main.filename, optimize) {
            Ok(code) => Some(Ok(code)),
            // with -i the loop starts after the error is printed
            Err(status) if options.inspect => Some(Err(status)),
            Err(status) => return status,
        }
    };
    setup_imports(ts, &runtime, &main.path0, optimize);
    let code = match early_code {
        Some(Ok(code)) => code,
        Some(Err(status)) => {
            let globals = main_globals(ts, &runtime, main.file.as_deref(), None);
            let status = match globals {
                Ok(globals) if options.stdin_interactive => start_loop(ts, &globals, options),
                _ => status,
            };
            finalize(ts, runtime);
            return status;
        }
        None => {
            let MainProgram::Module(name) = &program else {
                return 1;
            };
            if let Err(status) = find_main_module(ts, name, &mut main) {
                return status;
            }
            set_argv0(ts, &runtime, &main.filename);
            match compile_source(&main.source, &main.filename, optimize) {
                Ok(code) => code,
                Err(status) => return status,
            }
        }
    };
    let code = match pyrite_objects::code::new(ts, code) {
        Ok(code) => code,
        Err(err) => return exit_status(pythonrun::handle_uncaught(ts, err)),
    };
    let globals = match main_globals(ts, &runtime, main.file.as_deref(), main.package.as_deref()) {
        Ok(globals) => globals,
        Err(err) => return exit_status(pythonrun::handle_uncaught(ts, err)),
    };
    let status = if options.inspect {
        run_then_inspect(ts, code, globals, options)
    } else {
        let status = exit_status(pythonrun::run_main(ts, code, globals.clone()));
        // A program may ask for the loop by setting `PYTHONINSPECT` itself
        // (`pymain_repl` reads it after the program).
        let inspect_now = options.use_environment
            && std::env::var_os("PYTHONINSPECT").is_some_and(|value| !value.is_empty());
        if inspect_now && options.stdin_interactive {
            start_loop(ts, &globals, options)
        } else {
            status
        }
    };
    finalize(ts, runtime);
    status
}

/// `-i` with a program: the program runs (an uncaught exception, `SystemExit`
/// included, is printed and does not exit), then the interactive loop (CPython's
/// `pymain_repl`).
fn run_then_inspect(
    ts: &ThreadState,
    code: pyrite_objects::Py<pyrite_objects::code::Code>,
    globals: pyrite_objects::PyRef,
    options: RunOptions,
) -> u8 {
    let status = match pyrite_vm::ceval::run_code(ts, code, globals.clone()) {
        Ok(_) => 0,
        Err(err) => {
            let exc = err.into_exception(ts);
            pythonrun::print_error_keeping_going(ts, &exc);
            1
        }
    };
    let _ = std::io::Write::flush(&mut std::io::stdout());
    if !options.stdin_interactive {
        return status;
    }
    start_loop(ts, &globals, options)
}

/// `sys.__interactivehook__`, then the loop; the exit status it ends with.
fn start_loop(ts: &ThreadState, globals: &pyrite_objects::PyRef, options: RunOptions) -> u8 {
    if let Some(crate::repl::Exit(status)) = crate::repl::run_interactive_hook(ts) {
        return status;
    }
    crate::repl::interactive_loop(ts, globals, options.optimize).0
}

/// No program and an interactive stdin (CPython's `pymain_run_stdin` then the loop):
/// the banner, `PYTHONSTARTUP`, `sys.__interactivehook__`, then the loop.
fn run_interactive_stdin(
    ts: &ThreadState,
    runtime: &pyrite_modules::Runtime,
    options: RunOptions,
) -> u8 {
    let globals = match main_globals(ts, runtime, None, None) {
        Ok(globals) => globals,
        Err(err) => return exit_status(pythonrun::handle_uncaught(ts, err)),
    };
    if !options.quiet {
        crate::repl::print_banner(ts, options.site_import);
    }
    if options.use_environment
        && let Some(crate::repl::Exit(status)) = crate::repl::run_startup_file(ts, &globals)
    {
        return status;
    }
    start_loop(ts, &globals, options)
}

/// CPython's `Py_FinalizeEx`: the `atexit` functions run first, then the interpreter
/// counts as finalizing (`sys.is_finalizing()`) while the main module's globals (and
/// what they hold) are released, before the thread state goes away.
fn finalize(ts: &ThreadState, runtime: pyrite_modules::Runtime) {
    pyrite_modules::atexit::run_exitfuncs(ts);
    pyrite_vm::set_finalizing();
    drop(runtime);
}

/// `-m` replaces `sys.argv[0]` with the module's file once it is found.
fn set_argv0(ts: &ThreadState, runtime: &pyrite_modules::Runtime, filename: &str) {
    let key = pyrite_objects::str::intern(ts, "argv");
    if let Ok(argv) = pyrite_objects::attrs::get_attr(ts, &runtime.sys, &key)
        && let Some(list) = argv.downcast_ref::<pyrite_objects::list::List>()
    {
        let mut items = list.to_vec();
        if let Some(first) = items.first_mut() {
            *first = pyrite_objects::str::new(ts, filename).into_ref();
        }
        let fresh = pyrite_objects::list::new(ts, items).into_ref();
        let _ = pyrite_objects::attrs::set_attr(ts, &runtime.sys, &key, Some(&fresh));
    }
}

/// The warning options of the command line (`PYTHONWARNINGS`, then `-W`), in order.
static WARNOPTIONS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Records the warning options the runtime starts with.
pub fn set_warnoptions(options: Vec<String>) {
    let _ = WARNOPTIONS.set(options);
}

fn apply_warnoptions(ts: &ThreadState, runtime: &pyrite_modules::Runtime) {
    let options = WARNOPTIONS.get().map(Vec::as_slice).unwrap_or(&[]);
    pyrite_modules::warnings::apply_warnoptions(ts, &runtime.sys, options);
}

/// Issues the parser's and compiler's `SyntaxWarning`s through the warnings machinery
/// (printed directly where there is none, as in the dump modes). A warning that a filter
/// makes an error fails the compile with a `SyntaxError` at its line, as in CPython.
fn issue_syntax_warnings(
    warnings: &[pyrite_parser::SyntaxWarning],
    filename: &str,
    source: &[u8],
) -> Result<(), CompileFailure> {
    if !pyrite_objects::warnings::is_ready() {
        crate::dump::print_warnings(warnings, filename, source);
        return Ok(());
    }
    with_gil(|ts| {
        for warning in warnings {
            let issued = pyrite_objects::warnings::warn_explicit(
                ts,
                pyrite_objects::err::ExceptionKind::SyntaxWarning,
                &warning.msg,
                filename,
                warning.lineno,
            );
            if let Err(err) = issued {
                if !err.matches(pyrite_objects::err::ExceptionKind::SyntaxWarning) {
                    ts.write_unraisable(err, "Exception ignored while compiling");
                    continue;
                }
                let text = String::from_utf8_lossy(source)
                    .lines()
                    .nth(usize::try_from(warning.lineno - 1).unwrap_or(usize::MAX))
                    .map(|line| format!("{line}\n"));
                return Err(CompileFailure::Syntax(pyrite_ast::SyntaxError {
                    kind: pyrite_ast::SyntaxErrorKind::SyntaxError,
                    msg: warning
                        .msg
                        .replace(" Such sequences will not work in the future.", ""),
                    lineno: Some(warning.lineno),
                    offset: None,
                    end_lineno: None,
                    end_offset: None,
                    text,
                    location_in_args: false,
                }));
            }
        }
        Ok(())
    })
}

/// Why a source file did not compile.
pub(crate) enum CompileFailure {
    Syntax(pyrite_ast::SyntaxError),
    Value(String),
    Memory(String),
    Recursion,
    Assemble(String),
}

/// Parses and compiles a whole file, printing its `SyntaxWarning`s as CPython does.
pub(crate) fn compile_file_source(
    source: &[u8],
    filename: &str,
    optimize: u8,
) -> Result<pyrite_bytecode::code::CodeObject, CompileFailure> {
    use pyrite_compiler::codegen::CompileError;
    use pyrite_parser::ParseError;
    let parsed = pyrite_parser::parse_with_warnings(
        source,
        filename,
        pyrite_parser::parser::StartRule::File,
    );
    let module = match parsed {
        Ok(parsed) => {
            issue_syntax_warnings(&parsed.warnings, filename, source)?;
            parsed.module
        }
        Err((err, warnings)) => {
            issue_syntax_warnings(&warnings, filename, source)?;
            return Err(match err {
                ParseError::Syntax(err) => CompileFailure::Syntax(err),
                ParseError::Value(msg) => CompileFailure::Value(msg),
                ParseError::Memory(msg) => CompileFailure::Memory(msg),
            });
        }
    };
    match pyrite_compiler::compile::compile_file(&module, filename, i32::from(optimize)) {
        Ok(compiled) => {
            let warnings: Vec<pyrite_parser::SyntaxWarning> = compiled
                .warnings
                .into_iter()
                .map(|(lineno, msg)| pyrite_parser::SyntaxWarning { msg, lineno })
                .collect();
            issue_syntax_warnings(&warnings, filename, source)?;
            Ok(compiled.code)
        }
        Err(CompileError::Syntax(err)) => Err(CompileFailure::Syntax(*err)),
        Err(CompileError::Recursion) => Err(CompileFailure::Recursion),
        Err(CompileError::Assemble(msg)) => Err(CompileFailure::Assemble(msg)),
    }
}

/// Parses and compiles `__main__`; on a compile-time error prints what CPython's top
/// level prints and gives the exit status.
fn compile_source(
    source: &[u8],
    filename: &str,
    optimize: u8,
) -> Result<pyrite_bytecode::code::CodeObject, u8> {
    compile_file_source(source, filename, optimize).map_err(|failure| {
        match failure {
            CompileFailure::Syntax(err) => {
                print_syntax_error(filename, &with_source_text(err, source))
            }
            CompileFailure::Value(msg) => eprintln!("ValueError: {msg}"),
            CompileFailure::Memory(msg) => eprintln!("MemoryError: {msg}"),
            CompileFailure::Recursion => {
                eprintln!("RecursionError: maximum recursion depth exceeded during compilation")
            }
            CompileFailure::Assemble(msg) => eprintln!("SystemError: {msg}"),
        }
        1
    })
}

/// The compiler's errors carry no source text: CPython reads the line from the file
/// (`PyErr_ProgramTextObject`).
fn with_source_text(mut err: pyrite_ast::SyntaxError, source: &[u8]) -> pyrite_ast::SyntaxError {
    if err.text.is_none()
        && let Some(line) = err.lineno.and_then(|line| usize::try_from(line).ok())
    {
        err.text = String::from_utf8_lossy(source)
            .lines()
            .nth(line.wrapping_sub(1))
            .map(|text| format!("{text}\n"));
    }
    err
}

/// The top-level report of a `SyntaxError` raised while compiling `__main__`, as
/// `traceback.TracebackException._format_syntax_error` writes it (no traceback lines:
/// the error comes before any frame runs).
fn print_syntax_error(filename: &str, err: &pyrite_ast::SyntaxError) {
    let location = pythonrun::format_syntax_error_location(
        Some(filename),
        err.lineno,
        err.offset,
        err.text.as_deref(),
        err.end_lineno,
        err.end_offset,
    );
    eprintln!("{location}{}: {}", err.kind.class_name(), err.msg);
}

/// The optimization level imported modules are compiled with (`-O`, `-OO`).
static IMPORT_OPTIMIZE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Makes source modules importable: the compiler for the importer, `path0` first on
/// `sys.path` (CPython's `sys.path[0]`: the script's directory, `''` for `-c` and stdin,
/// the current directory for `-m`), the standard library last.
fn setup_imports(ts: &ThreadState, runtime: &pyrite_modules::Runtime, path0: &str, optimize: u8) {
    IMPORT_OPTIMIZE.store(optimize, std::sync::atomic::Ordering::Relaxed);
    pyrite_vm::import::set_source_compiler(compile_module_source);
    let key = pyrite_objects::str::intern(ts, "path");
    if let Ok(path) = pyrite_objects::attrs::get_attr(ts, &runtime.sys, &key)
        && let Some(list) = path.downcast_ref::<pyrite_objects::list::List>()
    {
        let mut items = list.to_vec();
        // The standard library (CPython's `prefix/lib/python314.zip` entry).
        let executable = std::env::current_exe().ok();
        if let Some(stdlib) = pyrite_stdlib::find_stdlib(true, executable.as_deref()) {
            let stdlib = pyrite_objects::str::new(ts, &stdlib.to_string_lossy()).into_ref();
            let stdlib_dir = pyrite_objects::str::intern(ts, "_stdlib_dir");
            let _ = pyrite_objects::attrs::set_attr(ts, &runtime.sys, &stdlib_dir, Some(&stdlib));
            items.push(stdlib);
        }
        let fresh = pyrite_objects::list::new(ts, items).into_ref();
        let _ = pyrite_objects::attrs::set_attr(ts, &runtime.sys, &key, Some(&fresh));
    }
    if SITE_IMPORT.load(std::sync::atomic::Ordering::Relaxed) {
        import_site(ts);
    }
    // `sys.path[0]` comes after `site` ran (CPython's `pymain_run_python`).
    if let Ok(path) = pyrite_objects::attrs::get_attr(ts, &runtime.sys, &key)
        && let Some(list) = path.downcast_ref::<pyrite_objects::list::List>()
    {
        let mut items = list.to_vec();
        items.insert(0, pyrite_objects::str::new(ts, path0).into_ref());
        let fresh = pyrite_objects::list::new(ts, items).into_ref();
        let _ = pyrite_objects::attrs::set_attr(ts, &runtime.sys, &key, Some(&fresh));
    }
}

/// `import site` at start-up (CPython's `init_import_site`), unless `-S`: it adds the
/// site directories to `sys.path`, `help`, `exit`, `quit`, `copyright`, `credits` and
/// `license` to `builtins`, and `sys.__interactivehook__`. Without a standard library
/// there is no `site` and nothing happens; a failing `site` is reported and the run
/// goes on.
fn import_site(ts: &ThreadState) {
    let name = pyrite_objects::str::intern(ts, "site");
    if let Err(err) = pyrite_vm::import::import_module(ts, &name) {
        let exc = err.into_exception(ts);
        if pyrite_objects::exceptions::kind_of_type(exc.ob_type())
            == pyrite_objects::err::ExceptionKind::ModuleNotFoundError
        {
            return;
        }
        eprintln!("Error in site import:");
        pythonrun::print_exception(ts, &exc);
    }
}

/// Compiles an imported module's source; errors become the `SyntaxError` (or
/// `ValueError`, `MemoryError`, `RecursionError`) CPython raises.
pub(crate) fn compile_module_source(
    ts: &ThreadState,
    source: &[u8],
    filename: &str,
) -> pyrite_objects::PyResult<pyrite_objects::Py<pyrite_objects::code::Code>> {
    use pyrite_objects::err::ExceptionKind;
    let optimize = IMPORT_OPTIMIZE.load(std::sync::atomic::Ordering::Relaxed);
    if let Some(code) = crate::bytecode_cache::load(source, filename, optimize) {
        return pyrite_objects::code::new(ts, code);
    }
    match compile_file_source(source, filename, optimize) {
        Ok(code) => {
            if !pyrite_modules::sys_info::flags().dont_write_bytecode {
                crate::bytecode_cache::store(source, filename, optimize, &code);
            }
            pyrite_objects::code::new(ts, code)
        }
        Err(CompileFailure::Syntax(err)) => Err(pyrite_modules::builtins_compile::syntax_error(
            ts,
            &with_source_text(err, source),
            filename,
        )),
        Err(CompileFailure::Value(msg)) => Err(PyErr::new(ExceptionKind::ValueError, msg)),
        Err(CompileFailure::Memory(msg)) => Err(PyErr::new(ExceptionKind::MemoryError, msg)),
        Err(CompileFailure::Recursion) => Err(PyErr::new(
            ExceptionKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
        )),
        Err(CompileFailure::Assemble(msg)) => Err(PyErr::new(ExceptionKind::SystemError, msg)),
    }
}

fn run_pyc_in(ts: &ThreadState, path: &str, argv: &[String]) -> u8 {
    let runtime = pyrite_modules::init(ts, argv);
    apply_warnoptions(ts, &runtime);
    let path0 = std::path::absolute(path)
        .ok()
        .and_then(|path| path.parent().map(|dir| dir.to_string_lossy().into_owned()))
        .unwrap_or_default();
    setup_imports(ts, &runtime, &path0, 0);
    let data = match std::fs::read(path) {
        Ok(data) => data,
        Err(err) => {
            eprintln!("pyrite: can't open file '{path}': {err}");
            return 2;
        }
    };
    let pyc = match pyrite_bytecode::pyc::read(&data) {
        Ok(pyc) => pyc,
        Err(pyrite_bytecode::pyc::PycError::BadMagic(_)) => {
            eprintln!("RuntimeError: Bad magic number in .pyc file");
            return 1;
        }
        Err(err) => {
            eprintln!("RuntimeError: Bad code object in .pyc file ({err})");
            return 1;
        }
    };
    let code = match pyrite_objects::code::new(ts, pyc.code) {
        Ok(code) => code,
        Err(err) => return exit_status(pythonrun::handle_uncaught(ts, err)),
    };
    let globals = match main_globals(ts, &runtime, Some(path), None) {
        Ok(globals) => globals,
        Err(err) => return exit_status(pythonrun::handle_uncaught(ts, err)),
    };
    let status = exit_status(pythonrun::run_main(ts, code, globals));
    finalize(ts, runtime);
    status
}

fn exit_status(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Exit(status) => status,
    }
}

/// The `__main__` module's namespace (CPython's `pymain_run_python` and
/// `_PyRun_SimpleFileObject`: `__name__`, `__builtins__`, and for a file `__file__` and
/// `__cached__`; `runpy` sets `__package__` for `-m`).
fn main_globals(
    ts: &ThreadState,
    runtime: &pyrite_modules::Runtime,
    file: Option<&str>,
    package: Option<&str>,
) -> Result<pyrite_objects::PyRef, PyErr> {
    let module = pyrite_objects::module::new(ts, "__main__");
    let globals = pyrite_objects::module::dict_of(module.as_object())
        .ok_or_else(|| PyErr::type_error("module without a dict"))?;
    let dict = globals
        .downcast_ref::<pyrite_objects::dict::Dict>()
        .ok_or_else(|| PyErr::type_error("module dict is not a dict"))?;
    let key = |name: &str| pyrite_objects::str::intern(ts, name);
    dict.set_item(ts, key("__builtins__"), runtime.builtins.clone())?;
    if let Some(file) = file {
        dict.set_item(
            ts,
            key("__file__"),
            pyrite_objects::str::new(ts, file).into_ref(),
        )?;
        dict.set_item(ts, key("__cached__"), pyrite_objects::singletons::none())?;
    }
    if let Some(package) = package {
        dict.set_item(
            ts,
            key("__package__"),
            pyrite_objects::str::new(ts, package).into_ref(),
        )?;
    }
    if let Some(sys_dict) = pyrite_objects::module::dict_of(&runtime.sys)
        && let Some(sys_dict) = sys_dict.downcast_ref::<pyrite_objects::dict::Dict>()
        && let Some(modules) = sys_dict.get_item(ts, &key("modules"))?
        && let Some(modules) = modules.downcast_ref::<pyrite_objects::dict::Dict>()
    {
        modules.set_item(ts, key("__main__"), module.into_ref())?;
    }
    Ok(globals)
}
