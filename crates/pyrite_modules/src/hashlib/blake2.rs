//! The `_blake2` module: the `blake2b` and `blake2s` types.
//!
//! CPython counterpart: `Modules/blake2module.c`. BLAKE2 is written here from its
//! specification (RFC 7693) rather than taken from a crate, because Python exposes the
//! whole parameter block (`fanout`, `depth`, `leaf_size`, `node_offset`, `node_depth`,
//! `inner_size`, `last_node`) for tree hashing, which the crates do not.

use num_bigint::Sign;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject};
use pyrite_objects::{PyErr, PyRef, PyResult, StaticObject, ThreadState, bytes, int};

use super::{Algorithm, GIL_MINSIZE, HashObject, add_hash_methods, construct, constructor_args};
use crate::modsupport::{Args, KwNames, ModuleBuilder, c_int_arg};

/// The message schedule: which words of the block each round's `G` calls mix.
const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/// What tells BLAKE2b from BLAKE2s: the word type and its constants.
trait Variant: Copy + 'static {
    type Word: Copy + Default;
    const BYTES: usize;
    const ROUNDS: usize;
    const IV: [Self::Word; 8];
    /// The size of the salt and personalization strings.
    const SALT_SIZE: usize;
    /// The largest digest and key.
    const MAX_SIZE: usize;
    /// The largest `node_offset` the parameter block holds.
    const MAX_NODE_OFFSET: u64;
    const NAME: &'static str;
    const TITLE: &'static str;
    fn mix(
        v: &mut [Self::Word; 16],
        a: usize,
        b: usize,
        c: usize,
        d: usize,
        x: Self::Word,
        y: Self::Word,
    );
    fn word_from_le(bytes: &[u8]) -> Self::Word;
    fn word_to_le(word: Self::Word, out: &mut Vec<u8>);
    fn xor(a: Self::Word, b: Self::Word) -> Self::Word;
    fn from_u64(value: u64) -> Self::Word;
    fn all_ones() -> Self::Word;
    fn python_type() -> &'static PyType;
}

#[derive(Clone, Copy)]
struct B;
#[derive(Clone, Copy)]
struct S;

impl Variant for B {
    type Word = u64;
    const BYTES: usize = 8;
    const ROUNDS: usize = 12;
    const IV: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    const SALT_SIZE: usize = 16;
    const MAX_SIZE: usize = 64;
    const MAX_NODE_OFFSET: u64 = u64::MAX;
    const NAME: &'static str = "blake2b";
    const TITLE: &'static str = "Blake2b";
    fn mix(v: &mut [u64; 16], a: usize, b: usize, c: usize, d: usize, x: u64, y: u64) {
        v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
        v[d] = (v[d] ^ v[a]).rotate_right(32);
        v[c] = v[c].wrapping_add(v[d]);
        v[b] = (v[b] ^ v[c]).rotate_right(24);
        v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
        v[d] = (v[d] ^ v[a]).rotate_right(16);
        v[c] = v[c].wrapping_add(v[d]);
        v[b] = (v[b] ^ v[c]).rotate_right(63);
    }
    fn word_from_le(bytes: &[u8]) -> u64 {
        let mut word = [0u8; 8];
        word.copy_from_slice(bytes);
        u64::from_le_bytes(word)
    }
    fn word_to_le(word: u64, out: &mut Vec<u8>) {
        out.extend_from_slice(&word.to_le_bytes());
    }
    fn xor(a: u64, b: u64) -> u64 {
        a ^ b
    }
    fn from_u64(value: u64) -> u64 {
        value
    }
    fn all_ones() -> u64 {
        u64::MAX
    }
    fn python_type() -> &'static PyType {
        &BLAKE2B_TYPE
    }
}

