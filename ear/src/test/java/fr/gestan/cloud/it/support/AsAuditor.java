package fr.gestan.cloud.it.support;

import fr.gestan.cloud.common.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Runs test code as principal {@code auditor.it} holding role {@code auditor}, through the real {@code @RolesAllowed} checks. */
@Stateless
@PermitAll
@RunAs(Roles.AUDITOR)
@RunAsPrincipal("auditor.it")
public class AsAuditor extends RoleCaller {
}
