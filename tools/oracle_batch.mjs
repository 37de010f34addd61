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
// (tools/codegen_dump.py's dump of FILE's pre-optimization instruction sequences),
// "codegen-OO" (the same at optimization level 2), "code-O" / "code-OO" (codedump.py's
// code dump with FILE compiled at optimization level 1 / 2), "ast-sha256" / "code-sha256" /
// "codegen-sha256" / "code-O-sha256" / "code-OO-sha256" (only the sha256 of that dump),
// "pyc-code-sha256" (the sha256 of the code dump of the .pyc args[0], loaded with
// marshal), "write-pyc" (compile FILE, co_filename FILE as given, to the .pyc args[0]),
// or "make-pyc" (compile FILE to FILE with .pyc, co_filename the bare file name, a
// timestamp header with mtime 0) and "pyc" (run that .pyc as __main__, as `python3
// NAME.pyc` does).
// A job may also carry "stdin" (base64: the program's standard input) and "argv" (a
// whole command line, as `python3 ARGV...` gets it: -i, -q, -c CODE, FILE, - and the
// program's arguments; see `command_line` below). With -i the interactive loop that
// follows is CPython's own C loop (PyRun_InteractiveLoopFlags, called through ctypes)
// reading the job's stdin, as `python3 -i` does when stdin is not a terminal.
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
// The current job's standard input; after a SystemExit in the interactive loop it
// reads as ended (the real interpreter would have exited there).
let stdinData = Buffer.alloc(0), stdinPos = 0, exitMark = null;
py.setStdin({
  read: (buf) => {
    if (exitMark !== null) return 0;
    const n = Math.min(buf.length, stdinData.length - stdinPos);
    buf.set(stdinData.subarray(stdinPos, stdinPos + n));
    stdinPos += n;
    return n;
  },
});
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
// Called by the interactive loop's excepthook on SystemExit: what is written after it
// is dropped.
ns.set("mark_exit", () => { exitMark = { out: out.length, err: err.length }; });
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
    if sys.__stdin__.closed:
        # exit() in an interactive loop closes sys.stdin
        import io
        sys.__stdin__ = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, closefd=False)))
    sys.stdout, sys.stderr, sys.stdin = sys.__stdout__, sys.__stderr__, sys.__stdin__
    sys.excepthook = sys.__excepthook__
    sys.displayhook = sys.__displayhook__
    for attr in ("ps1", "ps2"):
        if hasattr(sys, attr):
            delattr(sys, attr)
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

def dump_code_optimized(path, optimize):
    """What codedump.py's code mode prints, the file compiled at -O (1) or -OO (2)."""
    with open(path, "rb") as f:
        src = f.read()
    try:
        out = []
        codedump.dump_code(compile(src, path, "exec", dont_inherit=True, optimize=optimize), out)
        return "\n".join(out)
    except SyntaxError as e:
        return "SyntaxError %s %s %s" % (e.msg, e.lineno, e.offset)

def prepare(mode, file, args, cwd):
    reset()
    os.chdir(cwd)
    if mode in ("ast", "code"):
        return lambda: print(codedump.dump(mode, file))
    if mode in ("code-O", "code-OO"):
        return lambda: print(dump_code_optimized(file, mode.count("O")))
    if mode in ("code-O-sha256", "code-OO-sha256"):
        import hashlib
        text = dump_code_optimized(file, mode.split("-")[1].count("O")) + "\n"
        return lambda: print(hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest())
    if mode == "pyc-code-sha256":
        # the sha256 of the code dump of the module code object in the .pyc args[0]
        # (written by someone else, e.g. Pyrite), loaded with this marshal
        import hashlib, marshal
        with open(args[0], "rb") as f:
            data = f.read()
        out = []
        codedump.dump_code(marshal.loads(data[16:]), out)
        text = "\n".join(out) + "\n"
        return lambda: print(hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest())
    if mode == "write-pyc":
        # FILE compiled (co_filename FILE as given, as codedump.py does) to the .pyc
        # args[0]: a timestamp header with mtime 0, as importlib writes it
        import importlib._bootstrap_external as bootstrap
        with open(file, "rb") as f:
            source = f.read()
        compiled = compile(source, file, "exec", dont_inherit=True)
        with open(args[0], "wb") as f:
            f.write(bootstrap._code_to_timestamp_pyc(compiled, 0, len(source)))
        return lambda: None
    if mode == "codegen-sha256":
        import hashlib
        text = codegen_dump.dump(file) + "\n"
        return lambda: print(hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest())
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
    if mode == "codegen-OO":
        return lambda: print(codegen_dump.dump(file, optimize=2))
    if mode == "make-pyc":
        import importlib._bootstrap_external as bootstrap
        with open(file, "rb") as f:
            source = f.read()
        compiled = compile(source, os.path.basename(file), "exec", dont_inherit=True)
        with open(file[:-3] + ".pyc", "wb") as f:
            f.write(bootstrap._code_to_timestamp_pyc(compiled, 0, len(source)))
        return lambda: None
    if mode == "pyc":
        import marshal
        pyc = file[:-3] + ".pyc"
        with open(pyc, "rb") as f:
            data = f.read()
        sys.argv[:] = [pyc] + list(args)
        sys.path.insert(0, os.path.dirname(os.path.abspath(pyc)))
        main = types.ModuleType("__main__")
        main.__builtins__ = builtins
        main.__file__ = pyc
        main.__cached__ = None
        sys.modules["__main__"] = main
        return types.FunctionType(marshal.loads(data[16:]), main.__dict__)
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

