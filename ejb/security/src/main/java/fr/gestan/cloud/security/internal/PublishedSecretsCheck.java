package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.config.PublishedDefaults;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fails the deployment outside demo mode while a client secret or the TLS key store password is unset or still
 * its published development value ({@link PublishedDefaults}): the message names each setting to change.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PublishedSecretsCheck {

    private static final Logger LOG = Logger.getLogger(PublishedSecretsCheck.class.getName());

    @PostConstruct
    void check() {
        try {
            PublishedDefaults.refuseToStartWithPublishedSecrets();
        } catch (IllegalStateException e) {
            LOG.log(Level.SEVERE, e.getMessage());
            throw e;
        }
    }
}
