//! The `builtins` module: `print`, `len`, `isinstance`, `min`, `sorted`, ..., the
//! built-in types and exception classes, and `__build_class__`.
//!
//! CPython counterpart: `Python/bltinmodule.c` (`builtin_print`, `builtin___build_class__`,
//! `min_max`, `builtin_sum`, `builtin_round`, ...) and `_PyBuiltin_Init`.

use std::io::Write;

use pyrite_objects::descr::{NativeFn, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::iterobject::{collect, get_iter, next};
use pyrite_objects::methods::split_args;
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, TYPE_TYPE, as_type};
use pyrite_objects::{
    CompareOp, PyErr, PyObject, PyRef, PyResult, ThreadState, abstract_api, abstract_ops, attrs,
    bool as pybool, exceptions, int, singletons, str as pystr, tuple,
};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

/// `super` (its `LOAD_SUPER_ATTR` fast path is in the evaluation loop).
pub use pyrite_objects::superobject::SUPER_TYPE;

fn none() -> PyRef {
    singletons::none()
}

fn exact_args(name: &str, args: Args<'_>, count: usize) -> PyResult<()> {
    if args.len() == count {
        return Ok(());
    }
    Err(PyErr::type_error(match count {
        1 => format!("{name}() takes exactly one argument ({} given)", args.len()),
        _ => format!("{name} expected {count} arguments, got {}", args.len()),
    }))
}

