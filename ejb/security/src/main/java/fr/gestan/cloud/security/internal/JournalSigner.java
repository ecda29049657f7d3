package fr.gestan.cloud.security.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.nio.file.Path;

/** Holds the checkpoint signing key of this node, loaded (or generated) on first use. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JournalSigner {

    private volatile JournalKeys keys;

    JournalKeys keys() {
        JournalKeys loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                loaded = keys;
                if (loaded == null) {
                    Path path = JournalKeys.configuredPath();
                    keys = loaded = JournalKeys.loadOrCreate(path);
                }
            }
        }
        return loaded;
    }
}
