package fr.gestan.cloud.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Input constraints declared on a business interface are checked only when the bean carries
 * {@link ValidatesBusinessInterface} (Hibernate Validator issue HV-994, docs/architecture.md "Input constraints on
 * business interfaces"): without it they are silently not checked at all. This fails when an EJB implements a business
 * interface whose methods declare constraints ({@code @NotNull}, {@code @Size}, {@code @Valid}...) and lacks it.
 */
class BusinessInterfaceValidationTest {

    @Test
    void every_bean_whose_business_interface_declares_constraints_carries_the_marker() {
        List<String> violations = new ArrayList<>();
        int constrained = 0;
        for (Class<?> bean : ProductionClasses.reflected()) {
            if (isEjb(bean) && !constrainedViews(bean).isEmpty()) {
                constrained++;
            }
            violations.addAll(violations(bean));
        }
        assertTrue(constrained >= 25, "too few beans with a constrained business interface found: " + constrained);
        assertTrue(violations.isEmpty(), "beans whose interface's constraints are never checked (HV-994):\n"
                + String.join("\n", violations));
    }

    @Test
    void the_check_finds_an_unmarked_bean_and_accepts_the_others() {
        assertEquals(List.of("Unmarked: implements Orders, whose constraints are not checked without @ValidatesBusinessInterface"),
                violations(Unmarked.class));
        assertEquals(List.of("UnmarkedLocal: implements Orders, whose constraints are not checked without @ValidatesBusinessInterface"),
                violations(UnmarkedLocal.class));
        assertEquals(List.of(), violations(Marked.class));
        assertEquals(List.of(), violations(Unconstrained.class));
        assertEquals(List.of(), violations(NotABean.class));
    }

    static List<String> violations(Class<?> bean) {
        if (!isEjb(bean) || bean.isAnnotationPresent(ValidatesBusinessInterface.class)) {
            return List.of();
        }
        return constrainedViews(bean).stream().map(view -> bean.getSimpleName() + ": implements " + view.getSimpleName()
                + ", whose constraints are not checked without @ValidatesBusinessInterface").toList();
    }

    private static boolean isEjb(Class<?> type) {
        return type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(Stateful.class);
    }

    /** The bean's business interfaces (implemented, up its class hierarchy, or named by {@code @Local}) with a constraint. */
    private static List<Class<?>> constrainedViews(Class<?> bean) {
        Set<Class<?>> views = new LinkedHashSet<>();
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            views.addAll(Arrays.asList(c.getInterfaces()));
        }
        Local local = bean.getAnnotation(Local.class);
        if (local != null) {
            for (Class<?> view : local.value()) {
                views.add(view);
            }
        }
        return views.stream().filter(BusinessInterfaceValidationTest::declaresConstraints).toList();
    }

    private static boolean declaresConstraints(Class<?> view) {
        for (Method method : view.getMethods()) {
            if (constrains(method.getAnnotations()) || constrains(method.getAnnotatedReturnType())) {
                return true;
            }
            for (Parameter parameter : method.getParameters()) {
                if (constrains(parameter.getAnnotations()) || constrains(parameter.getAnnotatedType())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A constraint on the type or on a type argument ({@code List<@Valid NewServer>}). */
    private static boolean constrains(AnnotatedType type) {
        if (constrains(type.getAnnotations())) {
            return true;
        }
        if (type instanceof java.lang.reflect.AnnotatedParameterizedType parameterized) {
            return Arrays.stream(parameterized.getAnnotatedActualTypeArguments()).anyMatch(BusinessInterfaceValidationTest::constrains);
        }
        return false;
    }

    private static boolean constrains(Annotation[] annotations) {
        return Arrays.stream(annotations).map(Annotation::annotationType)
                .anyMatch(a -> a == Valid.class || a.isAnnotationPresent(Constraint.class)
                        || a.getSimpleName().equals("List") && a.getEnclosingClass() != null
                                && a.getEnclosingClass().isAnnotationPresent(Constraint.class));
    }

    interface Orders {
        void place(@NotNull @Size(max = 20) String reference);
    }

    interface Lookups {
        String find(String reference);
    }

    @Stateless
    static class Unmarked implements Orders {
        @Override
        public void place(String reference) {
        }
    }

    @Singleton
    @Local(Orders.class)
    static class UnmarkedLocal {
        public void place(String reference) {
        }
    }

    @Stateless
    @ValidatesBusinessInterface
    static class Marked implements Orders {
        @Override
        public void place(String reference) {
        }
    }

    @Stateless
    static class Unconstrained implements Lookups {
        @Override
        public String find(String reference) {
            return reference;
        }
    }

    static class NotABean implements Orders {
        @Override
        public void place(String reference) {
        }
    }
}
