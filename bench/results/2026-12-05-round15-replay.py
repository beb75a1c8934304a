#!/usr/bin/env python3
"""What Redis spends on a hammer-throughput run's own calls, replayed without the run around them (fifteenth round,
2026-12-05-2-cores-round15.txt).

Record a run's calls on a redis-server of its own, with MONITOR (it slows the run; the order is all that is kept):

    redis-server --port 7779 --save "" --appendonly no --daemonize yes --pidfile /tmp/7779.pid
    redis-cli -p 7779 monitor > mon.txt &
    java ... io.brokkr.bench.BenchMain --peers redis --scenarios hammer-throughput --runs 1 --warmup 0 \\
        --warmup-seconds 0 --sagas 10000 --redis-url redis://127.0.0.1:7779
    kill %1

Then:

    python3 THIS_FILE resp mon.txt DIR    # DIR/calls.resp, DIR/subs.txt, DIR/setup-<variant>.resp
    python3 THIS_FILE lean mon.txt DIR    # DIR/calls-lean.resp, -leanstate and -leanreads and their setup (below)
    python3 THIS_FILE kinds mon.txt       # the calls by kind, and the commands each ran
    python3 THIS_FILE kinds mon.txt PORT  # also the time of each kind, from the SLOWLOG of a redis-server on PORT
                                          # started with --slowlog-log-slower-than 8 --slowlog-max-len 200000
                                          # into which setup-base.resp and calls.resp were replayed
    bash 2026-12-05-round15-replay.sh DIR ROUNDS base nohist ...   # Redis CPU per saga of each variant

calls.resp is the clients' FCALLs and EVALSHAs in the order Redis ran them; replayed into a fresh redis-server by
one pipelined client, they make the same sagas go through the same transitions (the replies are not read). A
setup-<variant>.resp loads the run's scripts and its Functions library, patched for the variant: base as it was,
one feature left out (nohist, noindex, noreply, nopub, all four: all), or the same feature kept a cheaper way
(histhash: the history as fields of the saga's hash; replybucket: the kept replies in one hash a partition;
replyhash: the kept replies as fields of the saga's hash, kept as long as the saga;
index1: one sorted set per status and name instead of one per status and one per name). A cheaper way is a
measure of its writes only: nothing here reads it back, and a real one would need its readers changed.

lean is the floor of a design in which the node decides each transition and Redis only applies it: each recorded
call becomes one call of a function that reads the saga's version (HGET seq) and runs the very writes the call made
(as MONITOR shows the script's commands: every feature's included, every text made beforehand, none of the reads).
leanstate is the same without the four features' writes (history, index, kept reply, PUBLISH): the saga's state alone.
leanreads runs every command the script ran, its reads too, in the same order: the scripts' commands without their logic.
"""
import collections
import re
import sys
from pathlib import Path

ESCAPES = {'n': b'\n', 'r': b'\r', 't': b'\t', 'b': b'\b', 'a': b'\a', '"': b'"', '\\': b'\\'}


def arguments(line):
    """A MONITOR line's command and arguments, unquoted."""
    i, n, out = line.index('] ') + 2, len(line), []
    while i < n:
        if line[i] == ' ':
            i += 1
            continue
        i += 1  # the opening quote
        buf = bytearray()
        while line[i] != '"':
            if line[i] == '\\':
                if line[i + 1] == 'x':
                    buf.append(int(line[i + 2:i + 4], 16))
                    i += 4
                else:
                    buf += ESCAPES[line[i + 1]]
                    i += 2
            else:
                buf += line[i].encode('latin-1')
                i += 1
        out.append(bytes(buf))
        i += 1
    return out


def client_commands(monitor):
    """The commands clients sent (not those scripts ran), in order."""
    with open(monitor, encoding='latin-1') as f:
        for line in f:
            if '[0 lua]' not in line and '] "' in line:
                yield arguments(line.rstrip('\n'))


def resp(args):
    return b'*%d\r\n' % len(args) + b''.join(b'$%d\r\n%s\r\n' % (len(a), a) for a in args)


def on(function_header, *body):
    """Lines added at the start of a function of common.lua."""
    return [(function_header, function_header + b''.join(body))]


