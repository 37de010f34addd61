//! `_io.TextIOWrapper` (text over a buffered binary stream, through the codec's
//! incremental encoder and decoder, with newline translation) and
//! `IncrementalNewlineDecoder`.
//!
//! CPython counterpart: `Modules/_io/textio.c`. `tell()` gives a byte position: the
//! decoder is replayed over the last chunk up to the characters already read (CPython's
//! cookie also packs decoder state; positions inside a multi-byte sequence are not
//! produced here).

use pyrite_objects::descr::{add_getsets, add_methods};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{
    PyErr, PyObject, PyRef, PyResult, ThreadState, abstract_api, attrs, bytes, int, singletons,
    str as pystr, str_methods, tuple,
};

use super::{
    NEWLINE_DECODER_TYPE, State, TEXTIOWRAPPER_TYPE, bool_ref, call_method, closed_file_error,
    int_arg, io_of, new_int, size_arg, uninitialized_error, unsupported,
};
use crate::modsupport::{Args, KwNames, bind};

const CHUNK_SIZE: usize = 8192;
const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// Where the current chunk of decoded text came from (for `tell`).
struct Snapshot {
    decoder_state: PyRef,
    pending_cr: bool,
    start: i64,
    chunk: Vec<u8>,
}

pub struct TextState {
    buffer: Option<PyRef>,
    encoding: String,
    errors: String,
    /// `None`: universal newlines, translated.
    newline: Option<String>,
    line_buffering: bool,
    write_through: bool,
    decoder: Option<PyRef>,
    encoder: Option<PyRef>,
    decoded: Vec<u32>,
    decoded_position: usize,
    pending_cr: bool,
    seen: u8,
    snapshot: Option<Snapshot>,
    chunk_size: usize,
    /// Encoded text not yet given to the buffer (CPython's `pending_bytes`).
    pending: Vec<u8>,
}

impl TextState {
    pub fn references(&self) -> Vec<&PyRef> {
        let mut references: Vec<&PyRef> = Vec::new();
        references.extend(self.buffer.iter());
        references.extend(self.decoder.iter());
        references.extend(self.encoder.iter());
        if let Some(snapshot) = &self.snapshot {
            references.push(&snapshot.decoder_state);
        }
        references
    }

    fn universal(&self) -> bool {
        matches!(self.newline.as_deref(), None | Some(""))
    }
}

pub struct NewlineDecoderState {
    pub decoder: Option<PyRef>,
    translate: bool,
    pending_cr: bool,
    seen: u8,
}

fn with_text<R>(object: &PyObject, operation: impl FnOnce(&mut TextState) -> R) -> PyResult<R> {
    let io = io_of(object)?;
    let mut state = io.state.borrow_mut();
    match &mut *state {
        State::Text(text) => Ok(operation(text)),
        _ => Err(uninitialized_error()),
    }
}

fn buffer_of(object: &PyObject) -> PyResult<PyRef> {
    with_text(object, |state| state.buffer.clone())?.ok_or_else(|| {
        PyErr::new(
            ExceptionKind::ValueError,
            "underlying buffer has been detached",
        )
    })
}

fn check_open(ts: &ThreadState, object: &PyObject) -> PyResult<PyRef> {
    let buffer = buffer_of(object)?;
    if super::iobase::is_closed(ts, &buffer)? {
        return Err(closed_file_error());
    }
    Ok(buffer)
}

fn codecs_function(ts: &ThreadState, name: &str) -> PyResult {
    let module = pyrite_vm::import::import_module(ts, &pystr::intern(ts, "codecs"))?;
    attrs::get_attr_str(ts, &module, name)
}

fn text_arg(ts: &ThreadState, value: Option<&PyRef>, name: &str) -> PyResult<Option<String>> {
    match value {
        None => Ok(None),
        Some(value) if singletons::is_none(value) => Ok(None),
        Some(value) => match pystr::as_str_payload(value) {
            Some(text) => Ok(Some(text.to_string_lossy())),
            None => {
                let _ = ts;
                Err(PyErr::type_error(format!(
                    "TextIOWrapper() argument '{name}' must be str or None, not {}",
                    value.ob_type().name()
                )))
            }
        },
    }
}

fn check_newline(ts: &ThreadState, value: Option<&PyRef>) -> PyResult<Option<String>> {
    let newline = text_arg(ts, value, "newline")?;
    if let Some(text) = &newline
        && !matches!(text.as_str(), "" | "\n" | "\r" | "\r\n")
    {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!(
                "illegal newline value: {}",
                pystr::repr_text(ts, value.expect("given"))?
            ),
        ));
    }
    Ok(newline)
}

