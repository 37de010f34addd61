//! The `itertools` module: iterator building blocks, each a type whose `__next__` is
//! its `iternext` slot.
//!
//! CPython counterpart: `Modules/itertoolsmodule.c`. Type names are CPython's
//! (`itertools.count`, ...), as are argument checks and error messages. State lives in
//! `Cell`/`RefCell`s that are never borrowed across a call into Python code, so a
//! re-entrant `__next__` sees consistent state (and `tee` reports re-entry as CPython does).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pyrite_objects::descr::{NativeFn, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::int::Int;
use pyrite_objects::methods::split_args;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    CompareOp, Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState,
    abstract_api, abstract_ops, int, iterobject, singletons, str as pystr, tuple,
};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

fn call(ts: &ThreadState, function: &PyObject, args: &[PyRef]) -> PyResult {
    abstract_api::call(ts, function, args, None)
}

fn add(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    abstract_ops::binary_op(ts, abstract_ops::BinaryOp::Add, false, a, b)
}

fn repr_text(ts: &ThreadState, object: &PyObject) -> PyResult<String> {
    let repr = object.repr(ts)?;
    Ok(pystr::to_rust_string(&repr))
}

fn text(ts: &ThreadState, value: &str) -> PyResult {
    Ok(pystr::new(ts, value).into_ref())
}

/// Makes an instance of `ty` (the itertools type or a subclass of it).
fn instance<T: PyPayload>(ts: &ThreadState, ty: &PyType, payload: T) -> PyResult {
    Py::new_with_type(ts, ty, payload)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("itertools type mismatch"))
}

fn payload<'a, T: PyPayload>(object: &'a PyObject, name: &str) -> PyResult<&'a T> {
    object
        .downcast_ref::<T>()
        .map(|obj| obj.payload())
        .ok_or_else(|| PyErr::type_error(format!("expected {name}")))
}

fn no_keywords(name: &str, kwnames: KwNames<'_>) -> PyResult<()> {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

/// Positional arguments in `min..=max`, with CPython's argument-clinic messages.
fn positional<'a>(
    name: &str,
    args: Args<'a>,
    kwnames: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<Args<'a>> {
    no_keywords(name, kwnames)?;
    if args.len() < min {
        return Err(PyErr::type_error(if min == max {
            format!(
                "{name} expected {min} argument{}, got {}",
                plural(min),
                args.len()
            )
        } else {
            format!(
                "{name} expected at least {min} argument{}, got {}",
                plural(min),
                args.len()
            )
        }));
    }
    if args.len() > max {
        return Err(PyErr::type_error(if min == max {
            format!(
                "{name} expected {max} argument{}, got {}",
                plural(max),
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

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// Keyword arguments by name, after `max_positional` positional ones.
fn parse_keywords<'a>(
    name: &str,
    args: Args<'a>,
    kwnames: KwNames<'_>,
    keywords: &[&str],
) -> PyResult<(Args<'a>, Vec<Option<PyRef>>)> {
    let (positional, given) = split_args(args, kwnames);
    let mut values = vec![None; keywords.len()];
    for (key, value) in given {
        match keywords.iter().position(|known| *known == key) {
            Some(index) => values[index] = Some(value),
            None => {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{key}'"
                )));
            }
        }
    }
    Ok((positional, values))
}

macro_rules! iter_type {
    ($static_name:ident, $payload:ty, $name:literal, $new:expr, $next:expr, $traverse:expr $(, $field:ident: $value:expr)*) => {
        pub static $static_name: StaticType = StaticObject::new(
            &TYPE_TYPE,
            TypeObject::builtin::<$payload>($name, flags::BASETYPE | flags::HAVE_GC, Some(&OBJECT_TYPE))
                .with_slots(SlotTable {
                    iter: Slot::new(self_iter),
                    iternext: Slot::new($next),
                    new: Slot::new($new),
                    traverse: Slot::new($traverse),
                    $($field: Slot::new($value),)*
                    ..pyrite_objects::typeobject::object_slots()
                }),
        );

        impl PyPayload for $payload {
            fn static_type() -> &'static PyType {
                &$static_name
            }
        }
    };
}

fn visit_cell(cell: &RefCell<Option<PyRef>>, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(value) = cell.borrow().as_ref() {
        visit(value);
    }
}

// ---------------------------------------------------------------------------- count

/// `count(start=0, step=1)`.
pub struct Count {
    current: RefCell<PyRef>,
    step: PyRef,
}

fn is_number(ts: &ThreadState, value: &PyObject) -> bool {
    let _ = ts;
    let number = &value.ob_type().number;
    number.add.get().is_some() || number.index.get().is_some() || number.float.get().is_some()
}

fn count_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let (positional, keywords) = parse_keywords("count", args, kwnames, &["start", "step"])?;
    if positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "count() takes at most 2 arguments ({} given)",
            positional.len()
        )));
    }
    let start = positional
        .first()
        .cloned()
        .or_else(|| keywords[0].clone())
        .unwrap_or_else(|| int::new(ts, 0));
    let step = positional
        .get(1)
        .cloned()
        .or_else(|| keywords[1].clone())
        .unwrap_or_else(|| int::new(ts, 1));
    if !is_number(ts, &start) || !is_number(ts, &step) {
        return Err(PyErr::type_error("a number is required"));
    }
    instance(
        ts,
        ty,
        Count {
            current: RefCell::new(start),
            step,
        },
    )
}

fn count_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let count: &Count = payload(object, "count")?;
    let current = count.current.borrow().clone();
    let next = add(ts, &current, &count.step)?;
    count.current.replace(next);
    Ok(Some(current))
}

fn count_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let count: &Count = payload(object, "count")?;
    let name = type_short_name(object);
    let current = repr_text(ts, &count.current.borrow().clone())?;
    let step_is_one = int::as_i64(&count.step) == Some(1) && count.step.payload_is::<Int>();
    if step_is_one {
        text(ts, &format!("{name}({current})"))
    } else {
        let step = repr_text(ts, &count.step)?;
        text(ts, &format!("{name}({current}, {step})"))
    }
}

fn count_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(count) = object.downcast_ref::<Count>() {
        visit(&count.current.borrow());
        visit(&count.step);
    }
}

iter_type!(COUNT_TYPE, Count, "itertools.count", count_new, count_next, count_traverse, repr: count_repr);

/// The type's `__name__` (after the module prefix), as reprs of itertools objects use it.
fn type_short_name(object: &PyObject) -> String {
    let name = object.ob_type().name();
    name.rsplit('.').next().unwrap_or(name).to_owned()
}

// ---------------------------------------------------------------------------- cycle

/// `cycle(iterable)`: the items, saved on the first pass, repeated forever.
pub struct Cycle {
    iterator: RefCell<Option<PyRef>>,
    saved: RefCell<Vec<PyRef>>,
    index: Cell<usize>,
}