impl Variant for S {
    type Word = u32;
    const BYTES: usize = 4;
    const ROUNDS: usize = 10;
    const IV: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    const SALT_SIZE: usize = 8;
    const MAX_SIZE: usize = 32;
    const MAX_NODE_OFFSET: u64 = (1 << 48) - 1;
    const NAME: &'static str = "blake2s";
    const TITLE: &'static str = "Blake2s";
    fn mix(v: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize, x: u32, y: u32) {
        v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
        v[d] = (v[d] ^ v[a]).rotate_right(16);
        v[c] = v[c].wrapping_add(v[d]);
        v[b] = (v[b] ^ v[c]).rotate_right(12);
        v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
        v[d] = (v[d] ^ v[a]).rotate_right(8);
        v[c] = v[c].wrapping_add(v[d]);
        v[b] = (v[b] ^ v[c]).rotate_right(7);
    }
    fn word_from_le(bytes: &[u8]) -> u32 {
        let mut word = [0u8; 4];
        word.copy_from_slice(bytes);
        u32::from_le_bytes(word)
    }
    fn word_to_le(word: u32, out: &mut Vec<u8>) {
        out.extend_from_slice(&word.to_le_bytes());
    }
    fn xor(a: u32, b: u32) -> u32 {
        a ^ b
    }
    fn from_u64(value: u64) -> u32 {
        value as u32
    }
    fn all_ones() -> u32 {
        u32::MAX
    }
    fn python_type() -> &'static PyType {
        &BLAKE2S_TYPE
    }
}

/// The parameter block's fields (RFC 7693 section 2.5, with the tree fields of the
/// BLAKE2 paper).
#[derive(Clone, Default)]
struct Params {
    digest_size: usize,
    key: Vec<u8>,
    salt: Vec<u8>,
    person: Vec<u8>,
    fanout: u8,
    depth: u8,
    leaf_size: u32,
    node_offset: u64,
    node_depth: u8,
    inner_size: u8,
    last_node: bool,
}

impl Params {
    /// The parameter block as bytes: 64 for BLAKE2b, 32 for BLAKE2s.
    fn block<V: Variant>(&self) -> Vec<u8> {
        let mut block = vec![0u8; 8 * V::BYTES];
        block[0] = self.digest_size as u8;
        block[1] = self.key.len() as u8;
        block[2] = self.fanout;
        block[3] = self.depth;
        block[4..8].copy_from_slice(&self.leaf_size.to_le_bytes());
        let offset_bytes = if V::BYTES == 8 { 8 } else { 6 };
        block[8..8 + offset_bytes].copy_from_slice(&self.node_offset.to_le_bytes()[..offset_bytes]);
        let depth_at = 8 + offset_bytes;
        block[depth_at] = self.node_depth;
        block[depth_at + 1] = self.inner_size;
        let salt_at = 4 * V::BYTES;
        block[salt_at..salt_at + self.salt.len()].copy_from_slice(&self.salt);
        let person_at = salt_at + V::SALT_SIZE;
        block[person_at..person_at + self.person.len()].copy_from_slice(&self.person);
        block
    }
}

/// A running BLAKE2 computation.
#[derive(Clone)]
struct Blake2<V: Variant> {
    h: [V::Word; 8],
    /// Bytes compressed so far (the counter `t`).
    counter: u128,
    /// Input not yet compressed: the last block is held back until finalization.
    buffer: Vec<u8>,
    digest_size: usize,
    last_node: bool,
}

impl<V: Variant> Blake2<V> {
    fn block_size() -> usize {
        16 * V::BYTES
    }

    fn new(params: &Params) -> Self {
        let block = params.block::<V>();
        let mut h = V::IV;
        for (index, word) in h.iter_mut().enumerate() {
            let chunk = &block[index * V::BYTES..(index + 1) * V::BYTES];
            *word = V::xor(*word, V::word_from_le(chunk));
        }
        let mut state = Blake2 {
            h,
            counter: 0,
            buffer: Vec::with_capacity(Self::block_size()),
            digest_size: params.digest_size,
            last_node: params.last_node,
        };
        if !params.key.is_empty() {
            let mut key_block = params.key.clone();
            key_block.resize(Self::block_size(), 0);
            state.absorb(&key_block);
        }
        state
    }

