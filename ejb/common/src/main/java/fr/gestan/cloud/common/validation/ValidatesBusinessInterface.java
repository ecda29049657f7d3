package fr.gestan.cloud.common.validation;

import jakarta.validation.executable.ValidateOnExecution;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose business interface declares input constraints ({@code @NotNull}, {@code @Valid}, {@code @Size}
 * on the methods of {@code <module>.api}): without it, those constraints are not checked at all.
 *
 * <p>Why (Hibernate Validator issue HV-994): its CDI extension only wraps the bean classes that carry a validation
 * annotation themselves ({@code @WithAnnotations(Constraint, Valid, ValidateOnExecution)} on its
 * {@code processAnnotatedType}); constraints declared on an implemented interface do not count. CDI lets
 * {@code @WithAnnotations} match a meta-annotation, so this annotation, meta-annotated with
 * {@link ValidateOnExecution}, lets the bean through; which methods are then validated is read from the interface as
 * usual (the defaults: constructors and non-getter methods). A refused call fails with an {@code EJBException} caused
 * by a {@code ConstraintViolationException}. See docs/architecture.md, "Input constraints on business interfaces".
 *
 * <p>On a superclass it covers the beans below it: each module's {@code <Module>ServiceBase} carries it once. The
 * container's {@code @WithAnnotations} filter (WildFly's Weld, {@code WeldClassFileInfo.containsAnnotation}) looks up
 * the superclasses too, and {@link Inherited} makes {@code isAnnotationPresent} on the bean class say so as well
 * ({@code BusinessInterfaceValidationTest}).
 */
@ValidateOnExecution
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ValidatesBusinessInterface {
}