/// The codec objects for `encoding` (checked to be a text encoding).
fn make_codecs(
    ts: &ThreadState,
    buffer: &PyObject,
    encoding: &str,
    errors: &str,
) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    let info = codecs_function(ts, "lookup")?;
    let info = abstract_api::call(ts, &info, &[pystr::new(ts, encoding).into_ref()], None)?;
    if let Some(flag) = attrs::lookup_attr(ts, &info, &pystr::intern(ts, "_is_text_encoding"))?
        && !flag.is_true(ts)?
    {
        return Err(PyErr::new(
            ExceptionKind::LookupError,
            format!(
                "'{encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs"
            ),
        ));
    }
    let errors_object = pystr::new(ts, errors).into_ref();
    let decoder = if call_method(ts, buffer, "readable", &[])?.is_true(ts)? {
        let factory = attrs::get_attr_str(ts, &info, "incrementaldecoder")?;
        Some(abstract_api::call(
            ts,
            &factory,
            std::slice::from_ref(&errors_object),
            None,
        )?)
    } else {
        None
    };
    let encoder = if call_method(ts, buffer, "writable", &[])?.is_true(ts)? {
        let factory = attrs::get_attr_str(ts, &info, "incrementalencoder")?;
        Some(abstract_api::call(
            ts,
            &factory,
            std::slice::from_ref(&errors_object),
            None,
        )?)
    } else {
        None
    };
    Ok((decoder, encoder))
}

pub(super) fn textio_init(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<()> {
    let values = bind(
        "TextIOWrapper",
        args,
        kw,
        &[
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        0,
        1,
    )?;
    let buffer = values[0].clone().expect("required");
    let encoding = match text_arg(ts, values[1].as_ref(), "encoding")? {
        None => "UTF-8".to_owned(),
        Some(name) if name == "locale" => "UTF-8".to_owned(),
        Some(name) => name,
    };
    if encoding.contains('\0') {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "embedded null character",
        ));
    }
    let errors = text_arg(ts, values[2].as_ref(), "errors")?.unwrap_or_else(|| "strict".to_owned());
    let newline = check_newline(ts, values[3].as_ref())?;
    let line_buffering = match values[4].as_ref() {
        Some(value) => value.is_true(ts)?,
        None => false,
    };
    let write_through = match values[5].as_ref() {
        Some(value) => value.is_true(ts)?,
        None => false,
    };
    let (decoder, encoder) = make_codecs(ts, &buffer, &encoding, &errors)?;
    let state = TextState {
        buffer: Some(buffer.clone()),
        encoding,
        errors,
        newline,
        line_buffering,
        write_through,
        decoder,
        encoder,
        decoded: Vec::new(),
        decoded_position: 0,
        pending_cr: false,
        seen: 0,
        snapshot: None,
        chunk_size: CHUNK_SIZE,
        pending: Vec::new(),
    };
    let io = io_of(this)?;
    *io.state.borrow_mut() = State::Text(Box::new(state));
    // A file opened for appending or positioned past the start writes no BOM.
    if with_text(this, |state| state.encoder.is_some())?
        && call_method(ts, &buffer, "seekable", &[])?.is_true(ts)?
    {
        let position = call_method(ts, &buffer, "tell", &[])?;
        if int::as_i64(&position) != Some(0)
            && let Some(encoder) = with_text(this, |state| state.encoder.clone())?
        {
            let _ = call_method(ts, &encoder, "setstate", &[new_int(ts, 0)]);
        }
    }
    Ok(())
}

/// Translates (or, with `newline=''`, only watches) line ends of newly decoded text,
/// holding back a final `\r` until the next chunk shows whether `\n` follows.
fn process_newlines(state: &mut TextState, mut text: Vec<u32>, last: bool) -> Vec<u32> {
    if !state.universal() {
        return text;
    }
    if state.pending_cr {
        text.insert(0, 0x0D);
        state.pending_cr = false;
    }
    if !last && text.last() == Some(&0x0D) {
        text.pop();
        state.pending_cr = true;
    }
    let translate = state.newline.is_none();
    let mut out = Vec::with_capacity(text.len());
    let mut index = 0;
    while index < text.len() {
        let code = text[index];
        if code == 0x0D {
            if text.get(index + 1) == Some(&0x0A) {
                state.seen |= SEEN_CRLF;
                if translate {
                    out.push(0x0A);
                } else {
                    out.extend_from_slice(&[0x0D, 0x0A]);
                }
                index += 2;
                continue;
            }
            state.seen |= SEEN_CR;
            out.push(if translate { 0x0A } else { 0x0D });
        } else {
            if code == 0x0A {
                state.seen |= SEEN_LF;
            }
            out.push(code);
        }
        index += 1;
    }
    out
}

