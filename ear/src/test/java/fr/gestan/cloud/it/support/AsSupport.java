package fr.gestan.cloud.it.support;

import fr.gestan.cloud.common.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Runs test code as principal {@code support.it} holding role {@code support}, through the real {@code @RolesAllowed} checks. */
@Stateless
@PermitAll
@RunAs(Roles.SUPPORT)
@RunAsPrincipal("support.it")
public class AsSupport extends RoleCaller {
}
