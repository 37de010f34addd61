//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): construction rules, `message`,
//! `exceptions`, `split`, `subgroup`, `derive`, and what `except*` needs (matching a
//! raised exception against a clause, and combining what the clauses raised).
//!
//! CPython counterpart: `Objects/exceptions.c` (`BaseExceptionGroup_new`,
//! `BaseExceptionGroup_str`, `BaseExceptionGroup_repr`, `exceptiongroup_split_recursive`,
//! `exceptiongroup_subset`, `_PyExc_PrepReraiseStar`) and `Python/ceval.c`
//! (`_PyEval_ExceptionGroupMatch`).

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::exceptions::{
    BASE_EXCEPTION_GROUP_TYPE, EXCEPTION_GROUP_TYPE, EXCEPTION_TYPE, data, is_exception,
};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{PyType, as_type};

pub(crate) const fn group_slots() -> SlotTable {
    SlotTable {
        new: Slot::new(group_new),
        init: Slot::new(group_init),
        str: Slot::new(group_str),
        repr: Slot::new(group_repr),
        ..crate::exceptions::exception_slots()
    }
}

/// Whether `object` is an exception group.
pub fn is_group(ts: &ThreadState, object: &PyObject) -> bool {
    object.ob_type().is_subtype(ts, &BASE_EXCEPTION_GROUP_TYPE)
}

/// The group's `message` and `exceptions` tuple.
pub fn parts(object: &PyObject) -> Option<(PyRef, PyRef)> {
    data(object).and_then(|data| data.group.borrow().clone())
}

fn keyword_count(kwnames: Option<&PyObject>) -> usize {
    kwnames.map_or(0, |names| crate::tuple::items(names).len())
}

fn group_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if keyword_count(kwnames) > 0 {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            ty.name()
        )));
    }
    let [message, exceptions] = args else {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    };
    if !message.payload_is::<crate::str::Str>() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.ob_type().name()
        )));
    }
    let is_sequence = exceptions.payload_is::<crate::tuple::Tuple>()
        || exceptions.payload_is::<crate::list::List>()
        || (exceptions.ob_type().sequence.item.get().is_some()
            && !exceptions.payload_is::<crate::dict::Dict>());
    if !is_sequence {
        return Err(PyErr::type_error(
            "second argument (exceptions) must be a sequence",
        ));
    }
    let items = crate::iterobject::collect(ts, exceptions)?;
    if items.is_empty() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut nested_base = false;
    for (index, item) in items.iter().enumerate() {
        if !is_exception(item) {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("Item {index} of second argument (exceptions) is not an exception"),
            ));
        }
        if !item.ob_type().is_subtype(ts, &EXCEPTION_TYPE) {
            nested_base = true;
        }
    }
    let mut class = ty;
    if std::ptr::eq(ty, &*BASE_EXCEPTION_GROUP_TYPE) {
        if !nested_base {
            class = &EXCEPTION_GROUP_TYPE;
        }
    } else if std::ptr::eq(ty, &*EXCEPTION_GROUP_TYPE) {
        if nested_base {
            return Err(PyErr::type_error(
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ));
        }
    } else if nested_base && ty.is_subtype(ts, &EXCEPTION_TYPE) {
        return Err(PyErr::type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            ty.name()
        )));
    }
    let group = crate::exceptions::new_exception(ts, class, args.to_vec());
    if let Some(data) = data(&group) {
        let tuple = crate::tuple::new(ts, items).into_ref();
        *data.group.borrow_mut() = Some((message.clone(), tuple));
    }
    Ok(group)
}

fn group_init(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    crate::exceptions::exception_init(ts, object, args, kwnames)
}

fn group_str(ts: &ThreadState, object: &PyObject) -> PyResult {
    let Some((message, exceptions)) = parts(object) else {
        return crate::exceptions::exception_str(ts, object);
    };
    let count = crate::tuple::items(&exceptions).len();
    let text = format!(
        "{} ({count} sub-exception{})",
        crate::str::to_rust_string(&message),
        if count == 1 { "" } else { "s" }
    );
    Ok(crate::str::new(ts, &text).into_ref())
}

