#!/usr/bin/env python3
"""Where Redis's time goes inside Brokkr's scripts, line by line (forty-fifth round, 2026-12-07-2-cores-round45.txt).
callgrind splits Redis's instructions by C function only: the rules' Lua is all luaV_execute. Here a Redis built with
2026-12-07-round45-lua-lines.patch (a line hook in luaCallFunction that reads the CPU's time-stamp counter at every
line a script runs, and at every return from a Lua function so that the rest of the caller's line is the caller's)
replays a recorded run's calls and writes, at its shutdown, each line's hits and cycles: a line's cycles are its own
Lua, the commands it calls (redis.call, their way in and out), cjson, and the collector's steps its allocations pay
for. Buckets 0 to 2 are a line out of range, a call's entry (its KEYS and ARGV tables) and Redis's collector step
every 50 calls with the reply's conversion; bucket 3 + N is the library's line N. The hook takes the place of Redis's
busy-script check (a count hook): a measuring build only, never a server to keep.

    bash 2026-12-05-round26-redis-symbols.sh OUT 2026-12-07-round45-lua-lines.patch   # OUT/redis-server, profiling
    python3 2026-12-07-round44-peers-instructions.py resp mon.txt DIR create_start 10000  # a recording, split
    python3 THIS_FILE library mon.txt DIR                  # DIR/library.lua: the Functions library as loaded
    REDIS_SERVER=OUT/redis-server python3 THIS_FILE replay DIR PORT   # DIR/lines.txt; prints FCALL's µs a call
    REDIS_SERVER=redis-server python3 THIS_FILE replay DIR PORT       # the same calls unprofiled: FCALL's µs
    python3 THIS_FILE report DIR OVERHEAD [TOP]            # by kind of line, by function, by line

The replay runs DIR/warm.resp, then resets the counts (SIGUSR2) and runs DIR/calls.resp, the sagas of
DIR/sagas.txt. OVERHEAD is what the hook costs a hit, in cycles, taken off every line's: (FCALL's µs a call
profiled - unprofiled) x calls x cycles a µs / hits; report prints the hits. Cycles are the time-stamp counter's,
so the host's moment moves them; the shares are what this round reads.
"""
import collections
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

# The forty-fourth round's script, and through it the fifteenth's MONITOR parser and the seventeenth's helpers.
_PEERS_SPEC = importlib.util.spec_from_file_location(
    'peers', Path(__file__).resolve().parent / '2026-12-07-round44-peers-instructions.py')
PEERS = importlib.util.module_from_spec(_PEERS_SPEC)
_PEERS_SPEC.loader.exec_module(PEERS)
REPLAY, INSTRUCTIONS = PEERS.REPLAY, PEERS.INSTRUCTIONS
FIRST_LINE = 3  # the bucket of the library's line 1 (the patch's buckets 0 to 2 come first)
BUCKETS = {0: 'a line out of range', 1: "a call's entry (its KEYS and ARGV)", 2: "the collector's step, the reply"}


def library(monitor, d):
    for args in REPLAY.client_commands(monitor):
        if args[0].upper() == b'FUNCTION' and args[1].upper() == b'LOAD':
            (Path(d) / 'library.lua').write_bytes(args[-1])
            return
    sys.exit('the recording loads no Functions library')


def profiling(server):
    """Whether the redis-server binary is the patched one (it names the profile's variable)."""
    return b'LUA_PROFILE_OUT' in Path(shutil.which(server) or server).read_bytes()


