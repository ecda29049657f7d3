package fr.gestan.cloud.common.lease;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A timer method that deliberately runs on every node, without a lease: its work is per node (this node's own
 * exports) or idempotent (a second run finds nothing left to do). {@link #why()} says which, for the reader and the
 * architecture test that requires every timer to be either this or {@link OncePerCluster}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnEveryNode {

    /** Why running on every node at once is safe. */
    String why();
}
