package fr.gestan.cloud.it.support;

/** Test code to run as a given caller; it may throw what the service throws. */
@FunctionalInterface
public interface Call<T> {
    T call() throws Exception;
}