fn no_keywords(name: &str, kwnames: KwNames<'_>) -> PyResult<()> {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

/// Writes `text` to `file` (a stream with `write`), or to the process's stdout.
pub fn write_to(ts: &ThreadState, file: Option<&PyObject>, text: &str) -> PyResult<()> {
    match file {
        Some(file) if !singletons::is_none(file) => {
            if let Some(stream) = crate::sys::std_stream_fd(file) {
                crate::sys::write_fd(stream, text.as_bytes());
                return Ok(());
            }
            let write = attrs::get_attr_str(ts, file, "write")?;
            abstract_api::call(ts, &write, &[pystr::new(ts, text).into_ref()], None)?;
            Ok(())
        }
        _ => {
            crate::sys::write_fd(1, text.as_bytes());
            Ok(())
        }
    }
}

fn builtin_print(
    ts: &ThreadState,
    _module: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    let mut sep = " ".to_owned();
    let mut end = "\n".to_owned();
    let mut file = None;
    let mut flush = false;
    for (name, value) in keywords {
        let as_text = |what: &str| -> PyResult<Option<String>> {
            if singletons::is_none(&value) {
                return Ok(None);
            }
            match pystr::as_str_payload(&value) {
                Some(text) => Ok(Some(text.to_string_lossy())),
                None => Err(PyErr::type_error(format!(
                    "{what} must be None or a string, not {}",
                    value.ob_type().name()
                ))),
            }
        };
        match name.as_str() {
            "sep" => sep = as_text("sep")?.unwrap_or_else(|| " ".to_owned()),
            "end" => end = as_text("end")?.unwrap_or_else(|| "\n".to_owned()),
            "file" => file = Some(value.clone()),
            "flush" => flush = value.is_true(ts)?,
            _ => {
                return Err(PyErr::type_error(format!(
                    "print() got an unexpected keyword argument '{name}'"
                )));
            }
        }
    }
    let user_file = file
        .as_deref()
        .filter(|file| !singletons::is_none(file) && crate::sys::std_stream_fd(file).is_none());
    if let Some(file) = user_file {
        // CPython's `builtin_print` writes each item, separator and the end separately.
        for (position, value) in positional.iter().enumerate() {
            if position > 0 {
                write_to(ts, Some(file), &sep)?;
            }
            write_to(ts, Some(file), &pystr::to_rust_string(&*value.str(ts)?))?;
        }
        write_to(ts, Some(file), &end)?;
        if flush {
            let flush = attrs::get_attr_str(ts, file, "flush")?;
            abstract_api::call(ts, &flush, &[], None)?;
        }
        return Ok(none());
    }
    let mut text = String::new();
    for (position, value) in positional.iter().enumerate() {
        if position > 0 {
            text.push_str(&sep);
        }
        text.push_str(&pystr::to_rust_string(&*value.str(ts)?));
    }
    text.push_str(&end);
    write_to(ts, file.as_deref(), &text)?;
    if flush {
        let _ = std::io::stdout().flush();
    }
    Ok(none())
}

fn builtin_len(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    no_keywords("len", kwnames)?;
    exact_args("len", args, 1)?;
    let length = abstract_api::len(ts, &args[0])?;
    Ok(int::new(ts, length as i64))
}

fn builtin_repr(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("repr", args, 1)?;
    args[0].repr(ts)
}

fn builtin_ascii(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("ascii", args, 1)?;
    let repr = pystr::to_rust_string(&*args[0].repr(ts)?);
    Ok(pystr::new(ts, &pyrite_vm::ceval::ascii_escape(&repr)).into_ref())
}

fn builtin_isinstance(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    exact_args("isinstance", args, 2)?;
    Ok(pybool::bool_ref(abstract_api::is_instance(
        ts, &args[0], &args[1],
    )?))
}

fn builtin_issubclass(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    exact_args("issubclass", args, 2)?;
    Ok(pybool::bool_ref(abstract_api::is_subclass(
        ts, &args[0], &args[1],
    )?))
}

fn builtin_abs(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("abs", args, 1)?;
    abstract_ops::absolute(ts, &args[0])
}

fn min_max(
    ts: &ThreadState,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    name: &str,
    op: CompareOp,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    let mut key = None;
    let mut default = None;
    for (keyword, value) in keywords {
        match keyword.as_str() {
            "key" => key = Some(value).filter(|k| !singletons::is_none(k)),
            "default" => default = Some(value),
            _ => {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{keyword}'"
                )));
            }
        }
    }
    let items = match positional {
        [] => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )));
        }
        [iterable] => collect(ts, iterable)?,
        many => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            many.to_vec()
        }
    };
    let mut best: Option<(PyRef, PyRef)> = None;
    for item in items {
        let item_key = match &key {
            Some(key) => abstract_api::call(ts, key, std::slice::from_ref(&item), None)?,
            None => item.clone(),
        };
        let replace = match &best {
            None => true,
            Some((best_key, _)) => item_key.rich_compare_bool(ts, best_key, op)?,
        };
        if replace {
            best = Some((item_key, item));
        }
    }
    match best {
        Some((_, item)) => Ok(item),
        None => default.ok_or_else(|| {
            PyErr::new(
                ExceptionKind::ValueError,
                format!("{name}() iterable argument is empty"),
            )
        }),
    }
}

fn builtin_min(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    min_max(ts, args, kwnames, "min", CompareOp::Lt)
}

fn builtin_max(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    min_max(ts, args, kwnames, "max", CompareOp::Gt)
}

fn builtin_sum(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    let mut start = positional.get(1).cloned();
    for (name, value) in keywords {
        if name == "start" {
            start = Some(value);
        }
    }
    let Some(iterable) = positional.first() else {
        return Err(PyErr::type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    };
    let mut total = start.unwrap_or_else(|| int::new(ts, 0));
    if pystr::as_str_payload(&total).is_some() {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let iterator = get_iter(ts, iterable)?;
    while let Some(item) = next(ts, &iterator)? {
        total = abstract_ops::binary_op(ts, abstract_ops::BinaryOp::Add, false, &total, &item)?;
    }
    Ok(total)
}

fn builtin_sorted(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    let [iterable] = positional else {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            positional.len()
        )));
    };
    let (key, reverse) = pyrite_objects::methods::sort_options(ts, &keywords, "sort")?;
    let items = collect(ts, iterable)?;
    let sorted = pyrite_objects::methods::sort_items(ts, items, key.as_deref(), reverse)?;
    Ok(pyrite_objects::list::new(ts, sorted).into_ref())
}

