// Every output is older than the stamp the first build left after writing them: the second build
// rewrote none, and said so.
def stamp = new File(basedir, 'target/marker/first-build.txt').lastModified()
def outputs = new File(basedir, 'target/brokkr/diagrams').listFiles().toList()
outputs << new File(basedir, 'target/generated-sources/brokkr/com/acme/forge/HammerLauncher.java')
assert outputs.size() == 4 && outputs.every { it.isFile() }
outputs.each { assert it.lastModified() <= stamp : "${it.name} was rewritten by the second build" }
def brokkr = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[INFO] Brokkr: 1 ') }
assert brokkr == [
    '[INFO] Brokkr: 1 saga(s) in 1 file(s) under src/main/brokkr are valid',
    '[INFO] Brokkr: 1 launcher(s) in target/generated-sources/brokkr: 1 written, 0 unchanged',
    '[INFO] Brokkr: 1 saga(s) drawn into target/brokkr/diagrams: 3 file(s) written, 0 unchanged',
    '[INFO] Brokkr: 1 saga(s) in 1 file(s) under src/main/brokkr are valid',
    '[INFO] Brokkr: 1 launcher(s) in target/generated-sources/brokkr: 0 written, 1 unchanged',
    '[INFO] Brokkr: 1 saga(s) drawn into target/brokkr/diagrams: 0 file(s) written, 3 unchanged']
