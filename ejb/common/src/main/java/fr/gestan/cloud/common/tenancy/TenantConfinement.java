package fr.gestan.cloud.common.tenancy;

import jakarta.ejb.EJBContext;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;

/**
 * The declarative form of {@link CallerTenancy}'s rule: an EJB interceptor ({@code @Interceptors(TenantConfinement.class)} on the bean) that applies {@link CallerTenancy}'s
 * rule to every parameter marked {@link TenantRef} before the method runs, and journals a refusal. Fails closed: when no module provides
 * {@link CallerTenancy} (a deployment without the tenants module), only staff get through.
 */
public class TenantConfinement {

    /** The journal action of a refusal. */
    public static final String REFUSED_ACTION = "TENANT_CONFINEMENT";

    @Inject
    Instance<CallerTenancy> tenancy;

    @Inject
    Instance<AccessJournal> journal;

    @Resource
    SessionContext caller;

    @AroundInvoke
    public Object confine(InvocationContext invocation) throws Exception {
        Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
        Object[] parameters = invocation.getParameters();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof TenantRef ref && !ref.checkedInBody()) {
                    require(parameters[i] == null ? null : parameters[i].toString(), invocation);
                }
            }
        }
        return invocation.proceed();
    }

    /**
     * {@link CallerTenancy#mayAccess(String)} where the tenants module may be absent: then nobody can tell a client's
     * company, so only staff pass (fail closed).
     */
    public static boolean allows(Instance<CallerTenancy> tenancy, EJBContext caller, String tenantSiren) {
        return tenancy.isResolvable() ? tenancy.get().mayAccess(tenantSiren)
                : caller.isCallerInRole(Roles.SUPPORT) || caller.isCallerInRole(Roles.ADMIN) || caller.isCallerInRole(Roles.AUDITOR);
    }

    private void require(String tenantSiren, InvocationContext invocation) {
        if (!allows(tenancy, caller, tenantSiren)) {
            String action = invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
            if (journal.isResolvable()) {
                journal.get().recordIndependently(JournalEvent.refused(REFUSED_ACTION, tenantSiren, action,
                        "a client contact asked for another company's data"));
            }
            throw new EJBAccessException("A client contact may only act on its own company's data");
        }
    }
}