VARIANTS = {
    'base': [],
    'nohist': on(b"local function write_history(now)\n", b"  do return end\n"),
    'noindex': on(b"local function index_saga(now)\n", b"  do return end\n"),
    'noreply': [(b"  local request = REQUEST\n", b"  REQUEST = nil\n  local request = nil\n")],
    'nopub': on(b"local function publish(message)\n", b"  do return end\n"),
}
VARIANTS['all'] = [p for name in ('nohist', 'noindex', 'noreply', 'nopub') for p in VARIANTS[name]]
VARIANTS['histhash'] = [
    (b"  local length\n  for i = 1, #encoded, CHUNK do\n",
     b"  local written = {}\n"
     b"  for i, e in ipairs(encoded) do\n"
     b"    written[#written + 1] = 'h:' .. int(saga.seq) .. '.' .. i\n"
     b"    written[#written + 1] = e\n"
     b"  end\n"
     b"  redis.call('HSET', SAGA, unpack(written))\n"
     b"  do return end\n"
     b"  local length\n  for i = 1, #encoded, CHUNK do\n"),
    (b"redis.call('PEXPIRE', HISTORY, RETENTION)", b"local _ = 0"),
    (b"redis.call('PERSIST', HISTORY)", b"local _ = 0"),
]
BUCKET = b"string.sub(%s, 1, string.find(%s, ':rq:', 1, true)) .. 'rqb'"
VARIANTS['replybucket'] = [
    (b"redis.call('SET', REQUEST, cmsgpack.pack(reply), 'PX', REQUEST_TTL_MS)",
     b"local bucket = " + BUCKET % (b"REQUEST", b"REQUEST") + b"\n"
     b"    redis.call('HSET', bucket, REQUEST, cmsgpack.pack(reply))\n"
     b"    redis.call('PEXPIRE', bucket, REQUEST_TTL_MS, 'NX')"),
    (b"local seen = redis.call('GET', request)",
     b"local seen = redis.call('HGET', " + BUCKET % (b"request", b"request") + b", request)"),
]
VARIANTS['replyhash'] = [
    (b"redis.call('SET', REQUEST, cmsgpack.pack(reply), 'PX', REQUEST_TTL_MS)",
     b"redis.call('HSET', SAGA, 'q:' .. REQUEST, cmsgpack.pack(reply))"),
    (b"local seen = redis.call('GET', request)", b"local seen = redis.call('HGET', SAGA, 'q:' .. request)"),
]
VARIANTS['index1'] = [
    (b"local function index_saga(now)\n",
     b"local function index_saga(now)\n"
     b"  local name = saga.name or loaded.name or '-'\n"
     b"  if loaded.status and loaded.status ~= saga.status then\n"
     b"    redis.call('ZREM', INDEX .. ':' .. loaded.status .. ':' .. name, SAGA_ID)\n"
     b"  end\n"
     b"  redis.call('ZADD', INDEX .. ':' .. saga.status .. ':' .. name, now, SAGA_ID)\n"
     b"  if not loaded.status and name ~= '-' then\n"
     b"    redis.call('HSET', INDEX .. ':names', SAGA_ID, name)\n"
     b"  end\n"
     b"end\n"
     b"local function index_saga_replaced(now)\n"),
]


