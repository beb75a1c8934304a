// The README's pom, as is, ran the processor on the README's saga, and the saga ran on both stores.
assert new File(basedir, 'target/generated-sources/annotations/com/acme/forge/HammerSagaLauncher.java').isFile()
def log = new File(basedir, 'build.log').readLines()
assert log.any { it.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') }
