package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Carries on, in the background, a certificate batch whose node stopped beating (issue 20: "a batch whose node dies
 * is resumed by the other, never run twice"). Its starter's session is gone with the dead node: the rest of the run
 * issues as {@value #ACTOR} with the support role (each certificate and journal entry says so), and the run keeps its
 * starter. Called by the sweep of {@link CertificateBatchJob}; the takeover itself decides which node carries it on.
 */
@Stateless
@PermitAll
@RunAs(Roles.SUPPORT)
@RunAsPrincipal(CertificateBatchResumer.ACTOR)
public class CertificateBatchResumer {

    static final String ACTOR = "gestan-batch";
    private static final Logger LOG = Logger.getLogger(CertificateBatchResumer.class.getName());

    @EJB
    CertificateBatchJob job;

    @Asynchronous
    public void resume(long runId) {
        try {
            job.resume(runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not resume certificate batch " + runId + "; the next sweep tries again", e);
        }
    }
}
