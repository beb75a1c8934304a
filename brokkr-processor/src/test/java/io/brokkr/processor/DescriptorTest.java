package io.brokkr.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brokkr.dsl.yaml.SagaYaml;
import io.brokkr.dsl.yaml.YamlSagas;
import io.brokkr.processor.hammer.HammerSagaLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The descriptor the processor writes for the diagram mojo reads back as the launcher's template. */
class DescriptorTest {

  @Test
  void descriptorReadsBackAsTheLaunchersTemplate() throws IOException {
    String path = "/META-INF/brokkr/io.brokkr.processor.hammer.HammerSaga.yaml";
    try (InputStream in = DescriptorTest.class.getResourceAsStream(path)) {
      assertThat(in).isNotNull();
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(yaml).startsWith("# Saga class: io.brokkr.processor.hammer.HammerSaga\n"
          + "# Launcher: io.brokkr.processor.hammer.HammerSagaLauncher\n");
      YamlSagas read = SagaYaml.read(path, yaml);
      assertThat(read.problems()).isEmpty();
      assertThat(read.sagas()).containsExactly(HammerSagaLauncher.TEMPLATE);
    }
  }
}
