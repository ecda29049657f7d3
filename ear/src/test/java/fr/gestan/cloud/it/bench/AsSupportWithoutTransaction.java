package fr.gestan.cloud.it.bench;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.it.support.Call;
import fr.gestan.cloud.it.support.RoleCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Calls as support without opening a transaction, as the back office's background work does: a run of several
 * minutes (the report, a batch) must not sit inside the caller's transaction, which would time out.
 */
@Stateless
@PermitAll
@RunAs(Roles.SUPPORT)
@RunAsPrincipal("support.it")
public class AsSupportWithoutTransaction extends RoleCaller {

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T> T call(Call<T> call) throws Exception {
        return super.call(call);
    }
}
