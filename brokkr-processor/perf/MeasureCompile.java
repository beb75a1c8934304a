import io.brokkr.processor.SagaProcessor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a generated source folder in one warm JVM, without and with the Brokkr processor, and
 * prints the CPU time of each compile and of the processor's own work. CPU time of the compiling
 * thread, not wall time: another build on the machine does not skew it.
 *
 * <p>Usage: {@code java -cp <processor path> MeasureCompile.java <sources> <classpath> <out> [--without-only]}
 */
public class MeasureCompile {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
      sources = files.map(Path::toString).filter(f -> f.endsWith(".java")).sorted().toList();
    }
    String classpath = args[1];
    Path out = Path.of(args[2]);
    compile(sources, classpath, out.resolve("warmup"), null);
    long plain = compile(sources, classpath, out.resolve("plain"), null);
    if (args.length > 3 && args[3].equals("--without-only")) {
      System.out.printf("javac without processor: %d ms CPU%n", plain);
      return;
    }
    Timed processor = new Timed(new SagaProcessor());
    long full = compile(sources, classpath, out.resolve("processed"), processor);
    long launchers;
    try (Stream<Path> files = Files.walk(out.resolve("processed"))) {
      launchers = files.filter(f -> f.toString().endsWith("Launcher.java")).count();
    }
    System.out.printf("%d sources, %d launchers generated%n", sources.size(), launchers);
    System.out.printf("javac without processor: %d ms CPU%n", plain);
    System.out.printf("javac with processor:    %d ms CPU, of which the processor itself %d ms%n",
        full, processor.nanos / 1_000_000);
  }

  private static long compile(List<String> sources, String classpath, Path out, Processor processor)
      throws IOException {
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", out.toString(), "-cp", classpath));
    if (processor == null) {
      options.add("-proc:none");
    }
    var units = javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(sources);
    var task = javac.getTask(null, null, null, options, null, units);
    if (processor != null) {
      task.setProcessors(List.of(processor));
    }
    long start = THREADS.getCurrentThreadCpuTime();
    if (!task.call()) {
      throw new IllegalStateException("compile failed");
    }
    return (THREADS.getCurrentThreadCpuTime() - start) / 1_000_000;
  }

  /** Delegates to a processor and adds up the time spent in it. */
  private static final class Timed implements Processor {
    private final Processor delegate;
    long nanos;

    Timed(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = THREADS.getCurrentThreadCpuTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        nanos += THREADS.getCurrentThreadCpuTime() - start;
      }
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
      delegate.init(env);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
        ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}
