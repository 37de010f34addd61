//! Splits the cost of `compile_files` by phase (parse, symbol tables, code generation,
//! flow-graph optimizer and assembler): CPU time and heap allocations of each, to see
//! where the front end spends its time.
//!
//! Usage: `compile_phases ROUNDS FILE...`. The symbol tables are measured by an extra
//! build of them (code generation builds its own, counted in "codegen" minus this
//! estimate); "assemble" is the per-unit optimizer and assembler. CPU time comes from
//! the thread's scheduler statistics, so other load on the machine barely moves it.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicU64, Ordering};

use pyrite_compiler::codegen::CompileError;
use pyrite_compiler::instruction_sequence::CodeUnit;

/// mimalloc (as the `pyrite` binary uses), counting the allocations made.
struct CountingAlloc;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static MIMALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

// SAFETY: every call is forwarded unchanged to mimalloc, which upholds the contract.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { MIMALLOC.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { MIMALLOC.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { MIMALLOC.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { MIMALLOC.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

/// The calling thread's CPU time in nanoseconds (Linux `schedstat`; 0 elsewhere).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

#[derive(Default, Clone, Copy)]
struct Cost {
    ns: u64,
    allocs: u64,
}

/// Runs `f`, adding its CPU time and allocations to `cost`.
fn measure<T>(cost: &mut Cost, f: impl FnOnce() -> T) -> T {
    let (ns, allocs) = (cpu_ns(), ALLOCATIONS.load(Ordering::Relaxed));
    let value = f();
    cost.ns += cpu_ns() - ns;
    cost.allocs += ALLOCATIONS.load(Ordering::Relaxed) - allocs;
    value
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let sources: Vec<(String, Vec<u8>)> = args
        .filter_map(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes)))
        .collect();
    for _ in 0..rounds {
        let [mut parse, mut symtable, mut compile, mut assemble, mut drop] = [Cost::default(); 5];
        for (path, bytes) in &sources {
            let Ok(module) = measure(&mut parse, || pyrite_parser::parse_module(bytes, path))
            else {
                continue;
            };
            measure(&mut symtable, || {
                let _ = pyrite_compiler::module_symtable(&module);
            });
            let code = measure(&mut compile, || {
                let mut assembler = |unit: CodeUnit| {
                    measure(&mut assemble, || {
                        pyrite_compiler::assemble::optimize_and_assemble(unit, path)
                            .map_err(|err| CompileError::Assemble(err.message))
                    })
                };
                pyrite_compiler::compile::compile_module(&module, 0, &mut assembler)
            });
            measure(&mut drop, move || std::mem::drop((module, code)));
        }
        let codegen = Cost {
            ns: compile.ns.saturating_sub(assemble.ns + symtable.ns),
            allocs: compile
                .allocs
                .saturating_sub(assemble.allocs + symtable.allocs),
        };
        let total = parse.ns + compile.ns + drop.ns;
        let phases = [
            ("parse", parse),
            ("symtable", symtable),
            ("codegen", codegen),
            ("assemble", assemble),
            ("drop", drop),
        ];
        let line: Vec<String> = phases
            .iter()
            .map(|(name, cost)| {
                format!(
                    "{name} {:.3}s/{:.1}M",
                    cost.ns as f64 / 1e9,
                    cost.allocs as f64 / 1e6
                )
            })
            .collect();
        println!("{}  total {:.3}s", line.join("  "), total as f64 / 1e9);
    }
}
