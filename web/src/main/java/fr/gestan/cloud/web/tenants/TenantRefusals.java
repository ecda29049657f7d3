package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantStateException;
import fr.gestan.cloud.web.i18n.Messages;

/** Why a tenant service refused a change, told to the user: the tenant's state forbids it, or the tenant is gone. */
final class TenantRefusals {

    private TenantRefusals() {
    }

    /** For {@code catch (TenantStateException | TenantNotFoundException e)}. */
    static void show(Messages messages, Exception e) {
        messages.error(key(e));
    }

    /** The message's key in the tenants bundle. */
    static String key(Exception e) {
        if (e instanceof TenantStateException state) {
            return "tenant.state.refused." + state.from();
        }
        if (e instanceof TenantNotFoundException) {
            return "tenant.notFound";
        }
        throw new IllegalArgumentException("not a tenant refusal", e);
    }
}
