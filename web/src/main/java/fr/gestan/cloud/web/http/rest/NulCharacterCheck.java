package fr.gestan.cloud.web.http.rest;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Finds a NUL character (U+0000) in what the API read from a body: the records, collections and maps the DTOs are
 * made of ({@link JsonBodyCheck} refuses such a body).
 */
final class NulCharacterCheck {

    private NulCharacterCheck() {
    }

    /** The path of the first string holding U+0000 ("" for the body itself), or null. */
    static String find(Object value, String path, int depth) {
        if (value == null || depth > 20) {
            return null;
        }
        if (value instanceof CharSequence s) {
            return s.toString().indexOf('\0') >= 0 ? path : null;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                String found = find(item, path + "[" + i++ + "]", depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String found = key.indexOf('\0') >= 0 ? join(path, key.replace("\0", ""))
                        : find(e.getValue(), join(path, key), depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    String found = find(c.getAccessor().invoke(value), join(path, c.getName()), depth + 1);
                    if (found != null) {
                        return found;
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not readable: nothing a client wrote
                }
            }
        }
        return null;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
