//! Running a program: a `.pyc` file's module code object as `__main__`.
//!
//! CPython counterpart: `Modules/main.c` (`pymain_run_file`), `Python/pythonrun.c`
//! (`maybe_pyc_file`, `run_pyc_file`): a file whose name ends in `.pyc` is unmarshalled
//! after its 16-byte header and run directly.

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
    let path = path.to_owned();
    let mut argv = vec![path.clone()];
    argv.extend_from_slice(args);
    let worker = std::thread::Builder::new()
        .name("main".to_owned())
        .stack_size(INTERPRETER_STACK_SIZE)
        .spawn(move || with_gil(|ts| run_pyc_in(ts, &path, &argv)));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(status)) => ExitCode::from(status),
        _ => ExitCode::from(1),
    }
}

fn run_pyc_in(ts: &ThreadState, path: &str, argv: &[String]) -> u8 {
    let runtime = pyrite_modules::init(ts, argv);
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
    let globals = match main_globals(ts, &runtime, path) {
        Ok(globals) => globals,
        Err(err) => return exit_status(pythonrun::handle_uncaught(ts, err)),
    };
    let status = exit_status(pythonrun::run_main(ts, code, globals));
    // Globals (and what they hold) are released before the thread state goes away.
    drop(runtime);
    status
}

fn exit_status(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Exit(status) => status,
    }
}

/// The `__main__` module's namespace (CPython's `pymain_run_python` and
/// `_PyRun_SimpleFileObject`: `__name__`, `__builtins__`, `__file__`, `__cached__`).
fn main_globals(
    ts: &ThreadState,
    runtime: &pyrite_modules::Runtime,
    path: &str,
) -> Result<pyrite_objects::PyRef, PyErr> {
    let module = pyrite_objects::module::new(ts, "__main__");
    let globals = pyrite_objects::module::dict_of(module.as_object())
        .ok_or_else(|| PyErr::type_error("module without a dict"))?;
    let dict = globals
        .downcast_ref::<pyrite_objects::dict::Dict>()
        .ok_or_else(|| PyErr::type_error("module dict is not a dict"))?;
    let key = |name: &str| pyrite_objects::str::intern(ts, name);
    dict.set_item(ts, key("__builtins__"), runtime.builtins.clone())?;
    let file = Path::new(path).to_string_lossy().into_owned();
    dict.set_item(
        ts,
        key("__file__"),
        pyrite_objects::str::new(ts, &file).into_ref(),
    )?;
    dict.set_item(ts, key("__cached__"), pyrite_objects::singletons::none())?;
    if let Some(sys_dict) = pyrite_objects::module::dict_of(&runtime.sys)
        && let Some(sys_dict) = sys_dict.downcast_ref::<pyrite_objects::dict::Dict>()
        && let Some(modules) = sys_dict.get_item(ts, &key("modules"))?
        && let Some(modules) = modules.downcast_ref::<pyrite_objects::dict::Dict>()
    {
        modules.set_item(ts, key("__main__"), module.into_ref())?;
    }
    Ok(globals)
}
