package fr.gestan.cloud.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A JPA result stream holds its JDBC result set, and with it the connection, until it is closed (docs/architecture.md,
 * "Query results: lists, or a stream closed"): a stream collected and dropped keeps them until the transaction ends,
 * which IronJacamar reported as IJ000311 on the batch's managed threads. So a query's rows are read as a list
 * ({@code getResultList()}), and {@code getResultStream()} is called only by the classes of {@link #STREAMING}, which
 * stream on purpose (an export) and close the stream where they open it (try-with-resources). Read from the bytecode of
 * the EJB and web modules.
 */
class ResultStreamsTest {

    /** The classes that stream a query's rows on purpose; each closes the stream in the method that opens it. */
    static final Set<String> STREAMING = Set.of(
            // a tenant's certificates and their PDFs, a page at a time, each PDF into the export's ZIP
            "fr.gestan.cloud.compliance.internal.CertificateExportContributor");

    private static final Set<String> STREAM_TYPES = Set.of(Stream.class.getName(), java.util.stream.BaseStream.class.getName(),
            AutoCloseable.class.getName());

    @Test
    void result_streams_are_opened_only_by_the_streaming_classes_and_closed_there() {
        JavaClasses classes = ProductionClasses.withWeb();
        assertEquals(List.of(), violations(classes, STREAMING), "query results read as unclosed streams");
        for (String streaming : STREAMING) {
            assertTrue(classes.contain(streaming) && !calls(classes, streaming).isEmpty(),
                    streaming + " no longer streams a query: take it off STREAMING");
        }
    }

    @Test
    void the_check_finds_a_stream_left_open_or_outside_the_list_and_accepts_a_list_and_a_closed_stream() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(LeftOpen.class, Closed.class, Listed.class);
        assertEquals(List.of("ResultStreamsTest$LeftOpen.names: getResultStream() not closed in the method that opens it"
                        + " (try-with-resources)"),
                violations(fixtures, Set.of(LeftOpen.class.getName(), Closed.class.getName())));
        assertEquals(List.of("ResultStreamsTest$Closed.names: getResultStream() outside the streaming classes (read a list,"
                        + " getResultList(), or add the class to ResultStreamsTest.STREAMING)",
                        "ResultStreamsTest$LeftOpen.names: getResultStream() outside the streaming classes (read a list,"
                        + " getResultList(), or add the class to ResultStreamsTest.STREAMING)"),
                violations(fixtures, Set.of()));
    }

    static List<String> violations(JavaClasses classes, Set<String> streaming) {
        Set<String> violations = new TreeSet<>();
        for (JavaMethodCall call : calls(classes, null)) {
            JavaCodeUnit method = call.getOrigin();
            String where = method.getOwner().getName().substring(method.getOwner().getPackageName().length() + 1) + "."
                    + method.getName();
            if (!in(method.getOwner().getName(), streaming)) {
                violations.add(where + ": getResultStream() outside the streaming classes (read a list, getResultList(), or add the"
                        + " class to ResultStreamsTest.STREAMING)");
            } else if (method.getMethodCallsFromSelf().stream().noneMatch(ResultStreamsTest::closesAStream)) {
                violations.add(where + ": getResultStream() not closed in the method that opens it (try-with-resources)");
            }
        }
        return List.copyOf(violations);
    }

    /** The calls of a JPA (or Hibernate) query's {@code getResultStream()}, in one top-level class or in all. */
    private static List<JavaMethodCall> calls(JavaClasses classes, String inClass) {
        return classes.stream().filter(c -> inClass == null || in(c.getName(), Set.of(inClass)))
                .flatMap(c -> c.getMethodCallsFromSelf().stream())
                .filter(call -> call.getName().equals("getResultStream")
                        && (call.getTargetOwner().getPackageName().startsWith("jakarta.persistence")
                        || call.getTargetOwner().getPackageName().startsWith("org.hibernate")))
                .toList();
    }

    private static boolean closesAStream(JavaMethodCall call) {
        return call.getName().equals("close") && STREAM_TYPES.contains(call.getTargetOwner().getName());
    }

    /** The class is one of these, or nested in one (a lambda's body is a method of its class already). */
    private static boolean in(String className, Set<String> classes) {
        int nested = className.indexOf('$');
        return classes.contains(className) || nested > 0 && classes.contains(className.substring(0, nested));
    }

    static class LeftOpen {
        List<String> names(EntityManager em) {
            return em.createQuery("select t.name from Tenant t", String.class).getResultStream().toList();
        }
    }

    static class Closed {
        void names(EntityManager em, Consumer<String> sink) {
            try (Stream<String> names = em.createQuery("select t.name from Tenant t", String.class).getResultStream()) {
                names.forEach(sink);
            }
        }
    }

    static class Listed {
        List<String> names(EntityManager em) {
            return em.createQuery("select t.name from Tenant t", String.class).getResultList();
        }
    }
}
