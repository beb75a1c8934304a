// The launcher was generated and compiled with the project's own classes, a dependency's and the JDK's.
assert new File(basedir, 'target/classes/com/acme/shop/OrderLauncher.class').isFile()
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO] Brokkr: 1 launcher(s) in target/generated-sources/brokkr: 1 written, 0 unchanged')
assert !log.any { it.startsWith('[ERROR]') || it.startsWith('[WARNING] src/') }
