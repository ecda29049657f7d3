package fr.gestan.cloud.notifications.internal;

import fr.gestan.cloud.common.persistence.ModuleSchema;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/** Brings this module's tables up to date when the application is deployed. */
@Startup
@Singleton
public class NotificationsSchema extends ModuleSchema {

    public NotificationsSchema() {
        super("notifications");
    }
}
