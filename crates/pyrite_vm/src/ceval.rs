//! The evaluation loop: executes CPython 3.14 bytecode in a frame.
//!
//! CPython counterpart: `Python/ceval.c` (`_PyEval_EvalFrameDefault`, exception unwinding
//! through `co_exceptiontable`, `initialize_locals`, `format_missing`,
//! `too_many_positional`) and `Python/bytecodes.c` (what each instruction does). Inline
//! CACHE entries are stepped over by their counts; the specializing interpreter will
//! rewrite the code object's private copy of the bytecode (`Code::instructions`).

use std::cell::RefCell;

use pyrite_bytecode::code::LocalKind;
use pyrite_bytecode::{CodeFlags, Opcode};
use pyrite_objects::abstract_ops::{self, BinaryOp};
use pyrite_objects::code::Code;
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::function::Function;
use pyrite_objects::{
    CompareOp, Py, PyErr, PyObj, PyObject, PyRef, PyResult, ThreadState, attrs, bool as pybool,
    cell, exceptions, iterobject, singletons, str as pystr, tuple,
};

use crate::fastpaths;
use crate::frame::{self, Frame};

thread_local! {
    /// The exceptions being handled, CPython's chain of `_PyErr_StackItem`s: the thread's
    /// own entry at the bottom (an empty stack), one more per running generator or
    /// coroutine (its `gi_exc_state`), innermost last.
    static EXC_INFO: RefCell<Vec<Option<PyRef>>> = const { RefCell::new(Vec::new()) };
    /// The thread's own entry (`tstate->exc_state`).
    static THREAD_EXC_STATE: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// The exception currently being handled (`sys.exception()`): the innermost entry of
/// the chain that holds one (CPython's `_PyErr_GetTopmostException`).
pub fn handled_exception() -> Option<PyRef> {
    let found = EXC_INFO.with(|chain| chain.borrow().iter().rev().find_map(Clone::clone));
    found.or_else(|| THREAD_EXC_STATE.with(|state| state.borrow().clone()))
}

pub(crate) fn set_handled_exception(value: Option<PyRef>) -> Option<PyRef> {
    let generator_entry = EXC_INFO.with(|chain| {
        let mut chain = chain.borrow_mut();
        chain
            .last_mut()
            .map(|top| std::mem::replace(top, value.clone()))
    });
    match generator_entry {
        Some(old) => old,
        None => THREAD_EXC_STATE.with(|state| state.replace(value)),
    }
}

/// A generator or coroutine starts running with its saved exception state on top of
/// the chain (CPython links `gi_exc_state` in `gen_send_ex2`).
pub(crate) fn push_exc_state(state: Option<PyRef>) {
    EXC_INFO.with(|chain| chain.borrow_mut().push(state));
}

/// The generator stops running: its exception state comes off the chain.
pub(crate) fn pop_exc_state() -> Option<PyRef> {
    EXC_INFO.with(|chain| chain.borrow_mut().pop().flatten())
}

fn name_error(name: &PyObject) -> PyErr {
    PyErr::new(
        ExceptionKind::NameError,
        format!("name '{}' is not defined", pystr::to_rust_string(name)),
    )
}

fn unbound_local(name: &PyObject) -> PyErr {
    PyErr::new(
        ExceptionKind::UnboundLocalError,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            pystr::to_rust_string(name)
        ),
    )
}

fn dict_get(ts: &ThreadState, mapping: &PyObject, key: &PyObject) -> PyResult<Option<PyRef>> {
    // A dict subclass may override `__getitem__` (exec's locals): only exact dicts
    // take the direct path.
    if mapping.is_exact_type(&pyrite_objects::dict::DICT_TYPE)
        && let Some(dict) = mapping.downcast_ref::<Dict>()
    {
        return dict.get_item(ts, key);
    }
    match abstract_ops::get_item(ts, mapping, key) {
        Ok(value) => Ok(Some(value)),
        Err(err) if err.matches(ExceptionKind::KeyError) => Ok(None),
        Err(err) => Err(err),
    }
}

/// `object` as a dict if it is exactly a `dict` (a subclass may override lookups).
#[inline]
fn exact_dict(object: &PyObject) -> Option<&PyObj<Dict>> {
    if object.is_exact_type(&pyrite_objects::dict::DICT_TYPE) {
        object.downcast_ref::<Dict>()
    } else {
        None
    }
}

fn dict_set(ts: &ThreadState, mapping: &PyObject, key: &PyObject, value: PyRef) -> PyResult<()> {
    if mapping.is_exact_type(&pyrite_objects::dict::DICT_TYPE)
        && let Some(dict) = mapping.downcast_ref::<Dict>()
    {
        return dict.set_item(ts, key.new_ref(), value);
    }
    abstract_ops::set_item(ts, mapping, key, Some(&value))
}

fn call_object(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if let Some(function) = callable.downcast_ref::<Function>() {
        return eval_function(ts, function, args, kwnames);
    }
    pyrite_objects::abstract_api::call(ts, callable, args, kwnames)
}

/// Calls a Python function: binds the arguments into a new frame and runs it (the
/// evaluation loop's entry registered with `pyrite_objects::function`).
pub fn eval_function(
    ts: &ThreadState,
    function: &PyObj<Function>,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let _depth = ts.enter_recursive_call("")?;
    let code = function.code.clone();
    let flags = code.code.co_flags;
    let mut frame = Frame::new(
        code,
        function.globals.clone(),
        function.builtins.clone(),
        None,
        Some(function.as_object().new_ref()),
    );
    bind_arguments(ts, function, &mut frame, args, kwnames)?;
    copy_free_vars(function, &mut frame);
    if flags & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0 {
        // The generator owns its frame in a box: its address must not change while a
        // frame object may point at it.
        let frame = Box::new(frame);
        // Runs the prologue up to RETURN_GENERATOR, then hands the frame to a generator.
        return match resume_frame(ts, &frame, 0, None)? {
            FrameExit::Suspend(_, next_index) => Ok(crate::genobject::new_generator(
                ts,
                frame,
                next_index,
                function.name.borrow().clone(),
                function.qualname.borrow().clone(),
            )),
            FrameExit::Return(value) => Ok(value),
        };
    }
    run_frame(ts, &frame)
}

/// Whether a call of `function` with `count` positional arguments (`self` included) binds
/// them one to one to its parameters, defaults filling the rest, with no `*args`,
/// `**kwargs` or keyword-only parameters, and the function is no generator.
fn binds_exact_args(function: &PyObj<Function>, count: usize) -> bool {
    let code = &function.code.code;
    let excluded = CodeFlags::VARARGS
        | CodeFlags::VARKEYWORDS
        | CodeFlags::GENERATOR
        | CodeFlags::COROUTINE
        | CodeFlags::ASYNC_GENERATOR;
    let argcount = code.co_argcount as usize;
    if code.co_flags & excluded != 0 || code.co_kwonlyargcount != 0 || count > argcount {
        return false;
    }
    if count < argcount {
        let defaults = function.defaults.borrow();
        let available = defaults.as_deref().map_or(0, |d| tuple::items(d).len());
        if count + available < argcount {
            return false;
        }
    }
    true
}

/// `CALL` of a Python function whose arguments bind exactly (`binds_exact_args`): they
/// move from the caller's value stack straight into the new frame (CPython's
/// `CALL_PY_EXACT_ARGS` and `CALL_PY_WITH_DEFAULTS`). `None` when the call does not
/// qualify; the stack is then untouched. The stack holds `callable, self_or_null, args`
/// from `callable_index`; the `count` arguments (`self` included) start at `first`.
fn call_python_exact_args(
    ts: &ThreadState,
    stack: &mut Stack<'_>,
    callable_index: usize,
    first: usize,
    count: usize,
) -> Option<PyResult> {
    let function = stack.items[callable_index]
        .as_ref()?
        .downcast_ref::<Function>()?;
    if !binds_exact_args(function, count) {
        return None;
    }
    let callable = stack.items[callable_index].take()?;
    Some(run_exact_args(
        ts,
        callable,
        None,
        stack,
        callable_index,
        first,
    ))
}

/// `CALL` of a class whose instances come from `object.__new__` through `type.__call__`
/// and whose `__init__` is a Python function binding the arguments exactly: the instance
/// is made here and `__init__` runs in a frame filled from the value stack (CPython's
/// `CALL_ALLOC_AND_ENTER_INIT`). `None` when the call does not qualify (the stack is
/// then untouched).
fn call_class_with_python_init(
    ts: &ThreadState,
    stack: &mut Stack<'_>,
    callable_index: usize,
    first: usize,
    count: usize,
) -> Option<PyResult> {
    if stack.items[callable_index + 1].is_some()
        || !stack.items[callable_index]
            .as_ref()?
            .is_exact_type(&pyrite_objects::typeobject::TYPE_TYPE)
    {
        return None;
    }
    // Held apart from the stack: the lookup below may run Python code (`__eq__` of a
    // key in a class namespace).
    let callable = stack.items[callable_index].clone()?;
    let class = pyrite_objects::typeobject::as_type(&callable)?;
    if !class.is_heap_type() {
        return None;
    }
    let init = class
        .lookup(ts, &pystr::intern(ts, "__init__"))
        .ok()
        .flatten()?;
    if !binds_exact_args(init.downcast_ref::<Function>()?, count + 1) {
        return None;
    }
    let instance = match pyrite_objects::typecall::new_plain_instance(ts, class)? {
        Ok(instance) => instance,
        Err(err) => return Some(Err(err)),
    };
    let result = run_exact_args(
        ts,
        init,
        Some(instance.clone()),
        stack,
        callable_index,
        first,
    );
    Some(match result {
        Ok(result) if singletons::is_none(&result) => Ok(instance),
        Ok(result) => Err(PyErr::type_error(format!(
            "__init__() should return None, not '{}'",
            result.ob_type().name()
        ))),
        Err(err) => Err(err),
    })
}

