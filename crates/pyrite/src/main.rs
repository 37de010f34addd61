//! `pyrite`: one binary that does what `python3` does.
//!
//! CPython counterpart: `Programs/python.c` and `Modules/main.c` (`pymain_main`): parse
//! the command line, answer `-h`/`-V`, then run the program it names (`run.rs`) or the
//! interactive loop (`repl.rs`). The implementation-specific `-X dump=ast|code` switches
//! expose the parser and compiler.

mod bytecode_cache;
mod cmdline;
mod dump;
mod repl;
mod run;

use cmdline::{Action, Config, Program};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// The parser, the compiler and the object model allocate many small blocks, which
/// mimalloc serves much faster than the system allocator. The `system-alloc` feature keeps
/// the system allocator, whose blocks valgrind's memcheck tracks (tools/valgrind_cases.py).
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc through its plain entry points when the alignment asked for is one every
/// mimalloc block has anyway: `mi_malloc` is a few calls shorter than the aligned entry
/// point `mimalloc::MiMalloc` always takes, and objects are allocated and freed at every
/// arithmetic step.
#[cfg(not(feature = "system-alloc"))]
struct Mimalloc;

/// The alignment of every mimalloc block: its size classes are multiples of the word
/// size in word-aligned pages (a 24-byte block is not 16-byte aligned).
#[cfg(not(feature = "system-alloc"))]
const MALLOC_ALIGNMENT: usize = std::mem::size_of::<usize>();

#[cfg(not(feature = "system-alloc"))]
impl Mimalloc {
    #[inline]
    fn malloc_aligned_enough(layout: std::alloc::Layout) -> bool {
        layout.align() <= MALLOC_ALIGNMENT
    }
}

