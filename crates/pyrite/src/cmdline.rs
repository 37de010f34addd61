//! Parsing `python3`'s command line into a [`Config`].
//!
//! CPython counterpart: `Python/getopt.c` and `config_parse_cmdline` in
//! `Python/initconfig.c`. The option letters, their grouping rules (`-OO`, `-Bc CODE`,
//! `-cCODE`), the way `-c`/`-m`/`FILE`/`-` end the option list, and the error texts are
//! CPython 3.14's.

/// Short options and whether each takes an argument (CPython's `SHORT_OPTS`).
const SHORT_OPTS: &[(char, bool)] = &[
    ('b', false),
    ('B', false),
    ('c', true),
    ('d', false),
    ('E', false),
    ('h', false),
    ('i', false),
    ('I', false),
    ('m', true),
    ('O', false),
    ('P', false),
    ('q', false),
    ('R', false),
    ('s', false),
    ('S', false),
    ('t', false),
    ('u', false),
    ('v', false),
    ('V', false),
    ('W', true),
    ('x', false),
    ('X', true),
    ('?', false),
];

/// What the command line asks to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Program {
    /// `-c CMD`
    Command(String),
    /// `-m MODULE`
    Module(String),
    /// `FILE`
    File(String),
    /// `-`, or no program argument at all (`interactive` tells whether it was explicit).
    Stdin { explicit: bool },
}

/// What the command line asks for besides running a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Run,
    Help,
    HelpEnv,
    HelpXOptions,
    HelpAll,
    /// `-V` (1) or `-VV` (2).
    Version(u8),
}

/// The parsed command line: CPython's `PyConfig` fields that the options set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub action: Action,
    pub program: Program,
    /// `sys.argv[1:]` of the program.
    pub args: Vec<String>,
    pub bytes_warning: u8,
    pub write_bytecode: bool,
    pub parser_debug: bool,
    pub use_environment: bool,
    pub inspect: bool,
    pub isolated: bool,
    pub optimize: u8,
    pub safe_path: bool,
    pub quiet: bool,
    pub use_hash_seed_random: bool,
    pub user_site_directory: bool,
    pub site_import: bool,
    pub buffered_stdio: bool,
    pub verbose: u8,
    pub skip_source_first_line: bool,
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<String>,
    pub check_hash_pycs_mode: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            action: Action::Run,
            program: Program::Stdin { explicit: false },
            args: Vec::new(),
            bytes_warning: 0,
            write_bytecode: true,
            parser_debug: false,
            use_environment: true,
            inspect: false,
            isolated: false,
            optimize: 0,
            safe_path: false,
            quiet: false,
            use_hash_seed_random: false,
            user_site_directory: true,
            site_import: true,
            buffered_stdio: true,
            verbose: 0,
            skip_source_first_line: false,
            warnoptions: Vec::new(),
            xoptions: Vec::new(),
            check_hash_pycs_mode: None,
        }
    }
}

/// A command-line error: CPython prints `message`, then the usage line, then
/// "Try `python -h' for more information." and exits with status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    pub message: String,
}

impl Config {
    /// `-X NAME=VALUE` or `-X NAME`: the value of the last occurrence of `name`.
    pub fn xoption(&self, name: &str) -> Option<&str> {
        self.xoptions
            .iter()
            .rev()
            .find_map(|opt| match opt.split_once('=') {
                Some((key, value)) if key == name => Some(value),
                None if opt == name => Some(""),
                _ => None,
            })
    }
}

fn usage_error(message: String) -> UsageError {
    UsageError { message }
}