/// Runs `function` (a `Function` whose arguments bind exactly) on `receiver` then the
/// arguments from `first` to the top of the stack, which move into its new frame; the
/// stack is cut back to `callable_index`.
fn run_exact_args(
    ts: &ThreadState,
    callable: PyRef,
    receiver: Option<PyRef>,
    stack: &mut Stack<'_>,
    callable_index: usize,
    first: usize,
) -> PyResult {
    let depth = ts.enter_recursive_call("");
    let depth = match depth {
        Ok(depth) => depth,
        Err(err) => {
            stack.items.truncate(callable_index);
            return Err(err);
        }
    };
    let Some(function) = callable.downcast_ref::<Function>() else {
        return Err(PyErr::new(ExceptionKind::SystemError, "not a function"));
    };
    let mut frame = Frame::new(
        function.code.clone(),
        function.globals.clone(),
        function.builtins.clone(),
        None,
        None,
    );
    {
        let argcount = function.code.code.co_argcount as usize;
        let fast = frame.localsplus_mut();
        let offset = usize::from(receiver.is_some());
        let count = offset + stack.items.len() - first;
        if count < argcount {
            let defaults = function.defaults.borrow();
            let defaults = defaults.as_deref().map_or(&[][..], tuple::items);
            let first_default = argcount - defaults.len();
            for index in count..argcount {
                fast[index] = Some(defaults[index - first_default].clone());
            }
        }
        if let Some(receiver) = receiver {
            fast[0] = Some(receiver);
        }
        // Popped last first: the arguments fill their parameters from the end.
        let moved = stack.items.len() - first;
        for slot in fast[offset..offset + moved].iter_mut().rev() {
            *slot = stack.items.pop().flatten();
        }
    }
    copy_free_vars(function, &mut frame);
    // The callable's slot and the NULL (or the moved `self`'s slot) are empty now.
    stack.items.truncate(callable_index);
    frame.function = Some(callable);
    let result = run_frame(ts, &frame);
    drop(frame);
    drop(depth);
    result
}

/// Puts the function's closure cells in the frame's free-variable slots.
#[inline]
fn copy_free_vars(function: &PyObj<Function>, frame: &mut Frame) {
    if let Some(closure) = function.closure.borrow().as_ref() {
        let cells = tuple::items(closure);
        let start = frame.code.nlocalsplus.saturating_sub(cells.len());
        let localsplus = frame.localsplus_mut();
        for (offset, cell) in cells.iter().enumerate() {
            if let Some(slot) = localsplus.get_mut(start + offset) {
                *slot = Some(cell.clone());
            }
        }
    }
}

/// Runs a class body (`__build_class__`'s call of the body function) with `namespace`
/// as its locals.
pub fn run_class_body(ts: &ThreadState, function: &PyObj<Function>, namespace: PyRef) -> PyResult {
    let _depth = ts.enter_recursive_call("")?;
    let mut frame = Frame::new(
        function.code.clone(),
        function.globals.clone(),
        function.builtins.clone(),
        Some(namespace),
        Some(function.as_object().new_ref()),
    );
    copy_free_vars(function, &mut frame);
    run_frame(ts, &frame)
}

/// Runs a module's code object with `globals` as its globals and locals.
pub fn run_code(
    ts: &ThreadState,
    code: Py<pyrite_objects::code::Code>,
    globals: PyRef,
) -> PyResult {
    // The module's frame counts towards the recursion limit, as every Python frame does.
    let _depth = ts.enter_recursive_call("")?;
    let builtins = builtins_of(ts, &globals)?;
    let frame = Frame::new(code, globals.clone(), builtins, Some(globals), None);
    run_frame(ts, &frame)
}

/// Runs a code object with `globals` and `locals` (`exec`/`eval`, CPython's
/// `PyEval_EvalCode`).
pub fn run_code_with_locals(
    ts: &ThreadState,
    code: Py<pyrite_objects::code::Code>,
    globals: PyRef,
    locals: PyRef,
    closure: Option<&[PyRef]>,
) -> PyResult {
    let _depth = ts.enter_recursive_call("")?;
    let builtins = builtins_of(ts, &globals)?;
    let mut frame = Frame::new(code, globals, builtins, Some(locals), None);
    if let Some(cells) = closure {
        let start = frame.code.nlocalsplus.saturating_sub(cells.len());
        let localsplus = frame.localsplus_mut();
        for (offset, cell) in cells.iter().enumerate() {
            if let Some(slot) = localsplus.get_mut(start + offset) {
                *slot = Some(cell.clone());
            }
        }
    }
    run_frame(ts, &frame)
}

/// The builtins dict a frame with `globals` uses (`globals['__builtins__']`, a module or
/// a dict).
pub fn builtins_of(ts: &ThreadState, globals: &PyObject) -> PyResult<PyRef> {
    let key = pystr::intern(ts, "__builtins__");
    let found = dict_get(ts, globals, &key)?;
    match found {
        Some(builtins) => match pyrite_objects::module::dict_of(&builtins) {
            Some(dict) => Ok(dict),
            None => Ok(builtins),
        },
        None => Ok(pyrite_objects::dict::new(ts).into_ref()),
    }
}

fn kw_name(name: &PyObject) -> String {
    pystr::to_rust_string(name)
}

fn join_names(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Binds call arguments to the parameters (CPython's `initialize_locals`).
fn bind_arguments(
    ts: &ThreadState,
    function: &PyObj<Function>,
    frame: &mut Frame,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let code = &function.code.code;
    let kwnames = kwnames.map_or(&[][..], tuple::items);
    let positional = &args[..args.len() - kwnames.len()];
    let argcount = code.co_argcount as usize;
    let posonly = code.co_posonlyargcount as usize;
    let kwonly = code.co_kwonlyargcount as usize;
    let has_varargs = code.co_flags & CodeFlags::VARARGS != 0;
    let has_varkw = code.co_flags & CodeFlags::VARKEYWORDS != 0;
    let total = argcount + kwonly;
    if kwnames.is_empty() && !has_varargs && !has_varkw && kwonly == 0 && args.len() <= argcount {
        // Positional arguments only, no more than the parameters: the common call.
        let fast = frame.localsplus_mut();
        for (slot, value) in fast.iter_mut().zip(args) {
            *slot = Some(value.clone());
        }
        if args.len() == argcount {
            return Ok(());
        }
        let defaults = function.defaults.borrow();
        let defaults = defaults.as_deref().map_or(&[][..], tuple::items);
        let first_default = argcount - defaults.len().min(argcount);
        if args.len() >= first_default {
            for index in args.len()..argcount {
                fast[index] = Some(defaults[index - first_default].clone());
            }
            return Ok(());
        }
        // Missing arguments: the general path below words the error.
    }
    let qualname = pystr::to_rust_string(&function.qualname.borrow());
    let names = &function.code.localsplusnames;
    let fast = frame.localsplus_mut();

    let varkw_dict = if has_varkw {
        let dict = pyrite_objects::dict::new(ts);
        let index = total + usize::from(has_varargs);
        fast[index] = Some(dict.clone().into_ref());
        Some(dict)
    } else {
        None
    };
    let bound = positional.len().min(argcount);
    for (index, value) in positional[..bound].iter().enumerate() {
        fast[index] = Some(value.clone());
    }
    if has_varargs {
        let extra = positional[bound..].to_vec();
        fast[total] = Some(tuple::new(ts, extra).into_ref());
    } else if positional.len() > argcount {
        let defaults = function
            .defaults
            .borrow()
            .as_ref()
            .map_or(0, |d| tuple::items(d).len());
        let kwonly_given = kwnames
            .iter()
            .filter(|name| {
                names[argcount..total].iter().any(|param| {
                    param
                        .rich_compare_bool(ts, name, CompareOp::Eq)
                        .unwrap_or(false)
                })
            })
            .count();
        let takes = if defaults > 0 {
            format!("from {} to {}", argcount - defaults, argcount)
        } else {
            argcount.to_string()
        };
        let plural = if argcount == 1 && defaults == 0 {
            ""
        } else {
            "s"
        };
        let given = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{})",
                positional.len(),
                if positional.len() == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            positional.len().to_string()
        };
        let verb = if positional.len() == 1 && kwonly_given == 0 {
            "was"
        } else {
            "were"
        };
        return Err(PyErr::type_error(format!(
            "{qualname}() takes {takes} positional argument{plural} but {given} {verb} given"
        )));
    }
    let mut posonly_as_keyword = Vec::new();
    for (name, value) in kwnames.iter().zip(&args[positional.len()..]) {
        let found = names[posonly..total].iter().position(|param| {
            param.is(name)
                || param
                    .rich_compare_bool(ts, name, CompareOp::Eq)
                    .unwrap_or(false)
        });
        match found {
            Some(offset) => {
                let index = posonly + offset;
                if fast[index].is_some() {
                    return Err(PyErr::type_error(format!(
                        "{qualname}() got multiple values for argument '{}'",
                        kw_name(name)
                    )));
                }
                fast[index] = Some(value.clone());
            }
            None => match &varkw_dict {
                Some(dict) => dict.set_item(ts, name.clone(), value.clone())?,
                None => {
                    if names[..posonly].iter().any(|p| {
                        p.rich_compare_bool(ts, name, CompareOp::Eq)
                            .unwrap_or(false)
                    }) {
                        posonly_as_keyword.push(kw_name(name));
                        continue;
                    }
                    return Err(PyErr::type_error(format!(
                        "{qualname}() got an unexpected keyword argument '{}'",
                        kw_name(name)
                    )));
                }
            },
        }
    }
    if !posonly_as_keyword.is_empty() {
        return Err(PyErr::type_error(format!(
            "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_keyword.join(", ")
        )));
    }
    // Defaults for the missing positional parameters.
    let defaults: Vec<PyRef> = function
        .defaults
        .borrow()
        .as_ref()
        .map(|d| tuple::items(d).to_vec())
        .unwrap_or_default();
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for index in 0..argcount {
        if fast[index].is_none() {
            if index >= first_default {
                fast[index] = Some(defaults[index - first_default].clone());
            } else {
                missing.push(kw_name(&names[index]));
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{qualname}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    let kwdefaults = function.kwdefaults.borrow().clone();
    for index in argcount..total {
        if fast[index].is_none() {
            let default = match &kwdefaults {
                Some(kwdefaults) => dict_get(ts, kwdefaults, &names[index])?,
                None => None,
            };
            match default {
                Some(value) => fast[index] = Some(value),
                None => missing.push(kw_name(&names[index])),
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{qualname}() missing {} required keyword-only argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    Ok(())
}

/// Calls with at most this many arguments (`self` included) pass them from a buffer on
/// the native stack.
const CALL_BUFFER: usize = 8;

/// Pops an argument of `CALL` off the value stack.
#[inline]
fn pop_argument(stack: &mut Stack<'_>) -> PyResult<PyRef> {
    stack
        .items
        .pop()
        .flatten()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "NULL on the value stack"))
}

/// The end of a `CALL` whose arguments were popped into `args`: the NULL (if any) and
/// the callable come off the stack, and the callable is called. The callable is released
/// before the arguments, as when they sit in a buffer.
#[inline]
fn call_with_popped_arguments(ts: &ThreadState, stack: &mut Stack<'_>, args: &[PyRef]) -> PyResult {
    stack.items.pop_if(|item| item.is_none());
    let callable = stack.pop()?;
    call_object(ts, &callable, args, None)
}

/// How an error leaves an instruction: a new error gets a traceback entry for this
/// frame; a re-raised one (`RERAISE`, bare `raise` inside a handler) does not.
enum Unwind {
    Error(PyErr),
    Reraise(PyRef),
    /// `RERAISE` with a saved `lasti`: the frame's position goes back to it (code units).
    ReraiseAt(PyRef, usize),
}

impl From<PyErr> for Unwind {
    fn from(err: PyErr) -> Unwind {
        Unwind::Error(err)
    }
}

/// A frame's value stack: the part of `localsplus` past the locals.
struct Stack<'a> {
    items: frame::LocalsView<'a>,
    base: usize,
}

impl Stack<'_> {
    #[inline]
    fn push(&mut self, value: PyRef) {
        self.items.push(Some(value));
    }

    #[inline]
    fn push_null(&mut self) {
        self.items.push(None);
    }

    #[inline]
    fn pop_opt(&mut self) -> Option<PyRef> {
        if self.items.len() > self.base {
            self.items.pop().flatten()
        } else {
            None
        }
    }

    #[inline]
    fn pop(&mut self) -> PyResult<PyRef> {
        self.pop_opt()
            .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "bad value stack"))
    }

    fn top(&self) -> PyResult<&PyRef> {
        self.peek(1)
    }

    fn peek(&self, depth: usize) -> PyResult<&PyRef> {
        let len = self.items.len();
        if depth == 0 || len < self.base + depth {
            return Err(PyErr::new(ExceptionKind::SystemError, "bad value stack"));
        }
        self.items[len - depth]
            .as_ref()
            .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "NULL on the value stack"))
    }

    fn truncate(&mut self, depth: usize) {
        self.items.truncate(self.base + depth);
    }

    /// Pops the top `count` values, oldest first.
    fn pop_n(&mut self, count: usize) -> PyResult<Vec<PyRef>> {
        let len = self.items.len();
        if len < self.base + count {
            return Err(PyErr::new(ExceptionKind::SystemError, "bad value stack"));
        }
        self.items
            .drain(len - count..)
            .map(|item| {
                item.ok_or_else(|| {
                    PyErr::new(ExceptionKind::SystemError, "NULL on the value stack")
                })
            })
            .collect()
    }
}