/// `aiter(async_iterable)`: its `__aiter__()`.
fn builtin_aiter(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("aiter", args, 1)?;
    match attrs::call_special(ts, &args[0], "__aiter__", &[])? {
        Some(iterator) => Ok(iterator),
        None => Err(PyErr::type_error(format!(
            "'{}' object is not an async iterable",
            args[0].ob_type().name()
        ))),
    }
}

/// `anext(async_iterator[, default])`: its `__anext__()` (the default needs awaitables).
fn builtin_anext(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let Some(iterator) = args.first() else {
        return Err(PyErr::type_error(
            "anext expected at least 1 argument, got 0",
        ));
    };
    match attrs::call_special(ts, iterator, "__anext__", &[])? {
        Some(awaitable) => Ok(awaitable),
        None => Err(PyErr::type_error(format!(
            "'{}' object is not an async iterator",
            iterator.ob_type().name()
        ))),
    }
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook(*args, **kws)`.
fn builtin_breakpoint(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let sys = pyrite_vm::import::import_module(ts, &pystr::intern(ts, "sys"))?;
    let hook = attrs::get_attr_str(ts, &sys, "breakpointhook")
        .map_err(|_| PyErr::new(ExceptionKind::RuntimeError, "lost sys.breakpointhook"))?;
    abstract_api::call(ts, &hook, args, kwnames)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: built-in modules.
fn builtin_import(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    let name = match positional.first() {
        Some(name) => name.clone(),
        None => match keywords.iter().find(|(key, _)| key == "name") {
            Some((_, name)) => name.clone(),
            None => {
                return Err(PyErr::type_error(
                    "__import__() missing required argument 'name' (pos 1)",
                ));
            }
        },
    };
    if pystr::as_str_payload(&name).is_none() {
        return Err(PyErr::type_error(format!(
            "__import__() argument 1 must be str, not {}",
            name.ob_type().name()
        )));
    }
    let argument = |index: usize, key: &str| {
        positional.get(index).cloned().or_else(|| {
            keywords
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value.clone())
        })
    };
    let globals =
        argument(1, "globals").filter(|value| !pyrite_objects::singletons::is_none(value));
    let fromlist =
        argument(3, "fromlist").filter(|value| !pyrite_objects::singletons::is_none(value));
    let level = match argument(4, "level") {
        Some(level) => pyrite_objects::int::as_i64(&level).ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                level.ob_type().name()
            ))
        })?,
        None => 0,
    };
    if level < 0 {
        return Err(PyErr::new(
            pyrite_objects::err::ExceptionKind::ValueError,
            "level must be >= 0",
        ));
    }
    pyrite_vm::import::import_module_level(
        ts,
        &name,
        globals.as_deref(),
        fromlist.as_deref(),
        level as usize,
    )
}

/// `iter(iterable)` or `iter(callable, sentinel)`.
fn builtin_iter(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_keywords("iter", k)?;
    match args {
        [iterable] => get_iter(ts, iterable),
        [callable, sentinel] => {
            if callable.ob_type().slots.call.get().is_none() {
                return Err(PyErr::type_error("iter(v, w): v must be callable"));
            }
            Ok(pyrite_objects::iterobject::new_call_iterator(
                ts,
                callable.clone(),
                sentinel.clone(),
            ))
        }
        [] => Err(PyErr::type_error(
            "iter expected at least 1 argument, got 0",
        )),
        _ => Err(PyErr::type_error(format!(
            "iter expected at most 2 arguments, got {}",
            args.len()
        ))),
    }
}

fn builtin_next(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "next expected at least 1 argument, got {}",
            args.len()
        )));
    }
    if args[0].ob_type().slots.iternext.get().is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            args[0].ob_type().name()
        )));
    }
    if let Some(result) = pyrite_vm::genobject::next_raising(ts, &args[0]) {
        return match (result, args.get(1)) {
            (Err(err), Some(default)) if err.matches(ExceptionKind::StopIteration) => {
                Ok(default.clone())
            }
            (result, _) => result,
        };
    }
    match next(ts, &args[0])? {
        Some(value) => Ok(value),
        None => match args.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::without_arg(ExceptionKind::StopIteration)),
        },
    }
}

fn attribute_name(object: &PyObject, function: &str) -> PyResult<()> {
    if object.payload_is::<pystr::Str>() {
        return Ok(());
    }
    // CPython 3.14's getattr() goes through PyObject_GetAttr, whose message has no prefix.
    let prefix = if function == "getattr" {
        String::new()
    } else {
        format!("{function}(): ")
    };
    Err(PyErr::type_error(format!(
        "{prefix}attribute name must be string, not '{}'",
        object.ob_type().name()
    )))
}

fn builtin_getattr(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    if args.len() < 2 || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "getattr expected at least 2 arguments, got {}",
            args.len()
        )));
    }
    attribute_name(&args[1], "getattr")?;
    match args.get(2) {
        Some(default) => {
            Ok(attrs::lookup_attr(ts, &args[0], &args[1])?.unwrap_or_else(|| default.clone()))
        }
        None => attrs::get_attr(ts, &args[0], &args[1]),
    }
}

fn builtin_hasattr(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("hasattr", args, 2)?;
    attribute_name(&args[1], "hasattr")?;
    Ok(pybool::bool_ref(
        attrs::lookup_attr(ts, &args[0], &args[1])?.is_some(),
    ))
}

fn builtin_setattr(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("setattr", args, 3)?;
    attribute_name(&args[1], "setattr")?;
    attrs::set_attr(ts, &args[0], &args[1], Some(&args[2]))?;
    Ok(none())
}

fn builtin_delattr(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("delattr", args, 2)?;
    attribute_name(&args[1], "delattr")?;
    attrs::set_attr(ts, &args[0], &args[1], None)?;
    Ok(none())
}

fn builtin_id(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("id", args, 1)?;
    Ok(int::new(ts, args[0].as_ptr() as usize as i64))
}

fn builtin_hash(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("hash", args, 1)?;
    Ok(int::new(ts, args[0].hash(ts)? as i64))
}

fn builtin_callable(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("callable", args, 1)?;
    Ok(pybool::bool_ref(
        args[0].ob_type().slots.call.get().is_some(),
    ))
}

fn builtin_any(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("any", args, 1)?;
    let iterator = get_iter(ts, &args[0])?;
    while let Some(item) = next(ts, &iterator)? {
        if item.is_true(ts)? {
            return Ok(pybool::true_ref());
        }
    }
    Ok(pybool::false_ref())
}

fn builtin_all(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("all", args, 1)?;
    let iterator = get_iter(ts, &args[0])?;
    while let Some(item) = next(ts, &iterator)? {
        if !item.is_true(ts)? {
            return Ok(pybool::false_ref());
        }
    }
    Ok(pybool::true_ref())
}

fn builtin_chr(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("chr", args, 1)?;
    let value = abstract_api::index(ts, &args[0])?;
    let code = int::as_i64(&value).unwrap_or(-1);
    match u32::try_from(code).ok().filter(|c| *c < 0x110000) {
        Some(code) => match char::from_u32(code) {
            Some(c) => Ok(pystr::new(ts, &c.to_string()).into_ref()),
            None => {
                let value = pyrite_ast::PyStr::from_code_points([code]).map_err(|_| {
                    PyErr::new(
                        ExceptionKind::ValueError,
                        "chr() arg not in range(0x110000)",
                    )
                })?;
                Ok(pystr::from_py_str(ts, value).into_ref())
            }
        },
        None => Err(PyErr::new(
            ExceptionKind::ValueError,
            "chr() arg not in range(0x110000)",
        )),
    }
}

fn builtin_ord(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("ord", args, 1)?;
    let Some(text) = pystr::as_str_payload(&args[0]) else {
        return Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            args[0].ob_type().name()
        )));
    };
    if text.len() != 1 {
        return Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            text.len()
        )));
    }
    let bytes = text.as_bytes();
    let lead = bytes[0];
    let (mut code, width) = match lead {
        0x00..=0x7F => (u32::from(lead), 1),
        0xC0..=0xDF => (u32::from(lead & 0x1F), 2),
        0xE0..=0xEF => (u32::from(lead & 0x0F), 3),
        _ => (u32::from(lead & 0x07), 4),
    };
    for byte in &bytes[1..width.min(bytes.len())] {
        code = (code << 6) | u32::from(byte & 0x3F);
    }
    Ok(int::new(ts, i64::from(code)))
}

fn radix(ts: &ThreadState, args: Args<'_>, name: &str, prefix: &str, base: u32) -> PyResult {
    exact_args(name, args, 1)?;
    let value = abstract_api::index(ts, &args[0])?;
    let value = value
        .downcast_ref::<pyrite_objects::int::Int>()
        .map(|i| i.to_bigint())
        .unwrap_or_default();
    let negative = value.sign() == num_bigint::Sign::Minus;
    let magnitude = if negative { -value } else { value };
    let text = format!(
        "{}{prefix}{}",
        if negative { "-" } else { "" },
        magnitude.to_str_radix(base)
    );
    Ok(pystr::new(ts, &text).into_ref())
}

fn builtin_bin(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    radix(ts, args, "bin", "0b", 2)
}
fn builtin_oct(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    radix(ts, args, "oct", "0o", 8)
}
fn builtin_hex(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    radix(ts, args, "hex", "0x", 16)
}

fn builtin_divmod(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    exact_args("divmod", args, 2)?;
    let (a, b) = (&args[0], &args[1]);
    let slot_a = a.ob_type().number.divmod.get();
    if let Some(slot) = slot_a {
        let result = slot(ts, a, b)?;
        if !result.is(&singletons::not_implemented()) {
            return Ok(result);
        }
    }
    if let Some(slot) = b.ob_type().number.divmod.get() {
        let result = slot(ts, a, b)?;
        if !result.is(&singletons::not_implemented()) {
            return Ok(result);
        }
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.ob_type().name(),
        b.ob_type().name()
    )))
}

fn builtin_pow(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    match args {
        [base, exponent] => {
            abstract_ops::binary_op(ts, abstract_ops::BinaryOp::Power, false, base, exponent)
        }
        [base, exponent, modulo] => {
            // CPython's `ternary_op`: the base's slot, then the exponent's if its type differs.
            let first = base.ob_type().number.power.get();
            let second = exponent.ob_type().number.power.get();
            for (position, slot) in [first, second].into_iter().enumerate() {
                if position == 1 && std::ptr::eq(base.ob_type(), exponent.ob_type()) {
                    break;
                }
                if let Some(power) = slot {
                    let result = power(ts, base, exponent, modulo)?;
                    if !result.is(&singletons::not_implemented()) {
                        return Ok(result);
                    }
                }
            }
            Err(PyErr::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                base.ob_type().name(),
                exponent.ob_type().name(),
                modulo.ob_type().name()
            )))
        }
        _ => Err(PyErr::type_error(format!(
            "pow expected at least 2 arguments, got {}",
            args.len()
        ))),
    }
}

fn builtin_round(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    let mut ndigits = positional.get(1).cloned();
    for (name, value) in keywords {
        if name == "ndigits" {
            ndigits = Some(value);
        }
    }
    let Some(number) = positional.first() else {
        return Err(PyErr::type_error(
            "round() missing required argument 'number' (pos 1)",
        ));
    };
    let ndigits = ndigits.filter(|n| !singletons::is_none(n));
    if let Some(result) = attrs::call_special(
        ts,
        number,
        "__round__",
        &ndigits.into_iter().collect::<Vec<_>>(),
    )? {
        return Ok(result);
    }
    Err(PyErr::type_error(format!(
        "type {} doesn't define __round__ method",
        number.ob_type().name()
    )))
}

fn builtin_format(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let spec = match args.get(1) {
        Some(spec) => pystr::to_rust_string(spec),
        None => String::new(),
    };
    let Some(value) = args.first() else {
        return Err(PyErr::type_error(
            "format expected at least 1 argument, got 0",
        ));
    };
    pyrite_objects::formatter::format_value(ts, value, &spec)
}

fn builtin_globals(ts: &ThreadState, _m: &PyObject, _args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    match pyrite_vm::frame::current(ts) {
        Some(frame) => Ok(frame.globals.clone()),
        None => Ok(pyrite_objects::dict::new(ts).into_ref()),
    }
}

/// `locals()`: the caller's namespace, or a snapshot of a function's locals (PEP 667).
fn builtin_locals(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_keywords("locals", kwnames)?;
    if !args.is_empty() {
        return Err(PyErr::type_error(format!(
            "locals() takes no arguments ({} given)",
            args.len()
        )));
    }
    match pyrite_vm::frame::current(ts) {
        Some(frame) => pyrite_vm::framelocalsproxy::locals_of(ts, frame),
        None => Ok(pyrite_objects::dict::new(ts).into_ref()),
    }
}

fn builtin_vars(
    ts: &ThreadState,
    module: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    match args.first() {
        Some(object) => attrs::get_attr_str(ts, object, "__dict__")
            .map_err(|_| PyErr::type_error("vars() argument must have __dict__ attribute")),
        None => builtin_locals(ts, module, args, kwnames),
    }
}

fn builtin_dir(
    ts: &ThreadState,
    module: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let mut names = Vec::new();
    match args.first() {
        None => {
            let globals = builtin_globals(ts, module, args, kwnames)?;
            if let Some(dict) = globals.downcast_ref::<Dict>() {
                names = dict.items().into_iter().map(|(key, _)| key).collect();
            }
        }
        Some(object) => names = attrs::default_dir(ts, object)?,
    }
    let sorted = pyrite_objects::methods::sort_items(ts, names, None, false)?;
    Ok(pyrite_objects::list::new(ts, sorted).into_ref())
}

fn builtin_build_class(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    let [function, name, orig_bases @ ..] = positional else {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    };
    let Some(body) = function.downcast_ref::<pyrite_objects::function::Function>() else {
        return Err(PyErr::type_error(
            "__build_class__: func must be a function",
        ));
    };
    if pystr::as_str_payload(name).is_none() {
        return Err(PyErr::type_error("__build_class__: name is not a string"));
    }
    // `__mro_entries__` of bases that are not classes (PEP 560).
    let orig_tuple = tuple::new(ts, orig_bases.to_vec()).into_ref();
    let mut bases = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    for base in orig_bases {
        if as_type(base).is_none()
            && let Some(entries) =
                attrs::lookup_attr(ts, base, &pystr::intern(ts, "__mro_entries__"))?
        {
            let replacement =
                abstract_api::call(ts, &entries, std::slice::from_ref(&orig_tuple), None)?;
            if !replacement.payload_is::<tuple::Tuple>() {
                return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
            }
            bases.extend(tuple::items(&replacement).iter().cloned());
            changed = true;
        } else {
            bases.push(base.clone());
        }
    }
    let mut metaclass = None;
    let mut class_keywords = Vec::new();
    for (key, value) in keywords {
        if key == "metaclass" {
            metaclass = Some(value);
        } else {
            class_keywords.push((key, value));
        }
    }
    let explicit = metaclass.is_some();
    let mut meta = metaclass.unwrap_or_else(|| match bases.first() {
        Some(base) => base.ob_type().as_object().new_ref(),
        None => TYPE_TYPE.as_object().new_ref(),
    });
    if let Some(meta_type) = as_type(&meta)
        && (explicit || !bases.is_empty())
    {
        meta = pyrite_objects::typecall::calculate_metaclass(ts, meta_type, &bases)?
            .as_object()
            .new_ref();
    }
    let bases_tuple = tuple::new(ts, bases.clone()).into_ref();
    let kw_values: Vec<PyRef> = class_keywords.iter().map(|(_, v)| v.clone()).collect();
    let kw_names = (!class_keywords.is_empty()).then(|| {
        let names = class_keywords
            .iter()
            .map(|(k, _)| pystr::new(ts, k).into_ref())
            .collect();
        tuple::new(ts, names).into_ref()
    });
    let namespace = match attrs::lookup_attr(ts, &meta, &pystr::intern(ts, "__prepare__"))? {
        Some(prepare) => {
            let mut call_args = vec![name.clone(), bases_tuple.clone()];
            call_args.extend(kw_values.iter().cloned());
            let namespace = abstract_api::call(ts, &prepare, &call_args, kw_names.as_deref())?;
            if namespace.ob_type().mapping.subscript.get().is_none() {
                let meta_name =
                    as_type(&meta).map_or("<metaclass>".to_owned(), |t| t.name().to_owned());
                return Err(PyErr::type_error(format!(
                    "{meta_name}.__prepare__() must return a mapping, not {}",
                    namespace.ob_type().name()
                )));
            }
            namespace
        }
        None => pyrite_objects::dict::new(ts).into_ref(),
    };
    pyrite_vm::ceval::run_class_body(ts, body, namespace.clone())?;
    if changed {
        abstract_ops::set_item(
            ts,
            &namespace,
            &pystr::intern(ts, "__orig_bases__"),
            Some(&orig_tuple),
        )?;
    }
    let mut call_args = vec![name.clone(), bases_tuple, namespace.clone()];
    call_args.extend(kw_values);
    let class = abstract_api::call(ts, &meta, &call_args, kw_names.as_deref())?;
    if let Some(dict) = namespace.downcast_ref::<Dict>()
        && let Some(cell) = dict.get_item(ts, &pystr::intern(ts, "__classcell__"))?
    {
        pyrite_objects::cell::set(&cell, Some(class.clone()));
    }
    Ok(class)
}

fn builtin_input(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    if let Some(prompt) = args.first() {
        write_to(ts, None, &pystr::to_rust_string(&*prompt.str(ts)?))?;
        let _ = std::io::stdout().flush();
    }
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(PyErr::new(
            ExceptionKind::EOFError,
            "EOF when reading a line",
        )),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(pystr::new(ts, &line).into_ref())
        }
        Err(_) => Err(PyErr::new(ExceptionKind::OSError, "cannot read stdin")),
    }
}

/// `exit()`/`quit()` (installed by `site` in CPython): raise `SystemExit(code)`.
fn builtin_exit(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Err(match args.first() {
        Some(code) => PyErr::with_object(ExceptionKind::SystemExit, code.clone()),
        None => PyErr::without_arg(ExceptionKind::SystemExit),
    })
}

fn add(ts: &ThreadState, dict: &Dict, name: &str, value: PyRef) {
    let _ = dict.set_item(ts, pystr::intern(ts, name), value);
}

/// Creates the `builtins` module.
pub fn create(ts: &ThreadState) -> PyRef {
    let module = pyrite_objects::module::new(ts, "builtins").into_ref();
    let Some(dict) = pyrite_objects::module::dict_of(&module) else {
        return module;
    };
    let Some(dict) = dict.downcast_ref::<Dict>() else {
        return module;
    };
    let functions: &[(&'static str, NativeFn)] = &[
        ("print", builtin_print),
        ("aiter", builtin_aiter),
        ("anext", builtin_anext),
        ("breakpoint", builtin_breakpoint),
        ("__import__", builtin_import),
        ("len", builtin_len),
        ("repr", builtin_repr),
        ("ascii", builtin_ascii),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("abs", builtin_abs),
        ("min", builtin_min),
        ("max", builtin_max),
        ("sum", builtin_sum),
        ("sorted", builtin_sorted),
        ("iter", builtin_iter),
        ("next", builtin_next),
        ("getattr", builtin_getattr),
        ("hasattr", builtin_hasattr),
        ("setattr", builtin_setattr),
        ("delattr", builtin_delattr),
        ("id", builtin_id),
        ("hash", builtin_hash),
        ("callable", builtin_callable),
        ("any", builtin_any),
        ("all", builtin_all),
        ("chr", builtin_chr),
        ("ord", builtin_ord),
        ("bin", builtin_bin),
        ("oct", builtin_oct),
        ("hex", builtin_hex),
        ("divmod", builtin_divmod),
        ("pow", builtin_pow),
        ("round", builtin_round),
        ("format", builtin_format),
        ("globals", builtin_globals),
        ("locals", builtin_locals),
        ("compile", crate::builtins_compile::builtin_compile),
        ("exec", crate::builtins_compile::builtin_exec),
        ("eval", crate::builtins_compile::builtin_eval),
        ("vars", builtin_vars),
        ("dir", builtin_dir),
        ("input", builtin_input),
        ("__build_class__", builtin_build_class),
        ("exit", builtin_exit),
        ("quit", builtin_exit),
    ];
    for &(name, function) in functions {
        add(
            ts,
            dict,
            name,
            new_builtin_function(ts, name, function, module.clone()),
        );
    }
    let _ = SUPER_TYPE.ready(ts);
    let types: &[(&str, &PyType)] = &[
        ("object", &OBJECT_TYPE),
        ("type", &TYPE_TYPE),
        ("int", &pyrite_objects::int::INT_TYPE),
        ("bool", &pyrite_objects::bool::BOOL_TYPE),
        ("float", &pyrite_objects::float::FLOAT_TYPE),
        ("str", &pystr::STR_TYPE),
        ("bytes", &pyrite_objects::bytes::BYTES_TYPE),
        ("bytearray", &pyrite_objects::bytearray::BYTEARRAY_TYPE),
        ("memoryview", &pyrite_objects::memoryview::MEMORYVIEW_TYPE),
        ("list", &pyrite_objects::list::LIST_TYPE),
        ("tuple", &tuple::TUPLE_TYPE),
        ("dict", &pyrite_objects::dict::DICT_TYPE),
        ("range", &pyrite_objects::range::RANGE_TYPE),
        ("slice", &pyrite_objects::slice::SLICE_TYPE),
        ("set", &pyrite_objects::set::SET_TYPE),
        ("frozenset", &pyrite_objects::set::FROZENSET_TYPE),
        ("complex", &pyrite_objects::complex::COMPLEX_TYPE),
        ("enumerate", &pyrite_objects::iterobject::ENUMERATE_TYPE),
        ("zip", &pyrite_objects::iterobject::ZIP_TYPE),
        ("map", &pyrite_objects::iterobject::MAP_TYPE),
        ("filter", &pyrite_objects::iterobject::FILTER_TYPE),
        ("reversed", &pyrite_objects::iterobject::REVERSED_TYPE),
        ("property", &pyrite_objects::descr::PROPERTY_TYPE),
        ("classmethod", &pyrite_objects::descr::CLASSMETHOD_TYPE),
        ("staticmethod", &pyrite_objects::descr::STATICMETHOD_TYPE),
        ("super", &SUPER_TYPE),
    ];
    for &(name, ty) in types {
        add(ts, dict, name, ty.as_object().new_ref());
    }
    for kind in ExceptionKind::all() {
        add(
            ts,
            dict,
            kind.name(),
            kind.static_type().as_object().new_ref(),
        );
    }
    // The old names of `OSError` (PEP 3151).
    for alias in ["EnvironmentError", "IOError"] {
        add(
            ts,
            dict,
            alias,
            ExceptionKind::OSError.static_type().as_object().new_ref(),
        );
    }
    add(ts, dict, "None", none());
    add(ts, dict, "Ellipsis", singletons::ellipsis());
    add(ts, dict, "NotImplemented", singletons::not_implemented());
    add(ts, dict, "True", pybool::true_ref());
    add(ts, dict, "False", pybool::false_ref());
    add(ts, dict, "__debug__", pybool::true_ref());
    let _ = exceptions::BASE_EXCEPTION_TYPE.as_object();
    module
}
