package fr.gestan.cloud.common.lease;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that schedules its own work (a {@code ManagedScheduledExecutorService}, or a thread of a
 * {@code ManagedThreadFactory}) and takes the lease {@link #value()} in the body of each round itself, because it
 * renews the lease within a round (the journal's sequencer, the notification sender). Declared so that the architecture test can tell it from a scheduler that runs on every node
 * by mistake.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HoldsLease {

    /** The lease's name. */
    String value();
}