fn is_exception_class_or_tuple(object: &PyObject) -> bool {
    if exceptions::is_exception_type(object) {
        return true;
    }
    object.payload_is::<tuple::Tuple>()
        && tuple::items(object)
            .iter()
            .all(|item| is_exception_class_or_tuple(item))
}

/// `isinstance(exc, match_type)` for `except` clauses.
fn exception_matches(ts: &ThreadState, exc: &PyObject, match_type: &PyObject) -> PyResult<bool> {
    if !is_exception_class_or_tuple(match_type) {
        return Err(PyErr::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ));
    }
    if match_type.payload_is::<tuple::Tuple>() {
        for item in tuple::items(match_type) {
            if exception_matches(ts, exc, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let ty = pyrite_objects::typeobject::as_type(match_type)
        .ok_or_else(|| PyErr::type_error("not a type"))?;
    Ok(exc.ob_type().is_subtype(ts, ty))
}

/// The exception instance `raise value` raises (a class is instantiated).
fn make_exception(ts: &ThreadState, value: &PyObject) -> PyResult<PyRef> {
    if exceptions::is_exception_type(value) {
        let instance = call_object(ts, value, &[], None)?;
        if !exceptions::is_exception(&instance) {
            return Err(PyErr::type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                pystr::repr_text(ts, value)?,
                instance.ob_type().name()
            )));
        }
        return Ok(instance);
    }
    if exceptions::is_exception(value) {
        return Ok(value.new_ref());
    }
    Err(PyErr::type_error(
        "exceptions must derive from BaseException",
    ))
}

fn do_raise(ts: &ThreadState, exc: Option<PyRef>, cause: Option<PyRef>) -> Unwind {
    let Some(exc) = exc else {
        return match handled_exception() {
            Some(current) => Unwind::Reraise(current),
            None => Unwind::Error(PyErr::new(
                ExceptionKind::RuntimeError,
                "No active exception to reraise",
            )),
        };
    };
    let exc = match make_exception(ts, &exc) {
        Ok(exc) => exc,
        Err(err) => return Unwind::Error(err),
    };
    if let Some(cause) = cause {
        let cause = if singletons::is_none(&cause) {
            None
        } else if exceptions::is_exception_type(&cause) {
            match call_object(ts, &cause, &[], None) {
                Ok(cause) => Some(cause),
                Err(err) => return Unwind::Error(err),
            }
        } else if exceptions::is_exception(&cause) {
            Some(cause)
        } else {
            return Unwind::Error(PyErr::type_error(
                "exception causes must derive from BaseException",
            ));
        };
        if let Some(data) = exceptions::data(&exc) {
            let old = data.cause.replace(cause);
            data.suppress_context.set(true);
            drop(old);
        }
    }
    Unwind::Error(PyErr::from_exception(exc))
}

fn unpack(ts: &ThreadState, value: &PyObject, count: usize) -> PyResult<Vec<PyRef>> {
    let is_iterable = value.ob_type().slots.iter.get().is_some()
        || value.payload_is::<tuple::Tuple>()
        || value.payload_is::<pyrite_objects::list::List>()
        || value.payload_is::<pystr::Str>()
        || value.payload_is::<Dict>()
        || value.ob_type().sequence.item.get().is_some()
        || value.ob_type().mapping.subscript.get().is_some();
    if !is_iterable {
        return Err(PyErr::type_error(format!(
            "cannot unpack non-iterable {} object",
            value.ob_type().name()
        )));
    }
    let items = iterobject::collect(ts, value)?;
    if items.len() < count {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!(
                "not enough values to unpack (expected {count}, got {})",
                items.len()
            ),
        ));
    }
    if items.len() > count {
        let got = if value.payload_is::<tuple::Tuple>()
            || value.payload_is::<pyrite_objects::list::List>()
            || value.payload_is::<pystr::Str>()
            || value.payload_is::<Dict>()
        {
            format!(", got {}", items.len())
        } else {
            String::new()
        };
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("too many values to unpack (expected {count}{got})"),
        ));
    }
    Ok(items)
}

/// Records a new error in the frame: normalizes it, chains `__context__` to the
/// exception being handled, and adds this frame's traceback entry.
fn record_error(ts: &ThreadState, frame: &Frame, err: PyErr, add_traceback: bool) -> PyRef {
    let exc = err.into_exception(ts);
    if let Some(data) = exceptions::data(&exc)
        && add_traceback
    {
        if let Some(current) = handled_exception()
            && !current.is(&exc)
            && data.context.borrow().is_none()
        {
            *data.context.borrow_mut() = Some(current);
        }
        if exc
            .ob_type()
            .as_object()
            .is(exceptions::NAME_ERROR_TYPE.as_object())
            && data.traceback.borrow().is_none()
            && data.suggestion.borrow().is_none()
        {
            *data.suggestion.borrow_mut() = name_error_suggestion(ts, frame, &exc);
        }
        let index = frame.instr_index.get();
        let next = data.traceback.borrow_mut().take();
        let entry = pyrite_objects::traceback::new(
            ts,
            next,
            frame.code.as_object().new_ref(),
            (index * 2) as i32,
            frame.code.line_at(index),
        );
        if let Some(tb) = entry.downcast_ref::<pyrite_objects::traceback::Traceback>() {
            *tb.frame.borrow_mut() = Some(frame::frame_object_of(ts, frame));
        }
        *data.traceback.borrow_mut() = Some(entry);
    }
    exc
}

/// How a frame stopped running.
pub enum FrameExit {
    /// `RETURN_VALUE`.
    Return(PyRef),
    /// `YIELD_VALUE` (or `RETURN_GENERATOR`, with no value): resume at `next_index`.
    Suspend(Option<PyRef>, usize),
}

/// The "Did you mean" text for a `NameError` raised in `frame`: the frame's bound
/// locals, then its globals and builtins, are the candidates (`traceback.py`).
fn name_error_suggestion(ts: &ThreadState, frame: &Frame, exc: &PyObject) -> Option<String> {
    let message = pystr::to_rust_string(exceptions::args_of(exc).first()?);
    let wrong = message
        .strip_prefix("name '")?
        .strip_suffix("' is not defined")?;
    let mut candidates = Vec::new();
    let add_keys =
        |candidates: &mut Vec<String>, mapping: &PyObject| {
            if let Some(dict) = mapping.downcast_ref::<Dict>() {
                candidates.extend(dict.items().into_iter().filter_map(|(key, _)| {
                    pystr::as_str_payload(&key).map(|s| s.to_string_lossy())
                }));
            }
        };
    match &frame.locals {
        Some(locals) => add_keys(&mut candidates, locals),
        None => {
            for (index, name) in frame.code.localsplusnames.iter().enumerate() {
                if frame.local(index).is_some() {
                    candidates.push(pystr::to_rust_string(name));
                }
            }
        }
    }
    add_keys(&mut candidates, &frame.globals);
    add_keys(&mut candidates, &frame.builtins);
    let _ = ts;
    let suffix = crate::suggestions::name_error_suffix(&candidates, wrong);
    (!suffix.is_empty()).then_some(suffix)
}

/// Runs `frame` to completion (CPython's `_PyEval_EvalFrameDefault`).
pub fn run_frame(ts: &ThreadState, frame: &Frame) -> PyResult {
    match resume_frame(ts, frame, 0, None)? {
        FrameExit::Return(value) => Ok(value),
        FrameExit::Suspend(..) => Err(PyErr::new(
            ExceptionKind::SystemError,
            "a frame suspended outside a generator",
        )),
    }
}

/// Runs `frame` from code unit `start` until it returns, suspends or raises. `throw`
/// starts by raising that error at the instruction before `start` (a generator's
/// `throw()` at its `yield`).
pub fn resume_frame(
    ts: &ThreadState,
    frame: &Frame,
    start: usize,
    throw: Option<PyErr>,
) -> Result<FrameExit, PyErr> {
    frame::push(frame);
    let result = run_from(ts, frame, start, throw);
    frame::pop(ts, frame, matches!(result, Ok(FrameExit::Suspend(..))));
    result
}

