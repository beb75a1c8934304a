// generate failed on exactly these lines, at the types in the YAML; javac never saw a launcher.
def log = new File(basedir, 'build.log').readLines()
def problems = log.findAll { it.startsWith('[ERROR] src/') }
def expected = new File(basedir, 'expected-errors.txt').readLines()
assert problems == expected
assert !log.any { it.contains('cannot find symbol') }
assert !new File(basedir, 'target/generated-sources/brokkr/com/acme/shop/OrderLauncher.java').exists()
assert !new File(basedir, 'target/classes/com/acme/shop/Receipt.class').exists()
