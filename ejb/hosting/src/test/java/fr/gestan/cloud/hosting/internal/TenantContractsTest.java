package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A tenant's contracts are read once per transaction (docs/performance.md, client19): the client dashboard's recovery
 * tile ({@code myRecovery}), servers tile ({@code myServers}) and compliance tile ({@code HostingContracts.list}) read
 * the same query three times in its view's transaction. Each gets the rows its own query would have returned; a
 * contract written since, another transaction, a cleared persistence context or no transaction at all read again.
 */
class TenantContractsTest {

    private final List<String> reads = new ArrayList<>();
    private boolean contained = true;
    private List<HostingContract> rows = contracts(3);

    private static List<HostingContract> contracts(int n) {
        return IntStream.range(0, n).mapToObj(i -> new HostingContract()).toList();
    }

    private EntityManager em() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (p, m, args) -> {
            switch (m.getName()) {
                case "contains" -> {
                    return contained;
                }
                case "createNamedQuery" -> {
                    assertEquals(HostingContract.PAGE_OF_TENANT, args[0]);
                    int[] max = {Integer.MAX_VALUE};
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TypedQuery.class}, (q, qm, qargs) -> {
                        switch (qm.getName()) {
                            case "setParameter" -> {
                                return q;
                            }
                            case "setMaxResults" -> {
                                max[0] = (Integer) qargs[0];
                                return q;
                            }
                            case "getResultList" -> {
                                reads.add("read " + max[0]);
                                return rows.subList(0, Math.min(max[0], rows.size()));
                            }
                            default -> throw new UnsupportedOperationException(qm.getName());
                        }
                    });
                }
                default -> throw new UnsupportedOperationException(m.getName());
            }
        });
    }

    /** An active transaction's registry (its resources only). */
    private static TransactionSynchronizationRegistry transaction() {
        Map<Object, Object> resources = new HashMap<>();
        return new TransactionSynchronizationRegistry() {
            @Override
            public Object getTransactionKey() {
                return this;
            }

            @Override
            public void putResource(Object key, Object value) {
                resources.put(key, value);
            }

            @Override
            public Object getResource(Object key) {
                return resources.get(key);
            }

            @Override
            public void registerInterposedSynchronization(Synchronization sync) {
            }

            @Override
            public int getTransactionStatus() {
                return Status.STATUS_ACTIVE;
            }

            @Override
            public void setRollbackOnly() {
            }

            @Override
            public boolean getRollbackOnly() {
                return false;
            }
        };
    }

    @Test
    void the_dashboard_s_three_reads_of_a_tenant_s_contracts_are_one() {
        EntityManager em = em();
        TransactionSynchronizationRegistry tx = transaction();
        List<HostingContract> recovery = TenantContracts.of(em, tx, "842317653", 100);
        List<HostingContract> servers = TenantContracts.of(em, tx, "842317653", 100);
        List<HostingContract> compliance = TenantContracts.of(em, tx, "842317653", 500);
        assertEquals(List.of("read 500"), reads, "one read for the view's three");
        assertEquals(rows, recovery);
        assertEquals(rows, servers);
        assertEquals(rows, compliance);
        assertSame(rows.get(0), servers.get(0), "the persistence context's entities");
    }

    @Test
    void a_smaller_limit_gets_the_first_rows_as_its_own_query_would() {
        rows = contracts(150);
        TransactionSynchronizationRegistry tx = transaction();
        assertEquals(rows.subList(0, 100), TenantContracts.of(em(), tx, "842317653", 100));
        assertEquals(rows, TenantContracts.of(em(), tx, "842317653", 500));
        assertEquals(rows.subList(0, 1), TenantContracts.of(em(), tx, "842317653", 1));
        assertEquals(List.of("read 500"), reads);
    }

    @Test
    void another_tenant_another_transaction_a_write_or_a_cleared_context_read_again() {
        TransactionSynchronizationRegistry tx = transaction();
        TenantContracts.of(em(), tx, "842317653", 100);
        TenantContracts.of(em(), tx, "552100554", 100);
        TenantContracts.of(em(), transaction(), "842317653", 100);
        assertEquals(3, reads.size(), "each tenant, each transaction: " + reads);
        new TenantContracts.Listener().written(rows.get(0)); // a contract persisted, changed or removed
        TenantContracts.of(em(), tx, "842317653", 100);
        assertEquals(4, reads.size(), "after a write: " + reads);
        TenantContracts.of(em(), tx, "842317653", 100);
        assertEquals(4, reads.size(), "kept again: " + reads);
        contained = false; // em.clear()
        TenantContracts.of(em(), tx, "842317653", 100);
        assertEquals(5, reads.size(), "detached: " + reads);
    }

    @Test
    void outside_a_transaction_each_call_reads() {
        TenantContracts.of(em(), null, "842317653", 100);
        TenantContracts.of(em(), null, "842317653", 100);
        assertEquals(List.of("read 100", "read 100"), reads);
    }
}
