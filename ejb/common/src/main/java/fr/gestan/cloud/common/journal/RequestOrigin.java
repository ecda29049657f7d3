package fr.gestan.cloud.common.journal;

/**
 * The client address of the web request being served on this thread, set by the web layer's filter and read by
 * the journal (local EJB calls run on the caller's thread). Empty outside a web request.
 */
public final class RequestOrigin {

    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    private RequestOrigin() {
    }

    public static void set(String address) {
        ADDRESS.set(address);
    }

    public static void clear() {
        ADDRESS.remove();
    }

    /** The current request's client address, or {@code null}. */
    public static String address() {
        return ADDRESS.get();
    }
}
