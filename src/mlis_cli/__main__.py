"""Entry point: run the CLI and turn every way it can end into one line and an exit code.

- a user error (MlisError, a bad option): one line on stderr, JSON when the
  command line asks for JSON or JSONL, and its exit code;
- Ctrl-C: one line on stderr, exit 130; SIGTERM the same way, exit 143: both
  stop between two records, and the records written so far are whole;
- the reader of stdout went away (`mlis ... | head`): nothing more is written,
  nothing is said, exit 0;
- the output cannot be written (stdout closed, /dev/full, a full disk): one
  line on stderr when stderr can take it, exit 74.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import traceback
from collections.abc import Sequence

from mlis_cli.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_IO,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_USAGE,
    MlisError,
)

BUG_REPORT = "this is a bug in mlis; please report it to the mlis maintainers with the command you ran"
TRACEBACK_FRAMES = 5
COMPLETION_VARIABLE = "_MLIS_COMPLETE"
JSON_FORMATS = ("json", "jsonl")
STREAMING_COMMANDS = ("batch",)
"""Commands whose output is JSONL unless --format says otherwise."""
COLLECT_EVERY = 100_000
"""How many more container objects than freed ones before the cyclic collector runs (Python's
default is 700). Start-up (Typer, pydantic, the rules) makes some 35,000 and keeps nearly all of
them: at 700 the collector ran about 90 times during one check and freed next to nothing, some
12 ms of it. Reference counting still frees everything else at once, and a batch of a million
lines is still collected, every 100,000 objects rather than every 700."""


def wants_json(argv: Sequence[str]) -> bool:
    """Whether errors should be JSON: the output asked for (or a streaming command's default) is JSON."""
    fmt = "jsonl" if argv and argv[0] in STREAMING_COMMANDS else "text"
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--json":
            return True
        if arg.startswith(("--format=", "--summary=")):
            fmt = arg.partition("=")[2]
        elif arg.startswith("-f") and len(arg) > 2 and not arg.startswith("--"):
            fmt = arg[2:]
        elif arg in ("--format", "-f", "--summary") and index + 1 < len(argv):
            fmt = argv[index + 1]
    return fmt.lower() in JSON_FORMATS


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Python checks for signals, so it stops mlis the way Ctrl-C does."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def say(line: str) -> None:
    """One line on stderr; when nobody is left to read it (closed, full), nothing."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def report_error(code: str, message: str, hint: str | None, as_json: bool) -> None:
    """The error as one line; what the person gave, quoted in it, shows its hidden characters
    and look-alike letters escaped (model/visible.py), so `-c f\u0456` shows why it is refused."""
    from mlis_cli.model.visible import json_visible, look_alikes_shown

    if as_json:
        import json  # only here: --version and --help do without it

        error = {"error": {"code": code, "message": message, "hint": hint}}
        say(json_visible(json.dumps(error, ensure_ascii=False)))
    else:
        say(look_alikes_shown(f"mlis: error: {message}" + (f" ({hint})" if hint else "")))


def report_interrupted(as_json: bool, terminated: bool = False) -> int:
    word = "terminated" if terminated else "interrupted"
    if as_json:
        report_error(word, word, None, as_json)
    else:
        say(f"mlis: {word}")
    return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED


def report_io_error(error: OSError, as_json: bool) -> int:
    """The output (or a file) could not be written or read: its own exit code, never a bug's."""
    reason = error.strerror or type(error).__name__
    where = f" ({error.filename})" if error.filename else ""
    report_error("io", f"input/output error: {reason}{where}", None, as_json)
    silence_stdout()  # what is still buffered would fail again at exit
    return EXIT_IO


def silence_stdout() -> None:
    """Point stdout at the null device, so that flushing what is left at exit cannot fail again.

    The recipe from the Python documentation on SIGPIPE.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout has no descriptor (captured in tests): nothing will be flushed to a pipe


def _use_mlis_completion_scripts() -> None:
    """After Typer has put its completion scripts in place, which fail in bash and zsh."""
    from mlis_cli.commands.completion_shells import register

    register()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = wants_json(args)
    if sys.stderr is None:  # started with stderr closed: messages go nowhere, exit codes stay
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
    if sys.stdout is None:
        report_error("io", "cannot write the output: stdout is closed", None, as_json)
        return EXIT_IO
    from mlis_cli.render.encoding import escape_what_cannot_be_encoded

    escape_what_cannot_be_encoded(sys.stdout, json=as_json)
    escape_what_cannot_be_encoded(sys.stderr, json=as_json)
    with contextlib.suppress(ValueError):  # not the main thread (tests): SIGTERM keeps its default
        signal.signal(signal.SIGTERM, _terminate)
    try:
        import typer

        from mlis_cli.cli import build

        command = typer.main.get_command(build())
        if os.environ.get(COMPLETION_VARIABLE):
            # The shell asks for completions: Typer answers them and exits (SystemExit).
            _use_mlis_completion_scripts()
            command.main(args=args, prog_name="mlis")
        if "--show-completion" in args or "--install-completion" in args:
            _use_mlis_completion_scripts()
        try:
            # make_context and invoke rather than main(): Typer's main() would turn Ctrl-C
            # and a closed pipe into exit codes of its own, silently or with a message.
            with command.make_context("mlis", args) as context:
                command.invoke(context)
            return EXIT_OK
        except MlisError as error:
            report_error(error.code, error.message, error.hint, as_json)
            return error.exit_code
        except typer.TyperException as error:
            # Typer's own parsing errors: unknown option, bad value, missing argument.
            error_context = getattr(error, "ctx", None)
            if type(error).__name__ == "NoArgsIsHelpError" and error_context is not None:
                sys.stdout.write(error_context.get_help() + "\n")
                return EXIT_OK
            path = error_context.command_path if error_context is not None else "mlis"
            from mlis_cli.commands.bad_values import bad_value_message

            message = bad_value_message(error) or error.format_message()
            report_error("usage", message, f"try '{path} --help'", as_json)
            return EXIT_USAGE
        except typer.Exit as error:
            return error.exit_code
        except typer.Abort as error:
            cause = error.__context__
            return report_interrupted(as_json, isinstance(cause, Terminated))
    except KeyboardInterrupt as error:
        return report_interrupted(as_json, isinstance(error, Terminated))
    except BrokenPipeError:
        silence_stdout()
        return EXIT_OK
    except OSError as error:
        return report_io_error(error, as_json)
    except Exception as error:
        report_bug(error, as_json)
        return EXIT_INTERNAL


def report_bug(error: Exception, as_json: bool) -> None:
    """The last resort: what went wrong and where, briefly, and whom to tell.

    Only the innermost frames are shown, and never their local variables:
    they may hold a person's profile.
    """
    summary = (str(error).splitlines() or [""])[0][:200]
    message = f"internal error: {type(error).__name__}" + (f": {summary}" if summary else "")
    if not as_json:
        frames = traceback.format_tb(error.__traceback__, limit=-TRACEBACK_FRAMES)
        say("Traceback (most recent call last):\n" + "".join(frames).rstrip("\n"))
    report_error("internal", message, BUG_REPORT, as_json)


def run() -> None:
    gc.set_threshold(COLLECT_EVERY)
    try:
        sys.exit(flushed(main()))
    finally:
        # Everything still alive goes with the process. Frozen, it is left out of the collections
        # Python runs as it shuts down, which would otherwise take apart every module, class and
        # rule one by one (some 35 ms of a check). The files mlis writes are closed by
        # then, stdout is still flushed and atexit handlers still run. In a finally: a Tab
        # press ends inside main() (Typer's completion exits).
        gc.freeze()


def flushed(code: int) -> int:
    """The exit code once what is left of the output is written."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    except KeyboardInterrupt as error:
        return report_interrupted(wants_json(sys.argv[1:]), isinstance(error, Terminated))
    except OSError as error:
        return report_io_error(error, wants_json(sys.argv[1:]))
    return code


if __name__ == "__main__":
    run()
