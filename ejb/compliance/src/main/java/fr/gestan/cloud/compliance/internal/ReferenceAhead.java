package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.lease.OnEveryNode;
import fr.gestan.cloud.common.persistence.NodeMemo;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 2 s, on every node: the reference data of single evaluations ({@link SharedReferenceCache}) and the controls of
 * the production servers that views asked for, computed ahead ({@link NodeMemo#ahead}) as the public pages' kept
 * values are ({@code PublicMemosAhead}): the client dashboard's compliance tile no longer reads them in the view that
 * finds them out of date. Only while views read them (in the last minute).
 */
@Singleton
@PermitAll
@RunAs(Roles.AUDITOR) // the reader's reference data is read as an auditor (read-only), as for a client's own evaluation
public class ReferenceAhead {

    private static final Logger LOG = Logger.getLogger(ReferenceAhead.class.getName());

    @EJB
    ComplianceFactsReader reader;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "compliance-reference-ahead")
    @OnEveryNode(why = "the reference data is kept in each node's memory: each node computes its own")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the reader's call in a transaction of its own
    void everyTwoSeconds() {
        try {
            NodeMemo.ahead(() -> reader.keepAhead(LocalDate.now(Paris.ZONE)));
        } catch (RuntimeException e) {
            // the database away, say: the views read what they need, as without this timer
            LOG.log(Level.FINE, "Could not compute the compliance reference data ahead", e);
        }
    }
}
