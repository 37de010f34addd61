//! Function and lambda parameter rules of `Grammar/python.gram` ("Function parameters"
//! and `lambda_params`): positional-only `/`, `*args`, keyword-only parameters, `**kwargs`,
//! defaults and annotations. One implementation serves both, told apart by `Kind`.

use pyrite_ast::*;

use super::Parser;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamKind {
    Def,
    Lambda,
}

impl ParamKind {
    fn close(self) -> &'static str {
        match self {
            ParamKind::Def => ")",
            ParamKind::Lambda => ":",
        }
    }
}

/// What `star_etc` yields.
#[derive(Default)]
pub(crate) struct StarEtc {
    vararg: Option<Arg>,
    kwonly: Vec<(Arg, Option<Expr>)>,
    kwarg: Option<Arg>,
}

impl Parser<'_> {
    pub(crate) fn params(&mut self) -> Option<Arguments> {
        if self.call_invalid_rules {
            self.invalid_parameters(ParamKind::Def);
            if self.failed() {
                return None;
            }
        }
        self.parameters(ParamKind::Def)
    }

    pub(crate) fn lambda_params(&mut self) -> Option<Arguments> {
        if self.call_invalid_rules {
            self.invalid_parameters(ParamKind::Lambda);
            if self.failed() {
                return None;
            }
        }
        self.parameters(ParamKind::Lambda)
    }

    fn parameters(&mut self, kind: ParamKind) -> Option<Arguments> {
        let start = self.pos;
        // slash_no_default param_no_default* param_with_default* [star_etc]
        if let Some(posonly) = self.attempt(|p| p.slash_no_default(kind)) {
            let plain = self.many(|p| p.param_no_default(kind));
            let with_default = self.many(|p| p.param_with_default(kind));
            let star = self.opt_star_etc(kind)?;
            return Some(make_arguments(
                posonly.into_iter().map(|a| (a, None)).collect(),
                plain,
                with_default,
                star,
            ));
        }
        if self.failed() {
            return None;
        }
        self.pos = start;
        // slash_with_default param_with_default* [star_etc]
        if let Some(posonly) = self.attempt(|p| p.slash_with_default(kind)) {
            let with_default = self.many(|p| p.param_with_default(kind));
            let star = self.opt_star_etc(kind)?;
            return Some(make_arguments(posonly, vec![], with_default, star));
        }
        if self.failed() {
            return None;
        }
        self.pos = start;
        // param_no_default+ param_with_default* [star_etc]
        let plain = self.many(|p| p.param_no_default(kind));
        if !plain.is_empty() {
            let with_default = self.many(|p| p.param_with_default(kind));
            let star = self.opt_star_etc(kind)?;
            return Some(make_arguments(vec![], plain, with_default, star));
        }
        // param_with_default+ [star_etc]
        let with_default = self.many(|p| p.param_with_default(kind));
        if !with_default.is_empty() {
            let star = self.opt_star_etc(kind)?;
            return Some(make_arguments(vec![], vec![], with_default, star));
        }
        if self.failed() {
            return None;
        }
        let star = self.star_etc(kind)?;
        Some(make_arguments(vec![], vec![], vec![], star))
    }

    fn many<T>(&mut self, mut f: impl FnMut(&mut Self) -> Option<T>) -> Vec<T> {
        let mut out = Vec::new();
        loop {
            let mark = self.pos;
            match f(self) {
                Some(x) => out.push(x),
                None => {
                    self.pos = mark;
                    return out;
                }
            }
        }
    }

    /// `[star_etc]`; `None` (outer) when an error was raised.
    fn opt_star_etc(&mut self, kind: ParamKind) -> Option<StarEtc> {
        let mark = self.pos;
        match self.star_etc(kind) {
            Some(s) => Some(s),
            None => {
                if self.failed() {
                    return None;
                }
                self.pos = mark;
                Some(StarEtc::default())
            }
        }
    }

    /// `','` or `&')'` (`&':'` for lambdas) after a parameter.
    fn param_end(&mut self, kind: ParamKind) -> bool {
        self.eat(",").is_some() || self.at(kind.close())
    }

    pub(crate) fn slash_no_default(&mut self, kind: ParamKind) -> Option<Vec<Arg>> {
        let params = self.many(|p| p.param_no_default(kind));
        if params.is_empty() {
            return None;
        }
        self.eat("/")?;
        if !self.param_end(kind) {
            return None;
        }
        Some(params)
    }

    pub(crate) fn slash_with_default(
        &mut self,
        kind: ParamKind,
    ) -> Option<Vec<(Arg, Option<Expr>)>> {
        let plain = self.many(|p| p.param_no_default(kind));
        let with_default = self.many(|p| p.param_with_default(kind));
        if with_default.is_empty() {
            return None;
        }
        self.eat("/")?;
        if !self.param_end(kind) {
            return None;
        }
        let mut out: Vec<(Arg, Option<Expr>)> = plain.into_iter().map(|a| (a, None)).collect();
        out.extend(with_default.into_iter().map(|(a, d)| (a, Some(d))));
        Some(out)
    }

    fn star_etc(&mut self, kind: ParamKind) -> Option<StarEtc> {
        if self.call_invalid_rules {
            self.invalid_star_etc(kind);
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        if self.eat("*").is_some() {
            let after_star = self.pos;
            let vararg = self.param_no_default(kind).or_else(|| {
                self.pos = after_star;
                if kind == ParamKind::Def {
                    self.param_no_default_star_annotation()
                } else {
                    None
                }
            });
            if let Some(vararg) = vararg {
                let kwonly = self.many(|p| p.param_maybe_default(kind));
                let kwarg = self.opt_kwds(kind)?;
                return Some(StarEtc {
                    vararg: Some(vararg),
                    kwonly,
                    kwarg,
                });
            }
            if self.failed() {
                return None;
            }
            self.pos = after_star;
            if self.eat(",").is_some() {
                let kwonly = self.many(|p| p.param_maybe_default(kind));
                if !kwonly.is_empty() {
                    let kwarg = self.opt_kwds(kind)?;
                    return Some(StarEtc {
                        vararg: None,
                        kwonly,
                        kwarg,
                    });
                }
            }
            self.pos = start;
            return None;
        }
        let kwarg = self.kwds(kind)?;
        Some(StarEtc {
            vararg: None,
            kwonly: vec![],
            kwarg: Some(kwarg),
        })
    }

    fn opt_kwds(&mut self, kind: ParamKind) -> Option<Option<Arg>> {
        let mark = self.pos;
        match self.kwds(kind) {
            Some(k) => Some(Some(k)),
            None => {
                if self.failed() {
                    return None;
                }
                self.pos = mark;
                Some(None)
            }
        }
    }

    fn kwds(&mut self, kind: ParamKind) -> Option<Arg> {
        if self.call_invalid_rules {
            self.invalid_kwds(kind);
            if self.failed() {
                return None;
            }
        }
        let start = self.pos;
        self.eat("**")?;
        match self.param_no_default(kind) {
            Some(a) => Some(a),
            None => {
                self.pos = start;
                None
            }
        }
    }

    pub(crate) fn param_no_default(&mut self, kind: ParamKind) -> Option<Arg> {
        let start = self.pos;
        let arg = self.param(kind)?;
        if self.param_end(kind) {
            return Some(arg);
        }
        self.pos = start;
        None
    }

    fn param_no_default_star_annotation(&mut self) -> Option<Arg> {
        let start = self.pos;
        let (arg, _) = self.name_token()?;
        if self.eat(":").is_none() {
            self.pos = start;
            return None;
        }
        let Some(annotation) = self.star_expression() else {
            self.pos = start;
            return None;
        };
        let location = self.loc(start);
        if !self.param_end(ParamKind::Def) {
            self.pos = start;
            return None;
        }
        Some(Arg {
            arg,
            annotation: Some(Box::new(annotation)),
            type_comment: None,
            location,
        })
    }

    pub(crate) fn param_with_default(&mut self, kind: ParamKind) -> Option<(Arg, Expr)> {
        let start = self.pos;
        let arg = self.param(kind)?;
        let Some(default) = self.default_value() else {
            self.pos = start;
            return None;
        };
        if self.param_end(kind) {
            return Some((arg, default));
        }
        self.pos = start;
        None
    }

    pub(crate) fn param_maybe_default(&mut self, kind: ParamKind) -> Option<(Arg, Option<Expr>)> {
        let start = self.pos;
        let arg = self.param(kind)?;
        let mark = self.pos;
        let default = self.default_value();
        if default.is_none() {
            if self.failed() {
                return None;
            }
            self.pos = mark;
        }
        if self.param_end(kind) {
            return Some((arg, default));
        }
        self.pos = start;
        None
    }

    pub(crate) fn param(&mut self, kind: ParamKind) -> Option<Arg> {
        let start = self.pos;
        let (arg, _) = self.name_token()?;
        let mut annotation = None;
        if kind == ParamKind::Def {
            let mark = self.pos;
            if self.eat(":").is_some() {
                match self.expression() {
                    Some(e) => annotation = Some(Box::new(e)),
                    None => self.pos = mark,
                }
            }
        }
        Some(Arg {
            arg,
            annotation,
            type_comment: None,
            location: self.loc(start),
        })
    }

    fn default_value(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.eat("=").is_some() {
            if let Some(e) = self.expression() {
                return Some(e);
            }
            self.pos = start;
        }
        if self.call_invalid_rules && !self.failed() {
            if let Some(eq) = self.eat("=")
                && (self.at(")") || self.at(","))
            {
                let span = self.token_span(eq);
                self.raise_syntax_at(span, "expected default value expression");
            }
            self.pos = start;
        }
        None
    }
}

fn make_arguments(
    posonly: Vec<(Arg, Option<Expr>)>,
    plain: Vec<Arg>,
    with_default: Vec<(Arg, Expr)>,
    star: StarEtc,
) -> Arguments {
    let mut defaults = Vec::new();
    let mut posonlyargs = Vec::new();
    for (arg, default) in posonly {
        posonlyargs.push(arg);
        if let Some(d) = default {
            defaults.push(d);
        }
    }
    let mut args = plain;
    for (arg, default) in with_default {
        args.push(arg);
        defaults.push(default);
    }
    let mut kwonlyargs = Vec::new();
    let mut kw_defaults = Vec::new();
    for (arg, default) in star.kwonly {
        kwonlyargs.push(arg);
        kw_defaults.push(default);
    }
    Arguments {
        posonlyargs,
        args,
        vararg: star.vararg.map(Box::new),
        kwonlyargs,
        kw_defaults,
        kwarg: star.kwarg.map(Box::new),
        defaults,
    }
}
