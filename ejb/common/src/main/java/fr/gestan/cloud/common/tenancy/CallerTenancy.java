package fr.gestan.cloud.common.tenancy;

import java.util.Optional;

/**
 * Which company the calling client contact speaks for. Implemented by the tenants module (the authority on portal
 * accounts) and used by modules that must confine a client to its own tenant without depending on tenants.
 */
public interface CallerTenancy {

    /** The SIREN of the caller's company when the caller is a client contact; empty for staff and unknown users. */
    Optional<String> tenantOfCaller();
}
