package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A journaled service of the hosting module: its persistence unit, beside the journal, caller and clock. */
public abstract class HostingServiceBase extends JournaledService {

    @PersistenceContext(unitName = "hosting")
    protected EntityManager em;
}
