//! The `_thread` module: locks (`lock`, `RLock`), thread identity, `_count`,
//! `TIMEOUT_MAX`, `error`, `_local`.
//!
//! CPython counterpart: `Modules/_threadmodule.c`. Pyrite runs Python code on one thread
//! for now: `start_new_thread` raises `RuntimeError`, and a blocking `acquire` of a lock
//! nobody else can release waits for its timeout (forever without one), as it would in
//! CPython with no other thread.

use std::cell::Cell;
use std::time::Duration;

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState};
use pyrite_objects::{bool as pybool, float, int, singletons, str as pystr, tuple};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, positional};

/// `threading.TIMEOUT_MAX`: CPython's `PY_TIMEOUT_MAX` in seconds, as a float.
const TIMEOUT_MAX: f64 = 9223372036.0;

thread_local! {
    static IDENT_ANCHOR: u8 = const { 0 };
}

/// `get_ident()`: a number naming the calling thread while it runs.
pub fn current_ident() -> u64 {
    IDENT_ANCHOR.with(|anchor| std::ptr::from_ref(anchor) as u64)
}

/// The wait `acquire(blocking, timeout)` asks for: `None` forever, `Some(0)` no wait.
fn parse_acquire(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<Option<Duration>> {
    let values = bind(name, args, kw, &["blocking", "timeout"], 0, 0)?;
    let blocking = match &values[0] {
        Some(value) => value.is_true(ts)?,
        None => true,
    };
    let timeout = match &values[1] {
        Some(value) => {
            let value = float::as_f64(value)
                .or_else(|| int::as_i64(value).map(|v| v as f64))
                .ok_or_else(|| {
                    PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer or float",
                        value.ob_type().name()
                    ))
                })?;
            Some(value)
        }
        None => None,
    };
    match (blocking, timeout) {
        (false, Some(t)) if t != -1.0 => Err(PyErr::new(
            ExceptionKind::ValueError,
            "can't specify a timeout for a non-blocking call",
        )),
        (false, _) => Ok(Some(Duration::ZERO)),
        (true, None) => Ok(None),
        (true, Some(-1.0)) => Ok(None),
        (true, Some(t)) if t < 0.0 => Err(PyErr::new(
            ExceptionKind::ValueError,
            "timeout value must be a non-negative number",
        )),
        (true, Some(t)) if t > TIMEOUT_MAX => Err(PyErr::new(
            ExceptionKind::OverflowError,
            "timeout value is too large",
        )),
        (true, Some(t)) => Ok(Some(Duration::from_secs_f64(t))),
    }
}

/// Waits as a blocked acquire would when no other thread can release the lock.
fn wait_unavailable(wait: Option<Duration>) -> bool {
    match wait {
        Some(duration) => {
            if !duration.is_zero() {
                std::thread::sleep(duration);
            }
            false
        }
        None => loop {
            std::thread::park();
        },
    }
}

// ---------------------------------------------------------------------------- lock

/// `_thread.lock`.
pub struct Lock {
    locked: Cell<bool>,
}

impl PyPayload for Lock {
    fn static_type() -> &'static PyType {
        &LOCK_TYPE
    }
}

fn lock_of(object: &PyObject) -> PyResult<&Lock> {
    object
        .downcast_ref::<Lock>()
        .map(|lock| lock.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_thread.lock' object"))
}

fn new_lock(ts: &ThreadState) -> PyRef {
    Py::new(
        ts,
        Lock {
            locked: Cell::new(false),
        },
    )
    .into_ref()
}

fn lock_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("lock", args, kw, 0, 0)?;
    Py::new_with_type(
        ts,
        ty,
        Lock {
            locked: Cell::new(false),
        },
    )
    .map(Py::into_ref)
    .ok_or_else(|| PyErr::type_error("lock type mismatch"))
}

fn lock_acquire(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let lock = lock_of(this)?;
    let wait = parse_acquire(ts, "acquire", args, kw)?;
    if !lock.locked.get() {
        lock.locked.set(true);
        return Ok(pybool::true_ref());
    }
    Ok(pybool::bool_ref(wait_unavailable(wait)))
}

fn lock_release(_ts: &ThreadState, this: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    let lock = lock_of(this)?;
    if !lock.locked.get() {
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "release unlocked lock",
        ));
    }
    lock.locked.set(false);
    Ok(singletons::none())
}

