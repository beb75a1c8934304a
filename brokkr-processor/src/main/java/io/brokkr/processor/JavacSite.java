package io.brokkr.processor;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A site in the source javac compiles, as {@code Messager} takes it.
 *
 * @param element the element
 * @param annotation an annotation on it, if the diagnostic concerns one
 * @param value a value of that annotation, if the diagnostic concerns one
 */
record JavacSite(Element element, Optional<AnnotationMirror> annotation, Optional<AnnotationValue> value)
    implements Site {

  static JavacSite of(Element element) {
    return new JavacSite(element, Optional.empty(), Optional.empty());
  }

  static JavacSite of(Element element, AnnotationMirror annotation) {
    return new JavacSite(element, Optional.of(annotation), Optional.empty());
  }

  static JavacSite of(Element element, AnnotationMirror annotation, AnnotationValue value) {
    return new JavacSite(element, Optional.of(annotation), Optional.of(value));
  }
}
