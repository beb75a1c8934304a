#!/usr/bin/env python3
"""Where a bench process's CPU goes, kernel included, from `perf script` output (nineteenth round).

JDK Flight Recorder samples Java code only, so it shows a flat profile of a JVM that spends a third of
its CPU in the kernel; perf's cpu-clock samples every thread, kernel and JIT code alike. Record a bench
process (its private redis-server is a child, so it is recorded too) after its warm-up, with the JVM
writing its JIT symbols at exit, then read the samples:

  perf record -e cpu-clock -F 499 -g -D 28000 -o /tmp/ht.perf -- java -Xms4g -Xmx4g \
      -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer \
      -Dbrokkr.bench.forked=true -cp brokkr-bench/target/classes:$(cat /tmp/cp.txt) \
      io.brokkr.bench.BenchMain --peers redis --scenarios hammer-throughput --runs 20 --probe-sagas 0 --case-budget 200
  perf script -i /tmp/ht.perf > /tmp/ht.script
  python3 bench/results/2026-12-05-round19-perf.py threads /tmp/ht.script
  python3 bench/results/2026-12-05-round19-perf.py kernel /tmp/ht.script
  python3 bench/results/2026-12-05-round19-perf.py frames /tmp/ht.script [FILTER] [N]

threads: the share of all samples by group of threads (a node's worker threads are named per node);
kernel: the JVM's samples in the kernel or libc, by the system call or interrupt they came through;
frames: inclusive and own shares of the JVM's frames, of the samples whose stack has FILTER in a frame.
Shares are of all samples (the JVM's and redis-server's), so they add up across the modes.
"""
import collections
import re
import sys

GROUPS = [
    (r'^redis-server', 'redis-server'),
    (r'^redisson-netty', 'Netty event loops'),
    (r'^redisson-\d', "Redisson's executor (pub/sub listeners)"),
    (r'^brokkr-[0-9a-f]{8}', "nodes' worker threads"),
    (r'^brokkr-', 'the bench and the nodes\' other threads'),
    (r'^pool-', "the bench's submitters (sagas started on the caller's thread)"),
    (r'^C[12] Compiler', 'JIT compilers'),
    (r'^GC ', 'garbage collector'),
]


def samples(path):
    """Each sample as (thread name, frames from the innermost), frames as 'symbol (object)'."""
    with open(path, errors='replace') as f:
        for block in f.read().split('\n\n'):
            lines = block.strip().split('\n')
            if not lines or not lines[0]:
                continue
            frames = []
            for line in lines[1:]:
                parts = line.strip().split(' ', 1)
                if len(parts) == 2:
                    frames.append(re.sub(r'\+0x[0-9a-f]+', '', parts[1]))
            # The header is '<thread name> <tid> <time>: ...'; a thread's name may hold spaces.
            header = re.match(r'^(.*?)\s+\d+\s+[\d.]+:', lines[0])
            yield (header.group(1) if header else lines[0]), frames


def group(thread):
    for pattern, name in GROUPS:
        if re.match(pattern, thread):
            return name
    return 'other threads'


def symbol(frame):
    name = frame.split(' (')[0]
    name = re.sub(r'\(.*\)', '()', name)
    return re.sub(r'^\S+ (?=\S+\(\))', '', name)  # the return type of a Java frame


def threads(path):
    shares, total = collections.Counter(), 0
    for thread, frames in samples(path):
        total += 1
        where = 'kernel' if frames and '[kernel.kallsyms]' in frames[0] else 'user'
        shares[(group(thread), where)] += 1
    for name in sorted({g for g, _ in shares}, key=lambda g: -(shares[(g, 'user')] + shares[(g, 'kernel')])):
        user, kernel = shares[(name, 'user')], shares[(name, 'kernel')]
        print(f'{100 * (user + kernel) / total:6.2f}%  {name} (kernel {100 * kernel / total:.2f}%)')
    print(f'{total} samples')


def kernel(path):
    ways, total = collections.Counter(), 0
    for thread, frames in samples(path):
        total += 1
        if thread.startswith('redis-server') or not frames:
            continue
        if '[kernel.kallsyms]' not in frames[0] and 'libc.so' not in frames[0]:
            continue
        names = [symbol(f) for f in frames]
        way = 'libc: ' + names[0] if 'libc.so' in frames[0] else 'kernel, other'
        for name in names:
            call = re.match(r'__x64_sys_(\w+)', name)
            if call:
                way = 'system call ' + call.group(1)
                break
            if name in ('ksys_write', 'ksys_read'):
                way = 'system call ' + name[5:]
                break
            if name.startswith('asm_sysvec_') or name.startswith('asm_exc_'):
                way = 'interrupt ' + name[4:]
                break
            if name == 'do_syscall_64':
                way = 'system call entry and exit'
                break
        ways[way] += 1
    for way, count in ways.most_common(15):
        print(f'{100 * count / total:6.2f}%  {way}')


def frames(path, wanted, most):
    inclusive, own, total = collections.Counter(), collections.Counter(), 0
    for thread, stack in samples(path):
        total += 1
        if thread.startswith('redis-server'):
            continue
        names = [symbol(f) for f in stack]
        if wanted and not any(wanted in n for n in names):
            continue
        if names:
            own[names[0]] += 1
        for name in set(names):
            inclusive[name] += 1
    for name, count in inclusive.most_common(most):
        print(f'{100 * count / total:6.2f}% {100 * own[name] / total:6.2f}%  {name[:150]}')


if __name__ == '__main__':
    mode, path = sys.argv[1], sys.argv[2]
    if mode == 'threads':
        threads(path)
    elif mode == 'kernel':
        kernel(path)
    else:
        frames(path, sys.argv[3] if len(sys.argv) > 3 else '', int(sys.argv[4]) if len(sys.argv) > 4 else 60)
