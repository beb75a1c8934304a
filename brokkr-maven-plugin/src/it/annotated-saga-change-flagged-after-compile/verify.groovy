// After compiling, brokkr:lint flagged the annotated saga's removed step (in the descriptor the
// processor wrote) and the saga that is really gone; neither goal took the annotated saga, which
// validate cannot see, nor the unchanged YAML saga, for a removed saga.
def log = new File(basedir, 'build.log').readLines()
def findings = log.findAll { it.startsWith('[WARNING] ') && it.contains('[Brokkr/') }
assert findings == new File(basedir, 'expected-warnings.txt').readLines()
assert !log.any { it.contains('[Brokkr/RemovedSaga] saga "Bellows"') || it.contains('[Brokkr/RemovedSaga] saga "Hammer"') }
assert log.contains('[INFO] Brokkr: 1 saga(s) in 1 file(s) under src/main/brokkr are valid')
assert log.contains('[INFO] Brokkr: 1 annotated saga(s) under target/classes/META-INF/brokkr compared with 1 previous descriptor(s)')
