//! The `_ast` module: the `AST` base type, the node classes made from the generated
//! table (`ast_tables.rs`), the `Load`/`Store`/operator singletons the converter hands
//! out, and the `PyCF_*` flags.
//!
//! CPython counterpart: `Python/Python-ast.c` (`ast_type_init`, `ast_repr_max_depth`,
//! `ast_type_reduce`, `ast_type_replace`, `init_types`, `astmodule_exec`). The
//! conversions between node objects and `pyrite_ast` trees are in `ast_convert.rs`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::mem::offset_of;
use std::rc::Rc;

use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::methods::split_args;
use pyrite_objects::object::{StaticObject, payload_field_offset};
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, ThreadState, abstract_api, attrs, int, list,
    singletons, str as pystr, tuple,
};

use crate::ast_tables::{FieldKind, NODE_CLASSES};
use crate::modsupport::{Args, KwNames, ModuleBuilder};

/// `compile()` flags the `ast` module exports.
pub const PYCF_ONLY_AST: i64 = 0x400;
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;
pub const PYCF_OPTIMIZED_AST: i64 = 0x8000 | PYCF_ONLY_AST;

/// The payload of every node: only the instance dict, where the fields live.
pub struct AstNode {
    pub dict: RefCell<Option<PyRef>>,
}

impl PyPayload for AstNode {
    fn static_type() -> &'static PyType {
        &AST_TYPE
    }
}

/// The node classes and the singletons of the simple sum types (`Load()`, `Add()`, ...),
/// made once per interpreter.
pub struct AstState {
    pub classes: HashMap<&'static str, PyRef>,
    pub singletons: HashMap<&'static str, PyRef>,
}

thread_local! {
    static STATE: RefCell<Option<Rc<AstState>>> = const { RefCell::new(None) };
}

/// The node classes, made on first use (CPython's `init_types`).
pub fn state(ts: &ThreadState) -> PyResult<Rc<AstState>> {
    if let Some(state) = STATE.with(|state| state.borrow().clone()) {
        return Ok(state);
    }
    let state = Rc::new(init_types(ts)?);
    STATE.with(|slot| *slot.borrow_mut() = Some(state.clone()));
    Ok(state)
}

impl AstState {
    pub fn class(&self, name: &str) -> PyResult<&PyRef> {
        self.classes
            .get(name)
            .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, format!("no ast class {name}")))
    }

    /// A new, empty instance of the class `name` (`PyType_GenericNew`).
    pub fn new_node(&self, ts: &ThreadState, name: &str) -> PyResult {
        let class = self.class(name)?;
        let ty = pyrite_objects::typeobject::as_type(class)
            .ok_or_else(|| PyErr::type_error("ast class is not a type"))?;
        new_instance(ts, ty)
    }

    pub fn singleton(&self, name: &str) -> PyResult {
        self.singletons.get(name).cloned().ok_or_else(|| {
            PyErr::new(
                ExceptionKind::SystemError,
                format!("no ast singleton {name}"),
            )
        })
    }
}

fn new_instance(ts: &ThreadState, ty: &PyType) -> PyResult {
    let node = AstNode {
        dict: RefCell::new(Some(pyrite_objects::dict::new(ts).into_ref())),
    };
    Py::new_with_type(ts, ty, node)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error(format!("{}.__new__: bad type", ty.name())))
}

fn str_tuple(ts: &ThreadState, names: impl Iterator<Item = &'static str>) -> PyRef {
    tuple::new(ts, names.map(|name| pystr::intern(ts, name)).collect()).into_ref()
}

fn type_dict(ts: &ThreadState, class: &PyObject) -> PyResult<PyRef> {
    let ty = pyrite_objects::typeobject::as_type(class)
        .ok_or_else(|| PyErr::type_error("ast class is not a type"))?;
    Ok(ty.dict(ts))
}