fn cycle_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let args = positional("cycle", args, kwnames, 1, 1)?;
    let iterator = iterobject::get_iter(ts, &args[0])?;
    instance(
        ts,
        ty,
        Cycle {
            iterator: RefCell::new(Some(iterator)),
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
        },
    )
}

fn cycle_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let cycle: &Cycle = payload(object, "cycle")?;
    let iterator = cycle.iterator.borrow().clone();
    if let Some(iterator) = iterator {
        if let Some(item) = iterobject::next(ts, &iterator)? {
            cycle.saved.borrow_mut().push(item.clone());
            return Ok(Some(item));
        }
        cycle.iterator.replace(None);
    }
    let saved = cycle.saved.borrow();
    if saved.is_empty() {
        return Ok(None);
    }
    let index = cycle.index.get() % saved.len();
    cycle.index.set(index + 1);
    Ok(Some(saved[index].clone()))
}

fn cycle_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(cycle) = object.downcast_ref::<Cycle>() {
        visit_cell(&cycle.iterator, visit);
        for item in cycle.saved.borrow().iter() {
            visit(item);
        }
    }
}

iter_type!(
    CYCLE_TYPE,
    Cycle,
    "itertools.cycle",
    cycle_new,
    cycle_next,
    cycle_traverse
);

// ---------------------------------------------------------------------------- repeat

/// `repeat(object[, times])`.
pub struct Repeat {
    element: PyRef,
    /// `None`: forever.
    remaining: Cell<Option<u64>>,
}

fn repeat_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let (positional, keywords) = parse_keywords("repeat", args, kwnames, &["object", "times"])?;
    let element = positional
        .first()
        .cloned()
        .or_else(|| keywords[0].clone())
        .ok_or_else(|| PyErr::type_error("repeat() missing required argument 'object' (pos 1)"))?;
    if positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "repeat() takes at most 2 arguments ({} given)",
            positional.len()
        )));
    }
    let times = positional.get(1).cloned().or_else(|| keywords[1].clone());
    let remaining = match times {
        None => None,
        Some(times) => {
            let value = abstract_api::index(ts, &times)?;
            let count = value
                .downcast_ref::<Int>()
                .and_then(|v| v.as_i64())
                .ok_or_else(|| {
                    PyErr::new(
                        ExceptionKind::OverflowError,
                        "Python int too large to convert to C ssize_t",
                    )
                })?;
            Some(count.max(0) as u64)
        }
    };
    instance(
        ts,
        ty,
        Repeat {
            element,
            remaining: Cell::new(remaining),
        },
    )
}

fn repeat_next(_ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let repeat: &Repeat = payload(object, "repeat")?;
    match repeat.remaining.get() {
        None => Ok(Some(repeat.element.clone())),
        Some(0) => Ok(None),
        Some(n) => {
            repeat.remaining.set(Some(n - 1));
            Ok(Some(repeat.element.clone()))
        }
    }
}

fn repeat_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let repeat: &Repeat = payload(object, "repeat")?;
    let element = repr_text(ts, &repeat.element)?;
    let name = type_short_name(object);
    match repeat.remaining.get() {
        None => text(ts, &format!("{name}({element})")),
        Some(n) => text(ts, &format!("{name}({element}, {n})")),
    }
}

fn repeat_length_hint(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let repeat: &Repeat = payload(this, "repeat")?;
    match repeat.remaining.get() {
        Some(n) => Ok(int::new(ts, n as i64)),
        None => Err(PyErr::type_error("len() of unsized object")),
    }
}

fn repeat_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(repeat) = object.downcast_ref::<Repeat>() {
        visit(&repeat.element);
    }
}

iter_type!(REPEAT_TYPE, Repeat, "itertools.repeat", repeat_new, repeat_next, repeat_traverse, repr: repeat_repr);

// ---------------------------------------------------------------------------- accumulate

/// `accumulate(iterable[, func], *, initial=None)`.
pub struct Accumulate {
    iterator: PyRef,
    function: Option<PyRef>,
    total: RefCell<Option<PyRef>>,
    initial: RefCell<Option<PyRef>>,
}

fn accumulate_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let (positional, keywords) = parse_keywords(
        "accumulate",
        args,
        kwnames,
        &["iterable", "func", "initial"],
    )?;
    if positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "accumulate() takes at most 2 arguments ({} given)",
            positional.len()
        )));
    }
    let iterable = positional
        .first()
        .cloned()
        .or_else(|| keywords[0].clone())
        .ok_or_else(|| {
            PyErr::type_error("accumulate() missing required argument 'iterable' (pos 1)")
        })?;
    let function = positional
        .get(1)
        .cloned()
        .or_else(|| keywords[1].clone())
        .filter(|f| !singletons::is_none(f));
    let initial = keywords[2].clone().filter(|v| !singletons::is_none(v));
    let iterator = iterobject::get_iter(ts, &iterable)?;
    instance(
        ts,
        ty,
        Accumulate {
            iterator,
            function,
            total: RefCell::new(None),
            initial: RefCell::new(initial),
        },
    )
}

fn accumulate_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let acc: &Accumulate = payload(object, "accumulate")?;
    if let Some(initial) = acc.initial.take() {
        acc.total.replace(Some(initial.clone()));
        return Ok(Some(initial));
    }
    let Some(item) = iterobject::next(ts, &acc.iterator)? else {
        return Ok(None);
    };
    let total = acc.total.borrow().clone();
    let next = match total {
        None => item,
        Some(total) => match &acc.function {
            Some(function) => call(ts, function, &[total, item])?,
            None => add(ts, &total, &item)?,
        },
    };
    acc.total.replace(Some(next.clone()));
    Ok(Some(next))
}

fn accumulate_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(acc) = object.downcast_ref::<Accumulate>() {
        visit(&acc.iterator);
        if let Some(function) = &acc.function {
            visit(function);
        }
        visit_cell(&acc.total, visit);
        visit_cell(&acc.initial, visit);
    }
}

iter_type!(
    ACCUMULATE_TYPE,
    Accumulate,
    "itertools.accumulate",
    accumulate_new,
    accumulate_next,
    accumulate_traverse
);

// ---------------------------------------------------------------------------- batched

/// `batched(iterable, n, *, strict=False)`: tuples of `n` items.
pub struct Batched {
    iterator: RefCell<Option<PyRef>>,
    size: usize,
    strict: bool,
}

