package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A journaled service of the security module: its persistence unit, beside the journal, caller and clock; the input
 * constraints of its business interface are checked ({@link ValidatesBusinessInterface}, inherited by every bean below).
 */
@ValidatesBusinessInterface
public abstract class SecurityServiceBase extends JournaledService {

    @PersistenceContext(unitName = "security")
    protected EntityManager em;
}
