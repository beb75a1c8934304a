#!/usr/bin/env python3
"""Which of a hammer saga's commits a throughput run could merge (forty-seventh round, 2026-12-08-2-cores-round47.txt).

Each change of a saga is a commit inside its function call: its hash's fields, the index, the history, the kept
reply, the message. A hammer saga makes six: its start, the claims of its two roots, its three finishes (the
join's claim goes with the second root's finish). Fewer commits would come from merging two of them into one:
the start with its roots' claims (createAndStart claims for the node's free threads in its own call), or the
claims of one saga's two roots that reach Redis in the same call (a finish's call claims the next step of another
saga for the thread it gives back; finishes of several sagas share a call). And a commit whose index score would
not change (its saga changed within the same millisecond, status kept) could leave the index alone. This counts
how often each happens in a run's recorded calls (the forty-fourth round's recording: redis-server of its own,
redis-cli monitor, BenchMain --peers redis --scenarios hammer-throughput --runs 1 --warmup 0 --warmup-seconds 0
--sagas 10000 --probe-sagas 0 --redis-url redis://127.0.0.1:PORT):

    python3 THIS_FILE mon.txt

A finish's arguments (finish.lua) from the first: saga id, channel, retention, step id, token, '1' and result or
'0' and '', then when it claims: node, now, lease, most, and the saga of another step to claim after it (or ''),
its worker, entry and step id. finish_many's: the count, then each finish's key count, argument count and
arguments. create_start's sixth argument is the number of claim values (0: no claim).
"""
import collections
import importlib.util
import sys
from pathlib import Path

SPEC = importlib.util.spec_from_file_location('replay', Path(__file__).resolve().parent / '2026-12-05-round15-replay.py')
REPLAY = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(REPLAY)


def finishes(function, args):
    """Each finish of a finish or finish_many call, as its own arguments."""
    if not function.endswith(b'_finish_many'):
        return [args]
    out, i = [], 1
    for _ in range(int(args[0])):
        count = int(args[i + 1])
        out.append(args[i + 2:i + 2 + count])
        i += 2 + count
    return out


def after_claim(finish):
    """The saga whose queued step a finish names to claim after its own change, or None."""
    return finish[11] if len(finish) > 11 and finish[11] else None


def main(monitor):
    calls = finish_calls = finish_count = named = twice = starts = starts_claiming = 0
    changes = same_millisecond = 0
    last_change = {}
    with open(monitor, encoding='latin-1') as lines:
        for line in lines:
            if '[0 lua]' in line or '"FCALL"' not in line:
                continue
            millisecond = int(float(line.split(' ', 1)[0]) * 1000)
            command = REPLAY.arguments(line.rstrip('\n'))
            function, key_count = command[1], int(command[2])
            args = command[3 + key_count:]
            calls += 1
            touched = []
            if function.endswith(b'_create_start'):
                starts += 1
                starts_claiming += int(args[5]) > 0
                touched.append(args[0])
            elif b'_finish' in function:
                finish_calls += 1
                own = finishes(function, args)
                finish_count += len(own)
                others = [after_claim(f) for f in own if after_claim(f)]
                named += len(others)
                twice += sum(n - 1 for n in collections.Counter(others).values())
                touched += [f[0] for f in own] + others
            else:
                touched.append(args[0])
            for saga in touched:
                if saga in last_change:
                    changes += 1
                    same_millisecond += last_change[saga] == millisecond
                last_change[saga] = millisecond
    print(f'{calls:,} function calls, {starts:,} starts, {finish_count:,} finishes in {finish_calls:,} calls '
          f'({finish_count / finish_calls:.2f} a call)')
    print(f'starts that claim for free threads: {starts_claiming:,} of {starts:,}')
    print(f'claims after a finish named: {named:,}; a second one of the same saga in the same call: {twice:,} '
          f'({100 * twice / named:.2f} %)')
    print(f'changes of a saga after its first: {changes:,}; in the millisecond of its change before: '
          f'{same_millisecond:,} ({100 * same_millisecond / changes:.1f} %; an after-claim counted as named)')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