/// The body of `resume_frame` while the frame is on the thread's chain.
fn run_from(
    ts: &ThreadState,
    frame: &Frame,
    start: usize,
    throw: Option<PyErr>,
) -> Result<FrameExit, PyErr> {
    // Borrowed from the frame: its code never changes while the frame is alive.
    let code: &Code = &frame.code;
    let instructions = code.instructions.borrow();
    let bytes: &[u8] = &instructions;
    let nlocalsplus = code.nlocalsplus;
    let mut next_index: usize = start;
    let mut pending = throw.map(|err| {
        frame.instr_index.set(start.saturating_sub(1));
        Unwind::Error(err)
    });
    if pending.is_some()
        && crate::legacy_tracing::is_active()
        && let Err(err) = crate::legacy_tracing::throw_events(ts, frame)
    {
        pending = Some(Unwind::Error(err));
    }
    loop {
        let unwind = match pending.take() {
            Some(unwind) => unwind,
            None => match execute(ts, frame, code, bytes, nlocalsplus, next_index) {
                Ok(exit) => return Ok(exit),
                Err(unwind) => unwind,
            },
        };
        let (exc, add_traceback, restored) = match unwind {
            Unwind::Error(err) => (err, true, None),
            Unwind::Reraise(exc) => (PyErr::from_exception(exc), false, None),
            Unwind::ReraiseAt(exc, index) => (PyErr::from_exception(exc), false, Some(index)),
        };
        let mut exc = record_error(ts, frame, exc, add_traceback);
        if crate::legacy_tracing::is_active() {
            exc = crate::legacy_tracing::raise_events(ts, frame, exc, add_traceback);
        }
        let handler = code.handler_for(frame.instr_index.get() as u32);
        if let Some(restored) = restored {
            frame.instr_index.set(restored);
        }
        let Some(handler) = handler else {
            frame.view().truncate(nlocalsplus);
            if crate::legacy_tracing::is_active() {
                exc = crate::legacy_tracing::unwind_events(ts, frame, exc);
            }
            return Err(PyErr::from_exception(exc));
        };
        let index = frame.instr_index.get();
        let mut localsplus = frame.view();
        localsplus.truncate(nlocalsplus + handler.depth as usize);
        if handler.lasti {
            localsplus.push(Some(pyrite_objects::int::new(ts, (index * 2) as i64)));
        }
        localsplus.push(Some(exc));
        next_index = handler.target as usize;
    }
}

#[inline(always)]
fn code_unit(units: &[[u8; 2]], index: usize) -> (u8, u8) {
    match units.get(index) {
        Some(&[opcode, oparg]) => (opcode, oparg),
        None => (Opcode::RETURN_VALUE.0, 0),
    }
}

