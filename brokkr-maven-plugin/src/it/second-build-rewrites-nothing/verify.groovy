// Every output is older than the stamp the first build left after writing them: the second build
// rewrote none.
def stamp = new File(basedir, 'target/marker/first-build.txt').lastModified()
def outputs = new File(basedir, 'target/brokkr/diagrams').listFiles().toList()
assert outputs.size() == 3
outputs.each { assert it.lastModified() <= stamp : "${it.name} was rewritten by the second build" }
def drawn = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[INFO] Brokkr: 1 saga(s) drawn') }
assert drawn.last() == '[INFO] Brokkr: 1 saga(s) drawn into target/brokkr/diagrams: 0 file(s) written, 3 unchanged'