fn batched_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let (positional, keywords) =
        parse_keywords("batched", args, kwnames, &["iterable", "n", "strict"])?;
    if positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "batched() takes at most 2 positional arguments ({} given)",
            positional.len()
        )));
    }
    let iterable = positional
        .first()
        .cloned()
        .or_else(|| keywords[0].clone())
        .ok_or_else(|| {
            PyErr::type_error("batched() missing required argument 'iterable' (pos 1)")
        })?;
    let n = positional
        .get(1)
        .cloned()
        .or_else(|| keywords[1].clone())
        .ok_or_else(|| PyErr::type_error("batched() missing required argument 'n' (pos 2)"))?;
    let n = abstract_api::index(ts, &n)?;
    let n = n
        .downcast_ref::<Int>()
        .and_then(|v| v.as_i64())
        .unwrap_or(i64::MAX);
    if n < 1 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "n must be at least one",
        ));
    }
    let strict = match &keywords[2] {
        Some(flag) => flag.is_true(ts)?,
        None => false,
    };
    let iterator = iterobject::get_iter(ts, &iterable)?;
    instance(
        ts,
        ty,
        Batched {
            iterator: RefCell::new(Some(iterator)),
            size: usize::try_from(n).unwrap_or(usize::MAX),
            strict,
        },
    )
}

fn batched_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let batched: &Batched = payload(object, "batched")?;
    let Some(iterator) = batched.iterator.borrow().clone() else {
        return Ok(None);
    };
    let mut items = Vec::new();
    while items.len() < batched.size {
        match iterobject::next(ts, &iterator)? {
            Some(item) => items.push(item),
            None => {
                batched.iterator.replace(None);
                break;
            }
        }
    }
    if items.is_empty() {
        return Ok(None);
    }
    if batched.strict && items.len() < batched.size {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "batched(): incomplete batch",
        ));
    }
    Ok(Some(tuple::new(ts, items).into_ref()))
}

fn batched_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(batched) = object.downcast_ref::<Batched>() {
        visit_cell(&batched.iterator, visit);
    }
}

iter_type!(
    BATCHED_TYPE,
    Batched,
    "itertools.batched",
    batched_new,
    batched_next,
    batched_traverse
);

// ---------------------------------------------------------------------------- chain

/// `chain(*iterables)` and `chain.from_iterable(iterable)`.
pub struct Chain {
    /// The iterator over the iterables (`None` once exhausted).
    sources: RefCell<Option<PyRef>>,
    active: RefCell<Option<PyRef>>,
}

fn chain_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    no_keywords("chain", kwnames)?;
    let sources = iterobject::get_iter(ts, &tuple::new(ts, args.to_vec()).into_ref())?;
    instance(
        ts,
        ty,
        Chain {
            sources: RefCell::new(Some(sources)),
            active: RefCell::new(None),
        },
    )
}

fn chain_from_iterable(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("from_iterable", args, kw, 1, 1)?;
    let sources = iterobject::get_iter(ts, &args[0])?;
    instance(
        ts,
        &CHAIN_TYPE,
        Chain {
            sources: RefCell::new(Some(sources)),
            active: RefCell::new(None),
        },
    )
}

fn chain_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let chain: &Chain = payload(object, "chain")?;
    loop {
        let active = chain.active.borrow().clone();
        if let Some(active) = active {
            if let Some(item) = iterobject::next(ts, &active)? {
                return Ok(Some(item));
            }
            chain.active.replace(None);
        }
        let Some(sources) = chain.sources.borrow().clone() else {
            return Ok(None);
        };
        match iterobject::next(ts, &sources)? {
            Some(iterable) => {
                let iterator = iterobject::get_iter(ts, &iterable)?;
                chain.active.replace(Some(iterator));
            }
            None => {
                chain.sources.replace(None);
                return Ok(None);
            }
        }
    }
}

fn chain_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(chain) = object.downcast_ref::<Chain>() {
        visit_cell(&chain.sources, visit);
        visit_cell(&chain.active, visit);
    }
}

iter_type!(
    CHAIN_TYPE,
    Chain,
    "itertools.chain",
    chain_new,
    chain_next,
    chain_traverse
);

// ---------------------------------------------------------------------------- compress

/// `compress(data, selectors)`.
pub struct Compress {
    data: PyRef,
    selectors: PyRef,
}

fn compress_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let (positional, keywords) = parse_keywords("compress", args, kwnames, &["data", "selectors"])?;
    let data = positional.first().cloned().or_else(|| keywords[0].clone());
    let selectors = positional.get(1).cloned().or_else(|| keywords[1].clone());
    let (Some(data), Some(selectors)) = (data, selectors) else {
        let missing = if positional.is_empty() && keywords[0].is_none() {
            "'data' (pos 1)"
        } else {
            "'selectors' (pos 2)"
        };
        return Err(PyErr::type_error(format!(
            "compress() missing required argument {missing}"
        )));
    };
    let data = iterobject::get_iter(ts, &data)?;
    let selectors = iterobject::get_iter(ts, &selectors)?;
    instance(ts, ty, Compress { data, selectors })
}

fn compress_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let compress: &Compress = payload(object, "compress")?;
    loop {
        let Some(item) = iterobject::next(ts, &compress.data)? else {
            return Ok(None);
        };
        let Some(selector) = iterobject::next(ts, &compress.selectors)? else {
            return Ok(None);
        };
        if selector.is_true(ts)? {
            return Ok(Some(item));
        }
    }
}

fn compress_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(compress) = object.downcast_ref::<Compress>() {
        visit(&compress.data);
        visit(&compress.selectors);
    }
}

iter_type!(
    COMPRESS_TYPE,
    Compress,
    "itertools.compress",
    compress_new,
    compress_next,
    compress_traverse
);

// ------------------------------------------------- dropwhile, takewhile, filterfalse, starmap

/// A predicate or function applied to the items of one iterator.
pub struct PredicateIter {
    function: PyRef,
    iterator: PyRef,
    /// dropwhile: the predicate failed once; takewhile: it failed (exhausted).
    flipped: Cell<bool>,
}

fn predicate_args(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<PredicateIter> {
    let args = positional(name, args, kwnames, 2, 2)?;
    Ok(PredicateIter {
        function: args[0].clone(),
        iterator: iterobject::get_iter(ts, &args[1])?,
        flipped: Cell::new(false),
    })
}

/// The four types share one payload; each is a distinct type object.
pub struct DropWhile(PredicateIter);
pub struct TakeWhile(PredicateIter);
pub struct FilterFalse(PredicateIter);
pub struct StarMap(PredicateIter);

macro_rules! predicate_type {
    ($static_name:ident, $name:literal, $short:literal, $new:ident, $next:ident, $wrapper:ident) => {
        fn $new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
            let state = predicate_args(ts, $short, args, kwnames)?;
            instance(ts, ty, $wrapper(state))
        }

        impl PyPayload for $wrapper {
            fn static_type() -> &'static PyType {
                &$static_name
            }
        }

        pub static $static_name: StaticType = StaticObject::new(
            &TYPE_TYPE,
            TypeObject::builtin::<$wrapper>(
                $name,
                flags::BASETYPE | flags::HAVE_GC,
                Some(&OBJECT_TYPE),
            )
            .with_slots(SlotTable {
                iter: Slot::new(self_iter),
                iternext: Slot::new($next),
                new: Slot::new($new),
                traverse: Slot::new(|_ts, object, visit| {
                    if let Some(wrapper) = object.downcast_ref::<$wrapper>() {
                        visit(&wrapper.0.function);
                        visit(&wrapper.0.iterator);
                    }
                }),
                ..pyrite_objects::typeobject::object_slots()
            }),
        );
    };
}