/// Executes instructions from `next_index` until the frame returns or an error
/// propagates out of an instruction.
fn execute(
    ts: &ThreadState,
    frame: &Frame,
    code: &Code,
    bytes: &[u8],
    nlocalsplus: usize,
    mut next_index: usize,
) -> Result<FrameExit, Unwind> {
    let mut stack = Stack {
        items: frame.view(),
        base: nlocalsplus,
    };
    let names = &code.names;
    let consts = &code.consts;
    let (units, _) = bytes.as_chunks::<2>();
    loop {
        let index = next_index;
        // Trace and profile events come first (`f_lineno` may move the frame elsewhere).
        if crate::legacy_tracing::is_active()
            && let Some(target) = crate::legacy_tracing::instruction_events(ts, frame, index)?
        {
            next_index = target;
            continue;
        }
        let (mut opcode, mut raw_arg) = code_unit(units, index);
        let mut oparg = u32::from(raw_arg);
        let mut cursor = index + 1;
        while opcode == Opcode::EXTENDED_ARG.0 {
            let (next_op, next_arg) = code_unit(units, cursor);
            opcode = next_op;
            raw_arg = next_arg;
            oparg = (oparg << 8) | u32::from(raw_arg);
            cursor += 1;
        }
        let op = Opcode(opcode);
        frame.instr_index.set(cursor - 1);
        // The loop runs unspecialized bytecode: an opcode is its own base instruction.
        let after = cursor + op.cache_entries();
        next_index = after;
        let arg = oparg as usize;
        match op {
            Opcode::NOP | Opcode::NOT_TAKEN | Opcode::CACHE => {}
            // The eval breaker's checks: a collection scheduled by allocations runs here,
            // where no native code holds a borrow of any object.
            Opcode::RESUME => {
                if pyrite_objects::gc::collection_scheduled() {
                    pyrite_objects::gc::collect_scheduled(ts);
                }
            }
            Opcode::LOAD_CONST => stack.push(consts[arg].clone()),
            Opcode::LOAD_SMALL_INT => stack.push(pyrite_objects::int::new(ts, oparg as i64)),
            Opcode::LOAD_FAST | Opcode::LOAD_FAST_BORROW | Opcode::LOAD_FAST_CHECK => {
                match &stack.items[arg] {
                    Some(value) => {
                        let value = value.clone();
                        stack.push(value);
                    }
                    None => return Err(unbound_local(&code.localsplusnames[arg]).into()),
                }
            }
            Opcode::LOAD_FAST_LOAD_FAST | Opcode::LOAD_FAST_BORROW_LOAD_FAST_BORROW => {
                for local in [arg >> 4, arg & 15] {
                    match &stack.items[local] {
                        Some(value) => {
                            let value = value.clone();
                            stack.push(value);
                        }
                        None => return Err(unbound_local(&code.localsplusnames[local]).into()),
                    }
                }
            }
            Opcode::LOAD_FAST_AND_CLEAR => {
                let value = stack.items[arg].take();
                stack.items.push(value);
            }
            Opcode::STORE_FAST => {
                // May store NULL: an inlined comprehension restores a cleared variable.
                let value = stack.pop_opt();
                let old = std::mem::replace(&mut stack.items[arg], value);
                drop(old);
            }
            Opcode::STORE_FAST_STORE_FAST => {
                let first = stack.pop()?;
                let second = stack.pop()?;
                let old = (
                    stack.items[arg >> 4].replace(first),
                    stack.items[arg & 15].replace(second),
                );
                drop(old);
            }
            Opcode::STORE_FAST_LOAD_FAST => {
                let value = stack.pop()?;
                let old = stack.items[arg >> 4].replace(value);
                drop(old);
                match &stack.items[arg & 15] {
                    Some(value) => {
                        let value = value.clone();
                        stack.push(value);
                    }
                    None => return Err(unbound_local(&code.localsplusnames[arg & 15]).into()),
                }
            }
            Opcode::DELETE_FAST => {
                if stack.items[arg].take().is_none() {
                    return Err(unbound_local(&code.localsplusnames[arg]).into());
                }
            }
            Opcode::POP_TOP | Opcode::END_FOR | Opcode::POP_ITER => {
                stack.pop_opt();
            }
            Opcode::PUSH_NULL => stack.push_null(),
            Opcode::COPY => {
                let value = stack.peek(arg)?.clone();
                stack.push(value);
            }
            Opcode::SWAP => {
                let len = stack.items.len();
                if arg < 2 || len < stack.base + arg {
                    return Err(PyErr::new(ExceptionKind::SystemError, "bad SWAP").into());
                }
                stack.items.swap(len - 1, len - arg);
            }
            Opcode::LOAD_GLOBAL => {
                let name = &names[arg >> 1];
                let value = if let Some(globals) = exact_dict(&frame.globals)
                    && let Some(builtins) = exact_dict(&frame.builtins)
                {
                    match code.load_global(ts, arg >> 1, globals, builtins)? {
                        Some(value) => value,
                        None => return Err(name_error(name).into()),
                    }
                } else {
                    match dict_get(ts, &frame.globals, name)? {
                        Some(value) => value,
                        None => match dict_get(ts, &frame.builtins, name)? {
                            Some(value) => value,
                            None => return Err(name_error(name).into()),
                        },
                    }
                };
                stack.push(value);
                if arg & 1 != 0 {
                    stack.push_null();
                }
            }
            Opcode::LOAD_NAME => {
                let name = &names[arg];
                let mut value = None;
                if let Some(locals) = &frame.locals {
                    value = dict_get(ts, locals, name)?;
                }
                if value.is_none() {
                    value = dict_get(ts, &frame.globals, name)?;
                }
                if value.is_none() {
                    value = dict_get(ts, &frame.builtins, name)?;
                }
                match value {
                    Some(value) => stack.push(value),
                    None => return Err(name_error(name).into()),
                }
            }
            Opcode::STORE_NAME => {
                let value = stack.pop()?;
                let Some(locals) = &frame.locals else {
                    return Err(PyErr::new(ExceptionKind::SystemError, "no locals found").into());
                };
                dict_set(ts, locals, &names[arg], value)?;
            }
            Opcode::SETUP_ANNOTATIONS => {
                let Some(locals) = &frame.locals else {
                    return Err(PyErr::new(
                        ExceptionKind::SystemError,
                        "no locals found when setting up annotations",
                    )
                    .into());
                };
                let key = pystr::intern(ts, "__annotations__");
                if dict_get(ts, locals, &key)?.is_none() {
                    dict_set(ts, locals, &key, pyrite_objects::dict::new(ts).into_ref())?;
                }
            }
            Opcode::DELETE_NAME => {
                let Some(locals) = &frame.locals else {
                    return Err(PyErr::new(ExceptionKind::SystemError, "no locals found").into());
                };
                let removed = match locals.downcast_ref::<Dict>() {
                    Some(dict) => dict.del_item(ts, &names[arg]).is_ok(),
                    None => abstract_ops::set_item(ts, locals, &names[arg], None).is_ok(),
                };
                if !removed {
                    return Err(name_error(&names[arg]).into());
                }
            }
            Opcode::STORE_GLOBAL => {
                let value = stack.pop()?;
                dict_set(ts, &frame.globals, &names[arg], value)?;
            }
            Opcode::DELETE_GLOBAL => {
                let removed = match frame.globals.downcast_ref::<Dict>() {
                    Some(dict) => dict.del_item(ts, &names[arg]).is_ok(),
                    None => false,
                };
                if !removed {
                    return Err(name_error(&names[arg]).into());
                }
            }
            Opcode::LOAD_LOCALS => match &frame.locals {
                Some(locals) => {
                    let locals = locals.clone();
                    stack.push(locals);
                }
                None => {
                    return Err(PyErr::new(ExceptionKind::SystemError, "no locals found").into());
                }
            },
            Opcode::LOAD_FROM_DICT_OR_GLOBALS => {
                let mapping = stack.pop()?;
                let name = &names[arg];
                let value = match dict_get(ts, &mapping, name)? {
                    Some(value) => Some(value),
                    None => match dict_get(ts, &frame.globals, name)? {
                        Some(value) => Some(value),
                        None => dict_get(ts, &frame.builtins, name)?,
                    },
                };
                match value {
                    Some(value) => stack.push(value),
                    None => return Err(name_error(name).into()),
                }
            }
            Opcode::MAKE_CELL => {
                let initial = stack.items[arg].take();
                stack.items[arg] = Some(cell::new(ts, initial));
            }
            Opcode::COPY_FREE_VARS => {
                // The closure's cells were placed by `eval_function`.
            }
            Opcode::LOAD_DEREF => {
                let cell_object = stack.items[arg].clone();
                let value = cell_object.as_deref().and_then(cell::get);
                match value {
                    Some(value) => stack.push(value),
                    None => return Err(free_var_error(code, arg).into()),
                }
            }
            Opcode::LOAD_FROM_DICT_OR_DEREF => {
                let mapping = stack.pop()?;
                let name = &code.localsplusnames[arg];
                match dict_get(ts, &mapping, name)? {
                    Some(value) => stack.push(value),
                    None => {
                        let cell_object = stack.items[arg].clone();
                        match cell_object.as_deref().and_then(cell::get) {
                            Some(value) => stack.push(value),
                            None => return Err(free_var_error(code, arg).into()),
                        }
                    }
                }
            }
            Opcode::STORE_DEREF => {
                let value = stack.pop()?;
                // Cloned out of the frame: setting the cell may run `__del__`, which may
                // look at this frame's locals (see `frame::LocalsView`).
                let cell_object = stack.items[arg].clone();
                if let Some(cell_object) = cell_object {
                    cell::set(&cell_object, Some(value));
                }
            }
            Opcode::DELETE_DEREF => {
                let cell_object = stack.items[arg].clone();
                match cell_object {
                    Some(cell_object) if cell::get(&cell_object).is_some() => {
                        cell::set(&cell_object, None)
                    }
                    _ => return Err(free_var_error(code, arg).into()),
                }
            }
            Opcode::LOAD_ATTR => {
                let owner = stack.pop()?;
                let name = &names[arg >> 1];
                if arg & 1 != 0 {
                    match load_method(ts, owner, name, &code.type_lookups[arg >> 1])? {
                        (method, Some(receiver)) => {
                            stack.push(method);
                            stack.push(receiver);
                        }
                        (attribute, None) => {
                            stack.push(attribute);
                            stack.push_null();
                        }
                    }
                } else {
                    let hint = &code.attribute_hints[arg >> 1];
                    let site = &code.type_lookups[arg >> 1];
                    let value =
                        match fastpaths::load_instance_attribute(ts, &owner, name, hint, site)? {
                            Some(value) => value,
                            None => attrs::get_attr(ts, &owner, name)?,
                        };
                    stack.push(value);
                }
            }
            Opcode::STORE_ATTR => {
                let owner = stack.pop()?;
                let value = stack.pop()?;
                let name = &names[arg];
                let hint = &code.attribute_hints[arg];
                let site = &code.type_lookups[arg];
                if let Some(value) =
                    fastpaths::store_instance_attribute(ts, &owner, name, value, hint, site)?
                {
                    attrs::set_attr(ts, &owner, name, Some(&value))?;
                }
            }
            Opcode::DELETE_ATTR => {
                let owner = stack.pop()?;
                attrs::set_attr(ts, &owner, &names[arg], None)?;
            }
            Opcode::LOAD_SUPER_ATTR => {
                let receiver = stack.pop()?;
                let class = stack.pop()?;
                let global_super = stack.pop()?;
                let name = &names[arg >> 2];
                let value = super_lookup(ts, &global_super, &class, &receiver, name, arg)?;
                match value {
                    (method, Some(receiver)) => {
                        stack.push(method);
                        stack.push(receiver);
                    }
                    (attribute, None) => {
                        stack.push(attribute);
                        if arg & 1 != 0 {
                            stack.push_null();
                        }
                    }
                }
            }
            Opcode::BINARY_OP => {
                let right = stack.pop()?;
                let left = stack.pop()?;
                let fast = if oparg == fastpaths::NB_SUBSCR {
                    fastpaths::subscript(ts, &left, &right)
                } else {
                    fastpaths::binary_op(ts, oparg, &left, &right)
                };
                let result = if let Some(result) = fast {
                    result
                } else if oparg == fastpaths::NB_SUBSCR {
                    abstract_ops::get_item(ts, &left, &right)?
                } else {
                    let Some((binary, inplace)) = BinaryOp::from_oparg(oparg) else {
                        return Err(PyErr::new(ExceptionKind::SystemError, "bad BINARY_OP").into());
                    };
                    abstract_ops::binary_op(ts, binary, inplace, &left, &right)?
                };
                stack.push(result);
            }
            Opcode::BINARY_SLICE => {
                let stop = stack.pop()?;
                let start = stack.pop()?;
                let container = stack.pop()?;
                if let Some(result) = fastpaths::list_slice(ts, &container, &start, &stop) {
                    stack.push(result);
                    continue;
                }
                let slice = pyrite_objects::slice::new(ts, start, stop, singletons::none());
                stack.push(abstract_ops::get_item(ts, &container, &slice)?);
            }
            Opcode::STORE_SLICE => {
                let stop = stack.pop()?;
                let start = stack.pop()?;
                let container = stack.pop()?;
                let value = stack.pop()?;
                if fastpaths::store_list_slice(&container, &start, &stop, &value) {
                    continue;
                }
                let slice = pyrite_objects::slice::new(ts, start, stop, singletons::none());
                abstract_ops::set_item(ts, &container, &slice, Some(&value))?;
            }
            Opcode::STORE_SUBSCR => {
                let key = stack.pop()?;
                let container = stack.pop()?;
                let value = stack.pop()?;
                if let Err(value) = fastpaths::store_subscript(ts, &container, &key, value) {
                    abstract_ops::set_item(ts, &container, &key, Some(&value))?;
                }
            }
            Opcode::DELETE_SUBSCR => {
                let key = stack.pop()?;
                let container = stack.pop()?;
                abstract_ops::set_item(ts, &container, &key, None)?;
            }
            Opcode::BUILD_SLICE => {
                let mut parts = stack.pop_n(arg)?;
                let step = if arg == 3 { parts.pop() } else { None };
                let stop = parts.pop().unwrap_or_else(singletons::none);
                let start = parts.pop().unwrap_or_else(singletons::none);
                stack.push(pyrite_objects::slice::new(
                    ts,
                    start,
                    stop,
                    step.unwrap_or_else(singletons::none),
                ));
            }
            Opcode::COMPARE_OP => {
                let right = stack.pop()?;
                let left = stack.pop()?;
                let compare = match oparg >> 5 {
                    0 => CompareOp::Lt,
                    1 => CompareOp::Le,
                    2 => CompareOp::Eq,
                    3 => CompareOp::Ne,
                    4 => CompareOp::Gt,
                    _ => CompareOp::Ge,
                };
                if let Some(truth) = fastpaths::compare(&left, &right, compare) {
                    stack.push(pybool::bool_ref(truth));
                    continue;
                }
                let result = left.rich_compare(ts, &right, compare)?;
                if oparg & 16 != 0 {
                    let truth = result.is_true(ts)?;
                    stack.push(pybool::bool_ref(truth));
                } else {
                    stack.push(result);
                }
            }
            Opcode::IS_OP => {
                let right = stack.pop()?;
                let left = stack.pop()?;
                stack.push(pybool::bool_ref(left.is(&right) != (oparg == 1)));
            }
            Opcode::CONTAINS_OP => {
                let container = stack.pop()?;
                let item = stack.pop()?;
                let found = abstract_ops::contains(ts, &container, &item)?;
                stack.push(pybool::bool_ref(found != (oparg == 1)));
            }
            Opcode::TO_BOOL => {
                let value = stack.pop()?;
                let truth = match fastpaths::truth(&value) {
                    Some(truth) => truth,
                    None => value.is_true(ts)?,
                };
                stack.push(pybool::bool_ref(truth));
            }
            Opcode::UNARY_NOT => {
                let value = stack.pop()?;
                let truth = value.is_true(ts)?;
                stack.push(pybool::bool_ref(!truth));
            }
            Opcode::UNARY_NEGATIVE => {
                let value = stack.pop()?;
                stack.push(abstract_ops::unary_op(ts, '-', &value)?);
            }
            Opcode::UNARY_INVERT => {
                let value = stack.pop()?;
                stack.push(abstract_ops::unary_op(ts, '~', &value)?);
            }
            Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                let value = stack.pop()?;
                let truth = match fastpaths::truth(&value) {
                    Some(truth) => truth,
                    None => value.is_true(ts)?,
                };
                if truth == (op == Opcode::POP_JUMP_IF_TRUE) {
                    next_index = after + arg;
                }
            }
            Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                let value = stack.pop()?;
                if singletons::is_none(&value) == (op == Opcode::POP_JUMP_IF_NONE) {
                    next_index = after + arg;
                }
            }
            Opcode::JUMP_FORWARD => next_index = after + arg,
            Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                next_index = after.saturating_sub(arg);
                if op == Opcode::JUMP_BACKWARD && pyrite_objects::gc::collection_scheduled() {
                    pyrite_objects::gc::collect_scheduled(ts);
                }
            }
            Opcode::GET_ITER => {
                let iterable = stack.pop()?;
                stack.push(iterobject::get_iter(ts, &iterable)?);
            }
            Opcode::FOR_ITER => {
                match iterobject::next(ts, stack.top()?)? {
                    Some(value) => stack.push(value),
                    // Exhausted: skip the END_FOR at the target; POP_ITER pops the iterator.
                    None => next_index = after + arg + 1,
                }
            }
            Opcode::BUILD_TUPLE => {
                let items = stack.pop_n(arg)?;
                stack.push(tuple::new(ts, items).into_ref());
            }
            Opcode::BUILD_LIST => {
                let items = stack.pop_n(arg)?;
                stack.push(pyrite_objects::list::new(ts, items).into_ref());
            }
            Opcode::BUILD_MAP => {
                let items = stack.pop_n(arg * 2)?;
                let dict = pyrite_objects::dict::new(ts);
                let mut items = items.into_iter();
                while let (Some(key), Some(value)) = (items.next(), items.next()) {
                    dict.set_item(ts, key, value)?;
                }
                stack.push(dict.into_ref());
            }
            Opcode::BUILD_SET => {
                let items = stack.pop_n(arg)?;
                stack.push(pyrite_objects::set::new(ts, items)?);
            }
            Opcode::SET_ADD => {
                let value = stack.pop()?;
                let set = stack.peek(arg)?.clone();
                if let Some(set) = pyrite_objects::set::as_set(&set) {
                    set.add(ts, value)?;
                }
            }
            Opcode::SET_UPDATE => {
                let iterable = stack.pop()?;
                if let Some(set) = pyrite_objects::set::as_set(stack.peek(arg)?) {
                    set.update(ts, &iterable)?;
                }
            }
            Opcode::BUILD_INTERPOLATION => {
                let format_spec = if arg & 1 != 0 {
                    Some(stack.pop()?)
                } else {
                    None
                };
                let expression = stack.pop()?;
                let value = stack.pop()?;
                let conversion =
                    pyrite_objects::interpolationobject::conversion_object(ts, (arg >> 2) as u32);
                stack.push(pyrite_objects::interpolationobject::new(
                    ts,
                    value,
                    expression,
                    conversion,
                    format_spec,
                ));
            }
            Opcode::BUILD_TEMPLATE => {
                let interpolations = stack.pop()?;
                let strings = stack.pop()?;
                stack.push(pyrite_objects::templateobject::new(
                    ts,
                    strings,
                    interpolations,
                ));
            }
            Opcode::BUILD_STRING => {
                let pieces = stack.pop_n(arg)?;
                let mut bytes = Vec::new();
                for piece in &pieces {
                    if let Some(text) = pystr::as_str_payload(piece) {
                        bytes.extend_from_slice(text.as_bytes());
                    }
                }
                stack.push(abstract_ops::str_from_bytes(ts, &bytes));
            }
            Opcode::LIST_APPEND => {
                let value = stack.pop()?;
                let list = stack.peek(arg)?;
                if let Some(list) = list.downcast_ref::<pyrite_objects::list::List>() {
                    list.append(ts, value);
                }
            }
            Opcode::LIST_EXTEND => {
                let iterable = stack.pop()?;
                let list = stack.peek(arg)?.clone();
                let is_iterable = iterable.ob_type().slots.iter.get().is_some()
                    || iterable.payload_is::<tuple::Tuple>()
                    || iterable.payload_is::<pyrite_objects::list::List>()
                    || iterable.payload_is::<pystr::Str>()
                    || iterable.payload_is::<Dict>()
                    || iterable.ob_type().sequence.item.get().is_some();
                if !is_iterable {
                    return Err(PyErr::type_error(format!(
                        "Value after * must be an iterable, not {}",
                        iterable.ob_type().name()
                    ))
                    .into());
                }
                let items = iterobject::collect(ts, &iterable)?;
                if let Some(list) = list.downcast_ref::<pyrite_objects::list::List>() {
                    for item in items {
                        list.append(ts, item);
                    }
                }
            }
            Opcode::MAP_ADD => {
                let value = stack.pop()?;
                let key = stack.pop()?;
                let dict = stack.peek(arg)?.clone();
                if let Some(dict) = dict.downcast_ref::<Dict>() {
                    dict.set_item(ts, key, value)?;
                }
            }
            Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                let source = stack.pop()?;
                // Below the dict: the positional-arguments tuple, NULL or self, the callable.
                let dict = stack.peek(arg)?.clone();
                if let Some(dict) = dict.downcast_ref::<Dict>() {
                    if op == Opcode::DICT_MERGE {
                        if let Some(source_dict) = source.downcast_ref::<Dict>() {
                            for (key, _) in source_dict.items() {
                                if dict.get_item(ts, &key)?.is_some() {
                                    let function = stack.peek(arg + 3)?;
                                    return Err(PyErr::type_error(format!(
                                        "{} got multiple values for keyword argument '{}'",
                                        function_name_for_error(ts, function),
                                        pystr::to_rust_string(&key)
                                    ))
                                    .into());
                                }
                            }
                        } else if attrs::lookup_special(ts, &source, "keys")?.is_none() {
                            let function = stack.peek(arg + 3)?;
                            return Err(PyErr::type_error(format!(
                                "{} argument after ** must be a mapping, not {}",
                                function_name_for_error(ts, function),
                                source.ob_type().name()
                            ))
                            .into());
                        }
                    }
                    pyrite_objects::methods::dict_merge(ts, dict, &source)?;
                }
            }
            Opcode::UNPACK_SEQUENCE => {
                let value = stack.pop()?;
                if let Some(items) = fastpaths::exact_tuple_items(&value, arg) {
                    for item in items.iter().rev() {
                        stack.push(item.clone());
                    }
                    continue;
                }
                let items = unpack(ts, &value, arg)?;
                for item in items.into_iter().rev() {
                    stack.push(item);
                }
            }
            Opcode::UNPACK_EX => {
                let before = arg & 0xff;
                let after_count = arg >> 8;
                let value = stack.pop()?;
                let items = iterobject::collect(ts, &value)?;
                if items.len() < before + after_count {
                    return Err(PyErr::new(
                        ExceptionKind::ValueError,
                        format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after_count,
                            items.len()
                        ),
                    )
                    .into());
                }
                let middle_end = items.len() - after_count;
                let middle = pyrite_objects::list::new(ts, items[before..middle_end].to_vec());
                for item in items[middle_end..].iter().rev() {
                    stack.push(item.clone());
                }
                stack.push(middle.into_ref());
                for item in items[..before].iter().rev() {
                    stack.push(item.clone());
                }
            }
            Opcode::CALL => {
                // (callable, self_or_null, args[arg] -- result)
                let len = stack.items.len();
                if len < stack.base + arg + 2 {
                    return Err(PyErr::new(ExceptionKind::SystemError, "bad value stack").into());
                }
                let has_self = stack.items[len - arg - 1].is_some();
                let first = if has_self { len - arg - 1 } else { len - arg };
                let count = len - first;
                let callable_index = len - arg - 2;
                let fast = call_python_exact_args(ts, &mut stack, callable_index, first, count)
                    .or_else(|| {
                        call_class_with_python_init(ts, &mut stack, callable_index, first, count)
                    });
                if let Some(result) = fast {
                    stack.push(result?);
                    continue;
                }
                // One to three arguments (`self` included) move into an array of their
                // size; up to `CALL_BUFFER` into a buffer; both on the native stack.
                let result = if count == 1 {
                    let args = [pop_argument(&mut stack)?];
                    call_with_popped_arguments(ts, &mut stack, &args)?
                } else if count == 2 {
                    let second = pop_argument(&mut stack)?;
                    let args = [pop_argument(&mut stack)?, second];
                    call_with_popped_arguments(ts, &mut stack, &args)?
                } else if count == 3 {
                    let third = pop_argument(&mut stack)?;
                    let second = pop_argument(&mut stack)?;
                    let args = [pop_argument(&mut stack)?, second, third];
                    call_with_popped_arguments(ts, &mut stack, &args)?
                } else if count <= CALL_BUFFER {
                    let mut buffer: [PyRef; CALL_BUFFER] =
                        std::array::from_fn(|_| singletons::none());
                    for (slot, item) in buffer.iter_mut().zip(stack.items.drain(first..)) {
                        match item {
                            Some(item) => *slot = item,
                            None => {
                                return Err(PyErr::new(
                                    ExceptionKind::SystemError,
                                    "NULL on the value stack",
                                )
                                .into());
                            }
                        }
                    }
                    stack.items.pop_if(|item| item.is_none());
                    let callable = stack.pop()?;
                    if count == 0
                        && callable.is(pyrite_objects::superobject::SUPER_TYPE.as_object())
                    {
                        // A bare `super()` call: its arguments come from the frame.
                        let args = zero_arg_super(&stack.items[..], code)?;
                        call_object(ts, &callable, &args, None)?
                    } else {
                        call_object(ts, &callable, &buffer[..count], None)?
                    }
                } else {
                    let args = stack.pop_n(count)?;
                    stack.items.pop_if(|item| item.is_none());
                    let callable = stack.pop()?;
                    call_object(ts, &callable, &args, None)?
                };
                stack.push(result);
            }
            Opcode::CALL_KW => {
                let kwnames = stack.pop()?;
                let args = stack.pop_n(arg)?;
                let self_or_null = stack.pop_opt();
                let callable = stack.pop()?;
                let result = match self_or_null {
                    Some(receiver) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(receiver);
                        full.extend(args);
                        call_object(ts, &callable, &full, Some(&kwnames))?
                    }
                    None => call_object(ts, &callable, &args, Some(&kwnames))?,
                };
                stack.push(result);
            }
            Opcode::CALL_FUNCTION_EX => {
                let kwargs = stack.pop_opt();
                let callargs = stack.pop()?;
                let _null = stack.pop_opt();
                let callable = stack.pop()?;
                let mut args = if callargs.payload_is::<tuple::Tuple>() {
                    tuple::items(&callargs).to_vec()
                } else {
                    if !iterobject::is_iterable(&callargs) {
                        return Err(PyErr::type_error(format!(
                            "{} argument after * must be an iterable, not {}",
                            function_name_for_error(ts, &callable),
                            callargs.ob_type().name()
                        ))
                        .into());
                    }
                    iterobject::collect(ts, &callargs)?
                };
                let kwnames = match kwargs {
                    Some(kwargs) => {
                        let dict = kwargs
                            .downcast_ref::<Dict>()
                            .ok_or_else(|| PyErr::type_error("argument after ** must be a dict"))?;
                        let mut names = Vec::new();
                        for (key, value) in dict.items() {
                            if !key.payload_is::<pystr::Str>() {
                                return Err(PyErr::type_error("keywords must be strings").into());
                            }
                            names.push(key);
                            args.push(value);
                        }
                        Some(tuple::new(ts, names).into_ref())
                    }
                    None => None,
                };
                let result = call_object(ts, &callable, &args, kwnames.as_deref())?;
                stack.push(result);
            }
            Opcode::CALL_INTRINSIC_1 => {
                let value = stack.pop()?;
                let result = match oparg {
                    1 => crate::intrinsics::print_expr(ts, value)?,
                    5 => abstract_ops::unary_op(ts, '+', &value)?,
                    6 => tuple::new(ts, iterobject::collect(ts, &value)?).into_ref(),
                    2 => {
                        let locals = frame.locals.clone().ok_or_else(|| {
                            PyErr::new(
                                ExceptionKind::SystemError,
                                "no locals found during 'import *'",
                            )
                        })?;
                        crate::import::import_star(ts, &value, &locals)?;
                        singletons::none()
                    }
                    3 => stop_iteration_error(ts, value, code.code.co_flags),
                    4 => crate::genobject::async_gen_wrap(ts, value),
                    7..=11 => crate::intrinsics::typing_unary(ts, oparg, value, &frame.globals)?,
                    _ => {
                        return Err(PyErr::new(
                            ExceptionKind::SystemError,
                            format!("intrinsic {oparg} is not supported yet"),
                        )
                        .into());
                    }
                };
                stack.push(result);
            }
            Opcode::CALL_INTRINSIC_2 => {
                let second = stack.pop()?;
                let first = stack.pop()?;
                let result = match oparg {
                    1 => pyrite_objects::exception_group::prep_reraise_star(ts, &first, &second)?,
                    _ => crate::intrinsics::typing_binary(ts, oparg, first, second)?,
                };
                stack.push(result);
            }
            Opcode::LOAD_COMMON_CONSTANT => {
                let value = match oparg {
                    0 => exceptions::ASSERTION_ERROR_TYPE.as_object().new_ref(),
                    1 => exceptions::NOT_IMPLEMENTED_ERROR_TYPE.as_object().new_ref(),
                    _ => {
                        let name = pyrite_bytecode::opcode::COMMON_CONSTANTS
                            .get(arg)
                            .copied()
                            .unwrap_or("tuple");
                        let key = pystr::intern(ts, name);
                        dict_get(ts, &frame.builtins, &key)?.ok_or_else(|| name_error(&key))?
                    }
                };
                stack.push(value);
            }
            Opcode::LOAD_BUILD_CLASS => {
                let key = pystr::intern(ts, "__build_class__");
                match dict_get(ts, &frame.builtins, &key)? {
                    Some(value) => stack.push(value),
                    None => {
                        return Err(PyErr::new(
                            ExceptionKind::NameError,
                            "__build_class__ not found",
                        )
                        .into());
                    }
                }
            }
            Opcode::MAKE_FUNCTION => {
                let code_object = stack.pop()?;
                let code_object = code_object
                    .downcast::<Code>()
                    .map_err(|_| PyErr::type_error("MAKE_FUNCTION needs a code object"))?;
                let function = pyrite_objects::function::new(
                    ts,
                    code_object,
                    frame.globals.clone(),
                    frame.builtins.clone(),
                );
                stack.push(function.into_ref());
            }
            Opcode::SET_FUNCTION_ATTRIBUTE => {
                let function = stack.pop()?;
                let value = stack.pop()?;
                if let Some(function) = function.downcast_ref::<Function>() {
                    let field = match oparg {
                        1 => &function.defaults,
                        2 => &function.kwdefaults,
                        4 => &function.annotations,
                        8 => &function.closure,
                        _ => &function.annotate,
                    };
                    let old = field.replace(Some(value));
                    drop(old);
                }
                stack.push(function);
            }
            Opcode::RETURN_VALUE => {
                let value = stack.pop()?;
                stack.truncate(0);
                return Ok(FrameExit::Return(value));
            }
            Opcode::RETURN_GENERATOR => {
                return Ok(FrameExit::Suspend(None, next_index));
            }
            Opcode::YIELD_VALUE => {
                let value = stack.pop()?;
                return Ok(FrameExit::Suspend(Some(value), next_index));
            }
            Opcode::GET_AWAITABLE => {
                let value = stack.pop()?;
                stack.push(crate::genobject::get_awaitable(ts, &value, oparg)?);
            }
            Opcode::GET_AITER => {
                let value = stack.pop()?;
                stack.push(get_aiter(ts, &value)?);
            }
            Opcode::GET_ANEXT => {
                let aiter = stack.top()?.clone();
                stack.push(get_anext(ts, &aiter)?);
            }
            Opcode::END_ASYNC_FOR => {
                // (awaitable, exc -- ): the end of an `async for` is StopAsyncIteration.
                let exc = stack.pop()?;
                if exceptions::kind_of_type(exc.ob_type()) != ExceptionKind::StopAsyncIteration {
                    return Err(Unwind::Reraise(exc));
                }
                stack.pop_opt();
            }
            Opcode::CLEANUP_THROW => {
                // (sub_iter, last_sent_val, exc -- None, value): a StopIteration thrown
                // out of the delegated-to iterator ends the `yield from` / `await`.
                let exc = stack.pop()?;
                if exceptions::kind_of_type(exc.ob_type()) != ExceptionKind::StopIteration {
                    return Err(Unwind::Reraise(exc));
                }
                stack.pop_opt();
                stack.pop_opt();
                let value = exceptions::args_of(&exc)
                    .first()
                    .cloned()
                    .unwrap_or_else(singletons::none);
                stack.push(singletons::none());
                stack.push(value);
            }
            Opcode::GET_YIELD_FROM_ITER => {
                let iterable = stack.pop()?;
                if iterable.payload_is::<crate::genobject::Generator>() {
                    if iterable.ob_type().name() == "coroutine"
                        && code.code.co_flags
                            & (CodeFlags::COROUTINE | CodeFlags::ITERABLE_COROUTINE)
                            == 0
                    {
                        return Err(PyErr::type_error(
                            "cannot 'yield from' a coroutine object in a non-coroutine generator",
                        )
                        .into());
                    }
                    stack.push(iterable);
                } else {
                    stack.push(iterobject::get_iter(ts, &iterable)?);
                }
            }
            Opcode::SEND => {
                let value = stack.pop()?;
                let receiver = stack.top()?.clone();
                match crate::genobject::send_to(ts, &receiver, value)? {
                    crate::genobject::SendResult::Yield(item) => stack.push(item),
                    crate::genobject::SendResult::Return(result) => {
                        stack.push(result);
                        next_index = after + arg;
                    }
                }
            }
            Opcode::END_SEND => {
                let value = stack.pop()?;
                stack.pop_opt();
                stack.push(value);
            }
            Opcode::RAISE_VARARGS => {
                let (exc, cause) = match arg {
                    0 => (None, None),
                    1 => (Some(stack.pop()?), None),
                    _ => {
                        let cause = stack.pop()?;
                        (Some(stack.pop()?), Some(cause))
                    }
                };
                return Err(do_raise(ts, exc, cause));
            }
            Opcode::RERAISE => {
                let exc = stack.pop()?;
                // The handler is looked up at this instruction; the frame's position
                // goes back to the saved `lasti` (the instruction that first raised),
                // which `f_lineno`/`f_lasti` then show.
                if arg != 0 {
                    let lasti = stack.pop_opt();
                    if let Some(lasti) = lasti.as_deref().and_then(pyrite_objects::int::as_i64)
                        && let Ok(lasti) = usize::try_from(lasti)
                    {
                        return Err(Unwind::ReraiseAt(exc, lasti / 2));
                    }
                }
                return Err(Unwind::Reraise(exc));
            }
            Opcode::IMPORT_NAME => {
                let fromlist = stack.pop()?;
                let level = stack.pop()?;
                let level = pyrite_objects::int::as_i64(&level).unwrap_or(0).max(0) as usize;
                let module = crate::import::import_module_level(
                    ts,
                    &names[arg],
                    Some(&frame.globals),
                    Some(&fromlist),
                    level,
                )?;
                stack.push(module);
            }
            Opcode::IMPORT_FROM => {
                let module = stack.top()?.clone();
                stack.push(crate::import::import_from(ts, &module, &names[arg])?);
            }
            Opcode::PUSH_EXC_INFO => {
                let exc = stack.pop()?;
                let previous = set_handled_exception(Some(exc.clone()));
                stack.push(previous.unwrap_or_else(singletons::none));
                stack.push(exc);
            }
            Opcode::POP_EXCEPT => {
                let previous = stack.pop()?;
                let previous = (!singletons::is_none(&previous)).then_some(previous);
                let old = set_handled_exception(previous);
                drop(old);
            }
            Opcode::CHECK_EXC_MATCH => {
                let match_type = stack.pop()?;
                let exc = stack.top()?.clone();
                let matched = exception_matches(ts, &exc, &match_type)?;
                stack.push(pybool::bool_ref(matched));
            }
            Opcode::FORMAT_SIMPLE => {
                let value = stack.pop()?;
                let result = if value.is_exact_type(&pystr::STR_TYPE) {
                    value
                } else {
                    pyrite_objects::formatter::format_value(ts, &value, "")?
                };
                stack.push(result);
            }
            Opcode::FORMAT_WITH_SPEC => {
                let spec = stack.pop()?;
                let value = stack.pop()?;
                let spec = pystr::to_rust_string(&spec);
                stack.push(pyrite_objects::formatter::format_value(ts, &value, &spec)?);
            }
            Opcode::CONVERT_VALUE => {
                let value = stack.pop()?;
                let converted = match oparg {
                    1 => value.str(ts)?,
                    2 => value.repr(ts)?,
                    _ => {
                        let repr = pystr::to_rust_string(&*value.repr(ts)?);
                        pystr::new(ts, &ascii_escape(&repr)).into_ref()
                    }
                };
                stack.push(converted);
            }
            Opcode::LOAD_SPECIAL => {
                let owner = stack.pop()?;
                let name = pyrite_bytecode::opcode::SPECIAL_METHOD_NAMES
                    .get(arg)
                    .copied()
                    .unwrap_or("__exit__");
                let found = owner.ob_type().lookup_str(ts, name)?;
                let Some(found) = found else {
                    let missing = name;
                    let protocol = if arg >= 2 {
                        "asynchronous context manager"
                    } else {
                        "context manager"
                    };
                    return Err(PyErr::type_error(format!(
                        "'{}' object does not support the {protocol} protocol (missed {missing} method)",
                        owner.ob_type().name()
                    ))
                    .into());
                };
                if found.payload_is::<Function>()
                    || found.payload_is::<pyrite_objects::descr::MethodDescr>()
                {
                    stack.push(found);
                    stack.push(owner);
                } else {
                    let bound = match found.ob_type().slots.descr_get.get() {
                        Some(get) => {
                            get(ts, &found, Some(&owner), Some(owner.ob_type().as_object()))?
                        }
                        None => found,
                    };
                    stack.push(bound);
                    stack.push_null();
                }
            }
            Opcode::WITH_EXCEPT_START => {
                // (exit_func, exit_self, lasti, prev_exc, exc -- ..., result)
                let len = stack.items.len();
                if len < stack.base + 5 {
                    return Err(
                        PyErr::new(ExceptionKind::SystemError, "bad WITH_EXCEPT_START").into(),
                    );
                }
                let exc = stack.peek(1)?.clone();
                let exit_self = stack.items[len - 4].clone();
                let exit_func = stack.peek(5)?.clone();
                let traceback = exceptions::data(&exc)
                    .and_then(|data| data.traceback.borrow().clone())
                    .unwrap_or_else(singletons::none);
                let mut args = Vec::with_capacity(4);
                if let Some(exit_self) = exit_self {
                    args.push(exit_self);
                }
                args.push(exc.ob_type().as_object().new_ref());
                args.push(exc);
                args.push(traceback);
                let result = call_object(ts, &exit_func, &args, None)?;
                stack.push(result);
            }
            Opcode::CHECK_EG_MATCH => {
                let match_type = stack.pop()?;
                let exc = stack.pop()?;
                let index = frame.instr_index.get();
                let traceback = pyrite_objects::traceback::new(
                    ts,
                    None,
                    frame.code.as_object().new_ref(),
                    (index * 2) as i32,
                    frame.code.line_at(index),
                );
                if let Some(tb) = traceback.downcast_ref::<pyrite_objects::traceback::Traceback>() {
                    *tb.frame.borrow_mut() = Some(frame::frame_object_of(ts, frame));
                }
                let (rest, matched) = pyrite_objects::exception_group::except_star_match(
                    ts,
                    &exc,
                    &match_type,
                    Some(traceback),
                )?;
                if !singletons::is_none(&matched) {
                    let old = set_handled_exception(Some(matched.clone()));
                    drop(old);
                }
                stack.push(rest);
                stack.push(matched);
            }
            Opcode::MATCH_MAPPING => {
                let matched = crate::matching::is_mapping(ts, stack.top()?);
                stack.push(pybool::bool_ref(matched));
            }
            Opcode::MATCH_SEQUENCE => {
                let matched = crate::matching::is_sequence(ts, stack.top()?);
                stack.push(pybool::bool_ref(matched));
            }
            Opcode::MATCH_KEYS => {
                let keys = stack.peek(1)?.clone();
                let subject = stack.peek(2)?.clone();
                stack.push(crate::matching::match_keys(ts, &subject, &keys)?);
            }
            Opcode::MATCH_CLASS => {
                let names = stack.pop()?;
                let class = stack.pop()?;
                let subject = stack.pop()?;
                stack.push(crate::matching::match_class(
                    ts, &subject, &class, arg, &names,
                )?);
            }
            Opcode::GET_LEN => {
                let value = stack.top()?.clone();
                let length = pyrite_objects::abstract_api::len(ts, &value)?;
                stack.push(pyrite_objects::int::new(ts, length as i64));
            }
            _ => {
                return Err(PyErr::new(
                    ExceptionKind::SystemError,
                    format!("opcode {op:?} is not supported yet"),
                )
                .into());
            }
        }
    }
}

