"""Entry point: run the CLI and turn every way it can end into one line and an exit code."""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Sequence

from mlis_cli.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, MlisError

BUG_REPORT = "this is a bug in mlis; please report it with the command you ran"
TRACEBACK_FRAMES = 5


def wants_json(argv: Sequence[str]) -> bool:
    """Whether errors should be JSON: the command line asks for JSON output."""
    for index, arg in enumerate(argv):
        if arg == "--json" or arg in ("--format=json", "-fjson"):
            return True
        if arg in ("--format", "-f") and index + 1 < len(argv) and argv[index + 1] == "json":
            return True
    return False


def report_error(code: str, message: str, hint: str | None, as_json: bool) -> None:
    if as_json:
        sys.stderr.write(json.dumps({"error": {"code": code, "message": message, "hint": hint}}))
        sys.stderr.write("\n")
    else:
        sys.stderr.write(f"mlis: error: {message}" + (f" ({hint})" if hint else "") + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = wants_json(args)
    import typer

    from mlis_cli.cli import app

    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="mlis", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except MlisError as error:
        report_error(error.code, error.message, error.hint, as_json)
        return error.exit_code
    except typer.TyperException as error:
        # Typer's own parsing errors: unknown option, bad value, missing argument.
        context = getattr(error, "ctx", None)
        if type(error).__name__ == "NoArgsIsHelpError" and context is not None:
            sys.stdout.write(context.get_help() + "\n")
            return 0
        path = context.command_path if context is not None else "mlis"
        report_error("usage", error.format_message(), f"try '{path} --help'", as_json)
        return EXIT_USAGE
    except typer.Exit as error:
        return error.exit_code
    except (KeyboardInterrupt, typer.Abort):
        report_error("interrupted", "interrupted", None, as_json)
        return EXIT_INTERRUPTED
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
        sys.stderr.write("Traceback (most recent call last):\n" + "".join(frames))
    report_error("internal", message, BUG_REPORT, as_json)


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
