package fr.gestan.cloud.security.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds what makes a PDF act when opened (scripts, automatic actions, launched programs, embedded files, forms
 * that submit), so that an uploaded agreement that an auditor later opens cannot carry any. Names are compared
 * after decoding their {@code #xx} escapes ({@code /J#61vaScript}), and compressed streams (object streams hide
 * dictionaries there) are inflated and searched too. A scan, not a parser: it refuses rather than misses.
 */
final class PdfActiveContent {

    static final List<String> ACTIVE = List.of("/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile",
            "/EmbeddedFiles", "/RichMedia", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/XFA");
    private static final Pattern NAME = Pattern.compile("/[^\\s/<>\\[\\]()%{}]+");
    private static final Pattern STREAM = Pattern.compile("stream\\r?\\n");
    private static final int MAX_INFLATED = 64 * 1024 * 1024;

    private PdfActiveContent() {
    }

    /** The first active name found (e.g. {@code /OpenAction}), or null. */
    static String find(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        String found = findIn(text);
        if (found != null) {
            return found;
        }
        Matcher stream = STREAM.matcher(text);
        int budget = MAX_INFLATED;
        while (stream.find() && budget > 0) {
            int start = stream.end();
            int end = text.indexOf("endstream", start);
            if (end < 0) {
                break;
            }
            String inflated = inflate(pdf, start, end - start, budget);
            if (inflated != null) {
                budget -= inflated.length();
                found = findIn(inflated);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String findIn(String text) {
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            String decoded = decode(name.group());
            if (ACTIVE.contains(decoded)) {
                return decoded;
            }
        }
        return null;
    }

    /** {@code /J#61vaScript} → {@code /JavaScript}. */
    static String decode(String name) {
        if (name.indexOf('#') < 0) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '#' && i + 2 < name.length()) {
                try {
                    out.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape: keep the character
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String inflate(byte[] pdf, int offset, int length, int budget) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished() && out.size() < budget) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
        } catch (DataFormatException notDeflate) {
            return null;
        } finally {
            inflater.end();
        }
    }
}