fn lock_locked(_ts: &ThreadState, this: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Ok(pybool::bool_ref(lock_of(this)?.locked.get()))
}

fn lock_exit(ts: &ThreadState, this: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    lock_release(ts, this, &[], None)
}

fn lock_at_fork_reinit(
    _ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    lock_of(this)?.locked.set(false);
    Ok(singletons::none())
}

fn lock_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let state = if lock_of(object)?.locked.get() {
        "locked"
    } else {
        "unlocked"
    };
    let text = format!(
        "<{state} {} object at {:p}>",
        object.ob_type().name(),
        object.as_ptr()
    );
    Ok(pystr::new(ts, &text).into_ref())
}

pub static LOCK_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Lock>("_thread.lock", 0, Some(&OBJECT_TYPE)).with_slots(SlotTable {
        repr: Slot::new(lock_repr),
        new: Slot::new(lock_new),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

// ---------------------------------------------------------------------------- RLock

/// `_thread.RLock`: re-entrant; owned by the thread that acquired it.
pub struct RLock {
    owner: Cell<u64>,
    count: Cell<u64>,
}

impl PyPayload for RLock {
    fn static_type() -> &'static PyType {
        &RLOCK_TYPE
    }
}

fn rlock_of(object: &PyObject) -> PyResult<&RLock> {
    object
        .downcast_ref::<RLock>()
        .map(|lock| lock.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_thread.RLock' object"))
}

fn rlock_new(ts: &ThreadState, ty: &PyType, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Py::new_with_type(
        ts,
        ty,
        RLock {
            owner: Cell::new(0),
            count: Cell::new(0),
        },
    )
    .map(Py::into_ref)
    .ok_or_else(|| PyErr::type_error("RLock type mismatch"))
}

fn rlock_acquire(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let lock = rlock_of(this)?;
    let wait = parse_acquire(ts, "acquire", args, kw)?;
    let me = current_ident();
    if lock.count.get() > 0 && lock.owner.get() == me {
        lock.count.set(lock.count.get() + 1);
        return Ok(pybool::true_ref());
    }
    if lock.count.get() == 0 {
        lock.owner.set(me);
        lock.count.set(1);
        return Ok(pybool::true_ref());
    }
    Ok(pybool::bool_ref(wait_unavailable(wait)))
}

fn rlock_release(
    _ts: &ThreadState,
    this: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    let lock = rlock_of(this)?;
    if lock.count.get() == 0 || lock.owner.get() != current_ident() {
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "cannot release un-acquired lock",
        ));
    }
    lock.count.set(lock.count.get() - 1);
    if lock.count.get() == 0 {
        lock.owner.set(0);
    }
    Ok(singletons::none())
}

fn rlock_exit(ts: &ThreadState, this: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    rlock_release(ts, this, &[], None)
}

fn rlock_locked(_ts: &ThreadState, this: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Ok(pybool::bool_ref(rlock_of(this)?.count.get() > 0))
}

fn rlock_is_owned(
    _ts: &ThreadState,
    this: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    let lock = rlock_of(this)?;
    Ok(pybool::bool_ref(
        lock.count.get() > 0 && lock.owner.get() == current_ident(),
    ))
}

fn rlock_recursion_count(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let lock = rlock_of(this)?;
    let count = if lock.owner.get() == current_ident() {
        lock.count.get()
    } else {
        0
    };
    Ok(int::new(ts, count as i64))
}

/// `_release_save()`: releases completely, returning `(count, owner)`.
fn rlock_release_save(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let lock = rlock_of(this)?;
    if lock.count.get() == 0 {
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "cannot release un-acquired lock",
        ));
    }
    let saved = tuple::new(
        ts,
        vec![
            int::new(ts, lock.count.get() as i64),
            int::from_bigint(ts, lock.owner.get().into()),
        ],
    );
    lock.count.set(0);
    lock.owner.set(0);
    Ok(saved.into_ref())
}

/// `_acquire_restore((count, owner))`.
fn rlock_acquire_restore(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let lock = rlock_of(this)?;
    let args = positional("_acquire_restore", args, kw, 1, 1)?;
    let items = tuple::items(&args[0]);
    let [count, owner] = items else {
        return Err(PyErr::type_error(
            "_acquire_restore() argument 1 must be a 2-tuple",
        ));
    };
    let count = int::as_i64(count).unwrap_or(0);
    let owner = owner
        .downcast_ref::<pyrite_objects::int::Int>()
        .and_then(|owner| u64::try_from(owner.to_bigint()).ok())
        .unwrap_or(0);
    let _ = ts;
    lock.count.set(count as u64);
    lock.owner.set(owner);
    Ok(singletons::none())
}

