//! The `gc` module: the cycle collector's controls (`collect`, `enable`/`disable`,
//! thresholds and counts, `callbacks`, `garbage`, `freeze`, introspection).
//!
//! CPython counterpart: `Modules/gcmodule.c`. The collector itself is
//! `pyrite_objects::gc` (CPython's `Python/gc.c`).

use pyrite_objects::descr::{NativeFn, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::gc;
use pyrite_objects::methods::split_args;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState, int, list, singletons};
use pyrite_objects::{str as pystr, tuple};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn no_arguments(name: &str, args: Args<'_>) -> PyResult<()> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.len()
        )))
    }
}

fn one_argument<'a>(name: &str, args: Args<'a>, kwnames: KwNames<'_>) -> PyResult<&'a PyRef> {
    let (positional, keywords) = split_args(args, kwnames);
    if let Some((keyword, _)) = keywords.first() {
        let _ = keyword;
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    match positional {
        [object] => Ok(object),
        _ => Err(PyErr::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            positional.len()
        ))),
    }
}

fn small_int(ts: &ThreadState, value: usize) -> PyRef {
    int::new(ts, i64::try_from(value).unwrap_or(i64::MAX))
}

fn gc_enable(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    no_arguments("enable", args)?;
    gc::set_enabled(_ts, true);
    Ok(singletons::none())
}

fn gc_disable(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    no_arguments("disable", args)?;
    gc::set_enabled(ts, false);
    Ok(singletons::none())
}

fn gc_isenabled(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    no_arguments("isenabled", args)?;
    Ok(singletons::bool_ref(gc::is_enabled(ts)))
}

/// `gc.collect(generation=2)`.
fn gc_collect(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    let mut generation = positional.first().cloned();
    if positional.len() > 1 {
        return Err(PyErr::type_error(format!(
            "collect() takes at most 1 argument ({} given)",
            positional.len()
        )));
    }
    for (name, value) in keywords {
        if name == "generation" && generation.is_none() {
            generation = Some(value);
        } else {
            return Err(PyErr::type_error(format!(
                "collect() got an unexpected keyword argument '{name}'"
            )));
        }
    }
    let generation = match generation {
        Some(value) => as_int(ts, &value)?,
        None => 2,
    };
    if !(0..gc::NUM_GENERATIONS as i64).contains(&generation) {
        return Err(PyErr::new(ExceptionKind::ValueError, "invalid generation"));
    }
    let found = gc::collect(ts, generation as usize);
    Ok(small_int(ts, found))
}

fn as_int(ts: &ThreadState, value: &PyObject) -> PyResult<i64> {
    if pystr::as_str_payload(value).is_some()
        || value
            .downcast_ref::<pyrite_objects::float::Float>()
            .is_some()
    {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            value.ob_type().name()
        )));
    }
    let index = pyrite_objects::abstract_api::index(ts, value)?;
    int::as_i64(&index).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C int",
        )
    })
}

fn usize_tuple(ts: &ThreadState, values: &[usize]) -> PyRef {
    tuple::new(
        ts,
        values.iter().map(|&value| small_int(ts, value)).collect(),
    )
    .into_ref()
}

fn gc_get_count(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    no_arguments("get_count", args)?;
    Ok(usize_tuple(ts, &gc::counts(ts)))
}

fn gc_get_threshold(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    no_arguments("get_threshold", args)?;
    Ok(usize_tuple(ts, &gc::thresholds(ts)))
}

fn gc_set_threshold(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    if !keywords.is_empty() {
        return Err(PyErr::type_error(
            "set_threshold() takes no keyword arguments",
        ));
    }
    if positional.is_empty() || positional.len() > gc::NUM_GENERATIONS {
        return Err(PyErr::type_error(
            "gc.set_threshold requires 1 to 3 arguments",
        ));
    }
    let mut thresholds = Vec::with_capacity(positional.len());
    for value in positional {
        // CPython stores C ints: negative thresholds behave as zero.
        thresholds.push(usize::try_from(as_int(ts, value)?).unwrap_or(0));
    }
    gc::set_thresholds(ts, &thresholds);
    Ok(singletons::none())
}

fn gc_get_debug(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    no_arguments("get_debug", args)?;
    Ok(int::new(ts, i64::from(gc::debug_flags(ts))))
}

fn gc_set_debug(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let flags = one_argument("set_debug", args, kwnames)?;
    let flags = as_int(ts, flags)?;
    gc::set_debug_flags(ts, u32::try_from(flags).unwrap_or(0));
    Ok(singletons::none())
}

fn gc_is_tracked(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let _ = ts;
    let object = one_argument("is_tracked", args, kwnames)?;
    Ok(singletons::bool_ref(gc::is_tracked(object)))
}

