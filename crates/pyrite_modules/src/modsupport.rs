//! Argument binding and module building shared by the modules written in Rust.
//!
//! CPython counterpart: `Python/modsupport.c`, `Python/getargs.c` (`PyArg_ParseTuple
//! AndKeywords`' messages) and Argument Clinic's generated parsers.

use pyrite_objects::descr::{NativeFn, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::methods::split_args;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, PyType, ThreadState};
use pyrite_objects::{str as pystr, tuple};

pub type Args<'a> = &'a [PyRef];
pub type KwNames<'a> = Option<&'a PyObject>;

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// Binds arguments to `params` (the first `positional_only` by position only), with
/// `required` of them mandatory, giving CPython's messages for `name()`.
pub fn bind(
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    params: &[&str],
    positional_only: usize,
    required: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let (positional, keywords) = split_args(args, kwnames);
    if positional.len() > params.len() {
        return Err(PyErr::type_error(if params.is_empty() {
            format!("{name}() takes no arguments ({} given)", positional.len())
        } else {
            format!(
                "{name}() takes at most {} argument{} ({} given)",
                params.len(),
                plural(params.len()),
                positional.len()
            )
        }));
    }
    let mut values: Vec<Option<PyRef>> = vec![None; params.len()];
    for (slot, value) in values.iter_mut().zip(positional) {
        *slot = Some(value.clone());
    }
    for (key, value) in keywords {
        match params.iter().position(|param| *param == key) {
            Some(index) if index >= positional_only => {
                if values[index].is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {name}() given by name ('{key}') and position ({})",
                        index + 1
                    )));
                }
                values[index] = Some(value);
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{key}'"
                )));
            }
        }
    }
    if let Some(missing) = (0..required).find(|&index| values[index].is_none()) {
        return Err(PyErr::type_error(if missing < positional_only {
            format!(
                "{name}() takes at least {required} positional argument{} ({} given)",
                plural(required),
                positional.len()
            )
        } else {
            format!(
                "{name}() missing required argument '{}' (pos {})",
                params[missing],
                missing + 1
            )
        }));
    }
    Ok(values)
}

/// Positional arguments only, between `min` and `max`.
pub fn positional<'a>(
    name: &str,
    args: Args<'a>,
    kwnames: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<Args<'a>> {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if args.len() < min || args.len() > max {
        return Err(PyErr::type_error(if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({} given)", args.len()),
                1 => format!("{name}() takes exactly one argument ({} given)", args.len()),
                _ => format!("{name} expected {min} arguments, got {}", args.len()),
            }
        } else if args.len() < min {
            format!(
                "{name} expected at least {min} argument{}, got {}",
                plural(min),
                args.len()
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {}",
                plural(max),
                args.len()
            )
        }));
    }
    Ok(args)
}

/// A module under construction: its object and namespace.
pub struct ModuleBuilder<'ts> {
    ts: &'ts ThreadState,
    pub module: PyRef,
    dict: PyRef,
}

impl<'ts> ModuleBuilder<'ts> {
    pub fn new(
        ts: &'ts ThreadState,
        name: &str,
        doc: Option<&str>,
    ) -> PyResult<ModuleBuilder<'ts>> {
        let module = pyrite_objects::module::new(ts, name).into_ref();
        let dict = pyrite_objects::module::dict_of(&module)
            .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module without a dict"))?;
        let builder = ModuleBuilder { ts, module, dict };
        if let Some(doc) = doc {
            builder.set("__doc__", pystr::new(ts, doc).into_ref())?;
        }
        Ok(builder)
    }

    pub fn dict(&self) -> PyResult<&Dict> {
        self.dict
            .downcast_ref::<Dict>()
            .map(|dict| dict.payload())
            .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module dict is not a dict"))
    }

    pub fn set(&self, name: &str, value: PyRef) -> PyResult<()> {
        self.dict()?
            .set_item(self.ts, pystr::intern(self.ts, name), value)
    }

    pub fn functions(&self, functions: &[(&'static str, NativeFn)]) -> PyResult<()> {
        for &(name, function) in functions {
            let value = new_builtin_function(self.ts, name, function, self.module.clone());
            self.set(name, value)?;
        }
        Ok(())
    }

    /// Adds a built-in type, readied, with `__module__` set to `module_name`.
    pub fn add_type(&self, name: &str, ty: &'static PyType, module_name: &str) -> PyResult<()> {
        ty.ready(self.ts)?;
        if let Some(type_dict) = ty.dict(self.ts).downcast_ref::<Dict>() {
            type_dict.set_item(
                self.ts,
                pystr::intern(self.ts, "__module__"),
                pystr::intern(self.ts, module_name),
            )?;
        }
        self.set(name, ty.as_object().new_ref())
    }

    pub fn finish(self) -> PyRef {
        self.module
    }
}

/// An argument converted as Argument Clinic's `int` converter does (`PyLong_AsInt`):
/// through `__index__`, with CPython's overflow message.
pub fn c_int_arg(ts: &ThreadState, value: &PyObject) -> PyResult<i32> {
    let index = pyrite_objects::abstract_api::index(ts, value)?;
    pyrite_objects::int::as_i64(&index)
        .and_then(|value| i32::try_from(value).ok())
        .ok_or_else(|| {
            PyErr::new(
                ExceptionKind::OverflowError,
                "Python int too large to convert to C int",
            )
        })
}
