package fr.gestan.cloud.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A view or session outlives its node (docs/operations.md, "Several nodes"): the session is replicated and the
 * @ViewScoped beans are deserialised on the other node. A transient field is not injected again there, so a
 * {@code @EJB transient} service was null after a failover (a 500 on the next click). EJB references are
 * passivation-capable (WildFly serialises the proxy), so they are never transient in a view- or session-scoped bean.
 */
class ScopedBeansSurviveFailoverTest {

    @Test
    void no_scoped_bean_loses_its_services_when_its_session_moves() throws Exception {
        List<String> transientEjbs = new ArrayList<>();
        List<Class<?>> beans = scopedBeans();
        for (Class<?> type : beans) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(EJB.class) && Modifier.isTransient(field.getModifiers())) {
                    transientEjbs.add(type.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertTrue(beans.size() > 20, "too few scoped beans found: " + beans.size());
        assertTrue(transientEjbs.isEmpty(), "@EJB fields that would be null after a failover:\n" + String.join("\n", transientEjbs));
    }

    /**
     * A field whose value cannot be serialised stops the whole session from replicating (WildFly logs ISPN000559
     * "Cannot marshall … NotSerializableException" and every later request's changes stay on that node): after a
     * failover the user's open pages answer "view expired". Found by ClusterFailoverIT with a compliance report
     * (StoredReportView) held by the dashboard's view. Every stored field's class, and the classes it holds (a list's
     * elements, a map's keys and values), must be serialisable.
     */
    @Test
    void every_field_of_a_scoped_bean_can_travel_with_its_session() throws Exception {
        List<String> unserialisable = new ArrayList<>();
        for (Class<?> type : scopedBeans()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isAnnotationPresent(EJB.class)
                        || field.isAnnotationPresent(jakarta.inject.Inject.class)) {
                    continue; // not serialised, or an injected (passivation-capable) proxy
                }
                for (Class<?> held : classesHeld(field.getGenericType(), new java.util.HashSet<>())) {
                    if (!held.isPrimitive() && !held.isInterface() && !held.isEnum() && held != Object.class
                            && !java.io.Serializable.class.isAssignableFrom(held)) {
                        unserialisable.add(type.getSimpleName() + "." + field.getName() + ": " + held.getName());
                    }
                }
            }
        }
        assertTrue(unserialisable.isEmpty(), "fields that would stop the session from replicating:\n"
                + String.join("\n", unserialisable));
    }

    /** The web module's view-, session- and conversation-scoped beans: what a session carries to another node. */
    private static List<Class<?>> scopedBeans() throws Exception {
        List<Class<?>> beans = new ArrayList<>();
        Path classes = Path.of("target", "classes"); // the web module's own classes (surefire runs in the module)
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ScopedBeansSurviveFailoverTest.class.getClassLoader());
                if (type.isAnnotationPresent(ViewScoped.class) || type.isAnnotationPresent(SessionScoped.class)
                        || type.isAnnotationPresent(ConversationScoped.class)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }

    /** The classes a value of this type holds: itself, its type arguments, and the components of our records. */
    private static List<Class<?>> classesHeld(java.lang.reflect.Type type, java.util.Set<java.lang.reflect.Type> seen) {
        List<Class<?>> held = new ArrayList<>();
        if (!seen.add(type)) {
            return held;
        }
        if (type instanceof Class<?> c) {
            Class<?> element = c.isArray() ? c.getComponentType() : c;
            held.add(element);
            if (element.isRecord() && element.getName().startsWith("fr.gestan.")) {
                for (java.lang.reflect.RecordComponent component : element.getRecordComponents()) {
                    held.addAll(classesHeld(component.getGenericType(), seen));
                }
            }
        } else if (type instanceof java.lang.reflect.ParameterizedType p) {
            held.addAll(classesHeld(p.getRawType(), seen));
            for (java.lang.reflect.Type argument : p.getActualTypeArguments()) {
                held.addAll(classesHeld(argument, seen));
            }
        } else if (type instanceof java.lang.reflect.GenericArrayType a) {
            held.addAll(classesHeld(a.getGenericComponentType(), seen));
        }
        return held;
    }
}
