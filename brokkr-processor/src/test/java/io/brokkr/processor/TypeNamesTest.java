package io.brokkr.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.ClassName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Type names as templates hold them, read back into JavaPoet types. */
class TypeNamesTest {

  @Test
  void readsPrimitivesQualifiedGenericAndArrayTypes() {
    assertThat(TypeNames.parse("int", "com.acme").toString()).isEqualTo("int");
    assertThat(TypeNames.parse("String", "com.acme").toString()).isEqualTo("java.lang.String");
    assertThat(TypeNames.parse("HeadId", "com.acme").toString()).isEqualTo("com.acme.HeadId");
    assertThat(TypeNames.parse("java.util.Map<String, java.util.List<com.acme.Part>>", "x").toString())
        .isEqualTo("java.util.Map<java.lang.String, java.util.List<com.acme.Part>>");
    assertThat(TypeNames.parse("byte[][]", "x").toString()).isEqualTo("byte[][]");
    assertThat(TypeNames.parse("java.util.List<? extends Number>", "x").toString())
        .isEqualTo("java.util.List<? extends java.lang.Number>");
    assertThat(TypeNames.parse("com.acme.Outer.Inner", "x").toString()).isEqualTo("com.acme.Outer.Inner");
  }

  @Test
  void namesEveryClassATypeRefersToOnceInOrder() {
    assertThat(LauncherEmitter.classesNamedBy(
        "java.util.Map<String, java.util.List<? super Part>>[]", "com.acme").stream().map(ClassName::canonicalName))
        .containsExactly("java.util.Map", "java.lang.String", "java.util.List", "com.acme.Part").inOrder();
    assertThat(LauncherEmitter.classesNamedBy("java.util.List<?>", "x"))
        .containsExactly(ClassName.get("java.util", "List"));
    assertThat(LauncherEmitter.classesNamedBy("com.acme.Outer.Inner", "x"))
        .containsExactly(ClassName.get("com.acme", "Outer", "Inner"));
    assertThat(LauncherEmitter.classesNamedBy("int[]", "x")).isEqualTo(List.of());
  }

  @Test
  void refusesWhatIsNotATypeQuotingIt() {
    for (String bad : new String[] {"", "List<", "java.util.List<int", "a b", "int<String>", "com.acme."}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TypeNames.parse(bad, "x"));
      assertThat(e).hasMessageThat().startsWith("\"" + bad + "\" is not a Java type");
    }
  }
}