class CommandLine:
    """What a \`python3 ARGV...\` command line asks for (the options the cases use)."""
    def __init__(self, argv):
        self.inspect = self.quiet = False
        self.program = None  # ("file", name) | ("command", code) | None (stdin)
        self.args = []
        i = 0
        while i < len(argv):
            arg = argv[i]
            i += 1
            if arg == "-" or not arg.startswith("-"):
                self.program = None if arg == "-" else ("file", arg)
                self.args = argv[i:] if arg != "-" else argv[i - 1:]
                return
            for pos, letter in enumerate(arg[1:]):
                if letter == "i":
                    self.inspect = True
                elif letter == "q":
                    self.quiet = True
                elif letter == "c":
                    code = arg[pos + 2:] or argv[i]
                    if not arg[pos + 2:]:
                        i += 1
                    self.program = ("command", code)
                    self.args = argv[i:]
                    return
                elif letter in "BEsSuI":
                    pass
                else:
                    raise ValueError("option -%s is not emulated" % letter)

def prepare_command_line(argv, cwd):
    """Like prepare(), for a whole command line: returns (function or None, CommandLine)."""
    reset()
    os.chdir(cwd)
    line = CommandLine(list(argv))
    main = types.ModuleType("__main__")
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    if line.program is None:
        sys.argv[:] = line.args or [""]
        sys.path.insert(0, "")
        return None, line
    kind, what = line.program
    if kind == "command":
        text, filename, sys.argv[:], path0 = what, "<string>", ["-c"] + line.args, ""
    else:
        with open(what, "rb") as f:
            text = f.read()
        filename = os.path.abspath(what)
        sys.argv[:] = [what] + line.args
        path0 = os.path.dirname(filename)
        main.__file__ = filename
    sys.path.insert(0, path0)
    try:
        code = compile(text, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        e.__traceback__ = None
        sys.excepthook(type(e), e, None)
        return (lambda: None), line
    return types.FunctionType(code, main.__dict__), line

def interactive_loop():
    """\`python3 -i\` after its program, on a stdin that is not a terminal: the
    interactive hook, then CPython's C loop (prompts on stderr). Returns the exit
    status: 0 at the end of input, SystemExit's code."""
    import ctypes
    status = [0]
    hook = getattr(sys, "__interactivehook__", None)
    if hook is not None:
        try:
            hook()
        except BaseException as e:
            print("Failed calling sys.__interactivehook__", file=sys.stderr)
            sys.__excepthook__(type(e), e, e.__traceback__)
    def excepthook(tp, value, tb):
        if issubclass(tp, SystemExit):
            # the real loop exits here (this interpreter runs with inspect set)
            status[0] = exit_code(value)
            mark_exit()
            return
        sys.__excepthook__(tp, value, tb)
    sys.excepthook = excepthook
    libc = ctypes.CDLL(None)
    libc.fdopen.restype = ctypes.c_void_p
    libc.fdopen.argtypes = [ctypes.c_int, ctypes.c_char_p]
    libc.setvbuf.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t]
    libc.fclose.argtypes = [ctypes.c_void_p]
    fp = libc.fdopen(libc.dup(0), b"r")
    libc.setvbuf(fp, None, 2, 0)  # _IONBF: read no further than the loop asks
    loop = ctypes.pythonapi.PyRun_InteractiveLoopFlags
    loop.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    loop(fp, b"<stdin>", None)
    libc.fclose(fp)
    sys.excepthook = sys.__excepthook__
    return status[0]

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

// A job with a whole command line: its program (if any), then with -i the
// interactive loop.
function runCommandLine(job) {
  const prepared = ns.get("prepare_command_line")(py.toPy(job.argv), job.cwd);
  const fn = prepared.get(0), line = prepared.get(1);
  let raised = false, exited = false, status = 0;
  if (fn !== undefined && fn !== null) {
    try {
      fn();
    } catch (e) {
      if (e && e.constructor && e.constructor.name === "PythonError") {
        raised = true;
        const isExit = py.runPython("import sys; isinstance(getattr(sys, 'last_exc', None), SystemExit)", { globals: ns });
        // with -i a SystemExit does not exit: its traceback is printed
        if (!isExit || line.inspect) err.push(Buffer.from(e.message));
        exited = isExit && !line.inspect;
      } else {
        throw e;
      }
    }
    if (fn.destroy) fn.destroy();
  }
  if (line.inspect && !exited) {
    status = ns.get("interactive_loop")();
    if (exitMark !== null) {
      out.length = exitMark.out;
      err.length = exitMark.err;
    }
    ns.get("finish")(false);
  } else {
    status = ns.get("finish")(raised);
  }
  line.destroy();
  prepared.destroy();
  return status;
}

const results = [];
for (const job of jobs) {
  out.length = 0;
  err.length = 0;
  stdinData = Buffer.from(job.stdin || "", "base64");
  stdinPos = 0;
  exitMark = null;
  let status;
  if (job.argv) {
    status = runCommandLine(job);
    results.push({
      stdout: Buffer.concat(out).toString("base64"),
      stderr: Buffer.concat(err).toString("base64"),
      status,
    });
    continue;
  }
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