fn rlock_at_fork_reinit(
    _ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let lock = rlock_of(this)?;
    lock.count.set(0);
    lock.owner.set(0);
    Ok(singletons::none())
}

fn rlock_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let lock = rlock_of(object)?;
    let state = if lock.count.get() > 0 {
        "locked"
    } else {
        "unlocked"
    };
    let text = format!(
        "<{state} {} object owner={} count={} at {:p}>",
        object.ob_type().name(),
        lock.owner.get(),
        lock.count.get(),
        object.as_ptr()
    );
    Ok(pystr::new(ts, &text).into_ref())
}

pub static RLOCK_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<RLock>("_thread.RLock", flags::BASETYPE, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            repr: Slot::new(rlock_repr),
            new: Slot::new(rlock_new),
            ..pyrite_objects::typeobject::object_slots()
        },
    ),
);

// ---------------------------------------------------------------------------- _ThreadHandle

/// `_thread._ThreadHandle`: the OS thread of a `threading.Thread` (its ident, whether it
/// finished).
pub struct ThreadHandle {
    ident: Cell<u64>,
    done: Cell<bool>,
}

impl PyPayload for ThreadHandle {
    fn static_type() -> &'static PyType {
        &THREAD_HANDLE_TYPE
    }
}

fn handle_of(object: &PyObject) -> PyResult<&ThreadHandle> {
    object
        .downcast_ref::<ThreadHandle>()
        .map(|handle| handle.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_thread._ThreadHandle' object"))
}

fn new_handle(ts: &ThreadState, ident: u64) -> PyRef {
    Py::new(
        ts,
        ThreadHandle {
            ident: Cell::new(ident),
            done: Cell::new(false),
        },
    )
    .into_ref()
}

fn handle_new(ts: &ThreadState, _ty: &PyType, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Ok(new_handle(ts, 0))
}

fn handle_ident(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(int::from_bigint(ts, handle_of(object)?.ident.get().into()))
}

fn handle_is_done(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("is_done", args, kw, 0, 0)?;
    Ok(pybool::bool_ref(handle_of(this)?.done.get()))
}

fn handle_set_done(
    _ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("_set_done", args, kw, 0, 0)?;
    handle_of(this)?.done.set(true);
    Ok(singletons::none())
}

/// `join(timeout=None)`: no other thread runs, so a thread not done is the caller.
fn handle_join(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    bind("join", args, kw, &["timeout"], 0, 0)?;
    let handle = handle_of(this)?;
    if !handle.done.get() && handle.ident.get() == current_ident() {
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "Cannot join current thread",
        ));
    }
    Ok(singletons::none())
}

fn handle_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = format!(
        "<_thread._ThreadHandle object: ident={}>",
        handle_of(object)?.ident.get()
    );
    Ok(pystr::new(ts, &text).into_ref())
}

pub static THREAD_HANDLE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<ThreadHandle>("_thread._ThreadHandle", 0, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            repr: Slot::new(handle_repr),
            new: Slot::new(handle_new),
            ..pyrite_objects::typeobject::object_slots()
        },
    ),
);

fn make_thread_handle(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("_make_thread_handle", args, kw, 1, 1)?;
    let ident = args[0]
        .downcast_ref::<pyrite_objects::int::Int>()
        .and_then(|ident| u64::try_from(ident.to_bigint()).ok())
        .ok_or_else(|| PyErr::type_error("ident must be an integer"))?;
    Ok(new_handle(ts, ident))
}

// ---------------------------------------------------------------------------- functions

fn allocate_lock(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("allocate_lock", args, kw, 0, 0)?;
    Ok(new_lock(ts))
}

fn get_ident(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("get_ident", args, kw, 0, 0)?;
    Ok(int::from_bigint(ts, current_ident().into()))
}

fn get_native_id(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("get_native_id", args, kw, 0, 0)?;
    // Python code runs on the main thread, whose native id is the process id.
    Ok(int::new(ts, i64::from(std::process::id())))
}

fn count(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("_count", args, kw, 0, 0)?;
    Ok(int::new(ts, 0))
}

