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
        int beans = 0;
        Path classes = Path.of("target", "classes"); // the web module's own classes (surefire runs in the module)
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!type.isAnnotationPresent(ViewScoped.class) && !type.isAnnotationPresent(SessionScoped.class)
                        && !type.isAnnotationPresent(ConversationScoped.class)) {
                    continue;
                }
                beans++;
                for (Field field : type.getDeclaredFields()) {
                    if (field.isAnnotationPresent(EJB.class) && Modifier.isTransient(field.getModifiers())) {
                        transientEjbs.add(type.getSimpleName() + "." + field.getName());
                    }
                }
            }
        }
        assertTrue(beans > 20, "too few scoped beans found: " + beans);
        assertTrue(transientEjbs.isEmpty(), "@EJB fields that would be null after a failover:\n" + String.join("\n", transientEjbs));
    }
}
