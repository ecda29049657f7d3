package fr.gestan.cloud.it.modules;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.it.support.RoleCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** A support member who never signed a confidentiality agreement ({@code support.nodeal}). */
@Stateless
@PermitAll
@RunAs(Roles.SUPPORT)
@RunAsPrincipal("support.nodeal")
public class AsUnclearedSupport extends RoleCaller {
}
