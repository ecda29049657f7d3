package fr.gestan.cloud.hosting.api;

/** The service level of a hosting contract; it also sets the restore priority in the recovery plan (lower first). */
public enum ServiceLevel {
    PREMIUM(1), STANDARD(2), ESSENTIAL(3);

    private final int restorePriority;

    ServiceLevel(int restorePriority) {
        this.restorePriority = restorePriority;
    }

    public int restorePriority() {
        return restorePriority;
    }
}