fn gc_is_finalized(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let _ = ts;
    let object = one_argument("is_finalized", args, kwnames)?;
    Ok(singletons::bool_ref(gc::is_finalized(object)))
}

fn gc_get_referents(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    if !keywords.is_empty() {
        return Err(PyErr::type_error(
            "get_referents() takes no keyword arguments",
        ));
    }
    let mut referents = Vec::new();
    for object in positional {
        // Only containers report their referents (CPython skips non-GC objects).
        if object.ob_type().has_gc() {
            referents.extend(gc::get_referents(ts, object));
        }
    }
    Ok(list::new(ts, referents).into_ref())
}

fn gc_get_referrers(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    if !keywords.is_empty() {
        return Err(PyErr::type_error(
            "get_referrers() takes no keyword arguments",
        ));
    }
    let referrers = gc::get_referrers(ts, positional);
    Ok(list::new(ts, referrers).into_ref())
}

/// `gc.get_objects(generation=None)`.
fn gc_get_objects(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    let mut generation = positional.first().cloned();
    if positional.len() > 1 {
        return Err(PyErr::type_error(format!(
            "get_objects() takes at most 1 argument ({} given)",
            positional.len()
        )));
    }
    for (name, value) in keywords {
        if name == "generation" && generation.is_none() {
            generation = Some(value);
        } else {
            return Err(PyErr::type_error(format!(
                "get_objects() got an unexpected keyword argument '{name}'"
            )));
        }
    }
    let generation = match generation.filter(|value| !singletons::is_none(value)) {
        None => None,
        Some(value) => {
            let index = as_int(ts, &value)?;
            if index >= gc::NUM_GENERATIONS as i64 {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    format!(
                        "generation parameter must be less than the number of available generations ({})",
                        gc::NUM_GENERATIONS
                    ),
                ));
            }
            // CPython 3.14 reads a negative generation as all of them.
            usize::try_from(index).ok()
        }
    };
    Ok(list::new(ts, gc::get_objects(ts, generation)).into_ref())
}

fn gc_get_stats(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    no_arguments("get_stats", args)?;
    let mut entries = Vec::new();
    for stats in gc::stats(ts) {
        let entry = pyrite_objects::dict::new(ts);
        for (key, value) in [
            ("collections", stats.collections),
            ("collected", stats.collected),
            ("uncollectable", stats.uncollectable),
        ] {
            entry.set_item(ts, pystr::intern(ts, key), small_int(ts, value))?;
        }
        entries.push(entry.into_ref());
    }
    Ok(list::new(ts, entries).into_ref())
}

fn gc_freeze(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    no_arguments("freeze", args)?;
    gc::freeze(ts);
    Ok(singletons::none())
}

fn gc_unfreeze(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    no_arguments("unfreeze", args)?;
    gc::unfreeze(ts);
    Ok(singletons::none())
}

fn gc_get_freeze_count(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    no_arguments("get_freeze_count", args)?;
    Ok(small_int(ts, gc::freeze_count(ts)))
}

/// Creates the `gc` module.
pub fn create(ts: &ThreadState) -> PyRef {
    let module = pyrite_objects::module::new(ts, "gc").into_ref();
    let Some(dict) = pyrite_objects::module::dict_of(&module) else {
        return module;
    };
    let Some(dict) = dict.downcast_ref::<Dict>() else {
        return module;
    };
    let functions: &[(&'static str, NativeFn)] = &[
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
        ("collect", gc_collect),
        ("get_count", gc_get_count),
        ("get_threshold", gc_get_threshold),
        ("set_threshold", gc_set_threshold),
        ("get_debug", gc_get_debug),
        ("set_debug", gc_set_debug),
        ("is_tracked", gc_is_tracked),
        ("is_finalized", gc_is_finalized),
        ("get_referents", gc_get_referents),
        ("get_referrers", gc_get_referrers),
        ("get_objects", gc_get_objects),
        ("get_stats", gc_get_stats),
        ("freeze", gc_freeze),
        ("unfreeze", gc_unfreeze),
        ("get_freeze_count", gc_get_freeze_count),
    ];
    let set = |name: &str, value: PyRef| {
        let _ = dict.set_item(ts, pystr::intern(ts, name), value);
    };
    for &(name, function) in functions {
        set(
            name,
            new_builtin_function(ts, name, function, module.clone()),
        );
    }
    set("garbage", gc::garbage_list(ts));
    set("callbacks", gc::callbacks_list(ts));
    for (name, value) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", i64::from(gc::DEBUG_SAVEALL)),
        ("DEBUG_LEAK", 38),
    ] {
        set(name, int::new(ts, value));
    }
    module
}
