//! Private name mangling: `__spam` inside `class Ham` is `_Ham__spam`.
//!
//! CPython counterpart: `_Py_Mangle` and `_Py_MaybeMangle` (`Python/symtable.c`).

use std::borrow::Cow;

/// `_Py_Mangle`: `name` as written inside a class named `private` (`None` outside any
/// class). Dunder names, dotted import names and names in classes whose name is only
/// underscores stay as they are.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(private) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = private.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{class}{name}"))
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn mangles_private_names_only() {
        assert_eq!(mangle(Some("Ham"), "__spam"), "_Ham__spam");
        assert_eq!(mangle(Some("__Ham"), "__spam"), "_Ham__spam");
        assert_eq!(mangle(Some("Ham"), "__spam__"), "__spam__");
        assert_eq!(mangle(Some("Ham"), "_spam"), "_spam");
        assert_eq!(mangle(Some("Ham"), "__a.b"), "__a.b");
        assert_eq!(mangle(Some("___"), "__spam"), "__spam");
        assert_eq!(mangle(None, "__spam"), "__spam");
        // "__" itself ends with "__": CPython reads chars 0,1 and n-1,n-2 of the same two.
        assert_eq!(mangle(Some("Ham"), "__"), "__");
    }
}