fn state_of<T: PyPayload>(
    object: &PyObject,
    project: fn(&T) -> &PredicateIter,
) -> PyResult<&PredicateIter> {
    object
        .downcast_ref::<T>()
        .map(|obj| project(obj.payload()))
        .ok_or_else(|| PyErr::type_error("unexpected itertools object"))
}

fn dropwhile_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let state = state_of::<DropWhile>(object, |w| &w.0)?;
    loop {
        let Some(item) = iterobject::next(ts, &state.iterator)? else {
            return Ok(None);
        };
        if state.flipped.get() {
            return Ok(Some(item));
        }
        if !call(ts, &state.function, std::slice::from_ref(&item))?.is_true(ts)? {
            state.flipped.set(true);
            return Ok(Some(item));
        }
    }
}

fn takewhile_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let state = state_of::<TakeWhile>(object, |w| &w.0)?;
    if state.flipped.get() {
        return Ok(None);
    }
    let Some(item) = iterobject::next(ts, &state.iterator)? else {
        return Ok(None);
    };
    if call(ts, &state.function, std::slice::from_ref(&item))?.is_true(ts)? {
        return Ok(Some(item));
    }
    state.flipped.set(true);
    Ok(None)
}

fn filterfalse_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let state = state_of::<FilterFalse>(object, |w| &w.0)?;
    loop {
        let Some(item) = iterobject::next(ts, &state.iterator)? else {
            return Ok(None);
        };
        let keep = if singletons::is_none(&state.function) {
            !item.is_true(ts)?
        } else {
            !call(ts, &state.function, std::slice::from_ref(&item))?.is_true(ts)?
        };
        if keep {
            return Ok(Some(item));
        }
    }
}

fn starmap_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let state = state_of::<StarMap>(object, |w| &w.0)?;
    let Some(item) = iterobject::next(ts, &state.iterator)? else {
        return Ok(None);
    };
    let args = iterobject::collect(ts, &item)?;
    call(ts, &state.function, &args).map(Some)
}

predicate_type!(
    DROPWHILE_TYPE,
    "itertools.dropwhile",
    "dropwhile",
    dropwhile_new,
    dropwhile_next,
    DropWhile
);
predicate_type!(
    TAKEWHILE_TYPE,
    "itertools.takewhile",
    "takewhile",
    takewhile_new,
    takewhile_next,
    TakeWhile
);
predicate_type!(
    FILTERFALSE_TYPE,
    "itertools.filterfalse",
    "filterfalse",
    filterfalse_new,
    filterfalse_next,
    FilterFalse
);
predicate_type!(
    STARMAP_TYPE,
    "itertools.starmap",
    "starmap",
    starmap_new,
    starmap_next,
    StarMap
);

// ---------------------------------------------------------------------------- groupby

/// State shared by a `groupby` and the `_grouper` it handed out last.
struct GroupState {
    iterator: PyRef,
    key_function: Option<PyRef>,
    /// The current item and its key, read ahead of the groups.
    current: Option<(PyRef, PyRef)>,
    /// The key of the group being produced.
    target: Option<PyRef>,
    /// Bumped for every new group; a grouper of an older group is exhausted.
    generation: u64,
    exhausted: bool,
}

/// `groupby(iterable, key=None)`.
pub struct GroupBy {
    state: Rc<RefCell<GroupState>>,
}

/// The items of one group (`itertools._grouper`).
pub struct Grouper {
    parent: PyRef,
    state: Rc<RefCell<GroupState>>,
    generation: u64,
}

fn groupby_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let (positional, keywords) = parse_keywords("groupby", args, kwnames, &["iterable", "key"])?;
    if positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "groupby() takes at most 2 arguments ({} given)",
            positional.len()
        )));
    }
    let iterable = positional
        .first()
        .cloned()
        .or_else(|| keywords[0].clone())
        .ok_or_else(|| {
            PyErr::type_error("groupby() missing required argument 'iterable' (pos 1)")
        })?;
    let key_function = positional
        .get(1)
        .cloned()
        .or_else(|| keywords[1].clone())
        .filter(|k| !singletons::is_none(k));
    let iterator = iterobject::get_iter(ts, &iterable)?;
    instance(
        ts,
        ty,
        GroupBy {
            state: Rc::new(RefCell::new(GroupState {
                iterator,
                key_function,
                current: None,
                target: None,
                generation: 0,
                exhausted: false,
            })),
        },
    )
}

/// Reads the next item and its key into `current`; `false` at the end.
fn group_step(ts: &ThreadState, state: &RefCell<GroupState>) -> PyResult<bool> {
    let (iterator, key_function) = {
        let state = state.borrow();
        if state.exhausted {
            return Ok(false);
        }
        (state.iterator.clone(), state.key_function.clone())
    };
    let Some(item) = iterobject::next(ts, &iterator)? else {
        state.borrow_mut().exhausted = true;
        return Ok(false);
    };
    let key = match key_function {
        Some(function) => call(ts, &function, std::slice::from_ref(&item))?,
        None => item.clone(),
    };
    state.borrow_mut().current = Some((item, key));
    Ok(true)
}

fn keys_equal(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult<bool> {
    a.rich_compare_bool(ts, b, CompareOp::Eq)
}

fn groupby_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let groupby: &GroupBy = payload(object, "groupby")?;
    let state = &groupby.state;
    // Skip the rest of the current group.
    loop {
        let (current, target) = {
            let s = state.borrow();
            (s.current.clone(), s.target.clone())
        };
        match (current, target) {
            (None, _) => {
                if !group_step(ts, state)? {
                    return Ok(None);
                }
            }
            (Some((_, key)), Some(target)) => {
                if !keys_equal(ts, &target, &key)? {
                    break;
                }
                if !group_step(ts, state)? {
                    return Ok(None);
                }
            }
            (Some(_), None) => break,
        }
    }
    let (key, generation) = {
        let mut s = state.borrow_mut();
        let key = s.current.as_ref().map(|(_, key)| key.clone());
        s.target = key.clone();
        s.generation += 1;
        (key, s.generation)
    };
    let Some(key) = key else {
        return Ok(None);
    };
    let grouper = Py::new(
        ts,
        Grouper {
            parent: object.new_ref(),
            state: state.clone(),
            generation,
        },
    )
    .into_ref();
    Ok(Some(tuple::new(ts, vec![key, grouper]).into_ref()))
}