    fn compress(&mut self, block: &[u8], last: bool) {
        let mut m = [V::Word::default(); 16];
        for (index, word) in m.iter_mut().enumerate() {
            *word = V::word_from_le(&block[index * V::BYTES..(index + 1) * V::BYTES]);
        }
        let mut v = [V::Word::default(); 16];
        v[..8].copy_from_slice(&self.h);
        v[8..].copy_from_slice(&V::IV);
        let bits = 8 * V::BYTES as u32;
        v[12] = V::xor(v[12], V::from_u64(self.counter as u64));
        v[13] = V::xor(v[13], V::from_u64((self.counter >> bits) as u64));
        if last {
            v[14] = V::xor(v[14], V::all_ones());
            if self.last_node {
                v[15] = V::xor(v[15], V::all_ones());
            }
        }
        for round in 0..V::ROUNDS {
            let s = &SIGMA[round % 10];
            V::mix(&mut v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            V::mix(&mut v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            V::mix(&mut v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            V::mix(&mut v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            V::mix(&mut v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            V::mix(&mut v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            V::mix(&mut v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            V::mix(&mut v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for index in 0..8 {
            self.h[index] = V::xor(self.h[index], V::xor(v[index], v[index + 8]));
        }
    }

    fn absorb(&mut self, mut data: &[u8]) {
        let size = Self::block_size();
        while !data.is_empty() {
            if self.buffer.len() == size {
                self.counter += size as u128;
                let block = std::mem::take(&mut self.buffer);
                self.compress(&block, false);
                self.buffer = block;
                self.buffer.clear();
            }
            let take = (size - self.buffer.len()).min(data.len());
            self.buffer.extend_from_slice(&data[..take]);
            data = &data[take..];
        }
    }

    fn digest(&self) -> Vec<u8> {
        let mut state = self.clone();
        state.counter += state.buffer.len() as u128;
        let mut block = std::mem::take(&mut state.buffer);
        block.resize(Self::block_size(), 0);
        state.compress(&block, true);
        let mut out = Vec::with_capacity(8 * V::BYTES);
        for word in state.h {
            V::word_to_le(word, &mut out);
        }
        out.truncate(state.digest_size);
        out
    }
}

impl<V: Variant> Algorithm for Blake2<V> {
    fn python_type() -> &'static PyType {
        V::python_type()
    }
    fn name(&self) -> &'static str {
        V::NAME
    }
    fn digest_size(&self) -> usize {
        self.digest_size
    }
    fn block_size(&self) -> usize {
        Self::block_size()
    }
    fn update(&mut self, data: &[u8]) {
        self.absorb(data);
    }
    fn finish(&self, _length: usize) -> Vec<u8> {
        self.digest()
    }
}

const KEYWORDS: [&str; 10] = [
    "digest_size",
    "key",
    "salt",
    "person",
    "fanout",
    "depth",
    "leaf_size",
    "node_offset",
    "node_depth",
    "inner_size",
];

fn value_error(message: String) -> PyErr {
    PyErr::new(ExceptionKind::ValueError, message)
}

/// A key, salt or personalization string: bytes-like, at most `max` bytes.
fn bytes_param(value: Option<&PyRef>, what: &str, max: usize) -> PyResult<Vec<u8>> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let data = bytes::bytes_like(value).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            value.ob_type().name()
        ))
    })?;
    if data.len() > max {
        return Err(value_error(format!("maximum {what} length is {max} bytes")));
    }
    Ok(data)
}

/// A byte-sized parameter between `low` and 255.
fn small_param(
    ts: &ThreadState,
    value: Option<&PyRef>,
    name: &str,
    low: i32,
    default: u8,
) -> PyResult<u8> {
    let Some(value) = value else {
        return Ok(default);
    };
    let number = c_int_arg(ts, value)?;
    u8::try_from(number)
        .ok()
        .filter(|&byte| i32::from(byte) >= low)
        .ok_or_else(|| value_error(format!("{name} must be between {low} and 255")))
}

/// An unsigned parameter (Argument Clinic's `unsigned long`/`unsigned long long`).
fn unsigned_param(ts: &ThreadState, value: Option<&PyRef>, c_type: &str) -> PyResult<u64> {
    let Some(value) = value else {
        return Ok(0);
    };
    let number = pyrite_objects::abstract_api::index(ts, value)?;
    let number = number
        .downcast_ref::<int::Int>()
        .map(|number| number.to_bigint())
        .unwrap_or_default();
    if number.sign() == Sign::Minus {
        return Err(value_error("Cannot convert negative int".into()));
    }
    u64::try_from(number).map_err(|_| {
        PyErr::new(
            ExceptionKind::OverflowError,
            format!("Python int too large for C {c_type}"),
        )
    })
}

fn parse_params<V: Variant>(
    ts: &ThreadState,
    values: &[Option<PyRef>],
    last_node: bool,
) -> PyResult<Params> {
    let digest_size = match &values[0] {
        Some(value) => c_int_arg(ts, value)?,
        None => V::MAX_SIZE as i32,
    };
    if digest_size < 1 || digest_size as usize > V::MAX_SIZE {
        return Err(value_error(format!(
            "digest_size for {} must be between 1 and {} bytes, here it is {digest_size}",
            V::TITLE,
            V::MAX_SIZE
        )));
    }
    let salt = bytes_param(values[2].as_ref(), "salt", V::SALT_SIZE)?;
    let person = bytes_param(values[3].as_ref(), "person", V::SALT_SIZE)?;
    let fanout = small_param(ts, values[4].as_ref(), "fanout", 0, 1)?;
    let depth = small_param(ts, values[5].as_ref(), "depth", 1, 1)?;
    let leaf_size = unsigned_param(ts, values[6].as_ref(), "unsigned long")?;
    let leaf_size = u32::try_from(leaf_size)
        .map_err(|_| PyErr::new(ExceptionKind::OverflowError, "leaf_size is too large"))?;
    let node_offset = unsigned_param(ts, values[7].as_ref(), "unsigned long long")?;
    if node_offset > V::MAX_NODE_OFFSET {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "node_offset is too large",
        ));
    }
    let node_depth = small_param(ts, values[8].as_ref(), "node_depth", 0, 0)?;
    let inner_size = match &values[9] {
        Some(value) => c_int_arg(ts, value)?,
        None => 0,
    };
    if inner_size < 0 || inner_size as usize > V::MAX_SIZE {
        return Err(value_error(format!(
            "inner_size must be between 0 and is {}",
            V::MAX_SIZE
        )));
    }
    let key = bytes_param(values[1].as_ref(), "key", V::MAX_SIZE)?;
    Ok(Params {
        digest_size: digest_size as usize,
        key,
        salt,
        person,
        fanout,
        depth,
        leaf_size,
        node_offset,
        node_depth,
        inner_size: inner_size as u8,
        last_node,
    })
}

