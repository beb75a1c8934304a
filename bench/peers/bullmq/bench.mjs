// The BullMQ peer of brokkr-bench: the bench's hammer, chain and fan-out sagas as BullMQ flows
// (parent/child jobs), run against the Redis the bench gives it.
//
//   node bench.mjs --port P --scenario hammer-throughput|hammer-latency|chain|fanout
//                  [--host H] [--size K] [--sagas N] [--concurrency C] [--warmup W] [--warmup-seconds S]
//                  [--settle N] [--runs R] [--min-run-ms M] [--probe-sagas P] [--handshake]
//
// Every run prints JSON lines on stdout: {"type":"turn","kind":...} before it opens its Redis
// connections, {"type":"ready","kind":...} once its worker is ready, and {"type":"result","kind":...,
// "run":{...}} when it has closed them, with the raw figures the Java bench turns into statistics (the
// same fields as its RawRun). With --handshake each run waits for a line on stdin after "turn", so that
// the bench can let other peers run in between while this process holds no connection, and again
// after "ready", so that it can read the Redis counters just before the run starts.
import { FlowProducer, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { createInterface } from 'node:readline';

const SCENARIOS = {
  'hammer-throughput': { shape: 'hammer', allAtOnce: true },
  'hammer-latency': { shape: 'hammer', allAtOnce: false },
  chain: { shape: 'chain', allAtOnce: false },
  fanout: { shape: 'fanout', allAtOnce: false },
};

function parseArgs(argv) {
  const o = { host: '127.0.0.1', size: 10, sagas: 100, concurrency: 16, warmup: 1, 'warmup-seconds': 0, settle: 0, runs: 3, 'min-run-ms': 0, 'probe-sagas': 0, handshake: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (name === 'handshake') {
      o.handshake = true;
    } else if (name === 'host' || name === 'scenario' || name === 'tag') {
      o[name] = argv[++i];
    } else if (name in o || name === 'port') {
      o[name] = Number(argv[++i]);
      if (!Number.isInteger(o[name]) || o[name] < 0) throw new Error(`--${name} takes a whole number, was "${argv[i]}"`);
    } else {
      throw new Error(`unknown flag "${argv[i]}"`);
    }
  }
  if (!o.port) throw new Error('--port is required');
  if (!SCENARIOS[o.scenario]) throw new Error(`unknown scenario "${o.scenario}"; the scenarios are ${Object.keys(SCENARIOS).join(', ')}`);
  return { ...o, ...SCENARIOS[o.scenario], tag: o.tag ?? Date.now().toString(36) };
}

const micros = () => Number(process.hrtime.bigint() / 1000n);
const cpuMicros = () => { const u = process.cpuUsage(); return u.user + u.system; };

/** The flows of one saga; `last` names the job whose completion settles it. */
const shapes = {
  hammer: {
    steps: () => 3,
    isLast: (job) => job.name === 'hammer',
    submit: ({ flows }, queueName, saga) => flows.add({
      name: 'hammer', queueName, data: { saga },
      children: [
        { name: 'head', queueName, data: { saga, headType: `thunder-${saga}` } },
        { name: 'handle', queueName, data: { saga, handleSize: 'short' } },
      ],
    }),
  },
  chain: {
    steps: (size) => size,
    isLast: (job, size) => job.name === 'link' && job.data.level === size - 1,
    // A chain is a nested flow: the deepest child runs first, each parent after its child.
    submit: ({ flows }, queueName, saga, size) => {
      let node = { name: 'link', queueName, data: { saga, level: 0 } };
      for (let level = 1; level < size; level++) {
        node = { name: 'link', queueName, data: { saga, level }, children: [node] };
      }
      return flows.add(node);
    },
  },
  fanout: {
    steps: (size) => size + 2,
    isLast: (job) => job.name === 'join',
    // A flow is a tree, so "root before the K leaves" is the root's job adding the leaves' flow.
    submit: ({ queue }, queueName, saga, size) => queue.add('root', { saga, width: size }),
  },
};

/** One worker for every job of a run, as a Brokkr node hosts every worker of the saga. */
function processor(flows, queueName, levelClock) {
  return async (job) => {
    switch (job.name) {
      case 'head': return `head:${job.data.headType}`;
      case 'handle': return `handle:${job.data.handleSize}`;
      case 'hammer': return Object.values(await job.getChildrenValues()).join('+');
      case 'link': {
        levelClock(job.data.saga, job.data.level);
        if (job.data.level === 0) return 1;
        const [previous] = Object.values(await job.getChildrenValues());
        return previous + 1;
      }
      case 'root': {
        const children = [];
        for (let i = 0; i < job.data.width; i++) children.push({ name: 'leaf', queueName, data: { saga: job.data.saga } });
        await flows.add({ name: 'join', queueName, data: { saga: job.data.saga }, children });
        return 0;
      }
      case 'leaf': return 1;
      case 'join': return Object.keys(await job.getChildrenValues()).length;
      default: throw new Error(`unknown job ${job.name}`);
    }
  };
}

async function oneRun(o, kind, sagas, runNumber, waitForGo) {
  const shape = shapes[o.shape];
  const queueName = `bench-${o.tag}-${runNumber}-${o.scenario}`;
  const connection = () => new IORedis({ host: o.host, port: o.port, maxRetriesPerRequest: null });
  const levels = o.scenario === 'chain' ? o.size : 0;
  const starts = new Map();
  const levelClock = (saga, level) => {
    if (level >= levels) return;
    if (!starts.has(saga)) starts.set(saga, new Array(levels).fill(0));
    starts.get(saga)[level] = micros();
  };
  const flows = new FlowProducer({ connection: connection() });
  const queue = new Queue(queueName, { connection: connection() });
  const waiting = new Map();
  let failure;
  const worker = new Worker(queueName, processor(flows, queueName, levelClock), { connection: connection(), concurrency: o.concurrency });
  worker.on('completed', (job) => {
    if (shape.isLast(job, o.size)) waiting.get(job.data.saga)?.();
  });
  worker.on('failed', (job, err) => { failure = new Error(`job ${job?.name} of saga ${job?.data?.saga} failed: ${err}`); });
  await Promise.all([flows.waitUntilReady(), queue.waitUntilReady(), worker.waitUntilReady()]);
  const settled = (saga) => new Promise((resolve) => waiting.set(saga, resolve));
  const clients = { flows, queue };

  await waitForGo(kind);
  const latencies = [];
  const hops = Array.from({ length: levels === 0 ? 0 : levels + 1 }, () => []);
  let submitUs = 0;
  const cpu = cpuMicros();
  const start = micros();
  let total = sagas;
  if (o.allAtOnce) {
    // Batch after batch of sagas, until the run has lasted --min-run-ms.
    total = 0;
    do {
      const first = total;
      const batchStart = micros();
      const all = Array.from({ length: sagas }, (_, k) => settled(first + k));
      await Promise.all(Array.from({ length: sagas }, (_, k) => shape.submit(clients, queueName, first + k, o.size)));
      submitUs += micros() - batchStart;
      await Promise.all(all);
      total += sagas;
    } while (micros() - start < o['min-run-ms'] * 1000);
  } else {
    for (let saga = 0; saga < sagas; saga++) {
      const sagaStart = micros();
      const done = settled(saga);
      await shape.submit(clients, queueName, saga, o.size);
      submitUs += micros() - sagaStart;
      await done;
      const sagaEnd = micros();
      latencies.push(sagaEnd - sagaStart);
      if (levels > 0) {
        let previous = sagaStart;
        starts.get(saga).forEach((at, level) => { hops[level].push(at - previous); previous = at; });
        hops[levels].push(sagaEnd - previous);
      }
      if (failure) throw failure;
    }
  }
  const elapsedUs = micros() - start;
  const clientCpuUs = cpuMicros() - cpu;
  if (failure) throw failure;
  await worker.close();
  await Promise.all([flows.close(), queue.close()]);
  return { sagas: total, steps: total * shape.steps(o.size), elapsedUs, submitUs, clientCpuUs, latenciesUs: latencies, hopsUs: hops };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const stdin = o.handshake ? createInterface({ input: process.stdin })[Symbol.asyncIterator]() : undefined;
  const say = (message) => process.stdout.write(JSON.stringify(message) + '\n');
  const waitFor = (type) => async (kind) => {
    say({ type, kind });
    if (stdin) await stdin.next();
  };
  const waitForTurn = waitFor('turn');
  const waitForGo = waitFor('ready');
  // Warm-up runs: at least --warmup of them, and for at least --warmup-seconds (V8 compiles its hot code
  // during the process's first seconds under load).
  const begun = process.hrtime.bigint();
  let count = 0;
  const runOne = async (kind, sagas) => {
    await waitForTurn(kind);
    const run = await oneRun(o, kind, sagas, ++count, waitForGo);
    say({ type: 'result', kind, run });
  };
  for (let i = 0; i < o.warmup || Number(process.hrtime.bigint() - begun) / 1e9 < o['warmup-seconds']; i++) {
    await runOne('warmup', o.sagas);
  }
  // Settle runs: warm-ups the bench lets go in turn with its other peers, right before the measured runs.
  for (let i = 0; i < o.settle; i++) await runOne('settle', o.sagas);
  for (let i = 0; i < o.runs; i++) await runOne('measured', o.sagas);
  if (o['probe-sagas'] > 0) await runOne('probe', o['probe-sagas']);
  say({ type: 'done' });
}

main().then(() => process.exit(0), (e) => {
  process.stdout.write(JSON.stringify({ type: 'error', message: String(e?.stack ?? e) }) + '\n');
  process.exit(1);
});
