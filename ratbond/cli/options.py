"""A mistake in a value the user typed as an option names that option, as it was typed.

The store names a bad value by its field (`date: 2999-01-01 is after today`, `roles.cat[0]:
'pip' is a rat`); on the command line the user typed `--date` or `--cat`, so that is the name
to read. Every command's class is `OptionCommand` (`ratbond.cli.app.build` sets it), which does
this for any `InputError` leaving a command; `ratbond.cli.care.user_errors`, which prints the
care commands' errors itself, calls `as_typed` too.

A field matches an option by its name: `date` is `--date`, `prey_drive` is `--prey-drive`,
`roles.cat[0]` is `--cat`, `signals.tom[1]` is `--signal`, `roles.residents` is `--resident`
or `--residents`, whichever was typed. A field whose option was not typed (a prompt's answer,
a default, a file's value) keeps its own name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from typer.core import TyperCommand

from ratbond.errors import InputError

if TYPE_CHECKING:
    from typer._click import Context, Parameter

# While a command runs: each name its typed options answer to, and the option as typed.
TYPED: ContextVar[dict[str, str] | None] = ContextVar("ratbond_typed_options", default=None)
_META = "ratbond.typed_options"


class OptionCommand(TyperCommand):
    """A command whose input errors name the options the user typed."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        ctx.meta[_META] = typed_options(self.params, args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Context) -> Any:
        token = TYPED.set(ctx.meta.get(_META, {}))
        try:
            return super().invoke(ctx)
        except InputError as error:
            raise as_typed(error) from None
        finally:
            TYPED.reset(token)


def typed_options(params: Iterable[Parameter], args: Sequence[str]) -> dict[str, str]:
    """The options among `params` that `args` give, by every name of each (the parameter's,
    and each spelling's without dashes), and the spelling the user typed (the first one)."""
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
            for name in (param.name, *(s.lstrip("-").replace("-", "_") for s in spellings)):
                typed.setdefault(name, spelling)
    return typed


def as_typed(error: InputError) -> InputError:
    """`error` named by the option the user typed for its field, if they typed one."""
    typed = TYPED.get()
    path = error.path
    if not typed or not path or path.startswith("-"):
        return error
    # `roles.cat[0]`: roles, cat (a list's index says which value; the option is the same).
    for field in path.split("[", 1)[0].split("."):
        for name in (field, field.removesuffix("s")):
            if name in typed:
                return InputError(typed[name], error.message)
    return error