def replay(d, port):
    """Replays DIR's calls into a fresh REDIS_SERVER on port; the profile (if the build makes one) in DIR/lines.txt."""
    d = Path(d).resolve()
    profile, pid = d / 'lines.txt', d / f'{port}.pid'
    server = os.environ.get('REDIS_SERVER', 'redis-server')
    profiled = profiling(server)
    if profiled:
        profile.unlink(missing_ok=True)
    subprocess.run([server, '--port', str(port), '--save', '',
                    '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', str(pid)],
                   env={**os.environ, 'LUA_PROFILE_OUT': str(profile)}, check=True)
    deadline = time.monotonic() + 10
    while INSTRUCTIONS.cli(port, 'ping') != 'PONG':
        if time.monotonic() > deadline:
            sys.exit(f'no redis-server answered on port {port}')
        time.sleep(0.1)
    channels, shards = ((d / file).read_text().split() for file in ('channels.txt', 'shards.txt'))
    listeners = []
    try:
        INSTRUCTIONS.cli(port, '--pipe', stdin=d / 'warm.resp')
        listeners = [PEERS.subscriber(port, 'subscribe', channels), PEERS.subscriber(port, 'ssubscribe', shards)]
        PEERS.await_subscribed(port, channels, shards)
        if profiled:
            os.kill(int(pid.read_text()), signal.SIGUSR2)  # counts from the next call on (a stock server would stop)
        INSTRUCTIONS.cli(port, 'config', 'resetstat')
        INSTRUCTIONS.cli(port, '--pipe', stdin=d / 'calls.resp')
        print('FCALL', INSTRUCTIONS.cli(port, 'info', 'commandstats').split('cmdstat_fcall:')[1].split()[0])
    finally:
        INSTRUCTIONS.cli(port, 'shutdown', 'nosave')
        for listener in listeners:
            if listener:
                listener.kill()


def report(d, overhead, top=40):
    d = Path(d)
    lines = (d / 'library.lua').read_text(encoding='latin-1').split('\n')
    sagas = int((d / 'sagas.txt').read_text())
    hits, net = {}, {}
    for row in (d / 'lines.txt').read_text().split('\n'):
        if row:
            bucket, hit, cycles = map(int, row.split())
            hits[bucket], net[bucket] = hit, max(0.0, cycles - hit * overhead)
    total = sum(net.values())
    print(f'{total / sagas:,.0f} cycles a saga, {sum(hits.values()) / sagas:,.0f} hits a saga '
          f'(less {overhead:g} cycles a hit)')

    def text(bucket):
        return lines[bucket - FIRST_LINE - 1] if bucket >= FIRST_LINE else BUCKETS[bucket]

    def share(cycles):
        return f'{100 * cycles / total:5.1f} % {cycles / sagas:9,.0f}'

    kinds = collections.Counter()
    for bucket, cycles in net.items():
        line = text(bucket)
        codec = 'cjson' in line or 'cmsgpack' in line
        if bucket < FIRST_LINE:
            kinds['outside the lines (entry, collector step, reply)'] += cycles
        elif 'redis.call' in line:
            kinds['lines that run a command' + (' and a codec' if codec else '')] += cycles
        elif codec:
            kinds['lines that encode or decode (cjson, cmsgpack)'] += cycles
        elif re.search(r'string\.(format|match|gmatch|sub)', line):
            kinds['lines of string functions'] += cycles
        else:
            kinds['the rest: the rules and their tables'] += cycles
    print('\nby kind of line (share, cycles a saga):')
    for kind, cycles in kinds.most_common():
        print(f'{share(cycles)}  {kind}')

    owner, current = {}, '(top level)'
    for number, line in enumerate(lines, start=1):
        found = re.match(r"local function (\w+)\(", line) or re.match(r"redis\.register_function\('(\w+)'", line)
        if found:
            current = found.group(1)
        owner[number + FIRST_LINE] = current
    functions = collections.Counter()
    for bucket, cycles in net.items():
        functions[owner.get(bucket, BUCKETS.get(bucket))] += cycles
    print('\nby function (its own lines):')
    for function, cycles in functions.most_common(top // 2):
        print(f'{share(cycles)}  {function}')
    print('\nby line (share, cycles a saga, hits a saga, line):')
    for bucket, cycles in sorted(net.items(), key=lambda item: -item[1])[:top]:
        number = bucket - FIRST_LINE
        print(f'{share(cycles)} {hits[bucket] / sagas:6.2f}  {number if number > 0 else "":>5} {text(bucket).strip()[:88]}')


if __name__ == '__main__':
    command, rest = sys.argv[1:2], sys.argv[2:]
    if command == ['library'] and len(rest) == 2:
        library(rest[0], rest[1])
    elif command == ['replay'] and len(rest) == 2:
        replay(rest[0], int(rest[1]))
    elif command == ['report'] and len(rest) in (2, 3):
        report(rest[0], float(rest[1]), *[int(n) for n in rest[2:]])
    else:
        sys.exit(__doc__)