fn grouper_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let grouper: &Grouper = payload(object, "_grouper")?;
    let state = &grouper.state;
    if state.borrow().generation != grouper.generation {
        return Ok(None);
    }
    if state.borrow().current.is_none() && !group_step(ts, state)? {
        return Ok(None);
    }
    let (current, target) = {
        let s = state.borrow();
        (s.current.clone(), s.target.clone())
    };
    let (Some((item, key)), Some(target)) = (current, target) else {
        return Ok(None);
    };
    if !keys_equal(ts, &target, &key)? {
        return Ok(None);
    }
    state.borrow_mut().current = None;
    Ok(Some(item))
}

fn visit_group_state(state: &RefCell<GroupState>, visit: &mut dyn FnMut(&PyObject)) {
    let state = state.borrow();
    visit(&state.iterator);
    if let Some(function) = &state.key_function {
        visit(function);
    }
    if let Some((item, key)) = &state.current {
        visit(item);
        visit(key);
    }
    if let Some(target) = &state.target {
        visit(target);
    }
}

fn groupby_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(groupby) = object.downcast_ref::<GroupBy>() {
        visit_group_state(&groupby.state, visit);
    }
}

fn grouper_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(grouper) = object.downcast_ref::<Grouper>() {
        visit(&grouper.parent);
    }
}

fn grouper_new(_ts: &ThreadState, _ty: &PyType, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Err(PyErr::type_error(
        "cannot create 'itertools._grouper' instances",
    ))
}

iter_type!(
    GROUPBY_TYPE,
    GroupBy,
    "itertools.groupby",
    groupby_new,
    groupby_next,
    groupby_traverse
);
iter_type!(
    GROUPER_TYPE,
    Grouper,
    "itertools._grouper",
    grouper_new,
    grouper_next,
    grouper_traverse
);

// ---------------------------------------------------------------------------- islice

/// `islice(iterable, stop)` / `islice(iterable, start, stop[, step])`.
pub struct ISlice {
    iterator: RefCell<Option<PyRef>>,
    /// Index of the next item to yield.
    next: Cell<u64>,
    stop: Option<u64>,
    step: u64,
    /// Items consumed from the underlying iterator.
    consumed: Cell<u64>,
}

fn slice_bound(ts: &ThreadState, value: &PyObject, message: &'static str) -> PyResult<Option<u64>> {
    if singletons::is_none(value) {
        return Ok(None);
    }
    let bad = || PyErr::new(ExceptionKind::ValueError, message);
    let index = abstract_api::index(ts, value).map_err(|err| {
        if err.matches(ExceptionKind::TypeError) {
            bad()
        } else {
            err
        }
    })?;
    let value = index.downcast_ref::<Int>().ok_or_else(bad)?;
    match value.as_i64() {
        Some(v) if v >= 0 => Ok(Some(v as u64)),
        Some(_) => Err(bad()),
        None if value.to_bigint().sign() == num_bigint::Sign::Minus => Err(bad()),
        None => Ok(Some(i64::MAX as u64)),
    }
}

fn islice_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let args = positional("islice", args, kwnames, 2, 4)?;
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const STEP: &str = "Step for islice() must be a positive integer or None.";
    let (start, stop, step) = if args.len() == 2 {
        (0, slice_bound(ts, &args[1], STOP)?, 1)
    } else {
        let start = slice_bound(ts, &args[1], INDICES)?.unwrap_or(0);
        let stop = slice_bound(ts, &args[2], INDICES)?;
        let step = match args.get(3) {
            Some(step) => match slice_bound(ts, step, STEP) {
                Ok(Some(0)) | Err(_) => {
                    return Err(PyErr::new(ExceptionKind::ValueError, STEP));
                }
                Ok(step) => step.unwrap_or(1),
            },
            None => 1,
        };
        (start, stop, step)
    };
    let iterator = iterobject::get_iter(ts, &args[0])?;
    instance(
        ts,
        ty,
        ISlice {
            iterator: RefCell::new(Some(iterator)),
            next: Cell::new(start),
            stop,
            step,
            consumed: Cell::new(0),
        },
    )
}

fn islice_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let islice: &ISlice = payload(object, "islice")?;
    let Some(iterator) = islice.iterator.borrow().clone() else {
        return Ok(None);
    };
    let wanted = islice.next.get();
    if islice.stop.is_some_and(|stop| wanted >= stop) {
        // Consume up to `stop` as CPython does, then drop the iterator.
        while islice.stop.is_some_and(|stop| islice.consumed.get() < stop) {
            if iterobject::next(ts, &iterator)?.is_none() {
                break;
            }
            islice.consumed.set(islice.consumed.get() + 1);
        }
        islice.iterator.replace(None);
        return Ok(None);
    }
    while islice.consumed.get() < wanted {
        if iterobject::next(ts, &iterator)?.is_none() {
            islice.iterator.replace(None);
            return Ok(None);
        }
        islice.consumed.set(islice.consumed.get() + 1);
    }
    let Some(item) = iterobject::next(ts, &iterator)? else {
        islice.iterator.replace(None);
        return Ok(None);
    };
    islice.consumed.set(islice.consumed.get() + 1);
    islice.next.set(wanted.saturating_add(islice.step));
    Ok(Some(item))
}

fn islice_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(islice) = object.downcast_ref::<ISlice>() {
        visit_cell(&islice.iterator, visit);
    }
}

iter_type!(
    ISLICE_TYPE,
    ISlice,
    "itertools.islice",
    islice_new,
    islice_next,
    islice_traverse
);

// ---------------------------------------------------------------------------- pairwise

/// `pairwise(iterable)`: overlapping pairs.
pub struct Pairwise {
    iterator: RefCell<Option<PyRef>>,
    previous: RefCell<Option<PyRef>>,
}

fn pairwise_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let args = positional("pairwise", args, kwnames, 1, 1)?;
    let iterator = iterobject::get_iter(ts, &args[0])?;
    instance(
        ts,
        ty,
        Pairwise {
            iterator: RefCell::new(Some(iterator)),
            previous: RefCell::new(None),
        },
    )
}

fn pairwise_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let pairwise: &Pairwise = payload(object, "pairwise")?;
    let Some(iterator) = pairwise.iterator.borrow().clone() else {
        return Ok(None);
    };
    let previous = match pairwise.previous.borrow().clone() {
        Some(previous) => previous,
        None => match iterobject::next(ts, &iterator)? {
            Some(first) => first,
            None => {
                pairwise.iterator.replace(None);
                return Ok(None);
            }
        },
    };
    let Some(item) = iterobject::next(ts, &iterator)? else {
        pairwise.iterator.replace(None);
        pairwise.previous.replace(None);
        return Ok(None);
    };
    pairwise.previous.replace(Some(item.clone()));
    Ok(Some(tuple::new(ts, vec![previous, item]).into_ref()))
}