fn blake2_new<V: Variant>(
    ts: &ThreadState,
    ty: &PyType,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let mut keywords: Vec<&str> = KEYWORDS.to_vec();
    keywords.push("last_node");
    let (data, values) = constructor_args(V::NAME, args, kw, &keywords)?;
    let last_node = match &values[10] {
        Some(value) => value.is_true(ts)?,
        None => false,
    };
    let params = parse_params::<V>(ts, &values, last_node)?;
    construct(ts, ty, Blake2::<V>::new(&params), data.as_ref())
}

pub static BLAKE2B_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<HashObject<Blake2<B>>>("_blake2.blake2b", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            new: Slot::new(blake2_new::<B>),
            ..pyrite_objects::typeobject::object_slots()
        }),
);

pub static BLAKE2S_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<HashObject<Blake2<S>>>("_blake2.blake2s", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            new: Slot::new(blake2_new::<S>),
            ..pyrite_objects::typeobject::object_slots()
        }),
);

fn add_variant<V: Variant>(ts: &ThreadState, module: &ModuleBuilder<'_>) -> PyResult<()> {
    module.add_type(V::NAME, V::python_type(), "_blake2")?;
    add_hash_methods::<Blake2<V>>(ts);
    let constants = [
        ("SALT_SIZE", V::SALT_SIZE),
        ("PERSON_SIZE", V::SALT_SIZE),
        ("MAX_KEY_SIZE", V::MAX_SIZE),
        ("MAX_DIGEST_SIZE", V::MAX_SIZE),
    ];
    if let Some(dict) = V::python_type()
        .dict(ts)
        .downcast_ref::<pyrite_objects::dict::Dict>()
    {
        for (name, value) in constants {
            dict.set_item(
                ts,
                pyrite_objects::str::intern(ts, name),
                int::new(ts, value as i64),
            )?;
        }
    }
    let prefix = V::NAME.to_ascii_uppercase();
    for (name, value) in constants {
        module.set(&format!("{prefix}_{name}"), int::new(ts, value as i64))?;
    }
    Ok(())
}

pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(ts, "_blake2", None)?;
    add_variant::<B>(ts, &module)?;
    add_variant::<S>(ts, &module)?;
    module.set("_GIL_MINSIZE", int::new(ts, GIL_MINSIZE))?;
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::{B, Blake2, Params, S};

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    fn plain(digest_size: usize) -> Params {
        Params {
            digest_size,
            fanout: 1,
            depth: 1,
            ..Params::default()
        }
    }

    /// RFC 7693 appendices A and B: BLAKE2b-512 and BLAKE2s-256 of "abc".
    #[test]
    fn rfc_7693_examples() {
        let mut b = Blake2::<B>::new(&plain(64));
        b.absorb(b"abc");
        assert_eq!(
            hex(&b.digest()),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1\
             7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
        );
        let mut s = Blake2::<S>::new(&plain(32));
        s.absorb(b"abc");
        assert_eq!(
            hex(&s.digest()),
            "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982"
        );
    }
}
