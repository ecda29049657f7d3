package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.MachineEvidence;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.security.api.ServerControls.Control;
import fr.gestan.cloud.security.api.ServerControls.ControlView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Stores what machines reported as control evidence "reported by" the reporter. Local interface only, like
 * {@link ReporterJournalBean}: the caller (the agent API) has checked the reporter's token and the event first.
 */
@Stateless
@PermitAll // the agent API is anonymous: the reporter proved itself with its token
public class MachineEvidenceBean extends SecurityServiceBase implements MachineEvidence {

    // current() is @PermitAll
    @EJB
    SecurityPolicies policies;

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public ControlView record(String reporter, Reported evidence) {
        Objects.requireNonNull(reporter, "reporter");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.persist(ControlEvidence.reported(evidence, now, reporter));
        em.flush();
        Control control = switch (evidence.kind()) {
            case BACKUP -> Control.BACKUP;
            case SNAPSHOT, SOFTWARE_UPDATE -> Control.UPDATE_SNAPSHOT;
            case FIREWALL_APPLIED -> Control.FIREWALL;
            case DDOS -> Control.DDOS;
        };
        return ServerControlsBean.controlsOf(em, evidence.serverRef().strip(), policies.current().settings(), now).stream()
                .filter(c -> c.control() == control).findFirst().orElseThrow();
    }
}