// SAFETY: every method forwards to mimalloc, which returns blocks of at least the size
// asked for, aligned as asked: `mi_malloc`/`mi_realloc` blocks are word-aligned
// (`MALLOC_ALIGNMENT`), which `malloc_aligned_enough` checks the layout needs no more
// than; other layouts take the aligned entry points. `mi_free` frees blocks of either.
#[cfg(not(feature = "system-alloc"))]
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if Self::malloc_aligned_enough(layout) {
            // SAFETY: forwarded as documented above.
            unsafe { libmimalloc_sys::mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: as above.
            unsafe { libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast() }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if Self::malloc_aligned_enough(layout) {
            // SAFETY: as above.
            unsafe { libmimalloc_sys::mi_zalloc(layout.size()).cast() }
        } else {
            // SAFETY: as above.
            unsafe { libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast() }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from one of the allocation functions above.
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        let new_layout = std::alloc::Layout::from_size_align(new_size, layout.align());
        if new_layout.is_ok_and(Self::malloc_aligned_enough) {
            // SAFETY: as above.
            unsafe { libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast() }
        } else {
            // SAFETY: as above.
            unsafe {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

/// `sys.version`'s leading number, as `python3 -V` prints it.
pub const PYTHON_VERSION: &str = "3.14.2";

const USAGE_LINE: &str = "usage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";
const USAGE_HELP: &str = include_str!("help/usage.txt");
const USAGE_XOPTIONS: &str = include_str!("help/xoptions.txt");
const USAGE_ENVVARS: &str = include_str!("help/envvars.txt");
const PYRITE_XOPTIONS: &str = "\nPyrite's own -X options:\n\
-X dump=ast: print ast.dump(ast.parse(FILE), include_attributes=True) and exit\n\
-X dump=code: print every code object of FILE, as shared/oracle/codedump.py does\n\
-X dump=symtable: print FILE's symbol tables, as tools/symtable_dump.py does\n";

fn usage_line(program_name: &str) -> String {
    USAGE_LINE.replace("{}", program_name)
}

fn main() -> ExitCode {
    let mut argv = std::env::args_os().map(|a| a.to_string_lossy().into_owned());
    let program_name = argv.next().unwrap_or_else(|| "pyrite".to_string());
    let args: Vec<String> = argv.collect();
    let config = match cmdline::parse(&args) {
        Ok(config) => config,
        Err(err) => {
            eprint!(
                "{}\n{}Try `python -h' for more information.\n",
                err.message,
                usage_line(&program_name)
            );
            return ExitCode::from(2);
        }
    };
    let text = match config.action {
        Action::Run => return run(&program_name, &config),
        Action::Help => format!("{}{}", usage_line(&program_name), USAGE_HELP),
        Action::HelpXOptions => format!("{}\n{}", USAGE_XOPTIONS, PYRITE_XOPTIONS),
        Action::HelpEnv => format!("{}\n", USAGE_ENVVARS.trim_end()),
        Action::HelpAll => format!(
            "{}{}\n{}\n{}\n{}\n",
            usage_line(&program_name),
            USAGE_HELP,
            USAGE_XOPTIONS,
            PYRITE_XOPTIONS,
            USAGE_ENVVARS.trim_end()
        ),
        Action::Version(1) => format!("Python {PYTHON_VERSION}\n"),
        Action::Version(_) => format!(
            "Python {PYTHON_VERSION} (pyrite {}, Rust implementation)\n",
            env!("CARGO_PKG_VERSION")
        ),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// Options CPython has that Pyrite does not honour yet: refusing them beats silently
/// behaving differently.
fn unimplemented_option(config: &Config) -> Option<String> {
    let flags = [
        (config.bytes_warning > 0, "-b"),
        (config.parser_debug, "-d"),
        (config.use_hash_seed_random, "-R"),
        (config.verbose > 0, "-v"),
        (config.skip_source_first_line, "-x"),
        (
            config.check_hash_pycs_mode.is_some(),
            "--check-hash-based-pycs",
        ),
    ];
    if let Some((_, flag)) = flags.iter().find(|(set, _)| *set) {
        return Some(format!("option {flag} is not implemented yet"));
    }
    config
        .xoptions
        .iter()
        .find(|opt| !dump::is_dump_xoption(opt))
        .map(|opt| format!("-X {opt} is not implemented yet"))
}

fn run(program_name: &str, config: &Config) -> ExitCode {
    if let Some(why) = unimplemented_option(config) {
        eprintln!("{program_name}: {why}");
        return ExitCode::from(2);
    }
    if let Some(mode) = config.xoption("dump") {
        return dump::run(program_name, mode, config);
    }
    if let Program::File(path) = &config.program
        && let Err(err) = std::fs::File::open(path)
    {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.into());
        eprintln!(
            "{program_name}: can't open file {}: [Errno {}] {}",
            python_str_repr(&absolute.to_string_lossy()),
            err.raw_os_error().unwrap_or(0),
            strerror(&err)
        );
        return ExitCode::from(2);
    }
    // `PYTHONINSPECT` at start-up acts as `-i` does, except that it does not make
    // stdin count as interactive (CPython's `config->inspect` versus `interactive`).
    let inspect = config.inspect
        || (config.use_environment
            && std::env::var_os("PYTHONINSPECT").is_some_and(|value| !value.is_empty()));
    run::set_warnoptions(warnoptions(config));
    pyrite_modules::sys_info::set_flags(sys_flags(config, inspect));
    run::set_site_import(config.site_import);
    if let Program::File(path) = &config.program
        && run::is_pyc_file(path)
    {
        return run::run_pyc_file(path, &config.args);
    }
    let stdin_interactive = config.inspect || std::io::stdin().is_terminal();
    let program = match &config.program {
        Program::File(path) => run::MainProgram::File(path.clone()),
        Program::Command(command) => run::MainProgram::Command(command.clone()),
        Program::Module(module) => run::MainProgram::Module(module.clone()),
        Program::Stdin { explicit } if stdin_interactive => run::MainProgram::Interactive {
            explicit: *explicit,
        },
        Program::Stdin { explicit } => run::MainProgram::Stdin {
            explicit: *explicit,
        },
    };
    let options = run::RunOptions {
        optimize: config.optimize,
        site_import: config.site_import,
        inspect,
        stdin_interactive,
        quiet: config.quiet,
        use_environment: config.use_environment,
    };
    run::run_program(program, &config.args, options)
}

/// What `sys.flags` shows for this command line.
fn sys_flags(config: &Config, inspect: bool) -> pyrite_modules::sys_info::SysFlags {
    pyrite_modules::sys_info::SysFlags {
        debug: i64::from(config.parser_debug),
        inspect,
        interactive: config.inspect,
        optimize: i64::from(config.optimize),
        dont_write_bytecode: !config.write_bytecode,
        no_user_site: !config.user_site_directory,
        no_site: !config.site_import,
        ignore_environment: !config.use_environment,
        verbose: i64::from(config.verbose),
        bytes_warning: i64::from(config.bytes_warning),
        quiet: config.quiet,
        hash_randomization: true,
        isolated: config.isolated,
        safe_path: config.safe_path,
        ..Default::default()
    }
}

/// `sys.warnoptions`: `PYTHONWARNINGS` (comma-separated; ignored with `-E`/`-I`), then
/// the `-W` options.
fn warnoptions(config: &Config) -> Vec<String> {
    let mut options = Vec::new();
    if config.use_environment
        && let Ok(value) = std::env::var("PYTHONWARNINGS")
    {
        options.extend(
            value
                .split(',')
                .filter(|option| !option.is_empty())
                .map(str::to_owned),
        );
    }
    options.extend(config.warnoptions.iter().cloned());
    options
}

/// The C library's `strerror` text for an OS error, without Rust's "(os error N)" suffix.
fn strerror(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// `repr()` of a str that holds no quotes or control characters in the usual case: the
/// command line only needs it for file names.
fn python_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
