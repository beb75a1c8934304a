#!/usr/bin/env python3
"""Redis's instructions a hammer saga, Brokkr's calls against BullMQ's (forty-fourth round,
2026-12-07-2-cores-round44.txt). Redis's CPU a saga moved 39 % between two full runs of one build (forty-third
round), for BullMQ as for Brokkr; callgrind's count of the same calls does not move (0.2 %, seventeenth round). So
each peer's calls are recorded once and replayed into a fresh redis-server under callgrind, and the instructions
its calls cost are divided by the sagas they ran.

Record a peer's calls (the same for redis and bullmq; BullMQ's peer needs npm ci in bench/peers/bullmq):

    redis-server --port 7779 --save "" --appendonly no --daemonize yes --pidfile /tmp/7779.pid
    redis-cli -p 7779 monitor > mon-PEER.txt &
    java ... io.brokkr.bench.BenchMain --peers PEER --scenarios hammer-throughput --runs 1 --warmup 0 \\
        --warmup-seconds 0 --sagas 10000 --probe-sagas 0 --redis-url redis://127.0.0.1:7779
    kill %1; redis-cli -p 7779 shutdown nosave

Then:

    python3 THIS_FILE resp mon-PEER.txt DIR [MARK N]   # DIR/calls.resp, DIR/channels.txt, DIR/shards.txt
    python3 THIS_FILE count DIR PORT [SAGAS]            # instructions of the replay, over SAGAS sagas

With MARK and N, the calls before the (N+1)-th call named MARK, or the FCALL of a function whose name holds MARK
(create_start for Brokkr, MULTI for BullMQ: a saga's first call), go to DIR/warm.resp, replayed before the count
and not counted; how many sagas begin after them goes to DIR/sagas.txt, which count divides by when SAGAS is not
given. The run above makes two batches of 10,000 (its settle run and its measured run, each begun once the one
before settled): count the second. In a fresh Redis the saga indexes are small sorted sets kept as listpacks,
whose inserts scan every entry, and BullMQ's event stream is not yet at its cap.

calls.resp holds every command a client sent, in the order Redis ran them (scripts loaded, transactions and all),
except what would change the replaying client (HELLO, CLIENT, the subscriptions) or reads the server's state (INFO,
MONITOR); a blocking pop is replayed as its plain pop (the recording ran it when it had something to pop, or timed
out). The run's subscribers are one redis-cli on the channels and one on the sharded channels that the run's
clients subscribed to, so that a PUBLISH writes to a socket as in the run. The count covers the replay alone
(zeroed before it, dumped after), the server's parsing and replies included, the kernel's work not.
"""
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def module(file_name, name):
    spec = importlib.util.spec_from_file_location(name, HERE / file_name)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


REPLAY = module('2026-12-05-round15-replay.py', 'replay')
INSTRUCTIONS = module('2026-12-05-round17-instructions.py', 'instructions')
LEFT_OUT = {b'HELLO', b'CLIENT', b'INFO', b'MONITOR', b'SUBSCRIBE', b'UNSUBSCRIBE', b'SSUBSCRIBE', b'SUNSUBSCRIBE',
            b'PSUBSCRIBE', b'PUNSUBSCRIBE'}
PLAIN_POPS = {b'BZPOPMIN': b'ZPOPMIN', b'BZPOPMAX': b'ZPOPMAX', b'BLPOP': b'LPOP', b'BRPOP': b'RPOP'}


def write_resp(monitor, out, mark=None, warm_sagas=0):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    channels, shards, kept, marks = set(), set(), 0, 0
    warm = open(out / 'warm.resp', 'wb')
    with warm, open(out / 'calls.resp', 'wb') as counted:
        for args in REPLAY.client_commands(monitor):
            command = args[0].upper()
            if mark and (command == mark.upper() or command == b'FCALL' and mark in args[1]):
                marks += 1
            calls = warm if marks <= warm_sagas else counted
            if command == b'SUBSCRIBE':
                channels.update(args[1:])
            elif command == b'SSUBSCRIBE':
                shards.update(args[1:])
            if command in LEFT_OUT:
                continue
            if command in PLAIN_POPS:
                args = [PLAIN_POPS[command], args[1]]  # one key: what the recorded calls named
            calls.write(REPLAY.resp(args))
            kept += calls is counted
    (out / 'channels.txt').write_bytes(b''.join(c + b'\n' for c in sorted(channels)))
    (out / 'shards.txt').write_bytes(b''.join(c + b'\n' for c in sorted(shards)))
    if mark:
        (out / 'sagas.txt').write_text(f'{max(0, marks - warm_sagas)}\n')
    print(f'{kept:,} calls counted after {min(marks, warm_sagas):,} sagas'
          + (f' ({max(0, marks - warm_sagas):,} begun in them)' if mark else '')
          + f', {len(channels)} channels, {len(shards)} sharded channels')


def subscriber(port, verb, names):
    if not names:
        return None
    return subprocess.Popen(['redis-cli', '-p', str(port), verb, *names], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def await_subscribed(port, channels, shards):
    """Waits until the server lists every channel and sharded channel as subscribed (slow under callgrind)."""
    deadline = time.monotonic() + 120
    while True:
        listed = [len(INSTRUCTIONS.cli(port, 'pubsub', kind).split()) for kind in ('channels', 'shardchannels')]
        if listed == [len(channels), len(shards)]:
            return
        if time.monotonic() > deadline:
            INSTRUCTIONS.cli(port, 'shutdown', 'nosave')
            sys.exit(f'subscribed {listed}, expected {[len(channels), len(shards)]}')
        time.sleep(0.2)


def count(d, port, sagas=None):
    sagas = sagas or int((d / 'sagas.txt').read_text())
    out = d / 'callgrind.out'
    channels, shards = ((d / file).read_text().split() for file in ('channels.txt', 'shards.txt'))
    with INSTRUCTIONS.under_callgrind(out, port) as server:
        INSTRUCTIONS.cli(port, '--pipe', stdin=d / 'warm.resp')
        listeners = [subscriber(port, 'subscribe', channels), subscriber(port, 'ssubscribe', shards)]
        try:
            await_subscribed(port, channels, shards)
            outcome = INSTRUCTIONS.counted(server, port, d / 'calls.resp')
        finally:
            for listener in listeners:
                if listener:
                    listener.kill()
    instructions = INSTRUCTIONS.total(out)
    print(f'{instructions:,} instructions, {instructions // sagas:,} a saga ({outcome})', flush=True)


if __name__ == '__main__':
    command, rest = sys.argv[1:2], sys.argv[2:]
    if command == ['resp'] and len(rest) in (2, 4):
        write_resp(rest[0], rest[1], *([rest[2].encode(), int(rest[3])] if len(rest) == 4 else []))
    elif command == ['count'] and len(rest) in (2, 3):
        count(Path(rest[0]), int(rest[1]), *[int(n) for n in rest[2:]])
    else:
        sys.exit(__doc__)