fn group_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let Some((message, exceptions)) = parts(object) else {
        return crate::exceptions::exception_repr(ts, object);
    };
    // A list given to the constructor shows as a list (of the exceptions kept).
    let given_list = crate::exceptions::args_of(object)
        .get(1)
        .is_some_and(|given| given.payload_is::<crate::list::List>());
    let shown = if given_list {
        let list = crate::list::new(ts, crate::tuple::items(&exceptions).to_vec());
        crate::str::repr_text(ts, list.as_object())?
    } else {
        crate::str::repr_text(ts, &exceptions)?
    };
    let text = format!(
        "{}({}, {shown})",
        object.ob_type().name(),
        crate::str::repr_text(ts, &message)?
    );
    Ok(crate::str::new(ts, &text).into_ref())
}

/// What `split`/`subgroup` select with.
enum Matcher<'a> {
    Type(&'a PyObject),
    Predicate(&'a PyObject),
    /// Leaves with these identities (`except*` re-raises).
    Leaves(&'a [*const PyObject]),
}

fn is_exception_class_or_tuple(object: &PyObject) -> bool {
    if crate::exceptions::is_exception_type(object) {
        return true;
    }
    object.payload_is::<crate::tuple::Tuple>()
        && crate::tuple::items(object)
            .iter()
            .all(|item| crate::exceptions::is_exception_type(item))
}

fn matcher_of(value: &PyObject) -> PyResult<Matcher<'_>> {
    if as_type(value).is_none() && value.ob_type().slots.call.get().is_some() {
        return Ok(Matcher::Predicate(value));
    }
    if is_exception_class_or_tuple(value) {
        return Ok(Matcher::Type(value));
    }
    Err(PyErr::type_error(
        "expected an exception type, a tuple of exception types, or a callable (other than a class)",
    ))
}

fn matches(ts: &ThreadState, exc: &PyObject, matcher: &Matcher<'_>) -> PyResult<bool> {
    match matcher {
        Matcher::Type(classes) => crate::abstract_api::is_instance(ts, exc, classes),
        Matcher::Predicate(predicate) => {
            crate::abstract_api::call(ts, predicate, &[exc.new_ref()], None)?.is_true(ts)
        }
        Matcher::Leaves(leaves) => {
            Ok(!is_group(ts, exc) && leaves.iter().any(|leaf| std::ptr::eq(*leaf, exc.as_ptr())))
        }
    }
}

type SplitResult = (Option<PyRef>, Option<PyRef>);

fn split_recursive(
    ts: &ThreadState,
    exc: &PyObject,
    matcher: &Matcher<'_>,
    construct_rest: bool,
) -> PyResult<SplitResult> {
    if matches(ts, exc, matcher)? {
        return Ok((Some(exc.new_ref()), None));
    }
    let Some((_, exceptions)) = parts(exc).filter(|_| is_group(ts, exc)) else {
        return Ok((None, construct_rest.then(|| exc.new_ref())));
    };
    let _guard = ts.enter_recursive_call(" in split")?;
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for item in crate::tuple::items(&exceptions) {
        let (m, r) = split_recursive(ts, item, matcher, construct_rest)?;
        matched.extend(m);
        rest.extend(r);
    }
    let matched = subset(ts, exc, matched)?;
    let rest = if construct_rest {
        subset(ts, exc, rest)?
    } else {
        None
    };
    Ok((matched, rest))
}

/// A new group like `original` holding `exceptions` (by `derive`), with the original's
/// traceback, cause, context and notes.
fn subset(
    ts: &ThreadState,
    original: &PyObject,
    exceptions: Vec<PyRef>,
) -> PyResult<Option<PyRef>> {
    if exceptions.is_empty() {
        return Ok(None);
    }
    let derive = crate::attrs::get_attr_str(ts, original, "derive")?;
    let list = crate::list::new(ts, exceptions).into_ref();
    let group = crate::abstract_api::call(ts, &derive, &[list], None)?;
    if !is_group(ts, &group) {
        return Err(PyErr::type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    }
    if let (Some(from), Some(to)) = (data(original), data(&group)) {
        *to.traceback.borrow_mut() = from.traceback.borrow().clone();
        *to.context.borrow_mut() = from.context.borrow().clone();
        *to.cause.borrow_mut() = from.cause.borrow().clone();
        to.suppress_context.set(true);
    }
    let notes_name = crate::str::intern(ts, "__notes__");
    if let Some(notes) = crate::attrs::lookup_attr(ts, original, &notes_name)?
        && (notes.payload_is::<crate::list::List>() || notes.payload_is::<crate::tuple::Tuple>())
    {
        let copy = crate::list::new(ts, crate::iterobject::collect(ts, &notes)?).into_ref();
        crate::attrs::set_attr(ts, &group, &notes_name, Some(&copy))?;
    }
    Ok(Some(group))
}

fn none_or(value: Option<PyRef>) -> PyRef {
    value.unwrap_or_else(crate::singletons::none)
}

fn group_split(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    let [value] = args else {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.split() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let matcher = matcher_of(value)?;
    let (matched, rest) = split_recursive(ts, this, &matcher, true)?;
    Ok(crate::tuple::new(ts, vec![none_or(matched), none_or(rest)]).into_ref())
}

fn group_subgroup(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    let [value] = args else {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.subgroup() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let matcher = matcher_of(value)?;
    let (matched, _) = split_recursive(ts, this, &matcher, false)?;
    Ok(none_or(matched))
}

fn group_derive(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    let [exceptions] = args else {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.derive() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let message = parts(this)
        .map(|(message, _)| message)
        .unwrap_or_else(|| crate::str::new(ts, "").into_ref());
    crate::abstract_api::call(
        ts,
        BASE_EXCEPTION_GROUP_TYPE.as_object(),
        &[message, exceptions.clone()],
        None,
    )
}

fn group_message(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(none_or(parts(object).map(|(message, _)| message)))
}

fn group_exceptions(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(parts(object)
        .map(|(_, exceptions)| exceptions)
        .unwrap_or_else(crate::tuple::empty))
}

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &BASE_EXCEPTION_GROUP_TYPE,
        &[
            ("split", group_split),
            ("subgroup", group_subgroup),
            ("derive", group_derive),
        ],
    );
    crate::descr::add_getsets(
        ts,
        &BASE_EXCEPTION_GROUP_TYPE,
        &[
            ("message", group_message, None),
            ("exceptions", group_exceptions, None),
        ],
    );
}

/// `CHECK_EG_MATCH`: splits the exception being handled by an `except*` clause's type.
/// Returns `(rest, match)`; `match` is `None` when nothing matches. A naked exception
/// that matches is wrapped in a group (`traceback` becomes the wrapper's).
pub fn except_star_match(
    ts: &ThreadState,
    exc: &PyObject,
    match_type: &PyObject,
    traceback: Option<PyRef>,
) -> PyResult<(PyRef, PyRef)> {
    if !is_exception_class_or_tuple(match_type) {
        return Err(PyErr::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ));
    }
    let names_group = |class: &PyObject| {
        as_type(class).is_some_and(|ty| ty.is_subtype(ts, &BASE_EXCEPTION_GROUP_TYPE))
    };
    let catches_group = if match_type.payload_is::<crate::tuple::Tuple>() {
        crate::tuple::items(match_type)
            .iter()
            .any(|c| names_group(c))
    } else {
        names_group(match_type)
    };
    if catches_group {
        return Err(PyErr::type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    if crate::singletons::is_none(exc) {
        return Ok((crate::singletons::none(), crate::singletons::none()));
    }
    if crate::abstract_api::is_instance(ts, exc, match_type)? {
        if is_group(ts, exc) {
            return Ok((crate::singletons::none(), exc.new_ref()));
        }
        let wrapped = crate::abstract_api::call(
            ts,
            BASE_EXCEPTION_GROUP_TYPE.as_object(),
            &[
                crate::str::new(ts, "").into_ref(),
                crate::tuple::new(ts, vec![exc.new_ref()]).into_ref(),
            ],
            None,
        )?;
        if let Some(data) = data(&wrapped) {
            *data.traceback.borrow_mut() = traceback;
        }
        return Ok((crate::singletons::none(), wrapped));
    }
    if is_group(ts, exc) {
        let split = crate::attrs::get_attr_str(ts, exc, "split")?;
        let pair = crate::abstract_api::call(ts, &split, &[match_type.new_ref()], None)?;
        let items = crate::tuple::items(&pair);
        if !pair.payload_is::<crate::tuple::Tuple>() || items.len() != 2 {
            return Err(PyErr::type_error(format!(
                "{}.split must return a 2-tuple, got {}",
                exc.ob_type().name(),
                pair.ob_type().name()
            )));
        }
        return Ok((items[1].clone(), items[0].clone()));
    }
    Ok((exc.new_ref(), crate::singletons::none()))
}

fn same_metadata(a: &PyObject, b: &PyObject) -> bool {
    let (Some(a), Some(b)) = (data(a), data(b)) else {
        return false;
    };
    let same = |x: &Option<PyRef>, y: &Option<PyRef>| match (x, y) {
        (Some(x), Some(y)) => x.is(y),
        (None, None) => true,
        _ => false,
    };
    same(&a.traceback.borrow(), &b.traceback.borrow())
        && same(&a.cause.borrow(), &b.cause.borrow())
        && same(&a.context.borrow(), &b.context.borrow())
}

fn collect_leaves(ts: &ThreadState, exc: &PyObject, leaves: &mut Vec<*const PyObject>) {
    match parts(exc).filter(|_| is_group(ts, exc)) {
        Some((_, exceptions)) => {
            for item in crate::tuple::items(&exceptions) {
                collect_leaves(ts, item, leaves);
            }
        }
        None => leaves.push(exc.as_ptr()),
    }
}

/// `CALL_INTRINSIC_2 INTRINSIC_PREP_RERAISE_STAR`: what an `except*` statement re-raises,
/// from the original exception and what each clause raised or re-raised (`None` if
/// nothing).
pub fn prep_reraise_star(ts: &ThreadState, original: &PyObject, raised: &PyObject) -> PyResult {
    let items: Vec<PyRef> = crate::iterobject::collect(ts, raised)?
        .into_iter()
        .filter(|item| !crate::singletons::is_none(item))
        .collect();
    if items.is_empty() {
        return Ok(crate::singletons::none());
    }
    if !is_group(ts, original) {
        return Ok(items[0].clone());
    }
    let mut raised_list = Vec::new();
    let mut reraised_leaves = Vec::new();
    for item in items {
        if same_metadata(&item, original) {
            collect_leaves(ts, &item, &mut reraised_leaves);
        } else {
            raised_list.push(item);
        }
    }
    let reraised = if reraised_leaves.is_empty() {
        None
    } else {
        split_recursive(ts, original, &Matcher::Leaves(&reraised_leaves), false)?.0
    };
    if raised_list.is_empty() {
        return Ok(none_or(reraised));
    }
    raised_list.extend(reraised);
    if raised_list.len() == 1 {
        return Ok(raised_list.remove(0));
    }
    let list = crate::list::new(ts, raised_list).into_ref();
    crate::abstract_api::call(
        ts,
        BASE_EXCEPTION_GROUP_TYPE.as_object(),
        &[crate::str::new(ts, "").into_ref(), list],
        None,
    )
}