fn pairwise_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(pairwise) = object.downcast_ref::<Pairwise>() {
        visit_cell(&pairwise.iterator, visit);
        visit_cell(&pairwise.previous, visit);
    }
}

iter_type!(
    PAIRWISE_TYPE,
    Pairwise,
    "itertools.pairwise",
    pairwise_new,
    pairwise_next,
    pairwise_traverse
);

// ---------------------------------------------------------------------------- tee

/// The buffer shared by the iterators `tee` returns: the items some of them have not
/// seen yet. Each reader's position is shared with the buffer (weakly), so items every
/// live reader has passed are dropped, as CPython's linked blocks are freed.
struct TeeBuffer {
    iterator: PyRef,
    items: std::collections::VecDeque<PyRef>,
    /// Index in the whole stream of `items[0]`.
    offset: usize,
    readers: Vec<std::rc::Weak<Cell<usize>>>,
    running: bool,
    exhausted: bool,
}

impl TeeBuffer {
    /// Drops the items behind the slowest live reader.
    fn trim(&mut self) {
        self.readers.retain(|reader| reader.strong_count() > 0);
        let slowest = self
            .readers
            .iter()
            .filter_map(|reader| reader.upgrade().map(|position| position.get()))
            .min()
            .unwrap_or(self.offset + self.items.len());
        while self.offset < slowest && self.items.pop_front().is_some() {
            self.offset += 1;
        }
    }

    fn new_reader(&mut self, position: usize) -> Rc<Cell<usize>> {
        let reader = Rc::new(Cell::new(position));
        self.readers.push(Rc::downgrade(&reader));
        reader
    }
}

/// One of `tee`'s iterators (`itertools._tee`).
pub struct Tee {
    buffer: Rc<RefCell<TeeBuffer>>,
    /// Index in the whole stream of this iterator's next item.
    position: Rc<Cell<usize>>,
}

fn tee_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let tee: &Tee = payload(object, "_tee")?;
    let position = tee.position.get();
    let iterator = {
        let buffer = tee.buffer.borrow();
        if let Some(item) = position
            .checked_sub(buffer.offset)
            .and_then(|index| buffer.items.get(index))
        {
            let item = item.clone();
            tee.position.set(position + 1);
            return Ok(Some(item));
        }
        if buffer.exhausted {
            return Ok(None);
        }
        if buffer.running {
            return Err(PyErr::new(
                ExceptionKind::RuntimeError,
                "cannot re-enter the tee iterator",
            ));
        }
        buffer.iterator.clone()
    };
    tee.buffer.borrow_mut().running = true;
    let next = iterobject::next(ts, &iterator);
    let mut buffer = tee.buffer.borrow_mut();
    buffer.running = false;
    match next? {
        Some(item) => {
            buffer.items.push_back(item.clone());
            tee.position.set(position + 1);
            if buffer.items.len() >= 64 {
                buffer.trim();
            }
            Ok(Some(item))
        }
        None => {
            buffer.exhausted = true;
            Ok(None)
        }
    }
}

fn tee_copy(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let tee: &Tee = payload(this, "_tee")?;
    let position = tee.buffer.borrow_mut().new_reader(tee.position.get());
    Ok(Py::new(
        ts,
        Tee {
            buffer: tee.buffer.clone(),
            position,
        },
    )
    .into_ref())
}

fn tee_new(ts: &ThreadState, _ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let args = positional("_tee", args, kwnames, 1, 1)?;
    new_tee(ts, &args[0])
}

/// A fresh `_tee` over `iterable` (or a copy if it already is one).
fn new_tee(ts: &ThreadState, iterable: &PyObject) -> PyResult {
    if iterable.downcast_ref::<Tee>().is_some() {
        return tee_copy(ts, iterable, &[], None);
    }
    let iterator = iterobject::get_iter(ts, iterable)?;
    let mut buffer = TeeBuffer {
        iterator,
        items: std::collections::VecDeque::new(),
        offset: 0,
        readers: Vec::new(),
        running: false,
        exhausted: false,
    };
    let position = buffer.new_reader(0);
    Ok(Py::new(
        ts,
        Tee {
            buffer: Rc::new(RefCell::new(buffer)),
            position,
        },
    )
    .into_ref())
}

fn tee_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(tee) = object.downcast_ref::<Tee>() {
        let buffer = tee.buffer.borrow();
        visit(&buffer.iterator);
        for item in &buffer.items {
            visit(item);
        }
    }
}

iter_type!(
    TEE_TYPE,
    Tee,
    "itertools._tee",
    tee_new,
    tee_next,
    tee_traverse
);

fn itertools_tee(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("tee", args, kw, 1, 2)?;
    let n = match args.get(1) {
        Some(n) => {
            let n = abstract_api::index(ts, n)?;
            n.downcast_ref::<Int>()
                .and_then(|v| v.as_i64())
                .unwrap_or(i64::MAX)
        }
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::new(ExceptionKind::ValueError, "n must be >= 0"));
    }
    let mut result = Vec::new();
    if n > 0 {
        let first = new_tee(ts, &args[0])?;
        for _ in 1..n {
            result.push(tee_copy(ts, &first, &[], None)?);
        }
        result.insert(0, first);
    }
    Ok(tuple::new(ts, result).into_ref())
}

// ---------------------------------------------------------------------------- zip_longest

/// `zip_longest(*iterables, fillvalue=None)`.
pub struct ZipLongest {
    iterators: RefCell<Vec<Option<PyRef>>>,
    active: Cell<usize>,
    fill: PyRef,
}

fn zip_longest_new(
    ts: &ThreadState,
    ty: &PyType,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = parse_keywords("zip_longest", args, kwnames, &["fillvalue"])?;
    let fill = keywords[0].clone().unwrap_or_else(singletons::none);
    let iterators = positional
        .iter()
        .map(|iterable| iterobject::get_iter(ts, iterable).map(Some))
        .collect::<PyResult<Vec<_>>>()?;
    let active = iterators.len();
    instance(
        ts,
        ty,
        ZipLongest {
            iterators: RefCell::new(iterators),
            active: Cell::new(active),
            fill,
        },
    )
}

fn zip_longest_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let zip: &ZipLongest = payload(object, "zip_longest")?;
    let count = zip.iterators.borrow().len();
    if count == 0 || zip.active.get() == 0 {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(count);
    for index in 0..count {
        let iterator = zip.iterators.borrow()[index].clone();
        let item = match iterator {
            Some(iterator) => match iterobject::next(ts, &iterator)? {
                Some(item) => item,
                None => {
                    zip.iterators.borrow_mut()[index] = None;
                    zip.active.set(zip.active.get() - 1);
                    if zip.active.get() == 0 {
                        return Ok(None);
                    }
                    zip.fill.clone()
                }
            },
            None => zip.fill.clone(),
        };
        items.push(item);
    }
    Ok(Some(tuple::new(ts, items).into_ref()))
}