/// Parses `args` (without `argv[0]`) the way CPython 3.14 does.
pub fn parse(args: &[String]) -> Result<Config, UsageError> {
    let mut config = Config::default();
    let mut index = 0;
    let mut program: Option<Program> = None;
    'options: while index < args.len() {
        let arg = &args[index];
        if arg == "--" {
            index += 1;
            break;
        }
        if !arg.starts_with('-') || arg == "-" {
            break;
        }
        index += 1;
        if let Some(long) = arg.strip_prefix("--") {
            match long {
                "help" => config.action = Action::Help,
                "version" => bump_version(&mut config),
                "help-env" => config.action = Action::HelpEnv,
                "help-xoptions" => config.action = Action::HelpXOptions,
                "help-all" => config.action = Action::HelpAll,
                "check-hash-based-pycs" => {
                    let Some(value) = args.get(index) else {
                        return Err(usage_error(format!(
                            "Argument expected for the {arg} options"
                        )));
                    };
                    index += 1;
                    if !matches!(value.as_str(), "default" | "always" | "never") {
                        return Err(usage_error(
                            "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"
                                .to_string(),
                        ));
                    }
                    config.check_hash_pycs_mode = Some(value.clone());
                }
                _ => return Err(usage_error(format!("Unknown option: {arg}"))),
            }
            continue;
        }
        let letters: Vec<char> = arg[1..].chars().collect();
        let mut pos = 0;
        while pos < letters.len() {
            let letter = letters[pos];
            pos += 1;
            let Some(&(_, takes_arg)) = SHORT_OPTS.iter().find(|(l, _)| *l == letter) else {
                return Err(usage_error(format!("Unknown option: -{letter}")));
            };
            let value = if takes_arg {
                let rest: String = letters[pos..].iter().collect();
                pos = letters.len();
                if !rest.is_empty() {
                    rest
                } else if let Some(next) = args.get(index) {
                    index += 1;
                    next.clone()
                } else {
                    return Err(usage_error(format!(
                        "Argument expected for the -{letter} option"
                    )));
                }
            } else {
                String::new()
            };
            match letter {
                'c' => {
                    program = Some(Program::Command(value));
                    break 'options;
                }
                'm' => {
                    program = Some(Program::Module(value));
                    break 'options;
                }
                'b' => config.bytes_warning = config.bytes_warning.saturating_add(1),
                'B' => config.write_bytecode = false,
                'd' => config.parser_debug = true,
                'E' => config.use_environment = false,
                'h' | '?' => config.action = Action::Help,
                'i' => config.inspect = true,
                'I' => {
                    config.isolated = true;
                    config.use_environment = false;
                    config.user_site_directory = false;
                    config.safe_path = true;
                }
                'O' => config.optimize = config.optimize.saturating_add(1),
                'P' => config.safe_path = true,
                'q' => config.quiet = true,
                'R' => config.use_hash_seed_random = true,
                's' => config.user_site_directory = false,
                'S' => config.site_import = false,
                't' => {}
                'u' => config.buffered_stdio = false,
                'v' => config.verbose = config.verbose.saturating_add(1),
                'V' => bump_version(&mut config),
                'W' => config.warnoptions.push(value),
                'x' => config.skip_source_first_line = true,
                'X' => config.xoptions.push(value),
                _ => unreachable!("every letter of SHORT_OPTS is handled"),
            }
        }
    }
    let program = match program {
        Some(program) => program,
        None => match args.get(index) {
            Some(arg) if arg == "-" => {
                index += 1;
                Program::Stdin { explicit: true }
            }
            Some(file) => {
                index += 1;
                Program::File(file.clone())
            }
            None => Program::Stdin { explicit: false },
        },
    };
    config.program = program;
    config.args = args[index..].to_vec();
    Ok(config)
}

fn bump_version(config: &mut Config) {
    config.action = match config.action {
        Action::Version(n) => Action::Version(n.saturating_add(1)),
        _ => Action::Version(1),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Config, UsageError> {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        parse(&args)
    }

    #[test]
    fn grouped_flags_and_inline_argument() {
        let c = parse_str("-OOBcprint(1) a b").unwrap();
        assert_eq!(c.optimize, 2);
        assert!(!c.write_bytecode);
        assert_eq!(c.program, Program::Command("print(1)".into()));
        assert_eq!(c.args, ["a", "b"]);
    }

    #[test]
    fn options_end_at_the_script() {
        let c = parse_str("-S x.py -O --foo").unwrap();
        assert!(!c.site_import);
        assert_eq!(c.optimize, 0);
        assert_eq!(c.program, Program::File("x.py".into()));
        assert_eq!(c.args, ["-O", "--foo"]);
    }

    #[test]
    fn stdin_dash_and_double_dash() {
        assert_eq!(
            parse_str("- a").unwrap().program,
            Program::Stdin { explicit: true }
        );
        let c = parse_str("-- -x.py").unwrap();
        assert_eq!(c.program, Program::File("-x.py".into()));
    }

    #[test]
    fn errors_have_cpython_texts() {
        assert_eq!(parse_str("-Z").unwrap_err().message, "Unknown option: -Z");
        assert_eq!(parse_str("-J").unwrap_err().message, "Unknown option: -J");
        assert_eq!(
            parse_str("--foo").unwrap_err().message,
            "Unknown option: --foo"
        );
        assert_eq!(
            parse_str("-c").unwrap_err().message,
            "Argument expected for the -c option"
        );
        assert_eq!(
            parse_str("--check-hash-based-pycs").unwrap_err().message,
            "Argument expected for the --check-hash-based-pycs options"
        );
    }

    #[test]
    fn isolated_implies_e_s_p_and_xoptions_last_wins() {
        let c = parse_str("-I -X dump=ast -Xdump=code f.py").unwrap();
        assert!(!c.use_environment && !c.user_site_directory && c.safe_path);
        assert_eq!(c.xoption("dump"), Some("code"));
        assert_eq!(c.xoption("dev"), None);
    }

    #[test]
    fn version_counts() {
        assert_eq!(parse_str("-VV").unwrap().action, Action::Version(2));
        assert_eq!(
            parse_str("-V --version").unwrap().action,
            Action::Version(2)
        );
    }
}
