package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.gestan.cloud.hosting.api.HostingContracts;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * The statements the certificate batch's loop asks of the compliance unit to read a page (issue 19: the loop's reads
 * overlap the drafts, but each statement costs the loop and PostgreSQL CPU the workers wait for on two cores).
 */
class BatchPageReadTest {

    private static final String A = "842317653", B = "552100554";

    /** The statements made, in order: a named query's name, or a JPQL or SQL query's text. */
    private final List<String> statements = new ArrayList<>();
    /** Whether the run's loop still works on it, as the database would tell. */
    private boolean working = true;
    /** Whether no candidate is left after the page asked for. */
    private boolean exhausted;

    /**
     * An entity manager answering as a database whose two unblocked tenants both hold a valid certificate, counting
     * each query made (a statement each).
     */
    private EntityManager em() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (p, m, args) -> switch (m.getName()) {
                    case "createNamedQuery", "createQuery", "createNativeQuery" -> {
                        statements.add((String) args[0]);
                        yield query(answer((String) args[0]));
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private Object answer(String query) {
        if (query.equals(CertificateBatchRun.PAGE)) {
            return working && !exhausted ? List.of(new Object[] {A, true}, new Object[] {B, true}) : List.of();
        }
        if (query.contains("count(r) from CertificateBatchRun")) {
            return working ? 1L : 0L;
        }
        // the statements of the loop before (the candidates, then which of them hold a valid certificate)
        return working && !exhausted ? List.of(A, B) : List.of();
    }

    @SuppressWarnings("unchecked")
    private static TypedQuery<Object> query(Object answer) {
        return (TypedQuery<Object>) Proxy.newProxyInstance(TypedQuery.class.getClassLoader(), new Class<?>[] {TypedQuery.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getResultList" -> answer;
                    case "getSingleResult" -> answer;
                    default -> p; // setParameter, setMaxResults, ...
                });
    }

    private CertificateBatchJob job() {
        CertificateBatchJob job = new CertificateBatchJob();
        job.em = em();
        job.runs = new CertificateBatchRunStore();
        job.runs.em = job.em;
        job.contracts = (HostingContracts) Proxy.newProxyInstance(HostingContracts.class.getClassLoader(),
                new Class<?>[] {HostingContracts.class}, (p, m, args) -> Set.of(A, B));
        return job;
    }

    /** The sequence of certificate numbers: a page with nobody to certify takes none. */
    private static final CertificateNumberPool.Sequence NO_NUMBERS = (CertificateNumberPool.Sequence) Proxy.newProxyInstance(
            CertificateNumberPool.Sequence.class.getClassLoader(), new Class<?>[] {CertificateNumberPool.Sequence.class}, (p, m, args) -> {
                throw new AssertionError("no number taken");
            });

    private static CertificateBatchJob.Batch batch() {
        return new CertificateBatchJob.Batch(7, "loop", 50, 2, new Semaphore(2), new CertificateNumberPool(NO_NUMBERS),
                new ComplianceFactsReader.Shared[] {null}, new BatchPage[] {null});
    }

    @Test
    void a_page_reads_its_candidates_and_which_of_them_hold_a_valid_certificate_in_one_statement() {
        CertificateBatchJob.PageRead read = job().readPage(batch(), "", null);

        assertEquals(List.of(A, B), read.page().tenants);
        assertEquals(List.of(), read.page().toIssue(), "both hold a valid certificate");
        assertNull(read.docs());
        assertEquals(List.of(CertificateBatchRun.PAGE), statements, "one statement: the candidates, their certificates, the loop's run");
    }

    @Test
    void a_loop_whose_run_another_node_took_over_reads_no_page_and_stops() {
        working = false;
        CertificateBatchJob job = job();

        assertThrows(CertificateBatchRunStore.TakenOverException.class, () -> job.readPage(batch(), A, null));
        working = true;
        exhausted = true;
        assertNull(job.readPage(batch(), B, null), "past the last candidate: the batch ends");
    }
}
