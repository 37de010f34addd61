//! The method resolution order: C3 linearization.
//!
//! CPython counterpart: `Objects/typeobject.c` (`mro_implementation`, `pmerge`,
//! `tail_contains`, `check_duplicates`, `set_mro_error`). The MRO of a class is the class
//! followed by the merge of its bases' MROs and the list of bases; the merge repeatedly
//! takes the first head that is in no list's tail.

use crate::err::{PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::typeobject::{PyType, as_type};

/// The MRO of `ty` with direct `bases` (each already ready), `ty` first.
pub fn compute_mro(ts: &ThreadState, ty: &PyType, bases: &[PyRef]) -> PyResult<Vec<PyRef>> {
    let own = ty.as_object().new_ref();
    check_duplicates(bases)?;
    let mut base_mros = Vec::with_capacity(bases.len() + 1);
    for base in bases {
        let Some(base_type) = as_type(base) else {
            return Err(PyErr::type_error("bases must be types"));
        };
        let mro = match base_type.mro(ts) {
            Some(mro) => crate::tuple::items(&mro).to_vec(),
            None => {
                return Err(PyErr::type_error(format!(
                    "base type '{}' is not ready",
                    base_type.name()
                )));
            }
        };
        base_mros.push(mro);
    }
    if bases.len() == 1 {
        // A single base: the class, then its base's MRO (CPython's fast path).
        let mut mro = vec![own];
        mro.extend(base_mros.remove(0));
        return Ok(mro);
    }
    base_mros.push(bases.to_vec());
    let mut mro = vec![own];
    merge(&base_mros, &mut mro)?;
    Ok(mro)
}

/// `duplicate base class NAME`.
fn check_duplicates(bases: &[PyRef]) -> PyResult<()> {
    for (position, base) in bases.iter().enumerate() {
        if bases[position + 1..].iter().any(|other| other.is(base)) {
            return Err(PyErr::type_error(format!(
                "duplicate base class {}",
                class_name(base)
            )));
        }
    }
    Ok(())
}

fn class_name(object: &PyObject) -> String {
    as_type(object).map_or_else(|| "?".to_owned(), |ty| ty.name().to_owned())
}

/// C3's merge of `lists` onto `result`.
fn merge(lists: &[Vec<PyRef>], result: &mut Vec<PyRef>) -> PyResult<()> {
    let mut remain = vec![0usize; lists.len()];
    'next: loop {
        let mut empty = 0;
        for (position, list) in lists.iter().enumerate() {
            let Some(candidate) = list.get(remain[position]) else {
                empty += 1;
                continue;
            };
            let in_a_tail = lists.iter().zip(&remain).any(|(other, &start)| {
                other
                    .iter()
                    .skip(start + 1)
                    .any(|entry| entry.is(candidate))
            });
            if in_a_tail {
                continue;
            }
            result.push(candidate.clone());
            for (other, start) in lists.iter().zip(remain.iter_mut()) {
                if other.get(*start).is_some_and(|head| head.is(candidate)) {
                    *start += 1;
                }
            }
            continue 'next;
        }
        if empty == lists.len() {
            return Ok(());
        }
        return Err(mro_error(lists, &remain));
    }
}

