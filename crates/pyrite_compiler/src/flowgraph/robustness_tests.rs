//! Malformed instruction sequences must give an error or some code object, never a panic
//! (code generation never produces them, but the optimizer is a public API).

use crate::instruction_sequence::{
    CodeUnit, CodeUnitMetadata, InstructionSequence, Label, SourceLocation,
};
use pyrite_bytecode::Constant;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_sequence(rng: &mut Rng) -> InstructionSequence {
    let mut seq = InstructionSequence::new();
    let len = 1 + rng.below(40) as usize;
    let labels: Vec<Label> = (0..4).map(|_| seq.new_label()).collect();
    let mut used = [false; 4];
    for _ in 0..len {
        if rng.below(6) == 0 {
            let which = rng.below(4) as usize;
            if !used[which] {
                seq.use_label(labels[which]);
                used[which] = true;
            }
        }
        let opcode = rng.below(267) as u16;
        let oparg = match rng.below(4) {
            0 => 0,
            1 => rng.below(4) as i32,
            2 => rng.below(300) as i32,
            _ => -(rng.below(3) as i32),
        };
        let oparg = if crate::instruction_sequence::has_target(opcode) {
            labels[rng.below(4) as usize].0
        } else if crate::instruction_sequence::has_arg(opcode) {
            oparg
        } else {
            0
        };
        let line = rng.below(5) as i32 - 1;
        seq.addop(opcode, oparg, SourceLocation::new(line, line, 0, 1));
    }
    for (label, used) in labels.iter().zip(used) {
        if !used {
            seq.use_label(*label);
        }
    }
    seq.addop(35, 0, SourceLocation::new(1, 1, 0, 1));
    seq
}

#[test]
fn random_sequences_do_not_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let seq = random_sequence(&mut rng);
        let consts = vec![
            Constant::None,
            Constant::int(1),
            Constant::str("x"),
            Constant::Tuple(vec![]),
        ];
        let mut work = consts.clone();
        let _ = super::optimize_cfg_for_tests(seq.clone(), &mut work, 3);
        let metadata = CodeUnitMetadata {
            name: "f".into(),
            qualname: "f".into(),
            consts,
            names: vec!["a".into(), "b".into()],
            varnames: vec!["x".into(), "y".into(), "z".into()],
            cellvars: vec!["y".into()],
            freevars: vec!["w".into()],
            argcount: 1,
            firstlineno: 1,
            flags: rng.below(64) as u32,
            ..Default::default()
        };
        let _ = crate::assemble::optimize_and_assemble(CodeUnit { seq, metadata }, "f.py");
    }
}
