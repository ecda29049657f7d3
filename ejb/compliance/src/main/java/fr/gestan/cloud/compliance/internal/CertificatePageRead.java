package fr.gestan.cloud.compliance.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * The certificate batch's reading of one page in one transaction (issue 19): its queries, and the other modules'
 * calls that join it, share one connection of the pool (one checkout, so one validation, and one commit for the
 * page), where each call and each query outside a transaction took a connection of its own and committed apart. Runs
 * what it is given as the caller (the batch's staff member); it has no authority of its own.
 */
@Stateless
@LocalBean
@PermitAll
public class CertificatePageRead {

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T read(Supplier<T> page) {
        return page.get();
    }
}
