// The launcher was generated into its own source root, compiled, and its test ran and passed.
assert new File(basedir, 'target/generated-sources/brokkr/com/acme/forge/HammerLauncher.java').isFile()
assert new File(basedir, 'target/classes/com/acme/forge/HammerLauncher.class').isFile()
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] Brokkr: 1 launcher(s) in target/generated-sources/brokkr: 1 written, 0 unchanged')
assert log.any { it.startsWith('[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') }