fn decode_with(
    ts: &ThreadState,
    decoder: &PyObject,
    data: Vec<u8>,
    last: bool,
) -> PyResult<Vec<u32>> {
    let text = call_method(
        ts,
        decoder,
        "decode",
        &[bytes::from_vec(ts, data), bool_ref(last)],
    )?;
    match pystr::as_str_payload(&text) {
        Some(text) => Ok(str_methods::code_points_of(text)),
        None => Err(PyErr::type_error(format!(
            "decoder should return a string result, not '{}'",
            text.ob_type().name()
        ))),
    }
}

fn decoder_of(ts: &ThreadState, object: &PyObject) -> PyResult<PyRef> {
    with_text(object, |state| state.decoder.clone())?.ok_or_else(|| unsupported(ts, "not readable"))
}

/// Reads and decodes one chunk into `decoded` (which must be used up): false at EOF.
fn read_chunk(ts: &ThreadState, this: &PyObject, buffer: &PyObject) -> PyResult<bool> {
    let decoder = decoder_of(ts, this)?;
    let seekable = call_method(ts, buffer, "seekable", &[])?.is_true(ts)?;
    let start = if seekable {
        int::as_i64(&*call_method(ts, buffer, "tell", &[])?).unwrap_or(0)
    } else {
        0
    };
    let decoder_state = if seekable {
        Some(call_method(ts, &decoder, "getstate", &[])?)
    } else {
        None
    };
    let size = with_text(this, |state| state.chunk_size)?;
    let method = if attrs::lookup_attr(ts, buffer, &pystr::intern(ts, "read1"))?.is_some() {
        "read1"
    } else {
        "read"
    };
    let chunk = call_method(ts, buffer, method, &[new_int(ts, size as i64)])?;
    let chunk = if singletons::is_none(&chunk) {
        Vec::new()
    } else {
        bytes::bytes_like(&chunk).ok_or_else(|| {
            PyErr::type_error(format!(
                "underlying {method}() should have returned a bytes-like object, not '{}'",
                chunk.ob_type().name()
            ))
        })?
    };
    let at_eof = chunk.is_empty();
    let text = decode_with(ts, &decoder, chunk.clone(), at_eof)?;
    with_text(this, |state| {
        let pending_cr = state.pending_cr;
        let text = process_newlines(state, text, at_eof);
        state.decoded = text;
        state.decoded_position = 0;
        state.snapshot = decoder_state.map(|decoder_state| Snapshot {
            decoder_state,
            pending_cr,
            start,
            chunk,
        });
    })?;
    Ok(!at_eof)
}

fn take_decoded(object: &PyObject, limit: usize) -> PyResult<Vec<u32>> {
    with_text(object, |state| {
        let start = state.decoded_position;
        let end = start.saturating_add(limit).min(state.decoded.len());
        state.decoded_position = end;
        state.decoded[start..end].to_vec()
    })
}

fn check_readable(ts: &ThreadState, this: &PyObject) -> PyResult<PyRef> {
    let buffer = check_open(ts, this)?;
    decoder_of(ts, this)?;
    Ok(buffer)
}

fn textio_read(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("read", args, kw, &["size"], 1, 0)?;
    let size = size_arg(values[0].as_ref())?;
    let buffer = check_readable(ts, this)?;
    flush_pending(ts, this)?;
    let mut out = take_decoded(this, if size < 0 { usize::MAX } else { size as usize })?;
    if size < 0 {
        let decoder = decoder_of(ts, this)?;
        let rest = call_method(ts, &buffer, "read", &[])?;
        let rest = if singletons::is_none(&rest) {
            Vec::new()
        } else {
            bytes::bytes_like(&rest).unwrap_or_default()
        };
        let text = decode_with(ts, &decoder, rest, true)?;
        let text = with_text(this, |state| {
            state.snapshot = None;
            state.decoded.clear();
            state.decoded_position = 0;
            process_newlines(state, text, true)
        })?;
        out.extend(text);
    } else {
        while out.len() < size as usize {
            if !read_chunk(ts, this, &buffer)? {
                out.extend(take_decoded(this, size as usize - out.len())?);
                break;
            }
            out.extend(take_decoded(this, size as usize - out.len())?);
        }
    }
    str_methods::str_from_code_points(ts, &out)
}

/// Where the first line ending in `text` ends (exclusive), per the newline mode.
fn find_line_end(newline: Option<&str>, text: &[u32]) -> Option<usize> {
    match newline {
        None | Some("\n") => text
            .iter()
            .position(|&code| code == 0x0A)
            .map(|index| index + 1),
        Some("") => {
            for (index, &code) in text.iter().enumerate() {
                if code == 0x0A {
                    return Some(index + 1);
                }
                if code == 0x0D {
                    return Some(if text.get(index + 1) == Some(&0x0A) {
                        index + 2
                    } else {
                        index + 1
                    });
                }
            }
            None
        }
        Some("\r") => text
            .iter()
            .position(|&code| code == 0x0D)
            .map(|index| index + 1),
        Some(_) => text
            .windows(2)
            .position(|pair| pair == [0x0D, 0x0A])
            .map(|index| index + 2),
    }
}