def write_resp(monitor, out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    loads, channels = [], set()
    with open(out / 'calls.resp', 'wb') as calls:
        for args in client_commands(monitor):
            command = args[0].upper()
            if command in (b'FUNCTION', b'SCRIPT') and args[1].upper() == b'LOAD':
                loads.append(args)
            elif command in (b'FCALL', b'EVALSHA'):
                calls.write(resp(args))
            elif command == b'SUBSCRIBE':
                channels.update(args[1:])
    (out / 'subs.txt').write_bytes(b''.join(c + b'\n' for c in sorted(channels)))
    for name, patches in VARIANTS.items():
        with open(out / f'setup-{name}.resp', 'wb') as setup:
            for args in loads:
                if args[0].upper() == b'FUNCTION':
                    library = args[-1]
                    for old, new in patches:
                        if old not in library:
                            sys.exit(f'{name}: the library no longer holds {old!r}')
                        library = library.replace(old, new)
                    args = args[:-1] + [library]
                setup.write(resp(args))


def slowlog(port):
    """SLOWLOG GET's entries as (microseconds, arguments), read with a few lines of RESP."""
    import socket
    connection = socket.create_connection(('127.0.0.1', port))
    reader = connection.makefile('rb')
    connection.sendall(resp([b'SLOWLOG', b'GET', b'1000000']))

    def read():
        line = reader.readline()
        kind, rest = line[:1], line[1:-2]
        if kind == b'*':
            return [read() for _ in range(int(rest))]
        if kind == b'$':
            return reader.read(int(rest) + 2)[:-2]
        return int(rest) if kind == b':' else rest

    return [(entry[2], entry[3]) for entry in read()]


def request_key(args):
    return next((a for a in args if b':rq:' in a), None)


LEAN_LIBRARY = b"""#!lua name=lean
-- One recorded transition's writes: ARGV 1 the saga's hash, then each command as its length and its words.
redis.register_function('apply', function(keys, args)
  redis.call('HGET', args[1], 'seq')
  local i = 2
  while i <= #args do
    local n = tonumber(args[i])
    redis.call(unpack(args, i + 1, i + n))
    i = i + n + 1
  end
  return 1
end)
"""
WRITES = {b'ZADD', b'ZREM', b'HSET', b'HSETNX', b'HDEL', b'RPUSH', b'LTRIM', b'SET', b'DEL', b'PEXPIRE', b'PERSIST',
          b'SADD', b'SREM', b'PUBLISH'}


def feature(args):
    """Whether a script's write is one of the four features': its history, the saga index, a kept reply, a PUBLISH."""
    key = args[1] if len(args) > 1 else b''
    return args[0].upper() == b'PUBLISH' or b':h:' in key or b':ix' in key or b':rq:' in key


def write_lean(monitor, out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name in ('lean', 'leanstate', 'leanreads'):
        (out / f'setup-{name}.resp').write_bytes(resp([b'FUNCTION', b'LOAD', b'REPLACE', LEAN_LIBRARY]))
    with open(out / 'calls-lean.resp', 'wb') as calls, open(out / 'calls-leanstate.resp', 'wb') as state_only, \
            open(out / 'calls-leanreads.resp', 'wb') as with_reads, open(monitor, encoding='latin-1') as f:
        current, everything = None, None

        def flush():
            if current:
                calls.write(resp([b'FCALL', b'apply', b'0'] + current))
                state = [current[0]]
                i = 1
                while i < len(current):
                    n = int(current[i])
                    if not feature(current[i + 1:i + 1 + n]):
                        state += current[i:i + 1 + n]
                    i += n + 1
                state_only.write(resp([b'FCALL', b'apply', b'0'] + state))
                with_reads.write(resp([b'FCALL', b'apply', b'0'] + everything))

        for line in f:
            if '[0 lua]' in line:
                if current is not None:
                    args = arguments(line.rstrip('\n'))
                    everything += [b'%d' % len(args)] + args
                    if args[0].upper() in WRITES:
                        current += [b'%d' % len(args)] + args
                continue
            flush()
            current = None
            if '"FCALL"' in line:
                args = arguments(line.rstrip('\n'))
                current = [args[3]]  # the call's first key: its saga's hash
                everything = [args[3]]
        flush()


def calls_by_kind(monitor):
    """Each FCALL a client sent, in order, as its kind (its function, and for a finish whether it also claimed a step:
    a second commit; 'other' for a function not the library's), its request key and how many commands it ran."""
    current = None

    def closed():
        kind, committed, ran, key = current
        if kind == 'finish' and len(committed) > 1:
            kind += ' + a claim of ' + ('the same saga' if len(set(committed)) == 1 else 'another saga')
        return kind, key, ran

    with open(monitor, encoding='latin-1') as f:
        for line in f:
            if '[0 lua]' in line:
                if current:
                    current[2] += 1
                    commit = re.search(r'"HSET" "[^"]*:saga:([0-9a-f-]+)"', line)
                    if commit:
                        current[1].append(commit.group(1))
                continue
            if '] "' not in line:
                continue
            if current:
                yield closed()
            call = re.search(r'"FCALL" "brokkr_[0-9a-f]+_(\w+)"', line)
            key = re.search(r'"([^"]*:rq:[^"]*)"', line)
            current = [call.group(1) if call else 'other', [], 0,
                       key and key.group(1).encode('latin-1')] if '"FCALL"' in line else None
    if current:
        yield closed()


def kinds(monitor, port=None):
    """The calls by kind (calls_by_kind), and with port the time each kind took by the SLOWLOG."""
    count, commands = collections.Counter(), collections.Counter()
    kind_of = {}
    for kind, key, ran in calls_by_kind(monitor):
        count[kind] += 1
        commands[kind] += ran
        kind_of[key] = kind
    sagas = count['create_start']
    spent = collections.Counter()
    if port:
        for micros, args in slowlog(port):
            if args[0].upper() == b'FCALL' and request_key(args) in kind_of:
                spent[kind_of[request_key(args)]] += micros
    print(f'{sagas} sagas')
    for kind, n in count.most_common():
        timed = f'  {spent[kind] / n:6.1f} µs each by the clock' if port else ''
        print(f'{kind:36} {n:7d} calls  {n / sagas:5.2f} a saga  {commands[kind] / n:5.1f} commands each{timed}')


if __name__ == '__main__':
    if sys.argv[1:2] == ['resp'] and len(sys.argv) == 4:
        write_resp(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ['lean'] and len(sys.argv) == 4:
        write_lean(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ['kinds'] and len(sys.argv) in (3, 4):
        kinds(sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else None)
    else:
        sys.exit(__doc__)
