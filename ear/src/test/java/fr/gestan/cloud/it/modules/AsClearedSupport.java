package fr.gestan.cloud.it.modules;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.it.support.RoleCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** A support member whom HostedAccountsIT registers with a valid confidentiality agreement ({@code support.accounts}); not support.it, whose agreements SecurityAdminIT tests from scratch. */
@Stateless
@PermitAll
@RunAs(Roles.SUPPORT)
@RunAsPrincipal("support.accounts")
public class AsClearedSupport extends RoleCaller {
}