/// `INTRINSIC_STOPITERATION_ERROR`: a `StopIteration` escaping a generator becomes
/// `RuntimeError` (PEP 479), chained to it.
fn stop_iteration_error(ts: &ThreadState, exc: PyRef, co_flags: u32) -> PyRef {
    let kind = exceptions::kind_of_type(exc.ob_type());
    let message = if kind == ExceptionKind::StopIteration {
        if co_flags & CodeFlags::COROUTINE != 0 {
            "coroutine raised StopIteration"
        } else if co_flags & CodeFlags::ASYNC_GENERATOR != 0 {
            "async generator raised StopIteration"
        } else {
            "generator raised StopIteration"
        }
    } else if kind == ExceptionKind::StopAsyncIteration
        && co_flags & CodeFlags::ASYNC_GENERATOR != 0
    {
        "async generator raised StopAsyncIteration"
    } else {
        return exc;
    };
    let error = PyErr::new(ExceptionKind::RuntimeError, message).into_exception(ts);
    if let Some(data) = exceptions::data(&error) {
        *data.cause.borrow_mut() = Some(exc.clone());
        *data.context.borrow_mut() = Some(exc);
        data.suppress_context.set(true);
    }
    error
}

/// `GET_AITER`: `type(value).__aiter__(value)`, which must have `__anext__`.
fn get_aiter(ts: &ThreadState, value: &PyObject) -> PyResult {
    let Some(method) = value.ob_type().lookup_str(ts, "__aiter__")? else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            value.ob_type().name()
        )));
    };
    let iterator = pyrite_objects::abstract_api::call(ts, &method, &[value.new_ref()], None)?;
    if iterator.ob_type().lookup_str(ts, "__anext__")?.is_none() {
        return Err(PyErr::type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            iterator.ob_type().name()
        )));
    }
    Ok(iterator)
}

