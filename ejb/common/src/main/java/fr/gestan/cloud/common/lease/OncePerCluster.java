package fr.gestan.cloud.common.lease;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A timer method ({@code @Schedule} or {@code @Timeout}) whose body runs on one node of the cluster only: the node
 * that holds the lease {@link #lease()} ({@link ClusterLeases}). Takes effect through the {@link ClusterOnce}
 * interceptor ({@code @Interceptors(ClusterOnce.class)} on the bean), which takes or renews the lease before the
 * body and skips the body when another node holds it.
 * <p>
 * The lease is not given back after the body: it runs for {@link #holdSeconds()}, so that the same timer firing a
 * moment later on another node (clocks and timers are never exactly in step) finds it held and skips. Choose a hold
 * longer than the body's longest run and, for a periodic timer, longer than its period: the holder then renews it at
 * each round and keeps the work, and another node takes over within one hold after the holder died.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OncePerCluster {

    /** The lease's name (at most 64 characters): one per kind of work; several timers of one job may share it. */
    String lease();

    /** How long the lease is held after each run starts. */
    int holdSeconds();
}
