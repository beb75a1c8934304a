// The README's Spring Boot project, as is, built a jar; run as the README says, it runs its saga at
// startup in memory, then on Redis against a redis-server started here on a free loopback port and
// stopped by its pid. Each run's output is kept beside build.log (run-in-memory.log, run-redis.log).
import java.util.concurrent.TimeUnit

File jar = new File(basedir, 'target/shop-1.0-SNAPSHOT.jar')
assert jar.isFile() : "mvn package wrote no ${jar}"
String java = new File(System.getProperty('java.home'), 'bin/java').path
def finished = ~/Order saga (\S+) ended FINISHED/

// Runs the jar to its end (it exits once the saga ended); returns its output.
def run = { String name, List<String> args ->
  Process app = new ProcessBuilder([java, '-jar', jar.path] + args).directory(basedir).redirectErrorStream(true).start()
  StringBuilder output = new StringBuilder()
  Thread reader = Thread.start { app.inputStream.eachLine('UTF-8') { output.append(it).append('\n') } }
  boolean ended = app.waitFor(3, TimeUnit.MINUTES)
  if (!ended) {
    app.destroyForcibly()
  }
  reader.join()
  new File(basedir, "run-${name}.log").text = output.toString()
  assert ended : "the ${name} run did not exit:\n${output}"
  assert app.exitValue() == 0 : "the ${name} run exited with ${app.exitValue()}:\n${output}"
  return output.toString()
}

String inMemory = run('in-memory', [])
assert inMemory.contains('runs on the in-memory store') : inMemory
assert (inMemory =~ finished).find() : inMemory

int port = new ServerSocket(0).withCloseable { it.localPort }
Process redis = new ProcessBuilder('redis-server', '--port', String.valueOf(port), '--bind', '127.0.0.1', '--save', '',
    '--appendonly', 'no').redirectErrorStream(true).start()
try {
  BufferedReader redisLog = redis.inputStream.newReader('UTF-8')
  StringBuilder seen = new StringBuilder()
  String line
  while ((line = redisLog.readLine()) != null && !line.contains('Ready to accept connections')) {
    seen.append(line).append('\n')
  }
  assert line != null : "redis-server exited before it was ready:\n${seen}"
  Thread.start { redisLog.eachLine { } }

  String onRedis = run('redis', ["--brokkr.redis.url=redis://127.0.0.1:${port}".toString()])
  assert onRedis.contains('runs on Redis, namespace brokkr') : onRedis
  def saga = onRedis =~ finished
  assert saga.find() : onRedis

  // The saga is in Redis, FINISHED: the node wrote it there, not in memory.
  def redisCli = { List<String> args ->
    Process cli = new ProcessBuilder(['redis-cli', '-p', "${port}".toString(), '--raw'] + args).redirectErrorStream(true).start()
    String out = cli.inputStream.getText('UTF-8').trim()
    assert cli.waitFor() == 0 : out
    return out
  }
  String key = redisCli(['--scan', '--pattern', "{brokkr:*}:saga:${saga.group(1)}".toString()])
  assert key.endsWith(":saga:${saga.group(1)}") && !key.contains('\n') : "the saga's key in Redis: '${key}'"
  assert redisCli(['HGET', key, 'status']) == 'FINISHED'
} finally {
  ProcessHandle.of(redis.pid()).ifPresent { it.destroy() }
  assert redis.waitFor(30, TimeUnit.SECONDS) : 'redis-server did not stop'
}