fn textio_readline(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("readline", args, kw, &["size"], 1, 0)?;
    let limit = size_arg(values[0].as_ref())?;
    let buffer = check_readable(ts, this)?;
    flush_pending(ts, this)?;
    let newline = with_text(this, |state| state.newline.clone())?;
    let mut line: Vec<u32> = Vec::new();
    loop {
        let (found, available) = with_text(this, |state| {
            let available = &state.decoded[state.decoded_position..];
            // A `\r` at the end of `\r\n` mode's text may pair with the next chunk.
            (
                find_line_end(newline.as_deref(), available),
                available.len(),
            )
        })?;
        let room = if limit < 0 {
            usize::MAX
        } else {
            (limit as usize).saturating_sub(line.len())
        };
        match found {
            Some(end) if end <= room => {
                line.extend(take_decoded(this, end)?);
                break;
            }
            _ if available >= room => {
                line.extend(take_decoded(this, room)?);
                break;
            }
            _ => {
                line.extend(take_decoded(this, available)?);
                if newline.as_deref() == Some("\r\n") && line.last() == Some(&0x0D) {
                    // Look at the next chunk for the `\n`.
                    if !read_chunk(ts, this, &buffer)? {
                        break;
                    }
                    let next = with_text(this, |state| state.decoded.first().copied())?;
                    if next == Some(0x0A) && room > 1 {
                        line.extend(take_decoded(this, 1)?);
                        break;
                    }
                    continue;
                }
                if !read_chunk(ts, this, &buffer)? {
                    break;
                }
            }
        }
    }
    str_methods::str_from_code_points(ts, &line)
}

pub(super) fn textio_iternext(ts: &ThreadState, this: &PyObject) -> PyResult<Option<PyRef>> {
    let line = if this.is_exact_type(&TEXTIOWRAPPER_TYPE) {
        textio_readline(ts, this, &[], None)?
    } else {
        call_method(ts, this, "readline", &[])?
    };
    if abstract_api::len(ts, &line)? == 0 {
        with_text(this, |state| state.snapshot = None)?;
        return Ok(None);
    }
    Ok(Some(line))
}

/// Gives the encoded text held back by `write` to the buffer.
fn flush_pending(ts: &ThreadState, this: &PyObject) -> PyResult<()> {
    let pending = with_text(this, |state| std::mem::take(&mut state.pending))?;
    if pending.is_empty() {
        return Ok(());
    }
    let buffer = buffer_of(this)?;
    call_method(ts, &buffer, "write", &[bytes::from_vec(ts, pending)])?;
    Ok(())
}

fn textio_write(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [text] = args else {
        return Err(PyErr::type_error(format!(
            "write() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let buffer = check_open(ts, this)?;
    let Some(payload) = pystr::as_str_payload(text) else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            text.ob_type().name()
        )));
    };
    let encoder = with_text(this, |state| state.encoder.clone())?
        .ok_or_else(|| unsupported(ts, "not writable"))?;
    let codes = str_methods::code_points_of(payload);
    let count = codes.len();
    let (newline, line_buffering) =
        with_text(this, |state| (state.newline.clone(), state.line_buffering))?;
    let has_newline = codes.iter().any(|&code| code == 0x0A || code == 0x0D);
    let text = match newline.as_deref() {
        Some(replacement @ ("\r" | "\r\n")) if codes.contains(&0x0A) => {
            let replacement: Vec<u32> = replacement.chars().map(u32::from).collect();
            let mut out = Vec::with_capacity(codes.len());
            for code in codes {
                if code == 0x0A {
                    out.extend_from_slice(&replacement);
                } else {
                    out.push(code);
                }
            }
            str_methods::str_from_code_points(ts, &out)?
        }
        _ => text.new_ref(),
    };
    let encoded = call_method(ts, &encoder, "encode", &[text])?;
    if bytes::as_bytes(&encoded).is_none() {
        return Err(PyErr::type_error(format!(
            "encoder should return a bytes object, not '{}'",
            encoded.ob_type().name()
        )));
    }
    let needs_flush = line_buffering && has_newline;
    let encoded = bytes::as_bytes(&encoded).unwrap_or_default().to_vec();
    let (write_through, over) = with_text(this, |state| {
        state.pending.extend_from_slice(&encoded);
        (state.write_through, state.pending.len() > state.chunk_size)
    })?;
    if over || needs_flush || write_through {
        flush_pending(ts, this)?;
    }
    if needs_flush {
        call_method(ts, &buffer, "flush", &[])?;
    }
    let decoder = with_text(this, |state| {
        state.decoded.clear();
        state.decoded_position = 0;
        state.snapshot = None;
        state.decoder.clone()
    })?;
    if let Some(decoder) = decoder {
        call_method(ts, &decoder, "reset", &[])?;
    }
    Ok(new_int(ts, count as i64))
}

