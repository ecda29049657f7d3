package fr.gestan.cloud.it.modules;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.it.support.RoleCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Runs test code as {@code client.other.it} with role {@code client}: a contact of another company than the demo's, linked by ClientPageReadsIT. */
@Stateless
@PermitAll
@RunAs(Roles.CLIENT)
@RunAsPrincipal("client.other.it")
public class AsOtherClient extends RoleCaller {
}
