// Runs many jobs under the reference CPython 3.14 (the Pyodide build that
// shared/oracle/cpython314 installs) in ONE start, because each start costs seconds.
//
//   node tools/oracle_batch.mjs JOBS.json RESULTS.json
//
// JOBS.json is a list of {"cwd", "mode", "file", "args"}; mode is "run" (execute FILE
// as __main__, the way shared/oracle/run.mjs does: module code called straight from
// JavaScript, so its frame has no f_back and tracebacks hold no frame of ours), or
// "ast" / "code" / "syntaxerror" (dump FILE with shared/oracle/codedump.py's rules),
// "symtable" (tools/symtable_dump.py's dump of FILE's symbol tables), "codegen"
// (tools/codegen_dump.py's dump of FILE's pre-optimization instruction sequences), or
// "ast-sha256" / "code-sha256" (only the sha256 of that dump).
// Each result is {"stdout", "stderr" (base64), "status"}. Between jobs the
// interpreter state a program can change is put back: sys.argv/path/modules of the
// program's own modules, std streams, warnings filters, recursion limit, trace hooks.
import fs from "fs";
import path from "path";

const home = process.env.CPYTHON314_HOME || path.join(process.env.HOME, ".cache", "cpython314");
const { loadPyodide } = await import(path.join(home, "node_modules", "pyodide", "pyodide.mjs"));
const oracleDir = process.env.PYRITE_ORACLE_DIR;
const jobs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

let out = [], err = [];
const sink = (chunks) => ({ write: (buf) => { chunks.push(Buffer.from(buf)); return buf.length; }, isatty: false });
const py = await loadPyodide();
py.setStdout(sink(out));
py.setStderr(sink(err));
py.setStdin({ read: () => 0 });
for (const top of fs.readdirSync("/")) {
  if (["proc", "sys", "dev", "lib", "usr", "bin", "sbin", "lib64", "boot", "run", "snap"].includes(top)) continue;
  const p = "/" + top;
  try {
    if (!fs.statSync(p).isDirectory()) continue;
    py.FS.mkdirTree(p);
    py.FS.mount(py.FS.filesystems.NODEFS, { root: p }, p);
  } catch (e) { /* skip what cannot be mounted */ }
}

const toolsDir = path.dirname(new URL(import.meta.url).pathname);
const ns = py.toPy({ __name__: "_oracle_batch", ORACLE_DIR: oracleDir, TOOLS_DIR: toolsDir });
py.runPython(String.raw`
import os, sys, types, builtins, warnings, gc

sys.path.insert(0, ORACLE_DIR)
import codedump
del sys.path[0]
sys.path.insert(0, TOOLS_DIR)
import symtable_dump
import codegen_dump
del sys.path[0]

BASE_PATH = list(sys.path)
BASE_MODULES = set(sys.modules)
BASE_FILTERS = list(warnings.filters)
BASE_LIMIT = sys.getrecursionlimit()

def reset():
    sys.stdout, sys.stderr, sys.stdin = sys.__stdout__, sys.__stderr__, sys.__stdin__
    for name in set(sys.modules) - BASE_MODULES:
        mod = sys.modules.get(name)
        origin = getattr(mod, "__file__", None) or ""
        # programs' own modules go; standard-library modules stay (re-importing them
        # each time would cost more than the whole run)
        if not origin.startswith("/lib/python"):
            del sys.modules[name]
    sys.path[:] = BASE_PATH
    warnings.filters[:] = BASE_FILTERS
    warnings._filters_mutated()
    sys.setrecursionlimit(BASE_LIMIT)
    sys.settrace(None)
    sys.setprofile(None)
    gc.enable()
    for attr in ("last_exc", "last_type", "last_value", "last_traceback"):
        if hasattr(sys, attr):
            delattr(sys, attr)

def exit_code(e):
    c = e.code
    if c is None:
        return 0
    if isinstance(c, int):
        return c & 0xFF
    try:
        print(c, file=sys.stderr)
    except Exception:
        pass
    return 1

def dump_syntaxerror(path):
    import ast
    with open(path, "rb") as f:
        src = f.read()
    try:
        ast.parse(src, filename=path)
        print(None)
    except (SyntaxError, ValueError) as e:
        if isinstance(e, SyntaxError):
            print(repr((type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)))
        else:
            print(repr((type(e).__name__, str(e))))

def prepare(mode, file, args, cwd):
    reset()
    os.chdir(cwd)
    if mode in ("ast", "code"):
        return lambda: print(codedump.dump(mode, file))
    if mode in ("ast-sha256", "code-sha256"):
        # the sha256 of what codedump.py prints (the dump and a newline): whole-stdlib
        # dumps are hundreds of megabytes, their fingerprints are not
        import hashlib
        text = codedump.dump(mode.split("-")[0], file) + "\n"
        return lambda: print(hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest())
    if mode == "syntaxerror":
        return lambda: dump_syntaxerror(file)
    if mode == "symtable":
        return lambda: print(symtable_dump.dump(file))
    if mode == "codegen":
        return lambda: print(codegen_dump.dump(file))
    with open(file, "rb") as f:
        text = f.read()
    filename = os.path.abspath(file)
    sys.argv[:] = [file] + list(args)
    sys.path.insert(0, os.path.dirname(filename))
    main = types.ModuleType("__main__")
    main.__builtins__ = builtins
    main.__file__ = filename
    sys.modules["__main__"] = main
    try:
        code = compile(text, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        sys.excepthook(type(e), e, None)
        return None
    return types.FunctionType(code, main.__dict__)

def finish(raised):
    rc = 0
    e = getattr(sys, "last_exc", None) if raised else None
    if isinstance(e, SystemExit):
        rc = exit_code(e)
    elif raised:
        rc = 1
    try:
        import atexit
        atexit._run_exitfuncs()
        atexit._clear()
    except Exception:
        pass
    for s in (sys.stdout, sys.stderr):
        try:
            s.flush()
        except Exception:
            pass
    return rc
`, { globals: ns });

const results = [];
for (const job of jobs) {
  out.length = 0;
  err.length = 0;
  let status;
  const fn = ns.get("prepare")(job.mode, job.file, py.toPy(job.args || []), job.cwd);
  if (fn === undefined || fn === null) {
    status = 1;
    ns.get("finish")(false);
  } else {
    let raised = false;
    try {
      fn();
    } catch (e) {
      if (e && e.constructor && e.constructor.name === "PythonError") {
        raised = true;
        const isExit = py.runPython("import sys; isinstance(getattr(sys, 'last_exc', None), SystemExit)", { globals: ns });
        if (!isExit) err.push(Buffer.from(e.message));
      } else {
        throw e;
      }
    }
    status = ns.get("finish")(raised);
    if (fn.destroy) fn.destroy();
  }
  results.push({
    stdout: Buffer.concat(out).toString("base64"),
    stderr: Buffer.concat(err).toString("base64"),
    status,
  });
}
fs.writeFileSync(process.argv[3], JSON.stringify(results));
