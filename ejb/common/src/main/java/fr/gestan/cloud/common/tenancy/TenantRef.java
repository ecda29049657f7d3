package fr.gestan.cloud.common.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter (a SIREN) naming the tenant a client-reachable method acts on; {@link TenantConfinement}
 * refuses a client contact whose company it is not. The architecture test requires it on every such parameter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TenantRef {

    /**
     * True when the method applies {@link CallerTenancy#mayAccess(String)} itself, to answer a refused client as
     * if the record did not exist (so it cannot learn that another company's record does); the interceptor then
     * leaves the parameter alone.
     */
    boolean checkedInBody() default false;
}