fn set_in(ts: &ThreadState, dict: &PyObject, name: &str, value: PyRef) -> PyResult<()> {
    let dict = dict
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::type_error("type dict is not a dict"))?;
    dict.set_item(ts, pystr::intern(ts, name), value)
}

/// Makes every node class from the table, then their `_field_types` (which name them).
fn init_types(ts: &ThreadState) -> PyResult<AstState> {
    AST_TYPE.ready(ts)?;
    pyrite_objects::descr::add_methods(
        ts,
        &AST_TYPE,
        &[("__reduce__", ast_reduce), ("__replace__", ast_replace)],
    );
    let ast_dict = AST_TYPE.dict(ts);
    for name in ["_fields", "_attributes", "__match_args__"] {
        set_in(ts, &ast_dict, name, tuple::empty())?;
    }
    set_in(ts, &ast_dict, "__doc__", singletons::none())?;
    set_in(ts, &ast_dict, "__module__", pystr::intern(ts, "ast"))?;
    pyrite_objects::descr::add_getsets(
        ts,
        &AST_TYPE,
        &[("__dict__", ast_get_dict, Some(ast_set_dict))],
    );
    let mut classes: HashMap<&'static str, PyRef> = HashMap::new();
    classes.insert("AST", AST_TYPE.as_object().new_ref());
    for spec in NODE_CLASSES {
        let base = classes
            .get(spec.base)
            .cloned()
            .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "ast base missing"))?;
        let class = pyrite_objects::typeobject::new_heap_type(ts, spec.name, &[base])?;
        let dict = type_dict(ts, &class)?;
        let fields = str_tuple(ts, spec.fields.iter().map(|field| field.name));
        set_in(ts, &dict, "_fields", fields.clone())?;
        set_in(ts, &dict, "__match_args__", fields)?;
        // Concrete classes inherit `_attributes` from their sum type.
        if spec.base == "AST" {
            set_in(
                ts,
                &dict,
                "_attributes",
                str_tuple(ts, spec.attributes.iter().copied()),
            )?;
        }
        set_in(ts, &dict, "__module__", pystr::intern(ts, "ast"))?;
        set_in(ts, &dict, "__doc__", pystr::new(ts, spec.doc).into_ref())?;
        for name in spec.none_defaults {
            set_in(ts, &dict, name, singletons::none())?;
        }
        classes.insert(spec.name, class);
    }
    for spec in NODE_CLASSES.iter().filter(|spec| spec.has_field_types) {
        let field_types = pyrite_objects::dict::new(ts);
        for field in spec.fields {
            let base = match field.type_name {
                "str" => pyrite_objects::str::STR_TYPE.as_object().new_ref(),
                "int" => pyrite_objects::int::INT_TYPE.as_object().new_ref(),
                "object" => OBJECT_TYPE.as_object().new_ref(),
                name => classes
                    .get(name)
                    .cloned()
                    .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "ast type missing"))?,
            };
            let value = match field.kind {
                FieldKind::Required => base,
                FieldKind::Optional => {
                    let none_type = singletons::none().ob_type().as_object().new_ref();
                    pyrite_objects::unionobject::make_union(ts, &[base, none_type])?
                }
                FieldKind::List => {
                    let args = tuple::new(ts, vec![base]).into_ref();
                    pyrite_objects::genericaliasobject::new(
                        ts,
                        pyrite_objects::list::LIST_TYPE.as_object().new_ref(),
                        &args,
                    )
                }
            };
            field_types.set_item(ts, pystr::intern(ts, field.name), value)?;
        }
        let class = &classes[spec.name];
        let field_types = field_types.into_ref();
        set_in(
            ts,
            &*type_dict(ts, class)?,
            "_field_types",
            field_types.clone(),
        )?;
        // The same dict is the class's annotations (`ast.Name.__annotations__`).
        attrs::set_attr(
            ts,
            class,
            &pystr::intern(ts, "__annotations__"),
            Some(&field_types),
        )?;
    }
    let mut singleton_map = HashMap::new();
    for spec in NODE_CLASSES.iter().filter(|spec| {
        matches!(
            spec.base,
            "expr_context" | "boolop" | "operator" | "unaryop" | "cmpop"
        )
    }) {
        let ty = pyrite_objects::typeobject::as_type(&classes[spec.name])
            .ok_or_else(|| PyErr::type_error("ast class is not a type"))?;
        singleton_map.insert(spec.name, new_instance(ts, ty)?);
    }
    Ok(AstState {
        classes,
        singletons: singleton_map,
    })
}