/// Names the heads still waiting, each once, in the order first met (`set_mro_error`).
fn mro_error(lists: &[Vec<PyRef>], remain: &[usize]) -> PyErr {
    let mut heads: Vec<&PyRef> = Vec::new();
    for (list, &start) in lists.iter().zip(remain) {
        if let Some(head) = list.get(start)
            && !heads.iter().any(|seen| seen.is(head))
        {
            heads.push(head);
        }
    }
    let names: Vec<String> = heads.iter().map(|head| class_name(head)).collect();
    PyErr::type_error(format!(
        "Cannot create a consistent method resolution order (MRO) for bases {}",
        names.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;
    use crate::str::repr_string;
    use crate::typeobject::{OBJECT_TYPE, new_heap_type};

    fn class(ts: &ThreadState, name: &str, bases: &[&PyRef]) -> PyResult<PyRef> {
        let bases: Vec<PyRef> = bases.iter().map(|base| (*base).clone()).collect();
        new_heap_type(ts, name, &bases)
    }

    fn mro_names(ts: &ThreadState, ty: &PyRef) -> Vec<String> {
        let mro = as_type(ty).and_then(|ty| ty.mro(ts)).unwrap();
        crate::tuple::items(&mro)
            .iter()
            .map(|entry| class_name(entry))
            .collect()
    }

    #[test]
    fn c3_linearization_of_a_diamond() {
        with_gil(|ts| {
            let object = OBJECT_TYPE.to_ref();
            let a = class(ts, "A", &[]).unwrap();
            let b = class(ts, "B", &[&a]).unwrap();
            let c = class(ts, "C", &[&a]).unwrap();
            let d = class(ts, "D", &[&b, &c]).unwrap();
            assert_eq!(mro_names(ts, &d), ["D", "B", "C", "A", "object"]);
            assert_eq!(mro_names(ts, &a), ["A", "object"]);
            // Python's own example from the 2.3 MRO paper: class K1(A, B, C) etc.
            let o = object.clone();
            let pa = class(ts, "PA", &[&o]).unwrap();
            let pb = class(ts, "PB", &[&o]).unwrap();
            let pc = class(ts, "PC", &[&o]).unwrap();
            let pd = class(ts, "PD", &[&o]).unwrap();
            let pe = class(ts, "PE", &[&o]).unwrap();
            let k1 = class(ts, "K1", &[&pa, &pb, &pc]).unwrap();
            let k2 = class(ts, "K2", &[&pd, &pb, &pe]).unwrap();
            let k3 = class(ts, "K3", &[&pd, &pa]).unwrap();
            let z = class(ts, "Z", &[&k1, &k2, &k3]).unwrap();
            assert_eq!(
                mro_names(ts, &z),
                [
                    "Z", "K1", "K2", "K3", "PD", "PA", "PB", "PC", "PE", "object"
                ]
            );
            assert_eq!(repr_string(ts, &d), "<class 'D'>");
            let d_type = as_type(&d).unwrap();
            assert!(d_type.is_subtype(ts, as_type(&a).unwrap()));
            assert!(!as_type(&a).unwrap().is_subtype(ts, d_type));
        });
    }

    /// Messages from CPython 3.14 (`class V(Z, W)` with `Z(X, Y)`, `W(Y, X)`, ...).
    #[test]
    fn inconsistent_hierarchies_give_cpython_errors() {
        with_gil(|ts| {
            let x = class(ts, "X", &[]).unwrap();
            let y = class(ts, "Y", &[]).unwrap();
            let z = class(ts, "Z", &[&x, &y]).unwrap();
            let w = class(ts, "W", &[&y, &x]).unwrap();
            let err = class(ts, "V", &[&z, &w]).unwrap_err();
            assert_eq!(
                err.repr(ts).unwrap(),
                "TypeError('Cannot create a consistent method resolution order (MRO) for bases X, Y')"
            );
            let o1 = class(ts, "O1", &[]).unwrap();
            let o2 = class(ts, "O2", &[&o1]).unwrap();
            let err = class(ts, "Q", &[&o1, &o2]).unwrap_err();
            assert_eq!(
                err.repr(ts).unwrap(),
                "TypeError('Cannot create a consistent method resolution order (MRO) for bases O1, O2')"
            );
            let err = class(ts, "Q", &[&o1, &o1]).unwrap_err();
            assert_eq!(
                err.repr(ts).unwrap(),
                "TypeError('duplicate base class O1')"
            );
            let err = class(ts, "Q", &[&crate::bool::BOOL_TYPE.to_ref()]).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: type 'bool' is not an acceptable base type"
            );
        });
    }

    #[test]
    fn heap_subclasses_inherit_builtin_slots() {
        with_gil(|ts| {
            let int_type = crate::int::INT_TYPE.to_ref();
            let my_int = class(ts, "MyInt", &[&int_type]).unwrap();
            assert_eq!(mro_names(ts, &my_int), ["MyInt", "int", "object"]);
            let my_int_type = as_type(&my_int).unwrap();
            assert!(my_int_type.slots.repr.is_some());
            assert!(my_int_type.number.add.is_some());
            // An instance of the subclass carries int's payload and works with int's slots.
            let value =
                crate::object::Py::new_with_type(ts, my_int_type, crate::int::Int::from_i64(300))
                    .unwrap()
                    .into_ref();
            assert_eq!(repr_string(ts, &value), "300");
            assert_eq!(crate::int::as_i64(&value), Some(300));
            assert!(value.ob_type().is_subtype(ts, &crate::int::INT_TYPE));
            // The instance holds a reference to its heap type.
            let before = my_int.refcnt();
            drop(value);
            assert_eq!(my_int.refcnt(), before - 1);
        });
    }
}
