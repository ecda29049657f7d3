package fr.gestan.cloud.tenants.api;

import java.util.Optional;

/** How far the re-encryption of hosted-account secrets after the last rotation of their key has gone. */
public interface SecretKeyRotation {

    /** The newest re-encryption run, if the key was ever rotated. */
    Optional<SecretRekeyRunView> lastRun();
}
