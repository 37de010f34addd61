//! The `_string` module: `formatter_parser` and `formatter_field_name_split`, the
//! parsing half of `str.format` that `string.Formatter` builds on.
//!
//! CPython counterpart: `Objects/stringlib/unicode_format.h` (`MarkupIterator`,
//! `FieldNameIterator`) via `Objects/unicodeobject.c`'s `_string` module. The results
//! are returned as iterators over lists.

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState};
use pyrite_objects::{bool as pybool, int, iterobject, list, singletons, str as pystr, tuple};

use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

fn value_error(message: &'static str) -> PyErr {
    PyErr::new(ExceptionKind::ValueError, message)
}

fn text(ts: &ThreadState, chars: &[char]) -> PyRef {
    let value: String = chars.iter().collect();
    pystr::new(ts, &value).into_ref()
}

/// One `(literal, field_name, format_spec, conversion)` item of a format string.
struct Markup {
    literal: Vec<char>,
    field: Option<(Vec<char>, Vec<char>, Option<char>)>,
}

/// Splits a format string as `MarkupIterator_next` does.
fn parse_markup(template: &[char]) -> PyResult<Vec<Markup>> {
    let mut items = Vec::new();
    let mut at = 0;
    while at < template.len() {
        let mut literal = Vec::new();
        let mut markup_follows = false;
        while at < template.len() {
            let c = template[at];
            at += 1;
            if c == '{' || c == '}' {
                if at < template.len() && template[at] == c {
                    // An escaped brace ends the literal, keeping one brace.
                    literal.push(c);
                    at += 1;
                    break;
                }
                if c == '}' {
                    return Err(value_error("Single '}' encountered in format string"));
                }
                if at >= template.len() {
                    return Err(value_error("Single '{' encountered in format string"));
                }
                markup_follows = true;
                break;
            }
            literal.push(c);
        }
        if !markup_follows {
            items.push(Markup {
                literal,
                field: None,
            });
            continue;
        }
        // The field runs to the matching '}' (nested braces belong to the spec).
        let start = at;
        let mut nesting = 1;
        let mut in_brackets = false;
        while at < template.len() {
            match template[at] {
                '[' => in_brackets = true,
                ']' => in_brackets = false,
                '{' if !in_brackets => nesting += 1,
                '}' if !in_brackets => {
                    nesting -= 1;
                    if nesting == 0 {
                        break;
                    }
                }
                _ => {}
            }
            at += 1;
        }
        if nesting > 0 {
            return Err(value_error("expected '}' before end of string"));
        }
        let field = &template[start..at];
        at += 1;
        let mut name_end = field.len();
        let mut bracket = false;
        for (position, &c) in field.iter().enumerate() {
            match c {
                '[' => bracket = true,
                ']' => bracket = false,
                '!' | ':' if !bracket => {
                    name_end = position;
                    break;
                }
                _ => {}
            }
        }
        let name = field[..name_end].to_vec();
        let mut rest = &field[name_end..];
        let mut conversion = None;
        if rest.first() == Some(&'!') {
            if rest.len() < 2 {
                return Err(value_error("unmatched '{' in format spec"));
            }
            conversion = Some(rest[1]);
            rest = &rest[2..];
            if !rest.is_empty() && rest[0] != ':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
        let spec = if rest.first() == Some(&':') {
            rest[1..].to_vec()
        } else {
            Vec::new()
        };
        items.push(Markup {
            literal,
            field: Some((name, spec, conversion)),
        });
    }
    Ok(items)
}

fn string_argument<'a>(name: &str, args: &'a [PyRef]) -> PyResult<&'a PyRef> {
    let value = &args[0];
    if pystr::as_str_payload(value).is_none() {
        return Err(PyErr::type_error(format!(
            "{name}() argument must be str, not {}",
            value.ob_type().name()
        )));
    }
    Ok(value)
}

