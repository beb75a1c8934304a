// One Mermaid and one DOT file per saga, YAML (Hammer) and annotated (Anvil), and an index of both.
def diagrams = new File(basedir, 'target/brokkr/diagrams')
assert diagrams.list().sort() == ['Anvil.dot', 'Anvil.mmd', 'Hammer.dot', 'Hammer.mmd', 'index.md']
assert new File(diagrams, 'Hammer.mmd').text == new File(basedir, 'expected/Hammer.mmd').text
assert new File(diagrams, 'Anvil.dot').text == new File(basedir, 'expected/Anvil.dot').text
def index = new File(diagrams, 'index.md').text
assert index.contains('## Anvil\n') && index.contains('## Hammer\n')
assert index.count('```mermaid\n') == 2
assert new File(basedir, 'build.log').readLines()
    .contains('[INFO] Brokkr: 2 saga(s) drawn into target/brokkr/diagrams: 5 file(s) written, 0 unchanged')