fn textio_flush(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let buffer = check_open(ts, this)?;
    flush_pending(ts, this)?;
    call_method(ts, &buffer, "flush", &[])
}

fn textio_close(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let buffer = buffer_of(this)?;
    if super::iobase::is_closed(ts, &buffer)? {
        return Ok(singletons::none());
    }
    let flushed = call_method(ts, this, "flush", &[]);
    let closed = call_method(ts, &buffer, "close", &[]);
    flushed?;
    closed
}

fn textio_detach(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let buffer = buffer_of(this)?;
    call_method(ts, this, "flush", &[])?;
    with_text(this, |state| state.buffer = None)?;
    Ok(buffer)
}

fn textio_tell(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let buffer = check_open(ts, this)?;
    if !call_method(ts, &buffer, "seekable", &[])?.is_true(ts)? {
        return Err(unsupported(ts, "underlying stream is not seekable"));
    }
    call_method(ts, this, "flush", &[])?;
    let position = call_method(ts, &buffer, "tell", &[])?;
    let decoder = with_text(this, |state| state.decoder.clone())?;
    let snapshot = with_text(this, |state| {
        state.snapshot.as_ref().map(|snapshot| {
            (
                snapshot.decoder_state.clone(),
                snapshot.pending_cr,
                snapshot.start,
                snapshot.chunk.clone(),
            )
        })
    })?;
    let (Some(decoder), Some((saved, pending_cr, start, chunk))) = (decoder, snapshot) else {
        return Ok(position);
    };
    let (used, total, pending_now) = with_text(this, |state| {
        (
            state.decoded_position,
            state.decoded.len(),
            state.pending_cr,
        )
    })?;
    if used == total && !pending_now {
        let current = call_method(ts, &decoder, "getstate", &[])?;
        let clean = tuple::items(&current)
            .first()
            .and_then(|pending| bytes::as_bytes(pending))
            .is_some_and(<[u8]>::is_empty);
        if clean {
            return Ok(position);
        }
    }
    // Replay the chunk from its starting state until `used` characters came out. With
    // translation, a `\r\n` pair is one character, counted at its `\r`.
    let current = call_method(ts, &decoder, "getstate", &[])?;
    call_method(ts, &decoder, "setstate", &[saved])?;
    let newline = with_text(this, |state| state.newline.clone())?;
    let universal = matches!(newline.as_deref(), None | Some(""));
    let translate = newline.is_none();
    let mut produced = 0usize;
    let mut last_cr = false;
    if universal && pending_cr {
        produced = 1;
        last_cr = true;
    }
    let mut index = 0usize;
    let cookie = loop {
        if produced >= used {
            if translate && last_cr && chunk.get(index) == Some(&b'\n') {
                index += 1;
            }
            break start + index as i64;
        }
        let Some(&byte) = chunk.get(index) else {
            break start + index as i64;
        };
        index += 1;
        for code in decode_with(ts, &decoder, vec![byte], false)? {
            if translate && last_cr && code == 0x0A {
                last_cr = false;
                continue;
            }
            produced += 1;
            last_cr = universal && code == 0x0D;
        }
    };
    call_method(ts, &decoder, "setstate", &[current])?;
    Ok(new_int(ts, cookie))
}

fn reset_reading(ts: &ThreadState, this: &PyObject) -> PyResult<()> {
    let decoder = with_text(this, |state| {
        state.decoded.clear();
        state.decoded_position = 0;
        state.snapshot = None;
        state.pending_cr = false;
        state.decoder.clone()
    })?;
    if let Some(decoder) = decoder {
        call_method(ts, &decoder, "reset", &[])?;
    }
    Ok(())
}

