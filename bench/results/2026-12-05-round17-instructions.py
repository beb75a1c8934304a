#!/usr/bin/env python3
"""How many instructions Redis executes for a recorded run's calls, per variant of the library (seventeenth round,
2026-12-05-2-cores-round17.txt). Counted by valgrind's callgrind, so the same calls give the same count to 0.2 %,
where Redis's CPU time over a replay (2026-12-05-round15-replay.sh) spread 365 to 565 us a saga on this host.
Instructions miss what memory costs (a cache miss is one instruction): a change that saves commands on large keys
may save more time than it shows here, never less.

DIR is what 2026-12-05-round15-replay.py resp made from a recording (calls.resp, setup-base.resp). Then:

    python3 THIS_FILE prefix DIR 20000                 # DIR/calls-20000.resp: the first 20,000 calls (80 s each below)
    python3 THIS_FILE variant DIR NAME LUA_DIR         # DIR/setup-NAME.resp: the library with LUA_DIR's common.lua and
                                                       # rules.lua in place of the recorded ones (same script bodies)
    python3 THIS_FILE count DIR 20000 PORT base NAME   # instructions of each variant over those calls

A variant must keep the scripts' arguments and replies as the recording made them: it is the same calls replayed.
'variant' needs the recorded common.lua and rules.lua: git show REV:brokkr-runtime/src/main/resources/io/brokkr/
runtime/internal/redis/common.lua > DIR/recorded-common.lua (and rules.lua), REV the runtime that was recorded.
Two variants may be counted at once on two cores (each one core), on different ports.
REDIS_SERVER names the server to run (default redis-server): one built with symbols lets callgrind_annotate split the
count by C function (2026-12-05-round26-redis-symbols.sh builds one from Debian's source; twenty-sixth round).
"""
import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path


def commands(data):
    """The RESP arrays of data, as lists of bytes."""
    i = 0
    while i < len(data):
        j = data.index(b'\r\n', i)
        n, i, args = int(data[i + 1:j]), j + 2, []
        for _ in range(n):
            j = data.index(b'\r\n', i)
            length, i = int(data[i + 1:j]), j + 2
            args.append(data[i:i + length])
            i += length + 2
        yield args


def resp(args):
    return b'*%d\r\n' % len(args) + b''.join(b'$%d\r\n%s\r\n' % (len(a), a) for a in args)


def prefix(d, count):
    out = []
    for args in commands((d / 'calls.resp').read_bytes()):
        if len(out) == count:
            break
        out.append(resp(args))
    (d / f'calls-{count}.resp').write_bytes(b''.join(out))


def variant(d, name, lua_dir):
    out = []
    for args in commands((d / 'setup-base.resp').read_bytes()):
        if args[0].upper() == b'FUNCTION':
            library = args[-1]
            for file in ('common.lua', 'rules.lua'):
                old, new = (d / f'recorded-{file}').read_bytes(), (lua_dir / file).read_bytes()
                if old not in library:
                    sys.exit(f'the recorded library does not hold {d}/recorded-{file}')
                library = library.replace(old, new)
            args = args[:-1] + [library]
        out.append(resp(args))
    (d / f'setup-{name}.resp').write_bytes(b''.join(out))


def cli(port, *args, stdin=None):
    with open(stdin, 'rb') if stdin else contextlib.nullcontext(subprocess.DEVNULL) as source:
        return subprocess.run(['redis-cli', '-p', str(port), *args], stdin=source, capture_output=True,
                              check=False).stdout.decode().strip()


@contextlib.contextmanager
def under_callgrind(out, port):
    """A fresh redis-server on port under callgrind, writing its counts to out; shut down after."""
    for old in out.parent.glob(out.name + '*'):
        old.unlink()
    server = subprocess.Popen(['valgrind', '--tool=callgrind', f'--callgrind-out-file={out}',
                               os.environ.get('REDIS_SERVER', 'redis-server'),
                               '--port', str(port), '--save', '', '--appendonly', 'no'],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while cli(port, 'ping') != 'PONG':
            time.sleep(0.5)
        yield server
        cli(port, 'shutdown', 'nosave')
    finally:
        if server.poll() is None and cli(port, 'ping') != 'PONG':
            server.terminate()
        server.wait()


def counted(server, port, calls):
    """Replays calls (a .resp file) counting only them; the last line redis-cli printed."""
    subprocess.run(['callgrind_control', '-z', str(server.pid)], capture_output=True, check=True)
    outcome = cli(port, '--pipe', stdin=calls).splitlines()[-1]
    subprocess.run(['callgrind_control', '-d', str(server.pid)], capture_output=True, check=True)
    return outcome


def total(out):
    """The instructions callgrind counted between its zeroing and its dump."""
    dump = out.with_name(out.name + '.1')
    return int(next(line for line in dump.read_text().splitlines() if line.startswith(('summary:', 'totals:'))).split()[1])


def count(d, calls, port, names):
    for name in names:
        out = d / f'callgrind-{name}.out'
        with under_callgrind(out, port) as server:
            cli(port, '--pipe', stdin=d / f'setup-{name}.resp')
            outcome = counted(server, port, d / f'calls-{calls}.resp')
        instructions = total(out)
        print(f'{name} {instructions:,} instructions, {instructions // calls:,} a call ({outcome})', flush=True)


if __name__ == '__main__':
    command, rest = sys.argv[1:2], sys.argv[2:]
    if command == ['prefix'] and len(rest) == 2:
        prefix(Path(rest[0]), int(rest[1]))
    elif command == ['variant'] and len(rest) == 3:
        variant(Path(rest[0]), rest[1], Path(rest[2]))
    elif command == ['count'] and len(rest) >= 4:
        count(Path(rest[0]), int(rest[1]), int(rest[2]), rest[3:])
    else:
        sys.exit(__doc__)
