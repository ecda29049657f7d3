package fr.gestan.cloud.common.keys;

import java.util.List;

/**
 * A module's key ring that an administrator may rotate from the back office. Each module holding a key implements
 * it as a local EJB (admin only, the rotation journaled); the web layer finds every implementation.
 */
public interface RotatableKeys {

    /** The ring's name, unique in the product ({@code hosted-accounts}, {@code certificate-signing}). */
    String purpose();

    /** The ring's keys, oldest first, exactly one active. */
    List<KeyView> keys();

    /**
     * Generates a new key and makes it active: what is signed or encrypted from now on uses it, what the older keys
     * made still verifies or decrypts. Journaled ({@code KEY_ROTATED}).
     *
     * @return the new active key
     */
    KeyView rotate();
}