fn start_new_thread(
    _ts: &ThreadState,
    _m: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    Err(PyErr::new(
        ExceptionKind::RuntimeError,
        "can't start new thread: Pyrite runs Python code on one thread for now",
    ))
}

fn daemon_threads_allowed(
    _ts: &ThreadState,
    _m: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Ok(pybool::true_ref())
}

fn stack_size(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("stack_size", args, kw, 0, 1)?;
    Ok(int::new(ts, 0))
}

fn exit_thread(_ts: &ThreadState, _m: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Err(PyErr::without_arg(ExceptionKind::SystemExit))
}

fn get_main_thread_ident(
    ts: &ThreadState,
    _m: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Ok(int::from_bigint(ts, current_ident().into()))
}

fn is_main_interpreter(
    _ts: &ThreadState,
    _m: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Ok(pybool::true_ref())
}

fn shutdown(_ts: &ThreadState, _m: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(singletons::none())
}

/// `_thread._local`: thread-local attributes. With Python code on one thread, an
/// instance's own `__dict__` is the one thread's namespace.
fn make_local(ts: &ThreadState) -> PyResult {
    let local = pyrite_objects::typeobject::new_heap_type(ts, "_local", &[])?;
    if let Some(ty) = pyrite_objects::typeobject::as_type(&local)
        && let Some(dict) = ty.dict(ts).downcast_ref::<pyrite_objects::dict::Dict>()
    {
        dict.set_item(
            ts,
            pystr::intern(ts, "__module__"),
            pystr::intern(ts, "_thread"),
        )?;
        dict.set_item(
            ts,
            pystr::intern(ts, "__qualname__"),
            pystr::intern(ts, "_local"),
        )?;
        dict.set_item(
            ts,
            pystr::intern(ts, "__doc__"),
            pystr::new(ts, "Thread-local data").into_ref(),
        )?;
    }
    Ok(local)
}

/// Creates the `_thread` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "_thread",
        Some(
            "This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface.",
        ),
    )?;
    module.add_type("LockType", &LOCK_TYPE, "_thread")?;
    module.set("lock", LOCK_TYPE.as_object().new_ref())?;
    module.add_type("RLock", &RLOCK_TYPE, "_thread")?;
    pyrite_objects::descr::add_methods(
        ts,
        &LOCK_TYPE,
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
            ("__enter__", lock_acquire),
            ("__exit__", lock_exit),
            ("_at_fork_reinit", lock_at_fork_reinit),
        ],
    );
    pyrite_objects::descr::add_methods(
        ts,
        &RLOCK_TYPE,
        &[
            ("acquire", rlock_acquire),
            ("release", rlock_release),
            ("locked", rlock_locked),
            ("__enter__", rlock_acquire),
            ("__exit__", rlock_exit),
            ("_is_owned", rlock_is_owned),
            ("_recursion_count", rlock_recursion_count),
            ("_release_save", rlock_release_save),
            ("_acquire_restore", rlock_acquire_restore),
            ("_at_fork_reinit", rlock_at_fork_reinit),
        ],
    );
    module.add_type("_ThreadHandle", &THREAD_HANDLE_TYPE, "_thread")?;
    module.set("_local", make_local(ts)?)?;
    pyrite_objects::descr::add_methods(
        ts,
        &THREAD_HANDLE_TYPE,
        &[
            ("is_done", handle_is_done),
            ("_set_done", handle_set_done),
            ("join", handle_join),
        ],
    );
    pyrite_objects::descr::add_getsets(ts, &THREAD_HANDLE_TYPE, &[("ident", handle_ident, None)]);
    module.set(
        "error",
        ExceptionKind::RuntimeError
            .static_type()
            .as_object()
            .new_ref(),
    )?;
    module.set("TIMEOUT_MAX", float::new(ts, TIMEOUT_MAX))?;
    module.functions(&[
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("start_joinable_thread", start_new_thread),
        ("daemon_threads_allowed", daemon_threads_allowed),
        ("stack_size", stack_size),
        ("exit", exit_thread),
        ("exit_thread", exit_thread),
        ("_get_main_thread_ident", get_main_thread_ident),
        ("_is_main_interpreter", is_main_interpreter),
        ("_shutdown", shutdown),
        ("_make_thread_handle", make_thread_handle),
    ])?;
    Ok(module.finish())
}
