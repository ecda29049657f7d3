package fr.gestan.cloud.it.modules;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.it.support.RoleCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Runs test code as {@code client.unlinked.it} with role {@code client}: a client contact linked to no company. */
@Stateless
@PermitAll
@RunAs(Roles.CLIENT)
@RunAsPrincipal("client.unlinked.it")
public class AsUnlinkedClient extends RoleCaller {
}
