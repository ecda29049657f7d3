package fr.gestan.cloud.security.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where the import of Keycloak's sign-in events stopped. One row, locked while importing. */
@Entity
@Table(name = "keycloak_event_cursor")
public class KeycloakEventCursor {

    static final int ID = 1;

    @Id
    private Integer id;

    private long lastTime;

    protected KeycloakEventCursor() {
        // for JPA
    }

    long lastTime() {
        return lastTime;
    }

    void advanceTo(long time) {
        if (time > lastTime) {
            lastTime = time;
        }
    }
}