fn textio_seek(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("seek", args, kw, &["cookie", "whence"], 2, 1)?;
    let cookie = values[0].clone().expect("required");
    let whence = match values[1].as_ref() {
        Some(value) => int_arg(ts, value)?,
        None => 0,
    };
    let buffer = check_open(ts, this)?;
    if !call_method(ts, &buffer, "seekable", &[])?.is_true(ts)? {
        return Err(unsupported(ts, "underlying stream is not seekable"));
    }
    let is_zero = int::as_i64(&cookie) == Some(0);
    match whence {
        1 => {
            if !is_zero {
                return Err(unsupported(ts, "can't do nonzero cur-relative seeks"));
            }
            return call_method(ts, this, "tell", &[]);
        }
        2 => {
            if !is_zero {
                return Err(unsupported(ts, "can't do nonzero end-relative seeks"));
            }
            call_method(ts, this, "flush", &[])?;
            reset_reading(ts, this)?;
            return call_method(ts, &buffer, "seek", &[new_int(ts, 0), new_int(ts, 2)]);
        }
        0 => {}
        _ => {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("invalid whence ({whence}, should be 0, 1 or 2)"),
            ));
        }
    }
    if cookie.payload_is::<pyrite_objects::float::Float>() {
        return Err(PyErr::type_error("an integer is required"));
    }
    let position = int_arg(ts, &cookie)?;
    if position < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("negative seek position {position}"),
        ));
    }
    call_method(ts, this, "flush", &[])?;
    call_method(ts, &buffer, "seek", &[new_int(ts, position)])?;
    reset_reading(ts, this)?;
    if let Some(encoder) = with_text(this, |state| state.encoder.clone())? {
        if position == 0 {
            call_method(ts, &encoder, "reset", &[])?;
        } else {
            call_method(ts, &encoder, "setstate", &[new_int(ts, 0)])?;
        }
    }
    Ok(cookie)
}

fn textio_truncate(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("truncate", args, kw, &["pos"], 1, 0)?;
    let buffer = check_open(ts, this)?;
    call_method(ts, this, "flush", &[])?;
    let position = values[0].clone().unwrap_or_else(singletons::none);
    call_method(ts, &buffer, "truncate", &[position])
}

fn delegate(ts: &ThreadState, this: &PyObject, name: &str) -> PyResult {
    let buffer = buffer_of(this)?;
    call_method(ts, &buffer, name, &[])
}

fn textio_fileno(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    delegate(ts, this, "fileno")
}

fn textio_isatty(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    delegate(ts, this, "isatty")
}

fn textio_seekable(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    check_open(ts, this)?;
    delegate(ts, this, "seekable")
}

fn textio_readable(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    check_open(ts, this)?;
    delegate(ts, this, "readable")
}

fn textio_writable(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    check_open(ts, this)?;
    delegate(ts, this, "writable")
}

fn textio_reconfigure(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind(
        "reconfigure",
        args,
        kw,
        &[
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        0,
        0,
    )?;
    if !args.is_empty() && kw.is_none_or(|names| tuple::items(names).len() < args.len()) {
        return Err(PyErr::type_error(
            "reconfigure() takes no positional arguments",
        ));
    }
    let buffer = buffer_of(this)?;
    let encoding = text_arg(ts, values[0].as_ref(), "encoding")?;
    let errors = text_arg(ts, values[1].as_ref(), "errors")?;
    let newline = match values[2].as_ref() {
        Some(value) => Some(check_newline(ts, Some(value))?),
        None => None,
    };
    call_method(ts, this, "flush", &[])?;
    let (old_encoding, old_errors) =
        with_text(this, |state| (state.encoding.clone(), state.errors.clone()))?;
    let new_errors = match (&encoding, errors) {
        (_, Some(errors)) => errors,
        (Some(_), None) => "strict".to_owned(),
        (None, None) => old_errors.clone(),
    };
    let new_encoding = match encoding {
        Some(name) if name == "locale" => "UTF-8".to_owned(),
        Some(name) => name,
        None => old_encoding.clone(),
    };
    if new_encoding != old_encoding || new_errors != old_errors {
        let (decoder, encoder) = make_codecs(ts, &buffer, &new_encoding, &new_errors)?;
        with_text(this, |state| {
            state.decoder = decoder;
            state.encoder = encoder;
            state.encoding = new_encoding;
            state.errors = new_errors;
        })?;
    }
    if let Some(newline) = newline {
        with_text(this, |state| state.newline = newline)?;
    }
    if let Some(value) = values[3]
        .as_ref()
        .filter(|value| !singletons::is_none(value))
    {
        let flag = value.is_true(ts)?;
        with_text(this, |state| state.line_buffering = flag)?;
    }
    if let Some(value) = values[4]
        .as_ref()
        .filter(|value| !singletons::is_none(value))
    {
        let flag = value.is_true(ts)?;
        with_text(this, |state| state.write_through = flag)?;
    }
    Ok(singletons::none())
}

fn textio_closed(ts: &ThreadState, this: &PyObject) -> PyResult {
    let buffer = buffer_of(this)?;
    attrs::get_attr_str(ts, &buffer, "closed")
}

fn textio_name(ts: &ThreadState, this: &PyObject) -> PyResult {
    let buffer = buffer_of(this)?;
    attrs::get_attr_str(ts, &buffer, "name")
}

fn textio_buffer(_ts: &ThreadState, this: &PyObject) -> PyResult {
    buffer_of(this)
}

fn textio_encoding(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(pystr::new(ts, &with_text(this, |state| state.encoding.clone())?).into_ref())
}

fn textio_errors(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(pystr::new(ts, &with_text(this, |state| state.errors.clone())?).into_ref())
}

fn textio_line_buffering(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(bool_ref(with_text(this, |state| state.line_buffering)?))
}

fn textio_write_through(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(bool_ref(with_text(this, |state| state.write_through)?))
}

fn seen_newlines(ts: &ThreadState, seen: u8) -> PyRef {
    let mut names = Vec::new();
    for (flag, name) in [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")] {
        if seen & flag != 0 {
            names.push(pystr::new(ts, name).into_ref());
        }
    }
    match names.len() {
        0 => singletons::none(),
        1 => names.pop().expect("one"),
        _ => tuple::new(ts, names).into_ref(),
    }
}

fn textio_newlines(ts: &ThreadState, this: &PyObject) -> PyResult {
    let (universal, seen) = with_text(this, |state| (state.universal(), state.seen))?;
    if !universal {
        return Ok(singletons::none());
    }
    Ok(seen_newlines(ts, seen))
}

fn textio_chunk_size(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(new_int(
        ts,
        with_text(this, |state| state.chunk_size)? as i64,
    ))
}

fn textio_set_chunk_size(
    ts: &ThreadState,
    this: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::new(
            ExceptionKind::AttributeError,
            "cannot delete attribute",
        ));
    };
    let size = int_arg(ts, value)?;
    if size <= 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "a strictly positive integer is required",
        ));
    }
    with_text(this, |state| state.chunk_size = size as usize)
}