fn zip_longest_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(zip) = object.downcast_ref::<ZipLongest>() {
        for iterator in zip.iterators.borrow().iter().flatten() {
            visit(iterator);
        }
        visit(&zip.fill);
    }
}

iter_type!(
    ZIP_LONGEST_TYPE,
    ZipLongest,
    "itertools.zip_longest",
    zip_longest_new,
    zip_longest_next,
    zip_longest_traverse
);

// ------------------------------------- product, permutations, combinations (index-based)

/// Which combinatoric sequence an `IndexCombinator` walks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Combinatoric {
    Product,
    Permutations,
    Combinations,
    CombinationsWithReplacement,
}

/// The state of the combinatoric iterators: the pool(s) and the current indices.
struct CombinatorState {
    /// One pool per position for `product`; one shared pool otherwise.
    pools: Vec<Vec<PyRef>>,
    r: usize,
    indices: Vec<usize>,
    /// `permutations`' cycle counters (as in the standard algorithm).
    cycles: Vec<usize>,
    started: bool,
    done: bool,
}

pub struct Product(RefCell<CombinatorState>);
pub struct Permutations(RefCell<CombinatorState>);
pub struct Combinations(RefCell<CombinatorState>);
pub struct CombinationsWithReplacement(RefCell<CombinatorState>);

fn pool_item(state: &CombinatorState, kind: Combinatoric, position: usize, index: usize) -> PyRef {
    let pool = if kind == Combinatoric::Product {
        &state.pools[position]
    } else {
        &state.pools[0]
    };
    pool[index].clone()
}

/// Advances the state to the next tuple's indices; `false` when exhausted.
fn advance(state: &mut CombinatorState, kind: Combinatoric) -> bool {
    let n = state.pools.first().map_or(0, Vec::len);
    let r = state.r;
    match kind {
        Combinatoric::Product => {
            for position in (0..state.indices.len()).rev() {
                state.indices[position] += 1;
                if state.indices[position] < state.pools[position].len() {
                    return true;
                }
                state.indices[position] = 0;
            }
            false
        }
        Combinatoric::Combinations => {
            for i in (0..r).rev() {
                if state.indices[i] != i + n - r {
                    state.indices[i] += 1;
                    for j in i + 1..r {
                        state.indices[j] = state.indices[j - 1] + 1;
                    }
                    return true;
                }
            }
            false
        }
        Combinatoric::CombinationsWithReplacement => {
            for i in (0..r).rev() {
                if state.indices[i] != n - 1 {
                    let value = state.indices[i] + 1;
                    for j in i..r {
                        state.indices[j] = value;
                    }
                    return true;
                }
            }
            false
        }
        Combinatoric::Permutations => {
            for i in (0..r).rev() {
                state.cycles[i] -= 1;
                if state.cycles[i] == 0 {
                    let moved = state.indices.remove(i);
                    state.indices.push(moved);
                    state.cycles[i] = n - i;
                } else {
                    let j = state.cycles[i];
                    let len = state.indices.len();
                    state.indices.swap(i, len - j);
                    return true;
                }
            }
            false
        }
    }
}

fn combinator_next(
    ts: &ThreadState,
    cell: &RefCell<CombinatorState>,
    kind: Combinatoric,
) -> PyResult<Option<PyRef>> {
    let items = {
        let mut state = cell.borrow_mut();
        if state.done {
            return Ok(None);
        }
        if state.started {
            if !advance(&mut state, kind) {
                state.done = true;
                return Ok(None);
            }
        } else {
            state.started = true;
        }
        (0..state.r)
            .map(|position| pool_item(&state, kind, position, state.indices[position]))
            .collect::<Vec<_>>()
    };
    Ok(Some(tuple::new(ts, items).into_ref()))
}

fn combinator_state(pools: Vec<Vec<PyRef>>, r: usize, kind: Combinatoric) -> CombinatorState {
    let n = pools.first().map_or(0, Vec::len);
    let done = match kind {
        Combinatoric::Product => pools.iter().any(Vec::is_empty),
        Combinatoric::Permutations | Combinatoric::Combinations => r > n,
        Combinatoric::CombinationsWithReplacement => n == 0 && r > 0,
    };
    let indices = match kind {
        Combinatoric::Product => vec![0; pools.len()],
        Combinatoric::Permutations => (0..n).collect(),
        Combinatoric::Combinations => (0..r).collect(),
        Combinatoric::CombinationsWithReplacement => vec![0; r],
    };
    let cycles = if kind == Combinatoric::Permutations && r <= n {
        (0..r).map(|i| n - i).collect()
    } else {
        Vec::new()
    };
    CombinatorState {
        pools,
        r,
        indices,
        cycles,
        started: false,
        done,
    }
}

fn combinator_traverse(cell: &RefCell<CombinatorState>, visit: &mut dyn FnMut(&PyObject)) {
    for pool in &cell.borrow().pools {
        for item in pool {
            visit(item);
        }
    }
}

fn r_argument(ts: &ThreadState, r: &PyObject) -> PyResult<usize> {
    let value = abstract_api::index(ts, r)?;
    let value = value
        .downcast_ref::<Int>()
        .and_then(|v| v.as_i64())
        .unwrap_or(i64::MAX);
    if value < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "r must be non-negative",
        ));
    }
    Ok(usize::try_from(value).unwrap_or(usize::MAX))
}

fn product_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let (positional, keywords) = parse_keywords("product", args, kwnames, &["repeat"])?;
    let repeat = match &keywords[0] {
        Some(repeat) => {
            let value = abstract_api::index(ts, repeat)?;
            let value = value
                .downcast_ref::<Int>()
                .and_then(|v| v.as_i64())
                .unwrap_or(i64::MAX);
            if value < 0 {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "repeat argument cannot be negative",
                ));
            }
            usize::try_from(value).unwrap_or(usize::MAX)
        }
        None => 1,
    };
    let mut base = Vec::with_capacity(positional.len());
    for iterable in positional {
        base.push(iterobject::collect(ts, iterable)?);
    }
    if repeat > 0 && base.len().checked_mul(repeat).is_none_or(|n| n > 1 << 20) {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "repeat argument too large",
        ));
    }
    let mut pools = Vec::with_capacity(base.len() * repeat);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let r = pools.len();
    let state = combinator_state(pools, r, Combinatoric::Product);
    instance(ts, ty, Product(RefCell::new(state)))
}

