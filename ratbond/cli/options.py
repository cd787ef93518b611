"""A mistake in a value the user gave names what they typed: the option, spelled as typed, or
the argument, as the usage line names it.

The store names a bad value by its field (`date: 2999-01-01 is after today`, `roles.cat[0]:
'pip' is a rat`, `grams: 0 is not a weight`); on the command line the user typed `--date`,
`--cat` or the `WEIGHT` argument, so that is the name to read. Every command's class is
`OptionCommand` (`ratbond.cli.app.build` sets it), which does this for any `InputError`
leaving a command; `ratbond.cli.care.user_errors`, which prints the care commands' errors
itself, calls `as_typed` too. This is the one place the rule lives.

A field matches a parameter by its name: `date` is `--date`, `prey_drive` is `--prey-drive`,
`roles.cat[0]` is `--cat`, `signals.tom[1]` is `--signal`, `roles.residents` is `--resident`
or `--residents`, whichever was typed, `animal` is an `ANIMALS` argument. A parameter whose
store field has another name takes the field's name in Python and shows its own (`ratbond
weigh`'s `WEIGHT` argument is the parameter `grams`). Then, in order:

- the option or argument the user typed for the field names it;
- else an option of the command for that field, left out, names it as the option to give
  (`--rat: name the rat(s) playing the rat role`, `--animal: a sitter needs the animals`);
- else (a prompt's answer, a value in an imported file) the field keeps its own name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from typer.core import TyperCommand

from ratbond.errors import InputError

if TYPE_CHECKING:
    from typer._click import Context, Parameter


class Named:
    """What names each field of a running command: the parameters typed (by each name they
    answer to: the option as typed, the argument as the usage line shows it), and the options
    left out (by their long spelling)."""

    __slots__ = ("given", "left_out")

    def __init__(self, given: dict[str, str], left_out: dict[str, str]) -> None:
        self.given = given
        self.left_out = left_out

    def typed(self, name: str) -> bool:
        """Whether the user typed the parameter answering to `name`."""
        return name in self.given


# While a command runs: what names its fields.
TYPED: ContextVar[Named | None] = ContextVar("ratbond_typed_options", default=None)
_META = "ratbond.typed_options"


class OptionCommand(TyperCommand):
    """A command whose input errors name the options and arguments the user typed."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        ctx.meta[_META] = typed_options(self.params, args)
        refuse_both_ways(self.params, args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Context) -> Any:
        options: dict[str, str] = ctx.meta.get(_META, {})
        token = TYPED.set(named(self.params, options, ctx))
        try:
            return super().invoke(ctx)
        except InputError as error:
            raise as_typed(error) from None
        finally:
            TYPED.reset(token)


def _names(param: Parameter) -> list[str]:
    """Every name `param` answers to: its own, each spelling's without dashes, and each of
    those without a plural's `s` (`roles.residents`, `animal` of `ANIMALS`)."""
    assert param.name is not None
    names = [param.name, *(s.lstrip("-").replace("-", "_") for s in param.opts)]
    names += [*(s.lstrip("-").replace("-", "_") for s in param.secondary_opts)]
    return names + [name.removesuffix("s") for name in names if name.endswith("s")]


def typed_options(params: Iterable[Parameter], args: Sequence[str]) -> dict[str, str]:
    """The options among `params` that `args` give, by every name of each (`_names`), and the
    spelling the user typed (the first one)."""
    tokens = list(args[: args.index("--")] if "--" in args else args)
    typed: dict[str, str] = {}
    for param in params:
        if param.param_type_name != "option" or param.name is None:
            continue
        spellings = [*param.opts, *param.secondary_opts]
        spelling = next(
            (
                spelling
                for token in tokens
                for spelling in spellings
                if token == spelling
                or token.startswith(spelling + "=")
                or (len(spelling) == 2 and spelling[1] != "-" and token.startswith(spelling))
            ),
            None,
        )
        if spelling is not None:
            for name in _names(param):
                typed.setdefault(name, spelling)
    return typed


def refuse_both_ways(params: Iterable[Parameter], args: Sequence[str]) -> None:
    """A flag given both ways (`--supervised --unsupervised`) is a slip, not the last one
    winning unseen: refused, naming both as typed."""
    tokens = list(args[: args.index("--")] if "--" in args else args)
    for param in params:
        if param.param_type_name != "option" or not param.secondary_opts:
            continue
        on = [token for token in tokens if token in param.opts]
        off = [token for token in tokens if token in param.secondary_opts]
        if on and off:
            both = sorted((on[0], off[0]), key=tokens.index)  # as typed
            raise InputError(", ".join(both), "opposite answers; give one of them, not both")


def named(params: Iterable[Parameter], options: dict[str, str], ctx: Context) -> Named:
    """`Named` for a command given `options` (`typed_options`), and the arguments its
    context holds from the command line."""
    from typer._click.core import ParameterSource

    given = dict(options)
    left_out: dict[str, str] = {}
    for param in params:
        if param.name is None or getattr(param, "hidden", False):
            continue
        if param.param_type_name == "argument":
            if ctx.get_parameter_source(param.name) == ParameterSource.COMMANDLINE:
                shown = param.display_name_raw  # type: ignore[attr-defined]
                for name in _names(param):
                    given.setdefault(name, shown)
        elif param.param_type_name == "option" and param.name not in given and param.opts:
            spelling = max(param.opts, key=lambda s: s.startswith("--"))
            for name in _names(param):
                left_out.setdefault(name, spelling)
    return Named(given, left_out)


def asking() -> None:
    """From here on the running command asks for its values (prompts): a field no option
    gave keeps its own name, as no option was left out."""
    current = TYPED.get()
    if current is not None:
        current.left_out = {}


def typed(name: str) -> bool:
    """Whether the running command's user typed the option or argument answering to `name`."""
    current = TYPED.get()
    return current is not None and current.typed(name)


def as_typed(error: InputError, *, left_out: bool = True) -> InputError:
    """`error` named by what the user typed for its field, or (unless not `left_out`: a
    value read from a file, say) by the option to give."""
    current = TYPED.get()
    path = error.path
    if current is None or not path or path.startswith("-"):
        return error
    # `roles.cat[0]`: roles, cat (a list's index says which value; the option is the same).
    fields = path.split("[", 1)[0].split(".")
    for names in (current.given, current.left_out) if left_out else (current.given,):
        for field in fields:
            for name in (field, field.removesuffix("s")):
                if name in names:
                    return InputError(names[name], error.message)
    return error