pub fn textio_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let ty = object.ob_type();
    let type_name = ty.name().to_owned();
    let mut text = format!("<{type_name}");
    let attribute = |name: &str| -> PyResult<Option<PyRef>> {
        match attrs::get_attr_str(ts, object, name) {
            Ok(value) => Ok(Some(value)),
            Err(err)
                if err.matches(ExceptionKind::AttributeError)
                    || err.matches(ExceptionKind::ValueError) =>
            {
                Ok(None)
            }
            Err(err) => Err(err),
        }
    };
    if let Some(name) = attribute("name")? {
        text.push_str(&format!(" name={}", pystr::repr_text(ts, &name)?));
    }
    if let Some(mode) = attribute("mode")? {
        text.push_str(&format!(" mode={}", pystr::repr_text(ts, &mode)?));
    }
    if let Ok(encoding) = with_text(object, |state| state.encoding.clone()) {
        text.push_str(&format!(
            " encoding={}",
            pystr::repr_text(ts, &pystr::new(ts, &encoding).into_ref())?
        ));
    }
    text.push('>');
    Ok(pystr::new(ts, &text).into_ref())
}

// ------------------------------------------------------------------ IncrementalNewlineDecoder

fn with_decoder<R>(
    object: &PyObject,
    operation: impl FnOnce(&mut NewlineDecoderState) -> R,
) -> PyResult<R> {
    let io = io_of(object)?;
    let mut state = io.state.borrow_mut();
    match &mut *state {
        State::NewlineDecoder(decoder) => Ok(operation(decoder)),
        _ => Err(PyErr::new(
            ExceptionKind::ValueError,
            "IncrementalNewlineDecoder.__init__() not called",
        )),
    }
}

