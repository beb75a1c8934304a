package io.brokkr.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.brokkr.dsl.SagaInput;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;
import javax.lang.model.element.Modifier;

/**
 * Emits the typed launcher of a saga: a class with the saga's {@code TEMPLATE}, a typed
 * {@code start} method, typed completion methods for its async steps and, for an annotated saga
 * class, a {@code register} method that runs the steps with the class's methods. The annotation
 * processor and the Maven plugin (for sagas written in YAML) both emit through this class; the
 * output depends on the model alone, so the same saga always gives the same source.
 */
public final class LauncherEmitter {
  private LauncherEmitter() {}

  /**
   * The launcher class of a saga described by a template alone: {@code Hammer} gives
   * {@code HammerLauncher}; {@code order-v2}, {@code order.v2}, {@code order_v2} and {@code orderV2}
   * all give {@code OrderV2Launcher}, so a tool that emits several launchers must check that their
   * names differ.
   *
   * @param packageName the launcher's package, e.g. {@code com.acme.sagas}
   * @param sagaName the saga's name
   * @return the launcher's class name: the saga's name in upper camel case, then {@code Launcher}
   */
  public static ClassName launcherName(String packageName, String sagaName) {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(sagaName, "sagaName");
    return ClassName.get(packageName, Identifiers.upperCamel(sagaName) + "Launcher");
  }

  /**
   * The classes a type name of a template refers to, as the launcher in {@code packageName} reads
   * it: {@code java.util.List<com.acme.Part>} gives {@code java.util.List} and {@code com.acme.Part};
   * a simple name outside the common {@code java.lang} ones gives a class of {@code packageName}; a
   * primitive gives none. A tool that emits launchers checks with it that every class exists before
   * javac would fail on the launcher.
   *
   * @param type a type as a template writes it
   * @param packageName the package of the launcher that reads it
   * @return each class it names, once, in the order written
   * @throws IllegalArgumentException quoting {@code type} when it is not a Java type
   */
  public static List<ClassName> classesNamedBy(String type, String packageName) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(packageName, "packageName");
    return TypeNames.classesIn(TypeNames.parse(type, packageName));
  }

  /**
   * The launcher of a template alone, e.g. one read from YAML: {@code TEMPLATE}, a constant per
   * worker name ({@code CHARGE_CARD_WORKER}), {@code start} and the completion methods of the async
   * steps, with no {@code register} method (the template's workers are registered by the constants). Input and output types are read from the template's type names:
   * primitives, qualified names, common {@code java.lang} simple names, or simple names of classes
   * in the launcher's package. A step without an output type has no typed result.
   *
   * @param template a valid template
   * @param launcher the class to generate, e.g. {@code com.acme.HammerLauncher}
   * @param generator the tool that generates it, named in its {@code @Generated}, e.g. the class name
   *     of a Maven goal
   * @return the launcher's source file, to write to a generated-sources folder
   * @throws io.brokkr.dsl.SagaValidationException when the template is invalid
   * @throws IllegalArgumentException quoting a type name that is not a Java type, or when
   *     {@code generator} is blank
   */
  public static JavaFile emit(SagaTemplate template, ClassName launcher, String generator) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(generator, "generator");
    if (generator.isBlank()) {
      throw new IllegalArgumentException("generator \"" + generator + "\" is blank; name the tool, e.g."
          + " io.brokkr.maven.GenerateMojo");
    }
    template.validate().throwIfInvalid(template.name());
    String localPackage = launcher.packageName();
    Map<String, TypeName> inputTypes = new LinkedHashMap<>();
    for (SagaInput input : template.inputs()) {
      inputTypes.put(input.name(), TypeNames.parse(input.type(), localPackage));
    }
    Map<String, TypeName> resultTypes = new LinkedHashMap<>();
    for (StepTemplate step : template.steps()) {
      step.outputType().ifPresent(type -> resultTypes.put(step.name(), TypeNames.parse(type, localPackage)));
    }
    return emit(new LauncherModel(template, launcher, inputTypes, resultTypes, Optional.empty()), generator);
  }

  /** The launcher that {@code model} describes, stamped {@code @Generated(generator)}. */
  static JavaFile emit(LauncherModel model, String generator) {
    TypeTokens tokens = new TypeTokens();
    WorkerConstants workers = WorkerConstants.of(model.template(), tokens);
    StartMethod start = new StartMethod(model, tokens);
    TypeSpec.Builder type = TypeSpec.classBuilder(model.launcher())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(AnnotationSpec.builder(Generated.class).addMember("value", "$S", generator).build())
        .addJavadoc(classJavadoc(model))
        .addField(FieldSpec.builder(SagaTemplate.class, "TEMPLATE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The saga's template, as checked at compile time: tools and the runtime see this one"
                + " model.\n")
            .initializer("template()")
            .build())
        .addFields(workers.fields())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addJavadoc("Not instantiable: every member is static.\n")
            .build());
    model.binding().ifPresent(binding -> type.addMethod(Registration.method(model.template(), binding, tokens, workers)));
    type.addMethod(start.method());
    type.addMethods(Completions.methods(model));
    type.addMethod(TemplateCode.method(model.template()));
    start.resultRecord().ifPresent(type::addType);
    // Last, once every method has asked for the type tokens it reads with.
    type.addFields(tokens.fields());
    return JavaFile.builder(model.launcher().packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  private static CodeBlock classJavadoc(LauncherModel model) {
    String saga = model.template().name();
    return model.binding()
        .map(binding -> CodeBlock.of("Runs the saga {@code $L} declared by {@link $T}. Call {@link #register}"
            + " on every\nnode that runs its steps, then {@link #start} to start a saga.\n", saga, binding.sagaClass()))
        .orElse(CodeBlock.of("Starts the saga {@code $L} with typed inputs and result. Register its workers under\n"
            + "the names its {@code *_WORKER} constants hold.\n", saga));
  }
}
