"""mlis batch on several processes: a file cut at line boundaries, its pieces evaluated by workers,
their output written in input order, byte for byte what one process writes.

The parent reads the file once, counting newlines, to find where each piece
of about PIECE_BYTES begins and on which line; piece i goes to worker
i mod N, which reads it from the file and evaluates it. Each worker has at
most AHEAD pieces queued and one finished piece waiting its turn, so memory
stays flat however long the file is.

Where the output has a file descriptor (stdout redirected or piped), each
worker writes its pieces to it itself, in turn: a shared counter says which
piece is next, so the output crosses one pipe, not two, and the parent only
adds up the tallies. Otherwise (the summary counts records in the parent; an
output without a descriptor) the worker sends its output back and the parent
writes it in order.

Workers ignore Ctrl-C and die on SIGTERM, but not while writing: the signal
waits until the piece is written, so the output ends with a whole record. The
parent alone decides, and on Ctrl-C, SIGTERM, --fail-fast or an error it stops
them before it returns.
"""

from __future__ import annotations

import io
import itertools
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, BinaryIO, TextIO

from mlis_cli.api import BatchEvaluator
from mlis_cli.batch import COLUMNS, BadLine, LineError, Tally, csv_row, read_lines
from mlis_cli.render.formats import StreamFormat, write_records

PIECE_BYTES = 1 << 18
"""About how much of the file one piece holds (256 KiB: some 1,500 profiles, 2 MB of output)."""
AHEAD = 2
"""Pieces handed to each worker before its first is written back."""


@dataclass(frozen=True, slots=True)
class Piece:
    """Lines of the file: from byte `start`, `lines` of them, the first numbered `first_line`."""

    start: int
    size: int
    first_line: int
    lines: int


def pieces(stream: BinaryIO, size: int | None = None) -> Iterator[Piece]:
    """The file from its current position in pieces of about `size` (PIECE_BYTES) bytes, each
    ending after a newline.

    A line is never cut: a piece ends after the last newline of the block it
    reached, so a line longer than a block makes its piece longer.
    """
    size = size or PIECE_BYTES
    start = offset = 0
    first_line = 1
    while block := stream.read(size):
        cut = block.rfind(b"\n")
        if cut >= 0:
            end = offset + cut + 1
            count = block.count(b"\n")  # every newline of the piece: earlier blocks had none
            yield Piece(start, end - start, first_line, count)
            first_line += count
            start = end
        offset += len(block)
    if offset > start:  # the last line, without its newline
        yield Piece(start, offset - start, first_line, 1)