/// `type(node).__name__` as CPython's `tp_name` gives it in messages.
fn type_name(object: &PyObject) -> String {
    object.ob_type().name().to_owned()
}

fn short_name(object: &PyObject) -> String {
    let name = object.ob_type().name();
    name.rsplit('.').next().unwrap_or(name).to_owned()
}

fn class_attr(ts: &ThreadState, object: &PyObject, name: &str) -> PyResult<Option<PyRef>> {
    object.ob_type().lookup_str(ts, name)
}

fn names_of(ts: &ThreadState, sequence: Option<PyRef>) -> PyResult<Vec<PyRef>> {
    match sequence {
        Some(sequence) => pyrite_objects::iterobject::collect(ts, &sequence),
        None => Ok(Vec::new()),
    }
}

fn contains(ts: &ThreadState, names: &[PyRef], name: &PyObject) -> PyResult<bool> {
    for item in names {
        if item.rich_compare_bool(ts, name, pyrite_objects::slots::CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn is_union(object: &PyObject) -> bool {
    pyrite_objects::unionobject::members(object).is_some()
}

fn is_generic_alias(object: &PyObject) -> bool {
    object.ob_type().name() == "types.GenericAlias"
}

fn is_expr_context_class(ts: &ThreadState, object: &PyObject) -> PyResult<bool> {
    let state = state(ts)?;
    Ok(std::ptr::eq(
        object.as_ptr(),
        state.class("expr_context")?.as_ptr(),
    ))
}

/// `AST.__init__(*args, **kwargs)`: positional arguments fill `_fields` in order,
/// keywords any field or attribute (others warn); unset fields get their defaults.
fn ast_init(ts: &ThreadState, object: &PyObject, args: &[PyRef], kw: KwNames<'_>) -> PyResult<()> {
    let (positional, keywords) = split_args(args, kw);
    let fields = names_of(ts, class_attr(ts, object, "_fields")?)?;
    if positional.len() > fields.len() {
        return Err(PyErr::type_error(format!(
            "{} constructor takes at most {} positional argument{}",
            type_name(object),
            fields.len(),
            if fields.len() == 1 { "" } else { "s" }
        )));
    }
    let mut set_fields: Vec<PyRef> = Vec::new();
    for (name, value) in fields.iter().zip(positional) {
        attrs::set_attr(ts, object, name, Some(value))?;
        set_fields.push(name.clone());
    }
    let mut attributes: Option<Vec<PyRef>> = None;
    for (key, value) in keywords {
        let key_object = pystr::new(ts, &key).into_ref();
        if contains(ts, &fields, &key_object)? {
            if contains(ts, &set_fields, &key_object)? {
                return Err(PyErr::type_error(format!(
                    "{} got multiple values for argument '{key}'",
                    type_name(object)
                )));
            }
            set_fields.push(key_object.clone());
        } else {
            if attributes.is_none() {
                attributes = Some(names_of(ts, class_attr(ts, object, "_attributes")?)?);
            }
            if !contains(ts, attributes.as_deref().unwrap_or(&[]), &key_object)? {
                pyrite_objects::warnings::warn(
                    ts,
                    ExceptionKind::DeprecationWarning,
                    &format!(
                        "{}.__init__ got an unexpected keyword argument '{key}'. Support for \
                         arbitrary keyword arguments is deprecated and will be removed in \
                         Python 3.15.",
                        type_name(object)
                    ),
                    1,
                )?;
            }
        }
        attrs::set_attr(ts, object, &key_object, Some(&value))?;
    }
    if set_fields.len() == fields.len() {
        return Ok(());
    }
    let Some(field_types) = class_attr(ts, object, "_field_types")? else {
        return Ok(());
    };
    for field in &fields {
        if contains(ts, &set_fields, field)? {
            continue;
        }
        let field_type = abstract_api::get_item(ts, &field_types, field).ok();
        let field_name = pystr::to_rust_string(field);
        match field_type {
            None => {
                pyrite_objects::warnings::warn(
                    ts,
                    ExceptionKind::DeprecationWarning,
                    &format!(
                        "Field '{field_name}' is missing from {}._field_types. This will \
                         become an error in Python 3.15.",
                        type_name(object)
                    ),
                    1,
                )?;
            }
            Some(field_type) if is_union(&field_type) => {}
            Some(field_type) if is_generic_alias(&field_type) => {
                let empty = list::new(ts, Vec::new()).into_ref();
                attrs::set_attr(ts, object, field, Some(&empty))?;
            }
            Some(field_type) if is_expr_context_class(ts, &field_type)? => {
                let load = state(ts)?.singleton("Load")?;
                attrs::set_attr(ts, object, field, Some(&load))?;
            }
            Some(_) => {
                pyrite_objects::warnings::warn(
                    ts,
                    ExceptionKind::DeprecationWarning,
                    &format!(
                        "{}.__init__ missing 1 required positional argument: '{field_name}'. \
                         This will become an error in Python 3.15.",
                        type_name(object)
                    ),
                    1,
                )?;
            }
        }
    }
    Ok(())
}

fn ast_new(ts: &ThreadState, ty: &PyType, _args: &[PyRef], _kw: KwNames<'_>) -> PyResult {
    new_instance(ts, ty)
}

/// The repr of a field value: nodes and lists nest at most `depth` levels.
fn repr_value(ts: &ThreadState, value: &PyObject, depth: i32) -> PyResult<String> {
    let is_list = value.payload_is::<pyrite_objects::list::List>();
    let is_tuple = value.payload_is::<tuple::Tuple>();
    if is_list || is_tuple {
        let items = if is_list {
            pyrite_objects::iterobject::collect(ts, value)?
        } else {
            tuple::items(value).to_vec()
        };
        let (open, close) = if is_list { ("[", "]") } else { ("(", ")") };
        if items.is_empty() {
            return Ok(format!("{open}{close}"));
        }
        let mut out = String::from(open);
        out.push_str(&repr_item(ts, &items[0], depth)?);
        if items.len() > 1 {
            if items.len() > 2 {
                out.push_str(", ...");
            }
            out.push_str(", ");
            out.push_str(&repr_item(ts, &items[items.len() - 1], depth)?);
        }
        out.push_str(close);
        return Ok(out);
    }
    if value.ob_type().is_subtype(ts, &AST_TYPE) {
        return repr_node(ts, value, depth - 1);
    }
    let text = value.repr(ts)?;
    Ok(pystr::to_rust_string(&text))
}

fn repr_item(ts: &ThreadState, item: &PyObject, depth: i32) -> PyResult<String> {
    if item.ob_type().is_subtype(ts, &AST_TYPE) {
        repr_node(ts, item, depth - 1)
    } else {
        Ok(pystr::to_rust_string(&*item.repr(ts)?))
    }
}

/// `ast_repr_max_depth`: `Name(id='x', ctx=Load())`, `Name(...)` past the depth.
fn repr_node(ts: &ThreadState, object: &PyObject, depth: i32) -> PyResult<String> {
    let name = short_name(object);
    if depth <= 0 {
        return Ok(format!("{name}(...)"));
    }
    let fields = names_of(ts, class_attr(ts, object, "_fields")?)?;
    if fields.is_empty() {
        return Ok(format!("{name}()"));
    }
    let Some(_guard) = ts.repr_enter(object) else {
        return Ok(format!("{name}(...)"));
    };
    let _recursion = ts.enter_recursive_call(" while getting the repr of an object")?;
    let mut parts = Vec::with_capacity(fields.len());
    for field in &fields {
        let value = attrs::get_attr(ts, object, field)?;
        parts.push(format!(
            "{}={}",
            pystr::to_rust_string(field),
            repr_value(ts, &value, depth)?
        ));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

fn ast_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = repr_node(ts, object, 3)?;
    Ok(pystr::new(ts, &text).into_ref())
}

/// `__reduce__`: `(type(self), (None,) * fields set, self.__dict__)`, so unpickling
/// does not warn about fields the dict fills in afterwards.
fn ast_reduce(ts: &ThreadState, object: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    let ty = object.ob_type().as_object().new_ref();
    let Some(dict) = attrs::instance_dict(ts, object, false) else {
        return Ok(tuple::new(ts, vec![ty, tuple::empty()]).into_ref());
    };
    let fields = names_of(ts, class_attr(ts, object, "_fields")?)?;
    let mut positional = Vec::new();
    if let Some(dict_payload) = dict.downcast_ref::<Dict>() {
        for field in &fields {
            if dict_payload.get_item(ts, field)?.is_some() {
                positional.push(singletons::none());
            }
        }
    }
    Ok(tuple::new(ts, vec![ty, tuple::new(ts, positional).into_ref(), dict]).into_ref())
}

/// `__replace__(**changes)` (`copy.replace`): a new node of the same type from the
/// fields and attributes set on this one, with the changes applied.
fn ast_replace(ts: &ThreadState, object: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (positional, changes) = split_args(args, kw);
    if !positional.is_empty() {
        return Err(PyErr::type_error(
            "__replace__() takes no positional arguments",
        ));
    }
    let fields = names_of(ts, class_attr(ts, object, "_fields")?)?;
    let attributes = names_of(ts, class_attr(ts, object, "_attributes")?)?;
    let field_types = class_attr(ts, object, "_field_types")?;
    let name = type_name(object);
    let mut unexpected = Vec::new();
    for (key, _) in &changes {
        let key_object = pystr::new(ts, key).into_ref();
        if !contains(ts, &fields, &key_object)? && !contains(ts, &attributes, &key_object)? {
            unexpected.push(format!("'{key}'"));
        }
    }
    // CPython names one of them (the first it meets).
    if let Some(first) = unexpected.first() {
        return Err(PyErr::type_error(format!(
            "{name}.__replace__ got an unexpected keyword argument {first}."
        )));
    }
    let dict = attrs::instance_dict(ts, object, false);
    let dict = dict.as_ref().and_then(|dict| dict.downcast_ref::<Dict>());
    let mut keywords: Vec<(PyRef, PyRef)> = Vec::new();
    let mut missing = Vec::new();
    for name_object in fields.iter().chain(&attributes) {
        let key = pystr::to_rust_string(name_object);
        if changes.iter().any(|(change, _)| *change == key) {
            continue;
        }
        let present = match dict {
            Some(dict) => dict.get_item(ts, name_object)?,
            None => None,
        };
        match present {
            Some(value) => keywords.push((name_object.clone(), value)),
            None if contains(ts, &fields, name_object)? => {
                let optional = match &field_types {
                    Some(types) => match abstract_api::get_item(ts, types, name_object) {
                        Ok(field_type) => is_union(&field_type) || is_generic_alias(&field_type),
                        Err(_) => false,
                    },
                    None => false,
                };
                if !optional {
                    missing.push(key);
                }
            }
            None => {}
        }
    }
    if !missing.is_empty() {
        missing.sort();
        let quoted: Vec<String> = missing.iter().map(|key| format!("'{key}'")).collect();
        return Err(PyErr::type_error(format!(
            "{name}.__replace__ missing {} keyword argument{}: {}.",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            quoted.join(", ")
        )));
    }
    let mut values: Vec<PyRef> = Vec::new();
    let mut names: Vec<PyRef> = Vec::new();
    for (key, value) in keywords {
        names.push(key);
        values.push(value);
    }
    for (key, value) in changes {
        names.push(pystr::new(ts, &key).into_ref());
        values.push(value);
    }
    let kwnames = tuple::new(ts, names).into_ref();
    abstract_api::call(ts, object.ob_type().as_object(), &values, Some(&kwnames))
}

/// `node.__dict__`: where the fields live.
fn ast_get_dict(ts: &ThreadState, object: &PyObject) -> PyResult {
    attrs::instance_dict(ts, object, true)
        .ok_or_else(|| PyErr::type_error("AST node without a __dict__"))
}

fn ast_set_dict(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete __dict__"));
    };
    if !value.payload_is::<Dict>() {
        return Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            value.ob_type().name()
        )));
    }
    let cell = object
        .ob_type()
        .instance_dict_cell(object)
        .ok_or_else(|| PyErr::type_error("AST node without a __dict__"))?;
    let old = cell.replace(Some(value.new_ref()));
    drop(old);
    Ok(())
}

