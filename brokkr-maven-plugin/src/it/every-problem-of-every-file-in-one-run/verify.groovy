// The build failed on exactly these lines, in this order.
def problems = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[ERROR] src/') }
def expected = new File(basedir, 'expected-errors.txt').readLines()
assert problems == expected