def job_count(asked: int, size: int) -> int:
    """The processes to share a file of `size` bytes when --jobs asks for `asked`: 0 means one for
    each core this process may run on; never more than there are pieces, so a small file has one."""
    if asked > 0:
        cores = asked
    elif hasattr(os, "sched_getaffinity"):
        cores = max(len(os.sched_getaffinity(0)), 1)
    else:
        cores = os.cpu_count() or 1
    return min(cores, -(-size // PIECE_BYTES))


class WorkerLost(RuntimeError):
    """A worker ended without sending back its piece (killed, or out of memory)."""


Result = tuple[str, Tally, tuple[int, str, str, str | None] | None, str | None, tuple[int, str] | None]
"""A piece's output (empty when the worker wrote it), its tally, the bad line that stopped it
(--fail-fast), a worker's own failure, and the error (errno, reason) writing the output gave."""

STOPPED = -1
"""The turn once a piece has ended the run: no later piece is written."""


class Turn:
    """Whose output is written next, shared by the workers: piece numbers in input order."""

    def __init__(self, context: Any) -> None:
        self.condition = context.Condition()
        self.next = context.RawValue("q", 0)

    def write(self, index: int, text: str, out: TextIO, ends: bool) -> tuple[int, str] | None:
        """Write piece `index` once every earlier piece is written, unless the run has ended;
        ends: no later piece may be written after this one. The write error, if any."""
        encoding, errors = out.encoding, out.errors or "strict"
        data = memoryview(text.encode(encoding, errors))
        try:
            with self.condition:
                self.condition.wait_for(lambda: self.next.value in (index, STOPPED))
                if self.next.value == STOPPED:
                    return None
                failed = None
                # SIGTERM waits until the piece is written: the output ends with a whole record
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
                try:
                    descriptor = out.fileno()
                    while data:
                        data = data[os.write(descriptor, data) :]
                except OSError as error:
                    failed = (error.errno or 0, error.strerror or str(error))
                self.next.value = STOPPED if ends or failed else index + 1
                self.condition.notify_all()
        finally:  # after the lock is let go, so a worker stopped here holds no lock
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        return failed


def has_descriptor(out: Any) -> bool:
    """Whether workers can write to `out` themselves: a stream on a file descriptor."""
    try:
        out.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return isinstance(getattr(out, "encoding", None), str)


def evaluate_piece(
    evaluator: BatchEvaluator, stream: BinaryIO, piece: Piece, csv: bool, summary: bool = False
) -> Result:
    """The output of one piece, exactly as one process writes those lines (CSV without its header);
    for a summary, the records with their barriers, as JSON Lines, for the parent to count."""
    stream.seek(piece.start)
    texts = (text for _number, text in itertools.islice(read_lines(stream), piece.lines))
    out = io.StringIO()
    stop = None
    try:
        if summary:
            out.writelines(evaluator.summary_lines(texts, piece.first_line))
        elif csv:
            write_records(
                map(csv_row, evaluator.records(texts, piece.first_line)), StreamFormat.CSV, COLUMNS, out
            )
        else:
            out.writelines(evaluator.json_lines(texts, piece.first_line))
    except BadLine as bad:
        stop = (bad.line, bad.error.code, bad.error.message, bad.error.hint)
    text = out.getvalue()
    if csv:
        text = text.partition("\n")[2]  # the header: the parent writes it once
    return text, evaluator.take_tally(), stop, None, None


def work(
    connection: Any,
    evaluator: BatchEvaluator,
    source: str,
    csv: bool,
    summary: bool = False,
    turn: Turn | None = None,
) -> None:
    """A worker: pieces in, their results out, until told to stop (None). With a turn, the worker
    writes each piece's output to stdout itself, in input order, and sends back the rest."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    evaluator.take_tally()
    with open(source, "rb") as stream:
        while (job := connection.recv()) is not None:
            index, piece = job
            try:
                result = evaluate_piece(evaluator, stream, piece, csv, summary)
            except Exception as error:  # a bug: the parent reports it as its own
                result = ("", Tally(), None, f"{type(error).__name__}: {error}", None)
            if turn is not None:
                text, tally, stop, failure, _ = result
                ends = stop is not None or failure is not None
                written = turn.write(index, text, sys.stdout, ends)
                result = ("", tally, stop, failure, written)
            connection.send(result)


class Jobs:
    """Worker processes for one run of mlis batch over a file; a context manager that stops them."""

    def __init__(
        self, evaluator: BatchEvaluator, source: str, count: int, *, csv: bool, summary: bool = False
    ) -> None:
        """summary: the workers send back records to count (api.BatchEvaluator.summary_lines).

        Otherwise, where stdout has a file descriptor and workers are forked (Linux), they
        write the output themselves (Turn); elsewhere they send it back."""
        self.csv = csv and not summary
        # fork shares the loaded rules with the workers at no cost; where fork is not
        # safe (macOS) or not there (Windows), each worker gets the evaluator pickled
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        context: Any = multiprocessing.get_context(method)
        direct = method == "fork" and not summary and has_descriptor(sys.stdout)
        self.turn = Turn(context) if direct else None
        self.workers: list[tuple[Any, Any]] = []
        sys.stdout.flush()  # a forked worker must not inherit output waiting in a buffer
        for _ in range(count):
            here, there = context.Pipe()
            process = context.Process(
                target=work, args=(there, evaluator, source, self.csv, summary, self.turn), daemon=True
            )
            process.start()
            there.close()
            self.workers.append((process, here))

    def __enter__(self) -> Jobs:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def stop(self) -> None:
        for process, connection in self.workers:
            if process.is_alive():
                process.terminate()
            process.join()
            connection.close()
        self.workers = []

    def run(self, stream: BinaryIO, out: TextIO, advance: Callable[[int], None]) -> Tally:
        """Write the output of every line of stream, in order; the lines' tally. BadLine with --fail-fast."""
        total = Tally()
        if self.csv:
            write_records([], StreamFormat.CSV, COLUMNS, out)
        out.flush()  # the header before any worker writes
        plan = enumerate(pieces(stream))
        queued: deque[tuple[int, Piece]] = deque()

        def hand_on() -> None:
            for index, piece in itertools.islice(plan, 1):
                worker = index % len(self.workers)
                self.workers[worker][1].send((index, piece))
                queued.append((worker, piece))

        for _ in range(AHEAD * len(self.workers)):
            hand_on()
        while queued:
            worker, piece = queued.popleft()
            out.flush()  # what is written is there for the reader while a worker is waited for
            text, tally, stop, failure, written = self._receive(worker)
            hand_on()
            if text:
                out.write(text)
            advance(piece.size)
            total.add(tally)
            if written is not None:
                number, reason = written
                raise OSError(number, reason)  # as if this process had written: EPIPE ends quietly
            if failure is not None:
                raise RuntimeError(f"in a batch worker: {failure}")
            if stop is not None:
                line, code, message, hint = stop
                raise BadLine(line, LineError(code, message, hint))
        for _process, connection in self.workers:
            connection.send(None)
        return total

    def _receive(self, worker: int) -> Result:
        process, connection = self.workers[worker]
        try:
            result: Result = connection.recv()
        except EOFError:
            raise WorkerLost(
                f"a batch worker ended without finishing its part (exit {process.exitcode})"
            ) from None
        return result
