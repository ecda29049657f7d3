package fr.gestan.cloud.it.support;

import jakarta.ejb.EJB;

/**
 * Base of the in-container test classes: the callers that run test code with a role, through the real
 * {@code @RolesAllowed} checks ({@code support.it}, {@code admin.it}, {@code auditor.it}, and {@code client.demo}, the
 * contact of the demo company). Arquillian injects the fields of superclasses too.
 */
public abstract class WithRoleCallers {

    @EJB
    protected AsSupport support;
    @EJB
    protected AsAdmin admin;
    @EJB
    protected AsAuditor auditor;
    @EJB
    protected AsClient client;
}