fn permutations_new(
    ts: &ThreadState,
    ty: &PyType,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = parse_keywords("permutations", args, kwnames, &["iterable", "r"])?;
    let iterable = positional
        .first()
        .cloned()
        .or_else(|| keywords[0].clone())
        .ok_or_else(|| {
            PyErr::type_error("permutations() missing required argument 'iterable' (pos 1)")
        })?;
    let pool = iterobject::collect(ts, &iterable)?;
    let r = match positional.get(1).cloned().or_else(|| keywords[1].clone()) {
        Some(r) if !singletons::is_none(&r) => r_argument(ts, &r)?,
        _ => pool.len(),
    };
    let state = combinator_state(vec![pool], r, Combinatoric::Permutations);
    instance(ts, ty, Permutations(RefCell::new(state)))
}

fn combinations_common(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    kind: Combinatoric,
) -> PyResult<CombinatorState> {
    let (positional, keywords) = parse_keywords(name, args, kwnames, &["iterable", "r"])?;
    let iterable = positional.first().cloned().or_else(|| keywords[0].clone());
    let r = positional.get(1).cloned().or_else(|| keywords[1].clone());
    let (Some(iterable), Some(r)) = (iterable, r) else {
        let missing = if positional.is_empty() && keywords[0].is_none() {
            "'iterable' (pos 1)"
        } else {
            "'r' (pos 2)"
        };
        return Err(PyErr::type_error(format!(
            "{name}() missing required argument {missing}"
        )));
    };
    let pool = iterobject::collect(ts, &iterable)?;
    let r = r_argument(ts, &r)?;
    Ok(combinator_state(vec![pool], r, kind))
}

fn combinations_new(
    ts: &ThreadState,
    ty: &PyType,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let state = combinations_common(
        ts,
        "combinations",
        args,
        kwnames,
        Combinatoric::Combinations,
    )?;
    instance(ts, ty, Combinations(RefCell::new(state)))
}

fn cwr_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let state = combinations_common(
        ts,
        "combinations_with_replacement",
        args,
        kwnames,
        Combinatoric::CombinationsWithReplacement,
    )?;
    instance(ts, ty, CombinationsWithReplacement(RefCell::new(state)))
}

macro_rules! combinator_type {
    ($static_name:ident, $wrapper:ident, $name:literal, $new:ident, $kind:expr) => {
        impl PyPayload for $wrapper {
            fn static_type() -> &'static PyType {
                &$static_name
            }
        }

        pub static $static_name: StaticType = StaticObject::new(
            &TYPE_TYPE,
            TypeObject::builtin::<$wrapper>(
                $name,
                flags::BASETYPE | flags::HAVE_GC,
                Some(&OBJECT_TYPE),
            )
            .with_slots(SlotTable {
                iter: Slot::new(self_iter),
                iternext: Slot::new(|ts, object| {
                    let wrapper: &$wrapper = payload(object, $name)?;
                    combinator_next(ts, &wrapper.0, $kind)
                }),
                new: Slot::new($new),
                traverse: Slot::new(|_ts, object, visit| {
                    if let Some(wrapper) = object.downcast_ref::<$wrapper>() {
                        combinator_traverse(&wrapper.0, visit);
                    }
                }),
                ..pyrite_objects::typeobject::object_slots()
            }),
        );
    };
}

combinator_type!(
    PRODUCT_TYPE,
    Product,
    "itertools.product",
    product_new,
    Combinatoric::Product
);
combinator_type!(
    PERMUTATIONS_TYPE,
    Permutations,
    "itertools.permutations",
    permutations_new,
    Combinatoric::Permutations
);
combinator_type!(
    COMBINATIONS_TYPE,
    Combinations,
    "itertools.combinations",
    combinations_new,
    Combinatoric::Combinations
);
combinator_type!(
    CWR_TYPE,
    CombinationsWithReplacement,
    "itertools.combinations_with_replacement",
    cwr_new,
    Combinatoric::CombinationsWithReplacement
);

// ---------------------------------------------------------------------------- module

fn set(ts: &ThreadState, dict: &Dict, name: &str, value: PyRef) -> PyResult<()> {
    dict.set_item(ts, pystr::intern(ts, name), value)
}

/// Creates the `itertools` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = pyrite_objects::module::new(ts, "itertools").into_ref();
    let dict = pyrite_objects::module::dict_of(&module)
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module without a dict"))?;
    let dict = dict
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module dict is not a dict"))?;
    set(
        ts,
        dict,
        "__doc__",
        pystr::new(ts, "Functional tools for creating and using iterators.").into_ref(),
    )?;
    let types: &[(&str, &'static PyType)] = &[
        ("accumulate", &ACCUMULATE_TYPE),
        ("batched", &BATCHED_TYPE),
        ("chain", &CHAIN_TYPE),
        ("combinations", &COMBINATIONS_TYPE),
        ("combinations_with_replacement", &CWR_TYPE),
        ("compress", &COMPRESS_TYPE),
        ("count", &COUNT_TYPE),
        ("cycle", &CYCLE_TYPE),
        ("dropwhile", &DROPWHILE_TYPE),
        ("filterfalse", &FILTERFALSE_TYPE),
        ("groupby", &GROUPBY_TYPE),
        ("islice", &ISLICE_TYPE),
        ("pairwise", &PAIRWISE_TYPE),
        ("permutations", &PERMUTATIONS_TYPE),
        ("product", &PRODUCT_TYPE),
        ("repeat", &REPEAT_TYPE),
        ("starmap", &STARMAP_TYPE),
        ("takewhile", &TAKEWHILE_TYPE),
        ("zip_longest", &ZIP_LONGEST_TYPE),
        ("_grouper", &GROUPER_TYPE),
        ("_tee", &TEE_TYPE),
    ];
    for &(name, ty) in types {
        ty.ready(ts)?;
        let type_dict = ty.dict(ts);
        if let Some(type_dict) = type_dict.downcast_ref::<Dict>() {
            set(ts, type_dict, "__module__", pystr::intern(ts, "itertools"))?;
        }
        set(ts, dict, name, ty.as_object().new_ref())?;
    }
    pyrite_objects::descr::add_methods(
        ts,
        &REPEAT_TYPE,
        &[("__length_hint__", repeat_length_hint)],
    );
    pyrite_objects::descr::add_methods(ts, &TEE_TYPE, &[("__copy__", tee_copy)]);
    if let Some(chain_dict) = CHAIN_TYPE.dict(ts).downcast_ref::<Dict>() {
        let from_iterable = new_builtin_function(
            ts,
            "from_iterable",
            chain_from_iterable,
            CHAIN_TYPE.as_object().new_ref(),
        );
        set(ts, chain_dict, "from_iterable", from_iterable)?;
    }
    let functions: &[(&'static str, NativeFn)] = &[("tee", itertools_tee)];
    for &(name, function) in functions {
        set(
            ts,
            dict,
            name,
            new_builtin_function(ts, name, function, module.clone()),
        )?;
    }
    Ok(module)
}
