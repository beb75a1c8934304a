// brokkr-processor's jar, alone on javac's processor path, checks the saga and generates its launcher.
import java.util.zip.ZipFile

def version = brokkrVersion
def processor = new File(localRepositoryPath, "io/brokkr/brokkr-processor/${version}/brokkr-processor-${version}.jar")
def classpath = new File(basedir, 'target/classpath.txt').text.trim()
def out = new File(basedir, 'target/javac')
out.mkdirs()

def run(List<String> command) {
  def process = command.execute()
  def stdout = new StringBuilder(), stderr = new StringBuilder()
  process.waitForProcessOutput(stdout, stderr)
  assert process.exitValue() == 0 : "${command}\n${stdout}${stderr}"
  return stdout.toString()
}

def bin = new File(System.getProperty('java.home'), 'bin')
def sources = ['ForgeSaga', 'Main'].collect { new File(basedir, "sources/com/acme/forge/${it}.java").path }
run([new File(bin, 'javac').path, '-processorpath', processor.path, '-classpath', classpath,
     '-d', out.path, '-s', out.path] + sources)

assert new File(out, 'com/acme/forge/ForgeSagaLauncher.java').isFile()
assert new File(out, 'com/acme/forge/ForgeSagaLauncher.class').isFile()
assert new File(out, 'META-INF/brokkr/com.acme.forge.ForgeSaga.yaml').isFile()
def output = run([new File(bin, 'java').path, '-cp', out.path + File.pathSeparator + classpath, 'com.acme.forge.Main'])
assert output.trim() == 'forged: a hammer of iron from bog ore'

// Its dependencies are inside, relocated; its pom declares none of them, so Maven adds none twice.
def entries = new ZipFile(processor).withCloseable { zip -> zip.entries().collect { it.name } }
assert entries.contains('io/brokkr/processor/shaded/com/palantir/javapoet/JavaFile.class')
assert entries.contains('io/brokkr/processor/shaded/com/fasterxml/jackson/databind/ObjectMapper.class')
assert entries.contains('io/brokkr/dsl/SagaTemplate.class')
assert !entries.any { it.startsWith('com/') || it.startsWith('org/') }
def pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(processor.path.replace('.jar', '.pom')))
def dependencies = pom.getElementsByTagName('dependency')
def compileScope = (0..<dependencies.length).collect { dependencies.item(it) }.findAll {
  def scope = it.getElementsByTagName('scope')
  scope.length == 0 || scope.item(0).textContent in ['compile', 'runtime']
}
assert compileScope.collect { it.getElementsByTagName('artifactId').item(0).textContent } == ['jspecify']
