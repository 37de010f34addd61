//! Terminals: `get_terminal_size` with its `os.terminal_size` struct sequence, and
//! `ttyname`.
//!
//! CPython counterpart: `Modules/posixmodule.c` (`os_get_terminal_size_impl`,
//! `TerminalSize_desc`, `os_ttyname_impl`).

use pyrite_objects::structseq::StructSeqDesc;
use pyrite_objects::{PyObject, PyResult, ThreadState, int};

use super::{StructSeqType, c_int_value, ffi, os_error};
use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

static TERMINAL_SIZE_DESC: StructSeqDesc = StructSeqDesc {
    name: "os.terminal_size",
    doc: "A tuple of (columns, lines) for holding terminal window size",
    fields: &[Some("columns"), Some("lines")],
    n_in_sequence: 2,
    instantiable: true,
};

static TERMINAL_SIZE: StructSeqType = StructSeqType::new(&TERMINAL_SIZE_DESC);

/// `get_terminal_size(fd=1, /)`: the window size of the terminal on `fd`.
fn get_terminal_size(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("get_terminal_size", args, kw, 0, 1)?;
    let fd = match args.first() {
        Some(fd) => c_int_value(ts, fd)?,
        None => 1,
    };
    let (columns, lines) = ffi::window_size(fd).map_err(|err| os_error(ts, &err, None))?;
    TERMINAL_SIZE.instance(
        ts,
        vec![
            int::new(ts, i64::from(columns)),
            int::new(ts, i64::from(lines)),
        ],
    )
}

fn ttyname(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("ttyname", args, kw, 1, 1)?;
    let fd = c_int_value(ts, &args[0])?;
    let name = ffi::ttyname(fd).map_err(|err| os_error(ts, &err, None))?;
    Ok(super::path_result(ts, &name, false))
}

pub(super) fn install(ts: &ThreadState, module: &ModuleBuilder<'_>) -> PyResult<()> {
    module.functions(&[
        ("get_terminal_size", get_terminal_size),
        ("ttyname", ttyname),
    ])?;
    module.set("terminal_size", TERMINAL_SIZE.create(ts)?)
}
