#!/usr/bin/env python3
"""What deciding costs Redis, by kind of call (twentieth round, 2026-12-05-2-cores-round20.txt): a recorded hammer
run's calls replayed with the calls of one kind as recorded (the library reads, decides and writes) and every other
call as its writes alone, the fifteenth round's lean floor (2026-12-05-round15-replay.py lean: every text made
beforehand). Counted in instructions by callgrind, as the seventeenth round counts (2026-12-05-round17-instructions.py).

Record and prepare as 2026-12-05-round15-replay.py says (MONITOR, then its 'resp' and 'lean' into DIR), then:

    python3 THIS_FILE make MON DIR            # DIR/calls-only-<kind>.resp: <kind>'s calls as recorded, the rest lean;
                                              # DIR/calls-<kind>reads.resp: <kind>'s calls as all their commands
                                              # (reads too) without the logic, the rest lean; DIR/setup-mixed.resp
    python3 THIS_FILE count DIR PORT NAME...  # instructions of each: base (the calls as recorded), lean, leanreads,
                                              # only-<kind>, <kind>reads, kind one of start, finish, finishclaim, claim

For a kind, only-<kind> less lean is what deciding it costs, <kind>reads less lean what its reads cost; the rest of
deciding is the Lua around the commands. Mixing is sound: the lean calls write what the recorded ones wrote, and a
call replayed as recorded reads what the run's calls left (the queue entries a replayed finish makes carry a later
sequence than the recorded ones, so some entries stay queued: Redis's cost of its calls barely changes).
Two counts may run at once on two cores, on different ports.
"""
import importlib.util
import subprocess
import sys
import time
from pathlib import Path


def sibling(name):
    spec = importlib.util.spec_from_file_location(name.replace('-', '_'), Path(__file__).with_name(name + '.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


replay = sibling('2026-12-05-round15-replay')
instructions = sibling('2026-12-05-round17-instructions')

KINDS = {'start': ('create_start',), 'finish': ('finish',), 'claim': ('claim',),
         'finishclaim': ('finish + a claim of another saga', 'finish + a claim of the same saga')}


def make(monitor, d):
    kinds = [kind for kind, _, _ in replay.calls_by_kind(monitor)]
    recorded = [a for a in instructions.commands((d / 'calls.resp').read_bytes()) if a[0].upper() == b'FCALL']
    lean = list(instructions.commands((d / 'calls-lean.resp').read_bytes()))
    reads = list(instructions.commands((d / 'calls-leanreads.resp').read_bytes()))
    if not len(recorded) == len(lean) == len(reads) == len(kinds):
        sys.exit(f'{len(recorded)} recorded calls, {len(lean)} lean, {len(reads)} with reads, {len(kinds)} kinds')
    for name, chosen in KINDS.items():
        for file, instead in ((f'calls-only-{name}.resp', recorded), (f'calls-{name}reads.resp', reads)):
            with open(d / file, 'wb') as out:
                for kind, other, floor in zip(kinds, instead, lean):
                    out.write(instructions.resp(other if kind in chosen else floor))
    (d / 'setup-mixed.resp').write_bytes((d / 'setup-base.resp').read_bytes() + (d / 'setup-lean.resp').read_bytes())


def count(d, port, names):
    for name in names:
        calls = 'calls.resp' if name == 'base' else f'calls-{name}.resp'
        setup = f'setup-{name}.resp' if name in ('base', 'lean', 'leanreads') else 'setup-mixed.resp'
        out = d / f'callgrind-{name}.out'
        with instructions.under_callgrind(out, port) as server:
            instructions.cli(port, '--pipe', stdin=d / setup)
            # One subscriber hears the run's channels, as its node did: a PUBLISH costs what it cost.
            subscriber = subprocess.Popen(['redis-cli', '-p', str(port), 'subscribe',
                                           *(d / 'subs.txt').read_text().split()], stdout=subprocess.DEVNULL)
            try:
                time.sleep(1)
                outcome = instructions.counted(server, port, d / calls)
            finally:
                subscriber.kill()
                subscriber.wait()
        print(f'{name} {instructions.total(out):,} instructions ({outcome})', flush=True)


if __name__ == '__main__':
    command, rest = sys.argv[1:2], sys.argv[2:]
    if command == ['make'] and len(rest) == 2:
        make(rest[0], Path(rest[1]))
    elif command == ['count'] and len(rest) >= 3:
        count(Path(rest[0]), int(rest[1]), rest[2:])
    else:
        sys.exit(__doc__)