fn ast_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(node) = object.downcast_ref::<AstNode>()
        && let Some(dict) = node.dict.borrow().as_ref()
    {
        visit(dict);
    }
}

fn ast_clear(_ts: &ThreadState, object: &PyObject) {
    if let Some(node) = object.downcast_ref::<AstNode>() {
        let old = node.dict.borrow_mut().take();
        drop(old);
    }
}

pub static AST_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<AstNode>(
        "ast.AST",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(ast_repr),
        traverse: Slot::new(ast_traverse),
        clear: Slot::new(ast_clear),
        new: Slot::new(ast_new),
        init: Slot::new(ast_init),
        ..pyrite_objects::typeobject::object_slots()
    })
    .with_dict_offset(payload_field_offset::<AstNode>(offset_of!(AstNode, dict))),
);

/// Whether `object` is an `ast.AST` instance.
pub fn is_ast(ts: &ThreadState, object: &PyObject) -> bool {
    object.ob_type().is_subtype(ts, &AST_TYPE)
}

/// Creates the `_ast` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let state = state(ts)?;
    let module = ModuleBuilder::new(ts, "_ast", None)?;
    module.set("AST", AST_TYPE.as_object().new_ref())?;
    for spec in NODE_CLASSES {
        module.set(spec.name, state.class(spec.name)?.clone())?;
    }
    for (name, value) in [
        ("PyCF_ONLY_AST", PYCF_ONLY_AST),
        ("PyCF_TYPE_COMMENTS", PYCF_TYPE_COMMENTS),
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PYCF_ALLOW_TOP_LEVEL_AWAIT),
        ("PyCF_OPTIMIZED_AST", PYCF_OPTIMIZED_AST),
    ] {
        module.set(name, int::new(ts, value))?;
    }
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use crate::ast_tables::NODE_CLASSES;

    #[test]
    fn every_class_follows_its_base() {
        for (index, class) in NODE_CLASSES.iter().enumerate() {
            if class.base != "AST" {
                assert!(
                    NODE_CLASSES[..index]
                        .iter()
                        .any(|earlier| earlier.name == class.base),
                    "{} before {}",
                    class.name,
                    class.base
                );
            }
        }
    }

    #[test]
    fn tables_name_the_rust_tree_classes() {
        let names: Vec<&str> = NODE_CLASSES.iter().map(|class| class.name).collect();
        for name in [
            "Module",
            "FunctionDef",
            "TemplateStr",
            "Interpolation",
            "MatchOr",
            "TypeVarTuple",
            "comprehension",
            "Load",
            "NotIn",
        ] {
            assert!(names.contains(&name), "{name}");
        }
        let name = NODE_CLASSES
            .iter()
            .find(|class| class.name == "Name")
            .map(|class| {
                class
                    .fields
                    .iter()
                    .map(|field| field.name)
                    .collect::<Vec<_>>()
            });
        assert_eq!(name, Some(vec!["id", "ctx"]));
    }
}
