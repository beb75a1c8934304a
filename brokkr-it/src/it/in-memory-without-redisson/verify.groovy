// brokkr-runtime without Redisson compiled the launcher and ran the saga in memory.
def log = new File(basedir, 'build.log').readLines()
assert log.any { it.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') }
