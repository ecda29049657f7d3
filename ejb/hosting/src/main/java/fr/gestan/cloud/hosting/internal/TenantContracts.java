package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.WriteGeneration;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/**
 * A tenant's contracts ({@link HostingContract#PAGE_OF_TENANT}, newest first) read once per transaction: the client
 * dashboard's view (one transaction, {@code PortalViewTransaction}) read them three times, for its recovery tile
 * ({@code RecoveryPlans.myRecovery}), its servers tile ({@code ServerStatus.myServers}) and its compliance tile (the
 * facts' {@code HostingContracts.list}); docs/performance.md, client19. The first read takes up to {@value #MAX} of
 * them and is kept in the transaction ({@link TransactionSynchronizationRegistry}: the entities are the transaction's
 * persistence context's, the same instances a second query would return); a later read asking for at most as many
 * takes the first ones of that list, which is what its own query would have returned (same order, same rows).
 *
 * <p>Void as soon as a contract is written on this node ({@link Listener}: persisted, changed or removed, noted at the
 * call and again at the flush and at the transaction's end, through {@link WriteGeneration}), and when the persistence
 * context no longer holds the entities (cleared). Outside a transaction, each call reads.
 */
final class TenantContracts {

    /** The most a tenant's contracts are read at once (the compliance facts' limit). */
    static final int MAX = 500;

    static final WriteGeneration GENERATION = new WriteGeneration();

    /** The transaction's resource key of a tenant's list. */
    private record Key(String siren) {
    }

    private record Kept(long generation, List<HostingContract> contracts) {
    }

    private TenantContracts() {
    }

    /**
     * The tenant's first {@code max} contracts, newest first, as {@code PAGE_OF_TENANT} with that limit returns them;
     * read once per transaction for any {@code max} up to {@value #MAX}.
     */
    static List<HostingContract> of(EntityManager em, TransactionSynchronizationRegistry transactions, String siren, int max) {
        if (max > MAX || transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return read(em, siren, max);
        }
        Key key = new Key(siren);
        long generation = GENERATION.get();
        Kept kept = (Kept) transactions.getResource(key);
        if (kept == null || kept.generation() != generation
                || (!kept.contracts().isEmpty() && !em.contains(kept.contracts().get(0)))) {
            kept = new Kept(generation, read(em, siren, MAX));
            transactions.putResource(key, kept);
        }
        List<HostingContract> all = kept.contracts();
        return all.size() <= max ? all : all.subList(0, max);
    }

    private static List<HostingContract> read(EntityManager em, String siren, int max) {
        return List.copyOf(em.createNamedQuery(HostingContract.PAGE_OF_TENANT, HostingContract.class).setParameter("siren", siren)
                .setMaxResults(max).getResultList());
    }

    /** On {@link HostingContract}: a contract persisted, changed or removed voids the lists kept. */
    public static class Listener {

        @PrePersist
        @PostPersist
        @PreUpdate
        @PostUpdate
        @PreRemove
        @PostRemove
        void written(Object entity) {
            GENERATION.changed();
        }
    }
}
