package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A journaled service of the notifications module: its persistence unit, beside the journal, caller and clock. */
public abstract class NotificationsServiceBase extends JournaledService {

    @PersistenceContext(unitName = "notifications")
    protected EntityManager em;
}
