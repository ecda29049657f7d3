package fr.gestan.cloud.it.support;

import fr.gestan.cloud.common.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Runs test code as principal {@code client.demo} holding role {@code client}, through the real {@code @RolesAllowed} checks. */
@Stateless
@PermitAll
@RunAs(Roles.CLIENT)
@RunAsPrincipal("client.demo")
public class AsClient extends RoleCaller {
}