pub(super) fn newline_decoder_init(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<()> {
    let values = bind(
        "IncrementalNewlineDecoder",
        args,
        kw,
        &["decoder", "translate", "errors"],
        0,
        2,
    )?;
    let decoder = values[0]
        .clone()
        .filter(|value| !singletons::is_none(value));
    let translate = values[1].as_ref().expect("required").is_true(ts)?;
    *io_of(this)?.state.borrow_mut() = State::NewlineDecoder(NewlineDecoderState {
        decoder,
        translate,
        pending_cr: false,
        seen: 0,
    });
    Ok(())
}

fn newline_decoder_decode(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("decode", args, kw, &["input", "final"], 1, 1)?;
    let input = values[0].clone().expect("required");
    let last = match values[1].as_ref() {
        Some(value) => value.is_true(ts)?,
        None => false,
    };
    let decoder = with_decoder(this, |state| state.decoder.clone())?;
    let output = match decoder {
        Some(decoder) => call_method(ts, &decoder, "decode", &[input, bool_ref(last)])?,
        None => input,
    };
    let Some(text) = pystr::as_str_payload(&output) else {
        return Err(PyErr::type_error(format!(
            "decoder should return a string result, not '{}'",
            output.ob_type().name()
        )));
    };
    let mut codes = str_methods::code_points_of(text);
    let out = with_decoder(this, |state| {
        if state.pending_cr && (last || !codes.is_empty()) {
            codes.insert(0, 0x0D);
            state.pending_cr = false;
        }
        if !last && codes.last() == Some(&0x0D) {
            codes.pop();
            state.pending_cr = true;
        }
        let mut out = Vec::with_capacity(codes.len());
        let mut index = 0;
        while index < codes.len() {
            let code = codes[index];
            if code == 0x0D && codes.get(index + 1) == Some(&0x0A) {
                state.seen |= SEEN_CRLF;
                if state.translate {
                    out.push(0x0A);
                } else {
                    out.extend_from_slice(&[0x0D, 0x0A]);
                }
                index += 2;
                continue;
            }
            if code == 0x0D {
                state.seen |= SEEN_CR;
                out.push(if state.translate { 0x0A } else { 0x0D });
            } else {
                if code == 0x0A {
                    state.seen |= SEEN_LF;
                }
                out.push(code);
            }
            index += 1;
        }
        out
    })?;
    str_methods::str_from_code_points(ts, &out)
}

fn newline_decoder_getstate(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let (decoder, pending_cr) =
        with_decoder(this, |state| (state.decoder.clone(), state.pending_cr))?;
    let (buffered, flags) = match decoder {
        Some(decoder) => {
            let inner = call_method(ts, &decoder, "getstate", &[])?;
            let items = tuple::items(&inner).to_vec();
            let [buffered, flags] = items.as_slice() else {
                return Err(PyErr::type_error("illegal decoder state"));
            };
            (buffered.clone(), int::as_i64(flags).unwrap_or(0))
        }
        None => (bytes::new(ts, b""), 0),
    };
    let flags = (flags << 1) | i64::from(pending_cr);
    Ok(tuple::new(ts, vec![buffered, new_int(ts, flags)]).into_ref())
}

fn newline_decoder_setstate(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let [state_object] = args else {
        return Err(PyErr::type_error("setstate() takes exactly one argument"));
    };
    let items = tuple::items(state_object).to_vec();
    let [buffered, flags] = items.as_slice() else {
        return Err(PyErr::type_error("state argument must be a tuple"));
    };
    let flags = int::as_i64(flags).unwrap_or(0);
    let decoder = with_decoder(this, |state| {
        state.pending_cr = flags & 1 != 0;
        state.decoder.clone()
    })?;
    if let Some(decoder) = decoder {
        let inner = tuple::new(ts, vec![buffered.clone(), new_int(ts, flags >> 1)]).into_ref();
        call_method(ts, &decoder, "setstate", &[inner])?;
    }
    Ok(singletons::none())
}

fn newline_decoder_reset(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let decoder = with_decoder(this, |state| {
        state.seen = 0;
        state.pending_cr = false;
        state.decoder.clone()
    })?;
    if let Some(decoder) = decoder {
        call_method(ts, &decoder, "reset", &[])?;
    }
    Ok(singletons::none())
}

fn newline_decoder_newlines(ts: &ThreadState, this: &PyObject) -> PyResult {
    let seen = with_decoder(this, |state| state.seen)?;
    Ok(seen_newlines(ts, seen))
}

pub(super) fn install(ts: &ThreadState) {
    add_methods(
        ts,
        &TEXTIOWRAPPER_TYPE,
        &[
            ("read", textio_read),
            ("readline", textio_readline),
            ("write", textio_write),
            ("flush", textio_flush),
            ("close", textio_close),
            ("detach", textio_detach),
            ("tell", textio_tell),
            ("seek", textio_seek),
            ("truncate", textio_truncate),
            ("fileno", textio_fileno),
            ("isatty", textio_isatty),
            ("seekable", textio_seekable),
            ("readable", textio_readable),
            ("writable", textio_writable),
            ("reconfigure", textio_reconfigure),
        ],
    );
    add_getsets(
        ts,
        &TEXTIOWRAPPER_TYPE,
        &[
            ("closed", textio_closed, None),
            ("name", textio_name, None),
            ("buffer", textio_buffer, None),
            ("encoding", textio_encoding, None),
            ("errors", textio_errors, None),
            ("line_buffering", textio_line_buffering, None),
            ("write_through", textio_write_through, None),
            ("newlines", textio_newlines, None),
            (
                "_CHUNK_SIZE",
                textio_chunk_size,
                Some(textio_set_chunk_size),
            ),
        ],
    );
    add_methods(
        ts,
        &NEWLINE_DECODER_TYPE,
        &[
            ("decode", newline_decoder_decode),
            ("getstate", newline_decoder_getstate),
            ("setstate", newline_decoder_setstate),
            ("reset", newline_decoder_reset),
        ],
    );
    add_getsets(
        ts,
        &NEWLINE_DECODER_TYPE,
        &[("newlines", newline_decoder_newlines, None)],
    );
}