/// `GET_ANEXT`: the awaitable of `type(aiter).__anext__(aiter)`.
fn get_anext(ts: &ThreadState, aiter: &PyObject) -> PyResult {
    let Some(method) = aiter.ob_type().lookup_str(ts, "__anext__")? else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            aiter.ob_type().name()
        )));
    };
    let awaitable = pyrite_objects::abstract_api::call(ts, &method, &[aiter.new_ref()], None)?;
    if awaitable.ob_type().slots.iternext.get().is_some() {
        return Ok(awaitable);
    }
    crate::genobject::get_awaitable(ts, &awaitable, 0).map_err(|_| {
        PyErr::type_error(format!(
            "'async for' received an invalid object from __anext__: {}",
            awaitable.ob_type().name()
        ))
    })
}

/// `ascii(obj)`'s escaping of non-ASCII characters in a repr.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        if code < 0x80 {
            out.push(c);
        } else if code < 0x100 {
            out.push_str(&format!("\\x{code:02x}"));
        } else if code < 0x10000 {
            out.push_str(&format!("\\u{code:04x}"));
        } else {
            out.push_str(&format!("\\U{code:08x}"));
        }
    }
    out
}

/// How call errors name the callable (CPython's `_PyObject_FunctionStr`):
/// `module.qualname()`, just `qualname()` for builtins, else `str(callable)`.
fn function_name_for_error(ts: &ThreadState, function: &PyObject) -> String {
    let attribute = |name: &str| {
        attrs::lookup_attr(ts, function, &pystr::intern(ts, name))
            .ok()
            .flatten()
            .filter(|value| value.payload_is::<pystr::Str>())
            .map(|value| pystr::to_rust_string(&value))
    };
    let Some(qualname) = attribute("__qualname__") else {
        return function
            .str(ts)
            .map(|text| pystr::to_rust_string(&text))
            .unwrap_or_default();
    };
    match attribute("__module__") {
        Some(module) if module != "builtins" => format!("{module}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}

fn free_var_error(code: &Code, index: usize) -> PyErr {
    let name = pystr::to_rust_string(&code.localsplusnames[index]);
    let kind = code
        .code
        .co_localspluskinds
        .get(index)
        .copied()
        .unwrap_or(0);
    if kind & LocalKind::FREE != 0 {
        PyErr::new(
            ExceptionKind::NameError,
            format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ),
        )
    } else {
        PyErr::new(
            ExceptionKind::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }
}

/// `LOAD_ATTR`'s method form (CPython's `_PyObject_GetMethod`): a function found on the
/// type and not shadowed by the instance is returned unbound with the receiver, so no
/// bound method is made.
fn load_method(
    ts: &ThreadState,
    owner: PyRef,
    name: &PyObject,
    site: &pyrite_objects::typeobject::TypeLookupSite,
) -> PyResult<(PyRef, Option<PyRef>)> {
    let ty = owner.ob_type();
    if ty.slots.getattro.get().is_none()
        && pyrite_objects::typeobject::as_type(&owner).is_none()
        && let Some(found) = ty.lookup_at_site(ts, name, site)?
        && (found.payload_is::<Function>()
            || found.payload_is::<pyrite_objects::descr::MethodDescr>())
    {
        let shadowed = match attrs::instance_dict(ts, &owner, false) {
            Some(dict) => {
                // A clear hash bit rules the name out without a lookup.
                exact_dict(&dict).is_none_or(|dict| dict.may_hold_str(ts, name))
                    && dict_get(ts, &dict, name)?.is_some()
            }
            None => false,
        };
        if !shadowed {
            return Ok((found, Some(owner)));
        }
    }
    Ok((attrs::get_attr(ts, &owner, name)?, None))
}

/// The arguments a bare `super()` call stands for: the frame's `__class__` cell and its
/// first argument (CPython's `super_init_without_args`).
fn zero_arg_super(localsplus: &[Option<PyRef>], code: &Code) -> PyResult<Vec<PyRef>> {
    let no_arguments = || PyErr::new(ExceptionKind::RuntimeError, "super(): no arguments");
    if code.code.co_argcount == 0 {
        return Err(no_arguments());
    }
    let kinds = &code.code.co_localspluskinds;
    let mut first = localsplus
        .first()
        .cloned()
        .flatten()
        .ok_or_else(|| PyErr::new(ExceptionKind::RuntimeError, "super(): arg[0] deleted"))?;
    if kinds
        .first()
        .is_some_and(|kind| kind & LocalKind::CELL != 0)
        && first.payload_is::<pyrite_objects::cell::Cell>()
    {
        first = pyrite_objects::cell::get(&first)
            .ok_or_else(|| PyErr::new(ExceptionKind::RuntimeError, "super(): arg[0] deleted"))?;
    }
    for (index, name) in code.localsplusnames.iter().enumerate() {
        if kinds
            .get(index)
            .is_some_and(|kind| kind & LocalKind::FREE != 0)
            && pystr::to_rust_string(name) == "__class__"
        {
            let cell = localsplus.get(index).cloned().flatten();
            let class = cell
                .and_then(|cell| pyrite_objects::cell::get(&cell))
                .ok_or_else(|| {
                    PyErr::new(ExceptionKind::RuntimeError, "super(): empty __class__ cell")
                })?;
            if pyrite_objects::typeobject::as_type(&class).is_none() {
                return Err(PyErr::new(
                    ExceptionKind::RuntimeError,
                    format!(
                        "super(): __class__ is not a type ({})",
                        class.ob_type().name()
                    ),
                ));
            }
            return Ok(vec![class, first]);
        }
    }
    Err(PyErr::new(
        ExceptionKind::RuntimeError,
        "super(): __class__ cell not found",
    ))
}

/// `super().name` / `super(C, self).name` (`LOAD_SUPER_ATTR`): looks `name` up on the
/// MRO of `receiver`'s type after `class`.
fn super_lookup(
    ts: &ThreadState,
    global_super: &PyObject,
    class: &PyObject,
    receiver: &PyRef,
    name: &PyObject,
    oparg: usize,
) -> PyResult<(PyRef, Option<PyRef>)> {
    let is_builtin_super = global_super
        .downcast_ref::<pyrite_objects::typeobject::TypeObject>()
        .is_some_and(|ty| ty.name() == "super");
    if !is_builtin_super {
        return Err(PyErr::new(
            ExceptionKind::SystemError,
            "only the built-in super() is supported",
        ));
    }
    let Some(class) = pyrite_objects::typeobject::as_type(class) else {
        return Err(PyErr::type_error("super() argument 1 must be a type"));
    };
    let receiver_type = match pyrite_objects::typeobject::as_type(receiver) {
        Some(ty) if ty.is_subtype(ts, class) => ty,
        _ => receiver.ob_type(),
    };
    let mro = receiver_type.mro(ts).unwrap_or_else(tuple::empty);
    let entries = tuple::items(&mro);
    let start = entries
        .iter()
        .position(|entry| entry.is(class.as_object()))
        .map_or(entries.len(), |p| p + 1);
    for entry in &entries[start..] {
        let Some(ty) = pyrite_objects::typeobject::as_type(entry) else {
            continue;
        };
        let dict = ty.dict(ts);
        let Some(found) = dict_get(ts, &dict, name)? else {
            continue;
        };
        // `super(C, cls)` in a class method binds to the class, not an instance.
        let receiver_is_instance = !receiver.is(receiver_type.as_object());
        if oparg & 1 != 0
            && receiver_is_instance
            && (found.payload_is::<Function>()
                || found.payload_is::<pyrite_objects::descr::MethodDescr>())
        {
            return Ok((found, Some(receiver.clone())));
        }
        if let Some(get) = found.ob_type().slots.descr_get.get() {
            let instance = if receiver_is_instance {
                Some(&**receiver)
            } else {
                None
            };
            return Ok((
                get(ts, &found, instance, Some(receiver_type.as_object()))?,
                None,
            ));
        }
        return Ok((found, None));
    }
    Err(PyErr::new(
        ExceptionKind::AttributeError,
        format!(
            "'super' object has no attribute '{}'",
            pystr::to_rust_string(name)
        ),
    ))
}