/// `formatter_parser(str)`: an iterator of `(literal, field_name, format_spec,
/// conversion)`.
fn formatter_parser(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("formatter_parser", args, kw, 1, 1)?;
    let source = string_argument("formatter_parser", args)?;
    let chars: Vec<char> = pystr::to_rust_string(source).chars().collect();
    let mut items = Vec::new();
    for markup in parse_markup(&chars)? {
        let literal = text(ts, &markup.literal);
        let item = match markup.field {
            None => vec![
                literal,
                singletons::none(),
                singletons::none(),
                singletons::none(),
            ],
            Some((name, spec, conversion)) => vec![
                literal,
                text(ts, &name),
                text(ts, &spec),
                conversion.map_or_else(singletons::none, |c| text(ts, &[c])),
            ],
        };
        items.push(tuple::new(ts, item).into_ref());
    }
    iterobject::get_iter(ts, &list::new(ts, items).into_ref())
}

/// An index in brackets or a leading name: an `int` when all digits.
fn name_or_index(ts: &ThreadState, chars: &[char]) -> PyRef {
    if !chars.is_empty() && chars.iter().all(char::is_ascii_digit) {
        let digits: String = chars.iter().collect();
        if let Ok(index) = digits.parse::<i64>() {
            return int::new(ts, index);
        }
    }
    text(ts, chars)
}

/// `formatter_field_name_split(str)`: `(first, iterator of (is_attribute, key))`.
fn formatter_field_name_split(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("formatter_field_name_split", args, kw, 1, 1)?;
    let source = string_argument("formatter_field_name_split", args)?;
    let chars: Vec<char> = pystr::to_rust_string(source).chars().collect();
    let first_end = chars
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(chars.len());
    let first = name_or_index(ts, &chars[..first_end]);
    let mut rest = Vec::new();
    let mut at = first_end;
    while at < chars.len() {
        if chars[at] == '.' {
            let end = chars[at + 1..]
                .iter()
                .position(|&c| c == '.' || c == '[')
                .map_or(chars.len(), |p| p + at + 1);
            if end == at + 1 {
                return Err(value_error("Empty attribute in format string"));
            }
            rest.push(
                tuple::new(ts, vec![pybool::true_ref(), text(ts, &chars[at + 1..end])]).into_ref(),
            );
            at = end;
        } else if chars[at] == '[' {
            let Some(close) = chars[at..].iter().position(|&c| c == ']').map(|p| p + at) else {
                return Err(value_error("Missing ']' in format string"));
            };
            if close == at + 1 {
                return Err(value_error("Empty attribute in format string"));
            }
            rest.push(
                tuple::new(
                    ts,
                    vec![
                        pybool::false_ref(),
                        name_or_index(ts, &chars[at + 1..close]),
                    ],
                )
                .into_ref(),
            );
            at = close + 1;
            if at < chars.len() && chars[at] != '.' && chars[at] != '[' {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        } else {
            return Err(value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    let iterator = iterobject::get_iter(ts, &list::new(ts, rest).into_ref())?;
    Ok(tuple::new(ts, vec![first, iterator]).into_ref())
}

/// Creates the `_string` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(ts, "_string", Some("string helper module"))?;
    module.functions(&[
        ("formatter_parser", formatter_parser),
        ("formatter_field_name_split", formatter_field_name_split),
    ])?;
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(name, spec, conversion)` of a replacement field.
    type Field = (String, String, Option<char>);

    fn fields(template: &str) -> Vec<(String, Option<Field>)> {
        let chars: Vec<char> = template.chars().collect();
        parse_markup(&chars)
            .unwrap_or_else(|_| panic!("{template} should parse"))
            .into_iter()
            .map(|markup| {
                (
                    markup.literal.iter().collect(),
                    markup.field.map(|(name, spec, conversion)| {
                        (name.iter().collect(), spec.iter().collect(), conversion)
                    }),
                )
            })
            .collect()
    }

    #[test]
    fn markup_splits_literals_fields_and_escaped_braces() {
        assert_eq!(
            fields("a{0!r:>{w}}b{{c}}"),
            vec![
                (
                    "a".to_owned(),
                    Some(("0".to_owned(), ">{w}".to_owned(), Some('r')))
                ),
                ("b{".to_owned(), None),
                ("c}".to_owned(), None),
            ]
        );
        assert_eq!(
            fields("{x[}]}"),
            vec![(
                String::new(),
                Some(("x[}]".to_owned(), String::new(), None))
            )]
        );
    }

    #[test]
    fn malformed_markup_is_refused() {
        for bad in ["{", "}", "{0!}", "{0!rx}", "{0"] {
            let chars: Vec<char> = bad.chars().collect();
            assert!(parse_markup(&chars).is_err(), "{bad}");
        }
    }
}
